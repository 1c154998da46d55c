-- SQLite twin of migrations/postgres/0015_bounded_session_record.sql.
ALTER TABLE sessions ADD COLUMN version INTEGER NOT NULL DEFAULT 0;

CREATE TABLE session_history (
    session_id TEXT NOT NULL,
    kind       TEXT NOT NULL,
    seq        INTEGER NOT NULL,
    payload    BLOB NOT NULL,
    PRIMARY KEY (session_id, kind, seq)
);
