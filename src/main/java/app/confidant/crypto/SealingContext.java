package app.confidant.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * What a sealed value belongs to. It is bound into the GCM tag as additional authenticated data together with the
 * key version and the envelope format, so a value copied to another row, entity type or tenant does not open.
 */
public record SealingContext(String entityType, UUID entityId, UUID tenant) {

    public SealingContext {
        Objects.requireNonNull(entityType, "entityType");
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(tenant, "tenant");
    }

    byte[] aad(int format, int keyVersion) {
        return ("confidant|f" + format + "|" + entityType + "|" + entityId + "|" + tenant + "|k" + keyVersion)
                .getBytes(StandardCharsets.UTF_8);
    }
}
