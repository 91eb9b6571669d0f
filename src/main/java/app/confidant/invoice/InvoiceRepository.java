package app.confidant.invoice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Invoices of a tenant (every query scoped to it) and the gapless number counters. */
@ApplicationScoped
public class InvoiceRepository {

    @PersistenceContext(unitName = "confidant")
    EntityManager em;

    public void add(Invoice invoice) {
        em.persist(invoice);
    }

    public void flush() {
        em.flush();
    }

    public void remove(Invoice invoice) {
        em.remove(invoice);
    }

    /** Whether any invoice or credit note of the tenant names this party. */
    public boolean referencesParty(UUID tenant, UUID party) {
        return em.createQuery("SELECT COUNT(i) FROM Invoice i WHERE i.tenantId = :tenant AND i.partyId = :party",
                Long.class).setParameter("tenant", tenant).setParameter("party", party).getSingleResult() > 0;
    }

    public Optional<Invoice> find(UUID tenant, UUID id) {
        return em.createQuery("SELECT i FROM Invoice i WHERE i.tenantId = :tenant AND i.id = :id", Invoice.class)
                .setParameter("tenant", tenant).setParameter("id", id).getResultStream().findFirst();
    }

    /** Filters of a list; null means any. {@code parties} narrows to these parties (e.g. found by tax id). */
    public record Filter(InvoiceStatus status, UUID party, String number, java.time.LocalDate issuedFrom,
            java.time.LocalDate issuedTo, List<UUID> parties) {
    }

    public List<Invoice> page(UUID tenant, Filter filter, int offset, int limit) {
        InvoiceStatus status = filter.status();
        UUID party = filter.party();
        String number = filter.number();
        StringBuilder jpql = new StringBuilder("SELECT i FROM Invoice i WHERE i.tenantId = :tenant");
        if (filter.issuedFrom() != null) {
            jpql.append(" AND i.issueDate >= :from");
        }
        if (filter.issuedTo() != null) {
            jpql.append(" AND i.issueDate <= :to");
        }
        if (filter.parties() != null) {
            if (filter.parties().isEmpty()) {
                return List.of();
            }
            jpql.append(" AND i.partyId IN :parties");
        }
        if (status != null) {
            jpql.append(" AND i.status = :status");
        }
        if (party != null) {
            jpql.append(" AND i.partyId = :party");
        }
        if (number != null) {
            jpql.append(" AND i.number = :number");
        }
        // A period's invoices in order of issue; otherwise in order of creation (both served by an index).
        boolean period = filter.issuedFrom() != null || filter.issuedTo() != null;
        jpql.append(period ? " ORDER BY i.issueDate, i.createdAt, i.id" : " ORDER BY i.createdAt, i.id");
        var query = em.createQuery(jpql.toString(), Invoice.class)
                .setParameter("tenant", tenant);
        if (status != null) {
            query.setParameter("status", status);
        }
        if (party != null) {
            query.setParameter("party", party);
        }
        if (number != null) {
            query.setParameter("number", number);
        }
        if (filter.issuedFrom() != null) {
            query.setParameter("from", filter.issuedFrom());
        }
        if (filter.issuedTo() != null) {
            query.setParameter("to", filter.issuedTo());
        }
        if (filter.parties() != null) {
            query.setParameter("parties", filter.parties());
        }
        return query.setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    public void add(Payment payment) {
        em.persist(payment);
    }

    /** What credit notes against an invoice already take back (every state, so two drafts cannot over-credit). */
    public java.math.BigDecimal credited(UUID invoiceId) {
        java.math.BigDecimal sum = em.createQuery("SELECT SUM(i.payable) FROM Invoice i WHERE i.precedingInvoiceId = :id",
                java.math.BigDecimal.class).setParameter("id", invoiceId).getSingleResult();
        return sum == null ? java.math.BigDecimal.ZERO : sum;
    }

    /** The invoice row locked for update: concurrent payments and credit notes on one invoice queue. */
    public Optional<Invoice> findForUpdate(UUID tenant, UUID id) {
        return find(tenant, id).map(i -> {
            em.lock(i, LockModeType.PESSIMISTIC_WRITE);
            return i;
        });
    }

    /** A count, not a find: the counter must not enter the persistence context before it is read under lock. */
    public boolean counterExists(UUID tenant, String series, int year) {
        return em.createQuery("SELECT COUNT(c) FROM NumberingCounter c WHERE c.tenantId = :tenant"
                        + " AND c.series = :series AND c.year = :year", Long.class)
                .setParameter("tenant", tenant).setParameter("series", series).setParameter("year", year)
                .getSingleResult() > 0;
    }

    /**
     * The next number of a tenant's series in a year, taken under a row lock that the issuing transaction holds
     * until it commits: concurrent issuers queue, and a rollback returns the number, so there are no gaps.
     */
    public long nextNumber(UUID tenant, String series, int year) {
        NumberingCounter counter = em.find(NumberingCounter.class, new NumberingCounter.Key(tenant, series, year),
                LockModeType.PESSIMISTIC_WRITE);
        if (counter == null) {
            throw new IllegalStateException("counter missing: create it first (NumberingCounters.ensure)");
        }
        return counter.next();
    }
}
