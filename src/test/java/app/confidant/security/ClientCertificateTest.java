package app.confidant.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientCertificateTest {

    @TempDir
    static Path dir;
    private static TestPki pki;
    private static TestPki.Client client;

    @BeforeAll
    static void makeCertificates() throws Exception {
        pki = TestPki.create(dir);
        client = pki.client("unit");
    }

    @Test
    void theFingerprintIsTheSha256OfTheDerEncodingInLowerCaseHex() throws Exception {
        X509Certificate parsed = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                new ByteArrayInputStream(client.certificatePem().getBytes(StandardCharsets.US_ASCII)));
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(parsed.getEncoded()));

        ClientCertificate certificate = ClientCertificate.fromPem(client.certificatePem());

        assertThat(certificate.sha256()).isEqualTo(expected).matches("[0-9a-f]{64}");
        assertThat(certificate).isEqualTo(ClientCertificate.of(parsed));
        assertThat(certificate.subject()).isEqualTo("CN=unit,O=Confidant tests");
        assertThat(certificate.authority()).isFalse();
        assertThat(certificate.validAt(Instant.now())).isTrue();
        assertThat(certificate.validAt(certificate.notAfter().plus(Duration.ofSeconds(1)))).isFalse();
    }

    @Test
    void aCaCertificateIsRecognisedAsAnAuthority() throws Exception {
        assertThat(ClientCertificate.fromPem(Files.readString(pki.caCertificate())).authority()).isTrue();
    }

    @Test
    void aChainGarbageOrAKeyIsRefusedWithoutEchoingIt() throws Exception {
        String chain = client.certificatePem() + Files.readString(pki.caCertificate());
        String key = "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg\n-----END PRIVATE KEY-----\n";
        String broken = "-----BEGIN CERTIFICATE-----\nTUlJQnNlY3JldA==\n-----END CERTIFICATE-----\n";
        for (String pem : new String[] {chain, key, broken, "", null}) {
            assertThatThrownBy(() -> ClientCertificate.fromPem(pem))
                    .isInstanceOfSatisfying(SecurityException.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.code()).isEqualTo("invalid-certificate");
                        assertThat(e.getMessage()).doesNotContain("MIG").doesNotContain("TUlJ");
                    });
        }
    }
}
