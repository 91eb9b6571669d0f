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
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tenants as a hard boundary (#16): two tenants with one person per role each; every tenant-scoped operation called
 * by T2's people on T1's things (and on the platform tenant) is refused, and a T1 id answers exactly like an
 * unknown id (same status, same code). Key ceremonies never reach another tenant or the platform tenant.
 */
class TenantBoundaryIT {

    private static final UUID PLATFORM = new UUID(0L, 1L);
    private static final String CUSTODIAN = Roles.KEY_CUSTODIAN;

    @TempDir
    static Path pkiDir;
    private static ConfidantServer server;
    private static UUID t1;
    private static UUID t2;
    private static Personas one;
    private static Personas oneSecond;
    private static Personas two;
    private static Personas twoSecond;
    private static String partyOfT1;
    private static String pendingCeremonyOfT1;
    private static String jobOfT1;
    private static String serviceAccountOfT1;
    private static String certificate;

    @BeforeAll
    static void twoTenantsWithOnePersonPerRoleAndThingsInT1() throws Exception {
        server = ConfidantServer.shared();
        t1 = UUID.randomUUID();
        t2 = UUID.randomUUID();
        one = Personas.forTenant(server, t1);
        oneSecond = Personas.forTenant(server, t1);
        two = Personas.forTenant(server, t2);
        twoSecond = Personas.forTenant(server, t2);
        for (String role : List.of(Roles.CLERK, Roles.AUDITOR, Roles.SECURITY_ADMIN, CUSTODIAN)) {
            one.token(role);
            two.token(role);
        }
        oneSecond.token(CUSTODIAN);
        twoSecond.token(CUSTODIAN);
        partyOfT1 = json(send("POST", "/parties", one.token(Roles.CLERK),
                "{\"legalName\":\"Tenant One GmbH\",\"country\":\"DE\"}"), 201).getString("id");
        json(send("POST", "/parties", two.token(Roles.CLERK), "{\"legalName\":\"Tenant Two SA\",\"country\":\"FR\"}"),
                201);
        // T1: a finished GENERATE, an ACTIVATE that starts a re-encryption job, and a pending proposal
        carryOut(one, oneSecond, "{\"kind\":\"GENERATE\",\"reason\":\"scheduled rotation of tenant one\"}");
        String activation = carryOut(one, oneSecond,
                "{\"kind\":\"ACTIVATE\",\"version\":2,\"reason\":\"scheduled rotation of tenant one\"}");
        int at = activation.indexOf("job ") + 4;
        jobOfT1 = activation.substring(at, at + 36);
        pendingCeremonyOfT1 = json(send("POST", "/key-ceremonies", one.steppedUpToken(CUSTODIAN),
                "{\"kind\":\"GENERATE\",\"reason\":\"pending proposal of tenant one\"}"), 201).getString("id");
        TestPki pki = TestPki.create(pkiDir);
        serviceAccountOfT1 = json(send("POST", "/service-accounts", one.administratorToken(),
                Json.createObjectBuilder().add("name", "t1-sync-" + t1.toString().substring(0, 8))
                        .add("certificatePem", pki.client("t1-sync").certificatePem()).build().toString()), 201)
                .getString("id");
        certificate = pki.client("t2-sync").certificatePem();
    }

    @Test
    void keyCeremoniesActOnTheProposersTenantOnly() throws Exception {
        String custodian = two.steppedUpToken(CUSTODIAN);
        for (String kind : List.of("SHRED", "GENERATE")) {
            for (UUID target : List.of(t1, PLATFORM)) {
                HttpResponse<String> refused = send("POST", "/key-ceremonies", custodian, proposal(kind, target));
                assertThat(json(refused, 403).getString("code")).as(kind + " for " + target).isEqualTo("other-tenant");
            }
        }
        HttpResponse<String> platformShred = send("POST", "/key-ceremonies",
                Personas.platform(server).steppedUpToken(CUSTODIAN), proposal("SHRED", PLATFORM));
        assertThat(json(platformShred, 422).getString("code")).isEqualTo("platform-not-shreddable");
        HttpResponse<String> auditKey = send("POST", "/key-ceremonies", custodian,
                "{\"kind\":\"AUDIT_KEY\",\"reason\":\"a tenant tries the audit key\"}");
        assertThat(json(auditKey, 403).getString("code")).isEqualTo("platform-only");

        // T1's data key is untouched, T1's custodians still see only T1's ceremonies
        assertThat(send("GET", "/keys", one.token(Roles.AUDITOR), null).body()).contains("dek-" + t1 + "-v2");
        JsonObject mine = json(send("POST", "/key-ceremonies", custodian,
                "{\"kind\":\"GENERATE\",\"tenantId\":\"" + t2 + "\",\"reason\":\"own tenant named explicitly\"}"), 201);
        assertThat(mine.getString("tenantId")).isEqualTo(t2.toString());
    }

    @Test
    void anotherTenantsCeremoniesAndJobsAnswerExactlyLikeUnknownIds() throws Exception {
        String custodian = two.steppedUpToken(CUSTODIAN);
        String auditor = two.token(Roles.AUDITOR);
        List<String> leaks = new ArrayList<>();
        sameAsUnknown(leaks, "GET", "/key-ceremonies/", pendingCeremonyOfT1, "", auditor);
        sameAsUnknown(leaks, "GET", "/key-ceremonies/", pendingCeremonyOfT1, "", custodian);
        sameAsUnknown(leaks, "POST", "/key-ceremonies/", pendingCeremonyOfT1, "/approve", custodian);
        sameAsUnknown(leaks, "POST", "/key-ceremonies/", pendingCeremonyOfT1, "/cancel", custodian);
        sameAsUnknown(leaks, "GET", "/reencryption-jobs/", jobOfT1, "", auditor);
        sameAsUnknown(leaks, "POST", "/reencryption-jobs/", jobOfT1, "/pause", custodian);
        sameAsUnknown(leaks, "POST", "/reencryption-jobs/", jobOfT1, "/resume", custodian);
        assertThat(leaks).isEmpty();
        assertThat(send("GET", "/key-ceremonies?limit=200", auditor, null).body()).doesNotContain(t1.toString())
                .doesNotContain(pendingCeremonyOfT1);
        assertThat(send("GET", "/reencryption-jobs", auditor, null).body()).doesNotContain(jobOfT1);
        // still pending for T1's own custodians
        assertThat(json(send("GET", "/key-ceremonies/" + pendingCeremonyOfT1, one.token(Roles.AUDITOR), null), 200)
                .getString("state")).isEqualTo("PROPOSED");
    }

    @Test
    void theKeyInventoryShowsATenantItsOwnKeysAndThePlatformTheWholeToken() throws Exception {
        List<JsonObject> keys = Json.createReader(new StringReader(send("GET", "/keys", two.token(Roles.AUDITOR), null)
                .body())).readArray().getValuesAs(JsonObject.class);
        assertThat(keys).isNotEmpty().allSatisfy(k -> assertThat(k.getString("tenantId")).isEqualTo(t2.toString()));
        assertThat(send("GET", "/keys", Personas.platform(server).token(Roles.AUDITOR), null).body())
                .contains("dek-" + t1).contains("dek-" + t2).contains("audit-mac-v");
    }

    @Test
    void administratorsManageOnlyThePeopleAndRolesOfTheirOwnTenant() throws Exception {
        String admin = two.administratorToken();
        String clerkOfT1 = userId(one.token(Roles.CLERK));
        String adminOfT1 = userId(one.token(Roles.SECURITY_ADMIN));
        String clerkOfT2 = userId(two.token(Roles.CLERK));
        String unknown = UUID.randomUUID().toString();
        List<String> leaks = new ArrayList<>();
        for (String path : List.of("/users/" + clerkOfT1 + "/tenants/" + t1 + "/roles/APPROVER",
                "/users/" + clerkOfT2 + "/tenants/" + t1 + "/roles/CLERK",
                "/users/" + clerkOfT2 + "/tenants/" + PLATFORM + "/roles/SECURITY_ADMIN",
                "/users/" + clerkOfT1 + "/tenants/" + t2 + "/roles/CLERK",
                "/users/" + clerkOfT2 + "/tenants/" + UUID.randomUUID() + "/roles/CLERK")) {
            expect(leaks, "PUT", path, admin, 404);
            expect(leaks, "DELETE", path, admin, 404);
        }
        expect(leaks, "POST", "/users/" + adminOfT1 + "/mfa-reset", admin, 404);
        expect(leaks, "POST", "/users/" + unknown + "/mfa-reset", admin, 404);
        assertThat(leaks).isEmpty();
        // the platform administrator appoints tenants' administrators, but not into an unregistered tenant
        assertThat(send("PUT", "/users/" + clerkOfT2 + "/tenants/" + UUID.randomUUID() + "/roles/SECURITY_ADMIN",
                one.platformAdministratorToken(), null).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/users/separation-of-duties-conflicts", admin, null).statusCode()).isEqualTo(200);
        // T1's clerk kept exactly their roles
        assertThat(send("GET", "/auth/me", one.token(Roles.CLERK), null).body()).contains("[\"CLERK\"]");
    }

    @Test
    void serviceAccountsAreRegisteredListedAndRevokedWithinTheTenant() throws Exception {
        String admin = two.administratorToken();
        HttpResponse<String> elsewhere = send("POST", "/service-accounts", admin, Json.createObjectBuilder()
                .add("name", "t2-into-t1-" + t2.toString().substring(0, 8)).add("tenantId", t1.toString())
                .add("certificatePem", certificate).build().toString());
        assertThat(elsewhere.statusCode()).as(elsewhere.body()).isEqualTo(404);
        assertThat(send("GET", "/service-accounts", admin, null).body()).doesNotContain(serviceAccountOfT1);
        List<String> leaks = new ArrayList<>();
        sameAsUnknown(leaks, "DELETE", "/service-accounts/", serviceAccountOfT1, "", admin);
        assertThat(leaks).isEmpty();
        assertThat(send("GET", "/service-accounts", one.administratorToken(), null).body())
                .contains(serviceAccountOfT1).doesNotContain("revokedAt\":\"");
    }

    @Test
    void auditorsReadOnlyTheirTenantsTrailTrainingAndReport() throws Exception {
        String auditor = two.token(Roles.AUDITOR);
        String clerkOfT1 = json(send("GET", "/auth/me", one.token(Roles.CLERK), null), 200).getString("username");
        assertThat(Json.createReader(new StringReader(send("GET", "/audit/events?limit=500", auditor, null).body()))
                .readArray().getValuesAs(JsonObject.class))
                .isNotEmpty().allSatisfy(e -> assertThat(e.getString("tenantId")).isEqualTo(t2.toString()));
        assertThat(send("GET", "/audit/events?targetId=" + partyOfT1, auditor, null).body()).isEqualTo("[]");
        String export = server.sendWithHeader("GET", "/api/v1/audit/export", auditor, null, "Accept",
                "application/x-ndjson").body();
        // every exported row was recorded in T2 (T2's own refused attempts name the T1 ids T2 sent: that is T2's)
        assertThat(export.lines().map(line -> Json.createReader(new StringReader(Json.createReader(
                new StringReader(line)).readObject().getString("canonical"))).readArray().getString(7)))
                .isNotEmpty().allMatch(t2.toString()::equals);
        assertThat(export).doesNotContain(partyOfT1).doesNotContain(clerkOfT1);
        for (String path : List.of("/training/compliance", "/training/due?days=366", "/compliance/security-report")) {
            HttpResponse<String> read = send("GET", path, auditor, null);
            assertThat(read.statusCode()).as(path).isEqualTo(200);
            assertThat(read.body()).as(path).doesNotContain(clerkOfT1).doesNotContain("dek-" + t1);
        }
        // the platform auditor reads the whole trail, T1's events included
        assertThat(send("GET", "/audit/events?targetId=" + partyOfT1, Personas.platform(server).token(Roles.AUDITOR),
                null).body()).contains(partyOfT1);
    }

    @Test
    void onlyPlatformAdministratorsCreateTenantsAndTenantsSeeThemselves() throws Exception {
        HttpResponse<String> refused = send("POST", "/tenants", two.administratorToken(),
                "{\"displayName\":\"Tenant made by a tenant\"}");
        assertThat(json(refused, 403).getString("code")).isEqualTo("platform-only");
        // a tenant exists once a second platform administrator approves its proposal
        JsonObject proposed = json(server.sendWithHeader("POST", "/api/v1/tenants", one.platformAdministratorToken(),
                "{\"displayName\":\"Acme Hospital\"}", "X-Reason", "new customer"), 202);
        assertThat(proposed.getString("state")).isEqualTo("PENDING");
        JsonObject approved = json(send("POST", "/approvals/" + proposed.getString("id") + "/approve",
                one.secondPlatformAdministratorToken(), null), 200);
        assertThat(approved.getString("state")).isEqualTo("APPROVED");
        JsonObject created = Json.createObjectBuilder().add("id", proposed.getString("targetId")).build();
        assertThat(send("GET", "/tenants", one.platformAdministratorToken(), null).body())
                .contains(created.getString("id")).contains(t1.toString()).contains(t2.toString());
        List<JsonObject> own = Json.createReader(new StringReader(send("GET", "/tenants", two.administratorToken(),
                null).body())).readArray().getValuesAs(JsonObject.class);
        assertThat(own).extracting(t -> t.getString("id")).containsExactly(t2.toString());
    }

    private static String proposal(String kind, UUID tenant) {
        return Json.createObjectBuilder().add("kind", kind).add("tenantId", tenant.toString())
                .add("reason", "cross-tenant attempt of " + kind.toLowerCase()).build().toString();
    }

    private static String carryOut(Personas proposer, Personas approver, String body) throws Exception {
        String id = json(send("POST", "/key-ceremonies", proposer.steppedUpToken(CUSTODIAN), body), 201).getString("id");
        return json(send("POST", "/key-ceremonies/" + id + "/approve", approver.steppedUpToken(CUSTODIAN), null), 200)
                .getString("outcome");
    }

    /** The T1 id and a random id must get the same status and Problem code. */
    private static void sameAsUnknown(List<String> leaks, String method, String prefix, String id, String suffix,
            String token) throws Exception {
        HttpResponse<String> other = send(method, prefix + id + suffix, token, null);
        HttpResponse<String> unknown = send(method, prefix + UUID.randomUUID() + suffix, token, null);
        if (other.statusCode() != 404 || unknown.statusCode() != 404
                || !code(other).equals(code(unknown))) {
            leaks.add(method + " " + prefix + "{T1}" + suffix + ": " + other.statusCode() + " " + other.body()
                    + " vs unknown " + unknown.statusCode() + " " + unknown.body());
        }
    }

    private static void expect(List<String> leaks, String method, String path, String token, int status)
            throws Exception {
        HttpResponse<String> response = send(method, path, token, null);
        if (response.statusCode() != status) {
            leaks.add(method + " " + path + ": " + response.statusCode() + " " + response.body());
        }
    }

    private static String code(HttpResponse<String> response) {
        JsonValue code = Json.createReader(new StringReader(response.body())).readObject().get("code");
        return code == null ? "" : code.toString();
    }

    private static String userId(String token) throws Exception {
        return json(send("GET", "/auth/me", token, null), 200).getString("userId");
    }

    private static HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        return server.send(method, "/api/v1" + path, token, body);
    }

    private static JsonObject json(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return Json.createReader(new StringReader(response.body())).readObject();
    }
}
