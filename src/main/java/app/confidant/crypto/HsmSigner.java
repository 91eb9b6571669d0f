package app.confidant.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.util.logging.Logger;

/**
 * ECDSA P-256 signatures (SHA256withECDSA) inside the HSM with a labelled key pair, e.g. the audit checkpoints'
 * {@code audit-checkpoint-v1}. The pair is generated inside the token on first use: the private key sensitive and
 * never extractable (the provider configuration's {@code attributes(generate, CKO_PRIVATE_KEY, CKK_EC)}), kept
 * beside a self-signed certificate that carries the public key for auditors.
 */
@ApplicationScoped
public class HsmSigner {

    private static final Logger LOG = Logger.getLogger(HsmSigner.class.getName());

    @Inject
    HsmSession session;

    @Inject
    Clock clock;

    /** The certificate of the signing key, generating the key pair inside the HSM when the token has none. */
    public X509Certificate certificate(String label) {
        return session.perform("sign", (provider, keys) -> {
            java.util.Optional<KeyStore.PrivateKeyEntry> existing = keys.signingKey(label);
            if (existing.isPresent()) {
                return (X509Certificate) existing.get().getCertificate();
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", provider);
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            X509Certificate certificate = SelfSignedCertificate.create("Confidant " + label, pair.getPublic(),
                    clock.instant(), tbs -> {
                        Signature signature = Signature.getInstance("SHA256withECDSA", provider);
                        signature.initSign(pair.getPrivate());
                        signature.update(tbs);
                        return signature.sign();
                    });
            keys.storeSigningKey(label, pair.getPrivate(), certificate);
            LOG.info(() -> "Generated signing key " + label + " (EC P-256) inside the HSM");
            return certificate;
        });
    }

    /** The certificate of the signing key if the token holds it; never generates one (for verification). */
    public java.util.Optional<X509Certificate> existingCertificate(String label) {
        return session.perform("sign", (provider, keys) -> keys.signingKey(label)
                .map(entry -> (X509Certificate) entry.getCertificate()));
    }

    /** A DER-encoded ECDSA signature over SHA-256 of the data, made inside the HSM; the key must exist. */
    public byte[] sign(String label, byte[] data) {
        return session.perform("sign", (provider, keys) -> {
            KeyStore.PrivateKeyEntry key = keys.signingKey(label).orElseThrow(() -> new MissingKeyException(label));
            Signature signature = Signature.getInstance("SHA256withECDSA", provider);
            signature.initSign(key.getPrivateKey());
            signature.update(data);
            return signature.sign();
        });
    }
}
