package app.confidant.bench;

/**
 * One measured batch of the audit benchmark: {@code count} party writes of one variant, their wall time, the HSM
 * operations they caused and the time in each step (summed over threads, so wall time only at one thread).
 */
record AuditPhase(int round, Variant variant, int threads, int count, long nanos, HsmOps hsm, AuditSteps steps) {

    enum Variant { AUDITED, UNAUDITED }

    double opsPerSecond() {
        return count * 1e9 / nanos;
    }
}
