-- Customers. Sensitive fields (names, tax id, address lines, e-mail, phone, IBAN, notes) exist only inside
-- sealed_fields (AES-256-GCM in the HSM); tax id and e-mail are searchable through HMAC blind indexes.
CREATE TABLE party (
    id                 UUID                     NOT NULL,
    tenant_id          UUID                     NOT NULL,
    row_version        BIGINT                   NOT NULL,
    city               VARCHAR(100),
    postcode           VARCHAR(20),
    country            CHAR(2)                  NOT NULL,
    sealed_fields      ${binary}                NOT NULL,
    sealed_key_version INTEGER                  NOT NULL,
    tax_id_index       ${binary},
    email_index        ${binary},
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT party_pk PRIMARY KEY (id)
);
CREATE INDEX party_tenant_tax_id ON party (tenant_id, tax_id_index);
CREATE INDEX party_tenant_email ON party (tenant_id, email_index);
CREATE INDEX party_tenant_key_version ON party (tenant_id, sealed_key_version);
