package app.confidant.crypto;

import jakarta.persistence.Column;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Transient;
import java.util.Map;

/**
 * Base of every entity with sensitive fields. Subclasses keep sensitive values only through
 * {@link #sensitive(String)} / {@link #sensitive(String, String)}; {@link SealingListener} seals all of them into
 * {@code sealed_fields} with one HSM operation when the entity is written, and opens them lazily after a load.
 *
 * <p>Writing a sensitive value clears {@code sealed_key_version}, a mapped and NOT NULL column: that makes the entity
 * dirty, so JPA fires {@code @PreUpdate} and the listener re-seals, and should it ever not, the database refuses the
 * row instead of keeping a stale envelope.
 *
 * <p>Every seal increments the row's {@code sealed_seq}, which the envelope is bound to: an older envelope of the row
 * written back does not open. After a load, {@code sealed_key_version} must name the version in the envelope; a row
 * whose column says otherwise (it would mislead rotation and the inventory) does not open either.
 */
@MappedSuperclass
@EntityListeners(SealingListener.class)
public abstract class SealedEntity {

    @Column(name = "sealed_fields", nullable = false)
    private byte[] sealedFields;

    @Column(name = "sealed_key_version", nullable = false)
    private Integer sealedKeyVersion;

    @Column(name = "sealed_seq", nullable = false)
    private long sealedSeq;

    @Transient
    private transient SensitiveValues sensitive;

    /** Entity type, id and tenant bound into every seal of this entity. */
    protected abstract SealingContext sealingContext();

    /** Sensitive fields that also get a blind index, with their normalisation. */
    protected Map<String, Normalizer> blindIndexedFields() {
        return Map.of();
    }

    /** Stores the blind index of a field (null when the value is empty) in the subclass's indexed column. */
    protected void blindIndexComputed(String field, byte[] index) {
        throw new IllegalStateException("blind index of " + field + " has no column");
    }

    /**
     * Records which version of the tenant's blind-index key computed the indexes just stored, so that a rotation
     * finds the rows still indexed with an older version. Required of every entity with blind-indexed fields.
     */
    protected void blindIndexKeyVersion(int version) {
        throw new IllegalStateException(getClass().getSimpleName() + " records no blind-index key version");
    }

    /**
     * Whether opening this entity's values shows them to a caller, so that the read is audited (see
     * {@link OpenedRows}). An entity whose values are only checked, never shown (a second factor's secret), says no.
     */
    protected boolean openedForCallers() {
        return true;
    }

    protected final String sensitive(String field) {
        return values().get(field);
    }

    /**
     * Whether the sealed values hold {@code field} at all: a row last sealed before the field became sensitive does
     * not, and its subclass reads the field's former plain column until the row is sealed again.
     */
    protected final boolean holdsSensitive(String field) {
        return values().contains(field);
    }

    protected final void sensitive(String field, String value) {
        values().put(field, value);
        sealedKeyVersion = null;
    }

    /** The data key version the stored values are sealed with (null while a change awaits sealing). */
    public Integer sealedKeyVersion() {
        return sealedKeyVersion;
    }

    private SensitiveValues values() {
        if (sensitive == null) {
            sensitive = SensitiveValues.empty();
        }
        return sensitive;
    }

    boolean needsSealing() {
        return sealedKeyVersion == null || sealedFields == null;
    }

    void seal(FieldCipher cipher, BlindIndexer indexer) {
        SealingContext context = sealingContext().at(sealedSeq + 1);
        Map<String, String> values = values().opened();
        sealedFields = cipher.seal(context, values);
        sealedSeq = context.sequence();
        sealedKeyVersion = cipher.keyVersionOf(sealedFields);
        Map<String, Normalizer> indexed = blindIndexedFields();
        if (!indexed.isEmpty()) {
            KeyRef key = indexer.activeKey(context.tenant()); // one version for all indexes of the row, recorded
            indexed.forEach((field, normalizer) ->
                    blindIndexComputed(field, indexer.index(context.tenant(), normalizer, values.get(field), key)));
            blindIndexKeyVersion(key.version());
        }
    }

    void loaded(FieldCipher cipher, OpenedRows openings) {
        SealingContext context = sealingContext().at(sealedSeq);
        sensitive = SensitiveValues.sealed(sealedFields, context, cipher, sealedKeyVersion,
                openedForCallers() ? openings : null);
    }

    @Override
    public final String toString() {
        // Never the sensitive values, whatever a subclass holds.
        return getClass().getSimpleName() + "[" + (sensitive == null ? "new" : sensitive) + "]";
    }
}
