-- Four-eyes approvals (#16, item 3): a privileged act (granting SECURITY_ADMIN, KEY_CUSTODIAN or AUDITOR, resetting
-- a second factor, disabling or enabling an administrator, creating a tenant) is proposed by one SECURITY_ADMIN of
-- tenant_id and carried out only when a different SECURITY_ADMIN of the same tenant approves it.
-- target_id: the user acted on, or for CREATE_TENANT the id the new tenant will have.
CREATE TABLE approval (
    id             UUID                     NOT NULL,
    tenant_id      UUID                     NOT NULL,
    action         VARCHAR(32)              NOT NULL,
    target_id      UUID                     NOT NULL,
    role           VARCHAR(32),
    role_tenant_id UUID,
    display_name   VARCHAR(200),
    reason         VARCHAR(500)             NOT NULL,
    state          VARCHAR(16)              NOT NULL,
    proposed_by    UUID                     NOT NULL,
    proposed_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_by     UUID,
    decided_at     TIMESTAMP WITH TIME ZONE,
    row_version    BIGINT                   NOT NULL,
    CONSTRAINT approval_pk PRIMARY KEY (id),
    CONSTRAINT approval_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenant (id),
    CONSTRAINT approval_proposed_by_fk FOREIGN KEY (proposed_by) REFERENCES user_account (id),
    CONSTRAINT approval_decided_by_fk FOREIGN KEY (decided_by) REFERENCES user_account (id),
    CONSTRAINT approval_state_ck CHECK (state IN ('PENDING', 'APPROVED', 'REJECTED', 'EXPIRED')),
    CONSTRAINT approval_action_ck CHECK (action IN ('GRANT_ROLE', 'RESET_MFA', 'DISABLE_USER', 'ENABLE_USER',
                                                    'CREATE_TENANT')),
    CONSTRAINT approval_grant_ck CHECK (action <> 'GRANT_ROLE' OR (role IS NOT NULL AND role_tenant_id IS NOT NULL)),
    CONSTRAINT approval_tenant_name_ck CHECK (action <> 'CREATE_TENANT' OR display_name IS NOT NULL)
);

CREATE INDEX approval_tenant_state_ix ON approval (tenant_id, state, proposed_at);

-- The bootstrap exception (the only administrator of the platform appoints a second one directly) is used once;
-- closed_at records when. A platform that already has two administrators has it closed.
ALTER TABLE tenant ADD COLUMN bootstrap_closed_at TIMESTAMP WITH TIME ZONE;
UPDATE tenant SET bootstrap_closed_at = CURRENT_TIMESTAMP
WHERE id = '00000000-0000-0000-0000-000000000001'
  AND (SELECT count(*) FROM membership m
       WHERE m.tenant_id = '00000000-0000-0000-0000-000000000001' AND m.role = 'SECURITY_ADMIN') > 1;
