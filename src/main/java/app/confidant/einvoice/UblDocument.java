package app.confidant.einvoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The EN 16931 business terms Confidant reads and writes, named by their BT/BG numbers. A record of plain values:
 * {@link UblWriter} turns it into UBL 2.1, {@link UblReader} reads UBL 2.1 back into it. Terms outside this set
 * (card payment BG-18, creditor id BT-90, item attributes' codes, line object ids' schemes, …) are not kept;
 * the README lists them.
 */
public record UblDocument(
        boolean creditNote, String customizationId, String profileId,
        String number, LocalDate issueDate, String typeCode, String currency, String taxCurrency,
        LocalDate taxPointDate, LocalDate dueDate, List<String> notes, String accountingCost, String buyerReference,
        Period period, String orderReference, String salesOrderReference, String contractReference,
        String projectReference, String despatchReference, String receiptReference, String originatorReference,
        List<Reference> references, List<Preceding> preceding, Trader seller, Trader buyer, Trader payee, Trader taxRepresentative,
        Delivery delivery, List<Payment> payments, String paymentTerms, List<AllowanceCharge> allowancesCharges,
        BigDecimal taxTotalInTaxCurrency, Totals totals, List<TaxBreakdown> breakdown, List<Line> lines) {

    public static final String CUSTOMIZATION_ID =
            "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0";
    public static final String PROFILE_ID = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0";

    /** BG-14 / BG-26: start and end dates, and BT-8 (value added tax point date code, document level only). */
    public record Period(LocalDate start, LocalDate end, String code) {
    }

    /**
     * BG-24 supporting document (reference BT-122, description BT-123, URI BT-124, attachment BT-125 in base64
     * with mime code and file name) or, with type code 130, the invoiced object identifier BT-18.
     */
    public record Reference(Id id, String typeCode, String description, String uri, String content,
            String mimeCode, String filename) {
    }

    /** BG-3: preceding invoice reference (BT-25) and its issue date (BT-26). */
    public record Preceding(String number, LocalDate issueDate) {
    }

    /** An identifier with its scheme (ISO 6523 ICD, EAS, …), scheme may be null. */
    public record Id(String value, String scheme) {
    }

    /** A postal address (BG-5, BG-8, BG-12, BG-15). */
    public record Address(String line1, String line2, String line3, String city, String postcode,
            String subdivision, String country) {
    }

    /** BG-6 / BG-9. */
    public record Contact(String name, String phone, String email) {
    }

    /**
     * A party: seller (BG-4), buyer (BG-7), payee (BG-10) or tax representative (BG-11). Name is the registration
     * name (BT-27/44/59/62), tradingName the party name (BT-28/45), vatId BT-31/48/63, taxRegistration BT-32 (with its scheme),
     * legalId BT-30/47/61, legalInformation BT-33, endpoint BT-34/49, identifiers BT-29/46/60.
     */
    public record Trader(String name, String tradingName, List<Id> identifiers, Id endpoint, Address address,
            String vatId, Id taxRegistration, Id legalId, String legalInformation, Contact contact) {
    }

    /** BG-13: deliver-to location id (BT-71), actual delivery date (BT-72), party name (BT-70), address (BG-15). */
    public record Delivery(Id locationId, LocalDate date, String partyName, Address address) {
    }

    /** BG-16: means (BT-81/82), remittance (BT-83), account (BT-84/85/86), mandate (BT-89), debited account (BT-91). */
    public record Payment(String code, String text, String remittance, String account, String accountName,
            String bic, String mandate, String debitedAccount) {
    }

    /** BG-20 (allowance) / BG-21 (charge), and at line level BG-27 / BG-28 (no tax category there). */
    public record AllowanceCharge(boolean charge, BigDecimal amount, BigDecimal base, BigDecimal percent,
            String category, BigDecimal rate, String reason, String reasonCode) {
    }

    /** BG-22. */
    public record Totals(BigDecimal lineTotal, BigDecimal taxExclusive, BigDecimal taxInclusive,
            BigDecimal allowances, BigDecimal charges, BigDecimal prepaid, BigDecimal rounding, BigDecimal payable,
            BigDecimal taxTotal) {
    }

    /** BG-23: taxable (BT-116), tax (BT-117), category (BT-118), rate (BT-119), exemption reason (BT-120/121). */
    public record TaxBreakdown(BigDecimal taxable, BigDecimal tax, String category, BigDecimal rate,
            String exemptionReason, String exemptionCode) {
    }

    /** An item attribute (BG-32). */
    public record Attribute(String name, String value) {
    }

    /**
     * BG-25: id (BT-126), note (BT-127), object id (BT-128), quantity and unit (BT-129/130), net (BT-131), accounting cost (BT-133),
     * order line (BT-132), period (BG-26), allowances and charges (BG-27/28), item name and description
     * (BT-153/154), seller's, buyer's and standard item ids (BT-155/156/157), classifications (BT-158), origin
     * (BT-159), attributes (BG-32), tax category and rate (BT-151/152), price (BT-146, gross BT-148, discount
     * BT-147, base quantity BT-149/150).
     */
    public record Line(String id, String note, Id objectId, BigDecimal quantity, String unitCode, BigDecimal net,
            String accountingCost, String orderLineReference, Period period, List<AllowanceCharge> allowancesCharges,
            String name, String description, String sellersItemId, String buyersItemId, Id standardItemId,
            List<Id> classifications, String originCountry, List<Attribute> attributes, String category,
            BigDecimal rate, BigDecimal price, BigDecimal grossPrice, BigDecimal priceDiscount,
            BigDecimal baseQuantity, String baseUnitCode) {
    }
}
