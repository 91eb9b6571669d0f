package app.confidant.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The tenant registry's rows. */
@ApplicationScoped
public class Tenants {

    @PersistenceContext(unitName = "confidant")
    EntityManager em;

    void add(Tenant tenant) {
        em.persist(tenant);
        em.flush();
    }

    Optional<Tenant> find(UUID id) {
        return id == null ? Optional.empty() : Optional.ofNullable(em.find(Tenant.class, id));
    }

    Optional<Tenant> forUpdate(UUID id) {
        return id == null ? Optional.empty()
                : Optional.ofNullable(em.find(Tenant.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    List<Tenant> all() {
        return em.createQuery("SELECT t FROM Tenant t ORDER BY t.createdAt, t.id", Tenant.class).getResultList();
    }
}
