package app.confidant.bench;

import app.confidant.bench.CipherTimings.Stats;
import app.confidant.bench.Phase.Operation;
import app.confidant.bench.Summary.Row;
import java.util.Locale;

/** The human-readable result: the tables first, then how they were measured and on what. */
final class MarkdownReport {

    private MarkdownReport() {
    }

    static String render(Results r) {
        StringBuilder md = new StringBuilder();
        BenchSettings s = r.settings();
        BenchSettings.Counts n = r.counts();
        md.append("# Field sealing benchmark: ").append(r.environment().date()).append(", commit ")
                .append(s.shortCommit()).append(s.dirty() ? " with uncommitted changes" : "").append("\n\n");
        if (s.quick()) {
            md.append("> Quick run (`./confidant bench --quick`): small counts to check that the benchmark works; "
                    + "do not compare these figures.\n\n");
        }
        md.append("Sealed `Party` (its eight sensitive fields sealed together by `SealingListener` with one AES-256-GCM "
                + "operation inside SoftHSM2; tax id and e-mail blind-indexed with HMAC-SHA256 inside the HSM) against "
                + "`PlainParty` (the same columns with the eight fields as plain VARCHAR), written and read through JPA "
                + "on Payara Micro and PostgreSQL, one transaction per entity.\n\n");
        throughput(md, r);
        hsmOperations(md, r);
        singleOperations(md, r.cipher());
        timeSplit(md, r);
        method(md, n);
        environment(md, r.environment(), r.settings());
        return md.toString();
    }

    private static void throughput(StringBuilder md, Results r) {
        md.append("## Throughput\n\n")
                .append("| operation | threads | plain ops/s | sealed ops/s | sealed/plain | goal ≥ 0.90 |\n")
                .append("|---|---:|---:|---:|---:|---|\n");
        for (Row row : r.rows()) {
            md.append("| ").append(name(row.operation())).append(" | ").append(row.threads())
                    .append(" | ").append(spread(row.plain())).append(" | ").append(spread(row.sealed()))
                    .append(" | **").append(f(2, row.ratio())).append("** | ")
                    .append(row.meetsGoal() ? "met" : "missed by " + f(2, Summary.GOAL - row.ratio())).append(" |\n");
        }
        md.append("\nops/s: median of the rounds (slowest – fastest round in brackets). sealed/plain: median of the "
                + "per-round ratios; 1.00 means sealing costs nothing, 0.90 means the sealed variant does 10 % fewer "
                + "operations per second.\n\n");
    }

    private static void hsmOperations(StringBuilder md, Results r) {
        md.append("## HSM operations per entity\n\n")
                .append("Counted with `HsmCounters` (differences over the measured rounds, divided by the entities).\n\n")
                .append("| operation | threads | variant | seals | opens | MACs |\n|---|---:|---|---:|---:|---:|\n");
        for (Row row : r.rows()) {
            perEntity(md, row, "sealed", row.sealedHsm());
            perEntity(md, row, "plain", row.plainHsm());
        }
        md.append('\n');
    }

    private static void perEntity(StringBuilder md, Row row, String variant, Summary.PerEntity ops) {
        md.append("| ").append(name(row.operation())).append(" | ").append(row.threads()).append(" | ")
                .append(variant).append(" | ").append(f(2, ops.seals())).append(" | ").append(f(2, ops.opens()))
                .append(" | ").append(f(2, ops.macs())).append(" |\n");
    }

    private static void singleOperations(StringBuilder md, CipherTimings.Result c) {
        md.append("## Single HSM operations\n\n")
                .append("`FieldCipher` and `BlindIndexer` called directly, one call at a time, no database; ")
                .append(c.samples()).append(" calls each after a warm-up. The last two rows run the same calls, "
                        + "each right after an (untimed) `SELECT 1` transaction, as they run between database work "
                        + "inside the benchmark's transactions.\n\n")
                .append("| operation | median µs | p90 µs |\n|---|---:|---:|\n");
        stats(md, "seal, one " + CipherTimings.VALUE_BYTES + "-byte value", c.seal());
        stats(md, "open, one " + CipherTimings.VALUE_BYTES + "-byte value", c.open());
        stats(md, "blind index (HMAC-SHA256), one value", c.mac());
        stats(md, "a party's write work: seal of its 8 fields + 2 blind indexes", c.entitySeal());
        stats(md, "a party's read work: open of its 8 fields", c.entityOpen());
        stats(md, "a party's write work, each right after a database round trip", c.entitySealAfterDatabase());
        stats(md, "a party's read work, each right after a database round trip", c.entityOpenAfterDatabase());
        md.append('\n');
    }

    private static void stats(StringBuilder md, String what, Stats stats) {
        md.append("| ").append(what).append(" | ").append(f(1, stats.medianMicros())).append(" | ")
                .append(f(1, stats.p90Micros())).append(" |\n");
    }

