package app.confidant.bench;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The platform ceiling's row: inserted with JPA, nothing sealed, nothing audited (bench_row, V901). */
@Entity
@Table(name = "bench_row")
public class BenchRow {

    @Id
    private UUID id;

    @Column(name = "tenant_id", nullable = false)
    private UUID tenantId;

    @Column(nullable = false)
    private String payload;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected BenchRow() {
        // for JPA
    }

    BenchRow(UUID tenantId, String payload, Instant now) {
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.payload = payload;
        this.createdAt = now;
    }

    public UUID id() {
        return id;
    }
}
