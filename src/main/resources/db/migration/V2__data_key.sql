-- Registry of per-tenant key versions held in the HSM. Labels and metadata only: key material never leaves the HSM.
CREATE TABLE data_key (
    tenant_id            UUID                     NOT NULL,
    purpose              VARCHAR(16)              NOT NULL,
    version              INTEGER                  NOT NULL,
    label                VARCHAR(120)             NOT NULL,
    state                VARCHAR(16)              NOT NULL,
    kcv                  VARCHAR(16)              NOT NULL,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    activated_at         TIMESTAMP WITH TIME ZONE,
    invocations_reserved BIGINT                   NOT NULL,
    CONSTRAINT data_key_pk PRIMARY KEY (tenant_id, purpose, version),
    CONSTRAINT data_key_label_uq UNIQUE (label),
    CONSTRAINT data_key_purpose_ck CHECK (purpose IN ('SEAL', 'BLIND_INDEX')),
    CONSTRAINT data_key_state_ck CHECK (state IN ('ACTIVE', 'DECRYPT_ONLY', 'RETIRED', 'DESTROYED'))
);
