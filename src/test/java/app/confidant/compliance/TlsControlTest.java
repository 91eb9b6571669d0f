package app.confidant.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TlsControlTest {

    @Test
    void onlyAeadSuitesWithForwardSecrecyPass() {
        assertThat(TlsControl.aead("TLS_AES_256_GCM_SHA384") && TlsControl.forwardSecret("TLS_AES_256_GCM_SHA384"))
                .isTrue();
        assertThat(TlsControl.aead("TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256")).isTrue();
        assertThat(TlsControl.forwardSecret("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256")).isTrue();
        assertThat(TlsControl.aead("TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384")).isFalse();
        assertThat(TlsControl.forwardSecret("TLS_RSA_WITH_AES_256_GCM_SHA384")).isFalse();
    }
}
