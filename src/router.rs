//! The queue's engine: offers waiting transfers to the members that can take them, tells
//! holders where their transfers stand, re-queues the sessions of holders away past their
//! group's grace, and keeps the seats (a terminal's load) in step with the sessions.
//!
//! Nothing here needs to run on one replica only. Every step is a change of one session through
//! the group commit, decided on its current record and written only if no other write came
//! between: two replicas offering the same waiting transfer at once make one offer, the other
//! finds it no longer waiting and does nothing. Capacity holds by the seats, taken atomically
//! before an offer to one member and before an accept. The engine wakes when a transfer starts
//! waiting, a member becomes available, a seat is given up or an administrator changes a
//! group's routing, on this replica or (by the cross-replica signal) another; and once a second
//! in any case, so a lost signal delays an offer by that much at most.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use tokio::sync::watch;
use uuid::Uuid;

use crate::app::App;
use crate::bus::Signal;
use crate::commit::Committed;
use crate::domain::queue::{self, Policies, Policy, Strategy};
use crate::domain::{self, Millis};
use crate::error::{Error, Reason, Result};
use crate::pb::{self, TerminalStatus, event::Payload};
use crate::store::routing::{QueueEntry, Seat, StateFilter, TerminalStateRow};

/// How often the engine runs without being woken.
const TICK: Duration = Duration::from_secs(1);
/// How long the groups' routing is served from memory at most (a change elsewhere is signalled;
/// this bounds how long a lost signal keeps an old routing).
const POLICY_TTL: Duration = Duration::from_secs(1);
/// Waiting transfers one pass offers at most, per group; and how far down a queue positions
/// are announced.
const PASS: usize = 100;
/// A seat older than this that no session accounts for (its step never happened: a replica
/// stopped between taking it and the change) is given up.
const STALE_SEAT: Duration = Duration::from_secs(30);
/// The reason given with the status of a member set AWAY for letting a ring timeout pass.
pub const NOT_ANSWERING: &str = "did not answer an offer";
/// How often stale seats are looked for.
const SEAT_CHECK: Duration = Duration::from_secs(10);
/// Members of one group read at most.
const MAX_MEMBERS: usize = 10_000;

/// The engine's state in an [`App`]: the groups' routing as last read, when, and at which
/// group-routing epoch of the bus (a change on any replica moves the epoch).
#[derive(Default)]
pub struct Routing {
    policies: Mutex<Option<(Instant, u64, Arc<Policies>)>>,
}

/// The status routing counts for a terminal: its own, or its kind's default.
pub fn effective_status(kind: i32, status: Option<i32>) -> TerminalStatus {
    match status.and_then(|s| TerminalStatus::try_from(s).ok()) {
        Some(s) if s != TerminalStatus::Unspecified => s,
        _ if kind == pb::TerminalKind::Agent as i32 => TerminalStatus::Away,
        _ => TerminalStatus::Available,
    }
}

/// Whether routing may offer `t` a session now: attached, available, under capacity.
pub fn can_take(t: &TerminalStateRow) -> bool {
    t.attached
        && effective_status(t.kind, t.status) == TerminalStatus::Available
        && t.capacity.is_none_or(|c| t.load < c)
}

/// The members able to take a session, best first for `strategy`.
pub fn candidates(strategy: Strategy, members: &[TerminalStateRow]) -> Vec<&TerminalStateRow> {
    let mut out: Vec<&TerminalStateRow> = members.iter().filter(|t| can_take(t)).collect();
    match strategy {
        // Offered all at once: any order; by name keeps it stable.
        Strategy::Broadcast => out.sort_by(|a, b| a.name.cmp(&b.name)),
        Strategy::LongestIdle => {
            out.sort_by(|a, b| a.idle_since_ms.cmp(&b.idle_since_ms).then(a.id.cmp(&b.id)))
        }
        Strategy::LeastLoaded => out.sort_by(|a, b| {
            // load / capacity compared without division: a.load * b.cap vs b.load * a.cap (no
            // limit counts as a capacity larger than any load).
            let cap = |t: &TerminalStateRow| u64::from(t.capacity.unwrap_or(u32::MAX));
            (u64::from(a.load) * cap(b))
                .cmp(&(u64::from(b.load) * cap(a)))
                .then(a.idle_since_ms.cmp(&b.idle_since_ms))
                .then(a.id.cmp(&b.id))
        }),
    }
    out
}

