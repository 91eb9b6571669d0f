package app.confidant.compliance;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.Security;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * TLS in force, measured rather than configured: handshakes with this server's own HTTPS listener on loopback, one
 * per protocol and cipher suite this JVM can offer, and reports what the listener accepted. A configuration file
 * says what someone meant; a handshake says what a client actually gets (the pre-boot file, JVM defaults and
 * jdk.tls.disabledAlgorithms all included). Protocols this JVM disables cannot be offered by the probe, and are
 * refused by the listener for the same reason: it runs in this JVM under the same policy.
 */
@ApplicationScoped
public class TlsControl {

    private static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2", "TLSv1.1", "TLSv1");
    private static final int TIMEOUT_MILLIS = 3000;

    ControlResult check(int port) {
        List<String> failures = new ArrayList<>();
        List<String> accepted = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        try {
            SSLContext context = probingContext();
            String disabled = String.valueOf(Security.getProperty("jdk.tls.disabledAlgorithms"));
            for (String protocol : PROTOCOLS) {
                if (Arrays.asList(disabled.split("\\s*,\\s*")).contains(protocol)) {
                    notes.add(protocol + ": refused (disabled in this JVM by jdk.tls.disabledAlgorithms)");
                    continue;
                }
                List<String> suites = suitesFor(context, protocol).stream()
                        .filter(suite -> handshakes(context, port, protocol, suite)).toList();
                suites.forEach(suite -> accepted.add(protocol + " " + suite));
                if (!suites.isEmpty() && !protocol.equals("TLSv1.3") && !protocol.equals("TLSv1.2")) {
                    failures.add(protocol + " is accepted (only TLS 1.2 and 1.3 may be)");
                }
                suites.stream().filter(suite -> !aead(suite) || !forwardSecret(suite))
                        .forEach(suite -> failures.add(protocol + " " + suite
                                + " is accepted (only AEAD suites with forward secrecy may be)"));
            }
        } catch (GeneralSecurityException e) {
            failures.add("cannot probe the listener: " + e.getMessage());
        }
        if (accepted.isEmpty() && failures.isEmpty()) {
            failures.add("no handshake with the listener on port " + port + " succeeded");
        }
        List<String> findings = new ArrayList<>(accepted.stream().map(s -> "accepted: " + s).toList());
        findings.addAll(notes);
        return ControlResult.of("tls", "TLS in force", failures, List.of(), accepted.size()
                + " protocol/suite combinations accepted on port " + port + ": "
                + accepted.stream().map(s -> s.substring(0, s.indexOf(' '))).distinct().toList()).withNotes(findings);
    }

    private static List<String> suitesFor(SSLContext context, String protocol) {
        boolean tls13 = protocol.equals("TLSv1.3");
        return Arrays.stream(context.getSupportedSSLParameters().getCipherSuites())
                .filter(s -> !s.contains("SCSV"))
                .filter(s -> tls13 == !s.contains("_WITH_")).toList();
    }

    private static boolean handshakes(SSLContext context, int port, String protocol, String suite) {
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), TIMEOUT_MILLIS);
            plain.setSoTimeout(TIMEOUT_MILLIS);
            try (SSLSocket socket = (SSLSocket) context.getSocketFactory()
                    .createSocket(plain, "localhost", port, true)) {
                socket.setEnabledProtocols(new String[] {protocol});
                socket.setEnabledCipherSuites(new String[] {suite});
                socket.startHandshake();
                return protocol.equals(socket.getSession().getProtocol());
            }
        } catch (IOException | IllegalArgumentException refused) {
            return false;
        }
    }

    static boolean aead(String suite) {
        return suite.contains("_GCM_") || suite.contains("CHACHA20_POLY1305") || suite.contains("_CCM");
    }

    static boolean forwardSecret(String suite) {
        return !suite.contains("_WITH_") || suite.startsWith("TLS_ECDHE_") || suite.startsWith("TLS_DHE_");
    }

    /**
     * Trusts any server certificate: it probes only this server's own listener on loopback, to learn which
     * protocols and suites it accepts, and sends no data over the connections.
     */
    private static SSLContext probingContext() throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new javax.net.ssl.TrustManager[] {new ProbeTrust()}, null);
        return context;
    }

    private static final class ProbeTrust extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String auth, Socket socket) {
            throw new UnsupportedOperationException("probe client only");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String auth, Socket socket) {
            // the probe learns what the listener accepts; it does not authenticate it
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String auth, SSLEngine engine) {
            throw new UnsupportedOperationException("probe client only");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String auth, SSLEngine engine) {
            // as above
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String auth) {
            throw new UnsupportedOperationException("probe client only");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String auth) {
            // as above
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
