//! Several replicas on one Postgres: a terminal on one replica sees, live, what terminals on
//! another do, and can resume on any of them.

mod common;

use common::*;
use handoff::pb::{self, Channel, SessionState, TerminalKind, event::Payload};

// C1, C2, C3, C4, C9, C10 across replicas: the gateway and the agent use replica A, the bot
// replica B; Connect finds the bot attached to B, and every step of the transfer reaches the
// other side live.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_transfer_works_across_replicas() {
    let a = TestServer::start(Backend::Postgres).await;
    let b = a.replica().await;
    let gateway = a.terminal("gateway", TerminalKind::Gateway).await;
    let agent = a.terminal("alice", TerminalKind::Agent).await;
    let bot = a.terminal("bot", TerminalKind::Bot).await.via(&b).await;
    let mut gw_feed = gateway.attach().await;
    let mut agent_feed = agent.attach().await;
    let mut bot_feed = bot.attach().await;

    let s = open_session(&gateway, &bot, &mut bot_feed, "+15550200", Channel::Sms).await;
    gateway.say(&s.id, "hello from A").await.unwrap();
    let (m, _) = event_where(&mut bot_feed, |e| body(e).is_some()).await;
    assert_eq!(
        body(&m),
        Some("hello from A"),
        "A's commit reached B's stream"
    );
    bot.say(&s.id, "hello from B").await.unwrap();
    let (m, _) = event_where(&mut gw_feed, |e| body(e) == Some("hello from B")).await;
    assert_eq!(m.author_terminal_id, bot.id);

    let t = bot
        .transfer_to(&s.id, &agent, "cross-replica")
        .await
        .unwrap();
    let (offer, _) = event_where(
        &mut agent_feed,
        is(|p| matches!(p, Payload::TransferOffered(_))),
    )
    .await;
    let Some(Payload::TransferOffered(o)) = offer.payload else {
        unreachable!()
    };
    assert_eq!(o.context.unwrap().dialog.len(), 2);
    agent.accept(&s.id, &t.id).await.unwrap();
    event_where(
        &mut bot_feed,
        is(|p| matches!(p, Payload::TransferAccepted(_))),
    )
    .await;
    bot.disconnect(&s.id).await.unwrap();
    let (gone, _) = event_where(
        &mut gw_feed,
        is(|p| matches!(p, Payload::HolderDisconnected(_))),
    )
    .await;
    let Some(Payload::HolderDisconnected(h)) = gone.payload else {
        unreachable!()
    };
    assert_eq!(h.continued_by_terminal_id, agent.id);
    agent.say(&s.id, "Alice here").await.unwrap();
    event_where(&mut gw_feed, |e| body(e) == Some("Alice here")).await;
    assert_eq!(
        gateway.session(&s.id).await.unwrap().state(),
        SessionState::Open
    );
    drop((gw_feed, agent_feed, bot_feed));
    b.stop().await;
    a.stop().await;
}

// A terminal that detaches from replica A and re-attaches to replica B with its cursor gets
// exactly what it missed, then live events.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_terminal_resumes_on_another_replica_without_gap_or_duplicate() {
    let a = TestServer::start(Backend::Postgres).await;
    let b = a.replica().await;
    let gateway = a.terminal("gateway", TerminalKind::Gateway).await;
    let bot = a.terminal("bot", TerminalKind::Bot).await;
    let mut bot_feed = bot.attach().await;
    let s = open_session(&gateway, &bot, &mut bot_feed, "+15550201", Channel::Web).await;
    let mut gw_feed = gateway.attach().await;
    gateway.say(&s.id, "one").await.unwrap();
    let (one, _) = event_where(&mut gw_feed, |e| body(e) == Some("one")).await;
    drop(gw_feed);

    let bot_b = bot.via(&b).await;
    for m in ["two", "three", "four"] {
        bot_b.say(&s.id, m).await.unwrap();
    }
    let gw_b = gateway.via(&b).await;
    let mut resumed = gw_b
        .attach_from(vec![pb::SessionCursor {
            session_id: s.id.clone(),
            seq: one.seq,
        }])
        .await;
    let mut got = Vec::new();
    for _ in 0..3 {
        got.push(next_event(&mut resumed).await);
    }
    assert_eq!(
        got.iter().map(|e| e.seq).collect::<Vec<_>>(),
        vec![one.seq + 1, one.seq + 2, one.seq + 3]
    );
    assert_eq!(
        got.iter().filter_map(body).collect::<Vec<_>>(),
        vec!["two", "three", "four"]
    );
    bot.say(&s.id, "five, via A").await.unwrap();
    let live = next_event(&mut resumed).await;
    assert_eq!(
        (live.seq, body(&live)),
        (one.seq + 4, Some("five, via A")),
        "then live, from the other replica"
    );
    drop((resumed, bot_feed));
    b.stop().await;
    a.stop().await;
}

