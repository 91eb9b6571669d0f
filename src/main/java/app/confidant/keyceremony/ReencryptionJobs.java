package app.confidant.keyceremony;

import app.confidant.crypto.KeyRegistryException;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** The {@code reencryption_job} rows; every method joins the caller's transaction. */
@ApplicationScoped
public class ReencryptionJobs {

    private static final String COLUMNS = "id, tenant_id, purpose, target_version, state, table_index, last_id, done,"
            + " total, batch_size, pause_millis, owner, lease_until, started_at, updated_at, finished_at, ceremony_id";

    @Resource(lookup = "jdbc/confidant")
    DataSource dataSource;

    @Transactional
    public void create(ReencryptionJob job) {
        update("INSERT INTO reencryption_job (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                job.id(), job.tenant(), job.purpose(), job.targetVersion(), job.state(), job.tableIndex(),
                job.lastId(), job.done(), job.total(), job.batchSize(), job.pauseMillis(), job.owner(),
                ts(job.leaseUntil()), ts(job.startedAt()), ts(job.updatedAt()), ts(job.finishedAt()), job.ceremonyId());
    }

    @Transactional
    public Optional<ReencryptionJob> find(UUID id) {
        return select("SELECT " + COLUMNS + " FROM reencryption_job WHERE id = ?", id).stream().findFirst();
    }

    /** Locks the job row for one batch: one node, one batch at a time. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<ReencryptionJob> lock(UUID id) {
        return select("SELECT " + COLUMNS + " FROM reencryption_job WHERE id = ? FOR UPDATE", id).stream().findFirst();
    }

    @Transactional
    public List<ReencryptionJob> all() {
        return select("SELECT " + COLUMNS + " FROM reencryption_job ORDER BY started_at DESC", null);
    }

    @Transactional
    public List<ReencryptionJob> unfinished() {
        return select("SELECT " + COLUMNS + " FROM reencryption_job WHERE state <> 'DONE' ORDER BY started_at", null);
    }

    @Transactional
    public boolean unfinishedFor(UUID tenant) {
        return unfinished().stream().anyMatch(j -> j.tenant().equals(tenant));
    }

    /**
     * Stores the cursor and counts after a batch, in the batch's transaction. The total grows when values turn up
     * that were sealed with the old version after the job started ({@code stillToDo} at the end of a pass).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void advance(UUID id, int tableIndex, UUID lastId, long processed, long stillToDo, String owner,
            Instant now, Instant leaseUntil, boolean finished) {
        update("UPDATE reencryption_job SET table_index = ?, last_id = ?, done = done + ?,"
                + " total = GREATEST(total, done + ? + ?), owner = ?, updated_at = ?, lease_until = ?, state = ?,"
                + " finished_at = ? WHERE id = ?", tableIndex, lastId, processed, processed, stillToDo, owner,
                ts(now), ts(leaseUntil), finished ? ReencryptionJob.DONE : ReencryptionJob.RUNNING,
                finished ? ts(now) : null, id);
    }

    @Transactional
    public void changeState(UUID id, String state, Instant now) {
        update("UPDATE reencryption_job SET state = ?, updated_at = ?, lease_until = NULL WHERE id = ?", state, ts(now),
                id);
    }

    private void update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new KeyRegistryException("cannot write the re-encryption job", e);
        }
    }

    private List<ReencryptionJob> select(String sql, UUID id) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            if (id != null) {
                select.setObject(1, id);
            }
            List<ReencryptionJob> jobs = new ArrayList<>();
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    jobs.add(new ReencryptionJob(r.getObject(1, UUID.class), r.getObject(2, UUID.class),
                            r.getString(3), r.getInt(4), r.getString(5), r.getInt(6), r.getObject(7, UUID.class),
                            r.getLong(8), r.getLong(9), r.getInt(10), r.getInt(11), r.getString(12),
                            instant(r.getTimestamp(13)), instant(r.getTimestamp(14)), instant(r.getTimestamp(15)),
                            instant(r.getTimestamp(16)), r.getObject(17, UUID.class)));
                }
            }
            return jobs;
        } catch (SQLException e) {
            throw new KeyRegistryException("cannot read the re-encryption jobs", e);
        }
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
