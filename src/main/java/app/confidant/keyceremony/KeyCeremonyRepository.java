package app.confidant.keyceremony;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Key ceremonies, newest first. */
@ApplicationScoped
public class KeyCeremonyRepository {

    @PersistenceContext(unitName = "confidant")
    EntityManager em;

    void add(KeyCeremony ceremony) {
        em.persist(ceremony);
    }

    /** Locked, so that two approvals of one proposal cannot both carry it out. */
    Optional<KeyCeremony> lock(UUID id) {
        return Optional.ofNullable(em.find(KeyCeremony.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    Optional<KeyCeremony> find(UUID id) {
        return Optional.ofNullable(em.find(KeyCeremony.class, id));
    }

    /** Ceremonies of these tenants only. */
    List<KeyCeremony> page(List<UUID> tenants, int offset, int limit) {
        return em.createQuery("SELECT c FROM KeyCeremony c WHERE c.tenantId IN :tenants ORDER BY c.proposedAt DESC",
                        KeyCeremony.class).setParameter("tenants", tenants)
                .setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    void flush() {
        em.flush();
    }
}
