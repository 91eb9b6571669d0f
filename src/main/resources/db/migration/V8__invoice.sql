-- Invoices and credit notes. The note and every line description are sealed together in sealed_fields (one HSM
-- operation per invoice); amounts, dates, codes and status stay plain so that totals, lists and numbering need
-- no decryption. Money is NUMERIC with explicit scale.
CREATE TABLE invoice (
    id                 UUID                     NOT NULL,
    tenant_id          UUID                     NOT NULL,
    party_id           UUID                     NOT NULL,
    kind               VARCHAR(16)              NOT NULL,
    series             VARCHAR(16)              NOT NULL,
    number             VARCHAR(40),
    issue_date         DATE,
    due_date           DATE,
    currency           CHAR(3)                  NOT NULL,
    buyer_reference    VARCHAR(200),
    purchase_order_ref VARCHAR(200),
    payment_terms      VARCHAR(500),
    status             VARCHAR(16)              NOT NULL,
    row_version        BIGINT                   NOT NULL,
    sealed_fields      ${binary}                NOT NULL,
    sealed_key_version INTEGER                  NOT NULL,
    net_total          NUMERIC(19, 2)           NOT NULL,
    tax_total          NUMERIC(19, 2)           NOT NULL,
    prepaid            NUMERIC(19, 2)           NOT NULL,
    payable            NUMERIC(19, 2)           NOT NULL,
    created_by         UUID,
    last_edited_by     UUID,
    approved_by        UUID,
    rejection_reason   VARCHAR(500),
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT invoice_pk PRIMARY KEY (id),
    CONSTRAINT invoice_party_fk FOREIGN KEY (party_id) REFERENCES party (id),
    CONSTRAINT invoice_number_uq UNIQUE (tenant_id, series, number),
    CONSTRAINT invoice_kind_ck CHECK (kind IN ('INVOICE', 'CREDIT_NOTE'))
);
CREATE INDEX invoice_tenant_status ON invoice (tenant_id, status, created_at);
CREATE INDEX invoice_tenant_party ON invoice (tenant_id, party_id);

CREATE TABLE invoice_line (
    id           UUID           NOT NULL,
    invoice_id   UUID           NOT NULL,
    line_no      INTEGER        NOT NULL,
    quantity     NUMERIC(19, 4) NOT NULL,
    unit_code    VARCHAR(3)     NOT NULL,
    unit_price   NUMERIC(19, 4) NOT NULL,
    discount     NUMERIC(19, 2) NOT NULL,
    tax_category VARCHAR(2)     NOT NULL,
    tax_rate     NUMERIC(5, 2)  NOT NULL,
    net          NUMERIC(19, 2) NOT NULL,
    CONSTRAINT invoice_line_pk PRIMARY KEY (id),
    CONSTRAINT invoice_line_invoice_fk FOREIGN KEY (invoice_id) REFERENCES invoice (id) ON DELETE CASCADE,
    CONSTRAINT invoice_line_no_uq UNIQUE (invoice_id, line_no)
);

-- Gapless numbering: one counter per tenant, series and year, locked by the issuing transaction, so that a
-- rolled-back issue gives its number back.
CREATE TABLE numbering_counter (
    tenant_id   UUID        NOT NULL,
    series      VARCHAR(16) NOT NULL,
    fiscal_year INTEGER     NOT NULL,
    last_number BIGINT      NOT NULL,
    CONSTRAINT numbering_counter_pk PRIMARY KEY (tenant_id, series, fiscal_year)
);
