//! Routing decisions on a session: a transfer to a group waits in the group's queue when nobody
//! can take it, is offered from there as members become available, returns there when the
//! members offered it decline or let the ring timeout pass, and leaves it for the overflow group
//! (or expires) after the group's maximum wait. Which members are available, and where a transfer
//! stands in its queue, are found in the database by the caller and handed in: as everywhere in
//! the domain, no I/O here.

use std::collections::HashMap;
use std::time::Duration;

use uuid::Uuid;

use super::{
    Millis, Timeouts, close_transfer, emit, ms_after, require_open, role_of, set_role, timestamp,
    withdraw_offer,
};
use crate::error::{Error, Result};
use crate::pb::{self, Event, QueueReason, Role, Session, Transfer, TransferState, event::Payload};

/// How a group offers sessions to its members.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Strategy {
    /// Every available member at once; the first accept wins.
    #[default]
    Broadcast,
    /// One member at a time, the one idle longest.
    LongestIdle,
    /// One member at a time, the least loaded relative to its capacity.
    LeastLoaded,
}

impl Strategy {
    /// Whether the group offers a session to one member at a time.
    pub fn one_at_a_time(self) -> bool {
        self != Strategy::Broadcast
    }

    pub fn from_pb(v: i32) -> Strategy {
        match pb::RoutingStrategy::try_from(v) {
            Ok(pb::RoutingStrategy::LongestIdle) => Strategy::LongestIdle,
            Ok(pb::RoutingStrategy::LeastLoaded) => Strategy::LeastLoaded,
            _ => Strategy::Broadcast,
        }
    }

    pub fn to_pb(self) -> pb::RoutingStrategy {
        match self {
            Strategy::Broadcast => pb::RoutingStrategy::Broadcast,
            Strategy::LongestIdle => pb::RoutingStrategy::LongestIdle,
            Strategy::LeastLoaded => pb::RoutingStrategy::LeastLoaded,
        }
    }
}

/// How a group routes (what an administrator set, or the defaults).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Policy {
    pub strategy: Strategy,
    /// How long an offer from the group stays open (one member's ring under one-at-a-time
    /// strategies); None: the server's offer timeout.
    pub ring_timeout: Option<Duration>,
    /// How long a transfer may wait in the queue; None: no limit.
    pub max_wait: Option<Duration>,
    /// Where a transfer goes after `max_wait`; None: it expires.
    pub overflow: Option<String>,
    /// A holder detached or away this long has its sessions re-queued; None: never.
    pub away_grace: Option<Duration>,
}

impl Policy {
    /// How long an offer from this group stays open.
    pub fn offer_timeout(&self, t: &Timeouts) -> Duration {
        self.ring_timeout.unwrap_or(t.offer)
    }
}

/// Every group's policy that differs from the defaults.
#[derive(Debug, Clone, Default)]
pub struct Policies(pub HashMap<String, Policy>);

impl Policies {
    pub fn of(&self, group: &str) -> Policy {
        self.0.get(group).cloned().unwrap_or_default()
    }
}

/// A transfer to a group, as the caller found the group.
#[derive(Debug, Clone)]
pub struct Route {
    pub group: String,
    pub policy: Policy,
    pub priority: i32,
    /// Where the transfer would stand in the queue if it waits there (1: next).
    pub position: u32,
}

/// The transfer waits in the group's queue; the holder keeps the session and is told where it
/// stands.
#[allow(clippy::too_many_arguments)]
pub(super) fn enqueue(
    s: &mut Session,
    actor: Uuid,
    transfer_id: Uuid,
    target: pb::TransferTarget,
    facts: HashMap<String, String>,
    note: String,
    route: &Route,
    now: Millis,
) -> Vec<Event> {
    let mut transfer = Transfer {
        id: transfer_id.to_string(),
        session_id: s.id.clone(),
        from_terminal_id: actor.to_string(),
        target: Some(target),
        facts,
        note,
        offered_seq: s.last_seq + 1,
        offer_time: Some(timestamp(now)),
        priority: route.priority,
        ..Default::default()
    };
    let mut out = Vec::new();
    wait_in(
        s,
        &mut transfer,
        &route.group,
        &route.policy,
        QueueReason::NobodyAvailable,
        now,
    );
    transfer.queue_position = route.position;
    s.active_transfer = Some(transfer.clone());
    announce(
        s,
        &mut out,
        &transfer,
        QueueReason::NobodyAvailable,
        Some(actor),
        now,
    );
    out
}