/// Sends a message, retrying with the same idempotency key until the server answers (as a real
/// client does while the database restarts).
async fn say_surely(t: &Term, session: &str, body: &str) -> u64 {
    let request = pb::MessageRequest {
        session_id: session.to_owned(),
        body: body.to_owned(),
        idempotency_key: format!("key-{body}"),
    };
    let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(30);
    loop {
        match t.c().message(request.clone()).await {
            Ok(r) => return r.into_inner().seq,
            Err(s) if tokio::time::Instant::now() < deadline => {
                assert!(
                    matches!(
                        s.code(),
                        tonic::Code::Unavailable | tonic::Code::Internal | tonic::Code::Unknown
                    ),
                    "unexpected {s:?}"
                );
                tokio::time::sleep(std::time::Duration::from_millis(100)).await;
            }
            Err(s) => panic!("no answer after the restart: {s:?}"),
        }
    }
}

// C3 under a fault: Postgres restarts (immediate mode, as after a crash) in the middle of a
// conversation between terminals on two replicas. Every acknowledged message survives, the
// streams stay open and deliver everything once in order, and the conversation goes on.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_conversation_survives_a_postgres_restart() {
    let cluster = tokio::task::spawn_blocking(handoff_pg_cluster::PgCluster::start)
        .await
        .unwrap()
        .expect("a throwaway Postgres cluster (initdb)");
    cluster.create_database("handoff").expect("database");
    let url = cluster.url("handoff");
    let a = TestServer::on_database(&url, |_| {}).await;
    let b = TestServer::on_database(&url, |_| {}).await;
    let gateway = a.terminal("gateway", TerminalKind::Gateway).await;
    let bot = a.terminal("bot", TerminalKind::Bot).await.via(&b).await;
    let mut bot_feed = bot.attach().await;
    let mut gw_feed = gateway.attach().await;
    let s = open_session(&gateway, &bot, &mut bot_feed, "+15550202", Channel::Sms).await;

    let mut acknowledged = Vec::new();
    for i in 0..5 {
        acknowledged.push((
            say_surely(&gateway, &s.id, &format!("before {i}")).await,
            format!("before {i}"),
        ));
    }
    let cluster = std::sync::Arc::new(cluster);
    let restarting = {
        let c = cluster.clone();
        tokio::task::spawn_blocking(move || c.restart_immediate())
    };
    // Keep talking while Postgres goes down and comes back, from both replicas.
    for i in 0..5 {
        acknowledged.push((
            say_surely(&gateway, &s.id, &format!("during {i}")).await,
            format!("during {i}"),
        ));
        acknowledged.push((
            say_surely(&bot, &s.id, &format!("reply {i}")).await,
            format!("reply {i}"),
        ));
    }
    restarting.await.unwrap().expect("restart");
    for i in 0..3 {
        acknowledged.push((
            say_surely(&bot, &s.id, &format!("after {i}")).await,
            format!("after {i}"),
        ));
    }
    acknowledged.sort();
    let seqs: Vec<u64> = acknowledged.iter().map(|(s, _)| *s).collect();
    let mut unique = seqs.clone();
    unique.dedup();
    assert_eq!(
        seqs, unique,
        "every acknowledged message has its own sequence number"
    );

    // The caller's stream, still open, delivers every acknowledged message once, in order.
    let mut seen: Vec<(u64, String)> = Vec::new();
    while seen.len() < acknowledged.len() {
        let e = next_event(&mut gw_feed).await;
        if let Some(b) = body(&e)
            && seen.last().is_none_or(|(last, _)| e.seq > *last)
        {
            seen.push((e.seq, b.to_owned()));
        }
    }
    assert_eq!(seen, acknowledged);
    let log: Vec<(u64, String)> = gateway
        .all_events(&s.id)
        .await
        .iter()
        .filter_map(|e| body(e).map(|b| (e.seq, b.to_owned())))
        .collect();
    assert_eq!(
        log, acknowledged,
        "the log holds exactly what was acknowledged"
    );
    drop((gw_feed, bot_feed));
    b.stop().await;
    a.stop().await;
}

