package app.confidant.bench;

import static app.confidant.bench.MarkdownReport.f;

import app.confidant.bench.AuditSummary.Row;
import app.confidant.bench.AuditSummary.StepMicros;

/** The audit benchmark's human-readable result: the tables first, then how they were measured and on what. */
final class AuditMarkdownReport {

    private AuditMarkdownReport() {
    }

    static String render(AuditResults r) {
        StringBuilder md = new StringBuilder();
        BenchSettings s = r.settings();
        md.append("# Audit trail benchmark: ").append(r.environment().date()).append(", commit ")
                .append(s.shortCommit()).append(s.dirty() ? " with uncommitted changes" : "").append("\n\n");
        if (s.quick()) {
            md.append("> Quick run (`./confidant bench --quick`): small counts to check that the benchmark works; "
                    + "do not compare these figures.\n\n");
        }
        md.append("The same business write in two variants, one transaction each: a sealed `Party` persisted through "
                + "`PartyRepository` and flushed, as `PartyService.create` does (one seal and two blind-index MACs "
                + "in SoftHSM2). *Audited*: the benchmark's CDI bean method carries "
                + "`@Audited(value = \"bench.party.create\", target = \"party\")`, so the application's "
                + "`AuditInterceptor` appends a chained event in the same transaction (`AuditLog.append`: the node's "
                + "chain head row `SELECT ... FOR UPDATE`, the row MAC and the head MAC in the HSM, the event's "
                + "INSERT, the head's UPDATE). *Unaudited*: the identical method without the annotation. Payara Micro, "
                + "PostgreSQL, one node, so every event goes to the same chain.\n\n");
        throughput(md, r);
        hsmOperations(md, r);
        timeSplit(md, r);
        lookups(md, r.lookups());
        check(md, r.check());
        method(md, s.counts());
        MarkdownReport.environment(md, r.environment(), s);
        return md.toString();
    }

    private static void throughput(StringBuilder md, AuditResults r) {
        md.append("## Throughput\n\n")
                .append("| threads | unaudited writes/s | audited writes/s | audited/unaudited | goal ≥ ")
                .append(f(2, AuditSummary.GOAL)).append(" |\n|---:|---:|---:|---:|---|\n");
        for (Row row : r.rows()) {
            md.append("| ").append(row.threads()).append(" | ").append(MarkdownReport.spread(row.unaudited()))
                    .append(" | ").append(MarkdownReport.spread(row.audited())).append(" | **")
                    .append(f(2, row.ratio())).append("** | ")
                    .append(row.meetsGoal() ? "met" : "missed by " + f(2, AuditSummary.GOAL - row.ratio()))
                    .append(" |\n");
        }
        md.append("\nwrites/s: median of the rounds (slowest – fastest round in brackets). audited/unaudited: median "
                + "of the per-round ratios; 1.00 means auditing costs nothing, 0.85 means 15 % fewer writes per "
                + "second with auditing on.\n\n");
    }

    private static void hsmOperations(StringBuilder md, AuditResults r) {
        md.append("## HSM operations per write\n\n")
                .append("Counted with `HsmCounters` (differences over the measured rounds, divided by the writes). "
                        + "*in the append*: HSM operations inside `AuditLog.append`, counted on the appending thread "
                        + "by the benchmark's interceptor.\n\n")
                .append("| threads | variant | seals | opens | MACs | of these in the append |\n")
                .append("|---:|---|---:|---:|---:|---:|\n");
        for (Row row : r.rows()) {
            perWrite(md, row.threads(), "audited", row.auditedHsm());
            perWrite(md, row.threads(), "unaudited", row.unauditedHsm());
        }
        md.append('\n');
    }

    private static void perWrite(StringBuilder md, int threads, String variant, AuditSummary.PerWrite ops) {
        md.append("| ").append(threads).append(" | ").append(variant).append(" | ").append(f(2, ops.seals()))
                .append(" | ").append(f(2, ops.opens())).append(" | ").append(f(2, ops.macs())).append(" | ")
                .append(f(2, ops.inAppend())).append(" |\n");
    }

