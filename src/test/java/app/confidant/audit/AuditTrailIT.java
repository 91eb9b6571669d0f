package app.confidant.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The trail over HTTPS and raw SQL on PostgreSQL: every kind of tampering (done as the schema owner) is found at
 * the exact row; the application role cannot rewrite it; a failed audit write fails the business write.
 */
class AuditTrailIT {

    private static ConfidantServer server;
    private static Personas people;
    private static String node;

    @BeforeAll
    static void start() throws Exception {
        server = ConfidantServer.shared();
        people = Personas.forTenant(server, UUID.randomUUID());
        // Enough events that the chain (lane) of the last one has a middle and a tail to tamper with.
        for (int i = 0; i < 30; i++) {
            createParty("seed" + i);
        }
        node = json(server.send("GET", "/api/v1/audit/events?action=party.create&limit=1", auditor(), null)
                .body().replaceFirst("^\\[", "").replaceFirst("]$", "")).getString("nodeId");
    }

    @Test
    void anUntouchedTrailVerifiesAndRecordsTheWrites() throws Exception {
        UUID id = createParty("audited");
        JsonObject verdict = verify();
        assertThat(verdict.getBoolean("intact")).as(verdict.toString()).isTrue();
        String events = server.send("GET", "/api/v1/audit/events?action=party.create&targetId=" + id, auditor(), null)
                .body();
        assertThat(events).contains("\"outcome\":\"SUCCESS\"").contains("CLERK").contains("\"targetType\":\"party\"");
        HttpResponse<String> export = server.sendWithHeader("GET", "/api/v1/audit/export", auditor(), null,
                "Accept", "application/x-ndjson");
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.body().lines().count()).isGreaterThan(5);
        assertThat(export.body().lines().findFirst().orElseThrow()).contains("\"prevMac\"").contains("\"mac\"");
    }

    @Test
    void theCommandLineVerifierReportsAnIntactTrail() throws Exception {
        String output = commandLineVerifier(0);
        assertThat(output).contains("\"intact\"");
    }

    @Test
    void theCommandLineVerifierFailsOnABrokenTrailEvenWhenOtherChainsAreIntact() throws Exception {
        long seq = middleSeq();
        owner("UPDATE audit_event SET action = action || 'x' WHERE node_id = '" + node + "' AND seq = " + seq);
        try {
            String output = commandLineVerifier(1);
            // the other lanes' chains are intact: the old check matched their "intact": true and exited 0
            assertThat(output).contains("BROKEN").containsPattern("\"intact\":\\s*true");
        } finally {
            owner("UPDATE audit_event SET action = left(action, length(action) - 1) WHERE node_id = '" + node
                    + "' AND seq = " + seq);
        }
        commandLineVerifier(0);
    }

    /** Runs {@code ./confidant audit-verify} against the server and checks its exit status. */
    private static String commandLineVerifier(int expectedStatus) throws Exception {
        ProcessBuilder cli = new ProcessBuilder(ConfidantServer.basedir().resolve("confidant").toString(),
                "audit-verify", "https://localhost:" + server.port()).redirectErrorStream(true);
        cli.environment().put("CONFIDANT_TOKEN", auditor());
        cli.environment().put("CONFIDANT_CA", server.state().resolve("tls/server.pem").toString());
        Process process = cli.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isEqualTo(expectedStatus);
        return output;
    }

    @Test
    void aModifiedRowIsNamed() throws Exception {
        long seq = middleSeq();
        owner("UPDATE audit_event SET action = action || 'x' WHERE node_id = '" + node + "' AND seq = " + seq);
        try {
            assertBrokenAt(seq, "modified");
        } finally {
            owner("UPDATE audit_event SET action = left(action, length(action) - 1) WHERE node_id = '" + node
                    + "' AND seq = " + seq);
        }
        assertThat(verify().getBoolean("intact")).isTrue();
    }

    @Test
    void aChangedKeyIdIsNamedNotMistakenForAShreddedTenant() throws Exception {
        long seq = middleSeq();
        String original;
        try (Connection c = TestDatabase.SERVER.connectAsOwner(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT key_id FROM audit_event WHERE node_id = '" + node + "' AND seq = " + seq)) {
            r.next();
            original = r.getString(1);
        }
        // another existing HSM key (the health key, an AES key), an audit key the HSM does not hold, a made-up label
        for (String forged : java.util.List.of("health", "audit-mac-v99", "dek-forged")) {
            owner("UPDATE audit_event SET key_id = '" + forged + "' WHERE node_id = '" + node + "' AND seq = " + seq);
            try {
                assertBrokenAt(seq, forged.equals("audit-mac-v99") ? "does not hold" : "not an audit MAC key");
            } finally {
                owner("UPDATE audit_event SET key_id = '" + original + "' WHERE node_id = '" + node + "' AND seq = " + seq);
            }
        }
        assertThat(verify().getBoolean("intact")).isTrue();
        // the HSM session survived the forged labels: sealed writes still work
        createParty("after-forged-key-ids");
    }

    @Test
    void aDeletedRowIsNamed() throws Exception {
        long seq = middleSeq();
        try (Connection c = TestDatabase.SERVER.connectAsOwner(); Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE saved AS SELECT * FROM audit_event WHERE node_id = '" + node + "' AND seq = " + seq);
            s.execute("DELETE FROM audit_event WHERE node_id = '" + node + "' AND seq = " + seq);
            try {
                assertBrokenAt(seq, "missing");
            } finally {
                s.execute("INSERT INTO audit_event SELECT * FROM saved");
            }
        }
        assertThat(verify().getBoolean("intact")).isTrue();
    }

    @Test
    void anInsertedRowIsNamed() throws Exception {
        long seq = middleSeq();
        String where = "node_id = '" + node + "' AND seq >= " + seq;
        try (Connection c = TestDatabase.SERVER.connectAsOwner(); Statement s = c.createStatement()) {
            s.execute("UPDATE audit_event SET seq = -seq - 1 WHERE " + where);
            s.execute("UPDATE audit_event SET seq = -seq WHERE node_id = '" + node + "' AND seq < 0");
            s.execute("INSERT INTO audit_event SELECT '" + UUID.randomUUID() + "', node_id, " + seq + ", kind,"
                    + " occurred_at, actor, actor_id, tenant_id, roles, 'forged.event', target_type, target_id, outcome,"
                    + " client_ip, request_id, reason, details, key_id, prev_mac, mac FROM audit_event"
                    + " WHERE node_id = '" + node + "' AND seq = " + (seq + 1));
            try {
                assertBrokenAt(seq, "");
            } finally {
                s.execute("DELETE FROM audit_event WHERE action = 'forged.event'");
                s.execute("UPDATE audit_event SET seq = -seq + 1 WHERE node_id = '" + node + "' AND seq > " + seq);
                s.execute("UPDATE audit_event SET seq = -seq WHERE node_id = '" + node + "' AND seq < 0");
            }
        }
        assertThat(verify().getBoolean("intact")).isTrue();
    }

    @Test
    void reorderedRowsAreNamed() throws Exception {
        long seq = middleSeq();
        String at = "node_id = '" + node + "' AND seq = ";
        String swap = "UPDATE audit_event SET seq = -1 WHERE " + at + seq + "; UPDATE audit_event SET seq = " + seq
                + " WHERE " + at + (seq + 1) + "; UPDATE audit_event SET seq = " + (seq + 1) + " WHERE " + at + "-1";
        owner(swap);
        try {
            assertBrokenAt(seq, "does not follow");
        } finally {
            owner(swap);
        }
        assertThat(verify().getBoolean("intact")).isTrue();
    }

    @Test
    void aTruncatedTailIsNamed() throws Exception {
        try (Connection c = TestDatabase.SERVER.connectAsOwner(); Statement s = c.createStatement()) {
            long last = head(s);
            s.execute("CREATE TEMP TABLE tail AS SELECT * FROM audit_event WHERE node_id = '" + node + "' AND seq > "
                    + (last - 2));
            s.execute("DELETE FROM audit_event WHERE node_id = '" + node + "' AND seq > " + (last - 2));
            try {
                assertBrokenAt(last - 1, "truncated");
            } finally {
                s.execute("INSERT INTO audit_event SELECT * FROM tail");
            }
        }
        assertThat(verify().getBoolean("intact")).isTrue();
    }

    @Test
    void theApplicationRoleCannotRewriteTheTrail() throws Exception {
        try (Connection app = TestDatabase.SERVER.connectAsApplication(); Statement s = app.createStatement()) {
            assertThatThrownBy(() -> s.execute("UPDATE audit_event SET action = 'x'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
            assertThatThrownBy(() -> s.execute("DELETE FROM audit_event"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
            assertThatThrownBy(() -> s.execute("TRUNCATE audit_event"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
        }
    }

    @Test
    void whenTheAuditWriteFailsTheBusinessWriteFailsToo() throws Exception {
        long parties = count("party");
        owner("REVOKE INSERT ON audit_event FROM " + TestDatabase.SERVER.appRole());
        HttpResponse<String> refused;
        try {
            refused = server.send("POST", "/api/v1/parties", people.token("CLERK"), party("blocked"));
        } finally {
            owner("GRANT INSERT ON audit_event TO " + TestDatabase.SERVER.appRole());
        }
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(json(refused.body()).getString("code")).isEqualTo("audit-unavailable");
        assertThat(count("party")).isEqualTo(parties);
    }

    @Test
    void noSensitiveValueReachesTheTrail() throws Exception {
        String canary = "CANARY" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        createParty(canary);
        server.send("POST", "/api/v1/auth/login", null, "{\"username\":\"" + canary.toLowerCase()
                + "\",\"password\":\"" + canary + "\"}");
        try (Connection c = TestDatabase.SERVER.connectAsOwner(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT * FROM audit_event")) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                for (int col = 1; col <= columns; col++) {
                    byte[] raw = rows.getBytes(col);
                    String text = raw == null ? "" : new String(raw, StandardCharsets.UTF_8);
                    assertThat(text.toUpperCase()).doesNotContain(canary);
                }
            }
        }
        // a login names no tenant yet: a platform event, read by the platform's auditors
        assertThat(server.send("GET", "/api/v1/audit/events?action=login", Personas.platform(server)
                .token("AUDITOR"), null).body()).contains("usernameHmac");
    }

    private static void assertBrokenAt(long seq, String problem) throws Exception {
        JsonObject verdict = verify();
        assertThat(verdict.getBoolean("intact")).isFalse();
        JsonObject chain = verdict.getJsonArray("chains").stream().map(v -> v.asJsonObject())
                .filter(c -> c.getString("nodeId").equals(node)).findFirst().orElseThrow();
        assertThat(chain.getJsonNumber("brokenAtSeq").longValue()).as(chain.toString()).isEqualTo(seq);
        assertThat(chain.getString("problem")).contains(problem);
    }

    private static JsonObject verify() throws Exception {
        HttpResponse<String> response = server.send("POST", "/api/v1/audit/verify", auditor(), null);
        assertThat(response.statusCode()).isEqualTo(200);
        return json(response.body());
    }

    private static long middleSeq() throws Exception {
        try (Connection c = TestDatabase.SERVER.connectAsOwner(); Statement s = c.createStatement()) {
            return head(s) / 2;
        }
    }

    private static long head(Statement s) throws SQLException {
        try (ResultSet r = s.executeQuery("SELECT last_seq FROM audit_chain WHERE node_id = '" + node + "'")) {
            r.next();
            return r.getLong(1);
        }
    }

    private static void owner(String sql) throws SQLException {
        try (Connection c = TestDatabase.SERVER.connectAsOwner(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static long count(String table) throws SQLException {
        try (Connection c = TestDatabase.SERVER.connectAsOwner(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT count(*) FROM " + table)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static String auditor() throws Exception {
        return people.token("AUDITOR");
    }

    private static UUID createParty(String tag) throws Exception {
        HttpResponse<String> created = server.send("POST", "/api/v1/parties", people.token("CLERK"), party(tag));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return UUID.fromString(json(created.body()).getString("id"));
    }

    private static String party(String tag) {
        return Json.createObjectBuilder().add("legalName", "Audit " + tag).add("country", "FR")
                .add("email", tag + "@audit.example").build().toString();
    }

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }
}
