-- Benchmark only: FieldSealingBench adds this file to its own deployment as db/migration/V900__..., so the table
-- exists only in the benchmark's schema (confidant_bench), never in the production WAR or a real database.
-- The party table as it would be without sealing: the same columns, the sensitive fields as plain text, and tax id
-- and e-mail searchable by plain indexes where the sealed table has blind indexes. It is the baseline that sealed
-- parties are measured against.
CREATE TABLE bench_plain_party (
    id            UUID                     NOT NULL,
    tenant_id     UUID                     NOT NULL,
    row_version   BIGINT                   NOT NULL,
    city          VARCHAR(100),
    postcode      VARCHAR(20),
    country       CHAR(2)                  NOT NULL,
    legal_name    VARCHAR(200),
    trading_name  VARCHAR(200),
    tax_id        VARCHAR(40),
    address_lines VARCHAR(500),
    email         VARCHAR(320),
    phone         VARCHAR(40),
    iban          VARCHAR(40),
    notes         VARCHAR(2000),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT bench_plain_party_pk PRIMARY KEY (id)
);
CREATE INDEX bench_plain_party_tenant_tax_id ON bench_plain_party (tenant_id, tax_id);
CREATE INDEX bench_plain_party_tenant_email ON bench_plain_party (tenant_id, email);
