package app.confidant.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;

/**
 * The tenant boundary, asked in one place: every operation works in the tenant of the caller's token. Something of
 * another tenant is answered like something that does not exist (404), so a caller learns nothing about other
 * tenants. The platform tenant is the identity tenant: platform roles (held there) run the platform itself.
 */
@ApplicationScoped
public class TenantScope {

    /** The platform (identity) tenant: platform administrators, custodians and auditors work here. */
    public static final UUID PLATFORM = UserAccount.IDENTITY_TENANT;

    @Inject
    CallerContext callers;

    /** The caller's tenant; a caller working in no tenant finds nothing (404). */
    public UUID tenant() {
        return callers.current().map(Caller::tenantId)
                .orElseThrow(() -> SecurityException.notFound("Tenant"));
    }

    /** The caller works in the platform tenant (holds platform roles for this request). */
    public boolean platform() {
        return PLATFORM.equals(callers.current().map(Caller::tenantId).orElse(null));
    }

    /** Whether a thing of {@code tenant} lies inside the caller's tenant. */
    public boolean owns(UUID tenant) {
        Optional<UUID> own = callers.current().map(Caller::tenantId);
        return tenant != null && own.isPresent() && tenant.equals(own.get());
    }

    /** Refuses callers outside the platform tenant: 403 {@code platform-only}. */
    public void requirePlatform() {
        if (!platform()) {
            throw new SecurityException(403, "platform-only",
                    "Only platform roles (held in the platform tenant " + PLATFORM + ") may do this.");
        }
    }
}
