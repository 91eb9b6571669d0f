-- Service accounts of internal applications, authenticated by a client certificate (mutual TLS). The server keeps
-- the SHA-256 of the certificate's DER encoding, never a key. A revoked row stays: its name and certificate can
-- never be registered again, so an audit trail that names either stays unambiguous.
-- Administrative roles are refused here as well as in the service.
CREATE TABLE service_account (
    id             UUID                     NOT NULL,
    name           VARCHAR(100)             NOT NULL,
    tenant_id      UUID                     NOT NULL,
    role           VARCHAR(32)              DEFAULT 'INTEGRATION' NOT NULL,
    cert_sha256    VARCHAR(64)              NOT NULL,
    cert_subject   VARCHAR(1024)            NOT NULL,
    cert_not_after TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by     UUID                     NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT service_account_pk PRIMARY KEY (id),
    CONSTRAINT service_account_name_uq UNIQUE (name),
    CONSTRAINT service_account_cert_uq UNIQUE (cert_sha256),
    CONSTRAINT service_account_role_ck
        CHECK (role IN ('CLERK', 'APPROVER', 'ACCOUNTANT', 'AUDITOR', 'INTEGRATION')),
    CONSTRAINT service_account_created_by_fk FOREIGN KEY (created_by) REFERENCES user_account (id)
);
