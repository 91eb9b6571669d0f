package app.confidant.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;

/**
 * Blind indexes: HMAC-SHA256 inside the HSM, with the tenant's blind-index key, over the normalised value,
 * truncated to 16 bytes. Exact-match search works without decrypting anything. What it leaks: whether two stored
 * values of the same tenant and kind are equal after normalisation (and so how often a value occurs) — nothing
 * about the value itself without the HSM key, and nothing across tenants.
 *
 * <p>The key is versioned: writes index with the active version and record it; a search computes the index under
 * every version still in use (two while a rotation's job recomputes stored indexes, otherwise one).
 */
@ApplicationScoped
public class BlindIndexer {

    public static final int INDEX_BYTES = 16;

    @Inject
    HsmSession session;

    @Inject
    DataKeys keys;

    @Inject
    HsmCounters counters;

    /** The version new indexes of the tenant are computed with. */
    public KeyRef activeKey(UUID tenant) {
        return keys.active(tenant, KeyPurpose.BLIND_INDEX);
    }

    /**
     * A named version for a job that recomputes stored indexes; refused unless it is ACTIVE (named, not looked up
     * as "active", so no cache can make the job index with the old version).
     */
    public KeyRef target(UUID tenant, int version) {
        KeyRef target = keys.version(tenant, KeyPurpose.BLIND_INDEX, version);
        if (target.state() != KeyState.ACTIVE) {
            throw new KeyLifecycleException("version " + version + " is " + target.state() + ", not ACTIVE");
        }
        return target;
    }

    /** The index of a value with the active version, or null for a null or blank value (never indexed, never found). */
    public byte[] index(UUID tenant, Normalizer normalizer, String value) {
        return index(tenant, normalizer, value, activeKey(tenant));
    }

    /**
     * The index of a value with the given version of the tenant's key, or null for a null or blank value. (The
     * leading parameters are those of the active-version form, so whatever wraps one wraps both alike.)
     */
    public byte[] index(UUID tenant, Normalizer normalizer, String value, KeyRef key) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (key.purpose() != KeyPurpose.BLIND_INDEX || !key.tenant().equals(tenant)) {
            throw new IllegalArgumentException("not a blind-index key of the tenant: " + key.label());
        }
        byte[] input = (normalizer.name() + ":" + normalizer.normalize(value)).getBytes(StandardCharsets.UTF_8);
        try {
            byte[] mac = session.perform("blind_index", (provider, token) -> {
                Mac hmac = Mac.getInstance("HmacSHA256", provider);
                hmac.init(token.secretKey(key.label()));
                return hmac.doFinal(input);
            });
            return Arrays.copyOf(mac, INDEX_BYTES);
        } finally {
            Arrays.fill(input, (byte) 0);
            counters.maced();
        }
    }

    /**
     * What a search must match: the value's index under every version that may have indexed a stored row (ACTIVE
     * and DECRYPT_ONLY, never RETIRED or DESTROYED); empty for a null or blank value. Any HSM failure propagates:
     * a search never falls back to fewer versions.
     */
    public List<byte[]> candidates(UUID tenant, Normalizer normalizer, String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return keys.usable(tenant, KeyPurpose.BLIND_INDEX).stream().map(key -> index(tenant, normalizer, value, key))
                .toList();
    }
}
