package app.confidant.keyceremony;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Progress figures of a re-encryption job: rate from the running time, ETA from what remains. */
class JobProgressTest {

    private static ReencryptionJob job(String state, long done, long total, Instant started, Instant updated) {
        return new ReencryptionJob(UUID.randomUUID(), UUID.randomUUID(), "SEAL", 2, state, 0, null, done, total, 200,
                20, "node", null, started, updated, null, null);
    }

    @Test
    void rateAndEtaFollowFromDoneTotalAndTime() {
        Instant start = Instant.parse("2026-11-25T10:00:00Z");
        JobProgress progress = JobProgress.of(job("RUNNING", 2_000, 10_000, start, start.plusSeconds(10)));

        assertThat(progress.ratePerSecond()).isEqualTo(200.0);
        assertThat(progress.etaSeconds()).isEqualTo(40L);
        assertThat(progress.percent()).isEqualTo(20.0);
        assertThat(progress.line()).contains("2000/10000").contains("ETA 40 s");
    }

    @Test
    void aJobThatHasNotStartedHasNoEtaAndAnEmptyOneIsComplete() {
        Instant start = Instant.parse("2026-11-25T10:00:00Z");
        assertThat(JobProgress.of(job("RUNNING", 0, 10, start, start)).etaSeconds()).isNull();
        assertThat(JobProgress.of(job("DONE", 0, 0, start, start)).percent()).isEqualTo(100.0);
    }

    @Test
    void anotherNodesLeaseIsRespectedUntilItRunsOut() {
        Instant now = Instant.parse("2026-11-25T10:00:00Z");
        ReencryptionJob held = new ReencryptionJob(UUID.randomUUID(), UUID.randomUUID(), "SEAL", 2, "RUNNING", 0, null,
                0, 10, 200, 20, "node-a", now.plusSeconds(5), now, now, null, null);

        assertThat(held.claimableBy("node-b", now)).isFalse();
        assertThat(held.claimableBy("node-a", now)).isTrue();
        assertThat(held.claimableBy("node-b", now.plusSeconds(6))).isTrue();
    }
}
