//! Property tests of the transfer state machine (`handoff::domain`): random sequences of
//! operations by random terminals (connect, message, transfer to terminals and to a group, accept,
//! decline, cancel, deadlines, disconnect, acknowledge the disconnect), with the invariants checked
//! after every step:
//! - a refused operation changes nothing;
//! - sequence numbers are gap-free;
//! - while the session is open it has exactly one holder (C4, C8);
//! - what the log says of each terminal's part (as the stream reads it) agrees with who takes part,
//!   so no event reaches a terminal outside its part, and the caller never sees negotiation (C9);
//! - every transfer ends exactly once and cannot be answered afterwards (C6, C7, C12);
//! - a terminal that does not take part (a fenced former holder included) cannot write (C10).

use std::collections::{HashMap, HashSet};
use std::time::Duration;

use handoff::domain::{self, Limits, Millis, NewSession, Offer, Part, Timeouts};
use handoff::pb::{self, Role, SessionState, event::Payload};
use proptest::prelude::*;
use prost::Message as _;
use uuid::Uuid;

const T: Timeouts = Timeouts {
    connect: Duration::from_secs(10),
    offer: Duration::from_secs(30),
    handoff_grace: Duration::from_secs(5),
};

/// Terminal 0 is the caller's gateway, 1 the bot the session is opened with, 2..=4 the agents of
/// the group.
const TERMINALS: usize = 5;
const GROUP: [usize; 3] = [2, 3, 4];

#[derive(Debug, Clone)]
enum Target {
    Terminal(usize),
    Group,
}

#[derive(Debug, Clone)]
enum Op {
    AcknowledgeConnect(usize),
    Say(usize),
    Transfer(usize, Target),
    /// Accept by a terminal: the transfer in flight, or (stale) one that ended.
    Accept(usize, bool),
    Decline(usize, bool),
    Cancel(usize, bool),
    Disconnect(usize),
    /// The caller's terminal acknowledges the last holder change, or an earlier seq.
    AcknowledgeDisconnect(usize, bool),
    /// Time passes and due deadlines apply.
    Wait(Millis),
}

fn op() -> impl Strategy<Value = Op> {
    let who = 0..TERMINALS;
    prop_oneof![
        1 => who.clone().prop_map(Op::AcknowledgeConnect),
        4 => who.clone().prop_map(Op::Say),
        3 => (who.clone(), prop_oneof![(0..TERMINALS).prop_map(Target::Terminal), Just(Target::Group)])
            .prop_map(|(w, t)| Op::Transfer(w, t)),
        3 => (who.clone(), any::<bool>()).prop_map(|(w, s)| Op::Accept(w, s)),
        2 => (who.clone(), any::<bool>()).prop_map(|(w, s)| Op::Decline(w, s)),
        1 => (who.clone(), any::<bool>()).prop_map(|(w, s)| Op::Cancel(w, s)),
        2 => who.clone().prop_map(Op::Disconnect),
        1 => (who, any::<bool>()).prop_map(|(w, s)| Op::AcknowledgeDisconnect(w, s)),
        1 => prop_oneof![Just(1_000), Just(6_000), Just(11_000), Just(31_000)].prop_map(Op::Wait),
    ]
}

struct World {
    ids: Vec<Uuid>,
    session: pb::Session,
    log: Vec<pb::Event>,
    now: Millis,
    /// Every transfer id ever offered.
    offered: Vec<String>,
}

impl World {
    fn new() -> World {
        let ids: Vec<Uuid> = (0..TERMINALS).map(|_| Uuid::now_v7()).collect();
        let now = 1_700_000_000_000;
        let (session, log) = domain::open(
            NewSession {
                id: Uuid::now_v7(),
                caller_terminal: ids[0],
                destination: ids[1],
                caller: pb::Caller {
                    id: "+15550601".into(),
                    display_name: "Dana".into(),
                },
                channel: pb::Channel::Im,
                facts: HashMap::new(),
            },
            now,
            &T,
        );
        World {
            ids,
            session,
            log,
            now,
            offered: Vec::new(),
        }
    }

