package app.confidant.security;

import static app.confidant.security.People.code;
import static app.confidant.security.People.json;
import static org.assertj.core.api.Assertions.assertThat;

import app.confidant.platform.ConfidantServer;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Password + TOTP login, step-up, lockout and separation of duties against the real server over HTTPS. */
class IdentityIT {

    private static ConfidantServer server;

    @BeforeAll
    static void start() throws Exception {
        server = ConfidantServer.shared();
    }

    @Test
    void theFirstAdministratorMustEnrolMfaBeforeAnythingElse() throws Exception {
        People.admin(server); // enrolled once per run; a fresh login now lands in MFA_PENDING
        String password = People.adminPassword(server);
        HttpResponse<String> login = People.login(server, BootstrapAdministrator.USERNAME, password);
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(json(login).getString("stage")).isEqualTo("MFA_PENDING");
        String pending = json(login).getString("token");

        assertThat(server.send("GET", "/api/v1/users/separation-of-duties-conflicts", pending, null).statusCode())
                .isEqualTo(403);
        assertThat(json(server.send("GET", "/api/v1/auth/me", pending, null)).getJsonArray("roles").toString())
                .contains("MFA_PENDING");
    }

    @Test
    void aNewUserCanOnlyEnrolUntilTheSecondFactorIsConfirmed() throws Exception {
        String username = "enrol-" + UUID.randomUUID().toString().substring(0, 8);
        People.activatedUser(server, username, "long enough password");
        HttpResponse<String> login = People.login(server, username, "long enough password");
        assertThat(json(login).getString("stage")).isEqualTo("ENROLMENT");
        String token = json(login).getString("token");

        assertThat(server.send("POST", "/api/v1/auth/mfa/verify", token, code("123456")).statusCode()).isEqualTo(403);
        HttpResponse<String> enrolment = server.send("POST", "/api/v1/auth/mfa/enrolment", token, null);
        assertThat(enrolment.statusCode()).isEqualTo(200);
        assertThat(json(enrolment).getString("otpauthUri"))
                .startsWith("otpauth://totp/Confidant%3A" + username + "?secret=" + json(enrolment).getString("secret"));
    }

    @Test
    void aTotpCodeWorksOnceAndRecoveryCodesWorkOnce() throws Exception {
        UUID tenant = UUID.randomUUID();
        People.Session clerk = People.user(server, tenant, Roles.CLERK);
        String password = "correct horse battery " + clerk.username;

        HttpResponse<String> second = People.login(server, clerk.username, password);
        String pending = json(second).getString("token");
        String replayed = Totp.code(clerk.secret, clerk.lastStep, Totp.DIGITS, "HmacSHA1");
        HttpResponse<String> replay = server.send("POST", "/api/v1/auth/mfa/verify", pending, code(replayed));
        assertThat(replay.statusCode()).isEqualTo(401);
        assertThat(json(replay).getString("code")).isEqualTo("invalid-code");
        HttpResponse<String> fresh = server.send("POST", "/api/v1/auth/mfa/verify", pending, code(clerk.nextCode()));
        assertThat(fresh.statusCode()).isEqualTo(200);
        JsonObject me = json(server.send("GET", "/api/v1/auth/me", pending, null));
        assertThat(me.getJsonArray("roles").getString(0)).isEqualTo(Roles.CLERK);
        assertThat(me.getString("tenantId")).isEqualTo(tenant.toString());
    }

    @Test
    void recoveryCodesAreSingleUse() throws Exception {
        String username = "recover-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "recovery test password";
        People.activatedUser(server, username, password);
        String token = json(People.login(server, username, password)).getString("token");
        byte[] secret = People.base32(json(server.send("POST", "/api/v1/auth/mfa/enrolment", token, null))
                .getString("secret"));
        long step = java.time.Instant.now().getEpochSecond() / Totp.STEP_SECONDS;
        HttpResponse<String> confirmed = server.send("POST", "/api/v1/auth/mfa/enrolment/confirm", token,
                code(Totp.code(secret, step, Totp.DIGITS, "HmacSHA1")));
        assertThat(confirmed.statusCode()).isEqualTo(200);
        var codes = json(confirmed).getJsonArray("recoveryCodes");
        assertThat(codes).hasSize(10);

        String first = json(People.login(server, username, password)).getString("token");
        assertThat(server.send("POST", "/api/v1/auth/mfa/recover", first, code(codes.getString(3))).statusCode())
                .isEqualTo(200);
        String again = json(People.login(server, username, password)).getString("token");
        assertThat(server.send("POST", "/api/v1/auth/mfa/recover", again, code(codes.getString(3))).statusCode())
                .isEqualTo(401);
        assertThat(server.send("POST", "/api/v1/auth/mfa/recover", again, code(codes.getString(4).toLowerCase()))
                .statusCode()).isEqualTo(200);
    }

