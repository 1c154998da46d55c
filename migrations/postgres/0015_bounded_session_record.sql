-- The session row becomes a bounded record: what can still change (participants, the open
-- transfer, the current tenure). Ended transfers and tenures are rows of session_history,
-- appended once and never rewritten; GetSession puts them back together. Rows written before
-- this keep their history in the record until their next change moves it out.
--
-- version: every write of a session's row checks the version it read and sets the next one, so
-- replicas need no row lock between reading a session and writing it (optimistic concurrency).
ALTER TABLE sessions ADD COLUMN version BIGINT NOT NULL DEFAULT 0;

CREATE TABLE session_history (
    session_id TEXT COLLATE "C" NOT NULL,
    -- 'transfer' (keyed by its offer's seq) or 'tenure' (keyed by its first seq).
    kind       TEXT NOT NULL,
    seq        BIGINT NOT NULL,
    -- The encoded handoff.v1.Transfer or handoff.v1.Tenure.
    payload    BYTEA NOT NULL,
    PRIMARY KEY (session_id, kind, seq)
);
