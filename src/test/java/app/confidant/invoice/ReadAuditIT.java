package app.confidant.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import app.confidant.platform.ConfidantServer;
import app.confidant.platform.TestDatabase;
import app.confidant.security.Personas;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reads in clear leave a trace: a get, list, search or reveal that opens sealed values writes one audit event per
 * request naming exactly the rows read (never their values); masked reads open nothing and write nothing; the
 * tenant's auditor finds the events, another tenant's does not; and a read whose event cannot be written returns
 * nothing. Black box: the shared server on PostgreSQL, the audit rows read from the database.
 */
class ReadAuditIT {

    private static ConfidantServer server;
    private static Personas people;

    @BeforeAll
    static void start() throws Exception {
        server = ConfidantServer.shared();
        people = Personas.forTenant(server, UUID.randomUUID());
    }

    /** No path of this server (this class's and the other black-box tests' before it) read in clear unrecorded. */
    @AfterAll
    static void noReadInClearEscapedTheAudit() throws Exception {
        assertThat(server.log()).doesNotContain("opened without a read audit");
    }

    @Test
    void aClerksGetWritesOneEventNamingTheParty() throws Exception {
        String id = created(people, "G1");
        created(people, "G2");

        String request = requestId();
        HttpResponse<String> read = get("/api/v1/parties/" + id, people.token("CLERK"), request);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(json(read).getString("iban")).startsWith("DE89"); // in clear

        List<Row> events = eventsOf(request);
        assertThat(events).hasSize(1);
        Row event = events.get(0);
        assertThat(event.action).isEqualTo("data.read");
        assertThat(event.targetType).isEqualTo("party");
        assertThat(event.targetId).isEqualTo(id);
        assertThat(event.ids).containsExactly(id);
        assertThat(event.tenantId).isEqualTo(people.tenant().toString());
        assertThat(event.actor).isNotBlank();
        assertThat(event.clientIp).isNotBlank();
    }

    @Test
    void aClerksListAndSearchEachWriteOneEventNamingExactlyTheRowsReturned() throws Exception {
        Personas own = Personas.forTenant(server, UUID.randomUUID());
        String clerk = own.token("CLERK");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(created(own, "L" + i));
        }

        String listed = requestId();
        HttpResponse<String> page = get("/api/v1/parties?limit=2", clerk, listed);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        List<String> returned = idsOf(page);
        assertThat(returned).hasSize(2);
        List<Row> listEvents = eventsOf(listed);
        assertThat(listEvents).hasSize(1);
        assertThat(listEvents.get(0).action).isEqualTo("data.read");
        assertThat(listEvents.get(0).ids).containsExactlyElementsOf(returned);

        String searched = requestId();
        HttpResponse<String> found = get("/api/v1/parties?taxId=" + encode("DE 811 L1"), clerk, searched);
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        assertThat(idsOf(found)).containsExactly(ids.get(1));
        List<Row> searchEvents = eventsOf(searched);
        assertThat(searchEvents).hasSize(1);
        assertThat(searchEvents.get(0).targetId).isEqualTo(ids.get(1));
        assertThat(searchEvents.get(0).ids).containsExactly(ids.get(1));

