package app.confidant.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Traces (#18) as an operator who switches them on gets them: one server span per request with method, route and
 * status, exported by Payara's OpenTelemetry SDK (here its logging exporter, into the server log) through
 * Confidant's redaction, so a searched name in the query string never leaves the process.
 */
class TracesIT {

    private static ConfidantServer server;

    @BeforeAll
    static void start() throws Exception {
        server = ConfidantServer.startFresh("traces", Map.of("CONFIDANT_JAVA_OPTS", "-Dotel.traces.exporter=logging"));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void requestsAreTracedWithoutTheirQueryStrings() throws Exception {
        HttpResponse<String> search = server.get("/api/v1/parties?name=Zebulon%20Secretive%20Holdings&taxId=DE999888777");
        assertThat(search.statusCode()).isEqualTo(401);
        List<String> spans = List.of();
        for (int i = 0; i < 60 && spans.isEmpty(); i++) {
            Thread.sleep(500); // the batch span processor exports every few seconds
            spans = server.log().lines().filter(l -> l.contains("LoggingSpanExporter"))
                    .filter(l -> l.contains("url.path=\"/api/v1/parties\"")).toList();
        }
        assertThat(spans).as("a server span for the search").isNotEmpty();
        assertThat(spans.getFirst()).contains("SERVER").contains("http.request.method=\"GET\"")
                .contains("http.response.status_code=401");
        assertThat(server.log()).doesNotContain("Zebulon").doesNotContain("Secretive").doesNotContain("DE999888777")
                .doesNotContain("url.query");
    }
}
