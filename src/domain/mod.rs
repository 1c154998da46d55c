//! The session state machine: connect, transfer (offer → accept → disconnect), decline, cancel,
//! expiry and the handoff grace period. Plain data in, events out; no I/O.
//!
//! Every operation takes the session, the acting terminal and the time, checks that the actor
//! takes part in the session *before* anything else (so a foreign session and a missing one look
//! the same), mutates the session and returns the events to append. The group commit
//! (`crate::commit`) runs an operation on the session's current record and stores its outcome
//! only where no other write came between (a version check), so operations on one session are
//! serialized and sequence numbers are gap-free. Operations see the record, which holds of the
//! session's history only the current tenure: what needs older history gets it as an argument.

use std::collections::HashMap;
use std::time::Duration;

use prost_types::Timestamp;
use uuid::Uuid;

use crate::error::{Error, Reason, Result};

pub mod queue;
use crate::pb::{
    self, Event, Participant, Role, Session, SessionEndReason, SessionState, Tenure, Transfer,
    TransferState, event::Payload,
};

/// Milliseconds since the Unix epoch: the one clock representation in storage and the domain.
pub type Millis = i64;

pub fn now_millis() -> Millis {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

pub fn timestamp(ms: Millis) -> Timestamp {
    Timestamp {
        seconds: ms.div_euclid(1000),
        nanos: (ms.rem_euclid(1000) * 1_000_000) as i32,
    }
}

pub fn millis(ts: &Option<Timestamp>) -> Option<Millis> {
    ts.as_ref()
        .map(|t| t.seconds * 1000 + i64::from(t.nanos) / 1_000_000)
}

/// How long the server waits for the other side at each step.
#[derive(Debug, Clone, Copy)]
pub struct Timeouts {
    /// Connect: until the destination acknowledges.
    pub connect: Duration,
    /// Transfer: until the target accepts or declines.
    pub offer: Duration,
    /// After acceptance: until the holder disconnects by itself.
    pub handoff_grace: Duration,
}

/// Size limits on what terminals put into a session.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub max_message_bytes: usize,
    pub max_facts_per_request: usize,
    pub max_facts_per_session: usize,
    pub max_fact_key_bytes: usize,
    pub max_fact_value_bytes: usize,
    pub max_note_bytes: usize,
    pub max_reason_bytes: usize,
    /// Transfers a session may complete (holder changes); a Transfer beyond is refused.
    pub max_hops: u32,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_message_bytes: 16 * 1024,
            max_facts_per_request: 64,
            max_facts_per_session: 256,
            max_fact_key_bytes: 128,
            max_fact_value_bytes: 4096,
            max_note_bytes: 4096,
            max_reason_bytes: 1024,
            max_hops: 256,
        }
    }
}

fn ms_after(now: Millis, d: Duration) -> Millis {
    now.saturating_add(d.as_millis() as i64)
}

/// The role of `actor` in the session, if it takes part in it.
pub fn role_of(s: &Session, actor: Uuid) -> Option<Role> {
    let id = actor.to_string();
    s.participants
        .iter()
        .find(|p| p.terminal_id == id)
        .map(|p| p.role())
}

/// The permission check every operation starts with: not taking part looks like not existing.
fn require_participant(s: &Session, actor: Uuid) -> Result<Role> {
    role_of(s, actor).ok_or(Error::NotFound("session"))
}

fn require_open(s: &Session) -> Result<()> {
    match s.state() {
        SessionState::Open => Ok(()),
        SessionState::Connecting => Err(Error::precondition(
            "the session is still waiting for the destination to acknowledge Connect",
        )),
        _ => Err(Error::precondition("the session has ended")),
    }
}

/// Appends an event to `out`, numbering it after the session's last sequence number.
fn emit(
    s: &mut Session,
    out: &mut Vec<Event>,
    author: Option<Uuid>,
    now: Millis,
    payload: Payload,
) -> u64 {
    s.last_seq += 1;
    out.push(Event {
        session_id: s.id.clone(),
        seq: s.last_seq,
        time: Some(timestamp(now)),
        author_terminal_id: author.map(|a| a.to_string()).unwrap_or_default(),
        payload: Some(payload),
    });
    s.last_seq
}

fn set_role(s: &mut Session, terminal: &str, role: Role, joined_seq: u64) {
    if let Some(p) = s
        .participants
        .iter_mut()
        .find(|p| p.terminal_id == terminal)
    {
        p.set_role(role);
    } else {
        s.participants.push(Participant {
            terminal_id: terminal.to_owned(),
            role: role as i32,
            joined_seq,
        });
    }
}

fn remove_participant(s: &mut Session, terminal: &str) {
    s.participants.retain(|p| p.terminal_id != terminal);
}

