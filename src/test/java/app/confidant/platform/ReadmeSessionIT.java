package app.confidant.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs the README's copy-paste lifecycle session (the block between the {@code lifecycle-session} markers) with
 * bash, curl, jq and oathtool against a fresh server started as {@code ./confidant run} starts it, so that the
 * user's manual stays true.
 */
class ReadmeSessionIT {

    private static final String START = "<!-- lifecycle-session:start -->";
    private static final String END = "<!-- lifecycle-session:end -->";

    @Test
    void theLifecycleSessionOfTheReadmeRunsFromDraftToPaid() throws Exception {
        String session = session(Files.readString(ConfidantServer.basedir().resolve("README.md")));
        try (ConfidantServer server = ConfidantServer.startFresh("readme", Map.of())) {
            ProcessBuilder bash = new ProcessBuilder("bash", "-euo", "pipefail", "-c", session)
                    .redirectErrorStream(true);
            bash.environment().put("H", "https://localhost:" + server.port() + "/api/v1");
            bash.environment().put("STATE", server.state().toString());
            Process process = bash.start();
            assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("session finished").isTrue();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.exitValue()).as(output).isZero();
            assertThat(output).as(output)
                    .containsPattern("(?m)^4770(\\.00?)?$") // the draft's edit: net after six hours, not five
                    .containsPattern("\"number\":\"INV-\\d{4}-000001\",\"status\":\"ISSUED\",\"netTotal\":4770(\\.00?)?,"
                            + "\"taxTotal\":906\\.30?,\"payable\":5676\\.30?,\"retainUntil\":\"\\d{4}-12-31\"")
                    .contains("SENT")
                    .containsPattern("\"number\":\"CN-\\d{4}-000001\",\"kind\":\"CREDIT_NOTE\",\"payable\":678\\.30?")
                    .containsPattern("(?m)^PARTIALLY_PAID$")
                    .containsPattern("(?m)^PAID$")
                    .contains("\"code\":\"invoice-frozen\"");
            // the embedded database is what outside testers start with: its server log shows no query it refused
            // (the background sealing of former plain values once wrote SQL H2 rejects, every 30 s) and no SEVERE
            assertThat(server.log()).as("server log on the embedded database")
                    .doesNotContain("Exception [EclipseLink-").doesNotContain("SEVERE");
        }
    }

    private static String session(String readme) {
        int start = readme.indexOf(START);
        int end = readme.indexOf(END);
        assertThat(start).as("README has the session markers").isPositive();
        assertThat(end).isGreaterThan(start);
        String block = readme.substring(start + START.length(), end).strip();
        assertThat(block).startsWith("```sh").endsWith("```");
        return block.substring("```sh".length(), block.length() - 3);
    }
}