    private static void timeSplit(StringBuilder md, Results r) {
        Row write = r.singleThreaded(Operation.WRITE);
        Row read = r.singleThreaded(Operation.READ);
        md.append("## Where the time goes (1 thread)\n\n")
                .append("µs per entity (median over the rounds), measured inside each transaction: *persist* (new "
                        + "entity, values, `persist`; for a sealed party `@PrePersist` seals and blind-indexes here), "
                        + "*query* (load by tenant and id), *fields* (read all eight; for a sealed party the first read "
                        + "opens the envelope), *transaction* (the rest: begin, flush with the INSERT, commit). "
                        + "*inside HSM* is the time spent in `HsmSession.perform`, timed by an interceptor that only "
                        + "the benchmark's deployment adds; it is part of *persist* (write) or *fields* (read). "
                        + "*sealed − plain*: the difference within each round, median over the rounds (so it need not "
                        + "equal the difference of the two rows above it).\n\n")
                .append("| operation | variant | persist | query | fields | transaction | total | inside HSM |\n")
                .append("|---|---|---:|---:|---:|---:|---:|---:|\n");
        steps(md, write, "plain", write.plainSteps());
        steps(md, write, "sealed", write.sealedSteps());
        steps(md, write, "**sealed − plain**", write.stepDifference());
        steps(md, read, "plain", read.plainSteps());
        steps(md, read, "sealed", read.sealedSteps());
        steps(md, read, "**sealed − plain**", read.stepDifference());
        md.append("\nThe same HSM work in a tight loop (single-operation table): ")
                .append(f(0, r.cipher().entitySeal().medianMicros())).append(" µs per write (one seal, two MACs), ")
                .append(f(0, r.cipher().entityOpen().medianMicros())).append(" µs per read (one open). ")
                .append("At the median throughputs, 0.90 allows a sealed write ")
                .append(f(0, write.plainMicros() / Summary.GOAL - write.plainMicros()))
                .append(" µs more than a plain one (now ").append(f(0, write.sealedMicros() - write.plainMicros()))
                .append(") and a sealed read ").append(f(0, read.plainMicros() / Summary.GOAL - read.plainMicros()))
                .append(" µs more (now ").append(f(0, read.sealedMicros() - read.plainMicros())).append(").\n\n");
    }

    private static void steps(StringBuilder md, Row row, String variant, Summary.StepMicros micros) {
        md.append("| ").append(name(row.operation())).append(" | ").append(variant).append(" | ")
                .append(f(0, micros.persist())).append(" | ").append(f(0, micros.query())).append(" | ")
                .append(f(0, micros.fields())).append(" | ").append(f(0, micros.transaction())).append(" | ")
                .append(f(0, micros.total())).append(" | ").append(f(0, micros.hsm())).append(" |\n");
    }

    private static void method(StringBuilder md, BenchSettings.Counts n) {
        md.append("## Method\n\n")
                .append("- Command: `./confidant bench` (`mvn verify -Pbench`): the production WAR plus the benchmark's "
                        + "classes and its own Flyway migration (`V900__bench_plain_party.sql`) in an Arquillian-managed "
                        + "Payara Micro, SoftHSM2 through SunPKCS11, PostgreSQL schema `confidant_bench` re-created "
                        + "for each run.\n")
                .append("- Warm-up (discarded): ").append(n.warmupRounds()).append(" round(s) of ")
                .append(n.warmupEntities()).append(" entities per variant and thread count; it also creates the "
                        + "tenant's keys in the HSM. Then `ANALYZE` of both tables, as autovacuum keeps production tables analysed "
                        + "(without it a table that began empty can keep a plan made for an empty table).\n")
                .append("- Then, in a full run, a wait for a quiet machine (see Environment); then the single HSM "
                        + "operations, then the rounds.\n")
                .append("- Rounds: ").append(n.rounds()).append(". Each writes ").append(n.entities())
                .append(" sealed and ").append(n.entities())
                .append(" plain parties (all eight fields set, one transaction each), then loads every one by "
                        + "tenant and id (the JPQL of `PartyRepository.find`) and reads all eight fields, one "
                        + "transaction each; first with one thread, then again with ").append(n.threads())
                .append(" threads from the container's `ManagedThreadFactory`, each taking a slice of the batch. "
                        + "Which variant goes first alternates per round; every read is checked against what was "
                        + "written. Many short rounds: the two batches of a pair run within a few hundred "
                        + "milliseconds, so other load on the machine hits both alike, and the medians ignore the few "
                        + "rounds it spoils. Measuring starts once the machine is quiet (see Environment).\n")
                .append("- Nothing asserts on time: the benchmark reports, it does not pass or fail on speed.\n\n");
    }

    static void environment(StringBuilder md, Environment e, BenchSettings s) {
        md.append("## Environment\n\n| | |\n|---|---|\n")
                .append("| JDK | ").append(e.jdk()).append(" (").append(e.vm()).append(") |\n")
                .append("| OS, cores | ").append(e.os()).append(", ").append(e.cores()).append(" |\n")
                .append("| PostgreSQL | ").append(e.postgres()).append(" (on the same machine) |\n")
                .append("| SoftHSM2 | ").append(s.softhsm()).append(" |\n")
                .append("| load average (1 min) before / after (includes this run's build, server and threads) | ").append(f(2, e.loadBefore())).append(" / ")
                .append(f(2, e.loadAfter())).append(" |\n")
                .append("| quiet machine | ").append(quiet(e.quietWait())).append(" |\n")
                .append("| commit | ").append(s.commit()).append(s.dirty() ? " (with uncommitted changes)" : "")
                .append(" |\n")
                .append("| measuring started, took | ").append(e.startedAt()).append(", ").append(e.took().toSeconds())
                .append(" s |\n");
    }

    private static String quiet(MachineCpu.Wait wait) {
        if (wait.quiet()) {
            return "yes: waited " + wait.seconds() + " s until all cores were under "
                    + f(0, MachineCpu.QUIET * 100) + " % busy for 3 s (" + f(0, wait.busy() * 100) + " % at start)";
        }
        return wait.seconds() == 0 ? "not waited for (quick run)"
                : "no: still " + f(0, wait.busy() * 100) + " % busy after waiting " + wait.seconds()
                        + " s; measured anyway";
    }

    private static String name(Operation operation) {
        return operation.name().toLowerCase(Locale.ROOT);
    }

    static String spread(Summary.Spread spread) {
        return f(0, spread.median()) + " (" + f(0, spread.min()) + " – " + f(0, spread.max()) + ")";
    }

    static String f(int decimals, double value) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
