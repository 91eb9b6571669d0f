package app.confidant.crypto;

/** Life cycle of a key version (NIST SP 800-57): only ACTIVE seals; DESTROYED opens nothing, ever again. */
public enum KeyState {
    ACTIVE, DECRYPT_ONLY, RETIRED, DESTROYED
}
