-- E-invoices (UBL 2.1, EN 16931). The tenant's own seller details, which every exported document carries, and
-- for each imported invoice the business terms as imported; both sealed (AES-256-GCM in the HSM) in
-- sealed_fields like every sensitive value. Imported invoices are marked on the invoice row.
CREATE TABLE einvoice_seller (
    id                 UUID                     NOT NULL,
    tenant_id          UUID                     NOT NULL,
    row_version        BIGINT                   NOT NULL,
    sealed_fields      ${binary}                NOT NULL,
    sealed_key_version INTEGER                  NOT NULL,
    updated_by         UUID,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT einvoice_seller_pk PRIMARY KEY (id),
    CONSTRAINT einvoice_seller_tenant_uq UNIQUE (tenant_id)
);

CREATE TABLE einvoice_import (
    invoice_id         UUID                     NOT NULL,
    tenant_id          UUID                     NOT NULL,
    sealed_fields      ${binary}                NOT NULL,
    sealed_key_version INTEGER                  NOT NULL,
    imported_by        UUID,
    imported_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT einvoice_import_pk PRIMARY KEY (invoice_id),
    CONSTRAINT einvoice_import_invoice_fk FOREIGN KEY (invoice_id) REFERENCES invoice (id)
);
CREATE INDEX einvoice_import_tenant ON einvoice_import (tenant_id);

ALTER TABLE invoice ADD COLUMN imported BOOLEAN DEFAULT FALSE NOT NULL;
