-- Key ceremonies (dual control) and online re-encryption. A key version may exist in the HSM before it is used
-- (PRE_ACTIVATION, NIST SP 800-57); retired and destroyed versions keep their row, so the inventory shows them.
ALTER TABLE data_key DROP CONSTRAINT data_key_state_ck;
ALTER TABLE data_key ADD CONSTRAINT data_key_state_ck
    CHECK (state IN ('PRE_ACTIVATION', 'ACTIVE', 'DECRYPT_ONLY', 'RETIRED', 'DESTROYED'));
ALTER TABLE data_key ADD COLUMN retired_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE data_key ADD COLUMN destroyed_at TIMESTAMP WITH TIME ZONE;

-- One proposal of one custodian; a different custodian approves it (and it is then carried out) or it lapses.
CREATE TABLE key_ceremony (
    id               UUID                     NOT NULL,
    kind             VARCHAR(16)              NOT NULL,
    tenant_id        UUID                     NOT NULL,
    purpose          VARCHAR(16)              NOT NULL,
    key_version      INTEGER,
    reason           VARCHAR(500)             NOT NULL,
    state            VARCHAR(16)              NOT NULL,
    proposed_by      UUID                     NOT NULL,
    proposed_by_name VARCHAR(200)             NOT NULL,
    proposed_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_by       UUID,
    decided_by_name  VARCHAR(200),
    decided_at       TIMESTAMP WITH TIME ZONE,
    outcome          VARCHAR(500),
    row_version      BIGINT                   NOT NULL,
    CONSTRAINT key_ceremony_pk PRIMARY KEY (id),
    CONSTRAINT key_ceremony_kind_ck CHECK (kind IN ('GENERATE', 'ACTIVATE', 'RETIRE', 'DESTROY', 'SHRED')),
    CONSTRAINT key_ceremony_state_ck CHECK (state IN ('PROPOSED', 'DONE', 'CANCELLED', 'EXPIRED'))
);
CREATE INDEX key_ceremony_tenant ON key_ceremony (tenant_id, proposed_at);

-- A re-encryption job walks one tenant's sealed rows table by table, in id order. The cursor (table_index,
-- last_id) and the count commit in the same transaction as each batch, so a crash repeats at most the uncommitted
-- batch, and a row already on target_version is never selected again.
CREATE TABLE reencryption_job (
    id             UUID                     NOT NULL,
    tenant_id      UUID                     NOT NULL,
    purpose        VARCHAR(16)              NOT NULL,
    target_version INTEGER                  NOT NULL,
    state          VARCHAR(16)              NOT NULL,
    table_index    INTEGER                  NOT NULL,
    last_id        UUID,
    done           BIGINT                   NOT NULL,
    total          BIGINT                   NOT NULL,
    batch_size     INTEGER                  NOT NULL,
    pause_millis   INTEGER                  NOT NULL,
    owner          VARCHAR(64),
    lease_until    TIMESTAMP WITH TIME ZONE,
    started_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at    TIMESTAMP WITH TIME ZONE,
    ceremony_id    UUID,
    CONSTRAINT reencryption_job_pk PRIMARY KEY (id),
    CONSTRAINT reencryption_job_state_ck CHECK (state IN ('RUNNING', 'PAUSED', 'DONE'))
);
CREATE INDEX reencryption_job_tenant ON reencryption_job (tenant_id, state);
