package app.confidant.security;

import static org.assertj.core.api.Assertions.assertThat;

import app.confidant.platform.ConfidantServer;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The role × endpoint matrix: every endpoint of the API, called by each of the seven roles and by an anonymous
 * caller, answers exactly the expected status. The table must name every endpoint the code declares, so a new
 * endpoint without a row fails this test.
 */
class RoleMatrixIT {

    private static final String ANONYMOUS = "ANONYMOUS";
    private static final List<String> CALLERS = List.of(Roles.CLERK, Roles.APPROVER, Roles.ACCOUNTANT, Roles.AUDITOR,
            Roles.SECURITY_ADMIN, Roles.KEY_CUSTODIAN, Roles.INTEGRATION, ANONYMOUS);
    private static final String SOME = UUID.randomUUID().toString();
    private static final String PARTY = "{\"legalName\":\"Matrix GmbH\",\"country\":\"DE\"}";

    /** A request of the row and the status each caller (in CALLERS order) must get. */
    private record Row(String method, String template, String path, String body, String ifMatch, int... statuses) {
    }

    private static final List<Row> ROWS = List.of(
            new Row("POST", "/auth/login", "/auth/login", "{}", null, 400, 400, 400, 400, 400, 400, 400, 400),
            new Row("POST", "/auth/activate", "/auth/activate", "{}", null, 400, 400, 400, 400, 400, 400, 400, 400),
            new Row("POST", "/auth/password", "/auth/password", "{}", null, 400, 400, 400, 400, 400, 400, 403, 401),
            new Row("POST", "/auth/mfa/verify", "/auth/mfa/verify", "{\"code\":\"\"}", null,
                    400, 400, 400, 400, 400, 400, 403, 401),
            new Row("POST", "/auth/mfa/recover", "/auth/mfa/recover", "{\"code\":\"\"}", null,
                    400, 400, 400, 400, 400, 400, 403, 401),
            new Row("POST", "/auth/mfa/enrolment", "/auth/mfa/enrolment", null, null,
                    403, 403, 403, 403, 403, 403, 403, 401),
            new Row("POST", "/auth/mfa/enrolment/confirm", "/auth/mfa/enrolment/confirm", "{\"code\":\"\"}", null,
                    403, 403, 403, 403, 403, 403, 403, 401),
            new Row("GET", "/auth/me", "/auth/me", null, null, 200, 200, 200, 200, 200, 200, 200, 401),
            new Row("POST", "/users", "/users", "{}", null, 403, 403, 403, 403, 400, 403, 403, 401),
            new Row("PUT", "/users/{id}/tenants/{tenant}/roles/{role}", "/users/" + SOME + "/tenants/" + SOME
                    + "/roles/CLERK", null, null, 403, 403, 403, 403, 404, 403, 403, 401),
            new Row("DELETE", "/users/{id}/tenants/{tenant}/roles/{role}", "/users/" + SOME + "/tenants/" + SOME
                    + "/roles/CLERK", null, null, 403, 403, 403, 403, 404, 403, 403, 401),
            new Row("POST", "/users/{id}/activation", "/users/" + SOME + "/activation", null, null,
                    403, 403, 403, 403, 404, 403, 403, 401),
            new Row("POST", "/users/{id}/mfa-reset", "/users/" + SOME + "/mfa-reset", null, null,
                    403, 403, 403, 403, 404, 403, 403, 401),
            new Row("POST", "/users/{id}/disable", "/users/" + SOME + "/disable", null, null,
                    403, 403, 403, 403, 404, 403, 403, 401),
            new Row("POST", "/users/{id}/enable", "/users/" + SOME + "/enable", null, null,
                    403, 403, 403, 403, 404, 403, 403, 401),
            new Row("GET", "/approvals", "/approvals", null, null, 403, 403, 403, 200, 200, 403, 403, 401),
            new Row("GET", "/approvals/{id}", "/approvals/" + SOME, null, null, 403, 403, 403, 404, 404, 403, 403, 401),
            new Row("POST", "/approvals/{id}/approve", "/approvals/" + SOME + "/approve", null, null,
                    403, 403, 403, 403, 404, 403, 403, 401),
            new Row("POST", "/approvals/{id}/reject", "/approvals/" + SOME + "/reject", null, null,
                    403, 403, 403, 403, 404, 403, 403, 401),
            new Row("GET", "/users/separation-of-duties-conflicts", "/users/separation-of-duties-conflicts", null, null,
                    403, 403, 403, 403, 200, 403, 403, 401),
            new Row("POST", "/tenants", "/tenants", "{}", null, 403, 403, 403, 403, 400, 403, 403, 401),
            new Row("GET", "/tenants", "/tenants", null, null, 403, 403, 403, 403, 200, 403, 403, 401),
            new Row("POST", "/service-accounts", "/service-accounts", "{}", null,
                    403, 403, 403, 403, 400, 403, 403, 401),
            new Row("GET", "/service-accounts", "/service-accounts", null, null, 403, 403, 403, 403, 200, 403, 403, 401),
            new Row("DELETE", "/service-accounts/{id}", "/service-accounts/" + SOME, null, null,
                    403, 403, 403, 403, 404, 403, 403, 401),
            new Row("POST", "/parties", "/parties", "{}", null, 400, 403, 403, 403, 403, 403, 400, 401),
            new Row("GET", "/parties", "/parties", null, null, 200, 200, 200, 200, 403, 403, 200, 401),
            new Row("GET", "/parties/{id}", "/parties/" + SOME, null, null, 404, 404, 404, 404, 403, 403, 404, 401),
            new Row("PUT", "/parties/{id}", "/parties/" + SOME, PARTY, "\"1\"", 404, 403, 403, 403, 403, 403, 403, 401),
            new Row("DELETE", "/parties/{id}", "/parties/" + SOME, null, "\"1\"", 404, 403, 403, 403, 403, 403, 403, 401),
            new Row("POST", "/parties/{id}/reveal", "/parties/" + SOME + "/reveal",
                    "{\"field\":\"iban\",\"reason\":\"matrix test of the reveal endpoint\"}", null,
                    403, 403, 403, 404, 403, 403, 403, 401),
            new Row("POST", "/invoices", "/invoices", "{}", null, 400, 403, 403, 403, 403, 403, 400, 401),
            new Row("GET", "/invoices", "/invoices", null, null, 200, 200, 200, 200, 403, 403, 200, 401),
            new Row("GET", "/invoices/{id}", "/invoices/" + SOME, null, null, 404, 404, 404, 404, 403, 403, 404, 401),
            new Row("PUT", "/invoices/{id}", "/invoices/" + SOME, "{}", "\"1\"", 400, 403, 403, 403, 403, 403, 403, 401),
            new Row("DELETE", "/invoices/{id}", "/invoices/" + SOME, null, "\"1\"", 404, 403, 403, 403, 403, 403, 403, 401),
            new Row("POST", "/invoices/{id}/submit", "/invoices/" + SOME + "/submit", null, null,
                    403, 404, 403, 403, 403, 403, 404, 401),
            new Row("POST", "/invoices/{id}/approve", "/invoices/" + SOME + "/approve", null, null,
                    403, 404, 403, 403, 403, 403, 403, 401),
            new Row("POST", "/invoices/{id}/reject", "/invoices/" + SOME + "/reject", "{\"reason\":\"wrong amounts\"}",
                    null, 403, 404, 403, 403, 403, 403, 403, 401),
            new Row("POST", "/invoices/{id}/issue", "/invoices/" + SOME + "/issue", null, null,
                    403, 404, 403, 403, 403, 403, 403, 401),
            new Row("POST", "/invoices/{id}/send", "/invoices/" + SOME + "/send", null, null,
                    403, 404, 403, 403, 403, 403, 403, 401),
            new Row("POST", "/invoices/{id}/payments", "/invoices/" + SOME + "/payments",
                    "{\"amount\":1,\"paidOn\":\"2026-11-25\",\"method\":\"CASH\"}", null,
                    403, 403, 404, 403, 403, 403, 403, 401),
            new Row("POST", "/invoices/{id}/credit-notes", "/invoices/" + SOME + "/credit-notes",
                    "{\"reason\":\"matrix credit note\"}", null, 403, 403, 404, 403, 403, 403, 403, 401),
            new Row("GET", "/invoices/{id}/ubl", "/invoices/" + SOME + "/ubl", null, null,
                    400, 400, 400, 403, 403, 403, 403, 401),
            new Row("POST", "/invoices/import", "/invoices/import", "<x/>", null, 403, 403, 422, 403, 403, 403, 403, 401),
            new Row("POST", "/einvoice/validate", "/einvoice/validate", "<x/>", null,
                    200, 200, 200, 200, 403, 403, 200, 401),
            new Row("GET", "/einvoice/seller", "/einvoice/seller", null, null, 409, 409, 409, 403, 403, 403, 403, 401),
            new Row("PUT", "/einvoice/seller", "/einvoice/seller", "{}", null, 403, 403, 400, 403, 403, 403, 403, 401),
            new Row("POST", "/audit/verify", "/audit/verify", null, null, 403, 403, 403, 200, 403, 403, 403, 401),
            new Row("GET", "/audit/events", "/audit/events", null, null, 403, 403, 403, 200, 403, 403, 403, 401),
            new Row("GET", "/audit/export", "/audit/export", null, null,
                    403, 403, 403, 200, 403, 403, 403, 401),
            new Row("GET", "/audit/checkpoint-key", "/audit/checkpoint-key", null, null,
                    403, 403, 403, 200, 403, 403, 403, 401),
            new Row("GET", "/keys", "/keys", null, null, 403, 403, 403, 200, 403, 200, 403, 401),
            new Row("POST", "/key-backups", "/key-backups", "{}", null, 403, 403, 403, 403, 403, 400, 403, 401),
            new Row("GET", "/key-backups", "/key-backups", null, null, 403, 403, 403, 200, 403, 200, 403, 401),
            new Row("POST", "/key-ceremonies", "/key-ceremonies", "{}", null, 403, 403, 403, 403, 403, 400, 403, 401),
            new Row("GET", "/key-ceremonies", "/key-ceremonies", null, null, 403, 403, 403, 200, 403, 200, 403, 401),
            new Row("GET", "/key-ceremonies/{id}", "/key-ceremonies/" + SOME, null, null,
                    403, 403, 403, 404, 403, 404, 403, 401),
            new Row("POST", "/key-ceremonies/{id}/approve", "/key-ceremonies/" + SOME + "/approve", null, null,
                    403, 403, 403, 403, 403, 404, 403, 401),
            new Row("POST", "/key-ceremonies/{id}/cancel", "/key-ceremonies/" + SOME + "/cancel", null, null,
                    403, 403, 403, 403, 403, 404, 403, 401),
            new Row("GET", "/reencryption-jobs", "/reencryption-jobs", null, null, 403, 403, 403, 200, 403, 200, 403, 401),
            new Row("GET", "/reencryption-jobs/{id}", "/reencryption-jobs/" + SOME, null, null,
                    403, 403, 403, 404, 403, 404, 403, 401),
            new Row("POST", "/reencryption-jobs/{id}/pause", "/reencryption-jobs/" + SOME + "/pause", null, null,
                    403, 403, 403, 403, 403, 404, 403, 401),
            new Row("POST", "/reencryption-jobs/{id}/resume", "/reencryption-jobs/" + SOME + "/resume", null, null,
                    403, 403, 403, 403, 403, 404, 403, 401),
            new Row("GET", "/training/modules", "/training/modules", null, null, 200, 200, 200, 200, 200, 200, 200, 401),
            new Row("POST", "/training/modules", "/training/modules", "{}", null, 403, 403, 403, 403, 400, 403, 403, 401),
            new Row("PUT", "/training/modules/{id}", "/training/modules/" + SOME, "{}", null,
                    403, 403, 403, 403, 400, 403, 403, 401),
            new Row("POST", "/training/modules/{id}/attestations", "/training/modules/" + SOME + "/attestations",
                    "{\"version\":1}", null, 404, 404, 404, 404, 404, 404, 404, 401),
            new Row("GET", "/training/compliance", "/training/compliance", null, null,
                    403, 403, 403, 200, 200, 403, 403, 401),
            new Row("GET", "/training/due", "/training/due?days=30", null, null, 403, 403, 403, 200, 200, 403, 403, 401),
            new Row("GET", "/compliance/security-report", "/compliance/security-report", null, null,
                    403, 403, 403, 200, 200, 403, 403, 401),
            new Row("GET", "/compliance/sbom", "/compliance/sbom", null, null, 403, 403, 403, 200, 200, 403, 403, 401),
            new Row("GET", "/compliance/version", "/compliance/version", null, null,
                    200, 200, 200, 200, 200, 200, 200, 401),
            // last: it ends every caller's session
            new Row("POST", "/auth/logout", "/auth/logout", null, null, 204, 204, 204, 204, 204, 204, 204, 401));

