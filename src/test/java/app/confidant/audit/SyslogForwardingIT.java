package app.confidant.audit;

import static org.assertj.core.api.Assertions.assertThat;

import app.confidant.platform.ConfidantServer;
import app.confidant.platform.TestDatabase;
import app.confidant.security.Personas;
import jakarta.json.Json;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A Confidant server on PostgreSQL forwards its audit trail to a real rsyslog over TLS: every committed event
 * arrives as a parseable RFC 5424 message without sensitive values, and events made while the receiver is down
 * arrive once it is back (none lost), while the lag and failure metrics show the outage.
 */
class SyslogForwardingIT {

    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final Pattern MESSAGE = Pattern.compile(
            "^<(\\d+)>1 (\\S+) (\\S+) confidant - (\\S+) \\[audit@32473((?: [A-Za-z]+=\"(?:[^\"\\\\\\]]|\\\\.)*\")*)\\]"
                    + " (.*)$");
    private static final Pattern PARAM = Pattern.compile(" ([A-Za-z]+)=\"((?:[^\"\\\\\\]]|\\\\.)*)\"");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static RsyslogReceiver receiver;
    private static ConfidantServer server;
    private static Personas people;

    @BeforeAll
    static void start() throws Exception {
        receiver = RsyslogReceiver.create(Path.of("target", "it", "syslog-receiver").toAbsolutePath());
        server = ConfidantServer.startOnFreshSchema(TestDatabase.SYSLOG, "syslog", Map.of(
                "CONFIDANT_SYSLOG_HOST", "localhost",
                "CONFIDANT_SYSLOG_PORT", Integer.toString(receiver.port()),
                "CONFIDANT_SYSLOG_TRUSTSTORE", receiver.trustStore().toString(),
                "CONFIDANT_SYSLOG_TRUSTSTORE_PASSWORD_FILE", receiver.trustStorePasswordFile().toString(),
                "CONFIDANT_AUTH_ADDRESS_FAILURE_LIMIT", "1000"));
        people = Personas.forTenant(server, UUID.randomUUID());
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void everyEventArrivesParsedWithoutSensitiveValuesAndNoneIsLostWhileTheReceiverIsDown() throws Exception {
        String canary = "Sy" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        List<String> parties = createParties(canary, 3);
        awaitForwarded();
        Map<String, Map<String, String>> received = parse(receiver.received());
        for (String party : parties) {
            assertThat(received.values()).as("the party.create event of %s", party).anySatisfy(params -> {
                assertThat(params).containsEntry("action", "party.create").containsEntry("targetType", "party")
                        .containsEntry("targetId", party).containsEntry("outcome", "SUCCESS")
                        .containsEntry("tenant", people.tenant().toString()).containsKeys("actor", "actorId",
                                "roles", "requestId", "node", "seq", "time", "keyId", "mac");
                assertThat(params.get("mac")).matches("[0-9a-f]{64}");
            });
        }
        assertNoSensitiveValue(canary);

        receiver.stop();
        String canaryWhileDown = canary + "down";
        List<String> madeWhileDown = createParties(canaryWhileDown, 3);
        awaitMetric("confidant_syslog_failures_total", v -> v > 0);
        awaitMetric("confidant_syslog_lag", v -> v > 0);
        assertThat(parse(receiver.received()).values()).noneMatch(p -> madeWhileDown.contains(p.get("targetId")));

        receiver.start();
        awaitForwarded();
        Map<String, Map<String, String>> afterRestart = parse(receiver.received());
        for (String party : madeWhileDown) {
            assertThat(afterRestart.values()).as("made while rsyslog was down: %s", party)
                    .anyMatch(p -> party.equals(p.get("targetId")) && "party.create".equals(p.get("action")));
        }
        assertNoSensitiveValue(canaryWhileDown);
        awaitMetric("confidant_syslog_lag", v -> v == 0);
    }

    /**
     * Another instance holding chains (their cursor rows locked, as a forwarder does while it sends) keeps this
     * instance from sending them, without stopping it: a chain nobody holds is still forwarded meanwhile.
     */
    @Test
    void chainsAnotherInstanceHoldsAreSkippedWhileOtherChainsGoOn() throws Exception {
        people.token("CLERK"); // events of this server exist, so its chains name its node
        String node;
        try (Connection owner = TestDatabase.SYSLOG.connectAsOwner();
             PreparedStatement select = owner.prepareStatement(
                     "SELECT node_id FROM audit_chain WHERE node_id NOT LIKE 'probe-%'");
             ResultSet row = select.executeQuery()) {
            assertThat(row.next()).isTrue();
            node = row.getString(1).replaceFirst("#.*$", "");
        }
        try (Connection other = TestDatabase.SYSLOG.connectAsOwner()) {
            for (String lane : List.of(node, node + "#1", node + "#2", node + "#3")) {
                try (PreparedStatement cursor = other.prepareStatement("INSERT INTO syslog_cursor (node_id, last_seq)"
                        + " SELECT ?, 0 WHERE NOT EXISTS (SELECT 1 FROM syslog_cursor WHERE node_id = ?)")) {
                    cursor.setString(1, lane);
                    cursor.setString(2, lane);
                    cursor.executeUpdate();
                }
            }
            other.setAutoCommit(false);
            try (PreparedStatement hold = other.prepareStatement(
                    "SELECT node_id FROM syslog_cursor WHERE node_id = ? OR node_id LIKE ? FOR UPDATE")) {
                hold.setString(1, node);
                hold.setString(2, node + "#%");
                hold.executeQuery().close();
            }
            List<String> held = createParties("held" + UUID.randomUUID().toString().substring(0, 8), 2);
            String probe = appendProbeChain();
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (!parse(receiver.received()).containsKey(probe) && System.nanoTime() < deadline) {
                Thread.sleep(500);
            }
            Map<String, Map<String, String>> meanwhile = parse(receiver.received());
            assertThat(meanwhile).as("a chain nobody holds is forwarded").containsKey(probe);
            assertThat(meanwhile.values()).as("held chains are not sent").noneMatch(p -> held.contains(p.get("targetId")));
            other.rollback();
        }
        awaitForwarded();
    }

    /** A chain of a node that exists only in the database (no MAC check happens on the way to syslog). */
    private static String appendProbeChain() throws Exception {
        String id = UUID.randomUUID().toString();
        try (Connection owner = TestDatabase.SYSLOG.connectAsOwner();
             PreparedStatement event = owner.prepareStatement("INSERT INTO audit_event (id, node_id, seq, kind,"
                     + " occurred_at, actor, action, outcome, key_id, prev_mac, mac) VALUES (?, ?, 1, 'EVENT',"
                     + " CURRENT_TIMESTAMP, 'system', 'test.probe', 'SUCCESS', 'audit-mac-v1', ?, ?)");
             PreparedStatement head = owner.prepareStatement("INSERT INTO audit_chain (node_id, last_seq, last_mac,"
                     + " head_mac, key_id) VALUES (?, 1, ?, ?, 'audit-mac-v1')")) {
            String chain = "probe-" + id.substring(0, 8);
            event.setObject(1, UUID.fromString(id));
            event.setString(2, chain);
            event.setString(3, "0".repeat(64));
            event.setString(4, "1".repeat(64));
            event.executeUpdate();
            head.setString(1, chain);
            head.setString(2, "1".repeat(64));
            head.setString(3, "2".repeat(64));
            head.executeUpdate();
        }
        return id;
    }

    private static List<String> createParties(String canary, int count) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String body = Json.createObjectBuilder().add("legalName", "Syslog " + canary + " " + i + " GmbH")
                    .add("country", "DE").add("city", "Berlin")
                    .add("email", "billing." + canary.toLowerCase() + i + "@acme.example").build().toString();
            HttpResponse<String> created = server.send("POST", "/api/v1/parties", people.token("CLERK"), body);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            ids.add(Json.createReader(new StringReader(created.body())).readObject().getString("id"));
        }
        return ids;
    }

    /** Waits until every event committed so far (every chain, read from the database) is in rsyslog's file. */
    private static void awaitForwarded() throws Exception {
        Set<String> committed = committedEventIds();
        assertThat(committed).isNotEmpty();
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        Set<String> missing = new HashSet<>(committed);
        while (System.nanoTime() < deadline) {
            missing.removeAll(parse(receiver.received()).keySet());
            if (missing.isEmpty()) {
                return;
            }
            Thread.sleep(500);
        }
        assertThat(missing).as("events committed but never received by rsyslog").isEmpty();
    }

    private static Set<String> committedEventIds() throws Exception {
        Set<String> ids = new HashSet<>();
        try (Connection owner = TestDatabase.SYSLOG.connectAsOwner();
             PreparedStatement select = owner.prepareStatement("SELECT id FROM audit_event");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }

    /** Every line must be one RFC 5424 message of ours; the result maps event id to its SD params (duplicates merge). */
    private static Map<String, Map<String, String>> parse(List<String> lines) {
        Map<String, Map<String, String>> byId = new HashMap<>();
        for (String line : lines) {
            Matcher message = MESSAGE.matcher(line);
            assertThat(message.matches()).as("an RFC 5424 message: %s", line).isTrue();
            Map<String, String> params = new HashMap<>();
            Matcher param = PARAM.matcher(message.group(5));
            while (param.find()) {
                params.put(param.group(1), param.group(2).replaceAll("\\\\(.)", "$1"));
            }
            int severity = Integer.parseInt(message.group(1)) - 13 * 8;
            assertThat(severity).as(line).isEqualTo(switch (params.get("outcome")) {
                case "SUCCESS" -> 6;
                case "DENIED" -> 4;
                default -> 3;
            });
            assertThat(message.group(4)).isEqualTo(params.get("action").substring(0,
                    Math.min(32, params.get("action").length())));
            assertThat(message.group(2)).isEqualTo(params.get("time"));
            byId.put(params.get("id"), params);
        }
        return byId;
    }

    private static void assertNoSensitiveValue(String canary) throws Exception {
        String all = String.join("\n", receiver.received());
        assertThat(all).doesNotContain(canary).doesNotContain(canary.toLowerCase()).doesNotContain("acme.example")
                .doesNotContain("Berlin");
    }

    private static void awaitMetric(String name, LongPredicate expected) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        long value = Long.MIN_VALUE;
        while (System.nanoTime() < deadline) {
            value = metric(name);
            if (expected.test(value)) {
                return;
            }
            Thread.sleep(500);
        }
        assertThat(value).as("the metric %s never reached the expected value", name).isEqualTo(Long.MAX_VALUE);
    }

    private static long metric(String name) throws Exception {
        String body = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.metricsPort()
                + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher line = Pattern.compile("(?m)^" + name + "(?:\\{[^}]*\\})? ([-0-9.eE+]+)$").matcher(body);
        long sum = 0;
        boolean found = false;
        while (line.find()) {
            sum += (long) Double.parseDouble(line.group(1));
            found = true;
        }
        return found ? sum : Long.MIN_VALUE;
    }
}
