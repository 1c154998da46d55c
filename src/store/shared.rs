//! What the Postgres and SQLite stores share: choosing a backend, and every query whose SQL is
//! the same on both (terminals, tokens, presence, audit, reads of the log). Those are written
//! once, in [`store_impl!`], which each backend expands over its own native pool; the backend
//! files hold only what differs (pools and pragmas, list parameters, locking, and the group
//! commit's `records` / `originals` / `persist`).

use std::sync::Arc;

use crate::error::{Error, Result};

use super::Store;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Postgres,
    Sqlite,
}

impl Backend {
    pub fn from_url(url: &str) -> Result<Backend> {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(Backend::Postgres)
        } else if url.starts_with("sqlite:") {
            Ok(Backend::Sqlite)
        } else {
            Err(Error::invalid(
                "database_url",
                "expected a postgres:// or sqlite: URL",
            ))
        }
    }
}

/// Connects to the database of `url` (creating an SQLite file if needed) and migrates it.
pub async fn connect(url: &str, max_connections: u32) -> Result<Arc<dyn Store>> {
    Ok(match Backend::from_url(url)? {
        Backend::Postgres => {
            Arc::new(super::postgres::PgStore::connect(url, max_connections).await?)
        }
        Backend::Sqlite => {
            Arc::new(super::sqlite::SqliteStore::connect(url, max_connections).await?)
        }
    })
}

/// The file of a `sqlite://` URL (None for Postgres and in-memory databases).
pub fn sqlite_path(url: &str) -> Option<std::path::PathBuf> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))?;
    let file = rest.split('?').next().unwrap_or(rest);
    (!file.is_empty() && !file.contains(":memory:")).then(|| std::path::PathBuf::from(file))
}

/// A sequence number as a BIGINT parameter (a client may send any u64; the log never gets near
/// i64::MAX, so clamping keeps comparisons right).
pub(super) fn seq_param(seq: u64) -> i64 {
    seq.min(i64::MAX as u64) as i64
}

pub(super) fn parse_uuid(s: &str) -> Result<uuid::Uuid> {
    s.parse()
        .map_err(|e| Error::Internal(format!("id {s:?} is not a UUID: {e}")))
}

pub(super) fn map_unique(e: sqlx::Error, what: String) -> Error {
    match &e {
        sqlx::Error::Database(db) if db.is_unique_violation() => Error::AlreadyExists(what),
        _ => Error::Storage(e),
    }
}

pub(super) fn history_kind(kind: &str) -> Result<super::HistoryKind> {
    match kind {
        "transfer" => Ok(super::HistoryKind::Transfer),
        "tenure" => Ok(super::HistoryKind::Tenure),
        other => Err(Error::Internal(format!("unknown history kind {other:?}"))),
    }
}

/// A stored limit, which fits a u32 (the API takes nothing larger).
pub(super) fn limit_column(name: &str, v: Option<i64>) -> Result<Option<u32>> {
    v.map(|v| u32::try_from(v).map_err(|_| Error::Internal(format!("stored {name} {v}"))))
        .transpose()
}

/// The advisory lock of the retention purge on Postgres (any constant no other lock of the
/// database's users takes: "handoff" in ASCII).
pub(super) const PURGE_LOCK: i64 = 0x68616e646f6666;

