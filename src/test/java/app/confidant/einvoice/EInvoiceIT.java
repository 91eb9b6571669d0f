package app.confidant.einvoice;

import static org.assertj.core.api.Assertions.assertThat;

import app.confidant.platform.ConfidantServer;
import app.confidant.platform.TestDatabase;
import app.confidant.security.Personas;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** E-invoices over HTTPS on the real server: export, validation, import of the official examples, XML attacks. */
class EInvoiceIT {

    private static final String SELLER = """
            {"name":"Confidant Seller GmbH","tradingName":"Seller","vatId":"DE123456789","legalId":"HRB 12345",
             "endpointId":"DE123456789","endpointScheme":"9930","street":"Hauptstrasse 1","city":"Berlin",
             "postcode":"10115","country":"DE","contactName":"Billing","contactEmail":"billing@seller.example",
             "iban":"DE89370400440532013000","bic":"COBADEFFXXX","accountName":"Confidant Seller GmbH"}""";

    private static ConfidantServer server;
    private static Personas people;
    private static HttpClient client;

    @BeforeAll
    static void start() throws Exception {
        server = ConfidantServer.shared();
        people = Personas.forTenant(server, UUID.randomUUID());
        client = HttpClient.newBuilder().sslContext(server.trustingThisServer()).build();
        assertThat(server.send("PUT", "/api/v1/einvoice/seller", people.token("ACCOUNTANT"), SELLER).statusCode())
                .isEqualTo(200);
    }

    @Test
    void everyTaxCategoryDiscountsAndCreditNotesExportAsValidUbl() throws Exception {
        String buyer = party("{\"legalName\":\"Buyer AG\",\"country\":\"AT\",\"taxId\":\"ATU12345678\","
                + "\"addressLines\":\"Ring 1\",\"city\":\"Wien\",\"postcode\":\"1010\",\"email\":\"ap@buyer.example\"}");
        String noVat = party("{\"legalName\":\"Private Buyer\",\"country\":\"CH\",\"taxId\":\"123-456\","
                + "\"city\":\"Bern\",\"postcode\":\"3000\"}");
        List<String> cases = List.of(
                invoice(buyer, "EUR", line("Consulting", "3", "HUR", "33.333", "0.01", "S", "19"),
                        line("Books", "7", "C62", "1.115", "0.50", "Z", "0"), line("Training", "1", "C62", "250", null, "E", "0")),
                invoice(buyer, "EUR", line("Cleaning", "2.5", "HUR", "40", null, "AE", "0")),
                invoice(buyer, "EUR", line("Machine parts", "10", "C62", "19.99", "1.99", "K", "0")),
                invoice(noVat, "USD", line("Export parts", "1", "C62", "1000", null, "G", "0")),
                invoice(noVat, "CHF", line("Advice outside scope", "1", "C62", "99.995", null, "O", "0")),
                invoice(buyer, "SEK", line("Rounding half up", "3", "C62", "0.335", null, "S", "25"),
                        line("Rounding again", "1", "C62", "0.005", null, "S", "12")));
        for (String body : cases) {
            String id = issue(json(server.send("POST", "/api/v1/invoices", people.token("CLERK"), body)).getString("id"));
            assertValid(export(id, "APPROVER"), "Invoice");
        }
        String credited = issue(json(server.send("POST", "/api/v1/invoices", people.token("CLERK"),
                invoice(buyer, "EUR", line("Consulting", "2", "HUR", "100", null, "S", "19")))).getString("id"));
        String note = json(server.send("POST", "/api/v1/invoices/" + credited + "/credit-notes",
                people.token("ACCOUNTANT"), "{\"reason\":\"returned goods\"}")).getString("id");
        server.send("POST", "/api/v1/invoices/" + note + "/submit", people.token("APPROVER"), null);
        issue(note);
        Document creditNote = assertValid(export(note, "ACCOUNTANT"), "CreditNote");
        UblDocument read = UblReader.read(creditNote);
        assertThat(read.preceding()).singleElement().satisfies(p -> assertThat(p.number()).startsWith("INV-"));
        assertThat(read.totals().payable()).isEqualByComparingTo("238.00");
    }

