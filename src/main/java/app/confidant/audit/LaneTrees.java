package app.confidant.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The Merkle tree of every lane as a frontier kept in memory: each checkpoint reads only the rows committed since
 * the last one (by the (node_id, seq) index). The first call after a start scans each lane once. Committed rows of
 * a lane have gap-free sequence numbers (the head's row lock), so a frontier stops at the first gap; it also stops
 * at a row whose MAC or link does not verify, so that a checkpoint never witnesses a forged or altered row (the
 * verifier names both).
 */
@ApplicationScoped
public class LaneTrees {

    private final Map<String, MerkleTree.Frontier> frontiers = new HashMap<>();
    /** The MAC of each frontier's last row: the next row must link to it. */
    private final Map<String, String> lastMacs = new HashMap<>();

    @Inject
    AuditLog log;

    /** The lanes with a chain head now, plus the given ones (from the previous checkpoint), advanced to the newest rows. */
    public synchronized SortedMap<String, MerkleTree.Frontier> advance(Connection connection, Collection<String> known)
            throws SQLException {
        TreeSet<String> lanes = new TreeSet<>(known);
        try (PreparedStatement heads = connection.prepareStatement("SELECT node_id FROM audit_chain");
             ResultSet rows = heads.executeQuery()) {
            while (rows.next()) {
                lanes.add(rows.getString(1));
            }
        }
        SortedMap<String, MerkleTree.Frontier> trees = new TreeMap<>();
        for (String lane : lanes) {
            MerkleTree.Frontier frontier = frontiers.computeIfAbsent(lane, l -> new MerkleTree.Frontier());
            extendVerified(connection, lane, frontier);
            trees.put(lane, frontier.copy());
        }
        return trees;
    }

    private void extendVerified(Connection connection, String lane, MerkleTree.Frontier frontier) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT * FROM audit_event WHERE node_id = ? AND seq > ? ORDER BY seq")) {
            select.setString(1, lane);
            select.setLong(2, frontier.size());
            select.setFetchSize(1000);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    AuditRecord row = AuditQuery.read(rows);
                    if (row.seq() != frontier.size() + 1
                            || !row.prevMac().equals(lastMacs.getOrDefault(lane, AuditLog.GENESIS)) || !macHolds(row)) {
                        return;
                    }
                    frontier.append(MerkleTree.leafHash(MerkleTree.leaf(row)));
                    lastMacs.put(lane, row.mac());
                }
            }
        }
    }

    private boolean macHolds(AuditRecord row) {
        try {
            return row.keyId().startsWith("audit-mac-v")
                    && MessageDigest.isEqual(AuditLog.hexBytes(row.mac()), log.macOf(row));
        } catch (RuntimeException e) {
            return false; // a key the HSM lacks, a malformed MAC: not witnessed; the verifier names the row
        }
    }

    /** The tree of a lane's first {@code size} rows recomputed from the database (it stops early at a gap). */
    static MerkleTree.Frontier recompute(Connection connection, String lane, long size) throws SQLException {
        MerkleTree.Frontier frontier = new MerkleTree.Frontier();
        extend(connection, lane, frontier, size);
        return frontier;
    }

    private static void extend(Connection connection, String lane, MerkleTree.Frontier frontier, long upTo)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT * FROM audit_event WHERE node_id = ? AND seq > ? AND seq <= ? ORDER BY seq")) {
            select.setString(1, lane);
            select.setLong(2, frontier.size());
            select.setLong(3, upTo);
            select.setFetchSize(1000);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    AuditRecord row = AuditQuery.read(rows);
                    if (row.seq() != frontier.size() + 1) {
                        return;
                    }
                    frontier.append(MerkleTree.leafHash(MerkleTree.leaf(row)));
                }
            }
        }
    }
}
