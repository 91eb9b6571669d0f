package app.confidant.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import app.confidant.platform.ConfidantServer;
import app.confidant.platform.TestDatabase;
import app.confidant.security.Personas;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bad-input table: malformed, mistyped, out-of-range and XML-hostile values sent through every write endpoint of
 * invoicing on PostgreSQL. Each answer is a 4xx Problem Details body, nothing of the tenant changes, the server stays
 * healthy; and the valid edge cases beside them are accepted, issued and exported as UBL.
 */
class BadInputIT {

    private static final String SELLER = """
            {"name":"Edge Seller GmbH","vatId":"DE123456789","endpointId":"DE123456789","endpointScheme":"9930",
             "street":"Hauptstrasse 1","city":"Berlin","postcode":"10115","country":"DE",
             "iban":"DE89370400440532013000"}""";

    private static ConfidantServer server;
    private static Personas people;
    private static String partyId;
    private static String draftId;
    private static String issuedId;
    private static String submittedId;

    /** A request of the table: who sends what where, and the status family expected (400 unless said). */
    private record Bad(String why, String role, String method, String path, String body, String ifMatch) {
    }

    @BeforeAll
    static void start() throws Exception {
        server = ConfidantServer.shared();
        people = Personas.forTenant(server, UUID.randomUUID());
        assertThat(server.send("PUT", "/api/v1/einvoice/seller", people.token("ACCOUNTANT"), SELLER).statusCode())
                .isEqualTo(200);
        partyId = ok(server.send("POST", "/api/v1/parties", people.token("CLERK"),
                party("\"Edge Buyer AG\"", "\"Berlin\""))).getString("id");
        draftId = ok(server.send("POST", "/api/v1/invoices", people.token("CLERK"), invoice("\"Work\"", "1", "10",
                "null", "null", "null"))).getString("id");
        issuedId = issue(ok(server.send("POST", "/api/v1/invoices", people.token("CLERK"), invoice("\"Issued\"", "1",
                "100", "null", "null", "null"))).getString("id"));
        submittedId = ok(server.send("POST", "/api/v1/invoices", people.token("CLERK"), invoice("\"Submitted\"", "1",
                "10", "null", "null", "null"))).getString("id");
        ok(server.send("POST", "/api/v1/invoices/" + submittedId + "/submit", people.token("APPROVER"), null));
    }

