package app.confidant.security;

import static org.assertj.core.api.Assertions.assertThat;

import app.confidant.platform.ConfidantServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Four eyes on privilege (#16): one security administrator cannot, by any sequence of the API, get a privileged role
 * granted, a second factor reset, a tenant created or an administrator disabled. Proposing and approving oneself,
 * creating people one controls, approving as the target, approving another tenant's proposal, approving after
 * expiry: each is refused. Two administrators succeed; separation of duties holds at proposal and at approval.
 */
class FourEyesIT {

    private static ConfidantServer server;
    private static UUID t1;
    private static Personas one;
    private static Personas two;
    private static String alone;
    private static String second;

    private static final java.util.Map<String, People.Session> SESSIONS = new java.util.HashMap<>();

    private record Person(String id, String username, String password) {
    }

    @BeforeAll
    static void twoTenantsEachWithTwoAdministrators() throws Exception {
        server = ConfidantServer.shared();
        t1 = UUID.randomUUID();
        one = Personas.forTenant(server, t1);
        two = Personas.forTenant(server, UUID.randomUUID());
        alone = one.administratorToken();
        second = one.secondAdministratorToken();
        two.administratorToken();
    }

    @Test
    void theProposerCannotApproveItsOwnProposal() throws Exception {
        Person target = person(one.administratorToken());
        HttpResponse<String> proposed = grant(one.administratorToken(), target, Roles.KEY_CUSTODIAN, "new custodian");
        assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(202);
        String id = json(proposed).getString("id");
        assertThat(proposed.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("approvals/" + id));
        assertRefused(send("POST", "/approvals/" + id + "/approve", one.administratorToken()), 409, "four-eyes");
        assertThat(approval(id, one.administratorToken()).getString("state")).isEqualTo("PENDING");
        assertThat(rolesOf(target)).doesNotContain(Roles.KEY_CUSTODIAN);

        JsonObject approved = json(send("POST", "/approvals/" + id + "/approve", one.secondAdministratorToken()));
        assertThat(approved.getString("state")).isEqualTo("APPROVED");
        assertThat(rolesOf(target)).contains(Roles.KEY_CUSTODIAN);
        assertRefused(send("POST", "/approvals/" + id + "/approve", one.secondAdministratorToken()), 409,
                "approval-decided");
        // proposal, refused and granted approval are events of their own; the grant keeps its own event
        String events = send("GET", "/audit/events?targetId=" + id, one.token(Roles.AUDITOR)).body();
        assertThat(events).contains("approval.propose", "approval.approve", "FAILURE", "SUCCESS", "new custodian");
        assertThat(send("GET", "/audit/events?action=role.grant&targetId=" + target.id(), one.token(Roles.AUDITOR))
                .body()).contains("role.grant", "new custodian");
    }

    @Test
    void peopleALoneAdministratorCreatesCannotApproveForIt() throws Exception {
        Person puppet = person(one.administratorToken());
        Person accomplice = person(one.administratorToken());
        for (String role : List.of(Roles.SECURITY_ADMIN, Roles.KEY_CUSTODIAN, Roles.AUDITOR)) {
            assertThat(grant(one.administratorToken(), puppet, role, "my own people").statusCode())
                    .as(role + " is never granted directly").isEqualTo(202);
        }
        String id = json(grant(one.administratorToken(), accomplice, Roles.SECURITY_ADMIN, "my own people"))
                .getString("id");
        assertThat(rolesOf(puppet)).isEmpty();
        String puppetToken = json(People.login(server, puppet.username(), puppet.password())).getString("token");
        json(server.send("POST", "/api/v1/auth/mfa/verify", puppetToken,
                People.code(SESSIONS.get(puppet.username()).nextCode())));
        assertThat(send("POST", "/approvals/" + id + "/approve", puppetToken).statusCode()).isEqualTo(403);
        assertThat(rolesOf(accomplice)).isEmpty();
        // nor does the administrator grant itself anything
        assertRefused(grant(one.administratorToken(), new Person(userId(one.administratorToken()), null, null),
                Roles.AUDITOR, "myself"), 409, "self-grant");
    }

    @Test
    void theTargetCannotApproveWhatIsDoneToIt() throws Exception {
        Person third = administrator();
        People.Session thirdSession = People.enrol(server, third.username(), third.password());
        String reset = json(withReason("POST", "/users/" + third.id() + "/mfa-reset", one.administratorToken(),
                "lost phone"), 202).getString("id");
        assertRefused(send("POST", "/approvals/" + reset + "/approve", thirdSession.token), 409, "four-eyes");
        String disable = json(withReason("POST", "/users/" + third.id() + "/disable", one.administratorToken(),
                "left the company"), 202).getString("id");
        assertRefused(send("POST", "/approvals/" + disable + "/approve", thirdSession.token), 409, "four-eyes");
        assertThat(send("GET", "/auth/me", thirdSession.token).statusCode()).isEqualTo(200);
        Person newcomer = person(one.administratorToken());
        String thirdsProposal = json(grant(thirdSession.steppedUp(server), newcomer, Roles.AUDITOR, "before leaving"),
                202).getString("id");

        assertThat(json(send("POST", "/approvals/" + disable + "/approve", one.secondAdministratorToken()))
                .getString("state")).isEqualTo("APPROVED");
        assertThat(send("GET", "/auth/me", thirdSession.token).statusCode()).isEqualTo(401);
        HttpResponse<String> refused = People.login(server, third.username(), third.password());
        HttpResponse<String> wrong = People.login(server, third.username(), "not the password at all");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).isEqualTo(wrong.body());
        // what a disabled administrator proposed has nobody behind it any more
        assertRefused(send("POST", "/approvals/" + thirdsProposal + "/approve", one.secondAdministratorToken()), 409,
                "proposer-withdrawn");

        String enable = json(withReason("POST", "/users/" + third.id() + "/enable", one.administratorToken(),
                "back from leave"), 202).getString("id");
        json(send("POST", "/approvals/" + enable + "/approve", one.secondAdministratorToken()), 200);
        assertThat(People.login(server, third.username(), third.password()).statusCode()).isEqualTo(200);
    }

    @Test
    void anotherTenantsApprovalAnswersLikeAnUnknownOne() throws Exception {
        Person target = person(one.administratorToken());
        String id = json(grant(one.administratorToken(), target, Roles.AUDITOR, "auditor for t1"), 202).getString("id");
        String unknown = UUID.randomUUID().toString();
        for (String token : List.of(two.administratorToken(), two.secondAdministratorToken(),
                Personas.platform(server).platformAdministratorToken(),
                Personas.platform(server).secondPlatformAdministratorToken())) {
            for (String path : List.of("/approve", "/reject", "")) {
                String method = path.isEmpty() ? "GET" : "POST";
                HttpResponse<String> other = send(method, "/approvals/" + id + path, token);
                HttpResponse<String> none = send(method, "/approvals/" + unknown + path, token);
                assertThat(other.statusCode()).as(method + path + ": " + other.body()).isEqualTo(404);
                assertThat(json(other).getString("code")).isEqualTo(json(none).getString("code"));
            }
        }
        assertThat(approval(id, one.administratorToken()).getString("state")).isEqualTo("PENDING");
        assertThat(send("GET", "/approvals", two.administratorToken()).body()).doesNotContain(id);
        assertThat(send("GET", "/approvals", one.token(Roles.AUDITOR)).body()).contains(id);
    }

    @Test
    void anExpiredProposalCannotBeApproved() throws Exception {
        Person target = person(one.administratorToken());
        HttpResponse<String> proposed = server.sendWithHeader("PUT", "/api/v1/users/" + target.id() + "/tenants/" + t1
                + "/roles/" + Roles.AUDITOR, one.administratorToken(), null, "X-Reason", "short-lived");
        String id = json(proposed, 202).getString("id");
        // a second proposal, valid for one second only
        HttpResponse<String> brief = sendWith(one.administratorToken(), "/users/" + target.id() + "/mfa-reset");
        String briefId = json(brief, 202).getString("id");
        Thread.sleep(2_000);
        assertRefused(send("POST", "/approvals/" + briefId + "/approve", one.secondAdministratorToken()), 409,
                "approval-expired");
        assertThat(approval(briefId, one.administratorToken()).getString("state")).isEqualTo("EXPIRED");
        assertThat(approval(id, one.administratorToken()).getString("state")).isEqualTo("PENDING");
    }

    @Test
    void tenantCreationNeedsTwoPlatformAdministrators() throws Exception {
        Personas platform = Personas.platform(server);
        assertRefused(withReason("POST", "/tenants", one.administratorToken(), "{\"displayName\":\"Mine\"}",
                "mine"), 403, "platform-only");
        assertRefused(send("POST", "/tenants", platform.platformAdministratorToken(), "{\"displayName\":\"No why\"}"),
                400, "reason-required");
        JsonObject proposed = json(withReason("POST", "/tenants", platform.platformAdministratorToken(),
                "{\"displayName\":\"Clinic\"}", "new customer"), 202);
        String tenant = proposed.getString("targetId");
        assertThat(send("GET", "/tenants", platform.platformAdministratorToken()).body()).doesNotContain(tenant);
        assertRefused(send("POST", "/approvals/" + proposed.getString("id") + "/approve",
                platform.platformAdministratorToken()), 409, "four-eyes");
        assertThat(send("GET", "/tenants", platform.platformAdministratorToken()).body()).doesNotContain(tenant);
        json(send("POST", "/approvals/" + proposed.getString("id") + "/approve",
                platform.secondPlatformAdministratorToken()), 200);
        assertThat(send("GET", "/tenants", platform.platformAdministratorToken()).body()).contains(tenant);
        assertThat(send("GET", "/audit/events?action=tenant.create&targetId=" + tenant, platform.token(Roles.AUDITOR))
                .body()).contains("tenant.create");
        assertThat(send("GET", "/audit/events?action=role.grant.bootstrap-exception", platform.token(Roles.AUDITOR))
                .body()).contains("role.grant.bootstrap-exception");
        // the bootstrap exception is spent: a third platform administrator needs two as well
        Person third = person(platform.platformAdministratorToken());
        assertThat(server.sendWithHeader("PUT", "/api/v1/users/" + third.id() + "/tenants/" + People.PLATFORM
                        + "/roles/" + Roles.SECURITY_ADMIN, platform.platformAdministratorToken(), null, "X-Reason",
                "a third").statusCode()).isEqualTo(202);
    }

    @Test
    void separationOfDutiesHoldsAtProposalAndAtApproval() throws Exception {
        Person custodian = person(one.administratorToken());
        approve(grant(one.administratorToken(), custodian, Roles.KEY_CUSTODIAN, "custodian"));
        assertRefused(grant(one.administratorToken(), custodian, Roles.SECURITY_ADMIN, "both"), 409,
                "separation-of-duties");

        Person both = person(one.administratorToken());
        String asAdmin = json(grant(one.administratorToken(), both, Roles.SECURITY_ADMIN, "admin"), 202)
                .getString("id");
        String asCustodian = json(grant(one.administratorToken(), both, Roles.KEY_CUSTODIAN, "custodian"), 202)
                .getString("id");
        json(send("POST", "/approvals/" + asAdmin + "/approve", one.secondAdministratorToken()), 200);
        assertRefused(send("POST", "/approvals/" + asCustodian + "/approve", one.secondAdministratorToken()), 409,
                "separation-of-duties");
        assertThat(approval(asCustodian, one.administratorToken()).getString("state")).isEqualTo("PENDING");
        assertThat(rolesOf(both)).containsExactly(Roles.SECURITY_ADMIN);
    }

    @Test
    void ordinaryRolesAndOrdinaryPeopleNeedOneAdministratorAndEveryPrivilegedActAReason() throws Exception {
        Person clerk = person(one.administratorToken());
        assertThat(send("PUT", "/users/" + clerk.id() + "/tenants/" + t1 + "/roles/" + Roles.CLERK,
                one.administratorToken()).statusCode()).isEqualTo(204);
        assertRefused(send("PUT", "/users/" + clerk.id() + "/tenants/" + t1 + "/roles/" + Roles.AUDITOR,
                one.administratorToken()), 400, "reason-required");
        assertRefused(send("POST", "/users/" + clerk.id() + "/mfa-reset", one.administratorToken()), 400,
                "reason-required");
        assertRefused(withReason("POST", "/users/" + clerk.id() + "/mfa-reset", one.administratorToken(),
                "x".repeat(501)), 400, "reason-too-long");
        People.Session session = People.enrol(server, clerk.username(), clerk.password());
        assertThat(withReason("POST", "/users/" + clerk.id() + "/disable", one.administratorToken(), "left")
                .statusCode()).isEqualTo(204);
        assertThat(send("GET", "/auth/me", session.token).statusCode()).isEqualTo(401);
        assertThat(People.login(server, clerk.username(), clerk.password()).statusCode()).isEqualTo(401);
        assertThat(withReason("POST", "/users/" + clerk.id() + "/enable", one.administratorToken(), "back")
                .statusCode()).isEqualTo(204);
        assertThat(People.login(server, clerk.username(), clerk.password()).statusCode()).isEqualTo(200);
        String reset = json(withReason("POST", "/users/" + clerk.id() + "/mfa-reset", one.administratorToken(),
                "lost phone"), 202).getString("id");
        approve(reset);
        assertThat(send("GET", "/approvals", one.administratorToken()).body()).contains(reset);
    }

    // --- helpers

    /**
     * A user of tenant one, created by its first administrator, who keeps the activation code and activates the
     * account with a password of its own choosing: a person the administrator controls completely.
     */
    private static Person person(String adminToken) throws Exception {
        String username = "four-eyes-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "correct horse battery " + username;
        HttpResponse<String> created = server.send("POST", "/api/v1/users", adminToken, Json.createObjectBuilder()
                .add("username", username).build().toString());
        JsonObject answer = json(created, 201);
        People.require(People.activate(server, username, answer.getString("activationCode"), password), 204);
        return new Person(answer.getString("id"), username, password);
    }

    /** A third SECURITY_ADMIN of tenant one, proposed by the first, approved by the second. */
    private static Person administrator() throws Exception {
        Person admin = person(one.administratorToken());
        approve(grant(one.administratorToken(), admin, Roles.SECURITY_ADMIN, "third administrator"));
        return admin;
    }

    private static HttpResponse<String> grant(String token, Person user, String role, String reason) throws Exception {
        return server.sendWithHeader("PUT", "/api/v1/users/" + user.id() + "/tenants/" + t1 + "/roles/" + role, token,
                null, "X-Reason", reason);
    }

    private static void approve(HttpResponse<String> proposed) throws Exception {
        approve(json(proposed, 202).getString("id"));
    }

    private static void approve(String id) throws Exception {
        json(send("POST", "/approvals/" + id + "/approve", one.secondAdministratorToken()), 200);
    }

    /** A proposal valid for one second (X-Valid-For-Seconds). */
    private static HttpResponse<String> sendWith(String token, String path) throws Exception {
        return server.sendWithHeaders("POST", "/api/v1" + path, token, null,
                java.util.Map.of("X-Reason", "brief", "X-Valid-For-Seconds", "1"));
    }

    private static JsonObject approval(String id, String token) throws Exception {
        return json(send("GET", "/approvals/" + id, token));
    }

    /** The roles the user's next login gets in its tenant (the user enrols at the first). */
    private static synchronized List<String> rolesOf(Person user) throws Exception {
        People.Session session = SESSIONS.get(user.username());
        String token;
        if (session == null) {
            session = People.enrol(server, user.username(), user.password());
            SESSIONS.put(user.username(), session);
            token = session.token;
        } else {
            token = json(People.login(server, user.username(), user.password())).getString("token");
            json(server.send("POST", "/api/v1/auth/mfa/verify", token, People.code(session.nextCode())));
        }
        HttpResponse<String> me = send("GET", "/auth/me", token);
        if (me.statusCode() == 403) {
            return List.of(); // a person with no role in any tenant may do nothing, not even ask who they are
        }
        return json(me, 200).getJsonArray("roles").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList();
    }

    private static String userId(String token) throws Exception {
        return json(send("GET", "/auth/me", token)).getString("userId");
    }

    private static void assertRefused(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(json(response).getString("code")).isEqualTo(code);
    }

    private static HttpResponse<String> withReason(String method, String path, String token, String reason)
            throws Exception {
        return server.sendWithHeader(method, "/api/v1" + path, token, null, "X-Reason", reason);
    }

    private static HttpResponse<String> withReason(String method, String path, String token, String body,
            String reason) throws Exception {
        return server.sendWithHeader(method, "/api/v1" + path, token, body, "X-Reason", reason);
    }

    private static HttpResponse<String> send(String method, String path, String token) throws Exception {
        return server.send(method, "/api/v1" + path, token, null);
    }

    private static HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        return server.send(method, "/api/v1" + path, token, body);
    }

    /** The body of an answer whose status the caller checks itself (or whose content shows the outcome). */
    private static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private static JsonObject json(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return Json.createReader(new StringReader(response.body())).readObject();
    }
}
