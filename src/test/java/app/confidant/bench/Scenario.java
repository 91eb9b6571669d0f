package app.confidant.bench;

import static app.confidant.bench.Phase.Operation.READ;
import static app.confidant.bench.Phase.Operation.WRITE;
import static app.confidant.bench.Phase.Variant.PLAIN;
import static app.confidant.bench.Phase.Variant.SEALED;

import app.confidant.bench.Phase.Operation;
import app.confidant.bench.Phase.Variant;
import app.confidant.crypto.HsmCounters;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Sealed against plain parties in interleaved rounds: each round writes a batch of each variant (one transaction per
 * entity), then loads each entity of both batches by id and reads all its sensitive fields, once for each thread
 * count. The variant that goes first alternates between rounds, so that drift of the machine (cache, autovacuum,
 * other load) hits both alike; the thread counts take turns within a round for the same reason.
 */
@ApplicationScoped
public class Scenario {

    @Inject
    BenchStore store;

    @Inject
    HsmCounters counters;

    /** Threads with the application's context (JNDI, class loader), so transactions and JPA work in them. */
    @Resource
    ManagedThreadFactory threadFactory;

    private final AtomicInteger nextSample = new AtomicInteger();

    private record Batch(int firstSample, UUID[] ids) {
    }

    /** Runs the rounds with one thread and with {@code threads} threads, taking turns, and returns every phase. */
    public List<Phase> run(UUID tenant, int rounds, int entities, int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(threads, threadFactory);
        try {
            List<Phase> phases = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                phases.addAll(round(tenant, round, entities, 1, null));
                phases.addAll(round(tenant, round, entities, threads, pool));
            }
            return phases;
        } finally {
            pool.shutdownNow();
        }
    }

    private List<Phase> round(UUID tenant, int round, int entities, int threads, ExecutorService pool) {
        List<Phase> phases = new ArrayList<>();
        List<Variant> order = round % 2 == 0 ? List.of(SEALED, PLAIN) : List.of(PLAIN, SEALED);
        Map<Variant, Batch> written = new EnumMap<>(Variant.class);
        for (Variant variant : order) {
            Batch batch = new Batch(nextSample.getAndAdd(entities), new UUID[entities]);
            written.put(variant, batch);
            phases.add(measure(round, variant, WRITE, threads, entities, pool,
                    i -> batch.ids()[i] = write(tenant, variant, PartyValues.sample(batch.firstSample() + i))));
        }
        for (Variant variant : order) {
            Batch batch = written.get(variant);
            phases.add(measure(round, variant, READ, threads, entities, pool,
                    i -> check(read(tenant, variant, batch.ids()[i]), batch.firstSample() + i)));
        }
        return phases;
    }

    private UUID write(UUID tenant, Variant variant, PartyValues values) {
        return variant == SEALED ? store.writeSealed(tenant, values) : store.writePlain(tenant, values);
    }

    private PartyValues read(UUID tenant, Variant variant, UUID id) {
        return variant == SEALED ? store.readSealed(tenant, id) : store.readPlain(tenant, id);
    }

    /** Figures for something that does not work would be worthless: every read must return what was written. */
    private static void check(PartyValues read, int sample) {
        if (!read.equals(PartyValues.sample(sample))) {
            throw new IllegalStateException("entity of sample " + sample + " read back other values than written");
        }
    }

    private Phase measure(int round, Variant variant, Operation operation, int threads, int count,
                          ExecutorService pool, IntConsumer action) {
        HsmOps before = HsmOps.now(counters);
        Steps stepsBefore = store.steps();
        long start = System.nanoTime();
        if (pool == null) {
            for (int i = 0; i < count; i++) {
                action.accept(i);
            }
        } else {
            runSliced(pool, threads, count, action);
        }
        long nanos = System.nanoTime() - start;
        return new Phase(round, variant, operation, threads, count, nanos, HsmOps.now(counters).since(before),
                store.steps().since(stepsBefore));
    }

    static void runSliced(ExecutorService pool, int threads, int count, IntConsumer action) {
        List<Future<?>> slices = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int from = count * t / threads;
            int to = count * (t + 1) / threads;
            slices.add(pool.submit(() -> {
                for (int i = from; i < to; i++) {
                    action.accept(i);
                }
            }));
        }
        try {
            for (Future<?> slice : slices) {
                slice.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a benchmark thread failed", e.getCause());
        }
    }
}
