package app.confidant.security;

import static org.assertj.core.api.Assertions.assertThat;

import app.confidant.platform.ConfidantServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tenant boundary as an outsider tries it (#16, done-when): every operation of the API, aimed at tenant T1's
 * things (its ids in the path or the body, its If-Match tags, its tax id), is called by every role of tenant T2, by
 * the platform's roles, by half-authenticated people of T1 (password given, no second factor; first login before
 * enrolment) and anonymously. It shows:
 * <ul>
 * <li>0 cross-tenant allows: no call aimed at T1 succeeds for another tenant or the platform, save the powers the
 * platform has by design (listed per row); a T1 id answers exactly like an unknown id (status and Problem code);
 * no answer to anyone but T1 and those designed powers carries a T1 id, name or key label;</li>
 * <li>0 unexpected allows: half-authenticated and anonymous callers get no 2xx beyond their own login steps;</li>
 * <li>T1's things are as they were afterwards.</li>
 * </ul>
 * The table must name every operation the code declares, so a new operation without a row fails this test.
 */
class TenantMatrixIT {

    private static final String PLATFORM_ADMIN = "platform SECURITY_ADMIN";
    private static final String PLATFORM_AUDITOR = "platform AUDITOR";
    private static final String PLATFORM_CUSTODIAN = "platform KEY_CUSTODIAN";
    private static final String PASSWORD_ONLY = "T1 CLERK, password only";
    private static final String BEFORE_ENROLMENT = "T1 CLERK, before MFA enrolment";
    private static final String ANONYMOUS = "anonymous";
    private static final Set<String> HALF = Set.of(PASSWORD_ONLY, BEFORE_ENROLMENT, ANONYMOUS);
    private static final String SOME = UUID.randomUUID().toString();
    private static final List<String> THINGS = List.of("{party}", "{invoice}", "{issued}", "{ceremony}", "{job}",
            "{account}", "{user}", "{admin}", "{t1}", "{taxId}", "{partyTag}", "{invoiceTag}", "{approval}");
    private static final String CANARY = "Canary" + UUID.randomUUID().toString().substring(0, 8);

    /**
     * One operation: {@code path} and {@code body} may name T1's things as {party}, {invoice}, {issued},
     * {ceremony}, {job}, {account}, {user}, {admin}, {t1}, {taxId}; {unique} is a fresh name per call.
     * {@code ownSteps}: a login step a half-authenticated caller may take. {@code designed}: the callers whose
     * success (and sight of T1's things) is a designed platform power.
     */
    private record Row(String method, String template, String path, String body, String header, String headerValue,
            boolean ownSteps, boolean search, Set<String> designed) {

        /** Whether the call names one of T1's things (in the path, the body or a header). */
        boolean aimed() {
            if (search) {
                return false;
            }
            String call = path + " " + body + " " + headerValue;
            return THINGS.stream().anyMatch(call::contains);
        }
    }

    private static Row row(String method, String template, String path, String body) {
        return new Row(method, template, path, body, null, null, false, false, Set.of());
    }

    /** A search for T1's things: it may succeed, and must then find nothing of T1's. */
    private static Row search(String method, String template, String path, String... designed) {
        return new Row(method, template, path, null, null, null, false, true, Set.of(designed));
    }

    private static Row withHeader(String method, String template, String path, String body, String header,
            String value) {
        return new Row(method, template, path, body, header, value, false, false, Set.of());
    }

    private static Row ownStep(String method, String template, String body) {
        return new Row(method, template, template, body, null, null, true, false, Set.of());
    }

    private static Row designed(String method, String template, String path, String body, String... callers) {
        return new Row(method, template, path, body, null, null, false, false, Set.of(callers));
    }

    private static final String T1_PARTY_BODY = "{\"legalName\":\"Intruder GmbH\",\"country\":\"DE\"}";
    private static final String INVOICE_BODY = "{\"partyId\":\"{party}\",\"currency\":\"EUR\",\"lines\":[{\"description\":"
            + "\"Work\",\"quantity\":1,\"unitCode\":\"C62\",\"unitPrice\":10,\"taxCategory\":\"S\",\"taxRate\":19}]}";

