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
    private final Integer storedKeyVersion;
    private final OpenedRows openings;
    private Map<String, String> plain;

    private SensitiveValues(byte[] sealed, SealingContext context, FieldCipher cipher, Integer storedKeyVersion,
            OpenedRows openings, Map<String, String> plain) {
        this.sealed = sealed;
        this.context = context;
        this.cipher = cipher;
        this.storedKeyVersion = storedKeyVersion;
        this.openings = openings;
        this.plain = plain;
    }

    static SensitiveValues empty() {
        return new SensitiveValues(null, null, null, null, null, new TreeMap<>());
    }

    /**
     * A loaded row's values, opened on first use. {@code storedKeyVersion} is the row's plain key-version column,
     * checked against the envelope's before anything is opened. Each opening is reported to {@code openings}, so
     * that the read can be audited.
     */
    static SensitiveValues sealed(byte[] sealed, SealingContext context, FieldCipher cipher, Integer storedKeyVersion,
            OpenedRows openings) {
        return new SensitiveValues(sealed, context, cipher, storedKeyVersion, openings, null);
    }

    String get(String field) {
        return opened().get(field);
    }

    boolean contains(String field) {
        return opened().containsKey(field);
    }

    void put(String field, String value) {
        opened().put(field, value);
    }

    boolean isOpened() {
        return plain != null;
    }

    Map<String, String> opened() {
        if (plain == null) {
            try {
                if (storedKeyVersion == null || storedKeyVersion != cipher.keyVersionOf(sealed)) {
                    throw new SealedValueException("the row's key version column does not match its envelope");
                }
                plain = new TreeMap<>(cipher.open(context, sealed));
                if (openings != null) {
                    openings.opened(context);
                }
            } catch (SealedValueException e) {
                throw e.of(context);
            }
        }
        return plain;
    }

    @Override
    public String toString() {
        return plain == null ? "[sealed]" : "[opened, " + plain.size() + " fields]";
    }
}
