//! Routing through a group's waiting queue. N agents in one group, each with a capacity (its
//! seats), all AVAILABLE; bots keep more sessions transferred to the group than there are seats,
//! so that transfers wait in the queue and the server's queue engine offers them as seats free
//! up. Agents accept every offer on their Attach stream (commands); the holder (a bot) disconnects
//! once it sees the acceptance, so the agent holds the session; the agent lets it go after
//! `--routing-hold` (Disconnect: the session ends and its seat is free), and the engine offers the
//! next waiting transfer.
//!
//! The baseline (`direct`), on the same server and agents just before: one bot per seat, each
//! transferring straight to that seat's agent (no group, no queue) as soon as the seat's previous
//! session has ended, its next session opened in advance. A seat is then refilled by the bench
//! (the caller's terminal sees the session end, the bot transfers the next one) instead of by the
//! queue engine; everything else is alike, so the routed figures are read as ratios to it.

use std::collections::{HashMap, HashSet, VecDeque};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde::Serialize;
use tokio::sync::mpsc;
use tokio::task::JoinHandle;

use handoff::client::{AdminClient, BoxError};
use handoff::pb::{self, command::Kind as Cmd, event::Payload, transfer_target::Kind as To};

use crate::commits::{CommitFigures, Scraper};
use crate::fixtures::{self, Commander, Pump, Term, request};
use crate::json::Keyed;
use crate::stats::{Cpu, CpuUsage, Latencies, fmt_int, fmt_ms, now_us};

/// The group the agents belong to.
pub const GROUP: &str = "bench-routing";

/// How long the end of a phase waits for the agents to let go of what they hold.
const DRAIN: Duration = Duration::from_secs(20);

/// How often the queue's length is read during the measured window.
const QUEUE_SAMPLE: Duration = Duration::from_millis(250);

/// After an AT_CAPACITY refusal (the server still counted a seat the agent had just given up),
/// how long an agent waits before it tries the offer again.
const CAPACITY_RETRY: Duration = Duration::from_millis(2);

/// A group's routing strategy, as the bench names it (in the JSON report too).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Strategy {
    #[value(name = "broadcast")]
    Broadcast,
    #[value(name = "longest_idle", alias = "longest-idle")]
    LongestIdle,
    #[value(name = "least_loaded", alias = "least-loaded")]
    LeastLoaded,
}

impl Strategy {
    pub fn name(self) -> &'static str {
        match self {
            Strategy::Broadcast => "broadcast",
            Strategy::LongestIdle => "longest_idle",
            Strategy::LeastLoaded => "least_loaded",
        }
    }

    fn pb(self) -> pb::RoutingStrategy {
        match self {
            Strategy::Broadcast => pb::RoutingStrategy::Broadcast,
            Strategy::LongestIdle => pb::RoutingStrategy::LongestIdle,
            Strategy::LeastLoaded => pb::RoutingStrategy::LeastLoaded,
        }
    }
}

/// A transfer a bot made: when its receipt came back, and whether it waited in the queue (its
/// holder's feed showed a TransferQueued for it).
#[derive(Debug, Clone)]
pub struct Made {
    pub transfer_id: String,
    pub at_us: u64,
    pub queued: bool,
    /// TransferQueued events its holder's feed showed for it: the first, then one per position
    /// it moved up.
    pub announcements: u32,
}

/// An accept that succeeded.
#[derive(Debug, Clone)]
pub struct Accepted {
    pub transfer_id: String,
    pub session_id: String,
    /// When the offer reached the agent's feed.
    pub offer_us: u64,
    /// When the accept's receipt came back.
    pub at_us: u64,
}

/// What the records of one phase add up to.
#[derive(Debug, Default, Serialize)]
pub struct Summary {
    /// Transfers the bots made in the phase (warm-up and drain included).
    pub transfers: u64,
    /// Of them, those that waited in the queue.
    pub queued: u64,
    /// TransferQueued events the holders saw, over all transfers.
    pub announcements: u64,
    /// Accepts whose receipt came back inside the window.
    pub accepted: u64,
    /// Every transfer accepted inside the window, queued or not: the Transfer receipt → the
    /// accepting agent's receipt. The comparison with the baseline reads this one.
    pub transfer_to_accepted: Latencies,
    /// Queued transfers accepted inside the window: the Transfer receipt (the transfer QUEUED)
    /// → the accepting agent's receipt.
    pub queued_to_accepted: Latencies,
    /// The same for transfers offered at once (the baseline's all are).
    pub offered_to_accepted: Latencies,
    /// Agent side, inside the window: the offer reached its feed → its accept's receipt.
    pub offer_to_accept: Latencies,
    /// Transfers made in the phase that no agent accepted by its end.
    pub never_accepted: u64,
    /// Sessions an accept succeeded for more than once.
    pub accepted_twice: u64,
}

/// Joins the bots' transfers with the agents' accepts; `window` is [start, end) in µs.
pub fn summarize(made: &[Made], accepted: &[Accepted], window: (u64, u64)) -> Summary {
    let mut s = Summary {
        transfers: made.len() as u64,
        queued: made.iter().filter(|m| m.queued).count() as u64,
        announcements: made.iter().map(|m| u64::from(m.announcements)).sum(),
        ..Summary::default()
    };
    let by_id: HashMap<&str, &Made> = made.iter().map(|m| (m.transfer_id.as_str(), m)).collect();
    let mut per_session: HashMap<&str, u64> = HashMap::new();
    for a in accepted {
        *per_session.entry(a.session_id.as_str()).or_default() += 1;
        if a.at_us < window.0 || a.at_us >= window.1 {
            continue;
        }
        s.accepted += 1;
        s.offer_to_accept.push(a.at_us.saturating_sub(a.offer_us));
        if let Some(m) = by_id.get(a.transfer_id.as_str()) {
            let wait = a.at_us.saturating_sub(m.at_us);
            s.transfer_to_accepted.push(wait);
            if m.queued {
                s.queued_to_accepted.push(wait);
            } else {
                s.offered_to_accepted.push(wait);
            }
        }
    }
    let taken: HashSet<&str> = accepted.iter().map(|a| a.transfer_id.as_str()).collect();
    s.never_accepted = made
        .iter()
        .filter(|m| !taken.contains(m.transfer_id.as_str()))
        .count() as u64;
    s.accepted_twice = per_session.values().filter(|n| **n > 1).count() as u64;
    s
}