    private static final List<Row> ROWS = List.of(
            ownStep("POST", "/auth/login", "{}"),
            ownStep("POST", "/auth/mfa/verify", "{\"code\":\"\"}"),
            ownStep("POST", "/auth/mfa/recover", "{\"code\":\"\"}"),
            ownStep("POST", "/auth/mfa/enrolment", null),
            ownStep("POST", "/auth/mfa/enrolment/confirm", "{\"code\":\"\"}"),
            ownStep("GET", "/auth/me", null),
            // an unknown person: wrong activation codes for T1's clerk would lock T1's clerk out (as they should)
            ownStep("POST", "/auth/activate", "{\"username\":\"{unique}\",\"activationCode\":"
                    + "\"AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA\",\"password\":\"a long passphrase of mine\"}"),
            ownStep("POST", "/auth/password", "{}"),
            row("POST", "/users", "/users", "{\"username\":\"{unique}\"}"),
            withHeader("PUT", "/users/{id}/tenants/{tenant}/roles/{role}", "/users/{user}/tenants/{t1}/roles/APPROVER",
                    null, "X-Reason", "tenant matrix"),
            withHeader("PUT", "/users/{id}/tenants/{tenant}/roles/{role}", "/users/{user}/tenants/{t1}/roles/AUDITOR",
                    null, "X-Reason", "tenant matrix"),
            new Row("PUT", "/users/{id}/tenants/{tenant}/roles/{role}", "/users/{admin}/tenants/{t1}/roles/SECURITY_ADMIN",
                    null, "X-Reason", "tenant matrix", false, false, Set.of(PLATFORM_ADMIN)),
            withHeader("DELETE", "/users/{id}/tenants/{tenant}/roles/{role}", "/users/{user}/tenants/{t1}/roles/CLERK",
                    null, "X-Reason", "tenant matrix"),
            row("POST", "/users/{id}/activation", "/users/{user}/activation", null),
            withHeader("POST", "/users/{id}/mfa-reset", "/users/{user}/mfa-reset", null, "X-Reason", "tenant matrix"),
            withHeader("POST", "/users/{id}/disable", "/users/{user}/disable", null, "X-Reason", "tenant matrix"),
            withHeader("POST", "/users/{id}/enable", "/users/{user}/enable", null, "X-Reason", "tenant matrix"),
            // T1's administrator was created by a platform administrator (a person of the platform, appointed to T1):
            // the platform's administrators may propose disabling them, approved by a second one (four eyes)
            new Row("POST", "/users/{id}/disable", "/users/{admin}/disable", null, "X-Reason", "tenant matrix", false,
                    false, Set.of(PLATFORM_ADMIN)),
            row("GET", "/approvals", "/approvals?limit=200", null),
            row("GET", "/approvals/{id}", "/approvals/{approval}", null),
            row("POST", "/approvals/{id}/approve", "/approvals/{approval}/approve", null),
            row("POST", "/approvals/{id}/reject", "/approvals/{approval}/reject", null),
            row("GET", "/users/separation-of-duties-conflicts", "/users/separation-of-duties-conflicts", null),
            withHeader("POST", "/tenants", "/tenants", "{\"displayName\":\"Matrix {unique}\"}", "X-Reason",
                    "tenant matrix"),
            new Row("POST", "/tenants", "/tenants", "{\"id\":\"{t1}\",\"displayName\":\"T1 again\"}", "X-Reason",
                    "tenant matrix", false, false, Set.of(PLATFORM_ADMIN)),
            row("GET", "/tenants", "/tenants", null),
            row("POST", "/service-accounts", "/service-accounts", "{\"name\":\"{unique}\",\"tenantId\":\"{t1}\","
                    + "\"certificatePem\":\"-----BEGIN CERTIFICATE-----\\nAAAA\\n-----END CERTIFICATE-----\"}"),
            row("GET", "/service-accounts", "/service-accounts", null),
            row("DELETE", "/service-accounts/{id}", "/service-accounts/{account}", null),
            row("POST", "/parties", "/parties", T1_PARTY_BODY),
            row("GET", "/parties", "/parties", null),
            search("GET", "/parties", "/parties?taxId={taxId}"),
            row("GET", "/parties/{id}", "/parties/{party}", null),
            withHeader("PUT", "/parties/{id}", "/parties/{party}", T1_PARTY_BODY, "If-Match", "{partyTag}"),
            withHeader("DELETE", "/parties/{id}", "/parties/{party}", null, "If-Match", "{partyTag}"),
            row("POST", "/parties/{id}/reveal", "/parties/{party}/reveal",
                    "{\"field\":\"iban\",\"reason\":\"tenant matrix reveal attempt\"}"),
            row("POST", "/invoices", "/invoices", INVOICE_BODY),
            row("GET", "/invoices", "/invoices", null),
            search("GET", "/invoices", "/invoices?taxId={taxId}"),
            row("GET", "/invoices/{id}", "/invoices/{invoice}", null),
            withHeader("PUT", "/invoices/{id}", "/invoices/{invoice}", INVOICE_BODY, "If-Match", "{invoiceTag}"),
            withHeader("DELETE", "/invoices/{id}", "/invoices/{invoice}", null, "If-Match", "{invoiceTag}"),
            row("POST", "/invoices/{id}/submit", "/invoices/{invoice}/submit", null),
            row("POST", "/invoices/{id}/approve", "/invoices/{invoice}/approve", null),
            row("POST", "/invoices/{id}/reject", "/invoices/{invoice}/reject", "{\"reason\":\"tenant matrix\"}"),
            row("POST", "/invoices/{id}/issue", "/invoices/{invoice}/issue", null),
            row("POST", "/invoices/{id}/send", "/invoices/{issued}/send", null),
            row("POST", "/invoices/{id}/payments", "/invoices/{issued}/payments",
                    "{\"amount\":1,\"paidOn\":\"2026-11-25\",\"method\":\"CASH\"}"),
            row("POST", "/invoices/{id}/credit-notes", "/invoices/{issued}/credit-notes",
                    "{\"reason\":\"tenant matrix credit note\"}"),
            withHeader("GET", "/invoices/{id}/ubl", "/invoices/{issued}/ubl", null, "X-Reason", "tenant matrix"),
            row("POST", "/invoices/import", "/invoices/import", "<x/>"),
            row("POST", "/einvoice/validate", "/einvoice/validate", "<x/>"),
            row("GET", "/einvoice/seller", "/einvoice/seller", null),
            row("PUT", "/einvoice/seller", "/einvoice/seller", "{}"),
            row("POST", "/audit/verify", "/audit/verify", null),
            // T2's own refused attempts on T1's party are T2's events: a search, its answer checked for T1's names
            search("GET", "/audit/events", "/audit/events?targetId={party}", PLATFORM_AUDITOR),
            designed("GET", "/audit/export", "/audit/export", null, PLATFORM_AUDITOR),
            row("GET", "/audit/checkpoint-key", "/audit/checkpoint-key", null), // a public key: no tenant's data
            designed("GET", "/keys", "/keys", null, PLATFORM_AUDITOR, PLATFORM_CUSTODIAN),
            // a backup is of the whole token: only the platform's custodians record one (T2's get 403 platform-only)
            row("POST", "/key-backups", "/key-backups",
                    "{\"archive\":\"matrix.tar.gz\",\"sha256\":\"" + "0".repeat(64) + "\",\"reason\":\"tenant matrix backup attempt\"}"),
            designed("GET", "/key-backups", "/key-backups", null, PLATFORM_AUDITOR, PLATFORM_CUSTODIAN),
            row("POST", "/key-ceremonies", "/key-ceremonies",
                    "{\"kind\":\"SHRED\",\"tenantId\":\"{t1}\",\"reason\":\"tenant matrix shred attempt\"}"),
            row("POST", "/key-ceremonies", "/key-ceremonies",
                    "{\"kind\":\"GENERATE\",\"tenantId\":\"{t1}\",\"reason\":\"tenant matrix generate attempt\"}"),
            row("GET", "/key-ceremonies", "/key-ceremonies?limit=200", null),
            row("GET", "/key-ceremonies/{id}", "/key-ceremonies/{ceremony}", null),
            row("POST", "/key-ceremonies/{id}/approve", "/key-ceremonies/{ceremony}/approve", null),
            row("POST", "/key-ceremonies/{id}/cancel", "/key-ceremonies/{ceremony}/cancel", null),
            row("GET", "/reencryption-jobs", "/reencryption-jobs", null),
            row("GET", "/reencryption-jobs/{id}", "/reencryption-jobs/{job}", null),
            row("POST", "/reencryption-jobs/{id}/pause", "/reencryption-jobs/{job}/pause", null),
            row("POST", "/reencryption-jobs/{id}/resume", "/reencryption-jobs/{job}/resume", null),
            row("GET", "/training/modules", "/training/modules", null),
            row("POST", "/training/modules", "/training/modules", "{}"),
            row("PUT", "/training/modules/{id}", "/training/modules/" + SOME, "{}"),
            row("POST", "/training/modules/{id}/attestations", "/training/modules/" + SOME + "/attestations",
                    "{\"version\":1}"),
            row("GET", "/training/compliance", "/training/compliance", null),
            row("GET", "/training/due", "/training/due?days=366", null),
            row("GET", "/compliance/security-report", "/compliance/security-report", null),
            row("GET", "/compliance/sbom", "/compliance/sbom", null),
            row("GET", "/compliance/version", "/compliance/version", null),
            // last: it ends every caller's session
            ownStep("POST", "/auth/logout", null));

