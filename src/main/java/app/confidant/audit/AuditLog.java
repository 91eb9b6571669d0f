package app.confidant.audit;

import app.confidant.crypto.HsmMac;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Appends events to this node's MAC chains. A chain's head row is locked for the append until the transaction ends,
 * so the events of a chain get gap-free sequence numbers; nodes never share a head, so two instances never wait on
 * each other.
 *
 * <p>A node writes to several chains, its <em>lanes</em> ({@code confidant.audit.lanes}, default 4), so that
 * business transactions of one node do not all queue for one head row until they commit: lane 0 is named after
 * the node and takes the events recorded on their own (refusals and failures, checkpoints); the others take the
 * events of business transactions, each transaction choosing one lane at random for all its events. A transaction
 * therefore never holds two heads, and a refusal recorded while its failed business transaction is suspended on
 * the same thread never waits for a head that transaction holds. Each lane is an ordinary chain: sequence, MACs,
 * head, verified like any other.
 */
@ApplicationScoped
@PermitAll // every audited action of every caller (and of the system) appends here; nothing here reads
public class AuditLog {

    private static final Logger LOG = Logger.getLogger(AuditLog.class.getName());
    /** The first audit MAC key; a key ceremony may start a new chain segment under a newer one. */
    static final String KEY_ID = "audit-mac-v1";
    static final String GENESIS = "0".repeat(64);
    /** Key of the transaction's chosen lane in the transaction synchronization registry. */
    private static final String LANE = AuditLog.class.getName() + ".lane";

    @PersistenceContext(unitName = "confidant")
    EntityManager em;

    @Inject
    HsmMac mac;

    @Inject
    AuditChains chains;

    @Inject
    Clock clock;

    @Inject
    Instance<HttpServletRequest> requests;

    @Inject
    Instance<Reasons> reasons;

    @Inject
    @ConfigProperty(name = "confidant.node-id")
    Optional<String> configuredNode;

    @Inject
    @ConfigProperty(name = "confidant.audit.lanes", defaultValue = "4")
    int lanes;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    AuditMetrics metrics;

    /** Appends in the caller's transaction: the event commits, or rolls back, with the change it describes. */
    @Transactional(TxType.MANDATORY)
    public void append(AuditEntry entry) {
        appendTo(laneOfTransaction(), entry, "EVENT");
    }

    /** For refusals and failures whose business transaction rolls back: recorded on their own, in lane 0. */
    @Transactional(TxType.REQUIRES_NEW)
    public void appendIndependently(AuditEntry entry) {
        appendTo(nodeId(), entry, "EVENT");
    }

    /** A checkpoint row in each lane of this node: records the head (sequence, MAC) in the chain itself. */
    @Transactional(TxType.REQUIRES_NEW)
    public void checkpoint(Actor actor) {
        for (int lane = 0; lane < Math.max(1, lanes); lane++) {
            String chain = lane(lane);
            appendTo(chain, new AuditEntry(actor, "audit.checkpoint", "audit-chain", chain, AuditEntry.SUCCESS,
                    null, null), "CHECKPOINT");
        }
    }

    /** The chain of a lane of this node: lane 0 is the node id itself, lane k the node id and "#k". */
    String lane(int lane) {
        return lane == 0 ? nodeId() : nodeId() + "#" + lane;
    }

    /** The business lane of the current transaction, chosen once at its first event (lane 0 with a single lane). */
    private String laneOfTransaction() {
        if (lanes <= 1) {
            return nodeId();
        }
        Object chosen = transactions.getResource(LANE);
        if (chosen instanceof String chain) {
            return chain;
        }
        String chain = lane(1 + ThreadLocalRandom.current().nextInt(lanes - 1));
        transactions.putResource(LANE, chain);
        return chain;
    }

    /** Appends to a named node's chain; tests use it to act as a second node. */
    @Transactional(TxType.REQUIRED)
    public void appendAs(String node, AuditEntry entry) {
        appendTo(node, entry, "EVENT");
    }

