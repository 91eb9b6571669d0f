-- Tamper-evident audit trail: one MAC chain per node. Every row carries
-- mac = HMAC-SHA256(audit key in the HSM, prev_mac || canonical(row)); audit_chain holds each node's head, itself
-- MAC'd, so that a truncated tail is detected. The application role may only INSERT and SELECT audit_event
-- (SchemaMigrations takes UPDATE, DELETE and TRUNCATE back on PostgreSQL). No sensitive value is ever stored here.
CREATE TABLE audit_event (
    id          UUID                     NOT NULL,
    node_id     VARCHAR(64)              NOT NULL,
    seq         BIGINT                   NOT NULL,
    kind        VARCHAR(16)              NOT NULL,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    actor       VARCHAR(200)             NOT NULL,
    actor_id    UUID,
    tenant_id   UUID,
    roles       VARCHAR(400),
    action      VARCHAR(80)              NOT NULL,
    target_type VARCHAR(40),
    target_id   VARCHAR(80),
    outcome     VARCHAR(16)              NOT NULL,
    client_ip   VARCHAR(64),
    request_id  VARCHAR(64),
    reason      VARCHAR(500),
    details     VARCHAR(4000),
    key_id      VARCHAR(64)              NOT NULL,
    prev_mac    VARCHAR(64)              NOT NULL,
    mac         VARCHAR(64)              NOT NULL,
    CONSTRAINT audit_event_pk PRIMARY KEY (id),
    CONSTRAINT audit_event_node_seq_uq UNIQUE (node_id, seq),
    CONSTRAINT audit_event_kind_ck CHECK (kind IN ('EVENT', 'CHECKPOINT')),
    CONSTRAINT audit_event_outcome_ck CHECK (outcome IN ('SUCCESS', 'FAILURE', 'DENIED'))
);
CREATE INDEX audit_event_time ON audit_event (occurred_at);
CREATE INDEX audit_event_actor ON audit_event (actor, occurred_at);
CREATE INDEX audit_event_target ON audit_event (target_type, target_id);

CREATE TABLE audit_chain (
    node_id  VARCHAR(64) NOT NULL,
    last_seq BIGINT      NOT NULL,
    last_mac VARCHAR(64) NOT NULL,
    head_mac VARCHAR(64) NOT NULL,
    key_id   VARCHAR(64) NOT NULL,
    CONSTRAINT audit_chain_pk PRIMARY KEY (node_id)
);