/// The queue as ListQueueStats showed it during the window.
#[derive(Debug, Default, Serialize)]
pub struct QueueFigures {
    pub samples: u64,
    pub mean_length: Option<f64>,
    pub max_length: u32,
    pub mean_offers_in_flight: Option<f64>,
}

impl QueueFigures {
    fn of(samples: &[(u32, u32)]) -> QueueFigures {
        let n = samples.len();
        let mean = |f: fn(&(u32, u32)) -> u32| {
            (n > 0).then(|| samples.iter().map(|s| f64::from(f(s))).sum::<f64>() / n as f64)
        };
        QueueFigures {
            samples: n as u64,
            mean_length: mean(|s| s.0),
            max_length: samples.iter().map(|s| s.0).max().unwrap_or(0),
            mean_offers_in_flight: mean(|s| s.1),
        }
    }
}

/// What the server still counted once the phase had drained: all should be 0.
#[derive(Debug, Default, Serialize)]
pub struct Left {
    pub queued: u32,
    pub offers_in_flight: u32,
    /// The agents' load (seats taken) summed.
    pub seats_taken: u32,
}

/// One measured phase: the baseline or one strategy.
#[derive(Serialize)]
pub struct Phase {
    /// "direct" (the baseline before the routed phases), "direct_after" (after them), or the
    /// strategy's name.
    pub route: &'static str,
    /// Sessions the bots keep in flight (one per seat for the baseline).
    pub sessions: usize,
    pub window_s: f64,
    #[serde(rename = "accepted_per_sec")]
    pub rate: f64,
    #[serde(flatten)]
    pub summary: Summary,
    /// Agent side, inside the window: it sent the Disconnect that freed a seat → the receipt of
    /// the next accept that filled it again (however that offer came: the queue engine, the
    /// bench's direct transfer, or an offer already ringing).
    pub seat_idle: Latencies,
    /// Routed phases only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub queue: Option<QueueFigures>,
    /// Accepts refused NOT_FOUND: another member of a broadcast took the offer first.
    pub lost_races: u64,
    /// Accepts refused AT_CAPACITY (tried again).
    pub at_capacity: u64,
    pub errors: u64,
    pub first_error: Option<String>,
    pub left: Left,
    pub cpu: CpuUsage,
    /// The server's group commits in the window (absent when its metrics were not scraped).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group_commits: Option<CommitFigures>,
    /// Their writes per session accepted in the window: what one routed session costs the
    /// writer, everything included (queue positions, offers, seats' sessions, the ends).
    pub writes_per_accepted: Option<f64>,
}

impl Phase {
    fn is_direct(&self) -> bool {
        self.route.starts_with("direct")
    }

    fn lines(&self) -> Vec<String> {
        let s = &self.summary;
        let mut out = vec![format!(
            "{}: {} sessions accepted/s ({} in {:.1} s; {} sessions in flight; {} transfers made, {} of them queued{})",
            self.route,
            fmt_int(self.rate),
            s.accepted,
            self.window_s,
            self.sessions,
            s.transfers,
            s.queued,
            if s.queued > 0 {
                format!(
                    ", {:.1} TransferQueued events per queued transfer",
                    s.announcements as f64 / s.queued as f64
                )
            } else {
                String::new()
            }
        )];
        if self.is_direct() {
            out.push(format!(
                "  Transfer → accepted: {}",
                s.offered_to_accepted.summary()
            ));
        } else {
            out.push(format!(
                "  Transfer → accepted, all: {}",
                s.transfer_to_accepted.summary()
            ));
            out.push(format!(
                "  queued → accepted: {}",
                s.queued_to_accepted.summary()
            ));
            if s.offered_to_accepted.ms(0.5).is_some() {
                out.push(format!(
                    "  offered at once → accepted: {}",
                    s.offered_to_accepted.summary()
                ));
            }
        }
        out.push(format!(
            "  offer seen → accept: p50 {} / p99 {} ms; seat freed → filled again: {}",
            fmt_ms(s.offer_to_accept.ms(0.5)),
            fmt_ms(s.offer_to_accept.ms(0.99)),
            self.seat_idle.summary()
        ));
        if let Some(q) = &self.queue {
            out.push(format!(
                "  queue (ListQueueStats every {} ms): length mean {} max {}, offers in flight mean {}",
                QUEUE_SAMPLE.as_millis(),
                q.mean_length.map_or("-".into(), |v| format!("{v:.1}")),
                q.max_length,
                q.mean_offers_in_flight
                    .map_or("-".into(), |v| format!("{v:.1}"))
            ));
        }
        out.push(format!(
            "  never accepted {} | accepted twice {} | accepts that lost the race {} | AT_CAPACITY {} | \
             after the drain: queued {}, offers {}, seats taken {}",
            s.never_accepted,
            s.accepted_twice,
            self.lost_races,
            self.at_capacity,
            self.left.queued,
            self.left.offers_in_flight,
            self.left.seats_taken
        ));
        if self.errors > 0 {
            out.push(format!(
                "  errors: {} (first: {})",
                self.errors,
                self.first_error.as_deref().unwrap_or("?")
            ));
        }
        if let Some(g) = &self.group_commits {
            out.push(format!(
                "  {}{}",
                g.text(),
                self.writes_per_accepted.map_or(String::new(), |w| format!(
                    "; {w:.1} writes per accepted session"
                ))
            ));
        }
        out.push(format!("  {}", self.cpu.text()));
        out
    }
}

/// A routed phase against the baseline: routed ÷ the mean of the baseline's runs (before and
/// after the routed phases, so that a drift over the section falls on both sides).
#[derive(Debug, Serialize, PartialEq)]
pub struct VsDirect {
    pub rate: Option<f64>,
    /// Transfer → accepted (every transfer, queued or not) over the baseline's.
    pub latency_p50: Option<f64>,
    pub latency_p99: Option<f64>,
    /// Seat freed → filled again, routed (the queue engine) over direct (the bench).
    pub seat_idle_p50: Option<f64>,
    pub seat_idle_p99: Option<f64>,
}

