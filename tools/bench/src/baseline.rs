//! Postgres's own ceilings, measured in the same run on the same database: C connections
//! inserting rows shaped like the service's `events` rows, one row per transaction (naive) or
//! ten rows per transaction (batched).

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use serde::Serialize;
use sqlx::Connection;
use sqlx::postgres::PgConnection;

use handoff::client::BoxError;

use crate::stats::{Cpu, CpuUsage, Latencies, fmt_int, fmt_ms, now_us};

/// What one baseline run measured.
#[derive(Debug, Clone, Serialize)]
pub struct Baseline {
    #[serde(skip)]
    pub label: String,
    pub connections: usize,
    pub rows_per_tx: usize,
    pub seconds: f64,
    pub rows: u64,
    pub rows_per_sec: f64,
    pub tx_per_sec: f64,
    pub errors: u64,
    #[serde(rename = "tx_latency")]
    pub commit: Latencies,
    pub cpu: CpuUsage,
}

impl Baseline {
    pub fn line(&self) -> String {
        format!(
            "{:<26} C={:<3} {:>9} rows/s  ({} tx/s; per-transaction p50 {} / p99 {} ms{})",
            self.label,
            self.connections,
            fmt_int(self.rows_per_sec),
            fmt_int(self.tx_per_sec),
            fmt_ms(self.commit.ms(0.5)),
            fmt_ms(self.commit.ms(0.99)),
            if self.errors > 0 {
                format!("; {} errors", self.errors)
            } else {
                String::new()
            }
        )
    }
}

/// The table: the columns and primary key of the service's `events` table.
fn create_table(name: &str) -> String {
    format!(
        "CREATE TABLE {name} (\
           session_id TEXT NOT NULL, seq BIGINT NOT NULL, kind TEXT NOT NULL, author TEXT, \
           idempotency_key TEXT, created_ms BIGINT NOT NULL, payload BYTEA NOT NULL, \
           PRIMARY KEY (session_id, seq))"
    )
}

fn insert_sql(table: &str, rows: usize) -> String {
    let mut sql = format!(
        "INSERT INTO {table} (session_id, seq, kind, author, idempotency_key, created_ms, payload) VALUES "
    );
    for r in 0..rows {
        if r > 0 {
            sql.push_str(", ");
        }
        let b = r * 7;
        sql.push_str(&format!(
            "(${}, ${}, ${}, ${}, ${}, ${}, ${})",
            b + 1,
            b + 2,
            b + 3,
            b + 4,
            b + 5,
            b + 6,
            b + 7
        ));
    }
    sql
}

/// Payload bytes per row (the brief's 60-100 bytes of an encoded event).
pub const PAYLOAD_BYTES: usize = 80;

/// Runs `connections` workers for `duration`, each committing `rows_per_tx` rows per
/// transaction (a single multi-row INSERT in autocommit mode), on a fresh table.
pub async fn run(
    label: &str,
    database_url: &str,
    connections: usize,
    rows_per_tx: usize,
    duration: Duration,
    server_pid: Option<u32>,
) -> Result<Baseline, BoxError> {
    let table = format!(
        "bench_baseline_{}",
        uuid::Uuid::new_v4()
            .simple()
            .to_string()
            .get(..8)
            .unwrap_or("x")
    );
    let mut admin = PgConnection::connect(database_url).await?;
    sqlx::query(sqlx::AssertSqlSafe(create_table(&table)))
        .execute(&mut admin)
        .await?;

    let mut conns = Vec::with_capacity(connections);
    for _ in 0..connections {
        conns.push(PgConnection::connect(database_url).await?);
    }
    let sql = Arc::new(insert_sql(&table, rows_per_tx));
    let stop = Arc::new(AtomicBool::new(false));
    let cpu0 = Cpu::snapshot(server_pid);
    let started = Instant::now();
    let mut workers = Vec::new();
    for (w, mut conn) in conns.into_iter().enumerate() {
        let sql = sql.clone();
        let stop = stop.clone();
        workers.push(tokio::spawn(async move {
            // Eight sessions per connection, uuid-v7-like ids as the service issues them.
            let sessions: Vec<String> = (0..8).map(|_| uuid::Uuid::now_v7().to_string()).collect();
            let author = uuid::Uuid::new_v4().to_string();
            let mut seqs = [0i64; 8];
            let payload = vec![0x5au8; PAYLOAD_BYTES];
            let mut rows = 0u64;
            let mut errors = 0u64;
            let mut lat = Latencies::default();
            let mut n = 0usize;
            while !stop.load(Ordering::Relaxed) {
                let mut q = sqlx::query(sqlx::AssertSqlSafe(sql.as_str().to_owned()));
                for _ in 0..rows_per_tx {
                    let s = n % sessions.len();
                    n += 1;
                    seqs[s] += 1;
                    q = q
                        .bind(sessions[s].clone())
                        .bind(seqs[s])
                        .bind("message")
                        .bind(author.clone())
                        .bind(format!("w{w}-{n}"))
                        .bind(now_us() as i64 / 1000)
                        .bind(payload.clone());
                }
                let t = now_us();
                match q.execute(&mut conn).await {
                    Ok(_) => {
                        rows += rows_per_tx as u64;
                        lat.push(now_us() - t);
                    }
                    Err(e) => {
                        errors += 1;
                        if errors == 1 {
                            eprintln!("  baseline insert failed: {e}");
                        }
                        tokio::time::sleep(Duration::from_millis(10)).await;
                    }
                }
            }
            (rows, errors, lat, conn)
        }));
    }
    tokio::time::sleep(duration).await;
    stop.store(true, Ordering::Relaxed);
    let mut rows = 0;
    let mut errors = 0;
    let mut commit = Latencies::default();
    let mut open = Vec::new();
    for w in workers {
        let (r, e, l, conn) = w.await?;
        rows += r;
        errors += e;
        commit.extend(&l);
        open.push(conn);
    }
    let seconds = started.elapsed().as_secs_f64();
    // Before the connections close, so their backends' CPU time is still counted.
    let cpu = cpu0.usage(&Cpu::snapshot(server_pid));
    for c in open {
        let _ = c.close().await;
    }
    sqlx::query(sqlx::AssertSqlSafe(format!("DROP TABLE {table}")))
        .execute(&mut admin)
        .await?;
    let _ = admin.close().await;
    Ok(Baseline {
        label: label.to_owned(),
        connections,
        rows_per_tx,
        seconds,
        rows,
        rows_per_sec: rows as f64 / seconds,
        tx_per_sec: rows as f64 / rows_per_tx as f64 / seconds,
        errors,
        commit,
        cpu,
    })
}
