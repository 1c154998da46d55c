-- The events → sessions foreign key ran a trigger per appended row (an index probe and a
-- FOR KEY SHARE lock on the session row) although every append already holds that very row
-- locked FOR UPDATE, having read it to assign the sequence number; sessions are never deleted.
-- Per-row work the benchmark's baseline table does not do either. SQLite never enforced it
-- (foreign_keys is off there), so both backends now rely on the same invariant: events are only
-- appended by the store, inside the transaction that locked their session.
ALTER TABLE events DROP CONSTRAINT IF EXISTS events_session_id_fkey;
