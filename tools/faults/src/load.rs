//! The load: terminals with feeds that react like real ones (a bot acknowledges Connect, an agent
//! accepts or declines an offer, a holder disconnects after acceptance, a gateway acknowledges
//! holder changes), conversations driven by gateways, and the fault schedule. Everything sent and
//! everything received is recorded for the checker.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::future::Future;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use tokio::sync::watch;
use tokio::time::Instant;
use tonic::transport::Endpoint;
use tonic::{Code, Status};

use handoff::client::{Bearer, BoxError, Feed, FeedSender, TerminalClient};
use handoff::pb::{
    self, attach_response, command, event::Payload, terminal_service_client::TerminalServiceClient,
};
use handoff_pg_cluster::PgCluster;

use crate::events;
use crate::replica::Replica;
use crate::rng::Rng;

pub(crate) fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

fn inc(c: &AtomicU64) {
    c.fetch_add(1, Ordering::Relaxed);
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Gateway,
    Bot,
    Agent,
}

/// What a delivered event is compared on: its kind and, for a message, its body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Digest {
    pub kind: &'static str,
    pub body: Option<String>,
}

impl Digest {
    pub fn of(e: &pb::Event) -> Digest {
        Digest {
            kind: events::kind_name(e),
            body: match &e.payload {
                Some(Payload::MessagePosted(m)) => Some(m.body.clone()),
                _ => None,
            },
        }
    }
}

/// What one terminal received of one session on its feeds, de-duplicated by seq.
#[derive(Debug, Default)]
pub struct Received {
    pub events: BTreeMap<u64, Digest>,
    /// When each seq was first received (wall clock, ms since the epoch, as the log's times).
    pub at: HashMap<u64, events::Millis>,
    pub max: u64,
    /// (seq, highest seq already received) for each first delivery below an earlier one.
    pub out_of_order: Vec<(u64, u64)>,
    pub redelivered: u64,
    /// Its part in the session is over (ended, left, or its offer closed): not named on resume.
    done: bool,
    my_transfers: HashSet<String>,
    /// The last seq this terminal sent an `ack` for (the server may not have recorded it).
    acked: u64,
}

/// One Attach stream a terminal had: from its `attached` until it ended (wall clock, ms).
#[derive(Debug, Clone, Copy)]
pub struct Attachment {
    pub opened: events::Millis,
    /// None while it is still open.
    pub closed: Option<events::Millis>,
}

/// A registered terminal: one client per replica, and what its feeds received.
pub struct Term {
    pub id: String,
    pub name: String,
    pub kind: Kind,
    clients: Vec<TerminalClient>,
    pub received: Mutex<HashMap<String, Received>>,
    /// Every feed it had, in order.
    pub attachments: Mutex<Vec<Attachment>>,
    attached_once: AtomicBool,
    /// The feed open now, for commands sent on the stream from other tasks (statuses).
    feed: Mutex<Option<FeedSender>>,
}

impl Term {
    pub fn new(
        id: String,
        name: String,
        kind: Kind,
        token: &str,
        urls: &[String],
    ) -> Result<Term, BoxError> {
        let mut clients = Vec::new();
        for url in urls {
            let channel = Endpoint::from_shared(url.clone())?
                .connect_timeout(Duration::from_secs(1))
                .tcp_nodelay(true)
                .connect_lazy();
            clients.push(TerminalServiceClient::with_interceptor(
                channel,
                Bearer::new(token)?,
            ));
        }
        Ok(Term {
            id,
            name,
            kind,
            clients,
            received: Mutex::new(HashMap::new()),
            attachments: Mutex::new(Vec::new()),
            attached_once: AtomicBool::new(false),
            feed: Mutex::new(None),
        })
    }

    pub fn client(&self, i: usize) -> TerminalClient {
        self.clients[i % self.clients.len()].clone()
    }

    /// Records a delivery; true when it is the first delivery of this (session, seq).
    fn record(&self, e: &pb::Event) -> bool {
        let mut all = lock(&self.received);
        let r = all.entry(e.session_id.clone()).or_default();
        if r.events.contains_key(&e.seq) {
            r.redelivered += 1;
            return false;
        }
        if e.seq < r.max {
            r.out_of_order.push((e.seq, r.max));
        }
        r.events.insert(e.seq, Digest::of(e));
        r.at.insert(e.seq, events::now_millis());
        r.max = r.max.max(e.seq);
        match &e.payload {
            Some(Payload::SessionEnded(_)) => r.done = true,
            Some(Payload::HolderDisconnected(h)) if h.left_terminal_id == self.id => r.done = true,
            Some(Payload::TransferOffered(o)) => {
                if let Some(t) = o.transfer.as_ref()
                    && offered_to(t, &self.id)
                {
                    r.my_transfers.insert(t.id.clone());
                    r.done = false;
                }
            }
            // Another member of the group took the offer: this one is out of the session.
            Some(Payload::TransferAccepted(a))
                if r.my_transfers.contains(&a.transfer_id)
                    && a.accepted_by_terminal_id != self.id =>
            {
                r.done = true
            }
            Some(Payload::TransferDeclined(d)) if d.declined_by_terminal_id == self.id => {
                r.done = true
            }
            Some(Payload::TransferCancelled(c)) if r.my_transfers.contains(&c.transfer_id) => {
                r.done = true
            }
            Some(Payload::TransferExpired(x)) if r.my_transfers.contains(&x.transfer_id) => {
                r.done = true
            }
            _ => {}
        }
        true
    }

    /// Whether `transfer` in `session` was offered to this terminal (as it saw on its feed).
    fn was_offered(&self, session: &str, transfer: &str) -> bool {
        lock(&self.received)
            .get(session)
            .is_some_and(|r| r.my_transfers.contains(transfer))
    }

    /// Resume cursors: the last seq seen of every session still in progress for this terminal.
    fn cursors(&self) -> Vec<pb::SessionCursor> {
        lock(&self.received)
            .iter()
            .filter(|(_, r)| !r.done && r.max > 0)
            .map(|(s, r)| pb::SessionCursor {
                session_id: s.clone(),
                seq: r.max,
            })
            .collect()
    }

    /// The seq to acknowledge now: the last seq seen, if the feed got far enough past the last
    /// acknowledgement (8 events, or the end of its part), or at once when `eager`. The flag says
    /// whether it is an eager one: a part still in progress acknowledged up to its last seq seen.
    fn to_ack(&self, session: &str, eager: bool) -> Option<(u64, bool)> {
        let mut all = lock(&self.received);
        let r = all.get_mut(session)?;
        let due = r.max >= r.acked + 8 || (r.done && r.max > r.acked);
        if due || (eager && r.max > r.acked) {
            r.acked = r.max;
            Some((r.max, !due))
        } else {
            None
        }
    }

