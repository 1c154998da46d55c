//! Message throughput and send→deliver latency over S sessions, each between a gateway terminal
//! and a bot terminal that both send; every terminal has its own connection and Attach feed.
//!
//! A message counts when its Message call returned a seq AND the other party's feed delivered
//! that seq. Latency runs from the moment the call was issued (open loop: from the moment it was
//! scheduled) to the moment the other party's feed handed the event over.

use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use futures_util::StreamExt as _;
use futures_util::stream::FuturesUnordered;
use handoff::client::{AdminClient, BoxError, TerminalClient};
use handoff::pb::{self, event::Payload};
use serde::Serialize;
use tokio::task::JoinHandle;

use crate::commits::{CommitFigures, Scraper};
use crate::fixtures::{self, Arrived, Commander, Pump, Term, body, parse_body, request};
use crate::stats::{Cpu, CpuUsage, Latencies, fmt_int, fmt_ms, now_us};

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

/// How a party sends its messages (in the JSON report by [`Transport::name`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Transport {
    /// One unary Message call per message.
    Unary,
    /// A Message command on the party's own Attach stream, answered by a receipt (pipelined).
    Stream,
}

impl Transport {
    pub fn name(self) -> &'static str {
        match self {
            Transport::Unary => "unary",
            Transport::Stream => "stream",
        }
    }
}

/// One acknowledged Message call.
#[derive(Debug, Clone, Copy)]
struct Sent {
    phase: u32,
    n: u64,
    seq: u64,
    send_us: u64,
    ack_us: u64,
}

/// One direction of one session: a sender, and what the other party's feed delivered.
struct Dir {
    tag: String,
    session_id: String,
    sender: TerminalClient,
    /// The sender's own Attach stream, for Message commands.
    stream: Commander,
    counter: AtomicU64,
    sent: Mutex<Vec<Sent>>,
    /// seq -> arrival time at the receiving party.
    delivered: Mutex<HashMap<u64, u64>>,
}

/// Errors and odd outcomes, per phase.
#[derive(Default)]
struct Counters {
    errors: AtomicU64,
    gave_up: AtomicU64,
    skipped: AtomicU64,
    first_error: Mutex<Option<String>>,
}

pub struct Engine {
    dirs: Vec<Arc<Dir>>,
    /// (session id, a client that can read its whole log: the gateway's).
    sessions: Vec<(String, TerminalClient)>,
    receivers: Vec<JoinHandle<()>>,
    /// The same seq delivered twice to one feed (all feeds, all phases).
    feed_duplicates: Arc<AtomicU64>,
    /// Events arriving out of order on one feed (a lower seq after a higher one, not a repeat).
    feed_reordered: Arc<AtomicU64>,
    body_bytes: usize,
    server_pid: Option<u32>,
    /// The server's metrics endpoint, scraped around every measured window.
    metrics: Option<Scraper>,
    next_phase: u32,
    pub setup_seconds: f64,
}

impl Drop for Engine {
    fn drop(&mut self) {
        for r in &self.receivers {
            r.abort();
        }
    }
}

/// What one phase measured.
#[derive(Clone, Serialize)]
pub struct Phase {
    pub transport: Transport,
    pub label: String,
    /// Closed loop: in-flight Message calls per sender; open loop: 0.
    pub inflight_per_sender: usize,
    pub senders: usize,
    /// Open loop: the offered rate (messages/s).
    pub offered_rate: Option<f64>,
    pub window_s: f64,
    /// Acknowledged within the window and delivered to the other party.
    pub counted: u64,
    #[serde(rename = "msgs_per_sec")]
    pub rate: f64,
    #[serde(rename = "send_to_deliver")]
    pub latency: Latencies,
    #[serde(rename = "message_call")]
    pub ack_latency: Latencies,
    pub errors: u64,
    pub gave_up: u64,
    pub skipped: u64,
    pub lost: u64,
    pub first_error: Option<String>,
    pub cpu: CpuUsage,
    /// The server's group commits in the window (absent when its metrics were not scraped).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group_commits: Option<CommitFigures>,
}

