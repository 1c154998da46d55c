//! What the operations features cost: the stream transport's closed-loop message rate of a server
//! started as by default (A) against one with Prometheus metrics and per-terminal rate limits on
//! (B), measured alternately in the same run.
//!
//! Every phase gets a fresh database and a fresh server process, so that neither side inherits
//! the other's `events` rows (the shared bench database grows by about a million rows per message
//! section, and a larger table is slower to write) nor its allocator state. A round runs A and B
//! once each; every second round runs B first, so that a steady drift over the run (the machine
//! warming up, other work fading in or out) falls on both sides equally.

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Duration;

use handoff::client::{self, BoxError};
use handoff::pb;
use serde::{Serialize, Serializer};

use crate::messages::{Engine, Phase, Transport};
use crate::server::on_fresh_server;
use crate::stats::fmt_int;

/// The cost the operations features may have, in percent of the messages/s without them.
pub const TARGET_PCT: f64 = 3.0;

/// Flags of server B: metrics recorded on every call, and rate limits high enough never to refuse
/// (1,000,000 messages/s per terminal against the ~10–40 one sender manages here) but on, so that
/// every message and every Connect goes through the limiter. Nothing scrapes the metrics during
/// the window: Prometheus's usual 15 s interval makes a scrape's cost negligible next to it.
pub const B_SERVER_ARGS: [&str; 6] = [
    "--metrics-listen",
    "127.0.0.1:0",
    "--rate-messages-per-second",
    "1000000",
    "--rate-connects-per-second",
    "100000",
];

/// One measured side of a round (in the JSON report: the phase, and which side it was).
#[derive(Serialize)]
pub struct Side {
    #[serde(flatten)]
    pub phase: Phase,
    pub with_ops: bool,
    /// Warnings and errors in that server's log.
    #[serde(skip)]
    pub log_warnings: usize,
    #[serde(skip)]
    pub log_errors: usize,
}

/// The rounds of the comparison, and the flood measurement after them.
pub struct Ops {
    pub inflight: usize,
    pub sides: Vec<Side>,
    pub flood: Option<Flood>,
}

fn mean(xs: impl Iterator<Item = f64>) -> Option<f64> {
    let (n, sum) = xs.fold((0usize, 0.0), |(n, s), x| (n + 1, s + x));
    (n > 0).then(|| sum / n as f64)
}

impl Ops {
    fn rates(&self, with_ops: bool) -> impl Iterator<Item = f64> + '_ {
        self.sides
            .iter()
            .filter(move |s| s.with_ops == with_ops)
            .map(|s| s.phase.rate)
    }

    /// Mean messages/s of A (without) and B (with the operations features).
    pub fn means(&self) -> (Option<f64>, Option<f64>) {
        (mean(self.rates(false)), mean(self.rates(true)))
    }

    /// B's mean over A's.
    pub fn ratio(&self) -> Option<f64> {
        match self.means() {
            (Some(a), Some(b)) if a > 0.0 => Some(b / a),
            _ => None,
        }
    }

    /// What B loses against A, in percent of A (negative: B was faster).
    pub fn cost_pct(&self) -> Option<f64> {
        self.ratio().map(|r| (1.0 - r) * 100.0)
    }

    pub fn met(&self) -> Option<bool> {
        self.cost_pct().map(|c| c <= TARGET_PCT)
    }

    pub fn lost(&self) -> u64 {
        self.sides.iter().map(|s| s.phase.lost).sum()
    }

    /// The spread of A's own rates, in percent of their mean: run-to-run noise of the same
    /// server, against which a cost of a few percent has to be read.
    fn a_spread_pct(&self) -> Option<f64> {
        let a: Vec<f64> = self.rates(false).collect();
        let m = mean(a.iter().copied())?;
        let (lo, hi) = a
            .iter()
            .fold((f64::MAX, f64::MIN), |(lo, hi), &x| (lo.min(x), hi.max(x)));
        (a.len() > 1 && m > 0.0).then(|| (hi - lo) / m * 100.0)
    }

    pub fn lines(&self) -> Vec<String> {
        let mut out = Vec::new();
        for s in self.sides.iter() {
            out.push(format!(
                "{} {}",
                if s.with_ops { "B" } else { "A" },
                s.phase.line()
            ));
            if s.log_warnings + s.log_errors > 0 {
                out.push(format!(
                    "  server log: {} warnings, {} errors",
                    s.log_warnings, s.log_errors
                ));
            }
        }
        let list = |with_ops| {
            self.rates(with_ops)
                .map(fmt_int)
                .collect::<Vec<_>>()
                .join(", ")
        };
        let (a, b) = self.means();
        out.push(format!(
            "A (default) {} msg/s (mean of {}); B (metrics + rate limits) {} msg/s (mean of {})",
            a.map_or("-".into(), fmt_int),
            list(false),
            b.map_or("-".into(), fmt_int),
            list(true)
        ));
        out.push(format!(
            "B/A = {}; cost = {} of A's messages/s; A's own spread (max - min) {}",
            self.ratio().map_or("-".into(), |r| format!("{r:.3}")),
            self.cost_pct().map_or("-".into(), |c| format!("{c:.1} %")),
            self.a_spread_pct()
                .map_or("-".into(), |s| format!("{s:.1} %"))
        ));
        out.push(format!(
            "target: ≤ {TARGET_PCT:.0} % ({})",
            match self.met() {
                Some(true) => "met",
                Some(false) => "NOT MET",
                None => "not measured",
            }
        ));
        if let Some(f) = &self.flood {
            out.extend(f.lines());
        }
        out
    }
}

