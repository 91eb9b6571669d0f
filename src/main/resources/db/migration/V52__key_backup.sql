-- Token backups as part of key ceremonies (issue #18). A backup is recorded only after the server has checked the
-- archive's SHA-256 and a verifier has restored it into a scratch token and reported each key's check value (KCV);
-- one row per key the restored copy holds, with the KCV it reported and whether that equals the live key's KCV
-- (and, for registered keys, the KCV registered at generation). Only a matching row counts as a verified backup
-- of that key. Rows are never updated: a later backup is a new row.
CREATE TABLE key_backup (
    id               UUID                     NOT NULL,
    recorded_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by      UUID                     NOT NULL,
    recorded_by_name VARCHAR(200)             NOT NULL,
    archive          VARCHAR(255)             NOT NULL,
    sha256           CHAR(64)                 NOT NULL,
    reason           VARCHAR(500)             NOT NULL,
    outcome          VARCHAR(16)              NOT NULL,
    CONSTRAINT key_backup_pk PRIMARY KEY (id),
    CONSTRAINT key_backup_outcome_ck CHECK (outcome IN ('VERIFIED', 'PARTIAL'))
);
CREATE INDEX key_backup_recorded ON key_backup (recorded_at);

CREATE TABLE key_backup_key (
    backup_id UUID         NOT NULL,
    label     VARCHAR(200) NOT NULL,
    kcv       VARCHAR(6)   NOT NULL,
    live_kcv  VARCHAR(6),
    matches   BOOLEAN      NOT NULL,
    CONSTRAINT key_backup_key_pk PRIMARY KEY (backup_id, label),
    CONSTRAINT key_backup_key_backup_fk FOREIGN KEY (backup_id) REFERENCES key_backup (id)
);
CREATE INDEX key_backup_key_label ON key_backup_key (label);

-- The key object a ceremony created (GENERATE, AUDIT_KEY): it is complete once a verified backup holds that key.
ALTER TABLE key_ceremony ADD COLUMN key_label VARCHAR(200);
