//! Routing like a contact centre, on every backend: statuses, capacity, waiting queues and their
//! positions, the strategies, overflow and expiry, away holders, the hop limit, and what
//! administrators see. Rows C6 (group targets, first accept wins) and C12 (chains) are the base.

mod common;

use std::time::Duration;

use common::{Backend, Term, TestServer, event_where, is, open_session};
use handoff::client::Feed;
use handoff::pb::{
    self, Channel, QueueReason, RoutingStrategy, TerminalKind, TerminalStatus, TransferState,
    event::Payload,
};
use tonic::Code;
use tonic_types::StatusExt;

/// A server with quick deadlines, a gateway, a bot that holds the sessions, and its feed.
struct Desk {
    srv: TestServer,
    gateway: Term,
    bot: Term,
    bot_feed: Feed,
}

async fn desk(backend: Backend) -> Desk {
    desk_with(backend, |_| {}).await
}

async fn desk_with(backend: Backend, tweak: impl FnOnce(&mut handoff::config::ServeArgs)) -> Desk {
    let srv = TestServer::start_with(backend, |a| {
        a.sweep_interval = Duration::from_millis(50);
        tweak(a)
    })
    .await;
    let gateway = srv.terminal("web-gateway", TerminalKind::Gateway).await;
    let bot = srv.terminal("bot", TerminalKind::Bot).await;
    let bot_feed = bot.attach().await;
    Desk {
        srv,
        gateway,
        bot,
        bot_feed,
    }
}

impl Desk {
    /// A session the bot holds.
    async fn session(&mut self, caller: &str) -> pb::Session {
        open_session(
            &self.gateway,
            &self.bot,
            &mut self.bot_feed,
            caller,
            Channel::Web,
        )
        .await
    }

    async fn routing(&self, r: pb::GroupRouting) {
        self.srv
            .admin
            .clone()
            .set_group_routing(pb::SetGroupRoutingRequest { routing: Some(r) })
            .await
            .expect("set group routing");
    }

    async fn capacity(&self, t: &Term, capacity: u32) {
        self.srv
            .admin
            .clone()
            .set_terminal_capacity(pb::SetTerminalCapacityRequest {
                terminal_id: t.id.clone(),
                capacity,
            })
            .await
            .expect("set capacity");
    }

    async fn states(&self, group: &str) -> Vec<pb::TerminalState> {
        self.srv
            .admin
            .clone()
            .list_terminal_states(pb::ListTerminalStatesRequest {
                group: group.to_owned(),
                ..Default::default()
            })
            .await
            .expect("list states")
            .into_inner()
            .states
    }

    async fn queue(&self, group: &str) -> pb::QueueStats {
        self.srv
            .admin
            .clone()
            .list_queue_stats(pb::ListQueueStatsRequest {
                group: group.to_owned(),
                ..Default::default()
            })
            .await
            .expect("queue stats")
            .into_inner()
            .queues
            .remove(0)
    }
}

fn to_group(session: &str, group: &str, priority: i32) -> pb::TransferRequest {
    pb::TransferRequest {
        session_id: session.to_owned(),
        target: Some(pb::TransferTarget {
            kind: Some(pb::transfer_target::Kind::Group(group.to_owned())),
        }),
        note: "routed".into(),
        priority,
        ..Default::default()
    }
}

async fn transfer(holder: &Term, session: &str, group: &str, priority: i32) -> pb::Transfer {
    holder
        .c()
        .transfer(to_group(session, group, priority))
        .await
        .expect("transfer to a group")
        .into_inner()
        .transfer
        .expect("transfer")
}

fn ms(ms: u64) -> Option<prost_types::Duration> {
    Some(prost_types::Duration {
        seconds: (ms / 1000) as i64,
        nanos: ((ms % 1000) * 1_000_000) as i32,
    })
}

/// The next offer on `feed`: its session and transfer.
async fn next_offer(feed: &mut Feed) -> (String, pb::Transfer) {
    let (e, _) = event_where(feed, is(|p| matches!(p, Payload::TransferOffered(_)))).await;
    let Some(Payload::TransferOffered(o)) = e.payload else {
        unreachable!()
    };
    (e.session_id, o.transfer.expect("transfer"))
}

/// The next TransferQueued of `session` on `feed`.
async fn next_queued(feed: &mut Feed, session: &str) -> pb::TransferQueued {
    let s = session.to_owned();
    let (e, _) = event_where(feed, move |e| {
        e.session_id == s && matches!(e.payload, Some(Payload::TransferQueued(_)))
    })
    .await;
    let Some(Payload::TransferQueued(q)) = e.payload else {
        unreachable!()
    };
    q
}

