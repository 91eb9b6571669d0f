-- The tenant registry (#16): a tenant exists here before anyone may hold a role in it. The platform (identity)
-- tenant 00000000-0000-0000-0000-000000000001 holds the platform's own people and keys; it is never shredded.
-- A SHREDDED tenant's keys were destroyed by a SHRED ceremony: no role is granted in it any more.
CREATE TABLE tenant (
    id           UUID                     NOT NULL,
    display_name VARCHAR(200)             NOT NULL,
    state        VARCHAR(16)              NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by   UUID,
    CONSTRAINT tenant_pk PRIMARY KEY (id),
    CONSTRAINT tenant_state_ck CHECK (state IN ('ACTIVE', 'SHREDDED')),
    CONSTRAINT tenant_created_by_fk FOREIGN KEY (created_by) REFERENCES user_account (id)
);

INSERT INTO tenant (id, display_name, state, created_at, created_by)
VALUES ('00000000-0000-0000-0000-000000000001', 'Platform', 'ACTIVE', CURRENT_TIMESTAMP, NULL);

-- Backfill: every tenant something already refers to (created_by unknown: the registry did not exist then).
INSERT INTO tenant (id, display_name, state, created_at, created_by)
SELECT t.tenant_id, 'Tenant ' || CAST(t.tenant_id AS VARCHAR(36)), 'ACTIVE', CURRENT_TIMESTAMP, NULL
FROM (SELECT tenant_id FROM membership
      UNION SELECT tenant_id FROM service_account
      UNION SELECT tenant_id FROM data_key
      UNION SELECT tenant_id FROM party
      UNION SELECT tenant_id FROM invoice
      UNION SELECT tenant_id FROM reencryption_job
      UNION SELECT tenant_id FROM key_ceremony WHERE tenant_id <> '00000000-0000-0000-0000-000000000000') t
WHERE t.tenant_id <> '00000000-0000-0000-0000-000000000001';

-- A tenant whose every key was destroyed by a SHRED ceremony is SHREDDED.
UPDATE tenant SET state = 'SHREDDED'
WHERE id IN (SELECT tenant_id FROM key_ceremony WHERE kind = 'SHRED' AND state = 'DONE')
  AND id <> '00000000-0000-0000-0000-000000000001';

-- Roles and service accounts only in registered tenants.
ALTER TABLE membership ADD CONSTRAINT membership_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenant (id);
ALTER TABLE service_account ADD CONSTRAINT service_account_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenant (id);

-- The tenant a person was created in (their administrators' tenant); with their memberships it decides which
-- tenant's security administrators may manage them. Backfill: the platform tenant if they hold a role there,
-- else the tenant of their first role, else the platform tenant.
ALTER TABLE user_account ADD COLUMN home_tenant_id UUID;
UPDATE user_account SET home_tenant_id = COALESCE(
    (SELECT m.tenant_id FROM membership m WHERE m.user_id = user_account.id
     ORDER BY CASE WHEN m.tenant_id = '00000000-0000-0000-0000-000000000001' THEN 0 ELSE 1 END, m.granted_at
     FETCH FIRST 1 ROWS ONLY),
    '00000000-0000-0000-0000-000000000001');
ALTER TABLE user_account ALTER COLUMN home_tenant_id SET NOT NULL;
ALTER TABLE user_account ADD CONSTRAINT user_account_home_tenant_fk
    FOREIGN KEY (home_tenant_id) REFERENCES tenant (id);
