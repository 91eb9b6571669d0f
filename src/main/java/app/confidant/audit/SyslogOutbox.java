package app.confidant.audit;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The outbox of the syslog feed without a copy of the data: the committed audit rows of a chain beyond its cursor
 * ({@code syslog_cursor}). A chain's events are committed in sequence order (an append holds the chain's head until
 * its transaction ends), so "seq beyond the cursor" is exactly what has not been forwarded yet.
 */
@ApplicationScoped
public class SyslogOutbox {

    /** Sends a batch; returns only when the receiver accepted it. */
    @FunctionalInterface
    interface Sender {
        void send(List<AuditRecord> batch) throws IOException;
    }

    @Resource(lookup = "jdbc/confidant")
    DataSource dataSource;

    @Inject
    Clock clock;

    /** Every chain that has a head (lanes of every node that ever wrote). */
    @Transactional(TxType.REQUIRES_NEW)
    public List<String> chains() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT node_id FROM audit_chain ORDER BY node_id");
             ResultSet rows = select.executeQuery()) {
            List<String> chains = new ArrayList<>();
            while (rows.next()) {
                chains.add(rows.getString(1));
            }
            return chains;
        } catch (SQLException e) {
            throw new AuditUnavailableException("cannot read the audit chains", e);
        }
    }

    /** Creates a chain's cursor at 0 when it has none; two instances may race, the loser's insert fails harmlessly. */
    @Transactional(TxType.REQUIRES_NEW)
    public void ensureCursor(String chain) {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT 1 FROM syslog_cursor WHERE node_id = ?")) {
                select.setString(1, chain);
                try (ResultSet row = select.executeQuery()) {
                    if (row.next()) {
                        return;
                    }
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO syslog_cursor (node_id, last_seq) VALUES (?, 0)")) {
                insert.setString(1, chain);
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw new AuditUnavailableException("cannot create the syslog cursor of chain " + chain, e);
        }
    }

    /**
     * Forwards the chain's next events (at most {@code limit}) while holding its cursor row, then moves the cursor.
     * Returns how many were forwarded, or -1 when another instance holds the chain right now (SKIP LOCKED).
     */
    @Transactional(TxType.REQUIRES_NEW)
    public int forwardNext(String chain, int limit, Sender sender) {
        try (Connection connection = dataSource.getConnection()) {
            long cursor;
            try (PreparedStatement lock = connection.prepareStatement(
                    "SELECT last_seq FROM syslog_cursor WHERE node_id = ? FOR UPDATE SKIP LOCKED")) {
                lock.setString(1, chain);
                try (ResultSet row = lock.executeQuery()) {
                    if (!row.next()) {
                        return -1;
                    }
                    cursor = row.getLong(1);
                }
            }
            List<AuditRecord> batch = next(connection, chain, cursor, limit);
            if (batch.isEmpty()) {
                return 0;
            }
            sender.send(batch);
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE syslog_cursor SET last_seq = ?, forwarded_at = ? WHERE node_id = ?")) {
                update.setLong(1, batch.getLast().seq());
                update.setTimestamp(2, Timestamp.from(clock.instant()));
                update.setString(3, chain);
                update.executeUpdate();
            }
            return batch.size();
        } catch (SQLException e) {
            throw new AuditUnavailableException("cannot forward the audit chain " + chain, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Events committed but not yet forwarded, over all chains. */
    @Transactional(TxType.REQUIRES_NEW)
    public long lag() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT COALESCE(SUM(c.last_seq - COALESCE(s.last_seq, 0)), 0) FROM audit_chain c"
                             + " LEFT JOIN syslog_cursor s ON s.node_id = c.node_id");
             ResultSet row = select.executeQuery()) {
            return row.next() ? Math.max(0, row.getLong(1)) : 0;
        } catch (SQLException e) {
            throw new AuditUnavailableException("cannot measure the syslog lag", e);
        }
    }

    private static List<AuditRecord> next(Connection connection, String chain, long cursor, int limit)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT * FROM audit_event WHERE node_id = ? AND seq > ? ORDER BY seq")) {
            select.setString(1, chain);
            select.setLong(2, cursor);
            select.setMaxRows(limit);
            try (ResultSet rows = select.executeQuery()) {
                List<AuditRecord> batch = new ArrayList<>();
                while (rows.next()) {
                    batch.add(AuditQuery.read(rows));
                }
                return batch;
            }
        }
    }
}
