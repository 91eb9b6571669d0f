package app.confidant.bench.http;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs the {@link LoadDriver} as a separate JVM against the server and samples the server over the driver's
 * measured span: CPU time and HSM operations at its start and end, heap once a second in between.
 */
final class DriverProcess {

    private final BenchServer server;
    private final String token;
    private final Path work;
    private int runs;

    DriverProcess(BenchServer server, String statusToken, Path work) throws java.io.IOException {
        this.server = server;
        this.token = statusToken;
        this.work = Files.createDirectories(work);
    }

    LoadRun run(String scenario, String variant, LoadPlan plan) throws Exception {
        int n = ++runs;
        Path planFile = work.resolve(n + "-plan.properties");
        Path resultFile = work.resolve(n + "-result.properties");
        plan.write(planFile);
        Process driver = new ProcessBuilder(BenchServer.jdkTool("java"), "-Xmx256m", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), LoadDriver.class.getName(), planFile.toString(),
                resultFile.toString()).redirectError(work.resolve(n + "-driver.err").toFile()).start();
        double cpuStart = 0;
        double cpuEnd = 0;
        long hsmStart = 0;
        long hsmEnd = 0;
        AtomicLong heapMax = new AtomicLong();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(driver.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.equals("MEASURING")) {
                    cpuStart = server.cpuSeconds();
                    hsmStart = hsmOps();
                    sampler.scheduleAtFixedRate(() -> sampleHeap(heapMax), 500, 1000, TimeUnit.MILLISECONDS);
                } else if (line.equals("DONE")) {
                    cpuEnd = server.cpuSeconds();
                    sampler.shutdown();
                    sampler.awaitTermination(10, TimeUnit.SECONDS);
                    hsmEnd = hsmOps();
                }
            }
        } finally {
            sampler.shutdownNow();
        }
        if (!driver.waitFor(5, TimeUnit.MINUTES) || driver.exitValue() != 0) {
            throw new IllegalStateException("load driver failed: " + Files.readString(work.resolve(n + "-driver.err")));
        }
        Properties result = new Properties();
        try (Reader in = Files.newBufferedReader(resultFile)) {
            result.load(in);
        }
        Files.delete(planFile); // it holds a bearer token
        String captured = result.getProperty("captured");
        return new LoadRun(scenario, variant, plan.clients(), Integer.parseInt(result.getProperty("requests")),
                Long.parseLong(result.getProperty("errors")), Long.parseLong(result.getProperty("timeouts")),
                result.getProperty("firstError"),
                Double.parseDouble(result.getProperty("seconds")), LoadDriver.histogram(result.getProperty("histogram")),
                cpuEnd - cpuStart, Double.parseDouble(result.getProperty("cpuSeconds")),
                hsmStart < 0 || hsmEnd < 0 ? -1 : hsmEnd - hsmStart,
                heapMax.get(), captured.isEmpty() ? List.of() : Arrays.asList(captured.split(",")));
    }

    /**
     * The server's HSM operation count, or -1 when the server is too busy to answer: 64 issuers hold every pool
     * connection, and the probe's token check needs one too.
     */
    private long hsmOps() {
        try {
            return server.status(token, false).hsmOps();
        } catch (Exception busy) {
            return -1;
        }
    }

    private void sampleHeap(AtomicLong heapMax) {
        try {
            long used = server.status(token, false).heapUsed();
            heapMax.accumulateAndGet(used, Math::max);
        } catch (Exception e) {
            // a missed sample is no reason to stop the run
        }
    }
}
