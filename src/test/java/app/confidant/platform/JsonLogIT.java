package app.confidant.platform;

import static org.assertj.core.api.Assertions.assertThat;

import app.confidant.security.Personas;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * With CONFIDANT_LOG_FORMAT=json the whole server log is one JSON object per line; every request has its access line
 * carrying the X-Request-Id the client got back; lines the application writes while serving a request carry the
 * same id; and the distinctive values of a party, a password, a search and a bearer token appear nowhere in it.
 */
class JsonLogIT {

    private static final String ACCESS = AccessLog.class.getName();
    private static final String CANARY = "Qx" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private static final String TAX_ID = "DE 811 " + CANARY;
    private static final String EMAIL = "billing." + CANARY.toLowerCase() + "@acme.example";
    private static final String IBAN = "DE02 1203 0000 0000 2020 51";
    private static final String PASSWORD = "pw " + CANARY + " secret";
    private static ConfidantServer server;
    private static Personas people;

    @BeforeAll
    static void start() throws Exception {
        server = ConfidantServer.startOnFreshSchema(TestDatabase.JSON_LOG, "json-log", Map.of(
                "CONFIDANT_LOG_FORMAT", "json",
                "CONFIDANT_AUTH_ADDRESS_FAILURE_LIMIT", "1000"));
        people = Personas.forTenant(server, UUID.randomUUID());
    }

    /** Down to the lines Payara prints outside its log system when it stops. */
    @AfterAll
    static void stop() throws Exception {
        server.close();
        for (int attempt = 0; attempt < 50 && !server.log().contains("\"LoggerName\":\"console\""); attempt++) {
            Thread.sleep(200); // the last lines pass json-console.awk after the JVM has exited
        }
        assertEveryLineIsOneJsonObject(server.log());
        assertThat(lines(server.log())).as("a line Payara prints outside its log system when it stops, wrapped")
                .anyMatch(line -> line.getString("LoggerName").equals("console"));
    }

    @Test
    void everyRequestHasOneJsonAccessLineAndNoSensitiveValueIsLogged() throws Exception {
        String clerk = people.token("CLERK");
        String party = Json.createObjectBuilder().add("legalName", "Acme " + CANARY + " GmbH").add("taxId", TAX_ID)
                .add("country", "DE").add("city", "Berlin").add("email", EMAIL).add("iban", IBAN)
                .add("notes", "notes " + CANARY).build().toString();
        HttpResponse<String> created = server.sendWithHeader("POST", "/api/v1/parties", clerk, party,
                "X-Request-Id", "client-chosen-" + CANARY.substring(2, 8));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(requestId(created)).isEqualTo("client-chosen-" + CANARY.substring(2, 8));
        String id = Json.createReader(new StringReader(created.body())).readObject().getString("id");
        HttpResponse<String> read = server.send("GET", "/api/v1/parties/" + id, clerk, null);
        HttpResponse<String> search = server.send("GET", "/api/v1/parties?taxId="
                + URLEncoder.encode(TAX_ID, StandardCharsets.UTF_8) + "&email="
                + URLEncoder.encode(EMAIL, StandardCharsets.UTF_8) + "&name=" + CANARY, clerk, null);
        HttpResponse<String> failedLogin = server.send("POST", "/api/v1/auth/login", null, Json.createObjectBuilder()
                .add("username", "nobody-" + CANARY).add("password", PASSWORD).build().toString());
        String forgedToken = "forged" + CANARY;
        HttpResponse<String> forged = server.send("GET", "/api/v1/parties", forgedToken, null);
        HttpResponse<String> refused = server.send("GET", "/api/v1/audit/events", clerk, null);
        assertThat(List.of(read.statusCode(), search.statusCode(), failedLogin.statusCode(), forged.statusCode(),
                refused.statusCode())).containsExactly(200, 200, 401, 401, 403);

        JsonObject creation = accessLine(created);
        assertThat(creation.getString("method")).isEqualTo("POST");
        assertThat(creation.getString("route")).isEqualTo("/api/v1/parties");
        assertThat(creation.getString("status")).isEqualTo("201");
        assertThat(creation.getString("tenantId")).isEqualTo(people.tenant().toString());
        assertThat(creation.getString("principalId")).matches("[0-9a-f-]{36}");
        assertThat(creation.getString("client")).isEqualTo("127.0.0.1");
        assertThat(Long.parseLong(creation.getString("durationMs"))).isNotNegative();
        assertThat(accessLine(read).getString("route")).isEqualTo("/api/v1/parties/{id}");
        assertThat(accessLine(search).getString("route")).isEqualTo("/api/v1/parties");
        assertThat(accessLine(failedLogin).getString("route")).isEqualTo("/api/v1/auth/login");
        assertThat(accessLine(failedLogin).getString("status")).isEqualTo("401");
        assertThat(accessLine(failedLogin).containsKey("principalId")).isFalse();
        assertThat(accessLine(refused).getString("route")).isEqualTo("/api/v1/audit/events");
        assertThat(accessLine(refused).getString("status")).isEqualTo("403");
        // refused by the authentication mechanism before any filter: still an id, still a line, no path
        assertThat(accessLine(forged).getString("status")).isEqualTo("401");
        assertThat(accessLine(forged).getString("route")).isEqualTo(AccessLog.BEFORE_ROUTING);

        String log = server.log();
        for (String secret : List.of(CANARY, CANARY.toLowerCase(), TAX_ID, EMAIL, IBAN, IBAN.replace(" ", ""),
                PASSWORD, clerk, forgedToken, "taxId=", "email=", "Bearer ")) {
            assertThat(log).as("the log holds %s", secret).doesNotContain(secret);
        }
        assertEveryLineIsOneJsonObject(log);
    }

