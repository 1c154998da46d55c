//! [`Store`] on sqlx's `Any` driver: one set of SQL for Postgres and SQLite.
//!
//! The two backends differ only where they must: the migrations (column types), how a write
//! transaction takes its lock (`SELECT … FOR UPDATE` on Postgres, `BEGIN IMMEDIATE` on SQLite),
//! and pooling (SQLite gets a single writer connection, since it has a single writer lock anyway,
//! plus a pool of readers that WAL lets run beside it).

use std::collections::{BTreeSet, HashMap};
use std::str::FromStr;
use std::time::Duration;

use prost::Message as _;
use std::fmt::Write as _;

use sqlx::any::{AnyArguments, AnyPoolOptions, AnyRow};
use sqlx::{Any, AnyPool, Row, Transaction};
use sqlx::{Arguments as _, AssertSqlSafe};
use uuid::Uuid;

use super::{
    Appended, AppendedBatch, ChangedSession, Changes, Committed, Membership, NewMessage, Removed,
    SessionChange, SessionToken, Store, Write, Written, WrittenBatch,
};
use crate::domain::{self, Millis};
use crate::error::{Error, Result};
use crate::limits::TerminalLimits;
use crate::pb;

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

#[derive(Clone)]
pub struct SqlStore {
    backend: Backend,
    /// Runs every write transaction.
    write: AnyPool,
    /// Runs reads; the same pool as `write` on Postgres.
    read: AnyPool,
}

impl SqlStore {
    /// Connects, creating the SQLite file if needed, and applies the migrations.
    pub async fn connect(url: &str, max_connections: u32) -> Result<SqlStore> {
        sqlx::any::install_default_drivers();
        let backend = Backend::from_url(url)?;
        let store = match backend {
            Backend::Postgres => {
                let pool = AnyPoolOptions::new()
                    .max_connections(max_connections.max(2))
                    .acquire_timeout(Duration::from_secs(10))
                    .connect(url)
                    .await?;
                SqlStore {
                    backend,
                    write: pool.clone(),
                    read: pool,
                }
            }
            Backend::Sqlite => {
                let url = sqlite_url(url);
                let write = AnyPoolOptions::new()
                    .max_connections(1)
                    .after_connect(sqlite_pragmas)
                    .connect(&url)
                    .await?;
                let read = AnyPoolOptions::new()
                    .max_connections(max_connections.clamp(1, 8))
                    .after_connect(sqlite_pragmas)
                    .connect(&url)
                    .await?;
                SqlStore {
                    backend,
                    write,
                    read,
                }
            }
        };
        store.migrate().await?;
        Ok(store)
    }

    async fn migrate(&self) -> Result<()> {
        let result = match self.backend {
            Backend::Postgres => {
                sqlx::migrate!("./migrations/postgres")
                    .run(&self.write)
                    .await
            }
            Backend::Sqlite => sqlx::migrate!("./migrations/sqlite").run(&self.write).await,
        };
        result.map_err(|e| Error::Internal(format!("migration failed: {e}")))
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Closes the pools (tests drop their database afterwards).
    pub async fn close(&self) {
        self.write.close().await;
        self.read.close().await;
    }

    async fn begin_write(&self) -> Result<Transaction<'static, Any>> {
        Ok(match self.backend {
            // Take SQLite's write lock up front: a deferred transaction that reads and then
            // writes can fail with SQLITE_BUSY instead of waiting.
            Backend::Sqlite => self.write.begin_with("BEGIN IMMEDIATE").await?,
            Backend::Postgres => self.write.begin().await?,
        })
    }

