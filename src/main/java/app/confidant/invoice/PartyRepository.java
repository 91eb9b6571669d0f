package app.confidant.invoice;

import app.confidant.crypto.BlindIndexer;
import app.confidant.crypto.Normalizer;
import app.confidant.crypto.SealedValueException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.logging.Logger;

/** Parties of a tenant; every query is scoped to the tenant, so another tenant's id is simply not found. */
@ApplicationScoped
public class PartyRepository {

    private static final Logger LOG = Logger.getLogger(PartyRepository.class.getName());

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
     * Exact match on the tax id through its blind index: no row is decrypted to search. During a blind-index key
     * rotation rows are indexed with the old or the new version, so the value's index under each usable version is
     * matched. Each row found is then opened and kept only if its own value, normalised, equals the query: an index
     * copied to another row (by someone with access to the database) never returns the wrong party.
     */
    public List<Party> findByTaxId(UUID tenant, String taxId) {
        return verified(byIndex("taxIdIndex", tenant, indexer.candidates(tenant, Normalizer.TAX_ID, taxId)),
                Normalizer.TAX_ID, taxId, Party::taxId);
    }

    public List<Party> findByEmail(UUID tenant, String email) {
        return verified(byIndex("emailIndex", tenant, indexer.candidates(tenant, Normalizer.EMAIL, email)),
                Normalizer.EMAIL, email, Party::email);
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

    private static List<Party> verified(List<Party> found, Normalizer normalizer, String query,
            Function<Party, String> field) {
        String wanted = normalizer.normalize(query);
        return found.stream().filter(party -> {
            try {
                String value = field.apply(party);
                boolean matches = value != null && normalizer.normalize(value).equals(wanted);
                if (!matches) {
                    LOG.warning(() -> "party " + party.id() + " carries a blind index that is not its value's:"
                            + " left out of the search result (the index was changed outside the application)");
                }
                return matches;
            } catch (SealedValueException e) {
                LOG.warning(() -> "party " + party.id() + " matched a search but does not open (" + e.getMessage()
                        + "): left out of the search result");
                return false;
            }
        }).toList();
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
