package app.confidant.bench;

import static app.confidant.bench.MarkdownReport.f;


/** The human-readable re-encryption result: the tables first, then what it means, how it was measured and on what. */
final class ReencryptionMarkdown {

    private static final double MIB = 1024.0 * 1024.0;

    private ReencryptionMarkdown() {
    }

    static String render(ReencryptionResults r) {
        StringBuilder md = new StringBuilder();
        BenchSettings s = r.settings();
        md.append("# Re-encryption benchmark: ").append(r.environment().date()).append(", commit ")
                .append(s.shortCommit()).append(s.dirty() ? " with uncommitted changes" : "").append("\n\n");
        if (s.quick()) {
            md.append("> Quick run: small counts to check that the benchmark works; do not compare these figures.\n\n");
        }
        md.append("Issue #8: a data key rotation re-seals every stored value of the tenant inside the HSM (open with "
                + "the old version, seal with the new one). Goal: re-encryption rate ÷ the rate of a plain `UPDATE` "
                + "walk of the same rows in the same run ≥ ").append(f(2, ReencryptionRound.GOAL))
                .append(", with flat memory.\n\n");
        rates(md, r);
        memory(md, r);
        timeSplit(md, r);
        checks(md, r);
        method(md, r);
        MarkdownReport.environment(md, r.environment(), s);
        md.append("| server heap maximum | ").append(f(0, r.heapMax() / MIB)).append(" MiB |\n");
        return md.toString();
    }

    private static void rates(StringBuilder md, ReencryptionResults r) {
        md.append("## Rates\n\n")
                .append("| values | seeding values/s | plain UPDATE rows/s (before / after) | re-encryption values/s, "
                        + "no pause | ratio | goal ≥ ").append(f(2, ReencryptionRound.GOAL))
                .append(" | re-encryption values/s, runner with ")
                .append(r.largest().throttled().started().pauseMillis())
                .append(" ms pause | ratio |\n|---:|---:|---:|---:|---:|---|---:|---:|\n");
        for (ReencryptionRound round : r.rounds()) {
            md.append("| ").append(round.values()).append(" | ").append(f(0, round.seedRate())).append(" | ")
                    .append(f(0, round.updateRate())).append(" (")
                    .append(f(0, ReencryptionRound.rate(round.walkBefore())))
                    .append(" / ").append(f(0, ReencryptionRound.rate(round.walkAfter()))).append(") | ")
                    .append(f(0, round.pure().rate())).append(" | **").append(f(2, round.ratio())).append("** | ")
                    .append(round.meetsGoal() ? "met" : "missed by " + f(2, ReencryptionRound.GOAL - round.ratio()))
                    .append(" | ").append(f(0, round.throttled().rate())).append(" | ")
                    .append(f(2, round.throttledRatio())).append(" |\n");
        }
        md.append("\nPlain UPDATE: the mean of the walks right before and right after the unthrottled job. "
                + "Re-encryption, no pause: from the activation's commit to the last batch, batches back to back. "
                + "Runner: the same job code run by the deployed `ReencryptionRunner` with the configured pause "
                + "between batches (`confidant.reencryption.pause-millis`), from the activation's commit until the "
                + "job was seen DONE (polled every 50 ms); this is what a tenant's rotation takes in production. "
                + "Seeding: invoices sealed in the HSM and batch-inserted (`InvoiceSeeder`).\n\n");
    }

    private static void memory(StringBuilder md, ReencryptionResults r) {
        md.append("## Memory\n\n")
                .append("Server heap in MiB: used right after a full GC (`System.gc()`) before and after each job, "
                        + "and the highest used heap sampled every ").append(HeapWatch.SAMPLE_MILLIS)
                .append(" ms during it (garbage included, so it follows the young generation's size, not what is "
                        + "live). Flat means the after-GC figures do not grow with the number of values.\n\n")
                .append("| values | job | after GC before | after GC after | max sampled during | GCs during (ms) |\n")
                .append("|---:|---|---:|---:|---:|---:|\n");
        for (ReencryptionRound round : r.rounds()) {
            memoryRow(md, round.values(), "no pause", round.pure());
            memoryRow(md, round.values(), "runner", round.throttled());
        }
        md.append('\n');
    }

