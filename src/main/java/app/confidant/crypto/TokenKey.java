package app.confidant.crypto;

import javax.crypto.SecretKey;

/**
 * One secret key object as the token reports it. {@code sensitive}, {@code extractable} and {@code tokenObject} are
 * CKA_SENSITIVE, CKA_EXTRACTABLE and CKA_TOKEN, which SunPKCS11 reads with C_GetAttributeValue for each fresh handle
 * and shows (only) in the key's description, "…, token object, sensitive, unextractable)"; {@code neverExtractable}
 * and {@code local} are CKA_NEVER_EXTRACTABLE and CKA_LOCAL, read from the token by {@link OriginFlags}. An attribute
 * that cannot be read is null, and never counts as safe. {@code encodedIsNull} confirms that the JVM was handed no
 * key bytes.
 */
public record TokenKey(String label, String algorithm, boolean tokenObject, Boolean sensitive, Boolean extractable,
        Boolean neverExtractable, Boolean local, boolean encodedIsNull, String kcv) {

    static TokenKey of(String label, SecretKey key, String kcv) {
        String text = key.toString();
        Boolean sensitive = text.contains(", not sensitive") ? Boolean.FALSE
                : text.contains(", sensitive") ? Boolean.TRUE : null;
        Boolean extractable = text.contains(", unextractable") ? Boolean.FALSE
                : text.contains(", extractable") ? Boolean.TRUE : null;
        OriginFlags.Flags origin = OriginFlags.of(key);
        return new TokenKey(label, key.getAlgorithm(), text.contains("token object"), sensitive, extractable,
                origin.neverExtractable(), origin.local(), key.getEncoded() == null, kcv);
    }

    /** Sensitive, not extractable, and never was: the key's value cannot leave the HSM and never could. */
    public boolean safe() {
        return Boolean.TRUE.equals(sensitive) && Boolean.FALSE.equals(extractable)
                && Boolean.TRUE.equals(neverExtractable);
    }
}
