//! The application layer: runs domain operations through the store and wakes the streams that
//! must see the result. The gRPC handlers (unary and stream commands alike) call only this.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::watch;
use uuid::Uuid;

use crate::auth::Authenticator;
use crate::bus::{Bus, Signal};
use crate::commit::{self, Committed, NewMessage};
use crate::domain::{self, Limits, Millis, NoCandidate, Timeouts};
use crate::error::{Error, Result};
use crate::pb::{self, Role, SessionState, event::Payload};
use crate::store::rules::Rules;
use crate::store::{Appended, Store};
use crate::tail::Tail;
use crate::writer::{Pending, Writer};

/// Settings the application layer needs (a subset of the server's flags).
#[derive(Debug, Clone, Copy)]
pub struct Settings {
    pub timeouts: Timeouts,
    pub limits: Limits,
    /// How many messages a TransferOffered carries inline to its target.
    pub offer_dialog_limit: usize,
    /// A presence row older than this belongs to a replica that stopped heart-beating.
    pub presence_ttl: Duration,
    /// Parallel group-commit writers, and the most writes one commit carries.
    pub message_writers: usize,
    pub max_batch: usize,
    /// How long a token lookup may be served from memory (zero: never); rotations retire cached
    /// lookups at once regardless.
    pub token_cache_ttl: Duration,
    /// Per-terminal rate limits.
    pub rate: crate::limits::RateArgs,
    /// Whether a client certificate's subject names the calling terminal (mutual TLS).
    pub terminal_from_cert: bool,
}

pub struct App {
    /// This process's id among the replicas sharing the database.
    pub replica: Uuid,
    pub store: Arc<dyn Store>,
    pub bus: Arc<Bus>,
    /// Group commit of messages.
    pub writer: Writer,
    /// Bearer tokens to terminals, cached.
    pub auth: Authenticator,
    /// The latest events committed here, which woken streams read instead of the log.
    pub tail: Arc<Tail>,
    /// Terminal ids known to exist. Terminals are never deleted, so an id found once stays
    /// valid; every Transfer and Connect used to look its target up.
    known_terminals: std::sync::Mutex<std::collections::HashSet<Uuid>>,
    pub settings: Settings,
    /// Per-terminal rate limits, applied by the API.
    pub limits: Arc<crate::limits::RateLimits>,
    /// Becomes true when the server shuts down; long-lived streams end on it.
    pub shutdown: watch::Receiver<bool>,
    /// The queue engine's state (see [`crate::router`]).
    pub routing: crate::router::Routing,
}

/// Sessions one purge transaction deletes at most.
const PURGE_BATCH: usize = 256;

/// Bound of [`App::terminal_exists`]'s memory (about 1.6 MB); beyond it, it starts afresh.
const KNOWN_TERMINALS: usize = 65_536;

impl App {
    /// Assembles the application and starts its group-commit writers.
    pub fn new(
        replica: Uuid,
        store: Arc<dyn Store>,
        bus: Arc<Bus>,
        settings: Settings,
        shutdown: watch::Receiver<bool>,
    ) -> App {
        let tail = Arc::new(Tail::default());
        let writer = Writer::start(
            store.clone(),
            bus.clone(),
            tail.clone(),
            settings.message_writers,
            settings.max_batch,
        );
        let auth = Authenticator::new(store.clone(), bus.clone(), settings.token_cache_ttl);
        App {
            replica,
            store,
            bus,
            writer,
            auth,
            tail,
            known_terminals: Default::default(),
            limits: Arc::new(crate::limits::RateLimits::new(&settings.rate)),
            settings,
            shutdown,
            routing: Default::default(),
        }
    }

    /// Wakes whoever must see a committed change.
    fn publish(&self, c: &Committed) {
        if c.events.is_empty() {
            return;
        }
        if let Ok(id) = c.session.id.parse() {
            // Into the tail before the signal, so that woken streams find the events there.
            self.tail.record(id, &c.events);
            self.tail.record_snapshot(id, &c.session);
            self.bus.publish(Signal::Session(id));
            crate::writer::announce_memberships(&self.bus, id, c);
        }
    }

