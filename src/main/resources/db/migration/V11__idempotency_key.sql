-- Idempotency keys of creating POSTs: a client that retries with the same key gets the first result, not a second
-- invoice. Scoped to tenant and caller; the request body is identified by its SHA-256 only.
CREATE TABLE idempotency_key (
    tenant_id    UUID                     NOT NULL,
    caller_id    UUID                     NOT NULL,
    idem_key     VARCHAR(100)             NOT NULL,
    request_hash VARCHAR(64)              NOT NULL,
    resource     VARCHAR(40)              NOT NULL,
    resource_id  UUID                     NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT idempotency_key_pk PRIMARY KEY (tenant_id, caller_id, idem_key)
);
