package app.confidant.einvoice;

import app.confidant.crypto.SealedEntity;
import app.confidant.crypto.SealingContext;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * The business terms of an imported invoice as the source document stated them (the {@link UblDocument}, sealed),
 * beside the invoice row that the workflow, lists and payments use. Re-export writes them again.
 */
@Entity
@Table(name = "einvoice_import")
public class ImportedDocument extends SealedEntity {

    private static final String TERMS = "terms";

    @Id
    @Column(name = "invoice_id")
    private UUID invoiceId;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Column(name = "imported_by", updatable = false)
    private UUID importedBy;

    @Column(name = "imported_at", nullable = false, updatable = false)
    private Instant importedAt;

    protected ImportedDocument() {
        // for JPA
    }

    ImportedDocument(UUID invoiceId, UUID tenantId, UblDocument terms, UUID importedBy, Instant now) {
        this.invoiceId = invoiceId;
        this.tenantId = tenantId;
        this.importedBy = importedBy;
        this.importedAt = now;
        sensitive(TERMS, Json.write(terms));
    }

    @Override
    protected SealingContext sealingContext() {
        return new SealingContext("einvoice-import", invoiceId, tenantId);
    }

    UblDocument terms() {
        return Json.read(sensitive(TERMS), UblDocument.class);
    }
}
