package app.confidant.audit;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;

/** Reading the trail: filtered, bounded pages for people, the whole chain in order for export. */
@ApplicationScoped
@RolesAllowed({"AUDITOR", "SECURITY_ADMIN"}) // the audit API and the security report's audit control
public class AuditQuery {

    /** Filters of a search; null means any ({@code tenant} null: every tenant's events, for platform readers). */
    public record Filter(UUID tenant, String actor, String action, String targetType, String targetId, Instant from,
            Instant to) {
    }

    @Resource(lookup = "jdbc/confidant")
    DataSource dataSource;

    public List<AuditRecord> search(Filter filter, int offset, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM audit_event WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        condition(sql, args, "tenant_id = ?", filter.tenant());
        condition(sql, args, "actor = ?", filter.actor());
        condition(sql, args, "action = ?", filter.action());
        condition(sql, args, "target_type = ?", filter.targetType());
        if (filter.targetId() != null) {
            // a read of many rows names them in its details: it is found by any of them
            sql.append(" AND (target_id = ? OR (action = '" + ReadAudit.ACTION + "' AND details LIKE ? ESCAPE '!'))");
            args.add(filter.targetId());
            args.add("%\"" + filter.targetId().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "\"%");
        }
        condition(sql, args, "occurred_at >= ?", filter.from() == null ? null : Timestamp.from(filter.from()));
        condition(sql, args, "occurred_at < ?", filter.to() == null ? null : Timestamp.from(filter.to()));
        sql.append(" ORDER BY occurred_at, node_id, seq OFFSET ? ROWS FETCH NEXT ? ROWS ONLY");
        args.add(offset);
        args.add(limit);
        List<AuditRecord> found = new ArrayList<>();
        query(sql.toString(), args, found::add);
        return found;
    }

    /**
     * Every row of every chain, in chain order, with the chain fields, for an external re-verifier (SIEM); with a
     * {@code tenant}, only that tenant's rows (a tenant's extract: its rows carry their MACs, but the chains
     * interleave every tenant, so only the whole trail re-verifies end to end).
     */
    public void export(UUID tenant, Consumer<AuditRecord> sink) {
        if (tenant == null) {
            query("SELECT * FROM audit_event ORDER BY node_id, seq", List.of(), sink);
        } else {
            query("SELECT * FROM audit_event WHERE tenant_id = ? ORDER BY node_id, seq", List.of(tenant), sink);
        }
    }

    private void query(String sql, List<Object> args, Consumer<AuditRecord> sink) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) {
                select.setObject(i + 1, args.get(i));
            }
            select.setFetchSize(1000);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    sink.accept(read(rows));
                }
            }
        } catch (SQLException e) {
            throw new AuditUnavailableException("cannot read the audit trail", e);
        }
    }

    private static void condition(StringBuilder sql, List<Object> args, String clause, Object value) {
        if (value != null) {
            sql.append(" AND ").append(clause);
            args.add(value);
        }
    }

    static AuditRecord read(ResultSet r) throws SQLException {
        return new AuditRecord(r.getObject("id", UUID.class), r.getString("node_id"), r.getLong("seq"),
                r.getString("kind"), r.getTimestamp("occurred_at").toInstant(), r.getString("actor"),
                r.getObject("actor_id", UUID.class), r.getObject("tenant_id", UUID.class), r.getString("roles"),
                r.getString("action"), r.getString("target_type"), r.getString("target_id"), r.getString("outcome"),
                r.getString("client_ip"), r.getString("request_id"), r.getString("reason"), r.getString("details"),
                r.getString("key_id"), r.getString("prev_mac"), r.getString("mac"));
    }
}