    fn transfer_id(&self, stale: bool) -> Uuid {
        let id = match (&self.session.active_transfer, stale) {
            (Some(t), false) => Some(t.id.clone()),
            _ => self.session.past_transfers.last().map(|t| t.id.clone()),
        };
        id.and_then(|i| i.parse().ok()).unwrap_or_else(Uuid::now_v7)
    }

    /// Applies `op`; returns the events it appended, or why it was refused.
    fn apply(&mut self, op: &Op) -> Result<Vec<pb::Event>, handoff::error::Error> {
        let now = self.now;
        let s = &mut self.session;
        match op {
            Op::AcknowledgeConnect(w) => domain::acknowledge_connect(s, self.ids[*w], now),
            Op::Say(w) => domain::post_message(s, self.ids[*w], "hello".into(), now),
            Op::Transfer(w, target) => {
                let transfer_id = Uuid::now_v7();
                let (target, candidates) = match target {
                    Target::Terminal(t) => (
                        pb::transfer_target::Kind::TerminalId(self.ids[*t].to_string()),
                        vec![self.ids[*t]],
                    ),
                    Target::Group => (
                        pb::transfer_target::Kind::Group("billing".into()),
                        GROUP
                            .iter()
                            .map(|g| self.ids[*g])
                            .filter(|g| *g != self.ids[*w])
                            .collect(),
                    ),
                };
                let r = domain::offer_transfer(
                    s,
                    self.ids[*w],
                    Offer {
                        transfer_id,
                        target: pb::TransferTarget { kind: Some(target) },
                        candidates: Ok(candidates),
                        route: None,
                        facts: [("k".to_owned(), "v".to_owned())].into(),
                        note: "note".into(),
                    },
                    now,
                    &T,
                    &Limits::default(),
                );
                if r.is_ok() {
                    self.offered.push(transfer_id.to_string());
                }
                r
            }
            Op::Accept(w, stale) => {
                let t = self.transfer_id(*stale);
                domain::accept_transfer(&mut self.session, self.ids[*w], t, now, &T)
            }
            Op::Decline(w, stale) => {
                let t = self.transfer_id(*stale);
                domain::decline_transfer(
                    &mut self.session,
                    self.ids[*w],
                    t,
                    "no".into(),
                    &Default::default(),
                    now,
                )
            }
            Op::Cancel(w, stale) => {
                let t = self.transfer_id(*stale);
                domain::cancel_transfer(&mut self.session, self.ids[*w], t, "no".into(), now)
            }
            Op::Disconnect(w) => domain::disconnect(s, self.ids[*w], now).map(|(e, _)| e),
            Op::AcknowledgeDisconnect(w, earlier) => {
                let last = self
                    .log
                    .iter()
                    .rev()
                    .find(|e| matches!(e.payload, Some(Payload::HolderDisconnected(_))))
                    .map_or(1, |e| e.seq);
                let seq = if *earlier {
                    last.saturating_sub(1)
                } else {
                    last
                };
                let handoff = self
                    .log
                    .iter()
                    .any(|e| e.seq == seq && domain::is_handoff(e));
                domain::acknowledge_disconnect(s, self.ids[*w], seq, handoff, now)
            }
            Op::Wait(ms) => {
                self.now += ms;
                Ok(domain::on_deadline(s, self.now))
            }
        }
    }

    fn role(&self, terminal: usize) -> Option<Role> {
        domain::role_of(&self.session, self.ids[terminal])
    }
}

