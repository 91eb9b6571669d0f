package app.confidant.keyceremony;

import static app.confidant.keyceremony.Ceremonies.PLATFORM;
import static app.confidant.keyceremony.Ceremonies.json;
import static org.assertj.core.api.Assertions.assertThat;

import app.confidant.platform.ConfidantServer;
import app.confidant.platform.TestDatabase;
import app.confidant.security.Personas;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Backups are part of key ceremonies: a generated key awaits a verified backup (the server hashes the archive,
 * restores it into a scratch token with hsm/verify-backup.sh and compares check values); tampered archives, paths
 * outside the backup directory and the wrong people are refused. Then the drill: the token is lost, the latest
 * backup restored, every value sealed with a backed-up key reads back, and the key made after the backup is reported
 * missing. Runs its own server on its own schema, whose token it deletes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeyBackupIT {

    private static final String NAME = "key-backups";
    private static final Map<String, String> ENVIRONMENT = new HashMap<>();
    private static ConfidantServer server;
    private static Ceremonies ceremonies;

    @BeforeAll
    static void start() throws Exception {
        TestDatabase.BACKUPS.resetSchema();
        ENVIRONMENT.putAll(TestDatabase.BACKUPS.serverEnvironment());
        server = ConfidantServer.startFresh(NAME, ENVIRONMENT);
        ceremonies = new Ceremonies(server);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Order(1)
    void aGeneratedKeyIsCompleteOnlyOnceAVerifiedBackupHoldsIt() throws Exception {
        UUID tenant = UUID.randomUUID();
        String platformCustodian = ceremonies.custodianA(PLATFORM);
        String platformAuditor = ceremonies.auditor(PLATFORM);
        String tenantCustodian = ceremonies.custodianA(tenant);
        ceremonies.custodianB(tenant);

        JsonObject generated = ceremonies.carryOut("GENERATE", tenant, null);
        String label = generated.getString("keyLabel");
        assertThat(label).startsWith("dek-" + tenant + "-v");
        assertThat(generated.getBoolean("backupRequired")).isTrue();
        assertThat(generated.getBoolean("complete")).isFalse();
        assertThat(inventoryEntry(tenant, label).containsKey("verifiedBackup")).as("in no verified backup").isFalse();
        assertThat(readiness().getString("status")).isEqualTo("UP");
        assertThat(readiness().getJsonObject("data").getString("warning")).contains("in no verified backup")
                .doesNotContain(tenant.toString()); // readiness is unauthenticated: counts, never tenant-bearing labels

        Path archive = takeBackup("first.tar.gz");
        String sha = sha256(archive);
        refusals(archive, sha, platformCustodian, platformAuditor, tenantCustodian);
        assertThat(backups(platformAuditor)).as("nothing recorded by a refused request").isEmpty();

        JsonObject recorded = json(record(platformCustodian, "first.tar.gz", sha), 201);
        assertThat(recorded.getString("outcome")).isEqualTo("VERIFIED");
        assertThat(recorded.getJsonArray("missing")).isEmpty();
        assertThat(recorded.getJsonArray("keys").getValuesAs(JsonObject.class))
                .anySatisfy(k -> {
                    assertThat(k.getString("label")).isEqualTo(label);
                    assertThat(k.getBoolean("matches")).isTrue();
                    assertThat(k.getString("kcv")).isEqualTo(inventoryEntry(tenant, label).getString("kcv"));
                })
                .anySatisfy(k -> assertThat(k.getString("label")).isEqualTo("audit-mac-v1"));
        String backupId = recorded.getString("id");

        JsonObject ceremony = json(server.send("GET", "/api/v1/key-ceremonies/" + generated.getString("id"),
                ceremonies.auditor(tenant), null), 200);
        assertThat(ceremony.getBoolean("complete")).isTrue();
        assertThat(ceremony.getBoolean("backupRequired")).isFalse();
        assertThat(ceremony.getString("backedUpIn")).isEqualTo(backupId);
        assertThat(ceremony.getString("state")).isEqualTo("DONE");
        assertThat(inventoryEntry(tenant, label).getString("verifiedBackup")).isEqualTo(backupId);
        JsonObject ready = readiness();
        assertThat(ready.getString("status")).isEqualTo("UP");
        assertThat(ready.getJsonObject("data").get("keysWithoutVerifiedBackup").toString()).as("Payara writes data"
                + " values as strings").isIn("0", "\"0\"");
        assertThat(ready.getJsonObject("data").containsKey("warning")).isFalse();
        assertThat(auditEvents(platformAuditor, "key-backup.record"))
                .anySatisfy(e -> assertThat(e.getString("outcome")).isEqualTo("SUCCESS"));

        JsonArray tenantView = array(server.send("GET", "/api/v1/key-backups", ceremonies.auditor(tenant), null));
        assertThat(tenantView.getJsonObject(0).getJsonArray("keys").getValuesAs(JsonObject.class))
                .as("a tenant's people see their own keys in a backup, not the token's others")
                .extracting(k -> k.getString("label")).containsExactly(label);
    }

    private void refusals(Path archive, String sha, String platformCustodian, String platformAuditor,
            String tenantCustodian) throws Exception {
        assertThat(record(null, "first.tar.gz", sha).statusCode()).isEqualTo(401);
        assertThat(json(record(tenantCustodian, "first.tar.gz", sha), 403).getString("code"))
                .as("another tenant's custodian").isEqualTo("platform-only");
        assertThat(record(platformAuditor, "first.tar.gz", sha).statusCode()).isEqualTo(403);

        assertThat(json(record(platformCustodian, "first.tar.gz", "0".repeat(64)), 422).getString("code"))
                .isEqualTo("sha256-mismatch");
        byte[] bytes = Files.readAllBytes(archive);
        bytes[bytes.length / 2] ^= 0x55;
        Path altered = archive.resolveSibling("altered.tar.gz");
        Files.write(altered, bytes);
        assertThat(json(record(platformCustodian, "altered.tar.gz", sha), 422).getString("code"))
                .as("altered bytes under the recorded hash").isEqualTo("sha256-mismatch");
        assertThat(json(record(platformCustodian, "altered.tar.gz", sha256(altered)), 422).getString("code"))
                .as("altered bytes with a hash to match: the verifier cannot restore them")
                .isEqualTo("backup-unverifiable");

        Path outside = server.state().resolve("outside.tar.gz");
        Files.copy(archive, outside);
        Files.createSymbolicLink(archive.resolveSibling("link.tar.gz"), outside);
        for (String name : List.of("../outside.tar.gz", outside.toString(), "link.tar.gz", "no-such.tar.gz")) {
            JsonObject problem = json(record(platformCustodian, name, sha), 400);
            assertThat(problem.getString("code")).as(name).isEqualTo("archive-not-in-backup-dir");
            assertThat(problem.getInt("status")).isEqualTo(400);
        }
        assertThat(auditEvents(platformAuditor, "key-backup.record"))
                .allSatisfy(e -> assertThat(e.getString("outcome")).isNotEqualTo("SUCCESS"));
    }

    @Test
    @Order(2)
    void drillLoseTheTokenRestoreTheLatestBackupEveryBackedUpValueReadsBackTheNewerKeyIsReported()
            throws Exception {
        UUID tenant = UUID.randomUUID();
        Personas people = Personas.forTenant(server, tenant);
        String clerk = people.token("CLERK");
        String platformCustodian = ceremonies.custodianA(PLATFORM);
        String platformAuditor = ceremonies.auditor(PLATFORM);
        ceremonies.custodianA(tenant);
        ceremonies.custodianB(tenant);
        ceremonies.auditor(tenant); // people exist before the restart (a persona is bound to the server it was made on)
        Map<String, String> sealed = new LinkedHashMap<>();
        for (int i = 0; i < 5; i++) {
            String id = json(server.send("POST", "/api/v1/parties", clerk, Json.createObjectBuilder()
                    .add("legalName", "Drill party " + i).add("taxId", "DE" + (100000000 + i)).add("country", "DE")
                    .build().toString()), 201).getString("id");
            sealed.put(id, server.send("GET", "/api/v1/parties/" + id, clerk, null).body());
        }
        Path archive = takeBackup("latest.tar.gz");
        String sha = sha256(archive);
        JsonObject recorded = json(record(platformCustodian, "latest.tar.gz", sha), 201);
        assertThat(recorded.getString("outcome")).isEqualTo("VERIFIED");

        JsonObject after = ceremonies.carryOut("GENERATE", tenant, null);
        String newer = after.getString("keyLabel");
        assertThat(readiness().getJsonObject("data").getString("warning")).contains("in no verified backup");

        server.close();
        Path home = server.state().resolve("hsm");
        deleteTree(home.resolve("tokens"));
        restore(archive, home, sha);
        server = ConfidantServer.start(NAME, ENVIRONMENT);
        ceremonies = ceremonies.on(server);

        for (Map.Entry<String, String> value : sealed.entrySet()) {
            HttpResponse<String> read = server.send("GET", "/api/v1/parties/" + value.getKey(), clerk, null);
            assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
            assertThat(read.body()).as("sealed before the backup, read after the restore").isEqualTo(value.getValue());
        }
        JsonObject missing = inventoryEntry(tenant, newer);
        assertThat(missing.getBoolean("inToken")).isFalse();
        assertThat(missing.containsKey("verifiedBackup")).isFalse();
        assertThat(inventoryEntry(tenant, "dek-" + tenant + "-v1").getString("verifiedBackup"))
                .isEqualTo(recorded.getString("id"));
        JsonObject ready = readiness();
        assertThat(ready.getString("status")).isEqualTo("UP");
        assertThat(ready.getJsonObject("data").getString("missingFromToken")).startsWith("1 registered key")
                .doesNotContain(tenant.toString());
        // the tenant's own report names the key; the platform's counts the tenants' keys without naming them
        JsonObject own = backupControl(ceremonies.auditor(tenant));
        assertThat(own.getString("status")).isEqualTo("FAIL");
        assertThat(own.getJsonArray("findings").toString()).contains(newer + " (PRE_ACTIVATION) is registered"
                + " but not in the token");
        JsonObject platformWide = backupControl(platformAuditor);
        assertThat(platformWide.getString("status")).isEqualTo("FAIL");
        assertThat(platformWide.getJsonArray("findings").toString()).contains("1 tenant key(s) registered but not in"
                + " the token").doesNotContain(tenant.toString());
        assertThat(json(server.send("GET", "/api/v1/key-ceremonies/" + after.getString("id"),
                ceremonies.auditor(tenant), null), 200).getBoolean("complete")).isFalse();
    }

    private static JsonObject backupControl(String token) throws Exception {
        return json(server.send("GET", "/api/v1/compliance/security-report", token, null), 200)
                .getJsonArray("controls").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("id").equals("key-backups")).findFirst().orElseThrow();
    }

    private static Path takeBackup(String name) throws Exception {
        Path out = server.state().resolve("backups").resolve(name);
        run(ConfidantServer.basedir().resolve("hsm/backup-token.sh").toString(), "--dir",
                server.state().resolve("hsm").toString(), "--out", out.toString());
        return out;
    }

    private static void restore(Path archive, Path home, String sha) throws Exception {
        run(ConfidantServer.basedir().resolve("hsm/restore-token.sh").toString(), "--archive", archive.toString(),
                "--dir", home.toString(), "--sha256", sha);
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }

    private static String sha256(Path file) throws Exception {
        return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(file)));
    }

    private static HttpResponse<String> record(String token, String archive, String sha) throws Exception {
        return server.send("POST", "/api/v1/key-backups", token, Json.createObjectBuilder().add("archive", archive)
                .add("sha256", sha).add("reason", "backup after the key ceremony, ticket SEC-18").build().toString());
    }

    private static List<JsonObject> backups(String token) throws Exception {
        return array(server.send("GET", "/api/v1/key-backups", token, null)).getValuesAs(JsonObject.class);
    }

    private static List<JsonObject> auditEvents(String token, String action) throws Exception {
        return array(server.send("GET", "/api/v1/audit/events?action=" + action + "&limit=500", token, null))
                .getValuesAs(JsonObject.class);
    }

    private static JsonObject inventoryEntry(UUID tenant, String label) throws Exception {
        return ceremonies.inventory(tenant).stream().map(JsonValue::asJsonObject)
                .filter(k -> k.getString("label").equals(label)).findFirst().orElseThrow();
    }

    /** The "key-backups" readiness check. */
    private static JsonObject readiness() throws Exception {
        JsonObject health = Json.createReader(new StringReader(server.get("/health/ready").body())).readObject();
        return health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("name").equals("key-backups")).findFirst().orElseThrow();
    }

    private static JsonArray array(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.createReader(new StringReader(response.body())).readArray();
    }

    /** "Lose the token": its directory is gone. */
    private static void deleteTree(Path root) throws Exception {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
        assertThat(root).doesNotExist();
    }
}
