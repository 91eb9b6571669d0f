package app.confidant.invoice;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** The last number issued in a tenant's series and year. */
@Entity
@Table(name = "numbering_counter")
@IdClass(NumberingCounter.Key.class)
public class NumberingCounter {

    /** (tenant, series, year). */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private UUID tenantId;
        private String series;
        private int year;

        public Key() {
        }

        Key(UUID tenantId, String series, int year) {
            this.tenantId = tenantId;
            this.series = series;
            this.year = year;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(tenantId, k.tenantId) && Objects.equals(series, k.series)
                    && year == k.year;
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, series, year);
        }
    }

    @Id
    @Column(name = "tenant_id")
    private UUID tenantId;

    @Id
    private String series;

    @Id
    @Column(name = "fiscal_year") // YEAR is a keyword in H2
    private int year;

    @Column(name = "last_number", nullable = false)
    private long lastNumber;

    protected NumberingCounter() {
        // for JPA
    }

    NumberingCounter(UUID tenantId, String series, int year) {
        this.tenantId = tenantId;
        this.series = series;
        this.year = year;
    }

    long next() {
        return ++lastNumber;
    }
}
