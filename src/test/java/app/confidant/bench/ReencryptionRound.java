package app.confidant.bench;

import app.confidant.keyceremony.OpenedValues;
import app.confidant.keyceremony.PlainUpdateWalk.Walked;
import app.confidant.keyceremony.RotationDriver.Finished;
import app.confidant.keyceremony.RotationDriver.Started;
import java.util.Map;

/**
 * One size of the re-encryption benchmark: its seeding, the two plain UPDATE walks, the two jobs, and the checks.
 *
 * @param values      stored values of the fresh tenant: one party and {@code values - 1} invoices
 * @param seedNanos   time to seal and insert the invoices (the party not included)
 * @param walkBefore  the plain UPDATE walk right before the unthrottled job
 * @param walkAfter   the same walk right after it
 * @param pure        the job to version 2, batches back to back on the benchmark's thread
 * @param throttled   the job to version 3, run by the deployed runner with the configured pause
 */
record ReencryptionRound(int values, long seedNanos, int batchSize, MachineCpu.Wait quietWait,
                         Walked walkBefore, Walked walkAfter, Job pure, Job throttled, Check check) {

    static final double GOAL = 0.5;

    /** A job: how it started and ran, the HSM operations and HSM time meanwhile, and the heap around it. */
    record Job(Started started, Finished finished, HsmOps hsm, long hsmNanos, Memory memory) {
        double rate() {
            return finished.resealed() / seconds(finished.nanos());
        }

        double microsPerValue() {
            return finished.nanos() / 1000.0 / finished.resealed();
        }

        double hsmMicrosPerValue() {
            return hsmNanos / 1000.0 / finished.resealed();
        }
    }

    /** Used heap after a full GC before and after a job, and the highest sample during it (bytes). */
    record Memory(long before, long after, HeapWatch.Peak during) {
    }

    /**
     * What the run must show for its figures to mean anything: the digest of the opened values as seeded and after
     * both rotations, and the stored values per key version after each.
     */
    record Check(OpenedValues.Digest seeded, OpenedValues.Digest rotated, Map<Integer, Long> versionsAfterPure,
                 Map<Integer, Long> versionsAfterThrottled) {
    }

    double seedRate() {
        return (values - 1) / seconds(seedNanos);
    }

    static double rate(Walked walk) {
        return walk.rows() / seconds(walk.nanos());
    }

    /** The plain UPDATE rate: the mean of the walks on either side of the unthrottled job. */
    double updateRate() {
        return (rate(walkBefore) + rate(walkAfter)) / 2;
    }

    double updateMicrosPerRow() {
        return (walkBefore.nanos() + walkAfter.nanos()) / 1000.0 / (walkBefore.rows() + walkAfter.rows());
    }

    double ratio() {
        return pure.rate() / updateRate();
    }

    double throttledRatio() {
        return throttled.rate() / updateRate();
    }

    boolean meetsGoal() {
        return ratio() >= GOAL;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
