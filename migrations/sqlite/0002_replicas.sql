-- SQLite twin of migrations/postgres/0002_replicas.sql.
-- Several replicas share one database.
--
-- changed_ms lets each replica find sessions changed recently even when a wake-up signal was
-- lost (a replica killed between its commit and its NOTIFY): the catch-up poll reads this index.
ALTER TABLE sessions ADD COLUMN changed_ms INTEGER NOT NULL DEFAULT 0;
CREATE INDEX sessions_changed ON sessions (changed_ms);

-- Which replica has which terminal attached, refreshed by every replica on a heartbeat; a row
-- older than a few heartbeats belongs to a replica that died. Connect checks it so that a
-- destination attached to another replica counts as present.
CREATE TABLE presence (
    terminal_id TEXT NOT NULL,
    replica_id  TEXT NOT NULL,
    seen_ms     INTEGER NOT NULL,
    PRIMARY KEY (terminal_id, replica_id)
);
CREATE INDEX presence_replica ON presence (replica_id, seen_ms);
