//! The routing checks, from the sessions' logs and the database: every transfer that entered a
//! queue ends in a known way, no terminal holds more than its capacity, and a group that offers
//! one member at a time never offers a session to two. Written from the protocol (the proto's
//! comments), not from the server's code, like the rest of the checker.

use std::collections::{BTreeSet, HashMap};

use handoff::pb::{self, QueueReason, RoutingStrategy, TransferState, event::Payload};

use crate::db::{RouteRow, SeatCount};
use crate::events::{self, Millis};

/// What the checker knows of the run's routing: how each group routes and each terminal's
/// capacity (terminals without one are not limited).
#[derive(Debug, Clone, Default)]
pub struct Setup {
    pub strategies: HashMap<String, RoutingStrategy>,
    /// Terminal id -> capacity.
    pub capacity: HashMap<String, u32>,
}

impl Setup {
    /// Whether `group` offers a session to one member at a time.
    pub fn one_at_a_time(&self, group: &str) -> bool {
        matches!(
            self.strategies.get(group),
            Some(RoutingStrategy::LongestIdle | RoutingStrategy::LeastLoaded)
        )
    }
}

/// What the database and the run's setup tell the routing checks.
#[derive(Debug, Clone, Default)]
pub struct Evidence {
    pub setup: Setup,
    /// Every session row, read after the load while sessions were still open.
    pub rows_before: Vec<RouteRow>,
    /// Every session row, read once every session had ended.
    pub rows_after: Vec<RouteRow>,
    /// The seats left once every session had ended.
    pub seats_at_end: Vec<SeatCount>,
    /// The seats sampled during the run.
    pub seat_samples: SeatSamples,
}

/// The seats per terminal as sampled from the database during the run.
#[derive(Debug, Clone, Default)]
pub struct SeatSamples {
    pub taken: u64,
    /// (sample, terminal) pairs over the terminal's capacity.
    pub over: u64,
    /// The first few of those.
    pub notes: Vec<String>,
}

/// The members an offer is still open to: offered, and neither declined nor let ring. (A
/// transfer offered again from its queue keeps the earlier members in `offered_to_terminal_ids`.)
pub fn open_members(t: &pb::Transfer) -> Vec<String> {
    let mut to: Vec<String> = t
        .offered_to_terminal_ids
        .iter()
        .filter(|m| {
            !t.declined_by_terminal_ids.contains(m) && !t.unanswered_by_terminal_ids.contains(m)
        })
        .cloned()
        .collect();
    if to.is_empty() && t.offered_to_terminal_ids.is_empty() {
        let target = events::transfer_target(t);
        if !target.is_empty() {
            to.push(target.to_owned());
        }
    }
    to
}

/// The reason the server gives a transfer it aborts because the session ended.
const SESSION_ENDED: &str = "the session ended";

/// How the transfers that entered a queue ended, over the logs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QueueOutcomes {
    /// Transfers with a TransferQueued in their session's log.
    pub queued: u64,
    /// TransferOffered events the queue made (the server's, of a routed transfer).
    pub offered_from_queue: u64,
    /// TransferQueued events with reason OVERFLOW.
    pub overflowed: u64,
    /// Sessions the server re-queued because their holder was away (reason HOLDER_AWAY).
    pub away_requeued: u64,
    /// Queued transfers accepted and handed over.
    pub completed: u64,
    /// Queued transfers that expired after their queue's maximum wait.
    pub expired: u64,
    /// Queued transfers the holder cancelled while they waited (not being offered).
    pub cancelled_while_queued: u64,
    /// Queued transfers the holder cancelled while one of their offers was open.
    pub cancelled_while_offered: u64,
    /// Queued transfers aborted because the session ended.
    pub aborted: u64,
    /// Queued transfers still in flight at the end of the log, the session open.
    pub in_flight_at_end: u64,
    /// Queued transfers that ended in no known way (or vanished).
    pub lost: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stage {
    Queued,
    Offered,
    Accepted,
}

