//! Storage of routing: terminals' statuses and capacities, the seats that count their load, how
//! groups route, and the queue, which is no table of its own but the routing columns of the
//! sessions (kept from each record by the commit that writes it, so a queued transfer and its
//! place in the queue are written together, atomically, and cannot part).
//!
//! The one write that must be atomic across replicas is taking a seat: under a lock on the
//! terminal's row, a seat is taken only while the terminal's seats are fewer than its capacity.

use std::collections::HashMap;

use uuid::Uuid;

use crate::domain::Millis;
use crate::domain::queue::Policy;
use crate::error::Result;

/// A terminal's routing state as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TerminalStateRow {
    pub id: Uuid,
    pub name: String,
    pub kind: i32,
    /// As the terminal set it; None if it never did.
    pub status: Option<i32>,
    pub reason: String,
    pub changed_ms: Option<Millis>,
    pub idle_since_ms: Millis,
    pub absent_since_ms: Option<Millis>,
    /// None: no limit.
    pub capacity: Option<u32>,
    /// Its seats.
    pub load: u32,
    /// Attached to a replica whose heartbeat is recent.
    pub attached: bool,
}

/// Which terminals' states to read.
#[derive(Debug, Clone, Default)]
pub struct StateFilter<'a> {
    /// Only members of this group.
    pub group: Option<&'a str>,
    /// Only these terminals.
    pub ids: Option<&'a [Uuid]>,
    /// Names after this one (paging).
    pub after_name: Option<&'a str>,
    /// Status changed at or after this.
    pub changed_since: Option<Millis>,
    pub limit: usize,
}

/// What taking a seat did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seat {
    Taken,
    /// The terminal had a seat in the session already.
    Held,
    /// At capacity: no seat.
    Full,
}

/// A transfer waiting in a queue: its session, priority and arrival.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QueueEntry {
    pub session: Uuid,
    pub priority: i32,
    pub since_ms: Millis,
}

/// A queue's figures as stored.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct QueueFigures {
    pub length: u64,
    pub oldest_since_ms: Option<Millis>,
    pub offers_in_flight: u64,
}

/// Which sessions ListSessions reads.
#[derive(Debug, Clone, Default)]
pub struct SessionFilter {
    pub holder: Option<Uuid>,
    pub group: Option<String>,
    pub state: Option<i64>,
    pub queued: bool,
    /// Ids before this one (paging newest first).
    pub before: Option<Uuid>,
    pub limit: usize,
}

/// A session held by a terminal, routed through a group: what the away re-queue looks at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeldSession {
    pub session: Uuid,
    pub holder: Uuid,
    pub group: String,
}