    private static void timeSplit(StringBuilder md, AuditResults r) {
        md.append("## Where the time goes\n\n")
                .append("µs per write, measured inside each write, per round and then the median over the rounds: "
                        + "*persist* (new party and `persist`, where `@PrePersist` seals and blind-indexes), *flush* "
                        + "(the party's INSERT), then `AuditLog.append` in three parts, timed by an interceptor that "
                        + "only the benchmark's deployment adds: *head lock* (from entering the append to its first "
                        + "HSM operation: the transaction's connection, the chain head's `SELECT ... FOR UPDATE` "
                        + "including any wait for another transaction's lock, and building the event row), *MACs* "
                        + "(inside the HSM), *INSERT + UPDATE* "
                        + "(the rest of the append); *rest* is the transaction outside these steps (begin, "
                        + "interceptors, commit), *total* the whole call, *inside HSM* all HSM time of the write "
                        + "(seal, blind indexes, audit MACs). With several threads these are each write's own "
                        + "times, not shares of the wall time. *audited − unaudited*: the difference within each "
                        + "round, median over the rounds.\n\n")
                .append("| threads | variant | persist | flush | append: head lock | append: MACs "
                        + "| append: INSERT + UPDATE | rest | total | inside HSM |\n")
                .append("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Row row : r.rows()) {
            steps(md, row.threads(), "unaudited", row.unauditedSteps());
            steps(md, row.threads(), "audited", row.auditedSteps());
            steps(md, row.threads(), "**audited − unaudited**", row.difference());
        }
        Row one = r.singleThreaded();
        StepMicros d = one.difference();
        md.append("\nAt 1 thread auditing adds ").append(f(0, d.total())).append(" µs to a write: ")
                .append(f(0, d.auditMacs())).append(" inside the HSM (the two MACs), ")
                .append(f(0, d.auditStatements())).append(" for the event's INSERT and the head's UPDATE, ")
                .append(f(0, d.headLock())).append(" locking the head row and building the event, ")
                .append(f(0, d.rest())).append(" in the rest of the transaction (the interceptor, and a commit with "
                        + "more to write), and ").append(f(0, d.persist() + d.flush()))
                .append(" in persist and flush together (the same work in both variants). ")
                .append(f(2, AuditSummary.GOAL)).append(" allows ")
                .append(f(0, one.unauditedMicros() / AuditSummary.GOAL - one.unauditedMicros()))
                .append(" µs (the unaudited write takes ").append(f(0, one.unauditedMicros())).append(" µs).\n\n");
        Row many = r.multiThreaded();
        if (many.threads() > 1) {
            md.append("With ").append(many.threads()).append(" threads an audited write spends ")
                    .append(f(0, many.auditedSteps().headLock())).append(" µs from entering the append to its first "
                            + "MAC (1 thread: ").append(f(0, one.auditedSteps().headLock()))
                    .append(" µs): every append of a node locks the same head row and keeps it until commit. At 1 "
                            + "thread that lock is held for at most ").append(f(0, one.headHeldMicros()))
                    .append(" µs per event (derived: the append plus the rest of the transaction), so one node "
                            + "appends at most about ").append(f(0, 1e6 / one.headHeldMicros()))
                    .append(" events per second however many threads write. Measured with ")
                    .append(many.threads()).append(" threads: ").append(f(0, many.audited().median()))
                    .append(" audited and ").append(f(0, many.unaudited().median()))
                    .append(" unaudited writes per second, x").append(f(2, many.audited().median()
                            / one.audited().median())).append(" and x").append(f(2, many.unaudited().median()
                            / one.unaudited().median())).append(" what one thread achieves.\n\n");
        }
    }

    private static void steps(StringBuilder md, int threads, String variant, StepMicros m) {
        md.append("| ").append(threads).append(" | ").append(variant).append(" | ").append(f(0, m.persist()))
                .append(" | ").append(f(0, m.flush())).append(" | ").append(f(0, m.headLock())).append(" | ")
                .append(f(0, m.auditMacs())).append(" | ").append(f(0, m.auditStatements())).append(" | ")
                .append(f(0, m.rest())).append(" | ").append(f(0, m.total())).append(" | ").append(f(0, m.hsm()))
                .append(" |\n");
    }

    private static void lookups(StringBuilder md, AuditResults.Lookups l) {
        md.append("## Outside a request\n\n")
                .append("The benchmark writes on managed threads, outside any HTTP request; production writes come "
                        + "in requests. An audited write looks up its caller four times (the actor in "
                        + "`AuditInterceptor`, the request's client address, request id and reason in "
                        + "`AuditLog`), and outside a request each lookup throws and catches an exception. The same "
                        + "lookups timed in a loop (").append(l.samples()).append(" samples, median): ")
                .append(f(1, l.inRequest())).append(" µs per event inside a request, ")
                .append(f(1, l.outsideRequest())).append(" µs outside one. Three of the four run in the append "
                        + "after the head row is locked (in *head lock* above), the actor lookup in *rest*.\n\n");
    }

    private static void check(StringBuilder md, AuditResults.Check c) {
        md.append("## Checks\n\n")
                .append("Writes in this run (warm-up included): ").append(c.auditedWrites()).append(" audited, ")
                .append(c.unauditedWrites()).append(" unaudited; `bench.party.create` events in the trail: ")
                .append(c.eventsRecorded()).append(". After the rounds `AuditVerifier` walked the chains: ")
                .append(c.chainRows()).append(" rows, ").append(c.chainIntact() ? "intact" : "**broken**")
                .append(".\n\n");
    }

    private static void method(StringBuilder md, BenchSettings.Counts n) {
        md.append("## Method\n\n")
                .append("- Command: `./confidant bench` (`mvn verify -Pbench`), class `WriteAuditingBench`: the "
                        + "production WAR plus the benchmark's classes in an Arquillian-managed Payara Micro, SoftHSM2 "
                        + "through SunPKCS11, the benchmark's own PostgreSQL schema.\n")
                .append("- Warm-up (discarded): ").append(n.warmupRounds()).append(" round(s) of ")
                .append(n.warmupEntities()).append(" writes per variant and thread count; the first audited write "
                        + "creates the node's chain head, the first write the tenant's keys.\n")
                .append("- Then, in a full run, a wait for a quiet machine (see Environment); then the caller "
                        + "lookups; then the rounds.\n")
                .append("- Rounds: ").append(n.rounds()).append(". Each writes ").append(n.entities())
                .append(" audited and ").append(n.entities()).append(" unaudited parties (all eight sensitive fields "
                        + "set, one transaction each) with one managed thread, then again with ")
                .append(n.threads()).append(" managed threads, each taking a slice of the batch. Which variant goes "
                        + "first alternates per round.\n")
                .append("- Nothing asserts on time: the benchmark reports, it does not pass or fail on speed. It "
                        + "does fail when the trail does not hold exactly one event per audited write or the chain "
                        + "does not verify.\n\n");
    }
}
