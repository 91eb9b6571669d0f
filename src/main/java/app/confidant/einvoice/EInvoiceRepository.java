package app.confidant.einvoice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.UUID;

/** Seller profiles and imported documents, every query scoped to the tenant. */
@ApplicationScoped
public class EInvoiceRepository {

    @PersistenceContext(unitName = "confidant")
    EntityManager em;

    public Optional<SellerProfile> seller(UUID tenant) {
        return em.createQuery("SELECT s FROM SellerProfile s WHERE s.tenantId = :tenant", SellerProfile.class)
                .setParameter("tenant", tenant).getResultStream().findFirst();
    }

    public Optional<ImportedDocument> imported(UUID tenant, UUID invoiceId) {
        return em.createQuery("SELECT d FROM ImportedDocument d WHERE d.tenantId = :tenant AND d.invoiceId = :id",
                        ImportedDocument.class)
                .setParameter("tenant", tenant).setParameter("id", invoiceId).getResultStream().findFirst();
    }

    public void add(Object entity) {
        em.persist(entity);
    }

    public void flush() {
        em.flush();
    }
}
