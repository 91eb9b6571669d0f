/**
 * The tamper-evident audit trail: events written in the business transaction, MAC-chained per node with a key
 * inside the HSM, a verifier that names the first broken link, and reading/export for auditors. Uses crypto only.
 */
package app.confidant.audit;
