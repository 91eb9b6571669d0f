package app.confidant.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/** Random tokens and their hashes: what is handed out is never stored, what is stored cannot be handed back. */
final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** A 256-bit random token, URL-safe. */
    static String newToken() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
    }

    /** A recovery code: 80 random bits as 16 base32 characters in groups of four. */
    static String newRecoveryCode() {
        String raw = Totp.base32(randomBytes(10));
        return raw.substring(0, 4) + "-" + raw.substring(4, 8) + "-" + raw.substring(8, 12) + "-" + raw.substring(12, 16);
    }

    /** An activation code: 160 random bits as 32 base32 characters in groups of four (typed by hand). */
    static String newActivationCode() {
        String raw = Totp.base32(randomBytes(20));
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < raw.length(); i += 4) {
            grouped.append(i == 0 ? "" : "-").append(raw, i, i + 4);
        }
        return grouped.toString();
    }

    /** What is stored of an activation code: the SHA-256 of its characters, ignoring case, spaces and dashes. */
    static String activationHash(String code) {
        return sha256Hex(code == null ? "" : code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT));
    }

    static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256Hex(String value) {
        return HexFormat.of().formatHex(sha256(value));
    }
}
