package app.confidant.einvoice;

import java.util.UUID;

/** The invoice (issued, marked imported) and the party an imported document became. */
public record ImportResponse(UUID id, String kind, String number, UUID partyId, boolean partyCreated) {
}
