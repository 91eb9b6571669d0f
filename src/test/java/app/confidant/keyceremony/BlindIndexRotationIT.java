package app.confidant.keyceremony;

import static app.confidant.keyceremony.Ceremonies.json;
import static org.assertj.core.api.Assertions.assertThat;

import app.confidant.platform.ConfidantServer;
import app.confidant.platform.TestDatabase;
import app.confidant.security.Personas;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Rotating a tenant's blind-index key under dual control while its clerks search and write: every search finds
 * exactly the parties with that tax id or e-mail, before, during and after the re-indexing job, and after the old
 * version is destroyed.
 */
class BlindIndexRotationIT {

    private static final int PARTIES = 60;
    private static final String SHARED_TAX_ID = "DE 811 907 980";
    private static final String BIDX = "BLIND_INDEX";

    /** Stored index columns of one party row. */
    private record Row(String taxIdIndex, String emailIndex, int version) {
    }

    @Test
    void searchFindsTheRightPartiesThroughoutABlindIndexKeyRotation() throws Exception {
        ConfidantServer server = ConfidantServer.shared();
        Ceremonies ceremonies = new Ceremonies(server);
        UUID tenant = UUID.randomUUID();
        String clerk = Personas.forTenant(server, tenant).token("CLERK");
        Map<String, Set<String>> byTaxId = new ConcurrentHashMap<>();
        Map<String, String> emails = new ConcurrentHashMap<>();
        for (int i = 0; i < PARTIES; i++) {
            create(server, clerk, byTaxId, emails, "ATU" + (10_000_000 + i), "before." + i + "@example.com");
        }
        create(server, clerk, byTaxId, emails, SHARED_TAX_ID, null);
        create(server, clerk, byTaxId, emails, "de811907980", null); // the same tax id, spelt differently
        String unindexed = json(server.send("POST", "/api/v1/parties", clerk,
                "{\"legalName\":\"No tax id Ltd\",\"country\":\"AT\"}"), 201).getString("id");
        assertThat(search(server, clerk, "taxId", "DE811907980")).hasSize(2);
        Map<String, Row> before = rows(tenant);
        assertThat(before.values()).extracting(Row::version).containsOnly(1);

        List<String> failures = new CopyOnWriteArrayList<>();
        AtomicBoolean rotating = new AtomicBoolean(true);
        ExecutorService traffic = Executors.newFixedThreadPool(2);
        Future<?> writer = traffic.submit(() -> {
            for (int i = 0; rotating.get(); i++) {
                try {
                    create(server, clerk, byTaxId, emails, "NEW" + (20_000_000 + i), "during." + i + "@example.com");
                } catch (Exception | AssertionError e) {
                    failures.add("write: " + e.getMessage());
                }
            }
            return null;
        });
        Future<?> reader = traffic.submit(() -> {
            while (rotating.get()) {
                try {
                    searchEveryWay(server, clerk, byTaxId, emails, failures, 3);
                } catch (Exception | AssertionError e) {
                    failures.add("search: " + e.getMessage());
                }
            }
            return null;
        });

        assertThat(ceremonies.carryOut("GENERATE", BIDX, tenant, null).getString("outcome"))
                .contains("generated bidx-" + tenant + "-v2");
        JsonObject activation = ceremonies.carryOut("ACTIVATE", BIDX, tenant, 2);
        assertThat(activation.getString("outcome")).contains("activated bidx-" + tenant + "-v2")
                .contains("re-indexing job");
        String created = json(server.send("POST", "/api/v1/parties", clerk,
                "{\"legalName\":\"After activation GmbH\",\"taxId\":\"ATU99999999\",\"country\":\"AT\"}"), 201)
                .getString("id");
        byTaxId.put("ATU99999999", Set.of(created));
        HttpResponse<String> earlyRetire = proposeAndApprove(ceremonies, "RETIRE", tenant, 1);
        assertThat(earlyRetire.statusCode()).as(earlyRetire.body()).isEqualTo(409);
        JsonObject job = ceremonies.awaitJob(tenant, Ceremonies.jobOf(activation), Duration.ofMinutes(3));
        rotating.set(false);
        writer.get();
        reader.get();
        traffic.shutdown();

        assertThat(failures).isEmpty();
        assertThat(job.getString("purpose")).isEqualTo(BIDX);
        assertThat(job.getJsonNumber("done").longValue()).isGreaterThanOrEqualTo(PARTIES);
        Map<String, Row> after = rows(tenant);
        assertThat(after.values()).extracting(Row::version).containsOnly(2);
        for (Map.Entry<String, Row> old : before.entrySet()) {
            Row now = after.get(old.getKey());
            if (old.getKey().equals(unindexed)) {
                assertThat(now.taxIdIndex()).isNull();
                continue;
            }
            assertThat(now.taxIdIndex()).as("tax id index of " + old.getKey()).isNotEqualTo(old.getValue().taxIdIndex());
        }
        assertThat(after.get(created).version()).isEqualTo(2);
        searchEveryWay(server, clerk, byTaxId, emails, failures, Integer.MAX_VALUE);
        assertThat(failures).isEmpty();
        assertThat(ceremonies.blindIndexKey(tenant, 1).getJsonNumber("storedValues").longValue()).isZero();
        assertThat(ceremonies.blindIndexKey(tenant, 2).getJsonNumber("storedValues").longValue())
                .isEqualTo(after.size());

        // A node that had not yet seen the activation wrote one row with v1 after the job's last pass.
        String straggler = byTaxId.get("ATU10000000").iterator().next();
        restore(straggler, before.get(straggler));
        HttpResponse<String> inUse = proposeAndApprove(ceremonies, "RETIRE", tenant, 1);
        assertThat(json(inUse, 409).getString("code")).isEqualTo("key-in-use");
        assertThat(search(server, clerk, "taxId", "ATU10000000")).containsExactly(straggler);
        restore(straggler, after.get(straggler));

        assertThat(ceremonies.carryOut("RETIRE", BIDX, tenant, 1).getString("outcome"))
                .contains("retired bidx-" + tenant + "-v1");
        assertThat(ceremonies.carryOut("DESTROY", BIDX, tenant, 1).getString("outcome")).contains("destroyed");
        JsonObject v1 = ceremonies.blindIndexKey(tenant, 1);
        assertThat(v1.getString("state")).isEqualTo("DESTROYED");
        assertThat(v1.getBoolean("inToken")).isFalse();
        searchEveryWay(server, clerk, byTaxId, emails, failures, Integer.MAX_VALUE);
        assertThat(failures).isEmpty();
        String afterDestroy = json(server.send("POST", "/api/v1/parties", clerk,
                "{\"legalName\":\"After destruction SE\",\"taxId\":\"SE556677889901\",\"country\":\"SE\"}"), 201)
                .getString("id");
        assertThat(search(server, clerk, "taxId", "se 556677889901")).containsExactly(afterDestroy);
        assertThat(rows(tenant).get(afterDestroy).version()).isEqualTo(2);
        assertThat(server.get("/health/ready").statusCode()).isEqualTo(200);
    }