    @TempDir
    static Path pkiDir;
    private static ConfidantServer server;
    private static UUID t1;
    private static Personas one;
    private static Personas oneSecond;
    private static Map<String, String> things;
    private static Map<String, Callable<String>> intruders;

    @BeforeAll
    static void tenantOneWithThingsAndEveryoneElse() throws Exception {
        server = ConfidantServer.shared();
        t1 = UUID.randomUUID();
        one = Personas.forTenant(server, t1);
        oneSecond = Personas.forTenant(server, t1);
        things = new LinkedHashMap<>();
        things.put("{t1}", t1.toString());
        String taxId = "DE" + (100000000 + (int) (Math.random() * 800000000));
        things.put("{taxId}", taxId);
        String clerk = one.token(Roles.CLERK);
        things.put("{party}", json(send("POST", "/parties", clerk, "{\"legalName\":\"" + CANARY + " Klinik\","
                + "\"taxId\":\"" + taxId + "\",\"country\":\"DE\",\"iban\":\"DE89370400440532013000\"}"), 201)
                .getString("id"));
        things.put("{invoice}", json(send("POST", "/invoices", clerk, INVOICE_BODY.replace("{party}",
                things.get("{party}"))), 201).getString("id"));
        String issued = json(send("POST", "/invoices", clerk, INVOICE_BODY.replace("{party}", things.get("{party}"))),
                201).getString("id");
        for (String step : List.of("submit", "approve", "issue")) {
            json(send("POST", "/invoices/" + issued + "/" + step, one.steppedUpToken(Roles.APPROVER), null), 200);
        }
        things.put("{issued}", issued);
        json(send("PUT", "/einvoice/seller", one.steppedUpToken(Roles.ACCOUNTANT), "{\"name\":\"" + CANARY
                + " Seller GmbH\",\"vatId\":\"DE123456789\",\"endpointId\":\"DE123456789\",\"endpointScheme\":"
                + "\"9930\",\"street\":\"Hauptstrasse 1\",\"city\":\"Berlin\",\"postcode\":\"10115\","
                + "\"country\":\"DE\",\"iban\":\"DE89370400440532013000\"}"), 200);
        carryOut("{\"kind\":\"GENERATE\",\"reason\":\"scheduled rotation of tenant one\"}");
        String activation = carryOut("{\"kind\":\"ACTIVATE\",\"version\":2,\"reason\":\"scheduled rotation\"}");
        int at = activation.indexOf("job ") + 4;
        things.put("{job}", activation.substring(at, at + 36));
        things.put("{ceremony}", json(send("POST", "/key-ceremonies", one.steppedUpToken(Roles.KEY_CUSTODIAN),
                "{\"kind\":\"GENERATE\",\"reason\":\"pending proposal of tenant one\"}"), 201).getString("id"));
        things.put("{account}", json(send("POST", "/service-accounts", one.administratorToken(),
                Json.createObjectBuilder().add("name", "t1-sync-" + t1.toString().substring(0, 8))
                        .add("certificatePem", TestPki.create(pkiDir).client("t1-sync").certificatePem()).build()
                        .toString()), 201).getString("id"));
        JsonObject clerkOfT1 = json(send("GET", "/auth/me", clerk, null), 200);
        things.put("{user}", clerkOfT1.getString("userId"));
        things.put("{clerkName}", clerkOfT1.getString("username"));
        things.put("{admin}", json(send("GET", "/auth/me", one.administratorToken(), null), 200)
                .getString("userId"));
        things.put("{approval}", json(server.sendWithHeader("POST", "/api/v1/users/" + things.get("{user}")
                + "/mfa-reset", one.administratorToken(), null, "X-Reason", "pending proposal of tenant one"), 202)
                .getString("id"));
        things.put("{partyTag}", tag("/parties/" + things.get("{party}"), clerk));
        things.put("{invoiceTag}", tag("/invoices/" + things.get("{invoice}"), clerk));

        Personas two = Personas.forTenant(server, UUID.randomUUID());
        Personas platform = Personas.platform(server);
        intruders = new LinkedHashMap<>();
        for (String role : List.of(Roles.CLERK, Roles.APPROVER, Roles.ACCOUNTANT, Roles.AUDITOR, Roles.SECURITY_ADMIN,
                Roles.KEY_CUSTODIAN, Roles.INTEGRATION)) {
            intruders.put("T2 " + role, () -> two.steppedUpToken(role));
        }
        // a second platform administrator (not the bootstrap one, whose session other tests share)
        intruders.put(PLATFORM_ADMIN, () -> platform.steppedUpToken(Roles.SECURITY_ADMIN));
        intruders.put(PLATFORM_AUDITOR, () -> platform.steppedUpToken(Roles.AUDITOR));
        intruders.put(PLATFORM_CUSTODIAN, () -> platform.steppedUpToken(Roles.KEY_CUSTODIAN));
        String passwordOnly = People.passwordOnlyToken(server, t1, Roles.CLERK);
        String beforeEnrolment = People.enrolmentToken(server, t1, Roles.CLERK);
        intruders.put(PASSWORD_ONLY, () -> passwordOnly);
        intruders.put(BEFORE_ENROLMENT, () -> beforeEnrolment);
        intruders.put(ANONYMOUS, () -> null);
    }

