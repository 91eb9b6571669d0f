package app.confidant.einvoice;

import app.confidant.crypto.SealedEntity;
import app.confidant.crypto.SealingContext;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** The tenant's own details as seller (names, VAT id, address, electronic address, IBAN), sealed as one value. */
@Entity
@Table(name = "einvoice_seller")
public class SellerProfile extends SealedEntity {

    private static final String DETAILS = "details";

    @Id
    private UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Version
    @Column(name = "row_version")
    private long rowVersion;

    @Column(name = "updated_by")
    private UUID updatedBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected SellerProfile() {
        // for JPA
    }

    SellerProfile(UUID tenantId) {
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
    }

    @Override
    protected SealingContext sealingContext() {
        return new SealingContext("einvoice-seller", id, tenantId);
    }

    SellerRequest details() {
        return Json.read(sensitive(DETAILS), SellerRequest.class);
    }

    void details(SellerRequest details, UUID by, Instant now) {
        sensitive(DETAILS, Json.write(details));
        updatedBy = by;
        updatedAt = now;
    }

    long rowVersion() {
        return rowVersion;
    }
}
