//! [`Store`] on Postgres, with sqlx's native driver.
//!
//! A group commit is one statement, whatever its size: every list travels as an array parameter
//! and `UNNEST` turns it back into rows, so the statement's text never changes (prepared once per
//! connection) and the commit costs one round trip. Its data-modifying parts run as one atomic
//! statement without BEGIN/COMMIT: the sessions whose version still matches are updated, and
//! only their events, membership and history rows are inserted (see the module docs of
//! [`crate::store`]).

use std::time::Duration;

use sqlx::postgres::{PgPool, PgPoolOptions, PgRow};
use sqlx::{Postgres, Transaction};

use super::shared::{Dialect, PURGE_LOCK, store_impl};
use super::{AckRow, EventRow, HistoryRow, MemberRow, RoutingColumns, SessionRow};

pub struct PgStore {
    /// One pool serves reads and writes.
    write: PgPool,
    read: PgPool,
}

impl Dialect for PgStore {
    type Db = Postgres;
    type Id = uuid::Uuid;
    fn id(id: uuid::Uuid) -> uuid::Uuid {
        id
    }
    fn uuid(id: uuid::Uuid) -> uuid::Uuid {
        id
    }
}

impl PgStore {
    pub async fn connect(url: &str, max_connections: u32) -> Result<PgStore> {
        let pool = PgPoolOptions::new()
            .max_connections(max_connections.max(2))
            .acquire_timeout(Duration::from_secs(10))
            .after_connect(|conn, _| {
                Box::pin(async move {
                    // Every statement here is prepared once per connection and its parameters
                    // never change what plan fits (arrays of any length, ids, sequence numbers):
                    // planning each execution anew (Postgres' custom plans) only costs CPU,
                    // most of all for the group commit's one statement of six parts.
                    sqlx::query("SET plan_cache_mode = force_generic_plan")
                        .execute(&mut *conn)
                        .await?;
                    Ok(())
                })
            })
            .connect(url)
            .await?;
        sqlx::migrate!("./migrations/postgres")
            .run(&pool)
            .await
            .map_err(|e| Error::Internal(format!("migration failed: {e}")))?;
        Ok(PgStore {
            write: pool.clone(),
            read: pool,
        })
    }