/// In the JSON report: both sides' rates, their means and the cost, then every phase.
impl Serialize for Ops {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Summary<'a> {
            transport: Transport,
            inflight_per_sender: usize,
            b_server_args: [&'static str; 6],
            a_msgs_per_sec: Vec<f64>,
            b_msgs_per_sec: Vec<f64>,
            a_mean_msgs_per_sec: Option<f64>,
            b_mean_msgs_per_sec: Option<f64>,
            ratio_b_over_a: Option<f64>,
            cost_pct: Option<f64>,
            a_spread_pct: Option<f64>,
            target_pct: f64,
            met: Option<bool>,
            lost: u64,
            phases: &'a [Side],
            flood: Option<&'a Flood>,
        }
        let (a, b) = self.means();
        Summary {
            transport: Transport::Stream,
            inflight_per_sender: self.inflight,
            b_server_args: B_SERVER_ARGS,
            a_msgs_per_sec: self.rates(false).collect(),
            b_msgs_per_sec: self.rates(true).collect(),
            a_mean_msgs_per_sec: a,
            b_mean_msgs_per_sec: b,
            ratio_b_over_a: self.ratio(),
            cost_pct: self.cost_pct(),
            a_spread_pct: self.a_spread_pct(),
            target_pct: TARGET_PCT,
            met: self.met(),
            lost: self.lost(),
            phases: &self.sides,
            flood: self.flood.as_ref(),
        }
        .serialize(s)
    }
}

/// Shared by every phase of the comparison.
pub struct Setup<'a> {
    pub bin: &'a Path,
    pub admin_url: &'a str,
    /// `--server-arg`s: both sides get them, B its own flags after them.
    pub server_args: &'a [String],
    pub sessions: usize,
    pub body_bytes: usize,
    pub inflight: usize,
    pub warmup: Duration,
    pub duration: Duration,
}

/// `rounds` rounds of A and B (B first in every second round).
pub async fn run(
    setup: &Setup<'_>,
    rounds: usize,
    progress: impl Fn(String),
) -> Result<Ops, BoxError> {
    let mut ops = Ops {
        inflight: setup.inflight,
        sides: Vec::new(),
        flood: None,
    };
    for round in 0..rounds {
        let order = if round % 2 == 0 {
            [false, true]
        } else {
            [true, false]
        };
        for with_ops in order {
            progress(format!(
                "ops: round {} of {rounds}, {}",
                round + 1,
                if with_ops {
                    "B (metrics + rate limits)"
                } else {
                    "A (default)"
                }
            ));
            let side = phase(setup, with_ops).await?;
            progress(format!("  -> {} msg/s", fmt_int(side.phase.rate)));
            ops.sides.push(side);
        }
    }
    if let Some(peak) = ops.means().0 {
        progress("ops: one terminal flooding past its own limit".into());
        let flood = flood(setup, peak * FLOOD_LOAD_PCT as f64 / 100.0).await?;
        ops.flood = Some(flood);
    }
    Ok(ops)
}

