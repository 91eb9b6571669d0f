package app.confidant.compliance;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** The security self-audit: every control with its status; {@code overall} is the worst of them. */
public record SecurityReportResponse(Instant generatedAt, String node, VersionResponse version,
        ControlResult.Status overall, List<ControlResult> controls) {

    static SecurityReportResponse of(Instant at, String node, VersionResponse version, List<ControlResult> controls) {
        ControlResult.Status overall = controls.stream().map(ControlResult::status).max(Comparator.naturalOrder())
                .orElse(ControlResult.Status.FAIL);
        return new SecurityReportResponse(at, node, version, overall, controls);
    }
}
