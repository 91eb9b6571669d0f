package app.confidant.invoice;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Money received against an issued invoice. Never changed afterwards; a mistake is corrected by a credit note. */
@Entity
@Table(name = "payment")
public class Payment {

    @Id
    private UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Column(name = "invoice_id", nullable = false, updatable = false)
    private UUID invoiceId;

    @Column(nullable = false, precision = 19, scale = 2, updatable = false)
    private BigDecimal amount;

    @Column(name = "paid_on", nullable = false, updatable = false)
    private LocalDate paidOn;

    @Column(nullable = false, updatable = false)
    private String method;

    /**
     * Plain only in payments recorded before references were sealed: the reference is sealed with the invoice
     * ({@link Invoice#paymentReference(UUID)}), and {@link LegacyPlainFields} moves an old one there.
     */
    @Column(name = "reference")
    private String legacyReference;

    @Column(name = "created_by", updatable = false)
    private UUID createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected Payment() {
        // for JPA
    }

    Payment(Invoice invoice, PaymentRequest request, UUID createdBy, Instant now) {
        this.id = UUID.randomUUID();
        this.tenantId = invoice.tenantId();
        this.invoiceId = invoice.id();
        this.amount = InvoiceTotals.money(request.amount());
        this.paidOn = request.paidOn();
        this.method = request.method();
        invoice.paymentReference(id, request.reference());
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    public UUID id() {
        return id;
    }

    public BigDecimal amount() {
        return amount;
    }

    public LocalDate paidOn() {
        return paidOn;
    }

    public String method() {
        return method;
    }

    String legacyReference() {
        return legacyReference;
    }

    void legacyReferenceSealed() {
        legacyReference = null;
    }

    UUID invoiceId() {
        return invoiceId;
    }
}
