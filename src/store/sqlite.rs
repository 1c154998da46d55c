//! [`Store`] on embedded SQLite, with sqlx's native driver.
//!
//! SQLite has one writer at a time and no network between the server and the database, so a
//! group commit is one `BEGIN IMMEDIATE` transaction of small prepared statements (each cached
//! per connection): the version-checked update of each session, then the rows of the sessions
//! it wrote. All writes go through a single connection (a second one would only wait for the
//! lock); reads use a pool of their own, which WAL lets run beside the writer.

use std::time::Duration;

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions};
use sqlx::sqlite::{SqliteRow, SqliteSynchronous};
use sqlx::{Sqlite, Transaction};

use super::shared::{Dialect, store_impl};
use super::{AckRow, EventRow, HistoryRow, MemberRow};

pub struct SqliteStore {
    /// Runs every write transaction (one connection).
    write: SqlitePool,
    /// Runs reads.
    read: SqlitePool,
}

impl Dialect for SqliteStore {
    type Db = Sqlite;
    type Id = uuid::fmt::Hyphenated;
    fn id(id: uuid::Uuid) -> uuid::fmt::Hyphenated {
        id.hyphenated()
    }
    fn uuid(id: uuid::fmt::Hyphenated) -> uuid::Uuid {
        id.into_uuid()
    }
}

impl SqliteStore {
    /// Connects, creating the file if needed, and applies the migrations.
    pub async fn connect(url: &str, max_connections: u32) -> Result<SqliteStore> {
        // WAL lets readers run beside the writer; FULL makes an acknowledged message survive
        // power loss, not only a process crash; the busy timeout covers a second process
        // (`handoff admin`).
        let options: SqliteConnectOptions = url
            .parse::<SqliteConnectOptions>()?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Full)
            .busy_timeout(Duration::from_secs(10));
        let write = SqlitePoolOptions::new()
            .max_connections(1)
            .connect_with(options.clone())
            .await?;
        sqlx::migrate!("./migrations/sqlite")
            .run(&write)
            .await
            .map_err(|e| Error::Internal(format!("migration failed: {e}")))?;
        let read = SqlitePoolOptions::new()
            .max_connections(max_connections.clamp(1, 8))
            .connect_with(options)
            .await?;
        Ok(SqliteStore { write, read })
    }

    /// Takes SQLite's write lock up front: a deferred transaction that reads and then writes
    /// can fail with SQLITE_BUSY instead of waiting.
    async fn begin_write(&self) -> Result<Transaction<'static, Sqlite>> {
        Ok(self.write.begin_with("BEGIN IMMEDIATE").await?)
    }

    /// "Is one of the JSON array parameter `$n`."
    fn any_of(n: usize) -> String {
        format!("IN (SELECT value FROM json_each(${n}))")
    }

    fn id_list(ids: &[uuid::Uuid]) -> String {
        serde_json::Value::from(ids.iter().map(uuid::Uuid::to_string).collect::<Vec<_>>())
            .to_string()
    }

    fn text_any_of(n: usize) -> String {
        Self::any_of(n)
    }

    fn text_list(items: &[String]) -> String {
        serde_json::Value::from(items.to_vec()).to_string()
    }

    /// SQLite's write transaction (BEGIN IMMEDIATE) already keeps every other writer out.
    const LOCK_TERMINAL: &str = "SELECT capacity FROM terminals WHERE id = $1";

    /// SQLite has one writer: the purge needs no lock of its own.
    async fn try_purge_lock(_tx: &mut Transaction<'static, Sqlite>) -> Result<bool> {
        Ok(true)
    }

    fn backend_pool_usage(&self) -> Vec<crate::metrics::PoolUsage> {
        let usage = |pool, p: &SqlitePool| crate::metrics::PoolUsage {
            pool,
            size: p.size(),
            idle: p.num_idle(),
        };
        vec![usage("write", &self.write), usage("read", &self.read)]
    }

    async fn backend_originals(
        &self,
        keys: &[MessageKey],
    ) -> Result<std::collections::HashMap<MessageKey, Appended>> {
        let mut found = std::collections::HashMap::new();
        for key in keys {
            let row = sqlx::query(
                "SELECT seq, created_ms FROM events \
                 WHERE session_id = $1 AND author = $2 AND idempotency_key = $3",
            )
            .bind(SqliteStore::id(key.0))
            .bind(SqliteStore::id(key.1))
            .bind(&key.2)
            .fetch_optional(&self.read)
            .await?;
            if let Some(row) = row {
                found.insert(
                    key.clone(),
                    Appended {
                        seq: row.try_get::<i64, _>(0)? as u64,
                        time: row.try_get(1)?,
                        duplicate: true,
                    },
                );
            }
        }
        Ok(found)
    }

    async fn backend_persist(&self, rows: &CommitRows) -> Result<Vec<uuid::Uuid>> {
        let mut tx = self.begin_write().await?;
        for ack in &rows.acks {
            raise_ack(&mut tx, ack).await?;
        }
        let mut conflicts = Vec::new();
        for s in &rows.sessions {
            let record = s.record.as_ref();
            let done = sqlx::query(
                "UPDATE sessions SET version = version + 1, last_seq = $3, changed_ms = $4, \
                 snapshot = COALESCE($5, snapshot), \
                 state = CASE WHEN $5 IS NULL THEN state ELSE $6 END, \
                 next_deadline_ms = CASE WHEN $5 IS NULL THEN next_deadline_ms ELSE $7 END, \
                 holder_id = CASE WHEN $5 IS NULL THEN holder_id ELSE $8 END, \
                 group_name = CASE WHEN $5 IS NULL THEN group_name ELSE $9 END, \
                 route_state = CASE WHEN $5 IS NULL THEN route_state ELSE $10 END, \
                 queue_priority = CASE WHEN $5 IS NULL THEN queue_priority ELSE $11 END, \
                 queue_since_ms = CASE WHEN $5 IS NULL THEN queue_since_ms ELSE $12 END \
                 WHERE id = $1 AND version = $2",
            )
            .bind(SqliteStore::id(s.id))
            .bind(s.version)
            .bind(seq_param(s.last_seq))
            .bind(rows.changed_at)
            .bind(record.map(|r| r.bytes.as_slice()))
            .bind(record.map(|r| r.state))
            .bind(record.and_then(|r| r.next_deadline))
            .bind(record.and_then(|r| r.routing.holder).map(SqliteStore::id))
            .bind(record.and_then(|r| r.routing.group.clone()))
            .bind(record.map(|r| r.routing.route_state))
            .bind(record.and_then(|r| r.routing.queue_priority))
            .bind(record.and_then(|r| r.routing.queue_since))
            .execute(&mut *tx)
            .await?;
            if done.rows_affected() != 1 {
                conflicts.push(s.id);
            }
        }
        let written = |session: &uuid::Uuid| !conflicts.contains(session);
        for e in rows.events.iter().filter(|e| written(&e.session)) {
            insert_event(&mut tx, e).await?;
        }
        for m in rows.members.iter().filter(|m| written(&m.session)) {
            write_member(&mut tx, m).await?;
        }
        for h in rows.history.iter().filter(|h| written(&h.session)) {
            insert_history(&mut tx, h).await?;
        }
        tx.commit().await?;
        Ok(conflicts)
    }

    /// The rows of a new session (inside its transaction).
    async fn write_rows(tx: &mut Transaction<'static, Sqlite>, rows: &CommitRows) -> Result<()> {
        for e in &rows.events {
            insert_event(tx, e).await?;
        }
        for m in &rows.members {
            write_member(tx, m).await?;
        }
        Ok(())
    }
}

