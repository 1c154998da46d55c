//! The Attach stream: a terminal's live feed, as a set of cursors over session logs.
//!
//! One task per stream delivers; another reads the client's acks and commands. Delivery reads the
//! log from each cursor and sends through a small bounded channel: a slow client only slows its
//! own task (the send waits), never other sessions, and nothing is dropped because the position is
//! the cursor, not a buffer. Wake-ups come from the bus; a reconnect resumes from the client's
//! cursors, or from what it acknowledged.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use tokio::sync::mpsc;
use tonic::{Status, Streaming};
use uuid::Uuid;

use super::ops::{self, validate_message};
use super::parse_id;
use super::session_token::{self, Grant};
use crate::app::App;
use crate::bus::{Move, Subscription};
use crate::domain;
use crate::error::{Error, Result};
use crate::pb::{self, Role, attach_request, attach_response, command, event::Payload};
use crate::store::Membership;

/// What travels from the delivery task to the response: boxed, because a channel allocates its
/// slots in blocks of 32 and an unboxed AttachResponse is 640 bytes — 20 KiB per idle stream.
type Outgoing = Result<Box<pb::AttachResponse>, Status>;

/// The response stream of Attach: unboxes what the delivery task sends.
pub struct AttachStream {
    rx: mpsc::Receiver<Outgoing>,
}

impl tokio_stream::Stream for AttachStream {
    type Item = Result<pb::AttachResponse, Status>;

    fn poll_next(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Self::Item>> {
        self.rx
            .poll_recv(cx)
            .map(|next| next.map(|r| r.map(|b| *b)))
    }
}

/// The response stream of Subscribe: Attach's feed without receipts (Subscribe reads no
/// commands, so none are ever sent).
pub struct SubscribeStream {
    inner: AttachStream,
}

impl tokio_stream::Stream for SubscribeStream {
    type Item = Result<pb::SubscribeResponse, Status>;

