package app.confidant.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * What a sealed value belongs to. It is bound into the GCM tag as additional authenticated data together with the
 * key version and the envelope format, so a value copied to another row, entity type or tenant does not open.
 *
 * <p>{@code sequence} is the row's seal counter ({@code sealed_seq}): it goes up by one at every seal of the row and
 * is bound into the tag too, so an older envelope of the same row, written back by someone with access to the
 * database, no longer opens. Sequence 0 names a row last sealed before the counter existed (format 1 envelopes).
 */
public record SealingContext(String entityType, UUID entityId, UUID tenant, long sequence) {

    public SealingContext {
        Objects.requireNonNull(entityType, "entityType");
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(tenant, "tenant");
        if (sequence < 0) {
            throw new IllegalArgumentException("negative seal sequence");
        }
    }

    /** The row's context before any seal counter is known (an entity names its row this way). */
    public SealingContext(String entityType, UUID entityId, UUID tenant) {
        this(entityType, entityId, tenant, 0);
    }

    /** The same row at seal number {@code n}. */
    public SealingContext at(long n) {
        return new SealingContext(entityType, entityId, tenant, n);
    }

    /** The same row at its next seal. */
    public SealingContext next() {
        return at(sequence + 1);
    }

    byte[] aad(int format, int keyVersion) {
        String base = "confidant|f" + format + "|" + entityType + "|" + entityId + "|" + tenant + "|k" + keyVersion;
        return (format == Envelope.FORMAT_V1 ? base : base + "|s" + sequence).getBytes(StandardCharsets.UTF_8);
    }
}
