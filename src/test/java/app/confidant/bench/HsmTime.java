package app.confidant.bench;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.LongAdder;

/**
 * Nanoseconds spent inside HSM operations (see {@link HsmTimingExtension}), summed over all threads, and per thread
 * for timing sections of one call (an audit append) while other threads run their own.
 */
@ApplicationScoped
public class HsmTime {

    private final LongAdder nanos = new LongAdder();
    private final ThreadLocal<OnThread> thisThread = ThreadLocal.withInitial(OnThread::new);

    /**
     * This thread's HSM work so far, and when its first operation after the last {@link #mark()} started
     * ({@code System.nanoTime()}; meaningful only when {@code callsSinceMark > 0}).
     */
    record ThreadSnapshot(long nanos, long calls, long callsSinceMark, long firstStartSinceMark) {
    }

    private static final class OnThread {
        long nanos;
        long calls;
        long callsSinceMark;
        long firstStartSinceMark;
    }

    void add(long start, long end) {
        nanos.add(end - start);
        OnThread t = thisThread.get();
        t.nanos += end - start;
        t.calls++;
        if (t.callsSinceMark++ == 0) {
            t.firstStartSinceMark = start;
        }
    }

    public long total() {
        return nanos.sum();
    }

    /** This thread's figures, and a fresh start for {@code firstStartSinceMark}. */
    ThreadSnapshot mark() {
        OnThread t = thisThread.get();
        t.callsSinceMark = 0;
        return new ThreadSnapshot(t.nanos, t.calls, 0, 0);
    }

    ThreadSnapshot thisThread() {
        OnThread t = thisThread.get();
        return new ThreadSnapshot(t.nanos, t.calls, t.callsSinceMark, t.firstStartSinceMark);
    }
}
