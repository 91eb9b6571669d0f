package app.confidant.security;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;

/**
 * What the server keeps of a client certificate: the SHA-256 of its DER encoding (lower-case hex, as
 * {@code openssl x509 -fingerprint -sha256} prints it without colons), its subject and validity.
 */
record ClientCertificate(String sha256, String subject, Instant notBefore, Instant notAfter, boolean authority) {

    private static final String PEM_HEADER = "-----BEGIN CERTIFICATE-----";

    static ClientCertificate of(X509Certificate certificate) {
        try {
            byte[] der = certificate.getEncoded();
            String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
            return new ClientCertificate(sha256, certificate.getSubjectX500Principal().getName(),
                    certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant(),
                    certificate.getBasicConstraints() >= 0);
        } catch (CertificateEncodingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash a certificate", e);
        }
    }

    /** Exactly one PEM certificate (a chain is refused: which of them would be the account's is ambiguous). */
    static ClientCertificate fromPem(String pem) {
        if (pem == null || !pem.strip().startsWith(PEM_HEADER)) {
            throw invalid("Send one X.509 certificate in PEM form (-----BEGIN CERTIFICATE----- ...).");
        }
        Collection<? extends Certificate> certificates;
        try {
            certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.strip().getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException e) {
            throw invalid("The certificate cannot be read as X.509 PEM.");
        }
        if (certificates.size() != 1 || !(certificates.iterator().next() instanceof X509Certificate certificate)) {
            throw invalid("Send exactly one certificate: the application's own, without its chain.");
        }
        return of(certificate);
    }

    /** Inside its validity period (both ends inclusive, as in X.509). */
    boolean validAt(Instant now) {
        return !now.isBefore(notBefore) && !now.isAfter(notAfter);
    }

    private static SecurityException invalid(String message) {
        return SecurityException.badRequest("invalid-certificate", message);
    }
}
