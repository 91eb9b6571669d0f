package app.confidant.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a draft must satisfy beyond its fields' own rules, checked before anything is stored: dates within the years
 * an invoice can carry, no line with a negative net (a discount above quantity × price), a payable that is not
 * negative (prepaid above the gross total), and every computed amount within the columns that store it
 * and that the e-invoice rules can check ({@link #LARGEST_AMOUNT}). Each refusal is 422 and names the field.
 */
final class InvoiceLimits {

    /** Dates an invoice may carry: a date outside is a typo or a probe, and far years do not survive storage. */
    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    static final LocalDate LATEST = LocalDate.of(2099, 12, 31);
    /**
     * The largest line or document amount: far inside the {@code NUMERIC(19,2)} columns, and below 10^12 because the
     * official EN 16931 rules compare sums in floating point (XPath doubles), which above that can no longer tell
     * whether an invoice's totals add up; an invoice the rules cannot check could never be exported.
     */
    static final BigDecimal LARGEST_AMOUNT = new BigDecimal("999999999999.99");

    private InvoiceLimits() {
    }

    static void check(InvoiceRequest request) {
        date("issueDate", request.issueDate());
        date("dueDate", request.dueDate());
        List<InvoiceTotals.Line> figures = request.lines().stream().map(InvoiceRequest.LineRequest::figures).toList();
        for (int i = 0; i < figures.size(); i++) {
            InvoiceTotals.Line line = figures.get(i);
            BigDecimal gross = line.quantity().multiply(line.unitPrice());
            amount("lines[" + i + "].quantity × unitPrice", gross);
            if (line.discount().compareTo(gross) > 0) {
                throw new InvoiceException(422, "negative-line-net", "lines[" + i + "].discount: the discount is"
                        + " larger than quantity × unit price; a line's net may not be negative (credit notes take"
                        + " amounts back).");
            }
        }
        InvoiceTotals totals = InvoiceTotals.of(figures, request.prepaid());
        amount("netTotal", totals.netTotal());
        amount("taxTotal", totals.taxTotal());
        amount("grossTotal", totals.grossTotal());
        if (totals.payable().signum() < 0) {
            throw new InvoiceException(422, "negative-payable",
                    "prepaid: the prepaid amount is larger than the invoice's gross total.");
        }
    }

    static void date(String field, LocalDate value) {
        if (value != null && (value.isBefore(EARLIEST) || value.isAfter(LATEST))) {
            throw new InvoiceException(422, "date-out-of-range", field + ": must lie between " + EARLIEST + " and "
                    + LATEST + ".");
        }
    }

    private static void amount(String field, BigDecimal value) {
        if (value.abs().compareTo(LARGEST_AMOUNT) > 0) {
            throw new InvoiceException(422, "amount-out-of-range", field + ": the amount exceeds what an invoice can"
                    + " carry (" + LARGEST_AMOUNT.toPlainString() + ").");
        }
    }
}