    /// Applies a domain change to the session's current state, group-committed with other
    /// sessions' writes; its events are in the tail and signalled when this returns, and the
    /// seats it freed are given up.
    pub(crate) async fn change(
        &self,
        session: Uuid,
        f: impl FnMut(&mut pb::Session) -> Result<Vec<pb::Event>> + Send + 'static,
    ) -> Result<Committed> {
        let c = self.writer.change(session, Box::new(f)).await?;
        self.after_change(&c).await;
        Ok(c)
    }

    /// Stores a new session with its first events, and wakes whoever must see them.
    async fn create_session(
        &self,
        id: Uuid,
        session: &pb::Session,
        events: &[pb::Event],
    ) -> Result<()> {
        let (stored, rows, committed) = commit::new_session(id, session, events);
        self.store.create_session(&stored, &rows).await?;
        crate::metrics::events_committed(&committed.events);
        self.publish(&committed);
        Ok(())
    }

    /// Events of `session` after `after`, up to `until`, at most `limit`: from the tail when it
    /// holds them, else from the log.
    pub async fn events(
        &self,
        session: Uuid,
        after: u64,
        until: u64,
        limit: usize,
    ) -> Result<Vec<pb::Event>> {
        match self.tail.read(session, after, until, limit) {
            Some(events) => Ok(events),
            None => self.store.events(session, after, until, limit).await,
        }
    }

    /// The session as of `seq` or later: the snapshot the latest change here left in the tail if
    /// it is that new, else the row.
    pub async fn session_since(&self, session: Uuid, seq: u64) -> Result<Option<pb::Session>> {
        match self.tail.snapshot(session, seq) {
            Some(s) => Ok(Some(s)),
            None => self.store.session(session).await,
        }
    }

    /// The session's events other than messages after `after` up to `until`: from the tail when
    /// it holds that stretch, else from the log.
    pub async fn control_events(
        &self,
        session: Uuid,
        after: u64,
        until: u64,
    ) -> Result<Vec<pb::Event>> {
        match self.tail.range(session, after, until) {
            Some(mut events) => {
                events.retain(|e| !matches!(e.payload, Some(Payload::MessagePosted(_))));
                Ok(events)
            }
            None => self.store.control_events(session, after, until).await,
        }
    }

    /// The last `limit` messages before `seq`: from the tail when it holds the log from its
    /// start, else from the log.
    async fn messages_before(
        &self,
        session: Uuid,
        seq: u64,
        limit: usize,
    ) -> Result<Vec<pb::Event>> {
        match self.tail.range(session, 0, seq.saturating_sub(1)) {
            Some(mut events) => {
                events.retain(|e| matches!(e.payload, Some(Payload::MessagePosted(_))));
                let skip = events.len().saturating_sub(limit);
                events.drain(..skip);
                Ok(events)
            }
            None => self.store.messages_before(session, seq, limit).await,
        }
    }

    /// The whole session, its history included (a change's outcome and the tail hold only the
    /// history that change added).
    pub async fn whole_session(&self, session: Uuid) -> Result<Option<pb::Session>> {
        self.store.session(session).await
    }

    /// The session as `actor` may see it, and its role; NOT_FOUND for a foreign session.
    pub async fn session_for(&self, actor: Uuid, session: Uuid) -> Result<(pb::Session, Role)> {
        let s = self
            .store
            .session(session)
            .await?
            .ok_or(Error::NotFound("session"))?;
        let role = domain::role_of(&s, actor).ok_or(Error::NotFound("session"))?;
        Ok((s, role))
    }

    /// Whether a terminal with this id exists.
    pub async fn terminal_exists(&self, id: Uuid) -> Result<bool> {
        let lock = || {
            self.known_terminals
                .lock()
                .unwrap_or_else(|p| p.into_inner())
        };
        if lock().contains(&id) {
            return Ok(true);
        }
        let exists = self.store.terminal(id).await?.is_some();
        if exists {
            let mut known = lock();
            if known.len() >= KNOWN_TERMINALS {
                known.clear();
            }
            known.insert(id);
        }
        Ok(exists)
    }