fn start_tenure(s: &mut Session, terminal: &str, seq: u64, now: Millis) {
    s.holder_terminal_id = terminal.to_owned();
    s.holders.push(Tenure {
        terminal_id: terminal.to_owned(),
        from_seq: seq,
        until_seq: 0,
        start_time: Some(timestamp(now)),
        end_time: None,
    });
}

fn end_tenure(s: &mut Session, seq: u64, now: Millis) {
    if let Some(t) = s.holders.last_mut().filter(|t| t.until_seq == 0) {
        t.until_seq = seq;
        t.end_time = Some(timestamp(now));
    }
}

/// Merges `facts` into the session's, refusing to grow past the per-session limit.
fn merge_facts(s: &mut Session, facts: &HashMap<String, String>, limits: &Limits) -> Result<()> {
    let new_keys = facts.keys().filter(|k| !s.facts.contains_key(*k)).count();
    if s.facts.len() + new_keys > limits.max_facts_per_session {
        return Err(Error::ResourceExhausted(format!(
            "a session holds at most {} facts",
            limits.max_facts_per_session
        )));
    }
    s.facts
        .extend(facts.iter().map(|(k, v)| (k.clone(), v.clone())));
    Ok(())
}

/// What Connect needs to open a session.
pub struct NewSession {
    pub id: Uuid,
    pub caller_terminal: Uuid,
    pub destination: Uuid,
    pub caller: pb::Caller,
    pub channel: pb::Channel,
    pub facts: HashMap<String, String>,
}

/// Connect (claims 32, 37): the session starts CONNECTING, waiting for the destination.
pub fn open(n: NewSession, now: Millis, t: &Timeouts) -> (Session, Vec<Event>) {
    let deadline = ms_after(now, t.connect);
    let mut s = Session {
        id: n.id.to_string(),
        channel: n.channel as i32,
        caller: Some(n.caller.clone()),
        caller_terminal_id: n.caller_terminal.to_string(),
        holder_terminal_id: n.destination.to_string(),
        state: SessionState::Connecting as i32,
        facts: n.facts.clone(),
        create_time: Some(timestamp(now)),
        connect_deadline: Some(timestamp(deadline)),
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
            destination_terminal_id: n.destination.to_string(),
            connect_deadline: Some(timestamp(deadline)),
            destination_group: String::new(),
        }),
    );
    set_role(&mut s, &n.caller_terminal.to_string(), Role::Caller, seq);
    set_role(&mut s, &n.destination.to_string(), Role::Holder, seq);
    (s, out)
}

/// The destination acknowledges Connect: the session opens and the destination holds it.
pub fn acknowledge_connect(s: &mut Session, actor: Uuid, now: Millis) -> Result<Vec<Event>> {
    let role = require_participant(s, actor)?;
    if role != Role::Holder || s.state() != SessionState::Connecting {
        return Err(Error::precondition(match s.state() {
            SessionState::Open if role == Role::Holder => "the session is already open",
            SessionState::Ended => "the connect attempt has ended",
            _ => "the session is not waiting for this terminal's acknowledgement",
        }));
    }
    let mut out = Vec::new();
    let seq = emit(
        s,
        &mut out,
        Some(actor),
        now,
        Payload::SessionOpened(pb::SessionOpened {
            holder_terminal_id: actor.to_string(),
        }),
    );
    s.set_state(SessionState::Open);
    s.connect_deadline = None;
    start_tenure(s, &actor.to_string(), seq, now);
    Ok(out)
}

/// Who a message from `actor` goes to, if `actor` may write now (claim 38: source and destination).
pub fn message_destination(s: &Session, actor: Uuid) -> Result<String> {
    let role = require_participant(s, actor)?;
    require_open(s)?;
    match role {
        Role::Caller => Ok(s.holder_terminal_id.clone()),
        Role::Holder => Ok(s.caller_terminal_id.clone()),
        Role::Incoming => Err(Error::precondition(
            "this terminal accepted the transfer; it can write once the current holder disconnects",
        )),
        _ => Err(Error::precondition(
            "only the caller's terminal and the holder can write; accept the transfer first",
        )),
    }
}

/// A message event (claims 33, 38). No per-message state: ordering is the sequence number.
pub fn post_message(s: &mut Session, actor: Uuid, body: String, now: Millis) -> Result<Vec<Event>> {
    let destination_terminal_id = message_destination(s, actor)?;
    let mut out = Vec::new();
    emit(
        s,
        &mut out,
        Some(actor),
        now,
        Payload::MessagePosted(pb::MessagePosted {
            body,
            destination_terminal_id,
        }),
    );
    Ok(out)
}

/// Why a transfer has nobody to go to, found out before the session is locked but reported
/// only after the permission check, so a foreign session reveals nothing about terminals.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoCandidate {
    NoSuchTerminal,
    NoSuchGroup(String),
    NobodyAvailable(String),
    /// The transfer rules do not let the actor transfer to this target.
    NotAllowed(String),
}