    fn poll_next(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Self::Item>> {
        use pb::subscribe_response::Kind;
        loop {
            let next = std::pin::Pin::new(&mut self.inner).poll_next(cx);
            let std::task::Poll::Ready(Some(Ok(r))) = next else {
                return next.map(|n| n.map(|r| r.map(|_| pb::SubscribeResponse::default())));
            };
            let kind = match r.kind {
                Some(attach_response::Kind::Attached(a)) => Kind::Attached(a),
                Some(attach_response::Kind::Event(e)) => Kind::Event(e),
                Some(attach_response::Kind::Receipt(_)) | None => continue,
            };
            return std::task::Poll::Ready(Some(Ok(pb::SubscribeResponse { kind: Some(kind) })));
        }
    }
}

/// Starts a Subscribe feed: Attach's delivery, from `cursors` (validated as Attach validates
/// hello's), over `scope`.
pub async fn subscribe(
    app: Arc<App>,
    terminal: Uuid,
    cursors: &[pb::SessionCursor],
    scope: Scope,
    grant: Option<Grant>,
    permit: crate::limits::StreamPermit,
) -> Result<SubscribeStream> {
    let mut feed = open(&app, terminal, cursors, "resume", scope).await?;
    feed.grant = grant;
    Ok(SubscribeStream {
        inner: feed.start(app, None, permit),
    })
}

/// How many events a stream may have in flight towards a slow client before delivery waits.
const STREAM_BUFFER: usize = 64;
/// How many events one log read fetches.
const BATCH: usize = 256;
/// How long delivery waits before retrying after the database was unreachable.
const RETRY_PAUSE: std::time::Duration = std::time::Duration::from_millis(250);

fn shutting_down() -> Stop {
    Stop::Failed(Error::Unavailable(
        "the server is shutting down; attach again and resume".into(),
    ))
}

/// Reads the hello, validates its cursors, and starts delivery.
/// `permit` holds the stream's place among the terminal's streams for as long as it lives.
pub async fn start(
    app: Arc<App>,
    terminal: Uuid,
    permit: crate::limits::StreamPermit,
    mut inbound: Streaming<pb::AttachRequest>,
) -> Result<AttachStream, Status> {
    let first = inbound.message().await?;
    let hello = match first.and_then(|r| r.kind) {
        Some(attach_request::Kind::Hello(h)) => h,
        _ => {
            return Err(Error::invalid("kind", "the first request on Attach must be hello").into());
        }
    };
    let feed = open(&app, terminal, &hello.resume, "hello.resume", Scope::All).await?;
    let reader = tokio::spawn(read_commands(
        app.clone(),
        terminal,
        inbound,
        feed.tx.clone(),
    ));
    Ok(feed.start(app, Some(reader.abort_handle()), permit))
}

/// Which sessions a feed carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Every session the terminal takes part in, new ones and offers included: the terminal
    /// counts as attached (Connect and group transfers reach it) while the feed is open.
    All,
    /// One session only (a Subscribe limited to it, or a session token's): the feed does not
    /// make the terminal present, and ends once the terminal's part in the session has ended.
    Session(Uuid),
}

/// A feed whose cursors are validated and whose `attached` is sent, ready to deliver.
pub(super) struct Opened {
    terminal: Uuid,
    scope: Scope,
    resume: HashMap<Uuid, u64>,
    sub: Subscription,
    tx: mpsc::Sender<Outgoing>,
    rx: mpsc::Receiver<Outgoing>,
    /// The session token the feed was opened with, if any: the feed ends when it stops being
    /// valid.
    grant: Option<Grant>,
}

impl Opened {
    /// Starts delivery; `reader` is the task reading the client's requests, if any, stopped
    /// when delivery ends.
    /// `permit` holds the stream's place among the terminal's streams for as long as it lives.
    pub(super) fn start(
        self,
        app: Arc<App>,
        reader: Option<tokio::task::AbortHandle>,
        permit: crate::limits::StreamPermit,
    ) -> AttachStream {
        let delivery = Delivery {
            app,
            terminal: self.terminal,
            scope: self.scope,
            sub: self.sub,
            follows: HashMap::new(),
            tx: self.tx,
            grant: self.grant,
            _held: (permit, crate::metrics::AttachedStream::open()),
        };
        tokio::spawn(delivery.run(self.resume, reader));
        AttachStream { rx: self.rx }
    }
}

/// Validates the resume cursors (named `field` in errors) and the scope, registers for wake-ups
/// and sends `attached`: what Attach and Subscribe share before delivery starts.
pub(super) async fn open(
    app: &Arc<App>,
    terminal: Uuid,
    cursors: &[pb::SessionCursor],
    field: &str,
    scope: Scope,
) -> Result<Opened> {
    let mut resume = HashMap::new();
    for (i, c) in cursors.iter().enumerate() {
        let session = parse_id(&format!("{field}[{i}].session_id"), &c.session_id)?;
        if matches!(scope, Scope::Session(only) if only != session) {
            // Outside the feed's one session: as unknown as a session that does not exist.
            return Err(Error::NotFound("session"));
        }
        check_resume(app, terminal, session, c.seq).await?;
        resume.insert(session, c.seq);
    }
    if let Scope::Session(only) = scope {
        app.store
            .membership(terminal, only)
            .await?
            .ok_or(Error::NotFound("session"))?;
    }

    let (tx, rx) = mpsc::channel(STREAM_BUFFER);
    let sub = match scope {
        // Subscribing marks the terminal attached (Connect's presence check) and starts the
        // wake-ups before the first log read, so nothing committed from here on goes unsignalled.
        Scope::All => {
            let sub = app.bus.subscribe(Some(terminal));
            app.mark_attached(terminal).await?;
            sub
        }
        // Follows its one session from the first log read on (see `Delivery::add`).
        Scope::Session(_) => app.bus.subscribe(None),
    };
    let attached = pb::AttachResponse {
        kind: Some(attach_response::Kind::Attached(pb::Attached {
            terminal_id: terminal.to_string(),
            server_time: Some(domain::timestamp(domain::now_millis())),
        })),
    };
    tx.send(Ok(Box::new(attached)))
        .await
        .map_err(|_| Error::Unavailable("client went away".into()))?;
    Ok(Opened {
        terminal,
        scope,
        resume,
        sub,
        tx,
        rx,
        grant: None,
    })
}

/// Checks a resume cursor against what the terminal may see of the session. Permission before
/// existence: a session it never took part in is not found, and so is a cursor past the end of
/// a part it has left (how far the session went after it left is not its to learn). Only a
/// terminal still taking part is told that its cursor is ahead of the log.
async fn check_resume(app: &App, terminal: Uuid, session: Uuid, cursor: u64) -> Result<()> {
    let m = app
        .store
        .membership(terminal, session)
        .await?
        .ok_or(Error::NotFound("session"))?;
    let end = match m.left_seq {
        Some(left) => left,
        None => {
            app.store
                .session(session)
                .await?
                .ok_or(Error::NotFound("session"))?
                .last_seq
        }
    };
    match (cursor > end, m.left_seq) {
        (false, _) => Ok(()),
        (true, Some(_)) => Err(Error::NotFound("session")),
        (true, None) => Err(Error::OutOfRange(format!(
            "resume cursor {cursor} for session {session} is ahead of its log (last seq {end})"
        ))),
    }
}

/// Where one followed session stands.
struct Follow {
    /// The last sequence number delivered (or to be skipped).
    after: u64,
    /// Set when the terminal left: the last sequence number it is shown.
    until: Option<u64>,
    role: Role,
    /// What the log has told so far of the terminal's part (to stop exactly where it leaves).
    part: domain::Part,
    /// Delivered to the end of the terminal's part (kept, so a reload does not replay it).
    done: bool,
    /// The session ended: nothing can follow.
    ended: bool,
    /// How new the membership this follow was last told of is (see [`Move::as_of`]).
    known: u64,
    /// Set while walking from the cursor up to the terminal's current part, which starts after
    /// `Gap::until`: it left and joined again meanwhile, so only its own earlier parts in between
    /// are delivered (the membership row keeps only the latest part; the log tells the others).
    gap: Option<Gap>,
}

impl Follow {
    /// Takes in the terminal's membership as it is as of `known` (`left_seq` set if it left).
    /// Returns where to follow on from when it joined again after this follow was done (a
    /// transfer chain came back to this terminal).
    fn moved(&mut self, left_seq: Option<u64>, known: u64) -> Option<u64> {
        self.until = left_seq;
        self.known = known;
        let rejoined = self.done && !self.ended && left_seq.is_none_or(|l| l > self.after);
        rejoined.then_some(self.after)
    }
}

/// What a stream knows of a terminal's part in a session at the cursor it follows on from.
#[derive(Debug, Clone, Copy)]
enum Stood {
    /// Nothing: a resume cursor, or an acknowledgement, from before this stream.
    Unknown,
    /// This stream delivered the terminal's part up to its end at the cursor.
    Outside,
}

#[derive(Debug, Clone, Copy)]
struct Gap {
    until: u64,
    /// Inside one of the terminal's earlier parts at the current position.
    inside: bool,
}

struct Delivery {
    app: Arc<App>,
    terminal: Uuid,
    scope: Scope,
    sub: Subscription,
    follows: HashMap<Uuid, Follow>,
    tx: mpsc::Sender<Outgoing>,
    grant: Option<Grant>,
    /// Released when delivery ends: the stream's place among the terminal's, and its count.
    _held: (crate::limits::StreamPermit, crate::metrics::AttachedStream),
}

/// Delivery stopped because the client went away: not an error to report.
struct Gone;

enum Stop {
    Gone,
    Failed(Error),
}

impl From<Error> for Stop {
    fn from(e: Error) -> Self {
        Stop::Failed(e)
    }
}

impl From<Gone> for Stop {
    fn from(_: Gone) -> Self {
        Stop::Gone
    }
}

impl Delivery {
    /// Delivers until the client goes away or the server shuts down, then ends the stream: the
    /// reader is stopped too, since it holds a sender that would keep the response open.
    async fn run(mut self, resume: HashMap<Uuid, u64>, reader: Option<tokio::task::AbortHandle>) {
        if let Err(Stop::Failed(e)) = self.deliver(resume).await {
            let _ = self.tx.send(Err(e.into())).await;
        }
        if let Some(reader) = reader {
            reader.abort();
        }
        let (app, terminal, scope) = (self.app.clone(), self.terminal, self.scope);
        drop(self);
        // The last stream of this terminal here: other replicas stop counting it as present.
        // (A one-session feed never counted.)
        if scope == Scope::All
            && !app.bus.is_attached(terminal)
            && let Err(e) = app.mark_detached(terminal).await
        {
            tracing::warn!(error = %e, "could not withdraw presence");
        }
    }

