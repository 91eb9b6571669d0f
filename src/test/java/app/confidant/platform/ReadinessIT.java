package app.confidant.platform;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** /health/ready is UP only when both the HSM and the database work, and says why when not. */
class ReadinessIT {

    @Test
    void readyOverHttpsWithHsmAndDatabaseChecks() throws Exception {
        ConfidantServer server = ConfidantServer.shared();
        HttpResponse<String> response = server.get("/health/ready");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject health = parse(response.body());
        assertThat(health.getString("status")).isEqualTo("UP");
        assertThat(checks(health)).containsEntry("hsm", "UP").containsEntry("database", "UP")
                .containsEntry("serving", "UP").containsEntry("first-administrator", "UP");
        assertThat(response.body()).contains("PostgreSQL");
        // ready means the first start's one-time password file is written already (the launcher shows it then)
        assertThat(server.state().resolve("bootstrap-admin.password")).exists();
    }

    @Test
    void wrongPinTurnsReadinessDownWithoutCrashing() throws Exception {
        ConfidantServer healthy = ConfidantServer.shared();
        Map<String, String> env = Map.of(
                "CONFIDANT_HSM_CONFIG", healthy.state().resolve("hsm/sunpkcs11.cfg").toString(),
                "SOFTHSM2_CONF", healthy.state().resolve("hsm/softhsm2.conf").toString(),
                "CONFIDANT_HSM_PIN", "wrong-pin-0000");
        try (ConfidantServer server = ConfidantServer.start("wrong-pin", env)) {
            HttpResponse<String> ready = server.get("/health/ready");
            assertThat(ready.statusCode()).isEqualTo(503);
            JsonObject health = parse(ready.body());
            assertThat(checks(health)).containsEntry("hsm", "DOWN").containsEntry("database", "UP");
            assertThat(ready.body()).contains("wrong PIN");

            assertThat(server.get("/health/live").statusCode()).isEqualTo(200);
            assertThat(server.log()).contains("HSM unavailable: login refused: wrong PIN")
                    .doesNotContain("wrong-pin-0000");
        }
    }

    private static JsonObject parse(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    private static Map<String, String> checks(JsonObject health) {
        return health.getJsonArray("checks").stream()
                .map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(c -> c.getString("name"), c -> c.getString("status")));
    }
}