/// What Transfer needs besides the session.
pub struct Offer {
    pub transfer_id: Uuid,
    pub target: pb::TransferTarget,
    /// Whom to offer to: the target terminal, or the members of the target group chosen by its
    /// strategy (none: the transfer waits in the group's queue).
    pub candidates: std::result::Result<Vec<Uuid>, NoCandidate>,
    /// For a group target: how the group routes, and where the transfer would stand in its queue.
    pub route: Option<queue::Route>,
    pub facts: HashMap<String, String>,
    pub note: String,
}

impl Offer {
    /// An offer to one particular terminal, known to exist, with no facts or note.
    pub fn to_terminal(transfer_id: Uuid, target: Uuid) -> Offer {
        Offer {
            transfer_id,
            target: pb::TransferTarget {
                kind: Some(pb::transfer_target::Kind::TerminalId(target.to_string())),
            },
            candidates: Ok(vec![target]),
            route: None,
            facts: HashMap::new(),
            note: String::new(),
        }
    }
}

/// Transfer (claims 1, 7, 8, 35): the holder offers the session to a terminal or a group.
pub fn offer_transfer(
    s: &mut Session,
    actor: Uuid,
    o: Offer,
    now: Millis,
    t: &Timeouts,
    limits: &Limits,
) -> Result<Vec<Event>> {
    let role = require_participant(s, actor)?;
    require_open(s)?;
    if role != Role::Holder {
        return Err(Error::precondition(
            "only the holder can transfer the session",
        ));
    }
    let candidates = match o.candidates {
        Ok(c) => c,
        Err(NoCandidate::NoSuchTerminal) => return Err(Error::NotFound("target terminal")),
        Err(NoCandidate::NoSuchGroup(_)) => return Err(Error::NotFound("target group")),
        Err(NoCandidate::NobodyAvailable(g)) => {
            return Err(Error::Unavailable(format!(
                "no member of group {g:?} is attached; the session stays with its holder"
            )));
        }
        Err(NoCandidate::NotAllowed(target)) => {
            return Err(Error::refused(
                Reason::TargetNotAllowed,
                format!("the transfer rules do not allow this terminal to transfer to {target}"),
            ));
        }
    };
    if s.hops >= limits.max_hops {
        return Err(Error::refused(
            Reason::HopLimit,
            format!(
                "the session has been transferred {} times, the most this server allows",
                s.hops
            ),
        ));
    }
    if let Some(active) = &s.active_transfer {
        return Err(Error::precondition(format!(
            "transfer {} is already in flight; cancel it or wait for its outcome",
            active.id
        )));
    }
    let is_group = matches!(o.target.kind, Some(pb::transfer_target::Kind::Group(_)));
    // A group offer skips members already in the session (the holder itself, say).
    let offered_to: Vec<String> = candidates
        .iter()
        .filter(|c| role_of(s, **c).is_none())
        .map(Uuid::to_string)
        .collect();
    if let Some(route) = o
        .route
        .as_ref()
        .filter(|_| is_group && offered_to.is_empty())
    {
        merge_facts(s, &o.facts, limits)?;
        return Ok(queue::enqueue(
            s,
            actor,
            o.transfer_id,
            o.target,
            o.facts,
            o.note,
            route,
            now,
        ));
    }
    if offered_to.is_empty() || (!is_group && offered_to.len() != candidates.len()) {
        return Err(Error::precondition(if is_group {
            "every available member of the group already takes part in this session"
        } else {
            "the target already takes part in this session"
        }));
    }
    merge_facts(s, &o.facts, limits)?;
    let mut transfer = Transfer {
        id: o.transfer_id.to_string(),
        session_id: s.id.clone(),
        from_terminal_id: actor.to_string(),
        target: Some(o.target),
        facts: o.facts,
        note: o.note,
        state: TransferState::Offered as i32,
        offered_seq: s.last_seq + 1,
        offer_time: Some(timestamp(now)),
        expire_time: Some(timestamp(ms_after(now, t.offer))),
        offered_to_terminal_ids: offered_to.clone(),
        ..Default::default()
    };
    if let Some(route) = &o.route {
        queue::routed(s, &mut transfer, route, now, t);
    }
    let mut out = Vec::new();
    let seq = emit(
        s,
        &mut out,
        Some(actor),
        now,
        Payload::TransferOffered(pb::TransferOffered {
            transfer: Some(transfer.clone()),
            context: None,
        }),
    );
    transfer.offered_seq = seq;
    for target in &offered_to {
        set_role(s, target, Role::Target, seq);
    }
    s.active_transfer = Some(transfer);
    Ok(out)
}