        String nothing = requestId();
        assertThat(get("/api/v1/parties?taxId=" + encode("DE 000 none"), clerk, nothing).body()).isEqualTo("[]");
        assertThat(eventsOf(nothing)).isEmpty();
    }

    @Test
    void aLongListIsRecordedInPartsThatTogetherNameEveryRow() throws Exception {
        Personas own = Personas.forTenant(server, UUID.randomUUID());
        for (int i = 0; i < 90; i++) {
            created(own, "P" + i);
        }
        String request = requestId();
        HttpResponse<String> page = get("/api/v1/parties?limit=500", own.token("CLERK"), request);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        List<String> returned = idsOf(page);
        assertThat(returned).hasSize(90);

        List<Row> events = eventsOf(request);
        assertThat(events).hasSize(2).allSatisfy(e -> assertThat(e.action).isEqualTo("data.read"));
        assertThat(events).allSatisfy(e -> assertThat(e.ids.size()).isLessThanOrEqualTo(80));
        assertThat(events.stream().flatMap(e -> e.ids.stream()).toList()).containsExactlyInAnyOrderElementsOf(returned);
    }

    @Test
    void aRevealWritesOnlyItsOwnEventAndMaskedReadsWriteNone() throws Exception {
        String id = created(people, "M1");
        String auditor = people.token("AUDITOR");

        String masked = requestId();
        HttpResponse<String> one = get("/api/v1/parties/" + id, auditor, masked);
        assertThat(one.statusCode()).as(one.body()).isEqualTo(200);
        assertThat(json(one).getBoolean("masked")).isTrue();
        String maskedList = requestId();
        assertThat(get("/api/v1/parties", auditor, maskedList).statusCode()).isEqualTo(200);
        String integration = requestId();
        assertThat(get("/api/v1/parties", people.token("INTEGRATION"), integration).statusCode()).isEqualTo(200);
        assertThat(eventsOf(masked)).isEmpty();
        assertThat(eventsOf(maskedList)).isEmpty();
        assertThat(eventsOf(integration)).isEmpty();

        String revealed = requestId();
        HttpResponse<String> reveal = server.sendWithHeader("POST", "/api/v1/parties/" + id + "/reveal",
                people.steppedUpToken("AUDITOR"), "{\"field\":\"iban\",\"reason\":\"payment dispute 4711\"}",
                "X-Request-Id", revealed);
        assertThat(reveal.statusCode()).as(reveal.body()).isEqualTo(200);
        List<Row> events = eventsOf(revealed);
        assertThat(events).hasSize(1);
        assertThat(events.get(0).action).isEqualTo("party.reveal");
        assertThat(events.get(0).targetId).isEqualTo(id);
    }

    @Test
    void aClerksInvoiceReadsAreRecordedAndAnAuditorsMaskedOnesAreNot() throws Exception {
        Personas own = Personas.forTenant(server, UUID.randomUUID());
        String clerk = own.token("CLERK");
        String party = created(own, "I1");
        HttpResponse<String> created = server.send("POST", "/api/v1/invoices", clerk, "{\"partyId\":\"" + party
                + "\",\"currency\":\"EUR\",\"note\":\"secret note\",\"lines\":[{\"description\":\"Work\","
                + "\"quantity\":1,\"unitCode\":\"C62\",\"unitPrice\":10,\"taxCategory\":\"S\",\"taxRate\":19}]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String invoice = json(created).getString("id");

        String got = requestId();
        assertThat(get("/api/v1/invoices/" + invoice, clerk, got).statusCode()).isEqualTo(200);
        String listed = requestId();
        assertThat(get("/api/v1/invoices", clerk, listed).statusCode()).isEqualTo(200);
        for (String request : List.of(got, listed)) {
            List<Row> events = eventsOf(request);
            assertThat(events).hasSize(1);
            assertThat(events.get(0).targetType).isEqualTo("invoice");
            assertThat(events.get(0).ids).containsExactly(invoice);
        }

        String masked = requestId();
        HttpResponse<String> auditorRead = get("/api/v1/invoices/" + invoice, own.token("AUDITOR"), masked);
        assertThat(auditorRead.statusCode()).isEqualTo(200);
        assertThat(auditorRead.body()).doesNotContain("secret note");
        assertThat(eventsOf(masked)).isEmpty();
    }

    @Test
    void anExportNamesTheInvoiceAndRecordsTheReadsOfItsPartyAndTheSeller() throws Exception {
        Personas own = Personas.forTenant(server, UUID.randomUUID());
        String seller = "{\"name\":\"Read Audit Seller GmbH\",\"vatId\":\"DE123456789\",\"endpointId\":"
                + "\"DE123456789\",\"endpointScheme\":\"9930\",\"street\":\"Hauptstrasse 1\",\"city\":\"Berlin\","
                + "\"postcode\":\"10115\",\"country\":\"DE\",\"iban\":\"DE89370400440532013000\"}";
        HttpResponse<String> set = server.send("PUT", "/api/v1/einvoice/seller", own.token("ACCOUNTANT"), seller);
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        String sellerRead = requestId();
        assertThat(get("/api/v1/einvoice/seller", own.token("ACCOUNTANT"), sellerRead).statusCode()).isEqualTo(200);
        assertThat(eventsOf(sellerRead)).singleElement().satisfies(e -> {
            assertThat(e.action).isEqualTo("data.read");
            assertThat(e.targetType).isEqualTo("einvoice-seller");
            assertThat(e.ids).hasSize(1);
        });

        String party = created(own, "E1");
        String invoice = json(server.send("POST", "/api/v1/invoices", own.token("CLERK"), "{\"partyId\":\"" + party
                + "\",\"currency\":\"EUR\",\"lines\":[{\"description\":\"Work\",\"quantity\":1,"
                + "\"unitCode\":\"C62\",\"unitPrice\":10,\"taxCategory\":\"S\",\"taxRate\":19}]}")).getString("id");
        for (String step : List.of("submit", "approve", "issue")) {
            HttpResponse<String> done = server.send("POST", "/api/v1/invoices/" + invoice + "/" + step,
                    own.steppedUpToken("APPROVER"), null);
            assertThat(done.statusCode()).as(step + " " + done.body()).isEqualTo(200);
        }

        String exported = requestId();
        HttpResponse<String> xml = HttpClient.newBuilder().sslContext(server.trustingThisServer()).build().send(
                HttpRequest.newBuilder(server.uri("/api/v1/invoices/" + invoice + "/ubl")).GET()
                        .header("Authorization", "Bearer " + own.token("CLERK")).header("X-Reason", "send to E1")
                        .header("X-Request-Id", exported).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(xml.statusCode()).as(xml.body()).isEqualTo(200);
        List<Row> events = eventsOf(exported);
        assertThat(events).extracting(e -> e.action + " " + e.targetType).containsExactlyInAnyOrder(
                "einvoice.export invoice", "data.read party", "data.read einvoice-seller");
        assertThat(events).filteredOn(e -> "party".equals(e.targetType)).singleElement()
                .satisfies(e -> assertThat(e.ids).containsExactly(party));
        assertThat(events).filteredOn(e -> "invoice".equals(e.targetType)).singleElement()
                .satisfies(e -> assertThat(e.targetId).isEqualTo(invoice));
    }

    @Test
    void theTenantsAuditorFindsTheReadsOfARowAndAnotherTenantsAuditorDoesNot() throws Exception {
        Personas own = Personas.forTenant(server, UUID.randomUUID());
        String first = created(own, "A1");
        String second = created(own, "A2");
        assertThat(get("/api/v1/parties?limit=10", own.token("CLERK"), requestId()).statusCode()).isEqualTo(200);

        for (String id : List.of(first, second)) {
            HttpResponse<String> found = server.send("GET", "/api/v1/audit/events?action=data.read&targetId=" + id,
                    own.token("AUDITOR"), null);
            assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
            assertThat(array(found)).hasSize(1);
            HttpResponse<String> other = server.send("GET", "/api/v1/audit/events?action=data.read&targetId=" + id,
                    people.token("AUDITOR"), null);
            assertThat(other.statusCode()).isEqualTo(200);
            assertThat(array(other)).isEmpty();
        }
    }

    @Test
    void noAuditRowHoldsASealedValue() throws Exception {
        Personas own = Personas.forTenant(server, UUID.randomUUID());
        String canary = "CANARY" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        HttpResponse<String> created = server.send("POST", "/api/v1/parties", own.token("CLERK"),
                Json.createObjectBuilder().add("legalName", "Legal " + canary).add("taxId", "DE " + canary)
                        .add("country", "DE").add("email", canary + "@example.com").add("iban", "DE89 " + canary)
                        .add("notes", "Notes " + canary).build().toString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json(created).getString("id");
        String request = requestId();
        assertThat(get("/api/v1/parties/" + id, own.token("CLERK"), request).body()).contains(canary);
        assertThat(get("/api/v1/parties?taxId=" + encode("DE " + canary), own.token("CLERK"), requestId()).body())
                .contains(canary);
        assertThat(eventsOf(request)).hasSize(1);

        try (Connection db = TestDatabase.SERVER.connectAsOwner();
             PreparedStatement select = db.prepareStatement("SELECT * FROM audit_event WHERE tenant_id = ?")) {
            select.setObject(1, own.tenant());
            try (ResultSet rows = select.executeQuery()) {
                ResultSetMetaData meta = rows.getMetaData();
                int count = 0;
                while (rows.next()) {
                    count++;
                    for (int c = 1; c <= meta.getColumnCount(); c++) {
                        String value = rows.getString(c);
                        assertThat(value == null ? "" : value.toUpperCase()).as(meta.getColumnName(c))
                                .doesNotContain(canary);
                    }
                }
                assertThat(count).isGreaterThanOrEqualTo(3); // the create and the two reads
            }
        }
    }

    @Test
    void aReadWhoseEventCannotBeWrittenReturnsNothing() throws Exception {
        String id = created(people, "F1");
        try (Connection db = TestDatabase.SERVER.connectAsOwner(); Statement sql = db.createStatement()) {
            sql.execute("CREATE OR REPLACE FUNCTION read_audit_it_refuse() RETURNS trigger AS $$ BEGIN"
                    + " IF NEW.action = 'data.read' THEN RAISE EXCEPTION 'refused by ReadAuditIT'; END IF;"
                    + " RETURN NEW; END $$ LANGUAGE plpgsql");
            sql.execute("CREATE TRIGGER read_audit_it_refuse BEFORE INSERT ON audit_event FOR EACH ROW"
                    + " EXECUTE FUNCTION read_audit_it_refuse()");
            try {
                HttpResponse<String> read = server.send("GET", "/api/v1/parties/" + id, people.token("CLERK"), null);
                assertThat(read.statusCode()).as(read.body()).isEqualTo(503);
                assertThat(read.body()).doesNotContain("Acme F1").doesNotContain("DE89");
                HttpResponse<String> list = server.send("GET", "/api/v1/parties", people.token("CLERK"), null);
                assertThat(list.statusCode()).isEqualTo(503);
                assertThat(list.body()).doesNotContain("Acme F1").doesNotContain("DE89");
            } finally {
                sql.execute("DROP TRIGGER read_audit_it_refuse ON audit_event");
                sql.execute("DROP FUNCTION read_audit_it_refuse()");
            }
        }
        assertThat(server.send("GET", "/api/v1/parties/" + id, people.token("CLERK"), null).statusCode())
                .isEqualTo(200);
    }

    /** One audit row as the database holds it; {@code ids} from its details (data.read events only). */
    private record Row(String action, String targetType, String targetId, String tenantId, String actor,
            String clientIp, List<String> ids) {
    }

    private static List<Row> eventsOf(String requestId) throws Exception {
        List<Row> rows = new ArrayList<>();
        try (Connection db = TestDatabase.SERVER.connectAsOwner();
             PreparedStatement select = db.prepareStatement("SELECT action, target_type, target_id, tenant_id, actor,"
                     + " client_ip, details FROM audit_event WHERE request_id = ? ORDER BY node_id, seq")) {
            select.setString(1, requestId);
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    String details = r.getString("details");
                    List<String> ids = details == null || !details.contains("\"ids\"") ? List.of()
                            : Json.createReader(new StringReader(details)).readObject().getJsonArray("ids")
                                    .getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
                    rows.add(new Row(r.getString("action"), r.getString("target_type"), r.getString("target_id"),
                            r.getString("tenant_id"), r.getString("actor"), r.getString("client_ip"), ids));
                }
            }
        }
        return rows;
    }

    private static HttpResponse<String> get(String path, String token, String requestId) throws Exception {
        return server.sendWithHeader("GET", path, token, null, "X-Request-Id", requestId);
    }

    private static String requestId() {
        return "read-audit-" + UUID.randomUUID();
    }

    private static String created(Personas tenant, String tag) throws Exception {
        HttpResponse<String> created = server.send("POST", "/api/v1/parties", tenant.token("CLERK"),
                Json.createObjectBuilder().add("legalName", "Acme " + tag + " GmbH").add("taxId", "DE 811 " + tag)
                        .add("country", "DE").add("email", "billing." + tag + "@acme.example")
                        .add("iban", "DE89 3704 0044 0532 0130 00").build().toString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).getString("id");
    }

    private static List<String> idsOf(HttpResponse<String> response) {
        return array(response).getValuesAs(JsonObject.class).stream().map(o -> o.getString("id")).toList();
    }

    private static JsonArray array(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readArray();
    }

    private static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