#[tonic::async_trait]
pub trait RoutingStore: Send + Sync + 'static {
    /// Sets a terminal's status; a change to AVAILABLE from anything else starts its idle time.
    async fn set_status(
        &self,
        terminal: Uuid,
        status: i32,
        reason: &str,
        now: Millis,
    ) -> Result<()>;
    /// Sets a terminal's capacity (None: no limit); false when there is no such terminal.
    async fn set_capacity(&self, terminal: Uuid, capacity: Option<u32>) -> Result<bool>;
    /// Terminals' routing states, by name; `live_since`: the oldest heartbeat that counts.
    async fn terminal_states(
        &self,
        filter: &StateFilter<'_>,
        live_since: Millis,
    ) -> Result<Vec<TerminalStateRow>>;
    /// Takes a seat for `terminal` in `session`, atomically across replicas: only while its
    /// seats are fewer than its capacity.
    async fn take_seat(&self, terminal: Uuid, session: Uuid, now: Millis) -> Result<Seat>;
    /// Gives up the seats in `session` of `terminals`; those whose seat went start their idle
    /// time at `now`. Returns them.
    async fn release_seats(
        &self,
        session: Uuid,
        terminals: &[Uuid],
        now: Millis,
    ) -> Result<Vec<Uuid>>;
    /// Seats taken before `before`, for the check that gives up those no session accounts for.
    async fn seats_before(&self, before: Millis, limit: usize) -> Result<Vec<(Uuid, Uuid)>>;
    /// Every group's routing an administrator set.
    async fn group_policies(&self) -> Result<HashMap<String, Policy>>;
    async fn set_group_policy(&self, group: &str, policy: &Policy) -> Result<()>;
    /// The transfers waiting in `group`'s queue, first first.
    async fn queue(&self, group: &str, limit: usize) -> Result<Vec<QueueEntry>>;
    /// How many waiting transfers of `group` stand before one of `priority` that arrived at
    /// `since_ms` (ties by session id).
    async fn queue_ahead(&self, group: &str, entry: &QueueEntry) -> Result<u64>;
    /// The groups with transfers waiting.
    async fn queued_groups(&self) -> Result<Vec<String>>;
    async fn queue_figures(&self, group: &str) -> Result<QueueFigures>;
    /// Every group that has members, a routing set, or sessions routed through it, by name.
    async fn group_names(&self, after: &str, limit: usize) -> Result<Vec<String>>;
    /// Sessions by ListSessions' filters, newest first, as records (without history).
    async fn list_sessions(&self, filter: &SessionFilter) -> Result<Vec<crate::pb::Session>>;
    /// Open sessions routed through one of `groups` whose holders are members of that group,
    /// with no transfer routed now, and their holders.
    async fn held_sessions(&self, groups: &[String], limit: usize) -> Result<Vec<HeldSession>>;
    /// Records when these terminals were first seen detached (kept if already set), and that
    /// the others are attached.
    async fn mark_absent(&self, absent: &[Uuid], present: &[Uuid], now: Millis) -> Result<()>;
}

