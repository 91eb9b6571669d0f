package app.confidant.keyceremony;

import static app.confidant.keyceremony.Ceremonies.json;
import static org.assertj.core.api.Assertions.assertThat;

import app.confidant.platform.ConfidantServer;
import app.confidant.platform.TestDatabase;
import app.confidant.security.Personas;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Rotating a tenant's data key while its clerks write and read: nothing becomes unreadable, at any point. */
class RotationIT {

    private static final int PARTIES = 150;

    @Test
    void rotationUnderConcurrentWritesAndReadsKeepsEveryValueReadableAndEmptiesTheOldVersion() throws Exception {
        ConfidantServer server = ConfidantServer.shared();
        Ceremonies ceremonies = new Ceremonies(server);
        UUID tenant = UUID.randomUUID();
        String clerk = Personas.forTenant(server, tenant).token("CLERK");
        Map<String, String> names = new ConcurrentHashMap<>();
        for (int i = 0; i < PARTIES; i++) {
            create(server, clerk, names, "Before rotation " + i);
        }
        // Read before the rotation, written after it: the job rewrote the row, so the edit must be refused (an
        // instance still sealing with the old version would otherwise store it under the new version number).
        HttpResponse<String> readBefore = server.send("POST", "/api/v1/parties", clerk,
                "{\"legalName\":\"Edited across the rotation\",\"country\":\"AT\"}");
        String editedId = json(readBefore, 201).getString("id");
        names.put(editedId, "Edited across the rotation");
        String etagBefore = readBefore.headers().firstValue("ETag").orElseThrow();
        List<String> failures = new CopyOnWriteArrayList<>();
        AtomicBoolean rotating = new AtomicBoolean(true);
        ExecutorService traffic = Executors.newFixedThreadPool(2);
        Future<?> writer = traffic.submit(() -> {
            int i = 0;
            while (rotating.get()) {
                try {
                    create(server, clerk, names, "During rotation " + i++);
                } catch (Exception | AssertionError e) {
                    failures.add("write: " + e.getMessage());
                }
            }
            return null;
        });
        Future<?> reader = traffic.submit(() -> {
            while (rotating.get()) {
                List<String> ids = List.copyOf(names.keySet());
                String id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
                HttpResponse<String> read = server.send("GET", "/api/v1/parties/" + id, clerk, null);
                if (read.statusCode() != 200 || !read.body().contains(names.get(id))) {
                    failures.add("read " + id + ": " + read.statusCode() + " " + read.body());
                }
            }
            return null;
        });

        ceremonies.carryOut("GENERATE", tenant, null);
        JsonObject activation = ceremonies.carryOut("ACTIVATE", tenant, 2);
        JsonObject job = ceremonies.awaitJob(tenant, Ceremonies.jobOf(activation), Duration.ofMinutes(3));
        rotating.set(false);
        writer.get();
        reader.get();
        traffic.shutdown();

        assertThat(failures).isEmpty();
        assertThat(job.getJsonNumber("done").longValue()).isEqualTo(job.getJsonNumber("total").longValue())
                .isGreaterThanOrEqualTo(PARTIES);
        assertThat(ceremonies.dataKey(tenant, 1).getJsonNumber("storedValues").longValue()).isZero();
        assertThat(ceremonies.dataKey(tenant, 2).getJsonNumber("storedValues").longValue()).isEqualTo(names.size());
        HttpResponse<String> staleEdit = server.sendWithHeader("PUT", "/api/v1/parties/" + editedId, clerk,
                "{\"legalName\":\"Stale edit\",\"country\":\"AT\"}", "If-Match", etagBefore);
        assertThat(json(staleEdit, 412).getString("code")).isEqualTo("stale-version");
        assertThat(ceremonies.carryOut("RETIRE", tenant, 1).getString("outcome")).contains("retired");
        assertThat(ceremonies.carryOut("DESTROY", tenant, 1).getString("outcome")).contains("destroyed");
        JsonObject v1 = ceremonies.dataKey(tenant, 1);
        assertThat(v1.getString("state")).isEqualTo("DESTROYED");
        assertThat(v1.getBoolean("inToken")).isFalse();
        for (Map.Entry<String, String> party : names.entrySet()) {
            HttpResponse<String> read = server.send("GET", "/api/v1/parties/" + party.getKey(), clerk, null);
            assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
            assertThat(read.body()).contains(party.getValue());
        }
        assertThat(server.get("/health/ready").statusCode()).isEqualTo(200);
    }

    @Test
    void aRowWhoseKeyVersionColumnWasChangedIsResealedAndCountedByItsEnvelopeSoDestroyLosesNothing() throws Exception {
        ConfidantServer server = ConfidantServer.shared();
        Ceremonies ceremonies = new Ceremonies(server);
        UUID tenant = UUID.randomUUID();
        String clerk = Personas.forTenant(server, tenant).token("CLERK");
        Map<String, String> names = new ConcurrentHashMap<>();
        for (int i = 0; i < 3; i++) {
            create(server, clerk, names, "Column tampered " + i);
        }
        String tampered = names.keySet().iterator().next();
        // a database administrator makes a version-1 row claim version 2 before a rotation to version 2
        try (java.sql.Connection db = TestDatabase.SERVER.connectAsOwner();
             java.sql.PreparedStatement update = db.prepareStatement(
                     "UPDATE party SET sealed_key_version = 2 WHERE id = ?")) {
            update.setObject(1, UUID.fromString(tampered));
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
        assertThat(json(server.send("GET", "/api/v1/parties/" + tampered, clerk, null), 500).getString("code"))
                .isEqualTo("sealed-value-corrupt");
        assertThat(ceremonies.dataKey(tenant, 1).getJsonNumber("storedValues").longValue()).isEqualTo(3);

        ceremonies.carryOut("GENERATE", tenant, null);
        ceremonies.awaitJob(tenant, Ceremonies.jobOf(ceremonies.carryOut("ACTIVATE", tenant, 2)), Duration.ofMinutes(3));

        assertThat(ceremonies.dataKey(tenant, 1).getJsonNumber("storedValues").longValue()).isZero();
        assertThat(ceremonies.carryOut("RETIRE", tenant, 1).getString("outcome")).contains("retired");
        assertThat(ceremonies.carryOut("DESTROY", tenant, 1).getString("outcome")).contains("destroyed");
        for (Map.Entry<String, String> party : names.entrySet()) {
            HttpResponse<String> read = server.send("GET", "/api/v1/parties/" + party.getKey(), clerk, null);
            assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
            assertThat(read.body()).contains(party.getValue());
        }
    }

    private static void create(ConfidantServer server, String clerk, Map<String, String> names, String name)
            throws Exception {
        HttpResponse<String> created = server.send("POST", "/api/v1/parties", clerk,
                "{\"legalName\":\"" + name + "\",\"taxId\":\"T-" + name.hashCode() + "\",\"country\":\"AT\"}");
        names.put(json(created, 201).getString("id"), name);
    }
}