    /**
     * Starts a new segment of every node's chain under a new audit MAC key (already generated in the HSM). The
     * segment's first row names the key in its key_id and details and is MAC'd with it over the previous row's MAC,
     * so the chain stays one unbroken chain; every later row and the head use the new key. Old keys stay in the HSM
     * to verify the older segments.
     */
    @Transactional(TxType.MANDATORY)
    public void startSegment(String newKeyId, Actor actor) {
        java.util.Set<String> nodes = new java.util.TreeSet<>(List.of(nodeId()));
        try (PreparedStatement select = em.unwrap(Connection.class).prepareStatement("SELECT node_id FROM audit_chain");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                nodes.add(rows.getString(1));
            }
        } catch (SQLException e) {
            throw new AuditUnavailableException("cannot read the audit chains", e);
        }
        for (String node : nodes) {
            appendTo(node, new AuditEntry(actor, "audit.key-rotated", "audit-chain", node, AuditEntry.SUCCESS, null,
                    "{\"keyId\":\"" + newKeyId + "\"}"), "CHECKPOINT", newKeyId);
        }
    }

    public String nodeId() {
        return configuredNode.filter(s -> !s.isBlank()).orElseGet(AuditLog::hostName);
    }

    private void appendTo(String node, AuditEntry entry, String kind) {
        appendTo(node, entry, kind, null);
    }

    private void appendTo(String node, AuditEntry entry, String kind, String newKeyId) {
        try {
            // The very connection of the transaction's JPA work (a second one from the pool may not be enlisted in
            // the transaction, seen under load): the event commits or rolls back with the change it describes.
            Connection connection = em.unwrap(Connection.class);
            if (connection.getAutoCommit()) {
                // The head's row lock would end with the statement: two events could take one sequence number.
                throw new SQLException("the audit connection is not part of a transaction");
            }
            String[] head = lockHead(connection, node);
            long seq = Long.parseLong(head[0]) + 1;
            String prev = head[1];
            String keyId = newKeyId != null ? newKeyId : head[2];
            Actor actor = entry.actor();
            // Microseconds: what both databases store, so the MAC recomputed from a stored row matches.
            AuditRecord record = new AuditRecord(UUID.randomUUID(), node, seq, kind,
                    clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS), actor.name(),
                    actor.id(), actor.tenantId(), actor.roles(), entry.action(), entry.targetType(), entry.targetId(),
                    entry.outcome(), clientIp(), requestId(), reasonOf(entry), entry.details(), keyId, prev, null);
            String computed = hex(mac.hmac(keyId, hexBytes(prev), record.canonical()));
            insert(connection, record.withChain(seq, prev, computed));
            updateHead(connection, node, seq, computed, keyId);
            metrics.appended(entry, "CHECKPOINT".equals(kind));
        } catch (SQLException | RuntimeException e) {
            metrics.failed();
            LOG.severe(() -> "Audit event " + entry.action() + " could not be recorded: " + e.getClass().getSimpleName()
                    + " " + e.getMessage());
            throw new AuditUnavailableException("the audit trail cannot record events", e);
        }
    }

    private String[] lockHead(Connection connection, String node) throws SQLException {
        for (int attempt = 0; attempt < 2; attempt++) {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT last_seq, last_mac, key_id FROM audit_chain WHERE node_id = ? FOR UPDATE")) {
                select.setString(1, node);
                try (ResultSet row = select.executeQuery()) {
                    if (row.next()) {
                        return new String[] {Long.toString(row.getLong(1)), row.getString(2), row.getString(3)};
                    }
                }
            }
            try {
                String keyId = chains.newestKey().orElse(KEY_ID);
                chains.create(node, GENESIS, headMac(node, 0, GENESIS, keyId), keyId);
            } catch (RuntimeException createdConcurrently) {
                // another event of this node created the head first; lock it on the next attempt
            }
        }
        throw new SQLException("cannot create the chain head of node " + node);
    }

    private void insert(Connection connection, AuditRecord r) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_event (id, node_id, seq, kind,"
                + " occurred_at, actor, actor_id, tenant_id, roles, action, target_type, target_id, outcome, client_ip,"
                + " request_id, reason, details, key_id, prev_mac, mac)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setObject(1, r.id());
            insert.setString(2, r.nodeId());
            insert.setLong(3, r.seq());
            insert.setString(4, r.kind());
            insert.setTimestamp(5, Timestamp.from(r.occurredAt()));
            insert.setString(6, r.actor());
            insert.setObject(7, r.actorId());
            insert.setObject(8, r.tenantId());
            insert.setString(9, r.roles());
            insert.setString(10, r.action());
            insert.setString(11, r.targetType());
            insert.setString(12, r.targetId());
            insert.setString(13, r.outcome());
            insert.setString(14, r.clientIp());
            insert.setString(15, r.requestId());
            insert.setString(16, r.reason());
            insert.setString(17, r.details());
            insert.setString(18, r.keyId());
            insert.setString(19, r.prevMac());
            insert.setString(20, r.mac());
            insert.executeUpdate();
        }
    }

    private void updateHead(Connection connection, String node, long seq, String lastMac, String keyId)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE audit_chain SET last_seq = ?, last_mac = ?, head_mac = ?, key_id = ? WHERE node_id = ?")) {
            update.setLong(1, seq);
            update.setString(2, lastMac);
            update.setString(3, headMac(node, seq, lastMac, keyId));
            update.setString(4, keyId);
            update.setString(5, node);
            update.executeUpdate();
        }
    }

    String headMac(String node, long seq, String lastMac, String keyId) {
        return hex(mac.hmac(keyId, ("head|" + node + "|" + seq + "|" + lastMac).getBytes(StandardCharsets.UTF_8)));
    }

    /** A row's MAC under the key the row names: each segment of the chain is checked with its own key. */
    byte[] macOf(AuditRecord record) {
        return mac.hmac(record.keyId(), hexBytes(record.prevMac()), record.canonical());
    }

    private String reasonOf(AuditEntry entry) {
        if (entry.reason() != null) {
            return entry.reason();
        }
        Optional<HttpServletRequest> request = request();
        if (request.isEmpty()) {
            return null;
        }
        String given = reasons.isResolvable() ? reasons.get().current() : null;
        return given != null ? bounded(given) : Optional.ofNullable(request.get().getHeader("X-Reason"))
                .map(AuditLog::bounded).orElse(null);
    }

    private String clientIp() {
        return request().map(HttpServletRequest::getRemoteAddr).orElse(null);
    }

    private String requestId() {
        return request().map(r -> {
            Object id = r.getAttribute(RequestIds.ATTRIBUTE);
            return id == null ? null : id.toString();
        }).orElse(null);
    }

    private Optional<HttpServletRequest> request() {
        try {
            HttpServletRequest request = requests.get();
            request.getMethod(); // fails outside an active request
            return Optional.of(request);
        } catch (ContextNotActiveException | IllegalStateException | NullPointerException e) {
            return Optional.empty();
        }
    }

    private static String bounded(String value) {
        return value.length() > 500 ? value.substring(0, 500) : value;
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    static byte[] hexBytes(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "node";
        }
    }
}