/// Checks every invariant after one step.
fn check(
    world: &World,
    before: &pb::Session,
    op: &Op,
    outcome: &Result<Vec<pb::Event>, handoff::error::Error>,
) {
    let s = &world.session;
    match outcome {
        Err(e) => assert_eq!(
            s.encode_to_vec(),
            before.encode_to_vec(),
            "{op:?} was refused ({e}) but changed the session"
        ),
        Ok(events) => {
            for (i, e) in events.iter().enumerate() {
                assert_eq!(
                    e.seq,
                    before.last_seq + 1 + i as u64,
                    "gap-free after {op:?}"
                );
            }
            assert_eq!(s.last_seq, before.last_seq + events.len() as u64);
        }
    }
    for (i, e) in world.log.iter().enumerate() {
        assert_eq!(e.seq, i as u64 + 1, "the log is gap-free");
    }

    // One holder at a time.
    let holders: Vec<&pb::Participant> = s
        .participants
        .iter()
        .filter(|p| p.role() == Role::Holder)
        .collect();
    if s.state() == SessionState::Open {
        assert_eq!(holders.len(), 1, "one holder while open: {s:?}");
        assert_eq!(holders[0].terminal_id, s.holder_terminal_id);
    }
    assert!(holders.len() <= 1, "never two holders: {s:?}");

    // Every transfer ends exactly once, and an ended one cannot be answered.
    let mut ended = HashSet::new();
    for t in &s.past_transfers {
        assert!(ended.insert(t.id.clone()), "transfer {} ended twice", t.id);
        assert!(
            !matches!(
                t.state(),
                pb::TransferState::Offered | pb::TransferState::Accepted
            ),
            "an ended transfer has a final state: {t:?}"
        );
    }
    if let Some(t) = &s.active_transfer {
        assert!(!ended.contains(&t.id), "an ended transfer is active again");
    }
    for id in &world.offered {
        let open = s.active_transfer.as_ref().is_some_and(|t| &t.id == id);
        assert!(open || ended.contains(id), "transfer {id} vanished");
    }
    for t in &s.past_transfers {
        let id: Uuid = t.id.parse().expect("id");
        for w in 0..TERMINALS {
            let mut copy = s.clone();
            assert!(
                domain::accept_transfer(&mut copy, world.ids[w], id, world.now, &T).is_err(),
                "an ended transfer was accepted"
            );
        }
    }

    // Who may write: a terminal that does not take part (a former holder) is refused.
    for w in 0..TERMINALS {
        let mut copy = s.clone();
        let wrote = domain::post_message(&mut copy, world.ids[w], "x".into(), world.now).is_ok();
        if wrote {
            assert!(
                matches!(world.role(w), Some(Role::Holder | Role::Caller)),
                "terminal {w} wrote without being holder or caller"
            );
        }
        if world.role(w).is_none() {
            assert!(!wrote);
        }
    }

    // Parts as the stream reads them from the log agree with who takes part: a terminal inside
    // its part after the last event takes part now, and one taking part is inside its part.
    let caller = world.ids[0].to_string();
    for w in 0..TERMINALS {
        let me = world.ids[w].to_string();
        let inside = Part::after(&me, &caller, &world.log).is_some();
        let takes_part = world.role(w).is_some();
        if s.state() != SessionState::Ended {
            assert_eq!(
                inside, takes_part,
                "terminal {w}: the log says inside={inside}, the session says taking part={takes_part}; \
                 after {op:?}\n{s:?}"
            );
        }
    }
    // The caller's terminal never sees negotiation.
    for e in &world.log {
        let negotiation = matches!(
            e.payload,
            Some(
                Payload::TransferOffered(_)
                    | Payload::TransferAccepted(_)
                    | Payload::TransferDeclined(_)
                    | Payload::TransferCancelled(_)
                    | Payload::TransferExpired(_)
            )
        );
        assert_eq!(domain::visible_to(Role::Caller, e), !negotiation);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn the_transfer_state_machine_keeps_its_invariants(
        ops in prop::collection::vec(op(), 1..60),
        acknowledged in any::<bool>(),
    ) {
        let mut world = World::new();
        if acknowledged {
            let before = world.session.clone();
            let op = Op::AcknowledgeConnect(1);
            let outcome = world.apply(&op);
            if let Ok(events) = &outcome {
                world.log.extend(events.iter().cloned());
            }
            check(&world, &before, &op, &outcome);
        }
        for op in &ops {
            let before = world.session.clone();
            let outcome = world.apply(op);
            if let Ok(events) = &outcome {
                world.log.extend(events.iter().cloned());
            }
            check(&world, &before, op, &outcome);
        }
    }
}
