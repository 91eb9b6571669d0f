package app.confidant.keyceremony;

import app.confidant.audit.Actor;
import app.confidant.audit.AuditEntry;
import app.confidant.audit.AuditLog;
import app.confidant.crypto.DataKeys;
import app.confidant.crypto.KeyPurpose;
import app.confidant.crypto.KeyRegistryException;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * One batch of a re-encryption job, in one transaction: lock the job row, lock the next rows of the tenant not yet
 * on the target version (in id order, after the cursor), rewrite each inside the HSM (re-seal for a data key,
 * recompute the blind indexes for a blind-index key: {@link RotationWork}), write them, advance the cursor and the
 * count. A crash before the commit undoes the whole batch, rows and cursor together.
 */
@ApplicationScoped
public class ReencryptionBatch {

    static final Duration LEASE = Duration.ofSeconds(30);
    static final Duration SETTLE_MARGIN = Duration.ofSeconds(5);

    /**
     * What one call did: the number of values rewritten, whether the job can go on at once, and whether it only
     * waits for every node to have seen the activation (the runner comes back at its next tick).
     */
    record Outcome(int rewritten, boolean more, boolean waiting) {
    }

    @Resource(lookup = "jdbc/confidant")
    DataSource dataSource;

    @Inject
    ReencryptionJobs jobs;

    @Inject
    StoredValues storedValues;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Transactional(TxType.REQUIRES_NEW)
    public Outcome run(UUID jobId, String node) {
        ReencryptionJob job = jobs.lock(jobId).orElse(null);
        Instant now = clock.instant();
        if (job == null || !job.claimableBy(node, now)) {
            return new Outcome(0, false, false);
        }
        KeyPurpose purpose = KeyPurpose.valueOf(job.purpose());
        RotationWork work = storedValues.work(purpose);
        int rewritten = 0;
        UUID last = job.lastId();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     work.selectBehind(job.tableIndex(), last != null, job.batchSize()));
             PreparedStatement update = connection.prepareStatement(work.update(job.tableIndex()))) {
            work.bindBehind(select, job.tenant(), job.targetVersion(), last);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    work.rewrite(job.tableIndex(), row, job.tenant(), job.targetVersion(), update);
                    update.addBatch();
                    last = row.getObject(1, UUID.class);
                    rewritten++;
                }
            }
            if (rewritten > 0) {
                update.executeBatch();
            }
        } catch (SQLException e) {
            throw new KeyRegistryException("re-encryption batch failed", e);
        }
        boolean tableDone = rewritten < job.batchSize();
        int tableIndex = tableDone ? job.tableIndex() + 1 : job.tableIndex();
        long stillToDo = 0;
        boolean waiting = false;
        if (tableIndex >= work.tableCount()) {
            // Values written with the old version by a node that had not yet seen the activation: another pass.
            stillToDo = storedValues.notOn(job.tenant(), purpose, job.targetVersion());
            waiting = stillToDo == 0 && !settled(job, now);
            tableIndex = stillToDo > 0 || waiting ? 0 : tableIndex;
        }
        boolean finished = tableIndex >= work.tableCount();
        jobs.advance(jobId, finished ? job.tableIndex() : tableIndex, tableDone ? null : last, rewritten, stillToDo,
                node, now, now.plus(LEASE), finished);
        if (finished) {
            audit.append(new AuditEntry(Actor.SYSTEM, "key.reencryption.done", "reencryption-job", jobId.toString(),
                    AuditEntry.SUCCESS, null, "{\"purpose\":\"" + purpose + "\",\"resealed\":"
                    + (job.done() + rewritten) + ",\"targetVersion\":" + job.targetVersion() + "}"));
        }
        return new Outcome(rewritten, !finished && !waiting, waiting);
    }

    /**
     * Whether every node has seen the activation: a node trusts its cached active version for
     * {@link DataKeys#ACTIVE_TTL}, so until then (plus a margin for a write in flight) it may still write with the old
     * version, after the last pass found none. A job finishes only after that, so that RETIRE is not refused later.
     */
    static boolean settled(ReencryptionJob job, Instant now) {
        return !now.isBefore(job.startedAt().plus(DataKeys.ACTIVE_TTL).plus(SETTLE_MARGIN));
    }
}
