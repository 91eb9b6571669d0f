package app.confidant.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import app.confidant.platform.ConfidantServer;
import app.confidant.platform.TestDatabase;
import app.confidant.security.Personas;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Year;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The invoice life cycle over HTTPS: totals, workflow, frozen after issue (numbering under load: GaplessNumberingIT). */
class InvoiceWorkflowIT {

    private static ConfidantServer server;
    private static Personas people;
    private static String partyId;

    @BeforeAll
    static void start() throws Exception {
        server = ConfidantServer.shared();
        people = Personas.forTenant(server, UUID.randomUUID());
        partyId = json(server.send("POST", "/api/v1/parties", people.token("CLERK"),
                "{\"legalName\":\"Buyer AG\",\"country\":\"DE\"}")).getString("id");
    }

    static String invoice(String note) {
        JsonArrayBuilder lines = Json.createArrayBuilder()
                .add(line("Consulting", "3", "HUR", "33.333", null, "S", "19"))
                .add(line("Travel", "7", "C62", "1.115", "0.50", "S", "19"))
                .add(line("Export parts", "1", "C62", "250", null, "G", "0"));
        return Json.createObjectBuilder().add("partyId", partyId).add("currency", "EUR").add("note", note)
                .add("lines", lines).build().toString();
    }

    private static JsonObject line(String description, String qty, String unit, String price, String discount,
            String category, String rate) {
        var line = Json.createObjectBuilder().add("description", description).add("quantity", Json.createValue(
                new java.math.BigDecimal(qty))).add("unitCode", unit).add("unitPrice",
                Json.createValue(new java.math.BigDecimal(price))).add("taxCategory", category)
                .add("taxRate", Json.createValue(new java.math.BigDecimal(rate)));
        if (discount != null) {
            line.add("discount", Json.createValue(new java.math.BigDecimal(discount)));
        }
        return line.build();
    }

