package app.confidant.invoice;

import app.confidant.crypto.Normalizer;
import app.confidant.crypto.SealedEntity;
import app.confidant.crypto.SealingContext;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A customer of a tenant. Names, tax id, address lines, city, postcode, e-mail, phone, IBAN and notes are sealed in
 * the HSM; the country stays plain (it decides tax treatment and is no personal data on its own).
 */
@Entity
@Table(name = "party")
public class Party extends SealedEntity {

    static final String LEGAL_NAME = "legalName";
    static final String TRADING_NAME = "tradingName";
    static final String TAX_ID = "taxId";
    static final String ADDRESS_LINES = "addressLines";
    static final String EMAIL = "email";
    static final String PHONE = "phone";
    static final String IBAN = "iban";
    static final String NOTES = "notes";
    static final String CITY = "city";
    static final String POSTCODE = "postcode";

    @Id
    private UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Version
    @Column(name = "row_version")
    private long rowVersion;

    /** Plain only in rows written before city and postcode were sealed; emptied when the row is sealed again. */
    @Column(name = "city")
    private String legacyCity;

    @Column(name = "postcode")
    private String legacyPostcode;

    @Column(nullable = false, length = 2)
    private String country;

    @Column(name = "tax_id_index")
    private byte[] taxIdIndex;

    @Column(name = "email_index")
    private byte[] emailIndex;

    /** The version of the tenant's blind-index key that computed both indexes. */
    @Column(name = "index_key_version", nullable = false)
    private int indexKeyVersion = 1;

    @Column(name = "iban_mask")
    private String ibanMask;

    @Column(name = "email_mask")
    private String emailMask;

    @Column(name = "created_by", updatable = false)
    private UUID createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Party() {
        // for JPA
    }

    public Party(UUID tenantId, String country, Instant now) {
        this(tenantId, country, null, now);
    }

    public Party(UUID tenantId, String country, UUID createdBy, Instant now) {
        this.id = UUID.randomUUID();
        this.tenantId = Objects.requireNonNull(tenantId);
        this.country = Objects.requireNonNull(country);
        this.createdBy = createdBy;
        this.createdAt = now;
        this.updatedAt = now;
        // every sealed field present from the first seal, so a former plain column is never read for a new row
        city(null);
        postcode(null);
    }

    @Override
    protected SealingContext sealingContext() {
        return new SealingContext("party", id, tenantId);
    }

    @Override
    protected Map<String, Normalizer> blindIndexedFields() {
        return Map.of(TAX_ID, Normalizer.TAX_ID, EMAIL, Normalizer.EMAIL);
    }

    @Override
    protected void blindIndexComputed(String field, byte[] index) {
        switch (field) {
            case TAX_ID -> taxIdIndex = index;
            case EMAIL -> emailIndex = index;
            default -> super.blindIndexComputed(field, index);
        }
    }

    @Override
    protected void blindIndexKeyVersion(int version) {
        indexKeyVersion = version;
    }

    public int indexKeyVersion() {
        return indexKeyVersion;
    }

    public UUID id() {
        return id;
    }

    public UUID tenantId() {
        return tenantId;
    }

    public long rowVersion() {
        return rowVersion;
    }

    public String legalName() {
        return sensitive(LEGAL_NAME);
    }

    public void legalName(String value) {
        sensitive(LEGAL_NAME, value);
    }

    public String tradingName() {
        return sensitive(TRADING_NAME);
    }

    public void tradingName(String value) {
        sensitive(TRADING_NAME, value);
    }

    public String taxId() {
        return sensitive(TAX_ID);
    }

    public void taxId(String value) {
        sensitive(TAX_ID, value);
    }

    public String addressLines() {
        return sensitive(ADDRESS_LINES);
    }

    public void addressLines(String value) {
        sensitive(ADDRESS_LINES, value);
    }

    public String email() {
        return sensitive(EMAIL);
    }

    public void email(String value) {
        sensitive(EMAIL, value);
        emailMask = Masks.email(value);
    }

    public String phone() {
        return sensitive(PHONE);
    }

    public void phone(String value) {
        sensitive(PHONE, value);
    }

    public String iban() {
        return sensitive(IBAN);
    }

    public void iban(String value) {
        sensitive(IBAN, value);
        ibanMask = Masks.iban(value);
    }

    /** The IBAN as masked roles see it, without decrypting anything. */
    public String ibanMask() {
        return ibanMask;
    }

    public String emailMask() {
        return emailMask;
    }

    public UUID createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public String notes() {
        return sensitive(NOTES);
    }

    public void notes(String value) {
        sensitive(NOTES, value);
    }

    public String city() {
        return holdsSensitive(CITY) ? sensitive(CITY) : legacyCity;
    }

    public void city(String value) {
        sensitive(CITY, value);
        legacyCity = null;
    }

    public String postcode() {
        return holdsSensitive(POSTCODE) ? sensitive(POSTCODE) : legacyPostcode;
    }

    public void postcode(String value) {
        sensitive(POSTCODE, value);
        legacyPostcode = null;
    }

    /** Whether a value is still in a former plain column: {@link LegacyPlainFields} seals it. */
    boolean hasLegacyPlainValues() {
        return legacyCity != null || legacyPostcode != null;
    }

    /** Moves the former plain columns into the sealed values (the row is sealed again on commit). */
    void sealLegacyPlainValues() {
        String city = city();
        String postcode = postcode();
        city(city);
        postcode(postcode);
    }

    public String country() {
        return country;
    }

    public void country(String value) {
        country = Objects.requireNonNull(value);
    }

    public void touched(Instant now) {
        updatedAt = now;
    }
}