    /// Whether `terminal` has a stream on this replica or, by its heartbeat, on another one.
    pub async fn is_attached(&self, terminal: Uuid) -> Result<bool> {
        if self.bus.is_attached(terminal) {
            return Ok(true);
        }
        let since = domain::now_millis() - self.settings.presence_ttl.as_millis() as i64;
        self.store
            .present_elsewhere(terminal, self.replica, since)
            .await
    }

    /// Records that `terminal` has a stream here, so that other replicas count it as present
    /// now rather than at the next heartbeat.
    pub async fn mark_attached(&self, terminal: Uuid) -> Result<()> {
        self.store
            .set_presence(self.replica, terminal, true)
            .await?;
        // A member that attaches may take what waits in its groups' queues.
        self.routing_changed();
        Ok(())
    }

    /// SetStatus: what the terminal says of its availability, kept in the database (every
    /// replica, every reconnect); AVAILABLE has the queues offer it what waits.
    pub async fn set_status(
        &self,
        terminal: Uuid,
        status: pb::TerminalStatus,
        reason: &str,
    ) -> Result<pb::TerminalState> {
        self.store
            .set_status(terminal, status as i32, reason, domain::now_millis())
            .await?;
        self.routing_changed();
        self.terminal_state(terminal)
            .await?
            .ok_or(Error::NotFound("terminal"))
    }

    /// One terminal's routing state, with its groups.
    pub async fn terminal_state(&self, terminal: Uuid) -> Result<Option<pb::TerminalState>> {
        let ids = [terminal];
        let rows = self
            .store
            .terminal_states(
                &crate::store::routing::StateFilter {
                    ids: Some(&ids),
                    limit: 1,
                    ..Default::default()
                },
                self.live_since(),
            )
            .await?;
        Ok(self.states_pb(rows).await?.into_iter().next())
    }

    /// After the last stream of `terminal` here closed: other replicas stop counting it as
    /// present, unless it attached again meanwhile.
    pub async fn mark_detached(&self, terminal: Uuid) -> Result<()> {
        self.store
            .set_presence(self.replica, terminal, false)
            .await?;
        if self.bus.is_attached(terminal) {
            self.store
                .set_presence(self.replica, terminal, true)
                .await?;
        }
        Ok(())
    }

    /// The sessions `terminal` has something to be shown in (see [`Store::memberships`]).
    pub async fn memberships(&self, terminal: Uuid) -> Result<Vec<crate::store::Membership>> {
        self.store.memberships(terminal).await
    }

    /// `terminal`'s part in one session, if it has or had one.
    pub async fn membership(
        &self,
        terminal: Uuid,
        session: Uuid,
    ) -> Result<Option<crate::store::Membership>> {
        self.store.membership(terminal, session).await
    }

    /// Connect (row C1): opens a session and waits for the destination's acknowledgement.
    pub async fn connect(
        &self,
        actor: Uuid,
        destination: Uuid,
        caller: pb::Caller,
        channel: pb::Channel,
        facts: HashMap<String, String>,
    ) -> Result<pb::Session> {
        if destination == actor {
            return Err(Error::precondition("a terminal cannot connect to itself"));
        }
        if !self.terminal_exists(destination).await? {
            return Err(Error::NotFound("destination terminal"));
        }
        if !self.is_attached(destination).await? {
            return Err(Error::Unavailable(format!(
                "destination terminal {destination} is not attached; no session was opened"
            )));
        }
        let id = Uuid::now_v7();
        // The destination's seat: it would hold the session (given back if it never opens).
        self.seat(destination, id).await?;
        // Follow before creating, so the acknowledgement cannot slip between create and wait.
        let mut sub = self.bus.subscribe(None);
        sub.follow(id);
        let now = domain::now_millis();
        let (session, events) = domain::open(
            domain::NewSession {
                id,
                caller_terminal: actor,
                destination,
                caller,
                channel,
                facts,
            },
            now,
            &self.settings.timeouts,
        );
        let deadline = domain::next_deadline(&session).unwrap_or(now);
        if let Err(e) = self.create_session(id, &session, &events).await {
            self.unseat(id, &[destination]).await;
            return Err(e);
        }

        let until = tokio::time::Instant::now()
            + Duration::from_millis(u64::try_from(deadline - now).unwrap_or(0));
        loop {
            let s = self
                .store
                .session(id)
                .await?
                .ok_or(Error::NotFound("session"))?;
            match s.state() {
                SessionState::Open => return Ok(s),
                SessionState::Ended => {
                    return Err(Error::Unavailable(format!(
                        "destination terminal {destination} did not acknowledge within {} ms; no session was opened",
                        self.settings.timeouts.connect.as_millis()
                    )));
                }
                _ => {}
            }
            if tokio::time::timeout_at(until, sub.inbox().wait())
                .await
                .is_err()
            {
                // Do not wait for the sweeper: end the attempt now (a no-op if it was acknowledged).
                self.change(id, move |s| {
                    Ok(domain::on_deadline(s, domain::now_millis().max(deadline)))
                })
                .await?;
            }
        }
    }