    async fn deliver(&mut self, resume: HashMap<Uuid, u64>) -> Result<(), Stop> {
        let mut shutdown = self.app.shutdown.clone();
        let mut pending = HashSet::new();
        let mut resume = Some(resume);
        let mut reload = true;
        loop {
            pending.extend(self.sub.inbox().take_dirty());
            reload |= self.sub.inbox().take_memberships_changed();
            let moves = self.sub.inbox().take_moves();
            // Boxed: an idle stream then keeps only the small waiting state, not the largest step.
            // A one-session feed is not told of membership moves (it is not registered as the
            // terminal's): it re-reads its one row each round instead.
            let reload_now = reload || matches!(self.scope, Scope::Session(_));
            match Box::pin(self.step(&mut resume, reload_now, moves, &mut pending)).await {
                Ok(()) if self.finished() => return Ok(()),
                Ok(()) => reload = false,
                // The database is unreachable (restarting, failing over): keep the stream and
                // retry; the cursors make the catch-up exact.
                Err(Stop::Failed(e)) if e.code() == tonic::Code::Unavailable => {
                    tracing::warn!(terminal = %self.terminal, error = %e, "stream delivery paused; retrying");
                    reload = true;
                    pending.extend(self.follows.keys().copied());
                    tokio::select! {
                        _ = tokio::time::sleep(RETRY_PAUSE) => continue,
                        _ = self.tx.closed() => return Err(Stop::Gone),
                        _ = shutdown.changed() => return Err(shutting_down()),
                    }
                }
                Err(stop) => return Err(stop),
            }
            let recheck = async {
                match &self.grant {
                    Some(g) => {
                        let left = g.expire_ms.saturating_sub(domain::now_millis()).max(0);
                        let left = std::time::Duration::from_millis(left as u64);
                        tokio::time::sleep(left.min(session_token::RECHECK)).await;
                    }
                    None => std::future::pending().await,
                }
            };
            let mut due = false;
            tokio::select! {
                _ = self.sub.inbox().wait() => {}
                _ = recheck => due = true,
                _ = self.tx.closed() => return Err(Stop::Gone),
                _ = shutdown.changed() => return Err(shutting_down()),
            }
            if due && let Some(g) = &self.grant {
                // Revoked or expired: the feed ends as a call with the token would fail.
                session_token::still_valid(&self.app, g).await?;
            }
        }
    }

