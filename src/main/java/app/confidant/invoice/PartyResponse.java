package app.confidant.invoice;

import java.time.Instant;
import java.util.UUID;

/**
 * A party as the API shows it: in clear to invoice roles, masked (and never decrypted) for masked roles. {@code
 * integrity} is absent, except on a row whose sealed values failed to open ({@code sealed-value-corrupt}): a list
 * shows such a row with its plain columns only.
 */
public record PartyResponse(UUID id, String legalName, String tradingName, String taxId, String addressLines,
        String city, String postcode, String country, String email, String phone, String iban, String notes,
        boolean masked, long version, Instant createdAt, Instant updatedAt, String integrity) {

    static PartyResponse clear(Party p) {
        return new PartyResponse(p.id(), p.legalName(), p.tradingName(), p.taxId(), p.addressLines(), p.city(),
                p.postcode(), p.country(), p.email(), p.phone(), p.iban(), p.notes(), false, p.rowVersion(),
                p.createdAt(), p.updatedAt(), null);
    }

    /** Reads only plain columns and the masks stored at write time: no HSM operation at all. */
    static PartyResponse masked(Party p) {
        return new PartyResponse(p.id(), Masks.HIDDEN, Masks.HIDDEN, Masks.HIDDEN, Masks.HIDDEN, Masks.HIDDEN,
                Masks.HIDDEN, p.country(), p.emailMask(), Masks.HIDDEN, p.ibanMask(), Masks.HIDDEN, true,
                p.rowVersion(), p.createdAt(), p.updatedAt(), null);
    }

    /** A row whose sealed values do not open, in a list: its id and plain columns, marked. */
    static PartyResponse corrupt(Party p, String code) {
        return new PartyResponse(p.id(), null, null, null, null, null, null, p.country(), null, null, null, null,
                false, p.rowVersion(), p.createdAt(), p.updatedAt(), code);
    }
}
