//! Prometheus metrics, through the `metrics` facade. Nothing is recorded until a server starts
//! with `--metrics-listen`: before that the facade has no recorder and every update is a no-op.
//!
//! The names, kinds and labels are listed here once (and in the README's "Operations" section);
//! the code that counts calls the small functions below, so a metric's name and labels cannot
//! drift between call sites.

mod http;
mod rpc;

pub use http::serve;
pub use rpc::{RpcMetrics, RpcMetricsLayer};

use std::net::SocketAddr;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::Duration;

use clap::Args;
use metrics::{
    Unit, counter, describe_counter, describe_gauge, describe_histogram, gauge, histogram,
};
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};

use crate::pb::{self, event::Payload};

#[derive(Debug, Clone, Default, Args)]
pub struct MetricsArgs {
    /// Serve Prometheus metrics over plain HTTP at this address (GET /metrics); off when unset.
    #[arg(long, env = "HANDOFF_METRICS_LISTEN")]
    pub metrics_listen: Option<SocketAddr>,
}

pub const RPC_REQUESTS: &str = "handoff_rpc_requests_total";
pub const RPC_DURATION: &str = "handoff_rpc_duration_seconds";
pub const ATTACHED_STREAMS: &str = "handoff_attached_streams";
pub const SESSIONS_REQUESTED: &str = "handoff_sessions_requested_total";
pub const SESSIONS_OPENED: &str = "handoff_sessions_opened_total";
pub const SESSIONS_ENDED: &str = "handoff_sessions_ended_total";
pub const MESSAGES_COMMITTED: &str = "handoff_messages_committed_total";
pub const GROUP_COMMIT_WRITES: &str = "handoff_group_commit_writes";
pub const GROUP_COMMIT_DURATION: &str = "handoff_group_commit_duration_seconds";
pub const GROUP_COMMIT_WAIT: &str = "handoff_group_commit_wait_seconds";
pub const GROUP_COMMITS_REFUSED: &str = "handoff_group_commits_refused_total";
pub const GROUP_COMMIT_ROUND_TRIPS: &str = "handoff_group_commit_round_trips_total";
pub const GROUP_COMMIT_CONFLICTS: &str = "handoff_group_commit_conflicts_total";
pub const TRANSFERS: &str = "handoff_transfers_total";
pub const CATCH_UP_POLLS: &str = "handoff_catch_up_polls_total";
pub const CATCH_UP_RESIGNALS: &str = "handoff_catch_up_resignalled_sessions_total";
pub const NOTIFY_SENT: &str = "handoff_notify_sent_total";
pub const NOTIFY_RECEIVED: &str = "handoff_notify_received_total";
pub const DB_POOL_CONNECTIONS: &str = "handoff_db_pool_connections";
pub const REPLICAS_LIVE: &str = "handoff_replicas_live";
pub const RATE_LIMITED: &str = "handoff_rate_limited_total";

/// The process's one recorder (the facade takes one per process; several servers in one
/// process, as in the tests, share it).
static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();

/// Installs the recorder on first use and returns its handle.
pub fn install() -> PrometheusHandle {
    HANDLE
        .get_or_init(|| {
            let recorder = builder().build_recorder();
            let handle = recorder.handle();
            // Fails only when another recorder was installed first (an embedding program's);
            // then this handle renders nothing, which the scrape makes visible.
            if metrics::set_global_recorder(recorder).is_err() {
                tracing::warn!("another metrics recorder is installed; /metrics stays empty");
            }
            describe();
            handle
        })
        .clone()
}

fn builder() -> PrometheusBuilder {
    const LATENCY: &[f64] = &[
        0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0,
        60.0, 300.0,
    ];
    const SIZES: &[f64] = &[
        1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0, 128.0, 256.0, 512.0, 1024.0,
    ];
    let with = |b: PrometheusBuilder, name: &str, values: &[f64]| {
        b.set_buckets_for_metric(Matcher::Full(name.to_owned()), values)
            .expect("only an empty bucket list is refused, and these are non-empty constants")
    };
    let b = with(PrometheusBuilder::new(), RPC_DURATION, LATENCY);
    let b = with(b, GROUP_COMMIT_DURATION, LATENCY);
    let b = with(b, GROUP_COMMIT_WAIT, LATENCY);
    with(b, GROUP_COMMIT_WRITES, SIZES)
}