    /// Whether a one-session feed has delivered the whole of the terminal's part in its session.
    fn finished(&self) -> bool {
        match self.scope {
            Scope::All => false,
            Scope::Session(only) => self.follows.get(&only).is_none_or(|f| f.done),
        }
    }

    /// One round: (re)load memberships if needed, then deliver every pending session.
    async fn step(
        &mut self,
        resume: &mut Option<HashMap<Uuid, u64>>,
        reload: bool,
        moves: Vec<Move>,
        pending: &mut HashSet<Uuid>,
    ) -> Result<(), Stop> {
        if !reload && !moves.is_empty() {
            self.apply_moves(moves, pending).await?;
        }
        // (A reload reads the rows, which are at least as new as the moves taken with it.)
        if reload {
            let mut cursors = resume.clone().unwrap_or_default();
            pending.extend(self.reload(&mut cursors).await?);
            // Cursors the client named for sessions with nothing left by our books (it
            // acknowledged past them): serve them anyway, the client knows what it has seen.
            for (session, seq) in cursors {
                if let Some(m) = self.app.membership(self.terminal, session).await? {
                    self.add(session, seq, Stood::Unknown, m.joined_seq, m.left_seq)
                        .await?;
                    pending.insert(session);
                }
            }
            *resume = None;
        }
        while let Some(&session) = pending.iter().next() {
            self.pump(session).await?;
            pending.remove(&session);
        }
        Ok(())
    }

