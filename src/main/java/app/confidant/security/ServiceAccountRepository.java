package app.confidant.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Service accounts, found by id or by certificate fingerprint. */
@ApplicationScoped
public class ServiceAccountRepository {

    @PersistenceContext(unitName = "confidant")
    EntityManager em;

    public void add(ServiceAccount account) {
        em.persist(account);
        em.flush();
    }

    public Optional<ServiceAccount> forUpdate(UUID id) {
        return Optional.ofNullable(em.find(ServiceAccount.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    /** Revoked accounts too: a revoked certificate must not be registered again. */
    public Optional<ServiceAccount> byCertificate(String sha256) {
        return em.createQuery("SELECT s FROM ServiceAccount s WHERE s.certSha256 = :sha", ServiceAccount.class)
                .setParameter("sha", sha256).getResultStream().findFirst();
    }

    public boolean nameTaken(String name) {
        return em.createQuery("SELECT count(s) FROM ServiceAccount s WHERE s.name = :name", Long.class)
                .setParameter("name", name).getSingleResult() > 0;
    }

    public List<ServiceAccount> of(UUID tenantId) {
        return em.createQuery("SELECT s FROM ServiceAccount s WHERE s.tenantId = :tenant ORDER BY s.name",
                ServiceAccount.class).setParameter("tenant", tenantId).getResultList();
    }
}
