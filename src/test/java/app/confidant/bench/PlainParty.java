package app.confidant.bench;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * The baseline: a party with the same columns as {@link app.confidant.invoice.Party} but its sensitive fields in
 * plain VARCHAR columns and no entity listener, so the difference measured is the sealing and nothing else.
 */
@Entity
@Table(name = "bench_plain_party")
public class PlainParty {

    @Id
    private UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Version
    @Column(name = "row_version")
    private long rowVersion;

    private String city;
    private String postcode;

    @Column(nullable = false, length = 2)
    private String country;

    @Column(name = "legal_name")
    private String legalName;

    @Column(name = "trading_name")
    private String tradingName;

    @Column(name = "tax_id")
    private String taxId;

    @Column(name = "address_lines")
    private String addressLines;

    private String email;
    private String phone;
    private String iban;
    private String notes;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected PlainParty() {
        // for JPA
    }

    PlainParty(UUID tenantId, PartyValues values, Instant now) {
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.country = "DE";
        this.city = PartyValues.CITY;
        this.postcode = PartyValues.POSTCODE;
        this.legalName = values.legalName();
        this.tradingName = values.tradingName();
        this.taxId = values.taxId();
        this.addressLines = values.addressLines();
        this.email = values.email();
        this.phone = values.phone();
        this.iban = values.iban();
        this.notes = values.notes();
        this.createdAt = now;
        this.updatedAt = now;
    }

    UUID id() {
        return id;
    }

    PartyValues values() {
        return new PartyValues(legalName, tradingName, taxId, addressLines, email, phone, iban, notes);
    }
}