/// The terminal a transfer to a particular terminal is addressed to ("" for a group).
pub fn transfer_target(t: &Transfer) -> &str {
    match t.target.as_ref().and_then(|t| t.kind.as_ref()) {
        Some(pb::transfer_target::Kind::TerminalId(id)) => id,
        _ => "",
    }
}

/// Whether the offer is (still) open to `terminal`: offered to it and not declined by it.
pub fn is_offered_to(t: &Transfer, terminal: &str) -> bool {
    t.offered_to_terminal_ids.iter().any(|x| x == terminal) && queue::may_offer(t, terminal)
}

/// Removes the offer's targets that have not accepted from the participants.
fn withdraw_offer(s: &mut Session, t: &Transfer) {
    let targets: Vec<String> = s
        .participants
        .iter()
        .filter(|p| p.role() == Role::Target && t.offered_to_terminal_ids.contains(&p.terminal_id))
        .map(|p| p.terminal_id.clone())
        .collect();
    for target in targets {
        remove_participant(s, &target);
    }
}

/// Why `actor` can no longer answer transfer `t`.
fn closed_offer(t: &Transfer, actor: &str) -> Error {
    if !t.accepted_by_terminal_id.is_empty() && t.accepted_by_terminal_id != actor {
        return Error::precondition(format!(
            "transfer {} was accepted by another terminal",
            t.id
        ));
    }
    if t.declined_by_terminal_ids.iter().any(|x| x == actor) {
        return Error::precondition(format!("transfer {} was declined by this terminal", t.id));
    }
    Error::precondition(format!(
        "transfer {} is no longer open: {}",
        t.id,
        state_word(t.state())
    ))
}

/// Finds the open transfer `transfer_id` addressed to `actor`, explaining precisely why not to a
/// terminal that takes part. One that no longer does (it declined, the offer was cancelled,
/// expired or taken by another member) is told what any stranger is: the session is not found.
fn open_offer_for(s: &mut Session, actor: Uuid, transfer_id: Uuid) -> Result<&mut Transfer> {
    let actor_s = actor.to_string();
    let tid = transfer_id.to_string();
    require_participant(s, actor)?;
    if let Some(past) = s.past_transfers.iter().find(|t| t.id == tid) {
        return Err(closed_offer(past, &actor_s));
    }
    match s.active_transfer.as_mut() {
        Some(t) if t.id == tid => {
            if !is_offered_to(t, &actor_s) {
                Err(Error::precondition(
                    "this transfer is not addressed to this terminal",
                ))
            } else if t.state() != TransferState::Offered {
                Err(closed_offer(t, &actor_s))
            } else {
                Ok(t)
            }
        }
        _ => Err(Error::NotFound("transfer")),
    }
}

fn state_word(s: TransferState) -> &'static str {
    match s {
        TransferState::Offered => "offered",
        TransferState::Accepted => "accepted",
        TransferState::Completed => "completed",
        TransferState::Declined => "declined",
        TransferState::Cancelled => "cancelled",
        TransferState::Expired => "expired",
        TransferState::Aborted => "aborted",
        TransferState::Queued => "queued",
        TransferState::Unspecified => "unknown",
    }
}

/// AcceptTransfer (claims 9, 10, 12, 19): the reply to one offer.
pub fn accept_transfer(
    s: &mut Session,
    actor: Uuid,
    transfer_id: Uuid,
    now: Millis,
    t: &Timeouts,
) -> Result<Vec<Event>> {
    let deadline = ms_after(now, t.handoff_grace);
    let transfer = open_offer_for(s, actor, transfer_id)?;
    transfer.set_state(TransferState::Accepted);
    transfer.accept_time = Some(timestamp(now));
    transfer.handoff_deadline = Some(timestamp(deadline));
    transfer.accepted_by_terminal_id = actor.to_string();
    let accepted = transfer.clone();
    // First accept wins: the other members of a group lose the offer at this event.
    set_role(s, &actor.to_string(), Role::Incoming, 0);
    withdraw_offer(s, &accepted);
    let mut out = Vec::new();
    emit(
        s,
        &mut out,
        Some(actor),
        now,
        Payload::TransferAccepted(pb::TransferAccepted {
            transfer_id: transfer_id.to_string(),
            accepted_by_terminal_id: actor.to_string(),
            handoff_deadline: Some(timestamp(deadline)),
        }),
    );
    // The server re-queued a session whose holder was away: nobody is there to disconnect.
    if accepted.server_initiated {
        complete_handoff(s, &mut out, None, now);
    }
    Ok(out)
}

/// Moves the active transfer into the history with its final state.
fn close_transfer(
    s: &mut Session,
    state: TransferState,
    reason: &str,
    now: Millis,
) -> Option<Transfer> {
    let mut t = s.active_transfer.take()?;
    t.set_state(state);
    t.end_time = Some(timestamp(now));
    // No longer waiting anywhere.
    t.queue_position = 0;
    t.queue_deadline = None;
    t.reason = reason.to_owned();
    s.past_transfers.push(t.clone());
    Some(t)
}