impl App {
    /// Every group's routing: from memory until a replica changes one (the bus's signal), and
    /// for a second at most in case that signal was lost.
    pub async fn policies(&self) -> Result<Arc<Policies>> {
        // Read before the load: a change signalled during it makes the next call load again.
        let epoch = self.bus.group_routing_epoch();
        {
            let cached = self
                .routing
                .policies
                .lock()
                .unwrap_or_else(|p| p.into_inner());
            if let Some((at, seen, p)) = cached.as_ref()
                && *seen == epoch
                && at.elapsed() < POLICY_TTL
            {
                return Ok(p.clone());
            }
        }
        let p = Arc::new(Policies(self.store.group_policies().await?));
        *self
            .routing
            .policies
            .lock()
            .unwrap_or_else(|p| p.into_inner()) = Some((Instant::now(), epoch, p.clone()));
        Ok(p)
    }

    /// Sets a group's routing, and has every replica apply it.
    pub async fn set_group_policy(&self, group: &str, policy: &Policy) -> Result<()> {
        self.store.set_group_policy(group, policy).await?;
        self.bus.publish(Signal::GroupRouting(self.replica));
        Ok(())
    }

    /// Something routing depends on changed: the engine runs here now, and on other replicas.
    pub fn routing_changed(&self) {
        self.bus.publish(Signal::Routing(self.replica));
    }

    /// The oldest heartbeat that still counts a replica's terminals as attached.
    pub fn live_since(&self) -> Millis {
        domain::now_millis() - self.settings.presence_ttl.as_millis() as i64
    }

    /// The routing states of `group`'s members.
    pub async fn members_of(&self, group: &str) -> Result<Vec<TerminalStateRow>> {
        self.store
            .terminal_states(
                &StateFilter {
                    group: Some(group),
                    limit: MAX_MEMBERS,
                    ..StateFilter::default()
                },
                self.live_since(),
            )
            .await
    }

    /// Whom a new transfer to `group` goes to now: the route, the members to offer it to (none:
    /// it waits in the queue), and the seats taken here for them (a member offered a session
    /// alone has one; [`App::unseat`] gives it back if the offer is not made).
    pub async fn route_new(
        &self,
        actor: Uuid,
        session: Uuid,
        group: &str,
        priority: i32,
    ) -> Result<Option<(queue::Route, Vec<Uuid>, Vec<Uuid>)>> {
        let members = self.members_of(group).await?;
        if members.is_empty() {
            return Ok(None);
        }
        let policy = self.policies().await?.of(group);
        let figures = self.store.queue_figures(group).await?;
        let mut chosen = Vec::new();
        let mut taken = Vec::new();
        // Transfers already waiting go first: a new one joins the queue behind them.
        if figures.length == 0 {
            let others: Vec<TerminalStateRow> =
                members.into_iter().filter(|m| m.id != actor).collect();
            let best = candidates(policy.strategy, &others);
            if !policy.strategy.one_at_a_time() && figures.offers_in_flight as usize >= best.len() {
                // BROADCAST offers as many transfers at once as it has available members; more
                // wait their turn in the queue.
            } else if policy.strategy.one_at_a_time() {
                for m in best {
                    match self
                        .store
                        .take_seat(m.id, session, domain::now_millis())
                        .await?
                    {
                        Seat::Full => continue,
                        seat => {
                            if seat == Seat::Taken {
                                taken.push(m.id);
                            }
                            chosen.push(m.id);
                            break;
                        }
                    }
                }
            } else {
                chosen = best.iter().map(|m| m.id).collect();
            }
        }
        let position = if chosen.is_empty() {
            let entry = QueueEntry {
                session,
                priority,
                since_ms: domain::now_millis(),
            };
            self.store.queue_ahead(group, &entry).await? as u32 + 1
        } else {
            0
        };
        Ok(Some((
            queue::Route {
                group: group.to_owned(),
                policy,
                priority,
                position,
            },
            chosen,
            taken,
        )))
    }