impl Phase {
    pub fn line(&self) -> String {
        let what = match self.offered_rate {
            Some(r) => format!("{}, open loop, {} msg/s", self.transport.name(), fmt_int(r)),
            None => format!(
                "{}, closed loop, {} in flight ({}/sender)",
                self.transport.name(),
                self.inflight_per_sender * self.senders,
                self.inflight_per_sender
            ),
        };
        let mut s = format!(
            "{:<44} {:>8} msg/s  send→deliver {}  |  send→seq p50 {} / p99 {} ms",
            what,
            fmt_int(self.rate),
            self.latency.summary(),
            fmt_ms(self.ack_latency.ms(0.5)),
            fmt_ms(self.ack_latency.ms(0.99)),
        );
        s.push_str(&format!("\n{:<44} {}", "", self.cpu.text()));
        if let Some(g) = &self.group_commits {
            s.push_str(&format!("\n{:<44} {}", "", g.text()));
        }
        if self.errors + self.gave_up + self.skipped + self.lost > 0 {
            s.push_str(&format!(
                "\n{:<44} errors {} (gave up {}), skipped (overload) {}, lost {}{}",
                "",
                self.errors,
                self.gave_up,
                self.skipped,
                self.lost,
                self.first_error
                    .as_deref()
                    .map_or(String::new(), |e| format!("; first error: {e}"))
            ));
        }
        s
    }
}

/// The log check at the end: what the log holds against what was acknowledged.
#[derive(Debug, Default, Serialize)]
pub struct LogCheck {
    pub sessions: usize,
    pub events: u64,
    pub messages: u64,
    /// The same body stored twice in one session's log.
    pub stored_twice: u64,
    /// Sequence numbers missing from 1..=last.
    pub gaps: u64,
    /// An acknowledged seq whose event is not the message that was sent.
    pub ack_mismatches: u64,
    /// Stored messages whose call never returned a seq (failed or timed out calls).
    pub stored_unacked: u64,
    pub seconds: f64,
}

impl LogCheck {
    /// Adds another log check's counts (one per transport, each on its own database).
    pub fn add(&mut self, o: &LogCheck) {
        self.sessions += o.sessions;
        self.events += o.events;
        self.messages += o.messages;
        self.stored_twice += o.stored_twice;
        self.gaps += o.gaps;
        self.ack_mismatches += o.ack_mismatches;
        self.stored_unacked += o.stored_unacked;
        self.seconds += o.seconds;
    }
}

/// Reads a terminal's feed: records deliveries of the other party's messages into `incoming`,
/// and counts repeated or reordered sequence numbers.
fn receive(
    mut pump: Pump,
    incoming: Arc<Dir>,
    duplicates: Arc<AtomicU64>,
    reordered: Arc<AtomicU64>,
) -> JoinHandle<()> {
    tokio::spawn(async move {
        let mine = pump.terminal_id.clone();
        let mut seen: HashMap<String, (u64, HashSet<u64>)> = HashMap::new();
        while let Some(Arrived { at_us, event }) = pump.rx.recv().await {
            let (highest, set) = seen.entry(event.session_id.clone()).or_default();
            if !set.insert(event.seq) {
                duplicates.fetch_add(1, Ordering::Relaxed);
                continue;
            }
            if event.seq < *highest {
                reordered.fetch_add(1, Ordering::Relaxed);
            }
            *highest = (*highest).max(event.seq);
            if let Some(Payload::MessagePosted(_)) = &event.payload
                && event.author_terminal_id != mine
                && event.session_id == incoming.session_id
            {
                lock(&incoming.delivered).insert(event.seq, at_us);
            }
        }
    })
}

