-- Benchmark only (added to the bench deployment as db/migration/V901__...): the platform ceiling's table, one plain
-- row per request, no sealing, no audit. What the same server, TLS and JPA do with the least possible work.
CREATE TABLE bench_row (
    id         UUID                     NOT NULL,
    tenant_id  UUID                     NOT NULL,
    payload    VARCHAR(200)             NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT bench_row_pk PRIMARY KEY (id)
);
