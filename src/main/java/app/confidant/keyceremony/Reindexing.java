package app.confidant.keyceremony;

import app.confidant.crypto.BlindIndexer;
import app.confidant.crypto.FieldCipher;
import app.confidant.crypto.KeyRef;
import app.confidant.crypto.Normalizer;
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

/**
 * Blind-index key (BLIND_INDEX) rotation: each party row indexed with another version has its sealed fields opened
 * with the data key and its tax id and e-mail indexes recomputed with the target version, inside the HSM (one open
 * and two MACs per row). The opened values live only for this call and are never logged. A row with neither index
 * (no tax id, no e-mail) only has its version moved, without any HSM operation: every row ends on the target, so the
 * job, its final pass, the counts and RETIRE all use one rule (the row's {@code index_key_version}).
 *
 * <p>Mirrors {@code Party}: its table, its indexed sealed fields and their normalisation (keyceremony may not use
 * invoice). A new blind-indexed field must be added here too, or its index is lost when the old version is destroyed.
 */
@ApplicationScoped
class Reindexing implements RotationWork {

    @Inject
    FieldCipher cipher;

    @Inject
    BlindIndexer indexer;

    @Override
    public int tableCount() {
        return 1;
    }

    @Override
    public String selectBehind(int table, boolean afterCursor, int batchSize) {
        return "SELECT id, sealed_fields, tax_id_index, email_index, sealed_seq FROM party WHERE tenant_id = ?"
                + " AND index_key_version <> ?" + (afterCursor ? " AND id > ?" : "")
                + " ORDER BY id FETCH FIRST " + batchSize + " ROWS ONLY FOR UPDATE";
    }

    @Override
    public String update(int table) {
        return "UPDATE party SET tax_id_index = ?, email_index = ?, index_key_version = ?"
                + SealedTables.PARTY.bumpVersion() + " WHERE id = ?";
    }

    @Override
    public void rewrite(int table, ResultSet row, UUID tenant, int targetVersion, PreparedStatement update)
            throws SQLException {
        UUID id = row.getObject(1, UUID.class);
        KeyRef target = indexer.target(tenant, targetVersion);
        if (row.getBytes(3) == null && row.getBytes(4) == null) {
            update.setBytes(1, null);
            update.setBytes(2, null);
        } else {
            Map<String, String> opened = cipher.open(new SealingContext("party", id, tenant,
                    row.getLong(5)), row.getBytes(2));
            update.setBytes(1, indexer.index(tenant, Normalizer.TAX_ID, opened.get("taxId"), target));
            update.setBytes(2, indexer.index(tenant, Normalizer.EMAIL, opened.get("email"), target));
        }
        update.setInt(3, targetVersion);
        update.setObject(4, id);
    }

    @Override
    public Map<Integer, Long> perVersion(Connection connection, UUID tenant) throws SQLException {
        Map<Integer, Long> counts = new TreeMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT index_key_version, COUNT(*) FROM party"
                + " WHERE tenant_id = ? GROUP BY index_key_version")) {
            select.setObject(1, tenant);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    counts.put(row.getInt(1), row.getLong(2));
                }
            }
        }
        return counts;
    }
}
