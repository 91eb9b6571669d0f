/**
 * The tamper-evident audit trail: events written in the business transaction, MAC-chained per node with a key
 * inside the HSM, a verifier that names the first broken link, signed Merkle-tree checkpoints witnessed outside the
 * database and checked against it, and reading/export for auditors. Uses crypto only.
 */
package app.confidant.audit;
