-- A session's snapshot (a few KB once it has a transfer history) is rewritten by every change and
-- read by every group commit that locks it. Postgres compresses such values with pglz by default,
-- which showed as the largest single function of Postgres in the transfer benchmark (~10 % of its
-- CPU); lz4 compresses about as well for this data at a fraction of the cost. New values only:
-- nothing is rewritten. A server built without lz4 keeps pglz (the statement is skipped).
DO $$
BEGIN
    ALTER TABLE sessions ALTER COLUMN snapshot SET COMPRESSION lz4;
    ALTER TABLE events ALTER COLUMN payload SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
    RAISE NOTICE 'lz4 is not available in this Postgres build; snapshots stay pglz-compressed';
END
$$;
