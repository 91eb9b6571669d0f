package app.confidant.platform;

import static org.assertj.core.api.Assertions.assertThat;

import app.confidant.security.Personas;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Metrics as an operator's monitoring sees them (#18): a real Prometheus (Debian's package) loads the shipped alert
 * rules, scrapes the suite's server on its loopback metrics port and is queried through its HTTP API. The public
 * HTTPS port serves no metrics. promtool checks and unit-tests the rules; a tampered audit row, once verified, makes
 * the shipped alert fire in that Prometheus.
 */
class MetricsIT {

    private static final Path RULES = ConfidantServer.basedir().resolve("deploy/prometheus/confidant-alerts.yml");
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private static ConfidantServer server;
    private static Personas people;
    private static Process prometheus;
    private static int prometheusPort;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        server = ConfidantServer.shared();
        people = Personas.forTenant(server, UUID.randomUUID());
        Path home = Path.of("target", "it", "prometheus").toAbsolutePath();
        ConfidantServer.deleteTree(home);
        Files.createDirectories(home);
        Files.writeString(home.resolve("prometheus.yml"), """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                rule_files: ["%s"]
                scrape_configs:
                  - job_name: confidant
                    static_configs:
                      - targets: ["127.0.0.1:%d"]
                """.formatted(RULES, server.metricsPort()));
        prometheusPort = ConfidantServer.freePort();
        prometheus = new ProcessBuilder("prometheus", "--config.file=" + home.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + home.resolve("data"), "--web.listen-address=127.0.0.1:" + prometheusPort)
                .redirectErrorStream(true).redirectOutput(home.resolve("prometheus.log").toFile()).start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (prometheus != null) {
            prometheus.destroy();
            prometheus.waitFor(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void theShippedAlertRulesAreValidAndFireOnTheirExamples() throws Exception {
        assertThat(run("promtool", "check", "rules", RULES.toString())).contains("SUCCESS");
        assertThat(run("promtool", "test", "rules", RULES.resolveSibling("confidant-alerts.test.yml").toString()))
                .contains("SUCCESS");
    }

    @Test
    void thePublicPortServesNoMetrics() throws Exception {
        for (String path : List.of("/metrics", "/metrics/base", "/metrics/application")) {
            HttpResponse<String> answer = server.get(path);
            assertThat(answer.statusCode()).as(path).isNotEqualTo(200);
            assertThat(answer.body()).as(path).doesNotContain("# TYPE");
        }
        // the loopback port does serve them (the same request the Prometheus below makes)
        HttpResponse<String> local = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.metricsPort() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(local.statusCode()).isEqualTo(200);
        assertThat(local.body()).contains("# TYPE confidant_hsm_operations_total counter");
    }

    @Test
    void prometheusScrapesWhatTheServerDid() throws Exception {
        String clerk = people.token("CLERK");
        HttpResponse<String> created = server.send("POST", "/api/v1/parties", clerk, Json.createObjectBuilder()
                .add("legalName", "Metered GmbH").add("country", "DE").build().toString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        HttpResponse<String> refused = server.send("POST", "/api/v1/auth/login", null, Json.createObjectBuilder()
                .add("username", "nobody-" + UUID.randomUUID()).add("password", "wrong password").build().toString());
        assertThat(refused.statusCode()).isEqualTo(401);

        awaitValue("up{job=\"confidant\"}", v -> v == 1);
        awaitValue("confidant_hsm_session_up", v -> v == 1);
        awaitValue("sum(confidant_hsm_operations_total{operation=\"seal\",outcome=\"ok\"})", v -> v >= 1);
        awaitValue("sum(confidant_hsm_operation_duration_seconds_count{operation=\"seal\"})", v -> v >= 1);
        awaitValue("histogram_quantile(0.5, sum by (le) (confidant_hsm_operation_duration_seconds_bucket))",
                v -> v > 0 && v < 10);
        awaitValue("sum(confidant_audit_events_total{action=\"party.create\",outcome=\"SUCCESS\"})", v -> v >= 1);
        awaitValue("sum(confidant_audit_events_total{action=\"login\",outcome=\"FAILURE\"})", v -> v >= 1);
        awaitValue("sum(http_server_request_duration_seconds_count{http_request_method=\"POST\","
                + "http_response_status_code=\"201\"})", v -> v >= 1);
        awaitValue("max(confidant_key_gcm_invocations{key=~\".*" + people.tenant() + ".*\"})", v -> v >= 1);
        awaitValue("min(confidant_key_cryptoperiod_remaining_seconds{key=~\".*" + people.tenant() + ".*\"})",
                v -> v > 300 * 86400);
        awaitValue("max(confidant_key_gcm_limit)", v -> v > 4.0e9 && v < 4.3e9);
        awaitValue("max(confidant_ceremonies_pending) + max(confidant_approvals_pending)", v -> v >= 0);
        awaitValue("max(confidant_reencryption_remaining)", v -> v >= 0);
        // this tenant's first keys were made after any backup of the suite's token: in no verified backup
        awaitValue("max(confidant_keys_unprotected)", v -> v >= 1);
        awaitValue("max(confidant_metrics_snapshot_age_seconds)", v -> v >= 0 && v < 60);
        // the suite's server signs a checkpoint within 10 s of new events and writes it to its witness directory
        awaitValue("time() - max(confidant_audit_witness_time_seconds)", v -> v >= 0 && v < 120);

        JsonArray groups = query("/api/v1/rules").getJsonObject("data").getJsonArray("groups");
        long rules = groups.stream().mapToLong(g -> g.asJsonObject().getJsonArray("rules").size()).sum();
        assertThat(rules).isEqualTo(21);
        groups.forEach(g -> g.asJsonObject().getJsonArray("rules").forEach(r -> assertThat(
                r.asJsonObject().getString("health")).as(r.toString()).isEqualTo("ok")));

        // What a scrape costs, for the README: Prometheus's own measurements of the last scrapes.
        System.out.printf("MetricsIT: scrape of the server: %.1f ms on average, %.1f ms at most (last 30 s), "
                        + "%d samples%n",
                1000 * value("avg_over_time(scrape_duration_seconds{job=\"confidant\"}[30s])"),
                1000 * value("max_over_time(scrape_duration_seconds{job=\"confidant\"}[30s])"),
                (long) value("scrape_samples_scraped{job=\"confidant\"}"));
    }

    @Test
    void aBrokenTrailOnceVerifiedFiresTheShippedAlert() throws Exception {
        String auditor = people.token("AUDITOR");
        HttpResponse<String> party = server.send("POST", "/api/v1/parties", people.token("CLERK"),
                Json.createObjectBuilder().add("legalName", "Alerted SA").add("country", "FR").build().toString());
        assertThat(party.statusCode()).isEqualTo(201);
        String[] row = lastPartyCreate();
        owner("UPDATE audit_event SET action = action || 'x' WHERE node_id = '" + row[0] + "' AND seq = " + row[1]);
        try {
            JsonObject broken = json(server.send("POST", "/api/v1/audit/verify", auditor, null).body());
            assertThat(broken.getBoolean("intact")).isFalse();
            awaitAlert("ConfidantAuditVerificationFailed", true);
        } finally {
            owner("UPDATE audit_event SET action = left(action, length(action) - 1) WHERE node_id = '" + row[0]
                    + "' AND seq = " + row[1]);
        }
        JsonObject intact = json(server.send("POST", "/api/v1/audit/verify", auditor, null).body());
        assertThat(intact.getBoolean("intact")).as(intact.toString()).isTrue();
        awaitValue("max(confidant_audit_verification_broken)", v -> v == 0);
        awaitAlert("ConfidantAuditVerificationFailed", false);
    }

    private static String[] lastPartyCreate() throws Exception {
        try (Connection c = TestDatabase.SERVER.connectAsOwner(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT node_id, seq FROM audit_event WHERE action = 'party.create'"
                     + " ORDER BY occurred_at DESC LIMIT 1")) {
            assertThat(r.next()).isTrue();
            return new String[] {r.getString(1), Long.toString(r.getLong(2))};
        }
    }

    private static void owner(String sql) throws Exception {
        try (Connection c = TestDatabase.SERVER.connectAsOwner(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static void awaitAlert(String name, boolean firing) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        boolean seen;
        do {
            seen = query("/api/v1/alerts").getJsonObject("data").getJsonArray("alerts").stream()
                    .map(JsonValue::asJsonObject)
                    .anyMatch(a -> a.getJsonObject("labels").getString("alertname").equals(name)
                            && a.getString("state").equals("firing"));
            if (seen == firing) {
                return;
            }
            Thread.sleep(500);
        } while (System.nanoTime() < deadline);
        assertThat(seen).as("alert %s firing", name).isEqualTo(firing);
    }

    private static void awaitValue(String promql, Predicate<Double> expected) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        Double last = null;
        do {
            last = valueOrNull(promql);
            if (last != null && expected.test(last)) {
                return;
            }
            Thread.sleep(500);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("Prometheus: " + promql + " = " + last + " (not the expected value)");
    }

    private static double value(String promql) throws Exception {
        Double v = valueOrNull(promql);
        assertThat(v).as(promql).isNotNull();
        return v;
    }

    private static Double valueOrNull(String promql) throws Exception {
        JsonObject answer;
        try {
            answer = query("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        } catch (IOException notYetListening) {
            return null;
        }
        JsonArray result = answer.getJsonObject("data").getJsonArray("result");
        return result.isEmpty() ? null : Double.valueOf(result.getJsonObject(0).getJsonArray("value").getString(1));
    }

    private static JsonObject query(String path) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + prometheusPort + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return json(answer.body());
    }

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
