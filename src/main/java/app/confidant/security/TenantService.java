package app.confidant.security;

import app.confidant.audit.Audited;
import app.confidant.audit.ReadOnly;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * The tenant registry: platform administrators create tenants under four eyes; a SHRED ceremony marks its tenant
 * SHREDDED; roles and service accounts exist only in ACTIVE tenants.
 */
@ApplicationScoped
@Transactional
public class TenantService {

    private static final UUID NIL = new UUID(0L, 0L);

    @Inject
    Tenants tenants;

    @Inject
    TenantScope scope;

    @Inject
    Clock clock;

    /**
     * The ACTIVE tenant a platform administrator proposed and a second one approved ({@link ApprovalService}). Its
     * id was drawn or given at proposal; given, it keeps the id a tenant already has elsewhere (its key labels,
     * sealed values' associated data and audit rows name it).
     */
    @RolesAllowed(Roles.SECURITY_ADMIN) // of the platform tenant: scope.requirePlatform()
    @Audited(value = "tenant.create", target = "tenant")
    public Tenant create(Approval approval) {
        scope.requirePlatform();
        if (!approval.approves(Approval.Action.CREATE_TENANT, approval.targetId())) {
            throw SecurityException.conflict("approval-required", "A second platform administrator approves a tenant.");
        }
        checkNew(approval.targetId(), approval.displayName());
        Tenant tenant = new Tenant(approval.targetId(), approval.displayName(), approval.proposedBy(), clock.instant());
        tenants.add(tenant);
        return tenant;
    }

    /** Whether a tenant with this id and name may be created: 400 for the nil id or no name, 409 if it exists. */
    @RolesAllowed(Roles.SECURITY_ADMIN)
    @ReadOnly
    public void checkNew(UUID id, String displayName) {
        scope.requirePlatform();
        if (id == null || NIL.equals(id)) {
            throw SecurityException.badRequest("invalid-tenant-id", "The nil UUID is not a tenant id.");
        }
        if (displayName == null || displayName.isBlank() || displayName.length() > 200) {
            throw SecurityException.badRequest("invalid-display-name", "A tenant needs a name of 1 to 200 characters.");
        }
        if (tenants.find(id).isPresent()) {
            throw SecurityException.conflict("tenant-exists", "A tenant with that id exists.");
        }
    }

    /** Platform administrators see every tenant; a tenant's administrators see their own. */
    @RolesAllowed(Roles.SECURITY_ADMIN)
    @ReadOnly
    public List<Tenant> list() {
        if (scope.platform()) {
            return tenants.all();
        }
        return tenants.find(scope.tenant()).stream().toList();
    }

    /** The tenant, if it is registered and ACTIVE: 404 if unknown, 409 {@code tenant-shredded} if shredded. */
    @PermitAll // a lookup the tenant-scoped services (custodians', administrators') make before acting; they check roles
    @ReadOnly
    public Tenant requireActive(UUID id) {
        Tenant tenant = tenants.find(id).orElseThrow(() -> SecurityException.notFound("Tenant"));
        if (!tenant.active()) {
            throw SecurityException.conflict("tenant-shredded", "The tenant was shredded; nothing more happens in it.");
        }
        return tenant;
    }

    /** After a SHRED ceremony destroyed its keys (in the ceremony's transaction). Never the platform tenant. */
    @RolesAllowed(Roles.KEY_CUSTODIAN) // the approving custodian of the SHRED ceremony
    @Audited(value = "tenant.shredded", target = "tenant")
    public void markShredded(UUID id) {
        if (TenantScope.PLATFORM.equals(id)) {
            throw SecurityException.conflict("platform-tenant", "The platform tenant is never shredded.");
        }
        tenants.forUpdate(id).ifPresent(Tenant::shredded);
    }
}
