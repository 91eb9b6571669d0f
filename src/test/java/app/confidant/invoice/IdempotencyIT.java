package app.confidant.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import app.confidant.platform.ConfidantServer;
import app.confidant.platform.TestDatabase;
import app.confidant.security.Personas;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Idempotency-Key on creating requests: a replay returns the first result, another body under the same key is
 * refused, and what the database keeps of the request is an HSM-keyed fingerprint, not a hash anyone can recompute.
 */
class IdempotencyIT {

    private static final String IBAN = "DE89 3704 0044 0532 0130 00";
    private static final String TAX_ID = "DE811234567";

    private static ConfidantServer server;
    private static Personas people;

    @BeforeAll
    static void start() throws Exception {
        server = ConfidantServer.shared();
        people = Personas.forTenant(server, UUID.randomUUID());
    }

    @Test
    void aReplayReturnsTheOriginalAndAnotherBodyIsRefused() throws Exception {
        String key = "party-" + UUID.randomUUID();
        HttpResponse<String> first = create(party("Acme GmbH"), key);
        assertThat(first.statusCode()).isEqualTo(201);
        HttpResponse<String> replay = create(party("Acme GmbH"), key);
        assertThat(replay.statusCode()).isIn(200, 201);
        assertThat(json(replay).getString("id")).isEqualTo(json(first).getString("id"));

        HttpResponse<String> other = create(party("Acme AG"), key);
        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(json(other).getString("code")).isEqualTo("idempotency-key-reused");
    }

    @Test
    void theStoredFingerprintIsNoBareHashOfTheRequest() throws Exception {
        String key = "party-" + UUID.randomUUID();
        String body = party("Fingerprint GmbH");
        assertThat(create(body, key).statusCode()).isEqualTo(201);
        String stored = storedFingerprint(key);

        PartyRequest request = new PartyRequest("Fingerprint GmbH", null, TAX_ID, null, null, null, "DE", null, null,
                IBAN, null);
        // the canonical JSON the server fingerprints (JSON-B, lexicographic order, nulls written)
        String canonical = "{\"addressLines\":null,\"city\":null,\"country\":\"DE\",\"email\":null,\"iban\":\"" + IBAN
                + "\",\"legalName\":\"Fingerprint GmbH\",\"notes\":null,\"phone\":null,\"postcode\":null,\"taxId\":\""
                + TAX_ID + "\",\"tradingName\":null}";
        List<String> guessable = new ArrayList<>(List.of(body, request.toString(), canonical, "party\n" + canonical,
                IBAN, IBAN.replace(" ", ""), TAX_ID, "Fingerprint GmbH"));
        for (String candidate : guessable) {
            assertThat(stored).as("not SHA-256 of " + candidate).isNotEqualTo(sha256(candidate))
                    .doesNotContain(sha256(candidate).substring(0, 32));
        }
        assertThat(stored).as("a 128-bit HMAC in hex").matches("[0-9a-f]{32}");
    }

    private static String party(String legalName) {
        return Json.createObjectBuilder().add("legalName", legalName).add("country", "DE").add("taxId", TAX_ID)
                .add("iban", IBAN).build().toString();
    }

    private static HttpResponse<String> create(String body, String key) throws Exception {
        return server.sendWithHeader("POST", "/api/v1/parties", people.token("CLERK"), body, "Idempotency-Key", key);
    }

    private static String storedFingerprint(String key) throws Exception {
        try (Connection db = TestDatabase.SERVER.connectAsOwner();
             PreparedStatement query = db.prepareStatement("SELECT request_hash FROM idempotency_key WHERE idem_key = ?")) {
            query.setString(1, key);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).as("the key is recorded").isTrue();
                return row.getString(1);
            }
        }
    }

    private static String sha256(String value) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(value.getBytes(StandardCharsets.UTF_8)));
    }

    private static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }
}
