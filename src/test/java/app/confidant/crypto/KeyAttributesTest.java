package app.confidant.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class KeyAttributesTest {

    /** A key whose description reads like SunPKCS11's P11Key.toString(). */
    private static SecretKeySpec key(String description) {
        return new SecretKeySpec(new byte[16], "AES") {
            private static final long serialVersionUID = 1L;

            @Override
            public String toString() {
                return description;
            }
        };
    }

    @Test
    void readsSensitiveAndExtractableFromTheProvidersDescription() {
        assertThat(KeyAttributes.describe("dek", key("SunPKCS11-x AES secret key, 256 bits token object, sensitive, "
                + "unextractable)"), null).safe()).isTrue();
        assertThat(KeyAttributes.describe("weak", key("SunPKCS11-x AES secret key, 256 bits token object, "
                + "not sensitive, extractable)"), null).safe()).isFalse();
    }

    @Test
    void anUnreadableDescriptionNeverCountsAsSafe() {
        KeyAttributes.TokenKey unknown = KeyAttributes.describe("odd", key("some other provider's key"), null);
        assertThat(unknown.sensitive()).isNull();
        assertThat(unknown.safe()).isFalse();
        assertThat(KeyAttributes.describe("missing", null, null).safe()).isFalse();
    }
}
