package app.confidant.invoice;

import app.confidant.crypto.SealedEntity;
import app.confidant.crypto.SealingContext;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * An invoice or credit note and its workflow. The note and the line descriptions are sealed; figures are plain and
 * the totals are always recomputed from the lines, never taken from a client.
 */
@Entity
@Table(name = "invoice")
public class Invoice extends SealedEntity {

    /** Invoice or credit note (EN 16931 BT-3: 380 or 381). */
    public enum Kind { INVOICE, CREDIT_NOTE }

    private static final String NOTE = "note";
    private static final String BUYER_REFERENCE = "buyerReference";
    private static final String REJECTION_REASON = "rejectionReason";

    @Id
    private UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Column(name = "party_id", nullable = false)
    private UUID partyId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Kind kind;

    @Column(nullable = false)
    private String series;

    private String number;

    @Column(name = "issue_date")
    private LocalDate issueDate;

    @Column(name = "due_date")
    private LocalDate dueDate;

    @Column(nullable = false, length = 3)
    private String currency;

    /** Plain only in rows written before the buyer reference was sealed; emptied when sealed again. */
    @Column(name = "buyer_reference")
    private String legacyBuyerReference;

    @Column(name = "purchase_order_ref")
    private String purchaseOrderRef;

    @Column(name = "payment_terms")
    private String paymentTerms;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private InvoiceStatus status;

    @Version
    @Column(name = "row_version")
    private long rowVersion;

    @Column(name = "net_total", nullable = false, precision = 19, scale = 2)
    private BigDecimal netTotal;

    @Column(name = "tax_total", nullable = false, precision = 19, scale = 2)
    private BigDecimal taxTotal;

    @Column(nullable = false, precision = 19, scale = 2)
    private BigDecimal prepaid;

    @Column(nullable = false, precision = 19, scale = 2)
    private BigDecimal payable;

    @Column(name = "paid_total", nullable = false, precision = 19, scale = 2)
    private BigDecimal paidTotal = BigDecimal.ZERO.setScale(2);

    @Column(nullable = false, updatable = false)
    private boolean imported;

    @Column(name = "preceding_invoice_id", updatable = false)
    private UUID precedingInvoiceId;

    @Column(name = "created_by", updatable = false)
    private UUID createdBy;

    @Column(name = "last_edited_by")
    private UUID lastEditedBy;

    @Column(name = "approved_by")
    private UUID approvedBy;

