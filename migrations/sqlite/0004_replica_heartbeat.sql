-- SQLite twin of migrations/postgres/0004_replica_heartbeat.sql.
-- Presence is written when a terminal attaches or detaches, and liveness is one heartbeat row per
-- replica: refreshing a row per attached terminal every few seconds would be tens of thousands
-- of writes per interval on a node with many idle terminals. A presence row counts only while
-- its replica's heartbeat is fresh, so a killed replica's terminals stop counting by themselves.
CREATE TABLE replicas (
    replica_id TEXT PRIMARY KEY,
    seen_ms    INTEGER NOT NULL
);