    @Test
    void noCallerOutsideTenantOneGetsAtItsThingsAndHalfAuthenticatedCallersGetNothing() throws Exception {
        List<String> crossTenantAllows = new ArrayList<>();
        List<String> unexpectedAllows = new ArrayList<>();
        List<String> unlikeUnknown = new ArrayList<>();
        List<String> leaks = new ArrayList<>();
        int calls = 0;
        for (Row row : ROWS) {
            for (Map.Entry<String, Callable<String>> intruder : intruders.entrySet()) {
                String caller = intruder.getKey();
                String token = intruder.getValue().call();
                Map<String, String> aimed = new LinkedHashMap<>(things);
                aimed.put("{unique}", "matrix-" + UUID.randomUUID().toString().substring(0, 8));
                HttpResponse<String> answer = send(row, aimed, token);
                calls++;
                String what = row.method() + " " + fill(row.path(), aimed) + " as " + caller + ": "
                        + answer.statusCode() + " " + shorten(answer.body());
                boolean allowed = answer.statusCode() / 100 == 2;
                boolean designed = row.designed().contains(caller);
                if (allowed && HALF.contains(caller) && !row.ownSteps()) {
                    unexpectedAllows.add(what);
                } else if (allowed && row.aimed() && !designed) {
                    crossTenantAllows.add(what);
                }
                if (!designed) {
                    String sent = fill(row.path() + " " + row.body() + " " + row.headerValue(), aimed);
                    for (String seen : visible(row, answer.body(), sent)) {
                        leaks.add(what + " shows " + seen);
                    }
                }
                if (row.aimed() && !designed && !allowed) {
                    Map<String, String> unknown = new LinkedHashMap<>(aimed);
                    unknown.replaceAll((placeholder, value) -> placeholder.equals("{unique}")
                            || placeholder.endsWith("Tag}") ? value : placeholder.equals("{taxId}")
                            ? "DE999999999" : UUID.randomUUID().toString());
                    HttpResponse<String> other = send(row, unknown, token);
                    calls++;
                    if (other.statusCode() != answer.statusCode() || !code(other).equals(code(answer))) {
                        unlikeUnknown.add(what + " | unknown ids: " + other.statusCode() + " "
                                + shorten(other.body()));
                    }
                }
            }
        }
        System.out.printf("TenantMatrixIT: %d calls by %d callers over %d rows: %d cross-tenant allows, "
                + "%d unexpected allows, %d answers unlike unknown ids, %d leaks%n", calls, intruders.size(),
                ROWS.size(), crossTenantAllows.size(), unexpectedAllows.size(), unlikeUnknown.size(), leaks.size());
        List<String> findings = new ArrayList<>();
        crossTenantAllows.forEach(found -> findings.add("cross-tenant allow: " + found));
        unexpectedAllows.forEach(found -> findings.add("unexpected allow: " + found));
        unlikeUnknown.forEach(found -> findings.add("unlike an unknown id: " + found));
        leaks.forEach(found -> findings.add("leak: " + found));
        assertThat(findings).isEmpty();
        tenantOneIsAsItWas();
    }

