package app.confidant.bench;

import app.confidant.bench.AuditPhase.Variant;
import app.confidant.bench.Summary.Spread;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

/** The audit benchmark's phases reduced to one row per thread count. */
final class AuditSummary {

    static final double GOAL = 0.85;

    /** HSM operations per write over all measured rounds; {@code inAppend}: HSM calls inside the audit append. */
    record PerWrite(double seals, double opens, double macs, double inAppend) {
    }

    /**
     * Microseconds per write in each step (see {@link AuditSteps}), per round, then the median over the rounds. At
     * more than one thread these are each write's own times (latency), not shares of the wall time.
     *
     * @param headLock        in the append until its first HSM operation: {@code SELECT ... FOR UPDATE} of the chain
     *                        head, including waiting for another transaction's lock, and building the row
     * @param auditMacs       in the append's HSM operations (row MAC, head MAC)
     * @param auditStatements the rest of the append: the event's INSERT and the head's UPDATE
     * @param rest            the write's transaction outside its steps: begin, interceptors, commit
     * @param hsm             inside all HSM operations of the write (seal, blind indexes, audit MACs)
     */
    record StepMicros(double persist, double flush, double headLock, double auditMacs, double auditStatements,
                      double rest, double total, double hsm) {

        double append() {
            return headLock + auditMacs + auditStatements;
        }

        static StepMicros of(List<AuditPhase> phases) {
            return medians(phases.stream().map(StepMicros::of).toList());
        }

        /** Audited minus unaudited of the same round, then the median over rounds. */
        static StepMicros differences(List<AuditPhase> audited, List<AuditPhase> unaudited) {
            List<StepMicros> rounds = new ArrayList<>();
            for (int i = 0; i < unaudited.size(); i++) {
                rounds.add(of(audited.get(i)).minus(of(unaudited.get(i))));
            }
            return medians(rounds);
        }

        private static StepMicros of(AuditPhase phase) {
            AuditSteps s = phase.steps();
            AuditTime.Appends a = s.appends();
            double perWrite = 1e3 * phase.count();
            return new StepMicros(s.persist() / perWrite, s.flush() / perWrite, a.untilHsm() / perWrite,
                    a.hsmNanos() / perWrite, (a.nanos() - a.untilHsm() - a.hsmNanos()) / perWrite,
                    (s.call() - s.persist() - s.flush() - a.nanos()) / perWrite, s.call() / perWrite,
                    s.hsm() / perWrite);
        }

        private static StepMicros medians(List<StepMicros> rounds) {
            return new StepMicros(medianOf(rounds, StepMicros::persist), medianOf(rounds, StepMicros::flush),
                    medianOf(rounds, StepMicros::headLock), medianOf(rounds, StepMicros::auditMacs),
                    medianOf(rounds, StepMicros::auditStatements), medianOf(rounds, StepMicros::rest),
                    medianOf(rounds, StepMicros::total), medianOf(rounds, StepMicros::hsm));
        }

        private static double medianOf(List<StepMicros> rounds, ToDoubleFunction<StepMicros> step) {
            double[] values = rounds.stream().mapToDouble(step).toArray();
            Arrays.sort(values);
            return Summary.median(values);
        }

        StepMicros minus(StepMicros o) {
            return new StepMicros(persist - o.persist, flush - o.flush, headLock - o.headLock,
                    auditMacs - o.auditMacs, auditStatements - o.auditStatements, rest - o.rest, total - o.total,
                    hsm - o.hsm);
        }
    }

    /** @param ratio the median over rounds of audited/unaudited throughput of the same round */
    record Row(int threads, int rounds, int writesPerRound, Spread unaudited, Spread audited, double ratio,
               PerWrite unauditedHsm, PerWrite auditedHsm, StepMicros unauditedSteps, StepMicros auditedSteps,
               StepMicros difference) {

        boolean meetsGoal() {
            return ratio >= GOAL;
        }

        /** Wall microseconds per write at the median throughput. */
        double unauditedMicros() {
            return 1e6 / unaudited.median();
        }

        double auditedMicros() {
            return 1e6 / audited.median();
        }

        /**
         * Derived, not measured; meaningful at one thread, where no append waits: how long an audited write holds its
         * node's chain head at most. The lock is taken by the append's {@code SELECT ... FOR UPDATE} and released at
         * commit, so it is held for the append and what follows it in the transaction; the rest of the transaction
         * (begin, commit) is counted whole, hence "at most". A node cannot append faster than one event per this
         * time, whatever the number of threads.
         */
        double headHeldMicros() {
            return auditedSteps.append() + auditedSteps.rest();
        }
    }

    private AuditSummary() {
    }

    static List<Row> rows(List<AuditPhase> phases) {
        List<Row> rows = new ArrayList<>();
        for (int threads : new TreeSet<>(phases.stream().map(AuditPhase::threads).toList())) {
            List<AuditPhase> unaudited = select(phases, threads, Variant.UNAUDITED);
            List<AuditPhase> audited = select(phases, threads, Variant.AUDITED);
            double[] ratios = new double[unaudited.size()];
            for (int i = 0; i < ratios.length; i++) {
                ratios[i] = audited.get(i).opsPerSecond() / unaudited.get(i).opsPerSecond();
            }
            Arrays.sort(ratios);
            rows.add(new Row(threads, unaudited.size(), unaudited.get(0).count(), spread(unaudited), spread(audited),
                    Summary.median(ratios), perWrite(unaudited), perWrite(audited), StepMicros.of(unaudited),
                    StepMicros.of(audited), StepMicros.differences(audited, unaudited)));
        }
        return rows;
    }

    private static List<AuditPhase> select(List<AuditPhase> phases, int threads, Variant variant) {
        return phases.stream().filter(p -> p.threads() == threads && p.variant() == variant)
                .sorted((a, b) -> Integer.compare(a.round(), b.round())).toList();
    }

    private static Spread spread(List<AuditPhase> phases) {
        return Spread.of(phases.stream().mapToDouble(AuditPhase::opsPerSecond).toArray());
    }

    private static PerWrite perWrite(List<AuditPhase> phases) {
        HsmOps total = phases.stream().map(AuditPhase::hsm).reduce(HsmOps.NONE, HsmOps::plus);
        double inAppend = phases.stream().mapToLong(p -> p.steps().appends().hsmCalls()).sum();
        double writes = phases.stream().mapToInt(AuditPhase::count).sum();
        return new PerWrite(total.seals() / writes, total.opens() / writes, total.macs() / writes,
                inAppend / writes);
    }
}
