package app.confidant.security;

import static app.confidant.security.People.code;
import static app.confidant.security.People.json;
import static org.assertj.core.api.Assertions.assertThat;

import app.confidant.platform.ConfidantServer;
import app.confidant.platform.TestDatabase;
import jakarta.json.JsonArray;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every factor counts against the account's lockout: 50 wrong second-factor codes are answered "wrong code" five
 * times, then the account is locked, every token of the user revoked, and the right code refused.
 */
class LockoutIT {

    private static final int THRESHOLD = 5;
    private static ConfidantServer server;

    @BeforeAll
    static void start() throws Exception {
        server = ConfidantServer.shared();
    }

    @Test
    void fiftyWrongTotpCodesLockTheAccountAfterFiveAndRevokeItsTokens() throws Exception {
        People.Session clerk = People.user(server, UUID.randomUUID(), Roles.CLERK);
        String password = "correct horse battery " + clerk.username;
        String pending = json(People.login(server, clerk.username, password)).getString("token");

        List<HttpResponse<String>> answers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            answers.add(server.send("POST", "/api/v1/auth/mfa/verify", pending, code(People.wrongCode(clerk.secret))));
        }

        assertLockedAfterFive(answers);
        assertThat(server.send("POST", "/api/v1/auth/mfa/verify", pending, code(clerk.nextCode())).statusCode())
                .as("the right code on the revoked token").isEqualTo(401);
        assertThat(server.send("GET", "/api/v1/auth/me", clerk.token, null).statusCode())
                .as("the user's other, fully authenticated token is revoked too").isEqualTo(401);
        HttpResponse<String> relogin = People.login(server, clerk.username, password);
        assertThat(relogin.statusCode()).as("the right password while locked").isEqualTo(401);
        assertThat(json(relogin).getString("code")).isEqualTo("invalid-credentials");
        assertThat(auditedActions(clerk.username)).containsSequence(
                "mfa.verify FAILURE", "mfa.verify FAILURE", "mfa.verify FAILURE", "mfa.verify FAILURE",
                "mfa.verify FAILURE", "mfa.lockout FAILURE", "login FAILURE");
    }

    @Test
    void fiftyWrongRecoveryCodesLockTheAccountAfterFiveAndTheRightOneIsRefused() throws Exception {
        Enrolled user = enrolWithRecoveryCodes();
        String pending = json(People.login(server, user.username, user.password)).getString("token");

        List<HttpResponse<String>> answers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            answers.add(server.send("POST", "/api/v1/auth/mfa/recover", pending, code("AAAA-BBBB-" + i)));
        }

        assertLockedAfterFive(answers);
        assertThat(server.send("POST", "/api/v1/auth/mfa/recover", pending, code(user.recoveryCodes.getString(0)))
                .statusCode()).isEqualTo(401);
        assertThat(People.login(server, user.username, user.password).statusCode()).isEqualTo(401);
        assertThat(auditedActions(user.username)).containsSequence("mfa.recover FAILURE", "mfa.recover FAILURE",
                "mfa.recover FAILURE", "mfa.recover FAILURE", "mfa.recover FAILURE", "mfa.lockout FAILURE");
    }

    @Test
    void aLockReachedWithPasswordsRefusesTheRightSecondFactorOfAnEarlierLogin() throws Exception {
        Enrolled user = enrolWithRecoveryCodes();
        String pending = json(People.login(server, user.username, user.password)).getString("token");
        for (int i = 0; i < THRESHOLD; i++) {
            People.login(server, user.username, "a wrong password");
        }

        HttpResponse<String> totp = server.send("POST", "/api/v1/auth/mfa/verify", pending,
                code(Totp.code(user.secret, Instant.now().getEpochSecond() / Totp.STEP_SECONDS + 1, Totp.DIGITS,
                        "HmacSHA1")));
        assertThat(totp.statusCode()).isEqualTo(401);
        assertThat(json(totp).getString("code")).isEqualTo("invalid-code");
        assertThat(server.send("POST", "/api/v1/auth/mfa/recover", pending, code(user.recoveryCodes.getString(1)))
                .statusCode()).isEqualTo(401);
    }

    @Test
    void wrongEnrolmentCodesCountToo() throws Exception {
        String username = "enrol-lock-" + UUID.randomUUID().toString().substring(0, 8);
        String token = json(People.login(server, createUser(username), "enrolment lock password")).getString("token");
        byte[] secret = People.base32(json(server.send("POST", "/api/v1/auth/mfa/enrolment", token, null))
                .getString("secret"));

        List<HttpResponse<String>> answers = new ArrayList<>();
        for (int i = 0; i < THRESHOLD + 2; i++) {
            answers.add(server.send("POST", "/api/v1/auth/mfa/enrolment/confirm", token, code(People.wrongCode(secret))));
        }

        assertLockedAfterFive(answers);
        assertThat(People.login(server, username, "enrolment lock password").statusCode()).isEqualTo(401);
    }

    /** The first five answers are "wrong code"; from then on the token itself is refused (revoked on the lock). */
    private static void assertLockedAfterFive(List<HttpResponse<String>> answers) {
        for (int i = 0; i < answers.size(); i++) {
            HttpResponse<String> answer = answers.get(i);
            assertThat(answer.statusCode()).as("attempt %d", i + 1).isEqualTo(401);
            if (i < THRESHOLD) {
                assertThat(json(answer).getString("code")).as("attempt %d", i + 1).isEqualTo("invalid-code");
            } else {
                assertThat(answer.body()).as("attempt %d", i + 1).doesNotContain("invalid-code");
            }
        }
    }

    private record Enrolled(String username, String password, byte[] secret, JsonArray recoveryCodes) {
    }

    private static Enrolled enrolWithRecoveryCodes() throws Exception {
        String username = "lockout-" + UUID.randomUUID().toString().substring(0, 8);
        String token = json(People.login(server, createUser(username), "enrolment lock password")).getString("token");
        byte[] secret = People.base32(json(server.send("POST", "/api/v1/auth/mfa/enrolment", token, null))
                .getString("secret"));
        HttpResponse<String> confirmed = server.send("POST", "/api/v1/auth/mfa/enrolment/confirm", token,
                code(Totp.code(secret, Instant.now().getEpochSecond() / Totp.STEP_SECONDS, Totp.DIGITS, "HmacSHA1")));
        People.require(confirmed, 200);
        return new Enrolled(username, "enrolment lock password", secret, json(confirmed).getJsonArray("recoveryCodes"));
    }

    private static String createUser(String username) throws Exception {
        People.activatedUser(server, username, "enrolment lock password");
        return username;
    }

    /** "action OUTCOME" of the user's audit events, oldest first (read from the table, as a DBA would). */
    private static List<String> auditedActions(String username) throws Exception {
        try (Connection db = TestDatabase.SERVER.connectAsOwner();
             PreparedStatement query = db.prepareStatement(
                     "SELECT action, outcome FROM audit_event WHERE actor = ? ORDER BY occurred_at, node_id, seq")) {
            query.setString(1, username);
            List<String> actions = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    actions.add(rows.getString(1) + " " + rows.getString(2));
                }
            }
            return actions;
        }
    }
}
