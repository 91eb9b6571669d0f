package app.confidant.keyceremony;

import app.confidant.audit.Actor;
import app.confidant.audit.AuditEntry;
import app.confidant.audit.AuditLog;
import app.confidant.crypto.FieldCipher;
import app.confidant.crypto.KeyRegistryException;
import app.confidant.crypto.SealingContext;
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
 * on the target version (in id order, after the cursor), re-seal each inside the HSM, write them, advance the
 * cursor and the count. A crash before the commit undoes the whole batch, rows and cursor together.
 */
@ApplicationScoped
public class ReencryptionBatch {

    static final Duration LEASE = Duration.ofSeconds(30);

    /** What one call did: the number of values re-sealed, and whether the job can go on. */
    record Outcome(int resealed, boolean more) {
    }

    @Resource(lookup = "jdbc/confidant")
    DataSource dataSource;

    @Inject
    ReencryptionJobs jobs;

    @Inject
    FieldCipher cipher;

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
            return new Outcome(0, false);
        }
        SealedTables.Table table = SealedTables.ALL.get(job.tableIndex());
        int resealed = 0;
        UUID last = job.lastId();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT " + table.idColumn() + ", sealed_fields FROM "
                     + table.name() + " WHERE tenant_id = ? AND sealed_key_version <> ?"
                     + (last == null ? "" : " AND " + table.idColumn() + " > ?")
                     + " ORDER BY " + table.idColumn() + " FETCH FIRST " + job.batchSize() + " ROWS ONLY FOR UPDATE");
             PreparedStatement update = connection.prepareStatement("UPDATE " + table.name()
                     + " SET sealed_fields = ?, sealed_key_version = ? WHERE " + table.idColumn() + " = ?")) {
            select.setObject(1, job.tenant());
            select.setInt(2, job.targetVersion());
            if (last != null) {
                select.setObject(3, last);
            }
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    UUID id = row.getObject(1, UUID.class);
                    byte[] sealed = cipher.reseal(new SealingContext(table.entityType(), id, job.tenant()),
                            row.getBytes(2), job.targetVersion());
                    update.setBytes(1, sealed);
                    update.setInt(2, job.targetVersion());
                    update.setObject(3, id);
                    update.addBatch();
                    last = id;
                    resealed++;
                }
            }
            if (resealed > 0) {
                update.executeBatch();
            }
        } catch (SQLException e) {
            throw new KeyRegistryException("re-encryption batch failed", e);
        }
        boolean tableDone = resealed < job.batchSize();
        int tableIndex = tableDone ? job.tableIndex() + 1 : job.tableIndex();
        long stillToDo = 0;
        if (tableIndex >= SealedTables.ALL.size()) {
            // Values sealed with the old version by a node that had not yet seen the activation: another pass.
            stillToDo = storedValues.notOn(job.tenant(), job.targetVersion());
            tableIndex = stillToDo > 0 ? 0 : tableIndex;
        }
        boolean finished = tableIndex >= SealedTables.ALL.size();
        jobs.advance(jobId, finished ? job.tableIndex() : tableIndex, tableDone ? null : last, resealed, stillToDo,
                node, now, now.plus(LEASE), finished);
        if (finished) {
            audit.append(new AuditEntry(Actor.SYSTEM, "key.reencryption.done", "reencryption-job", jobId.toString(),
                    AuditEntry.SUCCESS, null, "{\"resealed\":" + (job.done() + resealed) + ",\"targetVersion\":"
                    + job.targetVersion() + "}"));
        }
        return new Outcome(resealed, !finished);
    }
}
