//! Complete transfers: P workers, each with a gateway and two agents, pass their session back and
//! forth. One transfer = the holder's Transfer → the target sees the offer on its feed and
//! accepts → the holder sees the acceptance on its feed and disconnects → the new holder's first
//! message is acknowledged and delivered to the caller's (gateway's) feed. After `chain` transfers
//! the session is ended and a new one opened, so that offers carry a realistic dialog.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use handoff::client::{AdminClient, BoxError};
use handoff::pb::{self, command::Kind as Cmd, event::Payload};
use serde::Serialize;

use crate::commits::{CommitFigures, RecordSize, Scraper};
use crate::fixtures::{self, Commander, Pump, Term, request};
use crate::json::Keyed;
use crate::messages::Transport;
use crate::stats::{Cpu, CpuUsage, Latencies, fmt_int, now_us};

#[derive(Serialize)]
pub struct Transfers {
    pub transport: Transport,
    pub workers: usize,
    pub chain: usize,
    pub window_s: f64,
    /// Transfers completed inside the window.
    pub completed: u64,
    #[serde(rename = "transfers_per_sec")]
    pub rate: f64,
    pub latency: Latencies,
    /// Per step (p50 ms): offer call, offer delivered, accept call, acceptance delivered,
    /// disconnect call, new holder's message call, its delivery to the caller.
    pub steps: Keyed<&'static str, Latencies>,
    pub sessions_opened: u64,
    pub errors: u64,
    pub first_error: Option<String>,
    pub cpu: CpuUsage,
    #[serde(rename = "setup_s")]
    pub setup_seconds: f64,
    /// The server's group commits in the window (absent when its metrics were not scraped).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group_commits: Option<CommitFigures>,
    /// Session records (`sessions.snapshot`) after the phase: every session it opened, and those
    /// that went through their whole chain of transfers.
    pub session_record: Option<SessionRecords>,
}

/// Session record sizes after the transfers of one transport.
#[derive(Serialize)]
pub struct SessionRecords {
    pub chain: usize,
    pub all: RecordSize,
    pub full_chain: RecordSize,
}

impl Transfers {
    pub fn lines(&self) -> Vec<String> {
        let mut out = vec![format!(
            "{}: {} complete transfers/s ({} in {:.1} s over {} sessions; chains of {}, {} sessions opened)",
            self.transport.name(),
            fmt_int(self.rate),
            self.completed,
            self.window_s,
            self.workers,
            self.chain,
            self.sessions_opened
        )];
        out.push(format!(
            "complete transfer latency: {}",
            self.latency.summary()
        ));
        let steps: Vec<String> = self
            .steps
            .0
            .iter()
            .map(|(name, l)| format!("{name} {}", crate::stats::fmt_ms(l.ms(0.5))))
            .collect();
        out.push(format!("steps, p50 ms: {}", steps.join(", ")));
        if let Some(g) = &self.group_commits {
            out.push(g.text());
        }
        if let Some(r) = &self.session_record {
            out.push(format!(
                "session record (sessions.snapshot, chain {}): after a whole chain: {}; every session this phase opened: {}",
                r.chain,
                if r.full_chain.sessions == 0 {
                    // Transfers per session per second, so far.
                    let per_session = self.rate / self.workers.max(1) as f64;
                    format!(
                        "no session went through its {} transfers (at this rate a chain takes about {} s: \
                         raise --duration)",
                        r.chain,
                        if per_session > 0.0 {
                            fmt_int(r.chain as f64 / per_session)
                        } else {
                            "?".into()
                        }
                    )
                } else {
                    r.full_chain.text()
                },
                r.all.text()
            ));
        }
        if self.errors > 0 {
            out.push(format!(
                "errors: {} (first: {})",
                self.errors,
                self.first_error.as_deref().unwrap_or("?")
            ));
        }
        out
    }
}

const STEPS: [&str; 7] = [
    "offer",
    "offer seen",
    "accept",
    "accept seen",
    "disconnect",
    "message",
    "delivered",
];

