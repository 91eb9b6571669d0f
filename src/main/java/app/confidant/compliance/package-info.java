/**
 * The security programme's evidence: the security self-audit report (TLS, HSM, identities, training, audit trail,
 * software), the SBOM and the running version. Reads through crypto, audit, security and invoice; changes nothing
 * but the audit event each report run writes. Used only by platform.
 */
package app.confidant.compliance;
