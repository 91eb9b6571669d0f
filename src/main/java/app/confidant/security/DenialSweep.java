package app.confidant.security;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/** Writes the suppression events of closed denial windows even when the flood that filled them has stopped. */
@Singleton
@PermitAll // called by the container's timer with no caller; writes counts of denials only
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DenialSweep {

    @Inject
    Denials denials;

    @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false)
    @PermitAll
    public void sweep() {
        denials.recordSuppressed();
    }
}