    static JsonObject json(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isLessThan(300);
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private static HttpResponse<String> act(String id, String action, String role) throws Exception {
        return server.send("POST", "/api/v1/invoices/" + id + "/" + action, people.token(role), null);
    }

    @Test
    void anInvoiceGoesFromDraftToSentAndIsFrozenOnceIssued() throws Exception {
        JsonObject draft = json(server.send("POST", "/api/v1/invoices", people.token("CLERK"), invoice("first")));
        String id = draft.getString("id");
        assertThat(draft.getString("status")).isEqualTo("DRAFT");
        assertThat(draft.containsKey("retainUntil") && !draft.isNull("retainUntil")).as("no retention before issue")
                .isFalse();
        assertThat(draft.getJsonNumber("netTotal").bigDecimalValue()).isEqualByComparingTo("357.31");
        assertThat(draft.getJsonNumber("taxTotal").bigDecimalValue()).isEqualByComparingTo("20.39");
        assertThat(draft.getJsonNumber("payable").bigDecimalValue()).isEqualByComparingTo("377.70");

        assertThat(act(id, "approve", "APPROVER").statusCode()).isEqualTo(409); // not submitted yet
        assertThat(json(act(id, "submit", "APPROVER")).getString("status")).isEqualTo("SUBMITTED");
        JsonObject rejected = json(server.send("POST", "/api/v1/invoices/" + id + "/reject", people.token("APPROVER"),
                "{\"reason\":\"wrong travel costs\"}"));
        assertThat(rejected.getString("status")).isEqualTo("DRAFT");
        assertThat(rejected.getString("rejectionReason")).isEqualTo("wrong travel costs");
        // the reason is also in the rejection's audit event, where the auditor reads it (#19)
        JsonObject event = Json.createReader(new StringReader(server.send("GET", "/api/v1/audit/events?action="
                + "invoice.reject&targetId=" + id, people.token("AUDITOR"), null).body())).readArray().getJsonObject(0);
        assertThat(event.getString("reason")).isEqualTo("wrong travel costs");
        act(id, "submit", "APPROVER");
        assertThat(json(act(id, "approve", "APPROVER")).getString("status")).isEqualTo("APPROVED");
        JsonObject issued = json(act(id, "issue", "APPROVER"));
        assertThat(issued.getString("status")).isEqualTo("ISSUED");
        assertThat(issued.getString("number")).matches("INV-" + Year.now().getValue() + "-\\d{6}");
        // kept to the end of the tenth calendar year after its issue (confidant.retention.years)
        assertThat(issued.getString("retainUntil")).isEqualTo((Year.now().getValue() + 10) + "-12-31");
        assertThat(json(act(id, "send", "APPROVER")).getString("status")).isEqualTo("SENT");

        String etag = "\"" + json(server.send("GET", "/api/v1/invoices/" + id, people.token("CLERK"), null))
                .getJsonNumber("version").longValue() + "\"";
        HttpResponse<String> edit = server.sendWithHeader("PUT", "/api/v1/invoices/" + id, people.token("CLERK"),
                invoice("changed"), "If-Match", etag);
        assertThat(edit.statusCode()).isEqualTo(409);
        assertThat(edit.body()).contains("invoice-frozen");
        assertThat(server.sendWithHeader("DELETE", "/api/v1/invoices/" + id, people.token("CLERK"), null,
                "If-Match", etag).statusCode()).isEqualTo(409);

        JsonObject masked = json(server.send("GET", "/api/v1/invoices/" + id, people.token("AUDITOR"), null));
        assertThat(masked.getBoolean("masked")).isTrue();
        assertThat(masked.toString()).doesNotContain("Consulting").doesNotContain("first");
    }

    @Test
    void aDraftIsEditedManyTimesWithLinesAddedRemovedReorderedAndChanged() throws Exception {
        String clerk = people.token("CLERK");
        List<List<String>> edits = List.of(
                List.of("A:1:10", "B:2:20", "C:3:30"),             // the body it was created with, unchanged
                List.of("A:1:10", "B:2:20", "C:3:30", "D:4:40"),   // a line added
                List.of("A:1:10", "D:4:40"),                       // two removed from the middle
                List.of("D:4:40", "A:1:10"),                       // reordered
                List.of("D:5:41.5", "A:1:10", "E:1:0.99", "F:2:7"), // changed, and two added
                List.of("F:2:7"),                                  // down to one line
                List.of("G:3:3", "H:1:1", "I:1:1", "J:1:1", "K:1:1", "L:1:1")); // and up to six
        JsonObject draft = json(server.send("POST", "/api/v1/invoices", clerk, draftWith("v0", edits.get(0))));
        String id = draft.getString("id");
        long version = draft.getJsonNumber("version").longValue();
        for (int round = 0; round < edits.size(); round++) {
            List<String> lines = edits.get(round);
            HttpResponse<String> edited = server.sendWithHeader("PUT", "/api/v1/invoices/" + id, clerk,
                    draftWith("v" + round, lines), "If-Match", "\"" + version + "\"");
            assertThat(edited.statusCode()).as("edit %d: %s", round, edited.body()).isEqualTo(200);
            JsonObject after = json(server.send("GET", "/api/v1/invoices/" + id, clerk, null));
            assertThat(after.getJsonNumber("version").longValue()).isGreaterThan(version);
            version = after.getJsonNumber("version").longValue();
            assertThat(edited.headers().firstValue("ETag")).hasValue("\"" + version + "\"");
            assertThat(after.getString("note")).isEqualTo("v" + round);
            assertThat(after.getJsonArray("lines").getValuesAs(JsonObject.class).stream()
                    .map(l -> l.getInt("lineNo") + "=" + l.getString("description") + ":"
                            + l.getJsonNumber("quantity").bigDecimalValue().stripTrailingZeros().toPlainString() + ":"
                            + l.getJsonNumber("unitPrice").bigDecimalValue().stripTrailingZeros().toPlainString())
                    .toList()).as("edit %d", round).isEqualTo(numbered(lines));
            java.math.BigDecimal net = lines.stream().map(l -> new java.math.BigDecimal(l.split(":")[1])
                    .multiply(new java.math.BigDecimal(l.split(":")[2]))).reduce(java.math.BigDecimal.ZERO,
                    java.math.BigDecimal::add);
            assertThat(after.getJsonNumber("netTotal").bigDecimalValue()).as("edit %d", round)
                    .isEqualByComparingTo(net.setScale(2, java.math.RoundingMode.HALF_UP));
        }
        // a rejected submission is edited and goes through approval and issue
        json(act(id, "submit", "APPROVER"));
        json(server.send("POST", "/api/v1/invoices/" + id + "/reject", people.token("APPROVER"),
                "{\"reason\":\"wrong quantities\"}"));
        long rejected = json(server.send("GET", "/api/v1/invoices/" + id, clerk, null)).getJsonNumber("version")
                .longValue();
        assertThat(server.sendWithHeader("PUT", "/api/v1/invoices/" + id, clerk, draftWith("fixed",
                List.of("G:2:3", "H:1:1")), "If-Match", "\"" + rejected + "\"").statusCode()).isEqualTo(200);
        json(act(id, "submit", "APPROVER"));
        json(act(id, "approve", "APPROVER"));
        JsonObject issued = json(act(id, "issue", "APPROVER"));
        assertThat(issued.getJsonArray("lines")).hasSize(2);
        assertThat(issued.getJsonNumber("netTotal").bigDecimalValue()).isEqualByComparingTo("7.00");
    }

    private static String draftWith(String note, List<String> lines) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (String l : lines) {
            String[] f = l.split(":");
            array.add(line(f[0], f[1], "C62", f[2], null, "S", "19"));
        }
        return Json.createObjectBuilder().add("partyId", partyId).add("currency", "EUR").add("note", note)
                .add("lines", array).build().toString();
    }