    @Test
    void everyBadInputIsA4xxProblemAndNothingIsStored() throws Exception {
        List<Bad> table = new ArrayList<>();
        List<String> badText = List.of("5", "true", "{}", "[\"x\"]", "\"a\\u0000b\"", "\"a\\u000bb\"",
                "\"\\u001b[31mred\"", "\"x\\u007f\"", "\"x\\ufffe\"", "\"x\\ud800\"", "\"\\udc00x\"");
        for (String text : badText) {
            table.add(new Bad("party legalName " + text, "CLERK", "POST", "/api/v1/parties", party(text, "null"), null));
            table.add(new Bad("party city " + text, "CLERK", "PUT", "/api/v1/parties/" + partyId,
                    party("\"Edge Buyer AG\"", text), "\"1\""));
            table.add(new Bad("line description " + text, "CLERK", "POST", "/api/v1/invoices",
                    invoice(text, "1", "10", "null", "null", "null"), null));
            table.add(new Bad("note " + text, "CLERK", "PUT", "/api/v1/invoices/" + draftId,
                    invoice("\"Work\"", "1", "10", "null", "null", text), "\"1\""));
            table.add(new Bad("payment reference " + text, "ACCOUNTANT", "POST",
                    "/api/v1/invoices/" + issuedId + "/payments",
                    "{\"amount\":1,\"paidOn\":\"2026-12-01\",\"method\":\"CASH\",\"reference\":" + text + "}", null));
            table.add(new Bad("credit-note reason " + text, "ACCOUNTANT", "POST",
                    "/api/v1/invoices/" + issuedId + "/credit-notes", "{\"reason\":" + text + "}", null));
            table.add(new Bad("reject reason " + text, "APPROVER", "POST", "/api/v1/invoices/" + submittedId + "/reject",
                    "{\"reason\":" + text + "}", null));
            table.add(new Bad("seller name " + text, "ACCOUNTANT", "PUT", "/api/v1/einvoice/seller",
                    SELLER.replace("\"Edge Seller GmbH\"", text), null));
        }
        for (String date : List.of("\"+999999999-12-31\"", "\"1999-01-01\"", "\"2200-01-01\"", "\"-0001-01-01\"",
                "\"2026-02-30\"", "\"yesterday\"", "20261201")) {
            table.add(new Bad("dueDate " + date, "CLERK", "POST", "/api/v1/invoices",
                    invoice("\"Work\"", "1", "10", "null", date, "null"), null));
            table.add(new Bad("issueDate " + date, "CLERK", "PUT", "/api/v1/invoices/" + draftId,
                    invoice("\"Work\"", "1", "10", date, "null", "null"), "\"1\""));
            table.add(new Bad("paidOn " + date, "ACCOUNTANT", "POST", "/api/v1/invoices/" + issuedId + "/payments",
                    "{\"amount\":1,\"paidOn\":" + date + ",\"method\":\"CASH\"}", null));
        }
        String[][] figures = {
                {"overflowing quantity × price", "999999999999999", "999999999999999", "0"},
                {"a total the e-invoice rules cannot check", "100000", "9999999.9999", "0"},
                {"quantity 0", "0", "10", "0"}, {"negative quantity", "-1", "10", "0"},
                {"negative price", "1", "-10", "0"}, {"discount above the line", "1", "10", "10.01"},
                {"negative discount", "1", "10", "-1"}, {"five decimals", "1.00001", "10", "0"},
                {"quantity as a string", "\"1\"", "10", "0"}, {"price not a number", "1", "\"ten\"", "0"},
                {"huge exponent", "1E+400", "10", "0"}};
        for (String[] f : figures) {
            table.add(new Bad(f[0], "CLERK", "POST", "/api/v1/invoices",
                    invoice("\"Work\"", f[1], f[2], "null", "null", "null").replace("\"discount\":null",
                            "\"discount\":" + f[3]), null));
            table.add(new Bad(f[0] + " (edit)", "CLERK", "PUT", "/api/v1/invoices/" + draftId,
                    invoice("\"Work\"", f[1], f[2], "null", "null", "null").replace("\"discount\":null",
                            "\"discount\":" + f[3]), "\"1\""));
        }
        table.add(new Bad("prepaid above gross", "CLERK", "POST", "/api/v1/invoices",
                invoice("\"Work\"", "1", "10", "null", "null", "null").replace("\"lines\"", "\"prepaid\":12,\"lines\""),
                null));
        table.add(new Bad("unknown field", "CLERK", "POST", "/api/v1/parties",
                "{\"legalName\":\"X\",\"country\":\"DE\",\"admin\":true}", null));
        table.add(new Bad("not JSON", "CLERK", "POST", "/api/v1/parties", "{legalName: X", null));
        table.add(new Bad("an array", "CLERK", "POST", "/api/v1/invoices", "[]", null));
        table.add(new Bad("weak If-Match", "CLERK", "PUT", "/api/v1/parties/" + partyId,
                party("\"Edge Buyer AG\"", "\"Berlin\""), "W/\"1\""));
        table.add(new Bad("If-Match not a tag", "CLERK", "PUT", "/api/v1/invoices/" + draftId,
                invoice("\"Work\"", "1", "10", "null", "null", "null"), "1"));
        table.add(new Bad("payment too large", "ACCOUNTANT", "POST", "/api/v1/invoices/" + issuedId + "/payments",
                "{\"amount\":1E+20,\"paidOn\":\"2026-12-01\",\"method\":\"CASH\"}", null));
        table.add(new Bad("payment method unknown", "ACCOUNTANT", "POST", "/api/v1/invoices/" + issuedId + "/payments",
                "{\"amount\":1,\"paidOn\":\"2026-12-01\",\"method\":\"BITCOIN\"}", null));
        table.add(new Bad("credit note with a negative line", "ACCOUNTANT", "POST",
                "/api/v1/invoices/" + issuedId + "/credit-notes", "{\"reason\":\"Returned goods\",\"lines\":["
                + line("\"Returned\"", "1", "10").replace("\"discount\":null", "\"discount\":11") + "]}", null));
        table.add(new Bad("audit search from year one billion", "AUDITOR", "GET",
                "/api/v1/audit/events?from=%2B1000000000-01-01T00:00:00Z", null, null));

        String before = tenantState();
        List<String> failures = new ArrayList<>();
        for (Bad bad : table) {
            HttpResponse<String> answer = send(bad);
            String type = answer.headers().firstValue("Content-Type").orElse("");
            JsonObject problem = answer.body().startsWith("{") ? Json.createReader(new StringReader(answer.body()))
                    .readObject() : null;
            if (answer.statusCode() < 400 || answer.statusCode() >= 500 || !type.startsWith("application/problem+json")
                    || problem == null || !problem.containsKey("code") || problem.getInt("status") != answer.statusCode()) {
                failures.add(bad.why() + " → " + answer.statusCode() + " " + answer.body());
            }
        }
        assertThat(failures).as("%d cases", table.size()).isEmpty();
        assertThat(tenantState()).as("nothing of the tenant changed").isEqualTo(before);
        assertThat(server.send("GET", "/health/ready", null, null).body()).contains("\"status\":\"UP\"");
    }