    /// One group commit; `look_up_keys` first finds messages stored before under the same keys.
    async fn write_batch_once(
        &self,
        batch: &mut [Write<'_>],
        look_up_keys: bool,
    ) -> Result<WrittenBatch> {
        let mut tx = self.begin_write().await?;
        let mut originals = if look_up_keys {
            let messages: Vec<&NewMessage> = batch
                .iter()
                .filter_map(|w| match w {
                    Write::Message(m) => Some(m),
                    Write::Change { .. } | Write::Ack { .. } => None,
                })
                .collect();
            Self::originals(&mut tx, &messages).await?
        } else {
            HashMap::new()
        };

        // Lock every session of the batch, in id order so that concurrent writers cannot deadlock.
        let mut ids: Vec<String> = batch
            .iter()
            .filter(|w| !matches!(w, Write::Ack { .. }))
            .map(|w| w.session().to_string())
            .collect();
        ids.sort();
        ids.dedup();
        let mut sessions: HashMap<String, pb::Session> = HashMap::new();
        for chunk in ids.chunks(KEY_CHUNK) {
            let mut q = Statement::new("SELECT snapshot, last_seq, id FROM sessions WHERE id IN (");
            for (i, id) in padded(chunk).enumerate() {
                q.push(if i == 0 { "" } else { ", " }).bind(id.clone());
            }
            q.push(") ORDER BY id");
            if self.backend == Backend::Postgres {
                q.push(" FOR UPDATE");
            }
            for row in q.query()?.fetch_all(&mut *tx).await? {
                sessions.insert(row.try_get(2)?, decode_session(&row)?);
            }
        }

        let mut results = Vec::with_capacity(batch.len());
        let mut events: Vec<(pb::Event, Option<String>)> = Vec::with_capacity(batch.len());
        // Sessions whose snapshot a change touched (written whole, once, at the end).
        let mut changed: BTreeSet<String> = BTreeSet::new();
        // The membership rows, brought along change by change exactly as if each change had
        // committed alone (written once, at the end).
        let mut rows = MemberRows::default();
        // Acknowledgements, the highest per (terminal, session).
        let mut acks: std::collections::BTreeMap<(String, String), i64> = Default::default();
        for w in batch.iter_mut() {
            match w {
                Write::Ack {
                    terminal,
                    session,
                    seq,
                } => {
                    let seq = seq_param(*seq);
                    let acked = acks
                        .entry((terminal.to_string(), session.to_string()))
                        .or_insert(seq);
                    *acked = (*acked).max(seq);
                    results.push(Written::Ack(Ok(())));
                }
                Write::Message(m) => {
                    let key = m.idempotency_key.clone();
                    let identity = key
                        .as_ref()
                        .map(|k| (m.session.to_string(), m.author.to_string(), k.clone()));
                    if let Some(original) = identity.as_ref().and_then(|i| originals.get(i)) {
                        results.push(Written::Message(Ok(*original)));
                        continue;
                    }
                    let Some(session) = sessions.get_mut(&m.session.to_string()) else {
                        results.push(Written::Message(Err(Error::NotFound("session"))));
                        continue;
                    };
                    match domain::post_message(session, m.author, m.body.clone(), m.time) {
                        Ok(mut new) => {
                            let event = new.remove(0);
                            let appended = Appended {
                                seq: event.seq,
                                time: m.time,
                                duplicate: false,
                            };
                            if let Some(i) = identity {
                                // A second send of the same key within this batch is a duplicate.
                                originals.insert(
                                    i,
                                    Appended {
                                        duplicate: true,
                                        ..appended
                                    },
                                );
                            }
                            events.push((event, key));
                            results.push(Written::Message(Ok(appended)));
                        }
                        Err(e) => results.push(Written::Message(Err(e))),
                    }
                }
                Write::Change { session, change } => {
                    let id = session.to_string();
                    let Some(snapshot) = sessions.get_mut(&id) else {
                        results.push(Written::Change(Err(Error::NotFound("session"))));
                        continue;
                    };
                    let before = snapshot.clone();
                    match change(snapshot) {
                        Ok(new) if new.is_empty() => {
                            // Nothing to append (an idempotent no-op): report the current state.
                            *snapshot = before;
                            results.push(Written::Change(Ok(Box::new(Committed {
                                session: snapshot.clone(),
                                events: Vec::new(),
                                membership_changed: Vec::new(),
                            }))));
                        }
                        Ok(new) => {
                            let roles = before
                                .participants
                                .iter()
                                .map(|p| (p.terminal_id.clone(), p.role()))
                                .collect();
                            let terminals = rows.sync(snapshot, &roles)?;
                            changed.insert(id);
                            events.extend(new.iter().map(|e| (e.clone(), None)));
                            results.push(Written::Change(Ok(Box::new(Committed {
                                session: snapshot.clone(),
                                events: new,
                                membership_changed: terminals,
                            }))));
                        }
                        Err(e) => {
                            // A refused change leaves the snapshot as it was.
                            *snapshot = before;
                            results.push(Written::Change(Err(e)));
                        }
                    }
                }
            }
        }
        let acks: Vec<_> = acks.into_iter().collect();
        // A late acknowledgement never takes the row back.
        update_members(&mut tx, &RAISE_ACK, &acks).await?;
        if events.is_empty() {
            if !acks.is_empty() {
                tx.commit().await?;
            }
            return Ok(WrittenBatch {
                results,
                events: Vec::new(),
            });
        }
        insert_events(&mut tx, events.iter().map(|(e, k)| (e, k.as_deref()))).await?;

        // Changed snapshots are written whole, and the memberships brought along change by
        // change; each is one statement per batch, whatever the number of changes in it.
        let snapshots: Vec<&pb::Session> =
            changed.iter().filter_map(|id| sessions.get(id)).collect();
        let changed_at = super::change_mark(domain::now_millis());
        write_snapshots(&mut tx, &snapshots, changed_at).await?;
        rows.write(&mut tx).await?;
        // Messages change nothing in the snapshot but the sequence number, which has a column.
        let touched: Vec<(&String, i64)> = events
            .iter()
            .map(|(e, _)| &e.session_id)
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .filter(|id| !changed.contains(*id))
            .filter_map(|id| sessions.get(id).map(|s| (id, s.last_seq as i64)))
            .collect();
        for chunk in touched.chunks(KEY_CHUNK) {
            let mut q = Statement::new("UPDATE sessions SET changed_ms = ");
            q.bind(changed_at).push(", last_seq = CASE id");
            for (id, seq) in padded(chunk) {
                q.push(" WHEN ")
                    .bind((*id).clone())
                    .push(" THEN ")
                    .bind(*seq);
            }
            q.push(" ELSE last_seq END WHERE id IN (");
            for (i, (id, _)) in padded(chunk).enumerate() {
                q.push(if i == 0 { "" } else { ", " }).bind((*id).clone());
            }
            q.push(")");
            q.query()?.execute(&mut *tx).await?;
        }
        tx.commit().await?;
        Ok(WrittenBatch {
            results,
            events: events.into_iter().map(|(e, _)| e).collect(),
        })
    }

    /// Earlier sends of the batch's idempotency keys: (session, author, key) → original.
    async fn originals(
        tx: &mut Transaction<'static, Any>,
        batch: &[&NewMessage],
    ) -> Result<HashMap<(String, String, String), Appended>> {
        let keyed: Vec<&NewMessage> = batch
            .iter()
            .copied()
            .filter(|m| m.idempotency_key.is_some())
            .collect();
        let mut found = HashMap::new();
        for chunk in keyed.chunks(KEY_CHUNK) {
            let mut q = Statement::new(
                "SELECT session_id, author, idempotency_key, seq, created_ms FROM events WHERE ",
            );
            for (i, m) in padded(chunk).enumerate() {
                q.push(if i == 0 { "(" } else { " OR (" });
                q.push("session_id = ").bind(m.session.to_string());
                q.push(" AND author = ").bind(m.author.to_string());
                q.push(" AND idempotency_key = ")
                    .bind(m.idempotency_key.clone().unwrap_or_default());
                q.push(")");
            }
            for row in q.query()?.fetch_all(&mut **tx).await? {
                found.insert(
                    (row.try_get(0)?, row.try_get(1)?, row.try_get(2)?),
                    Appended {
                        seq: row.try_get::<i64, _>(3)? as u64,
                        time: row.try_get(4)?,
                        duplicate: true,
                    },
                );
            }
        }
        Ok(found)
    }
}

/// A statement assembled piece by piece (multi-row INSERTs, IN lists) that numbers its
/// placeholders `$1, $2, …`, the spelling both backends accept. (sqlx's QueryBuilder spells them
/// `?` for the Any driver, which Postgres rejects.)
struct Statement {
    sql: String,
    args: AnyArguments,
    error: Option<sqlx::error::BoxDynError>,
}

impl Statement {
    fn new(sql: &str) -> Statement {
        Statement {
            sql: sql.to_owned(),
            args: AnyArguments::default(),
            error: None,
        }
    }

