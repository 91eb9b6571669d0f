package app.confidant.keyceremony;

import static app.confidant.keyceremony.Ceremonies.json;
import static org.assertj.core.api.Assertions.assertThat;

import app.confidant.crypto.TokenInspector;
import app.confidant.crypto.TokenInspector.KeyObject;
import app.confidant.platform.ConfidantServer;
import app.confidant.platform.TestDatabase;
import app.confidant.security.Personas;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The key inventory and dual control over HTTPS, against the real HSM and database. */
class KeyCeremonyIT {

    private static ConfidantServer server;
    private static Ceremonies ceremonies;

    @BeforeAll
    static void start() throws Exception {
        server = ConfidantServer.shared();
        ceremonies = new Ceremonies(server);
    }

    private static UUID tenantWithAParty() throws Exception {
        UUID tenant = UUID.randomUUID();
        json(server.send("POST", "/api/v1/parties", Personas.forTenant(server, tenant).token("CLERK"),
                "{\"legalName\":\"Key Holder GmbH\",\"taxId\":\"DE123\",\"country\":\"DE\"}"), 201);
        return tenant;
    }

    @Test
    void theInventoryReportsEveryKeyOfTheTokenAsNeverExtractableReadFromTheHsm() throws Exception {
        UUID tenant = tenantWithAParty();
        // the platform's view: the whole token
        List<JsonObject> keys = ceremonies.inventory(Ceremonies.PLATFORM).stream().map(JsonValue::asJsonObject).toList();
        List<JsonObject> inToken = keys.stream().filter(k -> k.getBoolean("inToken")).toList();

        // The same labels as PKCS#11 itself lists (C_FindObjects through pkcs11-tool, not the application's code).
        Path state = server.state();
        Map<String, KeyObject> pkcs11 = TokenInspector.secretKeys(state.resolve("hsm"),
                state.resolve("secrets/confidant.hsm.pin")).stream()
                .collect(Collectors.toMap(KeyObject::label, k -> k, (a, b) -> a));
        assertThat(inToken).extracting(k -> k.getString("label")).containsExactlyInAnyOrderElementsOf(pkcs11.keySet())
                .contains("health", "audit-mac-v1", "dek-" + tenant + "-v1", "bidx-" + tenant + "-v1");
        assertThat(inToken).allSatisfy(key -> {
            KeyObject seen = pkcs11.get(key.getString("label"));
            // CKA_NEVER_EXTRACTABLE and CKA_LOCAL as the server read them, equal to what pkcs11-tool reads
            assertThat(key.get("ckaNeverExtractable")).as(key.toString()).isEqualTo(JsonValue.TRUE);
            assertThat(key.getBoolean("ckaNeverExtractable")).as(seen.access()).isEqualTo(seen.neverExtractable());
            assertThat(key.get("ckaLocal")).as(key.toString()).isIn(JsonValue.TRUE, JsonValue.FALSE);
            assertThat(key.getBoolean("ckaLocal")).as(seen.access()).isEqualTo(seen.local());
            assertThat(key.getBoolean("ckaExtractable")).as(key.toString()).isFalse();
            assertThat(key.getBoolean("ckaSensitive")).as(key.toString()).isTrue();
            assertThat(key.getBoolean("ckaToken")).as(key.toString()).isTrue();
            assertThat(key.getBoolean("keyBytesVisibleToJvm")).as(key.toString()).isFalse();
            assertThat(key.getString("kcv")).matches("[0-9a-f]{6}");
        });
        JsonObject dek = ceremonies.dataKey(tenant, 1);
        assertThat(dek.getString("state")).isEqualTo("ACTIVE");
        assertThat(dek.getBoolean("kcvMatches")).isTrue();
        assertThat(dek.getJsonNumber("storedValues").longValue()).isEqualTo(1);
        assertThat(dek.getJsonNumber("gcmInvocations").longValue()).isPositive();
        assertThat(dek.getString("dueAt")).isNotBlank();

        assertThat(server.send("GET", "/api/v1/keys", ceremonies.auditor(tenant), null).statusCode()).isEqualTo(200);
        assertThat(server.send("GET", "/api/v1/keys", Personas.forTenant(server, tenant).token("CLERK"), null)
                .statusCode()).isEqualTo(403);
    }