    @Test
    void validEdgeCasesAreAcceptedIssuedAndExported() throws Exception {
        List<String> bodies = List.of(
                invoice("\"Tabs\\tand\\nline breaks, emoji 😀, ümlauts, 中文\"", "0.0001", "0", "null", "null",
                        "\"Multi-line\\r\\nnote\""),
                invoice("\"Whole line discounted\"", "2", "5", "null", "\"2099-12-31\"", "null")
                        .replace("\"discount\":null", "\"discount\":10"),
                invoice("\"" + "x".repeat(500) + "\"", "80000", "9999999.9999", "\"2000-01-01\"", "null", "null"),
                invoice("\"Prepaid in full\"", "1", "100", "null", "null", "null")
                        .replace("\"lines\"", "\"prepaid\":119,\"lines\""));
        for (String body : bodies) {
            String id = ok(server.send("POST", "/api/v1/invoices", people.token("CLERK"), body)).getString("id");
            issue(id);
            HttpResponse<String> ubl = export(id);
            assertThat(ubl.statusCode()).as(ubl.body()).isEqualTo(200);
            assertThat(ubl.body()).startsWith("<?xml");
        }
    }

    private static String tenantState() throws Exception {
        StringBuilder state = new StringBuilder();
        try (Connection db = TestDatabase.SERVER.connectAsOwner()) {
            for (String query : List.of(
                    "SELECT count(*), coalesce(sum(row_version), 0), max(updated_at) FROM party WHERE tenant_id = ?",
                    "SELECT count(*), coalesce(sum(row_version), 0), max(updated_at) FROM invoice WHERE tenant_id = ?",
                    "SELECT count(*), 0, max(created_at) FROM payment WHERE tenant_id = ?",
                    "SELECT count(*), coalesce(sum(row_version), 0), 0 FROM einvoice_seller WHERE tenant_id = ?")) {
                try (PreparedStatement select = db.prepareStatement(query)) {
                    select.setObject(1, people.tenant());
                    try (ResultSet row = select.executeQuery()) {
                        row.next();
                        state.append(row.getString(1)).append('/').append(row.getString(2)).append('/')
                                .append(row.getString(3)).append(' ');
                    }
                }
            }
        }
        return state.toString();
    }

    private static HttpResponse<String> send(Bad bad) throws Exception {
        String token = bad.role().equals("APPROVER") ? people.steppedUpToken("APPROVER") : people.token(bad.role());
        return bad.ifMatch() == null ? server.send(bad.method(), bad.path(), token, bad.body())
                : server.sendWithHeader(bad.method(), bad.path(), token, bad.body(), "If-Match", bad.ifMatch());
    }

    private static String issue(String id) throws Exception {
        for (String action : List.of("submit", "approve", "issue")) {
            ok(server.send("POST", "/api/v1/invoices/" + id + "/" + action, people.steppedUpToken("APPROVER"), null));
        }
        return id;
    }

    private static HttpResponse<String> export(String id) throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(server.trustingThisServer()).build();
        return client.send(HttpRequest.newBuilder(server.uri("/api/v1/invoices/" + id + "/ubl"))
                .timeout(Duration.ofSeconds(60)).GET().header("Authorization", "Bearer " + people.token("APPROVER"))
                .header("X-Reason", "send the e-invoice to the buyer").build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A party body; name and city are JSON literals (a string, a number, null…) as the case needs. */
    private static String party(String legalName, String city) {
        return "{\"legalName\":" + legalName + ",\"country\":\"DE\",\"city\":" + city
                + ",\"postcode\":\"10115\",\"taxId\":\"DE 999 000 111\"}";
    }

    /** An invoice body with one line; the arguments are JSON literals. */
    private static String invoice(String description, String quantity, String price, String issueDate,
            String dueDate, String note) {
        return "{\"partyId\":\"" + partyId + "\",\"currency\":\"EUR\",\"issueDate\":" + issueDate + ",\"dueDate\":"
                + dueDate + ",\"paymentTerms\":\"30 days net\",\"note\":" + note + ",\"lines\":["
                + line(description, quantity, price) + "]}";
    }

    private static String line(String description, String quantity, String price) {
        return "{\"description\":" + description + ",\"quantity\":" + quantity + ",\"unitCode\":\"C62\",\"unitPrice\":"
                + price + ",\"discount\":null,\"taxCategory\":\"S\",\"taxRate\":19}";
    }

    private static JsonObject ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isLessThan(300);
        return Json.createReader(new StringReader(response.body())).readObject();
    }
}
