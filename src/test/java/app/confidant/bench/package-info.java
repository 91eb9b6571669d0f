/**
 * Benchmarks of field sealing and of what the audit trail costs a write, run by {@code ./confidant bench} inside a
 * real Payara Micro with SoftHSM2 and PostgreSQL. Test sources only: nothing here ships in the WAR. Benchmarks report
 * figures and never pass or fail on time.
 */
package app.confidant.bench;
