-- SQLite twin of migrations/postgres/0011_session_tokens.sql.
-- Session tokens: short-lived bearer tokens a gateway mints so that a web visitor's browser can
-- take the caller's side of one session. Only the SHA-256 of the token is stored.
CREATE TABLE session_tokens (
    id          TEXT PRIMARY KEY,
    token_hash  TEXT NOT NULL UNIQUE,
    session_id  TEXT NOT NULL,
    terminal_id TEXT NOT NULL REFERENCES terminals (id),
    create_ms   INTEGER NOT NULL,
    expire_ms   INTEGER NOT NULL,
    revoked_ms  INTEGER
);
CREATE INDEX session_tokens_session ON session_tokens (session_id);
-- Expired tokens are deleted a day after they expire (the replicas' heartbeat).
CREATE INDEX session_tokens_expiry ON session_tokens (expire_ms);