fn mean(xs: impl Iterator<Item = f64>) -> Option<f64> {
    let (n, sum) = xs.fold((0usize, 0.0), |(n, s), x| (n + 1, s + x));
    (n > 0).then(|| sum / n as f64)
}

fn ratio(a: Option<f64>, b: Option<f64>) -> Option<f64> {
    match (a, b) {
        (Some(a), Some(b)) if b > 0.0 => Some(a / b),
        _ => None,
    }
}

impl VsDirect {
    pub fn of(routed: &Phase, direct: &[&Phase]) -> VsDirect {
        // The mean of what the baseline's runs measured (a run without samples counts for none).
        let base = |f: &dyn Fn(&Phase) -> Option<f64>| mean(direct.iter().filter_map(|p| f(p)));
        let latency = |q: f64| move |p: &Phase| p.summary.transfer_to_accepted.ms(q);
        let idle = |q: f64| move |p: &Phase| p.seat_idle.ms(q);
        VsDirect {
            rate: ratio(Some(routed.rate), base(&|p| Some(p.rate))),
            latency_p50: ratio(latency(0.5)(routed), base(&latency(0.5))),
            latency_p99: ratio(latency(0.99)(routed), base(&latency(0.99))),
            seat_idle_p50: ratio(idle(0.5)(routed), base(&idle(0.5))),
            seat_idle_p99: ratio(idle(0.99)(routed), base(&idle(0.99))),
        }
    }

    fn text(&self) -> String {
        let x = |v: Option<f64>| v.map_or("-".into(), |v| format!("{v:.2}×"));
        format!(
            "accepted/s {}, Transfer → accepted p50 {} p99 {}, seat freed → filled again p50 {} p99 {}",
            x(self.rate),
            x(self.latency_p50),
            x(self.latency_p99),
            x(self.seat_idle_p50),
            x(self.seat_idle_p99)
        )
    }
}

/// The section's report.
#[derive(Serialize)]
pub struct Routing {
    pub group: &'static str,
    pub agents: usize,
    pub capacity: u32,
    pub seats: usize,
    pub sessions: usize,
    pub hold_ms: f64,
    #[serde(rename = "setup_s")]
    pub setup_seconds: f64,
    /// The baseline before the routed phases, and after them (absent when no strategy ran).
    pub direct: Phase,
    pub direct_after: Option<Phase>,
    /// How far the baseline's two rates lie apart, in percent of their mean: the noise to read
    /// the ratios against.
    pub direct_spread_pct: Option<f64>,
    pub strategies: Keyed<&'static str, Phase>,
    pub vs_direct: Keyed<&'static str, VsDirect>,
    /// Over every phase.
    pub never_accepted: u64,
    pub accepted_twice: u64,
}

impl Routing {
    pub fn lines(&self) -> Vec<String> {
        let mut out = self.direct.lines();
        for (_, p) in &self.strategies.0 {
            out.extend(p.lines());
        }
        if let Some(p) = &self.direct_after {
            out.extend(p.lines());
        }
        if let Some(spread) = self.direct_spread_pct {
            out.push(format!(
                "the baseline's two runs lie {spread:.1} % apart (accepted/s): read the ratios against that"
            ));
        }
        for (name, v) in &self.vs_direct.0 {
            out.push(format!("{name} ÷ direct: {}", v.text()));
        }
        out.push(format!(
            "all phases: never accepted {}, accepted twice {}",
            self.never_accepted, self.accepted_twice
        ));
        out
    }
}

/// What the section is given.
pub struct Setup<'a> {
    pub url: &'a str,
    pub admin: &'a AdminClient,
    pub server_pid: Option<u32>,
    /// The server's metrics endpoint, scraped around each measured window.
    pub metrics: Option<Scraper>,
    pub agents: usize,
    pub capacity: u32,
    pub sessions: usize,
    pub hold: Duration,
    pub warmup: Duration,
    pub duration: Duration,
}

/// A receipt's failure as an error.
fn checked(r: pb::Receipt) -> Result<pb::Receipt, BoxError> {
    if r.code != 0 {
        return Err(format!("{:?}: {}", tonic::Code::from(r.code), r.message).into());
    }
    Ok(r)
}

// ---------------------------------------------------------------------------------------------
// Agents

/// An offer on an agent's feed, not accepted yet.
struct Offer {
    session: String,
    transfer: String,
    seen_us: u64,
}

/// What every agent records, read and emptied once per phase.
#[derive(Default)]
struct AgentLog {
    accepted: Vec<Accepted>,
    /// (the Disconnect that freed a seat was sent, the accept that filled it again returned), µs.
    refills: Vec<(u64, u64)>,
    lost_races: u64,
    at_capacity: u64,
    errors: u64,
    first_error: Option<String>,
    /// Sessions the agents hold or are accepting now; the drain waits for 0.
    engaged: i64,
}

impl AgentLog {
    fn error(&mut self, e: impl std::fmt::Display) {
        self.errors += 1;
        if self.first_error.is_none() {
            self.first_error = Some(e.to_string());
        }
    }
}

enum Done {
    Accept(Offer, Result<pb::Receipt, tonic::Status>),
    Disconnect(Result<pb::Receipt, tonic::Status>),
}

/// One agent: accepts what it is offered while it has a free seat, and lets a session go `hold`
/// after it became its holder. Its own count of seats keeps it from sending accepts the server
/// would refuse AT_CAPACITY; an offer it has no seat for rings until one frees up (or another
/// member takes it), as on an agent's desktop.
struct Agent {
    id: String,
    capacity: u32,
    hold: Duration,
    commander: Commander,
    log: Arc<Mutex<AgentLog>>,
    done: mpsc::UnboundedSender<Done>,
    calls: u64,
    ringing: VecDeque<Offer>,
    /// Sessions it holds or accepted.
    held: u32,
    accepting: u32,
    /// Sessions to let go, and when.
    holds: VecDeque<(tokio::time::Instant, String)>,
    retry_at: Option<tokio::time::Instant>,
    /// When it sent the Disconnects whose seats are not filled again yet, oldest first.
    freed: VecDeque<u64>,
}

