package app.confidant.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The launcher in production refuses the development defaults (software token, self-signed certificate, embedded
 * database): it exits with status 78 before creating anything and names every setting that is missing.
 */
class ProductionProfileIT {

    private static final int EX_CONFIG = 78;

    private record Outcome(int status, String output) {
    }

    @Test
    void productionWithNothingConfiguredNamesEverythingMissingAndCreatesNothing() throws Exception {
        Path state = Path.of("target", "it", "production-empty").toAbsolutePath();
        Outcome outcome = launch(state, Map.of("CONFIDANT_PROFILE", "production"));

        assertThat(outcome.status()).as(outcome.output()).isEqualTo(EX_CONFIG);
        assertThat(outcome.output()).contains("CONFIDANT_PROFILE=production refuses to start")
                .contains("CONFIDANT_HSM_CONFIG").contains("CONFIDANT_HSM_PIN").contains("CONFIDANT_TLS_KEYSTORE:")
                .contains("CONFIDANT_TLS_KEYSTORE_PASSWORD_FILE").contains("CONFIDANT_DB_URL")
                .contains("CONFIDANT_DB_USER").contains("CONFIDANT_DB_PASSWORD");
        assertThat(state.resolve("hsm")).as("no software token").doesNotExist();
        assertThat(state.resolve("tls/keystore.p12")).as("no self-signed certificate").doesNotExist();
        assertThat(state.resolve("db")).as("no embedded database").doesNotExist();
    }

    @Test
    void productionNamesOnlyWhatIsMissing() throws Exception {
        Map<String, String> environment = new HashMap<>(complete());
        environment.remove("CONFIDANT_DB_PASSWORD");
        Outcome outcome = launch(Path.of("target", "it", "production-partial").toAbsolutePath(), environment);

        assertThat(outcome.status()).as(outcome.output()).isEqualTo(EX_CONFIG);
        assertThat(outcome.output()).contains("CONFIDANT_DB_PASSWORD").doesNotContain("CONFIDANT_HSM_CONFIG")
                .doesNotContain("CONFIDANT_TLS_KEYSTORE").doesNotContain("CONFIDANT_DB_URL");
    }

    @Test
    void productionWithEverythingGivenPassesTheCheck() throws Exception {
        // The keystore named does not exist: the launcher gets past the production check and stops at the keystore.
        Outcome outcome = launch(Path.of("target", "it", "production-complete").toAbsolutePath(), complete());

        assertThat(outcome.output()).doesNotContain("refuses to start").contains("keystore /nonexistent/keystore.p12 not found");
        assertThat(outcome.status()).isNotEqualTo(EX_CONFIG);
    }

    @Test
    void anUnknownProfileIsRefused() throws Exception {
        Outcome outcome = launch(Path.of("target", "it", "production-typo").toAbsolutePath(),
                Map.of("CONFIDANT_PROFILE", "prod"));
        assertThat(outcome.status()).isEqualTo(EX_CONFIG);
        assertThat(outcome.output()).contains("must be development or production");
    }

    private static Map<String, String> complete() {
        return Map.of("CONFIDANT_PROFILE", "production",
                "CONFIDANT_HSM_CONFIG", "/nonexistent/sunpkcs11.cfg", "CONFIDANT_HSM_PIN", "1234",
                "CONFIDANT_TLS_KEYSTORE", "/nonexistent/keystore.p12",
                "CONFIDANT_TLS_KEYSTORE_PASSWORD_FILE", "/nonexistent/keystore.password",
                "CONFIDANT_DB_URL", "jdbc:postgresql://127.0.0.1:5432/none", "CONFIDANT_DB_USER", "confidant",
                "CONFIDANT_DB_PASSWORD", "secret");
    }

    private static Outcome launch(Path state, Map<String, String> environment) throws Exception {
        if (Files.exists(state)) {
            try (var paths = Files.walk(state)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Path base = ConfidantServer.basedir();
        ProcessBuilder builder = new ProcessBuilder(base.resolve("server-config/start-payara.sh").toString())
                .redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("CONFIDANT_") || k.equals("SOFTHSM2_CONF"));
        env.put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        env.put("CONFIDANT_STATE_DIR", state.toString());
        env.put("CONFIDANT_WAR", base.resolve("target/confidant.war").toString());
        env.put("CONFIDANT_PAYARA_JAR", base.resolve("target/payara-micro.jar").toString());
        env.putAll(environment);
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the launcher stops by itself").isTrue();
        return new Outcome(process.exitValue(),
                new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
