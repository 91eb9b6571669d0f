package app.confidant.einvoice;

import static app.confidant.einvoice.Dom.all;
import static app.confidant.einvoice.Dom.attribute;
import static app.confidant.einvoice.Dom.date;
import static app.confidant.einvoice.Dom.decimal;
import static app.confidant.einvoice.Dom.one;
import static app.confidant.einvoice.Dom.text;

import app.confidant.einvoice.UblDocument.Address;
import app.confidant.einvoice.UblDocument.AllowanceCharge;
import app.confidant.einvoice.UblDocument.Id;
import app.confidant.einvoice.UblDocument.Line;
import app.confidant.einvoice.UblDocument.Period;
import app.confidant.einvoice.UblDocument.Trader;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Reads the business terms of {@link UblDocument} from a parsed (and validated) UBL 2.1 Invoice or CreditNote. */
final class UblReader {

    private UblReader() {
    }

    static UblDocument read(Document document) {
        Element r = document.getDocumentElement();
        boolean cn = "CreditNote".equals(r.getLocalName());
        Element orderRef = one(r, "cac:OrderReference");
        String orderId = text(r, "cac:OrderReference/cbc:ID");
        LocalDate due = cn ? date(r, "cac:PaymentMeans/cbc:PaymentDueDate") : date(r, "cbc:DueDate");
        Element taxTotal = all(r, "cac:TaxTotal").stream().filter(t -> !all(t, "cac:TaxSubtotal").isEmpty())
                .findFirst().orElse(one(r, "cac:TaxTotal"));
        String taxCurrency = text(r, "cbc:TaxCurrencyCode");
        var inTaxCurrency = all(r, "cac:TaxTotal").stream()
                .filter(t -> t != taxTotal && taxCurrency != null
                        && taxCurrency.equals(attribute(t, "cbc:TaxAmount", "currencyID")))
                .map(t -> decimal(t, "cbc:TaxAmount")).findFirst().orElse(null);
        return new UblDocument(cn, text(r, "cbc:CustomizationID"), text(r, "cbc:ProfileID"), text(r, "cbc:ID"),
                date(r, "cbc:IssueDate"), text(r, cn ? "cbc:CreditNoteTypeCode" : "cbc:InvoiceTypeCode"),
                text(r, "cbc:DocumentCurrencyCode"), taxCurrency, date(r, "cbc:TaxPointDate"), due,
                all(r, "cbc:Note").stream().map(n -> n.getTextContent().strip()).toList(),
                text(r, "cbc:AccountingCost"), text(r, "cbc:BuyerReference"), period(one(r, "cac:InvoicePeriod")),
                orderRef == null || "NA".equals(orderId) ? null : orderId,
                text(r, "cac:OrderReference/cbc:SalesOrderID"), text(r, "cac:ContractDocumentReference/cbc:ID"),
                text(r, "cac:ProjectReference/cbc:ID"), text(r, "cac:DespatchDocumentReference/cbc:ID"),
                text(r, "cac:ReceiptDocumentReference/cbc:ID"), text(r, "cac:OriginatorDocumentReference/cbc:ID"),
                all(r, "cac:AdditionalDocumentReference").stream().map(UblReader::reference).toList(),
                all(r, "cac:BillingReference/cac:InvoiceDocumentReference").stream()
                        .map(b -> new UblDocument.Preceding(text(b, "cbc:ID"), date(b, "cbc:IssueDate"))).toList(),
                trader(one(r, "cac:AccountingSupplierParty/cac:Party"), false),
                trader(one(r, "cac:AccountingCustomerParty/cac:Party"), false),
                trader(one(r, "cac:PayeeParty"), true), trader(one(r, "cac:TaxRepresentativeParty"), true),
                delivery(one(r, "cac:Delivery")),
                all(r, "cac:PaymentMeans").stream().map(UblReader::payment).toList(),
                text(r, "cac:PaymentTerms/cbc:Note"),
                all(r, "cac:AllowanceCharge").stream().map(UblReader::allowanceCharge).toList(),
                inTaxCurrency, totals(one(r, "cac:LegalMonetaryTotal"), taxTotal),
                all(taxTotal, "cac:TaxSubtotal").stream().map(UblReader::breakdown).toList(),
                all(r, cn ? "cac:CreditNoteLine" : "cac:InvoiceLine").stream().map(l -> line(l, cn)).toList());
    }