    /// Everything seen and not yet acknowledged, to acknowledge at once: (session, last seq seen,
    /// whether its part is still in progress).
    fn ack_all(&self) -> Vec<(String, u64, bool)> {
        let mut all = lock(&self.received);
        all.iter_mut()
            .filter(|(_, r)| r.max > r.acked)
            .map(|(s, r)| {
                r.acked = r.max;
                (s.clone(), r.max, !r.done)
            })
            .collect()
    }

    /// How many sessions still in progress for this terminal it acknowledged up to the last seq
    /// it has seen: on an Attach without cursors, the server resumes those at their end.
    fn live_acked_to_end(&self) -> u64 {
        lock(&self.received)
            .values()
            .filter(|r| !r.done && r.max > 0 && r.acked == r.max)
            .count() as u64
    }

    /// Notes a new feed; returns its index for [`Term::detached`].
    fn attached(&self) -> usize {
        let mut a = lock(&self.attachments);
        a.push(Attachment {
            opened: events::now_millis(),
            closed: None,
        });
        a.len() - 1
    }

    fn detached(&self, i: usize) {
        if let Some(a) = lock(&self.attachments).get_mut(i) {
            a.closed.get_or_insert_with(events::now_millis);
        }
    }
}

/// Of the re-attaches, the share that sends no resume cursors at all (`hello {}`): the server
/// resumes every session after the terminal's recorded acks.
const BARE_REATTACH_SHARE: f64 = 0.35;
/// Of the feeds, the share that acknowledges every event at once, up to the last seq seen,
/// instead of in steps of 8.
const EAGER_ACK_SHARE: f64 = 0.35;
/// Of the drops before a bare re-attach, the share that first acknowledges everything seen and
/// gives the server a moment to record it (the re-attach then relies on those acks).
const ACK_ALL_BEFORE_BARE_DROP: f64 = 0.6;
/// Of the rounds of a conversation, the share followed by a quiet spell of a few seconds.
const QUIET_SHARE: f64 = 0.1;
/// Of the re-attaches at the end (every session quiet, before the callers end them), the share
/// without cursors.
const FINAL_BARE_SHARE: f64 = 0.75;
/// Of the terminals, the share that re-attaches at the end (the others keep their feed, so that a
/// feed stalled earlier is still seen as one).
pub const FINAL_REATTACH_SHARE: f64 = 0.5;
/// Of the offers made through a group, the share a member never answers (its ring timeout, or
/// the offer timeout, passes).
const LET_RING_SHARE: f64 = 0.1;
/// Of the transfers of a conversation, the share made to a group rather than to an agent.
const GROUP_TRANSFER_SHARE: f64 = 0.5;
/// Of the rounds of a conversation whose transfer waits in a queue, the share in which the
/// holder takes it out of the queue.
const CANCEL_QUEUED_SHARE: f64 = 0.25;
/// Queue priorities of transfers to groups (the server's range is -1000..=1000).
const PRIORITIES: &[i32] = &[0, 0, 0, 5, 10, -5];
/// How long an agent stays AVAILABLE, and how long BUSY or AWAY, on average.
const AVAILABLE_SPELL: Duration = Duration::from_secs(5);
const UNAVAILABLE_SPELL: Duration = Duration::from_secs(5);
/// Of the status changes, the share sent as a stream command (the rest by the SetStatus RPC).
const STATUS_BY_STREAM_SHARE: f64 = 0.5;
/// The request ids of the status commands start so.
const STATUS_COMMAND: &str = "status-";

/// Whether the offer is open to `terminal` (itself, or as a member of the target group). A
/// transfer offered again from its queue still names the members that declined or let it ring
/// before; it is not open to them.
pub fn offered_to(t: &pb::Transfer, terminal: &str) -> bool {
    crate::routing::open_members(t)
        .iter()
        .any(|x| x == terminal)
}

/// A message the server acknowledged.
#[derive(Debug, Clone)]
pub struct AckedMessage {
    pub session: String,
    pub seq: u64,
    pub key: String,
    pub body: String,
    pub author: String,
    /// When the sender got the acknowledgement (wall clock, ms): the event was committed by then.
    pub at: events::Millis,
}

/// Event counters of the load (what was tried, retried, injected).
#[derive(Debug, Default)]
pub struct Counters {
    pub connect_attempts: AtomicU64,
    pub connect_ok: AtomicU64,
    pub connect_not_attached: AtomicU64,
    pub connect_not_acknowledged: AtomicU64,
    pub connect_failed_otherwise: AtomicU64,
    pub messages_attempted: AtomicU64,
    pub messages_acknowledged: AtomicU64,
    pub messages_unresolved: AtomicU64,
    pub messages_refused: AtomicU64,
    pub retries_unavailable: AtomicU64,
    pub retries_internal: AtomicU64,
    pub retries_transport: AtomicU64,
    pub retries_timeout: AtomicU64,
    pub transfers_requested: AtomicU64,
    pub transfers_refused: AtomicU64,
    pub group_offers_requested: AtomicU64,
    pub group_accepts_lost: AtomicU64,
    pub accepts: AtomicU64,
    pub declines: AtomicU64,
    pub cancels: AtomicU64,
    pub holder_disconnects: AtomicU64,
    pub sessions_ended_by_load: AtomicU64,
    pub late_reactions: AtomicU64,
    pub feed_attaches: AtomicU64,
    /// Acks sent for a part still in progress up to the last seq the terminal had seen, where
    /// the steps of 8 would have waited (eager feeds, and acks before a bare re-attach).
    pub acks_to_last_seq: AtomicU64,
    /// Re-attaches with `hello {}`: no resume cursors, the server's recorded acks decide.
    pub bare_reattaches: AtomicU64,
    /// Of those, the ones where the terminal had acked at least one session still in progress
    /// up to the last seq it had seen.
    pub bare_reattaches_after_full_ack: AtomicU64,
    /// Sessions in progress acked to their last seq seen, summed over the bare re-attaches.
    pub bare_reattach_sessions_acked_to_end: AtomicU64,
    /// Pauses of a few seconds in a conversation.
    pub quiet_spells: AtomicU64,
    /// Feeds that acknowledged everything and re-attached once the load had stopped.
    pub final_reattaches: AtomicU64,
    pub feed_drops: AtomicU64,
    pub feed_breaks: AtomicU64,
    pub attach_failures: AtomicU64,
    pub resume_rejected: AtomicU64,
    pub replica_kills: AtomicU64,
    pub pg_restarts: AtomicU64,
    pub unexpected_replica_exits: AtomicU64,
    /// Statuses set by SetStatus (acknowledged by the server).
    pub status_changes_rpc: AtomicU64,
    /// Statuses set by the stream command (receipt with code 0).
    pub status_changes_stream: AtomicU64,
    /// SetStatus calls or commands refused (anything but a retryable failure).
    pub status_refused: AtomicU64,
    /// Transfers the server answered QUEUED (nobody in the group could take them then).
    pub transfers_queued_on_request: AtomicU64,
    /// Accepts refused because the terminal was at its capacity (then declined).
    pub accepts_at_capacity: AtomicU64,
    /// Offers from a group's queue that the member let ring (never answered).
    pub offers_let_ring: AtomicU64,
}

