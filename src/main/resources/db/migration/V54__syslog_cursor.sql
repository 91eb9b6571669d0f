-- Forwarding audit events to a SIEM over syslog/TLS (RFC 5424/5425) through an outbox that copies nothing: per
-- chain, the sequence number of the last event the receiver accepted. A forwarder locks a chain's row (FOR UPDATE
-- SKIP LOCKED) while it sends that chain's next events and moves last_seq on only after the send succeeded, so
-- two instances never send one chain at the same time and a crash in between re-sends (at least once; the SIEM
-- drops duplicates by event id). Lag = audit_chain.last_seq - syslog_cursor.last_seq.
CREATE TABLE syslog_cursor (
    node_id      VARCHAR(64)              NOT NULL,
    last_seq     BIGINT                   NOT NULL,
    forwarded_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT syslog_cursor_pk PRIMARY KEY (node_id),
    CONSTRAINT syslog_cursor_seq_ck CHECK (last_seq >= 0)
);