    /// Connect to a group: the session waits in the group's queue until a member accepts it,
    /// and this returns it open then (or UNAVAILABLE if the group's maximum wait ends it).
    pub async fn connect_group(
        &self,
        actor: Uuid,
        group: &str,
        caller: pb::Caller,
        channel: pb::Channel,
        facts: HashMap<String, String>,
        priority: i32,
    ) -> Result<pb::Session> {
        if self.members_of(group).await?.is_empty() {
            return Err(Error::NotFound("destination group"));
        }
        let id = Uuid::now_v7();
        let policy = self.policies().await?.of(group);
        let now = domain::now_millis();
        let ahead = self
            .store
            .queue_ahead(
                group,
                &crate::store::routing::QueueEntry {
                    session: id,
                    priority,
                    since_ms: now,
                },
            )
            .await?;
        let route = domain::queue::Route {
            group: group.to_owned(),
            policy,
            priority,
            position: ahead as u32 + 1,
        };
        let mut sub = self.bus.subscribe(None);
        sub.follow(id);
        let (session, events) = domain::queue::open_to_group(
            domain::queue::GroupConnect {
                id,
                transfer_id: Uuid::now_v7(),
                caller_terminal: actor,
                caller,
                channel,
                facts,
            },
            &route,
            now,
        );
        self.create_session(id, &session, &events).await?;
        self.routing_changed();
        loop {
            let s = self
                .store
                .session(id)
                .await?
                .ok_or(Error::NotFound("session"))?;
            match s.state() {
                SessionState::Open => return Ok(s),
                SessionState::Ended => {
                    return Err(Error::Unavailable(format!(
                        "no member of group {group:?} accepted the caller in time; no session was opened"
                    )));
                }
                _ => {}
            }
            // Woken by the session's changes; a look now and then covers a lost signal.
            let _ = tokio::time::timeout(Duration::from_secs(1), sub.inbox().wait()).await;
        }
    }

    pub async fn acknowledge_connect(&self, actor: Uuid, session: Uuid) -> Result<pb::Session> {
        let c = self
            .change(session, move |s| {
                domain::acknowledge_connect(s, actor, domain::now_millis())
            })
            .await?;
        Ok(c.session)
    }

    /// Message (row C2): committed (group commit) before it is acknowledged; idempotent with a key.
    pub async fn message(
        &self,
        actor: Uuid,
        session: Uuid,
        body: String,
        idempotency_key: Option<String>,
    ) -> Result<Appended> {
        self.submit_message(actor, session, body, idempotency_key)
            .await?
            .await
    }

    /// Message, split in two: queues the message (in submission order per session) and returns
    /// what answers it once committed, so a stream can keep many messages in flight.
    pub async fn submit_message(
        &self,
        actor: Uuid,
        session: Uuid,
        body: String,
        idempotency_key: Option<String>,
    ) -> Result<Pending> {
        self.writer
            .submit(NewMessage {
                session,
                author: actor,
                body,
                idempotency_key,
                time: domain::now_millis(),
            })
            .await
    }