    /// Gives back the seats of `terminals` in `s` that its current record does not account for
    /// (the step that took them did not happen, and no other step relies on them).
    pub async fn unseat_unless_seated(&self, s: &pb::Session, terminals: &[Uuid]) {
        let Ok(session) = s.id.parse::<Uuid>() else {
            return;
        };
        let seated = queue::seated(s);
        let idle: Vec<Uuid> = terminals
            .iter()
            .filter(|t| !seated.contains(t))
            .copied()
            .collect();
        self.unseat(session, &idle).await;
    }

    /// Gives back seats taken for offers that were not made.
    pub async fn unseat(&self, session: Uuid, terminals: &[Uuid]) {
        if terminals.is_empty() {
            return;
        }
        let now = domain::now_millis();
        if let Err(e) = self.store.release_seats(session, terminals, now).await {
            tracing::warn!(error = %e, %session, "giving up seats failed; the seat check will");
        }
    }

    /// Routing states as the API shows them, with the terminals' groups (one read for all).
    pub async fn states_pb(&self, rows: Vec<TerminalStateRow>) -> Result<Vec<pb::TerminalState>> {
        let ids: Vec<Uuid> = rows.iter().map(|r| r.id).collect();
        let groups = self.store.groups_of(&ids).await?;
        Ok(rows.into_iter().map(|r| state_pb(r, &groups)).collect())
    }

    /// A terminal takes a seat before it accepts or is offered a session alone; at capacity,
    /// AT_CAPACITY. Returns whether the seat is new (to give back if the step fails).
    pub async fn seat(&self, terminal: Uuid, session: Uuid) -> Result<bool> {
        match self
            .store
            .take_seat(terminal, session, domain::now_millis())
            .await?
        {
            Seat::Taken => Ok(true),
            Seat::Held => Ok(false),
            Seat::Full => Err(Error::refused(
                Reason::AtCapacity,
                "this terminal holds as many sessions as its capacity allows",
            )),
        }
    }

    /// After a change committed: the seats of terminals that no longer hold, accepted or are
    /// offered the session alone are given up, and the queue engine is woken where the change
    /// can let it offer something.
    pub async fn after_change(&self, c: &Committed) {
        let routing = c.events.iter().any(|e| {
            matches!(
                e.payload,
                Some(
                    Payload::TransferQueued(_)
                        | Payload::TransferDeclined(_)
                        | Payload::TransferExpired(_)
                        | Payload::TransferCancelled(_)
                        | Payload::TransferAccepted(_)
                        | Payload::HolderDisconnected(_)
                        | Payload::SessionEnded(_)
                )
            )
        });
        if !routing {
            return;
        }
        let Ok(session) = c.session.id.parse::<Uuid>() else {
            return;
        };
        self.not_answering(c).await;
        // Only the seats this change freed: a seat taken for an offer about to be made (by a
        // commit after this one) is not this change's to give back.
        let freed = match c.unseated.is_empty() {
            true => Ok(Vec::new()),
            false => {
                self.store
                    .release_seats(session, &c.unseated, domain::now_millis())
                    .await
            }
        };
        match freed {
            Ok(released) if released.is_empty() => {
                // A transfer that (re)entered a queue, or returned to it, may be offered now.
                if c.events.iter().any(|e| match &e.payload {
                    Some(Payload::TransferQueued(q)) => q.reason() != pb::QueueReason::Position,
                    Some(Payload::TransferDeclined(d)) => d.requeued,
                    // The transfers behind a cancelled one move up.
                    Some(Payload::TransferCancelled(_)) => true,
                    Some(Payload::TransferExpired(x)) => !x.unanswered_by_terminal_ids.is_empty(),
                    _ => false,
                }) {
                    self.routing_changed();
                }
            }
            Ok(_) => self.routing_changed(),
            Err(e) => {
                tracing::warn!(error = %e, %session, "giving up seats failed; the seat check will")
            }
        }
    }

