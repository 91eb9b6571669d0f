package app.confidant.keyceremony;

import app.confidant.crypto.KeyPurpose;
import app.confidant.crypto.KeyRegistryException;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Benchmark deployment only: a data key rotation as an approved ceremony carries it out ({@link CeremonySteps},
 * without the two custodians' REST calls that come before it), and the re-encryption job it starts, run batch by
 * batch with the production {@link ReencryptionBatch} either on the benchmark's thread or by the deployed
 * {@link ReencryptionRunner}.
 */
@ApplicationScoped
public class RotationDriver {

    private static final String REASON = "key rotation benchmark (ReencryptionBench)";
    private static final Duration POLL = Duration.ofMillis(50);

    /** The job an activation started, with the batch size and pause the ceremony gave it from the configuration. */
    public record Started(UUID job, int targetVersion, long total, int batchSize, int pauseMillis) {
    }

    /** A job run to its end: batches, values re-sealed, the wall time and the part of it spent inside batches. */
    public record Finished(long batches, long resealed, long nanos, long batchNanos, JobProgress progress) {
    }

    @Inject
    CeremonySteps steps;

    @Inject
    ReencryptionBatch batch;

    @Inject
    ReencryptionJobs jobs;

    @Inject
    Clock clock;

    @Resource(lookup = "jdbc/confidant")
    DataSource dataSource;

    /** The GENERATE ceremony's step: the next data key version, in the HSM, not yet active. */
    @Transactional
    public String generate(UUID tenant) {
        return steps.carryOut(ceremony(CeremonyKind.GENERATE, tenant, null)).outcome();
    }

    /**
     * The ACTIVATE ceremony's step, which starts the re-encryption job. With a {@code node}, the job is leased to it
     * in the same transaction, so that the deployed runner leaves it to {@link #runHere}; without, the runner takes it.
     */
    @Transactional
    public Started activate(UUID tenant, int version, String node) {
        steps.carryOut(ceremony(CeremonyKind.ACTIVATE, tenant, version));
        ReencryptionJob job = jobs.unfinished().stream().filter(j -> j.tenant().equals(tenant)).findFirst()
                .orElseThrow(() -> new IllegalStateException("the activation started no job"));
        if (node != null) {
            lease(job.id(), node);
        }
        return new Started(job.id(), job.targetVersion(), job.total(), job.batchSize(), job.pauseMillis());
    }

    /**
     * The runner's loop ({@code ReencryptionRunner.runFor}) on this thread: batches until done, the pause between.
     * The time reported ends with the last batch that rewrote values: a job that is through early waits for the
     * active-key cache time after its activation before it may finish, and that wait is not re-encryption work.
     */
    public Finished runHere(UUID job, String node, int pauseMillis) throws InterruptedException {
        long start = System.nanoTime();
        long workedUntil = start;
        long batches = 0;
        long resealed = 0;
        long inBatches = 0;
        ReencryptionBatch.Outcome outcome;
        do {
            long batchStart = System.nanoTime();
            outcome = batch.run(job, node);
            if (outcome.rewritten() > 0) {
                workedUntil = System.nanoTime();
                inBatches += workedUntil - batchStart;
                batches++;
                resealed += outcome.rewritten();
            }
            if (outcome.waiting()) {
                Thread.sleep(POLL.toMillis());
            } else if (outcome.more() && pauseMillis > 0) {
                Thread.sleep(pauseMillis);
            }
        } while (outcome.more());
        return new Finished(batches, resealed, workedUntil - start, inBatches, progress(job));
    }

    /** Waits for the deployed runner to finish the job; batches and batch time are not seen from here. */
    public Finished awaitRunner(UUID job, Duration timeout) throws InterruptedException {
        long start = System.nanoTime();
        JobProgress progress = progress(job);
        while (!ReencryptionJob.DONE.equals(progress.state())) {
            if (System.nanoTime() - start > timeout.toNanos()) {
                throw new IllegalStateException("re-encryption job not done after " + timeout + ": " + progress.line());
            }
            Thread.sleep(POLL.toMillis());
            progress = progress(job);
        }
        return new Finished(-1, progress.done(), System.nanoTime() - start, -1, progress);
    }

    public JobProgress progress(UUID job) {
        return JobProgress.of(jobs.find(job).orElseThrow());
    }

    private KeyCeremony ceremony(CeremonyKind kind, UUID tenant, Integer version) {
        Instant now = clock.instant();
        return new KeyCeremony(new CeremonyRequest(kind, tenant, KeyPurpose.SEAL, version, REASON, null),
                UUID.randomUUID(), "bench", now, now.plus(Duration.ofHours(1)));
    }

    /** Renewed by every batch (30 s); an hour covers the moments between the activation and the first batch. */
    private void lease(UUID job, String node) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE reencryption_job SET owner = ?, lease_until = ? WHERE id = ?")) {
            update.setString(1, node);
            update.setTimestamp(2, Timestamp.from(clock.instant().plus(Duration.ofHours(1))));
            update.setObject(3, job);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new KeyRegistryException("cannot lease the re-encryption job", e);
        }
    }
}
