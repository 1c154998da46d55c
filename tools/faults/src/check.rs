//! The checker: compares what senders had acknowledged and what every participant received on its
//! feeds with the sessions' logs, and the figures it reports.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;

use handoff::pb::{self, TransferState, event::Payload};
use serde::{Serialize, Serializer};

use crate::events::{self, Millis};
use crate::load::{AckedMessage, Attachment, Digest, Received};
use crate::routing::{self, Evidence, QueueOutcomes};

/// One session as read after the run.
#[derive(Debug, Clone)]
pub struct SessionRecord {
    pub session: pb::Session,
    /// The whole log, read as the final holder (which sees every event).
    pub log: Vec<pb::Event>,
    /// A transfer was still OFFERED or ACCEPTED after the load and every deadline had passed.
    pub hanging_transfer: bool,
    /// When the log was read (wall clock, ms): every event in it was committed by then.
    pub read_at: Millis,
}

/// What the checker needs to know of the terminals' feeds besides what they received.
#[derive(Debug, Clone, Default)]
pub struct Feeds {
    /// Per terminal, every Attach stream it had.
    pub attachments: HashMap<String, Vec<Attachment>>,
    /// When the feeds were told to stop: the end of a feed still open then (wall clock, ms).
    pub stopped_at: Millis,
    /// How long a feed must have stayed attached after an event's commit, without delivering
    /// it, for the event to count as missed by an attached terminal.
    pub settle_ms: Millis,
}

/// The figures of a run. The loss figures (see [`Report::losses`]) must all be 0.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    pub seed: u64,
    pub replicas: u64,
    pub terminals: u64,
    #[serde(serialize_with = "one_decimal")]
    pub duration_s: f64,
    #[serde(serialize_with = "one_decimal")]
    pub elapsed_s: f64,

    pub sessions: u64,
    pub sessions_opened: u64,
    pub connect_attempts: u64,
    pub connect_not_attached: u64,
    pub connect_not_acknowledged: u64,

    pub messages_acknowledged: u64,
    pub messages_unresolved: u64,
    pub messages_refused: u64,
    /// Acknowledged, but not in the log.
    pub messages_lost: u64,
    /// Extra copies of one idempotency key in a log.
    pub messages_duplicated: u64,
    /// Acknowledged with a seq where the log holds something else (another body or author).
    pub messages_misplaced: u64,
    /// First deliveries on a feed below a seq already delivered for that session.
    pub out_of_order: u64,
    /// Events a participant was entitled to that its feeds never delivered (after a bounded wait).
    pub delivery_gaps: u64,
    /// Of those, how many a fresh Attach (resuming at the gap) then delivered: the log had them.
    pub gaps_delivered_on_reattach: u64,
    /// Events a terminal was entitled to and never received, although one of its feeds stayed
    /// attached for the settle time (`settle_s`) after the event was committed (a feed still open
    /// at the end counts as attached until the feeds were stopped, after the catch-up).
    pub undelivered_while_attached: u64,
    /// Events received in the end, but only after one of the terminal's feeds had stayed attached
    /// for the settle time after their commit without delivering them (a stalled feed that a
    /// later re-attach or wake-up made good; not a loss).
    pub delivered_late: u64,
    /// The settle time of the two figures above, in seconds.
    pub settle_s: f64,
    /// Events delivered to a terminal outside its part of the session (or negotiation events to
    /// the caller's terminal).
    pub deliveries_not_entitled: u64,
    /// Delivered events that differ from the log at the same seq.
    pub deliveries_corrupted: u64,
    pub redeliveries: u64,
    /// Holes in a log's sequence numbers, or a log shorter than the session's last_seq.
    pub log_gaps: u64,

    pub transfers_started: u64,
    /// Of those, offered to a group (first accept wins).
    pub transfers_to_groups: u64,
    /// Accepts that lost a group offer to another member (FAILED_PRECONDITION, expected).
    pub group_accepts_lost: u64,
    pub transfers_accepted: u64,
    pub transfers_ended_otherwise: u64,
    pub transfers_hanging: u64,
    pub transfers_declined: u64,
    pub transfers_cancelled: u64,
    pub transfers_expired: u64,
    pub transfers_aborted: u64,
    pub forced_handoffs: u64,
    /// Sessions handed over at least twice (a chain, row C12).
    pub sessions_with_chains: u64,
    pub two_holder_sessions: u64,

    /// Agents' status changes the server took (SetStatus calls and stream commands).
    pub status_changes: u64,
    /// Of those, by the stream command.
    pub status_changes_by_stream: u64,
    /// Status changes refused (not retryable).
    pub status_refused: u64,
    /// Transfers (with a TransferQueued in their log) that entered a queue.
    pub transfers_queued: u64,
    /// Of those, answered QUEUED to the Transfer call itself.
    pub transfers_queued_on_request: u64,
    /// Offers a queue made (the server's TransferOffered of a transfer routed through a group).
    pub offered_from_queue: u64,
    /// Offers from a group a member let ring (never answered).
    pub offers_let_ring: u64,
    /// Accepts refused because the terminal was at its capacity (declined instead).
    pub accepts_at_capacity: u64,
    /// Moves to the overflow group after the maximum wait.
    pub queue_overflows: u64,
    /// Sessions re-queued by the server because their holder was away past its group's grace.
    pub away_requeues: u64,
    /// Queued transfers accepted and handed over.
    pub queued_transfers_completed: u64,
    /// Queued transfers that expired after their queue's maximum wait.
    pub queue_expiries: u64,
    /// Queued transfers the holder cancelled while they waited.
    pub queue_cancels: u64,
    /// Queued transfers the holder cancelled while the queue was offering them.
    pub queue_cancels_while_offered: u64,
    /// Queued transfers aborted because the session ended.
    pub queued_transfers_aborted: u64,
    /// Session rows in a queue (route_state 1) after the load, before the callers left.
    pub queued_at_end: u64,
    /// Session rows being offered from a queue (route_state 2) then.
    pub offered_from_queue_at_end: u64,
    /// Queued transfers that ended in no known way, and session rows whose routing columns
    /// disagree with their record.
    pub sessions_lost_from_queue: u64,
    /// Terminals that held and accepted more sessions than their capacity (from the logs), and
    /// seat counts over capacity in the database (sampled during the run, and at the end).
    pub capacity_exceeded: u64,
    /// Terminals that held, accepted and were offered alone (LONGEST_IDLE, LEAST_LOADED) more
    /// sessions than their capacity, from the logs: the server counts those offers too.
    pub capacity_exceeded_with_offers: u64,
    /// Samples of the seats taken during the run.
    pub seat_samples: u64,
    /// Seats left in the database once every session had ended.
    pub seats_at_end: u64,
    /// Offers of a LONGEST_IDLE or LEAST_LOADED group open to more than one member, or made
    /// again before the previous one ended.
    pub double_offers: u64,

    pub replica_kills: u64,
    pub pg_restarts: u64,
    pub feed_drops: u64,
    pub feed_breaks: u64,
    /// Acks of a part in progress up to the last seq seen, sent before the steps of 8 would.
    pub acks_to_last_seq: u64,
    /// Re-attaches with no resume cursors (`hello {}`), relying on the recorded acks.
    pub bare_reattaches: u64,
    /// Of those, the ones after acking at least one session in progress to its last seq seen.
    pub bare_reattaches_after_full_ack: u64,
    /// Sessions in progress acked to their last seq seen, summed over the bare re-attaches.
    pub bare_reattach_sessions_acked_to_end: u64,
    /// Feeds that acked everything and re-attached once the load had stopped (before the
    /// sessions were ended).
    pub final_reattaches: u64,
    /// Pauses of a few seconds in conversations (sessions quiet, acked to their end).
    pub quiet_spells: u64,
    pub resume_rejected: u64,
    pub unexpected_replica_exits: u64,
    pub retries_unavailable: u64,
    pub retries_internal: u64,
    pub retries_transport: u64,
    pub retries_timeout: u64,

    /// Examples of what went wrong, and remarks from the run.
    pub notes: Vec<String>,
}

