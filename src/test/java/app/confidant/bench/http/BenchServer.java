package app.confidant.bench.http;

import app.confidant.platform.ConfidantServer;
import app.confidant.platform.TestDatabase;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmarked server: the bench WAR on Payara Micro launched by server-config/start-payara.sh exactly as in
 * production (TLS, PostgreSQL pool, SoftHSM2 token), on loopback, with the launch-to-ready time measured from the
 * outside, and the probes the benchmark reads: CPU time from /proc, counters and heap from the bench endpoint,
 * JFR through jcmd.
 */
final class BenchServer implements AutoCloseable {

    /** Counters and heap as the bench endpoint reports them. */
    record Status(long hsmOps, long heapUsed) {
    }

    private static final Pattern READY = Pattern.compile("ready in ([0-9,.]+) ?\\(?ms");

    private final ConfidantServer server;
    private final double launchToReadySeconds;

    private BenchServer(ConfidantServer server, double launchToReadySeconds) {
        this.server = server;
        this.launchToReadySeconds = launchToReadySeconds;
    }

    static BenchServer launch(Path war, String javaOptions) throws Exception {
        long start = System.nanoTime();
        ConfidantServer server = ConfidantServer.startOnFreshSchema(TestDatabase.HTTP_BENCH, "bench-http",
                Map.of("CONFIDANT_WAR", war.toString(), "CONFIDANT_JAVA_OPTS", javaOptions));
        return new BenchServer(server, (System.nanoTime() - start) / 1e9);
    }

    ConfidantServer server() {
        return server;
    }

    String baseUrl() {
        return "https://localhost:" + server.port();
    }

    Path certificate() {
        return server.state().resolve("tls/server.pem");
    }

    double launchToReadySeconds() {
        return launchToReadySeconds;
    }

    /** Payara Micro's own "ready in" figure from its log (boot without the launcher's token and TLS set-up). */
    String payaraReady() throws IOException {
        Matcher m = READY.matcher(server.log());
        return m.find() ? m.group(1) + " ms" : "n/a";
    }

    JsonObject call(String method, String path, String token, String json) throws Exception {
        HttpResponse<String> response = server.send(method, path, token, json);
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + ": " + response.statusCode() + " "
                    + response.body());
        }
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    Status status(String token, boolean gc) throws Exception {
        JsonObject s = call("GET", "/api/v1/bench/status?gc=" + gc, token, null);
        return new Status(s.getJsonNumber("seals").longValue() + s.getJsonNumber("opens").longValue()
                + s.getJsonNumber("macs").longValue(), s.getJsonNumber("heapUsed").longValue());
    }

    void mode(String token, boolean passThrough, boolean skipAudit) throws Exception {
        call("PUT", "/api/v1/bench/mode?passThrough=" + passThrough + "&skipAudit=" + skipAudit, token, null);
    }

    /** User plus system CPU time of the server JVM so far (Linux /proc, clock ticks of 1/100 s). */
    double cpuSeconds() throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(server.pid()), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }

    void jcmd(String... arguments) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(jdkTool("jcmd"), Long.toString(server.pid())));
        command.addAll(List.of(arguments));
        run(command);
    }

    static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        process.waitFor(120, TimeUnit.SECONDS);
        return out;
    }

    static String jdkTool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
    }

    @Override
    public void close() {
        server.close();
    }
}