/// DeclineTransfer: the holder keeps the session and is told why.
pub fn decline_transfer(
    s: &mut Session,
    actor: Uuid,
    transfer_id: Uuid,
    reason: String,
    policies: &queue::Policies,
    now: Millis,
) -> Result<Vec<Event>> {
    let transfer = open_offer_for(s, actor, transfer_id)?;
    transfer.declined_by_terminal_ids.push(actor.to_string());
    // A group offer stays open while some member may still take it.
    let everyone_declined = !transfer
        .offered_to_terminal_ids
        .iter()
        .any(|m| queue::may_offer(transfer, m));
    let requeued = everyone_declined && queue::is_routed(transfer);
    remove_participant(s, &actor.to_string());
    if requeued {
        queue::back_to_queue(s, policies, pb::QueueReason::Declined, now);
    } else if everyone_declined {
        close_transfer(s, TransferState::Declined, &reason, now);
    }
    let mut out = Vec::new();
    emit(
        s,
        &mut out,
        Some(actor),
        now,
        Payload::TransferDeclined(pb::TransferDeclined {
            transfer_id: transfer_id.to_string(),
            declined_by_terminal_id: actor.to_string(),
            reason,
            requeued,
        }),
    );
    Ok(out)
}

/// CancelTransfer: the holder withdraws an offer nobody has accepted yet.
pub fn cancel_transfer(
    s: &mut Session,
    actor: Uuid,
    transfer_id: Uuid,
    reason: String,
    now: Millis,
) -> Result<Vec<Event>> {
    let role = require_participant(s, actor)?;
    if role != Role::Holder {
        return Err(Error::precondition("only the holder can cancel a transfer"));
    }
    let tid = transfer_id.to_string();
    match &s.active_transfer {
        Some(t)
            if t.id == tid
                && matches!(t.state(), TransferState::Offered | TransferState::Queued) => {}
        Some(t) if t.id == tid => {
            return Err(Error::precondition(
                "the transfer was accepted; disconnect to complete it",
            ));
        }
        _ => {
            return match s.past_transfers.iter().find(|t| t.id == tid) {
                Some(p) => Err(Error::precondition(format!(
                    "transfer {tid} is no longer open: {}",
                    state_word(p.state())
                ))),
                None => Err(Error::NotFound("transfer")),
            };
        }
    }
    let closed = close_transfer(s, TransferState::Cancelled, &reason, now);
    if let Some(t) = &closed {
        withdraw_offer(s, t);
    }
    let mut out = Vec::new();
    emit(
        s,
        &mut out,
        Some(actor),
        now,
        Payload::TransferCancelled(pb::TransferCancelled {
            transfer_id: tid,
            reason,
        }),
    );
    Ok(out)
}

/// Ends the session: an in-flight transfer is aborted (its target told), every tenure closed.
fn end_session(
    s: &mut Session,
    out: &mut Vec<Event>,
    author: Option<Uuid>,
    reason: SessionEndReason,
    now: Millis,
) -> u64 {
    if let Some(t) = close_transfer(s, TransferState::Aborted, "the session ended", now) {
        emit(
            s,
            out,
            author,
            now,
            Payload::TransferCancelled(pb::TransferCancelled {
                transfer_id: t.id.clone(),
                reason: "the session ended".to_owned(),
            }),
        );
        withdraw_offer(s, &t);
        if !t.accepted_by_terminal_id.is_empty() {
            remove_participant(s, &t.accepted_by_terminal_id);
        }
    }
    let seq = emit(
        s,
        out,
        author,
        now,
        Payload::SessionEnded(pb::SessionEnded {
            reason: reason as i32,
        }),
    );
    end_tenure(s, seq, now);
    s.set_state(SessionState::Ended);
    s.end_time = Some(timestamp(now));
    s.set_end_reason(reason);
    s.connect_deadline = None;
    seq
}

/// The holder hands the session to the accepted target and leaves (claims 1, 26, 31).
fn complete_handoff(
    s: &mut Session,
    out: &mut Vec<Event>,
    author: Option<Uuid>,
    now: Millis,
) -> u64 {
    if s.state() == SessionState::Connecting {
        return queue::open_with(s, out, now);
    }
    let left = s.holder_terminal_id.clone();
    let Some(t) = close_transfer(s, TransferState::Completed, "", now) else {
        return 0;
    };
    let next = t.accepted_by_terminal_id.clone();
    // A transfer to a particular terminal takes the session out of the group it was routed
    // through (that group's away re-queue no longer applies to it).
    if !queue::is_routed(&t) {
        s.group.clear();
    }
    let seq = emit(
        s,
        out,
        author,
        now,
        Payload::HolderDisconnected(pb::HolderDisconnected {
            left_terminal_id: left.clone(),
            continued_by_terminal_id: next.clone(),
            transfer_id: t.id.clone(),
            forced: author.is_none(),
        }),
    );
    end_tenure(s, seq, now);
    remove_participant(s, &left);
    set_role(s, &next, Role::Holder, 0);
    start_tenure(s, &next, seq, now);
    s.hops += 1;
    seq
}