    private static Trader trader(Element p, boolean nameIsPartyName) {
        if (p == null) {
            return null;
        }
        String vat = null;
        Id taxRegistration = null;
        for (Element scheme : all(p, "cac:PartyTaxScheme")) {
            if ("VAT".equals(text(scheme, "cac:TaxScheme/cbc:ID"))) {
                vat = text(scheme, "cbc:CompanyID");
            } else {
                taxRegistration = new Id(text(scheme, "cbc:CompanyID"), text(scheme, "cac:TaxScheme/cbc:ID"));
            }
        }
        Element contact = one(p, "cac:Contact");
        UblDocument.Contact c = contact == null ? null : new UblDocument.Contact(text(contact, "cbc:Name"),
                text(contact, "cbc:Telephone"), text(contact, "cbc:ElectronicMail"));
        return new Trader(nameIsPartyName ? text(p, "cac:PartyName/cbc:Name")
                        : text(p, "cac:PartyLegalEntity/cbc:RegistrationName"),
                nameIsPartyName ? null : text(p, "cac:PartyName/cbc:Name"),
                all(p, "cac:PartyIdentification").stream().map(i -> id(i, "cbc:ID")).filter(Objects::nonNull).toList(),
                id(p, "cbc:EndpointID"), address(one(p, "cac:PostalAddress")), vat, taxRegistration,
                id(p, "cac:PartyLegalEntity/cbc:CompanyID"), text(p, "cac:PartyLegalEntity/cbc:CompanyLegalForm"),
                c == null || Stream.of(c.name(), c.phone(), c.email()).allMatch(Objects::isNull) ? null : c);
    }

    private static Address address(Element a) {
        return a == null ? null : new Address(text(a, "cbc:StreetName"), text(a, "cbc:AdditionalStreetName"),
                text(a, "cac:AddressLine/cbc:Line"), text(a, "cbc:CityName"), text(a, "cbc:PostalZone"),
                text(a, "cbc:CountrySubentity"), text(a, "cac:Country/cbc:IdentificationCode"));
    }

    private static UblDocument.Delivery delivery(Element d) {
        return d == null ? null : new UblDocument.Delivery(id(d, "cac:DeliveryLocation/cbc:ID"),
                date(d, "cbc:ActualDeliveryDate"), text(d, "cac:DeliveryParty/cac:PartyName/cbc:Name"),
                address(one(d, "cac:DeliveryLocation/cac:Address")));
    }

    private static UblDocument.Payment payment(Element m) {
        return new UblDocument.Payment(text(m, "cbc:PaymentMeansCode"), attribute(m, "cbc:PaymentMeansCode", "name"),
                text(m, "cbc:PaymentID"), text(m, "cac:PayeeFinancialAccount/cbc:ID"),
                text(m, "cac:PayeeFinancialAccount/cbc:Name"),
                text(m, "cac:PayeeFinancialAccount/cac:FinancialInstitutionBranch/cbc:ID"),
                text(m, "cac:PaymentMandate/cbc:ID"), text(m, "cac:PaymentMandate/cac:PayerFinancialAccount/cbc:ID"));
    }

    private static AllowanceCharge allowanceCharge(Element a) {
        return new AllowanceCharge(Boolean.parseBoolean(text(a, "cbc:ChargeIndicator"))
                || "1".equals(text(a, "cbc:ChargeIndicator")), decimal(a, "cbc:Amount"),
                decimal(a, "cbc:BaseAmount"), decimal(a, "cbc:MultiplierFactorNumeric"),
                text(a, "cac:TaxCategory/cbc:ID"), decimal(a, "cac:TaxCategory/cbc:Percent"),
                text(a, "cbc:AllowanceChargeReason"), text(a, "cbc:AllowanceChargeReasonCode"));
    }

