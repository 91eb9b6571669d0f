package app.confidant.bench.http;

import static app.confidant.bench.http.Scenarios.CEILING;
import static app.confidant.bench.http.Scenarios.CREATE;
import static app.confidant.bench.http.Scenarios.CREATE_PLAIN;
import static app.confidant.bench.http.Scenarios.CREATE_UNAUDITED;
import static app.confidant.bench.http.Scenarios.GET;
import static app.confidant.bench.http.Scenarios.GET_PLAIN;
import static app.confidant.bench.http.Scenarios.GET_UNAUDITED;

import app.confidant.bench.BenchSettings;
import app.confidant.platform.TestDatabase;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything one run of {@link HttpBench} found: the variants' figures, the goals of issue 10 with the measured
 * values, the environment. Writes &lt;date&gt;-&lt;commit&gt;.md, .json and .svg.
 */
final class HttpResults {

    static final double MIB = 1024 * 1024;

    /** Where the run happened. */
    record Environment(String jdk, int cores, double loadBefore, double loadAfter, String postgres, String softhsm,
                       Instant finished) {
    }

    final BenchSettings settings;
    final Environment environment;
    final double readySeconds;
    final String payaraReady;
    final long heapAfterWarmup;
    final List<Aggregate> variants;
    final Scenarios.Issuing issuing;
    final Scenarios.Scale scale;
    final String profile;
    final List<Goal> goals = new ArrayList<>();

    HttpResults(BenchSettings settings, double loadBefore, double readySeconds, String payaraReady,
                long heapAfterWarmup, List<LoadRun> runs, Scenarios.Issuing issuing, Scenarios.Scale scale,
                String profile) throws Exception {
        this.settings = settings;
        this.environment = new Environment(System.getProperty("java.vm.vendor") + " "
                + System.getProperty("java.runtime.version"), Runtime.getRuntime().availableProcessors(), loadBefore,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                postgresVersion(), settings.softhsm(), Instant.now());
        this.readySeconds = readySeconds;
        this.payaraReady = payaraReady;
        this.heapAfterWarmup = heapAfterWarmup;
        this.variants = Aggregate.of(runs);
        this.issuing = issuing;
        this.scale = scale;
        this.profile = profile;
        goals();
    }

    Aggregate variant(String name) {
        return variants.stream().filter(v -> v.variant().equals(name)).findFirst().orElseThrow(
                () -> new IllegalStateException("no variant " + name));
    }

    private void goals() {
        Aggregate create = variant(CREATE);
        goals.add(new Goal("1 platform ceiling", "invoice create ÷ JPA insert, throughput",
                create.throughput() / variant(CEILING).throughput(), 0.75, true, "", Remedies.CEILING));
        goals.add(new Goal("1 platform ceiling", "invoice create p99, 32 clients", create.millis(99), 100, false,
                " ms", Remedies.CREATE_P99));
        goals.add(new Goal("2 cost of sealing", "create with HSM ÷ pass-through, throughput",
                create.throughput() / variant(CREATE_PLAIN).throughput(), 0.90, true, "", Remedies.SEALING));
        goals.add(new Goal("2 cost of sealing", "read with HSM ÷ pass-through, throughput",
                variant(GET).throughput() / variant(GET_PLAIN).throughput(), 0.90, true, "", Remedies.SEALING));
        goals.add(new Goal("3 cost of audit", "create audited ÷ audit off, throughput",
                create.throughput() / variant(CREATE_UNAUDITED).throughput(), 0.85, true, "", Remedies.AUDIT));
        goals.add(new Goal("3 cost of audit", "read audited (data.read) ÷ audit off, throughput",
                variant(GET).throughput() / variant(GET_UNAUDITED).throughput(), 0.85, true, "", Remedies.READ_AUDIT));
        String small = Scenarios.label(scale.small());
        String large = Scenarios.label(scale.large());
        goals.add(new Goal("4 scale", "search by tax id p99, " + large + " ÷ " + small,
                variant(Scenarios.searchLabel(large)).millis(99) / variant(Scenarios.searchLabel(small)).millis(99),
                1.5, false, "×", Remedies.SEARCH));
        goals.add(new Goal("4 scale", "list by status and week p99, " + large + " ÷ " + small,
                variant(Scenarios.listLabel(large)).millis(99) / variant(Scenarios.listLabel(small)).millis(99),
                1.5, false, "×", Remedies.LIST));
        goals.add(new Goal("5 concurrency", "issued numbers without gaps or duplicates", issuing.gapless() ? 1 : 0,
                1, true, "", Remedies.NUMBERS));
        goals.add(new Goal("6 footprint", "launch to ready", readySeconds, 12, false, " s", Remedies.READY));
        long underLoad = variants.stream().mapToLong(Aggregate::heapMax).max().orElse(0);
        goals.add(new Goal("6 footprint", "heap used after warm-up (after a full GC)", heapAfterWarmup / MIB, 512,
                false, " MiB", Remedies.HEAP));
        goals.add(new Goal("6 footprint", "heap used under load (largest sample)", underLoad / MIB, 512, false,
                " MiB", Remedies.HEAP));
    }

