package app.confidant.bench.http;

import static org.assertj.core.api.Assertions.assertThat;

import app.confidant.bench.BenchDeployment;
import app.confidant.bench.BenchSettings;
import app.confidant.platform.ConfidantServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.junit.jupiter.api.Test;

/**
 * Confidant's speed, cost and scale over real HTTPS, each against a baseline measured in the same run on the same
 * server: the bench WAR launched like production, a load generator in a process of its own. Six scenarios (README,
 * Performance); results in bench/results/&lt;date&gt;-&lt;commit&gt;.md/.json/.svg (target/bench-results with
 * --quick). A benchmark: it asserts that the run worked (no failed requests, no numbering gaps), never on time.
 */
class HttpBench {

    private static final Logger LOG = Logger.getLogger(HttpBench.class.getName());

    @Test
    void sixScenariosAgainstTheirBaselines() throws Exception {
        BenchSettings settings = BenchSettings.fromBuild();
        HttpCounts n = settings.quick() ? HttpCounts.QUICK : HttpCounts.FULL;
        Path work = ConfidantServer.basedir().resolve("target/bench-http");
        Files.createDirectories(work);
        Path war = work.resolve("confidant-bench.war");
        BenchDeployment.war().as(ZipExporter.class).exportTo(war.toFile(), true);

        double loadBefore = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        try (BenchServer server = BenchServer.launch(war, "")) {
            Scenarios scenarios = new Scenarios(server, n, work);
            List<LoadRun> runs = new ArrayList<>();
            runs.addAll(scenarios.writesAndReads());
            Scenarios.Scale scale = scenarios.scale(runs);
            Scenarios.Issuing issuing = scenarios.issuing(runs);
            HttpResults results = new HttpResults(settings, loadBefore, server.launchToReadySeconds(),
                    server.payaraReady(), scenarios.heapAfterWarmup(), runs, issuing, scale, scenarios.profile());
            Path report = results.write();
            LOG.info(() -> "HTTP benchmark written to " + report);
            assertThat(runs).allSatisfy(r -> assertThat(r.errors()).as(r.scenario() + " " + r.variant() + ": "
                    + r.firstError()).isZero()); // timeouts of an overloaded machine are reported, not failed

            assertThat(issuing.gapless()).as("issued numbers 1..n without gaps").isTrue();
        }
    }

    /**
     * How much to run: full (committed results) or quick (a smoke test of the harness, under two minutes on a quiet
     * machine). {@code maxSeconds} bounds each warm-up and each measurement; {@code seedMinutes} bounds the seeding
     * of the large data set (the report then names the size reached).
     */
    record HttpCounts(int rounds, int warmup, int requests, int maxSeconds, int readRequests, int parties,
                      int scaleSmall, int scaleLarge, int scaleRequests, int issues, int seedChunk, int seedMinutes) {
        static final HttpCounts FULL = new HttpCounts(1, 200, 1500, 10, 2000, 100, 10_000, 1_000_000, 400, 300,
                10_000, 10);
        static final HttpCounts QUICK = new HttpCounts(1, 20, 60, 3, 80, 20, 1000, 5000, 40, 64, 2000, 1);
    }
}
