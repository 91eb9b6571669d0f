package app.confidant.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;

/** The flags SunPKCS11 read from the token are taken from its rendering of a fresh key handle. */
class TokenKeyTest {

    private static SecretKey handle(String rendering, byte[] encoded) {
        return new SecretKey() {
            @Override
            public String getAlgorithm() {
                return "AES";
            }

            @Override
            public String getFormat() {
                return null;
            }

            @Override
            public byte[] getEncoded() {
                return encoded;
            }

            @Override
            public String toString() {
                return rendering;
            }
        };
    }

    @Test
    void aSensitiveUnextractableTokenKeyIsReportedSo() {
        TokenKey key = TokenKey.of("health", handle("SunPKCS11-confidant AES secret key, 32 bits (id 2, token object,"
                + " sensitive, unextractable)", null), "abcdef");

        assertThat(key.sensitive()).isTrue();
        assertThat(key.extractable()).isFalse();
        assertThat(key.tokenObject()).isTrue();
        assertThat(key.encodedIsNull()).isTrue();
    }

    @Test
    void anExtractableNonSensitiveSessionKeyIsReportedSo() {
        TokenKey key = TokenKey.of("leaky", handle("SunPKCS11-confidant AES secret key, 256 bits (id 7, session object,"
                + " not sensitive, extractable)", new byte[32]), "abcdef");

        assertThat(key.sensitive()).isFalse();
        assertThat(key.extractable()).isTrue();
        assertThat(key.tokenObject()).isFalse();
        assertThat(key.encodedIsNull()).isFalse();
    }

    @Test
    void anUnreadableDescriptionNeverCountsAsSafe() {
        TokenKey key = TokenKey.of("odd", handle("some other provider's key", null), "abcdef");

        assertThat(key.sensitive()).isNull();
        assertThat(key.extractable()).isNull();
        assertThat(key.safe()).isFalse();
    }

    @Test
    void sensitiveAndUnextractableIsNotEnoughWhenNeverExtractableCannotBeRead() {
        // Not a SunPKCS11 key: CKA_NEVER_EXTRACTABLE cannot be read, so the key is not reported safe.
        TokenKey key = TokenKey.of("health", handle("SunPKCS11-confidant AES secret key, 32 bits (id 2, token object,"
                + " sensitive, unextractable)", null), "abcdef");

        assertThat(key.neverExtractable()).isNull();
        assertThat(key.local()).isNull();
        assertThat(key.safe()).isFalse();
        assertThat(new TokenKey("health", "AES", true, true, false, true, true, true, "abcdef").safe()).isTrue();
        assertThat(new TokenKey("copied", "AES", true, true, false, false, false, true, "abcdef").safe()).isFalse();
    }
}
