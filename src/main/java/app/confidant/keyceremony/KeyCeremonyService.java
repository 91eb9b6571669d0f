package app.confidant.keyceremony;

import app.confidant.audit.Audited;
import app.confidant.audit.ReadOnly;
import app.confidant.crypto.KeyPurpose;
import app.confidant.security.Caller;
import app.confidant.security.CallerContext;
import app.confidant.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Dual control: one custodian proposes a ceremony with a reason, a different custodian approves it within the
 * approval window, and only then is it carried out; either may cancel it before. Every step is an audit event
 * (a refused approval too, as a failure). Auditors read the ceremonies; nobody else sees them.
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
    Clock clock;

    @Inject
    @ConfigProperty(name = "confidant.keys.approval-window", defaultValue = "PT1H")
    Duration approvalWindow;

    @RolesAllowed(Roles.KEY_CUSTODIAN)
    @Audited(value = "key-ceremony.propose", target = "key-ceremony")
    public CeremonyResponse propose(CeremonyRequest request) {
        Caller caller = callers.require();
        check(request);
        Instant now = clock.instant();
        Duration window = request.validForSeconds() == null ? approvalWindow
                : min(approvalWindow, Duration.ofSeconds(request.validForSeconds()));
        KeyCeremony ceremony = new KeyCeremony(request, caller.userId(), caller.name(), now, now.plus(window));
        ceremonies.add(ceremony);
        ceremonies.flush();
        return CeremonyResponse.of(ceremony);
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
        String outcome = steps.carryOut(ceremony);
        ceremony.decide(KeyCeremony.DONE, caller.userId(), caller.name(), clock.instant(), outcome);
        ceremonies.flush();
        return CeremonyResponse.of(ceremony);
    }

    @RolesAllowed(Roles.KEY_CUSTODIAN)
    @Audited(value = "key-ceremony.cancel", target = "key-ceremony")
    public CeremonyResponse cancel(UUID id) {
        Caller caller = callers.require();
        KeyCeremony ceremony = pending(id);
        ceremony.decide(KeyCeremony.CANCELLED, caller.userId(), caller.name(), clock.instant(), "cancelled");
        ceremonies.flush();
        return CeremonyResponse.of(ceremony);
    }

    @ReadOnly
    public CeremonyResponse get(UUID id) {
        return ceremonies.find(id).map(this::view).orElseThrow(() -> KeyCeremonyException.notFound("Ceremony"));
    }

    @ReadOnly
    public List<CeremonyResponse> list(int offset, int limit) {
        return ceremonies.page(Math.max(0, offset), Math.min(Math.max(1, limit), MAX_PAGE)).stream().map(this::view)
                .toList();
    }

    private KeyCeremony pending(UUID id) {
        KeyCeremony ceremony = ceremonies.lock(id).orElseThrow(() -> KeyCeremonyException.notFound("Ceremony"));
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

    /** An expired proposal is shown as EXPIRED; nothing needs to run to expire it. */
    private CeremonyResponse view(KeyCeremony ceremony) {
        CeremonyResponse response = CeremonyResponse.of(ceremony);
        if (KeyCeremony.PROPOSED.equals(ceremony.state()) && !clock.instant().isBefore(ceremony.expiresAt())) {
            return new CeremonyResponse(response.id(), response.kind(), response.tenantId(), response.purpose(),
                    response.version(), response.reason(), KeyCeremony.EXPIRED, response.proposedBy(),
                    response.proposedByName(), response.proposedAt(), response.expiresAt(), null, null, null, null);
        }
        return response;
    }

    static void check(CeremonyRequest request) {
        boolean needsVersion = switch (request.kind()) {
            case ACTIVATE, RETIRE, DESTROY -> true;
            case GENERATE, SHRED, AUDIT_KEY -> false;
        };
        if (request.tenantId() == null) {
            throw new KeyCeremonyException(400, "tenant-required", request.kind() + " names the tenant.");
        }
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
