package app.confidant.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.logging.Logger;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.Mac;
import javax.crypto.SecretKey;

/**
 * Key objects in the token: generation inside the HSM (sensitive, never extractable, by the provider
 * configuration's {@code attributes(generate, ...)}), key check values, live attributes, destruction.
 */
@ApplicationScoped
public class HsmKeys {

    private static final Logger LOG = Logger.getLogger(HsmKeys.class.getName());

    @Inject
    HsmSession session;

    /** Generates an AES-256 (SEAL) or HMAC (BLIND_INDEX) key inside the HSM under the label; returns its KCV. */
    public String generate(String label, KeyPurpose purpose) {
        return session.perform("generate", (provider, keys) -> {
            if (keys.contains(label)) {
                // Left by a creation whose registry row never committed: it never protected anything.
                keys.destroy(label);
            }
            KeyGenerator generator = KeyGenerator.getInstance(purpose == KeyPurpose.SEAL ? "AES" : "HmacSHA256",
                    provider);
            generator.init(256);
            keys.store(label, generator.generateKey());
            String kcv = checkValue(provider, keys.secretKey(label));
            LOG.info(() -> "Generated key " + label + " inside the HSM, KCV " + kcv);
            return kcv;
        });
    }

    /** Generates an HMAC-SHA256 key (generic secret) that is not a tenant's, e.g. the next audit MAC key. */
    public String generateMac(String label) {
        return generate(label, KeyPurpose.BLIND_INDEX);
    }

    /** Every key the token holds, with its flags read from the token now and its check value computed now. */
    public List<TokenKey> inventory() {
        return session.perform("inventory", (provider, keys) -> {
            List<TokenKey> found = new ArrayList<>();
            for (String label : keys.labels()) {
                SecretKey key = keys.freshHandle(label);
                found.add(TokenKey.of(label, key, checkValue(provider, key)));
            }
            return found;
        });
    }

    /** The labels of the token's keys, read now (no key is used: cheap enough for a readiness probe). */
    public List<String> labels() {
        return session.perform("labels", (provider, keys) -> keys.labels());
    }

    /** Destroys the key object; false when the token holds no key of that label. */
    public boolean destroy(String label) {
        return session.perform("destroy", (provider, keys) -> {
            if (!keys.contains(label)) {
                return false;
            }
            keys.destroy(label);
            LOG.info(() -> "Destroyed key " + label + " in the HSM");
            return true;
        });
    }

    /**
     * KCV: the first 3 bytes of encrypting a zero block with an AES key, or of the HMAC of a zero block with a MAC
     * key (generic secret), computed inside the HSM.
     */
    static String checkValue(Provider provider, SecretKey key) throws GeneralSecurityException {
        byte[] check;
        if ("AES".equalsIgnoreCase(key.getAlgorithm())) {
            Cipher cipher = Cipher.getInstance("AES/ECB/NoPadding", provider);
            cipher.init(Cipher.ENCRYPT_MODE, key);
            check = cipher.doFinal(new byte[16]);
        } else {
            Mac mac = Mac.getInstance("HmacSHA256", provider);
            mac.init(key);
            check = mac.doFinal(new byte[16]);
        }
        return HexFormat.of().formatHex(check, 0, 3);
    }
}
