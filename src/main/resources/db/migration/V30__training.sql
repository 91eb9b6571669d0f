-- Security training (security programme). A module has one current version; publishing a new version makes every
-- attestation of an earlier one stale. Audience roles are a comma-separated list of role names.
CREATE TABLE training_module (
    id            UUID                     NOT NULL,
    title         VARCHAR(200)             NOT NULL,
    version       INTEGER                  NOT NULL,
    content       VARCHAR(4000)            NOT NULL,
    audience      VARCHAR(200)             NOT NULL,
    validity_days INTEGER                  NOT NULL,
    published_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    published_by  UUID                     NOT NULL,
    row_version   BIGINT                   NOT NULL,
    CONSTRAINT training_module_pk PRIMARY KEY (id),
    CONSTRAINT training_module_title_uq UNIQUE (title),
    CONSTRAINT training_module_validity_ck CHECK (validity_days BETWEEN 1 AND 3660),
    CONSTRAINT training_module_published_by_fk FOREIGN KEY (published_by) REFERENCES user_account (id)
);

-- A person's statement that they completed one version of a module. Rows are never changed or deleted.
CREATE TABLE training_attestation (
    id             UUID                     NOT NULL,
    module_id      UUID                     NOT NULL,
    module_version INTEGER                  NOT NULL,
    user_id        UUID                     NOT NULL,
    attested_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT training_attestation_pk PRIMARY KEY (id),
    CONSTRAINT training_attestation_module_fk FOREIGN KEY (module_id) REFERENCES training_module (id),
    CONSTRAINT training_attestation_user_fk FOREIGN KEY (user_id) REFERENCES user_account (id)
);
CREATE INDEX training_attestation_user ON training_attestation (user_id, module_id);