/// The transfer in flight in a session, as the log tells it.
struct Flight {
    id: String,
    queued: bool,
    stage: Stage,
    /// While offered: the members the offer is open to.
    open: Vec<String>,
    /// The seq of its first TransferQueued.
    queued_at: u64,
}

/// Follows `log` and adds how its queued transfers ended to `out`; `session` is the session as
/// read after the log (a transfer still in flight at the end of the log must be its active one,
/// and the session open). Notes say what was lost.
pub fn queue_outcomes(
    sid: &str,
    log: &[pb::Event],
    session: &pb::Session,
    out: &mut QueueOutcomes,
    note: &mut dyn FnMut(String),
) {
    let mut flight: Option<Flight> = None;
    let mut lose = |out: &mut QueueOutcomes, f: &Flight, why: String| {
        if f.queued {
            out.lost += 1;
            note(format!(
                "session {sid}: transfer {} (queued at seq {}) lost from its queue: {why}",
                f.id, f.queued_at
            ));
        }
    };
    let mine = |flight: &Option<Flight>, id: &str| flight.as_ref().is_some_and(|f| f.id == id);
    for (i, e) in log.iter().enumerate() {
        match &e.payload {
            Some(Payload::TransferOffered(o)) => {
                let Some(t) = &o.transfer else { continue };
                let mut queued = false;
                let mut queued_at = 0;
                if let Some(f) = flight.take() {
                    if f.id == t.id {
                        queued = f.queued;
                        queued_at = f.queued_at;
                    } else {
                        lose(
                            out,
                            &f,
                            format!("transfer {} was offered at seq {} instead", t.id, e.seq),
                        );
                    }
                }
                if !t.queue_group.is_empty() && e.author_terminal_id.is_empty() {
                    out.offered_from_queue += 1;
                }
                flight = Some(Flight {
                    id: t.id.clone(),
                    queued,
                    stage: Stage::Offered,
                    open: open_members(t),
                    queued_at,
                });
            }
            Some(Payload::TransferQueued(q)) => {
                match q.reason() {
                    QueueReason::Overflow => out.overflowed += 1,
                    QueueReason::HolderAway => out.away_requeued += 1,
                    _ => {}
                }
                match flight.as_mut() {
                    Some(f) if f.id == q.transfer_id => {
                        if !f.queued {
                            f.queued = true;
                            f.queued_at = e.seq;
                            out.queued += 1;
                        }
                        f.stage = Stage::Queued;
                        f.open.clear();
                    }
                    _ => {
                        if let Some(f) = flight.take() {
                            lose(
                                out,
                                &f,
                                format!(
                                    "transfer {} was queued at seq {} instead",
                                    q.transfer_id, e.seq
                                ),
                            );
                        }
                        out.queued += 1;
                        flight = Some(Flight {
                            id: q.transfer_id.clone(),
                            queued: true,
                            stage: Stage::Queued,
                            open: Vec::new(),
                            queued_at: e.seq,
                        });
                    }
                }
            }
            Some(Payload::TransferDeclined(d)) if mine(&flight, &d.transfer_id) => {
                let Some(f) = flight.as_mut() else { continue };
                f.open.retain(|m| *m != d.declined_by_terminal_id);
                if d.requeued {
                    f.stage = Stage::Queued;
                    f.open.clear();
                } else if f.open.is_empty()
                    && let Some(f) = flight.take()
                {
                    lose(
                        out,
                        &f,
                        format!("ended declined at seq {}, not back in its queue", e.seq),
                    );
                }
            }
            Some(Payload::TransferAccepted(a)) if mine(&flight, &a.transfer_id) => {
                if let Some(f) = flight.as_mut() {
                    f.stage = Stage::Accepted;
                    f.open.clear();
                }
            }
            Some(Payload::TransferExpired(x)) if mine(&flight, &x.transfer_id) => {
                if !x.unanswered_by_terminal_ids.is_empty() {
                    // The ring timeout: back to the queue.
                    if let Some(f) = flight.as_mut() {
                        f.stage = Stage::Queued;
                        f.open.clear();
                    }
                } else if let Some(f) = flight.take() {
                    if x.reason.is_empty() {
                        lose(
                            out,
                            &f,
                            format!("expired at seq {} without a reason", e.seq),
                        );
                    } else if f.queued {
                        out.expired += 1;
                    }
                }
            }
            Some(Payload::TransferCancelled(c)) if mine(&flight, &c.transfer_id) => {
                let Some(f) = flight.take() else { continue };
                let with_end = c.reason == SESSION_ENDED
                    && log
                        .get(i + 1)
                        .is_some_and(|n| matches!(n.payload, Some(Payload::SessionEnded(_))));
                match (f.queued, with_end, f.stage) {
                    (false, ..) => {}
                    (true, true, _) => out.aborted += 1,
                    (true, false, Stage::Queued) => out.cancelled_while_queued += 1,
                    (true, false, Stage::Offered) => out.cancelled_while_offered += 1,
                    (true, false, Stage::Accepted) => lose(
                        out,
                        &f,
                        format!("cancelled at seq {} after it was accepted", e.seq),
                    ),
                }
            }
            Some(Payload::HolderDisconnected(h)) if !h.transfer_id.is_empty() => {
                match flight.take() {
                    Some(f) if f.id == h.transfer_id && f.stage == Stage::Accepted && f.queued => {
                        out.completed += 1;
                    }
                    Some(f) if f.id == h.transfer_id && f.stage == Stage::Accepted => {}
                    Some(f) => lose(
                        out,
                        &f,
                        format!(
                            "the holder left at seq {} with transfer {}",
                            e.seq, h.transfer_id
                        ),
                    ),
                    None => {}
                }
            }
            Some(Payload::SessionEnded(_)) => {
                if let Some(f) = flight.take() {
                    lose(
                        out,
                        &f,
                        format!("the session ended at seq {} and it was not aborted", e.seq),
                    );
                }
            }
            _ => {}
        }
    }
    if let Some(f) = flight.filter(|f| f.queued) {
        let active = session.active_transfer.as_ref().filter(|t| t.id == f.id);
        let ended = session.state() == pb::SessionState::Ended;
        match active {
            Some(t)
                if !ended
                    && matches!(
                        t.state(),
                        TransferState::Queued | TransferState::Offered | TransferState::Accepted
                    ) =>
            {
                out.in_flight_at_end += 1;
            }
            _ => {
                out.lost += 1;
                note(format!(
                    "session {sid}: transfer {} (queued at seq {}) is unresolved at the end of \
                     the log, but the session is {:?} with active transfer {:?}",
                    f.id,
                    f.queued_at,
                    session.state(),
                    session
                        .active_transfer
                        .as_ref()
                        .map(|t| (t.id.as_str(), t.state()))
                ));
            }
        }
    }
}

