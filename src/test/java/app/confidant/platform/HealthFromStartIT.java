package app.confidant.platform;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;

/**
 * Health from the first second (#18): polled from the moment the server process starts, /health/ready and
 * /health/live answer nothing (port closed) or the application's JSON, DOWN with 503 or UP with 200 — never Payara's
 * HTML 404 page nor an empty 500. And what listens: the server's sockets, read with {@code ss -ltnp}.
 */
class HealthFromStartIT {

    /** One answer seen while polling: seconds since the process started, path, status, content type, body. */
    record Answer(double at, String path, int status, String contentType, String body) {}

    @Test
    void healthAnswersJsonFromTheMomentThePortOpens() throws Exception {
        Path state = Path.of("target", "it", "health-from-start").toAbsolutePath();
        ConfidantServer.deleteTree(state);
        Files.createDirectories(state);
        int port = ConfidantServer.freePort();
        ProcessBuilder builder = new ProcessBuilder(ConfidantServer.basedir().resolve("server-config/start-payara.sh")
                .toString()).redirectErrorStream(true).redirectOutput(state.resolve("server.log").toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("CONFIDANT_") || k.equals("SOFTHSM2_CONF"));
        env.put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        env.put("CONFIDANT_STATE_DIR", state.toString());
        env.put("CONFIDANT_HTTPS_PORT", Integer.toString(port));
        env.put("CONFIDANT_METRICS_PORT", Integer.toString(ConfidantServer.freePort()));
        env.put("CONFIDANT_WAR", ConfidantServer.basedir().resolve("target/confidant.war").toString());
        env.put("CONFIDANT_PAYARA_JAR", ConfidantServer.basedir().resolve("target/payara-micro.jar").toString());
        // the certificate does not exist yet when polling starts: this test checks answers, not the certificate
        HttpClient client = HttpClient.newBuilder().sslContext(trustingAnything())
                .connectTimeout(Duration.ofSeconds(2)).build();
        List<Answer> answers = new ArrayList<>();
        long started = System.nanoTime();
        Process process = builder.start();
        try {
            boolean up = false;
            long deadline = started + TimeUnit.SECONDS.toNanos(240);
            while (!up && System.nanoTime() < deadline && process.isAlive()) {
                for (String path : List.of("/health/ready", "/health/live")) {
                    try {
                        HttpResponse<String> r = client.send(HttpRequest.newBuilder(
                                URI.create("https://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10))
                                .GET().build(), HttpResponse.BodyHandlers.ofString());
                        answers.add(new Answer((System.nanoTime() - started) / 1e9, path, r.statusCode(),
                                r.headers().firstValue("Content-Type").orElse(""), r.body()));
                        up |= path.equals("/health/ready") && r.statusCode() == 200;
                    } catch (IOException refused) {
                        // the port is not open yet: no answer is fine, a wrong answer is not
                    }
                }
                Thread.sleep(50);
            }
            assertThat(process.isAlive()).as("server running; log in %s", state.resolve("server.log")).isTrue();
            assertThat(up).as("ready within 240 s").isTrue();
            System.out.printf("HealthFromStartIT: first answer %.1f s after process start, ready %.1f s, %d answers%n",
                    answers.get(0).at(), answers.get(answers.size() - 1).at(), answers.size());
            for (Answer a : answers) {
                assertThat(a.contentType()).as("%s", a).startsWith("application/json");
                JsonObject health = Json.createReader(new StringReader(a.body())).readObject();
                String status = health.getString("status");
                assertThat(status).as("%s", a).isIn("UP", "DOWN");
                assertThat(a.status()).as("%s", a).isEqualTo(status.equals("UP") ? 200 : 503);
            }

            // What listens (item 1): only the HTTPS port on a non-loopback address.
            String ss = new String(new ProcessBuilder("ss", "-ltnpH").redirectErrorStream(true).start()
                    .getInputStream().readAllBytes());
            List<String> exposed = new ArrayList<>();
            for (String line : ss.split("\n")) {
                if (!line.contains("pid=" + process.pid() + ",")) {
                    continue;
                }
                String local = line.trim().split("\\s+")[3];
                String address = local.substring(0, local.lastIndexOf(':'));
                String localPort = local.substring(local.lastIndexOf(':') + 1);
                boolean loopback = address.equals("127.0.0.1") || address.equals("[::1]")
                        || address.startsWith("127.") || address.equals("[::ffff:127.0.0.1]");
                if (!loopback && !localPort.equals(Integer.toString(port))) {
                    exposed.add(local);
                }
            }
            System.out.println("HealthFromStartIT: listening sockets of the server:\n" + ss.lines()
                    .filter(l -> l.contains("pid=" + process.pid() + ",")).reduce("", (x, y) -> x + y + "\n"));
            System.out.println("HealthFromStartIT: non-loopback sockets other than HTTPS: " + exposed);
            // Payara's data grid (Hazelcast, 6900 and up, on all interfaces) is switched off in pre-boot.asadmin.
            assertThat(exposed).as("non-loopback listeners besides HTTPS %d", port).isEmpty();
        } finally {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static SSLContext trustingAnything() throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {}

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {}

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, new SecureRandom());
        return context;
    }
}
