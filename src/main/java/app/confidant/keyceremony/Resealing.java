package app.confidant.keyceremony;

import app.confidant.crypto.FieldCipher;
import app.confidant.crypto.SealingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Data key (SEAL) rotation: every sealed table, each row opened and sealed again with the target version and the
 * row's next seal sequence.
 *
 * <p>Which version protects a row is read from its envelope (bytes 2–5 of {@code sealed_fields}, the version the GCM
 * tag is bound to), not only from the plain {@code sealed_key_version} column: a row whose column was changed behind
 * the application's back is still selected, resealed, counted under the version that really protects it, and so
 * never left behind on a version about to be retired and destroyed. Its mismatch is logged with its id.
 */
@ApplicationScoped
class Resealing implements RotationWork {

    private static final Logger LOG = Logger.getLogger(Resealing.class.getName());
    /** The key version inside a stored envelope (format byte, then the version as 4 big-endian bytes). */
    private static final String ENVELOPE_VERSION = "SUBSTRING(sealed_fields FROM 2 FOR 4)";

    @Inject
    FieldCipher cipher;

    @Override
    public int tableCount() {
        return SealedTables.ALL.size();
    }

    @Override
    public String selectBehind(int table, boolean afterCursor, int batchSize) {
        SealedTables.Table t = SealedTables.ALL.get(table);
        return "SELECT " + t.idColumn() + ", sealed_fields, sealed_seq, sealed_key_version FROM " + t.name()
                + " WHERE tenant_id = ? AND (sealed_key_version <> ? OR " + ENVELOPE_VERSION + " <> ?)"
                + (afterCursor ? " AND " + t.idColumn() + " > ?" : "")
                + " ORDER BY " + t.idColumn() + " FETCH FIRST " + batchSize + " ROWS ONLY FOR UPDATE";
    }

    @Override
    public void bindBehind(PreparedStatement select, UUID tenant, int targetVersion, UUID cursor) throws SQLException {
        select.setObject(1, tenant);
        select.setInt(2, targetVersion);
        select.setBytes(3, ByteBuffer.allocate(4).putInt(targetVersion).array());
        if (cursor != null) {
            select.setObject(4, cursor);
        }
    }

    @Override
    public String update(int table) {
        SealedTables.Table t = SealedTables.ALL.get(table);
        return "UPDATE " + t.name() + " SET sealed_fields = ?, sealed_key_version = ?, sealed_seq = ?"
                + t.bumpVersion() + " WHERE " + t.idColumn() + " = ?";
    }

    @Override
    public void rewrite(int table, ResultSet row, UUID tenant, int targetVersion, PreparedStatement update)
            throws SQLException {
        SealedTables.Table t = SealedTables.ALL.get(table);
        UUID id = row.getObject(1, UUID.class);
        byte[] stored = row.getBytes(2);
        long sequence = row.getLong(3);
        int column = row.getInt(4);
        if (column != cipher.keyVersionOf(stored)) {
            LOG.warning(() -> "key rotation: " + t.name() + " row " + id + " says key version " + column
                    + " but its envelope was sealed with " + cipher.keyVersionOf(stored)
                    + "; the column was changed outside the application. Resealed from the envelope.");
        }
        SealingContext context = new SealingContext(t.entityType(), id, tenant, sequence);
        update.setBytes(1, cipher.reseal(context, stored, targetVersion));
        update.setInt(2, targetVersion);
        update.setLong(3, context.next().sequence());
        update.setObject(4, id);
    }

    /** Rows per version of the envelope that protects them (what retiring or destroying a version would lose). */
    @Override
    public Map<Integer, Long> perVersion(Connection connection, UUID tenant) throws SQLException {
        Map<Integer, Long> counts = new TreeMap<>();
        for (SealedTables.Table table : SealedTables.ALL) {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + ENVELOPE_VERSION
                    + ", sealed_key_version, COUNT(*) FROM " + table.name() + " WHERE tenant_id = ? GROUP BY "
                    + ENVELOPE_VERSION + ", sealed_key_version")) {
                select.setObject(1, tenant);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        byte[] version = row.getBytes(1);
                        int column = row.getInt(2);
                        int sealedWith = version != null && version.length == 4 ? ByteBuffer.wrap(version).getInt()
                                : column; // a truncated envelope opens with no version; count it where it claims
                        long rows = row.getLong(3);
                        if (sealedWith != column) {
                            LOG.warning(() -> rows + " row(s) of " + table.name() + " claim key version " + column
                                    + " while their envelopes were sealed with " + sealedWith);
                        }
                        counts.merge(sealedWith, rows, Long::sum);
                    }
                }
            }
        }
        return counts;
    }
}
