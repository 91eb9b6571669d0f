-- Idempotency records kept an unsalted SHA-256 of the request's toString(), which holds IBANs and tax ids: a
-- dictionary attack recovers low-entropy values. From now on the application stores an HMAC computed in the HSM with
-- the tenant's blind-index key over the request's canonical JSON, and remembers a key for 24 hours. The old hashes
-- cannot be converted (the requests are gone), so they are deleted: a client retrying, after this upgrade, a request
-- it sent before it gets a second resource instead of the first — upgrade when no client is retrying.
DELETE FROM idempotency_key;

COMMENT ON COLUMN idempotency_key.request_hash IS
    'hex HMAC-SHA256 (16 bytes) of the canonical request under the tenant''s blind-index key; never a bare hash';
