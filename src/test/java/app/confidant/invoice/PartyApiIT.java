package app.confidant.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import app.confidant.platform.ConfidantServer;
import app.confidant.platform.TestDatabase;
import app.confidant.security.Personas;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Parties over HTTPS: clear for invoice roles, masked for auditors, tenant-scoped, versioned, validated. */
class PartyApiIT {

    private static ConfidantServer server;
    private static Personas tenantA;
    private static Personas tenantB;

    @BeforeAll
    static void start() throws Exception {
        server = ConfidantServer.shared();
        tenantA = Personas.forTenant(server, UUID.randomUUID());
        tenantB = Personas.forTenant(server, UUID.randomUUID());
    }

    static String party(String tag) {
        return Json.createObjectBuilder().add("legalName", "Acme " + tag + " GmbH").add("taxId", "DE 811 " + tag)
                .add("country", "DE").add("city", "Berlin").add("email", "billing." + tag + "@acme.example")
                .add("iban", "DE89 3704 0044 0532 0130 00").add("notes", "notes " + tag).build().toString();
    }

    static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    @Test
    void invoiceRolesSeeValuesInClearAuditorsMaskedAndTheDatabaseOnlyCiphertext() throws Exception {
        String canary = "CANARY" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        HttpResponse<String> created = server.send("POST", "/api/v1/parties", tenantA.token("CLERK"), party(canary));
        assertThat(created.statusCode()).isEqualTo(201);
        String id = json(created).getString("id");
        assertThat(created.headers().firstValue("ETag")).hasValue("\"1\"");

        JsonObject clear = json(server.send("GET", "/api/v1/parties/" + id, tenantA.token("APPROVER"), null));
        assertThat(clear.getString("legalName")).isEqualTo("Acme " + canary + " GmbH");
        assertThat(clear.getBoolean("masked")).isFalse();

        JsonObject masked = json(server.send("GET", "/api/v1/parties/" + id, tenantA.token("AUDITOR"), null));
        assertThat(masked.getBoolean("masked")).isTrue();
        assertThat(masked.getString("iban")).isEqualTo("DE** **** **** **** **30 00");
        assertThat(masked.getString("email")).startsWith("b***@acme.example");
        assertThat(masked.toString()).doesNotContain(canary.toLowerCase()).doesNotContain(canary);

        try (Connection owner = TestDatabase.SERVER.connectAsOwner(); Statement s = owner.createStatement();
             ResultSet rows = s.executeQuery("SELECT * FROM party WHERE id = '" + id + "'")) {
            assertThat(rows.next()).isTrue();
            for (int col = 1; col <= rows.getMetaData().getColumnCount(); col++) {
                byte[] raw = rows.getBytes(col);
                String text = raw == null ? "" : new String(raw, StandardCharsets.ISO_8859_1);
                assertThat(text).as(rows.getMetaData().getColumnName(col)).doesNotContain(canary)
                        .doesNotContain(canary.toLowerCase());
            }
        }
    }

    @Test
    void anAuditorRevealsOneValueOnlyWithAReasonAndTheRevealIsAudited() throws Exception {
        String id = json(server.send("POST", "/api/v1/parties", tenantA.token("CLERK"), party("R1"))).getString("id");
        String auditor = tenantA.token("AUDITOR");

        HttpResponse<String> noReason = server.send("POST", "/api/v1/parties/" + id + "/reveal", auditor,
                "{\"field\":\"iban\"}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        HttpResponse<String> revealed = server.send("POST", "/api/v1/parties/" + id + "/reveal", auditor,
                "{\"field\":\"iban\",\"reason\":\"payment dispute ticket 4711\"}");
        assertThat(revealed.statusCode()).isEqualTo(200);
        assertThat(json(revealed).getString("value")).isEqualTo("DE89 3704 0044 0532 0130 00");
        assertThat(server.send("POST", "/api/v1/parties/" + id + "/reveal", tenantA.token("CLERK"),
                "{\"field\":\"iban\",\"reason\":\"clerks see it anyway\"}").statusCode()).isEqualTo(403);

        String events = server.send("GET", "/api/v1/audit/events?action=party.reveal&targetId=" + id, auditor, null)
                .body();
        assertThat(events).contains("payment dispute ticket 4711").doesNotContain("3704");
    }