    fn push(&mut self, sql: &str) -> &mut Self {
        self.sql.push_str(sql);
        self
    }

    fn bind<T>(&mut self, value: T) -> &mut Self
    where
        T: for<'t> sqlx::Encode<'t, Any> + sqlx::Type<Any>,
    {
        if let Err(e) = self.args.add(value) {
            self.error.get_or_insert(e);
        }
        let n = self.args.len();
        let _ = write!(self.sql, "${n}");
        self
    }

    fn query(self) -> Result<sqlx::query::Query<'static, Any, AnyArguments>> {
        match self.error {
            Some(e) => Err(Error::Internal(format!("cannot encode a parameter: {e}"))),
            None => Ok(sqlx::query_with(AssertSqlSafe(self.sql), self.args)),
        }
    }
}

/// WAL lets readers run beside the writer; FULL makes an acknowledged message survive power loss,
/// not only a process crash; the busy timeout covers a second process (`handoff admin`).
fn sqlite_pragmas(
    conn: &mut sqlx::AnyConnection,
    _meta: sqlx::pool::PoolConnectionMetadata,
) -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<(), sqlx::Error>> + Send + '_>> {
    Box::pin(async move {
        for pragma in [
            "PRAGMA journal_mode = WAL",
            "PRAGMA synchronous = FULL",
            "PRAGMA busy_timeout = 10000",
        ] {
            sqlx::query(pragma).execute(&mut *conn).await?;
        }
        Ok(())
    })
}

/// `sqlite:foo.db` → a URL that creates the file when it is missing.
/// The file of a `sqlite://` URL (None for Postgres and in-memory databases).
pub fn sqlite_path(url: &str) -> Option<std::path::PathBuf> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))?;
    let file = rest.split('?').next().unwrap_or(rest);
    (!file.is_empty() && !file.contains(":memory:")).then(|| std::path::PathBuf::from(file))
}

fn sqlite_url(url: &str) -> String {
    if url.contains("mode=") || url.contains(":memory:") {
        url.to_owned()
    } else if url.contains('?') {
        format!("{url}&mode=rwc")
    } else {
        format!("{url}?mode=rwc")
    }
}

fn decode_session(row: &AnyRow) -> Result<pb::Session> {
    let bytes: Vec<u8> = row.try_get(0)?;
    let mut session = pb::Session::decode(bytes.as_slice())
        .map_err(|e| Error::Internal(format!("corrupt session snapshot: {e}")))?;
    session.last_seq = row.try_get::<i64, _>(1)? as u64;
    Ok(session)
}

fn decode_event(row: &AnyRow) -> Result<pb::Event> {
    let bytes: Vec<u8> = row.try_get(0)?;
    pb::Event::decode(bytes.as_slice()).map_err(|e| Error::Internal(format!("corrupt event: {e}")))
}

/// The one query shape both reads of `terminal_limits` share (a literal, as sqlx wants).
macro_rules! select_limits {
    () => {
        "SELECT terminal_id, messages_per_second, messages_burst, connects_per_second, \
         connects_burst, max_attach_streams FROM terminal_limits"
    };
}

fn decode_limits(row: &AnyRow) -> Result<(Uuid, TerminalLimits)> {
    let column = |name: &str| -> Result<Option<u32>> {
        let v: Option<i64> = row.try_get(name)?;
        v.map(|v| u32::try_from(v).map_err(|_| Error::Internal(format!("stored {name} {v}"))))
            .transpose()
    };
    let id: String = row.try_get("terminal_id")?;
    let limits = TerminalLimits {
        messages_per_second: column("messages_per_second")?,
        messages_burst: column("messages_burst")?,
        connects_per_second: column("connects_per_second")?,
        connects_burst: column("connects_burst")?,
        max_attach_streams: column("max_attach_streams")?,
    };
    Ok((parse_uuid(&id)?, limits))
}

fn decode_terminal(row: &AnyRow) -> Result<pb::Terminal> {
    Ok(pb::Terminal {
        id: row.try_get("id")?,
        name: row.try_get("name")?,
        display_name: row.try_get("display_name")?,
        kind: row.try_get::<i64, _>("kind")? as i32,
        create_time: Some(domain::timestamp(row.try_get("created_ms")?)),
        groups: Vec::new(),
    })
}

/// Appends events with one multi-row INSERT per chunk: a batch of messages costs a few
/// statements, not one round trip per message.
async fn insert_events<'e>(
    tx: &mut Transaction<'static, Any>,
    events: impl Iterator<Item = (&'e pb::Event, Option<&'e str>)>,
) -> Result<()> {
    let events: Vec<_> = events.collect();
    for chunk in power_of_two_chunks(&events, EVENT_CHUNK) {
        let mut q = Statement::new(
            "INSERT INTO events (session_id, seq, kind, author, idempotency_key, created_ms, payload) VALUES ",
        );
        for (i, (event, key)) in chunk.iter().enumerate() {
            let author =
                (!event.author_terminal_id.is_empty()).then(|| event.author_terminal_id.clone());
            q.push(if i == 0 { "(" } else { ", (" })
                .bind(event.session_id.clone())
                .push(", ")
                .bind(event.seq as i64)
                .push(", ")
                .bind(domain::kind_name(event).to_owned())
                .push(", ")
                .bind(author)
                .push(", ")
                .bind(key.map(str::to_owned))
                .push(", ")
                .bind(domain::millis(&event.time).unwrap_or_default())
                .push(", ")
                .bind(event.encode_to_vec())
                .push(")");
        }
        q.query()?.execute(&mut **tx).await?;
    }
    Ok(())
}

