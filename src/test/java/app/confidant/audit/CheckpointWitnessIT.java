package app.confidant.audit;

import static org.assertj.core.api.Assertions.assertThat;

import app.confidant.platform.ConfidantServer;
import app.confidant.platform.TestDatabase;
import app.confidant.security.Personas;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The trail against its witness, attacked as a database administrator on PostgreSQL (the schema owner) on a server
 * and schema of its own: a deleted lane, a deleted trail, a truncated tail under an older head and a restored older
 * copy of the tables all verify intact as MAC chains yet are reported against the newest witnessed checkpoint. Each
 * case restores the tables it saved, and the untouched trail verifies intact again.
 */
class CheckpointWitnessIT {

    private static final List<String> TABLES = List.of("audit_event", "audit_chain", "audit_checkpoint");
    private static ConfidantServer server;
    private static Personas people;
    private static String auditor;
    private static String clerk;

    @BeforeAll
    static void start() throws Exception {
        server = ConfidantServer.startOnFreshSchema(TestDatabase.WITNESS, "audit-witness", Map.of(
                "CONFIDANT_AUDIT_CHECKPOINT_INTERVAL", "PT0.5S",
                "CONFIDANT_AUTH_ADDRESS_FAILURE_LIMIT", "1000"));
        people = Personas.forTenant(server, UUID.randomUUID());
        auditor = people.token("AUDITOR");
        clerk = people.token("CLERK");
        createParties(12);
        awaitWitnessed();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** Every case leaves the trail as it found it: intact, chains and witness. */
    @AfterEach
    void theRestoredTrailVerifiesIntact() throws Exception {
        JsonObject verdict = verify();
        assertThat(verdict.getBoolean("intact")).as(verdict.toString()).isTrue();
    }

    @Test
    void anUntouchedTrailVerifiesAgainstASignatureMadeWithTheExportedKey() throws Exception {
        createParties(2);
        awaitWitnessed();
        JsonObject verdict = verify();
        JsonObject witness = verdict.getJsonObject("witness");
        assertThat(verdict.getBoolean("intact")).as(verdict.toString()).isTrue();
        assertThat(witness.getJsonArray("problems")).isEmpty();
        assertThat(witness.getInt("lanesChecked")).isGreaterThanOrEqualTo(2);
        assertThat(witness.getString("checkpoint")).matches("checkpoint-\\d{12}\\.txt");

        HttpResponse<String> pem = server.send("GET", "/api/v1/audit/checkpoint-key", auditor, null);
        assertThat(pem.statusCode()).isEqualTo(200);
        X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.body().getBytes(StandardCharsets.US_ASCII)));
        assertThat(certificate.getPublicKey().getAlgorithm()).isEqualTo("EC");
        assertThat(Files.readString(witnessDir().resolve("audit-checkpoint-v1.pem"))).isEqualTo(pem.body());
        String text = Files.readString(witnessDir().resolve(witness.getString("checkpoint")));
        int blank = text.indexOf("\n\n");
        String[] signatureLine = text.substring(blank + 2).strip().split(" ");
        assertThat(signatureLine[0]).isEqualTo("\u2014");
        assertThat(signatureLine[1]).isEqualTo("audit-checkpoint-v1");
        Signature signature = Signature.getInstance("SHA256withECDSA");
        signature.initVerify(certificate.getPublicKey());
        signature.update(text.substring(0, blank + 1).getBytes(StandardCharsets.UTF_8));
        assertThat(signature.verify(Base64.getDecoder().decode(signatureLine[2]))).isTrue();
        // a changed size in the body no longer matches the signature
        signature.initVerify(certificate.getPublicKey());
        signature.update(text.substring(0, blank + 1).replaceFirst(" (\\d+) ", " 9$1 ").getBytes(StandardCharsets.UTF_8));
        assertThat(signature.verify(Base64.getDecoder().decode(signatureLine[2]))).isFalse();
    }

    @Test
    void aDeletedLaneIsNamed() throws Exception {
        String lane = businessLane();
        try (Connection turn = holdingTheCheckpointTurn()) {
            deleteAndRestore(lane);
        }
    }

    private static void deleteAndRestore(String lane) throws Exception {
        save("lane_rows", "SELECT * FROM audit_event WHERE node_id = '" + lane + "'");
        save("lane_head", "SELECT * FROM audit_chain WHERE node_id = '" + lane + "'");
        try {
            asOwner("DELETE FROM audit_event WHERE node_id = '" + lane + "'",
                    "DELETE FROM audit_chain WHERE node_id = '" + lane + "'");
            JsonObject verdict = verify();
            assertThat(verdict.getBoolean("intact")).isFalse();
            assertThat(chainNames(verdict)).as("the MAC chains alone no longer know the lane").doesNotContain(lane);
            assertThat(problems(verdict)).anyMatch(p -> p.startsWith("lane " + lane + " is missing"));
        } finally {
            asOwner("INSERT INTO audit_event SELECT * FROM lane_rows", "INSERT INTO audit_chain SELECT * FROM lane_head",
                    "DROP TABLE lane_rows", "DROP TABLE lane_head");
        }
    }

    @Test
    void aDeletedTrailIsNotIntact() throws Exception {
        try (Connection turn = holdingTheCheckpointTurn()) {
            deleteEverythingAndRestore();
        }
    }

    private static void deleteEverythingAndRestore() throws Exception {
        saveAll("everything_");
        try {
            asOwner("DELETE FROM audit_event", "DELETE FROM audit_chain");
            JsonObject verdict = verify();
            assertThat(verdict.getBoolean("intact")).as(verdict.toString()).isFalse();
            assertThat(problems(verdict)).anyMatch(p -> p.contains("is missing"));
        } finally {
            restoreAll("everything_");
        }
    }

    @Test
    void aTruncatedTailUnderAnOlderHeadIsNamed() throws Exception {
        save("old_heads", "SELECT * FROM audit_chain WHERE node_id LIKE '%#%'");
        createParties(9);
        awaitWitnessed();
        String lane = grownLane();
        long oldSeq = longQuery("SELECT last_seq FROM old_heads WHERE node_id = '" + lane + "'");
        try (Connection turn = holdingTheCheckpointTurn()) {
            truncateAndRestore(lane, oldSeq);
        }
    }

    private static void truncateAndRestore(String lane, long oldSeq) throws Exception {
        saveAll("tail_");
        try {
            asOwner("DELETE FROM audit_event WHERE node_id = '" + lane + "' AND seq > " + oldSeq,
                    "DELETE FROM audit_chain WHERE node_id = '" + lane + "'",
                    "INSERT INTO audit_chain SELECT * FROM old_heads WHERE node_id = '" + lane + "'");
            JsonObject verdict = verify();
            assertThat(verdict.getBoolean("intact")).isFalse();
            JsonObject chain = verdict.getJsonArray("chains").stream().map(v -> v.asJsonObject())
                    .filter(c -> c.getString("nodeId").equals(lane)).findFirst().orElseThrow();
            assertThat(chain.getBoolean("intact")).as("the older chain is consistent in itself").isTrue();
            assertThat(problems(verdict)).anyMatch(p -> p.startsWith("lane " + lane + ": the witness has")
                    && p.contains("the database only " + oldSeq));
        } finally {
            restoreAll("tail_");
            asOwner("DROP TABLE old_heads");
        }
    }

    @Test
    void anOlderCopyOfTheTablesIsARollback() throws Exception {
        try (Connection turn = holdingTheCheckpointTurn()) {
            saveAll("older_");
        }
        long olderCheckpoint = longQuery("SELECT coalesce(max(number), 0) FROM older_audit_checkpoint");
        createParties(5);
        awaitWitnessed();
        assertThat(newestWitnessed()).isGreaterThan(olderCheckpoint);
        try (Connection turn = holdingTheCheckpointTurn()) {
            rollBackAndRestore(olderCheckpoint);
        }
    }

    private static void rollBackAndRestore(long olderCheckpoint) throws Exception {
        saveAll("newer_");
        try {
            restoreAll("older_");
            JsonObject verdict = verify();
            assertThat(verdict.getBoolean("intact")).isFalse();
            assertThat(verdict.getJsonArray("chains").stream().map(v -> v.asJsonObject()))
                    .as("every chain of the older copy is consistent in itself")
                    .allMatch(c -> c.getBoolean("intact"));
            assertThat(problems(verdict)).anyMatch(p -> p.startsWith("rollback: the database's newest checkpoint is "
                    + olderCheckpoint));
        } finally {
            restoreAll("newer_");
            asOwner("DROP TABLE older_audit_event", "DROP TABLE older_audit_chain", "DROP TABLE older_audit_checkpoint");
        }
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private static void createParties(int count) throws Exception {
        for (int i = 0; i < count; i++) {
            String party = Json.createObjectBuilder().add("legalName", "Witness " + UUID.randomUUID())
                    .add("country", "FR").build().toString();
            HttpResponse<String> created = server.send("POST", "/api/v1/parties", clerk, party);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        }
    }

    private static JsonObject verify() throws Exception {
        HttpResponse<String> response = server.send("POST", "/api/v1/audit/verify", auditor, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private static List<String> problems(JsonObject verdict) {
        return verdict.getJsonObject("witness").getJsonArray("problems").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList();
    }

    private static List<String> chainNames(JsonObject verdict) {
        return verdict.getJsonArray("chains").stream().map(v -> v.asJsonObject().getString("nodeId")).toList();
    }

    private static Path witnessDir() {
        return server.state().resolve("witness");
    }

    private static long newestWitnessed() throws IOException {
        try (Stream<Path> files = Files.list(witnessDir())) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("checkpoint-\\d{12}\\.txt"))
                    .mapToLong(n -> Long.parseLong(n.substring(11, 23))).max().orElse(0);
        }
    }

    /** Waits until the newest witnessed checkpoint names every lane at its current head (polling, not timing). */
    private static void awaitWitnessed() throws Exception {
        for (int attempt = 0; attempt < 600; attempt++) {
            Map<String, Long> heads = new HashMap<>();
            try (Connection c = TestDatabase.WITNESS.connectAsOwner(); Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT node_id, last_seq FROM audit_chain")) {
                while (r.next()) {
                    heads.put(r.getString(1), r.getLong(2));
                }
            }
            long newest = newestWitnessed();
            if (newest > 0 && !heads.isEmpty()) {
                String text = Files.readString(witnessDir().resolve("checkpoint-%012d.txt".formatted(newest)));
                if (heads.entrySet().stream().allMatch(h -> text.contains("\n" + h.getKey() + " " + h.getValue() + " "))) {
                    return;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no checkpoint witnessed the current heads; see " + server.state().resolve("server.log"));
    }

    private static String businessLane() throws SQLException {
        try (Connection c = TestDatabase.WITNESS.connectAsOwner(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT node_id FROM audit_chain WHERE node_id LIKE '%#%' AND last_seq > 0"
                     + " ORDER BY last_seq DESC")) {
            assertThat(r.next()).as("a business lane with events").isTrue();
            return r.getString(1);
        }
    }

    /** A business lane whose head moved since old_heads was saved. */
    private static String grownLane() throws SQLException {
        try (Connection c = TestDatabase.WITNESS.connectAsOwner(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT h.node_id FROM audit_chain h JOIN old_heads o ON o.node_id = h.node_id"
                     + " WHERE h.last_seq > o.last_seq ORDER BY h.node_id")) {
            assertThat(r.next()).as("a lane that grew").isTrue();
            return r.getString(1);
        }
    }

    private static long longQuery(String sql) throws SQLException {
        try (Connection c = TestDatabase.WITNESS.connectAsOwner(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static void save(String table, String select) throws SQLException {
        asOwner("DROP TABLE IF EXISTS " + table, "CREATE TABLE " + table + " AS " + select);
    }

    private static void saveAll(String prefix) throws SQLException {
        for (String table : TABLES) {
            save(prefix + table, "SELECT * FROM " + table);
        }
    }

    /** Puts the saved copies back in place of the tables' rows, as a restore from a backup would. */
    private static void restoreAll(String prefix) throws SQLException {
        asOwner("DELETE FROM audit_event", "DELETE FROM audit_chain", "DELETE FROM audit_checkpoint",
                "INSERT INTO audit_event SELECT * FROM " + prefix + "audit_event",
                "INSERT INTO audit_chain SELECT * FROM " + prefix + "audit_chain",
                "INSERT INTO audit_checkpoint SELECT * FROM " + prefix + "audit_checkpoint");
        if (!prefix.equals("older_")) {
            for (String table : TABLES) {
                asOwner("DROP TABLE " + prefix + table);
            }
        }
    }

    /**
     * Holds the checkpointer's turn (its row lock) until closed: no checkpoint is made while a case tampers and
     * restores. Otherwise the witness would, rightly, keep what it saw of the tampered state (the event the
     * verification itself records), and the restore would look like a rollback for ever after.
     */
    private static Connection holdingTheCheckpointTurn() throws SQLException {
        Connection c = TestDatabase.WITNESS.connectAsOwner();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.executeQuery("SELECT id FROM audit_checkpoint_turn FOR UPDATE").close();
        }
        return c;
    }

    /** Runs the statements in one transaction as the schema owner. */
    private static void asOwner(String... statements) throws SQLException {
        try (Connection c = TestDatabase.WITNESS.connectAsOwner()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                for (String statement : statements) {
                    s.execute(statement);
                }
            }
            c.commit();
        }
    }
}