    private static HttpResponse<String> proposeAndApprove(Ceremonies ceremonies, String kind, UUID tenant,
            int version) throws Exception {
        String id = json(ceremonies.propose(ceremonies.custodianA(tenant), kind, BIDX, tenant, version, null), 201)
                .getString("id");
        return ceremonies.approve(ceremonies.custodianB(tenant), id);
    }

    /** Searches {@code samples} random tax ids and e-mails (all of them with MAX_VALUE); records every mismatch. */
    private static void searchEveryWay(ConfidantServer server, String clerk, Map<String, Set<String>> byTaxId,
            Map<String, String> emails, List<String> failures, int samples) throws Exception {
        List<Map.Entry<String, Set<String>>> taxIds = List.copyOf(byTaxId.entrySet());
        List<Map.Entry<String, String>> mails = List.copyOf(emails.entrySet());
        for (int i = 0; i < Math.min(samples, taxIds.size()); i++) {
            var expected = samples == Integer.MAX_VALUE ? taxIds.get(i)
                    : taxIds.get(ThreadLocalRandom.current().nextInt(taxIds.size()));
            List<String> found = search(server, clerk, "taxId", expected.getKey());
            if (!Set.copyOf(found).equals(expected.getValue()) || found.size() != expected.getValue().size()) {
                failures.add("taxId " + expected.getKey() + ": found " + found + ", expected " + expected.getValue());
            }
        }
        for (int i = 0; i < Math.min(samples, mails.size()); i++) {
            var expected = samples == Integer.MAX_VALUE ? mails.get(i)
                    : mails.get(ThreadLocalRandom.current().nextInt(mails.size()));
            List<String> found = search(server, clerk, "email", expected.getKey().toUpperCase());
            if (!found.equals(List.of(expected.getValue()))) {
                failures.add("email " + expected.getKey() + ": found " + found + ", expected " + expected.getValue());
            }
        }
    }