/// Disconnect (claims 1, 31, 36): returns the events and the sequence number of the decisive one.
pub fn disconnect(s: &mut Session, actor: Uuid, now: Millis) -> Result<(Vec<Event>, u64)> {
    let role = require_participant(s, actor)?;
    if s.state() == SessionState::Ended {
        return Err(Error::precondition("the session has already ended"));
    }
    let mut out = Vec::new();
    let seq = match role {
        Role::Caller => end_session(
            s,
            &mut out,
            Some(actor),
            SessionEndReason::CallerDisconnected,
            now,
        ),
        Role::Holder if s.state() == SessionState::Connecting => {
            return Err(Error::precondition(
                "the session is not open yet; acknowledge Connect or let it time out",
            ));
        }
        Role::Holder => match &s.active_transfer {
            Some(t) if t.state() == TransferState::Accepted => {
                complete_handoff(s, &mut out, Some(actor), now)
            }
            _ => end_session(
                s,
                &mut out,
                Some(actor),
                SessionEndReason::HolderDisconnected,
                now,
            ),
        },
        _ => {
            return Err(Error::precondition(
                "only the holder or the caller's terminal can disconnect",
            ));
        }
    };
    Ok((out, seq))
}

/// The caller's terminal acknowledges that it was told of a holder change (claim 31).
///
/// `handoff` says whether the event at `seq` is a holder change ([`is_handoff`]): the log says
/// so, which the session itself keeps only of its current holder.
pub fn acknowledge_disconnect(
    s: &mut Session,
    actor: Uuid,
    seq: u64,
    handoff: bool,
    now: Millis,
) -> Result<Vec<Event>> {
    let role = require_participant(s, actor)?;
    if role != Role::Caller {
        return Err(Error::precondition(
            "only the caller's terminal acknowledges a disconnect",
        ));
    }
    if s.state() == SessionState::Ended {
        // Nothing follows the end of a session in its log; a late acknowledgement is moot.
        return Ok(Vec::new());
    }
    if !handoff {
        return Err(Error::invalid(
            "seq",
            format!("event {seq} is not a holder change of this session"),
        ));
    }
    if seq <= s.acknowledged_disconnect_seq {
        return Ok(Vec::new());
    }
    s.acknowledged_disconnect_seq = seq;
    let mut out = Vec::new();
    emit(
        s,
        &mut out,
        Some(actor),
        now,
        Payload::DisconnectAcknowledged(pb::DisconnectAcknowledged {
            disconnect_seq: seq,
        }),
    );
    Ok(out)
}

/// The earliest time at which `on_deadline` has something to do.
pub fn next_deadline(s: &Session) -> Option<Millis> {
    match s.state() {
        SessionState::Connecting if s.connect_deadline.is_some() => millis(&s.connect_deadline),
        // A Connect to a group has no connect deadline: its queue's deadlines apply.
        SessionState::Connecting | SessionState::Open => {
            s.active_transfer.as_ref().and_then(|t| match t.state() {
                TransferState::Offered => millis(&t.expire_time),
                TransferState::Accepted => millis(&t.handoff_deadline),
                _ => queue::deadline(t),
            })
        }
        _ => None,
    }
}

/// The server acts when nobody did: a connect nobody acknowledged ends, an offer nobody answered
/// expires, a holder that let the grace period pass is disconnected.
pub fn on_deadline(s: &mut Session, now: Millis) -> Vec<Event> {
    on_deadline_routed(s, now, &queue::Policies::default())
}

/// [`on_deadline`], with the groups' routing: a routed offer nobody answered returns to its
/// queue, and a transfer that waited its queue's maximum overflows or expires.
pub fn on_deadline_routed(s: &mut Session, now: Millis, policies: &queue::Policies) -> Vec<Event> {
    let mut out = Vec::new();
    if next_deadline(s).is_none_or(|d| d > now) {
        return out;
    }
    if s.state() == SessionState::Connecting && s.connect_deadline.is_some() {
        end_session(
            s,
            &mut out,
            None,
            SessionEndReason::ConnectNotAcknowledged,
            now,
        );
        return out;
    }
    let state = s.active_transfer.as_ref().map(|t| t.state());
    let routed = s.active_transfer.as_ref().is_some_and(queue::is_routed);
    match state {
        Some(TransferState::Offered) if routed => queue::ring_timeout(s, &mut out, policies, now),
        Some(TransferState::Queued) => queue::max_wait_passed(s, &mut out, policies, now),
        Some(TransferState::Offered) => {
            if let Some(t) =
                close_transfer(s, TransferState::Expired, "nobody accepted in time", now)
            {
                withdraw_offer(s, &t);
                emit(
                    s,
                    &mut out,
                    None,
                    now,
                    Payload::TransferExpired(pb::TransferExpired {
                        transfer_id: t.id,
                        ..Default::default()
                    }),
                );
            }
        }
        Some(TransferState::Accepted) => {
            complete_handoff(s, &mut out, None, now);
        }
        _ => {}
    }
    out
}

