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
}