/// Offers that broke the one-at-a-time rule of LONGEST_IDLE and LEAST_LOADED groups in `log`:
/// one open to other than exactly one member, or a second offer of the transfer before the
/// first ended (by its accept, decline, expiry, cancellation, or return to the queue).
pub fn double_offers(
    sid: &str,
    log: &[pb::Event],
    setup: &Setup,
    name: &dyn Fn(&str) -> String,
    note: &mut dyn FnMut(String),
) -> u64 {
    let mut found = 0;
    // The open one-at-a-time offer: (transfer, seq of its TransferOffered).
    let mut open: Option<(String, u64)> = None;
    for e in log {
        let ends = match &e.payload {
            Some(Payload::TransferAccepted(a)) => Some(&a.transfer_id),
            Some(Payload::TransferDeclined(d)) => Some(&d.transfer_id),
            Some(Payload::TransferExpired(x)) => Some(&x.transfer_id),
            Some(Payload::TransferCancelled(c)) => Some(&c.transfer_id),
            Some(Payload::TransferQueued(q)) => Some(&q.transfer_id),
            _ => None,
        };
        if let Some(id) = ends
            && open.as_ref().is_some_and(|(t, _)| t == id)
        {
            open = None;
        }
        let Some(Payload::TransferOffered(o)) = &e.payload else {
            continue;
        };
        let Some(t) = &o.transfer else { continue };
        if !setup.one_at_a_time(&t.queue_group) {
            continue;
        }
        let members: Vec<String> = open_members(t).iter().map(|m| name(m)).collect();
        if members.len() != 1 {
            found += 1;
            note(format!(
                "session {sid}: transfer {} of one-at-a-time group {:?} offered at seq {} to {} \
                 members at once: {:?}",
                t.id,
                t.queue_group,
                e.seq,
                members.len(),
                members
            ));
        }
        if let Some((id, at)) = open.as_ref().filter(|(id, _)| *id == t.id) {
            found += 1;
            note(format!(
                "session {sid}: transfer {id} of one-at-a-time group {:?} offered again at seq {} \
                 while its offer of seq {at} was open",
                t.queue_group, e.seq
            ));
        }
        open = Some((t.id.clone(), e.seq));
    }
    found
}