impl Agent {
    fn log(&self) -> std::sync::MutexGuard<'_, AgentLog> {
        self.log.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn call(
        &mut self,
        kind: Cmd,
    ) -> impl Future<Output = Result<pb::Receipt, tonic::Status>> + Send + use<> {
        self.calls += 1;
        let (c, id) = (self.commander.clone(), format!("r{}", self.calls));
        async move { c.call(id, kind).await }
    }

    fn on_event(&mut self, at_us: u64, e: pb::Event) {
        match e.payload {
            Some(Payload::TransferOffered(o)) => {
                if let Some(t) = o
                    .transfer
                    .filter(|t| t.offered_to_terminal_ids.contains(&self.id))
                {
                    self.ringing.push_back(Offer {
                        session: e.session_id,
                        transfer: t.id,
                        seen_us: at_us,
                    });
                }
            }
            // Taken by another member, or withdrawn: it stops ringing here.
            Some(Payload::TransferAccepted(a)) => self.forget(&a.transfer_id),
            Some(Payload::TransferCancelled(c)) => self.forget(&c.transfer_id),
            Some(Payload::TransferExpired(x)) => self.forget(&x.transfer_id),
            Some(Payload::HolderDisconnected(h)) if h.continued_by_terminal_id == self.id => {
                self.holds
                    .push_back((tokio::time::Instant::now() + self.hold, e.session_id));
            }
            _ => {}
        }
    }

    fn forget(&mut self, transfer: &str) {
        self.ringing.retain(|o| o.transfer != transfer);
    }

    fn on_done(&mut self, d: Done) {
        match d {
            Done::Accept(offer, r) => {
                self.accepting -= 1;
                let at_us = now_us();
                match r {
                    Ok(r) if r.code == 0 => {
                        self.held += 1;
                        let freed = self.freed.pop_front();
                        let mut log = self.log();
                        if let Some(f) = freed {
                            log.refills.push((f, at_us));
                        }
                        log.accepted.push(Accepted {
                            transfer_id: offer.transfer,
                            session_id: offer.session,
                            offer_us: offer.seen_us,
                            at_us,
                        });
                    }
                    Ok(r) => {
                        let mut log = self.log();
                        log.engaged -= 1;
                        let code = tonic::Code::from(r.code);
                        if code == tonic::Code::NotFound {
                            log.lost_races += 1;
                        } else if code == tonic::Code::FailedPrecondition
                            && r.message.contains("capacity")
                        {
                            log.at_capacity += 1;
                            drop(log);
                            self.ringing.push_front(offer);
                            self.retry_at = Some(tokio::time::Instant::now() + CAPACITY_RETRY);
                        } else {
                            log.error(format!("accept: {code:?}: {}", r.message));
                        }
                    }
                    Err(s) => {
                        let mut log = self.log();
                        log.engaged -= 1;
                        log.error(format!("accept: {s}"));
                    }
                }
            }
            Done::Disconnect(r) => {
                self.held = self.held.saturating_sub(1);
                let mut log = self.log();
                log.engaged -= 1;
                match r {
                    Ok(r) if r.code == 0 => {}
                    Ok(r) => log.error(format!(
                        "agent disconnect: {:?}: {}",
                        tonic::Code::from(r.code),
                        r.message
                    )),
                    Err(s) => log.error(format!("agent disconnect: {s}")),
                }
            }
        }
    }

    /// Lets go of the sessions whose hold is over, and accepts ringing offers while it has room.
    fn act(&mut self) {
        let now = tokio::time::Instant::now();
        while self.holds.front().is_some_and(|h| h.0 <= now) {
            let Some((_, session)) = self.holds.pop_front() else {
                break;
            };
            // A seat is freed from this moment on; its idle time counts from here.
            self.freed.push_back(now_us());
            while self.freed.len() > self.capacity as usize {
                self.freed.pop_front();
            }
            let call = self.call(Cmd::Disconnect(pb::DisconnectRequest {
                session_id: session,
            }));
            let done = self.done.clone();
            tokio::spawn(async move {
                let _ = done.send(Done::Disconnect(call.await));
            });
        }
        if self.retry_at.is_some_and(|t| t > now) {
            return;
        }
        self.retry_at = None;
        while self.held + self.accepting < self.capacity {
            let Some(offer) = self.ringing.pop_front() else {
                break;
            };
            self.accepting += 1;
            self.log().engaged += 1;
            let call = self.call(Cmd::AcceptTransfer(pb::AcceptTransferRequest {
                session_id: offer.session.clone(),
                transfer_id: offer.transfer.clone(),
            }));
            let done = self.done.clone();
            tokio::spawn(async move {
                let _ = done.send(Done::Accept(offer, call.await));
            });
        }
    }

    async fn run(mut self, mut pump: Pump, mut done_rx: mpsc::UnboundedReceiver<Done>) {
        loop {
            let wake = [self.holds.front().map(|h| h.0), self.retry_at]
                .into_iter()
                .flatten()
                .min();
            tokio::select! {
                a = pump.rx.recv() => match a {
                    Some(a) => self.on_event(a.at_us, a.event),
                    None => return,
                },
                Some(d) = done_rx.recv() => self.on_done(d),
                _ = async {
                    match wake {
                        Some(t) => tokio::time::sleep_until(t).await,
                        None => std::future::pending().await,
                    }
                } => {}
            }
            self.act();
        }
    }
}

/// The agents: registered in [`GROUP`] with their capacity, attached, AVAILABLE.
struct Agents {
    ids: Vec<String>,
    log: Arc<Mutex<AgentLog>>,
    tasks: Vec<JoinHandle<()>>,
}

