package app.confidant.keyceremony;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A re-encryption job's progress as the API shows it. {@code total} is what needed re-sealing when the job started;
 * values rewritten by users in the meantime are sealed with the new version already and are not re-sealed again.
 */
public record JobProgress(UUID id, UUID tenantId, String purpose, int targetVersion, String state, long done,
        long total, double percent, double ratePerSecond, Long etaSeconds, int batchSize, int pauseMillis,
        Instant startedAt, Instant updatedAt, Instant finishedAt, UUID ceremonyId) {

    static JobProgress of(ReencryptionJob job) {
        Instant until = job.finishedAt() != null ? job.finishedAt() : job.updatedAt();
        double seconds = Math.max(0.001, Duration.between(job.startedAt(), until).toMillis() / 1000.0);
        double rate = job.done() / seconds;
        long remaining = Math.max(0, job.total() - job.done());
        Long eta = ReencryptionJob.DONE.equals(job.state()) ? Long.valueOf(0)
                : rate > 0 ? Long.valueOf(Math.round(remaining / rate)) : null;
        double percent = job.total() == 0 ? 100.0 : Math.min(100.0, 100.0 * job.done() / job.total());
        return new JobProgress(job.id(), job.tenant(), job.purpose(), job.targetVersion(), job.state(), job.done(),
                job.total(), Math.round(percent * 10) / 10.0, Math.round(rate * 10) / 10.0, eta, job.batchSize(),
                job.pauseMillis(), job.startedAt(), job.updatedAt(), job.finishedAt(), job.ceremonyId());
    }

    String line() {
        return done + "/" + total + " (" + percent + "%), " + ratePerSecond + " values/s, ETA "
                + (etaSeconds == null ? "unknown" : etaSeconds + " s") + ", " + state;
    }
}
