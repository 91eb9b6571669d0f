-- Which version of the tenant's blind-index key (bidx-<tenant>-vN) computed a party's tax_id_index and email_index.
-- Every row indexed so far was indexed with version 1. A blind-index key rotation recomputes the indexes of the rows
-- not yet on the new version; the index serves that job and the per-version counts (retire waits for zero).
ALTER TABLE party ADD COLUMN index_key_version INTEGER DEFAULT 1 NOT NULL;
CREATE INDEX party_tenant_index_key_version ON party (tenant_id, index_key_version);
