package app.confidant.einvoice;

import app.confidant.einvoice.UblDocument.AllowanceCharge;
import app.confidant.einvoice.UblDocument.Id;
import app.confidant.einvoice.UblDocument.Line;
import app.confidant.einvoice.UblDocument.Trader;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a {@link UblDocument} as a UBL 2.1 Invoice or CreditNote with StAX — the JDK's streaming writer escapes
 * every value, and no JAXB runtime has to live beside the server's own. Element order follows the UBL 2.1 schema.
 */
final class UblWriter extends UblStream {

    private final UblDocument doc;

    private UblWriter(UblDocument doc, XMLStreamWriter out) {
        super(out, doc.currency(), doc.creditNote());
        this.doc = doc;
    }

    static byte[] write(UblDocument doc) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            XMLStreamWriter out = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(bytes, "UTF-8");
            new UblWriter(doc, out).document();
            out.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("UBL could not be written", e);
        }
        return bytes.toByteArray();
    }

    static String asString(UblDocument doc) {
        return new String(write(doc), StandardCharsets.UTF_8);
    }

    private void document() throws XMLStreamException {
        boolean cn = doc.creditNote();
        String root = cn ? "CreditNote" : "Invoice";
        out.writeStartDocument("UTF-8", "1.0");
        out.setPrefix("cac", CAC);
        out.setPrefix("cbc", CBC);
        out.writeStartElement("", root, cn ? UblSchema.CREDIT_NOTE_NS : UblSchema.INVOICE_NS);
        out.writeDefaultNamespace(cn ? UblSchema.CREDIT_NOTE_NS : UblSchema.INVOICE_NS);
        out.writeNamespace("cac", CAC);
        out.writeNamespace("cbc", CBC);
        cbc("CustomizationID", doc.customizationId());
        cbc("ProfileID", doc.profileId());
        cbc("ID", doc.number());
        cbc("IssueDate", doc.issueDate());
        if (!cn) {
            cbc("DueDate", doc.dueDate());
            cbc("InvoiceTypeCode", doc.typeCode());
        } else {
            cbc("TaxPointDate", doc.taxPointDate());
            cbc("CreditNoteTypeCode", doc.typeCode());
        }
        for (String note : doc.notes()) {
            cbc("Note", note);
        }
        if (!cn) {
            cbc("TaxPointDate", doc.taxPointDate());
        }
        cbc("DocumentCurrencyCode", doc.currency());
        cbc("TaxCurrencyCode", doc.taxCurrency());
        cbc("AccountingCost", doc.accountingCost());
        cbc("BuyerReference", doc.buyerReference());
        period("InvoicePeriod", doc.period());
        if (doc.orderReference() != null || doc.salesOrderReference() != null) {
            cac("OrderReference");
            cbc("ID", doc.orderReference() == null ? "NA" : doc.orderReference());
            cbc("SalesOrderID", doc.salesOrderReference());
            end();
        }
        for (UblDocument.Preceding p : doc.preceding()) {
            cac("BillingReference");
            cac("InvoiceDocumentReference");
            cbc("ID", p.number());
            cbc("IssueDate", p.issueDate());
            end();
            end();
        }
        reference("DespatchDocumentReference", doc.despatchReference());
        reference("ReceiptDocumentReference", doc.receiptReference());
        if (!cn) {
            reference("OriginatorDocumentReference", doc.originatorReference());
        }
        reference("ContractDocumentReference", doc.contractReference());
        for (UblDocument.Reference ref : doc.references()) {
            additional(ref);
        }
        if (cn) {
            reference("OriginatorDocumentReference", doc.originatorReference());
        } else {
            reference("ProjectReference", doc.projectReference());
        }
        cac("AccountingSupplierParty");
        cac("Party");
        party(doc.seller(), false);
        end();
        end();
        cac("AccountingCustomerParty");
        cac("Party");
        party(doc.buyer(), false);
        end();
        end();
        if (doc.payee() != null) {
            party("PayeeParty", doc.payee());
        }
        if (doc.taxRepresentative() != null) {
            party("TaxRepresentativeParty", doc.taxRepresentative());
        }
        delivery();
        for (UblDocument.Payment p : doc.payments()) {
            payment(p);
        }
        if (doc.paymentTerms() != null) {
            cac("PaymentTerms");
            cbc("Note", doc.paymentTerms());
            end();
        }
        for (AllowanceCharge ac : doc.allowancesCharges()) {
            allowanceCharge(ac, true);
        }
        taxTotals();
        totals();
        for (Line line : doc.lines()) {
            line(line);
        }
        out.writeEndElement();
        out.writeEndDocument();
    }

    private void reference(String element, String id) throws XMLStreamException {
        if (id != null) {
            cac(element);
            cbc("ID", id);
            end();
        }
    }

    private void additional(UblDocument.Reference ref) throws XMLStreamException {
        cac("AdditionalDocumentReference");
        id("ID", ref.id());
        cbc("DocumentTypeCode", ref.typeCode());
        cbc("DocumentDescription", ref.description());
        if (ref.content() != null || ref.uri() != null) {
            cac("Attachment");
            if (ref.content() != null) {
                out.writeStartElement(CBC, "EmbeddedDocumentBinaryObject");
                out.writeAttribute("mimeCode", ref.mimeCode());
                out.writeAttribute("filename", ref.filename());
                out.writeCharacters(ref.content());
                out.writeEndElement();
            }
            if (ref.uri() != null) {
                cac("ExternalReference");
                cbc("URI", ref.uri());
                end();
            }
            end();
        }
        end();
    }

    private void party(String element, Trader t) throws XMLStreamException {
        cac(element);
        party(t, true);
        end();
    }

    /** A party; payee and tax representative carry their name as PartyName (BT-59, BT-62). */
    private void party(Trader t, boolean nameIsPartyName) throws XMLStreamException {
        id("EndpointID", t.endpoint());
        for (Id id : t.identifiers()) {
            cac("PartyIdentification");
            id("ID", id);
            end();
        }
        String partyName = nameIsPartyName ? t.name() : t.tradingName();
        if (partyName != null) {
            cac("PartyName");
            cbc("Name", partyName);
            end();
        }
        address("PostalAddress", t.address());
        taxScheme(t.vatId(), "VAT");
        if (t.taxRegistration() != null) {
            taxScheme(t.taxRegistration().value(), t.taxRegistration().scheme() == null ? "TAX" : t.taxRegistration().scheme());
        }
        if (!nameIsPartyName || t.legalId() != null) {
            cac("PartyLegalEntity");
            if (!nameIsPartyName) {
                cbc("RegistrationName", t.name());
            }
            id("CompanyID", t.legalId());
            cbc("CompanyLegalForm", t.legalInformation());
            end();
        }
        if (t.contact() != null) {
            cac("Contact");
            cbc("Name", t.contact().name());
            cbc("Telephone", t.contact().phone());
            cbc("ElectronicMail", t.contact().email());
            end();
        }
    }

    private void delivery() throws XMLStreamException {
        UblDocument.Delivery d = doc.delivery();
        if (d == null) {
            return;
        }
        cac("Delivery");
        cbc("ActualDeliveryDate", d.date());
        if (d.locationId() != null || d.address() != null) {
            cac("DeliveryLocation");
            id("ID", d.locationId());
            address("Address", d.address());
            end();
        }
        if (d.partyName() != null) {
            cac("DeliveryParty");
            cac("PartyName");
            cbc("Name", d.partyName());
            end();
            end();
        }
        end();
    }

    private void payment(UblDocument.Payment p) throws XMLStreamException {
        cac("PaymentMeans");
        out.writeStartElement(CBC, "PaymentMeansCode");
        if (p.text() != null) {
            out.writeAttribute("name", p.text());
        }
        out.writeCharacters(p.code());
        out.writeEndElement();
        if (doc.creditNote()) {
            cbc("PaymentDueDate", doc.dueDate());
        }
        cbc("PaymentID", p.remittance());
        if (p.account() != null) {
            cac("PayeeFinancialAccount");
            cbc("ID", p.account());
            cbc("Name", p.accountName());
            if (p.bic() != null) {
                cac("FinancialInstitutionBranch");
                cbc("ID", p.bic());
                end();
            }
            end();
        }
        if (p.mandate() != null || p.debitedAccount() != null) {
            cac("PaymentMandate");
            cbc("ID", p.mandate());
            if (p.debitedAccount() != null) {
                cac("PayerFinancialAccount");
                cbc("ID", p.debitedAccount());
                end();
            }
            end();
        }
        end();
    }

    private void taxTotals() throws XMLStreamException {
        cac("TaxTotal");
        amount("TaxAmount", doc.totals().taxTotal());
        for (UblDocument.TaxBreakdown b : doc.breakdown()) {
            cac("TaxSubtotal");
            amount("TaxableAmount", b.taxable());
            amount("TaxAmount", b.tax());
            taxCategory("TaxCategory", b.category(), b.rate(), b.exemptionCode(), b.exemptionReason());
            end();
        }
        end();
        if (doc.taxCurrency() != null && doc.taxTotalInTaxCurrency() != null) {
            cac("TaxTotal");
            amount("TaxAmount", doc.taxTotalInTaxCurrency(), doc.taxCurrency());
            end();
        }
    }

    private void totals() throws XMLStreamException {
        UblDocument.Totals t = doc.totals();
        cac("LegalMonetaryTotal");
        amount("LineExtensionAmount", t.lineTotal());
        amount("TaxExclusiveAmount", t.taxExclusive());
        amount("TaxInclusiveAmount", t.taxInclusive());
        amount("AllowanceTotalAmount", t.allowances());
        amount("ChargeTotalAmount", t.charges());
        amount("PrepaidAmount", t.prepaid());
        amount("PayableRoundingAmount", t.rounding());
        amount("PayableAmount", t.payable());
        end();
    }

}