impl Agents {
    async fn start(setup: &Setup<'_>) -> Result<Agents, BoxError> {
        let log = Arc::new(Mutex::new(AgentLog::default()));
        let (mut ids, mut tasks) = (Vec::new(), Vec::new());
        for i in 0..setup.agents {
            let name = format!("route-agent-{i}");
            let r = setup
                .admin
                .clone()
                .create_terminal(request(pb::CreateTerminalRequest {
                    name: name.clone(),
                    display_name: String::new(),
                    kind: pb::TerminalKind::Agent as i32,
                    groups: vec![GROUP.to_owned()],
                }))
                .await
                .map_err(|s| format!("create terminal {name}: {s}"))?
                .into_inner();
            let id = r.terminal.ok_or("no terminal in the reply")?.id;
            setup
                .admin
                .clone()
                .set_terminal_capacity(request(pb::SetTerminalCapacityRequest {
                    terminal_id: id.clone(),
                    capacity: setup.capacity,
                }))
                .await?;
            let term = Term {
                id: id.clone(),
                client: fixtures::terminal_client(fixtures::channel(setup.url).await?, &r.token)?,
            };
            let pump = Pump::attach(&term).await?;
            let commander = pump.commander();
            // Agents start AWAY: each says it is available, as an agent at the desk would.
            checked(
                commander
                    .call(
                        "status".into(),
                        Cmd::SetStatus(pb::SetStatusRequest {
                            status: pb::TerminalStatus::Available as i32,
                            reason: String::new(),
                        }),
                    )
                    .await?,
            )?;
            let (done, done_rx) = mpsc::unbounded_channel();
            let agent = Agent {
                id: id.clone(),
                capacity: setup.capacity,
                hold: setup.hold,
                commander,
                log: log.clone(),
                done,
                calls: 0,
                ringing: VecDeque::new(),
                held: 0,
                accepting: 0,
                holds: VecDeque::new(),
                retry_at: None,
                freed: VecDeque::new(),
            };
            tasks.push(tokio::spawn(agent.run(pump, done_rx)));
            ids.push(id);
        }
        Ok(Agents { ids, log, tasks })
    }

    fn take_log(&self) -> AgentLog {
        let mut log = self.log.lock().unwrap_or_else(|p| p.into_inner());
        let engaged = log.engaged;
        let mut out = std::mem::take(&mut *log);
        log.engaged = engaged;
        out.engaged = engaged;
        out
    }

    fn engaged(&self) -> i64 {
        self.log.lock().unwrap_or_else(|p| p.into_inner()).engaged
    }
}

