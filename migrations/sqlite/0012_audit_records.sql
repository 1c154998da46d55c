-- SQLite twin of migrations/postgres/0012_audit_records.sql.
-- The admin audit log: every change made through AdminService or `handoff admin` (who, what,
-- when, from where). Ids are UUIDv7, so id order is time order and pages by id are stable.
-- Append-only: the triggers refuse any UPDATE or DELETE.
CREATE TABLE audit_records (
    id          TEXT PRIMARY KEY,
    time_ms     INTEGER NOT NULL,
    actor       TEXT NOT NULL,
    action      TEXT NOT NULL,
    terminal_id TEXT NOT NULL,
    detail      TEXT NOT NULL,
    peer        TEXT NOT NULL
);

CREATE TRIGGER audit_records_no_update BEFORE UPDATE ON audit_records
BEGIN
    SELECT RAISE(ABORT, 'audit_records is append-only');
END;

CREATE TRIGGER audit_records_no_delete BEFORE DELETE ON audit_records
BEGIN
    SELECT RAISE(ABORT, 'audit_records is append-only');
END;