/// The share of A's closed-loop rate the other terminals offer in the flood measurement: a load
/// the machine carries with room to spare, so that a change in latency is the flood's doing.
pub const FLOOD_LOAD_PCT: u32 = 50;
/// What the flooding terminal sends, and the limit an administrator set for it.
pub const FLOOD_CALLS_PER_SEC: u32 = 2_000;
pub const FLOOD_LIMIT_PER_SEC: u32 = 100;

/// The other terminals' latency at a fixed load, without and then with one terminal sending
/// Message calls at 20 times the limit an administrator set for it (SetTerminalLimits).
#[derive(Serialize)]
pub struct Flood {
    pub offered_msgs_per_sec: f64,
    pub flood_calls_per_sec: u32,
    pub flood_limit_per_sec: u32,
    pub quiet: Phase,
    pub flooded: Phase,
    /// The flooding terminal's calls in the flooded window: all, and refused RESOURCE_EXHAUSTED.
    pub flood_calls: u64,
    pub flood_refused: u64,
}

impl Flood {
    fn lines(&self) -> Vec<String> {
        let p99 = |p: &Phase| p.latency.ms(0.99);
        let ratio = match (p99(&self.quiet), p99(&self.flooded)) {
            (Some(q), Some(f)) if q > 0.0 => format!("{:.2}", f / q),
            _ => "-".into(),
        };
        vec![
            format!(
                "flood: the others at {FLOOD_LOAD_PCT} % of A's rate ({} msg/s offered), B's flags; one more \
                 terminal sends {} Message calls/s against its own limit of {}/s",
                fmt_int(self.offered_msgs_per_sec),
                fmt_int(self.flood_calls_per_sec as f64),
                fmt_int(self.flood_limit_per_sec as f64)
            ),
            format!("  without the flood {}", self.quiet.line()),
            format!("  with the flood    {}", self.flooded.line()),
            format!(
                "  the flooding terminal: {} calls, {} refused with RESOURCE_EXHAUSTED; the others' p99 with / without = {ratio}",
                fmt_int(self.flood_calls as f64),
                fmt_int(self.flood_refused as f64)
            ),
        ]
    }
}

/// The flood measurement: one server with B's flags on a fresh database, the others' open loop
/// without and then with the flood (the second phase writes to a larger table, which if anything
/// counts against the flooded side).
async fn flood(setup: &Setup<'_>, offered: f64) -> Result<Flood, BoxError> {
    let mut args = setup.server_args.to_vec();
    args.extend(B_SERVER_ARGS.map(String::from));
    on_fresh_server(setup.bin, setup.admin_url, &args, async |srv| {
        let admin = srv.admin().await?;
        let mut engine = Engine::setup(
            &srv.url,
            &admin,
            "flood",
            setup.sessions,
            setup.body_bytes,
            Some(srv.pid),
        )
        .await?;
        let quiet = engine
            .open_loop(
                Transport::Stream,
                offered,
                FLOOD_LOAD_PCT,
                setup.warmup,
                setup.duration,
            )
            .await;

        let created = admin
            .clone()
            .create_terminal(pb::CreateTerminalRequest {
                name: "flood".into(),
                display_name: "flooding gateway".into(),
                kind: pb::TerminalKind::Gateway as i32,
                groups: Vec::new(),
            })
            .await?
            .into_inner();
        let id = created.terminal.map(|t| t.id).unwrap_or_default();
        admin
            .clone()
            .set_terminal_limits(pb::SetTerminalLimitsRequest {
                terminal_id: id,
                limits: Some(pb::TerminalLimits {
                    messages_per_second: Some(FLOOD_LIMIT_PER_SEC),
                    ..Default::default()
                }),
            })
            .await?;
        let flooder = client::terminal(&srv.url, &created.token).await?;
        let stop = Arc::new(AtomicBool::new(false));
        let calls = Arc::new(AtomicU64::new(0));
        let refused = Arc::new(AtomicU64::new(0));
        let mut tasks = Vec::new();
        // Callers on a fixed schedule each, enough of them that a slow answer does not hold the
        // flood back (one call at a time per caller, no timer per call).
        const CALLERS: u32 = 32;
        for _ in 0..CALLERS {
            let (mut c, stop, calls, refused) = (
                flooder.clone(),
                stop.clone(),
                calls.clone(),
                refused.clone(),
            );
            let period = Duration::from_secs_f64(CALLERS as f64 / FLOOD_CALLS_PER_SEC as f64);
            tasks.push(tokio::spawn(async move {
                let mut tick = tokio::time::interval(period);
                tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
                // Its own (made-up) session: under its limit a call is NOT_FOUND, over it
                // RESOURCE_EXHAUSTED; either way nothing is stored.
                let session = uuid::Uuid::new_v4().to_string();
                while !stop.load(Ordering::Relaxed) {
                    tick.tick().await;
                    let answer = c
                        .message(pb::MessageRequest {
                            session_id: session.clone(),
                            body: "flood".into(),
                            idempotency_key: String::new(),
                        })
                        .await;
                    calls.fetch_add(1, Ordering::Relaxed);
                    if answer.is_err_and(|s| s.code() == tonic::Code::ResourceExhausted) {
                        refused.fetch_add(1, Ordering::Relaxed);
                    }
                }
            }));
        }
        let before = (
            calls.load(Ordering::Relaxed),
            refused.load(Ordering::Relaxed),
        );
        let flooded = engine
            .open_loop(
                Transport::Stream,
                offered,
                FLOOD_LOAD_PCT,
                setup.warmup,
                setup.duration,
            )
            .await;
        let after = (
            calls.load(Ordering::Relaxed),
            refused.load(Ordering::Relaxed),
        );
        stop.store(true, Ordering::Relaxed);
        for t in tasks {
            let _ = t.await;
        }
        drop(engine);
        Ok(Flood {
            offered_msgs_per_sec: offered,
            flood_calls_per_sec: FLOOD_CALLS_PER_SEC,
            flood_limit_per_sec: FLOOD_LIMIT_PER_SEC,
            quiet,
            flooded,
            flood_calls: after.0 - before.0,
            flood_refused: after.1 - before.1,
        })
    })
    .await
}

