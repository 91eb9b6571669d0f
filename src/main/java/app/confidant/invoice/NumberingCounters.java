package app.confidant.invoice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.UUID;

/**
 * Creates a series' counter row for a year, in a transaction of its own, before the issuing transaction locks it.
 * Two first issuers may race: the loser's insert fails on the primary key and the row exists either way, so
 * callers ignore a failure here (the lock that follows fails loudly if the row is really missing).
 */
@ApplicationScoped
public class NumberingCounters {

    @PersistenceContext(unitName = "confidant")
    EntityManager em;

    @Transactional(TxType.REQUIRES_NEW)
    public void create(UUID tenant, String series, int year) {
        if (em.find(NumberingCounter.class, new NumberingCounter.Key(tenant, series, year)) == null) {
            em.persist(new NumberingCounter(tenant, series, year));
            try {
                em.flush();
            } catch (PersistenceException createdConcurrently) {
                // Another issuer's row won. Flushing here (not at commit) leaves this transaction marked for
                // rollback, which ends it quietly; a failed commit instead left the caller's suspended transaction
                // unusable ("No externally managed transaction is currently active") and the issue answered 500.
            }
        }
    }

}
