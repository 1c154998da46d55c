-- SQLite twin of migrations/postgres/0017_routing.sql.
-- Routing: what a terminal says of its availability, how many sessions it may hold, the seats
-- that count them, how each group routes, and the columns of a session that routing selects on.

-- A terminal's status as it last set it. No row, or a NULL status: it never set one (bots and
-- gateways count as available, agents as away). idle_since_ms orders LONGEST_IDLE (set when the
-- terminal becomes available and when a session leaves it); absent_since_ms is when a holder was
-- first seen detached (the away re-queue's clock), NULL while it is attached.
CREATE TABLE terminal_status (
    terminal_id     TEXT PRIMARY KEY REFERENCES terminals (id),
    status          INTEGER,
    reason          TEXT NOT NULL DEFAULT '',
    changed_ms      INTEGER,
    idle_since_ms   INTEGER NOT NULL DEFAULT 0,
    absent_since_ms INTEGER
);
CREATE INDEX terminal_status_changed ON terminal_status (changed_ms);

-- Sessions a terminal may hold at once; NULL: no limit.
ALTER TABLE terminals ADD COLUMN capacity INTEGER;

-- One row per session a terminal holds, has accepted, or is offered alone (one-at-a-time
-- strategies): a terminal's load. Taken, under a lock on the terminal's row, only while the
-- count is under its capacity, so replicas cannot both take its last seat.
CREATE TABLE seats (
    terminal_id TEXT NOT NULL,
    session_id  TEXT NOT NULL,
    since_ms    INTEGER NOT NULL,
    PRIMARY KEY (terminal_id, session_id)
);
CREATE INDEX seats_session ON seats (session_id);

-- How a group routes; a group without a row routes with the defaults.
CREATE TABLE group_routing (
    group_name      TEXT PRIMARY KEY,
    strategy        INTEGER NOT NULL,
    ring_timeout_ms INTEGER NOT NULL DEFAULT 0,
    max_wait_ms     INTEGER NOT NULL DEFAULT 0,
    overflow_group  TEXT NOT NULL DEFAULT '',
    away_grace_ms   INTEGER NOT NULL DEFAULT 0
);

-- The routing columns of a session, kept from its record by every commit that changes it:
-- its holder, the group it was last routed through, and while a transfer of it waits in a
-- queue (route_state 1) or is offered from one (2), its priority and arrival.
ALTER TABLE sessions ADD COLUMN holder_id TEXT;
ALTER TABLE sessions ADD COLUMN group_name TEXT;
ALTER TABLE sessions ADD COLUMN route_state INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN queue_priority INTEGER;
ALTER TABLE sessions ADD COLUMN queue_since_ms INTEGER;
CREATE INDEX sessions_queue ON sessions (group_name, queue_priority DESC, queue_since_ms, id)
    WHERE route_state <> 0;
CREATE INDEX sessions_holder ON sessions (holder_id) WHERE holder_id IS NOT NULL;
CREATE INDEX sessions_group ON sessions (group_name) WHERE group_name IS NOT NULL;