/// Writes changed snapshots whole, with the columns the sweeper and readers select on.
async fn write_snapshots(
    tx: &mut Transaction<'static, Any>,
    sessions: &[&pb::Session],
    changed_at: Millis,
) -> Result<()> {
    for chunk in sessions.chunks(KEY_CHUNK) {
        let mut q =
            Statement::new("WITH v (id, snapshot, last_seq, state, next_deadline_ms) AS (VALUES ");
        for (i, s) in padded(chunk).enumerate() {
            q.push(if i == 0 { "(" } else { ", (" })
                .bind(s.id.clone())
                .push(", ")
                .bind(s.encode_to_vec())
                .push(", ")
                .bind(s.last_seq as i64)
                .push(", ")
                .bind(i64::from(s.state))
                .push(", ")
                .bind(domain::next_deadline(s))
                .push(")");
        }
        q.push(
            ") UPDATE sessions SET snapshot = v.snapshot, last_seq = v.last_seq, state = v.state, \
             next_deadline_ms = v.next_deadline_ms, changed_ms = ",
        )
        .bind(changed_at)
        .push(" FROM v WHERE sessions.id = v.id");
        q.query()?.execute(&mut **tx).await?;
    }
    Ok(())
}

/// The membership rows a batch's changes leave behind, per (terminal, session): what each change
/// did, folded in order, so that the batch writes each row once (a multi-row upsert may not touch
/// a row twice) and ends where committing the changes one by one would have.
#[derive(Default)]
struct MemberRows {
    rows: std::collections::BTreeMap<(String, String), MemberRow>,
}

#[derive(Clone, Copy)]
struct MemberRow {
    /// Set when the terminal (re)joined in this batch: the row is written whole.
    joined: Option<i64>,
    left: Option<i64>,
}

impl MemberRows {
    /// Notes how the participants changed from `before` to `session`; returns the terminals
    /// whose membership began, ended or changed role.
    fn sync(
        &mut self,
        session: &pb::Session,
        before: &HashMap<String, pb::Role>,
    ) -> Result<Vec<Uuid>> {
        let mut changed = Vec::new();
        for p in &session.participants {
            match before.get(&p.terminal_id) {
                Some(role) if *role == p.role() => continue,
                Some(_) => {}
                None => {
                    self.rows.insert(
                        (p.terminal_id.clone(), session.id.clone()),
                        MemberRow {
                            joined: Some(p.joined_seq as i64),
                            left: None,
                        },
                    );
                }
            }
            changed.push(parse_uuid(&p.terminal_id)?);
        }
        for terminal in before.keys() {
            if session
                .participants
                .iter()
                .all(|p| &p.terminal_id != terminal)
            {
                self.rows
                    .entry((terminal.clone(), session.id.clone()))
                    .or_insert(MemberRow {
                        joined: None,
                        left: None,
                    })
                    .left = Some(session.last_seq as i64);
                changed.push(parse_uuid(terminal)?);
            }
        }
        Ok(changed)
    }

    /// Joins are upserted (a rejoin keeps the row's acknowledgement); departures of rows this
    /// batch did not write are one UPDATE.
    async fn write(self, tx: &mut Transaction<'static, Any>) -> Result<()> {
        let (joins, leaves): (Vec<_>, Vec<_>) =
            self.rows.iter().partition(|(_, r)| r.joined.is_some());
        for chunk in power_of_two_chunks(&joins, KEY_CHUNK) {
            let mut q = Statement::new(
                "INSERT INTO members (terminal_id, session_id, joined_seq, left_seq, acked_seq) VALUES ",
            );
            for (i, ((terminal, session), row)) in chunk.iter().enumerate() {
                q.push(if i == 0 { "(" } else { ", (" })
                    .bind(terminal.clone())
                    .push(", ")
                    .bind(session.clone())
                    .push(", ")
                    .bind(row.joined)
                    .push(", ")
                    .bind(row.left)
                    .push(", 0)");
            }
            q.push(
                " ON CONFLICT (terminal_id, session_id) \
                 DO UPDATE SET joined_seq = excluded.joined_seq, left_seq = excluded.left_seq",
            );
            q.query()?.execute(&mut **tx).await?;
        }
        let leaves: Vec<_> = leaves
            .into_iter()
            .filter_map(|(k, r)| r.left.map(|left| (k.clone(), left)))
            .collect();
        update_members(tx, &SET_LEFT, &leaves).await?;
        Ok(())
    }
}

/// Sets `column` of existing membership rows, per (terminal, session), one statement per chunk;
/// with `only_raise`, a row whose value is already higher keeps it.
/// How a batch's acknowledgements update their rows: raised, never lowered, and never past the
/// last event the terminal may be shown (where it left, else the end of the log). An ack ahead of
/// the log is kept at the log's end, so it cannot hide the events committed after it.
const RAISE_ACK: MemberUpdate = MemberUpdate {
    set: "acked_seq = CASE WHEN v.seq < {bound} THEN v.seq ELSE {bound} END",
    bound: "COALESCE(members.left_seq, \
            (SELECT s.last_seq FROM sessions s WHERE s.id = members.session_id))",
    condition: " AND members.acked_seq < v.seq AND members.acked_seq < {bound}",
};

/// How a batch's departures update their rows.
const SET_LEFT: MemberUpdate = MemberUpdate {
    set: "left_seq = v.seq",
    bound: "",
    condition: "",
};

/// One UPDATE of `members` from a list of (terminal, session, seq) values (`v`): what to set and
/// what else a row must satisfy, both of which may use a bound per row (`{bound}`).
struct MemberUpdate {
    set: &'static str,
    bound: &'static str,
    condition: &'static str,
}

