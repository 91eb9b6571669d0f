package app.confidant.invoice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Historical invoices and credit notes brought in by migration: stored issued, with the number they were issued
 * under (series {@value #SERIES}, so they never meet this system's own numbering), marked imported, sealed like
 * every invoice. Called only by an audited, role-checked service of another capability (e-invoice import).
 */
@ApplicationScoped
public class ImportedInvoices {

    public static final String SERIES = "IMP";

    @Inject
    InvoiceRepository invoices;

    @Inject
    Clock clock;

    /** The invoice's id; 409 when the tenant already holds an imported document with this number. */
    public UUID record(UUID tenant, UUID importedBy, boolean creditNote, String number, InvoiceRequest request,
            List<BigDecimal> lineNets, InvoiceTotals documentTotals) {
        if (!invoices.page(tenant, new InvoiceRepository.Filter(null, null, number, null, null, null), 0, 500)
                .stream().filter(i -> SERIES.equals(i.series())).toList().isEmpty()) {
            throw new InvoiceException(409, "already-imported", "An imported document with this number exists.");
        }
        for (InvoiceRequest.LineRequest line : request.lines()) {
            if (!line.taxCategory().accepts(line.taxRate())) {
                throw new InvoiceException(422, "tax-rate-category",
                        "Category " + line.taxCategory() + " does not go with a rate of " + line.taxRate() + " %.");
            }
        }
        Invoice invoice = new Invoice(tenant, creditNote ? Invoice.Kind.CREDIT_NOTE : Invoice.Kind.INVOICE, SERIES,
                importedBy, clock.instant());
        invoice.recordImported(request, lineNets, documentTotals, number, clock.instant());
        invoices.add(invoice);
        invoices.flush();
        return invoice.id();
    }
}
