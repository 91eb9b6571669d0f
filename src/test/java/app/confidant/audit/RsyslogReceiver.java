package app.confidant.audit;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real rsyslogd (Debian packages rsyslog, rsyslog-gnutls) in the foreground with its own configuration, work
 * directory and pid file under {@code dir}: it accepts RFC 5425 syslog over TLS (gtls driver, mode 1, anonymous
 * clients) on 127.0.0.1 and writes each message it receives, raw, as one line of {@code received.log}. Its CA and
 * server certificate (for localhost and 127.0.0.1) are generated with openssl; {@code truststore.p12} holds the CA
 * for Confidant.
 */
final class RsyslogReceiver implements AutoCloseable {

    private final Path dir;
    private final int port;
    private Process process;

    private RsyslogReceiver(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    static RsyslogReceiver create(Path dir) throws Exception {
        Files.createDirectories(dir.resolve("work"));
        Files.deleteIfExists(dir.resolve("received.log"));
        run(dir, "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", "ca.key", "-out", "ca.pem", "-days", "2", "-subj", "/CN=Syslog Test CA");
        run(dir, "openssl", "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=localhost");
        Files.writeString(dir.resolve("server.ext"), "subjectAltName=DNS:localhost,IP:127.0.0.1\n"
                + "basicConstraints=CA:FALSE\nkeyUsage=digitalSignature\nextendedKeyUsage=serverAuth\n");
        run(dir, "openssl", "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
                "-CAcreateserial", "-out", "server.pem", "-days", "2", "-extfile", "server.ext");
        Files.writeString(dir.resolve("truststore.password"), "throwaway-" + System.nanoTime());
        Files.deleteIfExists(dir.resolve("truststore.p12"));
        run(dir, Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-importcert", "-noprompt",
                "-alias", "syslog-ca", "-file", "ca.pem", "-keystore", "truststore.p12", "-storetype", "PKCS12",
                "-storepass:file", "truststore.password");
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Files.writeString(dir.resolve("rsyslog.conf"), """
                global(workDirectory="%1$s/work" defaultNetstreamDriver="gtls"
                       defaultNetstreamDriverCAFile="%1$s/ca.pem" defaultNetstreamDriverCertFile="%1$s/server.pem"
                       defaultNetstreamDriverKeyFile="%1$s/server.key")
                module(load="imtcp" streamDriver.name="gtls" streamDriver.mode="1" streamDriver.authMode="anon")
                input(type="imtcp" port="%2$d" address="127.0.0.1")
                template(name="raw" type="string" string="%%rawmsg%%\\n")
                action(type="omfile" file="%1$s/received.log" template="raw")
                """.formatted(dir, port));
        RsyslogReceiver receiver = new RsyslogReceiver(dir, port);
        receiver.start();
        return receiver;
    }

    int port() {
        return port;
    }

    Path trustStore() {
        return dir.resolve("truststore.p12");
    }

    Path trustStorePasswordFile() {
        return dir.resolve("truststore.password");
    }

    /** Every message received so far, one per line. */
    List<String> received() throws IOException {
        Path log = dir.resolve("received.log");
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    void start() throws Exception {
        Files.deleteIfExists(dir.resolve("rsyslogd.pid"));
        process = new ProcessBuilder("rsyslogd", "-n", "-f", dir.resolve("rsyslog.conf").toString(),
                "-i", dir.resolve("rsyslogd.pid").toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("rsyslogd.out").toFile()))
                .start();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("rsyslogd exited with " + process.exitValue() + ": "
                        + Files.readString(dir.resolve("rsyslogd.out")));
            }
            try (java.net.Socket probe = new java.net.Socket()) {
                probe.connect(new java.net.InetSocketAddress("127.0.0.1", port), 1000);
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("rsyslogd does not listen on port " + port);
    }

    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private static void run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }
}
