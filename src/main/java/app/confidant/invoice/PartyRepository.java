package app.confidant.invoice;

import app.confidant.crypto.BlindIndexer;
import app.confidant.crypto.Normalizer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Parties of a tenant; every query is scoped to the tenant, so another tenant's id is simply not found. */
@ApplicationScoped
public class PartyRepository {

    @PersistenceContext(unitName = "confidant")
    EntityManager em;

    @Inject
    BlindIndexer indexer;

    public void add(Party party) {
        em.persist(party);
    }

    /** Writes now, so that the version (the ETag) a response carries is the one stored. */
    public void flush() {
        em.flush();
    }

    public Optional<Party> find(UUID tenant, UUID id) {
        return em.createQuery("SELECT p FROM Party p WHERE p.tenantId = :tenant AND p.id = :id", Party.class)
                .setParameter("tenant", tenant).setParameter("id", id)
                .getResultStream().findFirst();
    }

    /**
     * Exact match on the tax id through its blind index: nothing is decrypted to search. During a blind-index key
     * rotation rows are indexed with the old or the new version, so the value's index under each usable version is
     * matched.
     */
    public List<Party> findByTaxId(UUID tenant, String taxId) {
        return byIndex("taxIdIndex", tenant, indexer.candidates(tenant, Normalizer.TAX_ID, taxId));
    }

    public List<Party> findByEmail(UUID tenant, String email) {
        return byIndex("emailIndex", tenant, indexer.candidates(tenant, Normalizer.EMAIL, email));
    }

    private List<Party> byIndex(String column, UUID tenant, List<byte[]> indexes) {
        if (indexes.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT p FROM Party p WHERE p.tenantId = :tenant AND p." + column
                        + " IN :indexes ORDER BY p.id", Party.class)
                .setParameter("tenant", tenant).setParameter("indexes", indexes)
                .setMaxResults(500)
                .getResultList();
    }

    /** A page of the tenant's parties, oldest first, ties broken by id so that pages never overlap. */
    public List<Party> page(UUID tenant, int offset, int limit) {
        return em.createQuery("SELECT p FROM Party p WHERE p.tenantId = :tenant ORDER BY p.createdAt, p.id",
                        Party.class)
                .setParameter("tenant", tenant).setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    public void remove(Party party) {
        em.remove(party);
    }
}