    @Test
    void aLineTheApplicationWritesWhileServingARequestCarriesItsId() throws Exception {
        String clerk = people.token("CLERK");
        HttpResponse<String> created = server.send("POST", "/api/v1/parties", clerk, Json.createObjectBuilder()
                .add("legalName", "Broken GmbH").add("taxId", "DE 811 B1").add("country", "DE").add("city", "Berlin")
                .add("iban", "DE89 3704 0044 0532 0130 00").build().toString());
        String id = Json.createReader(new StringReader(created.body())).readObject().getString("id");
        try (Connection owner = TestDatabase.JSON_LOG.connectAsOwner();
             PreparedStatement tamper = owner.prepareStatement(
                     "UPDATE party SET sealed_key_version = sealed_key_version + 1 WHERE id = ?")) {
            tamper.setObject(1, UUID.fromString(id));
            assertThat(tamper.executeUpdate()).isEqualTo(1);
        }

        HttpResponse<String> broken = server.send("GET", "/api/v1/parties/" + id, clerk, null);
        assertThat(broken.statusCode()).isEqualTo(500);
        accessLine(broken); // written last: the application's own lines of this request are in the log by then

        List<JsonObject> own = lines(server.log()).stream()
                .filter(line -> requestId(broken).equals(line.getString("requestId", null)))
                .filter(line -> line.getString("LoggerName").startsWith("app.confidant.")
                        && !line.getString("LoggerName").equals(ACCESS))
                .toList();
        assertThat(own).as("the integrity failure logged while serving the request").isNotEmpty();
    }

    private static String requestId(HttpResponse<String> response) {
        return response.headers().firstValue("X-Request-Id").orElseThrow();
    }

    /** The access line of this response (by its X-Request-Id), waiting for it: it follows the response. */
    private static JsonObject accessLine(HttpResponse<String> response) throws Exception {
        String id = requestId(response);
        for (int attempt = 0; attempt < 100; attempt++) {
            Optional<JsonObject> line = lines(server.log()).stream()
                    .filter(l -> ACCESS.equals(l.getString("LoggerName", null)) && id.equals(l.getString("requestId", null)))
                    .reduce((first, second) -> {
                        throw new AssertionError("two access lines for request " + id);
                    });
            if (line.isPresent()) {
                return line.get();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no access line for request " + id);
    }

    private static List<JsonObject> lines(String log) {
        return log.lines().filter(l -> l.startsWith("{")).map(l -> Json.createReader(new StringReader(l)).readObject())
                .toList();
    }

    private static void assertEveryLineIsOneJsonObject(String log) {
        assertThat(log.lines().count()).isGreaterThan(50);
        log.lines().forEach(line -> {
            try {
                assertThat(Json.createReader(new StringReader(line)).readObject()).isNotEmpty();
            } catch (JsonParsingException e) {
                throw new AssertionError("not one JSON object: " + line, e);
            }
        });
    }
}
