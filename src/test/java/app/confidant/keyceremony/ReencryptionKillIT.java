package app.confidant.keyceremony;

import static app.confidant.keyceremony.Ceremonies.json;
import static org.assertj.core.api.Assertions.assertThat;

import app.confidant.crypto.BulkSealer;
import app.confidant.platform.ConfidantServer;
import app.confidant.platform.TestDatabase;
import app.confidant.platform.TokenProcess;
import app.confidant.security.Personas;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * SIGKILL of Payara in the middle of re-encrypting 100,000 sealed values, then a restart: the job resumes from its
 * last committed batch and completes; every value opens to exactly what was sealed (checksum), and each was
 * re-sealed and counted once. Runs its own server on its own PostgreSQL schema, which it kills.
 */
class ReencryptionKillIT {

    private static final int VALUES = 100_000;

    @Test
    void aJobKilledWithSigkillResumesAfterRestartAndLosesNothing() throws Exception {
        TestDatabase database = TestDatabase.KILLED;
        database.resetSchema();
        Map<String, String> environment = new HashMap<>(database.serverEnvironment());
        ConfidantServer server = ConfidantServer.startFresh("kill-9", environment);
        Ceremonies ceremonies = new Ceremonies(server);
        UUID tenant = UUID.randomUUID();
        String clerk = Personas.forTenant(server, tenant).token("CLERK");
        JsonObject first = json(server.send("POST", "/api/v1/parties", clerk,
                "{\"legalName\":\"First party\",\"country\":\"DE\"}"), 201);
        String checksum = sealer(server, database, tenant, Integer.toString(VALUES)).split(" ")[1];

        ceremonies.carryOut("GENERATE", tenant, null);
        String job = Ceremonies.jobOf(ceremonies.carryOut("ACTIVATE", tenant, 2));
        long atPause = awaitDone(server, ceremonies, tenant, job, 1).getJsonNumber("done").longValue();
        pausedJobStaysAndKeyInUseCannotBeRetired(server, ceremonies, tenant, job);
        awaitDone(server, ceremonies, tenant, job, atPause + VALUES / 5);
        killHard(server);
        try (Connection db = database.connectAsOwner(); Statement s = db.createStatement()) {
            long doneAtKill = single(s, "SELECT done FROM reencryption_job WHERE id = '" + job + "'");
            assertThat(doneAtKill).isBetween(1L, (long) VALUES - 1);
            assertThat(single(s, "SELECT COUNT(*) FROM party WHERE sealed_key_version = 2 AND tenant_id = '" + tenant
                    + "'")).as("the cursor's count and the committed rows agree").isEqualTo(doneAtKill);
        }

        ConfidantServer restarted = ConfidantServer.start("kill-9", environment);
        try {
            JsonObject done = ceremonies.on(restarted).awaitJob(tenant, job, Duration.ofMinutes(8));
            assertThat(done.getJsonNumber("total").longValue()).isEqualTo(VALUES + 1);
            assertThat(done.getJsonNumber("done").longValue()).as("each value re-sealed and counted once")
                    .isEqualTo(VALUES + 1);
            try (Connection db = database.connectAsOwner(); Statement s = db.createStatement();
                 ResultSet versions = s.executeQuery("SELECT sealed_key_version, COUNT(*) FROM party WHERE tenant_id = '"
                         + tenant + "' GROUP BY sealed_key_version")) {
                assertThat(versions.next()).isTrue();
                assertThat(versions.getInt(1)).isEqualTo(2);
                assertThat(versions.getLong(2)).isEqualTo(VALUES + 1);
                assertThat(versions.next()).isFalse();
            }
            assertThat(sealer(restarted, database, tenant, "verify", first.getString("id")))
                    .as("every value opens (in the HSM, with the key version it names) to what was sealed")
                    .isEqualTo("checksum " + checksum + " values " + VALUES);
            HttpResponse<String> page = restarted.send("GET", "/api/v1/parties?limit=500", clerk, null);
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            List<JsonObject> parties = Json.createReader(new StringReader(page.body())).readArray().stream()
                    .map(JsonValue::asJsonObject).toList();
            assertThat(parties).hasSize(500).allSatisfy(p -> assertThat(p.getString("legalName"))
                    .matches("Kill-9 party \\d+|First party"));
            assertThat(restarted.log()).contains("Re-encryption job " + job);
        } finally {
            restarted.close();
        }
    }

