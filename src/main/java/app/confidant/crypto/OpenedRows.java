package app.confidant.crypto;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Which loaded rows had their sealed values opened in the current transaction, by entity type, in the order they
 * were opened: the audit trail takes them to record who read what in clear. Rows sealed in the transaction (new
 * values) are not listed; neither are openings outside a transaction (there is no caller's read to account for).
 */
@ApplicationScoped
public class OpenedRows {

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
            rows = new LinkedHashMap<>();
            transactions.putResource(KEY, rows);
        }
        rows.computeIfAbsent(row.entityType(), type -> new LinkedHashSet<>()).add(row.entityId());
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
