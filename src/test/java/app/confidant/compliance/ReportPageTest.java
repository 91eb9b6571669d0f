package app.confidant.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportPageTest {

    @Test
    void everyValueIsEscapedAndTheWorstLineDecidesOverall() {
        VersionResponse version = new VersionResponse("1.0", "2026-11-25T00:00:00Z", "abc", false, "Payara", "25");
        SecurityReportResponse report = SecurityReportResponse.of(Instant.EPOCH, "node<1>", version, List.of(
                ControlResult.of("tls", "TLS", List.of(), List.of(), "ok"),
                ControlResult.of("identities", "Identities", List.of("<script>alert(1)</script> has no MFA"), List.of(),
                        "1 failure")));
        String html = ReportPage.render(report);
        assertThat(report.overall()).isEqualTo(ControlResult.Status.FAIL);
        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("node&lt;1&gt;").contains("<tr id=\"control-identities\" data-status=\"FAIL\">");
        assertThat(ReportPage.CONTENT_SECURITY_POLICY).startsWith("default-src 'none'; style-src 'sha256-");
    }
}