/// Sends one message as a unary call or a stream command.
async fn send(
    dir: &Dir,
    transport: Transport,
    req: &pb::MessageRequest,
    attempt: u32,
) -> Result<u64, tonic::Status> {
    match transport {
        Transport::Unary => Ok(dir
            .sender
            .clone()
            .message(request(req.clone()))
            .await?
            .into_inner()
            .seq),
        Transport::Stream => {
            let id = format!("{}-{attempt}", req.idempotency_key);
            let r = dir
                .stream
                .call(id, pb::command::Kind::Message(req.clone()))
                .await?;
            match r.code {
                0 => Ok(r.seq),
                code => Err(tonic::Status::new(tonic::Code::from(code), r.message)),
            }
        }
    }
}

/// Sends one message (retrying with the same idempotency key on transient errors) and records it.
async fn send_one(
    dir: &Dir,
    transport: Transport,
    phase: u32,
    send_us: u64,
    body_bytes: usize,
    counters: &Counters,
) {
    let n = dir.counter.fetch_add(1, Ordering::Relaxed);
    let req = pb::MessageRequest {
        session_id: dir.session_id.clone(),
        body: body(&dir.tag, n, send_us, body_bytes),
        idempotency_key: format!("{}-{n}", dir.tag),
    };
    for attempt in 0..4 {
        match send(dir, transport, &req, attempt).await {
            Ok(seq) => {
                let ack_us = now_us();
                lock(&dir.sent).push(Sent {
                    phase,
                    n,
                    seq,
                    send_us,
                    ack_us,
                });
                return;
            }
            Err(status) => {
                counters.errors.fetch_add(1, Ordering::Relaxed);
                {
                    let mut first = lock(&counters.first_error);
                    if first.is_none() {
                        *first = Some(format!("{:?}: {}", status.code(), status.message()));
                    }
                }
                let transient = matches!(
                    status.code(),
                    tonic::Code::Unavailable
                        | tonic::Code::DeadlineExceeded
                        | tonic::Code::Unknown
                        | tonic::Code::Cancelled
                        | tonic::Code::Aborted
                        | tonic::Code::ResourceExhausted
                );
                if !transient || attempt == 3 {
                    counters.gave_up.fetch_add(1, Ordering::Relaxed);
                    return;
                }
                tokio::time::sleep(Duration::from_millis(20 << attempt)).await;
            }
        }
    }
}

impl Engine {
    /// Registers 2×`sessions` terminals (gateway and bot per session, `prefix` in their names),
    /// attaches them and opens the sessions.
    pub async fn setup(
        url: &str,
        admin: &AdminClient,
        prefix: &str,
        sessions: usize,
        body_bytes: usize,
        server_pid: Option<u32>,
    ) -> Result<Engine, BoxError> {
        let t0 = now_us();
        let mut names = Vec::new();
        for i in 0..sessions {
            names.push((format!("{prefix}-gw-{i}"), pb::TerminalKind::Gateway));
            names.push((format!("{prefix}-bot-{i}"), pb::TerminalKind::Bot));
        }
        let terms = fixtures::terminals(url, admin, names).await?;
        let pairs: Vec<(Term, Term)> = terms
            .chunks(2)
            .map(|p| (p[0].clone(), p[1].clone()))
            .collect();
        // Attach, open sessions (16 at a time), then hand each feed to a receiver.
        let sem = Arc::new(tokio::sync::Semaphore::new(16));
        let mut tasks = Vec::new();
        for (i, (gw, bot)) in pairs.into_iter().enumerate() {
            let permit = sem.clone().acquire_owned().await?;
            let prefix = prefix.to_owned();
            tasks.push(tokio::spawn(async move {
                let _permit = permit;
                let gw_pump = Pump::attach(&gw).await?;
                let mut bot_pump = Pump::attach(&bot).await?;
                let caller = format!("{prefix}-caller-{i}");
                let sid = fixtures::open_session(&gw, &bot, &mut bot_pump, &caller).await?;
                Ok::<_, BoxError>((i, sid, gw, bot, gw_pump, bot_pump))
            }));
        }
        let feed_duplicates = Arc::new(AtomicU64::new(0));
        let feed_reordered = Arc::new(AtomicU64::new(0));
        let mut engine = Engine {
            dirs: Vec::new(),
            sessions: Vec::new(),
            receivers: Vec::new(),
            feed_duplicates: feed_duplicates.clone(),
            feed_reordered: feed_reordered.clone(),
            body_bytes,
            server_pid,
            metrics: None,
            next_phase: 0,
            setup_seconds: 0.0,
        };
        for t in tasks {
            let (i, sid, gw, bot, gw_pump, bot_pump) = t.await??;
            let to_bot = Arc::new(Dir {
                tag: format!("s{i}g"),
                session_id: sid.clone(),
                sender: gw.c(),
                stream: gw_pump.commander(),
                counter: AtomicU64::new(0),
                sent: Mutex::new(Vec::new()),
                delivered: Mutex::new(HashMap::new()),
            });
            let to_gw = Arc::new(Dir {
                tag: format!("s{i}b"),
                session_id: sid.clone(),
                sender: bot.c(),
                stream: bot_pump.commander(),
                counter: AtomicU64::new(0),
                sent: Mutex::new(Vec::new()),
                delivered: Mutex::new(HashMap::new()),
            });
            engine.receivers.push(receive(
                bot_pump,
                to_bot.clone(),
                feed_duplicates.clone(),
                feed_reordered.clone(),
            ));
            engine.receivers.push(receive(
                gw_pump,
                to_gw.clone(),
                feed_duplicates.clone(),
                feed_reordered.clone(),
            ));
            engine.dirs.push(to_bot);
            engine.dirs.push(to_gw);
            engine.sessions.push((sid, gw.c()));
        }
        engine.setup_seconds = (now_us() - t0) as f64 / 1e6;
        Ok(engine)
    }

