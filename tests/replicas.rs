//! Several replicas on one Postgres: a terminal on one replica sees, live, what terminals on
//! another do, and can resume on any of them.

mod common;

use common::*;
use handoff::pb::{self, Channel, SessionState, TerminalKind, event::Payload};

fn is<F: Fn(&Payload) -> bool>(f: F) -> impl Fn(&pb::Event) -> bool {
    move |e| e.payload.as_ref().is_some_and(&f)
}

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