impl Report {
    /// The sum of every loss figure: 0 for a run where nothing was lost, duplicated, reordered,
    /// left hanging or held twice.
    pub fn losses(&self) -> u64 {
        self.messages_lost
            + self.messages_duplicated
            + self.messages_misplaced
            + self.out_of_order
            + self.delivery_gaps
            + self.undelivered_while_attached
            + self.deliveries_not_entitled
            + self.deliveries_corrupted
            + self.log_gaps
            + self.transfers_hanging
            + self.two_holder_sessions
            + self.resume_rejected
            + self.sessions_lost_from_queue
            + self.capacity_exceeded
            + self.capacity_exceeded_with_offers
            + self.double_offers
    }

    fn rows(&self) -> Vec<(&'static str, String, bool)> {
        let n = |v: u64| v.to_string();
        vec![
            ("seed", n(self.seed), false),
            ("replicas", n(self.replicas), false),
            ("terminals", n(self.terminals), false),
            ("load duration s", format!("{:.1}", self.duration_s), false),
            ("elapsed s", format!("{:.1}", self.elapsed_s), false),
            ("sessions", n(self.sessions), false),
            ("sessions opened", n(self.sessions_opened), false),
            ("connect attempts", n(self.connect_attempts), false),
            (
                "connect: not attached (retried)",
                n(self.connect_not_attached),
                false,
            ),
            (
                "connect: not acknowledged (retried)",
                n(self.connect_not_acknowledged),
                false,
            ),
            (
                "messages acknowledged",
                n(self.messages_acknowledged),
                false,
            ),
            (
                "messages unresolved at the end",
                n(self.messages_unresolved),
                false,
            ),
            (
                "messages refused (sender no longer may write)",
                n(self.messages_refused),
                false,
            ),
            ("messages lost", n(self.messages_lost), true),
            (
                "messages duplicated (in the log)",
                n(self.messages_duplicated),
                true,
            ),
            (
                "messages misplaced (acked seq differs)",
                n(self.messages_misplaced),
                true,
            ),
            ("out of order (on a feed)", n(self.out_of_order), true),
            ("delivery gaps", n(self.delivery_gaps), true),
            (
                "  of which delivered on re-attach",
                n(self.gaps_delivered_on_reattach),
                false,
            ),
            (
                "never delivered to an entitled, attached terminal",
                n(self.undelivered_while_attached),
                true,
            ),
            (
                "delivered late (an attached feed went settle s past)",
                n(self.delivered_late),
                false,
            ),
            ("  settle time s", self.settle_s.to_string(), false),
            (
                "deliveries not entitled",
                n(self.deliveries_not_entitled),
                true,
            ),
            ("deliveries corrupted", n(self.deliveries_corrupted), true),
            ("redeliveries (de-duplicated)", n(self.redeliveries), false),
            ("log gaps", n(self.log_gaps), true),
            ("transfers started", n(self.transfers_started), false),
            ("  of which to a group", n(self.transfers_to_groups), false),
            (
                "  group accepts that lost the race",
                n(self.group_accepts_lost),
                false,
            ),
            (
                "transfers ended accepted",
                n(self.transfers_accepted),
                false,
            ),
            (
                "transfers ended otherwise",
                n(self.transfers_ended_otherwise),
                false,
            ),
            (
                "  declined / cancelled / expired / aborted",
                format!(
                    "{} / {} / {} / {}",
                    self.transfers_declined,
                    self.transfers_cancelled,
                    self.transfers_expired,
                    self.transfers_aborted
                ),
                false,
            ),
            (
                "  forced handoffs (grace passed)",
                n(self.forced_handoffs),
                false,
            ),
            ("transfers left hanging", n(self.transfers_hanging), true),
            (
                "sessions with chains (2+ handoffs)",
                n(self.sessions_with_chains),
                false,
            ),
            (
                "sessions that had two holders",
                n(self.two_holder_sessions),
                true,
            ),
            (
                "status changes made (of which on the stream)",
                format!(
                    "{} ({})",
                    self.status_changes, self.status_changes_by_stream
                ),
                false,
            ),
            ("  status changes refused", n(self.status_refused), false),
            ("transfers queued", n(self.transfers_queued), false),
            (
                "  of which queued by the Transfer call",
                n(self.transfers_queued_on_request),
                false,
            ),
            ("  offered from a queue", n(self.offered_from_queue), false),
            (
                "  offers from a group let ring / accepts at capacity",
                format!("{} / {}", self.offers_let_ring, self.accepts_at_capacity),
                false,
            ),
            ("  overflowed", n(self.queue_overflows), false),
            (
                "  re-queued by the server (holder away)",
                n(self.away_requeues),
                false,
            ),
            ("  expired from a queue", n(self.queue_expiries), false),
            ("  cancelled while queued", n(self.queue_cancels), false),
            (
                "  cancelled while offered from a queue",
                n(self.queue_cancels_while_offered),
                false,
            ),
            (
                "  accepted and handed over",
                n(self.queued_transfers_completed),
                false,
            ),
            (
                "  aborted as the session ended",
                n(self.queued_transfers_aborted),
                false,
            ),
            (
                "  queued / offered after the load (callers still there)",
                format!(
                    "{} / {}",
                    self.queued_at_end, self.offered_from_queue_at_end
                ),
                false,
            ),
            (
                "sessions lost from a queue",
                n(self.sessions_lost_from_queue),
                true,
            ),
            (
                "capacity exceeded (held + accepted)",
                n(self.capacity_exceeded),
                true,
            ),
            (
                "  counting offers to one member alone too",
                n(self.capacity_exceeded_with_offers),
                true,
            ),
            (
                "  seat samples during the run / seats left at the end",
                format!("{} / {}", self.seat_samples, self.seats_at_end),
                false,
            ),
            (
                "offered to two members at once (longest_idle, least_loaded)",
                n(self.double_offers),
                true,
            ),
            ("replica kills (-9)", n(self.replica_kills), false),
            ("Postgres immediate restarts", n(self.pg_restarts), false),
            ("feed drops", n(self.feed_drops), false),
            (
                "feed breaks (stream ended by a fault)",
                n(self.feed_breaks),
                false,
            ),
            (
                "acks up to the last seq seen (not in steps of 8)",
                n(self.acks_to_last_seq),
                false,
            ),
            (
                "re-attaches without resume cursors (hello {})",
                n(self.bare_reattaches),
                false,
            ),
            (
                "  of which with a live session acked to its last seq",
                format!(
                    "{} ({} sessions)",
                    self.bare_reattaches_after_full_ack, self.bare_reattach_sessions_acked_to_end
                ),
                false,
            ),
            (
                "  feeds that acked everything and re-attached at the end",
                n(self.final_reattaches),
                false,
            ),
            ("quiet spells in conversations", n(self.quiet_spells), false),
            ("resume cursors refused", n(self.resume_rejected), true),
            (
                "replica exits not caused by us",
                n(self.unexpected_replica_exits),
                false,
            ),
            (
                "retries: unavailable / internal / transport / timeout",
                format!(
                    "{} / {} / {} / {}",
                    self.retries_unavailable,
                    self.retries_internal,
                    self.retries_transport,
                    self.retries_timeout
                ),
                false,
            ),
        ]
    }

