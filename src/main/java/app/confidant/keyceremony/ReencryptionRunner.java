package app.confidant.keyceremony;

import app.confidant.audit.AuditLog;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs unfinished re-encryption jobs in the background, batch by batch, from application start: a job that was
 * running when the JVM died is picked up again where its last committed batch left it. Between batches it sleeps
 * the job's pause, so that live requests keep the HSM and the database most of the time.
 */
@ApplicationScoped
public class ReencryptionRunner {

    private static final Logger LOG = Logger.getLogger(ReencryptionRunner.class.getName());
    /** After this long a tick returns, so a paused job, a lost lease or shutdown is noticed. */
    private static final Duration SLICE = Duration.ofSeconds(20);
    private static final Duration PROGRESS_LOG_EVERY = Duration.ofSeconds(10);

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    ReencryptionJobs jobs;

    @Inject
    ReencryptionBatch batch;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    private volatile ScheduledFuture<?> ticks;
    private volatile boolean stopping;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        ticks = executor.scheduleWithFixedDelay(this::tick, 2, 1, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        stopping = true;
        if (ticks != null) {
            ticks.cancel(false);
        }
    }

    void tick() {
        try {
            for (ReencryptionJob job : jobs.unfinished()) {
                if (job.claimableBy(audit.nodeId(), clock.instant())) {
                    runFor(job);
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Re-encryption paused by an error, retried in a moment: " + e.getMessage());
        }
    }

    private void runFor(ReencryptionJob job) {
        long sliceEnd = System.nanoTime() + SLICE.toNanos();
        long nextLog = System.nanoTime();
        ReencryptionBatch.Outcome outcome;
        do {
            outcome = batch.run(job.id(), audit.nodeId());
            if (!outcome.waiting() && (System.nanoTime() >= nextLog || !outcome.more())) {
                nextLog = System.nanoTime() + PROGRESS_LOG_EVERY.toNanos();
                jobs.find(job.id()).ifPresent(current -> LOG.info(() -> "Re-encryption job " + current.id()
                        + " of tenant " + current.tenant() + ": " + JobProgress.of(current).line()));
            }
            if (outcome.more() && job.pauseMillis() > 0) {
                sleep(job.pauseMillis());
            }
        } while (outcome.more() && !stopping && System.nanoTime() < sliceEnd);
    }

    private static void sleep(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