// Statuses: an agent attached is not available until it says so (a bot is); the status is kept
// in the database, shown to administrators, and holds across a reconnect.
async fn statuses_decide_who_is_offered_and_survive_a_reconnect(backend: Backend) {
    let mut d = desk(backend).await;
    let alice = d
        .srv
        .terminal_in("alice", TerminalKind::Agent, &["billing"])
        .await;
    let helper = d
        .srv
        .terminal_in("helper-bot", TerminalKind::Bot, &["bots"])
        .await;
    let alice_feed = alice.attach().await;
    let _helper_feed = helper.attach().await;
    let states = d.states("").await;
    let of = |name: &str| states.iter().find(|s| s.name == name).cloned().unwrap();
    assert_eq!(
        of("alice").status(),
        TerminalStatus::Away,
        "agents start away"
    );
    assert!(of("alice").attached);
    assert_eq!(of("helper-bot").status(), TerminalStatus::Available);
    assert!(of("alice").status_time.is_none(), "alice never set one");

    // Attached but away: the transfer waits.
    let s = d.session("+1555000100").await;
    let t = transfer(&d.bot, &s.id, "billing", 0).await;
    assert_eq!(t.state(), TransferState::Queued);
    // A bot in a group is available by default, as before statuses existed.
    let s2 = d.session("+1555000101").await;
    let t2 = transfer(&d.bot, &s2.id, "bots", 0).await;
    assert_eq!(t2.state(), TransferState::Offered);
    assert_eq!(t2.offered_to_terminal_ids, vec![helper.id.clone()]);

    // Busy and away take nothing; available takes the waiting transfer at once.
    let set = alice.set_status(TerminalStatus::Busy).await;
    assert_eq!(set.status(), TerminalStatus::Busy);
    assert!(set.status_time.is_some());
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(
        d.bot
            .session(&s.id)
            .await
            .unwrap()
            .active_transfer
            .unwrap()
            .state(),
        TransferState::Queued
    );
    // The status holds when alice reconnects (on the stream this time).
    drop(alice_feed);
    let mut alice_feed = alice.attach().await;
    let (r, _) = common::command(
        &mut alice_feed,
        "status",
        pb::command::Kind::SetStatus(pb::SetStatusRequest {
            status: TerminalStatus::Available as i32,
            reason: "back".into(),
        }),
    )
    .await;
    assert_eq!(r.code, 0, "{}", r.message);
    let (session, offered) = next_offer(&mut alice_feed).await;
    assert_eq!(
        (session.as_str(), offered.id.as_str()),
        (s.id.as_str(), t.id.as_str())
    );
    let state = d.states("billing").await.remove(0);
    assert_eq!(
        (state.status(), state.reason.as_str()),
        (TerminalStatus::Available, "back")
    );
    drop(alice_feed);
    tokio::time::sleep(Duration::from_millis(100)).await;
    let again = alice.attach().await;
    assert_eq!(
        d.states("billing").await.remove(0).status(),
        TerminalStatus::Available,
        "the status outlives the stream"
    );
    drop(again);

    // Bad input.
    let bad = alice
        .c()
        .set_status(pb::SetStatusRequest::default())
        .await
        .unwrap_err();
    assert_eq!(bad.code(), Code::InvalidArgument);
    let long = alice
        .c()
        .set_status(pb::SetStatusRequest {
            status: TerminalStatus::Away as i32,
            reason: "x".repeat(300),
        })
        .await
        .unwrap_err();
    assert_eq!(long.code(), Code::InvalidArgument);
    d.srv.stop().await;
}

