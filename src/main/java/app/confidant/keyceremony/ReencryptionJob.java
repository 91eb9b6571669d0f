package app.confidant.keyceremony;

import java.time.Instant;
import java.util.UUID;

/** A re-encryption job's row: where its cursor stands (table, last id) and how far it got. */
record ReencryptionJob(UUID id, UUID tenant, String purpose, int targetVersion, String state, int tableIndex,
        UUID lastId, long done, long total, int batchSize, int pauseMillis, String owner, Instant leaseUntil,
        Instant startedAt, Instant updatedAt, Instant finishedAt, UUID ceremonyId) {

    static final String RUNNING = "RUNNING";
    static final String PAUSED = "PAUSED";
    static final String DONE = "DONE";

    boolean claimableBy(String node, Instant now) {
        return RUNNING.equals(state) && (owner == null || owner.equals(node) || leaseUntil == null
                || leaseUntil.isBefore(now));
    }
}
