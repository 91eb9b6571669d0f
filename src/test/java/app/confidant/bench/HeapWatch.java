package app.confidant.bench;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The server's heap, to show whether a long job's memory stays flat: used heap after a full collection, and the
 * highest used heap sampled (every {@value #SAMPLE_MILLIS} ms) while something runs, with the collections meanwhile.
 */
@ApplicationScoped
public class HeapWatch {

    static final long SAMPLE_MILLIS = 20;

    /** What one watched stretch showed: the peak sample, how many samples, and the GCs (count, ms) during it. */
    record Peak(long maxUsed, long samples, long collections, long collectionMillis) {
    }

    /** A running watch; {@link #stop()} ends it. */
    final class Watching {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicLong max = new AtomicLong();
        private final AtomicLong samples = new AtomicLong();
        private final long[] gcBefore = collections();
        private final Thread sampler;

        private Watching() {
            sampler = threads.newThread(() -> {
                while (running.get()) {
                    max.accumulateAndGet(memory().getHeapMemoryUsage().getUsed(), Math::max);
                    samples.incrementAndGet();
                    try {
                        Thread.sleep(SAMPLE_MILLIS);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.start();
        }

        Peak stop() throws InterruptedException {
            running.set(false);
            sampler.join();
            long[] gcAfter = collections();
            return new Peak(max.get(), samples.get(), gcAfter[0] - gcBefore[0], gcAfter[1] - gcBefore[1]);
        }
    }

    @Resource
    ManagedThreadFactory threads;

    /** Used heap right after a full collection (System.gc() is a full, stop-the-world collection with G1). */
    long usedAfterFullGc() {
        System.gc();
        return memory().getHeapMemoryUsage().getUsed();
    }

    long maxHeap() {
        return memory().getHeapMemoryUsage().getMax();
    }

    Watching watch() {
        return new Watching();
    }

    private static MemoryMXBean memory() {
        return ManagementFactory.getMemoryMXBean();
    }

    private static long[] collections() {
        long count = 0;
        long millis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, gc.getCollectionCount());
            millis += Math.max(0, gc.getCollectionTime());
        }
        return new long[] {count, millis};
    }
}