    /// Re-reads the terminal's memberships: starts following new sessions, notes departures.
    async fn reload(&mut self, resume: &mut HashMap<Uuid, u64>) -> Result<HashSet<Uuid>> {
        let mut touched = HashSet::new();
        let rows = match self.scope {
            Scope::All => self.app.memberships(self.terminal).await?,
            Scope::Session(only) => self
                .app
                .store
                .membership(self.terminal, only)
                .await?
                .into_iter()
                .collect(),
        };
        for m in rows {
            touched.insert(m.session_id);
            self.apply_row(m, resume).await?;
        }
        Ok(touched)
    }

    /// Takes in one membership row as read from the store.
    async fn apply_row(&mut self, m: Membership, resume: &mut HashMap<Uuid, u64>) -> Result<()> {
        let cursor = match self.follows.get_mut(&m.session_id) {
            Some(f) => f
                .moved(m.left_seq, m.left_seq.unwrap_or(m.joined_seq))
                .map(|after| (after, Stood::Outside)),
            None => Some((
                resume.remove(&m.session_id).unwrap_or(m.acked_seq),
                Stood::Unknown,
            )),
        };
        if let Some((cursor, stood)) = cursor {
            self.add(m.session_id, cursor, stood, m.joined_seq, m.left_seq)
                .await?;
        }
        Ok(())
    }

    /// Takes in membership moves committed on this replica, as [`Delivery::reload`] would take
    /// in the rows they wrote; a session not followed yet (or a move that does not say enough)
    /// has its row read.
    async fn apply_moves(&mut self, moves: Vec<Move>, pending: &mut HashSet<Uuid>) -> Result<()> {
        for m in moves {
            let revisit = match self.follows.get_mut(&m.session) {
                // Older than what the stream knows (read from the store meanwhile), or a change
                // of role only, which leaves the row as it was.
                Some(f) if m.as_of() <= f.known => continue,
                Some(f) => match (f.moved(m.left_seq, m.as_of()), m.joined_seq) {
                    (None, _) => false,
                    (Some(after), Some(joined)) => {
                        self.add(m.session, after, Stood::Outside, joined, m.left_seq)
                            .await?;
                        false
                    }
                    (Some(_), None) => true,
                },
                None => true,
            };
            if revisit && let Some(row) = self.app.membership(self.terminal, m.session).await? {
                self.apply_row(row, &mut HashMap::new()).await?;
            }
            pending.insert(m.session);
        }
        Ok(())
    }

    /// Whether `me` had a part in the session before `joined` (see [`domain::took_part_before`]).
    /// `s` may hold only the latest of its history (a change's outcome): then the whole session
    /// is read.
    async fn took_part_before(&self, s: &pb::Session, me: &str, joined: u64) -> Result<bool> {
        if domain::took_part_before(s, me, joined) {
            return Ok(true);
        }
        let Ok(id) = s.id.parse() else {
            return Ok(false);
        };
        Ok(self
            .app
            .whole_session(id)
            .await?
            .is_some_and(|whole| domain::took_part_before(&whole, me, joined)))
    }