    @Test
    void exportIsAnAuditedDisclosureForClearRolesWithAReason() throws Exception {
        String buyer = party("{\"legalName\":\"Audit Buyer AG\",\"country\":\"DE\",\"taxId\":\"DE999999999\"}");
        String draft = json(server.send("POST", "/api/v1/invoices", people.token("CLERK"),
                invoice(buyer, "EUR", line("Work", "1", "HUR", "10", null, "S", "19")))).getString("id");
        assertThat(get("/api/v1/invoices/" + draft + "/ubl", "CLERK", "to send to the customer").statusCode())
                .isEqualTo(409);
        String id = issue(draft);
        assertThat(get("/api/v1/invoices/" + id + "/ubl", "CLERK", null).statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/invoices/" + id + "/ubl", "AUDITOR", "curious auditor").statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/invoices/" + id + "/ubl", "INTEGRATION", "an app wants it").statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/invoices/" + UUID.randomUUID() + "/ubl", "CLERK", "no such invoice").statusCode())
                .isEqualTo(404);
        long before = exports(id);
        HttpResponse<String> ok = get("/api/v1/invoices/" + id + "/ubl", "CLERK", "send to Audit Buyer AG");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("xml"));
        assertThat(exports(id)).isEqualTo(before + 1);
    }

    /**
     * Every official example the rules accept imports (ACCOUNTANT) and re-exports with the same business terms.
     * Several examples share an invoice number, and a number is imported once per tenant: repeats go to a further
     * tenant, after checking that the first tenant refuses them.
     */
    @Test
    void officialExamplesImportAndReExportWithTheSameBusinessTerms() throws Exception {
        List<Personas> tenants = new java.util.ArrayList<>(List.of(people));
        Map<Personas, Set<String>> numbers = new java.util.HashMap<>();
        int imported = 0;
        int refusedB = 0;
        for (Path file : Examples.all()) {
            String name = file.getFileName().toString();
            byte[] original = Examples.read(file);
            UblDocument model = UblReader.read(SafeXml.parse(original));
            if (model.lines().stream().anyMatch(l -> "B".equals(l.category()))) {
                HttpResponse<String> refused = post(people, "/api/v1/invoices/import", original);
                assertThat(refused.statusCode()).as(name).isEqualTo(422);
                assertThat(refused.body()).contains("unsupported-tax-category");
                refusedB++;
                continue;
            }
            Personas tenant = null;
            for (Personas candidate : tenants) {
                if (numbers.computeIfAbsent(candidate, k -> new HashSet<>()).add(model.number())) {
                    tenant = candidate;
                    break;
                }
                assertThat(post(candidate, "/api/v1/invoices/import", original).statusCode())
                        .as(name + " repeats a number").isEqualTo(409);
            }
            if (tenant == null) {
                tenant = Personas.forTenant(server, UUID.randomUUID());
                tenants.add(tenant);
                numbers.computeIfAbsent(tenant, k -> new HashSet<>()).add(model.number());
            }
            HttpResponse<String> response = post(tenant, "/api/v1/invoices/import", original);
            assertThat(response.statusCode()).as(name + ": " + response.body()).isEqualTo(201);
            String id = Json.createReader(new StringReader(response.body())).readObject().getString("id");
            JsonObject invoice = json(server.send("GET", "/api/v1/invoices/" + id, tenant.token("ACCOUNTANT"), null));
            assertThat(invoice.getString("status")).isEqualTo("ISSUED");
            assertThat(invoice.getString("series")).isEqualTo("IMP");
            assertThat(invoice.getString("number")).isEqualTo(model.number());
            assertThat(invoice.getJsonNumber("payable").bigDecimalValue()).isEqualByComparingTo(model.totals().payable());

            HttpResponse<String> again = get(tenant, "/api/v1/invoices/" + id + "/ubl", "ACCOUNTANT",
                    "migration check of " + name);
            assertThat(again.statusCode()).as(name + ": " + again.body()).isEqualTo(200);
            Map<String, String> diff = BusinessTerms.differences(BusinessTerms.of(SafeXml.parse(original)),
                    BusinessTerms.of(SafeXml.parse(again.body().getBytes(StandardCharsets.UTF_8))));
            diff.remove("/Invoice/InvoiceLine/DocumentReference/DocumentTypeCode");
            assertThat(diff).as(name).isEmpty();
            imported++;
        }
        assertThat(imported + refusedB).isEqualTo(Examples.all().size());
        assertThat(imported).isEqualTo(Examples.all().size() - 1);
        assertThat(post(people, "/api/v1/invoices/import", Examples.read(Examples.all().get(0)), "CLERK").statusCode())
                .isEqualTo(403);
    }

    @Test
    void anInvalidDocumentIsRefusedWithTheFailedRules() throws Exception {
        String broken = new String(Examples.read(Examples.folder().resolve("ubl-tc434-example1.xml")),
                StandardCharsets.UTF_8).replaceFirst("<cbc:ID>[^<]*</cbc:ID>", "<cbc:ID>X-BROKEN-1</cbc:ID>")
                .replaceFirst("(<cbc:PayableAmount currencyID=\"[A-Z]+\">)", "$11");
        long invoices = count("invoice");
        HttpResponse<String> refused = post("/api/v1/invoices/import", "ACCOUNTANT", broken.getBytes(StandardCharsets.UTF_8));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("\"code\":\"einvoice-invalid\"").contains("BR-CO-16");
        assertThat(count("invoice")).isEqualTo(invoices);

        HttpResponse<String> report = post("/api/v1/einvoice/validate", "INTEGRATION", broken.getBytes(StandardCharsets.UTF_8));
        assertThat(report.statusCode()).isEqualTo(200);
        JsonObject body = Json.createReader(new StringReader(report.body())).readObject();
        assertThat(body.getBoolean("valid")).isFalse();
        assertThat(body.getBoolean("schemaValid")).isTrue();
        assertThat(body.getJsonArray("results").toString()).contains("BR-CO-16");
        JsonObject fine = Json.createReader(new StringReader(post("/api/v1/einvoice/validate", "CLERK",
                Examples.read(Examples.folder().resolve("ubl-tc434-example2.xml"))).body())).readObject();
        assertThat(fine.getBoolean("valid")).isTrue();
    }

    @Test
    void xmlAttacksAreRefusedAndNothingIsStoredOrRead(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("canary.txt"), "CANARY-e1c2d3");
        long invoices = count("invoice");
        long parties = count("party");
        for (String path : List.of("/api/v1/invoices/import", "/api/v1/einvoice/validate")) {
            HttpResponse<String> xxe = post(path, "ACCOUNTANT", Attacks.externalEntity(secret));
            assertThat(xxe.statusCode()).isEqualTo(400);
            assertThat(xxe.body()).contains("doctype-refused").doesNotContain("CANARY");
            HttpResponse<String> laughs = post(path, "ACCOUNTANT", Attacks.billionLaughs());
            assertThat(laughs.statusCode()).isEqualTo(400);
            assertThat(laughs.body()).contains("doctype-refused").doesNotContain("lollol");
            HttpResponse<String> big = post(path, "ACCOUNTANT", Attacks.oversized());
            assertThat(big.statusCode()).isEqualTo(413);
            assertThat(big.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
            assertThat(post(path, "ACCOUNTANT", Attacks.tooDeep()).statusCode()).isEqualTo(400);
        }
        assertThat(count("invoice")).isEqualTo(invoices);
        assertThat(count("party")).isEqualTo(parties);
        assertThat(server.log()).doesNotContain("CANARY");
    }

    private static Document assertValid(HttpResponse<String> response, String root) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Document document = SafeXml.parse(response.body().getBytes(StandardCharsets.UTF_8));
        assertThat(document.getDocumentElement().getLocalName()).isEqualTo(root);
        ValidationResponse report = UblValidator.validate(document);
        assertThat(report.schemaValid()).as(response.body()).isTrue();
        assertThat(report.fatalResults()).as(response.body()).isEmpty();
        return document;
    }

    private static String issue(String id) throws Exception {
        server.send("POST", "/api/v1/invoices/" + id + "/submit", people.token("APPROVER"), null);
        server.send("POST", "/api/v1/invoices/" + id + "/approve", people.token("APPROVER"), null);
        JsonObject issued = json(server.send("POST", "/api/v1/invoices/" + id + "/issue", people.token("APPROVER"), null));
        assertThat(issued.getString("status")).isEqualTo("ISSUED");
        return id;
    }

    private static String party(String body) throws Exception {
        return json(server.send("POST", "/api/v1/parties", people.token("CLERK"), body)).getString("id");
    }

    private static String invoice(String party, String currency, JsonObject... lines) {
        var array = Json.createArrayBuilder();
        for (JsonObject line : lines) {
            array.add(line);
        }
        return Json.createObjectBuilder().add("partyId", party).add("currency", currency).add("note", "thank you")
                .add("paymentTerms", "30 days net").add("buyerReference", "PO-4711").add("lines", array).build().toString();
    }

    private static JsonObject line(String description, String qty, String unit, String price, String discount,
            String category, String rate) {
        var line = Json.createObjectBuilder().add("description", description)
                .add("quantity", Json.createValue(new BigDecimal(qty))).add("unitCode", unit)
                .add("unitPrice", Json.createValue(new BigDecimal(price))).add("taxCategory", category)
                .add("taxRate", Json.createValue(new BigDecimal(rate)));
        if (discount != null) {
            line.add("discount", Json.createValue(new BigDecimal(discount)));
        }
        return line.build();
    }

    private static HttpResponse<String> export(String id, String role) throws Exception {
        return get("/api/v1/invoices/" + id + "/ubl", role, "send the e-invoice to the buyer");
    }

    private static HttpResponse<String> get(String path, String role, String reason) throws Exception {
        return get(people, path, role, reason);
    }

    private static HttpResponse<String> get(Personas tenant, String path, String role, String reason) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path)).timeout(Duration.ofSeconds(60)).GET()
                .header("Authorization", "Bearer " + tenant.token(role));
        if (reason != null) {
            request.header("X-Reason", reason);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String role, byte[] xml) throws Exception {
        return post(people, path, xml, role);
    }

    private static HttpResponse<String> post(Personas tenant, String path, byte[] xml) throws Exception {
        return post(tenant, path, xml, "ACCOUNTANT");
    }

    private static HttpResponse<String> post(Personas tenant, String path, byte[] xml, String role) throws Exception {
        return client.send(HttpRequest.newBuilder(server.uri(path)).timeout(Duration.ofSeconds(120))
                .POST(HttpRequest.BodyPublishers.ofByteArray(xml)).header("Content-Type", "application/xml")
                .header("Authorization", "Bearer " + tenant.token(role)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject json(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isLessThan(300);
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private static long exports(String invoiceId) throws Exception {
        return scalar("SELECT count(*) FROM audit_event WHERE action = 'einvoice.export' AND target_id = '"
                + invoiceId + "' AND reason IS NOT NULL");
    }

    private static long count(String table) throws Exception {
        return scalar("SELECT count(*) FROM " + table);
    }

    private static long scalar(String sql) throws Exception {
        try (Connection c = TestDatabase.SERVER.connectAsOwner(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
