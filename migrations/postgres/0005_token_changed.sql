-- Replicas cache token lookups (every call authenticates). A rotation is announced by NOTIFY;
-- this column lets the once-a-second catch-up poll notice a rotation whose NOTIFY was lost with
-- a replica killed right after committing it, so a cache never serves a retired token for long.
-- 0 = never rotated since this column exists.
ALTER TABLE terminals ADD COLUMN token_changed_ms BIGINT NOT NULL DEFAULT 0;
CREATE INDEX terminals_token_changed ON terminals (token_changed_ms);
