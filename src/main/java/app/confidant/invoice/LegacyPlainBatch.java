package app.confidant.invoice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** One transaction of {@link LegacyPlainFields}: up to a batch of rows whose former plain values are sealed. */
@ApplicationScoped
@Transactional
public class LegacyPlainBatch {

    static final int BATCH = 200;
    private static final String PARTIES = "FROM Party p WHERE (p.legacyCity IS NOT NULL OR p.legacyPostcode IS NOT NULL)";
    private static final String INVOICES = "FROM Invoice i WHERE (i.legacyBuyerReference IS NOT NULL"
            + " OR i.legacyRejectionReason IS NOT NULL)";
    private static final String PAYMENTS = "FROM Payment x WHERE x.legacyReference IS NOT NULL";

    @PersistenceContext(unitName = "confidant")
    EntityManager em;

    /** Seals one batch; returns how many rows it changed (0 when none is left). Skipped: rows known not to open. */
    public int sealNext(Set<UUID> skipped) {
        int changed = 0;
        for (Party party : locked("SELECT p " + PARTIES, query("SELECT p.id " + PARTIES, "p.id", skipped, UUID.class),
                "p.id", Party.class)) {
            party.sealLegacyPlainValues();
            changed++;
        }
        for (Invoice invoice : locked("SELECT i " + INVOICES, query("SELECT i.id " + INVOICES, "i.id", skipped,
                UUID.class), "i.id", Invoice.class)) {
            invoice.sealLegacyPlainValues();
            changed++;
        }
        for (Payment payment : query("SELECT x " + PAYMENTS, "x.invoiceId", skipped, Payment.class).getResultList()) {
            Invoice invoice = em.find(Invoice.class, payment.invoiceId(), LockModeType.PESSIMISTIC_WRITE);
            invoice.paymentReference(payment.id(), payment.legacyReference());
            payment.legacyReferenceSealed();
            changed++;
        }
        return changed;
    }

    /** Whether any row other than the skipped ones still has a former plain value. */
    public boolean anyLeft(Set<UUID> skipped) {
        return !query("SELECT p.id " + PARTIES, "p.id", skipped, UUID.class).getResultList().isEmpty()
                || !query("SELECT i.id " + INVOICES, "i.id", skipped, UUID.class).getResultList().isEmpty()
                || !query("SELECT x.id " + PAYMENTS, "x.invoiceId", skipped, UUID.class).getResultList().isEmpty();
    }

    /**
     * The rows of a batch, locked for update and still holding a former plain value. Two steps because a locking
     * query with a row limit is not portable: EclipseLink writes {@code FOR UPDATE LIMIT ?}, which H2 refuses.
     */
    private <T> List<T> locked(String jpql, TypedQuery<UUID> batch, String idPath, Class<T> type) {
        List<UUID> ids = batch.getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery(jpql + " AND " + idPath + " IN :ids", type).setParameter("ids", ids)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    private <T> TypedQuery<T> query(String jpql, String idPath, Set<UUID> skipped, Class<T> type) {
        List<UUID> left = skipped.stream().limit(1000).toList();
        TypedQuery<T> query = em.createQuery(left.isEmpty() ? jpql : jpql + " AND " + idPath + " NOT IN :skipped",
                type).setMaxResults(BATCH);
        return left.isEmpty() ? query : query.setParameter("skipped", left);
    }
}
