-- The seal counter of every row with sealed fields: each seal increments it and binds it into the envelope's GCM tag,
-- so an older envelope of the same row written back into sealed_fields no longer opens. Rows sealed before this
-- migration keep their format 1 envelopes at counter 0 until their next write or a key rotation reseals them.
ALTER TABLE party ADD COLUMN sealed_seq BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE invoice ADD COLUMN sealed_seq BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE einvoice_seller ADD COLUMN sealed_seq BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE einvoice_import ADD COLUMN sealed_seq BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE user_account ADD COLUMN sealed_seq BIGINT DEFAULT 0 NOT NULL;
