package app.confidant.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import app.confidant.platform.ConfidantServer;
import app.confidant.security.Personas;
import app.confidant.security.ProgrammeServer;
import app.confidant.security.Roles;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The security self-audit on a real server: every control has a line, the live ones read what is really in force
 * (TLS handshakes, HSM attributes, the audit chain), each run is an audit event, and a deliberately broken control
 * (a person without MFA, a person overdue on training) turns its line to FAIL.
 */
class SecurityReportIT {

    private static JsonObject json(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private static JsonObject control(JsonObject report, String id) {
        return report.getJsonArray("controls").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("id").equals(id)).findFirst().orElseThrow();
    }

    private static JsonObject report(ConfidantServer server, String token) throws Exception {
        return json(server.send("GET", "/api/v1/compliance/security-report", token, null));
    }

    @Test
    void theLiveControlsReadWhatIsInForceAndEachRunIsAudited() throws Exception {
        ConfidantServer server = ProgrammeServer.get();
        String auditor = Personas.forTenant(server, UUID.randomUUID()).token(Roles.AUDITOR);
        String runs = "/api/v1/audit/events?action=compliance.security-report&limit=500";
        int before = Json.createReader(new StringReader(server.send("GET", runs, auditor, null).body())).readArray()
                .size();

        JsonObject report = report(server, auditor);

        assertThat(report.getJsonArray("controls").getValuesAs(JsonObject.class)).extracting(c -> c.getString("id"))
                .containsExactly("tls", "hsm", "key-backups", "identities", "training", "audit", "software");
        JsonObject tls = control(report, "tls");
        assertThat(tls.getString("status")).isEqualTo("PASS");
        assertThat(tls.getJsonArray("findings").toString()).contains("accepted: TLSv1.3 TLS_AES_256_GCM_SHA384")
                .contains("accepted: TLSv1.2 TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384")
                .doesNotContain("_CBC_").contains("TLSv1.1: refused");
        JsonObject hsm = control(report, "hsm");
        assertThat(hsm.getString("status")).isEqualTo("PASS");
        assertThat(hsm.getString("summary")).contains("token reachable");
        assertThat(control(report, "audit").getString("status")).isEqualTo("PASS");
        assertThat(control(report, "software").getString("summary"))
                .contains("SBOM CycloneDX").containsPattern("commit [0-9a-f]{40}");
        int after = Json.createReader(new StringReader(server.send("GET", runs, auditor, null).body())).readArray()
                .size();
        assertThat(after).isEqualTo(before + 1);
    }

    @Test
    void aPersonWithoutMfaTurnsTheIdentitiesLineToFail() throws Exception {
        ConfidantServer server = ProgrammeServer.get();
        Personas personas = Personas.forTenant(server, UUID.randomUUID());
        String auditor = personas.token(Roles.AUDITOR);
        String username = "no-mfa-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(control(report(server, auditor), "identities").toString()).doesNotContain(username);

        HttpResponse<String> created = server.send("POST", "/api/v1/users", personas.administratorToken(),
                Json.createObjectBuilder().add("username", username).build().toString());
        assertThat(created.statusCode()).isEqualTo(201);

        JsonObject identities = control(report(server, auditor), "identities");
        assertThat(identities.getString("status")).isEqualTo("FAIL");
        assertThat(identities.getJsonArray("findings").getValuesAs(jakarta.json.JsonString.class))
                .extracting(jakarta.json.JsonString::getString).contains(username + " has no second factor (MFA) enrolled");
    }

    @Test
    void aPersonOverdueOnTrainingTurnsTheTrainingLineToFail() throws Exception {
        ConfidantServer server = ProgrammeServer.get();
        Personas personas = Personas.forTenant(server, UUID.randomUUID());
        String auditor = personas.token(Roles.AUDITOR);
        String keyCustodian = personas.token(Roles.KEY_CUSTODIAN);
        String username = json(server.send("GET", "/api/v1/auth/me", keyCustodian, null)).getString("username");
        assertThat(control(report(server, auditor), "training").toString()).doesNotContain(username);

        String title = "Key ceremony rules " + UUID.randomUUID();
        assertThat(server.send("POST", "/api/v1/training/modules", personas.platformAdministratorToken(),
                ProgrammeServer.module(title, Roles.KEY_CUSTODIAN, "https://training.example/keys")).statusCode())
                .isEqualTo(201);

        JsonObject training = control(report(server, auditor), "training");
        assertThat(training.getString("status")).isEqualTo("FAIL");
        assertThat(training.getJsonArray("findings").toString()).contains("KEY_CUSTODIAN").contains(username)
                .contains(title);
    }

    @Test
    void theHtmlPageIsSelfContainedAndTheSbomAndVersionAreServed() throws Exception {
        ConfidantServer server = ProgrammeServer.get();
        Personas personas = Personas.forTenant(server, UUID.randomUUID());
        String auditor = personas.token(Roles.AUDITOR);
        // what a browser asks for (ConfidantServer's requests prefer JSON)
        HttpResponse<String> page = HttpClient.newBuilder().sslContext(server.trustingThisServer()).build().send(
                HttpRequest.newBuilder(server.uri("/api/v1/compliance/security-report"))
                        .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                        .header("Authorization", "Bearer " + auditor).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.headers().allValues("Content-Security-Policy"))
                .containsExactly(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .allMatch(csp -> csp.startsWith("default-src 'none'; style-src 'sha256-"));
        assertThat(page.body()).contains("id=\"control-tls\"").doesNotContain("<script").doesNotContain("http://")
                .doesNotContain("src=");

        JsonObject sbom = json(server.send("GET", "/api/v1/compliance/sbom", auditor, null));
        assertThat(sbom.getString("bomFormat")).isEqualTo("CycloneDX");
        String components = sbom.getJsonArray("components").toString();
        assertThat(components).contains("flyway-core").contains("postgresql");
        // The runtime too (#18): Payara Micro itself, with its version and hash, and what it bundles.
        assertThat(components).contains("pkg:maven/fish.payara.extras/payara-micro@" + System.getProperty(
                        "confidant.payara.version", "7.2026.11"))
                .contains("\"name\":\"org.eclipse.persistence.core\"").contains("\"name\":\"weld-osgi-bundle\"")
                .contains("\"name\":\"jersey-server\"").contains("\"name\":\"hazelcast\"")
                .contains("payara-micro.jar!/MICRO-INF/runtime/");
        assertThat(sbom.getJsonArray("components").size()).isGreaterThan(100);

        JsonObject version = json(server.send("GET", "/api/v1/compliance/version", personas.token(Roles.CLERK), null));
        assertThat(version.getString("version")).isNotBlank().isNotEqualTo("unknown");
        assertThat(version.getString("gitCommit")).matches("[0-9a-f]{40}");
        assertThat(version.getString("jdk")).startsWith(Runtime.version().feature() + "");
        assertThat(version.getString("payara")).containsIgnoringCase("payara");
        assertThat(List.of(version.getString("builtAt"))).allMatch(at -> at.matches("\\d{4}-\\d\\d-\\d\\dT.*Z"));
    }
}
