//! What the checker reads straight from the replicas' database: each session's routing columns
//! beside the record they were derived from (one row, written by one commit), and the seats that
//! count the terminals' load. The API shows neither the columns nor the seats as stored.

use std::time::Duration;

use sqlx::Row;
use sqlx::postgres::{PgPool, PgPoolOptions};

use handoff::client::BoxError;
use handoff::pb;

/// A small pool: the checks read little, and Postgres may be restarted under it.
pub async fn connect(url: &str) -> Result<PgPool, BoxError> {
    Ok(PgPoolOptions::new()
        .max_connections(2)
        .acquire_timeout(Duration::from_secs(5))
        .connect(url)
        .await?)
}

/// One session row: its record, decoded as the server stores it, and its `route_state` column.
#[derive(Debug, Clone)]
pub struct RouteRow {
    pub id: String,
    pub record: pb::Session,
    pub route_state: i64,
    pub group: Option<String>,
}

/// Every session row.
pub async fn route_rows(pool: &PgPool) -> Result<Vec<RouteRow>, BoxError> {
    let rows = sqlx::query(
        "SELECT id::text AS id, snapshot, last_seq, route_state, group_name FROM sessions",
    )
    .fetch_all(pool)
    .await?;
    let mut out = Vec::with_capacity(rows.len());
    for row in &rows {
        let snapshot: Vec<u8> = row.try_get("snapshot")?;
        out.push(RouteRow {
            id: row.try_get("id")?,
            record: handoff::store::record::decode(&snapshot, row.try_get("last_seq")?)?,
            route_state: row.try_get("route_state")?,
            group: row.try_get("group_name")?,
        });
    }
    Ok(out)
}

/// A terminal's seats and its capacity (None: no limit), for every terminal with a seat.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeatCount {
    pub terminal: String,
    pub seats: i64,
    pub capacity: Option<i64>,
}

/// The seats per terminal, with their capacities, in one statement (one snapshot).
pub async fn seat_counts(pool: &PgPool) -> Result<Vec<SeatCount>, BoxError> {
    let rows = sqlx::query(
        "SELECT s.terminal_id::text AS terminal, COUNT(*) AS seats, t.capacity \
         FROM seats s LEFT JOIN terminals t ON t.id = s.terminal_id \
         GROUP BY s.terminal_id, t.capacity",
    )
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|row| {
            Ok(SeatCount {
                terminal: row.try_get("terminal")?,
                seats: row.try_get("seats")?,
                capacity: row.try_get("capacity")?,
            })
        })
        .collect()
}
