package app.confidant.platform;

import static org.assertj.core.api.Assertions.assertThat;

import app.confidant.security.Personas;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Conflicting writes raced on two Payara instances sharing one PostgreSQL schema (and the HSM token), one request to
 * each, released together by a barrier, 25 trials per resource: exactly one wins, every loser is answered with 412 or
 * 409 Problem Details (never 500), and what is stored is the winner's. Which of the two wins, and whether the loser
 * is refused by the version check or by the database at commit, varies from trial to trial; both paths must answer
 * alike.
 */
class ConcurrentWritesIT {

    private static final int TRIALS = 25;
    private static final Set<String> CONFLICT_CODES = Set.of("stale-version", "concurrent-update", "already-exists",
            "invalid-transition", "invoice-frozen", "overpayment", "idempotency-key-in-use", "ceremony-decided",
            "approval-decided", "username-taken");

    private static ConfidantServer first;
    private static ConfidantServer second;
    private static Personas people;
    private static String partyId;
    private static ExecutorService pool;

    @BeforeAll
    static void startTwoInstances() throws Exception {
        first = ConfidantServer.shared();
        people = Personas.forTenant(first, UUID.randomUUID());
        // the tenant's keys are created on the first instance before the second loads the token
        partyId = ok(first.send("POST", "/api/v1/parties", people.token("CLERK"), party("Race Ltd"))).getString("id");
        ok(first.send("POST", "/api/v1/invoices", people.token("CLERK"), draft("1.00")));
        for (String role : List.of("APPROVER", "ACCOUNTANT")) {
            people.token(role);
        }
        second = ConfidantServer.secondInstance(first, "races-second");
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void stop() {
        if (pool != null) {
            pool.shutdownNow();
        }
        if (second != null) {
            second.close();
        }
    }

    @Test
    void twoEditsOfOnePartyWithOneEtag() throws Exception {
        String clerk = people.token("CLERK");
        for (int trial = 0; trial < TRIALS; trial++) {
            HttpResponse<String> created = first.send("POST", "/api/v1/parties", clerk, party("Before " + trial));
            String id = ok(created).getString("id");
            String etag = created.headers().firstValue("ETag").orElseThrow();
            String a = party("Edit A " + trial);
            String b = party("Edit B " + trial);
            List<HttpResponse<String>> answers = race(
                    () -> first.sendWithHeader("PUT", "/api/v1/parties/" + id, clerk, a, "If-Match", etag),
                    () -> second.sendWithHeader("PUT", "/api/v1/parties/" + id, clerk, b, "If-Match", etag));
            int winner = oneWinner(answers, 200, 412);
            String stored = ok(second.send("GET", "/api/v1/parties/" + id, clerk, null)).getString("legalName");
            assertThat(stored).isEqualTo(winner == 0 ? "Edit A " + trial : "Edit B " + trial);
        }
    }

    @Test
    void twoDeletesOfOnePartyWithOneEtag() throws Exception {
        String clerk = people.token("CLERK");
        for (int trial = 0; trial < TRIALS; trial++) {
            HttpResponse<String> created = first.send("POST", "/api/v1/parties", clerk, party("Doomed " + trial));
            String id = ok(created).getString("id");
            String etag = created.headers().firstValue("ETag").orElseThrow();
            List<HttpResponse<String>> answers = race(
                    () -> first.sendWithHeader("DELETE", "/api/v1/parties/" + id, clerk, null, "If-Match", etag),
                    () -> second.sendWithHeader("DELETE", "/api/v1/parties/" + id, clerk, null, "If-Match", etag));
            // a loser that arrives after the winner's commit finds nothing: 404, like any unknown id
            oneWinner(answers, 204, 412, 404);
            assertThat(first.send("GET", "/api/v1/parties/" + id, clerk, null).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void twoEditsOfOneInvoiceWithOneEtag() throws Exception {
        String clerk = people.token("CLERK");
        for (int trial = 0; trial < TRIALS; trial++) {
            HttpResponse<String> created = first.send("POST", "/api/v1/invoices", clerk, draft("10.00"));
            String id = ok(created).getString("id");
            String etag = created.headers().firstValue("ETag").orElseThrow();
            List<HttpResponse<String>> answers = race(
                    () -> first.sendWithHeader("PUT", "/api/v1/invoices/" + id, clerk, draft("11.00"), "If-Match", etag),
                    () -> second.sendWithHeader("PUT", "/api/v1/invoices/" + id, clerk, draft("22.00"), "If-Match",
                            etag));
            int winner = oneWinner(answers, 200, 412);
            assertThat(unitPrice(ok(second.send("GET", "/api/v1/invoices/" + id, clerk, null))))
                    .isEqualByComparingTo(winner == 0 ? "11.00" : "22.00");
        }
    }

    @Test
    void twoDeletesOfOneInvoiceWithOneEtag() throws Exception {
        String clerk = people.token("CLERK");
        for (int trial = 0; trial < TRIALS; trial++) {
            HttpResponse<String> created = first.send("POST", "/api/v1/invoices", clerk, draft("10.00"));
            String id = ok(created).getString("id");
            String etag = created.headers().firstValue("ETag").orElseThrow();
            List<HttpResponse<String>> answers = race(
                    () -> first.sendWithHeader("DELETE", "/api/v1/invoices/" + id, clerk, null, "If-Match", etag),
                    () -> second.sendWithHeader("DELETE", "/api/v1/invoices/" + id, clerk, null, "If-Match", etag));
            oneWinner(answers, 204, 412, 404);
            assertThat(first.send("GET", "/api/v1/invoices/" + id, clerk, null).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void twoSubmissionsOfOneDraft() throws Exception {
        String clerk = people.token("CLERK");
        String approver = people.token("APPROVER");
        for (int trial = 0; trial < TRIALS; trial++) {
            String id = ok(first.send("POST", "/api/v1/invoices", clerk, draft("10.00"))).getString("id");
            List<HttpResponse<String>> answers = race(
                    () -> first.send("POST", "/api/v1/invoices/" + id + "/submit", approver, null),
                    () -> second.send("POST", "/api/v1/invoices/" + id + "/submit", approver, null));
            oneWinner(answers, 200, 409);
            assertThat(ok(first.send("GET", "/api/v1/invoices/" + id, clerk, null)).getString("status"))
                    .isEqualTo("SUBMITTED");
        }
    }

    @Test
    void twoPaymentsOfTheWholeAmountDue() throws Exception {
        String clerk = people.token("CLERK");
        String accountant = people.token("ACCOUNTANT");
        for (int trial = 0; trial < TRIALS; trial++) {
            String id = ok(first.send("POST", "/api/v1/invoices", clerk, draft("10.00"))).getString("id"); // 12.00
            // approving needs an MFA check younger than five minutes: a slow machine takes longer for the trials
            String approver = people.steppedUpToken("APPROVER");
            for (String step : List.of("submit", "approve", "issue")) {
                ok(first.send("POST", "/api/v1/invoices/" + id + "/" + step, approver, null));
            }
            String payment = "{\"amount\":12.00,\"paidOn\":\"2026-11-25\",\"method\":\"CREDIT_TRANSFER\"}";
            List<HttpResponse<String>> answers = race(
                    () -> first.send("POST", "/api/v1/invoices/" + id + "/payments", accountant, payment),
                    () -> second.send("POST", "/api/v1/invoices/" + id + "/payments", accountant, payment));
            oneWinner(answers, 200, 409);
            JsonObject paid = ok(second.send("GET", "/api/v1/invoices/" + id, clerk, null));
            assertThat(paid.getString("status")).isEqualTo("PAID");
        }
    }

    @Test
    void twoEditsOfTheSellerProfile() throws Exception {
        for (int trial = 0; trial < TRIALS; trial++) {
            String accountant = people.steppedUpToken("ACCOUNTANT"); // seller details need a recent MFA check
            String a = seller("Seller A " + trial);
            String b = seller("Seller B " + trial);
            List<HttpResponse<String>> answers = race(
                    () -> first.send("PUT", "/api/v1/einvoice/seller", accountant, a),
                    () -> second.send("PUT", "/api/v1/einvoice/seller", accountant, b));
            // no If-Match here: the last writer wins unless the two overlap, then the later one is told 409 (the
            // very first trial races two creations of the profile: one unique key, so 409 already-exists)
            List<String> stored = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                if (answers.get(i).statusCode() == 200) {
                    stored.add(i == 0 ? "Seller A " + trial : "Seller B " + trial);
                } else {
                    assertConflict(answers.get(i), 409);
                }
            }
            assertThat(stored).isNotEmpty();
            assertThat(ok(first.send("GET", "/api/v1/einvoice/seller", accountant, null)).getJsonObject("seller")
                    .getString("name"))
                    .isIn(stored);
        }
    }

    @Test
    void twoRevisionsOfOneTrainingModule() throws Exception {
        String admin = Personas.platform(first).platformAdministratorToken();
        HttpResponse<String> published = first.send("POST", "/api/v1/training/modules", admin,
                module("https://training.example/race-0"));
        assertThat(published.statusCode()).as(published.body()).isEqualTo(201);
        String id = json(published).getString("id");
        int version = 1;
        for (int trial = 0; trial < TRIALS; trial++) {
            String token = Personas.platform(first).platformAdministratorToken();
            String a = module("https://training.example/race-a" + trial);
            String b = module("https://training.example/race-b" + trial);
            List<HttpResponse<String>> answers = race(
                    () -> first.send("PUT", "/api/v1/training/modules/" + id, token, a),
                    () -> second.send("PUT", "/api/v1/training/modules/" + id, token, b));
            // no If-Match: both may pass one after the other (two versions), or overlap and the later is told 409
            List<String> revised = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                if (answers.get(i).statusCode() == 200) {
                    revised.add("https://training.example/race-" + (i == 0 ? "a" : "b") + trial);
                    version++;
                } else {
                    assertConflict(answers.get(i), 409);
                }
            }
            assertThat(revised).isNotEmpty();
            HttpResponse<String> modules = second.send("GET", "/api/v1/training/modules", token, null);
            assertThat(modules.statusCode()).as(modules.body()).isEqualTo(200);
            JsonObject stored = Json.createReader(new StringReader(modules.body())).readArray().stream()
                    .map(JsonValue::asJsonObject).filter(m -> m.getString("id").equals(id)).findFirst().orElseThrow();
            assertThat(stored.getInt("version")).as("one version per accepted revision").isEqualTo(version);
            assertThat(stored.getString("content")).isIn(revised);
        }
    }

    @Test
    void twoPeopleWithOneUsername() throws Exception {
        for (int trial = 0; trial < TRIALS; trial++) {
            String admin = people.administratorToken();
            String person = Json.createObjectBuilder()
                    .add("username", "same-" + UUID.randomUUID().toString().substring(0, 8)).build().toString();
            List<HttpResponse<String>> answers = race(
                    () -> first.send("POST", "/api/v1/users", admin, person),
                    () -> second.send("POST", "/api/v1/users", admin, person));
            // refused by the check (username-taken) or, when both passed it, by the unique key (already-exists)
            int winner = oneWinner(answers, 201, 409);
            String id = json(answers.get(winner)).getString("id");
            // the winner's person is the one stored: a fresh activation code for it, and the name is taken
            assertThat(first.send("POST", "/api/v1/users/" + id + "/activation", admin, null).statusCode())
                    .isBetween(200, 299);
            HttpResponse<String> again = second.send("POST", "/api/v1/users", admin, person);
            assertThat(again.statusCode()).isEqualTo(409);
            assertThat(json(again).getString("code")).isEqualTo("username-taken");
        }
    }

    @Test
    void twoCreatesWithOneIdempotencyKey() throws Exception {
        String clerk = people.token("CLERK");
        for (int trial = 0; trial < TRIALS; trial++) {
            String key = UUID.randomUUID().toString();
            String body = draft("10.00");
            List<HttpResponse<String>> answers = race(
                    () -> first.sendWithHeader("POST", "/api/v1/invoices", clerk, body, "Idempotency-Key", key),
                    () -> second.sendWithHeader("POST", "/api/v1/invoices", clerk, body, "Idempotency-Key", key));
            Set<String> ids = answers.stream().filter(r -> r.statusCode() / 100 == 2)
                    .map(r -> json(r).getString("id")).collect(Collectors.toSet());
            assertThat(ids).as("one invoice for one key, trial %d", trial).hasSize(1);
            answers.stream().filter(r -> r.statusCode() / 100 != 2).forEach(r -> assertConflict(r, 409));
            HttpResponse<String> retried = second.sendWithHeader("POST", "/api/v1/invoices", clerk, body,
                    "Idempotency-Key", key);
            assertThat(ok(retried).getString("id")).as("the key names the winner's invoice")
                    .isEqualTo(ids.iterator().next());
        }
    }

    @Test
    void oneCustodianApprovesOneCeremonyOnBothInstances() throws Exception {
        // a tenant has one generated version awaiting activation at most, so each trial generates in a new tenant
        for (int trial = 0; trial < TRIALS; trial++) {
            UUID tenant = UUID.randomUUID();
            Personas proposer = Personas.forTenant(first, tenant);
            Personas approver = Personas.forTenant(first, tenant); // another person: dual control
            String proposal = Json.createObjectBuilder().add("kind", "GENERATE")
                    .add("tenantId", tenant.toString()).add("reason", "race trial " + trial).build().toString();
            HttpResponse<String> proposed = first.send("POST", "/api/v1/key-ceremonies",
                    proposer.steppedUpToken("KEY_CUSTODIAN"), proposal);
            assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(201);
            String id = json(proposed).getString("id");
            String custodian = approver.steppedUpToken("KEY_CUSTODIAN");
            List<HttpResponse<String>> answers = race(
                    () -> first.send("POST", "/api/v1/key-ceremonies/" + id + "/approve", custodian, null),
                    () -> second.send("POST", "/api/v1/key-ceremonies/" + id + "/approve", custodian, null));
            int winner = oneWinner(answers, 200, 409);
            JsonObject stored = ok(second.send("GET", "/api/v1/key-ceremonies/" + id, custodian, null));
            assertThat(stored.getString("state")).isEqualTo("DONE");
            assertThat(stored.getString("outcome")).isEqualTo(json(answers.get(winner)).getString("outcome"));
        }
    }

    @Test
    void oneAdministratorApprovesOneProposalOnBothInstances() throws Exception {
        for (int trial = 0; trial < TRIALS; trial++) {
            String admin = people.administratorToken();
            HttpResponse<String> user = first.send("POST", "/api/v1/users", admin, Json.createObjectBuilder()
                    .add("username", "race-" + UUID.randomUUID().toString().substring(0, 8)).build().toString());
            String userId = ok(user).getString("id");
            HttpResponse<String> proposed = first.sendWithHeader("PUT", "/api/v1/users/" + userId + "/tenants/"
                    + people.tenant() + "/roles/KEY_CUSTODIAN", admin, null, "X-Reason", "race trial " + trial);
            assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(202);
            String id = json(proposed).getString("id");
            String approver = people.secondAdministratorToken(); // four eyes: not the proposer
            List<HttpResponse<String>> answers = race(
                    () -> first.send("POST", "/api/v1/approvals/" + id + "/approve", approver, null),
                    () -> second.send("POST", "/api/v1/approvals/" + id + "/approve", approver, null));
            oneWinner(answers, 200, 409);
            assertThat(ok(first.send("GET", "/api/v1/approvals/" + id, admin, null)).getString("state"))
                    .isEqualTo("APPROVED");
        }
    }

    /** Fires both at once (a barrier releases them together) and returns their answers in order. */
    private static List<HttpResponse<String>> race(Callable<HttpResponse<String>> a, Callable<HttpResponse<String>> b)
            throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        List<Future<HttpResponse<String>>> running = new ArrayList<>();
        for (Callable<HttpResponse<String>> call : List.of(a, b)) {
            running.add(pool.submit(() -> {
                start.await();
                return call.call();
            }));
        }
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (Future<HttpResponse<String>> answer : running) {
            answers.add(answer.get());
        }
        return answers;
    }

    /** Exactly one answer is {@code success}; the other is a conflict among {@code losing}. Returns the winner. */
    private static int oneWinner(List<HttpResponse<String>> answers, int success, int... losing) {
        List<Integer> statuses = answers.stream().map(HttpResponse::statusCode).toList();
        assertThat(statuses.stream().filter(s -> s == success).count())
                .as("winners among %s", answers.stream().map(r -> r.statusCode() + " " + r.body()).toList())
                .isEqualTo(1);
        int winner = statuses.get(0) == success ? 0 : 1;
        assertConflict(answers.get(1 - winner), losing);
        return winner;
    }

    private static void assertConflict(HttpResponse<String> answer, int... allowed) {
        assertThat(answer.statusCode()).as("loser's answer %s", answer.body())
                .isIn(java.util.Arrays.stream(allowed).boxed().toList());
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        if (answer.statusCode() != 404) {
            assertThat(json(answer).getString("code")).as(answer.body()).isIn(CONFLICT_CODES);
        }
    }

    private static BigDecimal unitPrice(JsonObject invoice) {
        return invoice.getJsonArray("lines").getJsonObject(0).getJsonNumber("unitPrice").bigDecimalValue();
    }

    private static String party(String name) {
        return Json.createObjectBuilder().add("legalName", name).add("country", "IE").build().toString();
    }

    private static String seller(String name) {
        return Json.createObjectBuilder().add("name", name).add("vatId", "DE123456789")
                .add("endpointId", "DE123456789").add("endpointScheme", "9930").add("street", "Hauptstrasse 1")
                .add("city", "Berlin").add("postcode", "10115").add("country", "DE")
                .add("iban", "DE89370400440532013000").build().toString();
    }

    /** A module for a role nobody in the shared server's tests must have trained for yet (14 days of grace). */
    private static String module(String content) {
        return Json.createObjectBuilder().add("title", "Race module " + partyId).add("content", content)
                .add("audience", Json.createArrayBuilder().add("AUDITOR")).add("validityDays", 365).build()
                .toString();
    }

    private static String draft(String unitPrice) {
        return Json.createObjectBuilder().add("partyId", partyId).add("currency", "EUR")
                .add("lines", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("description", "Maintenance").add("quantity", 1).add("unitCode", "C62")
                        .add("unitPrice", Json.createValue(new BigDecimal(unitPrice)))
                        .add("taxCategory", "S").add("taxRate", 20)))
                .build().toString();
    }

    private static JsonObject ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return json(response);
    }

    private static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }
}
