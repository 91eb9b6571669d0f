package app.confidant.bench;

import app.confidant.bench.Phase.Operation;
import app.confidant.bench.Phase.Variant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

/** The measured phases reduced to one row per operation and thread count. */
final class Summary {

    static final double GOAL = 0.90;

    /** Throughput over the rounds: the median, and the slowest and fastest round. */
    record Spread(double median, double min, double max) {

        static Spread of(double[] values) {
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            return new Spread(Summary.median(sorted), sorted[0], sorted[sorted.length - 1]);
        }
    }

    /** HSM operations per entity over all measured rounds. */
    record PerEntity(double seals, double opens, double macs) {
    }

    /**
     * Microseconds per entity in each step of its transaction (see {@link Steps}): per round, then for each step the
     * median over the rounds, so that one disturbed round does not move the figures. Wall time only at one thread.
     */
    record StepMicros(double persist, double query, double fields, double transaction, double hsm) {

        static StepMicros of(List<Phase> phases) {
            return medians(phases.stream().map(StepMicros::of).toList());
        }

        /** Sealed minus plain of the same round, then the median over rounds: as robust as the ratio. */
        static StepMicros differences(List<Phase> sealed, List<Phase> plain) {
            List<StepMicros> rounds = new ArrayList<>();
            for (int i = 0; i < plain.size(); i++) {
                rounds.add(of(sealed.get(i)).minus(of(plain.get(i))));
            }
            return medians(rounds);
        }

        private static StepMicros medians(List<StepMicros> rounds) {
            return new StepMicros(medianOf(rounds, StepMicros::persist), medianOf(rounds, StepMicros::query),
                    medianOf(rounds, StepMicros::fields), medianOf(rounds, StepMicros::transaction),
                    medianOf(rounds, StepMicros::hsm));
        }

        private static StepMicros of(Phase phase) {
            Steps steps = phase.steps();
            double perEntity = 1e3 * phase.count();
            return new StepMicros(steps.persist() / perEntity, steps.query() / perEntity, steps.fields() / perEntity,
                    (phase.nanos() - steps.persist() - steps.query() - steps.fields()) / perEntity,
                    steps.hsm() / perEntity);
        }

        private static double medianOf(List<StepMicros> rounds, ToDoubleFunction<StepMicros> step) {
            double[] values = rounds.stream().mapToDouble(step).toArray();
            Arrays.sort(values);
            return median(values);
        }

        double total() {
            return persist + query + fields + transaction;
        }

        StepMicros minus(StepMicros other) {
            return new StepMicros(persist - other.persist, query - other.query, fields - other.fields,
                    transaction - other.transaction, hsm - other.hsm);
        }
    }

    /**
     * @param ratio the median over rounds of sealed/plain throughput of the same round: the two batches of a round
     *              ran seconds apart, so pairing them cancels most drift of the machine
     */
    record Row(Operation operation, int threads, int rounds, int entitiesPerRound, Spread plain, Spread sealed,
               double ratio, PerEntity plainHsm, PerEntity sealedHsm, StepMicros plainSteps,
               StepMicros sealedSteps, StepMicros stepDifference) {

        /** Microseconds of wall time per entity at the median throughput: at one thread, one transaction's time. */
        double plainMicros() {
            return 1e6 / plain.median();
        }

        double sealedMicros() {
            return 1e6 / sealed.median();
        }

        boolean meetsGoal() {
            return ratio >= GOAL;
        }
    }

    private Summary() {
    }

    static List<Row> rows(List<Phase> phases) {
        List<Row> rows = new ArrayList<>();
        for (int threads : new TreeSet<>(phases.stream().map(Phase::threads).toList())) {
            for (Operation operation : Operation.values()) {
                List<Phase> plain = select(phases, operation, threads, Variant.PLAIN);
                List<Phase> sealed = select(phases, operation, threads, Variant.SEALED);
                double[] ratios = new double[plain.size()];
                for (int i = 0; i < ratios.length; i++) {
                    ratios[i] = sealed.get(i).opsPerSecond() / plain.get(i).opsPerSecond();
                }
                Arrays.sort(ratios);
                rows.add(new Row(operation, threads, plain.size(), plain.get(0).count(), spread(plain), spread(sealed),
                        median(ratios), perEntity(plain), perEntity(sealed), StepMicros.of(plain),
                        StepMicros.of(sealed), StepMicros.differences(sealed, plain)));
            }
        }
        return rows;
    }

    /** The phases of one kind in round order, so that index i of the plain and the sealed list share a round. */
    private static List<Phase> select(List<Phase> phases, Operation operation, int threads, Variant variant) {
        return phases.stream().filter(p -> p.operation() == operation && p.threads() == threads
                && p.variant() == variant).sorted((a, b) -> Integer.compare(a.round(), b.round())).toList();
    }

    private static Spread spread(List<Phase> phases) {
        return Spread.of(phases.stream().mapToDouble(Phase::opsPerSecond).toArray());
    }

    private static PerEntity perEntity(List<Phase> phases) {
        HsmOps total = phases.stream().map(Phase::hsm).reduce(HsmOps.NONE, HsmOps::plus);
        double entities = phases.stream().mapToInt(Phase::count).sum();
        return new PerEntity(total.seals() / entities, total.opens() / entities, total.macs() / entities);
    }

    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
