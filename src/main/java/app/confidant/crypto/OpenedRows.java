package app.confidant.crypto;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Which loaded rows had their sealed values opened in the current transaction, by entity type, in the order they
 * were opened: the audit trail takes them to record who read what in clear. Rows sealed in the transaction (new
 * values) are not listed; neither are openings outside a transaction (there is no caller's read to account for).
 * Rows still untaken when their transaction commits were read by a path that no read audit covers: each such commit
 * is logged (SEVERE, types and counts only), so that a missed path shows in the server log.
 */
@ApplicationScoped
public class OpenedRows {

    private static final Logger LOG = Logger.getLogger(OpenedRows.class.getName());

    private static final String KEY = OpenedRows.class.getName();

    @Resource
    TransactionSynchronizationRegistry transactions;

    void opened(SealingContext row) {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            return;
        }
        @SuppressWarnings("unchecked")
        Map<String, Set<UUID>> rows = (Map<String, Set<UUID>>) transactions.getResource(KEY);
        if (rows == null) {
            Map<String, Set<UUID>> created = new LinkedHashMap<>();
            rows = created;
            transactions.putResource(KEY, created);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    if (!created.isEmpty()) {
                        LOG.severe(() -> "Sealed values opened without a read audit (not recorded): " + counts(created));
                    }
                }

                @Override
                public void afterCompletion(int status) {
                    // nothing to release
                }
            });
        }
        rows.computeIfAbsent(row.entityType(), type -> new LinkedHashSet<>()).add(row.entityId());
    }

    private static String counts(Map<String, Set<UUID>> rows) {
        StringBuilder text = new StringBuilder();
        rows.forEach((type, ids) -> text.append(text.isEmpty() ? "" : ", ").append(type).append(" x").append(ids.size()));
        return text.toString();
    }

    /** The rows opened since the last call in this transaction (entity type to ids), and forgets them. */
    public Map<String, Set<UUID>> take() {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        Map<String, Set<UUID>> rows = (Map<String, Set<UUID>>) transactions.getResource(KEY);
        if (rows == null || rows.isEmpty()) {
            return Map.of();
        }
        Map<String, Set<UUID>> taken = new LinkedHashMap<>(rows);
        rows.clear();
        return taken;
    }
}
