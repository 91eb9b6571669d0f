package app.confidant.platform;

import static org.assertj.core.api.Assertions.assertThat;

import app.confidant.crypto.PreviousReleaseRows;
import app.confidant.security.Personas;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The rolling upgrade's database half (deploy/UPGRADE.md): data written under the previous release's schema
 * survives the new migrations and reads back through the new release unchanged.
 *
 * <p>A server populates a database with parties and invoices (sealed by its HSM token). A second schema is migrated
 * only up to {@link #PREVIOUS_RELEASE}, and the rows are copied into it — only the columns that schema has, as the
 * previous release would have written them. Then a server with the same token starts on that schema, applies every
 * newer migration, and must serve every invoice exactly as before.
 */
class UpgradeIT {

    /** The last migration of the release in production; raise it when a release ships (deploy/UPGRADE.md). */
    static final String PREVIOUS_RELEASE = "11";

    @Test
    void everyInvoiceReadsBackAfterMigratingFromThePreviousRelease() throws Exception {
        TestDatabase.UPGRADE_SOURCE.resetSchema();
        Map<String, JsonObject> written = new LinkedHashMap<>();
        String clerk;
        Path token;
        try (ConfidantServer previous = ConfidantServer.start("upgrade", TestDatabase.UPGRADE_SOURCE.serverEnvironment())) {
            token = previous.state();
            Personas people = Personas.forTenant(previous, UUID.randomUUID());
            clerk = people.token("CLERK");
            populate(previous, clerk, people.token("APPROVER"), people.token("ACCOUNTANT"));
            for (JsonValue invoice : array(previous.send("GET", "/api/v1/invoices?limit=100", clerk, null))) {
                String id = invoice.asJsonObject().getString("id");
                written.put(id, object(previous.send("GET", "/api/v1/invoices/" + id, clerk, null)));
            }
            for (JsonValue party : array(previous.send("GET", "/api/v1/parties", clerk, null))) {
                String id = party.asJsonObject().getString("id");
                written.put(id, object(previous.send("GET", "/api/v1/parties/" + id, clerk, null)));
            }
        }
        assertThat(written).hasSize(4);
        asThePreviousReleaseStoredThem(token, TestDatabase.UPGRADE_SOURCE);

        TestDatabase.UPGRADE_TARGET.resetSchema();
        migrate(TestDatabase.UPGRADE_TARGET, MigrationVersion.fromVersion(PREVIOUS_RELEASE));
        copyRows(TestDatabase.UPGRADE_SOURCE.schema(), TestDatabase.UPGRADE_TARGET.schema());
        int before = appliedMigrations(TestDatabase.UPGRADE_TARGET.schema());

        try (ConfidantServer next = ConfidantServer.start("upgrade", TestDatabase.UPGRADE_TARGET.serverEnvironment())) {
            assertThat(appliedMigrations(TestDatabase.UPGRADE_TARGET.schema()))
                    .as("the new release applies migrations newer than " + PREVIOUS_RELEASE).isGreaterThan(before);
            List<String> listed = new ArrayList<>();
            array(next.send("GET", "/api/v1/invoices?limit=100", clerk, null))
                    .forEach(v -> listed.add(v.asJsonObject().getString("id")));
            assertThat(listed).containsExactlyInAnyOrderElementsOf(written.entrySet().stream()
                    .filter(e -> e.getValue().containsKey("kind")).map(Map.Entry::getKey).toList());
            // the background sealing starts with the server and may have rewritten a row already (a new version)
            assertReadBack(next, clerk, written, "version");
            // the former plain values are sealed in the background, and everything still reads the same
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(120);
            while (formerlyPlainValues(TestDatabase.UPGRADE_TARGET.schema()) > 0 && System.nanoTime() < deadline) {
                Thread.sleep(1000);
            }
            assertThat(formerlyPlainValues(TestDatabase.UPGRADE_TARGET.schema())).isZero();
            assertReadBack(next, clerk, written, "version"); // sealing rewrote the rows: a new ETag
        }
    }

    /** Every record reads back as written, but for the fields named (which a rewrite of the row changes). */
    private static void assertReadBack(ConfidantServer server, String clerk, Map<String, JsonObject> written,
            String... changing) throws Exception {
        for (Map.Entry<String, JsonObject> entry : written.entrySet()) {
            String kind = entry.getValue().containsKey("kind") ? "invoices" : "parties";
            JsonObject read = object(server.send("GET", "/api/v1/" + kind + "/" + entry.getKey(), clerk, null));
            assertThat(without(read, changing)).isEqualTo(without(entry.getValue(), changing));
        }
    }

    private static JsonObject without(JsonObject object, String... fields) {
        var copy = Json.createObjectBuilder(object);
        for (String field : fields) {
            copy.remove(field);
        }
        return copy.build();
    }

    /** Plain values the previous release kept in columns that this release seals (city, references, reasons). */
    private static long formerlyPlainValues(String schema) throws SQLException {
        try (Connection admin = TestDatabase.connectAsAdministrator(); Statement sql = admin.createStatement();
             ResultSet count = sql.executeQuery("SELECT (SELECT count(*) FROM " + schema + ".party WHERE city IS NOT"
                     + " NULL OR postcode IS NOT NULL) + (SELECT count(*) FROM " + schema + ".invoice WHERE"
                     + " buyer_reference IS NOT NULL OR rejection_reason IS NOT NULL) + (SELECT count(*) FROM "
                     + schema + ".payment WHERE reference IS NOT NULL)")) {
            count.next();
            return count.getLong(1);
        }
    }

    /**
     * Rewrites the rows of {@code database} as the previous release stored them (format 1 envelopes at seal sequence
     * 0, city, postcode, references and reasons in plain columns), in the server's token ({@link PreviousReleaseRows}
     * in its own JVM); checks that there was something to move.
     */
    private static void asThePreviousReleaseStoredThem(Path state, TestDatabase database) throws Exception {
        String output = TokenProcess.run(state, database, PreviousReleaseRows.class);
        assertThat(output).as(output).containsPattern("rewritten \\d+");
        assertThat(formerlyPlainValues(database.schema())).as("values in former plain columns").isEqualTo(5);
    }

    private static void populate(ConfidantServer server, String clerk, String approver, String accountant)
            throws Exception {
        String party = object(server.send("POST", "/api/v1/parties", clerk, Json.createObjectBuilder()
                .add("legalName", "Upgrade Buyer AG").add("country", "DE").add("taxId", "DE 811 907 980")
                .add("city", "Hamburg").add("postcode", "20095")
                .add("iban", "DE89 3704 0044 0532 0130 00").build().toString())).getString("id");
        List<String> ids = new ArrayList<>();
        for (String note : List.of("draft survives", "issued survives", "approved survives")) {
            String body = Json.createObjectBuilder().add("partyId", party).add("currency", "EUR").add("note", note)
                    .add("buyerReference", "Case 4711 " + note)
                    .add("lines", Json.createArrayBuilder().add(Json.createObjectBuilder()
                            .add("description", "Confidential consulting: " + note)
                            .add("quantity", Json.createValue(new java.math.BigDecimal("2")))
                            .add("unitCode", "HUR").add("unitPrice", Json.createValue(new java.math.BigDecimal("120.50")))
                            .add("taxCategory", "S").add("taxRate", Json.createValue(new java.math.BigDecimal("19")))))
                    .build().toString();
            ids.add(object(server.send("POST", "/api/v1/invoices", clerk, body)).getString("id"));
        }
        for (String id : ids.subList(1, 3)) {
            object(server.send("POST", "/api/v1/invoices/" + id + "/submit", approver, null));
            object(server.send("POST", "/api/v1/invoices/" + id + "/approve", approver, null));
        }
        object(server.send("POST", "/api/v1/invoices/" + ids.get(1) + "/issue", approver, null));
        object(server.send("POST", "/api/v1/invoices/" + ids.get(1) + "/payments", accountant,
                "{\"amount\":10.00,\"paidOn\":\"2026-12-01\",\"method\":\"CREDIT_TRANSFER\",\"reference\":\"SEPA 4711\"}"));
        object(server.send("POST", "/api/v1/invoices/" + ids.get(0) + "/submit", approver, null));
        object(server.send("POST", "/api/v1/invoices/" + ids.get(0) + "/reject", approver,
                "{\"reason\":\"Patient case number is wrong\"}"));
    }

    private static void migrate(TestDatabase database, MigrationVersion target) {
        PGSimpleDataSource owner = new PGSimpleDataSource();
        owner.setUrl(TestDatabase.url());
        owner.setUser(database.ownerRole());
        owner.setPassword(database.ownerPassword());
        owner.setCurrentSchema(database.schema());
        Flyway.configure(UpgradeIT.class.getClassLoader()).dataSource(owner).schemas(database.schema())
                .defaultSchema(database.schema()).createSchemas(false).locations("classpath:db/migration")
                .placeholders(Map.of("appRole", database.appRole(), "binary", "BYTEA")).target(target)
                .load().migrate();
    }

    /** Copies every table the older schema has, restricted to the columns it has; constraints checked as usual. */
    private static void copyRows(String from, String to) throws SQLException {
        try (Connection admin = TestDatabase.connectAsAdministrator(); Statement sql = admin.createStatement()) {
            admin.setAutoCommit(false);
            sql.execute("SET LOCAL session_replication_role = replica"); // foreign keys: tables copied in any order
            for (String table : tables(admin, to)) {
                Set<String> columns = columns(admin, to, table);
                columns.retainAll(columns(admin, from, table));
                String list = String.join(", ", columns);
                sql.execute("INSERT INTO " + to + "." + table + " (" + list + ") SELECT " + list + " FROM " + from + "."
                        + table);
            }
            admin.commit();
        }
    }

    private static List<String> tables(Connection connection, String schema) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rows = connection.getMetaData().getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (rows.next()) {
                if (!rows.getString("TABLE_NAME").equals("flyway_schema_history")) {
                    tables.add(rows.getString("TABLE_NAME"));
                }
            }
        }
        return tables;
    }

    private static Set<String> columns(Connection connection, String schema, String table) throws SQLException {
        Set<String> columns = new LinkedHashSet<>();
        try (ResultSet rows = connection.getMetaData().getColumns(null, schema, table, "%")) {
            while (rows.next()) {
                columns.add(rows.getString("COLUMN_NAME"));
            }
        }
        return columns;
    }

    private static int appliedMigrations(String schema) throws SQLException {
        try (Connection admin = TestDatabase.connectAsAdministrator(); Statement sql = admin.createStatement();
             ResultSet count = sql.executeQuery("SELECT count(*) FROM " + schema
                     + ".flyway_schema_history WHERE success AND version IS NOT NULL")) {
            count.next();
            return count.getInt(1);
        }
    }

    private static JsonObject object(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private static List<JsonValue> array(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.createReader(new StringReader(response.body())).readArray();
    }
}
