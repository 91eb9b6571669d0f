package app.confidant.security;

import static org.assertj.core.api.Assertions.assertThat;

import app.confidant.audit.AuditEntry;
import app.confidant.platform.ConfidantServer;
import app.confidant.platform.TestDatabase;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Denials are audit events (#19): each kind of refusal of an authenticated or authenticating request leaves exactly
 * one {@code access.denied} event with outcome DENIED, readable by its tenant's auditor and by no other tenant's,
 * naming codes and ids only; a flood is rate-limited, and every denial of it is still counted.
 */
class DenialAuditIT {

    /** What a denial's details may say: codes and ids, nothing a caller typed. */
    private static final Set<String> DETAIL_KEYS = Set.of("status", "code", "method", "route", "operation",
            "requiredRoles");
    private static ConfidantServer server;
    private static Personas tenant;
    private static Personas otherTenant;

    @BeforeAll
    static void start() throws Exception {
        server = ConfidantServer.shared();
        tenant = Personas.forTenant(server, UUID.randomUUID());
        otherTenant = Personas.forTenant(server, UUID.randomUUID());
    }

    @Test
    void aRoleDenialIsOneDeniedEventOfTheTenantNamingTheRouteAndTheRoles() throws Exception {
        String clerk = tenant.token(Roles.CLERK);
        HttpResponse<String> refused = server.send("GET", "/api/v1/audit/events", clerk, null);
        assertThat(People.json(refused).getString("code")).isEqualTo("forbidden");

        JsonObject event = onlyDenialOf(clerk);
        JsonObject details = details(event);
        assertThat(details.getString("code")).isEqualTo("forbidden");
        assertThat(details.getInt("status")).isEqualTo(403);
        assertThat(details.getString("method")).isEqualTo("GET");
        assertThat(details.getString("route")).isEqualTo("/api/v1/audit/events");
        assertThat(details.getJsonArray("requiredRoles").getString(0)).isEqualTo(Roles.AUDITOR);
        assertThat(event.getString("targetId")).isEqualTo("/api/v1/audit/events");
        assertThat(event.toString()).doesNotContain(clerk);
        assertThat(denialsSeenBy(otherTenant.token(Roles.AUDITOR), clerk)).isEmpty();
    }

    @Test
    void crossingTheTenantBoundaryIsADenial() throws Exception {
        String administrator = tenant.administratorToken();
        HttpResponse<String> refused = server.send("POST", "/api/v1/tenants", administrator,
                "{\"displayName\":\"Tenant made by a tenant\"}");
        assertThat(People.json(refused).getString("code")).isEqualTo("platform-only");

        JsonObject details = details(onlyDenialOf(administrator));
        assertThat(details.getString("code")).isEqualTo("platform-only");
        assertThat(details.getString("route")).isEqualTo("/api/v1/tenants");
        assertThat(denialsSeenBy(otherTenant.token(Roles.AUDITOR), administrator)).isEmpty();
    }

    @Test
    void aMissingStepUpIsADenial() throws Exception {
        Personas approvers = Personas.forTenant(server, tenant.tenant());
        String approver = approvers.token(Roles.APPROVER);
        ageSecondFactor(approver);
        HttpResponse<String> refused = server.send("POST", "/api/v1/invoices/" + UUID.randomUUID() + "/approve",
                approver, null);
        assertThat(People.json(refused).getString("code")).isEqualTo("step-up-required");

        JsonObject details = details(onlyDenialOf(approver));
        assertThat(details.getString("code")).isEqualTo("step-up-required");
        assertThat(details.getString("route")).isEqualTo("/api/v1/invoices/{id}/approve");
        assertThat(onlyDenialOf(approver).toString()).doesNotContain(refused.uri().getPath().split("/")[4]);
    }

    @Test
    void approvingOnesOwnInvoiceIsADenial() throws Exception {
        String both = tenant.withRoles(Roles.CLERK, Roles.APPROVER).token("CLERK+APPROVER");
        String party = People.json(server.send("POST", "/api/v1/parties", both,
                "{\"legalName\":\"Denial Buyer AG\",\"country\":\"DE\"}")).getString("id");
        String invoice = People.json(server.send("POST", "/api/v1/invoices", both, Json.createObjectBuilder()
                .add("partyId", party).add("currency", "EUR").add("lines", Json.createArrayBuilder().add(
                        Json.createObjectBuilder().add("description", "Consulting").add("quantity", 1)
                                .add("unitCode", "HUR").add("unitPrice", 100).add("taxCategory", "S")
                                .add("taxRate", 19)))
                .build().toString())).getString("id");
        People.require(server.send("POST", "/api/v1/invoices/" + invoice + "/submit", both, null), 200);
        HttpResponse<String> own = server.send("POST", "/api/v1/invoices/" + invoice + "/approve", both, null);
        assertThat(People.json(own).getString("code")).isEqualTo("self-approval");

        JsonObject details = details(onlyDenialOf(both));
        assertThat(details.getString("code")).isEqualTo("self-approval");
        assertThat(details.getString("route")).isEqualTo("/api/v1/invoices/{id}/approve");
    }

    @Test
    void anUnknownBearerTokenIsADenialOfTheAddressReadOnlyByPlatformAuditors() throws Exception {
        Instant before = Instant.now().minusSeconds(1);
        String requestId = "denial-" + UUID.randomUUID();
        String token = "made-up-" + UUID.randomUUID();
        HttpResponse<String> refused = server.sendWithHeaders("GET", "/api/v1/auth/me", token, null,
                Map.of("X-Request-Id", requestId));
        assertThat(refused.statusCode()).isEqualTo(401);

        List<JsonObject> events = events(Personas.platform(server).token(Roles.AUDITOR),
                "action=" + Denials.ACTION + "&actor=anonymous&from=" + before).stream()
                .filter(e -> requestId.equals(e.getString("requestId", null))).toList();
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.getString("outcome")).isEqualTo("DENIED");
            assertThat(event.getString("clientIp")).isEqualTo("127.0.0.1");
            assertThat(details(event).getString("code")).isEqualTo("invalid-token");
            assertThat(details(event).getString("route")).isEqualTo("/api/v1/*");
            assertThat(event.toString()).doesNotContain(token);
        });
        assertThat(events(tenant.token(Roles.AUDITOR), "action=" + Denials.ACTION + "&actor=anonymous&from="
                + before)).isEmpty();
    }

    @Test
    void aFloodOfDenialsIsRateLimitedAndEveryDenialIsStillCounted() throws Exception {
        String clerk = Personas.forTenant(server, tenant.tenant()).withRoles(Roles.CLERK).token("flood");
        int sent = 200;
        for (int i = 0; i < sent; i++) {
            HttpResponse<String> refused = server.send("GET", "/api/v1/audit/events", clerk, null);
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        }
        String auditor = tenant.token(Roles.AUDITOR);
        String actor = username(clerk);
        long recorded = 0;
        List<JsonObject> suppressed = List.of();
        // the suppression events follow when their window closes (10 s on the suite's server)
        for (int attempt = 0; attempt < 120; attempt++) {
            recorded = events(auditor, "action=" + Denials.ACTION + "&actor=" + actor).size();
            suppressed = events(auditor, "action=" + Denials.SUPPRESSED + "&actor=" + actor);
            long counted = suppressed.stream().mapToLong(e -> details(e).getJsonNumber("count").longValue()).sum();
            if (recorded + counted >= sent) {
                break;
            }
            Thread.sleep(1000);
        }
        long counted = suppressed.stream().mapToLong(e -> details(e).getJsonNumber("count").longValue()).sum();
        assertThat(recorded + counted).as("every denial recorded or counted").isEqualTo(sent);
        assertThat(suppressed).isNotEmpty();
        int limit = details(suppressed.get(0)).getInt("limitPerCaller");
        // a window with suppressed denials recorded the limit; at most one more window recorded fewer
        assertThat(recorded).isLessThanOrEqualTo((long) limit * (suppressed.size() + 1)).isLessThan(sent);
        assertThat(suppressed).allSatisfy(e -> {
            assertThat(e.getString("outcome")).isEqualTo("DENIED");
            assertThat(e.getString("targetType")).isEqualTo("user");
        });
        assertThat(events(otherTenant.token(Roles.AUDITOR), "action=" + Denials.SUPPRESSED + "&actor=" + actor))
                .isEmpty();
    }

    // --- helpers

    private static JsonObject onlyDenialOf(String token) throws Exception {
        List<JsonObject> events = denialsSeenBy(tenant.token(Roles.AUDITOR), token);
        assertThat(events).hasSize(1);
        JsonObject event = events.get(0);
        assertThat(event.getString("outcome")).isEqualTo(AuditEntry.DENIED);
        assertThat(event.getString("tenantId")).isEqualTo(tenant.tenant().toString());
        assertThat(details(event).keySet()).isSubsetOf(DETAIL_KEYS);
        return event;
    }

    private static List<JsonObject> denialsSeenBy(String auditor, String callerToken) throws Exception {
        return events(auditor, "action=" + Denials.ACTION + "&actor=" + username(callerToken));
    }

    private static String username(String token) throws Exception {
        return People.json(server.send("GET", "/api/v1/auth/me", token, null)).getString("username");
    }

    private static List<JsonObject> events(String auditor, String query) throws Exception {
        HttpResponse<String> found = server.send("GET", "/api/v1/audit/events?limit=500&" + query.replace("+",
                "%2B").replace(":", "%3A"), auditor, null);
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        JsonArray array = Json.createReader(new StringReader(found.body())).readArray();
        return array.getValuesAs(JsonObject.class);
    }

    private static JsonObject details(JsonObject event) {
        return Json.createReader(new StringReader(event.getString("details"))).readObject();
    }

    /** Moves the token's last second-factor check back beyond the step-up window (five minutes). */
    private static void ageSecondFactor(String token) throws Exception {
        try (Connection db = TestDatabase.SERVER.connectAsOwner();
             PreparedStatement update = db.prepareStatement("UPDATE access_token SET mfa_verified_at ="
                     + " mfa_verified_at - INTERVAL '10 minutes' WHERE token_hash = ?")) {
            update.setBytes(1, java.security.MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }
}
