package app.confidant.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import app.confidant.platform.ConfidantServer;
import app.confidant.security.Personas;
import app.confidant.security.ProgrammeServer;
import app.confidant.security.Roles;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An auditor's view of the HTML report: headless Chromium (Debian's package) loads the page over HTTPS from the
 * server with the auditor's bearer token, and the rendered page shows every control with a status, styled by its
 * own inline style sheet (which the page's Content-Security-Policy must admit) and fetching nothing else.
 */
class SecurityReportBrowserIT {

    private static final List<String> CONTROLS = List.of("control-tls", "control-hsm", "control-key-backups",
            "control-identities", "control-training", "control-audit", "control-software");

    @Test
    void anAuditorSeesEveryControlWithItsStatusInTheBrowser() throws Exception {
        ConfidantServer server = ProgrammeServer.get();
        String auditor = Personas.forTenant(server, UUID.randomUUID()).token(Roles.AUDITOR);
        String url = server.uri("/api/v1/compliance/security-report").toString();
        try (HeadlessChromium chromium = HeadlessChromium.launch(Path.of("target", "it", "chromium"))) {
            chromium.call("Network.enable", JsonObject.EMPTY_JSON_OBJECT);
            chromium.call("Page.enable", JsonObject.EMPTY_JSON_OBJECT);
            chromium.call("Network.setExtraHTTPHeaders", Json.createObjectBuilder().add("headers",
                    Json.createObjectBuilder().add("Authorization", "Bearer " + auditor)).build());
            chromium.call("Page.navigate", Json.createObjectBuilder().add("url", url).build());
            chromium.awaitEvent("Page.loadEventFired");
            JsonObject result = chromium.call("Runtime.evaluate", Json.createObjectBuilder().add("returnByValue", true)
                    .add("expression", "JSON.stringify({title: document.title,"
                            + " overall: document.getElementById('overall').textContent,"
                            + " rows: [...document.querySelectorAll('tr[id^=control-]')].map(r => ({id: r.id,"
                            + " data: r.dataset.status, shown: r.cells[1].textContent, text: r.innerText,"
                            + " background: getComputedStyle(r.cells[1]).backgroundColor}))})").build());
            JsonObject page = Json.createReader(new StringReader(
                    result.getJsonObject("result").getString("value"))).readObject();

            assertThat(page.getString("title")).isEqualTo("Confidant security report");
            assertThat(page.getString("overall")).isIn("PASS", "WARN", "FAIL");
            List<JsonObject> rows = page.getJsonArray("rows").getValuesAs(JsonObject.class);
            assertThat(rows).extracting(r -> r.getString("id")).containsExactlyElementsOf(CONTROLS);
            for (JsonObject row : rows) {
                assertThat(row.getString("shown")).isIn("PASS", "WARN", "FAIL").isEqualTo(row.getString("data"));
                // unstyled cells are transparent: the inline style sheet was applied despite default-src 'none'
                assertThat(row.getString("background")).isNotEqualTo("rgba(0, 0, 0, 0)");
            }
            assertThat(rows.get(0).getString("text")).contains("TLSv1.3");
            assertThat(chromium.events("Network.requestWillBeSent")).extracting(
                    e -> e.getJsonObject("params").getJsonObject("request").getString("url")).containsOnly(url);
        }
    }
}
