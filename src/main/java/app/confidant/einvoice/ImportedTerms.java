package app.confidant.einvoice;

import app.confidant.invoice.InvoiceRequest;
import app.confidant.invoice.InvoiceTotals;
import app.confidant.invoice.Party;
import app.confidant.invoice.TaxCategory;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What an imported document becomes in the invoice model: the buyer as a party, the header and lines, totals. */
final class ImportedTerms {

    private ImportedTerms() {
    }

    /** The buyer's tax id as the party keeps it: the VAT id, else the legal registration id. */
    static String buyerTaxId(UblDocument doc) {
        UblDocument.Trader b = doc.buyer();
        return b.vatId() != null ? b.vatId() : b.legalId() == null ? null : b.legalId().value();
    }

    static Party party(UblDocument doc, UUID tenant, UUID by, Instant now) {
        UblDocument.Trader b = doc.buyer();
        UblDocument.Address a = b.address();
        Party party = new Party(tenant, a.country(), by, now);
        party.legalName(b.name());
        party.tradingName(b.tradingName());
        party.taxId(buyerTaxId(doc));
        party.addressLines(String.join("\n", java.util.stream.Stream.of(a.line1(), a.line2(), a.line3())
                .filter(java.util.Objects::nonNull).toList()));
        party.city(cut(a.city(), 100));
        party.postcode(cut(a.postcode(), 20));
        if (b.contact() != null) {
            party.email(b.contact().email());
            party.phone(b.contact().phone());
        }
        return party;
    }

    static InvoiceRequest request(UblDocument doc, UUID partyId) {
        List<InvoiceRequest.LineRequest> lines = doc.lines().stream().map(ImportedTerms::line).toList();
        return new InvoiceRequest(partyId, doc.currency(), doc.issueDate(), doc.dueDate(),
                cut(doc.buyerReference(), 200), cut(doc.orderReference(), 200), cut(doc.paymentTerms(), 500),
                doc.notes().isEmpty() ? null : String.join("\n", doc.notes()), orZero(doc.totals().prepaid()), lines);
    }

    static List<BigDecimal> lineNets(UblDocument doc) {
        return doc.lines().stream().map(UblDocument.Line::net).toList();
    }

    /** The document's own totals (BG-22), which may include document-level allowances and charges. */
    static InvoiceTotals totals(UblDocument doc) {
        UblDocument.Totals t = doc.totals();
        return new InvoiceTotals(lineNets(doc), List.of(), t.taxExclusive(), orZero(t.taxTotal()), t.taxInclusive(),
                orZero(t.prepaid()), t.payable());
    }

    private static InvoiceRequest.LineRequest line(UblDocument.Line l) {
        BigDecimal price = l.price() == null ? BigDecimal.ZERO : l.price();
        BigDecimal base = l.baseQuantity() == null || l.baseQuantity().signum() == 0 ? BigDecimal.ONE : l.baseQuantity();
        BigDecimal unitPrice = price.divide(base, 4, java.math.RoundingMode.HALF_UP);
        // what the lines' allowances, charges and rounding took off the gross line amount
        BigDecimal discount = l.quantity().multiply(unitPrice).subtract(l.net()).setScale(2, java.math.RoundingMode.HALF_UP);
        return new InvoiceRequest.LineRequest(cut(l.name(), 500), l.quantity(), l.unitCode(), unitPrice, discount,
                category(l.category()), orZero(l.rate()));
    }

    private static TaxCategory category(String code) {
        try {
            return TaxCategory.valueOf(code);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new EInvoiceException(422, "unsupported-tax-category", "VAT category " + code
                    + " is valid in EN 16931 but not kept by Confidant (it keeps S, Z, E, AE, K, G and O).");
        }
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