/// One side: a fresh database, a server on it, the sessions set up, one closed-loop phase; then
/// the server stopped and the database dropped.
async fn phase(setup: &Setup<'_>, with_ops: bool) -> Result<Side, BoxError> {
    let mut args = setup.server_args.to_vec();
    if with_ops {
        args.extend(B_SERVER_ARGS.map(String::from));
    }
    on_fresh_server(setup.bin, setup.admin_url, &args, async |srv| {
        let admin = srv.admin().await?;
        let mut engine = Engine::setup(
            &srv.url,
            &admin,
            "ops",
            setup.sessions,
            setup.body_bytes,
            Some(srv.pid),
        )
        .await?;
        let phase = engine
            .closed_loop(
                Transport::Stream,
                setup.inflight,
                setup.warmup,
                setup.duration,
            )
            .await;
        // The feeds close before the server stops: a gracefully stopping server waits for them.
        drop(engine);
        let (log_warnings, log_errors, _) = srv.log_problems();
        Ok(Side {
            with_ops,
            phase,
            log_warnings,
            log_errors,
        })
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::{CpuUsage, Latencies};

    fn side(with_ops: bool, rate: f64) -> Side {
        Side {
            with_ops,
            phase: Phase {
                transport: Transport::Stream,
                label: String::new(),
                inflight_per_sender: 16,
                senders: 128,
                offered_rate: None,
                window_s: 1.0,
                counted: rate as u64,
                rate,
                latency: Latencies::default(),
                ack_latency: Latencies::default(),
                errors: 0,
                gave_up: 0,
                skipped: 0,
                lost: 0,
                first_error: None,
                cpu: CpuUsage::default(),
                group_commits: None,
            },
            log_warnings: 0,
            log_errors: 0,
        }
    }

    #[test]
    fn cost_is_the_share_of_a_that_b_loses_over_the_means() {
        let ops = |sides| Ops {
            inflight: 16,
            sides,
            flood: None,
        };
        // A B B A: means 20,000 and 19,500: 2.5 %, within the target.
        let within = ops(vec![
            side(false, 19_000.0),
            side(true, 19_400.0),
            side(true, 19_600.0),
            side(false, 21_000.0),
        ]);
        assert_eq!(within.means(), (Some(20_000.0), Some(19_500.0)));
        assert!((within.cost_pct().unwrap() - 2.5).abs() < 1e-9);
        assert_eq!(within.met(), Some(true));
        assert!((within.a_spread_pct().unwrap() - 10.0).abs() < 1e-9);
        let over = ops(vec![side(false, 20_000.0), side(true, 19_000.0)]);
        assert_eq!(over.met(), Some(false));
        assert_eq!(ops(vec![side(true, 19_000.0)]).met(), None);
    }
}