    @Test
    void anotherTenantsIdIsNotFoundForEveryVerb() throws Exception {
        String id = json(server.send("POST", "/api/v1/parties", tenantA.token("CLERK"), party("T1"))).getString("id");
        String other = tenantB.token("CLERK");

        HttpResponse<String> get = server.send("GET", "/api/v1/parties/" + id, other, null);
        assertThat(get.statusCode()).isEqualTo(404);
        HttpResponse<String> missing = server.send("GET", "/api/v1/parties/" + UUID.randomUUID(), other, null);
        assertThat(get.body().replace(id, "")).isEqualTo(missing.body().replaceAll("[0-9a-f-]{36}", ""));
        assertThat(server.sendWithHeader("PUT", "/api/v1/parties/" + id, other, party("T1"), "If-Match", "\"0\"")
                .statusCode()).isEqualTo(404);
        assertThat(server.sendWithHeader("DELETE", "/api/v1/parties/" + id, other, null, "If-Match", "\"0\"")
                .statusCode()).isEqualTo(404);
        assertThat(server.send("GET", "/api/v1/parties?taxId=DE811T1", other, null).body()).isEqualTo("[]");
    }

    @Test
    void writesNeedTheCurrentETag() throws Exception {
        String clerk = tenantA.token("CLERK");
        String id = json(server.send("POST", "/api/v1/parties", clerk, party("E1"))).getString("id");

        assertThat(server.send("PUT", "/api/v1/parties/" + id, clerk, party("E2")).statusCode()).isEqualTo(428);
        HttpResponse<String> updated = server.sendWithHeader("PUT", "/api/v1/parties/" + id, clerk, party("E2"),
                "If-Match", "\"1\"");
        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(json(updated).getString("notes")).isEqualTo("notes E2");
        assertThat(updated.headers().firstValue("ETag")).hasValue("\"2\"");
        HttpResponse<String> stale = server.sendWithHeader("PUT", "/api/v1/parties/" + id, clerk, party("E3"),
                "If-Match", "\"1\"");
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(json(server.send("GET", "/api/v1/parties/" + id, clerk, null)).getString("notes")).isEqualTo("notes E2");
    }

    @Test
    void taxIdSearchGoesThroughTheBlindIndex() throws Exception {
        String clerk = tenantA.token("CLERK");
        String id = json(server.send("POST", "/api/v1/parties", clerk, party("S7"))).getString("id");

        HttpResponse<String> found = server.send("GET", "/api/v1/parties?taxId=de811s7", clerk, null);
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(found.body()).contains(id);
        assertThat(server.send("GET", "/api/v1/parties?email=BILLING.S7@acme.example", clerk, null).body()).contains(id);
    }

    @Test
    void badInputIsRefusedWithProblemDetailsAndNothingIsStored() throws Exception {
        String clerk = tenantA.token("CLERK");
        long before = countParties();
        String crlf = party("X1").replace("Acme X1 GmbH", "Acme\\r\\nBcc: evil@example.com");
        String[] bad = {crlf, party("X2").replace("\"DE\"", "\"Germany\""), "{\"legalName\":", "[]",
                party("X3").replace("{", "{\"admin\":true,"), party("X4").replace("DE89 3704", "not an iban"),
                "{\"legalName\":\"" + "x".repeat(10 * 1024 * 1024) + "\",\"country\":\"DE\"}"};
        for (String body : bad) {
            HttpResponse<String> response = server.send("POST", "/api/v1/parties", clerk, body);
            assertThat(response.statusCode()).as(body.substring(0, Math.min(60, body.length()))).isBetween(400, 413);
            assertThat(response.body()).contains("\"status\":").doesNotContain("Exception").doesNotContain("at app.");
        }
        assertThat(server.send("GET", "/api/v1/parties?limit=501", clerk, null).statusCode()).isEqualTo(400);
        assertThat(countParties()).isEqualTo(before);
    }

    private static long countParties() throws Exception {
        try (Connection owner = TestDatabase.SERVER.connectAsOwner(); Statement s = owner.createStatement();
             ResultSet r = s.executeQuery("SELECT count(*) FROM party")) {
            r.next();
            return r.getLong(1);
        }
    }
}
