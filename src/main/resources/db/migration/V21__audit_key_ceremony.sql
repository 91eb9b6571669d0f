-- A ceremony may rotate the audit MAC key: every node's chain continues in a new segment under the new key.
-- Such a ceremony concerns no tenant; its tenant_id is the nil UUID.
ALTER TABLE key_ceremony DROP CONSTRAINT key_ceremony_kind_ck;
ALTER TABLE key_ceremony ADD CONSTRAINT key_ceremony_kind_ck
    CHECK (kind IN ('GENERATE', 'ACTIVATE', 'RETIRE', 'DESTROY', 'SHRED', 'AUDIT_KEY'));
