package app.confidant.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An invoice as the API shows it; note and line descriptions masked (and not decrypted) for masked roles. {@code
 * integrity} is absent, except on an invoice whose sealed values failed to open ({@code sealed-value-corrupt}).
 */
public record InvoiceResponse(UUID id, String kind, String status, String series, String number, UUID partyId,
        String currency, LocalDate issueDate, LocalDate dueDate, String buyerReference, String purchaseOrderRef,
        String paymentTerms, String note, BigDecimal netTotal, BigDecimal taxTotal, BigDecimal prepaid,
        BigDecimal payable, BigDecimal paidTotal, UUID precedingInvoiceId, String rejectionReason,
        List<LineResponse> lines, boolean overdue, LocalDate retainUntil, boolean masked, long version,
        String integrity) {

    /** One line with its computed net. */
    public record LineResponse(int lineNo, String description, BigDecimal quantity, String unitCode,
            BigDecimal unitPrice, BigDecimal discount, String taxCategory, BigDecimal taxRate, BigDecimal net) {
    }

    /** Overdue is derived, never stored: issued, not fully paid, and past its due date. */
    static boolean overdue(Invoice i, LocalDate today) {
        return i.dueDate() != null && i.dueDate().isBefore(today) && i.kind() == Invoice.Kind.INVOICE
                && (i.status() == InvoiceStatus.ISSUED || i.status() == InvoiceStatus.SENT
                || i.status() == InvoiceStatus.PARTIALLY_PAID);
    }

    static InvoiceResponse of(Invoice i, boolean masked, LocalDate today, LocalDate retainUntil) {
        List<LineResponse> lines = i.lines().stream().map(l -> new LineResponse(l.lineNo(),
                masked ? Masks.HIDDEN : i.description(l.lineNo()), l.quantity(), l.unitCode(), l.unitPrice(),
                l.discount(), l.taxCategory().name(), l.taxRate(), l.net())).toList();
        return new InvoiceResponse(i.id(), i.kind().name(), i.status().name(), i.series(), i.number(), i.partyId(),
                i.currency(), i.issueDate(), i.dueDate(), masked ? Masks.HIDDEN : i.buyerReference(),
                i.purchaseOrderRef(), i.paymentTerms(), masked ? Masks.HIDDEN : i.note(), i.netTotal(), i.taxTotal(),
                i.prepaid(), i.payable(), i.paidTotal(), i.precedingInvoiceId(),
                masked ? Masks.HIDDEN : i.rejectionReason(), lines, overdue(i, today), retainUntil, masked,
                i.rowVersion(), null);
    }

    /** An invoice whose sealed values do not open, in a list: its plain columns and figures, marked. */
    static InvoiceResponse corrupt(Invoice i, String code) {
        List<LineResponse> lines = i.lines().stream().map(l -> new LineResponse(l.lineNo(), null, l.quantity(),
                l.unitCode(), l.unitPrice(), l.discount(), l.taxCategory().name(), l.taxRate(), l.net())).toList();
        return new InvoiceResponse(i.id(), i.kind().name(), i.status().name(), i.series(), i.number(), i.partyId(),
                i.currency(), i.issueDate(), i.dueDate(), null, null, null, null, i.netTotal(), i.taxTotal(),
                i.prepaid(), i.payable(), i.paidTotal(), i.precedingInvoiceId(), null, lines, false, null, false,
                i.rowVersion(), code);
    }
}