    private static UblDocument.Totals totals(Element t, Element taxTotal) {
        return new UblDocument.Totals(decimal(t, "cbc:LineExtensionAmount"), decimal(t, "cbc:TaxExclusiveAmount"),
                decimal(t, "cbc:TaxInclusiveAmount"), decimal(t, "cbc:AllowanceTotalAmount"),
                decimal(t, "cbc:ChargeTotalAmount"), decimal(t, "cbc:PrepaidAmount"),
                decimal(t, "cbc:PayableRoundingAmount"), decimal(t, "cbc:PayableAmount"),
                taxTotal == null ? null : decimal(taxTotal, "cbc:TaxAmount"));
    }

    private static UblDocument.TaxBreakdown breakdown(Element s) {
        return new UblDocument.TaxBreakdown(decimal(s, "cbc:TaxableAmount"), decimal(s, "cbc:TaxAmount"),
                text(s, "cac:TaxCategory/cbc:ID"), decimal(s, "cac:TaxCategory/cbc:Percent"),
                text(s, "cac:TaxCategory/cbc:TaxExemptionReason"),
                text(s, "cac:TaxCategory/cbc:TaxExemptionReasonCode"));
    }

    private static Line line(Element l, boolean cn) {
        String quantity = cn ? "cbc:CreditedQuantity" : "cbc:InvoicedQuantity";
        Element item = one(l, "cac:Item");
        Element price = one(l, "cac:Price");
        return new Line(text(l, "cbc:ID"), text(l, "cbc:Note"), id(l, "cac:DocumentReference/cbc:ID"), decimal(l, quantity), attribute(l, quantity, "unitCode"),
                decimal(l, "cbc:LineExtensionAmount"), text(l, "cbc:AccountingCost"),
                text(l, "cac:OrderLineReference/cbc:LineID"), period(one(l, "cac:InvoicePeriod")),
                all(l, "cac:AllowanceCharge").stream().map(UblReader::allowanceCharge)
                        .map(a -> new AllowanceCharge(a.charge(), a.amount(), a.base(), a.percent(), null, null,
                                a.reason(), a.reasonCode())).toList(),
                text(item, "cbc:Name"), text(item, "cbc:Description"),
                text(item, "cac:SellersItemIdentification/cbc:ID"), text(item, "cac:BuyersItemIdentification/cbc:ID"),
                id(item, "cac:StandardItemIdentification/cbc:ID"),
                all(item, "cac:CommodityClassification/cbc:ItemClassificationCode").stream()
                        .map(c -> new Id(c.getTextContent().strip(), c.hasAttribute("listID") ? c.getAttribute("listID") : null))
                        .toList(),
                text(item, "cac:OriginCountry/cbc:IdentificationCode"),
                all(item, "cac:AdditionalItemProperty").stream()
                        .map(a -> new UblDocument.Attribute(text(a, "cbc:Name"), text(a, "cbc:Value"))).toList(),
                text(item, "cac:ClassifiedTaxCategory/cbc:ID"), decimal(item, "cac:ClassifiedTaxCategory/cbc:Percent"),
                decimal(price, "cbc:PriceAmount"), decimal(price, "cac:AllowanceCharge/cbc:BaseAmount"),
                decimal(price, "cac:AllowanceCharge/cbc:Amount"), decimal(price, "cbc:BaseQuantity"),
                attribute(price, "cbc:BaseQuantity", "unitCode"));
    }

    private static Period period(Element p) {
        return p == null ? null : new Period(date(p, "cbc:StartDate"), date(p, "cbc:EndDate"),
                text(p, "cbc:DescriptionCode"));
    }

    private static UblDocument.Reference reference(Element d) {
        return new UblDocument.Reference(id(d, "cbc:ID"), text(d, "cbc:DocumentTypeCode"),
                text(d, "cbc:DocumentDescription"), text(d, "cac:Attachment/cac:ExternalReference/cbc:URI"),
                text(d, "cac:Attachment/cbc:EmbeddedDocumentBinaryObject"),
                attribute(d, "cac:Attachment/cbc:EmbeddedDocumentBinaryObject", "mimeCode"),
                attribute(d, "cac:Attachment/cbc:EmbeddedDocumentBinaryObject", "filename"));
    }

    private static Id id(Element from, String path) {
        Element e = one(from, path);
        if (e == null || e.getTextContent().isBlank()) {
            return null;
        }
        return new Id(e.getTextContent().strip(), e.hasAttribute("schemeID") ? e.getAttribute("schemeID") : null);
    }
}
