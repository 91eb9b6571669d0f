package app.confidant.bench;

import app.confidant.crypto.FieldCipher;
import app.confidant.crypto.SealingContext;
import app.confidant.security.Caller;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The scale scenario's bulk path: invoices of the caller's tenant, each sealed by the real {@link FieldCipher} in
 * the HSM exactly as the entity listener seals them (note and line descriptions, bound to the row id), written with
 * batched JDBC inserts instead of one JPA persist each. One line per invoice; totals consistent with it.
 */
@ApplicationScoped
public class InvoiceSeeder {

    /** What to seed: {@code count} invoices spread over the parties and over {@code days} from {@code firstDay}. */
    public record Batch(int count, String status, List<UUID> parties, LocalDate firstDay, int days, long firstNumber,
                        UUID approvedBy) {
    }

    private static final int BATCH = 1000;
    private static final String INVOICE = "INSERT INTO invoice (id, tenant_id, party_id, kind, series, number,"
            + " issue_date, due_date, currency, status, row_version, sealed_fields, sealed_key_version, sealed_seq,"
            + " net_total,"
            + " tax_total, prepaid, payable, paid_total, created_by, last_edited_by, approved_by, created_at,"
            + " updated_at) VALUES (?, ?, ?, 'INVOICE', 'INV', ?, ?, ?, 'EUR', ?, 1, ?, ?, 1, 100.00, 19.00, 0, 119.00,"
            + " 0, ?, ?, ?, ?, ?)";
    private static final String LINE = "INSERT INTO invoice_line (id, invoice_id, line_no, quantity, unit_code,"
            + " unit_price, discount, tax_category, tax_rate, net) VALUES (?, ?, 1, 2, 'C62', 50, 0, 'S', 19, 100.00)";

    @Inject
    FieldCipher cipher;

    @Resource(lookup = "jdbc/confidant")
    DataSource dataSource;

    int seed(Caller caller, Batch batch) throws SQLException {
        boolean numbered = !"APPROVED".equals(batch.status()) && !"DRAFT".equals(batch.status());
        try (Connection connection = dataSource.getConnection();
             PreparedStatement invoices = connection.prepareStatement(INVOICE);
             PreparedStatement lines = connection.prepareStatement(LINE)) {
            for (int i = 0; i < batch.count(); i++) {
                UUID id = UUID.randomUUID();
                LocalDate day = batch.firstDay().plusDays(i % Math.max(1, batch.days()));
                Timestamp created = Timestamp.from(day.atStartOfDay(ZoneOffset.UTC).toInstant().plusMillis(i));
                long n = batch.firstNumber() + i;
                byte[] sealed = cipher.seal(new SealingContext("invoice", id, caller.tenantId(), 1),
                        Map.of("note", "Seeded invoice " + n, "line.1.description", "Consulting, item " + n));
                invoices.setObject(1, id);
                invoices.setObject(2, caller.tenantId());
                invoices.setObject(3, batch.parties().get(i % batch.parties().size()));
                invoices.setString(4, numbered ? "INV-%d-%07d".formatted(day.getYear(), n) : null);
                invoices.setObject(5, numbered ? day : null);
                invoices.setObject(6, numbered ? day.plusDays(30) : null);
                invoices.setString(7, batch.status());
                invoices.setBytes(8, sealed);
                invoices.setInt(9, cipher.keyVersionOf(sealed));
                invoices.setObject(10, caller.userId());
                invoices.setObject(11, caller.userId());
                invoices.setObject(12, batch.approvedBy());
                invoices.setTimestamp(13, created);
                invoices.setTimestamp(14, created);
                invoices.addBatch();
                lines.setObject(1, UUID.randomUUID());
                lines.setObject(2, id);
                lines.addBatch();
                if ((i + 1) % BATCH == 0 || i + 1 == batch.count()) {
                    invoices.executeBatch();
                    lines.executeBatch(); // in autocommit: the pooled connection refused explicit commits
                }
            }
        }
        return batch.count();
    }
}
