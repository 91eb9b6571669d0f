package app.confidant.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.confidant.audit.Actor;
import app.confidant.audit.AuditEntry;
import app.confidant.audit.AuditLog;
import app.confidant.audit.AuditVerifier;
import app.confidant.crypto.FieldCipher;
import app.confidant.crypto.HsmCounters;
import app.confidant.crypto.HsmHealthCheck;
import app.confidant.crypto.HsmLivenessCheck;
import app.confidant.crypto.HsmUnavailableException;
import app.confidant.crypto.SealedValueException;
import app.confidant.crypto.SealingContext;
import app.confidant.crypto.TokenInspector;
import app.confidant.platform.InContainer;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sensitive party fields are sealed inside SoftHSM2 by the entity listener and stored only as ciphertext in
 * PostgreSQL; runs inside a real Payara Micro.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PartySealingIT {

    static {
        InContainer.prepare();
    }

    @Deployment
    static WebArchive deployment() {
        return InContainer.deployment(PartyFixture.class, InContainer.class, TokenInspector.class,
                TokenInspector.KeyObject.class);
    }

    @Inject
    PartyFixture fixture;

    @Inject
    FieldCipher cipher;

    @Inject
    AuditLog auditLog;

    @Inject
    AuditVerifier verifier;

    /** Arquillian's request, which this test's calls run in: an auditor is put into it to verify (deny by default). */
    @Inject
    jakarta.servlet.http.HttpServletRequest request;

    @Inject
    HsmCounters counters;

    @Inject
    @Readiness
    HsmHealthCheck hsmHealth;

    @Inject
    @Liveness
    HsmLivenessCheck hsmLiveness;

    @Test
    void everySensitiveAttributeRoundTripsAndNoColumnOrLogHoldsItsPlaintext() throws Exception {
        UUID tenant = UUID.randomUUID();
        String canary = "CANARY" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
        UUID id = fixture.create(tenant, canary);

        Map<String, String> read = fixture.read(tenant, id, p -> Map.of("legalName", p.legalName(),
                "tradingName", p.tradingName(), "taxId", p.taxId(), "addressLines", p.addressLines(),
                "email", p.email(), "phone", p.phone(), "iban", p.iban(), "notes", p.notes()));
        assertThat(read).containsEntry("legalName", "Legal " + canary)
                .containsEntry("tradingName", "Trading " + canary)
                .containsEntry("taxId", "DE 123 456 " + canary)
                .containsEntry("addressLines", "Street 1 " + canary + "\nFloor 2")
                .containsEntry("email", "Billing." + canary + "@Example.com")
                .containsEntry("phone", "+49 30 " + canary)
                .containsEntry("iban", "DE89 3704 0044 0532 0130 00 " + canary)
                .containsEntry("notes", "Notes " + canary);

        assertThat(columnsContaining(canary)).isEmpty();
        assertThat(columnsContaining(canary.toLowerCase())).isEmpty();
        assertThat(InContainer.serverLog()).contains("HSM session open").doesNotContain(canary);
        assertThat(fixture.<String>read(tenant, id, Party::toString)).doesNotContain(canary);
    }

    @Test
    void updatingOnlyOneSensitiveFieldPersistsItAndKeepsTheOthers() {
        UUID tenant = UUID.randomUUID();
        UUID id = fixture.create(tenant, "U1");

        fixture.update(tenant, id, p -> p.iban("NL91 ABNA 0417 1643 00"));

        assertThat(fixture.<Object>read(tenant, id, Party::iban)).isEqualTo("NL91 ABNA 0417 1643 00");
        assertThat(fixture.<Object>read(tenant, id, Party::legalName)).isEqualTo("Legal U1");
        assertThat(fixture.<Object>read(tenant, id, Party::rowVersion)).isEqualTo(2L);
    }

    @Test
    void readingOnlyNonSensitiveDataPerformsNoDecryption() {
        UUID tenant = UUID.randomUUID();
        UUID id = fixture.create(tenant, "M1");
        long opensBefore = counters.opens();

        String country = fixture.read(tenant, id, p -> p.country() + p.sealedKeyVersion() + p.ibanMask());

        assertThat(country).startsWith("DE1DE**"); // country, key version and the IBAN's mask: plain columns
        assertThat(counters.opens()).isEqualTo(opensBefore);
        String address = fixture.read(tenant, id, p -> p.city() + " " + p.postcode()); // sealed since city and postcode
        assertThat(address).isEqualTo("Berlin 10115");
        assertThat(counters.opens()).isEqualTo(opensBefore + 1);
    }

    @Test
    void allSensitiveFieldsOfAnEntityAreSealedWithOneHsmOperation() {
        long sealsBefore = counters.seals();
        long macsBefore = counters.macs();

        fixture.create(UUID.randomUUID(), "S1");

        assertThat(counters.seals() - sealsBefore).isEqualTo(1);
        assertThat(counters.macs() - macsBefore).isEqualTo(2); // blind indexes of tax id and e-mail
    }

    @Test
    void sealedValuesOpenOnlyInTheirOwnRowEntityTypeAndTenant() throws Exception {
        UUID tenant = UUID.randomUUID();
        UUID first = fixture.create(tenant, "A1");
        UUID second = fixture.create(tenant, "A2");
        byte[] sealed = sealedFields(first);

        assertThatThrownBy(() -> cipher.open(new SealingContext("party", second, tenant, 1), sealed))
                .isInstanceOf(SealedValueException.class);
        assertThatThrownBy(() -> cipher.open(new SealingContext("invoice", first, tenant, 1), sealed))
                .isInstanceOf(SealedValueException.class);
        UUID otherTenant = UUID.randomUUID();
        fixture.create(otherTenant, "B1"); // the other tenant has keys of its own
        assertThatThrownBy(() -> cipher.open(new SealingContext("party", first, otherTenant, 1), sealed))
                .isInstanceOf(SealedValueException.class);
        for (int position : new int[] {1, 20, sealed.length - 1}) {
            byte[] flipped = sealed.clone();
            flipped[position] ^= 0x01;
            assertThatThrownBy(() -> cipher.open(new SealingContext("party", first, tenant, 1), flipped))
                    .as("byte %d flipped", position).isInstanceOf(SealedValueException.class);
        }
        assertThat(cipher.open(new SealingContext("party", first, tenant, 1), sealed)).containsEntry("notes", "Notes A1");

        copySealedFields(first, second);
        assertThatThrownBy(() -> fixture.read(tenant, second, Party::legalName))
                .isInstanceOf(SealedValueException.class);
    }

    @Test
    void anOlderEnvelopeOfTheSameRowWrittenBackDoesNotOpen() throws Exception {
        UUID tenant = UUID.randomUUID();
        UUID id = fixture.create(tenant, "R1");
        byte[] before = sealedFields(id);
        fixture.update(tenant, id, p -> p.iban("DE02 1203 0000 0000 2020 51"));
        String iban = fixture.read(tenant, id, Party::iban);
        assertThat(iban).isEqualTo("DE02 1203 0000 0000 2020 51");

        writeSealedFields(id, before); // what a database administrator could do with a backup or the WAL
        assertThatThrownBy(() -> fixture.read(tenant, id, Party::iban))
                .isInstanceOfSatisfying(SealedValueException.class, e -> assertThat(e.entityId()).isEqualTo(id));
    }

    @Test
    void aKeyVersionColumnThatDisagreesWithTheEnvelopeDoesNotOpen() throws Exception {
        UUID tenant = UUID.randomUUID();
        UUID id = fixture.create(tenant, "K1");
        sql("UPDATE party SET sealed_key_version = sealed_key_version + 1 WHERE id = ?", id);
        assertThatThrownBy(() -> fixture.read(tenant, id, Party::legalName))
                .isInstanceOfSatisfying(SealedValueException.class, e -> {
                    assertThat(e.entityId()).isEqualTo(id);
                    assertThat(e.getMessage()).contains("key version");
                });
        sql("UPDATE party SET sealed_key_version = sealed_key_version - 1 WHERE id = ?", id);
        String name = fixture.read(tenant, id, Party::legalName);
        assertThat(name).isEqualTo("Legal K1");
    }

    @Test
    void aCopiedBlindIndexDoesNotReturnAnotherParty() throws Exception {
        UUID tenant = UUID.randomUUID();
        UUID first = fixture.create(tenant, "I1");
        UUID second = fixture.create(tenant, "I2");
        sql("UPDATE party SET tax_id_index = (SELECT tax_id_index FROM party WHERE id = '" + first
                + "'), email_index = (SELECT email_index FROM party WHERE id = '" + first + "') WHERE id = ?", second);

        assertThat(fixture.findByTaxId(tenant, "DE 123 456 I1")).containsExactly(first);
        assertThat(fixture.findByEmail(tenant, "billing.i1@example.com")).containsExactly(first);
        assertThat(fixture.findByTaxId(tenant, "DE 123 456 I2")).isEmpty(); // its index is gone: not found, not wrong
    }

    @Test
    void blindIndexesFindExactMatchesWithinTheTenantOnly() {
        UUID tenant = UUID.randomUUID();
        UUID id = fixture.create(tenant, "X9");
        fixture.create(tenant, "Y9");

        assertThat(fixture.findByTaxId(tenant, "de123456x9")).containsExactly(id);
        assertThat(fixture.findByEmail(tenant, "  billing.x9@example.COM ")).containsExactly(id);
        assertThat(fixture.findByTaxId(tenant, "DE123456X")).isEmpty();
        assertThat(fixture.findByTaxId(UUID.randomUUID(), "DE123456X9")).isEmpty();
    }

    @Test
    void theSharedCacheNeverHoldsSealedEntities() {
        UUID tenant = UUID.randomUUID();
        UUID id = fixture.create(tenant, "C1");
        fixture.read(tenant, id, Party::legalName);

        assertThat(fixture.inSharedCache(id)).isFalse();
    }

    @Test
    void sixteenThreadsSealAndOpenConcurrentlyWithoutErrors() throws Exception {
        UUID tenant = UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        AtomicInteger checked = new AtomicInteger();
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int thread = 0; thread < 16; thread++) {
                int t = thread;
                work.add(pool.submit(() -> {
                    for (int i = 0; i < 150; i++) {
                        UUID entity = UUID.randomUUID();
                        String value = "value-" + t + "-" + i;
                        SealingContext context = new SealingContext("party", entity, tenant, 1);
                        byte[] sealed = cipher.seal(context, Map.of("notes", value));
                        assertThat(cipher.open(context, sealed)).containsEntry("notes", value);
                        checked.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(checked.get()).isEqualTo(2400);
    }

    @Test
    void generatedDataKeysStayInsideTheTokenSensitiveAndNeverExtractable() throws Exception {
        fixture.create(UUID.randomUUID(), "K1");
        List<TokenInspector.KeyObject> keys = TokenInspector.secretKeys(InContainer.home().resolve("hsm"),
                InContainer.home().resolve("secrets/confidant.hsm.pin"));

        assertThat(keys).extracting(TokenInspector.KeyObject::label)
                .anyMatch(l -> l.startsWith("dek-")).anyMatch(l -> l.startsWith("bidx-"));
        assertThat(keys).allSatisfy(key -> assertThat(key.sensitive() && key.neverExtractable())
                .as("%s: %s", key.label(), key.access()).isTrue());
    }

    @Test
    void theRegistryRecordsEachTenantKeyWithCheckValueAndReservedInvocations() throws Exception {
        UUID tenant = UUID.randomUUID();
        fixture.create(tenant, "N1");
        try (Connection c = fixture.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT purpose, version, label, state, kcv,"
                     + " invocations_reserved FROM data_key WHERE tenant_id = ? ORDER BY purpose")) {
            s.setObject(1, tenant);
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.next()).isTrue();
                assertThat(r.getString("purpose")).isEqualTo("BLIND_INDEX");
                assertThat(r.getString("label")).isEqualTo("bidx-" + tenant + "-v1");
                assertThat(r.next()).isTrue();
                assertThat(r.getString("purpose")).isEqualTo("SEAL");
                assertThat(r.getInt("version")).isEqualTo(1);
                assertThat(r.getString("label")).isEqualTo("dek-" + tenant + "-v1");
                assertThat(r.getString("state")).isEqualTo("ACTIVE");
                assertThat(r.getString("kcv")).matches("[0-9a-f]{6}");
                assertThat(r.getLong("invocations_reserved")).isEqualTo(10_000L); // one block, one seal used
                assertThat(r.next()).isFalse();
            }
        }
    }

    @Test
    void twoNodesWriteTheirOwnChainsConcurrentlyAndBothVerify() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String node = i % 2 == 0 ? "node-a" : "node-b";
                int n = i;
                writes.add(pool.submit(() -> {
                    auditLog.appendAs(node, AuditEntry.success(Actor.SYSTEM, "test.write", "test", "t" + n));
                    return null;
                }));
            }
            for (Future<?> write : writes) {
                write.get();
            }
        } finally {
            pool.shutdownNow();
        }
        List<AuditVerifier.ChainReport> chains = InContainer.as(request, "AUDITOR", verifier::verify);
        assertThat(chains).filteredOn(c -> c.nodeId().startsWith("node-"))
                .extracting(AuditVerifier.ChainReport::nodeId, AuditVerifier.ChainReport::rows,
                        AuditVerifier.ChainReport::intact)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("node-a", 100L, true),
                        org.assertj.core.groups.Tuple.tuple("node-b", 100L, true));
    }

    /**
     * Runs last: SoftHSM2 cannot re-open a token directory that vanished under a running process, so after this
     * test the container's HSM session stays lost and liveness asks for a restart.
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void lostTokenFailsClosedNothingIsStoredAndLivenessAsksForARestart() throws Exception {
        UUID tenant = UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            fixture.create(tenant, "H" + i);
        }
        String sealedBefore = allSealedFields();
        Path tokens = tokenDirectory();
        Path away = tokens.resolveSibling("tokens.away");
        List<Throwable> failures = new ArrayList<>();
        Files.move(tokens, away);
        try {
            for (int i = 0; i < 20; i++) {
                try {
                    fixture.create(tenant, "F" + i);
                } catch (RuntimeException e) {
                    failures.add(e);
                }
            }
            assertThat(hsmHealth.call().getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        } finally {
            Files.move(away, tokens);
        }
        assertThat(failures).hasSize(20)
                .allSatisfy(e -> assertThat(causes(e)).anyMatch(HsmUnavailableException.class::isInstance));
        assertThat(allSealedFields()).isEqualTo(sealedBefore);

        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline && hsmHealth.call().getStatus() == HealthCheckResponse.Status.DOWN
                && hsmLiveness.call().getStatus() == HealthCheckResponse.Status.UP) {
            Thread.sleep(500);
        }
        if (hsmHealth.call().getStatus() == HealthCheckResponse.Status.UP) {
            assertThat(fixture.<Object>read(tenant, fixture.create(tenant, "AFTER"), Party::notes)).isEqualTo("Notes AFTER");
        } else {
            assertThat(hsmLiveness.call().getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        }
    }

    private static List<Throwable> causes(Throwable e) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable c = e; c != null && !chain.contains(c); c = c.getCause()) {
            chain.add(c);
        }
        return chain;
    }

    private static Path tokenDirectory() throws Exception {
        String conf = Files.readString(Path.of(System.getenv("SOFTHSM2_CONF")));
        String line = conf.lines().filter(l -> l.startsWith("directories.tokendir")).findFirst().orElseThrow();
        return Path.of(line.substring(line.indexOf('=') + 1).strip());
    }

    /** Every stored envelope, in a stable order: proves that nothing was added, changed or removed. */
    private String allSealedFields() throws SQLException {
        StringBuilder all = new StringBuilder();
        try (Connection c = fixture.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT id, sealed_fields FROM party ORDER BY id")) {
            while (r.next()) {
                all.append(r.getString(1)).append('=').append(java.util.HexFormat.of().formatHex(r.getBytes(2)))
                        .append('\n');
            }
        }
        return all.toString();
    }

    private byte[] sealedFields(UUID id) throws SQLException {
        try (Connection c = fixture.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT sealed_fields FROM party WHERE id = ?")) {
            s.setObject(1, id);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getBytes(1);
            }
        }
    }

    private void writeSealedFields(UUID id, byte[] sealed) throws SQLException {
        try (Connection c = fixture.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE party SET sealed_fields = ? WHERE id = ?")) {
            s.setBytes(1, sealed);
            s.setObject(2, id);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }

    private void sql(String update, UUID id) throws SQLException {
        try (Connection c = fixture.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement(update)) {
            s.setObject(1, id);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }

    private void copySealedFields(UUID from, UUID to) throws SQLException {
        try (Connection c = fixture.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement(
                     "UPDATE party SET sealed_fields = (SELECT sealed_fields FROM party WHERE id = ?) WHERE id = ?")) {
            s.setObject(1, from);
            s.setObject(2, to);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }

    /** Every table.column of the schema whose value contains the text (as text or as UTF-8 bytes). */
    private List<String> columnsContaining(String text) throws SQLException {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        List<String> hits = new ArrayList<>();
        try (Connection c = fixture.dataSource().getConnection()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet t = c.getMetaData().getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
                while (t.next()) {
                    tables.add(t.getString("TABLE_NAME"));
                }
            }
            assertThat(tables).contains("party", "data_key");
            for (String table : tables) {
                try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData meta = rows.getMetaData();
                    while (rows.next()) {
                        for (int col = 1; col <= meta.getColumnCount(); col++) {
                            byte[] raw = rows.getBytes(col);
                            String asText = rows.getString(col);
                            if ((asText != null && asText.contains(text)) || (raw != null && contains(raw, needle))) {
                                hits.add(table + "." + meta.getColumnName(col));
                            }
                        }
                    }
                }
            }
        }
        return hits;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