pub fn get(c: &AtomicU64) -> u64 {
    c.load(Ordering::Relaxed)
}

/// Timing of the load and of the servers it runs against.
#[derive(Debug, Clone, Copy)]
pub struct Timing {
    pub connect_timeout: Duration,
    pub offer_timeout: Duration,
    pub handoff_grace: Duration,
}

/// Everything the tasks of a run share.
pub struct World {
    pub gateways: Vec<Arc<Term>>,
    pub bots: Vec<Arc<Term>>,
    pub agents: Vec<Arc<Term>>,
    pub by_id: HashMap<String, Arc<Term>>,
    /// Groups of agents that transfers may target.
    pub groups: Vec<String>,
    pub c: Counters,
    pub acked: Mutex<Vec<AckedMessage>>,
    /// Every session seen anywhere, with its caller's terminal when known.
    pub sessions: Mutex<BTreeMap<String, Option<String>>>,
    pub stop_at: Instant,
    pub hard_stop: Instant,
    pub timing: Timing,
    pub feed_drop_every: Option<Duration>,
    pub replicas: usize,
    pub notes: Mutex<Vec<String>>,
    pub started: Instant,
    pub verbose: bool,
    keys: AtomicU64,
    reactions: AtomicUsize,
}

/// Worth retrying: the server or the path to it failed, not the request.
pub fn retryable(s: &Status) -> bool {
    matches!(
        s.code(),
        Code::Unavailable
            | Code::Internal
            | Code::Unknown
            | Code::Cancelled
            | Code::DeadlineExceeded
            | Code::Aborted
    )
}

fn backoff(attempt: u32, rng: &mut Rng) -> Duration {
    let base = 50u64.saturating_mul(1 << attempt.min(5)).min(1000);
    rng.millis(base / 2, base)
}

const WORDS: &[&str] = &[
    "my card was charged twice",
    "can you check my order",
    "one moment please",
    "I see it here",
    "thanks!",
    "is there anything else?",
    "the parcel never arrived",
    "let me look into that",
];

