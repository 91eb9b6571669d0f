package app.confidant.compliance;

import app.confidant.audit.AuditQuery;
import app.confidant.audit.AuditRecord;
import app.confidant.audit.AuditVerifier;
import app.confidant.security.TenantScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Audit trail: a full verification of every node's chain, now, and when an auditor last asked for one. */
@ApplicationScoped
public class AuditControl {

    @Inject
    AuditVerifier verifier;

    @Inject
    AuditQuery query;

    @Inject
    TenantScope scope;

    @Inject
    Clock clock;

    ControlResult check() {
        List<AuditVerifier.ChainReport> chains;
        try {
            chains = verifier.verify();
        } catch (RuntimeException e) {
            return ControlResult.of("audit", "Audit trail", List.of("cannot verify: " + e.getMessage()), List.of(),
                    "not verified");
        }
        List<String> failures = new ArrayList<>();
        chains.stream().filter(c -> !c.intact()).forEach(c -> failures.add("chain of node " + c.nodeId()
                + " broken at row " + c.brokenAtSeq() + ": " + c.problem()));
        long rows = chains.stream().mapToLong(AuditVerifier.ChainReport::rows).sum();
        // the last verification the caller's auditors could see (platform: anyone's)
        java.util.UUID readable = scope.platform() ? null : scope.tenant();
        List<AuditRecord> verifications = query.search(new AuditQuery.Filter(readable, null, "audit.verify", null,
                null, clock.instant().minus(Duration.ofDays(400)), null), 0, 500);
        String last = verifications.isEmpty() ? "none in the last 400 days"
                : verifications.get(verifications.size() - 1).occurredAt().toString();
        return ControlResult.of("audit", "Audit trail", failures, List.of(), chains.size() + " chains, " + rows
                + " rows verified now (" + clock.instant() + "): " + (failures.isEmpty() ? "intact" : "BROKEN")
                + "; last verification by an auditor (POST /api/v1/audit/verify): " + last);
    }
}