    private static List<String> numbered(List<String> lines) {
        List<String> numbered = new java.util.ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String[] f = lines.get(i).split(":");
            numbered.add((i + 1) + "=" + f[0] + ":" + new java.math.BigDecimal(f[1]).stripTrailingZeros().toPlainString()
                    + ":" + new java.math.BigDecimal(f[2]).stripTrailingZeros().toPlainString());
        }
        return numbered;
    }

    private String issuedInvoice(String note) throws Exception {
        String id = json(server.send("POST", "/api/v1/invoices", people.token("CLERK"), invoice(note))).getString("id");
        act(id, "submit", "APPROVER");
        act(id, "approve", "APPROVER");
        json(act(id, "issue", "APPROVER"));
        return id;
    }

    private static String payment(String amount) {
        return "{\"amount\":" + amount + ",\"paidOn\":\"2026-11-25\",\"method\":\"CREDIT_TRANSFER\"}";
    }

    @Test
    void paymentsSettleAnInvoiceAndOverpaymentIsRefused() throws Exception {
        String id = issuedInvoice("to pay");
        String accountant = people.token("ACCOUNTANT");
        JsonObject part = json(server.send("POST", "/api/v1/invoices/" + id + "/payments", accountant, payment("100")));
        assertThat(part.getString("status")).isEqualTo("PARTIALLY_PAID");
        assertThat(part.getJsonNumber("paidTotal").bigDecimalValue()).isEqualByComparingTo("100.00");

        HttpResponse<String> over = server.send("POST", "/api/v1/invoices/" + id + "/payments", accountant, payment("300"));
        assertThat(over.statusCode()).isEqualTo(409);
        assertThat(over.body()).contains("overpayment");
        JsonObject paid = json(server.send("POST", "/api/v1/invoices/" + id + "/payments", accountant, payment("277.70")));
        assertThat(paid.getString("status")).isEqualTo("PAID");
        assertThat(server.send("POST", "/api/v1/invoices/" + id + "/payments", accountant, payment("0.01"))
                .statusCode()).isEqualTo(409);
        String draft = json(server.send("POST", "/api/v1/invoices", people.token("CLERK"), invoice("d"))).getString("id");
        assertThat(server.send("POST", "/api/v1/invoices/" + draft + "/payments", accountant, payment("1"))
                .statusCode()).isEqualTo(409);
    }

    @Test
    void aCreditNoteReferencesItsInvoiceGoesThroughApprovalAndCannotOverCredit() throws Exception {
        String id = issuedInvoice("to credit");
        String accountant = people.token("ACCOUNTANT");
        String partial = "{\"reason\":\"travel billed twice\",\"lines\":[" + line("Travel", "7", "C62", "1.115", "0.50",
                "S", "19") + "]}";
        HttpResponse<String> created = server.send("POST", "/api/v1/invoices/" + id + "/credit-notes", accountant, partial);
        assertThat(created.statusCode()).isEqualTo(201);
        JsonObject note = json(created);
        assertThat(note.getString("kind")).isEqualTo("CREDIT_NOTE");
        assertThat(note.getString("precedingInvoiceId")).isEqualTo(id);
        assertThat(note.getJsonNumber("payable").bigDecimalValue()).isEqualByComparingTo("8.70"); // 7.31 + 1.39

        HttpResponse<String> full = server.send("POST", "/api/v1/invoices/" + id + "/credit-notes", accountant,
                "{\"reason\":\"cancel everything\"}");
        assertThat(full.statusCode()).isEqualTo(409);
        assertThat(full.body()).contains("over-credit");

        String noteId = note.getString("id");
        act(noteId, "submit", "APPROVER");
        act(noteId, "approve", "APPROVER");
        assertThat(json(act(noteId, "issue", "APPROVER")).getString("number"))
                .matches("CN-" + Year.now().getValue() + "-\\d{6}");
        String draft = json(server.send("POST", "/api/v1/invoices", people.token("CLERK"), invoice("d"))).getString("id");
        assertThat(server.send("POST", "/api/v1/invoices/" + draft + "/credit-notes", accountant,
                "{\"reason\":\"not issued yet\"}").statusCode()).isEqualTo(409);
    }

    @Test
    void theSameIdempotencyKeyTwiceCreatesOneInvoice() throws Exception {
        String key = "retry-" + UUID.randomUUID();
        long before = count();
        HttpResponse<String> first = server.sendWithHeader("POST", "/api/v1/invoices", people.token("CLERK"),
                invoice("idem"), "Idempotency-Key", key);
        HttpResponse<String> again = server.sendWithHeader("POST", "/api/v1/invoices", people.token("CLERK"),
                invoice("idem"), "Idempotency-Key", key);
        assertThat(json(again).getString("id")).isEqualTo(json(first).getString("id"));
        assertThat(count()).isEqualTo(before + 1);

        HttpResponse<String> different = server.sendWithHeader("POST", "/api/v1/invoices", people.token("CLERK"),
                invoice("other"), "Idempotency-Key", key);
        assertThat(different.statusCode()).isEqualTo(422);
        assertThat(different.body()).contains("idempotency-key-reused");
        assertThat(count()).isEqualTo(before + 1);
    }

    @Test
    void listsFilterByTaxIdAndIssueDateAndOverdueIsDerived() throws Exception {
        Personas tenant = Personas.forTenant(server, UUID.randomUUID());
        String clerk = tenant.token("CLERK");
        String party = json(server.send("POST", "/api/v1/parties", clerk,
                "{\"legalName\":\"Late Payer SA\",\"country\":\"FR\",\"taxId\":\"FR 40 303 265 045\"}")).getString("id");
        // a draft's issue date is a plan: issuing dates the invoice today (BT-2)
        String late = invoice("late").replace(partyId, party).replace("\"currency\":\"EUR\"",
                "\"currency\":\"EUR\",\"issueDate\":\"2026-01-05\",\"dueDate\":\"2099-02-04\"");
        String id = json(server.send("POST", "/api/v1/invoices", clerk, late)).getString("id");
        String otherParty = json(server.send("POST", "/api/v1/parties", clerk,
                "{\"legalName\":\"Prompt Payer AG\",\"country\":\"DE\"}")).getString("id");
        json(server.send("POST", "/api/v1/invoices", clerk, invoice("other party").replace(partyId, otherParty)));
        for (String action : new String[] {"submit", "approve"}) {
            json(server.send("POST", "/api/v1/invoices/" + id + "/" + action, tenant.token("APPROVER"), null));
        }
        JsonObject issued = json(server.send("POST", "/api/v1/invoices/" + id + "/issue", tenant.token("APPROVER"), null));
        assertThat(issued.getBoolean("overdue")).isFalse();
        assertThat(issued.getString("issueDate")).isEqualTo(java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString());
        // time passes: the invoice was issued in January and is due since February
        try (Connection c = TestDatabase.SERVER.connectAsOwner(); Statement s = c.createStatement()) {
            assertThat(s.executeUpdate("UPDATE invoice SET issue_date = DATE '2026-01-05', due_date = DATE '2026-02-04'"
                    + " WHERE id = '" + id + "'")).isEqualTo(1);
        }
        assertThat(json(server.send("GET", "/api/v1/invoices/" + id, clerk, null)).getBoolean("overdue")).isTrue();

        String byTaxId = server.send("GET", "/api/v1/invoices?taxId=fr40303265045", clerk, null).body();
        assertThat(byTaxId).contains(id);
        assertThat(Json.createReader(new StringReader(byTaxId)).readArray()).hasSize(1);
        assertThat(server.send("GET", "/api/v1/invoices?issuedFrom=2026-01-01&issuedTo=2026-01-31", clerk, null).body())
                .contains(id);
        assertThat(server.send("GET", "/api/v1/invoices?issuedFrom=2026-02-01", clerk, null).body()).doesNotContain(id);
        assertThat(server.send("GET", "/api/v1/invoices?issuedFrom=yesterday", clerk, null).statusCode()).isEqualTo(400);
    }

    @Test
    void nobodyApprovesAnInvoiceTheyCreated() throws Exception {
        Personas both = Personas.forTenant(server, people.tenant()).withRoles("CLERK", "APPROVER");
        String token = both.token("CLERK");
        String id = json(server.send("POST", "/api/v1/invoices", token, invoice("mine"))).getString("id");
        json(server.send("POST", "/api/v1/invoices/" + id + "/submit", token, null));

        HttpResponse<String> self = server.send("POST", "/api/v1/invoices/" + id + "/approve", token, null);
        assertThat(self.statusCode()).isEqualTo(409);
        assertThat(self.body()).contains("self-approval");
        assertThat(json(act(id, "approve", "APPROVER")).getString("status")).isEqualTo("APPROVED");
    }

    @Test
    void anotherTenantsInvoiceIsNotFound() throws Exception {
        String id = json(server.send("POST", "/api/v1/invoices", people.token("CLERK"), invoice("t"))).getString("id");
        Personas other = Personas.forTenant(server, UUID.randomUUID());
        for (String role : new String[] {"CLERK", "APPROVER"}) {
            assertThat(server.send("GET", "/api/v1/invoices/" + id, other.token(role), null).statusCode()).isEqualTo(404);
        }
        assertThat(server.send("POST", "/api/v1/invoices/" + id + "/submit", other.token("APPROVER"), null).statusCode())
                .isEqualTo(404);
        assertThat(server.sendWithHeader("PUT", "/api/v1/invoices/" + id, other.token("CLERK"), invoice("t"),
                "If-Match", "\"1\"").statusCode()).isEqualTo(404);
        assertThat(server.send("GET", "/api/v1/invoices?limit=500", other.token("CLERK"), null).body()).doesNotContain(id);
    }

    @Test
    void wrongTaxCategoryRatesAndUnknownPartiesAreRefusedAndNothingIsStored() throws Exception {
        long before = count();
        String badRate = invoice("x").replace("\"taxCategory\":\"G\",\"taxRate\":0", "\"taxCategory\":\"G\",\"taxRate\":7");
        assertThat(server.send("POST", "/api/v1/invoices", people.token("CLERK"), badRate).statusCode()).isEqualTo(422);
        String badParty = invoice("x").replace(partyId, UUID.randomUUID().toString());
        assertThat(server.send("POST", "/api/v1/invoices", people.token("CLERK"), badParty).statusCode()).isEqualTo(422);
        String negative = invoice("x").replace("\"quantity\":3", "\"quantity\":-3");
        assertThat(server.send("POST", "/api/v1/invoices", people.token("CLERK"), negative).statusCode()).isEqualTo(400);
        String currency = invoice("x").replace("\"EUR\"", "\"EUX\"");
        assertThat(server.send("POST", "/api/v1/invoices", people.token("CLERK"), currency).statusCode()).isEqualTo(400);
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aPartyNamedByAnInvoiceCannotBeDeleted() throws Exception {
        json(server.send("POST", "/api/v1/invoices", people.token("CLERK"), invoice("keeps its party")));
        String etag = server.send("GET", "/api/v1/parties/" + partyId, people.token("CLERK"), null).headers()
                .firstValue("ETag").orElseThrow();
        HttpResponse<String> refused = server.sendWithHeader("DELETE", "/api/v1/parties/" + partyId,
                people.token("CLERK"), null, "If-Match", etag);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("\"code\":\"party-in-use\"");
        assertThat(server.send("GET", "/api/v1/parties/" + partyId, people.token("CLERK"), null).statusCode())
                .isEqualTo(200);
    }

    private static long count() throws Exception {
        try (Connection c = TestDatabase.SERVER.connectAsOwner(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT count(*) FROM invoice")) {
            r.next();
            return r.getLong(1);
        }
    }
}