impl World {
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        terms: Vec<Arc<Term>>,
        groups: Vec<String>,
        stop_at: Instant,
        hard_stop: Instant,
        timing: Timing,
        feed_drop_every: Option<Duration>,
        replicas: usize,
        started: Instant,
        verbose: bool,
    ) -> World {
        let of = |k: Kind| terms.iter().filter(|t| t.kind == k).cloned().collect();
        World {
            gateways: of(Kind::Gateway),
            bots: of(Kind::Bot),
            agents: of(Kind::Agent),
            by_id: terms.iter().map(|t| (t.id.clone(), t.clone())).collect(),
            groups,
            c: Counters::default(),
            acked: Mutex::new(Vec::new()),
            sessions: Mutex::new(BTreeMap::new()),
            stop_at,
            hard_stop,
            timing,
            feed_drop_every,
            replicas,
            notes: Mutex::new(Vec::new()),
            started,
            verbose,
            keys: AtomicU64::new(0),
            reactions: AtomicUsize::new(0),
        }
    }

    pub fn all_terms(&self) -> impl Iterator<Item = &Arc<Term>> {
        self.gateways
            .iter()
            .chain(self.bots.iter())
            .chain(self.agents.iter())
    }

    /// Keeps a remark for the report (the first 40).
    pub fn note(&self, s: String) {
        self.log(&s);
        let mut notes = lock(&self.notes);
        if notes.len() < 40 {
            notes.push(s);
        }
    }

    pub fn log(&self, s: &str) {
        if self.verbose {
            eprintln!("[{:7.1}s] {s}", self.started.elapsed().as_secs_f64());
        }
    }

    fn count_retry(&self, s: &Status) {
        let c = &self.c;
        match s.code() {
            Code::Unavailable if s.message().contains("storage") => inc(&c.retries_unavailable),
            Code::Unavailable if s.message().contains("shutting down") => {
                inc(&c.retries_unavailable)
            }
            Code::Internal => inc(&c.retries_internal),
            _ => inc(&c.retries_transport),
        }
    }

    fn remember_session(&self, id: &str, caller: Option<&str>) {
        let mut all = lock(&self.sessions);
        let entry = all.entry(id.to_owned()).or_default();
        if entry.is_none() {
            *entry = caller.map(str::to_owned);
        }
    }

    /// A unary call through a random replica, retried (to a random replica, with backoff) while it
    /// fails retryably and `until` has not passed. Returns the last error otherwise.
    pub async fn call<T, F, Fut>(
        &self,
        term: &Term,
        rng: &mut Rng,
        until: Instant,
        mut f: F,
    ) -> Result<T, Status>
    where
        F: FnMut(TerminalClient) -> Fut,
        Fut: Future<Output = Result<tonic::Response<T>, Status>>,
    {
        let per_try = Duration::from_secs(5);
        let mut attempt = 0;
        loop {
            let client = term.client(rng.below(self.replicas));
            let status = match tokio::time::timeout(per_try, f(client)).await {
                Ok(Ok(r)) => return Ok(r.into_inner()),
                Ok(Err(s)) if retryable(&s) => {
                    self.count_retry(&s);
                    s
                }
                Ok(Err(s)) => return Err(s),
                Err(_) => {
                    inc(&self.c.retries_timeout);
                    Status::deadline_exceeded(format!("no answer within {per_try:?}"))
                }
            };
            attempt += 1;
            let pause = backoff(attempt, rng);
            if Instant::now() + pause >= until {
                return Err(status);
            }
            tokio::time::sleep(pause).await;
        }
    }

    pub async fn get_session(
        &self,
        term: &Term,
        rng: &mut Rng,
        session: &str,
        until: Instant,
    ) -> Result<pb::Session, Status> {
        let req = pb::GetSessionRequest {
            session_id: session.to_owned(),
        };
        self.call(term, rng, until, |mut c| {
            let req = req.clone();
            async move { c.get_session(req).await }
        })
        .await
        .and_then(|r| r.session.ok_or_else(|| Status::internal("no session")))
    }

    /// The whole log as `term` may see it, through ListEvents.
    pub async fn list_events(
        &self,
        term: &Term,
        rng: &mut Rng,
        session: &str,
        until: Instant,
    ) -> Result<Vec<pb::Event>, Status> {
        let mut out = Vec::new();
        let mut token = String::new();
        loop {
            let req = pb::ListEventsRequest {
                session_id: session.to_owned(),
                page_size: 1000,
                page_token: token,
            };
            let page = self
                .call(term, rng, until, |mut c| {
                    let req = req.clone();
                    async move { c.list_events(req).await }
                })
                .await?;
            out.extend(page.events);
            if page.next_page_token.is_empty() {
                return Ok(out);
            }
            token = page.next_page_token;
        }
    }

    pub async fn disconnect(
        &self,
        term: &Term,
        rng: &mut Rng,
        session: &str,
        until: Instant,
    ) -> Result<pb::DisconnectResponse, Status> {
        let req = pb::DisconnectRequest {
            session_id: session.to_owned(),
        };
        self.call(term, rng, until, |mut c| {
            let req = req.clone();
            async move { c.disconnect(req).await }
        })
        .await
    }

    /// Sends one message with a fresh idempotency key, retrying the same key until it is
    /// acknowledged, refused, or the run is over. The key is the body's first word, so the
    /// checker finds it in the log. Returns the refusal, if any.
    async fn say(&self, term: &Term, session: &str, rng: &mut Rng) -> Option<Status> {
        let key = format!("k{}", self.keys.fetch_add(1, Ordering::Relaxed));
        let body = format!("{key} {}: {}", term.name, rng.pick(WORDS));
        let req = pb::MessageRequest {
            session_id: session.to_owned(),
            body: body.clone(),
            idempotency_key: key.clone(),
        };
        inc(&self.c.messages_attempted);
        let r = self
            .call(term, rng, self.hard_stop, |mut c| {
                let req = req.clone();
                async move { c.message(req).await }
            })
            .await;
        match r {
            Ok(m) => {
                inc(&self.c.messages_acknowledged);
                lock(&self.acked).push(AckedMessage {
                    session: session.to_owned(),
                    seq: m.seq,
                    key,
                    body,
                    author: term.id.clone(),
                    at: events::now_millis(),
                });
                None
            }
            Err(s) if retryable(&s) => {
                inc(&self.c.messages_unresolved);
                None
            }
            Err(s) => {
                // Expected when the sender lost its right to write meanwhile (it was transferred
                // away, the session ended): nothing was acknowledged.
                inc(&self.c.messages_refused);
                Some(s)
            }
        }
    }

    /// Sends `n` messages, a little apart; returns the last refusal.
    async fn talk(&self, term: &Term, session: &str, n: usize, mut rng: Rng) -> Option<Status> {
        let mut refused = None;
        for _ in 0..n {
            if let Some(s) = self.say(term, session, &mut rng).await {
                refused = Some(s);
                break;
            }
            tokio::time::sleep(rng.millis(0, 60)).await;
        }
        refused
    }

    /// Connect through a random replica to a random bot, until it works or the load stops.
    async fn connect(&self, gw: &Term, rng: &mut Rng) -> Option<pb::Session> {
        while Instant::now() < self.stop_at {
            let bot = rng.pick(&self.bots).clone();
            inc(&self.c.connect_attempts);
            let channel = [pb::Channel::Im, pb::Channel::Sms, pb::Channel::Web][rng.below(3)];
            let req = pb::ConnectRequest {
                destination_terminal_id: bot.id.clone(),
                caller: Some(pb::Caller {
                    id: format!("+1555{:07}", rng.below(10_000_000)),
                    display_name: "Fault Suite Caller".into(),
                }),
                channel: channel as i32,
                facts: [("language".to_owned(), "en".to_owned())].into(),
                ..Default::default()
            };
            let mut client = gw.client(rng.below(self.replicas));
            let wait = self.timing.connect_timeout + Duration::from_secs(5);
            match tokio::time::timeout(wait, client.connect(req)).await {
                Ok(Ok(r)) => {
                    if let Some(s) = r.into_inner().session {
                        inc(&self.c.connect_ok);
                        self.remember_session(&s.id, Some(&gw.id));
                        return Some(s);
                    }
                }
                Ok(Err(s))
                    if s.code() == Code::Unavailable && s.message().contains("not attached") =>
                {
                    inc(&self.c.connect_not_attached)
                }
                Ok(Err(s))
                    if s.code() == Code::Unavailable
                        && s.message().contains("did not acknowledge") =>
                {
                    inc(&self.c.connect_not_acknowledged)
                }
                Ok(Err(s)) if retryable(&s) => self.count_retry(&s),
                Ok(Err(s)) => {
                    inc(&self.c.connect_failed_otherwise);
                    self.note(format!("Connect refused: {:?} {}", s.code(), s.message()));
                }
                Err(_) => inc(&self.c.retries_timeout),
            }
            tokio::time::sleep(rng.millis(50, 300)).await;
        }
        None
    }

    /// One caller's session: Connect, then rounds of talk from both sides, transfers (chains)
    /// and, sometimes, an end.
    pub async fn conversation(&self, gw: Arc<Term>, mut rng: Rng) {
        let Some(s) = self.connect(&gw, &mut rng).await else {
            return;
        };
        let sid = s.id;
        let Some(mut holder) = self.by_id.get(&s.holder_terminal_id).cloned() else {
            return;
        };
        // A transfer of the session waiting in a queue (the holder keeps the session meanwhile).
        let mut queued: Option<String> = None;
        loop {
            if Instant::now() >= self.stop_at {
                return;
            }
            let (n1, n2) = (rng.below(3) + 1, rng.below(3) + 1);
            let (r1, r2) = (rng.fork(), rng.fork());
            let (from_caller, from_holder) = tokio::join!(
                self.talk(&gw, &sid, n1, r1),
                self.talk(&holder, &sid, n2, r2)
            );
            if from_caller.is_some() || from_holder.is_some() {
                // Someone lost the right to write: see where the session stands.
                let until = Instant::now() + Duration::from_secs(10);
                match self.get_session(&gw, &mut rng, &sid, until).await {
                    Ok(s) if s.state() == pb::SessionState::Open => {
                        match self.by_id.get(&s.holder_terminal_id) {
                            Some(h) => {
                                if h.id != holder.id {
                                    queued = None;
                                }
                                holder = h.clone()
                            }
                            None => return,
                        }
                    }
                    _ => return,
                }
            }
            let roll = rng.unit();
            if roll < 0.08 {
                let until = Instant::now() + Duration::from_secs(10);
                let who = if rng.chance(0.6) { &holder } else { &gw };
                if self.disconnect(who, &mut rng, &sid, until).await.is_ok() {
                    inc(&self.c.sessions_ended_by_load);
                }
                return;
            } else if roll < 0.45 {
                let round = match queued.take() {
                    Some(tid) => self.queued_round(&gw, &sid, &holder, &tid, &mut rng).await,
                    None => self.transfer_round(&gw, &sid, &holder, &mut rng).await,
                };
                match round {
                    Some((h, q)) => (holder, queued) = (h, q),
                    None => return,
                }
            }
            // Now and then a quiet spell: feeds acknowledge the session to its last event and
            // may re-attach before the next one.
            let pause = if rng.chance(QUIET_SHARE) {
                inc(&self.c.quiet_spells);
                rng.millis(1500, 4000)
            } else {
                rng.millis(50, 300)
            };
            tokio::time::sleep(pause).await;
        }
    }

    /// The holder offers the session to an agent, or to a group (with a priority); the caller
    /// keeps talking while the target decides (its feed reacts) and the holder disconnects after
    /// acceptance (its feed reacts). A transfer to a group nobody can take now waits in its
    /// queue: the holder keeps the session, and the round ends with the transfer's id.
    /// Returns the holder afterwards and the transfer waiting in a queue, if any; None when the
    /// session ended.
    async fn transfer_round(
        &self,
        gw: &Arc<Term>,
        sid: &str,
        holder: &Arc<Term>,
        rng: &mut Rng,
    ) -> Option<(Arc<Term>, Option<String>)> {
        let candidates: Vec<Arc<Term>> = self
            .agents
            .iter()
            .filter(|a| a.id != holder.id)
            .cloned()
            .collect();
        if candidates.is_empty() {
            return Some((holder.clone(), None));
        }
        inc(&self.c.transfers_requested);
        let mut priority = 0;
        let target = if !self.groups.is_empty() && rng.chance(GROUP_TRANSFER_SHARE) {
            inc(&self.c.group_offers_requested);
            priority = *rng.pick(PRIORITIES);
            pb::transfer_target::Kind::Group(rng.pick(&self.groups).clone())
        } else {
            pb::transfer_target::Kind::TerminalId(rng.pick(&candidates).id.clone())
        };
        let req = pb::TransferRequest {
            session_id: sid.to_owned(),
            target: Some(pb::TransferTarget { kind: Some(target) }),
            facts: [("intent".to_owned(), "billing".to_owned())].into(),
            note: format!("from {}", holder.name),
            priority,
        };
        let until = Instant::now() + Duration::from_secs(10);
        let offered = self
            .call(holder, rng, until, |mut c| {
                let req = req.clone();
                async move { c.transfer(req).await }
            })
            .await;
        let transfer = match offered {
            Ok(r) => r.transfer,
            Err(s) => {
                // Also what a retry sees when the first attempt's offer was committed.
                inc(&self.c.transfers_refused);
                if !matches!(s.code(), Code::FailedPrecondition | Code::NotFound) {
                    self.note(format!("Transfer failed: {:?} {}", s.code(), s.message()));
                }
                None
            }
        };
        if transfer
            .as_ref()
            .is_some_and(|t| t.state() == pb::TransferState::Queued)
        {
            inc(&self.c.transfers_queued_on_request);
        }
        if let Some(t) = &transfer
            && rng.chance(0.08)
        {
            tokio::time::sleep(rng.millis(50, 400)).await;
            self.cancel(holder, sid, &t.id, rng).await;
        }
        self.follow_transfer(gw, sid, holder, rng).await
    }

    /// A round while the holder's transfer waits in a queue: the holder keeps talking, and now
    /// and then takes the transfer out of the queue. It may have been offered (and accepted)
    /// meanwhile: the round follows it like a new one.
    async fn queued_round(
        &self,
        gw: &Arc<Term>,
        sid: &str,
        holder: &Arc<Term>,
        transfer: &str,
        rng: &mut Rng,
    ) -> Option<(Arc<Term>, Option<String>)> {
        if rng.chance(CANCEL_QUEUED_SHARE) {
            self.cancel(holder, sid, transfer, rng).await;
        }
        self.follow_transfer(gw, sid, holder, rng).await
    }

    /// The holder withdraws a transfer (offered, or waiting in a queue).
    async fn cancel(&self, holder: &Term, sid: &str, transfer: &str, rng: &mut Rng) {
        let req = pb::CancelTransferRequest {
            session_id: sid.to_owned(),
            transfer_id: transfer.to_owned(),
            reason: "changed my mind".into(),
        };
        let until = Instant::now() + Duration::from_secs(5);
        let r = self
            .call(holder, rng, until, |mut c| {
                let req = req.clone();
                async move { c.cancel_transfer(req).await }
            })
            .await;
        // Whether it was waiting or being offered when taken out, the checker tells from the log.
        if r.is_ok() {
            inc(&self.c.cancels);
        }
    }

    /// Waits while the session's transfer is offered or accepted (the caller now and then
    /// saying something), until it completes, ends, or waits in a queue. Returns the holder
    /// then and the transfer waiting in a queue, if any; None when the session ended.
    async fn follow_transfer(
        &self,
        gw: &Arc<Term>,
        sid: &str,
        holder: &Arc<Term>,
        rng: &mut Rng,
    ) -> Option<(Arc<Term>, Option<String>)> {
        let t = self.timing;
        let give_up = Instant::now() + t.offer_timeout + t.handoff_grace + Duration::from_secs(5);
        loop {
            if rng.chance(0.3) {
                self.say(gw, sid, rng).await;
            }
            tokio::time::sleep(rng.millis(150, 350)).await;
            let until = Instant::now() + Duration::from_secs(10);
            let s = match self.get_session(gw, rng, sid, until).await {
                Ok(s) => s,
                Err(_) => return Some((holder.clone(), None)),
            };
            if s.state() != pb::SessionState::Open {
                return None;
            }
            let now_holder = self.by_id.get(&s.holder_terminal_id).cloned();
            // The transfer in flight is the serving side's to see, not the caller's terminal's:
            // ask the holder (once it has handed over, the session is not found for it).
            let active = if s.holder_terminal_id == holder.id {
                self.get_session(holder, rng, sid, until)
                    .await
                    .ok()
                    .and_then(|h| h.active_transfer)
            } else {
                None
            };
            match active {
                Some(a) if a.state() == pb::TransferState::Queued => {
                    return now_holder.map(|h| (h, Some(a.id)));
                }
                Some(_) if Instant::now() <= give_up => {}
                Some(a) if a.queue_group.is_empty() => {
                    self.note(format!(
                        "session {sid}: transfer still in flight {:?} after its deadlines",
                        give_up.elapsed() + t.offer_timeout + t.handoff_grace
                    ));
                    return now_holder.map(|h| (h, None));
                }
                // A transfer through a group goes on (the next member, or back to its queue):
                // later rounds follow it.
                Some(a) => return now_holder.map(|h| (h, Some(a.id))),
                None => return now_holder.map(|h| (h, None)),
            }
        }
    }

    /// Runs `f` as a reaction task (counted, so the run can wait for reactions to finish).
    fn react_with<F>(self: &Arc<Self>, f: F)
    where
        F: Future<Output = ()> + Send + 'static,
    {
        self.reactions.fetch_add(1, Ordering::AcqRel);
        let world = self.clone();
        tokio::spawn(async move {
            f.await;
            world.reactions.fetch_sub(1, Ordering::AcqRel);
        });
    }

    pub fn reactions_in_flight(&self) -> usize {
        self.reactions.load(Ordering::Acquire)
    }

    /// What a real terminal does on an event first seen on its feed.
    async fn react(self: &Arc<Self>, term: &Arc<Term>, e: &pb::Event, feed: &Feed, rng: &mut Rng) {
        let now = events::now_millis();
        let future =
            |ts: &Option<prost_types::Timestamp>| events::millis(ts).is_some_and(|t| t > now);
        let sid = e.session_id.clone();
        match &e.payload {
            Some(Payload::SessionRequested(r))
                if r.destination_terminal_id == term.id && future(&r.connect_deadline) =>
            {
                let until = Instant::now()
                    + Duration::from_millis(
                        events::millis(&r.connect_deadline).map_or(0, |d| (d - now).max(0) as u64),
                    );
                let (world, term, mut rng) = (self.clone(), term.clone(), rng.fork());
                self.react_with(async move {
                    let req = pb::AcknowledgeConnectRequest { session_id: sid };
                    let r = world
                        .call(&term, &mut rng, until, |mut c| {
                            let req = req.clone();
                            async move { c.acknowledge_connect(req).await }
                        })
                        .await;
                    if r.is_err() {
                        inc(&world.c.late_reactions);
                    }
                });
            }
            Some(Payload::TransferOffered(o)) => {
                let Some(t) = o.transfer.as_ref() else { return };
                if !offered_to(t, &term.id) || !future(&t.expire_time) {
                    return;
                }
                let group = crate::routing::open_members(t).len() > 1;
                // Now and then a member lets an offer from a group ring: the group must move on
                // (the next member, or back to the queue) without it.
                if !t.queue_group.is_empty() && rng.chance(LET_RING_SHARE) {
                    inc(&self.c.offers_let_ring);
                    return;
                }
                let (world, term, mut rng) = (self.clone(), term.clone(), rng.fork());
                let tid = t.id.clone();
                self.react_with(async move {
                    tokio::time::sleep(rng.millis(20, 300)).await;
                    let until = Instant::now() + world.timing.offer_timeout;
                    let mut decline = !rng.chance(0.85);
                    if !decline {
                        let req = pb::AcceptTransferRequest {
                            session_id: sid.clone(),
                            transfer_id: tid.clone(),
                        };
                        let r = world
                            .call(&term, &mut rng, until, |mut c| {
                                let req = req.clone();
                                async move { c.accept_transfer(req).await }
                            })
                            .await;
                        match r {
                            Ok(_) => inc(&world.c.accepts),
                            // A real agent at its capacity turns the offer down.
                            Err(s) if s.message().contains("capacity") => {
                                inc(&world.c.accepts_at_capacity);
                                decline = true;
                            }
                            Err(s) => {
                                if group && s.message().contains("another terminal") {
                                    inc(&world.c.group_accepts_lost);
                                }
                                inc(&world.c.late_reactions);
                            }
                        }
                    }
                    if decline {
                        let req = pb::DeclineTransferRequest {
                            session_id: sid,
                            transfer_id: tid,
                            reason: "busy".into(),
                        };
                        let r = world
                            .call(&term, &mut rng, until, |mut c| {
                                let req = req.clone();
                                async move { c.decline_transfer(req).await }
                            })
                            .await;
                        match r {
                            Ok(_) => inc(&world.c.declines),
                            Err(_) => inc(&world.c.late_reactions),
                        }
                    }
                });
            }
            // The holder is told its offer was accepted: it leaves, handing the session over.
            Some(Payload::TransferAccepted(a))
                if a.accepted_by_terminal_id != term.id
                    && !term.was_offered(&sid, &a.transfer_id)
                    && future(&a.handoff_deadline) =>
            {
                let (world, term, mut rng) = (self.clone(), term.clone(), rng.fork());
                self.react_with(async move {
                    tokio::time::sleep(rng.millis(0, 200)).await;
                    let until = Instant::now() + world.timing.handoff_grace;
                    match world.disconnect(&term, &mut rng, &sid, until).await {
                        Ok(_) => inc(&world.c.holder_disconnects),
                        Err(_) => inc(&world.c.late_reactions),
                    }
                });
            }
            // The caller's terminal acknowledges a holder change, on the stream.
            Some(Payload::HolderDisconnected(h))
                if term.kind == Kind::Gateway && !h.continued_by_terminal_id.is_empty() =>
            {
                let kind = command::Kind::AcknowledgeDisconnect(pb::AcknowledgeDisconnectRequest {
                    session_id: sid,
                    seq: e.seq,
                });
                let _ = feed.command(&format!("ack-{}", e.seq), kind).await;
            }
            _ => {}
        }
    }

    /// A terminal's feed: attaches to a random replica with its last seen cursors, records and
    /// reacts to what arrives, acknowledges (in steps of 8, or eagerly up to the last seq seen on
    /// a share of feeds), and drops and re-attaches (at random, and whenever the stream breaks)
    /// until told to stop. A share of the re-attaches sends no cursors at all (`hello {}`) and
    /// relies on the server's recorded acks, sometimes right after acknowledging everything seen;
    /// what comes again is de-duplicated by (session, seq) as always.
    ///
    /// When `rejoin` names this terminal (once the load has stopped and every session is quiet),
    /// the feed acknowledges everything it has seen and re-attaches, mostly without cursors: the
    /// events that end the sessions must still reach it.
    pub async fn feed_loop(
        self: Arc<Self>,
        term: Arc<Term>,
        mut rng: Rng,
        mut stop: watch::Receiver<bool>,
        mut rejoin: watch::Receiver<Arc<HashSet<String>>>,
    ) {
        let mut failures = 0u32;
        // The next Attach sends no cursors (kept until an Attach succeeds).
        let mut bare = false;
        loop {
            if *stop.borrow() {
                return;
            }
            let cursors = if bare { Vec::new() } else { term.cursors() };
            let replica = rng.below(self.replicas);
            let mut client = term.client(replica);
            let opened = tokio::time::timeout(
                Duration::from_secs(5),
                Feed::open(&mut client, cursors.clone()),
            )
            .await;
            let mut feed =
                match opened {
                    Ok(Ok(f)) => {
                        failures = 0;
                        inc(&self.c.feed_attaches);
                        if bare {
                            inc(&self.c.bare_reattaches);
                            let acked_to_end = term.live_acked_to_end();
                            if acked_to_end > 0 {
                                inc(&self.c.bare_reattaches_after_full_ack);
                                self.c
                                    .bare_reattach_sessions_acked_to_end
                                    .fetch_add(acked_to_end, Ordering::Relaxed);
                            }
                        }
                        term.attached_once.store(true, Ordering::Release);
                        f
                    }
                    Ok(Err(s)) => {
                        if matches!(
                            s.code(),
                            Code::OutOfRange | Code::NotFound | Code::InvalidArgument
                        ) {
                            inc(&self.c.resume_rejected);
                            self.note(format!(
                            "{}: Attach on replica {replica} refused resume cursors {:?}: {:?} {}",
                            term.name,
                            cursors.iter().map(|c| (&c.session_id, c.seq)).collect::<Vec<_>>(),
                            s.code(),
                            s.message()
                        ));
                        } else {
                            inc(&self.c.attach_failures);
                        }
                        failures += 1;
                        tokio::time::sleep(backoff(failures, &mut rng)).await;
                        continue;
                    }
                    Err(_) => {
                        inc(&self.c.attach_failures);
                        failures += 1;
                        tokio::time::sleep(backoff(failures, &mut rng)).await;
                        continue;
                    }
                };
            let attachment = term.attached();
            *lock(&term.feed) = Some(feed.sender());
            rejoin.borrow_and_update();
            bare = false;
            let mut eager = rng.chance(EAGER_ACK_SHARE);
            let mut drop_at = self
                .feed_drop_every
                .map(|mean| Instant::now() + rng.exp(mean))
                .filter(|t| *t < self.stop_at);
            // Set once the drop is decided and everything seen was acknowledged: the feed lives a
            // moment longer so that the server records those acks (and acks what still comes).
            let mut acking_out = false;
            let mut rejoin_open = true;
            loop {
                tokio::select! {
                    next = feed.next() => match next {
                        Ok(Some(attach_response::Kind::Event(e))) => {
                            if term.record(&e) {
                                if e.payload.as_ref().is_some_and(|p| matches!(p, Payload::SessionRequested(_))) {
                                    self.remember_session(&e.session_id, Some(&e.author_terminal_id));
                                } else {
                                    self.remember_session(&e.session_id, None);
                                }
                                self.react(&term, &e, &feed, &mut rng).await;
                            }
                            if let Some((seq, early)) = term.to_ack(&e.session_id, eager) {
                                if early {
                                    inc(&self.c.acks_to_last_seq);
                                }
                                let _ = feed.ack(&e.session_id, seq).await;
                            }
                        }
                        Ok(Some(attach_response::Kind::Receipt(r))) if r.request_id.starts_with(STATUS_COMMAND) => {
                            if r.code == 0 {
                                inc(&self.c.status_changes_stream);
                            } else if !retryable(&Status::new(Code::from(r.code), "")) {
                                inc(&self.c.status_refused);
                                self.note(format!("{}: set_status refused: {} {}", term.name, r.code, r.message));
                            }
                        }
                        Ok(Some(_)) => {}
                        Ok(None) | Err(_) => {
                            inc(&self.c.feed_breaks);
                            bare = rng.chance(BARE_REATTACH_SHARE);
                            break;
                        }
                    },
                    _ = tokio::time::sleep_until(drop_at.unwrap_or(self.hard_stop)), if drop_at.is_some() => {
                        if acking_out {
                            break;
                        }
                        inc(&self.c.feed_drops);
                        bare = rng.chance(BARE_REATTACH_SHARE);
                        if !bare || !rng.chance(ACK_ALL_BEFORE_BARE_DROP) {
                            break;
                        }
                        for (session, seq, live) in term.ack_all() {
                            if live {
                                inc(&self.c.acks_to_last_seq);
                            }
                            let _ = feed.ack(&session, seq).await;
                        }
                        acking_out = true;
                        eager = true;
                        drop_at = Some(Instant::now() + rng.millis(100, 300));
                    }
                    changed = rejoin.changed(), if !acking_out && rejoin_open => {
                        if changed.is_err() {
                            rejoin_open = false;
                            continue;
                        }
                        if !rejoin.borrow_and_update().contains(&term.id) {
                            continue;
                        }
                        inc(&self.c.final_reattaches);
                        bare = rng.chance(FINAL_BARE_SHARE);
                        for (session, seq, live) in term.ack_all() {
                            if live {
                                inc(&self.c.acks_to_last_seq);
                            }
                            let _ = feed.ack(&session, seq).await;
                        }
                        acking_out = true;
                        eager = true;
                        drop_at = Some(Instant::now() + rng.millis(100, 300));
                    }
                    _ = stop.changed() => {
                        lock(&term.feed).take();
                        term.detached(attachment);
                        return;
                    }
                }
            }
            lock(&term.feed).take();
            drop(feed);
            term.detached(attachment);
            tokio::time::sleep(rng.millis(20, 200)).await;
        }
    }

    /// An agent's statuses over the load: AVAILABLE soon after the start (most agents), then
    /// spells of AVAILABLE and of BUSY or AWAY, each set by the SetStatus RPC or by the stream
    /// command, so that groups have nobody to offer to at times (transfers queue) and members
    /// come back (queues drain). The last status set stays after the load.
    pub async fn status_loop(self: Arc<Self>, term: Arc<Term>, mut rng: Rng) {
        let mut available = false;
        let mut next = Instant::now() + rng.millis(0, 2000);
        for n in 0u64.. {
            if next >= self.stop_at {
                return;
            }
            tokio::time::sleep_until(next).await;
            let first = n == 0;
            let (status, spell) = if available || (first && rng.chance(0.2)) {
                let s = if rng.chance(0.5) {
                    pb::TerminalStatus::Busy
                } else {
                    pb::TerminalStatus::Away
                };
                (s, rng.exp(UNAVAILABLE_SPELL))
            } else {
                (pb::TerminalStatus::Available, rng.exp(AVAILABLE_SPELL))
            };
            available = status == pb::TerminalStatus::Available;
            self.set_status(&term, &mut rng, status, n).await;
            next = Instant::now() + spell;
        }
    }

    /// Sets `term`'s status on its feed (when one is open, for a share of the changes) or by
    /// the RPC. A command's receipt is counted by the feed.
    async fn set_status(&self, term: &Term, rng: &mut Rng, status: pb::TerminalStatus, n: u64) {
        let req = pb::SetStatusRequest {
            status: status as i32,
            reason: match status {
                pb::TerminalStatus::Busy => "wrap-up",
                pb::TerminalStatus::Away => "lunch",
                _ => "",
            }
            .into(),
        };
        if rng.chance(STATUS_BY_STREAM_SHARE) {
            let feed = lock(&term.feed).clone();
            if let Some(feed) = feed {
                let kind = command::Kind::SetStatus(req.clone());
                if feed
                    .command(&format!("{STATUS_COMMAND}{n}"), kind)
                    .await
                    .is_ok()
                {
                    return;
                }
            }
        }
        let until = Instant::now() + Duration::from_secs(5);
        let r = self
            .call(term, rng, until, |mut c| {
                let req = req.clone();
                async move { c.set_status(req).await }
            })
            .await;
        match r {
            Ok(_) => inc(&self.c.status_changes_rpc),
            Err(s) if retryable(&s) => {}
            Err(s) => {
                inc(&self.c.status_refused);
                self.note(format!(
                    "{}: SetStatus refused: {:?} {}",
                    term.name,
                    s.code(),
                    s.message()
                ));
            }
        }
    }

    /// Whether every bot and agent has attached at least once.
    pub fn serving_side_attached(&self) -> bool {
        self.bots
            .iter()
            .chain(self.agents.iter())
            .all(|t| t.attached_once.load(Ordering::Acquire))
    }
}

