-- Rate limits an administrator set for one terminal in place of the server's defaults. A NULL
-- column takes the default; 0 means no limit. A terminal without a row has the defaults.
CREATE TABLE terminal_limits (
    terminal_id         TEXT PRIMARY KEY REFERENCES terminals (id),
    messages_per_second BIGINT,
    messages_burst      BIGINT,
    connects_per_second BIGINT,
    connects_burst      BIGINT,
    max_attach_streams  BIGINT,
    updated_ms          BIGINT NOT NULL
);