    /// A member that let a ring timeout pass (one-at-a-time strategies) is set AWAY, as contact
    /// centres do with an agent that does not answer: it is not rung again until it says it is
    /// available, and the queue moves on to the others.
    async fn not_answering(&self, c: &Committed) {
        let Some(group) = c
            .session
            .active_transfer
            .as_ref()
            .map(|t| t.queue_group.clone())
        else {
            return;
        };
        let silent: Vec<&String> = c
            .events
            .iter()
            .filter_map(|e| match &e.payload {
                Some(Payload::TransferExpired(x)) => Some(&x.unanswered_by_terminal_ids),
                _ => None,
            })
            .flatten()
            .collect();
        if silent.is_empty() {
            return;
        }
        match self.policies().await {
            Ok(p) if p.of(&group).strategy.one_at_a_time() => {}
            _ => return,
        }
        for id in silent.into_iter().filter_map(|t| t.parse::<Uuid>().ok()) {
            let now = domain::now_millis();
            if let Err(e) = self
                .store
                .set_status(id, TerminalStatus::Away as i32, NOT_ANSWERING, now)
                .await
            {
                tracing::warn!(error = %e, terminal = %id, "setting a silent member away failed");
            }
        }
    }

    /// One pass over every group with transfers waiting.
    pub async fn route_all(&self) -> Result<()> {
        for group in self.store.queued_groups().await? {
            self.route_group(&group).await?;
        }
        Ok(())
    }

    /// Offers `group`'s waiting transfers, first first, to the members that can take them, and
    /// announces the positions of those still waiting. Returns how many were offered.
    pub async fn route_group(&self, group: &str) -> Result<usize> {
        let waiting = self.store.queue(group, PASS).await?;
        if waiting.is_empty() {
            return Ok(0);
        }
        let policy = self.policies().await?.of(group);
        let mut members = self.members_of(group).await?;
        let mut offered = 0;
        // Under BROADCAST each offer goes to every available member: as many waiting transfers
        // are offered at once as there are such members.
        let mut broadcast_room = if policy.strategy.one_at_a_time() {
            usize::MAX
        } else {
            let in_flight = self.store.queue_figures(group).await?.offers_in_flight as usize;
            candidates(policy.strategy, &members)
                .len()
                .saturating_sub(in_flight)
        };
        for entry in &waiting {
            if broadcast_room == 0 || candidates(policy.strategy, &members).is_empty() {
                break;
            }
            let Some(record) = self
                .store
                .records(&[entry.session])
                .await?
                .remove(&entry.session)
            else {
                continue;
            };
            let s = record.session;
            let Some(t) = s
                .active_transfer
                .as_ref()
                .filter(|t| t.state() == pb::TransferState::Queued && t.queue_group == group)
            else {
                continue;
            };
            let eligible: Vec<Uuid> = candidates(policy.strategy, &members)
                .into_iter()
                .filter(|m| {
                    let id = m.id.to_string();
                    domain::role_of(&s, m.id).is_none() && queue::may_offer(t, &id)
                })
                .map(|m| m.id)
                .collect();
            let mut chosen = Vec::new();
            let mut seats = Vec::new();
            if policy.strategy.one_at_a_time() {
                for m in eligible {
                    match self
                        .store
                        .take_seat(m, entry.session, domain::now_millis())
                        .await?
                    {
                        Seat::Full => {
                            // Full by another replica's doing: not a candidate this pass.
                            if let Some(row) = members.iter_mut().find(|r| r.id == m) {
                                row.load = row.capacity.unwrap_or(row.load);
                            }
                        }
                        seat => {
                            if seat == Seat::Taken {
                                seats.push(m);
                            }
                            chosen.push(m);
                            break;
                        }
                    }
                }
            } else {
                chosen = eligible;
            }
            if chosen.is_empty() {
                continue;
            }
            let (members_offered, timeouts) = (chosen.clone(), self.settings.timeouts);
            let (p, g) = (policy.clone(), group.to_owned());
            let done = self
                .change(entry.session, move |s| {
                    Ok(queue::offer_from_queue(
                        s,
                        &g,
                        None,
                        &members_offered,
                        &p,
                        domain::now_millis(),
                        &timeouts,
                    ))
                })
                .await;
            match done {
                Ok(c) if !c.events.is_empty() => {
                    offered += 1;
                    broadcast_room = broadcast_room.saturating_sub(1);
                    if policy.strategy.one_at_a_time() {
                        for m in &chosen {
                            if let Some(row) = members.iter_mut().find(|r| r.id == *m) {
                                row.load += 1;
                            }
                        }
                    }
                }
                // Not offered: give back the seats this pass took, but not one that an offer
                // made meanwhile (by another replica, to the same member) now rests on.
                Ok(c) => self.unseat_unless_seated(&c.session, &seats).await,
                Err(e) => {
                    self.unseat(entry.session, &seats).await;
                    return Err(e);
                }
            }
        }
        self.announce_positions(group).await?;
        Ok(offered)
    }

