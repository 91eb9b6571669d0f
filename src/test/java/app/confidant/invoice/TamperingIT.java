package app.confidant.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import app.confidant.platform.ConfidantServer;
import app.confidant.platform.TestDatabase;
import app.confidant.security.Personas;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A database administrator tampers with sealed rows through SQL on PostgreSQL while the server runs: an older
 * envelope of the same row written back, a changed key-version column, a copied blind index. None of it yields
 * another or an older value; a broken row is answered with its own code, recorded in the audit trail, and does not
 * take a list down.
 */
class TamperingIT {

    private static ConfidantServer server;
    private static Personas people;

    @BeforeAll
    static void start() throws Exception {
        server = ConfidantServer.shared();
        people = Personas.forTenant(server, UUID.randomUUID());
    }

    @Test
    void anOlderEnvelopeOfAPartyWrittenBackNeverShowsTheOldValues() throws Exception {
        String clerk = people.token("CLERK");
        String id = created(party("R1", "DE89 3704 0044 0532 0130 00"));
        byte[] before = column("party", "sealed_fields", id);
        HttpResponse<String> changed = server.sendWithHeader("PUT", "/api/v1/parties/" + id, clerk,
                party("R1", "DE02 1203 0000 0000 2020 51"), "If-Match", "\"1\"");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);

        update("UPDATE party SET sealed_fields = ? WHERE id = ?", before, id);