    private static void memoryRow(StringBuilder md, int values, String job, ReencryptionRound.Job j) {
        ReencryptionRound.Memory m = j.memory();
        md.append("| ").append(values).append(" | ").append(job).append(" | ").append(f(1, m.before() / MIB))
                .append(" | ").append(f(1, m.after() / MIB)).append(" | ").append(f(1, m.during().maxUsed() / MIB))
                .append(" | ").append(m.during().collections()).append(" (").append(m.during().collectionMillis())
                .append(") |\n");
    }

    private static void timeSplit(StringBuilder md, ReencryptionResults r) {
        md.append("## Where the time goes (no pause)\n\n")
                .append("µs per value. *inside HSM*: time in `HsmSession.perform` (one open and one seal per value), "
                        + "timed by an interceptor that only the benchmark's deployment adds. *rest of the job*: the "
                        + "job's time minus that: its two statements per row like the walk, plus per batch the job "
                        + "row's lock and update, envelope and field parsing, key look-ups, the pass-end count.\n\n")
                .append("| values | plain UPDATE per row | re-encryption per value | inside HSM | rest of the job | "
                        + "rest − plain UPDATE | budget for ").append(f(2, ReencryptionRound.GOAL))
                .append(" |\n|---:|---:|---:|---:|---:|---:|---:|\n");
        for (ReencryptionRound round : r.rounds()) {
            ReencryptionRound.Job job = round.pure();
            double rest = job.microsPerValue() - job.hsmMicrosPerValue();
            md.append("| ").append(round.values()).append(" | ").append(f(1, round.updateMicrosPerRow()))
                    .append(" | ").append(f(1, job.microsPerValue())).append(" | ")
                    .append(f(1, job.hsmMicrosPerValue()))
                    .append(" | ").append(f(1, rest)).append(" | ").append(f(1, rest - round.updateMicrosPerRow()))
                    .append(" | ").append(f(1, round.updateMicrosPerRow() / ReencryptionRound.GOAL)).append(" |\n");
        }
        md.append("\nBudget: at ").append(f(2, ReencryptionRound.GOAL)).append(" a value may take ")
                .append(f(1, 1 / ReencryptionRound.GOAL)).append(" × the plain UPDATE's time per row.\n\n");
        verdict(md, r.largest());
    }

    private static void verdict(StringBuilder md, ReencryptionRound round) {
        ReencryptionRound.Job job = round.pure();
        double update = round.updateMicrosPerRow();
        double hsm = job.hsmMicrosPerValue();
        double budget = update / ReencryptionRound.GOAL;
        if (round.meetsGoal()) {
            md.append("**Goal met** at ").append(round.values()).append(" values: ratio ").append(f(2, round.ratio()))
                    .append(".\n\n");
            return;
        }
        md.append("**Goal missed** at ").append(round.values()).append(" values by ")
                .append(f(2, ReencryptionRound.GOAL - round.ratio())).append(" (ratio ").append(f(2, round.ratio()))
                .append("): a value takes ").append(f(1, job.microsPerValue())).append(" µs, ")
                .append(f(1, budget)).append(" µs would meet it. The HSM's open and seal alone take ")
                .append(f(1, hsm)).append(" µs, ").append(f(1, hsm / update))
                .append(" × a whole plain UPDATE of the row, so no change in the job's database work can close it; "
                        + "only less time per value in the HSM, or the HSM's work spread over more cores, can.\n\n")
                .append("What would close it (suggestions, none measured; the estimates use the split above):\n\n")
                .append("- *Batches in parallel*: the job runs one batch at a time (it locks its job row per batch). "
                        + "k workers on disjoint id ranges divide the wall time by up to k, as far as cores allow "
                        + "(SoftHSM2 computes on the server's own CPUs: ").append(Runtime.getRuntime()
                        .availableProcessors()).append(" here); a network HSM has more parallel capacity but more "
                        + "latency per call, so there it would be the main lever.\n")
                .append("- *Less per HSM call*: each open and seal is a SunPKCS11 cipher obtained, initialised and "
                        + "run for one value of a few hundred bytes, ").append(f(0, hsm / 2))
                .append(" µs per call here; the AES-GCM work on so few bytes is likely the smaller part (not "
                        + "measured). Halving the HSM time would give a ratio of about ")
                .append(f(2, update / (job.microsPerValue() - hsm / 2))).append(".\n")
                .append("- *Re-wrap, not re-encrypt*: with a key per value or per block of values wrapped under the "
                        + "tenant's key, a rotation re-wraps keys instead of re-sealing values; the work then no "
                        + "longer grows with the number of values. A format change, not a tuning.\n\n");
    }

