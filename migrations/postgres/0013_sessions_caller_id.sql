-- Erasing what is kept about a caller finds the caller's sessions by this column: the caller is
-- otherwise only inside the encoded snapshot. Rows written before it have NULL; erasure finds
-- those by decoding their snapshots.
ALTER TABLE sessions ADD COLUMN caller_id TEXT;
CREATE INDEX sessions_caller ON sessions (caller_id);