    /// Where `actor` may transfer to (None: anywhere), as the transfer rules say now. Read from
    /// the database on every call, not kept: an administrator's change holds on every replica
    /// at once.
    async fn transfer_rules_of(&self, actor: Uuid) -> Result<Option<Rules>> {
        let groups = self
            .store
            .groups_of(&[actor])
            .await?
            .remove(&actor)
            .unwrap_or_default();
        self.store.allowed_targets(actor, &groups).await
    }

    /// Transfer (rows C4, C5, C6): offers the session to a terminal, or to the members of a
    /// group that are attached now (on any replica).
    pub async fn transfer(
        &self,
        actor: Uuid,
        session: Uuid,
        target: pb::TransferTarget,
        facts: HashMap<String, String>,
        note: String,
        priority: i32,
    ) -> Result<pb::Transfer> {
        let mut route = None;
        let mut seats = Vec::new();
        // A target the transfer rules refuse is refused before it is looked up (a refused group
        // is not routed: routing may take a member's seat), but reported only by the domain,
        // after its permission check: a foreign session stays NOT_FOUND.
        let candidates = match &target.kind {
            Some(pb::transfer_target::Kind::TerminalId(id)) => {
                let id: Uuid = id
                    .parse()
                    .map_err(|_| Error::invalid("target.terminal_id", "is not a valid id"))?;
                let rules = self.transfer_rules_of(actor).await?;
                if rules.is_some_and(|r| !r.allows_terminal(id)) {
                    Err(NoCandidate::NotAllowed(format!("terminal {id}")))
                } else if self.terminal_exists(id).await? {
                    Ok(vec![id])
                } else {
                    Err(NoCandidate::NoSuchTerminal)
                }
            }
            Some(pb::transfer_target::Kind::Group(group)) => {
                let rules = self.transfer_rules_of(actor).await?;
                if rules.is_some_and(|r| !r.allows_group(group)) {
                    Err(NoCandidate::NotAllowed(format!("group {group:?}")))
                } else {
                    match self.route_new(actor, session, group, priority).await? {
                        None => Err(NoCandidate::NoSuchGroup(group.clone())),
                        Some((r, chosen, taken)) => {
                            seats = taken;
                            route = Some(r);
                            Ok(chosen)
                        }
                    }
                }
            }
            None => return Err(Error::invalid("target", "is required")),
        };
        let transfer_id = Uuid::now_v7();
        let settings = self.settings;
        let c = self
            .change(session, move |s| {
                domain::offer_transfer(
                    s,
                    actor,
                    domain::Offer {
                        transfer_id,
                        target: target.clone(),
                        candidates: candidates.clone(),
                        route: route.clone(),
                        facts: facts.clone(),
                        note: note.clone(),
                    },
                    domain::now_millis(),
                    &settings.timeouts,
                    &settings.limits,
                )
            })
            .await;
        // Seats taken for members that were not offered the session (the change was refused,
        // or it queued the transfer after all) go back, unless an offer made meanwhile rests on
        // one of them.
        let c = match c {
            Ok(c) => c,
            Err(e) => {
                if !seats.is_empty()
                    && let Ok(Some(now)) = self.store.session(session).await
                {
                    self.unseat_unless_seated(&now, &seats).await;
                }
                return Err(e);
            }
        };
        if !seats.is_empty() {
            self.unseat_unless_seated(&c.session, &seats).await;
        }
        c.session
            .active_transfer
            .ok_or_else(|| Error::Internal("offer left no active transfer".into()))
    }

    pub async fn accept_transfer(
        &self,
        actor: Uuid,
        session: Uuid,
        transfer: Uuid,
    ) -> Result<(pb::Transfer, pb::Session)> {
        let timeouts = self.settings.timeouts;
        let decide = move |s: &mut pb::Session| {
            domain::accept_transfer(s, actor, transfer, domain::now_millis(), &timeouts)
        };
        // The seat first: held sessions and accepted transfers never exceed the capacity. (A
        // terminal at capacity is told so whatever the session: that says nothing of it.)
        let new_seat = self.seat(actor, session).await?;
        let c = self.change(session, decide).await;
        if c.is_err() && new_seat {
            self.unseat(session, &[actor]).await;
        }
        let c = self.explain_closed(session, c, decide).await?;
        // A server-made transfer (an away holder's session, a Connect to a group) completes as it
        // is accepted: it is history already.
        let t = match c.session.active_transfer.clone() {
            Some(t) => t,
            None => past_transfer(&c.session, transfer)?,
        };
        Ok((t, c.session))
    }

