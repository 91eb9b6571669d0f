package app.confidant.einvoice;

import app.confidant.einvoice.UblDocument.Address;
import app.confidant.einvoice.UblDocument.AllowanceCharge;
import app.confidant.einvoice.UblDocument.Id;
import app.confidant.einvoice.UblDocument.Line;
import app.confidant.einvoice.UblDocument.Period;
import java.math.BigDecimal;
import java.time.LocalDate;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The UBL building blocks {@link UblWriter} assembles a document from: basic and aggregate components written
 * through StAX (every value escaped by the writer), amounts in the document currency, and invoice or credit note
 * lines. Element order follows the UBL 2.1 schema.
 */
abstract class UblStream {

    static final String CAC = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
    static final String CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";

    final XMLStreamWriter out;
    private final String currency;
    private final boolean creditNote;

    UblStream(XMLStreamWriter out, String currency, boolean creditNote) {
        this.out = out;
        this.currency = currency;
        this.creditNote = creditNote;
    }

    final void taxScheme(String companyId, String scheme) throws XMLStreamException {
        if (companyId != null) {
            cac("PartyTaxScheme");
            cbc("CompanyID", companyId);
            cac("TaxScheme");
            cbc("ID", scheme);
            end();
            end();
        }
    }

    final void address(String element, Address a) throws XMLStreamException {
        if (a == null) {
            return;
        }
        cac(element);
        cbc("StreetName", a.line1());
        cbc("AdditionalStreetName", a.line2());
        cbc("CityName", a.city());
        cbc("PostalZone", a.postcode());
        cbc("CountrySubentity", a.subdivision());
        if (a.line3() != null) {
            cac("AddressLine");
            cbc("Line", a.line3());
            end();
        }
        cac("Country");
        cbc("IdentificationCode", a.country());
        end();
        end();
    }

    final void allowanceCharge(AllowanceCharge ac, boolean documentLevel) throws XMLStreamException {
        cac("AllowanceCharge");
        cbc("ChargeIndicator", Boolean.toString(ac.charge()));
        cbc("AllowanceChargeReasonCode", ac.reasonCode());
        cbc("AllowanceChargeReason", ac.reason());
        cbc("MultiplierFactorNumeric", ac.percent());
        amount("Amount", ac.amount());
        amount("BaseAmount", ac.base());
        if (documentLevel) {
            taxCategory("TaxCategory", ac.category(), ac.rate(), null, null);
        }
        end();
    }

    final void taxCategory(String element, String category, BigDecimal rate, String reasonCode, String reason)
            throws XMLStreamException {
        cac(element);
        cbc("ID", category);
        cbc("Percent", rate);
        cbc("TaxExemptionReasonCode", reasonCode);
        cbc("TaxExemptionReason", reason);
        cac("TaxScheme");
        cbc("ID", "VAT");
        end();
        end();
    }

    final void line(Line l) throws XMLStreamException {
        cac(creditNote ? "CreditNoteLine" : "InvoiceLine");
        cbc("ID", l.id());
        cbc("Note", l.note());
        out.writeStartElement(CBC, creditNote ? "CreditedQuantity" : "InvoicedQuantity");
        out.writeAttribute("unitCode", l.unitCode());
        out.writeCharacters(l.quantity().toPlainString());
        out.writeEndElement();
        amount("LineExtensionAmount", l.net());
        cbc("AccountingCost", l.accountingCost());
        period("InvoicePeriod", l.period());
        if (l.orderLineReference() != null) {
            cac("OrderLineReference");
            cbc("LineID", l.orderLineReference());
            end();
        }
        if (l.objectId() != null) {
            cac("DocumentReference");
            id("ID", l.objectId());
            cbc("DocumentTypeCode", "130");
            end();
        }
        for (AllowanceCharge ac : l.allowancesCharges()) {
            allowanceCharge(ac, false);
        }
        item(l);
        cac("Price");
        amount("PriceAmount", l.price());
        if (l.baseQuantity() != null) {
            out.writeStartElement(CBC, "BaseQuantity");
            if (l.baseUnitCode() != null) {
                out.writeAttribute("unitCode", l.baseUnitCode());
            }
            out.writeCharacters(l.baseQuantity().toPlainString());
            out.writeEndElement();
        }
        if (l.grossPrice() != null || l.priceDiscount() != null) {
            cac("AllowanceCharge");
            cbc("ChargeIndicator", "false");
            amount("Amount", l.priceDiscount() == null ? BigDecimal.ZERO : l.priceDiscount());
            amount("BaseAmount", l.grossPrice());
            end();
        }
        end();
        end();
    }

    final void item(Line l) throws XMLStreamException {
        cac("Item");
        cbc("Description", l.description());
        cbc("Name", l.name());
        simpleId("BuyersItemIdentification", l.buyersItemId());
        simpleId("SellersItemIdentification", l.sellersItemId());
        if (l.standardItemId() != null) {
            cac("StandardItemIdentification");
            id("ID", l.standardItemId());
            end();
        }
        if (l.originCountry() != null) {
            cac("OriginCountry");
            cbc("IdentificationCode", l.originCountry());
            end();
        }
        for (Id c : l.classifications()) {
            cac("CommodityClassification");
            out.writeStartElement(CBC, "ItemClassificationCode");
            if (c.scheme() != null) {
                out.writeAttribute("listID", c.scheme());
            }
            out.writeCharacters(c.value());
            out.writeEndElement();
            end();
        }
        taxCategory("ClassifiedTaxCategory", l.category(), l.rate(), null, null);
        for (UblDocument.Attribute a : l.attributes()) {
            cac("AdditionalItemProperty");
            cbc("Name", a.name());
            cbc("Value", a.value());
            end();
        }
        end();
    }

    final void simpleId(String element, String value) throws XMLStreamException {
        if (value != null) {
            cac(element);
            cbc("ID", value);
            end();
        }
    }

    final void period(String element, Period p) throws XMLStreamException {
        if (p != null) {
            cac(element);
            cbc("StartDate", p.start());
            cbc("EndDate", p.end());
            cbc("DescriptionCode", p.code());
            end();
        }
    }

    final void id(String element, Id id) throws XMLStreamException {
        if (id == null) {
            return;
        }
        out.writeStartElement(CBC, element);
        if (id.scheme() != null) {
            out.writeAttribute("schemeID", id.scheme());
        }
        out.writeCharacters(id.value());
        out.writeEndElement();
    }

    final void amount(String element, BigDecimal value) throws XMLStreamException {
        amount(element, value, currency);
    }

    final void amount(String element, BigDecimal value, String currency) throws XMLStreamException {
        if (value != null) {
            out.writeStartElement(CBC, element);
            out.writeAttribute("currencyID", currency);
            out.writeCharacters(value.toPlainString());
            out.writeEndElement();
        }
    }

    final void cbc(String element, Object value) throws XMLStreamException {
        if (value != null) {
            out.writeStartElement(CBC, element);
            out.writeCharacters(value instanceof BigDecimal d ? d.toPlainString()
                    : value instanceof LocalDate date ? date.toString() : value.toString());
            out.writeEndElement();
        }
    }

    final void cac(String element) throws XMLStreamException {
        out.writeStartElement(CAC, element);
    }

    final void end() throws XMLStreamException {
        out.writeEndElement();
    }
}
