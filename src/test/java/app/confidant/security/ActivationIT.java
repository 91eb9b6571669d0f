package app.confidant.security;

import static app.confidant.security.People.code;
import static app.confidant.security.People.json;
import static org.assertj.core.api.Assertions.assertThat;

import app.confidant.platform.ConfidantServer;
import app.confidant.platform.TestDatabase;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * People own their credentials: an administrator creates a person and gets an activation code, never a password;
 * the person sets their own; the code is single use, expires, and wrong codes count and lock like wrong passwords.
 * The bootstrap administrator's generated password works once. On a server of its own (PostgreSQL): a fresh
 * bootstrap administrator, and activation codes that live 30 seconds, so that one can be seen to expire.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ActivationIT {

    private static final Duration LIFETIME = Duration.ofSeconds(30);
    private static final String CODE_FORMAT = "[A-Z2-7]{4}(-[A-Z2-7]{4}){7}";
    private static ConfidantServer server;

    @BeforeAll
    static void start() throws Exception {
        server = ConfidantServer.startOnFreshSchema(TestDatabase.ACTIVATION, "activation", Map.of(
                "CONFIDANT_ACTIVATION_LIFETIME", LIFETIME.toString(),
                "CONFIDANT_AUTH_ADDRESS_FAILURE_LIMIT", "1000")); // every test talks from 127.0.0.1
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    @Order(1) // before anyone else logs in as the bootstrap administrator
    void theBootstrapPasswordWorksOnceAndItsFirstTokenCanOnlyChangeIt() throws Exception {
        String generated = Files.readString(server.state().resolve("bootstrap-admin.password")).strip();
        HttpResponse<String> login = People.login(server, BootstrapAdministrator.USERNAME, generated);
        assertThat(json(login).getString("stage")).isEqualTo("PASSWORD_CHANGE");
        String token = json(login).getString("token");

        assertThat(server.send("GET", "/api/v1/users/separation-of-duties-conflicts", token, null).statusCode())
                .isEqualTo(403);
        assertThat(server.send("POST", "/api/v1/tenants", token, "{\"displayName\":\"x\"}").statusCode())
                .isEqualTo(403);
        assertThat(server.send("POST", "/api/v1/auth/mfa/enrolment", token, null).statusCode()).isEqualTo(403);
        assertThat(json(server.send("GET", "/api/v1/auth/me", token, null)).getJsonArray("roles").toString())
                .isEqualTo("[\"PASSWORD_CHANGE\"]");
        assertThat(problemCode(People.changePassword(server, token, generated, "short", null)))
                .isEqualTo("weak-password");
        assertThat(problemCode(People.changePassword(server, token, generated, generated, null)))
                .isEqualTo("password-unchanged");

        String chosen = "the administrator's own passphrase";
        assertThat(People.changePassword(server, token, generated, chosen, null).statusCode()).isEqualTo(204);
        assertThat(json(server.send("GET", "/api/v1/auth/me", token, null)).getJsonArray("roles").toString())
                .as("the token moves on to MFA enrolment").isEqualTo("[\"MFA_ENROLMENT\"]");
        assertThat(People.login(server, BootstrapAdministrator.USERNAME, generated).statusCode())
                .as("the generated password, once more").isEqualTo(401);
        People.Session admin = People.enrolWith(server, BootstrapAdministrator.USERNAME, token);
        People.adoptAdmin(server, admin, chosen);
        assertThat(json(People.login(server, BootstrapAdministrator.USERNAME, chosen)).getString("stage"))
                .isEqualTo("MFA_PENDING");
        assertThat(userRow(BootstrapAdministrator.USERNAME, "must_change_password")).isEqualTo(false);
    }

    @Test
    void theAdministratorGetsAnActivationCodeAndThePersonSetsTheirOwnPassword() throws Exception {
        String username = "activate-" + UUID.randomUUID().toString().substring(0, 8);
        Instant before = Instant.now();
        JsonObject created = People.createUser(server, People.admin(server), username);
        assertThat(created.keySet()).containsExactlyInAnyOrder("id", "username", "activationCode",
                "activationExpiresAt");
        String activationCode = created.getString("activationCode");
        assertThat(activationCode).matches(CODE_FORMAT);
        assertThat(Instant.parse(created.getString("activationExpiresAt")))
                .isBetween(before.plus(LIFETIME).minusSeconds(5), Instant.now().plus(LIFETIME).plusSeconds(5));
        assertThat(userRow(username, "password_hash")).as("no password before activation").isNull();
        assertThat(userRow(username, "activation_code_hash")).as("only a hash of the code is kept")
                .isEqualTo(Secrets.activationHash(activationCode));

        assertThat(problemCode(People.activate(server, username, activationCode, "too short")))
                .as("the password policy holds; the code is not used up").isEqualTo("weak-password");
        String password = "a passphrase only " + username + " knows";
        assertThat(People.activate(server, username, activationCode.toLowerCase().replace("-", " "), password)
                .statusCode()).as("case, spaces and dashes do not matter").isEqualTo(204);
        HttpResponse<String> login = People.login(server, username, password);
        assertThat(json(login).getString("stage")).isEqualTo("ENROLMENT");

        HttpResponse<String> again = People.activate(server, username, activationCode, "another long passphrase");
        assertThat(again.statusCode()).as("the code works once").isEqualTo(401);
        assertThat(problemCode(again)).isEqualTo("activation-invalid");
        HttpResponse<String> reissue = server.send("POST", "/api/v1/users/" + created.getString("id") + "/activation",
                People.admin(server).steppedUp(server), null);
        assertThat(reissue.statusCode()).isEqualTo(409);
        assertThat(problemCode(reissue)).isEqualTo("already-activated");
        assertThat(auditedActions(username)).contains("user.activate SUCCESS", "user.activate FAILURE");
    }

    @Test
    void aPersonWhoHasNotActivatedCannotLogIn() throws Exception {
        String username = "inactive-" + UUID.randomUUID().toString().substring(0, 8);
        People.createUser(server, People.admin(server), username);

        HttpResponse<String> unknown = People.login(server, "nobody-" + username, "some long password");
        HttpResponse<String> inactive = People.login(server, username, "some long password");
        assertThat(inactive.statusCode()).isEqualTo(401);
        assertThat(inactive.body()).as("the same answer as a wrong password").isEqualTo(unknown.body());
    }

    @Test
    void anActivationCodeExpiresAndAFreshOneReplacesIt() throws Exception {
        String username = "expire-" + UUID.randomUUID().toString().substring(0, 8);
        JsonObject created = People.createUser(server, People.admin(server), username);
        Instant expiresAt = Instant.parse(created.getString("activationExpiresAt"));
        while (!Instant.now().isAfter(expiresAt.plusSeconds(1))) {
            Thread.sleep(500);
        }

        String password = "a passphrase for " + username;
        HttpResponse<String> expired = People.activate(server, username, created.getString("activationCode"), password);
        HttpResponse<String> unknown = People.activate(server, "nobody-" + username, created.getString("activationCode"),
                password);
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(expired.body()).as("no oracle: expired answers like unknown").isEqualTo(unknown.body());

        HttpResponse<String> reissued = server.send("POST", "/api/v1/users/" + created.getString("id") + "/activation",
                People.admin(server).steppedUp(server), null);
        assertThat(reissued.statusCode()).isEqualTo(200);
        String fresh = json(reissued).getString("activationCode");
        assertThat(fresh).matches(CODE_FORMAT).isNotEqualTo(created.getString("activationCode"));
        assertThat(People.activate(server, username, fresh, password).statusCode()).isEqualTo(204);
        assertThat(People.login(server, username, password).statusCode()).isEqualTo(200);
        assertThat(auditedActions(BootstrapAdministrator.USERNAME)).contains("user.activation.reissue SUCCESS");
    }

    @Test
    void wrongActivationCodesCountAndLockTheAccount() throws Exception {
        String username = "guess-" + UUID.randomUUID().toString().substring(0, 8);
        String right = People.createUser(server, People.admin(server), username).getString("activationCode");
        String password = "a passphrase for " + username;

        List<HttpResponse<String>> answers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            answers.add(People.activate(server, username, Secrets.newActivationCode(), password));
        }
        HttpResponse<String> whileLocked = People.activate(server, username, right, password);

        for (HttpResponse<String> answer : answers) {
            assertThat(answer.statusCode()).isEqualTo(401);
            assertThat(answer.body()).isEqualTo(whileLocked.body());
        }
        assertThat(problemCode(whileLocked)).isEqualTo("activation-invalid");
        assertThat(userRow(username, "password_hash")).as("the right code, while locked, set nothing").isNull();
        assertThat(auditedDetails(username)).containsExactly(
                "user.create SUCCESS", "user.activate FAILURE invalid-code", "user.activate FAILURE invalid-code",
                "user.activate FAILURE invalid-code", "user.activate FAILURE invalid-code",
                "user.activate.lockout FAILURE invalid-code", "user.activate FAILURE locked");
    }

    @Test
    void aPasswordChosenByTheAdministratorIsRefusedAndNothingIsStored() throws Exception {
        String username = "chosen-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> refused = server.send("POST", "/api/v1/users", People.admin(server).steppedUp(server),
                Json.createObjectBuilder().add("username", username).add("password", "the admin knows this one")
                        .build().toString());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(problemCode(refused)).isEqualTo("password-not-accepted");
        assertThat(json(refused).getString("detail")).contains("activation code").doesNotContain("knows this one");
        assertThat(countRows("SELECT count(*) FROM user_account WHERE username = ?", username)).isZero();
    }

    @Test
    void changingOnesPasswordNeedsTheCurrentOneAndAFreshCodeAndRevokesOtherTokens() throws Exception {
        People.Session clerk = People.user(server, UUID.randomUUID(), Roles.CLERK);
        String current = "correct horse battery " + clerk.username;
        String next = "a new passphrase for " + clerk.username;
        String other = json(People.login(server, clerk.username, current)).getString("token");
        assertThat(People.changePassword(server, other, current, next, People.wrongCode(clerk.secret)).statusCode())
                .as("a token before its second factor").isEqualTo(403);

        assertThat(problemCode(People.changePassword(server, clerk.token, current, next, null)))
                .isEqualTo("code-required");
        assertThat(problemCode(People.changePassword(server, clerk.token, "not my password", next,
                People.wrongCode(clerk.secret)))).isEqualTo("invalid-credentials");
        assertThat(problemCode(People.changePassword(server, clerk.token, current, next,
                People.wrongCode(clerk.secret)))).isEqualTo("invalid-code");
        assertThat(userRow(clerk.username, "failed_logins")).as("both count against lockout").isEqualTo(2);
        assertThat(problemCode(People.changePassword(server, clerk.token, current, current, clerk.nextCode())))
                .isEqualTo("password-unchanged");

        assertThat(People.changePassword(server, clerk.token, current, next, clerk.nextCode()).statusCode())
                .isEqualTo(204);
        assertThat(server.send("GET", "/api/v1/auth/me", clerk.token, null).statusCode()).isEqualTo(200);
        assertThat(server.send("GET", "/api/v1/auth/me", other, null).statusCode()).as("other tokens revoked")
                .isEqualTo(401);
        assertThat(People.login(server, clerk.username, current).statusCode()).isEqualTo(401);
        assertThat(People.login(server, clerk.username, next).statusCode()).isEqualTo(200);
        assertThat(auditedActions(clerk.username)).containsSubsequence("password.change FAILURE",
                "password.change FAILURE", "password.change SUCCESS");
    }

    private static String problemCode(HttpResponse<String> response) {
        return json(response).getString("code", "(status " + response.statusCode() + ")");
    }

    /** One column of the user's row (read from the table, as a DBA would). */
    private static Object userRow(String username, String column) throws Exception {
        try (Connection db = TestDatabase.ACTIVATION.connectAsOwner();
             PreparedStatement query = db.prepareStatement(
                     "SELECT " + column + " FROM user_account WHERE username = ?")) {
            query.setString(1, username);
            try (ResultSet rows = query.executeQuery()) {
                assertThat(rows.next()).as("a row for %s", username).isTrue();
                return rows.getObject(1);
            }
        }
    }

    private static long countRows(String sql, String parameter) throws Exception {
        try (Connection db = TestDatabase.ACTIVATION.connectAsOwner();
             PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** "action OUTCOME" of the events whose actor is {@code actor}, oldest first. */
    private static List<String> auditedActions(String actor) throws Exception {
        return audited("SELECT action, outcome FROM audit_event WHERE actor = ? ORDER BY occurred_at, node_id, seq",
                actor, false);
    }

    /** "action OUTCOME detail" of the events about the user named {@code username}, oldest first. */
    private static List<String> auditedDetails(String username) throws Exception {
        return audited("SELECT e.action, e.outcome, e.details FROM audit_event e JOIN user_account u"
                + " ON e.target_id = CAST(u.id AS VARCHAR(36)) WHERE u.username = ?"
                + " ORDER BY e.occurred_at, e.node_id, e.seq", username, true);
    }

    private static List<String> audited(String sql, String parameter, boolean withDetail) throws Exception {
        try (Connection db = TestDatabase.ACTIVATION.connectAsOwner();
             PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, parameter);
            List<String> actions = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String detail = withDetail && rows.getString(3) != null
                            ? " " + Json.createReader(new java.io.StringReader(rows.getString(3))).readObject()
                                    .getString("detail", "") : "";
                    actions.add((rows.getString(1) + " " + rows.getString(2) + detail).strip());
                }
            }
            return actions;
        }
    }
}
