-- Session tokens: short-lived bearer tokens a gateway mints so that a web visitor's browser can
-- take the caller's side of one session. Only the SHA-256 of the token is stored.
CREATE TABLE session_tokens (
    id          TEXT COLLATE "C" PRIMARY KEY,
    token_hash  TEXT COLLATE "C" NOT NULL UNIQUE,
    session_id  TEXT COLLATE "C" NOT NULL,
    terminal_id TEXT COLLATE "C" NOT NULL REFERENCES terminals (id),
    create_ms   BIGINT NOT NULL,
    expire_ms   BIGINT NOT NULL,
    revoked_ms  BIGINT
);
CREATE INDEX session_tokens_session ON session_tokens (session_id);
-- Expired tokens are deleted a day after they expire (the replicas' heartbeat).
CREATE INDEX session_tokens_expiry ON session_tokens (expire_ms);
