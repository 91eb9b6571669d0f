package app.confidant.bench;

import static app.confidant.bench.AuditPhase.Variant.AUDITED;
import static app.confidant.bench.AuditPhase.Variant.UNAUDITED;

import app.confidant.bench.AuditPhase.Variant;
import app.confidant.bench.PartyWrites.NewParty;
import app.confidant.crypto.HsmCounters;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntConsumer;

/**
 * Audited against unaudited party writes in interleaved rounds: each round writes a batch of each variant, one
 * transaction per write, with one thread and then with {@code threads} threads. The variant that goes first
 * alternates between rounds. Both thread counts run on the container's managed threads, so that both are outside an
 * HTTP request alike (see {@link RequestLookups} for what that changes in an append).
 */
@ApplicationScoped
public class AuditScenario {

    @Inject
    PartyWrites writes;

    @Inject
    HsmCounters counters;

    @Inject
    HsmTime hsmTime;

    @Inject
    AuditTime auditTime;

    @Resource
    ManagedThreadFactory threadFactory;

    private final AtomicInteger nextSample = new AtomicInteger();
    private final LongAdder callNanos = new LongAdder();

    /** Runs the rounds with one thread and with {@code threads} threads, taking turns, and returns every phase. */
    public List<AuditPhase> run(UUID tenant, int rounds, int count, int threads) {
        ExecutorService one = Executors.newSingleThreadExecutor(threadFactory);
        ExecutorService many = Executors.newFixedThreadPool(threads, threadFactory);
        try {
            List<AuditPhase> phases = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                phases.addAll(round(tenant, round, count, 1, one));
                phases.addAll(round(tenant, round, count, threads, many));
            }
            return phases;
        } finally {
            one.shutdownNow();
            many.shutdownNow();
        }
    }

    private List<AuditPhase> round(UUID tenant, int round, int count, int threads, ExecutorService pool) {
        List<AuditPhase> phases = new ArrayList<>();
        for (Variant variant : round % 2 == 0 ? List.of(AUDITED, UNAUDITED) : List.of(UNAUDITED, AUDITED)) {
            int first = nextSample.getAndAdd(count);
            phases.add(measure(round, variant, threads, count, pool,
                    i -> write(variant, new NewParty(tenant, PartyValues.sample(first + i)))));
        }
        return phases;
    }

    private void write(Variant variant, NewParty party) {
        long start = System.nanoTime();
        if (variant == AUDITED) {
            writes.createAudited(party);
        } else {
            writes.createUnaudited(party);
        }
        callNanos.add(System.nanoTime() - start);
    }

    private AuditPhase measure(int round, Variant variant, int threads, int count, ExecutorService pool,
                               IntConsumer action) {
        HsmOps hsmBefore = HsmOps.now(counters);
        AuditSteps before = steps();
        long start = System.nanoTime();
        Scenario.runSliced(pool, threads, count, action);
        long nanos = System.nanoTime() - start;
        return new AuditPhase(round, variant, threads, count, nanos, HsmOps.now(counters).since(hsmBefore),
                steps().since(before));
    }

    private AuditSteps steps() {
        long[] writeSteps = writes.stepNanos();
        return new AuditSteps(callNanos.sum(), writeSteps[0], writeSteps[1], hsmTime.total(), auditTime.snapshot());
    }
}
