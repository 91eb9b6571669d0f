package app.confidant.bench;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.LongAdder;

/** Time inside {@code AuditLog.append} (see {@link AuditTimingInterceptor}), summed over all threads. */
@ApplicationScoped
public class AuditTime {

    private final LongAdder appends = new LongAdder();
    private final LongAdder nanos = new LongAdder();
    private final LongAdder untilHsm = new LongAdder();
    private final LongAdder hsmNanos = new LongAdder();
    private final LongAdder hsmCalls = new LongAdder();

    /**
     * A snapshot, or the difference between two.
     *
     * @param untilHsm from entering the append to its first HSM operation: the transaction's connection, the
     *                 {@code SELECT ... FOR UPDATE} of the chain head (including any wait for another transaction's
     *                 lock) and building the row
     * @param hsmNanos inside its HSM operations (the row MAC and the head MAC)
     */
    record Appends(long count, long nanos, long untilHsm, long hsmNanos, long hsmCalls) {

        Appends since(Appends before) {
            return new Appends(count - before.count, nanos - before.nanos, untilHsm - before.untilHsm,
                    hsmNanos - before.hsmNanos, hsmCalls - before.hsmCalls);
        }
    }

    void add(long elapsed, long beforeFirstHsm, long insideHsm, long calls) {
        appends.increment();
        nanos.add(elapsed);
        untilHsm.add(beforeFirstHsm);
        hsmNanos.add(insideHsm);
        hsmCalls.add(calls);
    }

    Appends snapshot() {
        return new Appends(appends.sum(), nanos.sum(), untilHsm.sum(), hsmNanos.sum(), hsmCalls.sum());
    }
}