        HttpResponse<String> read = server.send("GET", "/api/v1/parties/" + id, clerk, null);
        assertThat(read.statusCode()).isEqualTo(500);
        assertThat(json(read).getString("code")).isEqualTo("sealed-value-corrupt");
        assertThat(json(read).getString("detail")).contains(id);
        assertThat(read.body()).doesNotContain("DE89").doesNotContain("DE02").doesNotContain("Acme R1");
        assertThat(auditedFailures(people, id)).isPositive();
    }

    @Test
    void aChangedKeyVersionColumnIsAnIntegrityFailureNotAnotherKey() throws Exception {
        String id = created(party("K1", "DE89 3704 0044 0532 0130 00"));
        update("UPDATE party SET sealed_key_version = sealed_key_version + 1 WHERE id = ?", null, id);

        HttpResponse<String> read = server.send("GET", "/api/v1/parties/" + id, people.token("CLERK"), null);
        assertThat(read.statusCode()).isEqualTo(500);
        assertThat(json(read).getString("code")).isEqualTo("sealed-value-corrupt");
    }

    @Test
    void oneBrokenRowIsMarkedInItsListAndTheOthersAreShown() throws Exception {
        Personas own = Personas.forTenant(server, UUID.randomUUID());
        String clerk = own.token("CLERK");
        String good = json(server.send("POST", "/api/v1/parties", clerk, party("L1", "DE89 3704 0044 0532 0130 00")))
                .getString("id");
        String broken = json(server.send("POST", "/api/v1/parties", clerk, party("L2", "DE89 3704 0044 0532 0130 00")))
                .getString("id");
        String invoice = json(server.send("POST", "/api/v1/invoices", clerk, "{\"partyId\":\"" + good
                + "\",\"currency\":\"EUR\",\"note\":\"L note\",\"lines\":[{\"description\":\"Work\",\"quantity\":1,"
                + "\"unitCode\":\"C62\",\"unitPrice\":10,\"taxCategory\":\"S\",\"taxRate\":19}]}")).getString("id");
        String brokenInvoice = json(server.send("POST", "/api/v1/invoices", clerk, "{\"partyId\":\"" + good
                + "\",\"currency\":\"EUR\",\"note\":\"M note\",\"lines\":[{\"description\":\"Work\",\"quantity\":1,"
                + "\"unitCode\":\"C62\",\"unitPrice\":10,\"taxCategory\":\"S\",\"taxRate\":19}]}")).getString("id");
        update("UPDATE party SET sealed_fields = (SELECT sealed_fields FROM party WHERE id = '" + good
                + "') WHERE id = ?", null, broken);
        update("UPDATE invoice SET sealed_fields = (SELECT sealed_fields FROM invoice WHERE id = '" + invoice
                + "') WHERE id = ?", null, brokenInvoice);

        HttpResponse<String> parties = server.send("GET", "/api/v1/parties", clerk, null);
        assertThat(parties.statusCode()).isEqualTo(200);
        List<JsonObject> rows = Json.createReader(new StringReader(parties.body())).readArray()
                .getValuesAs(JsonObject.class);
        assertThat(rows).hasSize(2);
        JsonObject shown = rows.stream().filter(r -> r.getString("id").equals(good)).findFirst().orElseThrow();
        JsonObject marked = rows.stream().filter(r -> r.getString("id").equals(broken)).findFirst().orElseThrow();
        assertThat(shown.getString("legalName")).isEqualTo("Acme L1 GmbH");
        assertThat(shown.containsKey("integrity")).isFalse();
        assertThat(marked.getString("integrity")).isEqualTo("sealed-value-corrupt");
        assertThat(marked.toString()).doesNotContain("Acme L1").doesNotContain("Acme L2");

        HttpResponse<String> invoices = server.send("GET", "/api/v1/invoices", clerk, null);
        assertThat(invoices.statusCode()).isEqualTo(200);
        List<JsonObject> invoiceRows = Json.createReader(new StringReader(invoices.body())).readArray()
                .getValuesAs(JsonObject.class);
        assertThat(invoiceRows).extracting(r -> r.getString("id")).containsExactlyInAnyOrder(invoice, brokenInvoice);
        JsonObject markedInvoice = invoiceRows.stream().filter(r -> r.getString("id").equals(brokenInvoice))
                .findFirst().orElseThrow();
        assertThat(markedInvoice.getString("integrity")).isEqualTo("sealed-value-corrupt");
        assertThat(markedInvoice.toString()).doesNotContain("L note");
        assertThat(auditedFailures(own, broken)).isPositive();
        assertThat(auditedFailures(own, brokenInvoice)).isPositive();
    }

    @Test
    void aCopiedBlindIndexNeverReturnsTheWrongPartyOrItsInvoices() throws Exception {
        String clerk = people.token("CLERK");
        String first = created(party("B1", "DE89 3704 0044 0532 0130 00"));
        String second = created(party("B2", "DE89 3704 0044 0532 0130 00"));
        json(server.send("POST", "/api/v1/invoices", clerk, "{\"partyId\":\"" + second
                + "\",\"currency\":\"EUR\",\"lines\":[{\"description\":\"Work\",\"quantity\":1,"
                + "\"unitCode\":\"C62\",\"unitPrice\":10,\"taxCategory\":\"S\",\"taxRate\":19}]}"));
        update("UPDATE party SET tax_id_index = (SELECT tax_id_index FROM party WHERE id = '" + first
                + "') WHERE id = ?", null, second);

        HttpResponse<String> found = server.send("GET", "/api/v1/parties?taxId=" + encode("DE 811 B1"), clerk, null);
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(Json.createReader(new StringReader(found.body())).readArray().getValuesAs(JsonObject.class))
                .extracting(r -> r.getString("id")).containsExactly(first);
        HttpResponse<String> invoices = server.send("GET", "/api/v1/invoices?taxId=" + encode("DE 811 B1"), clerk,
                null);
        assertThat(invoices.statusCode()).isEqualTo(200);
        assertThat(invoices.body()).isEqualTo("[]");
    }

    private static String party(String tag, String iban) {
        return Json.createObjectBuilder().add("legalName", "Acme " + tag + " GmbH").add("taxId", "DE 811 " + tag)
                .add("country", "DE").add("email", "billing." + tag + "@acme.example").add("iban", iban).build()
                .toString();
    }

    private static String created(String body) throws Exception {
        HttpResponse<String> created = server.send("POST", "/api/v1/parties", people.token("CLERK"), body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).getString("id");
    }

    /** Integrity events about one row, read by the auditor of the tenant the row belongs to. */
    private static long auditedFailures(Personas tenant, String id) throws Exception {
        HttpResponse<String> events = server.send("GET", "/api/v1/audit/events?action=integrity.sealed-value-corrupt"
                + "&targetId=" + id, tenant.token("AUDITOR"), null);
        assertThat(events.statusCode()).as(events.body()).isEqualTo(200);
        return Json.createReader(new StringReader(events.body())).readArray().size();
    }

    private static byte[] column(String table, String column, String id) throws Exception {
        try (Connection db = TestDatabase.SERVER.connectAsOwner();
             PreparedStatement select = db.prepareStatement("SELECT " + column + " FROM " + table + " WHERE id = ?")) {
            select.setObject(1, UUID.fromString(id));
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getBytes(1);
            }
        }
    }

    /** One SQL update as the schema owner; with {@code bytes} the first parameter, the id the last. */
    private static void update(String sql, byte[] bytes, String id) throws Exception {
        try (Connection db = TestDatabase.SERVER.connectAsOwner();
             PreparedStatement update = db.prepareStatement(sql)) {
            int index = 1;
            if (bytes != null) {
                update.setBytes(index++, bytes);
            }
            update.setObject(index, UUID.fromString(id));
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }
}