    /// Starts following `session` after `cursor`, for a terminal that (last) joined it at
    /// `joined` and left at `until` if it did; `stood` says what is known of its part at the
    /// cursor.
    async fn add(
        &mut self,
        session: Uuid,
        cursor: u64,
        stood: Stood,
        joined: u64,
        until: Option<u64>,
    ) -> Result<()> {
        let Some(s) = self.app.session_since(session, joined.max(cursor)).await? else {
            return Ok(());
        };
        let me = self.terminal.to_string();
        let role = if s.caller_terminal_id == me {
            Role::Caller
        } else {
            Role::Holder
        };
        let mut after = cursor.max(joined.saturating_sub(1));
        // Where the terminal stands at the cursor, told by the log from its join up to there (a
        // pending offer, or already gone): what the membership row says may be older than the
        // events the stream is about to read.
        let mut part = domain::Part::default();
        let mut done = false;
        let mut gap = None;
        if cursor + 1 < joined && (cursor > 0 || self.took_part_before(&s, &me, joined).await?) {
            // The cursor lies before the terminal's current part: it was here before (it has a
            // cursor, or a part it never acknowledged anything of), left, and joined again. What
            // lies between is its own where it took part: the rest of the part the cursor is in,
            // and any whole part since.
            // Where the terminal stood at the cursor takes the log from its start to tell,
            // unless this stream followed it there: then only what lies between is read, so a
            // long chain that comes back to this terminal costs no more than a short one.
            let from = match stood {
                Stood::Outside => cursor,
                Stood::Unknown => 0,
            };
            let history = self.app.control_events(session, from, joined - 1).await?;
            let (before, between) = history.split_at(history.partition_point(|e| e.seq <= cursor));
            let at_cursor = match stood {
                Stood::Outside => None,
                Stood::Unknown => domain::Part::after(&me, &s.caller_terminal_id, before),
            };
            if at_cursor.is_some() || between.iter().any(|e| domain::Part::joins(&me, e)) {
                after = cursor;
                part = at_cursor.clone().unwrap_or_default();
                gap = Some(Gap {
                    until: joined - 1,
                    inside: at_cursor.is_some(),
                });
            }
        } else if after >= joined {
            for e in self
                .app
                .control_events(session, joined.saturating_sub(1), after)
                .await?
            {
                done |= part.ends_with(&me, &e);
            }
        }
        if !done {
            self.sub.follow(session);
        }
        self.follows.insert(
            session,
            Follow {
                after,
                until,
                role,
                part,
                done,
                ended: s.state() == pb::SessionState::Ended && done,
                known: until.unwrap_or(joined),
                gap,
            },
        );
        Ok(())
    }

    /// Sends one event if the terminal's role may see it, with the offer's context if it is an
    /// offer to this terminal.
    async fn send_event(
        &mut self,
        role: Role,
        session: Uuid,
        mut event: pb::Event,
    ) -> Result<(), Stop> {
        if domain::visible_to(role, &event) {
            self.app
                .add_offer_context(self.terminal, session, &mut event)
                .await?;
            let msg = pb::AttachResponse {
                kind: Some(attach_response::Kind::Event(event)),
            };
            self.tx.send(Ok(Box::new(msg))).await.map_err(|_| Gone)?;
        }
        Ok(())
    }