    /// Tells the holders of `group`'s waiting transfers (the first [`PASS`]) where they stand,
    /// where that changed.
    async fn announce_positions(&self, group: &str) -> Result<()> {
        let waiting = self.store.queue(group, PASS).await?;
        let records = self
            .store
            .records(&waiting.iter().map(|e| e.session).collect::<Vec<_>>())
            .await?;
        // All at once: the group commit writes them together.
        let announcements = waiting.iter().enumerate().filter_map(|(i, entry)| {
            let position = i as u32 + 1;
            let current = records
                .get(&entry.session)
                .and_then(|r| r.session.active_transfer.as_ref())
                .map(|t| t.queue_position);
            if current.is_none_or(|p| p == position) {
                return None;
            }
            Some(self.change(entry.session, move |s| {
                let Some(id) = s
                    .active_transfer
                    .as_ref()
                    .and_then(|t| t.id.parse::<Uuid>().ok())
                else {
                    return Ok(Vec::new());
                };
                Ok(queue::announce_position(
                    s,
                    id,
                    position,
                    domain::now_millis(),
                ))
            }))
        });
        for done in futures_util::future::join_all(announcements).await {
            done?;
        }
        Ok(())
    }

    /// Re-queues the sessions of holders detached or away longer than their group's grace (for
    /// the groups that ask for it).
    pub async fn requeue_away_holders(&self) -> Result<usize> {
        let policies = self.policies().await?;
        let groups: Vec<String> = policies
            .0
            .iter()
            .filter(|(_, p)| p.away_grace.is_some())
            .map(|(g, _)| g.clone())
            .collect();
        if groups.is_empty() {
            return Ok(0);
        }
        let held = self.store.held_sessions(&groups, 1000).await?;
        if held.is_empty() {
            return Ok(0);
        }
        let mut holders: Vec<Uuid> = held.iter().map(|h| h.holder).collect();
        holders.sort();
        holders.dedup();
        let states = self
            .store
            .terminal_states(
                &StateFilter {
                    ids: Some(&holders),
                    limit: holders.len(),
                    ..StateFilter::default()
                },
                self.live_since(),
            )
            .await?;
        let now = domain::now_millis();
        let (absent, present): (Vec<_>, Vec<_>) = states.iter().partition(|t| !t.attached);
        self.store
            .mark_absent(
                &absent
                    .iter()
                    .filter(|t| t.absent_since_ms.is_none())
                    .map(|t| t.id)
                    .collect::<Vec<_>>(),
                &present
                    .iter()
                    .filter(|t| t.absent_since_ms.is_some())
                    .map(|t| t.id)
                    .collect::<Vec<_>>(),
                now,
            )
            .await?;
        // Since when each holder has been away or detached, if it is.
        // An agent that never set a status counts as away for routing, but has not gone away:
        // only a status it set, or its absence, starts the clock.
        let away_since = |t: &TerminalStateRow| -> Option<Millis> {
            let away = (t.status == Some(TerminalStatus::Away as i32))
                .then(|| t.changed_ms.unwrap_or(now));
            let gone = (!t.attached).then(|| t.absent_since_ms.unwrap_or(now));
            match (away, gone) {
                (Some(a), Some(g)) => Some(a.min(g)),
                (a, g) => a.or(g),
            }
        };
        let mut requeued = 0;
        for h in &held {
            let policy = policies.of(&h.group);
            let (Some(grace), Some(t)) =
                (policy.away_grace, states.iter().find(|t| t.id == h.holder))
            else {
                continue;
            };
            let Some(since) = away_since(t) else {
                continue;
            };
            if now - since < grace.as_millis() as i64 {
                continue;
            }
            let (holder, group, p) = (h.holder, h.group.clone(), policy.clone());
            let transfer = Uuid::now_v7();
            let c = self
                .change(h.session, move |s| {
                    Ok(queue::requeue_away_holder(
                        s,
                        holder,
                        transfer,
                        &group,
                        &p,
                        domain::now_millis(),
                    )
                    .unwrap_or_default())
                })
                .await?;
            if !c.events.is_empty() {
                requeued += 1;
                tracing::info!(session = %h.session, holder = %h.holder, group = %h.group, "re-queued the session of an away holder");
            }
        }
        Ok(requeued)
    }

