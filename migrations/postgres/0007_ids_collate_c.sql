-- Ids (UUID text) and idempotency keys are compared byte-wise: with the database's default
-- collation (C.UTF-8 here, often en_US.UTF-8) every index comparison went through the locale's
-- strcoll, the largest single cost of Postgres in a group commit (two text indexes per appended
-- message). "C" orders UUID text exactly as before, so no query changes; indexes are rebuilt.
ALTER TABLE members ALTER COLUMN session_id TYPE TEXT COLLATE "C",
                    ALTER COLUMN terminal_id TYPE TEXT COLLATE "C";
ALTER TABLE sessions ALTER COLUMN id TYPE TEXT COLLATE "C";
ALTER TABLE events ALTER COLUMN session_id TYPE TEXT COLLATE "C",
                   ALTER COLUMN author TYPE TEXT COLLATE "C",
                   ALTER COLUMN idempotency_key TYPE TEXT COLLATE "C";
