-- Baseline of Confidant's schema history. Every later change is a new versioned script (V2__..., V3__...),
-- written expand/contract so that the previous release keeps working during a rolling upgrade (deploy/UPGRADE.md).
-- Scripts must run unchanged on PostgreSQL (tests, production) and H2 in LEGACY mode (./confidant run).
SELECT 1;
