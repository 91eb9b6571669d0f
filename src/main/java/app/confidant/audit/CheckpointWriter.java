package app.confidant.audit;

import app.confidant.crypto.HsmSigner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes the next signed checkpoint, one node at a time cluster-wide (the lock of the one audit_checkpoint_turn
 * row). The previous checkpoint is the newer of the database's and the witness's, and its lanes stay in the next
 * one: a lane whose rows were deleted keeps its witnessed size and root (the verifier reports it), so a lane is
 * never silently gone. Nothing new since the previous checkpoint: no checkpoint.
 */
@ApplicationScoped
public class CheckpointWriter {

    private static final Logger LOG = Logger.getLogger(CheckpointWriter.class.getName());
    public static final String KEY_LABEL = "audit-checkpoint-v1";

    @PersistenceContext(unitName = "confidant")
    EntityManager em;

    private final java.util.Set<String> reported = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @Inject
    LaneTrees trees;

    @Inject
    Witness witness;

    @Inject
    HsmSigner signer;

    @Inject
    AuditLog log;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "confidant.audit.checkpoint.origin", defaultValue = "confidant/audit")
    String origin;

    /** The new checkpoint, committed to the database (the caller then witnesses it), or empty. */
    @Transactional(TxType.REQUIRES_NEW)
    public Optional<Checkpoint.Signed> next() {
        try {
            Connection connection = em.unwrap(Connection.class);
            try (PreparedStatement turn = connection.prepareStatement(
                    "SELECT id FROM audit_checkpoint_turn WHERE id = 1 FOR UPDATE");
                 ResultSet locked = turn.executeQuery()) {
                locked.next();
            }
            Optional<Checkpoint.Signed> stored = newestStored(connection);
            Optional<Checkpoint.Signed> witnessed = witness.newest().map(Witness.Entry::signed);
            long storedNumber = stored.map(s -> s.checkpoint().number()).orElse(0L);
            if (witnessed.isPresent() && witnessed.get().checkpoint().number() > storedNumber) {
                severeOnce("Audit checkpoints stopped: the witness holds checkpoint "
                        + witnessed.get().checkpoint().number() + ", the database only " + storedNumber
                        + " (rolled back to an older backup?); POST /api/v1/audit/verify reports it");
                return Optional.empty();
            }
            // The witness is the authority on the previous checkpoint when it holds the same number (a row in
            // audit_checkpoint can be edited; a witnessed file cannot be, unnoticed).
            Optional<Checkpoint.Signed> previous = witnessed.isPresent()
                    && witnessed.get().checkpoint().number() == storedNumber ? witnessed : stored;
            signer.certificate(KEY_LABEL); // generated on the first turn: one node, under the lock, makes the pair
            SortedMap<String, Checkpoint.Lane> before = previous.map(p -> p.checkpoint().lanes()).orElse(new TreeMap<>());
            SortedMap<String, Checkpoint.Lane> lanes = new TreeMap<>();
            for (Map.Entry<String, MerkleTree.Frontier> tree : trees.advance(connection, before.keySet()).entrySet()) {
                Checkpoint.Lane earlier = before.get(tree.getKey());
                if (earlier != null && tree.getValue().size() < earlier.size()) {
                    severeOnce("Audit lane " + tree.getKey() + " has fewer rows than its last checkpoint ("
                            + tree.getValue().size() + " < " + earlier.size() + "): its checkpointed tree is kept");
                    lanes.put(tree.getKey(), earlier);
                } else if (tree.getValue().size() > 0 || earlier != null) {
                    lanes.put(tree.getKey(), new Checkpoint.Lane(tree.getValue().size(), tree.getValue().root()));
                }
            }
            if (lanes.equals(before)) {
                return Optional.empty();
            }
            Checkpoint checkpoint = new Checkpoint(origin, storedNumber + 1,
                    clock.instant().truncatedTo(ChronoUnit.MILLIS),
                    previous.map(Checkpoint.Signed::hash).orElse(Checkpoint.NO_PREVIOUS), lanes);
            Checkpoint.Signed signed = new Checkpoint.Signed(checkpoint, KEY_LABEL,
                    signer.sign(KEY_LABEL, checkpoint.bodyBytes()));
            insert(connection, signed);
            return Optional.of(signed);
        } catch (SQLException | IOException e) {
            throw new AuditUnavailableException("cannot make an audit checkpoint: " + e.getMessage(), e);
        }
    }

    /** The same finding is logged once, not at every interval. */
    private void severeOnce(String finding) {
        if (reported.add(finding)) {
            LOG.severe(finding);
        }
    }

    static Optional<Checkpoint.Signed> newestStored(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT text FROM audit_checkpoint ORDER BY number DESC FETCH FIRST 1 ROWS ONLY");
             ResultSet row = select.executeQuery()) {
            return row.next() ? Optional.of(Checkpoint.parse(row.getString(1))) : Optional.empty();
        }
    }

    private void insert(Connection connection, Checkpoint.Signed signed) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO audit_checkpoint (number, created_at, node_id, text_hash, text) VALUES (?, ?, ?, ?, ?)")) {
            insert.setLong(1, signed.checkpoint().number());
            insert.setTimestamp(2, Timestamp.from(signed.checkpoint().time()));
            insert.setString(3, log.nodeId());
            insert.setString(4, signed.hash());
            insert.setString(5, signed.text());
            insert.executeUpdate();
        }
    }
}
