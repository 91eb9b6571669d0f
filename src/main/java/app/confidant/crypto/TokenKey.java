package app.confidant.crypto;

import javax.crypto.SecretKey;

/**
 * One secret key object as the token reports it. {@code sensitive}, {@code extractable} and {@code tokenObject} are
 * CKA_SENSITIVE, CKA_EXTRACTABLE and CKA_TOKEN, which SunPKCS11 reads with C_GetAttributeValue for each fresh
 * handle; {@code neverExtractable} and {@code local} are CKA_NEVER_EXTRACTABLE and CKA_LOCAL, read from the token by
 * {@link OriginFlags} (null when they cannot be read); {@code encodedIsNull} confirms that the JVM was handed no key
 * bytes.
 */
public record TokenKey(String label, String algorithm, boolean tokenObject, boolean sensitive, boolean extractable,
        Boolean neverExtractable, Boolean local, boolean encodedIsNull, String kcv) {

    static TokenKey of(String label, SecretKey key, String kcv) {
        // SunPKCS11 renders the flags it read as "(id N, token object, sensitive, unextractable)".
        String flags = key.toString();
        boolean sensitive = flags.contains(", sensitive") && !flags.contains("not sensitive");
        boolean extractable = flags.contains("extractable") && !flags.contains("unextractable");
        OriginFlags.Flags origin = OriginFlags.of(key);
        return new TokenKey(label, key.getAlgorithm(), flags.contains("token object"), sensitive, extractable,
                origin.neverExtractable(), origin.local(), key.getEncoded() == null, kcv);
    }
}
