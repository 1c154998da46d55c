-- Terminals authenticate with a bearer token; only its SHA-256 is kept, so a leaked database
-- does not leak credentials. The hash is unique so that a token lookup is one index probe.
CREATE TABLE terminals (
    id           TEXT PRIMARY KEY,
    name         TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    kind         BIGINT NOT NULL,
    token_hash   TEXT NOT NULL UNIQUE,
    created_ms   BIGINT NOT NULL
);

-- A session is a protobuf snapshot (participants, holders, transfers) plus the columns queries
-- need. last_seq lives in a column so that appending a message does not depend on decoding order,
-- and the row is what a writer locks (SELECT ... FOR UPDATE) to keep the sequence gap-free.
CREATE TABLE sessions (
    id               TEXT PRIMARY KEY,
    last_seq         BIGINT NOT NULL,
    state            BIGINT NOT NULL,
    -- The earliest connect / offer / handoff deadline; the sweeper polls this index.
    next_deadline_ms BIGINT,
    created_ms       BIGINT NOT NULL,
    snapshot         BYTEA NOT NULL
);
CREATE INDEX sessions_next_deadline ON sessions (next_deadline_ms) WHERE next_deadline_ms IS NOT NULL;

-- The append-only log. (session_id, seq) is the identity clients de-duplicate and resume by.
-- payload is the encoded handoff.v1.Event, exactly what terminals receive.
CREATE TABLE events (
    session_id      TEXT NOT NULL REFERENCES sessions (id),
    seq             BIGINT NOT NULL,
    kind            TEXT NOT NULL,
    author          TEXT,
    idempotency_key TEXT,
    created_ms      BIGINT NOT NULL,
    payload         BYTEA NOT NULL,
    PRIMARY KEY (session_id, seq)
);
-- A retried Message with the same key finds the original instead of storing twice.
CREATE UNIQUE INDEX events_idempotency ON events (session_id, author, idempotency_key)
    WHERE idempotency_key IS NOT NULL;
-- The dialog of a transfer offer reads message events only.
CREATE INDEX events_messages ON events (session_id, seq) WHERE kind = 'message';

-- Which terminal follows which session on its stream, and how far it has acknowledged.
-- Derived from the snapshot's participants in the same transaction that changes them.
CREATE TABLE members (
    terminal_id TEXT NOT NULL,
    session_id  TEXT NOT NULL REFERENCES sessions (id),
    joined_seq  BIGINT NOT NULL,
    -- The last event the terminal is shown after it left (NULL while it takes part).
    left_seq    BIGINT,
    acked_seq   BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (terminal_id, session_id)
);