    /// One line of JSON with every figure and the sum of the losses (no nesting; notes as an
    /// array of strings).
    pub fn to_json(&self) -> String {
        #[derive(Serialize)]
        struct Line<'a> {
            #[serde(flatten)]
            report: &'a Report,
            losses: u64,
        }
        serde_json::to_string(&Line {
            report: self,
            losses: self.losses(),
        })
        .expect("a report is plain data")
    }
}

/// Seconds with one decimal, as the table shows them.
fn one_decimal<S: Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_f64((v * 10.0).round() / 10.0)
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{:<56} {:>12}", "handoff fault suite", "")?;
        for (name, value, loss) in self.rows() {
            let mark = if loss && value != "0" {
                "  <-- LOSS"
            } else {
                ""
            };
            writeln!(f, "  {name:<54} {value:>12}{mark}")?;
        }
        writeln!(
            f,
            "  {:<54} {:>12}",
            "LOSSES (must be 0)",
            self.losses().to_string()
        )?;
        for n in &self.notes {
            writeln!(f, "  note: {n}")?;
        }
        Ok(())
    }
}

/// `1..=4, 9, 12..=13` for an increasing sequence.
fn ranges<'a>(seqs: impl Iterator<Item = &'a u64>) -> String {
    let mut out: Vec<(u64, u64)> = Vec::new();
    for &s in seqs {
        match out.last_mut() {
            Some((_, hi)) if *hi + 1 == s => *hi = s,
            _ => out.push((s, s)),
        }
    }
    let parts: Vec<String> = out
        .iter()
        .map(|(lo, hi)| {
            if lo == hi {
                lo.to_string()
            } else {
                format!("{lo}..={hi}")
            }
        })
        .collect();
    if parts.is_empty() {
        "nothing".into()
    } else {
        parts.join(", ")
    }
}

