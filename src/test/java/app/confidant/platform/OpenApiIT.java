package app.confidant.platform;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The served OpenAPI document describes every operation: summary, roles, step-up, and errors as Problem Details. */
class OpenApiIT {

    private static JsonObject paths;

    @BeforeAll
    static void fetch() throws Exception {
        HttpResponse<String> response = ConfidantServer.shared().get("/openapi?format=JSON");
        assertThat(response.statusCode()).isEqualTo(200);
        paths = Json.createReader(new StringReader(response.body())).readObject().getJsonObject("paths");
    }

    @Test
    void everyOperationHasASummaryItsRolesASuccessAndProblemDetailsForItsErrors() {
        List<String> operations = new ArrayList<>();
        for (Map.Entry<String, JsonValue> path : paths.entrySet()) {
            assertThat(path.getKey()).startsWith("/api/v1/");
            for (Map.Entry<String, JsonValue> entry : path.getValue().asJsonObject().entrySet()) {
                String name = entry.getKey().toUpperCase() + " " + path.getKey();
                operations.add(name);
                JsonObject operation = entry.getValue().asJsonObject();
                assertThat(operation.getString("summary", "")).as(name + " summary").isNotBlank();
                assertThat(operation).as(name + " roles").containsKeys("x-roles", "x-step-up");
                assertThat(operation.getString("description")).as(name).startsWith("Roles: ");
                JsonObject responses = operation.getJsonObject("responses");
                assertThat(responses.keySet()).as(name + " success").anyMatch(code -> code.startsWith("2"));
                assertThat(responses.keySet()).as(name).contains("503");
                responses.forEach((code, response) -> {
                    if (code.startsWith("4") || code.startsWith("5")) {
                        assertThat(response.asJsonObject().getJsonObject("content"))
                                .as(name + " " + code + " body").containsKey("application/problem+json");
                    }
                });
            }
        }
        assertThat(operations).as("the API's operations").hasSizeGreaterThanOrEqualTo(36);
    }

    @Test
    void rolesStepUpAndSpecificErrorsComeFromTheCode() {
        JsonObject issue = operation("/api/v1/invoices/{id}/issue", "post");
        assertThat(issue.getJsonArray("x-roles").getValuesAs(JsonValue::toString)).containsExactly("\"APPROVER\"");
        assertThat(issue.getBoolean("x-step-up")).isTrue();
        assertThat(issue.getJsonObject("responses").keySet()).contains("200", "401", "403", "404", "409", "503");

        JsonObject update = operation("/api/v1/invoices/{id}", "put");
        assertThat(update.getBoolean("x-step-up")).isFalse();
        assertThat(update.getJsonObject("responses").keySet()).contains("400", "409", "412", "428");

        JsonObject login = operation("/api/v1/auth/login", "post");
        assertThat(login.getJsonArray("x-roles").getValuesAs(JsonValue::toString)).containsExactly("\"ANYONE\"");
        assertThat(login).doesNotContainKey("security");
        assertThat(issue.getJsonArray("security")).hasSize(1);
        assertThat(login.getString("description")).startsWith("Roles: anyone");
        assertThat(login.getJsonObject("responses").keySet()).doesNotContain("403").contains("401", "429");
    }

    private static JsonObject operation(String path, String method) {
        assertThat(paths).containsKey(path);
        return paths.getJsonObject(path).getJsonObject(method);
    }
}