    @Test
    void unknownUserAndWrongPasswordAnswerAlikeAndFiveFailuresLockTheAccount() throws Exception {
        String username = "lock-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "the right password";
        People.activatedUser(server, username, password);

        HttpResponse<String> unknown = People.login(server, "nobody-" + username, "whatever password");
        HttpResponse<String> wrong = People.login(server, username, "a wrong password");
        assertThat(wrong.statusCode()).isEqualTo(unknown.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).isEqualTo(unknown.body());

        for (int i = 0; i < 4; i++) {
            People.login(server, username, "a wrong password");
        }
        HttpResponse<String> locked = People.login(server, username, password);
        assertThat(locked.statusCode()).isEqualTo(401);
        assertThat(locked.body()).isEqualTo(unknown.body());
    }

    @Test
    void nobodyGrantsThemselvesRolesAndAdminRolesDoNotMixWithInvoiceRoles() throws Exception {
        UUID tenant = UUID.randomUUID();
        People.Session admin = People.tenantAdmin(server, tenant);

        String userId = People.createUser(server, admin, "sod-" + UUID.randomUUID().toString().substring(0, 8))
                .getString("id");
        People.approve(server, People.withReason(server, "PUT", "/api/v1/users/" + userId + "/tenants/" + tenant
                + "/roles/KEY_CUSTODIAN", admin.token, null), People.secondTenantAdmin(server, tenant));
        HttpResponse<String> mixed = server.send("PUT", "/api/v1/users/" + userId + "/tenants/" + tenant
                + "/roles/APPROVER", admin.token, null);
        assertThat(mixed.statusCode()).isEqualTo(409);
        assertThat(json(mixed).getString("code")).isEqualTo("separation-of-duties");

        String me = adminIdOf(admin);
        HttpResponse<String> self = server.send("PUT", "/api/v1/users/" + me + "/tenants/" + tenant + "/roles/AUDITOR",
                admin.token, null);
        assertThat(self.statusCode()).isEqualTo(409);
        assertThat(json(self).getString("code")).isEqualTo("self-grant");
        assertThat(server.send("GET", "/api/v1/users/separation-of-duties-conflicts", admin.token, null).body())
                .isEqualTo("[]");
    }

    @Test
    void tokensAreCheckedAndLogoutRevokes() throws Exception {
        assertThat(server.send("GET", "/api/v1/auth/me", null, null).statusCode()).isEqualTo(401);
        assertThat(server.send("GET", "/api/v1/auth/me", "not-a-token", null).statusCode()).isEqualTo(401);
        People.Session auditor = People.user(server, UUID.randomUUID(), Roles.AUDITOR);
        assertThat(server.send("GET", "/api/v1/auth/me", auditor.token, null).statusCode()).isEqualTo(200);
        assertThat(server.send("POST", "/api/v1/users", auditor.token, "{}").statusCode()).isEqualTo(403);

        assertThat(server.send("POST", "/api/v1/auth/logout", auditor.token, null).statusCode()).isEqualTo(204);
        assertThat(server.send("GET", "/api/v1/auth/me", auditor.token, null).statusCode()).isEqualTo(401);
    }

    @Test
    void badInputIsAProblemWithoutInternals() throws Exception {
        HttpResponse<String> malformed = server.send("POST", "/api/v1/auth/login", null, "{\"username\": ");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("\"code\":\"malformed-body\"").doesNotContain("Exception");
        HttpResponse<String> unknownField = server.send("POST", "/api/v1/auth/login", null,
                "{\"username\":\"a\",\"password\":\"b\",\"admin\":true}");
        assertThat(unknownField.statusCode()).isEqualTo(400);
        HttpResponse<String> blank = server.send("POST", "/api/v1/auth/login", null, "{\"username\":\"\",\"password\":\"x\"}");
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(json(blank).getString("code")).isEqualTo("validation-failed");
        assertThat(json(blank).getJsonArray("errors").getJsonObject(0).getString("field")).endsWith("username");
    }

    private static String adminIdOf(People.Session admin) throws Exception {
        return json(server.send("GET", "/api/v1/auth/me", admin.token, null)).getString("userId");
    }
}
