package app.confidant.bench;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.LongAdder;

/** Nanoseconds spent inside HSM operations (see {@link HsmTimingExtension}), summed over all threads. */
@ApplicationScoped
public class HsmTime {

    private final LongAdder nanos = new LongAdder();

    void add(long elapsed) {
        nanos.add(elapsed);
    }

    public long total() {
        return nanos.sum();
    }
}
