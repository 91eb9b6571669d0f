package app.confidant.security;

import static app.confidant.security.People.code;
import static app.confidant.security.People.json;
import static org.assertj.core.api.Assertions.assertThat;

import app.confidant.platform.ConfidantServer;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The per-client-address limit (30 failures in 10 minutes) counts failures of every authentication endpoint alike,
 * and then refuses every one of them from that address, the right password and the right code included. On a server
 * of its own: the limit blocks 127.0.0.1, the address every test talks from.
 */
class ClientAddressLimitIT {

    private static final int LIMIT = 30;
    private static ConfidantServer server;

    @BeforeAll
    static void start() throws Exception {
        server = ConfidantServer.startFresh("address-limit", Map.of());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void failuresOfLoginsAndSecondFactorsTogetherBlockTheAddress() throws Exception {
        People.Session clerk = People.user(server, UUID.randomUUID(), Roles.CLERK);
        String password = "correct horse battery " + clerk.username;
        String pending = json(People.login(server, clerk.username, password)).getString("token");

        for (int i = 0; i < LIMIT - 4; i++) {
            assertThat(People.login(server, "nobody-" + i, "some password").statusCode()).isEqualTo(401);
        }
        for (int i = 0; i < 4; i++) { // four: below the account's own threshold of five
            HttpResponse<String> wrong = server.send("POST", "/api/v1/auth/mfa/verify", pending, code(People.wrongCode(clerk.secret)));
            assertThat(json(wrong).getString("code")).isEqualTo("invalid-code");
        }

        HttpResponse<String> rightCode = server.send("POST", "/api/v1/auth/mfa/verify", pending,
                code(clerk.nextCode()));
        assertThat(rightCode.statusCode()).isEqualTo(429);
        assertThat(json(rightCode).getString("code")).isEqualTo("too-many-attempts");
        assertThat(People.login(server, clerk.username, password).statusCode()).isEqualTo(429);
        assertThat(server.send("POST", "/api/v1/auth/mfa/recover", pending, code("AAAA-BBBB")).statusCode())
                .isEqualTo(429);
    }
}