/// Marks a transfer that was offered at once as routed through `route`'s group.
pub(super) fn routed(
    s: &mut Session,
    t: &mut Transfer,
    route: &Route,
    now: Millis,
    timeouts: &Timeouts,
) {
    t.queue_group = route.group.clone();
    t.priority = route.priority;
    t.expire_time = Some(timestamp(ms_after(
        now,
        route.policy.offer_timeout(timeouts),
    )));
    s.group = route.group.clone();
}

/// Puts `t` in `group`'s queue (not yet offered to anyone).
fn wait_in(
    s: &mut Session,
    t: &mut Transfer,
    group: &str,
    policy: &Policy,
    reason: QueueReason,
    now: Millis,
) {
    t.set_state(TransferState::Queued);
    t.set_queue_reason(reason);
    // The maximum wait counts from entering this group's queue: a return after declines or a
    // ring timeout keeps the deadline it had.
    if t.queue_group != group || t.queue_deadline.is_none() {
        t.queue_deadline = policy.max_wait.map(|w| timestamp(ms_after(now, w)));
    }
    t.queue_group = group.to_owned();
    if t.enqueue_time.is_none() {
        t.enqueue_time = Some(timestamp(now));
    }
    t.expire_time = None;
    t.queue_position = 0;
    s.group = group.to_owned();
}

fn announce(
    s: &mut Session,
    out: &mut Vec<Event>,
    t: &Transfer,
    reason: QueueReason,
    author: Option<Uuid>,
    now: Millis,
) {
    emit(
        s,
        out,
        author,
        now,
        Payload::TransferQueued(pb::TransferQueued {
            transfer_id: t.id.clone(),
            group: t.queue_group.clone(),
            position: t.queue_position,
            priority: t.priority,
            queue_deadline: t.queue_deadline,
            reason: reason as i32,
        }),
    );
}

/// The queued transfer of `s`, if it is `transfer_id` (any when None) and waits now.
fn queued(s: &mut Session, transfer_id: Option<Uuid>) -> Option<&mut Transfer> {
    s.active_transfer.as_mut().filter(|t| {
        t.state() == TransferState::Queued && transfer_id.is_none_or(|id| t.id == id.to_string())
    })
}

/// Whether `terminal` may be offered `t`: not declined by it, not let ring by it.
pub fn may_offer(t: &Transfer, terminal: &str) -> bool {
    !t.declined_by_terminal_ids.iter().any(|x| x == terminal)
        && !t.unanswered_by_terminal_ids.iter().any(|x| x == terminal)
}

/// `group`'s queue offers the waiting transfer `transfer_id` to `members` (the server acts). A
/// no-op (no events) when the transfer no longer waits there, or none of them may be offered it:
/// another replica served it first, it was cancelled, or it overflowed meanwhile.
pub fn offer_from_queue(
    s: &mut Session,
    group: &str,
    transfer_id: Option<Uuid>,
    members: &[Uuid],
    policy: &Policy,
    now: Millis,
    timeouts: &Timeouts,
) -> Vec<Event> {
    let mut out = Vec::new();
    if require_open(s).is_err() && !is_group_connect(s) {
        return out;
    }
    let fresh: Vec<String> = {
        // Still waiting, and still in this group's queue (an overflow may have moved it).
        let Some(t) = s.active_transfer.as_ref().filter(|t| {
            t.state() == TransferState::Queued
                && t.queue_group == group
                && transfer_id.is_none_or(|id| t.id == id.to_string())
        }) else {
            return out;
        };
        members
            .iter()
            .filter(|m| role_of(s, **m).is_none())
            .map(Uuid::to_string)
            .filter(|m| may_offer(t, m))
            .collect()
    };
    if fresh.is_empty() {
        return out;
    }
    let seq = s.last_seq + 1;
    let Some(t) = queued(s, transfer_id) else {
        return out;
    };
    t.set_state(TransferState::Offered);
    t.queue_position = 0;
    t.expire_time = Some(timestamp(ms_after(now, policy.offer_timeout(timeouts))));
    t.offered_to_terminal_ids.extend(fresh.iter().cloned());
    let transfer = t.clone();
    emit(
        s,
        &mut out,
        None,
        now,
        Payload::TransferOffered(pb::TransferOffered {
            transfer: Some(transfer),
            context: None,
        }),
    );
    for m in &fresh {
        set_role(s, m, Role::Target, seq);
    }
    out
}

/// Whether the transfer in flight returns to its queue when its current offer ends unanswered.
pub fn is_routed(t: &Transfer) -> bool {
    !t.queue_group.is_empty()
}

