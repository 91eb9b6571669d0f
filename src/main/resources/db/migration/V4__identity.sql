-- People and their second factor. The TOTP secret is sealed in the HSM like any other sensitive value.
CREATE TABLE user_account (
    id                 UUID                     NOT NULL,
    username           VARCHAR(100)             NOT NULL,
    password_hash      VARCHAR(400)             NOT NULL,
    row_version        BIGINT                   NOT NULL,
    sealed_fields      ${binary}                NOT NULL,
    sealed_key_version INTEGER                  NOT NULL,
    mfa_enabled        BOOLEAN                  NOT NULL,
    last_totp_step     BIGINT,
    failed_logins      INTEGER                  NOT NULL,
    locked_until       TIMESTAMP WITH TIME ZONE,
    disabled           BOOLEAN                  NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    last_login_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT user_account_pk PRIMARY KEY (id),
    CONSTRAINT user_account_username_uq UNIQUE (username)
);

-- A user's roles per tenant (a user may work for several tenants with different roles).
CREATE TABLE membership (
    user_id    UUID                     NOT NULL,
    tenant_id  UUID                     NOT NULL,
    role       VARCHAR(32)              NOT NULL,
    granted_by UUID,
    granted_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT membership_pk PRIMARY KEY (user_id, tenant_id, role),
    CONSTRAINT membership_user_fk FOREIGN KEY (user_id) REFERENCES user_account (id)
);

-- Opaque bearer tokens: only the SHA-256 of the random 256-bit token is stored.
CREATE TABLE access_token (
    token_hash      ${binary}                NOT NULL,
    user_id         UUID                     NOT NULL,
    tenant_id       UUID,
    stage           VARCHAR(16)              NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    mfa_verified_at TIMESTAMP WITH TIME ZONE,
    revoked_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT access_token_pk PRIMARY KEY (token_hash),
    CONSTRAINT access_token_user_fk FOREIGN KEY (user_id) REFERENCES user_account (id),
    CONSTRAINT access_token_stage_ck CHECK (stage IN ('ENROLMENT', 'MFA_PENDING', 'AUTHENTICATED'))
);
CREATE INDEX access_token_user ON access_token (user_id);

-- Single-use MFA recovery codes, stored as SHA-256 of the random code.
CREATE TABLE recovery_code (
    user_id   UUID                     NOT NULL,
    code_hash VARCHAR(64)              NOT NULL,
    used_at   TIMESTAMP WITH TIME ZONE,
    CONSTRAINT recovery_code_pk PRIMARY KEY (user_id, code_hash),
    CONSTRAINT recovery_code_user_fk FOREIGN KEY (user_id) REFERENCES user_account (id)
);