/// One stretch of time during which a terminal counted a session against its capacity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seated {
    pub terminal: String,
    pub session: String,
    pub from: Millis,
    /// [`Millis::MAX`] while it still does at the end of the log.
    pub until: Millis,
    pub from_seq: u64,
    pub until_seq: u64,
}

/// When each terminal counted the session against its capacity, from its log: as holder (from
/// SessionRequested or SessionOpened, or from its accept, until it left or the session ended),
/// as the terminal that accepted a transfer (until the handover or the end), and, `with_offers`,
/// as the one member a LONGEST_IDLE or LEAST_LOADED offer is open to (until the offer ends).
pub fn seated_intervals(
    sid: &str,
    log: &[pb::Event],
    setup: &Setup,
    with_offers: bool,
) -> Vec<Seated> {
    let mut holder: Option<String> = None;
    let mut incoming: Option<String> = None;
    let mut alone: Vec<String> = Vec::new();
    let mut since: HashMap<String, (Millis, u64)> = HashMap::new();
    let mut out = Vec::new();
    for e in log {
        match &e.payload {
            Some(Payload::SessionRequested(r)) => holder = Some(r.destination_terminal_id.clone()),
            Some(Payload::SessionOpened(o)) => holder = Some(o.holder_terminal_id.clone()),
            Some(Payload::TransferOffered(o)) => {
                alone = match &o.transfer {
                    Some(t) if with_offers && setup.one_at_a_time(&t.queue_group) => {
                        open_members(t)
                    }
                    _ => Vec::new(),
                };
            }
            Some(Payload::TransferAccepted(a)) => {
                incoming = Some(a.accepted_by_terminal_id.clone());
                alone.clear();
            }
            Some(Payload::TransferDeclined(d)) => alone.retain(|m| *m != d.declined_by_terminal_id),
            Some(Payload::TransferExpired(_)) | Some(Payload::TransferQueued(_)) => alone.clear(),
            Some(Payload::TransferCancelled(_)) => {
                alone.clear();
                incoming = None;
            }
            Some(Payload::HolderDisconnected(h)) => {
                holder = (!h.continued_by_terminal_id.is_empty())
                    .then(|| h.continued_by_terminal_id.clone());
                incoming = None;
            }
            Some(Payload::SessionEnded(_)) => {
                holder = None;
                incoming = None;
                alone.clear();
            }
            _ => continue,
        }
        let now: BTreeSet<&String> = holder
            .iter()
            .chain(incoming.iter())
            .chain(alone.iter())
            .collect();
        let at = events::millis(&e.time).unwrap_or(0);
        let left: Vec<String> = since.keys().filter(|t| !now.contains(t)).cloned().collect();
        for t in left {
            if let Some((from, from_seq)) = since.remove(&t) {
                out.push(Seated {
                    terminal: t,
                    session: sid.to_owned(),
                    from,
                    until: at,
                    from_seq,
                    until_seq: e.seq,
                });
            }
        }
        for t in now {
            since.entry(t.clone()).or_insert((at, e.seq));
        }
    }
    let last = log.last().map_or(0, |e| e.seq);
    for (t, (from, from_seq)) in since {
        out.push(Seated {
            terminal: t,
            session: sid.to_owned(),
            from,
            until: Millis::MAX,
            from_seq,
            until_seq: last,
        });
    }
    out
}