// Capacity: held sessions plus accepted transfers never exceed it, however many accepts race.
async fn capacity_is_never_exceeded_under_a_burst_of_parallel_transfers(backend: Backend) {
    let mut d = desk(backend).await;
    let agents = [
        d.srv
            .terminal_in("a1", TerminalKind::Agent, &["sales"])
            .await,
        d.srv
            .terminal_in("a2", TerminalKind::Agent, &["sales"])
            .await,
    ];
    let mut feeds = Vec::new();
    for (a, cap) in agents.iter().zip([1u32, 2]) {
        d.capacity(a, cap).await;
        feeds.push(a.ready().await);
    }
    let mut sessions = Vec::new();
    for i in 0..6 {
        sessions.push(d.session(&format!("+1555000{i:03}")).await);
    }
    // Every transfer at once; every agent accepts every offer it sees, all in parallel.
    let transfers = futures_util::future::join_all(
        sessions.iter().map(|s| transfer(&d.bot, &s.id, "sales", 0)),
    )
    .await;
    let mut accepts = Vec::new();
    for t in &transfers {
        for a in &agents {
            let (a, sid, tid) = (a.clone(), t.session_id.clone(), t.id.clone());
            accepts.push(tokio::spawn(async move {
                (a.id.clone(), a.accept(&sid, &tid).await)
            }));
        }
    }
    let mut won: std::collections::HashMap<String, usize> = Default::default();
    let mut at_capacity = 0;
    for a in accepts {
        let (who, r) = a.await.unwrap();
        match r {
            Ok(_) => *won.entry(who).or_default() += 1,
            Err(e) if e.code() == Code::FailedPrecondition => {
                let reason = e.get_error_details().error_info().map(|i| i.reason.clone());
                if reason.as_deref() == Some("AT_CAPACITY") {
                    at_capacity += 1;
                }
            }
            Err(_) => {}
        }
    }
    assert!(won.get(&agents[0].id).copied().unwrap_or(0) <= 1, "{won:?}");
    assert!(won.get(&agents[1].id).copied().unwrap_or(0) <= 2, "{won:?}");
    assert!(at_capacity > 0, "some accepts were refused for capacity");
    for s in d.states("sales").await {
        assert!(s.load <= s.capacity, "{s:?}");
    }
    // An accept refused while a racing one held the seat for a moment is refused only then: a
    // member under capacity takes what is still on offer once the race is over.
    for (a, cap) in agents.iter().zip([1usize, 2]) {
        for t in &transfers {
            if won.get(&a.id).copied().unwrap_or(0) == cap {
                break;
            }
            if a.accept(&t.session_id, &t.id).await.is_ok() {
                *won.entry(a.id.clone()).or_default() += 1;
            }
        }
    }
    assert_eq!(
        won.values().sum::<usize>(),
        3,
        "every seat is taken: {won:?}"
    );
    for s in d.states("sales").await {
        assert!(s.load <= s.capacity, "{s:?}");
    }
    // The held sessions stay counted after the handover; a session that ends frees its seat.
    for s in &sessions {
        let _ = d.bot.disconnect(&s.id).await;
    }
    let held: Vec<pb::Session> = d
        .srv
        .admin
        .clone()
        .list_sessions(pb::ListSessionsRequest {
            holder_terminal_id: agents[1].id.clone(),
            state: pb::SessionState::Open as i32,
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner()
        .sessions;
    assert_eq!(held.len(), 2);
    agents[1].disconnect(&held[0].id).await.unwrap();
    let mut freed = false;
    for _ in 0..50 {
        let a2 = d
            .states("sales")
            .await
            .into_iter()
            .find(|s| s.name == "a2")
            .unwrap();
        if a2.load == 1 {
            freed = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(freed, "the ended session gave its seat back");
    d.srv.stop().await;
}

// The queue: priority then arrival; positions announced as the queue moves; an agent that
// becomes available takes the head; cancel works while queued; administrators see it all.
async fn the_queue_orders_announces_and_serves_its_head(backend: Backend) {
    let mut d = desk(backend).await;
    let agent = d
        .srv
        .terminal_in("agent", TerminalKind::Agent, &["support"])
        .await;
    d.capacity(&agent, 1).await;
    let a = d.session("+1555000200").await;
    let b = d.session("+1555000201").await;
    let c = d.session("+1555000202").await;
    let x = d.session("+1555000203").await;
    let ta = transfer(&d.bot, &a.id, "support", 0).await;
    let tb = transfer(&d.bot, &b.id, "support", 0).await;
    let tx = transfer(&d.bot, &x.id, "support", 0).await;
    assert_eq!(
        (ta.queue_position, tb.queue_position, tx.queue_position),
        (1, 2, 3)
    );
    // A higher priority goes ahead of everyone: the others move down.
    let tc = transfer(&d.bot, &c.id, "support", 5).await;
    assert_eq!((tc.state(), tc.queue_position), (TransferState::Queued, 1));
    let q = next_queued(&mut d.bot_feed, &a.id).await;
    assert_eq!((q.position, q.reason()), (1, QueueReason::NobodyAvailable));
    let q = next_queued(&mut d.bot_feed, &a.id).await;
    assert_eq!((q.position, q.reason()), (2, QueueReason::Position));

    // Cancel while queued: it leaves the queue, the others move up.
    d.bot
        .c()
        .cancel_transfer(pb::CancelTransferRequest {
            session_id: x.id.clone(),
            transfer_id: tx.id.clone(),
            reason: "caller chose to wait for a bot".into(),
        })
        .await
        .expect("cancel while queued");
    let stats = d.queue("support").await;
    assert_eq!(
        (
            stats.length,
            stats.available_members,
            stats.members,
            stats.offers_in_flight
        ),
        (3, 0, 1, 0)
    );
    assert!(stats.oldest_wait.is_some());
    let queued: Vec<String> = d
        .srv
        .admin
        .clone()
        .list_sessions(pb::ListSessionsRequest {
            group: "support".into(),
            queued: true,
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner()
        .sessions
        .into_iter()
        .map(|s| s.id)
        .collect();
    let mut expected = vec![a.id.clone(), b.id.clone(), c.id.clone()];
    expected.sort();
    expected.reverse();
    assert_eq!(queued, expected, "newest first");

    // The agent becomes available: it is offered the head (the priority one), and only that
    // (capacity 1); accepting it, then finishing, brings the next.
    let mut feed = agent.ready().await;
    let (s1, t1) = next_offer(&mut feed).await;
    assert_eq!(
        (s1.as_str(), t1.id.as_str()),
        (c.id.as_str(), tc.id.as_str())
    );
    assert_eq!(t1.offered_to_terminal_ids, vec![agent.id.clone()]);
    agent.accept(&c.id, &tc.id).await.expect("accept the head");
    d.bot.disconnect(&c.id).await.unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(
        d.queue("support").await.length,
        2,
        "nothing more while at capacity"
    );
    agent.disconnect(&c.id).await.unwrap();
    let (s2, _) = next_offer(&mut feed).await;
    assert_eq!(s2, a.id, "then the oldest of equal priority");
    d.srv.stop().await;
}

// LONGEST_IDLE: one member at a time, the idle longest first; a decline or the ring timeout
// passes it to the next; a member who declined or let it ring is not offered it again.
async fn longest_idle_rings_one_member_at_a_time(backend: Backend) {
    let mut d = desk(backend).await;
    d.routing(pb::GroupRouting {
        group: "tier2".into(),
        strategy: RoutingStrategy::LongestIdle as i32,
        ring_timeout: ms(700),
        ..Default::default()
    })
    .await;
    let first = d
        .srv
        .terminal_in("first", TerminalKind::Agent, &["tier2"])
        .await;
    let second = d
        .srv
        .terminal_in("second", TerminalKind::Agent, &["tier2"])
        .await;
    let mut first_feed = first.ready().await;
    tokio::time::sleep(Duration::from_millis(20)).await;
    let mut second_feed = second.ready().await;
    let s = d.session("+1555000300").await;
    let t = transfer(&d.bot, &s.id, "tier2", 0).await;
    assert_eq!(t.state(), TransferState::Offered);
    assert_eq!(
        t.offered_to_terminal_ids,
        vec![first.id.clone()],
        "idle longest"
    );
    let (_, offered) = next_offer(&mut first_feed).await;
    assert_eq!(offered.id, t.id);
    // First declines: second is rung.
    first
        .c()
        .decline_transfer(pb::DeclineTransferRequest {
            session_id: s.id.clone(),
            transfer_id: t.id.clone(),
            reason: "wrap-up".into(),
        })
        .await
        .expect("decline");
    let (_, rung) = next_offer(&mut second_feed).await;
    assert_eq!(rung.id, t.id);
    assert_eq!(rung.declined_by_terminal_ids, vec![first.id.clone()]);
    // Second lets it ring: back to the queue, announced, and offered to nobody again.
    let (e, _) = event_where(&mut d.bot_feed, |e| {
        matches!(&e.payload, Some(Payload::TransferExpired(x)) if !x.unanswered_by_terminal_ids.is_empty())
    })
    .await;
    let Some(Payload::TransferExpired(x)) = e.payload else {
        unreachable!()
    };
    assert_eq!(x.unanswered_by_terminal_ids, vec![second.id.clone()]);
    let q = next_queued(&mut d.bot_feed, &s.id).await;
    assert_eq!((q.position, q.reason()), (1, QueueReason::Unanswered));
    // Second did not answer: it is set away (first is available but declined this one).
    let mut second_now = None;
    for _ in 0..100 {
        let states = d.states("tier2").await;
        let s2 = states.into_iter().find(|t| t.name == "second").unwrap();
        if s2.status() == TerminalStatus::Away {
            second_now = Some(s2);
            break;
        }
        tokio::time::sleep(Duration::from_millis(30)).await;
    }
    assert_eq!(
        second_now.map(|s| s.reason),
        Some("did not answer an offer".to_owned())
    );
    tokio::time::sleep(Duration::from_millis(500)).await;
    let now = d.bot.session(&s.id).await.unwrap().active_transfer.unwrap();
    assert_eq!(now.state(), TransferState::Queued);
    // A new member becomes available: it takes the waiting transfer.
    let third = d
        .srv
        .terminal_in("third", TerminalKind::Agent, &["tier2"])
        .await;
    let mut third_feed = third.ready().await;
    let (_, t3) = next_offer(&mut third_feed).await;
    assert_eq!(t3.id, t.id);
    third.accept(&s.id, &t.id).await.expect("accept");
    d.srv.stop().await;
}

// LEAST_LOADED: the member with the fewest sessions relative to its capacity.
async fn least_loaded_offers_the_emptiest_member(backend: Backend) {
    let mut d = desk(backend).await;
    d.routing(pb::GroupRouting {
        group: "chat".into(),
        strategy: RoutingStrategy::LeastLoaded as i32,
        ..Default::default()
    })
    .await;
    let big = d
        .srv
        .terminal_in("big", TerminalKind::Agent, &["chat"])
        .await;
    let small = d
        .srv
        .terminal_in("small", TerminalKind::Agent, &["chat"])
        .await;
    d.capacity(&big, 4).await;
    d.capacity(&small, 2).await;
    let _f1 = big.ready().await;
    let _f2 = small.ready().await;
    let mut taken = Vec::new();
    // Loads: 0/4 vs 0/2 (tie: idle longest, big) → 1/4 vs 0/2 → small → 1/4 vs 1/2 → big.
    for i in 0..3 {
        let s = d.session(&format!("+155500040{i}")).await;
        let t = transfer(&d.bot, &s.id, "chat", 0).await;
        assert_eq!(t.offered_to_terminal_ids.len(), 1);
        let who = t.offered_to_terminal_ids[0].clone();
        let member = if who == big.id { &big } else { &small };
        member.accept(&s.id, &t.id).await.expect("accept");
        taken.push(if who == big.id { "big" } else { "small" });
    }
    assert_eq!(taken, vec!["big", "small", "big"]);
    d.srv.stop().await;
}

// A transfer that waited its group's maximum moves to the overflow group, or expires.
async fn overflow_and_expiry_on_maximum_wait(backend: Backend) {
    let mut d = desk(backend).await;
    d.routing(pb::GroupRouting {
        group: "tier1".into(),
        max_wait: ms(400),
        overflow_group: "backup".into(),
        ..Default::default()
    })
    .await;
    d.routing(pb::GroupRouting {
        group: "backup".into(),
        max_wait: ms(400),
        ..Default::default()
    })
    .await;
    let _t1 = d
        .srv
        .terminal_in("t1", TerminalKind::Agent, &["tier1"])
        .await;
    let backup = d
        .srv
        .terminal_in("b1", TerminalKind::Agent, &["backup"])
        .await;
    let s = d.session("+1555000500").await;
    let t = transfer(&d.bot, &s.id, "tier1", 0).await;
    assert_eq!(t.state(), TransferState::Queued);
    assert!(t.queue_deadline.is_some());
    let q = next_queued(&mut d.bot_feed, &s.id).await;
    assert_eq!(q.reason(), QueueReason::NobodyAvailable);
    let q = next_queued(&mut d.bot_feed, &s.id).await;
    assert_eq!(
        (q.group.as_str(), q.reason()),
        ("backup", QueueReason::Overflow)
    );
    // Nobody in backup either: it expires, and the holder keeps the session.
    let (e, _) = event_where(
        &mut d.bot_feed,
        |e| matches!(&e.payload, Some(Payload::TransferExpired(x)) if !x.reason.is_empty()),
    )
    .await;
    assert_eq!(e.session_id, s.id);
    let session = d.bot.session(&s.id).await.unwrap();
    assert!(session.active_transfer.is_none());
    assert_eq!(session.holder_terminal_id, d.bot.id);
    assert_eq!(
        session.past_transfers.last().unwrap().state(),
        TransferState::Expired
    );
    // Again, with a backup member available this time: it is offered there.
    let mut feed = backup.ready().await;
    let t = transfer(&d.bot, &s.id, "tier1", 0).await;
    let (_, offered) = next_offer(&mut feed).await;
    assert_eq!(
        (offered.id.as_str(), offered.queue_group.as_str()),
        (t.id.as_str(), "backup")
    );
    d.srv.stop().await;
}

// An agent that goes away while holding a routed session: after the group's grace, the session
// is re-queued there, the next member takes it over at once and the caller's terminal is told.
async fn an_away_holder_has_its_sessions_requeued(backend: Backend) {
    let mut d = desk(backend).await;
    d.routing(pb::GroupRouting {
        group: "care".into(),
        away_grace: ms(300),
        ..Default::default()
    })
    .await;
    let alice = d
        .srv
        .terminal_in("alice", TerminalKind::Agent, &["care"])
        .await;
    let bob = d
        .srv
        .terminal_in("bob", TerminalKind::Agent, &["care"])
        .await;
    let mut gw_feed = d.gateway.attach().await;
    let mut alice_feed = alice.ready().await;
    let s = d.session("+1555000600").await;
    let t = transfer(&d.bot, &s.id, "care", 0).await;
    let _ = next_offer(&mut alice_feed).await;
    alice.accept(&s.id, &t.id).await.unwrap();
    d.bot.disconnect(&s.id).await.unwrap();
    alice.say(&s.id, "hello, alice here").await.unwrap();

    // Bob is busy when alice leaves for lunch: the session waits for a member.
    bob.set_status(TerminalStatus::Busy).await;
    let mut bob_feed = bob.attach().await;
    alice.set_status(TerminalStatus::Away).await;
    let mut requeued = None;
    for _ in 0..100 {
        let t = alice.session(&s.id).await.unwrap().active_transfer;
        if let Some(t) = t.filter(|t| t.server_initiated) {
            requeued = Some(t);
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let requeued = requeued.expect("re-queued after the grace");
    assert_eq!(requeued.state(), TransferState::Queued);
    assert_eq!(requeued.from_terminal_id, alice.id);
    bob.set_status(TerminalStatus::Available).await;
    let (_, offered) = next_offer(&mut bob_feed).await;
    assert_eq!(offered.id, requeued.id);
    bob.accept(&s.id, &offered.id).await.expect("accept");
    // Bob holds it at once; the caller's terminal is told who left and who continues.
    let alice_id = alice.id.clone();
    let (e, _) = event_where(&mut gw_feed, move |e| {
        matches!(&e.payload, Some(Payload::HolderDisconnected(h)) if h.left_terminal_id == alice_id)
    })
    .await;
    let Some(Payload::HolderDisconnected(h)) = e.payload else {
        unreachable!()
    };
    assert_eq!(
        (
            h.left_terminal_id.as_str(),
            h.continued_by_terminal_id.as_str(),
            h.forced
        ),
        (alice.id.as_str(), bob.id.as_str(), true)
    );
    bob.say(&s.id, "bob here, I have your history")
        .await
        .unwrap();
    assert_eq!(code(alice.say(&s.id, "still here?").await), Code::NotFound);
    d.srv.stop().await;
}

// A Connect to a group: the caller waits in the group's queue (the caller's terminal sees only
// that the session was requested), the member that accepts opens the session as its holder.
async fn a_connect_to_a_group_waits_in_its_queue(backend: Backend) {
    let d = desk(backend).await;
    d.routing(pb::GroupRouting {
        group: "front".into(),
        strategy: RoutingStrategy::LongestIdle as i32,
        max_wait: ms(600),
        ..Default::default()
    })
    .await;
    let agent = d
        .srv
        .terminal_in("front-1", TerminalKind::Agent, &["front"])
        .await;
    let mut gw_feed = d.gateway.attach().await;
    let connect = |caller: &str| {
        let gw = d.gateway.clone();
        let caller = caller.to_owned();
        tokio::spawn(async move {
            gw.c()
                .connect(pb::ConnectRequest {
                    destination_group: "front".into(),
                    caller: Some(pb::Caller {
                        id: caller,
                        display_name: String::new(),
                    }),
                    channel: Channel::Web as i32,
                    priority: 3,
                    ..Default::default()
                })
                .await
        })
    };
    // Nobody available within the maximum wait: the attempt ends, UNAVAILABLE.
    let nobody = connect("+1555000800").await.unwrap().unwrap_err();
    assert_eq!(nobody.code(), Code::Unavailable, "{}", nobody.message());
    // The agent becomes available while the caller waits: it is offered the caller with the
    // context, accepts, and holds the session.
    let waiting = connect("+1555000801");
    let (requested, _) = event_where(&mut gw_feed, |e| {
        matches!(&e.payload, Some(Payload::SessionRequested(r)) if r.caller.as_ref().is_some_and(|c| c.id == "+1555000801"))
    })
    .await;
    let Some(Payload::SessionRequested(r)) = &requested.payload else {
        unreachable!()
    };
    assert_eq!(r.destination_group, "front");
    let mut feed = agent.ready().await;
    let (e, _) = event_where(&mut feed, is(|p| matches!(p, Payload::TransferOffered(_)))).await;
    let Some(Payload::TransferOffered(o)) = e.payload else {
        unreachable!()
    };
    let t = o.transfer.unwrap();
    assert_eq!(t.priority, 3);
    assert_eq!(
        o.context.unwrap().caller.unwrap().id,
        "+1555000801",
        "the offer carries the caller"
    );
    let accepted = agent.accept(&e.session_id, &t.id).await.expect("accept");
    assert_eq!(accepted.session.unwrap().holder_terminal_id, agent.id);
    let session = waiting
        .await
        .unwrap()
        .expect("connect returns the open session")
        .into_inner();
    let session = session.session.unwrap();
    assert_eq!(
        (session.state(), session.holder_terminal_id.as_str()),
        (pb::SessionState::Open, agent.id.as_str())
    );
    assert!(
        session.active_transfer.is_none(),
        "the caller's view has no negotiation"
    );
    d.gateway.say(&session.id, "hello?").await.unwrap();
    agent.say(&session.id, "hi, front desk here").await.unwrap();
    // Bad requests.
    let both = d
        .gateway
        .c()
        .connect(pb::ConnectRequest {
            destination_group: "front".into(),
            destination_terminal_id: agent.id.clone(),
            caller: Some(pb::Caller {
                id: "+1".into(),
                display_name: String::new(),
            }),
            channel: Channel::Web as i32,
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert_eq!(both.code(), Code::InvalidArgument);
    let empty = d
        .gateway
        .c()
        .connect(pb::ConnectRequest {
            destination_group: "no-members".into(),
            caller: Some(pb::Caller {
                id: "+1".into(),
                display_name: String::new(),
            }),
            channel: Channel::Web as i32,
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert_eq!(empty.code(), Code::NotFound);
    d.srv.stop().await;
}

fn code<T: std::fmt::Debug>(r: Result<T, tonic::Status>) -> Code {
    common::code(r)
}

// The hop limit stops transfer loops with a stable reason.
async fn the_hop_limit_stops_transfer_loops(backend: Backend) {
    let mut d = desk_with(backend, |a| a.max_transfer_hops = 2).await;
    let a = d.srv.terminal("hop-a", TerminalKind::Bot).await;
    let b = d.srv.terminal("hop-b", TerminalKind::Bot).await;
    let _fa = a.attach().await;
    let _fb = b.attach().await;
    let s = d.session("+1555000700").await;
    let mut holder = d.bot.clone();
    for next in [&a, &b] {
        let t = holder.transfer_to(&s.id, next, "loop").await.unwrap();
        next.accept(&s.id, &t.id).await.unwrap();
        holder.disconnect(&s.id).await.unwrap();
        holder = next.clone();
    }
    let refused = holder.transfer_to(&s.id, &a, "again").await.unwrap_err();
    assert_eq!(refused.code(), Code::FailedPrecondition);
    assert_eq!(
        refused
            .get_error_details()
            .error_info()
            .map(|i| i.reason.clone()),
        Some("HOP_LIMIT".to_owned())
    );
    assert_eq!(
        d.bot.session(&s.id).await.map(|_| ()).unwrap_err().code(),
        Code::NotFound
    );
    assert_eq!(holder.session(&s.id).await.unwrap().hops, 2);
    d.srv.stop().await;
}

// Administrators: group routing read back with its defaults, validation, paging of states and
// queues, and status changes streamed as they happen.
async fn administrators_configure_and_watch_routing(backend: Backend) {
    let d = desk(backend).await;
    let mut admin = d.srv.admin.clone();
    let got = admin
        .get_group_routing(pb::GetGroupRoutingRequest {
            group: "nobody-set-this".into(),
        })
        .await
        .unwrap()
        .into_inner()
        .routing
        .unwrap();
    assert_eq!(got.strategy(), RoutingStrategy::Broadcast);
    assert!(got.max_wait.is_none() && got.away_grace.is_none());
    for bad in [
        pb::GroupRouting {
            group: "x".into(),
            overflow_group: "x".into(),
            ..Default::default()
        },
        pb::GroupRouting {
            group: "bad name".into(),
            ..Default::default()
        },
        pb::GroupRouting {
            group: "x".into(),
            max_wait: Some(prost_types::Duration {
                seconds: -1,
                nanos: 0,
            }),
            ..Default::default()
        },
        pb::GroupRouting {
            group: "x".into(),
            ring_timeout: Some(prost_types::Duration {
                seconds: 90_000,
                nanos: 0,
            }),
            ..Default::default()
        },
    ] {
        let e = admin
            .set_group_routing(pb::SetGroupRoutingRequest { routing: Some(bad) })
            .await
            .unwrap_err();
        assert_eq!(e.code(), Code::InvalidArgument, "{}", e.message());
    }
    let e = admin
        .set_terminal_capacity(pb::SetTerminalCapacityRequest {
            terminal_id: uuid::Uuid::now_v7().to_string(),
            capacity: 3,
        })
        .await
        .unwrap_err();
    assert_eq!(e.code(), Code::NotFound);

    let mut members = Vec::new();
    for i in 0..5 {
        members.push(
            d.srv
                .terminal_in(&format!("m{i}"), TerminalKind::Agent, &["pool"])
                .await,
        );
    }
    let mut watch = admin
        .watch_terminal_states(pb::WatchTerminalStatesRequest {
            group: "pool".into(),
        })
        .await
        .unwrap()
        .into_inner();
    members[3].set_status(TerminalStatus::Busy).await;
    let seen = tokio::time::timeout(common::WAIT, watch.message())
        .await
        .expect("a change in time")
        .unwrap()
        .unwrap()
        .state
        .unwrap();
    assert_eq!(
        (seen.name.as_str(), seen.status()),
        ("m3", TerminalStatus::Busy)
    );
    members[1].set_status(TerminalStatus::Available).await;
    let seen = tokio::time::timeout(common::WAIT, watch.message())
        .await
        .expect("a change in time")
        .unwrap()
        .unwrap()
        .state
        .unwrap();
    assert_eq!(
        (seen.name.as_str(), seen.status()),
        ("m1", TerminalStatus::Available)
    );

    // Paging: two at a time, every member once, in name order.
    let mut names = Vec::new();
    let mut token = String::new();
    loop {
        let page = admin
            .list_terminal_states(pb::ListTerminalStatesRequest {
                page_size: 2,
                page_token: token.clone(),
                group: "pool".into(),
            })
            .await
            .unwrap()
            .into_inner();
        names.extend(page.states.into_iter().map(|s| s.name));
        if page.next_page_token.is_empty() {
            break;
        }
        token = page.next_page_token;
    }
    assert_eq!(names, vec!["m0", "m1", "m2", "m3", "m4"]);
    let foreign = admin
        .list_terminal_states(pb::ListTerminalStatesRequest {
            page_size: 2,
            page_token: token.clone() + "00",
            group: "pool".into(),
        })
        .await
        .unwrap_err();
    assert_eq!(foreign.code(), Code::InvalidArgument);
    let all = admin
        .list_queue_stats(pb::ListQueueStatsRequest::default())
        .await
        .unwrap()
        .into_inner()
        .queues;
    assert!(all.iter().any(|q| q.group == "pool" && q.members == 5));
    let bad = admin
        .list_sessions(pb::ListSessionsRequest {
            holder_terminal_id: "not-an-id".into(),
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert_eq!(bad.code(), Code::InvalidArgument);
    d.srv.stop().await;
}

// Two `handoff serve` processes on one Postgres, the members spread over both: capacity holds,
// every routed transfer is offered to one member at a time and accepted once, round after round.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_server_processes_share_the_queues_and_capacity_holds() {
    use common::process::ServerProcess;
    let db = common::TestDb::create(Backend::Postgres).await;
    let flags = [
        "--admin-token",
        common::ADMIN_TOKEN,
        "--handoff-grace",
        "150ms",
        "--presence-interval",
        "300ms",
        "--sweep-interval",
        "50ms",
    ];
    let one = ServerProcess::start(&db.url, &flags).await;
    let two = ServerProcess::start(&db.url, &flags).await;
    let admin = handoff::client::admin(&one.url(), common::ADMIN_TOKEN)
        .await
        .expect("admin client");
    let registrar = admin.clone();
    let register = |name: &'static str, kind: TerminalKind, groups: &'static [&'static str]| {
        let mut admin = registrar.clone();
        async move {
            admin
                .create_terminal(pb::CreateTerminalRequest {
                    name: name.to_owned(),
                    display_name: name.to_owned(),
                    kind: kind as i32,
                    groups: groups.iter().map(|g| g.to_string()).collect(),
                })
                .await
                .expect("create terminal")
                .into_inner()
        }
    };
    let on = |srv: &ServerProcess, created: &pb::CreateTerminalResponse| {
        let url = srv.url();
        let created = created.clone();
        async move {
            Term {
                id: created.terminal.expect("terminal").id,
                client: handoff::client::terminal(&url, &created.token)
                    .await
                    .expect("client"),
                token: created.token,
            }
        }
    };
    let gw = register("gw", TerminalKind::Gateway, &[]).await;
    let bot = register("bot", TerminalKind::Bot, &[]).await;
    let gateway = on(&one, &gw).await;
    let bot_here = on(&one, &bot).await;
    let bot_there = on(&two, &bot).await;
    let mut bot_feed = bot_here.attach().await;
    admin
        .clone()
        .set_group_routing(pb::SetGroupRoutingRequest {
            routing: Some(pb::GroupRouting {
                group: "pool".into(),
                strategy: RoutingStrategy::LongestIdle as i32,
                ring_timeout: ms(3000),
                ..Default::default()
            }),
        })
        .await
        .expect("routing");
    // Four agents of capacity 1, two on each server; each accepts whatever it is offered and
    // ends the session once it holds it.
    let mut agents = Vec::new();
    for (i, name) in ["agent0", "agent1", "agent2", "agent3"]
        .into_iter()
        .enumerate()
    {
        let created = register(name, TerminalKind::Agent, &["pool"]).await;
        let a = on(if i % 2 == 0 { &one } else { &two }, &created).await;
        admin
            .clone()
            .set_terminal_capacity(pb::SetTerminalCapacityRequest {
                terminal_id: a.id.clone(),
                capacity: 1,
            })
            .await
            .expect("capacity");
        agents.push(a);
    }
    let states = |admin: &handoff::client::AdminClient| {
        let mut admin = admin.clone();
        async move {
            admin
                .list_terminal_states(pb::ListTerminalStatesRequest {
                    group: "pool".into(),
                    ..Default::default()
                })
                .await
                .expect("states")
                .into_inner()
                .states
        }
    };
    let mut workers = Vec::new();
    for a in agents.clone() {
        let mut feed = a.ready().await;
        workers.push(tokio::spawn(async move {
            let mut accepted = 0usize;
            loop {
                let e = match tokio::time::timeout(Duration::from_secs(6), feed.next()).await {
                    Ok(Ok(Some(pb::attach_response::Kind::Event(e)))) => e,
                    Ok(Ok(Some(_))) => continue,
                    _ => return accepted,
                };
                match e.payload {
                    Some(Payload::TransferOffered(o)) => {
                        let t = o.transfer.unwrap();
                        if t.offered_to_terminal_ids.last() == Some(&a.id)
                            && a.accept(&e.session_id, &t.id).await.is_ok()
                        {
                            accepted += 1;
                        }
                    }
                    Some(Payload::HolderDisconnected(h)) if h.continued_by_terminal_id == a.id => {
                        tokio::time::sleep(Duration::from_millis(30)).await;
                        let _ = a.disconnect(&e.session_id).await;
                    }
                    _ => {}
                }
            }
        }));
    }
    let mut sessions = Vec::new();
    for round in 0..4 {
        let mut opened = Vec::new();
        for i in 0..6 {
            opened.push(
                open_session(
                    &gateway,
                    &bot_here,
                    &mut bot_feed,
                    &format!("+1555{round}{i:05}"),
                    Channel::Web,
                )
                .await,
            );
        }
        // Half the transfers through each replica, all at once.
        let made = futures_util::future::join_all(opened.iter().enumerate().map(|(i, s)| {
            let holder = if i % 2 == 0 { &bot_here } else { &bot_there };
            transfer(holder, &s.id, "pool", 0)
        }))
        .await;
        assert_eq!(made.len(), 6);
        sessions.extend(opened);
        // No member ever over its capacity while the round drains.
        for _ in 0..10 {
            for s in states(&admin).await {
                assert!(s.load <= 1, "over capacity: {s:?}");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
    // Every session ends up with exactly one member, offered one at a time.
    let mut done = false;
    for _ in 0..200 {
        let ended = futures_util::future::join_all(sessions.iter().map(|s| gateway.session(&s.id)))
            .await
            .into_iter()
            .filter(|s| {
                s.as_ref()
                    .is_ok_and(|s| s.state() == pb::SessionState::Ended)
            })
            .count();
        if ended == sessions.len() {
            done = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    if !done {
        // What was left: the agents' states and each open session's transfer, for the failure.
        let pool = sqlx::PgPool::connect(&db.url).await.unwrap();
        let left: Vec<(String, i64, i64)> = sqlx::query_as(
            "SELECT id::text, state, route_state FROM sessions WHERE state <> 3 ORDER BY id",
        )
        .fetch_all(&pool)
        .await
        .unwrap();
        let seats: Vec<(String, String)> =
            sqlx::query_as("SELECT terminal_id::text, session_id::text FROM seats")
                .fetch_all(&pool)
                .await
                .unwrap();
        let mut logs = Vec::new();
        for (id, _, _) in &left {
            let rows: Vec<(Vec<u8>,)> = sqlx::query_as(
                "SELECT payload FROM events WHERE session_id = $1::uuid ORDER BY seq",
            )
            .bind(id)
            .fetch_all(&pool)
            .await
            .unwrap();
            for (p,) in rows {
                let e: pb::Event = prost::Message::decode(p.as_slice()).unwrap();
                logs.push(format!("{} {}: {:?}", &id[24..], e.seq, e.payload));
            }
        }
        pool.close().await;
        panic!(
            "every routed session was served and ended; left: {left:?}; seats: {seats:?}; \
             logs: {logs:#?}; agents: {:?}",
            states(&admin)
                .await
                .into_iter()
                .map(|s| (s.name, s.status, s.reason, s.load, s.attached))
                .collect::<Vec<_>>()
        );
    }
    let mut accepted_total = 0;
    for w in workers {
        accepted_total += w.await.unwrap();
    }
    assert_eq!(
        accepted_total,
        sessions.len(),
        "each transfer accepted once"
    );
    // The whole logs, as stored (the bot left each session at its handover).
    let pool = sqlx::PgPool::connect(&db.url).await.unwrap();
    for s in &sessions {
        let rows: Vec<(Vec<u8>,)> =
            sqlx::query_as("SELECT payload FROM events WHERE session_id = $1::uuid ORDER BY seq")
                .bind(&s.id)
                .fetch_all(&pool)
                .await
                .unwrap();
        let log: Vec<pb::Event> = rows
            .iter()
            .map(|(p,)| prost::Message::decode(p.as_slice()).unwrap())
            .collect();
        let mut open_offer = false;
        let mut accepted = 0;
        for e in &log {
            match &e.payload {
                Some(Payload::TransferOffered(o)) => {
                    assert!(!open_offer, "offered twice at once in {}", s.id);
                    let t = o.transfer.as_ref().unwrap();
                    let live = t
                        .offered_to_terminal_ids
                        .iter()
                        .filter(|m| {
                            !t.declined_by_terminal_ids.contains(m)
                                && !t.unanswered_by_terminal_ids.contains(m)
                        })
                        .count();
                    assert_eq!(live, 1, "one member at a time in {}", s.id);
                    open_offer = true;
                }
                Some(
                    Payload::TransferDeclined(_)
                    | Payload::TransferExpired(_)
                    | Payload::TransferCancelled(_),
                ) => open_offer = false,
                Some(Payload::TransferAccepted(_)) => {
                    open_offer = false;
                    accepted += 1;
                }
                _ => {}
            }
        }
        assert_eq!(accepted, 1, "accepted once: {}", s.id);
    }
    pool.close().await;
    drop((one, two));
}

// A status set through one replica holds when the agent reconnects to another.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_status_survives_a_reconnect_to_another_replica() {
    let mut d = desk(Backend::Postgres).await;
    let other = d.srv.replica().await;
    let agent = d
        .srv
        .terminal_in("roamer", TerminalKind::Agent, &["roam"])
        .await;
    let here = agent.ready().await;
    drop(here);
    let there = agent.via(&other).await;
    let mut feed = there.attach().await;
    let state = other
        .admin
        .clone()
        .list_terminal_states(pb::ListTerminalStatesRequest {
            group: "roam".into(),
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner()
        .states
        .remove(0);
    assert_eq!(state.status(), TerminalStatus::Available);
    // A transfer made through the first replica reaches it on the second, no status said there.
    let s = d.session("+1555000900").await;
    let t = transfer(&d.bot, &s.id, "roam", 0).await;
    let (_, offered) = next_offer(&mut feed).await;
    assert_eq!(offered.id, t.id);
    there
        .accept(&s.id, &t.id)
        .await
        .expect("accept on the other replica");
    other.stop().await;
    d.srv.stop().await;
}

on_every_backend!(
    statuses_decide_who_is_offered_and_survive_a_reconnect,
    capacity_is_never_exceeded_under_a_burst_of_parallel_transfers,
    the_queue_orders_announces_and_serves_its_head,
    longest_idle_rings_one_member_at_a_time,
    least_loaded_offers_the_emptiest_member,
    overflow_and_expiry_on_maximum_wait,
    an_away_holder_has_its_sessions_requeued,
    the_hop_limit_stops_transfer_loops,
    administrators_configure_and_watch_routing,
    a_connect_to_a_group_waits_in_its_queue,
);
