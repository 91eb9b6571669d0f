-- Masked renderings of a few sensitive values, computed when the value is written, so that roles that see data
-- masked (AUDITOR, INTEGRATION) cause no decryption at all. They show what PCI DSS-style truncation shows: the
-- IBAN's country and last four characters, the e-mail's first letter and domain. Everything else shows nothing.
ALTER TABLE party ADD COLUMN iban_mask VARCHAR(64);
ALTER TABLE party ADD COLUMN email_mask VARCHAR(160);
-- Who created the party (service accounts read only what they created).
ALTER TABLE party ADD COLUMN created_by UUID;