    @Test
    void keysAnotherInstanceGeneratesOrDestroysInTheSameHsmAreSeenWithoutARestart() throws Exception {
        Path tokenHome = server.state().resolve("hsm");
        Path pin = server.state().resolve("secrets/confidant.hsm.pin");
        String label = "elsewhere-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(labels()).doesNotContain(label); // the server has mapped the token's labels by now

        // Another process (as another instance of a cluster would) generates a key in the same token.
        TokenInspector.pkcs11Tool(tokenHome, pin, "--keygen", "--key-type", "GENERIC:32", "--label", label,
                "--sensitive");
        try {
            assertThat(ceremonies.inventory(Ceremonies.PLATFORM).stream().map(JsonValue::asJsonObject)
                    .filter(k -> k.getString("label").equals(label))).singleElement().satisfies(key -> {
                        assertThat(key.getString("purpose")).isEqualTo("UNREGISTERED");
                        assertThat(key.getBoolean("ckaLocal")).isTrue();
                        assertThat(key.getBoolean("ckaNeverExtractable")).isTrue();
                    });
        } finally {
            TokenInspector.pkcs11Tool(tokenHome, pin, "--delete-object", "--type", "secrkey", "--label", label);
        }
        assertThat(labels()).doesNotContain(label);
    }

    private List<String> labels() throws Exception {
        return ceremonies.inventory(Ceremonies.PLATFORM).stream().map(k -> k.asJsonObject().getString("label")).toList();
    }

    @Test
    void aProposalApprovedByItsOwnProposerIsRefusedAndNothingHappens() throws Exception {
        UUID tenant = tenantWithAParty();
        String id = json(ceremonies.propose(ceremonies.custodianA(tenant), "GENERATE", tenant, null, null), 201)
                .getString("id");

        HttpResponse<String> self = ceremonies.approve(ceremonies.custodianA(tenant), id);

        assertThat(self.statusCode()).isEqualTo(403);
        assertThat(json(self, 403).getString("code")).isEqualTo("dual-control");
        assertThat(ceremonies.inventory(tenant).toString()).doesNotContain("dek-" + tenant + "-v2");
        JsonObject ceremony = json(server.send("GET", "/api/v1/key-ceremonies/" + id, ceremonies.auditor(tenant), null), 200);
        assertThat(ceremony.getString("state")).isEqualTo("PROPOSED");
        String events = server.send("GET", "/api/v1/audit/events?action=key-ceremony.approve&targetId=" + id,
                ceremonies.auditor(tenant), null).body();
        assertThat(events).contains("\"outcome\":\"FAILURE\"");
    }

    @Test
    void aProposalApprovedByAnotherCustodianIsCarriedOut() throws Exception {
        UUID tenant = tenantWithAParty();

        JsonObject done = ceremonies.carryOut("GENERATE", tenant, null);

        assertThat(done.getString("proposedBy")).isNotEqualTo(done.getString("decidedBy"));
        assertThat(done.getString("outcome")).contains("dek-" + tenant + "-v2");
        JsonObject v2 = ceremonies.dataKey(tenant, 2);
        assertThat(v2.getString("state")).isEqualTo("PRE_ACTIVATION");
        assertThat(v2.getBoolean("ckaExtractable")).isFalse();
        assertThat(v2.getBoolean("kcvMatches")).isTrue();
        String events = server.send("GET", "/api/v1/audit/events?targetId=" + done.getString("id"),
                ceremonies.auditor(tenant), null).body();
        assertThat(events).contains("key-ceremony.propose").contains("key-ceremony.approve");
    }