    /// Scrape the server's metrics at `scraper` around every measured window from now on.
    pub fn scrape_metrics(&mut self, scraper: Option<Scraper>) {
        self.metrics = scraper;
    }

    pub fn senders(&self) -> usize {
        self.dirs.len()
    }

    pub fn feed_duplicates(&self) -> u64 {
        self.feed_duplicates.load(Ordering::Relaxed)
    }

    pub fn feed_reordered(&self) -> u64 {
        self.feed_reordered.load(Ordering::Relaxed)
    }

    /// Every sender keeps `inflight` messages outstanding for warm-up + `duration`.
    pub async fn closed_loop(
        &mut self,
        transport: Transport,
        inflight: usize,
        warmup: Duration,
        duration: Duration,
    ) -> Phase {
        let phase = self.next_phase;
        self.next_phase += 1;
        let stop = Arc::new(AtomicBool::new(false));
        let counters = Arc::new(Counters::default());
        let mut tasks = Vec::new();
        for dir in &self.dirs {
            for _ in 0..inflight {
                let (dir, stop, counters) = (dir.clone(), stop.clone(), counters.clone());
                let body_bytes = self.body_bytes;
                tasks.push(tokio::spawn(async move {
                    while !stop.load(Ordering::Relaxed) {
                        send_one(&dir, transport, phase, now_us(), body_bytes, &counters).await;
                    }
                }));
            }
        }
        tokio::time::sleep(warmup).await;
        let m0 = Scraper::sample(self.metrics.as_ref()).await;
        let (w0, cpu0) = (now_us(), Cpu::snapshot(self.server_pid));
        tokio::time::sleep(duration).await;
        let (w1, cpu1) = (now_us(), Cpu::snapshot(self.server_pid));
        let m1 = Scraper::sample(self.metrics.as_ref()).await;
        stop.store(true, Ordering::Relaxed);
        for t in tasks {
            let _ = t.await;
        }
        let label = format!("{}-closed-{inflight}", transport.name());
        let mut p = self
            .finish(
                transport,
                phase,
                label,
                inflight,
                None,
                w0,
                w1,
                &counters,
                cpu0.usage(&cpu1),
            )
            .await;
        p.group_commits = CommitFigures::between(m0, m1);
        p
    }