/// The idempotency key a load message carries as its body's first word.
fn key_of(body: &str) -> Option<&str> {
    body.split_whitespace()
        .next()
        .filter(|k| k.len() > 1 && k.starts_with('k') && k[1..].chars().all(|c| c.is_ascii_digit()))
}

/// Which sequence numbers of the log each terminal is entitled to on its feed: the caller's
/// terminal everything but negotiation events; every other terminal everything from the event
/// that made it a participant (SessionRequested for the destination, its TransferOffered for a
/// target) through the event at which it left (its decline, the cancellation or expiry of its
/// offer, its HolderDisconnected, or SessionEnded), possibly several times in a chain.
pub fn entitlement(log: &[pb::Event]) -> HashMap<String, BTreeSet<u64>> {
    parts(log).0
}

/// [`entitlement`], and which sequence numbers each terminal's feed may deliver beyond it
/// without that being a wrong delivery: the SessionEnded committed together with the withdrawal
/// of an offer (the session ended while it was open). The offer's targets leave at the
/// withdrawal; whether their feeds also show the end that caused it, the protocol does not say.
#[allow(clippy::type_complexity)]
fn parts(
    log: &[pb::Event],
) -> (
    HashMap<String, BTreeSet<u64>>,
    HashMap<String, BTreeSet<u64>>,
) {
    let mut out: HashMap<String, BTreeSet<u64>> = HashMap::new();
    let mut extra: HashMap<String, BTreeSet<u64>> = HashMap::new();
    let Some(first) = log.first() else {
        return (out, extra);
    };
    let caller = first.author_terminal_id.clone();
    out.entry(caller.clone()).or_default().extend(
        log.iter()
            .filter(|e| events::seen_by_caller(e))
            .map(|e| e.seq),
    );
    // Terminal -> the seq from which it takes part now.
    let mut since: HashMap<String, u64> = HashMap::new();
    // Transfer -> the terminals its offer is still open to (offered, not declined, not accepted).
    let mut pending: HashMap<String, Vec<String>> = HashMap::new();
    let close = |out: &mut HashMap<String, BTreeSet<u64>>,
                 since: &mut HashMap<String, u64>,
                 who: &str,
                 at: u64| {
        if let Some(from) = since.remove(who) {
            out.entry(who.to_owned()).or_default().extend(from..=at);
        }
    };
    for (i, e) in log.iter().enumerate() {
        match &e.payload {
            Some(Payload::SessionRequested(r)) => {
                since.insert(r.destination_terminal_id.clone(), e.seq);
            }
            Some(Payload::TransferOffered(o)) => {
                if let Some(t) = &o.transfer {
                    // Offered again from its queue, a transfer still names the members that
                    // declined or let it ring: they do not take part again.
                    let to = routing::open_members(t);
                    for target in &to {
                        since.insert(target.clone(), e.seq);
                    }
                    pending.insert(t.id.clone(), to);
                }
            }
            Some(Payload::TransferDeclined(d)) => {
                if let Some(p) = pending.get_mut(&d.transfer_id) {
                    p.retain(|x| *x != d.declined_by_terminal_id);
                }
                close(&mut out, &mut since, &d.declined_by_terminal_id, e.seq)
            }
            // First accept wins: the other members of a group offer leave at this event.
            Some(Payload::TransferAccepted(a)) => {
                for other in pending.remove(&a.transfer_id).unwrap_or_default() {
                    if other != a.accepted_by_terminal_id {
                        close(&mut out, &mut since, &other, e.seq);
                    }
                }
            }
            Some(Payload::TransferExpired(x)) => {
                for t in pending.remove(&x.transfer_id).unwrap_or_default() {
                    close(&mut out, &mut since, &t, e.seq)
                }
            }
            Some(Payload::TransferCancelled(c)) => {
                // Withdrawn as the session ends: the targets leave at the withdrawal; the
                // SessionEnded committed together with it may reach them too.
                let with_end = c.reason == "the session ended"
                    && log.get(i + 1).is_some_and(|n| {
                        matches!(n.payload, Some(Payload::SessionEnded(_))) && n.time == e.time
                    });
                for t in pending.remove(&c.transfer_id).unwrap_or_default() {
                    if with_end {
                        extra.entry(t.clone()).or_default().insert(e.seq + 1);
                    }
                    close(&mut out, &mut since, &t, e.seq)
                }
            }
            Some(Payload::HolderDisconnected(h)) => {
                close(&mut out, &mut since, &h.left_terminal_id, e.seq)
            }
            Some(Payload::SessionEnded(_)) => {
                let all: Vec<String> = since.keys().cloned().collect();
                for t in all {
                    close(&mut out, &mut since, &t, e.seq);
                }
            }
            _ => {}
        }
    }
    let last = log.last().map_or(0, |e| e.seq);
    let all: Vec<String> = since.keys().cloned().collect();
    for t in all {
        close(&mut out, &mut since, &t, last);
    }
    (out, extra)
}

