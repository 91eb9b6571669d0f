package app.confidant.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;

/**
 * Passwords as Jakarta Security's PBKDF2 hashes (HMAC-SHA512, 210,000 iterations, 32-byte salt: OWASP 2023).
 * Minimum length 12, no composition rules (NIST SP 800-63B). Unknown users are checked against a dummy hash, so
 * a wrong username costs as long as a wrong password.
 */
@ApplicationScoped
public class PasswordHasher {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 128;

    @Inject
    Pbkdf2PasswordHash pbkdf2;

    private String dummyHash;

    @PostConstruct
    void configure() {
        pbkdf2.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
                "Pbkdf2PasswordHash.Iterations", "210000",
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "64"));
        dummyHash = pbkdf2.generate(Secrets.newToken().toCharArray());
    }

    public String hash(char[] password) {
        if (password.length < MIN_LENGTH || password.length > MAX_LENGTH) {
            throw SecurityException.badRequest("weak-password",
                    "A password needs " + MIN_LENGTH + " to " + MAX_LENGTH + " characters.");
        }
        return pbkdf2.generate(password);
    }

    /** Constant-time comparison inside Pbkdf2PasswordHash; a null hash is checked against the dummy. */
    public boolean verify(char[] password, String hash) {
        boolean matches = pbkdf2.verify(password, hash == null ? dummyHash : hash);
        return hash != null && matches;
    }
}