    async fn begin_write(&self) -> Result<Transaction<'static, Postgres>> {
        Ok(self.write.begin().await?)
    }

    /// "Is one of the array parameter `$n`."
    fn any_of(n: usize) -> String {
        format!("= ANY(${n})")
    }

    fn id_list(ids: &[uuid::Uuid]) -> Vec<uuid::Uuid> {
        ids.to_vec()
    }

    fn text_any_of(n: usize) -> String {
        format!("= ANY(${n})")
    }

    fn text_list(items: &[String]) -> Vec<String> {
        items.to_vec()
    }

    /// Taking a seat locks the terminal's row: replicas taking its seats at once queue here, and
    /// each counts the seats after the one before it committed.
    const LOCK_TERMINAL: &str = "SELECT capacity FROM terminals WHERE id = $1 FOR UPDATE";

    /// The retention purge runs on one replica at a time; the others skip it without waiting.
    async fn try_purge_lock(tx: &mut Transaction<'static, Postgres>) -> Result<bool> {
        Ok(sqlx::query("SELECT pg_try_advisory_xact_lock($1)")
            .bind(PURGE_LOCK)
            .fetch_one(&mut **tx)
            .await?
            .try_get(0)?)
    }

    fn backend_pool_usage(&self) -> Vec<crate::metrics::PoolUsage> {
        vec![crate::metrics::PoolUsage {
            pool: "write",
            size: self.write.size(),
            idle: self.write.num_idle(),
        }]
    }

    async fn backend_originals(
        &self,
        keys: &[MessageKey],
    ) -> Result<std::collections::HashMap<MessageKey, Appended>> {
        let mut found = std::collections::HashMap::new();
        if keys.is_empty() {
            return Ok(found);
        }
        let rows = sqlx::query(
            "SELECT e.session_id, e.author, e.idempotency_key, e.seq, e.created_ms FROM events e \
             JOIN UNNEST($1::uuid[], $2::uuid[], $3::text[]) AS k (session_id, author, key) \
             ON e.session_id = k.session_id AND e.author = k.author \
             AND e.idempotency_key = k.key AND e.idempotency_key IS NOT NULL",
        )
        .bind(keys.iter().map(|k| k.0).collect::<Vec<_>>())
        .bind(keys.iter().map(|k| k.1).collect::<Vec<_>>())
        .bind(keys.iter().map(|k| k.2.clone()).collect::<Vec<_>>())
        .fetch_all(&self.read)
        .await?;
        for row in rows {
            found.insert(
                (row.try_get(0)?, row.try_get(1)?, row.try_get(2)?),
                Appended {
                    seq: row.try_get::<i64, _>(3)? as u64,
                    time: row.try_get(4)?,
                    duplicate: true,
                },
            );
        }
        Ok(found)
    }

    async fn backend_persist(&self, rows: &CommitRows) -> Result<Vec<uuid::Uuid>> {
        // An acknowledgement of a membership row this commit also writes would touch that row
        // twice in one statement, which Postgres does not order: such acknowledgements go first,
        // on their own.
        let collide = rows.acks.iter().any(|a| {
            rows.members
                .iter()
                .any(|m| m.terminal == a.terminal && m.session == a.session)
        });
        let no_acks: &[AckRow] = &[];
        if collide {
            crate::metrics::commit_round_trips("write", 1);
            bind_acks(sqlx::query(RAISE_ACKS), &rows.acks)
                .execute(&self.write)
                .await?;
        }
        if rows.sessions.is_empty() && !collide && rows.acks.is_empty() {
            return Ok(Vec::new());
        }
        let q = sqlx::query(COMMIT).bind(rows.changed_at);
        let q = bind_sessions(q, &rows.sessions);
        let q = bind_events(q, &rows.events);
        let q = bind_members(q, &rows.members);
        let q = bind_history(q, &rows.history);
        let q = bind_acks(q, if collide { no_acks } else { &rows.acks });
        let q = bind_routing(q, &rows.sessions);
        let written: std::collections::HashSet<uuid::Uuid> = q
            .fetch_all(&self.write)
            .await?
            .iter()
            .map(|r| r.try_get(0))
            .collect::<std::result::Result<_, _>>()?;
        Ok(rows
            .sessions
            .iter()
            .map(|s| s.id)
            .filter(|id| !written.contains(id))
            .collect())
    }

    /// The rows of a new session (inside its transaction).
    async fn write_rows(tx: &mut Transaction<'static, Postgres>, rows: &CommitRows) -> Result<()> {
        bind_events(sqlx::query(INSERT_EVENTS), &rows.events)
            .execute(&mut **tx)
            .await?;
        bind_members(sqlx::query(UPSERT_MEMBERS), &rows.members)
            .execute(&mut **tx)
            .await?;
        Ok(())
    }
}

type Query = sqlx::query::Query<'static, Postgres, sqlx::postgres::PgArguments>;

/// Acknowledgements from the array parameters named: raised, never lowered, and never past the
/// last event the terminal may be shown (where it left, else the end of the log).
macro_rules! raise_acks {
    ($terminals:literal, $sessions:literal, $seqs:literal) => {
        concat!(
            "UPDATE members SET acked_seq = LEAST(a.seq, COALESCE(members.left_seq, s.last_seq)) \
             FROM UNNEST(",
            $terminals,
            "::uuid[], ",
            $sessions,
            "::uuid[], ",
            $seqs,
            "::int8[]) \
             AS a (terminal_id, session_id, seq) JOIN sessions s ON s.id = a.session_id \
             WHERE members.terminal_id = a.terminal_id AND members.session_id = a.session_id \
             AND members.acked_seq < a.seq \
             AND members.acked_seq < COALESCE(members.left_seq, s.last_seq)"
        )
    };
}

/// Events from the array parameters named, as rows `e`.
macro_rules! insert_events {
    ($s:literal, $q:literal, $k:literal, $a:literal, $i:literal, $t:literal, $p:literal) => {
        concat!(
            "INSERT INTO events (session_id, seq, kind, author, idempotency_key, created_ms, \
             payload) SELECT * FROM UNNEST(",
            $s,
            "::uuid[], ",
            $q,
            "::int8[], ",
            $k,
            "::text[], ",
            $a,
            "::uuid[], ",
            $i,
            "::text[], ",
            $t,
            "::int8[], ",
            $p,
            "::bytea[]) AS e (session_id, seq, kind, author, idempotency_key, created_ms, payload)"
        )
    };
}

