package app.confidant.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which blind-index key versions a search computes an index with. */
class DataKeysTest {

    private static final UUID TENANT = UUID.randomUUID();

    private static KeyRef key(int version, KeyState state) {
        return new KeyRef(TENANT, KeyPurpose.BLIND_INDEX, version, KeyPurpose.BLIND_INDEX.label(TENANT, version), state);
    }

    @Test
    void outsideARotationOnlyTheActiveVersionIsSearched() {
        assertThat(DataKeys.searchable(key(1, KeyState.ACTIVE), List.of(key(1, KeyState.ACTIVE))))
                .extracting(KeyRef::version).containsExactly(1);
    }

    @Test
    void duringARotationTheActiveAndTheDecryptOnlyVersionAreSearchedActiveFirst() {
        assertThat(DataKeys.searchable(key(2, KeyState.ACTIVE),
                List.of(key(2, KeyState.ACTIVE), key(1, KeyState.DECRYPT_ONLY))))
                .extracting(KeyRef::version).containsExactly(2, 1);
    }

    @Test
    void retiredDestroyedAndNotYetActivatedVersionsAreNeverSearched() {
        assertThat(DataKeys.searchable(key(3, KeyState.ACTIVE), List.of(key(1, KeyState.DESTROYED),
                key(2, KeyState.RETIRED), key(3, KeyState.ACTIVE), key(4, KeyState.PRE_ACTIVATION))))
                .extracting(KeyRef::version).containsExactly(3);
    }

    @Test
    void aStaleCachedActiveVersionIsStillSearchedBesideTheNewOne() {
        // This node still writes with v1 until its cache expires; the registry already made v2 active.
        assertThat(DataKeys.searchable(key(1, KeyState.ACTIVE),
                List.of(key(2, KeyState.ACTIVE), key(1, KeyState.DECRYPT_ONLY))))
                .extracting(KeyRef::version).containsExactly(1, 2);
    }
}
