package app.confidant.bench;

import app.confidant.invoice.Party;
import java.util.Map;

/**
 * The eight sensitive fields of a party (all that {@link Party} seals), with realistic sizes (about 290 bytes in
 * all), distinct per entity so that blind indexes and plain indexes see distinct values.
 */
public record PartyValues(String legalName, String tradingName, String taxId, String addressLines, String email,
                   String phone, String iban, String notes) {

    static final String CITY = "Hamburg";
    static final String POSTCODE = "20457";

    static PartyValues sample(int n) {
        String number = String.format("%07d", n);
        return new PartyValues(
                "Nordwind Logistik GmbH & Co. KG " + number,
                "Nordwind Hafenlogistik " + number,
                "DE 3" + number.substring(0, 3) + " " + number.substring(3) + " 42",
                "Am Sandtorkai " + (n % 90 + 1) + "\nHaus B, 3. Obergeschoss\nz. Hd. Kreditorenbuchhaltung",
                "rechnungen+" + number + "@nordwind-logistik.example",
                "+49 40 " + number.substring(0, 3) + " " + number.substring(3),
                "DE89 3704 0044 0532 " + number.substring(0, 4) + " " + number.substring(4, 6),
                "Zahlungsziel 30 Tage netto; Mahnungen an die Kreditorenbuchhaltung, Referenz " + number);
    }

    static PartyValues of(Party party) {
        // Reading every field is the point of the read benchmark: the first one opens the envelope.
        return new PartyValues(party.legalName(), party.tradingName(), party.taxId(), party.addressLines(),
                party.email(), party.phone(), party.iban(), party.notes());
    }

    void applyTo(Party party) {
        party.legalName(legalName);
        party.tradingName(tradingName);
        party.taxId(taxId);
        party.addressLines(addressLines);
        party.email(email);
        party.phone(phone);
        party.iban(iban);
        party.notes(notes);
        party.city(CITY);
        party.postcode(POSTCODE);
    }

    /** The fields as the entity listener hands them to the cipher, for timing the HSM work alone. */
    Map<String, String> asFields() {
        return Map.of("legalName", legalName, "tradingName", tradingName, "taxId", taxId,
                "addressLines", addressLines, "email", email, "phone", phone, "iban", iban, "notes", notes);
    }

    @Override
    public String toString() {
        return "PartyValues[8 fields]"; // like the entities, never the values
    }
}