/// Whether `e` hands the session from one holder to the next (the event a caller's terminal
/// acknowledges with AcknowledgeDisconnect).
pub fn is_handoff(e: &Event) -> bool {
    matches!(&e.payload, Some(Payload::HolderDisconnected(h)) if !h.continued_by_terminal_id.is_empty())
}

/// Whether `me` had a part in `s` that began before `joined`: a tenure as holder, or a transfer
/// offered to it (declined or not). A stream that knows only the part beginning at `joined` must
/// then look back for the earlier one, which the terminal may never have been shown.
pub fn took_part_before(s: &Session, me: &str, joined: u64) -> bool {
    s.holders
        .iter()
        .any(|t| t.terminal_id == me && t.from_seq < joined)
        || s.past_transfers
            .iter()
            .chain(s.active_transfer.as_ref())
            .any(|t| t.offered_seq < joined && t.offered_to_terminal_ids.iter().any(|x| x == me))
}

/// What a terminal following a session on its stream knows of its own part in it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Part {
    /// The transfer offered to this terminal that it has neither accepted nor lost yet.
    pub pending_offer: Option<String>,
}

impl Part {
    /// Whether `me` takes part in a session right after `log` (its control events from the first
    /// one, in order; `caller` is the session's caller terminal), and in what state: for a resume
    /// cursor that may lie inside an earlier part of a terminal that left and joined again.
    pub fn after(me: &str, caller: &str, log: &[Event]) -> Option<Part> {
        let mut part = Part::default();
        let mut inside = me == caller;
        for e in log {
            inside |= Part::joins(me, e);
            if part.ends_with(me, e) {
                inside = false;
                part = Part::default();
            }
        }
        inside.then_some(part)
    }

    /// Whether `e` makes `me` take part (again): the session requested of it, or offered to it.
    pub fn joins(me: &str, e: &Event) -> bool {
        match &e.payload {
            Some(Payload::SessionRequested(r)) => r.destination_terminal_id == me,
            Some(Payload::TransferOffered(o)) => {
                o.transfer.as_ref().is_some_and(|t| is_offered_to(t, me))
            }
            _ => false,
        }
    }

    /// Follows `e` and tells whether it is the last event of the session `me` is to be shown:
    /// the log itself says when a terminal leaves, so a stream never runs past it, whatever it
    /// has read of the membership rows.
    pub fn ends_with(&mut self, me: &str, e: &Event) -> bool {
        let mine = |id: &str| self.pending_offer.as_deref() == Some(id);
        match &e.payload {
            Some(Payload::TransferOffered(o)) => {
                if o.transfer.as_ref().is_some_and(|t| is_offered_to(t, me)) {
                    self.pending_offer = o.transfer.as_ref().map(|t| t.id.clone());
                }
                false
            }
            Some(Payload::TransferAccepted(a)) if mine(&a.transfer_id) => {
                self.pending_offer = None;
                a.accepted_by_terminal_id != me
            }
            Some(Payload::TransferDeclined(d)) if d.declined_by_terminal_id == me => true,
            Some(Payload::TransferCancelled(c)) if mine(&c.transfer_id) => true,
            Some(Payload::TransferExpired(x)) if mine(&x.transfer_id) => true,
            Some(Payload::HolderDisconnected(h)) => h.left_terminal_id == me,
            Some(Payload::SessionEnded(_)) => true,
            _ => false,
        }
    }
}

/// The session as `actor` may see it. Transfer negotiation is internal to the serving side: the
/// caller's terminal sees neither the transfer in flight (its note is the holder's) nor past
/// transfers, nor the terminals that are only offered the session or about to take it over.
pub fn view_for(mut s: Session, actor: Uuid) -> Session {
    if s.caller_terminal_id == actor.to_string() {
        s.active_transfer = None;
        s.past_transfers.clear();
        s.participants
            .retain(|p| matches!(p.role(), Role::Caller | Role::Holder));
    }
    s
}

