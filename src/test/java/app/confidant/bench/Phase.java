package app.confidant.bench;

/**
 * One measured batch: {@code count} operations of one kind, their wall time, the HSM operations they caused and the
 * time spent in each step of their transactions (summed over threads, so wall time only at one thread).
 */
record Phase(int round, Variant variant, Operation operation, int threads, int count, long nanos, HsmOps hsm,
             Steps steps) {

    enum Variant { SEALED, PLAIN }

    enum Operation { WRITE, READ }

    double opsPerSecond() {
        return count * 1e9 / nanos;
    }
}