    @Test
    void everyEndpointAnswersEachRoleAsTheTableSays() throws Exception {
        ConfidantServer server = ConfidantServer.shared();
        Personas personas = Personas.forTenant(server, UUID.randomUUID());
        Map<String, String> tokens = new LinkedHashMap<>();
        for (String caller : CALLERS) {
            tokens.put(caller, caller.equals(ANONYMOUS) ? null : personas.token(caller));
        }
        List<String> mismatches = new ArrayList<>();
        for (Row row : ROWS) {
            for (int i = 0; i < CALLERS.size(); i++) {
                String caller = CALLERS.get(i);
                HttpResponse<String> response = server.sendWithHeader(row.method(), "/api/v1" + row.path(),
                        tokens.get(caller), row.body(), row.ifMatch() == null ? null : "If-Match", row.ifMatch());
                if (response.statusCode() != row.statuses()[i]) {
                    mismatches.add(row.method() + " " + row.template() + " as " + caller + ": expected "
                            + row.statuses()[i] + ", got " + response.statusCode() + " " + response.body());
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void theTableCoversEveryEndpointTheCodeDeclares() {
        TreeSet<String> tabled = new TreeSet<>();
        ROWS.forEach(row -> tabled.add(row.method() + " " + row.template()));
        assertThat(tabled).isEqualTo(ApiOperations.declared());
        ROWS.forEach(row -> assertThat(row.statuses()).as(row.template()).hasSize(CALLERS.size()));
    }
}
