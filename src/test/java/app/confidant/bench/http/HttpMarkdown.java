package app.confidant.bench.http;

import static app.confidant.bench.http.HttpResults.MIB;

import java.util.Locale;

/** The Markdown report of an {@link HttpResults}: environment, table, goals, seeding, numbering, footprint, profile. */
final class HttpMarkdown {

    private HttpMarkdown() {
    }

    static String of(HttpResults r, String chart) {
        StringBuilder md = new StringBuilder();
        HttpResults.Environment e = r.environment;
        md.append("# Confidant over HTTPS: speed, cost and scale against same-run baselines\n\n");
        md.append("Commit `%s`%s, %s%s. JDK %s, %d cores, load average %.2f before / %.2f after, PostgreSQL %s, %s. "
                .formatted(r.settings.shortCommit(), r.settings.dirty() ? " (with uncommitted changes)" : "",
                        e.finished(), r.settings.quick() ? ", **quick mode (smoke test, figures not meaningful)**" : "",
                        e.jdk(), e.cores(), e.loadBefore(), e.loadAfter(), e.postgres(), e.softhsm()));
        md.append("Server: the bench WAR on Payara Micro launched by server-config/start-payara.sh as in production ")
                .append("(TLS 1.3, 32 request workers, PostgreSQL pool of 48, SoftHSM2 token); load generator: a separate JVM ")
                .append("(HttpClient over HTTPS, HTTP/1.1 keep-alive, virtual threads, HdrHistogram), closed loop, ")
                .append("all on loopback. Variants and baselines take turns in each round; figures merge the rounds. ")
                .append("The machine is shared: absolute figures are noisy, the ratios are what count.\n\n");
        md.append("![throughput and latency](").append(chart).append(")\n\n");
        md.append("| scenario | variant | clients | requests | timeouts | req/s | p50 ms | p99 ms | p99.9 ms | server CPU | server CPU ms/req | generator CPU | HSM ops/req |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Aggregate v : r.variants) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %d | %.0f | %.1f | %.1f | %.1f | %.0f %% | %.1f | %.0f %% | %s |%n",
                    v.scenario(), v.variant(), v.clients(), v.requests(), v.timeouts(), v.throughput(), v.millis(50), v.millis(99),
                    v.millis(99.9), v.serverCpuPercent(), v.serverCpuMillisPerRequest(), v.driverCpuPercent(), Double.isNaN(v.hsmOpsPerRequest())
                            ? "n/a (probe starved)" : String.format(Locale.ROOT, "%.2f", v.hsmOpsPerRequest())));
        }
        md.append("\nCPU in % of one core over the measured span (200 % = both cores); CPU ms per request is the ")
                .append("server's CPU time divided by the answered requests, the figure least disturbed by other load. ")
                .append("HSM operations are counted by ")
                .append("the server (seals + opens + MACs) over the same span, divided by the requests.\n\n");
        md.append("## Goals\n\n| scenario | goal | measured | target | verdict |\n|---|---|---:|---:|---|\n");
        for (Goal g : r.goals) {
            md.append("| %s | %s | %s | %s | %s |\n".formatted(g.scenario(), g.name(), g.measuredText(),
                    g.targetText(), g.met() ? "met" : "**" + g.verdict() + "**"));
        }
        md.append("\n## Scale: seeding\n\n").append(String.format(Locale.ROOT,
                "%,d invoices seeded from %s to %s in %.0f s: **%.0f invoices/s**, each sealed by the real HSM "
                        + "sealer (one AES-GCM per invoice), written with batched JDBC inserts (invoice + 1 line), "
                        + "then ANALYZE. Lookups: %d parties, page size 20, %d clients.%n",
                r.scale.seeded(), Scenarios.label(r.scale.small()), Scenarios.label(r.scale.large()),
                r.scale.seedSeconds(), r.scale.seedRate(), r.scale.parties(), Scenarios.SEARCHERS) + "\n");
        md.append("## Concurrency: gapless numbering\n\n").append(String.format(Locale.ROOT,
                "%d clients issued approved invoices at %.0f issues/s (p99 %.0f ms). Of %d approved invoices of the "
                        + "tenant (the first issued alone, a warm-up, then the measured ones), the database then held "
                        + "%d numbers, lowest %d, highest %d: **%s**.%n%n",
                Scenarios.ISSUERS, r.issuing.run().throughput(), r.issuing.run().latencies()
                        .getValueAtPercentile(99) / 1e6, r.issuing.approved(), r.issuing.issued(), r.issuing.lowest(),
                r.issuing.highest(),
                r.issuing.gapless() ? "no gaps, no duplicates" : "GAPS OR DUPLICATES"));
        md.append(Remedies.POOLS).append("\n\n");
        md.append("## Footprint\n\n").append(String.format(Locale.ROOT,
                "Launch to ready (start-payara.sh until /health/ready answers UP with the HSM check): **%.1f s** "
                        + "(Payara Micro's own \"ready in\": %s). Heap used after warm-up and a full GC: **%.0f MiB**; "
                        + "largest heap used sampled under load: **%.0f MiB** (default maximum heap).%n%n",
                r.readySeconds, r.payaraReady, r.heapAfterWarmup / MIB,
                r.variants.stream().mapToLong(Aggregate::heapMax).max().orElse(0) / MIB));
        md.append("## Where the time goes: invoice create (JFR, last round)\n\n").append(r.profile).append("\n");
        md.append("## Goals missed: what would close them\n\n");
        r.goals.stream().filter(g -> !g.met()).forEach(g -> md.append("- **").append(g.name()).append("** (")
                .append(g.verdict()).append("): ").append(g.closeIt()).append("\n"));
        if (r.goals.stream().allMatch(Goal::met)) {
            md.append("None.\n");
        }
        md.append("\nReproduce: `./confidant bench` (full, writes bench/results) or `./confidant bench --quick`.\n");
        return md.toString();
    }
}