    /// Every sender sends at `total_rate / senders` messages/s on a fixed schedule, whatever the
    /// replies (each call is its own task), for warm-up + `duration`. Latency counts from the
    /// scheduled time, so a server that falls behind shows it.
    pub async fn open_loop(
        &mut self,
        transport: Transport,
        total_rate: f64,
        load_pct: u32,
        warmup: Duration,
        duration: Duration,
    ) -> Phase {
        let phase = self.next_phase;
        self.next_phase += 1;
        let counters = Arc::new(Counters::default());
        let per_sender = (total_rate / self.dirs.len() as f64).max(0.1);
        let interval = Duration::from_secs_f64(1.0 / per_sender);
        let start = tokio::time::Instant::now() + Duration::from_millis(50);
        let end = start + warmup + duration;
        let cap = 256usize;
        let mut schedulers = Vec::new();
        let n = self.dirs.len();
        for (k, dir) in self.dirs.iter().enumerate() {
            let (dir, counters) = (dir.clone(), counters.clone());
            let body_bytes = self.body_bytes;
            // Spread the senders' first sends over one interval.
            let offset = interval.mul_f64(k as f64 / n as f64);
            // One task and one re-armed timer per sender; its calls in flight are futures of
            // that task, not tasks of their own.
            schedulers.push(tokio::spawn(async move {
                let mut calls = FuturesUnordered::new();
                let mut tick = tokio::time::interval_at(start + offset, interval);
                // A sender that fell behind sends the missed messages at once, each counted
                // from its scheduled time, as a real open loop does.
                tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Burst);
                loop {
                    tokio::select! {
                        biased;
                        Some(()) = calls.next(), if !calls.is_empty() => {}
                        at = tick.tick() => {
                            if at >= end {
                                break;
                            }
                            let late = tokio::time::Instant::now().saturating_duration_since(at);
                            let send_us = now_us().saturating_sub(late.as_micros() as u64);
                            if calls.len() >= cap {
                                counters.skipped.fetch_add(1, Ordering::Relaxed);
                                continue;
                            }
                            calls.push(send_one(
                                &dir,
                                transport,
                                phase,
                                send_us,
                                body_bytes,
                                &counters,
                            ));
                        }
                    }
                }
                while calls.next().await.is_some() {}
            }));
        }
        tokio::time::sleep_until(start + warmup).await;
        let m0 = Scraper::sample(self.metrics.as_ref()).await;
        let (w0, cpu0) = (now_us(), Cpu::snapshot(self.server_pid));
        tokio::time::sleep_until(end).await;
        let (w1, cpu1) = (now_us(), Cpu::snapshot(self.server_pid));
        let m1 = Scraper::sample(self.metrics.as_ref()).await;
        for s in schedulers {
            let _ = s.await;
        }
        let mut p = self
            .finish(
                transport,
                phase,
                format!("{}-open-{load_pct}pct", transport.name()),
                0,
                Some(total_rate),
                w0,
                w1,
                &counters,
                cpu0.usage(&cpu1),
            )
            .await;
        p.offered_rate = Some(total_rate);
        p.group_commits = CommitFigures::between(m0, m1);
        p
    }

    /// Waits (bounded) for every acknowledged message of the phase to be delivered, then counts.
    #[allow(clippy::too_many_arguments)]
    async fn finish(
        &self,
        transport: Transport,
        phase: u32,
        label: String,
        inflight: usize,
        offered: Option<f64>,
        w0: u64,
        w1: u64,
        counters: &Counters,
        cpu: CpuUsage,
    ) -> Phase {
        let drain_deadline = now_us() + 10_000_000;
        loop {
            let missing: usize = self
                .dirs
                .iter()
                .map(|d| {
                    let delivered = lock(&d.delivered);
                    lock(&d.sent)
                        .iter()
                        .filter(|s| s.phase == phase && !delivered.contains_key(&s.seq))
                        .count()
                })
                .sum();
            if missing == 0 || now_us() > drain_deadline {
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let mut latency = Latencies::default();
        let mut ack_latency = Latencies::default();
        let mut counted = 0u64;
        let mut lost = 0u64;
        for d in &self.dirs {
            let delivered = lock(&d.delivered);
            for s in lock(&d.sent).iter().filter(|s| s.phase == phase) {
                let Some(&at) = delivered.get(&s.seq) else {
                    lost += 1;
                    continue;
                };
                if s.ack_us >= w0 && s.ack_us < w1 {
                    counted += 1;
                }
                if s.send_us >= w0 && s.send_us < w1 {
                    latency.push(at.saturating_sub(s.send_us));
                    ack_latency.push(s.ack_us.saturating_sub(s.send_us));
                }
            }
        }
        let window_s = (w1 - w0) as f64 / 1e6;
        Phase {
            transport,
            label,
            inflight_per_sender: inflight,
            senders: self.dirs.len(),
            offered_rate: offered,
            window_s,
            counted,
            rate: counted as f64 / window_s,
            latency,
            ack_latency,
            errors: counters.errors.load(Ordering::Relaxed),
            gave_up: counters.gave_up.load(Ordering::Relaxed),
            skipped: counters.skipped.load(Ordering::Relaxed),
            lost,
            first_error: lock(&counters.first_error).clone(),
            cpu,
            group_commits: None,
        }
    }

    /// Reads every session's whole log (ListEvents, as the caller's terminal) and checks it
    /// against what was acknowledged.
    pub async fn check_log(&self) -> Result<LogCheck, BoxError> {
        let t0 = now_us();
        let mut check = LogCheck {
            sessions: self.sessions.len(),
            ..LogCheck::default()
        };
        // tag -> (n -> seq) of acknowledged messages.
        let mut acked: HashMap<String, HashMap<u64, u64>> = HashMap::new();
        for d in &self.dirs {
            let m = acked.entry(d.tag.clone()).or_default();
            for s in lock(&d.sent).iter() {
                m.insert(s.n, s.seq);
            }
        }
        for (sid, client) in &self.sessions {
            let mut client = client.clone();
            let mut token = String::new();
            let mut last = 0u64;
            let mut bodies: HashSet<String> = HashSet::new();
            // seq -> (tag, n) of the stored messages.
            let mut stored: HashMap<u64, (String, u64)> = HashMap::new();
            loop {
                let page = client
                    .list_events(request(pb::ListEventsRequest {
                        session_id: sid.clone(),
                        page_size: 1000,
                        page_token: token,
                    }))
                    .await?
                    .into_inner();
                for e in page.events {
                    check.events += 1;
                    if e.seq != last + 1 {
                        check.gaps += e.seq.saturating_sub(last + 1);
                    }
                    last = last.max(e.seq);
                    if let Some(Payload::MessagePosted(m)) = e.payload {
                        check.messages += 1;
                        if let Some((tag, n, _)) = parse_body(&m.body) {
                            stored.insert(e.seq, (tag.to_owned(), n));
                        }
                        if !bodies.insert(m.body) {
                            check.stored_twice += 1;
                        }
                    }
                }
                if page.next_page_token.is_empty() {
                    break;
                }
                token = page.next_page_token;
            }
            // Every acknowledged seq of this session holds the message that was sent.
            let mut acked_seqs = HashSet::new();
            for d in self.dirs.iter().filter(|d| &d.session_id == sid) {
                for (n, seq) in acked.get(&d.tag).into_iter().flatten() {
                    acked_seqs.insert(*seq);
                    match stored.get(seq) {
                        Some((tag, m)) if *tag == d.tag && m == n => {}
                        _ => check.ack_mismatches += 1,
                    }
                }
            }
            check.stored_unacked +=
                stored.keys().filter(|s| !acked_seqs.contains(s)).count() as u64;
        }
        check.seconds = (now_us() - t0) as f64 / 1e6;
        Ok(check)
    }
}