/// Transfer negotiation is internal to the serving side; the caller's terminal does not see it.
pub fn visible_to(role: Role, e: &Event) -> bool {
    role != Role::Caller
        || !matches!(
            e.payload,
            Some(
                Payload::TransferOffered(_)
                    | Payload::TransferAccepted(_)
                    | Payload::TransferDeclined(_)
                    | Payload::TransferCancelled(_)
                    | Payload::TransferExpired(_)
                    | Payload::TransferQueued(_)
            )
        )
}

/// The short name stored beside each event, for queries that pick kinds (the dialog).
pub fn kind_name(e: &Event) -> &'static str {
    match e.payload {
        Some(Payload::SessionRequested(_)) => "session_requested",
        Some(Payload::SessionOpened(_)) => "session_opened",
        Some(Payload::MessagePosted(_)) => "message",
        Some(Payload::TransferOffered(_)) => "transfer_offered",
        Some(Payload::TransferAccepted(_)) => "transfer_accepted",
        Some(Payload::TransferDeclined(_)) => "transfer_declined",
        Some(Payload::TransferCancelled(_)) => "transfer_cancelled",
        Some(Payload::TransferExpired(_)) => "transfer_expired",
        Some(Payload::TransferQueued(_)) => "transfer_queued",
        Some(Payload::HolderDisconnected(_)) => "holder_disconnected",
        Some(Payload::DisconnectAcknowledged(_)) => "disconnect_acknowledged",
        Some(Payload::SessionEnded(_)) => "session_ended",
        None => "unknown",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn timeouts() -> Timeouts {
        Timeouts {
            connect: Duration::from_secs(10),
            offer: Duration::from_secs(30),
            handoff_grace: Duration::from_secs(5),
        }
    }

    fn open_session(gw: Uuid, bot: Uuid) -> Session {
        let (mut s, _) = open(
            NewSession {
                id: Uuid::now_v7(),
                caller_terminal: gw,
                destination: bot,
                caller: pb::Caller {
                    id: "+15550100".into(),
                    display_name: String::new(),
                },
                channel: pb::Channel::Sms,
                facts: HashMap::new(),
            },
            1_000,
            &timeouts(),
        );
        acknowledge_connect(&mut s, bot, 1_001).expect("ack");
        s
    }

    #[test]
    fn sequence_numbers_are_gap_free_across_a_whole_transfer() {
        let (gw, bot, agent) = (Uuid::new_v4(), Uuid::new_v4(), Uuid::new_v4());
        let mut s = open_session(gw, bot);
        let mut seqs = vec![1, 2];
        let mut push = |evs: Vec<Event>| seqs.extend(evs.iter().map(|e| e.seq));
        push(post_message(&mut s, gw, "hi".into(), 2_000).unwrap());
        let tid = Uuid::new_v4();
        push(
            offer_transfer(
                &mut s,
                bot,
                Offer::to_terminal(tid, agent),
                3_000,
                &timeouts(),
                &Limits::default(),
            )
            .unwrap(),
        );
        push(accept_transfer(&mut s, agent, tid, 3_500, &timeouts()).unwrap());
        push(disconnect(&mut s, bot, 3_600).unwrap().0);
        push(post_message(&mut s, agent, "hello".into(), 4_000).unwrap());
        assert_eq!(seqs, (1..=seqs.len() as u64).collect::<Vec<_>>());
        assert_eq!(s.holder_terminal_id, agent.to_string());
        assert_eq!(role_of(&s, bot), None);
        assert_eq!(s.holders.len(), 2);
    }

    #[test]
    fn offer_expires_and_handoff_is_forced_after_grace() {
        let (gw, bot, agent) = (Uuid::new_v4(), Uuid::new_v4(), Uuid::new_v4());
        let mut s = open_session(gw, bot);
        let offer = |id| Offer::to_terminal(id, agent);
        offer_transfer(
            &mut s,
            bot,
            offer(Uuid::new_v4()),
            0,
            &timeouts(),
            &Limits::default(),
        )
        .unwrap();
        assert!(on_deadline(&mut s, 29_999).is_empty());
        let ev = on_deadline(&mut s, 30_000);
        assert!(matches!(ev[0].payload, Some(Payload::TransferExpired(_))));
        assert_eq!(s.holder_terminal_id, bot.to_string());

        let tid = Uuid::new_v4();
        offer_transfer(
            &mut s,
            bot,
            offer(tid),
            40_000,
            &timeouts(),
            &Limits::default(),
        )
        .unwrap();
        accept_transfer(&mut s, agent, tid, 41_000, &timeouts()).unwrap();
        let ev = on_deadline(&mut s, 46_000);
        match &ev[0].payload {
            Some(Payload::HolderDisconnected(h)) => assert!(h.forced),
            other => panic!("unexpected {other:?}"),
        }
        assert_eq!(s.holder_terminal_id, agent.to_string());
        assert_eq!(next_deadline(&s), None);
    }
}