async fn update_members(
    tx: &mut Transaction<'static, Any>,
    update: &MemberUpdate,
    rows: &[((String, String), i64)],
) -> Result<()> {
    for chunk in rows.chunks(KEY_CHUNK) {
        let mut q = Statement::new("WITH v (terminal_id, session_id, seq) AS (VALUES ");
        for (i, ((terminal, session), value)) in padded(chunk).enumerate() {
            q.push(if i == 0 { "(" } else { ", (" })
                .bind(terminal.clone())
                .push(", ")
                .bind(session.clone())
                .push(", ")
                .bind(*value)
                .push(")");
        }
        q.push(
            &format!(
                ") UPDATE members SET {} FROM v \
                 WHERE members.terminal_id = v.terminal_id AND members.session_id = v.session_id{}",
                update.set, update.condition,
            )
            .replace("{bound}", update.bound),
        );
        q.query()?.execute(&mut **tx).await?;
    }
    Ok(())
}

/// The advisory lock of the retention purge (any constant that no other lock of the database's
/// users takes: "handoff" in ASCII).
const PURGE_LOCK: i64 = 0x68616e646f6666;

/// Deletes `ids` from every table that keeps something of a session; counts what went.
async fn delete_sessions_in(tx: &mut Transaction<'static, Any>, ids: &[Uuid]) -> Result<Removed> {
    let ids: Vec<String> = ids.iter().map(Uuid::to_string).collect();
    let mut removed = Removed::default();
    for chunk in ids.chunks(KEY_CHUNK) {
        let mut delete = async |table: &str, column: &str| -> Result<u64> {
            let mut q = Statement::new(&format!("DELETE FROM {table} WHERE {column} IN ("));
            for (i, id) in padded(chunk).enumerate() {
                q.push(if i == 0 { "" } else { ", " }).bind(id.clone());
            }
            q.push(")");
            Ok(q.query()?.execute(&mut **tx).await?.rows_affected())
        };
        removed.events += delete("events", "session_id").await?;
        removed.memberships += delete("members", "session_id").await?;
        removed.session_tokens += delete("session_tokens", "session_id").await?;
        removed.sessions += delete("sessions", "id").await?;
    }
    Ok(removed)
}

/// A sequence number as a BIGINT parameter (a client may send any u64; the log never gets near
/// i64::MAX, so clamping keeps comparisons right).
fn seq_param(seq: u64) -> i64 {
    seq.min(i64::MAX as u64) as i64
}

fn parse_uuid(s: &str) -> Result<Uuid> {
    Uuid::from_str(s).map_err(|e| Error::Internal(format!("stored id {s:?} is not a UUID: {e}")))
}

fn map_unique(e: sqlx::Error, what: String) -> Error {
    match &e {
        sqlx::Error::Database(db) if db.is_unique_violation() => Error::AlreadyExists(what),
        _ => Error::Storage(e),
    }
}

