package app.confidant.audit;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * One TLS connection to the syslog receiver (RFC 5425): TLS 1.2 or 1.3 only, the receiver's certificate checked
 * against the configured CAs and its name against the host (hostname verification on), an optional client
 * certificate. RFC 5425 has no acknowledgement, so a batch counts as accepted when it was written and flushed and
 * the receiver did not close the connection within a short check afterwards.
 */
final class SyslogChannel implements AutoCloseable {

    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;
    private static final int WRITE_CHECK_MILLIS = 200;

    private final String host;
    private final int port;
    private final SSLSocketFactory sockets;
    private SSLSocket socket;
    private OutputStream out;
    private InputStream in;

    SyslogChannel(String host, int port, SSLSocketFactory sockets) {
        this.host = host;
        this.port = port;
        this.sockets = sockets;
    }

    /** Sends the frames; returns normally only when the receiver has them (as far as TLS over TCP can tell). */
    void send(List<byte[]> frames) throws IOException {
        if (socket != null && closedByReceiver(1)) {
            close();
        }
        if (socket == null) {
            open();
        }
        try {
            for (byte[] frame : frames) {
                out.write(frame);
            }
            out.flush();
            if (closedByReceiver(WRITE_CHECK_MILLIS)) {
                throw new IOException("the syslog receiver closed the connection");
            }
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private void open() throws IOException {
        SSLSocket opened = (SSLSocket) sockets.createSocket();
        try {
            opened.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
            opened.setSoTimeout(CONNECT_TIMEOUT_MILLIS);
            SSLParameters parameters = opened.getSSLParameters();
            parameters.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
            parameters.setEndpointIdentificationAlgorithm("HTTPS"); // the certificate must name the host
            opened.setSSLParameters(parameters);
            opened.startHandshake();
        } catch (IOException | RuntimeException e) {
            opened.close();
            throw e;
        }
        socket = opened;
        out = new BufferedOutputStream(opened.getOutputStream(), 64 * 1024);
        in = opened.getInputStream();
    }

    /** A syslog receiver never writes: end of stream (or an error) while reading means it has gone. */
    private boolean closedByReceiver(int waitMillis) {
        try {
            socket.setSoTimeout(waitMillis);
            return in.read() < 0;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException gone) {
            return true;
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a broken connection
            }
        }
        socket = null;
        out = null;
        in = null;
    }

    /** TLS client context: trust the CAs in the PKCS#12 trust store (JVM default when none), optional client key. */
    static SSLSocketFactory sockets(Optional<Path> trustStore, Optional<Path> trustStorePasswordFile,
            Optional<Path> keyStore, Optional<Path> keyStorePasswordFile) throws IOException, GeneralSecurityException {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trustStore.isPresent() ? load(trustStore.get(), trustStorePasswordFile) : null);
        KeyManagerFactory keys = null;
        if (keyStore.isPresent()) {
            keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            char[] password = password(keyStorePasswordFile);
            try {
                keys.init(load(keyStore.get(), keyStorePasswordFile), password);
            } finally {
                Arrays.fill(password, '\0');
            }
        }
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
        return context.getSocketFactory();
    }

    private static KeyStore load(Path store, Optional<Path> passwordFile) throws IOException, GeneralSecurityException {
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        char[] password = password(passwordFile);
        try (InputStream stream = Files.newInputStream(store)) {
            keyStore.load(stream, password);
        } finally {
            Arrays.fill(password, '\0');
        }
        return keyStore;
    }

    private static char[] password(Optional<Path> file) throws IOException {
        if (file.isEmpty()) {
            throw new IOException("a PKCS#12 store is configured without its password file");
        }
        return Files.readString(file.get(), StandardCharsets.UTF_8).strip().toCharArray();
    }
}
