package app.confidant.crypto;

import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM sealing of one plaintext with a given key handle and provider. With the SunPKCS11 provider the
 * operation runs inside the HSM; unit tests pass a software provider and key.
 */
final class GcmEngine {

    private static final SecureRandom IVS = new SecureRandom();

    private GcmEngine() {
    }

    static byte[] seal(Provider provider, SecretKey key, int keyVersion, SealingContext context, byte[] plaintext)
            throws GeneralSecurityException {
        if (context.sequence() < 1) {
            throw new IllegalArgumentException("a seal needs the row's seal sequence (1 or more)");
        }
        byte[] iv = new byte[Envelope.IV_BYTES];
        IVS.nextBytes(iv);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding", provider);
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(Envelope.TAG_BITS, iv));
        cipher.updateAAD(context.aad(Envelope.FORMAT_V2, keyVersion));
        return new Envelope(Envelope.FORMAT_V2, keyVersion, iv, cipher.doFinal(plaintext)).toBytes();
    }

    static byte[] open(Provider provider, SecretKey key, Envelope envelope, SealingContext context)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding", provider);
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(Envelope.TAG_BITS, envelope.iv()));
        cipher.updateAAD(context.aad(envelope.format(), envelope.keyVersion()));
        return cipher.doFinal(envelope.ciphertext());
    }
}
