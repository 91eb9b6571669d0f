package app.confidant.crypto;

import java.util.UUID;

/** One version of a tenant's key: where to find it in the token. Never key material. */
public record KeyRef(UUID tenant, KeyPurpose purpose, int version, String label, KeyState state) {
}
