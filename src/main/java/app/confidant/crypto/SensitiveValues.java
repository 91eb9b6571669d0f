package app.confidant.crypto;

import java.util.Map;
import java.util.TreeMap;

/**
 * The sensitive fields of one loaded entity, kept sealed until a caller reads or writes one of them: an entity
 * read only for its non-sensitive data (or rendered masked) costs no HSM operation at all.
 */
final class SensitiveValues {

    private final byte[] sealed;
    private final SealingContext context;
    private final FieldCipher cipher;
    private Map<String, String> plain;

    private SensitiveValues(byte[] sealed, SealingContext context, FieldCipher cipher, Map<String, String> plain) {
        this.sealed = sealed;
        this.context = context;
        this.cipher = cipher;
        this.plain = plain;
    }

    static SensitiveValues empty() {
        return new SensitiveValues(null, null, null, new TreeMap<>());
    }

    static SensitiveValues sealed(byte[] sealed, SealingContext context, FieldCipher cipher) {
        return new SensitiveValues(sealed, context, cipher, null);
    }

    String get(String field) {
        return opened().get(field);
    }

    void put(String field, String value) {
        opened().put(field, value);
    }

    boolean isOpened() {
        return plain != null;
    }

    Map<String, String> opened() {
        if (plain == null) {
            plain = new TreeMap<>(cipher.open(context, sealed));
        }
        return plain;
    }

    @Override
    public String toString() {
        return plain == null ? "[sealed]" : "[opened, " + plain.size() + " fields]";
    }
}