fn describe() {
    describe_counter!(
        RPC_REQUESTS,
        "gRPC calls answered, by method and status code"
    );
    describe_histogram!(
        RPC_DURATION,
        Unit::Seconds,
        "gRPC call duration until its status, by method and status code (Attach: the stream's life)"
    );
    describe_gauge!(ATTACHED_STREAMS, "Attach streams open on this replica");
    describe_counter!(
        SESSIONS_REQUESTED,
        "Connect attempts stored (SessionRequested)"
    );
    describe_counter!(
        SESSIONS_OPENED,
        "sessions opened (the destination acknowledged)"
    );
    describe_counter!(SESSIONS_ENDED, "sessions ended, by reason");
    describe_counter!(
        MESSAGES_COMMITTED,
        "messages committed (duplicates excluded)"
    );
    describe_histogram!(GROUP_COMMIT_WRITES, "writes carried by one group commit");
    describe_histogram!(
        GROUP_COMMIT_DURATION,
        Unit::Seconds,
        "time one group commit took in the database"
    );
    describe_histogram!(
        GROUP_COMMIT_WAIT,
        Unit::Seconds,
        "how long the oldest write of a group commit waited in its shard's queue before the commit started"
    );
    describe_counter!(
        GROUP_COMMITS_REFUSED,
        "group commits the database refused (split and retried, or answered with an error)"
    );
    describe_counter!(
        GROUP_COMMIT_ROUND_TRIPS,
        "statements group commits sent to the database, by step (read: records not in memory; keys: idempotency look-ups; write)"
    );
    describe_counter!(
        GROUP_COMMIT_CONFLICTS,
        "sessions a group commit found written by another replica (read again and decided anew)"
    );
    describe_counter!(
        TRANSFERS,
        "transfer steps committed, by outcome (offered, accepted, declined, cancelled, expired, completed)"
    );
    describe_counter!(
        CATCH_UP_POLLS,
        "Postgres catch-up polls run (re-checks of recently changed sessions)"
    );
    describe_counter!(
        CATCH_UP_RESIGNALS,
        "sessions a catch-up poll found changed elsewhere without a signal received here"
    );
    describe_counter!(NOTIFY_SENT, "Postgres NOTIFYs sent to the other replicas");
    describe_counter!(
        NOTIFY_RECEIVED,
        "Postgres notifications relayed from other replicas"
    );
    describe_gauge!(
        DB_POOL_CONNECTIONS,
        "database pool connections, by pool (write, read) and state (idle, busy)"
    );
    describe_gauge!(
        REPLICAS_LIVE,
        "replicas whose heartbeat is fresh, as this replica last read it"
    );
    describe_counter!(
        RATE_LIMITED,
        "calls and stream commands refused by a per-terminal limit, by limit"
    );
}

/// How often histograms are compacted when nobody scrapes.
pub const UPKEEP_INTERVAL: Duration = Duration::from_secs(5);

/// Counts what a commit stored: sessions requested, opened and ended, messages, transfer steps.
/// Tallied first, so that a commit of many messages updates each counter once.
pub fn events_committed(events: &[pb::Event]) {
    let (mut messages, mut requested, mut opened) = (0u64, 0u64, 0u64);
    for e in events {
        match &e.payload {
            Some(Payload::MessagePosted(_)) => messages += 1,
            Some(Payload::SessionRequested(_)) => requested += 1,
            Some(Payload::SessionOpened(_)) => opened += 1,
            Some(Payload::SessionEnded(end)) => {
                let reason = end.reason().as_str_name();
                let reason = reason.strip_prefix("SESSION_END_REASON_").unwrap_or(reason);
                counter!(SESSIONS_ENDED, "reason" => reason.to_ascii_lowercase()).increment(1);
            }
            Some(Payload::TransferOffered(_)) => transfer("offered"),
            Some(Payload::TransferAccepted(_)) => transfer("accepted"),
            Some(Payload::TransferDeclined(_)) => transfer("declined"),
            Some(Payload::TransferCancelled(_)) => transfer("cancelled"),
            Some(Payload::TransferExpired(_)) => transfer("expired"),
            Some(Payload::HolderDisconnected(d)) if !d.continued_by_terminal_id.is_empty() => {
                transfer("completed")
            }
            _ => {}
        }
    }
    for (name, n) in [
        (MESSAGES_COMMITTED, messages),
        (SESSIONS_REQUESTED, requested),
        (SESSIONS_OPENED, opened),
    ] {
        if n > 0 {
            counter!(name).increment(n);
        }
    }
}

