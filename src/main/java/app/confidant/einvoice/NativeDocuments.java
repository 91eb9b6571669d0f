package app.confidant.einvoice;

import app.confidant.einvoice.UblDocument.Address;
import app.confidant.einvoice.UblDocument.AllowanceCharge;
import app.confidant.einvoice.UblDocument.Id;
import app.confidant.einvoice.UblDocument.TaxBreakdown;
import app.confidant.einvoice.UblDocument.Trader;
import app.confidant.invoice.Invoice;
import app.confidant.invoice.InvoiceLine;
import app.confidant.invoice.InvoiceTotals;
import app.confidant.invoice.Party;
import app.confidant.invoice.TaxCategory;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * An invoice issued here as a {@link UblDocument}: the tenant's seller details, the party as buyer, lines, the tax
 * breakdown as {@link InvoiceTotals} computes it, and the standard VATEX exemption reason of each category that
 * needs one. Where EN 16931 needs a term the invoice model does not hold, the choice is stated here.
 */
final class NativeDocuments {

    private NativeDocuments() {
    }

    /** {@code preceding} is the credited invoice of a credit note, else null. */
    static UblDocument of(Invoice invoice, Party buyer, SellerRequest seller, Invoice preceding) {
        boolean creditNote = invoice.kind() == Invoice.Kind.CREDIT_NOTE;
        List<InvoiceLine> lines = invoice.lines();
        InvoiceTotals totals = InvoiceTotals.of(lines.stream().map(NativeDocuments::figures).toList(),
                invoice.prepaid());
        boolean outOfScope = lines.stream().anyMatch(l -> l.taxCategory() == TaxCategory.O);
        boolean intraCommunity = lines.stream().anyMatch(l -> l.taxCategory() == TaxCategory.K);
        BigDecimal gross = invoice.netTotal().add(invoice.taxTotal());
        return new UblDocument(creditNote, UblDocument.CUSTOMIZATION_ID, UblDocument.PROFILE_ID, invoice.number(),
                invoice.issueDate(), creditNote ? "381" : "380", invoice.currency(), null, null, invoice.dueDate(),
                invoice.note() == null ? List.of() : List.of(invoice.note()), null, invoice.buyerReference(), null,
                invoice.purchaseOrderRef(), null, null, null, null, null, null, List.of(),
                preceding == null ? List.of() : List.of(new UblDocument.Preceding(preceding.number(), preceding.issueDate())),
                seller(seller, outOfScope), buyer(buyer, outOfScope), null, null,
                // K (intra-community supply) needs a delivery date and country; the model has neither: the issue
                // date and the buyer's country stand for them.
                intraCommunity ? new UblDocument.Delivery(null, invoice.issueDate(), null,
                        new Address(null, null, null, null, null, null, buyer.country())) : null,
                seller.iban() == null ? List.of() : List.of(new UblDocument.Payment("58", null, invoice.number(),
                        seller.iban().replace(" ", ""), seller.accountName(), seller.bic(), null, null)),
                invoice.paymentTerms(), List.of(), null,
                new UblDocument.Totals(invoice.netTotal(), invoice.netTotal(), gross, null, null,
                        invoice.prepaid().signum() == 0 ? null : invoice.prepaid(), null, invoice.payable(),
                        invoice.taxTotal()),
                totals.breakdown().stream().map(NativeDocuments::breakdown).toList(),
                lines.stream().map(l -> line(invoice, l)).toList());
    }

    private static InvoiceTotals.Line figures(InvoiceLine l) {
        return new InvoiceTotals.Line(l.quantity(), l.unitPrice(), l.discount(), l.taxCategory(), l.taxRate());
    }

    private static Trader seller(SellerRequest s, boolean outOfScope) {
        UblDocument.Contact contact = s.contactName() == null && s.contactPhone() == null && s.contactEmail() == null
                ? null : new UblDocument.Contact(s.contactName(), s.contactPhone(), s.contactEmail());
        return new Trader(s.name(), s.tradingName(), List.of(), new Id(s.endpointId(), s.endpointScheme()),
                new Address(s.street(), s.additionalStreet(), null, s.city(), s.postcode(), null, s.country()),
                outOfScope ? null : s.vatId(), null,
                s.legalId() == null ? null : new Id(s.legalId(), s.legalIdScheme()), null, contact);
    }

    /** The party's tax id is its VAT id when it carries a country prefix (BR-CO-09), else its legal id. */
    private static Trader buyer(Party p, boolean outOfScope) {
        String taxId = p.taxId() == null ? null : p.taxId().replaceAll("[\\s.-]", "").toUpperCase();
        boolean vat = taxId != null && taxId.matches("[A-Z]{2}[A-Z0-9+*]{2,}");
        String[] lines = p.addressLines() == null ? new String[0] : p.addressLines().split("\\R");
        UblDocument.Contact contact = p.email() == null && p.phone() == null ? null
                : new UblDocument.Contact(null, p.phone(), p.email());
        return new Trader(p.legalName(), p.tradingName(), List.of(),
                p.email() == null ? null : new Id(p.email(), "EM"),
                new Address(part(lines, 0), part(lines, 1), part(lines, 2), p.city(), p.postcode(), null, p.country()),
                vat && !outOfScope ? taxId : null, null,
                taxId != null && (!vat || outOfScope) ? new Id(taxId, null) : null, null, contact);
    }

    private static String part(String[] lines, int i) {
        return i < lines.length && !lines[i].isBlank() ? lines[i].strip() : null;
    }

    private static TaxBreakdown breakdown(InvoiceTotals.TaxSubtotal s) {
        String[] exemption = exemption(s.category());
        return new TaxBreakdown(s.taxable(), s.tax(), s.category().name(), rate(s.category(), s.rate()),
                exemption[1], exemption[0]);
    }

    /** VATEX code and text for the categories that need an exemption reason (BR-E-10, BR-AE-10, BR-IC-10, …). */
    static String[] exemption(TaxCategory category) {
        return switch (category) {
            case E -> new String[] {null, "Exempt from VAT"};
            case AE -> new String[] {"VATEX-EU-AE", "Reverse charge"};
            case K -> new String[] {"VATEX-EU-IC", "Intra-Community supply"};
            case G -> new String[] {"VATEX-EU-G", "Export outside the EU"};
            case O -> new String[] {"VATEX-EU-O", "Not subject to VAT"};
            default -> new String[] {null, null};
        };
    }

    /** Category O carries no rate at all (BR-O-05); the others state theirs, 0 included. */
    private static BigDecimal rate(TaxCategory category, BigDecimal rate) {
        return category == TaxCategory.O ? null : rate;
    }

    private static UblDocument.Line line(Invoice invoice, InvoiceLine l) {
        List<AllowanceCharge> discounts = new ArrayList<>();
        if (l.discount().signum() > 0) {
            discounts.add(new AllowanceCharge(false, l.discount(), null, null, null, null, "Discount", "95"));
        }
        String description = invoice.description(l.lineNo());
        return new UblDocument.Line(Integer.toString(l.lineNo()), null, null, l.quantity(), l.unitCode(), l.net(),
                null, null, null, discounts, description, null, null, null, null, List.of(), null, List.of(),
                l.taxCategory().name(), rate(l.taxCategory(), l.taxRate()), l.unitPrice(), null, null, null, null);
    }
}
