package app.confidant.keyceremony;

import static org.assertj.core.api.Assertions.assertThat;

import app.confidant.platform.ConfidantServer;
import app.confidant.security.Personas;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per tenant, two key custodians (A proposes, B approves) and an auditor of a black-box server, and the ceremony
 * calls. Ceremonies act on the tenant their custodians work in, so each tenant has its own people; the platform
 * tenant's custodians hold the platform's ceremonies (AUDIT_KEY).
 */
final class Ceremonies {

    private static final String CUSTODIAN = "KEY_CUSTODIAN";
    /** The platform tenant. */
    static final UUID PLATFORM = new UUID(0L, 1L);

    private final ConfidantServer server;
    private final Map<UUID, Personas> a;
    private final Map<UUID, Personas> b;

    Ceremonies(ConfidantServer server) {
        this(server, new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
    }

    private Ceremonies(ConfidantServer server, Map<UUID, Personas> a, Map<UUID, Personas> b) {
        this.server = server;
        this.a = a;
        this.b = b;
    }

    private Personas a(UUID tenant) {
        return a.computeIfAbsent(tenant, t -> PLATFORM.equals(t) ? Personas.platform(server)
                : Personas.forTenant(server, t));
    }

    private Personas b(UUID tenant) {
        return b.computeIfAbsent(tenant, t -> PLATFORM.equals(t) ? Personas.platform(server)
                : Personas.forTenant(server, t));
    }

    /** The tenant's custodian A's token, stepped up (an MFA check younger than five minutes). */
    String custodianA(UUID tenant) throws Exception {
        return a(tenant).steppedUpToken(CUSTODIAN);
    }

    /** The tenant's custodian B, another person than A. */
    String custodianB(UUID tenant) throws Exception {
        return b(tenant).steppedUpToken(CUSTODIAN);
    }

    /** The tenant's auditor. */
    String auditor(UUID tenant) throws Exception {
        return a(tenant).token("AUDITOR");
    }

    /** The same people on a restarted server (their tokens live in the database). */
    Ceremonies on(ConfidantServer restarted) {
        return new Ceremonies(restarted, a, b);
    }

    HttpResponse<String> propose(String token, String kind, UUID tenant, Integer version, Integer validForSeconds)
            throws Exception {
        return propose(token, kind, null, tenant, version, validForSeconds);
    }

    /** A proposal naming the key purpose ({@code null}: the default, the data key). */
    HttpResponse<String> propose(String token, String kind, String purpose, UUID tenant, Integer version,
            Integer validForSeconds) throws Exception {
        JsonObjectBuilder body = Json.createObjectBuilder().add("kind", kind).add("tenantId", tenant.toString())
                .add("reason", "scheduled " + kind.toLowerCase() + " per the key management policy");
        if (purpose != null) {
            body.add("purpose", purpose);
        }
        if (version != null) {
            body.add("version", version);
        }
        if (validForSeconds != null) {
            body.add("validForSeconds", validForSeconds);
        }
        return server.send("POST", "/api/v1/key-ceremonies", token, body.build().toString());
    }

    HttpResponse<String> approve(String token, String id) throws Exception {
        return server.send("POST", "/api/v1/key-ceremonies/" + id + "/approve", token, null);
    }

    /** A proposes, B approves; returns the finished ceremony. */
    JsonObject carryOut(String kind, UUID tenant, Integer version) throws Exception {
        return carryOut(kind, null, tenant, version);
    }

    /** A proposes, B approves a ceremony on the tenant's key of that purpose; returns the finished ceremony. */
    JsonObject carryOut(String kind, String purpose, UUID tenant, Integer version) throws Exception {
        String id = json(propose(custodianA(tenant), kind, purpose, tenant, version, null), 201).getString("id");
        JsonObject done = json(approve(custodianB(tenant), id), 200);
        assertThat(done.getString("state")).isEqualTo("DONE");
        return done;
    }

    /** The key inventory as the tenant's auditor sees it (the platform's: the whole token). */
    JsonArray inventory(UUID tenant) throws Exception {
        HttpResponse<String> response = server.send("GET", "/api/v1/keys", auditor(tenant), null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.createReader(new StringReader(response.body())).readArray();
    }

    /** The inventory entry of a tenant's data key version. */
    JsonObject dataKey(UUID tenant, int version) throws Exception {
        return key(tenant, "dek-" + tenant + "-v" + version);
    }

    /** The inventory entry of a tenant's blind-index key version. */
    JsonObject blindIndexKey(UUID tenant, int version) throws Exception {
        return key(tenant, "bidx-" + tenant + "-v" + version);
    }

    private JsonObject key(UUID tenant, String label) throws Exception {
        return inventory(tenant).stream().map(JsonValue::asJsonObject)
                .filter(k -> k.getString("label").equals(label)).findFirst().orElseThrow();
    }

    /** Waits until the job is DONE (a test failure after the limit) and returns its progress. */
    JsonObject awaitJob(UUID tenant, String jobId, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        JsonObject job;
        do {
            Thread.sleep(500);
            job = json(server.send("GET", "/api/v1/reencryption-jobs/" + jobId, auditor(tenant), null), 200);
        } while (!job.getString("state").equals("DONE") && System.nanoTime() < deadline);
        assertThat(job.getString("state")).as(job.toString()).isEqualTo("DONE");
        return job;
    }

    static String jobOf(JsonObject activation) {
        String outcome = activation.getString("outcome");
        int at = outcome.indexOf("job ") + 4;
        return outcome.substring(at, at + 36);
    }

    static JsonObject json(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return Json.createReader(new StringReader(response.body())).readObject();
    }
}
