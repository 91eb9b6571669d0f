-- Signed checkpoints of the audit trail (#19): one RFC 9162 Merkle tree per lane (audit_event.node_id), every lane
-- ever seen with its size and root, the previous checkpoint's hash, signed with an ECDSA key inside the HSM. The
-- same text is written to the witness directory outside the database: the witness, not this table, is the
-- authority on which lanes exist (a DBA can delete rows here; the verifier then reports a rollback).
CREATE TABLE audit_checkpoint (
    number     BIGINT                   NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    node_id    VARCHAR(64)              NOT NULL,
    text_hash  VARCHAR(64)              NOT NULL,
    text       VARCHAR(1000000)         NOT NULL,
    CONSTRAINT audit_checkpoint_pk PRIMARY KEY (number)
);

-- One row whose lock (SELECT ... FOR UPDATE) makes one node at a time the checkpointer, cluster-wide.
CREATE TABLE audit_checkpoint_turn (
    id INTEGER NOT NULL,
    CONSTRAINT audit_checkpoint_turn_pk PRIMARY KEY (id)
);
INSERT INTO audit_checkpoint_turn (id) VALUES (1);