    pub async fn decline_transfer(
        &self,
        actor: Uuid,
        session: Uuid,
        transfer: Uuid,
        reason: String,
    ) -> Result<pb::Transfer> {
        let policies = self.policies().await?;
        let decide = move |s: &mut pb::Session| {
            domain::decline_transfer(
                s,
                actor,
                transfer,
                reason.clone(),
                &policies,
                domain::now_millis(),
            )
        };
        let c = self.change(session, decide.clone()).await;
        let c = self.explain_closed(session, c, decide).await?;
        // A group offer stays open after one member declines.
        match c.session.active_transfer {
            Some(t) if t.id == transfer.to_string() => Ok(t),
            _ => past_transfer(&c.session, transfer),
        }
    }

    pub async fn cancel_transfer(
        &self,
        actor: Uuid,
        session: Uuid,
        transfer: Uuid,
        reason: String,
    ) -> Result<pb::Transfer> {
        let decide = move |s: &mut pb::Session| {
            domain::cancel_transfer(s, actor, transfer, reason.clone(), domain::now_millis())
        };
        let c = self.change(session, decide.clone()).await;
        let c = self.explain_closed(session, c, decide).await?;
        past_transfer(&c.session, transfer)
    }

    /// A reply to a transfer that the session's record does not hold: it may have ended, and
    /// ended transfers are history, which a change does not read. The decision is then made
    /// again on the whole session (nothing is written), for the precise reason: declined,
    /// taken by another member, no longer open.
    async fn explain_closed(
        &self,
        session: Uuid,
        outcome: Result<Committed>,
        mut decide: impl FnMut(&mut pb::Session) -> Result<Vec<pb::Event>>,
    ) -> Result<Committed> {
        match outcome {
            Err(Error::NotFound("transfer")) => {
                if let Some(mut whole) = self.whole_session(session).await?
                    && let Err(e) = decide(&mut whole)
                {
                    return Err(e);
                }
                Err(Error::NotFound("transfer"))
            }
            other => other,
        }
    }

    /// Disconnect (rows C4, C8): hands over to the accepted target, or ends the session.
    pub async fn disconnect(&self, actor: Uuid, session: Uuid) -> Result<(pb::Session, u64)> {
        // The decisive event's seq, set by the (last) application of the change.
        let decisive = Arc::new(std::sync::atomic::AtomicU64::new(0));
        let out = decisive.clone();
        let c = self
            .change(session, move |s| {
                let (events, seq) = domain::disconnect(s, actor, domain::now_millis())?;
                out.store(seq, std::sync::atomic::Ordering::Relaxed);
                Ok(events)
            })
            .await?;
        Ok((
            c.session,
            decisive.load(std::sync::atomic::Ordering::Relaxed),
        ))
    }

    pub async fn acknowledge_disconnect(
        &self,
        actor: Uuid,
        session: Uuid,
        seq: u64,
    ) -> Result<pb::Session> {
        // Read before the change: the event was committed before the caller's terminal saw it.
        let handoff = self
            .events(session, seq.saturating_sub(1), seq, 1)
            .await?
            .first()
            .is_some_and(|e| e.seq == seq && domain::is_handoff(e));
        let c = self
            .change(session, move |s| {
                domain::acknowledge_disconnect(s, actor, seq, handoff, domain::now_millis())
            })
            .await?;
        Ok(c.session)
    }