/// For each seq of the log, a time by which it was certainly committed (wall clock, ms): the first
/// time anyone received it or any later event of the session (a log is committed in order), a
/// sender's acknowledgement of the message at that seq, or else the reading of the log. Never
/// earlier than the commit, so a feed is never held to an event before it existed.
fn committed_by(
    r: &SessionRecord,
    sid: &str,
    received: &HashMap<String, HashMap<String, Received>>,
    acked: Option<&Vec<&AckedMessage>>,
) -> BTreeMap<u64, Millis> {
    let mut seen: BTreeMap<u64, Millis> = r.log.iter().map(|e| (e.seq, r.read_at)).collect();
    let mut saw = |seq: u64, at: Millis| {
        if let Some(t) = seen.get_mut(&seq) {
            *t = (*t).min(at);
        }
    };
    for per in received.values() {
        if let Some(g) = per.get(sid) {
            for (&seq, &at) in &g.at {
                saw(seq, at);
            }
        }
    }
    let body_at = |seq: u64| {
        r.log
            .get((seq as usize).wrapping_sub(1))
            .filter(|e| e.seq == seq)
            .and_then(|e| match &e.payload {
                Some(Payload::MessagePosted(m)) => Some(m.body.as_str()),
                _ => None,
            })
    };
    for a in acked.into_iter().flatten() {
        // Only where the log holds that very message (a misplaced one is reported elsewhere).
        if body_at(a.seq) == Some(a.body.as_str()) {
            saw(a.seq, a.at);
        }
    }
    let mut by = r.read_at;
    for (_, t) in seen.iter_mut().rev() {
        by = by.min(*t);
        *t = by;
    }
    seen
}

/// How long (ms) a feed of the terminal stayed attached after an event's commit (`commit`) without
/// it having been received (`got_at`, None: never), if that reached the settle time on one feed.
fn missed_for(
    attached: &[Attachment],
    commit: Millis,
    got_at: Option<Millis>,
    feeds: &Feeds,
) -> Option<Millis> {
    attached
        .iter()
        .map(|a| {
            let end = a
                .closed
                .unwrap_or(feeds.stopped_at)
                .min(got_at.unwrap_or(Millis::MAX));
            end - a.opened.max(commit)
        })
        .max()
        .filter(|&w| w >= feeds.settle_ms)
}

/// Whether the session ever had two holders: overlapping tenures, or a message written by a
/// terminal that was neither the caller's terminal nor the holder at that point of the log.
fn two_holders(s: &pb::Session, log: &[pb::Event]) -> Option<String> {
    for w in s.holders.windows(2) {
        if w[0].until_seq == 0 || w[0].until_seq > w[1].from_seq {
            return Some(format!(
                "session {}: tenures overlap: {} [{}..{}] and {} [{}..{}]",
                s.id,
                w[0].terminal_id,
                w[0].from_seq,
                w[0].until_seq,
                w[1].terminal_id,
                w[1].from_seq,
                w[1].until_seq
            ));
        }
    }
    let mut accepts: HashMap<&str, Vec<&str>> = HashMap::new();
    for e in log {
        if let Some(Payload::TransferAccepted(a)) = &e.payload {
            let by = accepts.entry(a.transfer_id.as_str()).or_default();
            by.push(a.accepted_by_terminal_id.as_str());
            if by.len() > 1 {
                return Some(format!(
                    "session {}: transfer {} accepted more than once, by {:?}",
                    s.id, a.transfer_id, by
                ));
            }
        }
    }
    let mut holder = String::new();
    for e in log {
        match &e.payload {
            Some(Payload::SessionOpened(o)) => holder = o.holder_terminal_id.clone(),
            Some(Payload::HolderDisconnected(h)) => holder = h.continued_by_terminal_id.clone(),
            Some(Payload::MessagePosted(_))
                if e.author_terminal_id != s.caller_terminal_id
                    && e.author_terminal_id != holder =>
            {
                return Some(format!(
                    "session {}: message at seq {} by {} while {} held it",
                    s.id, e.seq, e.author_terminal_id, holder
                ));
            }
            _ => {}
        }
    }
    None
}