    /** Writes the three files and returns the Markdown one. */
    Path write() throws Exception {
        Path dir = Files.createDirectories(settings.resultsDir());
        String base = LocalDate.ofInstant(environment.finished(), ZoneOffset.UTC) + "-" + settings.shortCommit()
                + (settings.dirty() ? "-dirty" : "");
        Path svg = dir.resolve(base + ".svg");
        Files.writeString(svg, LatencyChart.svg(variants, "Confidant over HTTPS, " + base));
        Files.writeString(dir.resolve(base + ".json"), json());
        Path md = dir.resolve(base + ".md");
        Files.writeString(md, HttpMarkdown.of(this, svg.getFileName().toString()));
        return md;
    }

    private String json() {
        JsonArrayBuilder rows = Json.createArrayBuilder();
        for (Aggregate v : variants) {
            rows.add(Json.createObjectBuilder().add("scenario", v.scenario()).add("variant", v.variant())
                    .add("clients", v.clients()).add("rounds", v.rounds()).add("requests", v.requests())
                    .add("errors", v.errors()).add("timeouts", v.timeouts()).add("seconds", v.seconds()).add("throughput", v.throughput())
                    .add("p50Ms", v.millis(50)).add("p99Ms", v.millis(99)).add("p999Ms", v.millis(99.9))
                    .add("maxMs", v.latencies().getMaxValue() / 1e6).add("serverCpuPercent", v.serverCpuPercent())
                    .add("serverCpuMsPerRequest", v.serverCpuMillisPerRequest())
                    .add("generatorCpuPercent", v.driverCpuPercent())
                    .add("hsmOpsPerRequest", Double.isNaN(v.hsmOpsPerRequest()) ? -1 : v.hsmOpsPerRequest())
                    .add("heapMaxMiB", v.heapMax() / MIB));
        }
        JsonArrayBuilder goalRows = Json.createArrayBuilder();
        for (Goal g : goals) {
            goalRows.add(Json.createObjectBuilder().add("scenario", g.scenario()).add("goal", g.name())
                    .add("measured", g.measured()).add("target", g.target()).add("met", g.met())
                    .add("verdict", g.verdict()));
        }
        JsonObjectBuilder root = Json.createObjectBuilder()
                .add("commit", settings.commit()).add("dirty", settings.dirty()).add("quick", settings.quick())
                .add("finished", environment.finished().toString()).add("jdk", environment.jdk())
                .add("cores", environment.cores()).add("loadAverageBefore", environment.loadBefore())
                .add("loadAverageAfter", environment.loadAfter()).add("postgresql", environment.postgres())
                .add("softhsm", environment.softhsm()).add("variants", rows).add("goals", goalRows)
                .add("issuing", Json.createObjectBuilder().add("approved", issuing.approved())
                        .add("issued", issuing.issued())
                        .add("lowest", issuing.lowest()).add("highest", issuing.highest())
                        .add("gapless", issuing.gapless()))
                .add("seeding", Json.createObjectBuilder().add("small", scale.small()).add("large", scale.large())
                        .add("seeded", scale.seeded()).add("seconds", scale.seedSeconds())
                        .add("invoicesPerSecond", scale.seedRate()))
                .add("footprint", Json.createObjectBuilder().add("launchToReadySeconds", readySeconds)
                        .add("payaraReady", payaraReady).add("heapAfterWarmupMiB", heapAfterWarmup / MIB));
        StringWriter out = new StringWriter();
        try (var writer = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(out)) {
            writer.write(root.build());
        }
        return out + "\n";
    }

    private static String postgresVersion() {
        try (Connection c = TestDatabase.HTTP_BENCH.connectAsOwner(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SHOW server_version")) {
            r.next();
            return r.getString(1);
        } catch (Exception e) {
            return "unknown";
        }
    }
}
