package app.confidant.crypto;

import java.time.Instant;
import java.util.UUID;

/** A row of the key registry: one version of a tenant's key, its life cycle dates and GCM invocations reserved. */
public record RegisteredKey(UUID tenant, KeyPurpose purpose, int version, String label, KeyState state, String kcv,
        Instant createdAt, Instant activatedAt, Instant retiredAt, Instant destroyedAt, long invocationsReserved) {
}