/// Compares everything and fills the loss and transfer figures of `report`.
pub fn check(
    report: &mut Report,
    sessions: &HashMap<String, SessionRecord>,
    acked: &[AckedMessage],
    received: &HashMap<String, HashMap<String, Received>>,
    feeds: &Feeds,
    names: &HashMap<String, String>,
    evidence: &Evidence,
) {
    let name = |id: &str| names.get(id).cloned().unwrap_or_else(|| id.to_owned());
    let mut notes = Vec::new();
    let mut note = |n: String| {
        if notes.len() < 30 {
            notes.push(n);
        }
    };

    // The logs: gap-free, and where each key landed.
    let mut keys: HashMap<(&str, &str), Vec<&pb::Event>> = HashMap::new();
    for (id, r) in sessions {
        let seqs: Vec<u64> = r.log.iter().map(|e| e.seq).collect();
        let expected: Vec<u64> = (1..=r.session.last_seq).collect();
        if seqs != expected {
            report.log_gaps += 1;
            note(format!(
                "session {id}: log seqs are not 1..={}: {} events",
                r.session.last_seq,
                seqs.len()
            ));
        }
        for e in &r.log {
            if let Some(Payload::MessagePosted(m)) = &e.payload
                && let Some(k) = key_of(&m.body)
            {
                keys.entry((id.as_str(), k)).or_default().push(e);
            }
        }
    }
    for ((sid, k), found) in &keys {
        if found.len() > 1 {
            report.messages_duplicated += found.len() as u64 - 1;
            note(format!(
                "session {sid}: key {k} stored {} times",
                found.len()
            ));
        }
    }

    // (a) what senders had acknowledged.
    for a in acked {
        if !sessions.contains_key(&a.session) {
            report.messages_lost += 1;
            note(format!(
                "session {} (acked {}) could not be read",
                a.session, a.key
            ));
            continue;
        }
        match keys.get(&(a.session.as_str(), a.key.as_str())) {
            None => {
                report.messages_lost += 1;
                note(format!(
                    "session {}: acknowledged message {} (seq {}) by {} is not in the log",
                    a.session,
                    a.key,
                    a.seq,
                    name(&a.author)
                ));
            }
            Some(found) => {
                let e = found[0];
                let body = match &e.payload {
                    Some(Payload::MessagePosted(m)) => m.body.as_str(),
                    _ => "",
                };
                if e.seq != a.seq || body != a.body || e.author_terminal_id != a.author {
                    report.messages_misplaced += 1;
                    note(format!(
                        "session {}: {} acknowledged at seq {} by {}, log has it at seq {} by {}",
                        a.session,
                        a.key,
                        a.seq,
                        name(&a.author),
                        e.seq,
                        name(&e.author_terminal_id)
                    ));
                }
            }
        }
    }

    // (b) what every participant received.
    report.settle_s = feeds.settle_ms as f64 / 1000.0;
    let mut acked_in: HashMap<&str, Vec<&AckedMessage>> = HashMap::new();
    for a in acked {
        acked_in.entry(a.session.as_str()).or_default().push(a);
    }
    let empty = HashMap::new();
    let no_feeds = Vec::new();
    for (sid, r) in sessions {
        let by_seq: HashMap<u64, &pb::Event> = r.log.iter().map(|e| (e.seq, e)).collect();
        let committed = committed_by(r, sid, received, acked_in.get(sid.as_str()));
        let (ent, tolerated) = parts(&r.log);
        let mut terminals: BTreeSet<&String> = ent.keys().collect();
        for (t, per) in received {
            if per.contains_key(sid) {
                terminals.insert(t);
            }
        }
        for t in terminals {
            let got = received.get(t).unwrap_or(&empty).get(sid);
            let entitled = ent.get(t).cloned().unwrap_or_default();
            let mut missing = Vec::new();
            for seq in &entitled {
                if !got.is_some_and(|g| g.events.contains_key(seq)) {
                    missing.push(*seq);
                }
            }
            if !missing.is_empty() {
                report.delivery_gaps += missing.len() as u64;
                note(format!(
                    "session {sid}: {} never received seqs {} of its part {} (got up to {})",
                    name(t),
                    ranges(missing.iter()),
                    ranges(entitled.iter()),
                    got.map_or(0, |g| g.max)
                ));
            }
            // Entitled events that a feed of this terminal, attached after their commit, went
            // the settle time past without delivering.
            let attached = feeds.attachments.get(t).unwrap_or(&no_feeds);
            let mut undelivered = Vec::new();
            let mut longest = 0;
            for seq in &entitled {
                let Some(&commit) = committed.get(seq) else {
                    continue;
                };
                let got_at = got.and_then(|g| g.at.get(seq)).copied();
                let Some(waited) = missed_for(attached, commit, got_at, feeds) else {
                    continue;
                };
                if got_at.is_some() {
                    report.delivered_late += 1;
                } else {
                    undelivered.push(*seq);
                    longest = longest.max(waited);
                }
            }
            if !undelivered.is_empty() {
                report.undelivered_while_attached += undelivered.len() as u64;
                note(format!(
                    "session {sid}: {} never received seqs {} although a feed of it stayed attached \
                     up to {:.1} s after their commit ({} feeds in the run)",
                    name(t),
                    ranges(undelivered.iter()),
                    longest as f64 / 1000.0,
                    attached.len()
                ));
            }
            let Some(got) = got else { continue };
            report.redeliveries += got.redelivered;
            if !got.out_of_order.is_empty() {
                report.out_of_order += got.out_of_order.len() as u64;
                note(format!(
                    "session {sid}: {} got out of order (seq, after max): {:?}",
                    name(t),
                    got.out_of_order
                ));
            }
            let extra: Vec<u64> = got
                .events
                .keys()
                .filter(|s| {
                    !entitled.contains(s) && !tolerated.get(t).is_some_and(|x| x.contains(s))
                })
                .copied()
                .collect();
            if !extra.is_empty() {
                report.deliveries_not_entitled += extra.len() as u64;
                let kind = |seq: u64| by_seq.get(&seq).map_or("?", |e| events::kind_name(e));
                let (first, last) = (extra[0], extra[extra.len() - 1]);
                note(format!(
                    "session {sid}: {} received seqs {} outside its part {} ({} at {}, {} at {})",
                    name(t),
                    ranges(extra.iter()),
                    ranges(entitled.iter()),
                    kind(first - 1),
                    first - 1,
                    kind(last + 1),
                    last + 1
                ));
            }
            for (seq, d) in &got.events {
                if let Some(e) = by_seq.get(seq)
                    && Digest::of(e) != *d
                {
                    report.deliveries_corrupted += 1;
                    note(format!(
                        "session {sid}: {} received {d:?} at seq {seq}, the log has {:?}",
                        name(t),
                        Digest::of(e)
                    ));
                }
            }
        }
    }

    // Transfers and holders.
    for r in sessions.values() {
        let s = &r.session;
        if !s.holders.is_empty() {
            report.sessions_opened += 1;
        }
        if r.hanging_transfer {
            report.transfers_hanging += 1;
            note(format!("session {}: a transfer was left hanging", s.id));
        }
        let mut handoffs = 0;
        for t in s.past_transfers.iter().chain(s.active_transfer.iter()) {
            report.transfers_started += 1;
            if matches!(
                t.target.as_ref().and_then(|t| t.kind.as_ref()),
                Some(pb::transfer_target::Kind::Group(_))
            ) {
                report.transfers_to_groups += 1;
            }
            match t.state() {
                TransferState::Completed => {
                    report.transfers_accepted += 1;
                    handoffs += 1;
                }
                TransferState::Declined => report.transfers_declined += 1,
                TransferState::Cancelled => report.transfers_cancelled += 1,
                TransferState::Expired => report.transfers_expired += 1,
                TransferState::Aborted => report.transfers_aborted += 1,
                _ => {}
            }
        }
        report.transfers_ended_otherwise += s
            .past_transfers
            .iter()
            .filter(|t| t.state() != TransferState::Completed)
            .count() as u64;
        if handoffs >= 2 {
            report.sessions_with_chains += 1;
        }
        report.forced_handoffs += r
            .log
            .iter()
            .filter(|e| matches!(&e.payload, Some(Payload::HolderDisconnected(h)) if h.forced))
            .count() as u64;
        if let Some(why) = two_holders(s, &r.log) {
            report.two_holder_sessions += 1;
            note(why);
        }
    }

    // Routing: queues, capacity, one member at a time.
    let mut queues = QueueOutcomes::default();
    let (mut seated, mut seated_or_offered) = (Vec::new(), Vec::new());
    let mut ids: Vec<&String> = sessions.keys().collect();
    ids.sort();
    for sid in ids {
        let r = &sessions[sid];
        routing::queue_outcomes(sid, &r.log, &r.session, &mut queues, &mut note);
        report.double_offers +=
            routing::double_offers(sid, &r.log, &evidence.setup, &name, &mut note);
        seated.extend(routing::seated_intervals(
            sid,
            &r.log,
            &evidence.setup,
            false,
        ));
        seated_or_offered.extend(routing::seated_intervals(
            sid,
            &r.log,
            &evidence.setup,
            true,
        ));
    }
    report.transfers_queued = queues.queued;
    report.offered_from_queue = queues.offered_from_queue;
    report.queue_overflows = queues.overflowed;
    report.away_requeues = queues.away_requeued;
    report.queued_transfers_completed = queues.completed;
    report.queue_expiries = queues.expired;
    report.queue_cancels = queues.cancelled_while_queued;
    report.queue_cancels_while_offered = queues.cancelled_while_offered;
    report.queued_transfers_aborted = queues.aborted;
    report.sessions_lost_from_queue = queues.lost;
    for (when, rows) in [
        ("after the load", &evidence.rows_before),
        ("at the end", &evidence.rows_after),
    ] {
        let mismatches = routing::route_state_mismatches(rows);
        report.sessions_lost_from_queue += mismatches.len() as u64;
        for m in mismatches {
            note(format!("{when}: {m}"));
        }
    }
    report.queued_at_end = evidence
        .rows_before
        .iter()
        .filter(|r| r.route_state == 1)
        .count() as u64;
    report.offered_from_queue_at_end = evidence
        .rows_before
        .iter()
        .filter(|r| r.route_state == 2)
        .count() as u64;
    // Every session has ended by the second reading: none may still be in a queue.
    let still = evidence
        .rows_after
        .iter()
        .filter(|r| r.record.state() != pb::SessionState::Ended && r.route_state != 0)
        .count();
    if still > 0 {
        note(format!(
            "{still} sessions still routed after the callers ended every session"
        ));
    }
    let (over, why) = routing::over_capacity(&seated, &evidence.setup, &name);
    report.capacity_exceeded += over;
    why.into_iter().for_each(&mut note);
    let (over, why) = routing::over_capacity(&seated_or_offered, &evidence.setup, &name);
    report.capacity_exceeded_with_offers += over;
    for n in why {
        note(format!("with offers to one member alone: {n}"));
    }
    let samples = &evidence.seat_samples;
    report.seat_samples = samples.taken;
    report.capacity_exceeded += samples.over;
    samples.notes.iter().cloned().for_each(&mut note);
    let at_end = routing::seats_over_capacity(&evidence.seats_at_end, &name);
    report.capacity_exceeded += at_end.len() as u64;
    for n in at_end {
        note(format!("at the end: {n}"));
    }
    report.seats_at_end = evidence.seats_at_end.iter().map(|c| c.seats as u64).sum();
    report.notes.extend(notes);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_json_line_has_every_figure_under_its_name() {
        let report = Report {
            seed: 7,
            messages_lost: 2,
            duration_s: 25.04,
            elapsed_s: 41.77,
            settle_s: 5.0,
            notes: vec!["a \"quoted\" note\n".into()],
            ..Report::default()
        };
        let line = report.to_json();
        assert!(!line.contains('\n'), "{line}");
        let json: serde_json::Value = serde_json::from_str(&line).unwrap();
        let keys: BTreeSet<&str> = json
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let expected: BTreeSet<&str> = [
            "seed",
            "replicas",
            "terminals",
            "sessions",
            "sessions_opened",
            "connect_attempts",
            "connect_not_attached",
            "connect_not_acknowledged",
            "messages_acknowledged",
            "messages_unresolved",
            "messages_refused",
            "messages_lost",
            "messages_duplicated",
            "messages_misplaced",
            "out_of_order",
            "delivery_gaps",
            "gaps_delivered_on_reattach",
            "undelivered_while_attached",
            "delivered_late",
            "deliveries_not_entitled",
            "deliveries_corrupted",
            "redeliveries",
            "log_gaps",
            "transfers_started",
            "transfers_to_groups",
            "group_accepts_lost",
            "transfers_accepted",
            "transfers_ended_otherwise",
            "transfers_hanging",
            "transfers_declined",
            "transfers_cancelled",
            "transfers_expired",
            "transfers_aborted",
            "forced_handoffs",
            "sessions_with_chains",
            "two_holder_sessions",
            "replica_kills",
            "pg_restarts",
            "feed_drops",
            "feed_breaks",
            "acks_to_last_seq",
            "bare_reattaches",
            "bare_reattaches_after_full_ack",
            "bare_reattach_sessions_acked_to_end",
            "final_reattaches",
            "quiet_spells",
            "resume_rejected",
            "status_changes",
            "status_changes_by_stream",
            "status_refused",
            "transfers_queued",
            "transfers_queued_on_request",
            "offered_from_queue",
            "offers_let_ring",
            "accepts_at_capacity",
            "queue_overflows",
            "away_requeues",
            "queued_transfers_completed",
            "queue_expiries",
            "queue_cancels",
            "queue_cancels_while_offered",
            "queued_transfers_aborted",
            "queued_at_end",
            "offered_from_queue_at_end",
            "sessions_lost_from_queue",
            "capacity_exceeded",
            "capacity_exceeded_with_offers",
            "seat_samples",
            "seats_at_end",
            "double_offers",
            "unexpected_replica_exits",
            "retries_unavailable",
            "retries_internal",
            "retries_transport",
            "retries_timeout",
            "losses",
            "duration_s",
            "settle_s",
            "elapsed_s",
            "notes",
        ]
        .into();
        assert_eq!(keys, expected);
        assert_eq!(json["seed"], 7);
        assert_eq!(json["losses"], 2);
        assert_eq!(json["duration_s"], 25.0);
        assert_eq!(json["elapsed_s"], 41.8);
        assert_eq!(json["settle_s"], 5.0);
        assert_eq!(json["notes"][0], "a \"quoted\" note\n");
    }
}
