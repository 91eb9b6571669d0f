package app.confidant.keyceremony;

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
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Benchmark deployment only: the re-encryption job's walk without the HSM, as the baseline of its rate. The same
 * tables in the same order, the same {@code SELECT ... FOR UPDATE} of the next batch after the id cursor, the same
 * batched {@code UPDATE} of {@code sealed_fields} and {@code sealed_key_version}, one transaction per batch; but each
 * row gets back the bytes it had, so the walk changes nothing and can run between two rotations.
 */
@ApplicationScoped
public class PlainUpdateWalk {

    /** A whole walk: batches (transactions), rows rewritten, wall time, and the time inside the batches. */
    public record Walked(long batches, long rows, long nanos, long batchNanos) {
    }

    /** One batch: rows rewritten, and the cursor after it. */
    public record Step(int rows, UUID last) {
    }

    @Resource(lookup = "jdbc/confidant")
    DataSource dataSource;

    /** VACUUM needs the tables' owner. */
    @Resource(lookup = "jdbc/confidant-owner")
    DataSource owner;

    @Inject
    PlainUpdateWalk self; // each batch through the proxy: a transaction of its own

    /**
     * Rewrites every stored value of the tenant, all sealed with {@code version}; the SELECT asks for rows not on
     * {@code version + 1}, the version the next rotation targets, which is exactly the job's predicate.
     */
    public Walked walk(UUID tenant, int version, int batchSize) {
        long start = System.nanoTime();
        long batches = 0;
        long rows = 0;
        long inBatches = 0;
        for (int table = 0; table < SealedTables.ALL.size(); table++) {
            UUID last = null;
            Step step;
            do {
                long batchStart = System.nanoTime();
                step = self.batch(table, tenant, version, last, batchSize);
                inBatches += System.nanoTime() - batchStart;
                batches++;
                rows += step.rows();
                last = step.last();
            } while (step.rows() == batchSize);
        }
        return new Walked(batches, rows, System.nanoTime() - start, inBatches);
    }

    @Transactional(TxType.REQUIRES_NEW)
    public Step batch(int tableIndex, UUID tenant, int version, UUID after, int batchSize) {
        SealedTables.Table table = SealedTables.ALL.get(tableIndex);
        int rows = 0;
        UUID last = after;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT " + table.idColumn()
                     + ", sealed_fields FROM " + table.name() + " WHERE tenant_id = ? AND sealed_key_version <> ?"
                     + (after == null ? "" : " AND " + table.idColumn() + " > ?")
                     + " ORDER BY " + table.idColumn() + " FETCH FIRST " + batchSize + " ROWS ONLY FOR UPDATE");
             PreparedStatement update = connection.prepareStatement("UPDATE " + table.name()
                     + " SET sealed_fields = ?, sealed_key_version = ?" + table.bumpVersion() + " WHERE "
                     + table.idColumn() + " = ?")) {
            select.setObject(1, tenant);
            select.setInt(2, version + 1);
            if (after != null) {
                select.setObject(3, after);
            }
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    last = row.getObject(1, UUID.class);
                    update.setBytes(1, row.getBytes(2));
                    update.setInt(2, version);
                    update.setObject(3, last);
                    update.addBatch();
                    rows++;
                }
            }
            if (rows > 0) {
                update.executeBatch();
            }
        } catch (SQLException e) {
            throw new KeyRegistryException("plain update walk failed", e);
        }
        return new Step(rows, last);
    }

    /**
     * Every pass leaves a dead version of each row behind; vacuuming the sealed tables before each measured walk or
     * job lets each start from the same state, as autovacuum keeps a production table.
     */
    @Transactional(TxType.NOT_SUPPORTED)
    public void vacuum() {
        try (Connection connection = owner.getConnection(); Statement statement = connection.createStatement()) {
            for (SealedTables.Table table : SealedTables.ALL) {
                statement.execute("VACUUM ANALYZE " + table.name());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot vacuum the sealed tables", e);
        }
    }
}