#[tonic::async_trait]
impl Store for SqlStore {
    async fn create_terminal(&self, t: &pb::Terminal, token_hash: &str) -> Result<()> {
        sqlx::query(
            "INSERT INTO terminals (id, name, display_name, kind, token_hash, created_ms) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(&t.id)
        .bind(&t.name)
        .bind(&t.display_name)
        .bind(i64::from(t.kind))
        .bind(token_hash)
        .bind(domain::millis(&t.create_time).unwrap_or_default())
        .execute(&self.write)
        .await
        .map_err(|e| map_unique(e, format!("a terminal named {:?} already exists", t.name)))?;
        Ok(())
    }

    async fn terminal(&self, id: Uuid) -> Result<Option<pb::Terminal>> {
        let row = sqlx::query(
            "SELECT id, name, display_name, kind, created_ms FROM terminals WHERE id = $1",
        )
        .bind(id.to_string())
        .fetch_optional(&self.read)
        .await?;
        row.as_ref().map(decode_terminal).transpose()
    }

    async fn terminal_by_token_hash(&self, token_hash: &str) -> Result<Option<pb::Terminal>> {
        let row = sqlx::query(
            "SELECT id, name, display_name, kind, created_ms FROM terminals WHERE token_hash = $1",
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

    async fn list_terminals(&self, after_name: &str, limit: usize) -> Result<Vec<pb::Terminal>> {
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

    async fn delete_sessions(&self, ids: &[Uuid]) -> Result<Removed> {
        let mut tx = self.begin_write().await?;
        let removed = delete_sessions_in(&mut tx, ids).await?;
        tx.commit().await?;
        Ok(removed)
    }

    async fn sessions_of_caller(&self, caller_id: &str) -> Result<Vec<Uuid>> {
        let mut ids = Vec::new();
        for row in sqlx::query("SELECT id FROM sessions WHERE caller_id = $1")
            .bind(caller_id)
            .fetch_all(&self.read)
            .await?
        {
            ids.push(parse_uuid(&row.try_get::<String, _>(0)?)?);
        }
        // Sessions stored before the column existed: the caller is in the snapshot.
        for row in
            sqlx::query("SELECT snapshot, last_seq, id FROM sessions WHERE caller_id IS NULL")
                .fetch_all(&self.read)
                .await?
        {
            let s = decode_session(&row)?;
            if s.caller.is_some_and(|c| c.id == caller_id) {
                ids.push(parse_uuid(&row.try_get::<String, _>(2)?)?);
            }
        }
        Ok(ids)
    }

    async fn purge_ended(
        &self,
        before: Millis,
        limit: usize,
    ) -> Result<Option<(Vec<Uuid>, Removed)>> {
        let mut tx = self.begin_write().await?;
        if self.backend == Backend::Postgres {
            // Held until this transaction ends: the replicas take turns, none waits.
            let locked: bool = sqlx::query("SELECT pg_try_advisory_xact_lock($1)")
                .bind(PURGE_LOCK)
                .fetch_one(&mut *tx)
                .await?
                .try_get(0)?;
            if !locked {
                return Ok(None);
            }
        }
        let mut ids = Vec::new();
        for row in sqlx::query(
            "SELECT id FROM sessions WHERE state = $1 AND changed_ms < $2 ORDER BY changed_ms LIMIT $3",
        )
        .bind(pb::SessionState::Ended as i64)
        .bind(before)
        .bind(limit as i64)
        .fetch_all(&mut *tx)
        .await?
        {
            ids.push(parse_uuid(&row.try_get::<String, _>(0)?)?);
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
        .bind(t.id.to_string())
        .bind(token_hash)
        .bind(t.session.to_string())
        .bind(t.terminal.to_string())
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
            id: parse_uuid(&row.try_get::<String, _>(0)?)?,
            session: parse_uuid(&row.try_get::<String, _>(1)?)?,
            terminal: parse_uuid(&row.try_get::<String, _>(2)?)?,
            create_ms: row.try_get::<i64, _>(3)?,
            expire_ms: row.try_get::<i64, _>(4)?,
            revoked_ms: row.try_get::<Option<i64>, _>(5)?,
        }))
    }

    async fn revoke_session_token(&self, id: Uuid, terminal: Uuid, now: Millis) -> Result<bool> {
        let done = sqlx::query(
            "UPDATE session_tokens SET revoked_ms = COALESCE(revoked_ms, $3) \
             WHERE id = $1 AND terminal_id = $2",
        )
        .bind(id.to_string())
        .bind(terminal.to_string())
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

    async fn set_token_hash(&self, id: Uuid, token_hash: &str) -> Result<bool> {
        let done = sqlx::query(
            "UPDATE terminals SET token_hash = $2, token_changed_ms = $3 WHERE id = $1",
        )
        .bind(id.to_string())
        .bind(token_hash)
        .bind(domain::now_millis())
        .execute(&self.write)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    async fn set_groups(&self, id: Uuid, groups: &[String]) -> Result<bool> {
        let id = id.to_string();
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
        id: Uuid,
        limits: &TerminalLimits,
        now: Millis,
    ) -> Result<bool> {
        let id = id.to_string();
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
                "INSERT INTO terminal_limits (terminal_id, messages_per_second, messages_burst, \
                 connects_per_second, connects_burst, max_attach_streams, updated_ms) \
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

    async fn terminal_limits(&self) -> Result<HashMap<Uuid, TerminalLimits>> {
        let rows = sqlx::query(select_limits!()).fetch_all(&self.read).await?;
        rows.iter().map(decode_limits).collect()
    }

    async fn terminal_limits_of(&self, id: Uuid) -> Result<Option<TerminalLimits>> {
        let row = sqlx::query(concat!(select_limits!(), " WHERE terminal_id = $1"))
            .bind(id.to_string())
            .fetch_optional(&self.read)
            .await?;
        Ok(row.as_ref().map(decode_limits).transpose()?.map(|(_, l)| l))
    }

    async fn groups_of(&self, ids: &[String]) -> Result<HashMap<String, Vec<String>>> {
        let mut out: HashMap<String, Vec<String>> = HashMap::new();
        for chunk in ids.chunks(KEY_CHUNK) {
            let mut q = Statement::new(
                "SELECT terminal_id, group_name FROM terminal_groups WHERE terminal_id IN (",
            );
            for (i, id) in padded(chunk).enumerate() {
                q.push(if i == 0 { "" } else { ", " }).bind(id.clone());
            }
            q.push(") ORDER BY terminal_id, group_name");
            for row in q.query()?.fetch_all(&self.read).await? {
                out.entry(row.try_get(0)?)
                    .or_default()
                    .push(row.try_get(1)?);
            }
        }
        Ok(out)
    }

    async fn group_members(&self, group: &str) -> Result<Vec<Uuid>> {
        let rows = sqlx::query(
            "SELECT terminal_id FROM terminal_groups WHERE group_name = $1 ORDER BY terminal_id",
        )
        .bind(group)
        .fetch_all(&self.read)
        .await?;
        rows.iter()
            .map(|r| parse_uuid(&r.try_get::<String, _>(0)?))
            .collect()
    }

    async fn create_session(
        &self,
        session: &pb::Session,
        events: &[pb::Event],
    ) -> Result<Committed> {
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "INSERT INTO sessions \
             (id, last_seq, state, next_deadline_ms, created_ms, snapshot, changed_ms, caller_id) \
             VALUES ($1, $2, $3, $4, $5, $6, $5, $7)",
        )
        .bind(&session.id)
        .bind(session.last_seq as i64)
        .bind(i64::from(session.state))
        .bind(domain::next_deadline(session))
        .bind(domain::millis(&session.create_time).unwrap_or_default())
        .bind(session.encode_to_vec())
        .bind(
            session
                .caller
                .as_ref()
                .map(|c| c.id.clone())
                .unwrap_or_default(),
        )
        .execute(&mut *tx)
        .await
        .map_err(|e| map_unique(e, "session already exists".to_owned()))?;
        insert_events(&mut tx, events.iter().map(|e| (e, None))).await?;
        let mut rows = MemberRows::default();
        let membership_changed = rows.sync(session, &HashMap::new())?;
        rows.write(&mut tx).await?;
        tx.commit().await?;
        Ok(Committed {
            session: session.clone(),
            events: events.to_vec(),
            membership_changed,
        })
    }

    async fn session(&self, id: Uuid) -> Result<Option<pb::Session>> {
        let row = sqlx::query("SELECT snapshot, last_seq FROM sessions WHERE id = $1")
            .bind(id.to_string())
            .fetch_optional(&self.read)
            .await?;
        row.as_ref().map(decode_session).transpose()
    }

    async fn update_session(&self, id: Uuid, change: &mut SessionChange<'_>) -> Result<Committed> {
        // A batch of one: the same path as the group commit.
        let mut batch = [Write::Change {
            session: id,
            change: Box::new(|s: &mut pb::Session| change(s)),
        }];
        match self.write_batch(&mut batch).await?.results.pop() {
            Some(Written::Change(r)) => r.map(|c| *c),
            _ => Err(Error::Internal("a change without its outcome".into())),
        }
    }

    async fn append_messages(&self, batch: &[NewMessage]) -> Result<AppendedBatch> {
        let mut writes: Vec<Write> = batch.iter().cloned().map(Write::Message).collect();
        let done = self.write_batch(&mut writes).await?;
        Ok(AppendedBatch {
            results: done
                .results
                .into_iter()
                .map(|w| match w {
                    Written::Message(r) => r,
                    _ => Err(Error::Internal(
                        "a message was answered as something else".into(),
                    )),
                })
                .collect(),
            events: done.events,
        })
    }

    async fn write_batch(&self, batch: &mut [Write<'_>]) -> Result<WrittenBatch> {
        // Nearly every message is new, so the batch is first written without looking its keys
        // up (a probe per message); a retried key then trips the unique index, the transaction
        // rolls back whole, and the batch is written again with the lookups.
        match self.write_batch_once(batch, false).await {
            Err(Error::Storage(sqlx::Error::Database(db))) if db.is_unique_violation() => {
                self.write_batch_once(batch, true).await
            }
            done => done,
        }
    }

    async fn events(
        &self,
        session: Uuid,
        after: u64,
        until: u64,
        limit: usize,
    ) -> Result<Vec<pb::Event>> {
        let rows = sqlx::query(
            "SELECT payload FROM events WHERE session_id = $1 AND seq > $2 AND seq <= $3 \
             ORDER BY seq LIMIT $4",
        )
        .bind(session.to_string())
        .bind(seq_param(after))
        .bind(seq_param(until))
        .bind(limit as i64)
        .fetch_all(&self.read)
        .await?;
        rows.iter().map(decode_event).collect()
    }

    async fn control_events(
        &self,
        session: Uuid,
        after: u64,
        until: u64,
    ) -> Result<Vec<pb::Event>> {
        let rows = sqlx::query(
            "SELECT payload FROM events WHERE session_id = $1 AND seq > $2 AND seq <= $3 \
             AND kind <> 'message' ORDER BY seq",
        )
        .bind(session.to_string())
        .bind(seq_param(after))
        .bind(seq_param(until))
        .fetch_all(&self.read)
        .await?;
        rows.iter().map(decode_event).collect()
    }

    async fn messages_before(
        &self,
        session: Uuid,
        before_seq: u64,
        limit: usize,
    ) -> Result<Vec<pb::Event>> {
        let rows = sqlx::query(
            "SELECT payload FROM events WHERE session_id = $1 AND kind = 'message' AND seq < $2 \
             ORDER BY seq DESC LIMIT $3",
        )
        .bind(session.to_string())
        .bind(before_seq as i64)
        .bind(limit as i64)
        .fetch_all(&self.read)
        .await?;
        let mut events = rows.iter().map(decode_event).collect::<Result<Vec<_>>>()?;
        events.reverse();
        Ok(events)
    }

    async fn memberships(&self, terminal: Uuid) -> Result<Vec<Membership>> {
        let rows = sqlx::query(
            // A correlated subquery rather than a join: the planner hash-joined the whole
            // sessions table for every reload (a sequential scan per stream wake-up); this
            // looks up only the sessions the terminal still takes part in, by primary key.
            //
            // Left out: parts the terminal acknowledged to their end, and ended sessions it
            // acknowledged to the end of the log. A live session stays in however far it was
            // acknowledged: its next event must still reach the terminal.
            "SELECT m.session_id, m.joined_seq, m.left_seq, m.acked_seq FROM members m \
             WHERE m.terminal_id = $1 AND CASE WHEN m.left_seq IS NOT NULL \
             THEN m.acked_seq < m.left_seq \
             ELSE (SELECT s.state <> $2 OR m.acked_seq < s.last_seq FROM sessions s \
             WHERE s.id = m.session_id) END \
             ORDER BY m.session_id",
        )
        .bind(terminal.to_string())
        .bind(pb::SessionState::Ended as i64)
        .fetch_all(&self.read)
        .await?;
        rows.iter().map(decode_membership).collect()
    }

    async fn membership(&self, terminal: Uuid, session: Uuid) -> Result<Option<Membership>> {
        let row = sqlx::query(
            "SELECT session_id, joined_seq, left_seq, acked_seq FROM members \
             WHERE terminal_id = $1 AND session_id = $2",
        )
        .bind(terminal.to_string())
        .bind(session.to_string())
        .fetch_optional(&self.read)
        .await?;
        row.as_ref().map(decode_membership).transpose()
    }

    async fn acknowledge(&self, terminal: Uuid, session: Uuid, seq: u64) -> Result<()> {
        let mut batch = [Write::Ack {
            terminal,
            session,
            seq,
        }];
        self.write_batch(&mut batch).await.map(drop)
    }

    async fn due_sessions(&self, now: Millis, limit: usize) -> Result<Vec<Uuid>> {
        let rows = sqlx::query(
            "SELECT id FROM sessions WHERE next_deadline_ms IS NOT NULL AND next_deadline_ms <= $1 \
             ORDER BY next_deadline_ms LIMIT $2",
        )
        .bind(now)
        .bind(limit as i64)
        .fetch_all(&self.read)
        .await?;
        rows.iter()
            .map(|r| parse_uuid(&r.try_get::<String, _>(0)?))
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
            let id = parse_uuid(&r.try_get::<String, _>(0)?)?;
            if sessions.last().is_none_or(|s| s.id != id) {
                sessions.push(ChangedSession {
                    id,
                    last_seq: r.try_get::<i64, _>(1)?.max(0) as u64,
                    members: Vec::new(),
                });
            }
            if let (Some(t), Some(s)) = (r.try_get::<Option<String>, _>(2)?, sessions.last_mut()) {
                s.members.push(parse_uuid(&t)?);
            }
        }
        let rotated = sqlx::query("SELECT COUNT(*) FROM terminals WHERE token_changed_ms >= $1")
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
        replica: Uuid,
        now: Millis,
        forget_before: Millis,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO replicas (replica_id, seen_ms) VALUES ($1, $2) \
             ON CONFLICT (replica_id) DO UPDATE SET seen_ms = excluded.seen_ms",
        )
        .bind(replica.to_string())
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

    async fn set_presence(&self, replica: Uuid, terminal: Uuid, attached: bool) -> Result<()> {
        let sql = if attached {
            "INSERT INTO presence (terminal_id, replica_id, seen_ms) VALUES ($1, $2, 0) \
             ON CONFLICT (terminal_id, replica_id) DO NOTHING"
        } else {
            "DELETE FROM presence WHERE terminal_id = $1 AND replica_id = $2"
        };
        sqlx::query(sql)
            .bind(terminal.to_string())
            .bind(replica.to_string())
            .execute(&self.write)
            .await?;
        Ok(())
    }

    async fn forget_replica(&self, replica: Uuid) -> Result<()> {
        let mut tx = self.begin_write().await?;
        for sql in [
            "DELETE FROM presence WHERE replica_id = $1",
            "DELETE FROM replicas WHERE replica_id = $1",
        ] {
            sqlx::query(sql)
                .bind(replica.to_string())
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    async fn present_elsewhere(
        &self,
        terminal: Uuid,
        replica: Uuid,
        since: Millis,
    ) -> Result<bool> {
        let row = sqlx::query(
            "SELECT 1 FROM presence p JOIN replicas r ON r.replica_id = p.replica_id \
             WHERE p.terminal_id = $1 AND p.replica_id <> $2 AND r.seen_ms >= $3 LIMIT 1",
        )
        .bind(terminal.to_string())
        .bind(replica.to_string())
        .bind(since)
        .fetch_optional(&self.read)
        .await?;
        Ok(row.is_some())
    }

    async fn append_audit(&self, r: &pb::AuditRecord) -> Result<()> {
        let time = domain::millis(&r.time).unwrap_or(0);
        sqlx::query(
            "INSERT INTO audit_records (id, time_ms, actor, action, terminal_id, detail, peer) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(&r.id)
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

    async fn audit_records(&self, after_id: &str, limit: usize) -> Result<Vec<pb::AuditRecord>> {
        let rows = sqlx::query(
            "SELECT id, time_ms, actor, action, terminal_id, detail, peer FROM audit_records \
             WHERE id > $1 ORDER BY id LIMIT $2",
        )
        .bind(after_id)
        .bind(limit as i64)
        .fetch_all(&self.read)
        .await?;
        rows.iter()
            .map(|row| {
                Ok(pb::AuditRecord {
                    id: row.try_get("id")?,
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

    fn pool_usage(&self) -> Vec<crate::metrics::PoolUsage> {
        let usage = |pool, p: &AnyPool| crate::metrics::PoolUsage {
            pool,
            size: p.size(),
            idle: p.num_idle(),
        };
        match self.backend {
            // One pool serves both.
            Backend::Postgres => vec![usage("write", &self.write)],
            Backend::Sqlite => vec![usage("write", &self.write), usage("read", &self.read)],
        }
    }
}

/// Rows per multi-row statement: well under both backends' bind-parameter limits (Postgres
/// 65535, SQLite 32766). Powers of two: see [`padded`].
const EVENT_CHUNK: usize = 512;
const KEY_CHUNK: usize = 256;

/// `chunk`, then its last item repeated up to the next power of two. Statements built from
/// lists (IN lists, OR of keys, CASE arms) then come in a handful of shapes instead of one per
/// list length, so each connection's prepared-statement cache keeps them all: a new length used
/// to cost Postgres a parse and a plan (and the driver a round trip) on every group commit.
/// Repeating an item never changes what such a statement selects or sets.
fn padded<T>(chunk: &[T]) -> impl Iterator<Item = &T> {
    let extra = chunk.len().next_power_of_two() - chunk.len();
    chunk
        .iter()
        .chain(chunk.last().into_iter().cycle().take(extra))
}

/// Splits `items` into chunks whose lengths are powers of two no larger than `max` (itself a
/// power of two), largest first: the row lists of multi-row INSERTs, which cannot be padded, in
/// a handful of shapes (see [`padded`]).
fn power_of_two_chunks<T>(mut items: &[T], max: usize) -> Vec<&[T]> {
    let mut chunks = Vec::new();
    while !items.is_empty() {
        let n = max.min(1 << items.len().ilog2());
        let (head, rest) = items.split_at(n);
        chunks.push(head);
        items = rest;
    }
    chunks
}

fn decode_membership(row: &AnyRow) -> Result<Membership> {
    Ok(Membership {
        session_id: parse_uuid(&row.try_get::<String, _>(0)?)?,
        joined_seq: row.try_get::<i64, _>(1)? as u64,
        left_seq: row.try_get::<Option<i64>, _>(2)?.map(|s| s as u64),
        acked_seq: row.try_get::<i64, _>(3)? as u64,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_come_in_power_of_two_shapes() {
        let padded_len = |n: usize| padded(&(0..n).collect::<Vec<_>>()).count();
        assert_eq!(
            [1, 2, 3, 5, 200, 256].map(padded_len),
            [1, 2, 4, 8, 256, 256]
        );
        assert_eq!(
            padded(&[7, 8, 9]).copied().collect::<Vec<_>>(),
            [7, 8, 9, 9]
        );
        assert_eq!(padded::<u8>(&[]).count(), 0);

        let items: Vec<usize> = (0..1300).collect();
        let chunks = power_of_two_chunks(&items, 512);
        let lens: Vec<usize> = chunks.iter().map(|c| c.len()).collect();
        assert_eq!(lens, [512, 512, 256, 16, 4]);
        assert_eq!(chunks.concat(), items, "every item once, in order");
        assert!(power_of_two_chunks::<u8>(&[], 512).is_empty());
    }
}
