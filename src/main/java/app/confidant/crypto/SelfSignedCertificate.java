package app.confidant.crypto;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A minimal self-signed X.509 v1 certificate (DER written by hand: the JDK has no public certificate builder). It
 * lets SunPKCS11 keep a private key as a labelled token object (its key store maps a private key by the certificate
 * beside it) and gives auditors the public key in a standard form. The signature is made inside the HSM.
 */
final class SelfSignedCertificate {

    /** Signs the to-be-signed bytes with the private key (inside the HSM). */
    @FunctionalInterface
    interface Signer {
        byte[] sign(byte[] tbs) throws GeneralSecurityException;
    }

    private static final byte[] ECDSA_WITH_SHA256 = {0x06, 0x08, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x04, 0x03, 0x02};
    private static final byte[] COMMON_NAME = {0x06, 0x03, 0x55, 0x04, 0x03};

    private SelfSignedCertificate() {
    }

    static X509Certificate create(String commonName, PublicKey publicKey, Instant notBefore, Signer signer)
            throws GeneralSecurityException {
        byte[] algorithm = tlv(0x30, ECDSA_WITH_SHA256);
        byte[] name = tlv(0x30, tlv(0x31, tlv(0x30, COMMON_NAME, tlv(0x0c, commonName.getBytes(StandardCharsets.UTF_8)))));
        String from = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").withZone(ZoneOffset.UTC).format(notBefore);
        byte[] validity = tlv(0x30, tlv(0x17, from.getBytes(StandardCharsets.US_ASCII)),
                tlv(0x18, "99991231235959Z".getBytes(StandardCharsets.US_ASCII))); // RFC 5280: no expiry
        byte[] serial = tlv(0x02, BigInteger.valueOf(notBefore.toEpochMilli()).toByteArray());
        byte[] tbs = tlv(0x30, serial, algorithm, name, validity, name, publicKey.getEncoded());
        byte[] signature = signer.sign(tbs);
        byte[] bitString = new byte[signature.length + 1]; // leading 0: no unused bits
        System.arraycopy(signature, 0, bitString, 1, signature.length);
        byte[] der = tlv(0x30, tbs, algorithm, tlv(0x03, bitString));
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(der));
    }

    private static byte[] tlv(int tag, byte[]... parts) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            content.writeBytes(part);
        }
        int length = content.size();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        if (length < 0x80) {
            out.write(length);
        } else {
            byte[] digits = BigInteger.valueOf(length).toByteArray();
            int skip = digits[0] == 0 ? 1 : 0;
            out.write(0x80 | (digits.length - skip));
            out.write(digits, skip, digits.length - skip);
        }
        out.writeBytes(content.toByteArray());
        return out.toByteArray();
    }
}
