package app.confidant.audit;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Creates a node's chain head, in a transaction of its own: the first events of a node may race to create it, and
 * on PostgreSQL a failed insert would abort the event's own transaction. The loser's insert fails harmlessly.
 */
@ApplicationScoped
public class AuditChains {

    @Resource(lookup = "jdbc/confidant")
    DataSource dataSource;

    /** The newest audit MAC key any chain uses (highest version), for a node that starts its chain now. */
    @Transactional(TxType.REQUIRES_NEW)
    public java.util.Optional<String> newestKey() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT DISTINCT key_id FROM audit_chain");
             java.sql.ResultSet rows = select.executeQuery()) {
            java.util.List<String> keys = new java.util.ArrayList<>();
            while (rows.next()) {
                keys.add(rows.getString(1));
            }
            return keys.stream().max(java.util.Comparator.comparingInt(AuditChains::version));
        } catch (SQLException e) {
            throw new AuditUnavailableException("cannot read the audit chains", e);
        }
    }

    /** The N of {@code audit-mac-vN}. */
    public static int version(String keyId) {
        return Integer.parseInt(keyId.substring(keyId.lastIndexOf("-v") + 2));
    }

    @Transactional(TxType.REQUIRES_NEW)
    public void create(String node, String genesisMac, String headMac, String keyId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO audit_chain (node_id, last_seq, last_mac, head_mac, key_id) VALUES (?, 0, ?, ?, ?)")) {
            insert.setString(1, node);
            insert.setString(2, genesisMac);
            insert.setString(3, headMac);
            insert.setString(4, keyId);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new AuditUnavailableException("cannot create the chain head of node " + node, e);
        }
    }
}
