package app.confidant.security;

import static org.assertj.core.api.Assertions.assertThat;

import app.confidant.platform.ConfidantServer;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Training enforcement end to end, on the programme server (grace period zero): a person without a current
 * attestation is refused sensitive-data operations with 403 training-required naming the module; attesting lets them
 * in; a new version of the module makes the attestation stale.
 */
class TrainingIT {

    private static final String CLEAR_READ = "/api/v1/parties";

    private static String version(int version) {
        return "{\"version\":" + version + "}";
    }

    @Test
    void overdueTrainingStopsSensitiveOperationsUntilTheCurrentVersionIsAttested() throws Exception {
        ConfidantServer server = ProgrammeServer.get();
        Personas personas = Personas.forTenant(server, UUID.randomUUID());
        String approver = personas.token(Roles.APPROVER);
        String auditor = personas.token(Roles.AUDITOR);
        People.require(server.send("GET", CLEAR_READ, approver, null), 200);

        String title = "Handling confidential invoices " + UUID.randomUUID();
        HttpResponse<String> published = server.send("POST", "/api/v1/training/modules",
                personas.platformAdministratorToken(), ProgrammeServer.module(title, Roles.APPROVER, "https://training.example/v1"));
        People.require(published, 201);
        JsonObject module = People.json(published);
        assertThat(module.getInt("version")).isEqualTo(1);
        String id = module.getString("id");

        HttpResponse<String> refused = server.send("GET", CLEAR_READ, approver, null);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(People.json(refused).getString("code")).isEqualTo("training-required");
        assertThat(People.json(refused).getString("detail")).contains(title).contains("version 1");
        // the refusal is a DENIED audit event of the tenant, naming the code and the route, not the module's text
        String username = People.json(server.send("GET", "/api/v1/auth/me", approver, null)).getString("username");
        HttpResponse<String> denials = server.send("GET", "/api/v1/audit/events?action=access.denied&actor="
                + username, auditor, null);
        People.require(denials, 200);
        var events = jakarta.json.Json.createReader(new java.io.StringReader(denials.body())).readArray();
        assertThat(events).hasSize(1);
        assertThat(events.getJsonObject(0).getString("outcome")).isEqualTo("DENIED");
        assertThat(events.getJsonObject(0).getString("details")).contains("\"training-required\"")
                .contains("\"/api/v1/parties\"").doesNotContain(title);
        People.require(server.send("POST", "/api/v1/invoices/" + UUID.randomUUID() + "/approve", approver, null), 403);
        // a role the module is not for is not stopped
        People.require(server.send("GET", CLEAR_READ, auditor, null), 200);

        People.require(server.send("POST", "/api/v1/training/modules/" + id + "/attestations", approver, version(1)),
                201);
        People.require(server.send("GET", CLEAR_READ, approver, null), 200);

        HttpResponse<String> revised = server.send("PUT", "/api/v1/training/modules/" + id,
                personas.platformAdministratorToken(), ProgrammeServer.module(title, Roles.APPROVER, "https://training.example/v2"));
        People.require(revised, 200);
        assertThat(People.json(revised).getInt("version")).isEqualTo(2);
        HttpResponse<String> stale = server.send("GET", CLEAR_READ, approver, null);
        assertThat(stale.statusCode()).isEqualTo(403);
        assertThat(People.json(stale).getString("detail")).contains("version 2");

        HttpResponse<String> oldVersion = server.send("POST", "/api/v1/training/modules/" + id + "/attestations",
                approver, version(1));
        assertThat(oldVersion.statusCode()).isEqualTo(409);
        assertThat(People.json(oldVersion).getString("code")).isEqualTo("stale-version");
        People.require(server.send("POST", "/api/v1/training/modules/" + id + "/attestations", approver, version(2)),
                201);
        People.require(server.send("GET", CLEAR_READ, approver, null), 200);
    }

    @Test
    void theComplianceViewAndRemindersNameWhoIsOverdue() throws Exception {
        ConfidantServer server = ProgrammeServer.get();
        Personas personas = Personas.forTenant(server, UUID.randomUUID());
        String accountant = personas.token(Roles.ACCOUNTANT);
        String auditor = personas.token(Roles.AUDITOR);
        String username = People.json(server.send("GET", "/api/v1/auth/me", accountant, null)).getString("username");
        String title = "Payments fraud " + UUID.randomUUID();
        People.require(server.send("POST", "/api/v1/training/modules", personas.platformAdministratorToken(),
                ProgrammeServer.module(title, Roles.ACCOUNTANT, "Read the payments fraud handbook, chapter 3.")), 201);

        HttpResponse<String> compliance = server.send("GET", "/api/v1/training/compliance", auditor, null);
        People.require(compliance, 200);
        JsonObject person = People.json(compliance).getJsonArray("people").getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getString("username").equals(username)).findFirst().orElseThrow();
        assertThat(person.getString("standing")).isEqualTo("OVERDUE");
        JsonObject role = People.json(compliance).getJsonArray("roles").getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getString("role").equals(Roles.ACCOUNTANT)).findFirst().orElseThrow();
        assertThat(role.getJsonNumber("overdue").longValue()).isPositive();

        HttpResponse<String> due = server.send("GET", "/api/v1/training/due?days=7", auditor, null);
        People.require(due, 200);
        assertThat(due.body()).contains(username).contains(title);
        People.require(server.send("GET", "/api/v1/training/due?days=-1", auditor, null), 400);
    }
}
