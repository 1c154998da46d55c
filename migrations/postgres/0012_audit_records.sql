-- The admin audit log: every change made through AdminService or `handoff admin` (who, what,
-- when, from where). Ids are UUIDv7, so id order is time order and pages by id are stable.
-- Append-only: the triggers refuse any UPDATE or DELETE, whoever connects.
CREATE TABLE audit_records (
    id          TEXT COLLATE "C" PRIMARY KEY,
    time_ms     BIGINT NOT NULL,
    actor       TEXT NOT NULL,
    action      TEXT NOT NULL,
    terminal_id TEXT NOT NULL,
    detail      TEXT NOT NULL,
    peer        TEXT NOT NULL
);

CREATE FUNCTION audit_records_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_records is append-only';
END;
$$;

CREATE TRIGGER audit_records_no_update BEFORE UPDATE OR DELETE ON audit_records
    FOR EACH ROW EXECUTE FUNCTION audit_records_append_only();
CREATE TRIGGER audit_records_no_truncate BEFORE TRUNCATE ON audit_records
    FOR EACH STATEMENT EXECUTE FUNCTION audit_records_append_only();