    /// Sends everything after the session's cursor; stops following at the end of the terminal's
    /// part in it.
    async fn pump(&mut self, session: Uuid) -> Result<(), Stop> {
        let me = self.terminal.to_string();
        loop {
            let Some(f) = self.follows.get_mut(&session).filter(|f| !f.done) else {
                return Ok(());
            };
            let until = f.until.unwrap_or(u64::MAX);
            let events = self.app.events(session, f.after, until, BATCH).await?;
            let Some(last) = events.last().map(|e| e.seq) else {
                return Ok(());
            };
            let full = events.len() == BATCH;
            for event in events {
                let Some(f) = self.follows.get_mut(&session) else {
                    return Ok(());
                };
                let seq = event.seq;
                if let Some(mut gap) = f.gap.filter(|g| seq <= g.until) {
                    // Between the cursor and the current part: only the terminal's own parts.
                    gap.inside |= domain::Part::joins(&me, &event);
                    let mine = gap.inside;
                    if mine && f.part.ends_with(&me, &event) {
                        gap.inside = false;
                        f.part = domain::Part::default();
                    }
                    f.after = seq;
                    f.gap = (seq < gap.until).then_some(gap);
                    if f.gap.is_none() {
                        f.part = domain::Part::default();
                    }
                    let role = f.role;
                    if mine {
                        self.send_event(role, session, event).await?;
                    }
                    continue;
                }
                let ended = matches!(event.payload, Some(Payload::SessionEnded(_)));
                let leaves = f.part.ends_with(&me, &event) || f.until == Some(seq);
                let role = f.role;
                self.send_event(role, session, event).await?;
                if let Some(f) = self.follows.get_mut(&session) {
                    f.after = seq;
                    f.gap = None;
                    f.done = leaves;
                    f.ended = ended;
                }
                if leaves {
                    // Until the terminal joins again (a reload revives the follow).
                    self.sub.unfollow(session);
                    return Ok(());
                }
            }
            if !full || last >= until {
                return Ok(());
            }
        }
    }
}

/// Commands a stream may have in flight; beyond this the server stops reading the stream until
/// receipts have gone out (HTTP/2 flow control then holds the client back).
const MAX_COMMANDS_IN_FLIGHT: usize = 256;

const MAX_REQUEST_ID_BYTES: usize = 128;

/// A receipt on its way: answered once its command is done.
type InFlight = std::pin::Pin<Box<dyn std::future::Future<Output = pb::Receipt> + Send>>;

/// Handles what the client sends after hello: acknowledgements and commands.
///
/// Commands take effect in the order sent and their receipts come back in that order. Messages
/// are pipelined: each is queued for group commit as soon as it is read (queueing order is
/// storage order within a session), and the reader goes on reading while earlier ones commit.
/// Any other command first waits for everything before it, then runs alone.
async fn read_commands(
    app: Arc<App>,
    terminal: Uuid,
    mut inbound: Streaming<pb::AttachRequest>,
    tx: mpsc::Sender<Outgoing>,
) {
    // Boxed and allocated on first use: an idle stream's reader keeps only its wait.
    let mut in_flight: Option<Box<futures_util::stream::FuturesOrdered<InFlight>>> = None;
    let mut reading = true;
    loop {
        let pending = in_flight.as_ref().map_or(0, |f| f.len());
        tokio::select! {
            // Receipts first: a client that keeps sending must still get its answers.
            biased;
            Some(receipt) = async { futures_util::StreamExt::next(in_flight.as_mut()?.as_mut()).await }, if pending > 0 => {
                if send_receipt(&tx, receipt).await.is_err() {
                    return;
                }
            }
            request = inbound.message(), if reading && pending < MAX_COMMANDS_IN_FLIGHT => {
                match request {
                    // Ok(None) is a half-close: the client sends no more, but keeps receiving.
                    Ok(Some(request)) => {
                        let queue = in_flight.get_or_insert_with(Default::default);
                        if !Box::pin(handle(&app, terminal, request, &tx, queue)).await {
                            return;
                        }
                    }
                    Ok(None) => reading = false,
                    // A frame the server cannot read (too large, undecodable): the stream cannot
                    // go on in step with the client, so it ends, and says why, once everything
                    // sent before that frame is answered.
                    Err(status) => {
                        if let Some(queue) = in_flight.as_mut() {
                            while let Some(r) = futures_util::StreamExt::next(queue.as_mut()).await {
                                if send_receipt(&tx, r).await.is_err() {
                                    return;
                                }
                            }
                        }
                        let e = Error::unreadable_request(status.code(), status.message());
                        let _ = tx.send(Err(e.into())).await;
                        return;
                    }
                }
            }
            else => return,
        }
    }
}

/// Handles one request; false when the stream must end.
async fn handle(
    app: &Arc<App>,
    terminal: Uuid,
    request: pb::AttachRequest,
    tx: &mpsc::Sender<Outgoing>,
    in_flight: &mut futures_util::stream::FuturesOrdered<InFlight>,
) -> bool {
    match request.kind {
        Some(attach_request::Kind::Ack(a)) => {
            let Ok(session) = parse_id("ack.session_id", &a.session_id) else {
                return true;
            };
            if let Err(e) = app.writer.acknowledge(terminal, session, a.seq).await {
                tracing::warn!(error = %e, "could not record an acknowledgement");
            }
        }
        Some(attach_request::Kind::Command(c)) if c.request_id.len() > MAX_REQUEST_ID_BYTES => {
            let e = Error::invalid(
                "command.request_id",
                format!(
                    "is {} bytes; at most {MAX_REQUEST_ID_BYTES} are allowed",
                    c.request_id.len()
                ),
            );
            // Answered in order, without echoing the oversized id.
            in_flight.push_back(Box::pin(std::future::ready(receipt(String::new(), Err(e)))));
        }
        Some(attach_request::Kind::Command(pb::Command {
            request_id,
            kind: Some(command::Kind::Message(m)),
        })) => {
            let queued = async {
                app.limits.message(terminal)?;
                let (session, key) = validate_message(app, &m)?;
                app.submit_message(terminal, session, m.body, key).await
            }
            .await;
            in_flight.push_back(Box::pin(async move {
                receipt(
                    request_id,
                    async { Ok(Done::seq(queued?.await?.seq)) }.await,
                )
            }));
        }
        Some(attach_request::Kind::Command(c)) => {
            // In order: everything sent before this command is answered first.
            while let Some(r) = futures_util::StreamExt::next(in_flight).await {
                if send_receipt(tx, r).await.is_err() {
                    return false;
                }
            }
            // Boxed, so that an idle reader task is only as large as its wait.
            let r = Box::pin(run_command(app, terminal, c)).await;
            if send_receipt(tx, r).await.is_err() {
                return false;
            }
        }
        Some(attach_request::Kind::Hello(_)) => {
            let e = Error::invalid("kind", "hello may only be sent once, first");
            let _ = tx.send(Err(e.into())).await;
            return false;
        }
        None => {}
    }
    true
}

async fn send_receipt(tx: &mpsc::Sender<Outgoing>, r: pb::Receipt) -> Result<(), Gone> {
    let msg = pb::AttachResponse {
        kind: Some(attach_response::Kind::Receipt(r)),
    };
    tx.send(Ok(Box::new(msg))).await.map_err(|_| Gone)
}

/// What a successful command reports in its receipt.
#[derive(Default)]
struct Done {
    seq: u64,
    transfer_id: String,
}

impl Done {
    fn seq(seq: u64) -> Done {
        Done {
            seq,
            ..Done::default()
        }
    }

