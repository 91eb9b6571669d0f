-- Payments against issued invoices, and credit notes that reference the invoice they correct.
ALTER TABLE invoice ADD COLUMN paid_total NUMERIC(19, 2) DEFAULT 0 NOT NULL;
ALTER TABLE invoice ADD COLUMN preceding_invoice_id UUID;
ALTER TABLE invoice ADD CONSTRAINT invoice_preceding_fk FOREIGN KEY (preceding_invoice_id) REFERENCES invoice (id);

CREATE TABLE payment (
    id         UUID                     NOT NULL,
    tenant_id  UUID                     NOT NULL,
    invoice_id UUID                     NOT NULL,
    amount     NUMERIC(19, 2)           NOT NULL,
    paid_on    DATE                     NOT NULL,
    method     VARCHAR(20)              NOT NULL,
    reference  VARCHAR(140),
    created_by UUID,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT payment_pk PRIMARY KEY (id),
    CONSTRAINT payment_invoice_fk FOREIGN KEY (invoice_id) REFERENCES invoice (id),
    CONSTRAINT payment_amount_ck CHECK (amount > 0)
);
CREATE INDEX payment_invoice ON payment (invoice_id);
