package app.confidant.audit;

import app.confidant.crypto.KeyDestroyedException;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Walks every node's chain from genesis and names the first broken link: a missing sequence number (deleted row),
 * a row whose predecessor is not the row before it (inserted or reordered), a MAC that does not match (modified
 * row), or a head that does not match the last row (truncated or extended tail).
 */
@ApplicationScoped
@RolesAllowed({"AUDITOR", "SECURITY_ADMIN"}) // the audit API and the security report's audit control
public class AuditVerifier {

    private static final Pattern AUDIT_KEY = Pattern.compile("audit-mac-v\\d+");

    /** The verdict on one node's chain. */
    public record ChainReport(String nodeId, long rows, long headSeq, boolean intact, Long brokenAtSeq,
            String problem) {
    }

    @Resource(lookup = "jdbc/confidant")
    DataSource dataSource;

    @Inject
    AuditLog log;

    @Inject
    AuditMetrics metrics;

    public List<ChainReport> verify() {
        try (Connection connection = dataSource.getConnection()) {
            List<ChainReport> reports = new ArrayList<>();
            for (String node : nodes(connection)) {
                reports.add(verifyNode(connection, node));
            }
            metrics.verified(reports.stream().filter(r -> !r.intact()).count());
            return reports;
        } catch (SQLException e) {
            throw new AuditUnavailableException("cannot read the audit trail", e);
        }
    }

    /**
     * A row's key_id must name an audit MAC key: any other label (a tenant's data key, say) is never handed to the
     * HSM, where a MAC with the wrong kind of key would fail as if the token were unavailable.
     */
    private static String keyProblem(AuditRecord row) {
        if (row.keyId() == null || !AUDIT_KEY.matcher(row.keyId()).matches()) {
            return "names key " + (row.keyId() == null ? "(none)" : "'" + bounded(row.keyId()) + "'")
                    + ", which is not an audit MAC key (key_id changed)";
        }
        return null;
    }

    private static String bounded(String value) {
        return value.length() <= 64 ? value : value.substring(0, 64) + "…";
    }

    private ChainReport verifyNode(Connection connection, String node) throws SQLException {
        long expected = 1;
        String previous = AuditLog.GENESIS;
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT * FROM audit_event WHERE node_id = ? ORDER BY seq")) {
            select.setString(1, node);
            select.setFetchSize(1000);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    AuditRecord row = AuditQuery.read(rows);
                    if (row.seq() != expected) {
                        return broken(node, expected - 1, expected,
                                row.seq() > expected ? "row " + expected + " is missing (deleted)"
                                        : "row " + row.seq() + " appears twice or out of order");
                    }
                    if (!row.prevMac().equals(previous)) {
                        return broken(node, expected - 1, expected, "row " + expected
                                + " does not follow row " + (expected - 1) + " (inserted, reordered or replaced)");
                    }
                    String keyProblem = keyProblem(row);
                    if (keyProblem != null) {
                        return broken(node, expected - 1, expected, "row " + expected + " " + keyProblem);
                    }
                    byte[] mac;
                    try {
                        mac = log.macOf(row);
                    } catch (KeyDestroyedException e) {
                        return broken(node, expected - 1, expected, "row " + expected + " names audit key "
                                + row.keyId() + ", which the HSM does not hold (key_id changed, or the key destroyed)");
                    }
                    if (!MessageDigest.isEqual(AuditLog.hexBytes(row.mac()), mac)) {
                        return broken(node, expected - 1, expected, "row " + expected + " was modified (MAC mismatch)");
                    }
                    previous = row.mac();
                    expected++;
                }
            }
        }
        long last = expected - 1;
        try (PreparedStatement head = connection.prepareStatement(
                "SELECT last_seq, last_mac, head_mac, key_id FROM audit_chain WHERE node_id = ?")) {
            head.setString(1, node);
            try (ResultSet h = head.executeQuery()) {
                if (!h.next()) {
                    return broken(node, last, last + 1, "the chain head of this node is missing");
                }
                long headSeq = h.getLong(1);
                String headKey = h.getString(4);
                if (headKey == null || !AUDIT_KEY.matcher(headKey).matches()) {
                    return broken(node, last, headSeq, "the chain head names a key that is not an audit MAC key");
                }
                String headMac;
                try {
                    headMac = log.headMac(node, headSeq, h.getString(2), headKey);
                } catch (KeyDestroyedException e) {
                    return broken(node, last, headSeq, "the chain head names audit key " + headKey
                            + ", which the HSM does not hold");
                }
                if (!headMac.equals(h.getString(3))) {
                    return broken(node, last, headSeq, "the chain head was modified (MAC mismatch)");
                }
                if (headSeq != last || !h.getString(2).equals(previous)) {
                    return new ChainReport(node, last, headSeq, false, Math.min(headSeq, last) + 1,
                            "the log ends at row " + last + " but the head says " + headSeq + " (tail truncated)");
                }
                return new ChainReport(node, last, headSeq, true, null, null);
            }
        }
    }

    private static ChainReport broken(String node, long verifiedRows, long seq, String problem) {
        return new ChainReport(node, verifiedRows, -1, false, seq, problem);
    }

    private static List<String> nodes(Connection connection) throws SQLException {
        TreeSet<String> nodes = new TreeSet<>();
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT node_id FROM audit_chain UNION SELECT DISTINCT node_id FROM audit_event");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                nodes.add(r.getString(1));
            }
        }
        return new ArrayList<>(nodes);
    }

}