/// The whole group commit. `$1` the change time; then the sessions ($2–$7), events ($8–$14),
/// membership rows ($15–$18), history rows ($19–$22), acknowledgements ($23–$25) and the
/// sessions' routing columns ($26–$30), each as arrays. Returns the sessions written (those whose version matched).
const COMMIT: &str = concat!("\
WITH v AS (
    SELECT * FROM UNNEST($2::uuid[], $3::int8[], $4::int8[], $5::bytea[], $6::int8[], $7::int8[],
        $26::uuid[], $27::text[], $28::int8[], $29::int8[], $30::int8[])
        AS v (id, version, last_seq, record, state, deadline, holder, group_name, route_state,
            queue_priority, queue_since)
), written AS (
    UPDATE sessions s SET version = s.version + 1, last_seq = v.last_seq, changed_ms = $1,
        snapshot = COALESCE(v.record, s.snapshot),
        state = CASE WHEN v.record IS NULL THEN s.state ELSE v.state END,
        next_deadline_ms = CASE WHEN v.record IS NULL THEN s.next_deadline_ms ELSE v.deadline END,
        holder_id = CASE WHEN v.record IS NULL THEN s.holder_id ELSE v.holder END,
        group_name = CASE WHEN v.record IS NULL THEN s.group_name ELSE v.group_name END,
        route_state = CASE WHEN v.record IS NULL THEN s.route_state ELSE v.route_state END,
        queue_priority = CASE WHEN v.record IS NULL THEN s.queue_priority ELSE v.queue_priority END,
        queue_since_ms = CASE WHEN v.record IS NULL THEN s.queue_since_ms ELSE v.queue_since END
    FROM v WHERE s.id = v.id AND s.version = v.version
    RETURNING s.id
), events_written AS (
    ", insert_events!("$8", "$9", "$10", "$11", "$12", "$13", "$14"), "
    WHERE e.session_id IN (SELECT id FROM written)
), members_written AS (
    INSERT INTO members (terminal_id, session_id, joined_seq, left_seq, acked_seq)
    SELECT m.terminal_id, m.session_id, COALESCE(m.joined, -1), m.left_seq, 0
    FROM UNNEST($15::uuid[], $16::uuid[], $17::int8[], $18::int8[])
        AS m (terminal_id, session_id, joined, left_seq)
    WHERE m.session_id IN (SELECT id FROM written) AND (m.joined IS NOT NULL OR EXISTS
        (SELECT 1 FROM members x WHERE x.terminal_id = m.terminal_id AND x.session_id = m.session_id))
    ON CONFLICT (terminal_id, session_id) DO UPDATE SET
        joined_seq = CASE WHEN excluded.joined_seq < 0 THEN members.joined_seq
                          ELSE excluded.joined_seq END,
        left_seq = excluded.left_seq
), history_written AS (
    INSERT INTO session_history (session_id, kind, seq, payload)
    SELECT * FROM UNNEST($19::uuid[], $20::text[], $21::int8[], $22::bytea[])
        AS h (session_id, kind, seq, payload)
    WHERE h.session_id IN (SELECT id FROM written)
    ON CONFLICT DO NOTHING
), acks_written AS (
    ", raise_acks!("$23", "$24", "$25"), "
)
SELECT id FROM written");

/// Acknowledgements on their own.
const RAISE_ACKS: &str = raise_acks!("$1", "$2", "$3");

/// A new session's events.
const INSERT_EVENTS: &str = insert_events!("$1", "$2", "$3", "$4", "$5", "$6", "$7");

/// A new session's membership rows ($1–$4 as in [`COMMIT`]'s $15–$18).
const UPSERT_MEMBERS: &str = "\
INSERT INTO members (terminal_id, session_id, joined_seq, left_seq, acked_seq)
SELECT m.terminal_id, m.session_id, COALESCE(m.joined, 0), m.left_seq, 0
FROM UNNEST($1::uuid[], $2::uuid[], $3::int8[], $4::int8[]) AS m (terminal_id, session_id, joined, left_seq)
ON CONFLICT (terminal_id, session_id) DO UPDATE SET
    joined_seq = excluded.joined_seq, left_seq = excluded.left_seq";