/// The implementation both backends share, on the helpers [`super::shared::store_impl`] defines
/// in the same module (`db_id`, `get_id`) and the backend's `any_of`, `id_list`, `begin_write`
/// and `LOCK_TERMINAL` (Postgres locks the terminal's row; SQLite's write transaction is the lock).
macro_rules! routing_impl {
    ($store:ty, $row:ty) => {
        use $crate::domain::queue::{Policy, Strategy};
        use $crate::store::routing::{
            HeldSession, QueueEntry, QueueFigures, RoutingStore, Seat, SessionFilter,
            StateFilter, TerminalStateRow,
        };

        fn opt_u32(v: Option<i64>) -> Option<u32> {
            v.and_then(|v| u32::try_from(v).ok())
        }

        fn duration_ms(ms: i64) -> Option<std::time::Duration> {
            u64::try_from(ms)
                .ok()
                .filter(|ms| *ms > 0)
                .map(std::time::Duration::from_millis)
        }

        fn ms_of(d: Option<std::time::Duration>) -> i64 {
            d.map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
        }

        #[tonic::async_trait]
        impl RoutingStore for $store {
            async fn set_status(
                &self,
                terminal: uuid::Uuid,
                status: i32,
                reason: &str,
                now: Millis,
            ) -> Result<()> {
                let available = pb::TerminalStatus::Available as i64;
                sqlx::query(
                    "INSERT INTO terminal_status (terminal_id, status, reason, changed_ms, \
                     idle_since_ms) VALUES ($1, $2, $3, $4, $4) \
                     ON CONFLICT (terminal_id) DO UPDATE SET status = excluded.status, \
                     reason = excluded.reason, changed_ms = excluded.changed_ms, \
                     idle_since_ms = CASE WHEN excluded.status = $5 \
                         AND terminal_status.status IS DISTINCT FROM $5 \
                         THEN excluded.changed_ms ELSE terminal_status.idle_since_ms END",
                )
                .bind(db_id(terminal))
                .bind(i64::from(status))
                .bind(reason)
                .bind(now)
                .bind(available)
                .execute(&self.write)
                .await?;
                Ok(())
            }

            async fn set_capacity(
                &self,
                terminal: uuid::Uuid,
                capacity: Option<u32>,
            ) -> Result<bool> {
                let done = sqlx::query("UPDATE terminals SET capacity = $2 WHERE id = $1")
                    .bind(db_id(terminal))
                    .bind(capacity.map(i64::from))
                    .execute(&self.write)
                    .await?;
                Ok(done.rows_affected() == 1)
            }

            async fn terminal_states(
                &self,
                f: &StateFilter<'_>,
                live_since: Millis,
            ) -> Result<Vec<TerminalStateRow>> {
                let mut sql = String::from(
                    "SELECT t.id, t.name, t.kind, t.capacity, st.status, \
                     COALESCE(st.reason, '') AS reason, st.changed_ms, \
                     COALESCE(st.idle_since_ms, 0) AS idle_since_ms, st.absent_since_ms, \
                     (SELECT COUNT(*) FROM seats x WHERE x.terminal_id = t.id) AS load, \
                     EXISTS (SELECT 1 FROM presence p JOIN replicas r \
                         ON r.replica_id = p.replica_id \
                         WHERE p.terminal_id = t.id AND r.seen_ms >= $1) AS attached \
                     FROM terminals t LEFT JOIN terminal_status st ON st.terminal_id = t.id \
                     WHERE 1 = 1",
                );
                let mut n = 1;
                let mut next = || {
                    n += 1;
                    n
                };
                if f.group.is_some() {
                    sql += &format!(
                        " AND t.id IN (SELECT terminal_id FROM terminal_groups \
                         WHERE group_name = ${})",
                        next()
                    );
                }
                if f.ids.is_some() {
                    sql += &format!(" AND t.id {}", <$store>::any_of(next()));
                }
                if f.after_name.is_some() {
                    sql += &format!(" AND t.name > ${}", next());
                }
                if f.changed_since.is_some() {
                    sql += &format!(" AND st.changed_ms >= ${}", next());
                }
                sql += &format!(" ORDER BY t.name LIMIT ${}", next());
                let mut q = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(live_since);
                if let Some(g) = f.group {
                    q = q.bind(g);
                }
                if let Some(ids) = f.ids {
                    q = q.bind(<$store>::id_list(ids));
                }
                if let Some(a) = f.after_name {
                    q = q.bind(a);
                }
                if let Some(c) = f.changed_since {
                    q = q.bind(c);
                }
                let rows = q
                    .bind(i64::try_from(f.limit).unwrap_or(i64::MAX))
                    .fetch_all(&self.read)
                    .await?;
                rows.iter()
                    .map(|row| {
                        Ok(TerminalStateRow {
                            id: get_id(row, "id")?,
                            name: row.try_get("name")?,
                            kind: row.try_get::<i64, _>("kind")? as i32,
                            status: row.try_get::<Option<i64>, _>("status")?.map(|s| s as i32),
                            reason: row.try_get("reason")?,
                            changed_ms: row.try_get("changed_ms")?,
                            idle_since_ms: row.try_get("idle_since_ms")?,
                            absent_since_ms: row.try_get("absent_since_ms")?,
                            capacity: opt_u32(row.try_get("capacity")?),
                            load: opt_u32(Some(row.try_get("load")?)).unwrap_or(u32::MAX),
                            attached: row.try_get("attached")?,
                        })
                    })
                    .collect()
            }

            async fn take_seat(
                &self,
                terminal: uuid::Uuid,
                session: uuid::Uuid,
                now: Millis,
            ) -> Result<Seat> {
                let mut tx = self.begin_write().await?;
                let Some(row) = sqlx::query(<$store>::LOCK_TERMINAL)
                    .bind(db_id(terminal))
                    .fetch_optional(&mut *tx)
                    .await?
                else {
                    return Ok(Seat::Full);
                };
                let capacity: Option<i64> = row.try_get(0)?;
                // Read after the lock: a seat another replica took meanwhile is counted.
                let row = sqlx::query(
                    "SELECT COUNT(*), COUNT(*) FILTER (WHERE session_id = $2) FROM seats \
                     WHERE terminal_id = $1",
                )
                .bind(db_id(terminal))
                .bind(db_id(session))
                .fetch_one(&mut *tx)
                .await?;
                let (held, mine): (i64, i64) = (row.try_get(0)?, row.try_get(1)?);
                if mine > 0 {
                    return Ok(Seat::Held);
                }
                if capacity.is_some_and(|c| held >= c) {
                    return Ok(Seat::Full);
                }
                sqlx::query(
                    "INSERT INTO seats (terminal_id, session_id, since_ms) VALUES ($1, $2, $3)",
                )
                .bind(db_id(terminal))
                .bind(db_id(session))
                .bind(now)
                .execute(&mut *tx)
                .await?;
                // A member that takes a session is not idle: LONGEST_IDLE puts it behind the
                // others until this one (or another) leaves it.
                sqlx::query(
                    "INSERT INTO terminal_status (terminal_id, idle_since_ms) VALUES ($1, $2) \
                     ON CONFLICT (terminal_id) DO UPDATE SET idle_since_ms = excluded.idle_since_ms",
                )
                .bind(db_id(terminal))
                .bind(now)
                .execute(&mut *tx)
                .await?;
                tx.commit().await?;
                Ok(Seat::Taken)
            }


            async fn release_seats(
                &self,
                session: uuid::Uuid,
                terminals: &[uuid::Uuid],
                now: Millis,
            ) -> Result<Vec<uuid::Uuid>> {
                let mut tx = self.begin_write().await?;
                let sql = format!(
                    "DELETE FROM seats WHERE session_id = $1 AND terminal_id {} \
                     RETURNING terminal_id",
                    <$store>::any_of(2)
                );
                let released = sqlx::query(sqlx::AssertSqlSafe(sql))
                    .bind(db_id(session))
                    .bind(<$store>::id_list(terminals))
                    .fetch_all(&mut *tx)
                    .await?
                    .iter()
                    .map(|r| get_id(r, 0))
                    .collect::<Result<Vec<_>>>()?;
                for t in &released {
                    sqlx::query(
                        "INSERT INTO terminal_status (terminal_id, idle_since_ms) VALUES ($1, $2) \
                         ON CONFLICT (terminal_id) DO UPDATE SET idle_since_ms = excluded.idle_since_ms",
                    )
                    .bind(db_id(*t))
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
                }
                tx.commit().await?;
                Ok(released)
            }

            async fn seats_before(
                &self,
                before: Millis,
                limit: usize,
            ) -> Result<Vec<(uuid::Uuid, uuid::Uuid)>> {
                let rows = sqlx::query(
                    "SELECT terminal_id, session_id FROM seats WHERE since_ms < $1 \
                     ORDER BY since_ms LIMIT $2",
                )
                .bind(before)
                .bind(i64::try_from(limit).unwrap_or(i64::MAX))
                .fetch_all(&self.read)
                .await?;
                rows.iter()
                    .map(|r| Ok((get_id(r, 0)?, get_id(r, 1)?)))
                    .collect()
            }

            async fn group_policies(
                &self,
            ) -> Result<std::collections::HashMap<String, Policy>> {
                let rows = sqlx::query(
                    "SELECT group_name, strategy, ring_timeout_ms, max_wait_ms, overflow_group, \
                     away_grace_ms FROM group_routing",
                )
                .fetch_all(&self.read)
                .await?;
                let mut out = std::collections::HashMap::new();
                for row in &rows {
                    let overflow: String = row.try_get(4)?;
                    out.insert(
                        row.try_get::<String, _>(0)?,
                        Policy {
                            strategy: Strategy::from_pb(row.try_get::<i64, _>(1)? as i32),
                            ring_timeout: duration_ms(row.try_get(2)?),
                            max_wait: duration_ms(row.try_get(3)?),
                            overflow: (!overflow.is_empty()).then_some(overflow),
                            away_grace: duration_ms(row.try_get(5)?),
                        },
                    );
                }
                Ok(out)
            }

            async fn set_group_policy(&self, group: &str, p: &Policy) -> Result<()> {
                sqlx::query(
                    "INSERT INTO group_routing (group_name, strategy, ring_timeout_ms, \
                     max_wait_ms, overflow_group, away_grace_ms) VALUES ($1, $2, $3, $4, $5, $6) \
                     ON CONFLICT (group_name) DO UPDATE SET strategy = excluded.strategy, \
                     ring_timeout_ms = excluded.ring_timeout_ms, \
                     max_wait_ms = excluded.max_wait_ms, \
                     overflow_group = excluded.overflow_group, \
                     away_grace_ms = excluded.away_grace_ms",
                )
                .bind(group)
                .bind(p.strategy.to_pb() as i64)
                .bind(ms_of(p.ring_timeout))
                .bind(ms_of(p.max_wait))
                .bind(p.overflow.clone().unwrap_or_default())
                .bind(ms_of(p.away_grace))
                .execute(&self.write)
                .await?;
                Ok(())
            }

            async fn queue(&self, group: &str, limit: usize) -> Result<Vec<QueueEntry>> {
                let rows = sqlx::query(
                    "SELECT id, queue_priority, queue_since_ms FROM sessions \
                     WHERE group_name = $1 AND route_state = 1 \
                     ORDER BY queue_priority DESC, queue_since_ms, id LIMIT $2",
                )
                .bind(group)
                .bind(i64::try_from(limit).unwrap_or(i64::MAX))
                .fetch_all(&self.read)
                .await?;
                rows.iter()
                    .map(|r| {
                        Ok(QueueEntry {
                            session: get_id(r, 0)?,
                            priority: r.try_get::<Option<i64>, _>(1)?.unwrap_or(0) as i32,
                            since_ms: r.try_get::<Option<i64>, _>(2)?.unwrap_or(0),
                        })
                    })
                    .collect()
            }

            async fn queue_ahead(&self, group: &str, e: &QueueEntry) -> Result<u64> {
                let row = sqlx::query(
                    "SELECT COUNT(*) FROM sessions WHERE group_name = $1 AND route_state = 1 \
                     AND id <> $4 AND (queue_priority > $2 OR (queue_priority = $2 AND \
                     (queue_since_ms < $3 OR (queue_since_ms = $3 AND id < $4))))",
                )
                .bind(group)
                .bind(i64::from(e.priority))
                .bind(e.since_ms)
                .bind(db_id(e.session))
                .fetch_one(&self.read)
                .await?;
                Ok(row.try_get::<i64, _>(0)?.max(0) as u64)
            }

            async fn queued_groups(&self) -> Result<Vec<String>> {
                let rows = sqlx::query(
                    "SELECT DISTINCT group_name FROM sessions WHERE route_state = 1 \
                     ORDER BY group_name",
                )
                .fetch_all(&self.read)
                .await?;
                rows.iter().map(|r| Ok(r.try_get(0)?)).collect()
            }

            async fn queue_figures(&self, group: &str) -> Result<QueueFigures> {
                let row = sqlx::query(
                    "SELECT COUNT(*) FILTER (WHERE route_state = 1), \
                     MIN(queue_since_ms) FILTER (WHERE route_state = 1), \
                     COUNT(*) FILTER (WHERE route_state = 2) \
                     FROM sessions WHERE group_name = $1 AND route_state <> 0",
                )
                .bind(group)
                .fetch_one(&self.read)
                .await?;
                Ok(QueueFigures {
                    length: row.try_get::<i64, _>(0)?.max(0) as u64,
                    oldest_since_ms: row.try_get(1)?,
                    offers_in_flight: row.try_get::<i64, _>(2)?.max(0) as u64,
                })
            }

            async fn group_names(&self, after: &str, limit: usize) -> Result<Vec<String>> {
                let rows = sqlx::query(
                    "SELECT g FROM (SELECT group_name AS g FROM terminal_groups \
                     UNION SELECT group_name FROM group_routing \
                     UNION SELECT group_name FROM sessions WHERE route_state <> 0) AS n \
                     WHERE g > $1 ORDER BY g LIMIT $2",
                )
                .bind(after)
                .bind(i64::try_from(limit).unwrap_or(i64::MAX))
                .fetch_all(&self.read)
                .await?;
                rows.iter().map(|r| Ok(r.try_get(0)?)).collect()
            }

            async fn list_sessions(&self, f: &SessionFilter) -> Result<Vec<pb::Session>> {
                let mut sql = String::from("SELECT snapshot, last_seq FROM sessions WHERE 1 = 1");
                let mut n = 0;
                let mut next = || {
                    n += 1;
                    n
                };
                if f.holder.is_some() {
                    sql += &format!(" AND holder_id = ${}", next());
                }
                if f.group.is_some() {
                    sql += &format!(" AND group_name = ${}", next());
                }
                if f.state.is_some() {
                    sql += &format!(" AND state = ${}", next());
                }
                if f.queued {
                    sql += " AND route_state = 1";
                }
                if f.before.is_some() {
                    sql += &format!(" AND id < ${}", next());
                }
                sql += &format!(" ORDER BY id DESC LIMIT ${}", next());
                let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
                if let Some(h) = f.holder {
                    q = q.bind(db_id(h));
                }
                if let Some(g) = &f.group {
                    q = q.bind(g.clone());
                }
                if let Some(s) = f.state {
                    q = q.bind(s);
                }
                if let Some(b) = f.before {
                    q = q.bind(db_id(b));
                }
                let rows = q
                    .bind(i64::try_from(f.limit).unwrap_or(i64::MAX))
                    .fetch_all(&self.read)
                    .await?;
                rows.iter()
                    .map(|r| record::decode(&r.try_get::<Vec<u8>, _>(0)?, r.try_get(1)?))
                    .collect()
            }

            async fn held_sessions(
                &self,
                groups: &[String],
                limit: usize,
            ) -> Result<Vec<HeldSession>> {
                let sql = format!(
                    "SELECT id, holder_id, group_name FROM sessions WHERE state = $1 \
                     AND route_state = 0 AND holder_id IS NOT NULL AND group_name {} \
                     AND EXISTS (SELECT 1 FROM terminal_groups g \
                         WHERE g.group_name = sessions.group_name \
                         AND g.terminal_id = sessions.holder_id) \
                     ORDER BY id LIMIT $3",
                    <$store>::text_any_of(2)
                );
                let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
                    .bind(pb::SessionState::Open as i64)
                    .bind(<$store>::text_list(groups))
                    .bind(i64::try_from(limit).unwrap_or(i64::MAX))
                    .fetch_all(&self.read)
                    .await?;
                rows.iter()
                    .map(|r| {
                        Ok(HeldSession {
                            session: get_id(r, 0)?,
                            holder: get_id(r, 1)?,
                            group: r.try_get(2)?,
                        })
                    })
                    .collect()
            }

            async fn mark_absent(
                &self,
                absent: &[uuid::Uuid],
                present: &[uuid::Uuid],
                now: Millis,
            ) -> Result<()> {
                let mut tx = self.begin_write().await?;
                for t in absent {
                    sqlx::query(
                        "INSERT INTO terminal_status (terminal_id, absent_since_ms) VALUES ($1, $2) \
                         ON CONFLICT (terminal_id) DO UPDATE SET absent_since_ms = \
                         COALESCE(terminal_status.absent_since_ms, excluded.absent_since_ms)",
                    )
                    .bind(db_id(*t))
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
                }
                if !present.is_empty() {
                    let sql = format!(
                        "UPDATE terminal_status SET absent_since_ms = NULL \
                         WHERE absent_since_ms IS NOT NULL AND terminal_id {}",
                        <$store>::any_of(1)
                    );
                    sqlx::query(sqlx::AssertSqlSafe(sql))
                        .bind(<$store>::id_list(present))
                        .execute(&mut *tx)
                        .await?;
                }
                tx.commit().await?;
                Ok(())
            }
        }
    };
}

pub(super) use routing_impl;
