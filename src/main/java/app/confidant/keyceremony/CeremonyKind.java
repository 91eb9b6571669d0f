package app.confidant.keyceremony;

/** What an approved ceremony does to a tenant's key. */
public enum CeremonyKind {
    /** A new version inside the HSM, not yet used (PRE_ACTIVATION). */
    GENERATE,
    /** The generated version seals from now on; a re-encryption job moves the stored values to it. */
    ACTIVATE,
    /** A DECRYPT_ONLY version that no stored value uses any more. */
    RETIRE,
    /** A RETIRED version's key object is destroyed in the HSM. */
    DESTROY,
    /** Every version of the tenant's data and blind-index keys is destroyed: its sealed values are gone for good. */
    SHRED,
    /** A new audit MAC key in the HSM; every node's audit chain continues in a new segment that names it. */
    AUDIT_KEY
}