    private static void checks(StringBuilder md, ReencryptionResults r) {
        md.append("## Checks (the run fails if any does not hold)\n\n")
                .append("| values | stored values per version after v2 / after v3 | HSM opens, seals per value "
                        + "(no pause / runner) | every value opens to what was seeded |\n|---:|---|---|---|\n");
        for (ReencryptionRound round : r.rounds()) {
            ReencryptionRound.Check c = round.check();
            md.append("| ").append(round.values()).append(" | ").append(c.versionsAfterPure()).append(" / ")
                    .append(c.versionsAfterThrottled()).append(" | ").append(perValue(round.pure())).append(" / ")
                    .append(perValue(round.throttled())).append(" | ")
                    .append(c.rotated().equals(c.seeded())
                            ? "yes: SHA-256 " + c.seeded().sha256().substring(0, 12) + "… over " + c.seeded().values()
                            + " opened values, as seeded and after both rotations" : "**no**").append(" |\n");
        }
        md.append('\n');
    }

    private static String perValue(ReencryptionRound.Job job) {
        double n = job.finished().resealed();
        return f(2, job.hsm().opens() / n) + ", " + f(2, job.hsm().seals() / n);
    }

    private static void method(StringBuilder md, ReencryptionResults r) {
        ReencryptionRound first = r.rounds().get(0);
        md.append("## Method\n\n")
                .append("- `ReencryptionBench` (`./confidant bench`; `mvn verify -Pbench -Dit.test=ReencryptionBench`) "
                        + "in the benchmarks' Arquillian-managed Payara Micro, SoftHSM2 through SunPKCS11, PostgreSQL "
                        + "on the same machine. Sizes: ")
                .append(r.rounds().stream().map(x -> String.valueOf(x.values())).toList())
                .append(" values, each on a fresh tenant.\n")
                .append("- Seeding: one party through JPA (its seal creates data key v1 in the HSM), then values − 1 "
                        + "invoices, each sealed by the real `FieldCipher` and inserted in JDBC batches of 1000.\n")
                .append("- Then, one after the other: plain UPDATE walk; GENERATE v2 and ACTIVATE v2 through "
                        + "`CeremonySteps.carryOut`, the steps an approved ceremony performs (proposal and "
                        + "approval by two custodians, which come before them, are not timed); the job run to the end "
                        + "on the benchmark's thread with no pause, calling the production `ReencryptionBatch` as "
                        + "`ReencryptionRunner` does; the walk again; GENERATE and ACTIVATE v3, that job run by the "
                        + "deployed `ReencryptionRunner` itself with the configured pause. The walks on either side of "
                        + "the first job are its baseline, so a change of load on the machine hits both.\n")
                .append("- Plain UPDATE walk (`PlainUpdateWalk`): the job's walk without the HSM: the same tables "
                        + "in the same order, batches of ").append(first.batchSize())
                .append(" (`confidant.reencryption.batch-size`), the same `SELECT ... FOR UPDATE` of the next rows "
                        + "after the id cursor, a batched `UPDATE` of `sealed_fields` and `sealed_key_version` with "
                        + "the bytes just read, one transaction per batch. It does not lock or update a job row.\n")
                .append("- `VACUUM ANALYZE` of the sealed tables before each walk and job, so each starts from the "
                        + "same table state (each pass leaves a dead version of every row).\n")
                .append("- Before measuring each size, a full run waits (at most ").append(r.settings().counts()
                        .quietWait().toSeconds()).append(" s) for a quiet machine.\n")
                .append("- Checks, not timing: after each job every stored value of the tenant is on the new version, "
                        + "`HsmCounters` counted one open and one seal per value; after both rotations all values, "
                        + "opened in the HSM, digest (SHA-256) to what they did as seeded (a value the first rotation "
                        + "spoiled would be re-sealed spoiled by the second).\n\n");
    }
}