    /// Gives up seats older than [`STALE_SEAT`] that no session accounts for.
    pub async fn check_seats(&self) -> Result<usize> {
        let before = domain::now_millis() - STALE_SEAT.as_millis() as i64;
        let seats = self.store.seats_before(before, 256).await?;
        if seats.is_empty() {
            return Ok(0);
        }
        let mut sessions: Vec<Uuid> = seats.iter().map(|(_, s)| *s).collect();
        sessions.sort();
        sessions.dedup();
        let records = self.store.records(&sessions).await?;
        let mut stale = 0;
        for session in sessions {
            let seated = records
                .get(&session)
                .map(|r| queue::seated(&r.session))
                .unwrap_or_default();
            let idle: Vec<Uuid> = seats
                .iter()
                .filter(|(t, s)| *s == session && !seated.contains(t))
                .map(|(t, _)| *t)
                .collect();
            if !idle.is_empty() {
                stale += self
                    .store
                    .release_seats(session, &idle, domain::now_millis())
                    .await?
                    .len();
            }
        }
        if stale > 0 {
            self.routing_changed();
        }
        Ok(stale)
    }
}

/// The engine's background task: runs when woken, and every [`TICK`]; re-queues away holders
/// and checks the seats now and then.
pub async fn run(app: Arc<App>, mut shutdown: watch::Receiver<bool>) {
    let mut last_away = Instant::now();
    let mut last_seats = Instant::now();
    loop {
        tokio::select! {
            _ = app.bus.next_routing_change() => {}
            _ = tokio::time::sleep(TICK) => {}
            _ = shutdown.changed() => return,
        }
        if *shutdown.borrow() {
            return;
        }
        if let Err(e) = app.route_all().await {
            tracing::warn!(error = %e, "routing pass failed; retrying on the next tick");
        }
        if last_away.elapsed() >= TICK {
            last_away = Instant::now();
            if let Err(e) = app.requeue_away_holders().await {
                tracing::warn!(error = %e, "away re-queue failed; retrying on the next tick");
            }
        }
        if last_seats.elapsed() >= SEAT_CHECK {
            last_seats = Instant::now();
            if let Err(e) = app.check_seats().await {
                tracing::warn!(error = %e, "seat check failed; retrying later");
            }
        }
    }
}

/// A terminal's routing state as the API shows it.
pub fn state_pb(
    r: TerminalStateRow,
    groups: &std::collections::HashMap<Uuid, Vec<String>>,
) -> pb::TerminalState {
    pb::TerminalState {
        terminal_id: r.id.to_string(),
        groups: groups.get(&r.id).cloned().unwrap_or_default(),
        name: r.name,
        kind: r.kind,
        status: effective_status(r.kind, r.status) as i32,
        reason: r.reason,
        status_time: r.changed_ms.map(domain::timestamp),
        attached: r.attached,
        capacity: r.capacity.unwrap_or(0),
        load: r.load,
        idle_since: (r.idle_since_ms > 0).then(|| domain::timestamp(r.idle_since_ms)),
    }
}
