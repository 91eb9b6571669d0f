package app.confidant.invoice;

import app.confidant.security.Caller;
import app.confidant.security.Roles;
import java.util.UUID;

/** What a caller may see of invoice data: its token's tenant only; a service account only what it created. */
final class TenantScope {

    private TenantScope() {
    }

    static UUID tenantOf(Caller caller) {
        if (caller.tenantId() == null) {
            throw InvoiceException.notFound("Tenant");
        }
        return caller.tenantId();
    }

    /** INTEGRATION alone reads only its own records; invoice roles and auditors read all of the tenant's. */
    static boolean mayRead(Caller caller, UUID createdBy) {
        boolean onlyIntegration = caller.roles().contains(Roles.INTEGRATION) && !caller.hasAnyRole(Roles.INVOICE_ROLES)
                && !caller.roles().contains(Roles.AUDITOR);
        return !onlyIntegration || caller.userId().equals(createdBy);
    }

    /** Masked roles (AUDITOR, INTEGRATION) see sensitive values masked, and nothing is decrypted for them. */
    static boolean masked(Caller caller) {
        return !caller.hasAnyRole(Roles.INVOICE_ROLES);
    }
}