    private static long single(Statement statement, String sql) throws Exception {
        try (ResultSet row = statement.executeQuery(sql)) {
            assertThat(row.next()).isTrue();
            return row.getLong(1);
        }
    }

    private static void pausedJobStaysAndKeyInUseCannotBeRetired(ConfidantServer server, Ceremonies ceremonies,
            UUID tenant, String job) throws Exception {
        JsonObject paused = json(server.send("POST", "/api/v1/reencryption-jobs/" + job + "/pause",
                ceremonies.custodianA(tenant), null), 200);
        assertThat(paused.getString("state")).isEqualTo("PAUSED");
        Thread.sleep(2_000); // a batch that had begun before the pause commits in this time
        long before = json(server.send("GET", "/api/v1/reencryption-jobs/" + job, ceremonies.auditor(tenant), null), 200)
                .getJsonNumber("done").longValue();
        Thread.sleep(3_000);
        JsonObject still = json(server.send("GET", "/api/v1/reencryption-jobs/" + job, ceremonies.auditor(tenant), null), 200);
        assertThat(still.getJsonNumber("done").longValue()).as("a paused job re-seals nothing").isEqualTo(before);
        assertThat(before).isLessThan(VALUES);
        String retire = json(ceremonies.propose(ceremonies.custodianA(tenant), "RETIRE", tenant, 1, null), 201)
                .getString("id");
        assertThat(json(ceremonies.approve(ceremonies.custodianB(tenant), retire), 409).getString("code"))
                .isEqualTo("key-in-use");
        json(server.send("POST", "/api/v1/reencryption-jobs/" + job + "/resume", ceremonies.custodianA(tenant), null), 200);
    }

    private static JsonObject awaitDone(ConfidantServer server, Ceremonies ceremonies, UUID tenant, String job,
            long atLeast)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        JsonObject progress;
        do {
            Thread.sleep(100);
            progress = json(server.send("GET", "/api/v1/reencryption-jobs/" + job, ceremonies.auditor(tenant), null), 200);
        } while (progress.getJsonNumber("done").longValue() < atLeast && System.nanoTime() < deadline);
        assertThat(progress.getString("state")).as("killed mid-job, not after it").isNotEqualTo("DONE");
        return progress;
    }

    /** SIGKILL: no shutdown hook, no transaction completes. */
    private static void killHard(ConfidantServer server) throws Exception {
        long pid = Long.parseLong(Files.readString(server.state().resolve("server.pid")).strip());
        ProcessHandle payara = ProcessHandle.of(pid).orElseThrow();
        Process kill = new ProcessBuilder("kill", "-9", Long.toString(pid)).start();
        assertThat(kill.waitFor()).isZero();
        payara.onExit().get(30, TimeUnit.SECONDS);
    }

    /**
     * Runs {@link BulkSealer} in its own JVM on the server's token: seeds {@code count} parties sealed with version 1
     * ("checksum HEX"), or with "verify" opens them all ("checksum HEX values N").
     */
    private static String sealer(ConfidantServer server, TestDatabase database, UUID tenant, String... mode)
            throws Exception {
        List<String> arguments = new java.util.ArrayList<>(List.of(tenant.toString(), "1"));
        arguments.addAll(List.of(mode));
        String output = TokenProcess.run(server.state(), database, BulkSealer.class, arguments.toArray(String[]::new));
        return output.lines().filter(l -> l.startsWith("checksum ")).findFirst().orElseThrow();
    }
}
