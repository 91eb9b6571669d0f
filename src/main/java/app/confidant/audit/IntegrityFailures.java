package app.confidant.audit;

import app.confidant.crypto.SealedValueException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Rows whose sealed values fail to open (altered, moved, written back from an older state, key-version column
 * changed): each occurrence is one log line and one audit event of its own ({@code integrity.sealed-value-corrupt},
 * outcome FAILURE) that name the row by entity type and id, never a value. The operator's next steps are in the
 * README (Integrity failures).
 */
@ApplicationScoped
public class IntegrityFailures {

    public static final String CODE = "sealed-value-corrupt";
    private static final Logger LOG = Logger.getLogger(IntegrityFailures.class.getName());

    @Inject
    AuditLog audit;

    @Inject
    ActorSource actors;

    /**
     * One row of a list: its view, or where its sealed values do not open, the failure reported and the row shown
     * {@code marked} instead, so that one broken row does not take the list down.
     */
    public <T> T orMarked(Supplier<T> view, Supplier<T> marked) {
        try {
            return view.get();
        } catch (SealedValueException e) {
            report(e);
            return marked.get();
        }
    }

    /** Records the failure; an audit failure propagates (a read that met a broken row is never left unrecorded). */
    public void report(SealedValueException failure) {
        String type = failure.entityType() == null ? "unknown" : failure.entityType();
        String id = failure.entityId() == null ? null : failure.entityId().toString();
        LOG.severe(() -> CODE + ": " + type + " " + id + " does not open: " + failure.getMessage());
        audit.appendIndependently(new AuditEntry(actors.current(), "integrity." + CODE, type, id, AuditEntry.FAILURE,
                null, Json.createObjectBuilder().add("problem", failure.getMessage()).build().toString()));
    }
}
