package app.confidant.keyceremony;

import app.confidant.audit.Audited;
import app.confidant.audit.ReadOnly;
import app.confidant.crypto.BackupCoverage;
import app.confidant.crypto.KeyPurpose;
import app.confidant.security.Caller;
import app.confidant.security.CallerContext;
import app.confidant.security.Roles;
import app.confidant.security.TenantScope;
import app.confidant.security.TenantService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Dual control: one custodian proposes a ceremony with a reason, a different custodian approves it within the
 * approval window, and only then is it carried out; either may cancel it before. Every step is an audit event
 * (a refused approval too, as a failure). Auditors read the ceremonies; nobody else sees them.
 *
 * <p>Tenant boundary: a ceremony acts on the tenant its proposer works in, and is seen, approved or cancelled only
 * by custodians and auditors of that tenant (another tenant's ceremony is not found). The platform tenant's
 * custodians hold the platform's ceremonies: its own keys and the audit key (AUDIT_KEY); the platform tenant is
 * never shredded.
 */
@Stateless
@RolesAllowed({Roles.KEY_CUSTODIAN, Roles.AUDITOR})
public class KeyCeremonyService {

    static final int MAX_PAGE = 200;

    @Inject
    KeyCeremonyRepository ceremonies;

    @Inject
    CeremonySteps steps;

    @Inject
    CallerContext callers;

    @Inject
    TenantScope scope;

    @Inject
    TenantService tenants;

    @Inject
    BackupCoverage coverage;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "confidant.keys.approval-window", defaultValue = "PT1H")
    Duration approvalWindow;

    @RolesAllowed(Roles.KEY_CUSTODIAN)
    @Audited(value = "key-ceremony.propose", target = "key-ceremony")
    public CeremonyResponse propose(CeremonyRequest proposal) {
        Caller caller = callers.require();
        CeremonyRequest request = inCallersTenant(proposal);
        check(request);
        Instant now = clock.instant();
        Duration window = request.validForSeconds() == null ? approvalWindow
                : min(approvalWindow, Duration.ofSeconds(request.validForSeconds()));
        KeyCeremony ceremony = new KeyCeremony(request, caller.userId(), caller.name(), now, now.plus(window));
        ceremonies.add(ceremony);
        ceremonies.flush();
        return CeremonyResponse.of(ceremony, null);
    }

    /** Another custodian's approval carries the ceremony out at once; the proposer's own is refused. */
    @RolesAllowed(Roles.KEY_CUSTODIAN)
    @Audited(value = "key-ceremony.approve", target = "key-ceremony")
    public CeremonyResponse approve(UUID id) {
        Caller caller = callers.require();
        KeyCeremony ceremony = pending(id);
        if (ceremony.proposedBy().equals(caller.userId())) {
            throw new KeyCeremonyException(403, "dual-control",
                    "A different key custodian must approve this ceremony; its proposer cannot.");
        }
        CeremonySteps.Done done = steps.carryOut(ceremony);
        ceremony.decide(KeyCeremony.DONE, caller.userId(), caller.name(), clock.instant(), done.outcome(),
                done.createdKey());
        ceremonies.flush();
        return view(ceremony);
    }

    @RolesAllowed(Roles.KEY_CUSTODIAN)
    @Audited(value = "key-ceremony.cancel", target = "key-ceremony")
    public CeremonyResponse cancel(UUID id) {
        Caller caller = callers.require();
        KeyCeremony ceremony = pending(id);
        ceremony.decide(KeyCeremony.CANCELLED, caller.userId(), caller.name(), clock.instant(), "cancelled");
        ceremonies.flush();
        return CeremonyResponse.of(ceremony, null);
    }

    @ReadOnly
    public CeremonyResponse get(UUID id) {
        Map<String, BackupCoverage.Covered> backedUp = coverage.verified();
        return ceremonies.find(id).filter(c -> visible(c.tenantId())).map(c -> view(c, backedUp))
                .orElseThrow(() -> KeyCeremonyException.notFound("Ceremony"));
    }

    @ReadOnly
    public List<CeremonyResponse> list(int offset, int limit) {
        List<UUID> tenantsSeen = scope.platform() ? List.of(scope.tenant(), CeremonyRequest.NO_TENANT)
                : List.of(scope.tenant());
        Map<String, BackupCoverage.Covered> backedUp = coverage.verified();
        return ceremonies.page(tenantsSeen, Math.max(0, offset), Math.min(Math.max(1, limit), MAX_PAGE)).stream()
                .map(c -> view(c, backedUp)).toList();
    }

    /** The caller's own tenant's ceremonies; for the platform tenant's people also those of no tenant (AUDIT_KEY). */
    private boolean visible(UUID tenant) {
        return scope.owns(tenant) || scope.platform() && CeremonyRequest.NO_TENANT.equals(tenant);
    }

    /**
     * The proposal for the caller's tenant: a body naming another tenant is refused (403 other-tenant), AUDIT_KEY
     * only by the platform's custodians (403 platform-only), and the platform tenant is never shredded.
     */
    private CeremonyRequest inCallersTenant(CeremonyRequest request) {
        if (request.kind() == CeremonyKind.AUDIT_KEY) {
            scope.requirePlatform();
            return request;
        }
        UUID tenant = scope.tenant();
        if (request.tenantId() != null && !request.tenantId().equals(tenant)) {
            throw new KeyCeremonyException(403, "other-tenant", "A ceremony acts on the tenant you work in ("
                    + tenant + "); leave tenantId out or name that tenant.");
        }
        if (request.kind() == CeremonyKind.SHRED && TenantScope.PLATFORM.equals(tenant)) {
            throw new KeyCeremonyException(422, "platform-not-shreddable",
                    "The platform tenant holds every person's identity; it is never shredded.");
        }
        tenants.requireActive(tenant);
        return request.in(tenant);
    }

    private KeyCeremony pending(UUID id) {
        KeyCeremony ceremony = ceremonies.lock(id).filter(c -> visible(c.tenantId()))
                .orElseThrow(() -> KeyCeremonyException.notFound("Ceremony"));
        if (!KeyCeremony.PROPOSED.equals(ceremony.state())) {
            throw KeyCeremonyException.conflict("ceremony-decided", "This ceremony was " + ceremony.state()
                    .toLowerCase() + " already.");
        }
        if (!clock.instant().isBefore(ceremony.expiresAt())) {
            throw KeyCeremonyException.conflict("ceremony-expired",
                    "The approval window of this ceremony has passed; propose it again.");
        }
        return ceremony;
    }

    private CeremonyResponse view(KeyCeremony ceremony) {
        return view(ceremony, coverage.verified());
    }

    /**
     * An expired proposal is shown as EXPIRED; nothing needs to run to expire it. A ceremony that created a key is
     * complete once a verified backup holds the key.
     */
    private CeremonyResponse view(KeyCeremony ceremony, Map<String, BackupCoverage.Covered> backedUp) {
        CeremonyResponse response = CeremonyResponse.of(ceremony,
                ceremony.keyLabel() == null ? null : backedUp.get(ceremony.keyLabel()));
        if (KeyCeremony.PROPOSED.equals(ceremony.state()) && !clock.instant().isBefore(ceremony.expiresAt())) {
            return response.expired();
        }
        return response;
    }

    static void check(CeremonyRequest request) {
        boolean needsVersion = switch (request.kind()) {
            case ACTIVATE, RETIRE, DESTROY -> true;
            case GENERATE, SHRED, AUDIT_KEY -> false;
        };
        if (needsVersion && request.version() == null) {
            throw new KeyCeremonyException(400, "version-required", request.kind() + " names the key version.");
        }
        if (!supported(request.kind(), request.purpose())) {
            throw new KeyCeremonyException(422, "not-supported", request.kind() + " is not a ceremony for "
                    + request.purpose() + " keys; AUDIT_KEY takes no purpose, SHRED destroys every key of the tenant.");
        }
    }

    /** Which kinds of ceremony apply to which key purpose; anything not listed is refused. */
    static boolean supported(CeremonyKind kind, KeyPurpose purpose) {
        return switch (kind) {
            case GENERATE, ACTIVATE, RETIRE, DESTROY -> purpose == KeyPurpose.SEAL || purpose == KeyPurpose.BLIND_INDEX;
            case SHRED -> true;
            case AUDIT_KEY -> purpose == KeyPurpose.SEAL; // the default: the audit key is not a tenant key
        };
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
