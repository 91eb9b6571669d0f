package app.confidant.crypto;

import jakarta.inject.Inject;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;

/**
 * The only link between entities and the HSM: seals before insert and before an update that changed a sensitive
 * value, and installs lazy opening after load. Any HSM failure propagates, so the transaction rolls back and
 * nothing is written half-sealed or in plaintext.
 */
public class SealingListener {

    @Inject
    FieldCipher cipher;

    @Inject
    BlindIndexer indexer;

    @Inject
    OpenedRows openings;

    @PrePersist
    void beforeInsert(SealedEntity entity) {
        entity.seal(cipher, indexer);
    }

    @PreUpdate
    void beforeUpdate(SealedEntity entity) {
        if (entity.needsSealing()) {
            entity.seal(cipher, indexer);
        }
    }

    @PostLoad
    void afterLoad(SealedEntity entity) {
        entity.loaded(cipher, openings);
    }
}