// C6 across replicas: two members of a group, attached to different replicas, accept the same
// offer at the same moment; exactly one wins.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn first_accept_wins_across_replicas() {
    let a = TestServer::start(Backend::Postgres).await;
    let b = a.replica().await;
    let gateway = a.terminal("gateway", TerminalKind::Gateway).await;
    let bot = a.terminal("bot", TerminalKind::Bot).await;
    let alice = a
        .terminal_in("alice", TerminalKind::Agent, &["billing"])
        .await;
    let bob = a
        .terminal_in("bob", TerminalKind::Agent, &["billing"])
        .await
        .via(&b)
        .await;
    let mut bot_feed = bot.attach().await;
    let mut alice_feed = alice.ready().await;
    let mut bob_feed = bob.ready().await;
    let s = open_session(&gateway, &bot, &mut bot_feed, "+15550203", Channel::Im).await;
    let t = bot
        .c()
        .transfer(pb::TransferRequest {
            session_id: s.id.clone(),
            target: Some(pb::TransferTarget {
                kind: Some(pb::transfer_target::Kind::Group("billing".into())),
            }),
            facts: Default::default(),
            note: String::new(),
            ..Default::default()
        })
        .await
        .expect("bob on replica B counts as available")
        .into_inner()
        .transfer
        .unwrap();
    assert_eq!(t.offered_to_terminal_ids.len(), 2);
    for feed in [&mut alice_feed, &mut bob_feed] {
        event_where(feed, is(|p| matches!(p, Payload::TransferOffered(_)))).await;
    }
    let (x, y) = tokio::join!(alice.accept(&s.id, &t.id), bob.accept(&s.id, &t.id));
    assert_eq!(
        x.is_ok() as u8 + y.is_ok() as u8,
        1,
        "exactly one winner: {x:?} {y:?}"
    );
    let winner = if x.is_ok() { &alice } else { &bob };
    let (acc, _) = event_where(
        &mut bot_feed,
        is(|p| matches!(p, Payload::TransferAccepted(_))),
    )
    .await;
    let Some(Payload::TransferAccepted(acc)) = acc.payload else {
        unreachable!()
    };
    assert_eq!(acc.accepted_by_terminal_id, winner.id);
    drop((alice_feed, bob_feed, bot_feed));
    b.stop().await;
    a.stop().await;
}

/// Polls `check` until it holds, for at most `WAIT`: a cross-replica change arrives by signal.
async fn eventually<F, Fut>(what: &str, mut check: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let deadline = tokio::time::Instant::now() + WAIT;
    while !check().await {
        assert!(
            tokio::time::Instant::now() < deadline,
            "{what}: not within {WAIT:?}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
}

async fn authenticated(t: &Term) -> bool {
    let probe = t
        .c()
        .get_session(pb::GetSessionRequest {
            session_id: uuid::Uuid::new_v4().to_string(),
        })
        .await
        .expect_err("no such session");
    match probe.code() {
        tonic::Code::NotFound => true,
        tonic::Code::Unauthenticated => false,
        other => panic!("unexpected {other:?}: {probe:?}"),
    }
}

// Replicas cache token lookups; a rotation through replica A retires the old token on replica B
// too (by its notification), and a rotation whose notification never came (written straight into
// the database, as by a replica killed right after committing) by B's catch-up poll.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rotated_token_stops_working_on_every_replica() {
    let a = TestServer::start(Backend::Postgres).await;
    let b = a.replica().await;
    let alice = a.terminal("alice", TerminalKind::Agent).await;
    let on_b = alice.via(&b).await;
    assert!(authenticated(&on_b).await, "B has cached alice's token");
    assert!(authenticated(&on_b).await);

    let rotated = a
        .admin
        .clone()
        .rotate_terminal_token(pb::RotateTerminalTokenRequest {
            terminal_id: alice.id.clone(),
        })
        .await
        .unwrap()
        .into_inner();
    assert!(!authenticated(&alice).await, "A retired it at once");
    eventually("B retires the old token", || authenticated_not(&on_b)).await;
    let fresh = Term {
        token: rotated.token.clone(),
        client: handoff::client::terminal(&b.url, &rotated.token)
            .await
            .unwrap(),
        id: alice.id.clone(),
    };
    assert!(authenticated(&fresh).await, "the new token works on B");

    // No signal at all: only the token_changed_ms column tells.
    let pool = sqlx::PgPool::connect(&a.database_url).await.unwrap();
    sqlx::query(
        "UPDATE terminals SET token_hash = 'retired', \
         token_changed_ms = (extract(epoch from now()) * 1000)::bigint WHERE id = $1::uuid",
    )
    .bind(&alice.id)
    .execute(&pool)
    .await
    .unwrap();
    pool.close().await;
    eventually("the catch-up poll retires the token on B", || {
        authenticated_not(&fresh)
    })
    .await;
    b.stop().await;
    a.stop().await;
}

async fn authenticated_not(t: &Term) -> bool {
    !authenticated(t).await
}