    fn transfer(seq: u64, transfer: &pb::Transfer) -> Done {
        Done {
            seq,
            transfer_id: transfer.id.clone(),
        }
    }
}

fn receipt(request_id: String, outcome: Result<Done>) -> pb::Receipt {
    match outcome {
        Ok(done) => pb::Receipt {
            request_id,
            code: 0,
            message: String::new(),
            seq: done.seq,
            transfer_id: done.transfer_id,
        },
        Err(e) => pb::Receipt {
            request_id,
            code: e.code() as i32,
            message: e.public_message(),
            ..pb::Receipt::default()
        },
    }
}

/// Any command but a message (those are pipelined by `handle`).
async fn run_command(app: &App, terminal: Uuid, c: pb::Command) -> pb::Receipt {
    let outcome: Result<Done> = async {
        match c.kind {
            Some(command::Kind::Message(m)) => {
                app.limits.message(terminal)?;
                let (session, key) = validate_message(app, &m)?;
                Ok(Done::seq(
                    app.message(terminal, session, m.body, key).await?.seq,
                ))
            }
            Some(command::Kind::AcknowledgeConnect(a)) => {
                let s = ops::acknowledge_connect(app, terminal, &a).await?;
                Ok(Done::seq(s.last_seq))
            }
            Some(command::Kind::AcknowledgeDisconnect(a)) => {
                let s = ops::acknowledge_disconnect(app, terminal, &a).await?;
                Ok(Done::seq(s.last_seq))
            }
            Some(command::Kind::Transfer(t)) => {
                let t = ops::transfer(app, terminal, t).await?;
                Ok(Done::transfer(t.offered_seq, &t))
            }
            Some(command::Kind::AcceptTransfer(a)) => {
                let (t, s) = ops::accept_transfer(app, terminal, &a).await?;
                Ok(Done::transfer(s.last_seq, &t))
            }
            Some(command::Kind::DeclineTransfer(d)) => {
                let t = ops::decline_transfer(app, terminal, &d).await?;
                Ok(Done::transfer(0, &t))
            }
            Some(command::Kind::CancelTransfer(c)) => {
                let t = ops::cancel_transfer(app, terminal, &c).await?;
                Ok(Done::transfer(0, &t))
            }
            Some(command::Kind::Disconnect(d)) => {
                let (_, seq) = ops::disconnect(app, terminal, &d).await?;
                Ok(Done::seq(seq))
            }
            Some(command::Kind::SetStatus(r)) => {
                super::routing::set_status(app, terminal, &r).await?;
                Ok(Done::seq(0))
            }
            None => Err(Error::invalid("command.kind", "is required")),
        }
    }
    .await;
    receipt(c.request_id, outcome)
}
