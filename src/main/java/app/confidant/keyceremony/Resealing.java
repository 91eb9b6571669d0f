package app.confidant.keyceremony;

import app.confidant.crypto.FieldCipher;
import app.confidant.crypto.SealingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Data key (SEAL) rotation: every sealed table, each row opened and sealed again with the target version. */
@ApplicationScoped
class Resealing implements RotationWork {

    @Inject
    FieldCipher cipher;

    @Override
    public int tableCount() {
        return SealedTables.ALL.size();
    }

    @Override
    public String selectBehind(int table, boolean afterCursor, int batchSize) {
        SealedTables.Table t = SealedTables.ALL.get(table);
        return "SELECT " + t.idColumn() + ", sealed_fields FROM " + t.name()
                + " WHERE tenant_id = ? AND sealed_key_version <> ?"
                + (afterCursor ? " AND " + t.idColumn() + " > ?" : "")
                + " ORDER BY " + t.idColumn() + " FETCH FIRST " + batchSize + " ROWS ONLY FOR UPDATE";
    }

    @Override
    public String update(int table) {
        SealedTables.Table t = SealedTables.ALL.get(table);
        return "UPDATE " + t.name() + " SET sealed_fields = ?, sealed_key_version = ?" + t.bumpVersion() + " WHERE "
                + t.idColumn() + " = ?";
    }

    @Override
    public void rewrite(int table, ResultSet row, UUID tenant, int targetVersion, PreparedStatement update)
            throws SQLException {
        UUID id = row.getObject(1, UUID.class);
        SealingContext context = new SealingContext(SealedTables.ALL.get(table).entityType(), id, tenant);
        update.setBytes(1, cipher.reseal(context, row.getBytes(2), targetVersion));
        update.setInt(2, targetVersion);
        update.setObject(3, id);
    }

    @Override
    public Map<Integer, Long> perVersion(Connection connection, UUID tenant) throws SQLException {
        Map<Integer, Long> counts = new TreeMap<>();
        for (SealedTables.Table table : SealedTables.ALL) {
            try (PreparedStatement select = connection.prepareStatement("SELECT sealed_key_version, COUNT(*) FROM "
                    + table.name() + " WHERE tenant_id = ? GROUP BY sealed_key_version")) {
                select.setObject(1, tenant);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        counts.merge(row.getInt(1), row.getLong(2), Long::sum);
                    }
                }
            }
        }
        return counts;
    }
}