async fn insert_event(tx: &mut Transaction<'static, Sqlite>, e: &EventRow) -> Result<()> {
    sqlx::query(
        "INSERT INTO events (session_id, seq, kind, author, idempotency_key, created_ms, payload) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(SqliteStore::id(e.session))
    .bind(seq_param(e.seq))
    .bind(e.kind)
    .bind(e.author.map(SqliteStore::id))
    .bind(e.idempotency_key.as_deref())
    .bind(e.time)
    .bind(e.payload.as_slice())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// A (re)join writes the row whole but keeps its acknowledgement; a departure sets where the
/// terminal left.
async fn write_member(tx: &mut Transaction<'static, Sqlite>, m: &MemberRow) -> Result<()> {
    let q = match m.joined {
        Some(joined) => sqlx::query(
            "INSERT INTO members (terminal_id, session_id, joined_seq, left_seq, acked_seq) \
             VALUES ($1, $2, $3, $4, 0) ON CONFLICT (terminal_id, session_id) \
             DO UPDATE SET joined_seq = excluded.joined_seq, left_seq = excluded.left_seq",
        )
        .bind(SqliteStore::id(m.terminal))
        .bind(SqliteStore::id(m.session))
        .bind(seq_param(joined)),
        None => sqlx::query(
            "UPDATE members SET left_seq = $3 WHERE terminal_id = $1 AND session_id = $2",
        )
        .bind(SqliteStore::id(m.terminal))
        .bind(SqliteStore::id(m.session)),
    };
    q.bind(m.left.map(seq_param)).execute(&mut **tx).await?;
    Ok(())
}

async fn insert_history(tx: &mut Transaction<'static, Sqlite>, h: &HistoryRow) -> Result<()> {
    sqlx::query(
        "INSERT INTO session_history (session_id, kind, seq, payload) VALUES ($1, $2, $3, $4) \
         ON CONFLICT DO NOTHING",
    )
    .bind(SqliteStore::id(h.session))
    .bind(h.kind.as_str())
    .bind(seq_param(h.seq))
    .bind(h.payload.as_slice())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Raised, never lowered, and never past the last event the terminal may be shown (where it
/// left, else the end of the log).
async fn raise_ack(tx: &mut Transaction<'static, Sqlite>, a: &AckRow) -> Result<()> {
    sqlx::query(
        "UPDATE members SET acked_seq = MIN($3, COALESCE(left_seq, \
         (SELECT s.last_seq FROM sessions s WHERE s.id = members.session_id))) \
         WHERE terminal_id = $1 AND session_id = $2 AND acked_seq < $3 \
         AND acked_seq < COALESCE(left_seq, \
         (SELECT s.last_seq FROM sessions s WHERE s.id = members.session_id))",
    )
    .bind(SqliteStore::id(a.terminal))
    .bind(SqliteStore::id(a.session))
    .bind(seq_param(a.seq))
    .execute(&mut **tx)
    .await?;
    Ok(())
}

store_impl!(SqliteStore, SqliteRow);
super::routing::routing_impl!(SqliteStore, SqliteRow);
super::rules::rules_impl!(SqliteStore);
