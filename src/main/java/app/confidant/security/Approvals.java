package app.confidant.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The approvals' rows. */
@ApplicationScoped
public class Approvals {

    @PersistenceContext(unitName = "confidant")
    EntityManager em;

    void add(Approval approval) {
        em.persist(approval);
        em.flush();
    }

    Optional<Approval> find(UUID id) {
        return Optional.ofNullable(em.find(Approval.class, id));
    }

    Optional<Approval> lock(UUID id) {
        return Optional.ofNullable(em.find(Approval.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    /** A tenant's approvals: pending first, then newest first. */
    List<Approval> page(UUID tenantId, int offset, int limit) {
        return em.createQuery("SELECT a FROM Approval a WHERE a.tenantId = :tenant ORDER BY CASE WHEN a.state = '"
                        + Approval.PENDING + "' THEN 0 ELSE 1 END, a.proposedAt DESC, a.id", Approval.class)
                .setParameter("tenant", tenantId).setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    void flush() {
        em.flush();
    }
}
