/**
 * Benchmarks of field sealing, of what the audit trail costs a write and of key rotation's re-encryption, run by
 * {@code ./confidant bench} inside a real Payara Micro with SoftHSM2 and PostgreSQL, and the server side of the HTTP
 * benchmark's baselines (JPA-insert endpoint, pass-through sealer, audit switch, bulk seeder). Test sources only:
 * nothing here ships in the production WAR. Benchmarks report figures and never pass or fail on time.
 */
package app.confidant.bench;
