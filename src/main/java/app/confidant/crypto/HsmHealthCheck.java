package app.confidant.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness check "hsm": an AES-256-GCM round trip of a random block with the token's {@code health} key, performed
 * inside the HSM. DOWN carries the reason; a DOWN probe also lets {@link HsmSession} open a fresh session.
 */
@Readiness
@ApplicationScoped
public class HsmHealthCheck implements HealthCheck {

    static final String HEALTH_KEY = "health";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    HsmSession session;

    @Override
    public HealthCheckResponse call() {
        try {
            boolean roundTrip = session.perform("health", (provider, keys) -> {
                SecretKey key = keys.secretKey(HEALTH_KEY);
                byte[] block = random(32);
                GCMParameterSpec spec = new GCMParameterSpec(128, random(12));
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding", provider);
                cipher.init(Cipher.ENCRYPT_MODE, key, spec);
                byte[] sealed = cipher.doFinal(block);
                cipher.init(Cipher.DECRYPT_MODE, key, spec);
                return MessageDigest.isEqual(block, cipher.doFinal(sealed)) && sealed.length == 48;
            });
            return roundTrip
                    ? HealthCheckResponse.named("hsm").up().withData("operation", "AES-256-GCM round trip").build()
                    : down("AES-256-GCM round trip returned different data");
        } catch (RuntimeException e) {
            return down(e.getMessage());
        }
    }

    private static HealthCheckResponse down(String reason) {
        return HealthCheckResponse.named("hsm").down().withData("reason", String.valueOf(reason)).build();
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
