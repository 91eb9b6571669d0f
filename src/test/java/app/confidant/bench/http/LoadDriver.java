package app.confidant.bench.http;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * The load generator, a process of its own: closed-loop clients on virtual threads sending HTTPS requests with the
 * JDK's HttpClient (HTTP/1.1, keep-alive, trusting only the benchmarked server's certificate), latencies in an
 * HdrHistogram. Prints {@code MEASURING} when the warm-up is over and {@code DONE} at the end, so the caller can
 * sample the server exactly over the measured span, and writes its figures to the result file.
 *
 * <p>Usage: {@code LoadDriver <plan.properties> <result.properties>}. Closed loop: a slow answer delays that
 * client's next request, so latencies under overload are understated (coordinated omission); throughput is not.
 */
public final class LoadDriver {

    private static final Pattern FIELD = Pattern.compile("\"(\\w+)\"\\s*:\\s*\"([^\"]*)\"");

    private final LoadPlan plan;
    private final HttpClient client;
    private final List<String> paths;
    private final ConcurrentHistogram latencies = new ConcurrentHistogram(Duration.ofMinutes(2).toNanos(), 3);
    private final LongAdder errors = new LongAdder();
    private final LongAdder timeouts = new LongAdder();
    private final AtomicReference<String> firstError = new AtomicReference<>();
    private final Queue<String> captured = new ConcurrentLinkedQueue<>();

    private LoadDriver(LoadPlan plan) throws Exception {
        this.plan = plan;
        this.paths = Files.readAllLines(plan.paths()).stream().filter(l -> !l.isBlank()).toList();
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(trusting(plan))
                .connectTimeout(Duration.ofSeconds(30)).executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    }

    public static void main(String[] args) throws Exception {
        LoadDriver driver = new LoadDriver(LoadPlan.read(Path.of(args[0])));
        Properties result = driver.run();
        try (var out = Files.newBufferedWriter(Path.of(args[1]))) {
            result.store(out, "LoadDriver result");
        }
        System.exit(0);
    }

    private Properties run() throws Exception {
        if (!plan.once() && plan.warmup() > 0) {
            drive(plan.warmup(), System.nanoTime() + Duration.ofSeconds(plan.maxSeconds()).toNanos(), false);
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        System.out.println("MEASURING");
        System.out.flush();
        long cpuBefore = os.getProcessCpuTime();
        long start = System.nanoTime();
        int total = plan.once() ? paths.size() : plan.requests();
        int done = drive(total, start + Duration.ofSeconds(plan.maxSeconds()).toNanos(), true);
        long nanos = System.nanoTime() - start;
        long cpu = os.getProcessCpuTime() - cpuBefore;
        System.out.println("DONE");
        System.out.flush();

        Properties p = new Properties();
        p.setProperty("requests", Long.toString(latencies.getTotalCount())); // answered with 2xx
        p.setProperty("sent", Integer.toString(done));
        p.setProperty("errors", Long.toString(errors.sum()));
        p.setProperty("timeouts", Long.toString(timeouts.sum()));
        p.setProperty("firstError", String.valueOf(firstError.get()));
        p.setProperty("seconds", Double.toString(nanos / 1e9));
        p.setProperty("cpuSeconds", Double.toString(cpu / 1e9));
        ByteBuffer buffer = ByteBuffer.allocate(latencies.getNeededByteBufferCapacity());
        int length = latencies.encodeIntoCompressedByteBuffer(buffer);
        p.setProperty("histogram", Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buffer.array(), length)));
        p.setProperty("captured", String.join(",", captured));
        return p;
    }

    /** Sends {@code count} requests from {@code plan.clients()} clients; returns how many were sent. */
    private int drive(int count, long deadline, boolean measure) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < plan.clients(); c++) {
                clients.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count && (plan.once() || System.nanoTime() < deadline);
                         i = next.getAndIncrement()) {
                        send(paths.get(i % paths.size()), measure);
                    }
                });
            }
        }
        return Math.min(next.get(), count);
    }

    private void send(String path, boolean measure) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(plan.baseUrl() + path))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + plan.token())
                .header("Accept", "application/json")
                .method(plan.method(), plan.body() == null || plan.body().isEmpty()
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(plan.body()));
        if (plan.body() != null && !plan.body().isEmpty()) {
            request.header("Content-Type", "application/json");
        }
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            long nanos = System.nanoTime() - start;
            if (response.statusCode() >= 300) {
                failed(response.statusCode() + " " + response.body());
            } else if (measure) {
                latencies.recordValue(Math.min(nanos, latencies.getHighestTrackableValue()));
                capture(response.body());
            }
        } catch (java.net.http.HttpTimeoutException e) {
            timeouts.increment(); // the machine or the server is overloaded: reported, not a failure of the request
        } catch (Exception e) {
            failed(e.toString());
        }
    }

    private void failed(String what) {
        errors.increment();
        firstError.compareAndSet(null, what.length() > 300 ? what.substring(0, 300) : what);
    }

    private void capture(String body) {
        if (plan.capture() == null || plan.capture().isEmpty()) {
            return;
        }
        Matcher m = FIELD.matcher(body);
        while (m.find()) {
            if (m.group(1).equals(plan.capture())) {
                captured.add(m.group(2));
                return;
            }
        }
    }

    private static SSLContext trusting(LoadPlan plan) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        try (InputStream in = Files.newInputStream(plan.serverCertificate())) {
            trusted.setCertificateEntry("server", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }

    /** Decodes what {@link #run()} wrote. */
    static Histogram histogram(String base64) throws java.util.zip.DataFormatException {
        return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(base64)), 0);
    }
}