fn transfer(outcome: &'static str) {
    counter!(TRANSFERS, "outcome" => outcome).increment(1);
}

/// One group commit: how many writes it carried and how long the database took.
pub fn group_commit(writes: usize, took: Duration, committed: bool) {
    histogram!(GROUP_COMMIT_WRITES).record(writes as f64);
    histogram!(GROUP_COMMIT_DURATION).record(took.as_secs_f64());
    if !committed {
        counter!(GROUP_COMMITS_REFUSED).increment(1);
    }
}

/// How long the oldest write of a group commit waited for it to start (the queueing part of a
/// write's latency; the commit's own time is [`group_commit`]'s).
pub fn group_commit_wait(waited: Duration) {
    histogram!(GROUP_COMMIT_WAIT).record(waited.as_secs_f64());
}

/// Statements one step of a group commit sent to the database.
pub fn commit_round_trips(step: &'static str, n: u64) {
    counter!(GROUP_COMMIT_ROUND_TRIPS, "step" => step).increment(n);
}

/// Sessions a group commit found written by another replica.
pub fn commit_conflicts(n: usize) {
    if n > 0 {
        counter!(GROUP_COMMIT_CONFLICTS).increment(n as u64);
    }
}

pub fn catch_up_poll(resignalled: usize) {
    counter!(CATCH_UP_POLLS).increment(1);
    counter!(CATCH_UP_RESIGNALS).increment(resignalled as u64);
}

pub fn notify_sent() {
    counter!(NOTIFY_SENT).increment(1);
}

pub fn notify_received() {
    counter!(NOTIFY_RECEIVED).increment(1);
}

pub fn replicas_live(n: u64) {
    gauge!(REPLICAS_LIVE).set(n as f64);
}

pub fn rate_limited(limit: &'static str) {
    counter!(RATE_LIMITED, "limit" => limit).increment(1);
}

/// How full a database pool is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PoolUsage {
    /// `write` or `read` (Postgres has one pool for both: `write`).
    pub pool: &'static str,
    pub size: u32,
    pub idle: usize,
}

pub fn pool_usage(usage: &[PoolUsage]) {
    for u in usage {
        let idle = u.idle.min(u.size as usize);
        gauge!(DB_POOL_CONNECTIONS, "pool" => u.pool, "state" => "idle").set(idle as f64);
        gauge!(DB_POOL_CONNECTIONS, "pool" => u.pool, "state" => "busy")
            .set((u.size as usize - idle) as f64);
    }
}

/// Attach streams open in this process. Counted always, not only once a recorder is installed:
/// a stream opened before the recorder and closed after it must not pull the gauge below the
/// streams really open. The gauge is set from this count when a scrape renders.
static OPEN_STREAMS: AtomicI64 = AtomicI64::new(0);

/// Brings the gauges kept outside the recorder up to date; called before each render.
pub fn refresh() {
    gauge!(ATTACHED_STREAMS).set(OPEN_STREAMS.load(Ordering::Relaxed) as f64);
}

/// Counts an open Attach stream for as long as it lives.
pub struct AttachedStream(());

impl AttachedStream {
    pub fn open() -> AttachedStream {
        OPEN_STREAMS.fetch_add(1, Ordering::Relaxed);
        AttachedStream(())
    }
}

impl Drop for AttachedStream {
    fn drop(&mut self) {
        OPEN_STREAMS.fetch_sub(1, Ordering::Relaxed);
    }
}