/// When to inject which fault.
#[derive(Debug, Clone, Copy)]
pub struct FaultPlan {
    pub kill_every: Option<Duration>,
    pub kill_pause: Duration,
    pub pg_restart_every: Option<Duration>,
}

/// Starts `r` again until it is ready (Postgres may be down for a moment).
pub async fn restart_until_ready(world: &World, r: &mut Replica, i: usize) {
    for attempt in 0..30 {
        if let Err(e) = r.restart() {
            world.note(format!("replica {i}: could not start: {e}"));
        } else {
            match r.wait_ready(Duration::from_secs(15)).await {
                Ok(()) => return,
                Err(e) => world.log(&format!("replica {i}: start attempt {attempt}: {e}")),
            }
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    world.note(format!("replica {i}: gave up restarting it"));
}

/// Kills replicas and restarts Postgres on schedule until the load stops; then makes sure
/// everything is up again. Also notices replicas that die on their own.
pub async fn inject_faults(
    world: Arc<World>,
    pg: Arc<PgCluster>,
    mut replicas: Vec<Replica>,
    plan: FaultPlan,
    mut rng: Rng,
) -> Vec<Replica> {
    // Every wait and choice comes from `rng` in the order the faults happen, so a seed replays
    // the schedule; the log shows the drawn values.
    let start = Instant::now();
    let mut next_kill = plan.kill_every.map(|d| start + rng.jitter(d));
    let mut next_pg = plan
        .pg_restart_every
        .map(|d| start + d.mul_f64(0.8 + 0.4 * rng.unit()));
    let ms = |at: Option<Instant>| {
        at.map_or("-".to_owned(), |t| {
            format!("{} ms", (t - start).as_millis())
        })
    };
    world.log(&format!(
        "fault schedule: first kill at {}, first Postgres restart at {}",
        ms(next_kill),
        ms(next_pg)
    ));
    loop {
        for (i, r) in replicas.iter_mut().enumerate() {
            if let Some(status) = r.exited() {
                inc(&world.c.unexpected_replica_exits);
                world.note(format!(
                    "replica {i} exited on its own: {status} (see its log)"
                ));
                restart_until_ready(&world, r, i).await;
            }
        }
        let now = Instant::now();
        if now >= world.stop_at {
            break;
        }
        if next_kill.is_some_and(|t| now >= t) {
            let i = rng.below(replicas.len());
            let pause = rng.jitter(plan.kill_pause);
            world.log(&format!(
                "fault: kill -9 replica {i}, down for {} ms",
                pause.as_millis()
            ));
            replicas[i].kill9();
            inc(&world.c.replica_kills);
            tokio::time::sleep(pause).await;
            restart_until_ready(&world, &mut replicas[i], i).await;
            let gap = plan.kill_every.map(|d| rng.jitter(d));
            next_kill = gap.map(|g| Instant::now() + g);
            world.log(&format!(
                "fault: replica {i} back; next kill {}",
                gap.map_or("none".to_owned(), |g| format!("in {} ms", g.as_millis()))
            ));
        } else if next_pg.is_some_and(|t| now >= t) {
            world.log("fault: Postgres immediate restart");
            let pg2 = pg.clone();
            let restarted = tokio::task::spawn_blocking(move || pg2.restart_immediate()).await;
            inc(&world.c.pg_restarts);
            if !matches!(restarted, Ok(Ok(()))) {
                world.note(format!(
                    "Postgres restart failed: {restarted:?}; starting it"
                ));
                for _ in 0..10 {
                    let pg2 = pg.clone();
                    if let Ok(Ok(())) =
                        tokio::task::spawn_blocking(move || pg2.start_server()).await
                    {
                        break;
                    }
                    tokio::time::sleep(Duration::from_secs(1)).await;
                }
            }
            let gap = plan
                .pg_restart_every
                .map(|d| d.mul_f64(0.8 + 0.4 * rng.unit()));
            next_pg = gap.map(|g| Instant::now() + g);
            world.log(&format!(
                "fault: Postgres back; next restart {}",
                gap.map_or("none".to_owned(), |g| format!("in {} ms", g.as_millis()))
            ));
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    for (i, r) in replicas.iter_mut().enumerate() {
        if !r.is_running() || r.exited().is_some() {
            restart_until_ready(&world, r, i).await;
        }
    }
    replicas
}