    /// Events after `after`, as `actor` may see them, at most `limit` read from the log; returns
    /// them and the last sequence number read (the next cursor).
    pub async fn events_for(
        &self,
        actor: Uuid,
        id: Uuid,
        role: Role,
        after: u64,
        until: u64,
        limit: usize,
    ) -> Result<(Vec<pb::Event>, u64)> {
        let raw = self.store.events(id, after, until, limit).await?;
        let cursor = raw.last().map_or(after, |e| e.seq);
        let mut out = Vec::with_capacity(raw.len());
        for mut e in raw {
            if !domain::visible_to(role, &e) {
                continue;
            }
            self.add_offer_context(actor, id, &mut e).await?;
            out.push(e);
        }
        Ok((out, cursor))
    }

    /// Fills the context of a TransferOffered event delivered to its target (row C5): caller,
    /// facts, holders and the dialog so far. Other recipients see the bare offer.
    pub async fn add_offer_context(
        &self,
        actor: Uuid,
        session: Uuid,
        e: &mut pb::Event,
    ) -> Result<()> {
        let Some(Payload::TransferOffered(offer)) = e.payload.as_mut() else {
            return Ok(());
        };
        let Some(t) = offer.transfer.as_ref() else {
            return Ok(());
        };
        if !t.offered_to_terminal_ids.contains(&actor.to_string()) {
            return Ok(());
        }
        // The context carries every holder so far: the ended tenures are history (one read of
        // those rows alone; the ended transfers, larger and more, are not needed).
        let s = self
            .session_since(session, e.seq)
            .await?
            .ok_or(Error::NotFound("session"))?;
        let tenures = self
            .store
            .history(session, crate::store::HistoryKind::Tenure)
            .await?;
        let s = crate::store::record::assemble(s, tenures)?;
        let limit = self.settings.offer_dialog_limit;
        let mut dialog = self.messages_before(session, e.seq, limit + 1).await?;
        let dialog_truncated = dialog.len() > limit;
        if dialog_truncated {
            dialog.remove(0);
        }
        offer.context = Some(pb::TransferContext {
            caller: s.caller.clone(),
            channel: s.channel,
            facts: s.facts.clone(),
            dialog,
            dialog_truncated,
            holders: s.holders.clone(),
        });
        Ok(())
    }

    /// Deletes sessions with everything kept about them, and makes every replica forget what it
    /// holds of them in memory (their tails): a feed following one delivers nothing more of it.
    pub async fn delete_sessions(&self, ids: &[Uuid]) -> Result<crate::store::Removed> {
        let removed = self.store.delete_sessions(ids).await?;
        self.forget_sessions(ids);
        Ok(removed)
    }

    /// Forgets deleted sessions here and, by the signal every replica relays, everywhere.
    fn forget_sessions(&self, ids: &[Uuid]) {
        for id in ids {
            self.tail.forget(*id);
            self.bus.publish(Signal::Session(*id));
        }
    }

    /// Deletes the sessions that ended before `before` (the retention period), a batch at a time;
    /// None when another replica is purging now.
    pub async fn purge_ended(&self, before: Millis) -> Result<Option<crate::store::Removed>> {
        let mut total = crate::store::Removed::default();
        loop {
            match self.store.purge_ended(before, PURGE_BATCH).await? {
                None if total == crate::store::Removed::default() => return Ok(None),
                None => return Ok(Some(total)),
                Some((ids, r)) => {
                    self.forget_sessions(&ids);
                    total += r;
                    if ids.len() < PURGE_BATCH {
                        return Ok(Some(total));
                    }
                }
            }
        }
    }

    /// Applies every due deadline (connect timeout, offer expiry, handoff grace).
    pub async fn sweep(&self, now: Millis) -> Result<usize> {
        let due = self.store.due_sessions(now, 256).await?;
        let policies = self.policies().await?;
        for id in &due {
            let policies = policies.clone();
            self.change(*id, move |s| {
                Ok(domain::on_deadline_routed(s, now, &policies))
            })
            .await?;
        }
        Ok(due.len())
    }
}

fn past_transfer(s: &pb::Session, id: Uuid) -> Result<pb::Transfer> {
    let id = id.to_string();
    s.past_transfers
        .iter()
        .rev()
        .find(|t| t.id == id)
        .cloned()
        .ok_or_else(|| Error::Internal("ended transfer missing from history".into()))
}
