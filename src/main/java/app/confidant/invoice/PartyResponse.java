package app.confidant.invoice;

import java.time.Instant;
import java.util.UUID;

/** A party as the API shows it: in clear to invoice roles, masked (and never decrypted) for masked roles. */
public record PartyResponse(UUID id, String legalName, String tradingName, String taxId, String addressLines,
        String city, String postcode, String country, String email, String phone, String iban, String notes,
        boolean masked, long version, Instant createdAt, Instant updatedAt) {

    static PartyResponse clear(Party p) {
        return new PartyResponse(p.id(), p.legalName(), p.tradingName(), p.taxId(), p.addressLines(), p.city(),
                p.postcode(), p.country(), p.email(), p.phone(), p.iban(), p.notes(), false, p.rowVersion(),
                p.createdAt(), p.updatedAt());
    }

    /** Reads only plain columns and the masks stored at write time: no HSM operation at all. */
    static PartyResponse masked(Party p) {
        return new PartyResponse(p.id(), Masks.HIDDEN, Masks.HIDDEN, Masks.HIDDEN, Masks.HIDDEN, p.city(),
                p.postcode(), p.country(), p.emailMask(), Masks.HIDDEN, p.ibanMask(), Masks.HIDDEN, true,
                p.rowVersion(), p.createdAt(), p.updatedAt());
    }
}
