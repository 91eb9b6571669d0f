-- Indexes that give every list its order directly, so that a first page is a short index range scan whatever the
-- size of the table, instead of a sort of every matching invoice:
-- a period's invoices (with or without a status) come in order of issue date, then creation, then id;
CREATE INDEX invoice_tenant_status_issued ON invoice (tenant_id, status, issue_date, created_at, id);
CREATE INDEX invoice_tenant_issued ON invoice (tenant_id, issue_date, created_at, id);
-- a party's invoices (also search by tax id, through the party's blind index) in order of creation.
DROP INDEX invoice_tenant_party;
CREATE INDEX invoice_tenant_party ON invoice (tenant_id, party_id, created_at, id);
