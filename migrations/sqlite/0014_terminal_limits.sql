-- SQLite twin of migrations/postgres/0014_terminal_limits.sql.
-- Rate limits an administrator set for one terminal in place of the server's defaults. A NULL
-- column takes the default; 0 means no limit. A terminal without a row has the defaults.
CREATE TABLE terminal_limits (
    terminal_id         TEXT PRIMARY KEY REFERENCES terminals (id),
    messages_per_second INTEGER,
    messages_burst      INTEGER,
    connects_per_second INTEGER,
    connects_burst      INTEGER,
    max_attach_streams  INTEGER,
    updated_ms          INTEGER NOT NULL
);