    /** Plain only in rows written before the rejection reason was sealed; emptied when sealed again. */
    @Column(name = "rejection_reason")
    private String legacyRejectionReason;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @OneToMany(mappedBy = "invoice", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("lineNo")
    private List<InvoiceLine> lines = new ArrayList<>();

    protected Invoice() {
        // for JPA
    }

    Invoice(UUID tenantId, Kind kind, String series, UUID createdBy, Instant now) {
        this.id = UUID.randomUUID();
        this.tenantId = Objects.requireNonNull(tenantId);
        this.kind = kind;
        this.series = series;
        this.status = InvoiceStatus.DRAFT;
        this.createdBy = createdBy;
        this.lastEditedBy = createdBy;
        this.createdAt = now;
        this.updatedAt = now;
        note(null);
        // every sealed field present from the first seal, so a former plain column is never read for a new row
        buyerReference(null);
        sensitive(REJECTION_REASON, null);
    }

    @Override
    protected SealingContext sealingContext() {
        return new SealingContext("invoice", id, tenantId);
    }

    /** Sets everything a draft holds; refused once the invoice is approved or issued. */
    void edit(InvoiceRequest request, UUID editor, Instant now) {
        requireStatus(InvoiceStatus.DRAFT, InvoiceStatus.SUBMITTED);
        header(request);
        replaceLines(request.lines(), request.prepaid());
        status = InvoiceStatus.DRAFT; // an edited submission goes back to draft
        lastEditedBy = editor;
        updatedAt = now;
    }

    private void header(InvoiceRequest request) {
        partyId = request.partyId();
        currency = request.currency();
        issueDate = request.issueDate();
        dueDate = request.dueDate();
        buyerReference(request.buyerReference());
        purchaseOrderRef = request.purchaseOrderRef();
        paymentTerms = request.paymentTerms();
        note(request.note());
    }

    /**
     * Line n of the request becomes line n of the invoice: existing rows are updated in place, extra rows added and
     * surplus rows removed. Replacing every row instead would insert new line numbers before the old rows are deleted
     * (JPA flushes inserts first) and break the unique (invoice, line number) key.
     */
    private void replaceLines(List<InvoiceRequest.LineRequest> requested, BigDecimal prepaidAmount) {
        int previous = lines.size();
        List<InvoiceTotals.Line> figures = requested.stream().map(InvoiceRequest.LineRequest::figures).toList();
        InvoiceTotals totals = InvoiceTotals.of(figures, prepaidAmount);
        for (int i = 0; i < requested.size(); i++) {
            String unitCode = requested.get(i).unitCode();
            if (i < previous) {
                lines.get(i).change(figures.get(i), unitCode, totals.lineNets().get(i));
            } else {
                lines.add(new InvoiceLine(this, i + 1, figures.get(i), unitCode, totals.lineNets().get(i)));
            }
            sensitive(descriptionKey(i + 1), requested.get(i).description());
        }
        for (int gone = previous; gone > requested.size(); gone--) {
            lines.remove(gone - 1);
            sensitive(descriptionKey(gone), null);
        }
        netTotal = totals.netTotal();
        taxTotal = totals.taxTotal();
        prepaid = totals.prepaid();
        payable = totals.payable();
    }

    /**
     * A historical record brought in by migration: issued elsewhere under {@code number}, its lines and document
     * totals kept as the source stated them (they may include document-level allowances the lines do not show).
     */
    void recordImported(InvoiceRequest request, List<BigDecimal> lineNets, InvoiceTotals documentTotals,
            String importedNumber, Instant now) {
        header(request);
        for (int i = 0; i < request.lines().size(); i++) {
            InvoiceRequest.LineRequest line = request.lines().get(i);
            lines.add(new InvoiceLine(this, i + 1, line.figures(), line.unitCode(), lineNets.get(i)));
            sensitive(descriptionKey(i + 1), line.description());
        }
        netTotal = documentTotals.netTotal();
        taxTotal = documentTotals.taxTotal();
        prepaid = documentTotals.prepaid();
        payable = documentTotals.payable();
        number = importedNumber;
        imported = true;
        move(InvoiceStatus.ISSUED, now);
    }

    /** Whether this invoice was issued elsewhere and brought in by migration (never numbered here). */
    public boolean imported() {
        return imported;
    }

    void submit(UUID by, Instant now) {
        requireStatus(InvoiceStatus.DRAFT);
        move(InvoiceStatus.SUBMITTED, now);
    }

    /** Nobody approves an invoice they created or last edited. */
    void approve(UUID approver, Instant now) {
        requireStatus(InvoiceStatus.SUBMITTED);
        if (approver.equals(createdBy) || approver.equals(lastEditedBy)) {
            throw new InvoiceException(409, "self-approval", "Nobody approves an invoice they created or last edited.");
        }
        approvedBy = approver; // the last rejection's reason stays on record
        move(InvoiceStatus.APPROVED, now);
    }

    void reject(String reason, Instant now) {
        requireStatus(InvoiceStatus.SUBMITTED);
        sensitive(REJECTION_REASON, reason);
        legacyRejectionReason = null;
        move(InvoiceStatus.DRAFT, now);
    }

    /** Refuses before a number is drawn: only an approved invoice whose due date has not passed is issued. */
    void requireIssuable(LocalDate today) {
        requireStatus(InvoiceStatus.APPROVED);
        if (dueDate != null && dueDate.isBefore(today)) {
            throw new InvoiceException(409, "due-before-issue",
                    "dueDate: the due date has passed; edit the draft's due date before issuing.");
        }
    }

    /** The issue date is the day of issue (BT-2), whatever date the draft carried. */
    void issue(String assignedNumber, LocalDate today, Instant now) {
        requireIssuable(today);
        number = assignedNumber;
        issueDate = today;
        move(InvoiceStatus.ISSUED, now);
    }

    void send(Instant now) {
        requireStatus(InvoiceStatus.ISSUED);
        move(InvoiceStatus.SENT, now);
    }

    /** Records a payment; refuses one that would pay more than is due. */
    void paid(BigDecimal amount, Instant now) {
        requireStatus(InvoiceStatus.ISSUED, InvoiceStatus.SENT, InvoiceStatus.PARTIALLY_PAID);
        if (kind == Kind.CREDIT_NOTE) {
            throw new InvoiceException(409, "credit-note-payment", "A credit note is settled by refund, not paid.");
        }
        BigDecimal after = paidTotal.add(amount);
        if (after.compareTo(payable) > 0) {
            throw new InvoiceException(409, "overpayment", "The payment exceeds the amount still due ("
                    + payable.subtract(paidTotal) + " " + currency + ").");
        }
        paidTotal = after;
        move(after.compareTo(payable) == 0 ? InvoiceStatus.PAID : InvoiceStatus.PARTIALLY_PAID, now);
    }

    /** Whether a credit note may be raised against this invoice: it must have been issued. */
    boolean creditable() {
        return kind == Kind.INVOICE && status.ordinal() >= InvoiceStatus.ISSUED.ordinal();
    }

    void requireStatus(InvoiceStatus... allowed) {
        for (InvoiceStatus s : allowed) {
            if (status == s) {
                return;
            }
        }
        throw new InvoiceException(409, status.editable() ? "invalid-transition" : "invoice-frozen",
                "Not possible while the invoice is " + status + ".");
    }

    private void move(InvoiceStatus next, Instant now) {
        status = next;
        updatedAt = now;
    }

    private void note(String value) {
        sensitive(NOTE, value);
    }

    private static String descriptionKey(int lineNo) {
        return "line." + lineNo + ".description";
    }

    public String note() {
        return sensitive(NOTE);
    }

    public String description(int lineNo) {
        return sensitive(descriptionKey(lineNo));
    }

    public UUID id() {
        return id;
    }

    public UUID tenantId() {
        return tenantId;
    }

    public UUID partyId() {
        return partyId;
    }

    public Kind kind() {
        return kind;
    }

    public String series() {
        return series;
    }

    public String number() {
        return number;
    }

    public LocalDate issueDate() {
        return issueDate;
    }

    public LocalDate dueDate() {
        return dueDate;
    }

    public String currency() {
        return currency;
    }

    /** BT-10, often a patient, case or cost-centre number: sealed. */
    public String buyerReference() {
        return holdsSensitive(BUYER_REFERENCE) ? sensitive(BUYER_REFERENCE) : legacyBuyerReference;
    }

    private void buyerReference(String value) {
        sensitive(BUYER_REFERENCE, value);
        legacyBuyerReference = null;
    }

    /** The payer's reference of one of this invoice's payments, sealed with the invoice (payments are immutable). */
    public String paymentReference(UUID paymentId) {
        return sensitive(paymentReferenceKey(paymentId));
    }

    void paymentReference(UUID paymentId, String reference) {
        sensitive(paymentReferenceKey(paymentId), reference);
    }

    private static String paymentReferenceKey(UUID paymentId) {
        return "payment." + paymentId + ".reference";
    }

    /** Whether a value is still in a former plain column: {@link LegacyPlainFields} seals it. */
    boolean hasLegacyPlainValues() {
        return legacyBuyerReference != null || legacyRejectionReason != null;
    }

    /** Moves the former plain columns into the sealed values (the row is sealed again on commit). */
    void sealLegacyPlainValues() {
        String reference = buyerReference();
        String reason = rejectionReason();
        buyerReference(reference);
        sensitive(REJECTION_REASON, reason);
        legacyRejectionReason = null;
    }

    public String purchaseOrderRef() {
        return purchaseOrderRef;
    }

    public String paymentTerms() {
        return paymentTerms;
    }

    public InvoiceStatus status() {
        return status;
    }

    public long rowVersion() {
        return rowVersion;
    }

    public BigDecimal netTotal() {
        return netTotal;
    }

    public BigDecimal taxTotal() {
        return taxTotal;
    }

    public BigDecimal prepaid() {
        return prepaid;
    }

    public BigDecimal payable() {
        return payable;
    }

    public UUID createdBy() {
        return createdBy;
    }

    /** Why the last rejection sent the invoice back: sealed. */
    public String rejectionReason() {
        return holdsSensitive(REJECTION_REASON) ? sensitive(REJECTION_REASON) : legacyRejectionReason;
    }

    public BigDecimal paidTotal() {
        return paidTotal;
    }

    public UUID precedingInvoiceId() {
        return precedingInvoiceId;
    }

    void precededBy(UUID invoiceId) {
        precedingInvoiceId = invoiceId;
    }

    public List<InvoiceLine> lines() {
        return List.copyOf(lines);
    }
}
