package app.confidant.keyceremony;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

/**
 * What a rotation job of one key purpose does to the tenant's rows: which rows still depend on another version than
 * the target, and how one of them is rewritten with the target version. {@link ReencryptionBatch} owns the
 * transaction, the locking and the cursor; this says what is selected, computed and written.
 */
interface RotationWork {

    /** How many tables a job walks; the job's table index runs over them. */
    int tableCount();

    /**
     * The next rows of the tenant in table {@code table} not on the target version, locked, in id order, with the
     * parameters {@link #bindBehind} sets; the id is column 1.
     */
    String selectBehind(int table, boolean afterCursor, int batchSize);

    /** Sets the parameters of {@link #selectBehind}: by default tenant, target version and the cursor if any. */
    default void bindBehind(PreparedStatement select, UUID tenant, int targetVersion, UUID cursor) throws SQLException {
        select.setObject(1, tenant);
        select.setInt(2, targetVersion);
        if (cursor != null) {
            select.setObject(3, cursor);
        }
    }

    /** The update of one row; {@link #rewrite} sets its parameters. */
    String update(int table);

    /** Recomputes one selected row with the target version inside the HSM and sets the update's parameters. */
    void rewrite(int table, ResultSet row, UUID tenant, int targetVersion, PreparedStatement update)
            throws SQLException;

    /** How many stored values of the tenant each version protects (versions that protect nothing are absent). */
    Map<Integer, Long> perVersion(Connection connection, UUID tenant) throws SQLException;
}