    @Test
    void theTableCoversEveryOperationTheCodeDeclares() {
        TreeSet<String> tabled = new TreeSet<>();
        ROWS.forEach(row -> tabled.add(row.method() + " " + row.template()));
        assertThat(tabled).isEqualTo(ApiOperations.declared());
    }

    /** After every call of the matrix, T1's own people find everything of T1 as it was. */
    private static void tenantOneIsAsItWas() throws Exception {
        String clerk = one.token(Roles.CLERK);
        assertThat(tag("/parties/" + things.get("{party}"), clerk)).isEqualTo(things.get("{partyTag}"));
        assertThat(tag("/invoices/" + things.get("{invoice}"), clerk)).isEqualTo(things.get("{invoiceTag}"));
        assertThat(json(send("GET", "/invoices/" + things.get("{issued}"), clerk, null), 200).getString("status"))
                .isEqualTo("ISSUED");
        assertThat(json(send("GET", "/parties/" + things.get("{party}"), clerk, null), 200).getString("legalName"))
                .isEqualTo(CANARY + " Klinik");
        assertThat(json(send("GET", "/auth/me", clerk, null), 200).get("roles").toString())
                .isEqualTo("[\"CLERK\"]");
        String auditor = one.token(Roles.AUDITOR);
        assertThat(json(send("GET", "/key-ceremonies/" + things.get("{ceremony}"), auditor, null), 200)
                .getString("state")).isEqualTo("PROPOSED");
        assertThat(send("GET", "/keys", auditor, null).body()).contains("dek-" + t1 + "-v2");
        assertThat(json(send("GET", "/einvoice/seller", one.token(Roles.ACCOUNTANT), null), 200)
                .getJsonObject("seller").getString("name"))
                .isEqualTo(CANARY + " Seller GmbH");
        String accounts = send("GET", "/service-accounts", one.administratorToken(), null).body();
        assertThat(accounts).contains(things.get("{account}")).doesNotContain("revokedAt\":\"");
        assertThat(send("GET", "/tenants", one.administratorToken(), null).body()).contains("\"ACTIVE\"");
        assertThat(json(send("GET", "/approvals/" + things.get("{approval}"), one.administratorToken(), null), 200)
                .getString("state")).isEqualTo("PENDING");
    }