/// Moments at which a terminal counted more sessions than its capacity, from the intervals of
/// every session: an interval is [its first event's time, its last event's time], and two count
/// together only where one starts strictly before the other ends (events of different sessions
/// carry millisecond times of their own commits, so touching ends say nothing of the order).
/// Returns one note per terminal over capacity, and how many terminals were.
pub fn over_capacity(
    intervals: &[Seated],
    setup: &Setup,
    name: &dyn Fn(&str) -> String,
) -> (u64, Vec<String>) {
    let mut by_terminal: HashMap<&str, Vec<&Seated>> = HashMap::new();
    for s in intervals.iter().filter(|s| s.until > s.from) {
        by_terminal.entry(s.terminal.as_str()).or_default().push(s);
    }
    let mut found = 0;
    let mut notes = Vec::new();
    let mut terminals: Vec<&&str> = by_terminal.keys().collect();
    terminals.sort();
    for t in terminals {
        let Some(&cap) = setup.capacity.get(*t).filter(|c| **c > 0) else {
            continue;
        };
        let seats = &by_terminal[*t];
        // (time, +1 start / -1 end, index): ends sort before starts at the same time.
        let mut points: Vec<(Millis, i32, usize)> = Vec::new();
        for (i, s) in seats.iter().enumerate() {
            points.push((s.from, 1, i));
            points.push((s.until, -1, i));
        }
        points.sort();
        let mut open: BTreeSet<usize> = BTreeSet::new();
        for (at, delta, i) in points {
            if delta < 0 {
                open.remove(&i);
                continue;
            }
            open.insert(i);
            if open.len() > cap as usize {
                found += 1;
                let which: Vec<String> = open
                    .iter()
                    .map(|&j| {
                        let s = seats[j];
                        format!(
                            "{} seqs {}..{} ({}..{})",
                            s.session,
                            s.from_seq,
                            s.until_seq,
                            s.from,
                            if s.until == Millis::MAX {
                                "end".to_owned()
                            } else {
                                s.until.to_string()
                            }
                        )
                    })
                    .collect();
                notes.push(format!(
                    "{} (capacity {cap}) counted {} sessions at {at}: {}",
                    name(t),
                    open.len(),
                    which.join("; ")
                ));
                break;
            }
        }
    }
    (found, notes)
}

/// Terminals whose seats in the database exceed their capacity.
pub fn seats_over_capacity(counts: &[SeatCount], name: &dyn Fn(&str) -> String) -> Vec<String> {
    counts
        .iter()
        .filter(|c| c.capacity.is_some_and(|cap| cap > 0 && c.seats > cap))
        .map(|c| {
            format!(
                "{} holds {} seats with capacity {}",
                name(&c.terminal),
                c.seats,
                c.capacity.unwrap_or(0)
            )
        })
        .collect()
}

/// What the `route_state` column must say for a record: 1 while a routed transfer waits in its
/// queue, 2 while it is offered from there, else 0 (and always 0 once the session ended).
pub fn expected_route_state(s: &pb::Session) -> i64 {
    let live = matches!(
        s.state(),
        pb::SessionState::Open | pb::SessionState::Connecting
    );
    match s.active_transfer.as_ref() {
        Some(t) if live && !t.queue_group.is_empty() => match t.state() {
            TransferState::Queued => 1,
            TransferState::Offered => 2,
            _ => 0,
        },
        _ => 0,
    }
}

