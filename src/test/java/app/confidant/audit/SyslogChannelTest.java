package app.confidant.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The TLS channel against a local TLS receiver on loopback: delivery, hostname verification, a receiver gone. */
class SyslogChannelTest {

    private static final String PASSWORD = "throwaway-test-store";

    @TempDir
    static Path dir;

    @BeforeAll
    static void certificates() throws Exception {
        Files.writeString(dir.resolve("password"), PASSWORD);
        for (String name : List.of("localhost", "elsewhere.example")) {
            keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                    "CN=" + name, "-ext", "san=dns:" + name, "-validity", "2", "-keystore", name + ".p12",
                    "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD);
            keytool("-exportcert", "-alias", "server", "-keystore", name + ".p12", "-storepass", PASSWORD,
                    "-file", name + ".crt");
            keytool("-importcert", "-noprompt", "-alias", name, "-file", name + ".crt", "-keystore", "trust.p12",
                    "-storetype", "PKCS12", "-storepass", PASSWORD);
        }
    }

    @Test
    void framesArriveOverTlsInOrder() throws Exception {
        try (Receiver receiver = new Receiver("localhost");
             SyslogChannel channel = channel(receiver)) {
            channel.send(List.of(Rfc5424.frame("a"), Rfc5424.frame("b\u00e9")));
            channel.send(List.of(Rfc5424.frame("c")));
            assertThat(receiver.await(11)).isEqualTo("1 a3 b\u00e91 c");
            assertThat(receiver.protocols).allMatch(p -> p.equals("TLSv1.3") || p.equals("TLSv1.2"));
        }
    }

    @Test
    void aCertificateForAnotherNameIsRefusedThoughItsIssuerIsTrusted() throws Exception {
        try (Receiver receiver = new Receiver("elsewhere.example");
             SyslogChannel channel = channel(receiver)) {
            assertThatThrownBy(() -> channel.send(List.of(Rfc5424.frame("never"))))
                    .isInstanceOf(SSLHandshakeException.class);
            assertThat(receiver.received.toString(StandardCharsets.UTF_8)).isEmpty();
        }
    }

    @Test
    void aReceiverThatHasGoneFailsTheBatch() throws Exception {
        Receiver receiver = new Receiver("localhost");
        try (SyslogChannel channel = channel(receiver)) {
            channel.send(List.of(Rfc5424.frame("first")));
            receiver.close();
            assertThatThrownBy(() -> channel.send(List.of(Rfc5424.frame("lost")))).isInstanceOf(IOException.class);
        }
    }

    private static SyslogChannel channel(Receiver receiver) throws Exception {
        return new SyslogChannel("localhost", receiver.server.getLocalPort(), SyslogChannel.sockets(
                Optional.of(dir.resolve("trust.p12")), Optional.of(dir.resolve("password")), Optional.empty(),
                Optional.empty()));
    }

    private static void keytool(String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
    }

    /** A TLS server on loopback presenting the certificate for {@code name}; collects what it reads. */
    private static final class Receiver implements AutoCloseable {
        final SSLServerSocket server;
        final ByteArrayOutputStream received = new ByteArrayOutputStream();
        final List<String> protocols = new CopyOnWriteArrayList<>();
        private final List<SSLSocket> accepted = new CopyOnWriteArrayList<>();

        Receiver(String name) throws Exception {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(dir.resolve(name + ".p12"))) {
                keys.load(in, PASSWORD.toCharArray());
            }
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(keys, PASSWORD.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(factory.getKeyManagers(), null, null);
            server = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 5,
                    InetAddress.getLoopbackAddress());
            Thread.ofVirtual().start(this::serve);
        }

        private void serve() {
            try {
                while (true) {
                    SSLSocket socket = (SSLSocket) server.accept();
                    accepted.add(socket);
                    Thread.ofVirtual().start(() -> read(socket));
                }
            } catch (IOException closed) {
                // the test is over
            }
        }

        private void read(SSLSocket socket) {
            try (InputStream in = socket.getInputStream()) {
                socket.startHandshake();
                protocols.add(socket.getSession().getProtocol());
                byte[] buffer = new byte[1024];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    synchronized (received) {
                        received.write(buffer, 0, n);
                        received.notifyAll();
                    }
                }
            } catch (IOException closed) {
                // refused handshake or closed by the test
            }
        }

        /** Waits (up to a minute, for a slow machine) until {@code bytes} bytes arrived. */
        String await(int bytes) throws InterruptedException {
            long deadline = System.nanoTime() + 60_000_000_000L;
            synchronized (received) {
                while (received.size() < bytes && System.nanoTime() < deadline) {
                    received.wait(100);
                }
                return received.toString(StandardCharsets.UTF_8);
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (SSLSocket socket : accepted) {
                socket.close();
            }
        }
    }
}