impl Drop for Agents {
    fn drop(&mut self) {
        // The feeds close with the tasks (a stopping server waits for them).
        for t in &self.tasks {
            t.abort();
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Bots

/// A caller's side: a gateway, and two bots that hold the sessions it opens (two, so that the
/// baseline can open the next session while the previous one is being handed over).
struct Slot {
    j: usize,
    gw: Term,
    gw_pump: Pump,
    bots: [Term; 2],
    bot_pumps: [Option<Pump>; 2],
    opened: u64,
    calls: u64,
}

#[derive(Default)]
struct SlotOutcome {
    made: Vec<Made>,
    errors: u64,
    first_error: Option<String>,
}

impl SlotOutcome {
    fn error(&mut self, e: impl std::fmt::Display) {
        self.errors += 1;
        if self.first_error.is_none() {
            self.first_error = Some(e.to_string());
        }
    }
}

/// Opens a session from `gw` to `bot` (owned, so that it can run beside the slot's other work);
/// gives the bot's feed back.
async fn open(
    gw: Term,
    bot: Term,
    mut pump: Pump,
    caller: String,
) -> (Pump, Result<String, BoxError>) {
    let r = fixtures::open_session(&gw, &bot, &mut pump, &caller).await;
    (pump, r)
}

impl Slot {
    fn caller(&mut self, route: &str) -> String {
        self.opened += 1;
        format!("route-{route}-{}-{}", self.j, self.opened)
    }

    fn commander(&self, b: usize) -> Result<Commander, BoxError> {
        Ok(self.bot_pumps[b]
            .as_ref()
            .ok_or("the bot's feed is away")?
            .commander())
    }

    async fn command(&mut self, b: usize, kind: Cmd) -> Result<pb::Receipt, BoxError> {
        self.calls += 1;
        let c = self.commander(b)?;
        checked(c.call(format!("s{}-{}", self.j, self.calls), kind).await?)
    }

    async fn open_with(&mut self, b: usize, route: &str) -> Result<String, BoxError> {
        let pump = self.bot_pumps[b].take().ok_or("the bot's feed is away")?;
        let caller = self.caller(route);
        let (pump, r) = open(self.gw.clone(), self.bots[b].clone(), pump, caller).await;
        self.bot_pumps[b] = Some(pump);
        r
    }

    /// Bot `b` transfers `session` to `to`, waits until its feed shows the acceptance, and
    /// disconnects (the agent holds the session from then on). The transfer goes into `out`
    /// once made. A transfer nobody accepted in time is cancelled and its session ended, so that
    /// it cannot be offered in a later phase.
    async fn hand_over(
        &mut self,
        b: usize,
        session: &str,
        to: To,
        out: &mut SlotOutcome,
    ) -> Result<(), BoxError> {
        let r = self
            .command(
                b,
                Cmd::Transfer(pb::TransferRequest {
                    session_id: session.to_owned(),
                    target: Some(pb::TransferTarget { kind: Some(to) }),
                    facts: [("intent".to_owned(), "billing".to_owned())].into(),
                    note: "routed by the bench".to_owned(),
                    priority: 0,
                }),
            )
            .await?;
        let at_us = now_us();
        let tid = r.transfer_id;
        let announced = std::sync::atomic::AtomicU32::new(0);
        let pump = self.bot_pumps[b].as_mut().ok_or("the bot's feed is away")?;
        let seen = pump
            .wait_for("TransferAccepted", |e| match &e.payload {
                Some(Payload::TransferQueued(q)) if q.transfer_id == tid => {
                    announced.fetch_add(1, Ordering::Relaxed);
                    false
                }
                Some(Payload::TransferAccepted(a)) => a.transfer_id == tid,
                _ => false,
            })
            .await;
        out.made.push(Made {
            transfer_id: tid.clone(),
            at_us,
            queued: announced.load(Ordering::Relaxed) > 0,
            announcements: announced.load(Ordering::Relaxed),
        });
        if let Err(e) = seen {
            let _ = self
                .command(
                    b,
                    Cmd::CancelTransfer(pb::CancelTransferRequest {
                        session_id: session.to_owned(),
                        transfer_id: tid,
                        reason: "the bench gave up waiting".to_owned(),
                    }),
                )
                .await;
            let _ = self.disconnect(b, session).await;
            return Err(e);
        }
        self.disconnect(b, session).await
    }

    async fn disconnect(&mut self, b: usize, session: &str) -> Result<(), BoxError> {
        self.command(
            b,
            Cmd::Disconnect(pb::DisconnectRequest {
                session_id: session.to_owned(),
            }),
        )
        .await
        .map(|_| ())
    }

    /// Routed: open a session, transfer it to the group, hand it over; again until `stop`.
    async fn routed(mut self, stop: Arc<AtomicBool>) -> (Slot, SlotOutcome) {
        let mut out = SlotOutcome::default();
        let mut failures = 0;
        while !stop.load(Ordering::Relaxed) && failures <= 3 {
            let cycle = async {
                let session = self.open_with(0, "q").await?;
                self.hand_over(0, &session, To::Group(GROUP.to_owned()), &mut out)
                    .await
            }
            .await;
            // The caller's side is not read here: keep its feed from piling up.
            while self.gw_pump.rx.try_recv().is_ok() {}
            match cycle {
                Ok(()) => failures = 0,
                Err(e) => {
                    failures += 1;
                    out.error(e);
                }
            }
        }
        (self, out)
    }

    /// The baseline: this slot owns one seat of `agent`. Its next session is opened while the
    /// current one is handed over; it is transferred as soon as the caller's side (the gateway's
    /// feed) shows the previous one ended, i.e. the seat is free again.
    async fn direct(mut self, agent: String, stop: Arc<AtomicBool>) -> (Slot, SlotOutcome) {
        let mut out = SlotOutcome::default();
        // The bot that holds `current`; the other one opens the next session meanwhile.
        let mut b = 0;
        let mut current: Option<String> = None;
        let mut failures = 0;
        while !stop.load(Ordering::Relaxed) && failures <= 3 {
            let cycle = async {
                let session = match current.take() {
                    Some(s) => s,
                    None => self.open_with(b, "d").await?,
                };
                let pump = self.bot_pumps[1 - b]
                    .take()
                    .ok_or("the bot's feed is away")?;
                let caller = self.caller("d");
                let next = tokio::spawn(open(
                    self.gw.clone(),
                    self.bots[1 - b].clone(),
                    pump,
                    caller,
                ));
                let handed = self
                    .hand_over(b, &session, To::TerminalId(agent.clone()), &mut out)
                    .await;
                let ended = match &handed {
                    Ok(()) => self
                        .gw_pump
                        .wait_for("SessionEnded", |e| {
                            e.session_id == session
                                && matches!(e.payload, Some(Payload::SessionEnded(_)))
                        })
                        .await
                        .map(|_| ()),
                    Err(_) => Ok(()),
                };
                let (pump, opened) = next.await?;
                self.bot_pumps[1 - b] = Some(pump);
                b = 1 - b;
                // Not opened: the next round opens one with this bot first.
                current = Some(opened?);
                handed?;
                ended
            }
            .await;
            match cycle {
                Ok(()) => failures = 0,
                Err(e) => {
                    failures += 1;
                    out.error(e);
                }
            }
        }
        // The session opened for the next round is never transferred: end it.
        if let Some(session) = current
            && let Err(e) = self.disconnect(b, &session).await
        {
            out.error(e);
        }
        (self, out)
    }
}

async fn slots(setup: &Setup<'_>, n: usize) -> Result<Vec<Slot>, BoxError> {
    let mut names = Vec::new();
    for j in 0..n {
        names.push((format!("route-gw-{j}"), pb::TerminalKind::Gateway));
        names.push((format!("route-bot-{j}-a"), pb::TerminalKind::Bot));
        names.push((format!("route-bot-{j}-b"), pb::TerminalKind::Bot));
    }
    let terms = fixtures::terminals(setup.url, setup.admin, names).await?;
    let mut out = Vec::new();
    for (j, t) in terms.chunks(3).enumerate() {
        let [gw, a, b] = t else {
            return Err("terminals came back in an unexpected number".into());
        };
        out.push(Slot {
            j,
            gw_pump: Pump::attach(gw).await?,
            bot_pumps: [Some(Pump::attach(a).await?), Some(Pump::attach(b).await?)],
            gw: gw.clone(),
            bots: [a.clone(), b.clone()],
            opened: 0,
            calls: 0,
        });
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// Phases

async fn queue_stats(admin: &AdminClient) -> Result<pb::QueueStats, BoxError> {
    admin
        .clone()
        .list_queue_stats(request(pb::ListQueueStatsRequest {
            group: GROUP.to_owned(),
            ..Default::default()
        }))
        .await?
        .into_inner()
        .queues
        .into_iter()
        .next()
        .ok_or_else(|| format!("ListQueueStats has no queue {GROUP:?}").into())
}

async fn left(admin: &AdminClient) -> Result<Left, BoxError> {
    let q = queue_stats(admin).await?;
    let states = admin
        .clone()
        .list_terminal_states(request(pb::ListTerminalStatesRequest {
            group: GROUP.to_owned(),
            page_size: 1000,
            ..Default::default()
        }))
        .await?
        .into_inner()
        .states;
    Ok(Left {
        queued: q.length,
        offers_in_flight: q.offers_in_flight,
        seats_taken: states.iter().map(|s| s.load).sum(),
    })
}

#[derive(Clone, Copy)]
enum Route {
    /// The baseline; `true` for its run after the routed phases.
    Direct(bool),
    Group(Strategy),
}

async fn phase(
    setup: &Setup<'_>,
    agents: &Agents,
    slots: &mut Vec<Slot>,
    route: Route,
) -> Result<Phase, BoxError> {
    let seats = agents.ids.len() * setup.capacity as usize;
    let (name, n) = match route {
        Route::Direct(false) => ("direct", seats),
        Route::Direct(true) => ("direct_after", seats),
        Route::Group(s) => (s.name(), setup.sessions),
    };
    let stop = Arc::new(AtomicBool::new(false));
    let mut running = Vec::new();
    let idle: Vec<Slot> = slots.drain(n.min(slots.len())..).collect();
    for slot in slots.drain(..) {
        let stop = stop.clone();
        running.push(match route {
            Route::Direct(_) => {
                let agent = agents.ids[slot.j % agents.ids.len()].clone();
                tokio::spawn(slot.direct(agent, stop))
            }
            Route::Group(_) => tokio::spawn(slot.routed(stop)),
        });
    }
    tokio::time::sleep(setup.warmup).await;
    let sampling = Arc::new(AtomicBool::new(true));
    let sampler = matches!(route, Route::Group(_)).then(|| {
        let (admin, sampling) = (setup.admin.clone(), sampling.clone());
        tokio::spawn(async move {
            let mut samples = Vec::new();
            while sampling.load(Ordering::Relaxed) {
                if let Ok(q) = queue_stats(&admin).await {
                    samples.push((q.length, q.offers_in_flight));
                }
                tokio::time::sleep(QUEUE_SAMPLE).await;
            }
            samples
        })
    });
    let m0 = Scraper::sample(setup.metrics.as_ref()).await;
    let (w0, cpu0) = (now_us(), Cpu::snapshot(setup.server_pid));
    tokio::time::sleep(setup.duration).await;
    let (w1, cpu1) = (now_us(), Cpu::snapshot(setup.server_pid));
    let m1 = Scraper::sample(setup.metrics.as_ref()).await;
    sampling.store(false, Ordering::Relaxed);
    stop.store(true, Ordering::Relaxed);
    let queue = match sampler {
        Some(s) => Some(QueueFigures::of(&s.await?)),
        None => None,
    };
    let mut made = Vec::new();
    let (mut errors, mut first_error) = (0, None);
    for r in running {
        let (slot, out) = r.await?;
        slots.push(slot);
        made.extend(out.made);
        errors += out.errors;
        first_error = first_error.or(out.first_error);
    }
    slots.sort_by_key(|s| s.j);
    slots.extend(idle);
    // Every transfer is settled; the agents let go of what they still hold.
    let deadline = tokio::time::Instant::now() + DRAIN;
    while agents.engaged() > 0 && tokio::time::Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let left = left(setup.admin).await?;
    let log = agents.take_log();
    if log.engaged > 0 {
        errors += 1;
        first_error.get_or_insert_with(|| {
            format!(
                "the agents still held {} sessions {DRAIN:?} after the phase",
                log.engaged
            )
        });
    }
    let summary = summarize(&made, &log.accepted, (w0, w1));
    let mut seat_idle = Latencies::default();
    for &(freed, filled) in &log.refills {
        if freed >= w0 && filled < w1 {
            seat_idle.push(filled.saturating_sub(freed));
        }
    }
    let window_s = (w1 - w0) as f64 / 1e6;
    let group_commits = CommitFigures::between(m0, m1);
    let writes_per_accepted = group_commits
        .as_ref()
        .and_then(|g| g.writes)
        .filter(|_| summary.accepted > 0)
        .map(|w| w as f64 / summary.accepted as f64);
    Ok(Phase {
        route: name,
        sessions: n,
        window_s,
        rate: summary.accepted as f64 / window_s,
        summary,
        seat_idle,
        queue,
        lost_races: log.lost_races,
        at_capacity: log.at_capacity,
        errors: errors + log.errors,
        first_error: first_error.or(log.first_error),
        left,
        cpu: cpu0.usage(&cpu1),
        group_commits,
        writes_per_accepted,
    })
}

/// Runs the baseline, then each strategy, on the server `setup` names (a fresh one: the section
/// registers its terminals by fixed names).
pub async fn run(
    setup: &Setup<'_>,
    strategies: &[Strategy],
    progress: impl Fn(String),
) -> Result<Routing, BoxError> {
    let t0 = now_us();
    let seats = setup.agents * setup.capacity as usize;
    if seats == 0 {
        return Err("the routing section needs at least one agent with a capacity of 1".into());
    }
    let agents = Agents::start(setup).await?;
    let mut slots = slots(setup, setup.sessions.max(seats)).await?;
    let setup_seconds = (now_us() - t0) as f64 / 1e6;
    progress(format!(
        "routing: direct (baseline), {seats} sessions in flight, one per seat"
    ));
    let direct = phase(setup, &agents, &mut slots, Route::Direct(false)).await?;
    progress(format!(
        "  -> {} accepted/s, Transfer → accepted p50 {} ms",
        fmt_int(direct.rate),
        fmt_ms(direct.summary.transfer_to_accepted.ms(0.5))
    ));
    let mut phases = Vec::new();
    for &s in strategies {
        setup
            .admin
            .clone()
            .set_group_routing(request(pb::SetGroupRoutingRequest {
                routing: Some(pb::GroupRouting {
                    group: GROUP.to_owned(),
                    strategy: s.pb() as i32,
                    ..Default::default()
                }),
            }))
            .await?;
        progress(format!(
            "routing: {}, {} sessions in flight for {seats} seats",
            s.name(),
            setup.sessions
        ));
        let p = phase(setup, &agents, &mut slots, Route::Group(s)).await?;
        progress(format!(
            "  -> {} accepted/s, Transfer → accepted p50 {} ms ({} of {} transfers queued)",
            fmt_int(p.rate),
            fmt_ms(p.summary.transfer_to_accepted.ms(0.5)),
            p.summary.queued,
            p.summary.transfers
        ));
        phases.push((s.name(), p));
    }
    let direct_after = if phases.is_empty() {
        None
    } else {
        progress("routing: direct again (baseline, after the routed phases)".into());
        let p = phase(setup, &agents, &mut slots, Route::Direct(true)).await?;
        progress(format!("  -> {} accepted/s", fmt_int(p.rate)));
        Some(p)
    };
    let directs: Vec<&Phase> = std::iter::once(&direct).chain(&direct_after).collect();
    let vs = phases
        .iter()
        .map(|(name, p)| (*name, VsDirect::of(p, &directs)))
        .collect();
    let direct_spread_pct = direct_after.as_ref().and_then(|a| {
        let m = (a.rate + direct.rate) / 2.0;
        (m > 0.0).then(|| (a.rate - direct.rate).abs() / m * 100.0)
    });
    let all = directs.iter().copied().chain(phases.iter().map(|(_, p)| p));
    let (never_accepted, accepted_twice) = all.fold((0, 0), |(n, d), p| {
        (n + p.summary.never_accepted, d + p.summary.accepted_twice)
    });
    // The feeds close before the server stops: a stopping server waits for them.
    drop(slots);
    drop(agents);
    Ok(Routing {
        group: GROUP,
        agents: setup.agents,
        capacity: setup.capacity,
        seats,
        sessions: setup.sessions,
        hold_ms: setup.hold.as_secs_f64() * 1000.0,
        setup_seconds,
        direct,
        direct_after,
        direct_spread_pct,
        strategies: Keyed(phases),
        vs_direct: Keyed(vs),
        never_accepted,
        accepted_twice,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Within the histogram's 0.1 % (both ways: a ratio of two such values).
    fn near(got: Option<f64>, want: f64) {
        let got = got.expect("a value");
        assert!(
            (got - want).abs() <= want * 0.002,
            "{got} is not within 0.2 % of {want}"
        );
    }

    fn made(id: &str, at_us: u64, queued: bool) -> Made {
        Made {
            transfer_id: id.into(),
            at_us,
            queued,
            announcements: if queued { 2 } else { 0 },
        }
    }

    fn accepted(id: &str, session: &str, offer_us: u64, at_us: u64) -> Accepted {
        Accepted {
            transfer_id: id.into(),
            session_id: session.into(),
            offer_us,
            at_us,
        }
    }

    #[test]
    fn summary_joins_transfers_with_accepts_inside_the_window() {
        let made = [
            made("t1", 1_000, true),
            made("t2", 2_000, false),
            made("t3", 3_000, true),
            made("t4", 4_000, true),
            // Never accepted.
            made("t5", 5_000, true),
        ];
        let accepts = [
            // Before the window: counted for lost and duplicated, not for rate or latency.
            accepted("t1", "s1", 1_500, 9_000),
            accepted("t2", "s2", 11_000, 12_000),
            accepted("t3", "s3", 13_000, 15_000),
            // The same session accepted again.
            accepted("t4", "s3", 16_000, 17_000),
            // After the window.
            accepted("t4", "s4", 20_000, 30_000),
            // Unknown to the bots (a bot failed before recording it): rate only.
            accepted("t9", "s9", 18_000, 19_000),
        ];
        let s = summarize(&made, &accepts, (10_000, 20_000));
        assert_eq!(s.transfers, 5);
        assert_eq!(s.queued, 4);
        assert_eq!(s.announcements, 8);
        assert_eq!(s.accepted, 4);
        assert_eq!(s.never_accepted, 1);
        assert_eq!(s.accepted_twice, 1);
        // t3 waited 12 ms, t4 13 ms; t2 was offered at once: 10 ms.
        near(s.queued_to_accepted.ms(0.0), 12.0);
        near(s.queued_to_accepted.ms(1.0), 13.0);
        near(s.offered_to_accepted.ms(0.5), 10.0);
        // Queued or not, for the comparison with the baseline.
        near(s.transfer_to_accepted.ms(0.0), 10.0);
        near(s.transfer_to_accepted.ms(1.0), 13.0);
        near(s.offer_to_accept.ms(1.0), 2.0);
        near(s.offer_to_accept.ms(0.0), 1.0);
    }

    fn phase(route: &'static str, rate: f64, latency_ms: &[u64], idle_ms: &[u64]) -> Phase {
        let mut summary = Summary::default();
        for &l in latency_ms {
            summary.transfer_to_accepted.push(l * 1000);
        }
        let mut seat_idle = Latencies::default();
        for &l in idle_ms {
            seat_idle.push(l * 1000);
        }
        Phase {
            route,
            sessions: 1,
            window_s: 1.0,
            rate,
            summary,
            seat_idle,
            queue: None,
            lost_races: 0,
            at_capacity: 0,
            errors: 0,
            first_error: None,
            left: Left::default(),
            cpu: CpuUsage::default(),
            group_commits: None,
            writes_per_accepted: None,
        }
    }

    #[test]
    fn ratios_read_routed_over_direct() {
        let direct = phase("direct", 400.0, &[2, 4], &[1, 1]);
        let routed = phase("broadcast", 300.0, &[20, 40], &[3, 5]);
        let v = VsDirect::of(&routed, &[&direct]);
        assert_eq!(v.rate, Some(0.75));
        near(v.latency_p50, 10.0);
        near(v.latency_p99, 10.0);
        near(v.seat_idle_p50, 3.0);
        near(v.seat_idle_p99, 5.0);
        // Nothing to compare with: no ratio rather than a division by zero.
        // Against the mean of the baseline's runs: 400 and 200 accepted/s, p50 2 and 6 ms.
        let after = phase("direct_after", 200.0, &[6, 8], &[1, 1]);
        let both = VsDirect::of(&routed, &[&direct, &after]);
        assert_eq!(both.rate, Some(1.0));
        near(both.latency_p50, 5.0);
        // A run without samples counts for none.
        let silent = phase("direct_after", 400.0, &[], &[]);
        near(VsDirect::of(&routed, &[&direct, &silent]).latency_p50, 10.0);
        let empty = phase("direct", 0.0, &[], &[]);
        let none = VsDirect::of(&routed, &[&empty]);
        assert_eq!(none.rate, None);
        assert_eq!(none.latency_p50, None);
        assert_eq!(none.seat_idle_p99, None);
        assert!(none.text().starts_with("accepted/s -"), "{}", none.text());
    }

    #[test]
    fn queue_figures_average_the_samples() {
        let q = QueueFigures::of(&[(10, 2), (20, 4), (30, 0)]);
        assert_eq!(q.samples, 3);
        assert_eq!(q.mean_length, Some(20.0));
        assert_eq!(q.max_length, 30);
        assert_eq!(q.mean_offers_in_flight, Some(2.0));
        let none = QueueFigures::of(&[]);
        assert_eq!(none.mean_length, None);
        assert_eq!(none.max_length, 0);
    }
}
