package app.confidant.crypto;

/**
 * Life cycle of a key version (NIST SP 800-57): PRE_ACTIVATION exists in the HSM but seals nothing yet; only ACTIVE
 * seals; DECRYPT_ONLY opens what it sealed until re-encryption moved it; RETIRED protects nothing; DESTROYED opens
 * nothing, ever again.
 */
public enum KeyState {
    PRE_ACTIVATION, ACTIVE, DECRYPT_ONLY, RETIRED, DESTROYED
}
