package app.confidant.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;

/**
 * A throw-away certificate authority and client certificates, made at test time with the JDK's keytool (EC P-256,
 * valid for two days): no key is ever committed. Files live in the directory given; every store shares one
 * random password.
 */
final class TestPki {

    /** A client's key and certificate chain (for its TLS stack) and its certificate alone, in PEM. */
    record Client(String alias, Path keystore, Path csr, String certificatePem) {
    }

    private final Path dir;
    private final Path passwordFile;
    private final char[] password;

    private TestPki(Path dir) throws IOException {
        this.dir = dir;
        byte[] random = new byte[12];
        new SecureRandom().nextBytes(random);
        this.password = HexFormat.of().formatHex(random).toCharArray();
        this.passwordFile = dir.resolve("password");
        Files.writeString(passwordFile, new String(password));
    }

    /** A new CA in {@code dir}, and a truststore that holds only its certificate. */
    static TestPki create(Path dir) throws Exception {
        Files.createDirectories(dir);
        TestPki pki = new TestPki(dir);
        pki.keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=Confidant test client CA", "-ext", "bc:c", "-ext", "ku:c=keyCertSign,cRLSign",
                "-validity", "2", "-keystore", pki.dir.resolve("ca.p12").toString());
        pki.keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", pki.dir.resolve("ca.p12").toString(),
                "-file", pki.caCertificate().toString());
        pki.keytool("-importcert", "-noprompt", "-alias", "ca", "-file", pki.caCertificate().toString(),
                "-keystore", pki.truststore().toString());
        return pki;
    }

    Path truststore() {
        return dir.resolve("truststore.p12");
    }

    Path passwordFile() {
        return passwordFile;
    }

    Path caCertificate() {
        return dir.resolve("ca.pem");
    }

    /** A key pair and a client certificate for it, signed by this CA. */
    Client client(String alias) throws Exception {
        Path keystore = dir.resolve(alias + ".p12");
        Path csr = dir.resolve(alias + ".csr");
        keytool("-genkeypair", "-alias", alias, "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=" + alias + ", O=Confidant tests", "-keystore", keystore.toString());
        keytool("-certreq", "-alias", alias, "-keystore", keystore.toString(), "-file", csr.toString());
        String pem = issue(csr, alias, null, 2);
        keytool("-importcert", "-noprompt", "-alias", "ca", "-file", caCertificate().toString(),
                "-keystore", keystore.toString());
        keytool("-importcert", "-alias", alias, "-file", dir.resolve(alias + ".pem").toString(),
                "-keystore", keystore.toString());
        return new Client(alias, keystore, csr, pem);
    }

    /** One more certificate for a client's key ({@code startDate} as keytool takes it, e.g. "-10d"), in PEM. */
    String issue(Path csr, String name, String startDate, int validityDays) throws Exception {
        Path out = dir.resolve(name + ".pem");
        List<String> args = new ArrayList<>(List.of("-gencert", "-rfc", "-alias", "ca",
                "-keystore", dir.resolve("ca.p12").toString(), "-infile", csr.toString(), "-outfile", out.toString(),
                "-ext", "eku=clientAuth", "-ext", "ku:c=digitalSignature", "-validity", Integer.toString(validityDays)));
        if (startDate != null) {
            args.addAll(List.of("-startdate", startDate));
        }
        keytool(args.toArray(String[]::new));
        return Files.readString(out);
    }

    /** What a client's TLS stack needs to present its certificate. */
    KeyManager[] keyManagers(Client client) throws Exception {
        KeyStore keystore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(client.keystore())) {
            keystore.load(in, password);
        }
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keystore, password);
        return factory.getKeyManagers();
    }

    private void keytool(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("-storetype", "PKCS12", "-storepass:file", passwordFile.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("keytool " + String.join(" ", args) + " failed: " + output);
        }
    }
}