struct Rig {
    w: usize,
    transport: Transport,
    /// Transfers per session.
    chain: u64,
    /// Commands sent on the rig's feeds (request ids).
    calls: u64,
    gw: Term,
    agents: [Term; 2],
    gw_pump: Pump,
    pumps: [Pump; 2],
    /// Which agent holds the session.
    holder: usize,
    session: Option<String>,
    opened: u64,
    count: u64,
    /// Sessions ended after their whole chain of transfers.
    full_chains: Vec<String>,
}

#[derive(Default)]
struct Outcome {
    /// (completed at, total latency, per-step latencies)
    done: Vec<(u64, u64, [u64; 7])>,
    errors: u64,
    first_error: Option<String>,
    opened: u64,
    full_chains: Vec<String>,
}

impl Rig {
    async fn open(&mut self) -> Result<(), BoxError> {
        let caller = format!(
            "transfer-caller-{}-{}-{}",
            self.transport.name(),
            self.w,
            self.opened
        );
        let h = self.holder;
        let sid =
            fixtures::open_session(&self.gw, &self.agents[h], &mut self.pumps[h], &caller).await?;
        self.opened += 1;
        self.session = Some(sid);
        self.count = 0;
        Ok(())
    }

    /// Ends the session (the holder leaves with no transfer pending).
    async fn close(&mut self) -> Result<(), BoxError> {
        if let Some(sid) = self.session.take() {
            self.step(
                Some(self.holder),
                Cmd::Disconnect(pb::DisconnectRequest {
                    session_id: sid.clone(),
                }),
            )
            .await?;
            if self.count >= self.chain {
                self.full_chains.push(sid);
            }
        }
        Ok(())
    }

    /// A step sent by an agent (`Some(i)`) or the gateway (`None`), on the rig's transport.
    fn step(
        &mut self,
        who: Option<usize>,
        kind: Cmd,
    ) -> impl Future<Output = Result<(u64, String), BoxError>> + Send + 'static {
        let (term, pump) = match who {
            Some(i) => (&self.agents[i], &self.pumps[i]),
            None => (&self.gw, &self.gw_pump),
        };
        self.calls += 1;
        step(
            self.transport,
            term.clone(),
            pump.commander(),
            format!("x{}-{}", self.w, self.calls),
            kind,
        )
    }

    /// One complete transfer from the holder to the other agent; its step times in µs.
    async fn transfer(&mut self) -> Result<(u64, [u64; 7]), BoxError> {
        let sid = self.session.clone().ok_or("no session")?;
        let (h, t) = (self.holder, 1 - self.holder);
        let mut steps = [0u64; 7];
        let t0 = now_us();
        let mut mark = t0;
        let mut lap = |i: usize, steps: &mut [u64; 7]| {
            let now = now_us();
            steps[i] = now - mark;
            mark = now;
        };
        let target_id = self.agents[t].id.clone();
        let (_, tid) = self
            .step(
                Some(h),
                Cmd::Transfer(pb::TransferRequest {
                    session_id: sid.clone(),
                    target: Some(pb::TransferTarget {
                        kind: Some(pb::transfer_target::Kind::TerminalId(target_id)),
                    }),
                    facts: [("intent".to_owned(), "billing".to_owned())].into(),
                    note: "customer verified; double charge".to_owned(),
                    ..Default::default()
                }),
            )
            .await?;
        lap(0, &mut steps);
        self.pumps[t]
            .wait_for("TransferOffered", |e| match &e.payload {
                Some(Payload::TransferOffered(o)) => {
                    o.transfer.as_ref().is_some_and(|x| x.id == tid) && o.context.is_some()
                }
                _ => false,
            })
            .await?;
        lap(1, &mut steps);
        self.step(
            Some(t),
            Cmd::AcceptTransfer(pb::AcceptTransferRequest {
                session_id: sid.clone(),
                transfer_id: tid.clone(),
            }),
        )
        .await?;
        lap(2, &mut steps);
        self.pumps[h]
            .wait_for("TransferAccepted", |e| match &e.payload {
                Some(Payload::TransferAccepted(a)) => a.transfer_id == tid,
                _ => false,
            })
            .await?;
        lap(3, &mut steps);
        self.step(
            Some(h),
            Cmd::Disconnect(pb::DisconnectRequest {
                session_id: sid.clone(),
            }),
        )
        .await?;
        lap(4, &mut steps);
        let (seq, _) = self
            .step(
                Some(t),
                Cmd::Message(pb::MessageRequest {
                    session_id: sid.clone(),
                    body: format!("Hi, this is agent {t} of rig {}; I have your case", self.w),
                    idempotency_key: format!("t{}-{}", self.w, now_us()),
                }),
            )
            .await?;
        lap(5, &mut steps);
        // The caller's side: told who left and who continues, then the new holder's message.
        let gone = self
            .gw_pump
            .wait_for("HolderDisconnected", |e| {
                matches!(&e.payload, Some(Payload::HolderDisconnected(d)) if d.transfer_id == tid)
            })
            .await?;
        let ack = tokio::spawn(self.step(
            None,
            Cmd::AcknowledgeDisconnect(pb::AcknowledgeDisconnectRequest {
                session_id: sid.clone(),
                seq: gone.event.seq,
            }),
        ));
        self.gw_pump
            .wait_for("the new holder's message", |e| {
                e.session_id == sid && e.seq == seq
            })
            .await?;
        lap(6, &mut steps);
        let total = now_us() - t0;
        ack.await??;
        self.holder = t;
        self.count += 1;
        Ok((total, steps))
    }
}

