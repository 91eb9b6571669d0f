package app.confidant.security;

import java.util.Set;

/**
 * The seven least-privilege roles (as compile-time constants for {@code @RolesAllowed}) and the three pseudo-roles a
 * person holds between password and second factor.
 */
public final class Roles {

    /** Drafts invoices, manages parties. */
    public static final String CLERK = "CLERK";
    /** Submits, approves, rejects, issues and sends invoices. */
    public static final String APPROVER = "APPROVER";
    /** Records payments, issues credit notes. */
    public static final String ACCOUNTANT = "ACCOUNTANT";
    /** Reads everything masked, the audit log and reports; changes nothing. */
    public static final String AUDITOR = "AUDITOR";
    /** Users, roles, service accounts, MFA resets; no invoice data. */
    public static final String SECURITY_ADMIN = "SECURITY_ADMIN";
    /** Key ceremonies; no invoice data. */
    public static final String KEY_CUSTODIAN = "KEY_CUSTODIAN";
    /** Service accounts of internal applications: create and submit drafts, read what they created. */
    public static final String INTEGRATION = "INTEGRATION";

    /** Password accepted, second factor not yet given: may only verify a TOTP or recovery code. */
    public static final String MFA_PENDING = "MFA_PENDING";
    /** Password accepted, no second factor enrolled yet: may only enrol one. */
    public static final String MFA_ENROLMENT = "MFA_ENROLMENT";
    /** A generated password accepted (the bootstrap administrator's first login): may only change it. */
    public static final String PASSWORD_CHANGE = "PASSWORD_CHANGE";

    public static final Set<String> ALL = Set.of(CLERK, APPROVER, ACCOUNTANT, AUDITOR, SECURITY_ADMIN, KEY_CUSTODIAN,
            INTEGRATION);
    /** Roles that handle invoice data; none of them may be combined with an administrative role. */
    public static final Set<String> INVOICE_ROLES = Set.of(CLERK, APPROVER, ACCOUNTANT);
    public static final Set<String> ADMIN_ROLES = Set.of(SECURITY_ADMIN, KEY_CUSTODIAN);
    /** Roles granted only under four eyes: one security administrator proposes, a different one approves. */
    public static final Set<String> FOUR_EYES_ROLES = Set.of(SECURITY_ADMIN, KEY_CUSTODIAN, AUDITOR);
    /** Roles that see sensitive values masked, and never cause a decryption. */
    public static final Set<String> MASKED_ROLES = Set.of(AUDITOR, INTEGRATION);

    private Roles() {
    }
}