    private static List<String> search(ConfidantServer server, String clerk, String parameter, String value)
            throws Exception {
        HttpResponse<String> response = server.send("GET", "/api/v1/parties?limit=100&" + parameter + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8), clerk, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.createReader(new StringReader(response.body())).readArray().stream()
                .map(JsonValue::asJsonObject).map(p -> p.getString("id")).toList();
    }

    private static void create(ConfidantServer server, String clerk, Map<String, Set<String>> byTaxId,
            Map<String, String> emails, String taxId, String email) throws Exception {
        var body = Json.createObjectBuilder().add("legalName", "Party " + taxId).add("taxId", taxId)
                .add("country", "AT");
        if (email != null) {
            body.add("email", email);
        }
        String id = json(server.send("POST", "/api/v1/parties", clerk, body.build().toString()), 201).getString("id");
        String key = taxId.replaceAll("[\\s./-]", "").toUpperCase();
        byTaxId.merge(key, Set.of(id), (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream())
                .collect(Collectors.toUnmodifiableSet()));
        if (email != null) {
            emails.put(email, id);
        }
    }

    /** The tenant's party rows as stored: index columns (hex) and the blind-index key version. */
    private static Map<String, Row> rows(UUID tenant) throws Exception {
        Map<String, Row> rows = new HashMap<>();
        try (Connection c = TestDatabase.SERVER.connectAsOwner(); PreparedStatement select = c.prepareStatement(
                "SELECT id, tax_id_index, email_index, index_key_version FROM party WHERE tenant_id = ?")) {
            select.setObject(1, tenant);
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    rows.put(r.getString(1), new Row(hex(r.getBytes(2)), hex(r.getBytes(3)), r.getInt(4)));
                }
            }
        }
        return rows;
    }

    /** Writes a row's index columns back as they were stored at some point (what a lagging node would write). */
    private static void restore(String id, Row row) throws Exception {
        try (Connection c = TestDatabase.SERVER.connectAsOwner(); PreparedStatement update = c.prepareStatement(
                "UPDATE party SET tax_id_index = ?, email_index = ?, index_key_version = ? WHERE id = ?")) {
            update.setBytes(1, row.taxIdIndex() == null ? null : HexFormat.of().parseHex(row.taxIdIndex()));
            update.setBytes(2, row.emailIndex() == null ? null : HexFormat.of().parseHex(row.emailIndex()));
            update.setInt(3, row.version());
            update.setObject(4, UUID.fromString(id));
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    private static String hex(byte[] bytes) {
        return bytes == null ? null : HexFormat.of().formatHex(bytes);
    }
}
