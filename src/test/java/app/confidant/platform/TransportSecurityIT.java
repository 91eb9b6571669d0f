package app.confidant.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The listener speaks HTTPS only, TLS 1.2/1.3 with AEAD suites only, and sends HSTS. */
class TransportSecurityIT {

    private static ConfidantServer server;
    private static SSLContext tls;

    @BeforeAll
    static void start() throws Exception {
        server = ConfidantServer.shared();
        tls = server.trustingThisServer();
    }

    @Test
    void plainHttpIsNotServed() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write("GET /health/ready HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = readAll(socket.getInputStream());
            assertThat(answer).doesNotContain("HTTP/1.1 200").doesNotContain("\"status\"");
        }
        assertThat(server.log()).contains("\"Http Port(s)\": \"\"");
    }

    @Test
    void tls11HandshakeIsRefused() throws Exception {
        SSLSocket socket = handshakeSocket(new String[] {"TLSv1.1"}, null);
        assertThat(socket.getEnabledProtocols()).containsExactly("TLSv1.1");
        assertThatThrownBy(socket::startHandshake).isInstanceOf(IOException.class);
        socket.close();
    }

    @Test
    void cbcSuitesAreRefusedAndGcmAccepted() throws Exception {
        for (String cbc : new String[] {"TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384", "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA"}) {
            SSLSocket socket = handshakeSocket(new String[] {"TLSv1.2"}, new String[] {cbc});
            assertThat(socket.getEnabledCipherSuites()).containsExactly(cbc);
            assertThatThrownBy(socket::startHandshake).as(cbc).isInstanceOf(SSLHandshakeException.class);
            socket.close();
        }
        String gcm = "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384";
        try (SSLSocket socket = handshakeSocket(new String[] {"TLSv1.2"}, new String[] {gcm})) {
            socket.startHandshake();
            assertThat(socket.getSession().getCipherSuite()).isEqualTo(gcm);
        }
    }

    @Test
    void tls13NegotiatesAnAeadSuite() throws Exception {
        try (SSLSocket socket = handshakeSocket(new String[] {"TLSv1.3"}, null)) {
            socket.startHandshake();
            assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.3");
            assertThat(socket.getSession().getCipherSuite()).matches("TLS_(AES_(256|128)_GCM|CHACHA20_POLY1305)_SHA\\d+");
        }
    }

    @Test
    void applicationResponsesCarryHstsAndProblemDetails() throws Exception {
        HttpResponse<String> response = server.get("/api/v1/no-such-resource");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
                v -> assertThat(v).startsWith("max-age=31536000"));
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"code\":\"not-found\"").doesNotContain("Exception");

        HttpResponse<String> outsideApi = server.get("/no-such-page");
        assertThat(outsideApi.statusCode()).isEqualTo(404);
        assertThat(outsideApi.body()).contains("\"status\":404").doesNotContain("Payara");
    }

    private static SSLSocket handshakeSocket(String[] protocols, String[] suites) throws IOException {
        SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket("127.0.0.1", server.port());
        socket.setSoTimeout(10_000);
        socket.setEnabledProtocols(protocols);
        if (suites != null) {
            assertThat(Arrays.asList(socket.getSupportedCipherSuites())).contains(suites);
            socket.setEnabledCipherSuites(suites);
        }
        return socket;
    }

    private static String readAll(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException closedByServer) {
            return "";
        }
    }
}
