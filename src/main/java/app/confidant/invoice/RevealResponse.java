package app.confidant.invoice;

import java.util.UUID;

/** One revealed value. */
public record RevealResponse(UUID id, String field, String value) {
}
