package app.confidant.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.LongAdder;

/** How many operations the HSM performed for sealed fields, so tests and benchmarks count rather than estimate. */
@ApplicationScoped
public class HsmCounters {

    private final LongAdder seals = new LongAdder();
    private final LongAdder opens = new LongAdder();
    private final LongAdder macs = new LongAdder();

    void sealed() {
        seals.increment();
    }

    void opened() {
        opens.increment();
    }

    void maced() {
        macs.increment();
    }

    public long seals() {
        return seals.sum();
    }

    public long opens() {
        return opens.sum();
    }

    public long macs() {
        return macs.sum();
    }
}
