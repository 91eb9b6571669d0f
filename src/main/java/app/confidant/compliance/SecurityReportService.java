package app.confidant.compliance;

import app.confidant.audit.ActorSource;
import app.confidant.audit.AuditEntry;
import app.confidant.audit.AuditLog;
import app.confidant.audit.AuditsItself;
import app.confidant.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.time.Clock;
import java.util.List;

/**
 * Runs every control of the security self-audit and records the run in the audit trail (fail closed: a report
 * whose run cannot be recorded is not handed out).
 */
@ApplicationScoped
@RolesAllowed({Roles.AUDITOR, Roles.SECURITY_ADMIN})
public class SecurityReportService {

    @Inject
    TlsControl tls;

    @Inject
    HsmControl hsm;

    @Inject
    BackupControl backups;

    @Inject
    IdentityControl identities;

    @Inject
    TrainingControl training;

    @Inject
    AuditControl audit;

    @Inject
    SoftwareControl software;

    @Inject
    BuildInfo build;

    @Inject
    AuditLog log;

    @Inject
    ActorSource actors;

    @Inject
    Clock clock;

    /** {@code listenerPort}: the HTTPS listener the request came in on; {@code serverInfo}: the servlet container. */
    @AuditsItself
    public SecurityReportResponse run(int listenerPort, String serverInfo) {
        VersionResponse version = build.version(serverInfo);
        List<ControlResult> controls = List.of(tls.check(listenerPort), hsm.check(), backups.check(), identities.check(),
                training.check(), audit.check(), software.check(version));
        SecurityReportResponse report = SecurityReportResponse.of(clock.instant(), log.nodeId(), version, controls);
        JsonArrayBuilder statuses = Json.createArrayBuilder();
        controls.forEach(c -> statuses.add(Json.createObjectBuilder().add("control", c.id())
                .add("status", c.status().name())));
        log.appendIndependently(new AuditEntry(actors.current(), "compliance.security-report", "security-report",
                null, AuditEntry.SUCCESS, null, Json.createObjectBuilder().add("overall", report.overall().name())
                .add("controls", statuses).build().toString()));
        return report;
    }
}