/// Session rows whose routing columns disagree with their own record: a queued transfer the
/// queue does not see (or a queue entry without one) is lost to routing.
pub fn route_state_mismatches(rows: &[RouteRow]) -> Vec<String> {
    rows.iter()
        .filter_map(|r| {
            let want = expected_route_state(&r.record);
            let group_ok = want == 0
                || r.record
                    .active_transfer
                    .as_ref()
                    .is_some_and(|t| r.group.as_deref() == Some(t.queue_group.as_str()));
            (r.route_state != want || !group_ok).then(|| {
                format!(
                    "session {}: route_state {} (group {:?}) but its record says {} ({:?} {:?} \
                     in group {:?}, session {:?})",
                    r.id,
                    r.route_state,
                    r.group,
                    want,
                    r.record.active_transfer.as_ref().map(|t| t.id.as_str()),
                    r.record.active_transfer.as_ref().map(|t| t.state()),
                    r.record
                        .active_transfer
                        .as_ref()
                        .map(|t| t.queue_group.as_str()),
                    r.record.state()
                )
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use handoff::pb::Event;

    fn ev(seq: u64, ms: i64, author: &str, p: Payload) -> Event {
        Event {
            session_id: "s".into(),
            seq,
            time: Some(prost_types::Timestamp {
                seconds: ms / 1000,
                nanos: ((ms % 1000) * 1_000_000) as i32,
            }),
            author_terminal_id: author.into(),
            payload: Some(p),
        }
    }

    fn transfer(id: &str, group: &str, to: &[&str], declined: &[&str]) -> pb::Transfer {
        pb::Transfer {
            id: id.into(),
            queue_group: group.into(),
            target: Some(pb::TransferTarget {
                kind: Some(pb::transfer_target::Kind::Group(group.into())),
            }),
            offered_to_terminal_ids: to.iter().map(|s| (*s).to_owned()).collect(),
            declined_by_terminal_ids: declined.iter().map(|s| (*s).to_owned()).collect(),
            ..Default::default()
        }
    }

    fn offered(t: pb::Transfer) -> Payload {
        Payload::TransferOffered(pb::TransferOffered {
            transfer: Some(t),
            context: None,
        })
    }

    fn queued(id: &str, reason: QueueReason) -> Payload {
        Payload::TransferQueued(pb::TransferQueued {
            transfer_id: id.into(),
            group: "g".into(),
            position: 1,
            reason: reason as i32,
            ..Default::default()
        })
    }

    fn setup() -> Setup {
        Setup {
            strategies: [("g".to_owned(), RoutingStrategy::LongestIdle)].into(),
            capacity: [("a".to_owned(), 1)].into(),
        }
    }

    fn opened() -> Vec<Event> {
        vec![
            ev(
                1,
                1000,
                "gw",
                Payload::SessionRequested(pb::SessionRequested {
                    destination_terminal_id: "bot".into(),
                    ..Default::default()
                }),
            ),
            ev(
                2,
                1001,
                "bot",
                Payload::SessionOpened(pb::SessionOpened {
                    holder_terminal_id: "bot".into(),
                }),
            ),
        ]
    }

    fn outcomes(log: &[Event], session: &pb::Session) -> (QueueOutcomes, Vec<String>) {
        let mut out = QueueOutcomes::default();
        let mut notes = Vec::new();
        queue_outcomes("s", log, session, &mut out, &mut |n| notes.push(n));
        (out, notes)
    }

    fn ended() -> pb::Session {
        pb::Session {
            state: pb::SessionState::Ended as i32,
            ..Default::default()
        }
    }

    #[test]
    fn a_queued_transfer_offered_declined_requeued_then_accepted_is_not_lost() {
        let mut log = opened();
        log.push(ev(
            3,
            1100,
            "bot",
            queued("t", QueueReason::NobodyAvailable),
        ));
        log.push(ev(4, 1200, "", offered(transfer("t", "g", &["a"], &[]))));
        log.push(ev(
            5,
            1300,
            "a",
            Payload::TransferDeclined(pb::TransferDeclined {
                transfer_id: "t".into(),
                declined_by_terminal_id: "a".into(),
                requeued: true,
                ..Default::default()
            }),
        ));
        log.push(ev(
            6,
            1400,
            "",
            offered(transfer("t", "g", &["a", "b"], &["a"])),
        ));
        log.push(ev(
            7,
            1500,
            "b",
            Payload::TransferAccepted(pb::TransferAccepted {
                transfer_id: "t".into(),
                accepted_by_terminal_id: "b".into(),
                ..Default::default()
            }),
        ));
        log.push(ev(
            8,
            1600,
            "bot",
            Payload::HolderDisconnected(pb::HolderDisconnected {
                left_terminal_id: "bot".into(),
                continued_by_terminal_id: "b".into(),
                transfer_id: "t".into(),
                forced: false,
            }),
        ));
        let (out, notes) = outcomes(&log, &ended());
        assert_eq!(out.lost, 0, "{notes:?}");
        assert_eq!(
            (out.queued, out.offered_from_queue, out.completed),
            (1, 2, 1)
        );
        let mut notes = Vec::new();
        assert_eq!(
            double_offers("s", &log, &setup(), &|t| t.to_owned(), &mut |n| {
                notes.push(n)
            }),
            0
        );
    }

    #[test]
    fn a_queued_transfer_that_vanishes_when_the_session_ends_is_lost() {
        let mut log = opened();
        log.push(ev(
            3,
            1100,
            "bot",
            queued("t", QueueReason::NobodyAvailable),
        ));
        log.push(ev(
            4,
            1200,
            "gw",
            Payload::SessionEnded(pb::SessionEnded::default()),
        ));
        let (out, notes) = outcomes(&log, &ended());
        assert_eq!(out.lost, 1);
        assert!(notes[0].contains("not aborted"), "{notes:?}");
    }

    #[test]
    fn queued_transfers_cancelled_aborted_or_expired_end_in_known_ways() {
        let cancel = |reason: &str| {
            Payload::TransferCancelled(pb::TransferCancelled {
                transfer_id: "t".into(),
                reason: reason.into(),
            })
        };
        let mut log = opened();
        log.push(ev(
            3,
            1100,
            "bot",
            queued("t", QueueReason::NobodyAvailable),
        ));
        log.push(ev(4, 1200, "bot", cancel("changed my mind")));
        let (out, _) = outcomes(&log, &ended());
        assert_eq!((out.lost, out.cancelled_while_queued), (0, 1));

        let mut log = opened();
        log.push(ev(
            3,
            1100,
            "bot",
            queued("t", QueueReason::NobodyAvailable),
        ));
        log.push(ev(4, 1200, "gw", cancel(SESSION_ENDED)));
        log.push(ev(5, 1200, "gw", Payload::SessionEnded(Default::default())));
        let (out, _) = outcomes(&log, &ended());
        assert_eq!((out.lost, out.aborted), (0, 1));

        let mut log = opened();
        log.push(ev(
            3,
            1100,
            "bot",
            queued("t", QueueReason::NobodyAvailable),
        ));
        log.push(ev(4, 1150, "", queued("t", QueueReason::Overflow)));
        log.push(ev(
            5,
            1200,
            "",
            Payload::TransferExpired(pb::TransferExpired {
                transfer_id: "t".into(),
                unanswered_by_terminal_ids: Vec::new(),
                reason: "waited the most".into(),
            }),
        ));
        let (out, _) = outcomes(&log, &ended());
        assert_eq!((out.lost, out.expired, out.overflowed), (0, 1, 1));

        // Still waiting at the end: fine only while the session is open with it.
        let mut log = opened();
        log.push(ev(
            3,
            1100,
            "bot",
            queued("t", QueueReason::NobodyAvailable),
        ));
        let mut open = pb::Session {
            state: pb::SessionState::Open as i32,
            active_transfer: Some(transfer("t", "g", &[], &[])),
            ..Default::default()
        };
        if let Some(t) = open.active_transfer.as_mut() {
            t.set_state(TransferState::Queued);
        }
        let (out, _) = outcomes(&log, &open);
        assert_eq!((out.lost, out.in_flight_at_end), (0, 1));
        open.active_transfer = None;
        let (out, _) = outcomes(&log, &open);
        assert_eq!(out.lost, 1);
    }

    #[test]
    fn an_offer_to_two_members_or_a_second_open_offer_breaks_one_at_a_time() {
        let mut log = opened();
        log.push(ev(
            3,
            1100,
            "",
            offered(transfer("t", "g", &["a", "b"], &[])),
        ));
        let mut notes = Vec::new();
        assert_eq!(
            double_offers("s", &log, &setup(), &|t| t.to_owned(), &mut |n| {
                notes.push(n)
            }),
            1
        );

        let mut log = opened();
        log.push(ev(3, 1100, "", offered(transfer("t", "g", &["a"], &[]))));
        log.push(ev(
            4,
            1200,
            "",
            offered(transfer("t", "g", &["a", "b"], &[])),
        ));
        // Open to two (a never answered) and offered again before the first offer ended.
        assert_eq!(
            double_offers("s", &log, &setup(), &|t| t.to_owned(), &mut |n| {
                notes.push(n)
            }),
            2
        );

        // A broadcast group may offer to everyone.
        let mut log = opened();
        log.push(ev(
            3,
            1100,
            "",
            offered(transfer("t", "b", &["a", "b"], &[])),
        ));
        assert_eq!(
            double_offers("s", &log, &setup(), &|t| t.to_owned(), &mut |n| {
                notes.push(n)
            }),
            0
        );
    }

    #[test]
    fn capacity_counts_overlaps_strictly_inside_only() {
        let hold = |sid: &str, from: Millis, until: Millis| Seated {
            terminal: "a".into(),
            session: sid.into(),
            from,
            until,
            from_seq: 1,
            until_seq: 2,
        };
        let name = |t: &str| t.to_owned();
        // Touching ends: one session left as the other came.
        let touching = [hold("x", 1000, 2000), hold("y", 2000, 3000)];
        assert_eq!(over_capacity(&touching, &setup(), &name).0, 0);
        let overlapping = [hold("x", 1000, 2001), hold("y", 2000, 3000)];
        assert_eq!(over_capacity(&overlapping, &setup(), &name).0, 1);
        let open_ended = [hold("x", 1000, Millis::MAX), hold("y", 5000, 6000)];
        assert_eq!(over_capacity(&open_ended, &setup(), &name).0, 1);
    }

    #[test]
    fn the_holder_and_the_accepting_terminal_are_seated_until_the_handover() {
        let mut log = opened();
        log.push(ev(3, 1100, "bot", offered(transfer("t", "b", &["a"], &[]))));
        log.push(ev(
            4,
            1200,
            "a",
            Payload::TransferAccepted(pb::TransferAccepted {
                transfer_id: "t".into(),
                accepted_by_terminal_id: "a".into(),
                ..Default::default()
            }),
        ));
        log.push(ev(
            5,
            1300,
            "bot",
            Payload::HolderDisconnected(pb::HolderDisconnected {
                left_terminal_id: "bot".into(),
                continued_by_terminal_id: "a".into(),
                transfer_id: "t".into(),
                forced: false,
            }),
        ));
        log.push(ev(6, 1400, "a", Payload::SessionEnded(Default::default())));
        let seated = seated_intervals("s", &log, &setup(), true);
        let a: Vec<(Millis, Millis)> = seated
            .iter()
            .filter(|s| s.terminal == "a")
            .map(|s| (s.from, s.until))
            .collect();
        assert_eq!(a, vec![(1200, 1400)]);
        let bot: Vec<(Millis, Millis)> = seated
            .iter()
            .filter(|s| s.terminal == "bot")
            .map(|s| (s.from, s.until))
            .collect();
        assert_eq!(bot, vec![(1000, 1300)]);
    }
}