/// A routed offer every member has turned down (or let ring) goes back to the queue instead of
/// ending; the caller has already recorded who.
pub(super) fn back_to_queue(
    s: &mut Session,
    policies: &Policies,
    reason: QueueReason,
    now: Millis,
) {
    let group = match s.active_transfer.as_ref() {
        Some(t) => t.queue_group.clone(),
        None => return,
    };
    let policy = policies.of(&group);
    if let Some(mut t) = s.active_transfer.take() {
        let withdrawn = t.clone();
        withdraw_offer(s, &withdrawn);
        wait_in(s, &mut t, &group, &policy, reason, now);
        s.active_transfer = Some(t);
    }
}

/// The ring timeout of a routed offer passed: the members offered it are recorded as not
/// answering, and it goes back to its queue.
pub(super) fn ring_timeout(
    s: &mut Session,
    out: &mut Vec<Event>,
    policies: &Policies,
    now: Millis,
) {
    let Some(t) = s.active_transfer.as_mut() else {
        return;
    };
    let open: Vec<String> = t
        .offered_to_terminal_ids
        .iter()
        .filter(|m| may_offer(t, m))
        .cloned()
        .collect();
    t.unanswered_by_terminal_ids.extend(open.iter().cloned());
    let id = t.id.clone();
    back_to_queue(s, policies, QueueReason::Unanswered, now);
    emit(
        s,
        out,
        None,
        now,
        Payload::TransferExpired(pb::TransferExpired {
            transfer_id: id,
            unanswered_by_terminal_ids: open,
            reason: String::new(),
        }),
    );
}

/// A queued transfer waited its group's maximum: it moves to the overflow group's queue, or
/// expires (the holder keeps the session and is told).
pub(super) fn max_wait_passed(
    s: &mut Session,
    out: &mut Vec<Event>,
    policies: &Policies,
    now: Millis,
) {
    let Some(t) = queued(s, None) else {
        return;
    };
    let group = t.queue_group.clone();
    let policy = policies.of(&group);
    match policy.overflow.filter(|o| *o != group) {
        Some(overflow) => {
            let next = policies.of(&overflow);
            let mut t = t.clone();
            wait_in(s, &mut t, &overflow, &next, QueueReason::Overflow, now);
            s.active_transfer = Some(t.clone());
            announce(s, out, &t, QueueReason::Overflow, None, now);
        }
        None if is_group_connect(s) => {
            // Nobody took the caller: the connect attempt ends, as one nobody acknowledged.
            super::end_session(
                s,
                out,
                None,
                pb::SessionEndReason::ConnectNotAcknowledged,
                now,
            );
        }
        None => {
            let waited = format!("waited the most group {group:?} allows, and nobody accepted");
            if let Some(t) = close_transfer(s, TransferState::Expired, &waited, now) {
                emit(
                    s,
                    out,
                    None,
                    now,
                    Payload::TransferExpired(pb::TransferExpired {
                        transfer_id: t.id,
                        unanswered_by_terminal_ids: Vec::new(),
                        reason: waited,
                    }),
                );
            }
        }
    }
}

/// Tells the holder where its queued transfer stands now, if that changed. A no-op when the
/// transfer no longer waits or the position is the one last announced.
pub fn announce_position(
    s: &mut Session,
    transfer_id: Uuid,
    position: u32,
    now: Millis,
) -> Vec<Event> {
    let mut out = Vec::new();
    let Some(t) = queued(s, Some(transfer_id)) else {
        return out;
    };
    if t.queue_position == position || position == 0 {
        return out;
    }
    let first = t.queue_position == 0;
    t.queue_position = position;
    let t = t.clone();
    // A return after declines or a ring timeout was told by the decline or the expiry, without
    // a position; an overflow or a re-queue was announced as it happened, with position 0.
    let reason = match t.queue_reason() {
        r @ (QueueReason::Declined | QueueReason::Unanswered) if first => r,
        _ => QueueReason::Position,
    };
    announce(s, &mut out, &t, reason, None, now);
    out
}

/// The server re-queues a session whose holder has been away past its group's grace: a transfer
/// from the holder to `group`, made by the server. On accept, the new holder takes over at once.
pub fn requeue_away_holder(
    s: &mut Session,
    holder: Uuid,
    transfer_id: Uuid,
    group: &str,
    policy: &Policy,
    now: Millis,
) -> Result<Vec<Event>> {
    require_open(s)?;
    if s.holder_terminal_id != holder.to_string() {
        return Err(Error::precondition("the holder changed"));
    }
    if s.active_transfer.is_some() {
        return Err(Error::precondition("a transfer is in flight"));
    }
    let mut transfer = Transfer {
        id: transfer_id.to_string(),
        session_id: s.id.clone(),
        from_terminal_id: holder.to_string(),
        target: Some(pb::TransferTarget {
            kind: Some(pb::transfer_target::Kind::Group(group.to_owned())),
        }),
        offered_seq: s.last_seq + 1,
        offer_time: Some(timestamp(now)),
        server_initiated: true,
        reason: "the holder was away".to_owned(),
        ..Default::default()
    };
    wait_in(
        s,
        &mut transfer,
        group,
        policy,
        QueueReason::HolderAway,
        now,
    );
    s.active_transfer = Some(transfer.clone());
    let mut out = Vec::new();
    announce(s, &mut out, &transfer, QueueReason::HolderAway, None, now);
    Ok(out)
}

