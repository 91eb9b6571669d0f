package app.confidant.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import javax.crypto.Mac;

/**
 * Blind indexes: HMAC-SHA256 inside the HSM, with the tenant's blind-index key, over the normalised value,
 * truncated to 16 bytes. Exact-match search works without decrypting anything. What it leaks: whether two stored
 * values of the same tenant and kind are equal after normalisation (and so how often a value occurs) — nothing
 * about the value itself without the HSM key, and nothing across tenants.
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

    /** The index of a value, or null for a null or blank value (never indexed, never found). */
    public byte[] index(UUID tenant, Normalizer normalizer, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        KeyRef key = keys.active(tenant, KeyPurpose.BLIND_INDEX);
        byte[] input = (normalizer.name() + ":" + normalizer.normalize(value)).getBytes(StandardCharsets.UTF_8);
        try {
            byte[] mac = session.perform((provider, token) -> {
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
}
