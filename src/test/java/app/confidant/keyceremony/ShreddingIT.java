package app.confidant.keyceremony;

import static app.confidant.keyceremony.Ceremonies.json;
import static org.assertj.core.api.Assertions.assertThat;

import app.confidant.crypto.TokenInspector;
import app.confidant.crypto.TokenInspector.KeyObject;
import app.confidant.platform.ConfidantServer;
import app.confidant.security.Personas;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Crypto-shredding a tenant under dual control: its sealed values are gone, everything else keeps working. */
class ShreddingIT {

    @Test
    void aShreddedTenantsSensitiveValuesAreGoneWhileOthersAndTheAuditTrailAreUnaffected() throws Exception {
        ConfidantServer server = ConfidantServer.shared();
        Ceremonies ceremonies = new Ceremonies(server);
        UUID shredded = UUID.randomUUID();
        Personas leaving = Personas.forTenant(server, shredded);
        String party = json(server.send("POST", "/api/v1/parties", leaving.token("CLERK"),
                "{\"legalName\":\"Leaving Ltd\",\"taxId\":\"GB999\",\"country\":\"GB\"}"), 201).getString("id");
        String invoice = json(server.send("POST", "/api/v1/invoices", leaving.token("CLERK"),
                "{\"partyId\":\"" + party + "\",\"currency\":\"EUR\",\"note\":\"confidential note\",\"lines\":[{"
                        + "\"description\":\"Secret project\",\"quantity\":2,\"unitCode\":\"C62\",\"unitPrice\":50,"
                        + "\"taxCategory\":\"S\",\"taxRate\":20}]}"), 201).getString("id");
        UUID staying = UUID.randomUUID();
        Personas other = Personas.forTenant(server, staying);
        String otherParty = json(server.send("POST", "/api/v1/parties", other.token("CLERK"),
                "{\"legalName\":\"Staying SA\",\"country\":\"FR\"}"), 201).getString("id");

        String leavingAuditor = leaving.token("AUDITOR");
        ceremonies.auditor(shredded); // no role is granted in a tenant once it is shredded
        JsonObject done = ceremonies.carryOut("SHRED", shredded, null);

        assertThat(done.getString("outcome")).contains("dek-" + shredded + "-v1").contains("bidx-" + shredded + "-v1");
        HttpResponse<String> gone = server.send("GET", "/api/v1/parties/" + party, leaving.token("CLERK"), null);
        assertThat(json(gone, 410).getString("code")).isEqualTo("tenant-shredded");
        assertThat(gone.body()).doesNotContain("Leaving Ltd").doesNotContain("Exception");
        assertThat(json(server.send("GET", "/api/v1/invoices/" + invoice, leaving.token("CLERK"), null), 410)
                .getString("code")).isEqualTo("tenant-shredded");
        assertThat(json(server.send("POST", "/api/v1/parties", leaving.token("CLERK"),
                "{\"legalName\":\"New after shredding\",\"country\":\"GB\"}"), 410).getString("code"))
                .isEqualTo("tenant-shredded");
        JsonObject totals = json(server.send("GET", "/api/v1/invoices/" + invoice, leavingAuditor, null), 200);
        assertThat(totals.getJsonNumber("payable").bigDecimalValue()).isEqualByComparingTo("120.00");
        assertThat(totals.toString()).doesNotContain("Secret project");

        assertThat(json(server.send("GET", "/api/v1/parties/" + otherParty, other.token("CLERK"), null), 200)
                .getString("legalName")).isEqualTo("Staying SA");
        assertThat(server.get("/health/ready").statusCode()).isEqualTo(200);
        assertThat(json(server.send("POST", "/api/v1/audit/verify", ceremonies.auditor(staying), null), 200)
                .getBoolean("intact")).isTrue();
        JsonObject dek = ceremonies.dataKey(shredded, 1);
        assertThat(dek.getString("state")).isEqualTo("DESTROYED");
        assertThat(dek.getBoolean("inToken")).isFalse();
        Path state = server.state();
        assertThat(TokenInspector.secretKeys(state.resolve("hsm"), state.resolve("secrets/confidant.hsm.pin")))
                .extracting(KeyObject::label).noneMatch(label -> label.contains(shredded.toString()));
    }

    /**
     * Two instances share the database and the HSM. The second has read the tenant (its key handles and key
     * versions are cached) when the first shreds it: the second must then refuse the tenant's values (410) — never
     * show them, never fail with a 500 — while another tenant keeps working on it throughout, and it stays ready.
     */
    @Test
    void aTenantShreddedOnOneInstanceIsGoneOnTheOtherWhileItsOtherTenantsKeepWorking() throws Exception {
        ConfidantServer first = ConfidantServer.shared();
        Ceremonies ceremonies = new Ceremonies(first);
        UUID shredded = UUID.randomUUID();
        Personas leaving = Personas.forTenant(first, shredded);
        String party = json(first.send("POST", "/api/v1/parties", leaving.token("CLERK"),
                "{\"legalName\":\"Leaving Two Ltd\",\"country\":\"GB\"}"), 201).getString("id");
        UUID staying = UUID.randomUUID();
        Personas other = Personas.forTenant(first, staying);
        String otherParty = json(first.send("POST", "/api/v1/parties", other.token("CLERK"),
                "{\"legalName\":\"Staying Two SA\",\"country\":\"FR\"}"), 201).getString("id");

        try (ConfidantServer second = ConfidantServer.secondInstance(first, "shredding-second")) {
            assertThat(json(second.send("GET", "/api/v1/parties/" + party, leaving.token("CLERK"), null), 200)
                    .getString("legalName")).isEqualTo("Leaving Two Ltd");

            ceremonies.carryOut("SHRED", shredded, null);

            List<Integer> seen = new ArrayList<>();
            long deadline = System.nanoTime() + 90_000_000_000L;
            while (seen.isEmpty() || seen.get(seen.size() - 1) != 410) {
                assertThat(System.nanoTime()).as("the second instance answers 410, seen: " + seen).isLessThan(deadline);
                HttpResponse<String> read = second.send("GET", "/api/v1/parties/" + party, leaving.token("CLERK"),
                        null);
                seen.add(read.statusCode());
                assertThat(read.body()).doesNotContain("Leaving Two Ltd").doesNotContain("Exception");
                assertThat(json(second.send("GET", "/api/v1/parties/" + otherParty, other.token("CLERK"), null),
                        200).getString("legalName")).isEqualTo("Staying Two SA");
                Thread.sleep(500);
            }
            assertThat(seen).as("until the shredding reaches it, the second instance refuses (503), never 500")
                    .allMatch(status -> status == 410 || status == 503);
            assertThat(second.get("/health/ready").statusCode()).isEqualTo(200);
            // A destroyed key's stale handle is not a lost token: the session every tenant uses stays open.
            assertThat(second.log()).doesNotContain("HSM session dropped");
        }
    }
}
