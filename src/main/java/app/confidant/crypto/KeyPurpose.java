package app.confidant.crypto;

/** What a per-tenant key in the HSM is for; each purpose has its own versions and label prefix. */
public enum KeyPurpose {
    /** AES-256-GCM data encryption key: {@code dek-<tenant>-v<N>}. */
    SEAL("dek"),
    /** HMAC-SHA256 blind-index key (generic secret): {@code bidx-<tenant>-v<N>}. */
    BLIND_INDEX("bidx");

    private final String prefix;

    KeyPurpose(String prefix) {
        this.prefix = prefix;
    }

    public String label(java.util.UUID tenant, int version) {
        return prefix + "-" + tenant + "-v" + version;
    }
}