/// The `Store` implementation both backends share. The backend type implements [`Dialect`] (its
/// database and id types) and provides, as inherent methods: `begin_write`, `any_of` (an SQL
/// condition "is one of list parameter `$n`") with `id_list` (that parameter's value, from a list
/// of ids), `try_purge_lock`, `write_rows`, `backend_originals`, `backend_persist` and
/// `backend_pool_usage`; and the pools `read` and `write`.
macro_rules! store_impl {
    ($store:ty, $row:ty) => {
        use sqlx::Row as _;

        use $crate::domain::{self, Millis};
        use $crate::error::{Error, Result};
        use $crate::limits::TerminalLimits;
        use $crate::pb;
        use $crate::store::shared::{
            history_kind, limit_column, map_unique, parse_uuid, seq_param,
        };
        use $crate::store::{
            Appended, ChangedSession, Changes, CommitRows, Membership, MessageKey, Removed,
            SessionRecord, SessionToken, Store, record,
        };

        /// An id as this backend stores it.
        fn db_id(id: uuid::Uuid) -> <$store as Dialect>::Id {
            <$store as Dialect>::id(id)
        }

        /// The id in column `index` of `row`.
        fn get_id<I: sqlx::ColumnIndex<$row>>(row: &$row, index: I) -> Result<uuid::Uuid> {
            Ok(<$store as Dialect>::uuid(
                row.try_get::<<$store as Dialect>::Id, _>(index)?,
            ))
        }

        const SELECT_LIMITS: &str = "SELECT terminal_id, messages_per_second, messages_burst, \
             connects_per_second, connects_burst, max_attach_streams FROM terminal_limits";

        fn decode_limits(row: &$row) -> Result<(uuid::Uuid, TerminalLimits)> {
            let column = |name: &str| limit_column(name, row.try_get(name)?);
            let id = get_id(row, "terminal_id")?;
            let limits = TerminalLimits {
                messages_per_second: column("messages_per_second")?,
                messages_burst: column("messages_burst")?,
                connects_per_second: column("connects_per_second")?,
                connects_burst: column("connects_burst")?,
                max_attach_streams: column("max_attach_streams")?,
            };
            Ok((id, limits))
        }

        fn decode_terminal(row: &$row) -> Result<pb::Terminal> {
            Ok(pb::Terminal {
                id: get_id(row, "id")?.to_string(),
                name: row.try_get("name")?,
                display_name: row.try_get("display_name")?,
                kind: row.try_get::<i64, _>("kind")? as i32,
                create_time: Some(domain::timestamp(row.try_get("created_ms")?)),
                groups: Vec::new(),
            })
        }

        fn decode_event(row: &$row) -> Result<pb::Event> {
            use prost::Message as _;
            let bytes: Vec<u8> = row.try_get(0)?;
            pb::Event::decode(bytes.as_slice())
                .map_err(|e| Error::Internal(format!("corrupt event: {e}")))
        }

        fn decode_history(row: &$row) -> Result<($crate::store::HistoryKind, u64, Vec<u8>)> {
            Ok((
                history_kind(&row.try_get::<String, _>(0)?)?,
                row.try_get::<i64, _>(1)? as u64,
                row.try_get::<Vec<u8>, _>(2)?,
            ))
        }

        fn decode_membership(row: &$row) -> Result<Membership> {
            Ok(Membership {
                session_id: get_id(row, 0)?,
                joined_seq: row.try_get::<i64, _>(1)? as u64,
                left_seq: row.try_get::<Option<i64>, _>(2)?.map(|s| s as u64),
                acked_seq: row.try_get::<i64, _>(3)? as u64,
            })
        }

        /// Deletes `ids` from every table that keeps something of a session; counts what went.
        async fn delete_sessions_in(
            tx: &mut sqlx::Transaction<'static, <$store as Dialect>::Db>,
            ids: &[uuid::Uuid],
        ) -> Result<Removed> {
            let mut removed = Removed::default();
            let mut delete = async |table: &str, column: &str| -> Result<u64> {
                let sql = format!(
                    "DELETE FROM {table} WHERE {column} {}",
                    <$store>::any_of(1)
                );
                Ok(sqlx::query(sqlx::AssertSqlSafe(sql))
                    .bind(<$store>::id_list(ids))
                    .execute(&mut **tx)
                    .await?
                    .rows_affected())
            };
            removed.events += delete("events", "session_id").await?;
            removed.memberships += delete("members", "session_id").await?;
            removed.session_tokens += delete("session_tokens", "session_id").await?;
            delete("session_history", "session_id").await?;
            removed.sessions += delete("sessions", "id").await?;
            Ok(removed)
        }

        #[tonic::async_trait]
        impl Store for $store {
            async fn create_terminal(&self, t: &pb::Terminal, token_hash: &str) -> Result<()> {
                sqlx::query(
                    "INSERT INTO terminals (id, name, display_name, kind, token_hash, created_ms) \
                     VALUES ($1, $2, $3, $4, $5, $6)",
                )
                .bind(db_id(parse_uuid(&t.id)?))
                .bind(&t.name)
                .bind(&t.display_name)
                .bind(i64::from(t.kind))
                .bind(token_hash)
                .bind(domain::millis(&t.create_time).unwrap_or_default())
                .execute(&self.write)
                .await
                .map_err(|e| {
                    map_unique(e, format!("a terminal named {:?} already exists", t.name))
                })?;
                Ok(())
            }

            async fn terminal(&self, id: uuid::Uuid) -> Result<Option<pb::Terminal>> {
                let row = sqlx::query(
                    "SELECT id, name, display_name, kind, created_ms FROM terminals WHERE id = $1",
                )
                .bind(db_id(id))
                .fetch_optional(&self.read)
                .await?;
                row.as_ref().map(decode_terminal).transpose()
            }

            async fn terminal_by_token_hash(
                &self,
                token_hash: &str,
            ) -> Result<Option<pb::Terminal>> {
                let row = sqlx::query(
                    "SELECT id, name, display_name, kind, created_ms FROM terminals \
                     WHERE token_hash = $1",
                )
                .bind(token_hash)
                .fetch_optional(&self.read)
                .await?;
                row.as_ref().map(decode_terminal).transpose()
            }

            async fn terminal_by_name(&self, name: &str) -> Result<Option<pb::Terminal>> {
                let row = sqlx::query(
                    "SELECT id, name, display_name, kind, created_ms FROM terminals WHERE name = $1",
                )
                .bind(name)
                .fetch_optional(&self.read)
                .await?;
                row.as_ref().map(decode_terminal).transpose()
            }

            async fn list_terminals(
                &self,
                after_name: &str,
                limit: usize,
            ) -> Result<Vec<pb::Terminal>> {
                let rows = sqlx::query(
                    "SELECT id, name, display_name, kind, created_ms FROM terminals \
                     WHERE name > $1 ORDER BY name LIMIT $2",
                )
                .bind(after_name)
                .bind(limit as i64)
                .fetch_all(&self.read)
                .await?;
                rows.iter().map(decode_terminal).collect()
            }

            async fn set_token_hash(&self, id: uuid::Uuid, token_hash: &str) -> Result<bool> {
                let done = sqlx::query(
                    "UPDATE terminals SET token_hash = $2, token_changed_ms = $3 WHERE id = $1",
                )
                .bind(db_id(id))
                .bind(token_hash)
                .bind(domain::now_millis())
                .execute(&self.write)
                .await?;
                Ok(done.rows_affected() == 1)
            }

            async fn set_groups(&self, id: uuid::Uuid, groups: &[String]) -> Result<bool> {
                let id = db_id(id);
                let mut tx = self.begin_write().await?;
                let exists = sqlx::query("SELECT 1 FROM terminals WHERE id = $1")
                    .bind(&id)
                    .fetch_optional(&mut *tx)
                    .await?
                    .is_some();
                if !exists {
                    return Ok(false);
                }
                sqlx::query("DELETE FROM terminal_groups WHERE terminal_id = $1")
                    .bind(&id)
                    .execute(&mut *tx)
                    .await?;
                for group in groups {
                    sqlx::query(
                        "INSERT INTO terminal_groups (group_name, terminal_id) VALUES ($1, $2) \
                         ON CONFLICT (group_name, terminal_id) DO NOTHING",
                    )
                    .bind(group)
                    .bind(&id)
                    .execute(&mut *tx)
                    .await?;
                }
                tx.commit().await?;
                Ok(true)
            }

            async fn set_terminal_limits(
                &self,
                id: uuid::Uuid,
                limits: &TerminalLimits,
                now: Millis,
            ) -> Result<bool> {
                let id = db_id(id);
                let mut tx = self.begin_write().await?;
                let exists = sqlx::query("SELECT 1 FROM terminals WHERE id = $1")
                    .bind(&id)
                    .fetch_optional(&mut *tx)
                    .await?
                    .is_some();
                if !exists {
                    return Ok(false);
                }
                if limits.is_empty() {
                    sqlx::query("DELETE FROM terminal_limits WHERE terminal_id = $1")
                        .bind(&id)
                        .execute(&mut *tx)
                        .await?;
                } else {
                    let column = |v: Option<u32>| v.map(i64::from);
                    sqlx::query(
                        "INSERT INTO terminal_limits (terminal_id, messages_per_second, \
                         messages_burst, connects_per_second, connects_burst, \
                         max_attach_streams, updated_ms) \
                         VALUES ($1, $2, $3, $4, $5, $6, $7) \
                         ON CONFLICT (terminal_id) DO UPDATE SET \
                         messages_per_second = excluded.messages_per_second, \
                         messages_burst = excluded.messages_burst, \
                         connects_per_second = excluded.connects_per_second, \
                         connects_burst = excluded.connects_burst, \
                         max_attach_streams = excluded.max_attach_streams, \
                         updated_ms = excluded.updated_ms",
                    )
                    .bind(&id)
                    .bind(column(limits.messages_per_second))
                    .bind(column(limits.messages_burst))
                    .bind(column(limits.connects_per_second))
                    .bind(column(limits.connects_burst))
                    .bind(column(limits.max_attach_streams))
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
                }
                tx.commit().await?;
                Ok(true)
            }

            async fn terminal_limits(
                &self,
            ) -> Result<std::collections::HashMap<uuid::Uuid, TerminalLimits>> {
                let rows = sqlx::query(SELECT_LIMITS).fetch_all(&self.read).await?;
                rows.iter().map(decode_limits).collect()
            }

            async fn terminal_limits_of(&self, id: uuid::Uuid) -> Result<Option<TerminalLimits>> {
                let sql = format!("{SELECT_LIMITS} WHERE terminal_id = $1");
                let row = sqlx::query(sqlx::AssertSqlSafe(sql))
                    .bind(db_id(id))
                    .fetch_optional(&self.read)
                    .await?;
                Ok(row.as_ref().map(decode_limits).transpose()?.map(|(_, l)| l))
            }

            async fn groups_of(
                &self,
                ids: &[uuid::Uuid],
            ) -> Result<std::collections::HashMap<uuid::Uuid, Vec<String>>> {
                let mut out: std::collections::HashMap<uuid::Uuid, Vec<String>> =
                    Default::default();
                let sql = format!(
                    "SELECT terminal_id, group_name FROM terminal_groups WHERE terminal_id {} \
                     ORDER BY terminal_id, group_name",
                    <$store>::any_of(1)
                );
                for row in sqlx::query(sqlx::AssertSqlSafe(sql))
                    .bind(<$store>::id_list(ids))
                    .fetch_all(&self.read)
                    .await?
                {
                    out.entry(get_id(&row, 0)?)
                        .or_default()
                        .push(row.try_get(1)?);
                }
                Ok(out)
            }

            async fn group_members(&self, group: &str) -> Result<Vec<uuid::Uuid>> {
                let rows = sqlx::query(
                    "SELECT terminal_id FROM terminal_groups WHERE group_name = $1 \
                     ORDER BY terminal_id",
                )
                .bind(group)
                .fetch_all(&self.read)
                .await?;
                rows.iter()
                    .map(|r| get_id(r, 0))
                    .collect()
            }

            async fn create_session(&self, session: &pb::Session, rows: &CommitRows) -> Result<()> {
                let record = rows
                    .sessions
                    .first()
                    .and_then(|r| r.record.as_ref())
                    .ok_or_else(|| Error::Internal("a new session without its record".into()))?;
                let mut tx = self.begin_write().await?;
                sqlx::query(
                    "INSERT INTO sessions (id, last_seq, state, next_deadline_ms, created_ms, \
                     snapshot, changed_ms, caller_id, version, holder_id, group_name, \
                     route_state, queue_priority, queue_since_ms) \
                     VALUES ($1, $2, $3, $4, $5, $6, $5, $7, 0, $8, $9, $10, $11, $12)",
                )
                .bind(db_id(parse_uuid(&session.id)?))
                .bind(seq_param(session.last_seq))
                .bind(record.state)
                .bind(record.next_deadline)
                .bind(domain::millis(&session.create_time).unwrap_or_default())
                .bind(record.bytes.as_slice())
                .bind(
                    session
                        .caller
                        .as_ref()
                        .map(|c| c.id.clone())
                        .unwrap_or_default(),
                )
                .bind(record.routing.holder.map(db_id))
                .bind(record.routing.group.clone())
                .bind(record.routing.route_state)
                .bind(record.routing.queue_priority)
                .bind(record.routing.queue_since)
                .execute(&mut *tx)
                .await
                .map_err(|e| map_unique(e, "session already exists".to_owned()))?;
                <$store>::write_rows(&mut tx, rows).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn session(&self, id: uuid::Uuid) -> Result<Option<pb::Session>> {
                let Some(row) =
                    sqlx::query("SELECT snapshot, last_seq FROM sessions WHERE id = $1")
                        .bind(db_id(id))
                        .fetch_optional(&self.read)
                        .await?
                else {
                    return Ok(None);
                };
                let session = record::decode(&row.try_get::<Vec<u8>, _>(0)?, row.try_get(1)?)?;
                let rows = sqlx::query(
                    "SELECT kind, seq, payload FROM session_history WHERE session_id = $1",
                )
                .bind(db_id(id))
                .fetch_all(&self.read)
                .await?;
                let history = rows.iter().map(decode_history).collect::<Result<Vec<_>>>()?;
                record::assemble(session, history).map(Some)
            }

            async fn history(
                &self,
                id: uuid::Uuid,
                kind: $crate::store::HistoryKind,
            ) -> Result<Vec<($crate::store::HistoryKind, u64, Vec<u8>)>> {
                let rows = sqlx::query(
                    "SELECT kind, seq, payload FROM session_history \
                     WHERE session_id = $1 AND kind = $2",
                )
                .bind(db_id(id))
                .bind(kind.as_str())
                .fetch_all(&self.read)
                .await?;
                rows.iter().map(decode_history).collect()
            }

            async fn records(
                &self,
                ids: &[uuid::Uuid],
            ) -> Result<std::collections::HashMap<uuid::Uuid, SessionRecord>> {
                let sql = format!(
                    "SELECT id, snapshot, last_seq, version FROM sessions WHERE id {}",
                    <$store>::any_of(1)
                );
                let mut out = std::collections::HashMap::new();
                for row in sqlx::query(sqlx::AssertSqlSafe(sql))
                    .bind(<$store>::id_list(ids))
                    .fetch_all(&self.read)
                    .await?
                {
                    let id = get_id(&row, 0)?;
                    let session =
                        record::decode(&row.try_get::<Vec<u8>, _>(1)?, row.try_get(2)?)?;
                    out.insert(
                        id,
                        SessionRecord {
                            session,
                            version: row.try_get(3)?,
                        },
                    );
                }
                Ok(out)
            }

            async fn originals(
                &self,
                keys: &[MessageKey],
            ) -> Result<std::collections::HashMap<MessageKey, Appended>> {
                self.backend_originals(keys).await
            }

            async fn persist(&self, rows: &CommitRows) -> Result<Vec<uuid::Uuid>> {
                self.backend_persist(rows).await
            }

            async fn events(
                &self,
                session: uuid::Uuid,
                after: u64,
                until: u64,
                limit: usize,
            ) -> Result<Vec<pb::Event>> {
                let rows = sqlx::query(
                    "SELECT payload FROM events WHERE session_id = $1 AND seq > $2 \
                     AND seq <= $3 ORDER BY seq LIMIT $4",
                )
                .bind(db_id(session))
                .bind(seq_param(after))
                .bind(seq_param(until))
                .bind(limit as i64)
                .fetch_all(&self.read)
                .await?;
                rows.iter().map(decode_event).collect()
            }

            async fn control_events(
                &self,
                session: uuid::Uuid,
                after: u64,
                until: u64,
            ) -> Result<Vec<pb::Event>> {
                let rows = sqlx::query(
                    "SELECT payload FROM events WHERE session_id = $1 AND seq > $2 \
                     AND seq <= $3 AND kind <> 'message' ORDER BY seq",
                )
                .bind(db_id(session))
                .bind(seq_param(after))
                .bind(seq_param(until))
                .fetch_all(&self.read)
                .await?;
                rows.iter().map(decode_event).collect()
            }

            async fn messages_before(
                &self,
                session: uuid::Uuid,
                before_seq: u64,
                limit: usize,
            ) -> Result<Vec<pb::Event>> {
                let rows = sqlx::query(
                    "SELECT payload FROM events WHERE session_id = $1 AND kind = 'message' \
                     AND seq < $2 ORDER BY seq DESC LIMIT $3",
                )
                .bind(db_id(session))
                .bind(seq_param(before_seq))
                .bind(limit as i64)
                .fetch_all(&self.read)
                .await?;
                let mut events = rows.iter().map(decode_event).collect::<Result<Vec<_>>>()?;
                events.reverse();
                Ok(events)
            }

            async fn memberships(&self, terminal: uuid::Uuid) -> Result<Vec<Membership>> {
                let rows = sqlx::query(
                    // A correlated subquery rather than a join: the planner hash-joined the
                    // whole sessions table for every reload (a sequential scan per stream
                    // wake-up); this looks up only the sessions the terminal still takes part
                    // in, by primary key.
                    //
                    // Left out: parts the terminal acknowledged to their end, and ended
                    // sessions it acknowledged to the end of the log. A live session stays in
                    // however far it was acknowledged: its next event must still reach the
                    // terminal.
                    "SELECT m.session_id, m.joined_seq, m.left_seq, m.acked_seq FROM members m \
                     WHERE m.terminal_id = $1 AND CASE WHEN m.left_seq IS NOT NULL \
                     THEN m.acked_seq < m.left_seq \
                     ELSE (SELECT s.state <> $2 OR m.acked_seq < s.last_seq FROM sessions s \
                     WHERE s.id = m.session_id) END \
                     ORDER BY m.session_id",
                )
                .bind(db_id(terminal))
                .bind(pb::SessionState::Ended as i64)
                .fetch_all(&self.read)
                .await?;
                rows.iter().map(decode_membership).collect()
            }

            async fn membership(
                &self,
                terminal: uuid::Uuid,
                session: uuid::Uuid,
            ) -> Result<Option<Membership>> {
                let row = sqlx::query(
                    "SELECT session_id, joined_seq, left_seq, acked_seq FROM members \
                     WHERE terminal_id = $1 AND session_id = $2",
                )
                .bind(db_id(terminal))
                .bind(db_id(session))
                .fetch_optional(&self.read)
                .await?;
                row.as_ref().map(decode_membership).transpose()
            }

            async fn due_sessions(&self, now: Millis, limit: usize) -> Result<Vec<uuid::Uuid>> {
                let rows = sqlx::query(
                    "SELECT id FROM sessions WHERE next_deadline_ms IS NOT NULL \
                     AND next_deadline_ms <= $1 ORDER BY next_deadline_ms LIMIT $2",
                )
                .bind(now)
                .bind(limit as i64)
                .fetch_all(&self.read)
                .await?;
                rows.iter()
                    .map(|r| get_id(r, 0))
                    .collect()
            }

            async fn changed_since(&self, since: Millis) -> Result<Changes> {
                let rows = sqlx::query(
                    "SELECT s.id, s.last_seq, m.terminal_id FROM sessions s \
                     LEFT JOIN members m ON m.session_id = s.id AND m.left_seq IS NULL \
                     WHERE s.changed_ms >= $1 ORDER BY s.id",
                )
                .bind(since)
                .fetch_all(&self.read)
                .await?;
                let mut sessions: Vec<ChangedSession> = Vec::new();
                for r in &rows {
                    let id = get_id(r, 0)?;
                    if sessions.last().is_none_or(|s| s.id != id) {
                        sessions.push(ChangedSession {
                            id,
                            last_seq: r.try_get::<i64, _>(1)?.max(0) as u64,
                            members: Vec::new(),
                        });
                    }
                    if let (Some(t), Some(s)) =
                        (r.try_get::<Option<<$store as Dialect>::Id>, _>(2)?, sessions.last_mut())
                    {
                        s.members.push(<$store as Dialect>::uuid(t));
                    }
                }
                let rotated =
                    sqlx::query("SELECT COUNT(*) FROM terminals WHERE token_changed_ms >= $1")
                        .bind(since)
                        .fetch_one(&self.read)
                        .await?;
                Ok(Changes {
                    sessions,
                    credentials: rotated.try_get::<i64, _>(0)? > 0,
                })
            }

            async fn replica_heartbeat(
                &self,
                replica: uuid::Uuid,
                now: Millis,
                forget_before: Millis,
            ) -> Result<()> {
                sqlx::query(
                    "INSERT INTO replicas (replica_id, seen_ms) VALUES ($1, $2) \
                     ON CONFLICT (replica_id) DO UPDATE SET seen_ms = excluded.seen_ms",
                )
                .bind(db_id(replica))
                .bind(now)
                .execute(&self.write)
                .await?;
                sqlx::query(
                    "DELETE FROM presence WHERE replica_id IN \
                     (SELECT replica_id FROM replicas WHERE seen_ms < $1)",
                )
                .bind(forget_before)
                .execute(&self.write)
                .await?;
                sqlx::query("DELETE FROM replicas WHERE seen_ms < $1")
                    .bind(forget_before)
                    .execute(&self.write)
                    .await?;
                Ok(())
            }

            async fn set_presence(
                &self,
                replica: uuid::Uuid,
                terminal: uuid::Uuid,
                attached: bool,
            ) -> Result<()> {
                let sql = if attached {
                    "INSERT INTO presence (terminal_id, replica_id, seen_ms) VALUES ($1, $2, 0) \
                     ON CONFLICT (terminal_id, replica_id) DO NOTHING"
                } else {
                    "DELETE FROM presence WHERE terminal_id = $1 AND replica_id = $2"
                };
                sqlx::query(sql)
                    .bind(db_id(terminal))
                    .bind(db_id(replica))
                    .execute(&self.write)
                    .await?;
                Ok(())
            }

            async fn forget_replica(&self, replica: uuid::Uuid) -> Result<()> {
                let mut tx = self.begin_write().await?;
                for sql in [
                    "DELETE FROM presence WHERE replica_id = $1",
                    "DELETE FROM replicas WHERE replica_id = $1",
                ] {
                    sqlx::query(sql)
                        .bind(db_id(replica))
                        .execute(&mut *tx)
                        .await?;
                }
                tx.commit().await?;
                Ok(())
            }

            async fn present_elsewhere(
                &self,
                terminal: uuid::Uuid,
                replica: uuid::Uuid,
                since: Millis,
            ) -> Result<bool> {
                let row = sqlx::query(
                    "SELECT 1 FROM presence p JOIN replicas r ON r.replica_id = p.replica_id \
                     WHERE p.terminal_id = $1 AND p.replica_id <> $2 AND r.seen_ms >= $3 LIMIT 1",
                )
                .bind(db_id(terminal))
                .bind(db_id(replica))
                .bind(since)
                .fetch_optional(&self.read)
                .await?;
                Ok(row.is_some())
            }

            async fn append_audit(&self, r: &pb::AuditRecord) -> Result<()> {
                let time = domain::millis(&r.time).unwrap_or(0);
                sqlx::query(
                    "INSERT INTO audit_records (id, time_ms, actor, action, terminal_id, detail, \
                     peer) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                )
                .bind(db_id(parse_uuid(&r.id)?))
                .bind(time)
                .bind(&r.actor)
                .bind(&r.action)
                .bind(&r.terminal_id)
                .bind(&r.detail)
                .bind(&r.peer)
                .execute(&self.write)
                .await?;
                Ok(())
            }

            async fn audit_records(
                &self,
                after: Option<uuid::Uuid>,
                limit: usize,
            ) -> Result<Vec<pb::AuditRecord>> {
                // Audit ids are UUIDv7, so id order is time order; the nil id precedes them all.
                let rows = sqlx::query(
                    "SELECT id, time_ms, actor, action, terminal_id, detail, peer \
                     FROM audit_records WHERE id > $1 ORDER BY id LIMIT $2",
                )
                .bind(db_id(after.unwrap_or_else(uuid::Uuid::nil)))
                .bind(limit as i64)
                .fetch_all(&self.read)
                .await?;
                rows.iter()
                    .map(|row| {
                        Ok(pb::AuditRecord {
                            id: get_id(row, "id")?.to_string(),
                            time: Some(domain::timestamp(row.try_get("time_ms")?)),
                            actor: row.try_get("actor")?,
                            action: row.try_get("action")?,
                            terminal_id: row.try_get("terminal_id")?,
                            detail: row.try_get("detail")?,
                            peer: row.try_get("peer")?,
                        })
                    })
                    .collect()
            }

            async fn live_replicas(&self, since: Millis) -> Result<u64> {
                let row = sqlx::query("SELECT COUNT(*) FROM replicas WHERE seen_ms >= $1")
                    .bind(since)
                    .fetch_one(&self.read)
                    .await?;
                Ok(u64::try_from(row.try_get::<i64, _>(0)?).unwrap_or(0))
            }

            fn pool_usage(&self) -> Vec<$crate::metrics::PoolUsage> {
                self.backend_pool_usage()
            }

            async fn close(&self) {
                self.write.close().await;
                self.read.close().await;
            }

            async fn delete_sessions(&self, ids: &[uuid::Uuid]) -> Result<Removed> {
                let mut tx = self.begin_write().await?;
                let removed = delete_sessions_in(&mut tx, ids).await?;
                tx.commit().await?;
                Ok(removed)
            }

            async fn sessions_of_caller(&self, caller_id: &str) -> Result<Vec<uuid::Uuid>> {
                let mut ids = Vec::new();
                for row in sqlx::query("SELECT id FROM sessions WHERE caller_id = $1")
                    .bind(caller_id)
                    .fetch_all(&self.read)
                    .await?
                {
                    ids.push(get_id(&row, 0)?);
                }
                // Sessions stored before the column existed: the caller is in the record.
                for row in sqlx::query(
                    "SELECT snapshot, last_seq, id FROM sessions WHERE caller_id IS NULL",
                )
                .fetch_all(&self.read)
                .await?
                {
                    let s = record::decode(&row.try_get::<Vec<u8>, _>(0)?, row.try_get(1)?)?;
                    if s.caller.is_some_and(|c| c.id == caller_id) {
                        ids.push(get_id(&row, 2)?);
                    }
                }
                Ok(ids)
            }

            async fn purge_ended(
                &self,
                before: Millis,
                limit: usize,
            ) -> Result<Option<(Vec<uuid::Uuid>, Removed)>> {
                let mut tx = self.begin_write().await?;
                if !<$store>::try_purge_lock(&mut tx).await? {
                    return Ok(None);
                }
                let mut ids = Vec::new();
                for row in sqlx::query(
                    "SELECT id FROM sessions WHERE state = $1 AND changed_ms < $2 \
                     ORDER BY changed_ms LIMIT $3",
                )
                .bind(pb::SessionState::Ended as i64)
                .bind(before)
                .bind(limit as i64)
                .fetch_all(&mut *tx)
                .await?
                {
                    ids.push(get_id(&row, 0)?);
                }
                let removed = delete_sessions_in(&mut tx, &ids).await?;
                tx.commit().await?;
                Ok(Some((ids, removed)))
            }

            async fn create_session_token(&self, t: &SessionToken, token_hash: &str) -> Result<()> {
                sqlx::query(
                    "INSERT INTO session_tokens \
                     (id, token_hash, session_id, terminal_id, create_ms, expire_ms, revoked_ms) \
                     VALUES ($1, $2, $3, $4, $5, $6, NULL)",
                )
                .bind(db_id(t.id))
                .bind(token_hash)
                .bind(db_id(t.session))
                .bind(db_id(t.terminal))
                .bind(t.create_ms)
                .bind(t.expire_ms)
                .execute(&self.write)
                .await?;
                Ok(())
            }

            async fn session_token_by_hash(&self, token_hash: &str) -> Result<Option<SessionToken>> {
                let row = sqlx::query(
                    "SELECT id, session_id, terminal_id, create_ms, expire_ms, revoked_ms \
                     FROM session_tokens WHERE token_hash = $1",
                )
                .bind(token_hash)
                .fetch_optional(&self.read)
                .await?;
                let Some(row) = row else {
                    return Ok(None);
                };
                Ok(Some(SessionToken {
                    id: get_id(&row, 0)?,
                    session: get_id(&row, 1)?,
                    terminal: get_id(&row, 2)?,
                    create_ms: row.try_get::<i64, _>(3)?,
                    expire_ms: row.try_get::<i64, _>(4)?,
                    revoked_ms: row.try_get::<Option<i64>, _>(5)?,
                }))
            }

            async fn revoke_session_token(
                &self,
                id: uuid::Uuid,
                terminal: uuid::Uuid,
                now: Millis,
            ) -> Result<bool> {
                let done = sqlx::query(
                    "UPDATE session_tokens SET revoked_ms = COALESCE(revoked_ms, $3) \
                     WHERE id = $1 AND terminal_id = $2",
                )
                .bind(db_id(id))
                .bind(db_id(terminal))
                .bind(now)
                .execute(&self.write)
                .await?;
                Ok(done.rows_affected() == 1)
            }

            async fn forget_session_tokens(&self, before: Millis) -> Result<u64> {
                let done = sqlx::query("DELETE FROM session_tokens WHERE expire_ms < $1")
                    .bind(before)
                    .execute(&self.write)
                    .await?;
                Ok(done.rows_affected())
            }
        }
    };
}

pub(super) use store_impl;

/// What the shared implementation needs to know of a backend's types.
pub(super) trait Dialect {
    /// The database type, for the shared implementation's signatures.
    type Db: sqlx::Database;
    /// An id as the backend stores it: Postgres' native `uuid` (16 bytes, compared as such),
    /// SQLite's hyphenated text (SQLite has no UUID type; text keeps the file readable with the
    /// `sqlite3` shell and orders like the UUID).
    type Id;
    fn id(id: uuid::Uuid) -> Self::Id;
    fn uuid(id: Self::Id) -> uuid::Uuid;
}