/// One step as its RPC, or as a command on the terminal's own feed: (seq, transfer id) as the
/// receipt reports them.
async fn step(
    transport: Transport,
    term: Term,
    commander: Commander,
    request_id: String,
    kind: Cmd,
) -> Result<(u64, String), BoxError> {
    if transport == Transport::Stream {
        let r = commander.call(request_id, kind).await?;
        if r.code != 0 {
            return Err(tonic::Status::new(tonic::Code::from(r.code), r.message).into());
        }
        return Ok((r.seq, r.transfer_id));
    }
    let mut c = term.c();
    Ok(match kind {
        Cmd::Transfer(r) => {
            let t = c
                .transfer(request(r))
                .await?
                .into_inner()
                .transfer
                .ok_or("Transfer returned no transfer")?;
            (t.offered_seq, t.id)
        }
        Cmd::AcceptTransfer(r) => {
            let a = c.accept_transfer(request(r)).await?.into_inner();
            (
                a.session.map_or(0, |s| s.last_seq),
                a.transfer.map(|t| t.id).unwrap_or_default(),
            )
        }
        Cmd::Disconnect(r) => (
            c.disconnect(request(r)).await?.into_inner().seq,
            String::new(),
        ),
        Cmd::Message(r) => (c.message(request(r)).await?.into_inner().seq, String::new()),
        Cmd::AcknowledgeDisconnect(r) => {
            let s = c.acknowledge_disconnect(request(r)).await?.into_inner();
            (s.session.map_or(0, |s| s.last_seq), String::new())
        }
        other => return Err(format!("the bench sends no {other:?} as a call").into()),
    })
}

/// Where [`run`] measures: the server, and what the bench reads beside its gRPC API.
pub struct Target<'a> {
    pub url: &'a str,
    pub admin: &'a AdminClient,
    pub server_pid: Option<u32>,
    /// The server's metrics endpoint, scraped around the measured window.
    pub metrics: Option<Scraper>,
    /// The server's database, for the session record sizes after the phase.
    pub database_url: Option<&'a str>,
}

