package app.confidant.crypto;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Which key objects a verified token backup holds: a key counts only where the backup's restored copy reported the
 * same check value as the live key (and as the registry, for tenants' keys) when the backup was recorded. Read by
 * the inventory, the ceremonies, readiness and the security report; written by key ceremonies (table key_backup).
 */
@ApplicationScoped
public class BackupCoverage {

    /** The newest verified backup that holds a key. */
    public record Covered(UUID backupId, Instant recordedAt) {
    }

    @Resource(lookup = "jdbc/confidant")
    DataSource dataSource;

    /** Label → the newest backup holding that key with a matching check value; keys in none are absent. */
    public Map<String, Covered> verified() {
        Map<String, Covered> covered = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT k.label, b.id, b.recorded_at"
                     + " FROM key_backup_key k JOIN key_backup b ON b.id = k.backup_id WHERE k.matches = TRUE"
                     + " ORDER BY b.recorded_at");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                covered.put(rows.getString(1), new Covered(rows.getObject(2, UUID.class),
                        rows.getTimestamp(3).toInstant()));
            }
        } catch (SQLException e) {
            throw new KeyRegistryException("cannot read the key backups", e);
        }
        return covered;
    }

    /**
     * How many live registered keys and audit MAC keys no verified backup holds, counted in the database (no token
     * read: for the metrics snapshot; readiness and the report also count the token's own keys).
     */
    public long unprotectedCount() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM (SELECT label FROM data_key"
                     + " WHERE state <> 'DESTROYED' UNION SELECT key_label FROM key_ceremony"
                     + " WHERE state = 'DONE' AND key_label LIKE 'audit-mac-v%') k WHERE NOT EXISTS (SELECT 1"
                     + " FROM key_backup_key b WHERE b.label = k.label AND b.matches = TRUE)");
             ResultSet rows = select.executeQuery()) {
            return rows.next() ? rows.getLong(1) : 0;
        } catch (SQLException e) {
            throw new KeyRegistryException("cannot read the key backups", e);
        }
    }
}