/// The earliest routing deadline of the transfer in flight: its queue's maximum wait.
pub(super) fn deadline(t: &Transfer) -> Option<Millis> {
    match t.state() {
        TransferState::Queued => super::millis(&t.queue_deadline),
        _ => None,
    }
}

/// The terminals that count the session in their load: its holder while it is live, and the
/// terminals that accepted or are offered its transfer (a seat is taken before either).
pub fn seated(s: &Session) -> Vec<Uuid> {
    let live = matches!(
        s.state(),
        pb::SessionState::Open | pb::SessionState::Connecting
    );
    s.participants
        .iter()
        .filter(|p| match p.role() {
            Role::Holder => live,
            Role::Incoming | Role::Target => true,
            _ => false,
        })
        .filter_map(|p| p.terminal_id.parse().ok())
        .collect()
}

/// Whether `s` is a Connect to a group still waiting for a member.
pub fn is_group_connect(s: &Session) -> bool {
    s.state() == pb::SessionState::Connecting && s.connect_deadline.is_none()
}

/// What a Connect to a group needs.
pub struct GroupConnect {
    pub id: Uuid,
    pub transfer_id: Uuid,
    pub caller_terminal: Uuid,
    pub caller: pb::Caller,
    pub channel: pb::Channel,
    pub facts: HashMap<String, String>,
}

/// Connect to a group (claims 32, 37 through a queue): the session starts CONNECTING with no
/// holder, its caller waiting in the group's queue as a server-made transfer; the member that
/// accepts it opens the session as its holder.
pub fn open_to_group(n: GroupConnect, route: &Route, now: Millis) -> (Session, Vec<Event>) {
    let mut s = Session {
        id: n.id.to_string(),
        channel: n.channel as i32,
        caller: Some(n.caller.clone()),
        caller_terminal_id: n.caller_terminal.to_string(),
        state: pb::SessionState::Connecting as i32,
        facts: n.facts.clone(),
        create_time: Some(timestamp(now)),
        ..Default::default()
    };
    let mut out = Vec::new();
    let seq = emit(
        &mut s,
        &mut out,
        Some(n.caller_terminal),
        now,
        Payload::SessionRequested(pb::SessionRequested {
            channel: n.channel as i32,
            caller: Some(n.caller),
            facts: n.facts,
            destination_group: route.group.clone(),
            ..Default::default()
        }),
    );
    set_role(&mut s, &n.caller_terminal.to_string(), Role::Caller, seq);
    let mut transfer = Transfer {
        id: n.transfer_id.to_string(),
        session_id: s.id.clone(),
        target: Some(pb::TransferTarget {
            kind: Some(pb::transfer_target::Kind::Group(route.group.clone())),
        }),
        offered_seq: s.last_seq + 1,
        offer_time: Some(timestamp(now)),
        priority: route.priority,
        server_initiated: true,
        ..Default::default()
    };
    wait_in(
        &mut s,
        &mut transfer,
        &route.group,
        &route.policy,
        QueueReason::NobodyAvailable,
        now,
    );
    transfer.queue_position = route.position;
    s.active_transfer = Some(transfer.clone());
    announce(
        &mut s,
        &mut out,
        &transfer,
        QueueReason::NobodyAvailable,
        None,
        now,
    );
    (s, out)
}

/// The member that accepted a Connect to a group holds the session: it opens.
pub(super) fn open_with(s: &mut Session, out: &mut Vec<Event>, now: Millis) -> u64 {
    let Some(t) = close_transfer(s, TransferState::Completed, "", now) else {
        return 0;
    };
    let holder = t.accepted_by_terminal_id.clone();
    let seq = emit(
        s,
        out,
        None,
        now,
        Payload::SessionOpened(pb::SessionOpened {
            holder_terminal_id: holder.clone(),
        }),
    );
    set_role(s, &holder, Role::Holder, 0);
    s.holder_terminal_id = holder.clone();
    s.set_state(pb::SessionState::Open);
    super::start_tenure(s, &holder, seq, now);
    seq
}