fn bind_sessions(q: Query, rows: &[SessionRow]) -> Query {
    q.bind(rows.iter().map(|s| s.id).collect::<Vec<_>>())
        .bind(rows.iter().map(|s| s.version).collect::<Vec<_>>())
        .bind(
            rows.iter()
                .map(|s| seq_param(s.last_seq))
                .collect::<Vec<_>>(),
        )
        .bind(
            rows.iter()
                .map(|s| s.record.as_ref().map(|r| r.bytes.clone()))
                .collect::<Vec<_>>(),
        )
        .bind(
            rows.iter()
                .map(|s| s.record.as_ref().map(|r| r.state))
                .collect::<Vec<_>>(),
        )
        .bind(
            rows.iter()
                .map(|s| s.record.as_ref().and_then(|r| r.next_deadline))
                .collect::<Vec<_>>(),
        )
}

fn bind_routing(q: Query, rows: &[SessionRow]) -> Query {
    let column = |f: &dyn Fn(&RoutingColumns) -> Option<i64>| {
        rows.iter()
            .map(|s| s.record.as_ref().and_then(|r| f(&r.routing)))
            .collect::<Vec<_>>()
    };
    let route_state = column(&|r| Some(r.route_state));
    let priority = column(&|r| r.queue_priority);
    let since = column(&|r| r.queue_since);
    q.bind(
        rows.iter()
            .map(|s| s.record.as_ref().and_then(|r| r.routing.holder))
            .collect::<Vec<_>>(),
    )
    .bind(
        rows.iter()
            .map(|s| s.record.as_ref().and_then(|r| r.routing.group.clone()))
            .collect::<Vec<_>>(),
    )
    .bind(route_state)
    .bind(priority)
    .bind(since)
}

fn bind_events(q: Query, rows: &[EventRow]) -> Query {
    q.bind(rows.iter().map(|e| e.session).collect::<Vec<_>>())
        .bind(rows.iter().map(|e| seq_param(e.seq)).collect::<Vec<_>>())
        .bind(rows.iter().map(|e| e.kind.to_owned()).collect::<Vec<_>>())
        .bind(rows.iter().map(|e| e.author).collect::<Vec<_>>())
        .bind(
            rows.iter()
                .map(|e| e.idempotency_key.clone())
                .collect::<Vec<_>>(),
        )
        .bind(rows.iter().map(|e| e.time).collect::<Vec<_>>())
        .bind(rows.iter().map(|e| e.payload.clone()).collect::<Vec<_>>())
}

fn bind_members(q: Query, rows: &[MemberRow]) -> Query {
    q.bind(rows.iter().map(|m| m.terminal).collect::<Vec<_>>())
        .bind(rows.iter().map(|m| m.session).collect::<Vec<_>>())
        .bind(
            rows.iter()
                .map(|m| m.joined.map(seq_param))
                .collect::<Vec<_>>(),
        )
        .bind(
            rows.iter()
                .map(|m| m.left.map(seq_param))
                .collect::<Vec<_>>(),
        )
}

fn bind_history(q: Query, rows: &[HistoryRow]) -> Query {
    q.bind(rows.iter().map(|h| h.session).collect::<Vec<_>>())
        .bind(rows.iter().map(|h| h.kind.as_str()).collect::<Vec<_>>())
        .bind(rows.iter().map(|h| seq_param(h.seq)).collect::<Vec<_>>())
        .bind(rows.iter().map(|h| h.payload.clone()).collect::<Vec<_>>())
}

fn bind_acks(q: Query, rows: &[AckRow]) -> Query {
    q.bind(rows.iter().map(|a| a.terminal).collect::<Vec<_>>())
        .bind(rows.iter().map(|a| a.session).collect::<Vec<_>>())
        .bind(rows.iter().map(|a| seq_param(a.seq)).collect::<Vec<_>>())
}

store_impl!(PgStore, PgRow);
super::routing::routing_impl!(PgStore, PgRow);
super::rules::rules_impl!(PgStore);