    /**
     * T1's things this answer shows that the caller did not send itself (a Problem's {@code instance} repeats the
     * path). An audit trail may name T1's ids that its own tenant's people sent (their refused attempts are theirs to
     * see); T1's names and key labels never.
     */
    private static List<String> visible(Row row, String body, String sent) {
        List<String> seen = new ArrayList<>();
        List<String> secrets = new ArrayList<>(List.of(CANARY, things.get("{clerkName}"), "dek-" + t1));
        if (!row.path().startsWith("/audit/")) {
            for (String placeholder : List.of("{party}", "{invoice}", "{issued}", "{ceremony}", "{job}", "{account}",
                    "{user}", "{approval}")) {
                secrets.add(things.get(placeholder));
            }
        }
        for (String secret : secrets) {
            if (body.contains(secret) && !sent.contains(secret)) {
                seen.add(secret);
            }
        }
        return seen;
    }

    private static HttpResponse<String> send(Row row, Map<String, String> values, String token) throws Exception {
        return server.sendWithHeader(row.method(), "/api/v1" + fill(row.path(), values), token,
                row.body() == null ? null : fill(row.body(), values), row.header(),
                row.headerValue() == null ? null : fill(row.headerValue(), values));
    }

    private static String fill(String text, Map<String, String> values) {
        String filled = text;
        for (Map.Entry<String, String> value : values.entrySet()) {
            filled = filled.replace(value.getKey(), value.getValue());
        }
        return filled;
    }

    private static String carryOut(String body) throws Exception {
        String id = json(send("POST", "/key-ceremonies", one.steppedUpToken(Roles.KEY_CUSTODIAN), body), 201)
                .getString("id");
        return json(send("POST", "/key-ceremonies/" + id + "/approve", oneSecond.steppedUpToken(Roles.KEY_CUSTODIAN),
                null), 200).getString("outcome");
    }

    private static String tag(String path, String token) throws Exception {
        HttpResponse<String> read = send("GET", path, token, null);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        return read.headers().firstValue("ETag").orElseThrow();
    }

    private static String code(HttpResponse<String> response) {
        try {
            JsonValue code = Json.createReader(new StringReader(response.body())).readObject().get("code");
            return code == null ? "" : code.toString();
        } catch (RuntimeException notJson) {
            return "";
        }
    }

    private static String shorten(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }

    private static HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        return server.send(method, "/api/v1" + path, token, body);
    }

    private static JsonObject json(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return Json.createReader(new StringReader(response.body())).readObject();
    }
}