    @Test
    void anExpiredProposalCannotBeApproved() throws Exception {
        UUID tenant = tenantWithAParty();
        String id = json(ceremonies.propose(ceremonies.custodianA(tenant), "GENERATE", tenant, null, 1), 201).getString("id");
        Thread.sleep(1_500); // past the one-second approval window the proposer chose

        HttpResponse<String> late = ceremonies.approve(ceremonies.custodianB(tenant), id);

        assertThat(json(late, 409).getString("code")).isEqualTo("ceremony-expired");
        assertThat(json(server.send("GET", "/api/v1/key-ceremonies/" + id, ceremonies.auditor(tenant), null), 200)
                .getString("state")).isEqualTo("EXPIRED");
        assertThat(ceremonies.inventory(tenant).toString()).doesNotContain("dek-" + tenant + "-v2");
    }

    @Test
    void aCancelledProposalCannotBeApproved() throws Exception {
        UUID tenant = tenantWithAParty();
        String id = json(ceremonies.propose(ceremonies.custodianA(tenant), "GENERATE", tenant, null, null), 201)
                .getString("id");
        json(server.send("POST", "/api/v1/key-ceremonies/" + id + "/cancel", ceremonies.custodianB(tenant), null), 200);

        assertThat(json(ceremonies.approve(ceremonies.custodianB(tenant), id), 409).getString("code"))
                .isEqualTo("ceremony-decided");
    }

    @Test
    void anAuditKeyRotationStartsANewChainSegmentNamingItsKeyAndTheTrailStillVerifies() throws Exception {
        String id = json(server.send("POST", "/api/v1/key-ceremonies", ceremonies.custodianA(Ceremonies.PLATFORM),
                "{\"kind\":\"AUDIT_KEY\",\"reason\":\"audit MAC key cryptoperiod ends\"}"), 201).getString("id");
        JsonObject done = json(ceremonies.approve(ceremonies.custodianB(Ceremonies.PLATFORM), id), 200);
        String label = done.getString("outcome").replaceAll(".*generated (audit-mac-v\\d+) .*", "$1");
        tenantWithAParty(); // an event after the rotation, MAC'd with the new key

        assertThat(label).matches("audit-mac-v\\d+").isNotEqualTo("audit-mac-v1");
        String segment = server.send("GET", "/api/v1/audit/events?action=audit.key-rotated",
                ceremonies.auditor(Ceremonies.PLATFORM), null).body();
        assertThat(segment).contains("\"keyId\":\"" + label + "\"");
        try (Connection db = TestDatabase.SERVER.connectAsOwner(); Statement s = db.createStatement();
             ResultSet newest = s.executeQuery("SELECT key_id FROM audit_event ORDER BY occurred_at DESC, seq DESC"
                     + " FETCH FIRST 1 ROWS ONLY")) {
            assertThat(newest.next()).isTrue();
            assertThat(newest.getString(1)).isEqualTo(label);
        }
        assertThat(json(server.send("POST", "/api/v1/audit/verify", ceremonies.auditor(Ceremonies.PLATFORM), null), 200)
                .getBoolean("intact")).isTrue();
        List<JsonObject> auditKeys = ceremonies.inventory(Ceremonies.PLATFORM).stream().map(JsonValue::asJsonObject)
                .filter(k -> k.getString("purpose").equals("AUDIT_MAC")).toList();
        assertThat(auditKeys).filteredOn(k -> k.getString("label").equals(label)).singleElement()
                .satisfies(k -> assertThat(k.getString("state")).isEqualTo("ACTIVE"))
                .satisfies(k -> assertThat(k.getBoolean("ckaExtractable")).isFalse());
        assertThat(auditKeys).filteredOn(k -> k.getString("label").equals("audit-mac-v1")).singleElement()
                .satisfies(k -> assertThat(k.getString("state")).isEqualTo("DECRYPT_ONLY"));
    }

    @Test
    void anActiveKeyCannotBeDestroyed() throws Exception {
        UUID tenant = tenantWithAParty();
        String id = json(ceremonies.propose(ceremonies.custodianA(tenant), "DESTROY", tenant, 1, null), 201).getString("id");

        assertThat(json(ceremonies.approve(ceremonies.custodianB(tenant), id), 409).getString("code")).isEqualTo("key-state");
        assertThat(ceremonies.dataKey(tenant, 1).getBoolean("inToken")).isTrue();
    }
}