pub async fn run(
    target: &Target<'_>,
    transport: Transport,
    workers: usize,
    chain: usize,
    warmup: Duration,
    duration: Duration,
) -> Result<Transfers, BoxError> {
    let &Target {
        url,
        admin,
        server_pid,
        ..
    } = target;
    let since_ms = crate::commits::unix_ms();
    let t_setup = now_us();
    let mut names = Vec::new();
    for w in 0..workers {
        let t = transport.name();
        names.push((format!("xfer-{t}-gw-{w}"), pb::TerminalKind::Gateway));
        names.push((format!("xfer-{t}-a-{w}"), pb::TerminalKind::Agent));
        names.push((format!("xfer-{t}-b-{w}"), pb::TerminalKind::Agent));
    }
    let terms = fixtures::terminals(url, admin, names).await?;
    let mut rigs = Vec::new();
    for (w, t) in terms.chunks(3).enumerate() {
        let (gw, a, b) = (t[0].clone(), t[1].clone(), t[2].clone());
        let gw_pump = Pump::attach(&gw).await?;
        let pumps = [Pump::attach(&a).await?, Pump::attach(&b).await?];
        rigs.push(Rig {
            w,
            transport,
            chain: chain as u64,
            calls: 0,
            gw,
            agents: [a, b],
            gw_pump,
            pumps,
            holder: 0,
            session: None,
            opened: 0,
            count: 0,
            full_chains: Vec::new(),
        });
    }
    let mut opening = Vec::new();
    for mut rig in rigs {
        opening.push(tokio::spawn(async move { rig.open().await.map(|_| rig) }));
    }
    let mut rigs = Vec::new();
    for o in opening {
        rigs.push(o.await??);
    }
    let setup_seconds = (now_us() - t_setup) as f64 / 1e6;

    let stop = Arc::new(AtomicBool::new(false));
    let mut tasks = Vec::new();
    for mut rig in rigs {
        let stop = stop.clone();
        tasks.push(tokio::spawn(async move {
            let mut out = Outcome::default();
            let mut failures = 0;
            while !stop.load(Ordering::Relaxed) {
                let step = async {
                    if rig.session.is_none() {
                        rig.open().await?;
                    }
                    let r = rig.transfer().await?;
                    if rig.count >= rig.chain {
                        rig.close().await?;
                    }
                    Ok::<_, BoxError>(r)
                }
                .await;
                match step {
                    Ok((total, steps)) => out.done.push((now_us(), total, steps)),
                    Err(e) => {
                        out.errors += 1;
                        if out.first_error.is_none() {
                            out.first_error = Some(e.to_string());
                        }
                        failures += 1;
                        if failures > 3 {
                            break;
                        }
                        // Start over on a fresh session.
                        let _ = rig.close().await;
                        rig.session = None;
                    }
                }
            }
            let _ = rig.close().await;
            out.opened = rig.opened;
            out.full_chains = rig.full_chains;
            out
        }));
    }
    tokio::time::sleep(warmup).await;
    let m0 = Scraper::sample(target.metrics.as_ref()).await;
    let (w0, cpu0) = (now_us(), Cpu::snapshot(server_pid));
    tokio::time::sleep(duration).await;
    let (w1, cpu1) = (now_us(), Cpu::snapshot(server_pid));
    let m1 = Scraper::sample(target.metrics.as_ref()).await;
    stop.store(true, Ordering::Relaxed);
    let mut latency = Latencies::default();
    let mut steps: Vec<(&'static str, Latencies)> =
        STEPS.iter().map(|s| (*s, Latencies::default())).collect();
    let (mut completed, mut errors, mut opened) = (0u64, 0u64, 0u64);
    let mut first_error = None;
    let mut full_chains = Vec::new();
    for t in tasks {
        let out = t.await?;
        errors += out.errors;
        opened += out.opened;
        full_chains.extend(out.full_chains);
        if first_error.is_none() {
            first_error = out.first_error;
        }
        for (at, total, st) in out.done {
            if at >= w0 && at < w1 {
                completed += 1;
                latency.push(total);
                for (i, v) in st.iter().enumerate() {
                    steps[i].1.push(*v);
                }
            }
        }
    }
    let window_s = (w1 - w0) as f64 / 1e6;
    let session_record = match target.database_url {
        Some(db) => {
            let (all, full_chain) =
                crate::commits::record_sizes(db, since_ms, &full_chains).await?;
            Some(SessionRecords {
                chain,
                all,
                full_chain,
            })
        }
        None => None,
    };
    Ok(Transfers {
        transport,
        workers,
        chain,
        window_s,
        completed,
        rate: completed as f64 / window_s,
        latency,
        steps: Keyed(steps),
        sessions_opened: opened,
        errors,
        first_error,
        cpu: cpu0.usage(&cpu1),
        setup_seconds,
        group_commits: CommitFigures::between(m0, m1),
        session_record,
    })
}
