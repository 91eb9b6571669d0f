package app.confidant.platform;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A real Confidant server for black-box tests, launched by server-config/start-payara.sh exactly as
 * {@code ./confidant run} launches it (so the TLS listener is configured as in production). Talks to loopback only.
 */
public final class ConfidantServer implements AutoCloseable {

    // generous: several suites may share a two-core machine, where a boot has been measured at over two minutes
    private static final Duration BOOT_LIMIT = Duration.ofMinutes(5);
    private static ConfidantServer shared;
    private static Exception sharedFailure;

    private final Path state;
    private final int port;
    private final int metricsPort;
    private final Process process;
    private final HttpClient client;

    private ConfidantServer(Path state, int port, int metricsPort, Process process) throws Exception {
        this.state = state;
        this.port = port;
        this.metricsPort = metricsPort;
        this.process = process;
        try {
            this.client = awaitAnswer();
        } catch (Exception | Error e) {
            close();
            throw e;
        }
    }

    /** The suite's server on PostgreSQL with its own SoftHSM2 token, started once per test JVM. */
    public static synchronized ConfidantServer shared() throws Exception {
        if (sharedFailure != null) {
            throw new IllegalStateException("the shared server failed to start earlier", sharedFailure);
        }
        if (shared == null) {
            try {
                TestDatabase.SERVER.resetSchema();
                Map<String, String> environment = new java.util.HashMap<>(TestDatabase.SERVER.serverEnvironment());
                // every suite talks from 127.0.0.1: the per-address limit (30) is tested on a server of its own
                environment.put("CONFIDANT_AUTH_ADDRESS_FAILURE_LIMIT", "1000");
                // denial windows of 10 s instead of 60: DenialAuditIT sees a flood's suppression events sooner
                environment.put("CONFIDANT_AUDIT_DENIALS_WINDOW_SECONDS", "10");
                shared = start("server", environment);
            } catch (Exception e) {
                sharedFailure = e;
                throw e;
            }
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    /**
     * Starts a server with an empty state directory under target/it/ (new token, certificate, H2 database and first
     * administrator), for tests that need a server configured differently from the shared one.
     */
    public static ConfidantServer startFresh(String name, Map<String, String> environment) throws Exception {
        Path state = Path.of("target", "it", name).toAbsolutePath();
        stopLeftover(state.resolve("server.pid"));
        deleteTree(state);
        return start(name, environment);
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** Starts a server on a freshly reset schema of {@code db} (benchmarks: their own schema, their own WAR). */
    public static ConfidantServer startOnFreshSchema(TestDatabase db, String name, Map<String, String> environment)
            throws Exception {
        db.resetSchema();
        Map<String, String> env = new java.util.HashMap<>(db.serverEnvironment());
        env.putAll(environment);
        return start(name, env);
    }

    /** Starts a server with its own state directory under target/it/ and the given extra environment. */
    public static ConfidantServer start(String name, Map<String, String> environment) throws Exception {
        Path state = Path.of("target", "it", name).toAbsolutePath();
        Files.createDirectories(state);
        stopLeftover(state.resolve("server.pid"));
        deleteTree(state.resolve("db")); // an embedded H2 database starts empty on every run, like the PostgreSQL schema
        if (!environment.containsKey("CONFIDANT_AUDIT_WITNESS_DIR")) {
            deleteTree(state.resolve("witness")); // so does the audit witness of that database
        }
        int port = freePort();
        int metricsPort = freePort();
        ProcessBuilder builder = new ProcessBuilder(basedir().resolve("server-config/start-payara.sh").toString())
                .redirectErrorStream(true)
                .redirectOutput(state.resolve("server.log").toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("CONFIDANT_") || k.equals("SOFTHSM2_CONF"));
        env.put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        env.put("CONFIDANT_STATE_DIR", state.toString());
        env.put("CONFIDANT_HTTPS_PORT", Integer.toString(port));
        env.put("CONFIDANT_METRICS_PORT", Integer.toString(metricsPort));
        env.put("CONFIDANT_WAR", basedir().resolve("target/confidant.war").toString());
        env.put("CONFIDANT_PAYARA_JAR", basedir().resolve("target/payara-micro.jar").toString());
        env.putAll(environment);
        Process process = builder.start();
        Files.writeString(state.resolve("server.pid"), Long.toString(process.pid()));
        return new ConfidantServer(state, port, metricsPort, process);
    }

    /**
     * A second instance of a cluster beside {@code first}: the same PostgreSQL schema and the same HSM token (its
     * PIN from the environment), its own node id (so its own audit chain) and a smaller pool, because both
     * instances and the rest of the suite share one PostgreSQL (max_connections 100 by default).
     */
    public static ConfidantServer secondInstance(ConfidantServer first, String nodeId) throws Exception {
        Map<String, String> environment = new java.util.HashMap<>(TestDatabase.SERVER.serverEnvironment());
        environment.put("CONFIDANT_HSM_CONFIG", first.state().resolve("hsm/sunpkcs11.cfg").toString());
        environment.put("SOFTHSM2_CONF", first.state().resolve("hsm/softhsm2.conf").toString());
        environment.put("CONFIDANT_HSM_PIN",
                Files.readString(first.state().resolve("secrets/confidant.hsm.pin")).strip());
        environment.put("CONFIDANT_NODE_ID", nodeId);
        environment.put("CONFIDANT_DB_POOL_SIZE", "36");
        // one witness directory for the cluster (deploy/CLUSTER.md), as its checkpoints are numbered cluster-wide
        environment.put("CONFIDANT_AUDIT_WITNESS_DIR", first.state().resolve("witness").toString());
        return start(nodeId, environment);
    }

    /** A server left running by an interrupted earlier run would hold the state directory's H2 file. */
    private static void stopLeftover(Path pidFile) throws IOException {
        if (Files.exists(pidFile)) {
            ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip()))
                    .filter(p -> p.info().commandLine().orElse("").contains("payara-micro"))
                    .ifPresent(p -> {
                        p.destroyForcibly();
                        p.onExit().join();
                    });
        }
    }

    public static Path basedir() {
        return Path.of(System.getProperty("confidant.basedir", ".")).toAbsolutePath();
    }

    public int port() {
        return port;
    }

    /** The loopback port where Prometheus scrapes this server's /metrics. */
    public int metricsPort() {
        return metricsPort;
    }

    /** The server JVM's process id (the launcher execs java). */
    public long pid() {
        return process.pid();
    }

    public Path state() {
        return state;
    }

    public String log() throws IOException {
        return Files.readString(state.resolve("server.log"));
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET().build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A JSON request (XML when the body starts with {@code <}) with an optional bearer token; the body may be null. */
    public HttpResponse<String> send(String method, String path, String token, String json)
            throws IOException, InterruptedException {
        return sendWithHeader(method, path, token, json, null, null);
    }

    public HttpResponse<String> sendWithHeader(String method, String path, String token, String json, String header,
            String value) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", json != null && json.startsWith("<") ? "application/xml" : "application/json").header("Accept", "application/json, */*;q=0.1");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (header != null) {
            request.header(header, value);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A JSON request with any number of extra headers (e.g. X-Reason and X-Valid-For-Seconds together). */
    public HttpResponse<String> sendWithHeaders(String method, String path, String token, String json,
            Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json").header("Accept", "application/json, */*;q=0.1");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public URI uri(String path) {
        return URI.create("https://localhost:" + port + path);
    }

    /**
     * Trusts exactly the certificate this server generated for itself, nothing else; presents a client certificate
     * from {@code clientKeys} when given (mutual TLS).
     */
    public SSLContext trustingThisServer(KeyManager... clientKeys) throws Exception {
        KeyStore keystore = KeyStore.getInstance("PKCS12");
        char[] password = Files.readString(state.resolve("tls/keystore.password")).strip().toCharArray();
        try (InputStream in = Files.newInputStream(state.resolve("tls/keystore.p12"))) {
            keystore.load(in, password);
        }
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("confidant", keystore.getCertificate("confidant"));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(clientKeys.length == 0 ? null : clientKeys, tmf.getTrustManagers(), null);
        return context;
    }

    private HttpClient awaitAnswer() throws Exception {
        long deadline = System.nanoTime() + BOOT_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("server exited with " + process.exitValue() + ":\n" + tail());
            }
            if (Files.exists(state.resolve("tls/keystore.p12")) && log().contains("Payara Micro 7")
                    && log().contains(" ready in ")) {
                HttpClient candidate = HttpClient.newBuilder().sslContext(trustingThisServer())
                        .connectTimeout(Duration.ofSeconds(5)).build();
                try {
                    HttpResponse<String> health = candidate.send(
                            HttpRequest.newBuilder(uri("/health/ready")).timeout(Duration.ofSeconds(10)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (health.body().contains("\"name\":\"hsm\"")) {
                        return candidate;
                    }
                    if (health.body().contains("No Application deployed") && log().contains("ready in")) {
                        close();
                        throw new IllegalStateException("the application failed to deploy:\n" + tail());
                    }
                } catch (IOException notYet) {
                    // still booting
                }
            }
            Thread.sleep(500);
        }
        close();
        throw new IllegalStateException("server did not deploy within " + BOOT_LIMIT + ":\n" + tail());
    }

    private String tail() throws IOException {
        String log = log();
        return log.substring(Math.max(0, log.length() - 4000));
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
