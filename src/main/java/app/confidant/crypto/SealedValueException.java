package app.confidant.crypto;

import java.util.UUID;

/**
 * A stored sealed value does not open: it was altered, copied from another row, entity or tenant, written back from
 * an older state of the row, truncated, or its key-version column was changed. Names the row (entity type and id),
 * never any plaintext.
 */
public class SealedValueException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String entityType;
    private final UUID entityId;

    public SealedValueException(String message) {
        this(message, null, null, null);
    }

    public SealedValueException(String message, Throwable cause) {
        this(message, cause, null, null);
    }

    private SealedValueException(String message, Throwable cause, String entityType, UUID entityId) {
        super(message, cause);
        this.entityType = entityType;
        this.entityId = entityId;
    }

    /** The same failure, naming the row it happened on. */
    SealedValueException of(SealingContext row) {
        return new SealedValueException(getMessage(), this, row.entityType(), row.entityId());
    }

    /** The entity type of the row that failed to open, or null if not known. */
    public String entityType() {
        return entityType;
    }

    /** The id of the row that failed to open, or null if not known. */
    public UUID entityId() {
        return entityId;
    }
}
