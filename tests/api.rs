//! End-to-end behaviour over real gRPC against a real server, on SQLite and on Postgres.
//! Each test names the claims-map rows (../shared/mission/claims-map.md) it covers.

mod common;

use std::time::Duration;

use common::*;
use handoff::pb::{self, Channel, Role, SessionState, TerminalKind, TransferState, event::Payload};
use tonic::Code;

struct Cast {
    srv: TestServer,
    gateway: Term,
    bot: Term,
    agent: Term,
}

async fn cast(backend: Backend) -> Cast {
    cast_with(backend, |_| {}).await
}

async fn cast_with(backend: Backend, tweak: impl FnOnce(&mut handoff::config::ServeArgs)) -> Cast {
    let srv = TestServer::start_with(backend, tweak).await;
    let gateway = srv.terminal("web-gateway", TerminalKind::Gateway).await;
    let bot = srv.terminal("bot", TerminalKind::Bot).await;
    let agent = srv.terminal("alice", TerminalKind::Agent).await;
    Cast {
        srv,
        gateway,
        bot,
        agent,
    }
}

// C1: Connect names the caller, the channel and its source; the destination acknowledges; the
// session gets a server-issued id.
async fn connect_opens_a_session_once_the_destination_acknowledges(backend: Backend) {
    let c = cast(backend).await;
    let mut bot_feed = c.bot.attach().await;
    let connect = {
        let (gw, bot) = (c.gateway.clone(), c.bot.clone());
        tokio::spawn(async move { gw.connect(&bot, "+15550100", Channel::Sms).await })
    };
    let (requested, _) = event_where(
        &mut bot_feed,
        is(|p| matches!(p, Payload::SessionRequested(_))),
    )
    .await;
    assert_eq!(requested.seq, 1);
    assert_eq!(
        requested.author_terminal_id, c.gateway.id,
        "the source is the authenticated gateway"
    );
    let Some(Payload::SessionRequested(r)) = &requested.payload else {
        unreachable!()
    };
    assert_eq!(r.caller.as_ref().map(|c| c.id.as_str()), Some("+15550100"));
    assert_eq!(r.channel(), Channel::Sms);
    assert_eq!(r.destination_terminal_id, c.bot.id);
    assert_eq!(r.facts.get("language").map(String::as_str), Some("en"));
    assert!(
        uuid::Uuid::parse_str(&requested.session_id).is_ok(),
        "server-issued id"
    );

    c.bot
        .c()
        .acknowledge_connect(pb::AcknowledgeConnectRequest {
            session_id: requested.session_id.clone(),
        })
        .await
        .expect("acknowledge");
    let session = connect
        .await
        .unwrap()
        .expect("connect returns after the acknowledgement");
    assert_eq!(session.id, requested.session_id);
    assert_eq!(session.state(), SessionState::Open);
    assert_eq!(session.holder_terminal_id, c.bot.id);
    assert_eq!(session.caller_terminal_id, c.gateway.id);
    let (opened, _) = event_where(
        &mut bot_feed,
        is(|p| matches!(p, Payload::SessionOpened(_))),
    )
    .await;
    assert_eq!(opened.seq, 2);
    c.srv.stop().await;
}

// C1: a destination that is not attached, or does not acknowledge in time, gets a clear status and
// no open session.
async fn connect_fails_cleanly_when_the_destination_is_away(backend: Backend) {
    let c = cast_with(backend, |a| a.connect_timeout = Duration::from_millis(300)).await;
    let offline = c.gateway.connect(&c.bot, "visitor-1", Channel::Web).await;
    let status = offline.expect_err("bot is not attached");
    assert_eq!(status.code(), Code::Unavailable);
    assert!(
        status.message().contains("not attached"),
        "{}",
        status.message()
    );

    let mut bot_feed = c.bot.attach().await;
    let silent = c.gateway.connect(&c.bot, "visitor-1", Channel::Web).await;
    let status = silent.expect_err("bot never acknowledges");
    assert_eq!(status.code(), Code::Unavailable);
    assert!(
        status.message().contains("did not acknowledge"),
        "{}",
        status.message()
    );
    let (requested, _) = event_where(
        &mut bot_feed,
        is(|p| matches!(p, Payload::SessionRequested(_))),
    )
    .await;
    let (ended, _) =
        event_where(&mut bot_feed, is(|p| matches!(p, Payload::SessionEnded(_)))).await;
    let Some(Payload::SessionEnded(end)) = ended.payload else {
        unreachable!()
    };
    assert_eq!(end.reason(), pb::SessionEndReason::ConnectNotAcknowledged);
    let late = c
        .bot
        .c()
        .acknowledge_connect(pb::AcknowledgeConnectRequest {
            session_id: requested.session_id.clone(),
        })
        .await;
    assert_eq!(code(late), Code::FailedPrecondition);
    let s = c
        .gateway
        .session(&requested.session_id)
        .await
        .expect("the attempt is readable");
    assert_eq!(s.state(), SessionState::Ended);
    assert_eq!(
        code(c.gateway.say(&requested.session_id, "hello?").await),
        Code::FailedPrecondition
    );
    c.srv.stop().await;
}

// C2: both parties send whenever they like, no turn-taking, no per-message round trip to the
// other party; each message carries body, session id, source and destination.
async fn both_parties_send_at_any_time_and_everyone_sees_one_order(backend: Backend) {
    let c = cast(backend).await;
    let mut bot_feed = c.bot.attach().await;
    let mut gw_feed = c.gateway.attach().await;
    let s = open_session(&c.gateway, &c.bot, &mut bot_feed, "+15550101", Channel::Im).await;
    let (gw, bot, sid) = (c.gateway.clone(), c.bot.clone(), s.id.clone());
    let sid2 = sid.clone();
    let a = tokio::spawn(async move {
        for i in 0..10 {
            gw.say(&sid, &format!("caller {i}"))
                .await
                .expect("caller sends");
        }
    });
    let b = tokio::spawn(async move {
        for i in 0..10 {
            bot.say(&sid2, &format!("bot {i}"))
                .await
                .expect("bot sends");
        }
    });
    a.await.unwrap();
    b.await.unwrap();
    let mut seen_by_bot = Vec::new();
    let mut seen_by_gw = Vec::new();
    while seen_by_bot.len() < 20 {
        let e = next_event(&mut bot_feed).await;
        if body(&e).is_some() {
            seen_by_bot.push(e);
        }
    }
    while seen_by_gw.len() < 20 {
        let e = next_event(&mut gw_feed).await;
        if body(&e).is_some() {
            seen_by_gw.push(e);
        }
    }
    assert_eq!(
        seen_by_bot, seen_by_gw,
        "both sides see the same messages in the same order"
    );
    let seqs: Vec<u64> = seen_by_bot.iter().map(|e| e.seq).collect();
    assert_eq!(
        seqs,
        (3..23).collect::<Vec<_>>(),
        "gap-free, after SessionRequested and SessionOpened"
    );
    for who in ["caller", "bot"] {
        let mine: Vec<&str> = seen_by_bot
            .iter()
            .filter_map(body)
            .filter(|b| b.starts_with(who))
            .collect();
        let expected: Vec<String> = (0..10).map(|i| format!("{who} {i}")).collect();
        assert_eq!(mine, expected, "each sender's messages keep their order");
    }
    for e in &seen_by_bot {
        let Some(Payload::MessagePosted(m)) = &e.payload else {
            unreachable!()
        };
        assert_eq!(e.session_id, s.id);
        if e.author_terminal_id == c.gateway.id {
            assert_eq!(m.destination_terminal_id, c.bot.id);
        } else {
            assert_eq!(e.author_terminal_id, c.bot.id);
            assert_eq!(m.destination_terminal_id, c.gateway.id);
        }
    }
    c.srv.stop().await;
}

// C2: a retried Message with the same idempotency key is stored once.
async fn a_retried_message_is_stored_once(backend: Backend) {
    let c = cast(backend).await;
    let mut bot_feed = c.bot.attach().await;
    let s = open_session(&c.gateway, &c.bot, &mut bot_feed, "+15550102", Channel::Sms).await;
    let request = pb::MessageRequest {
        session_id: s.id.clone(),
        body: "my order is late".into(),
        idempotency_key: "msg-1".into(),
    };
    let first = c
        .gateway
        .c()
        .message(request.clone())
        .await
        .expect("first")
        .into_inner();
    let retry = c
        .gateway
        .c()
        .message(request)
        .await
        .expect("retry")
        .into_inner();
    assert!(!first.duplicate);
    assert!(retry.duplicate);
    assert_eq!(first.seq, retry.seq);
    let bodies: Vec<String> = c
        .bot
        .all_events(&s.id)
        .await
        .iter()
        .filter_map(body)
        .map(str::to_owned)
        .collect();
    assert_eq!(bodies, vec!["my order is late".to_owned()]);
    c.srv.stop().await;
}

// C2: bad input gets a clear status and stores nothing.
async fn bad_messages_are_rejected_with_clear_statuses(backend: Backend) {
    let c = cast_with(backend, |a| a.max_message_bytes = 64).await;
    let mut bot_feed = c.bot.attach().await;
    let s = open_session(&c.gateway, &c.bot, &mut bot_feed, "+15550103", Channel::Sms).await;
    let msg = |session: &str, body: &str| pb::MessageRequest {
        session_id: session.into(),
        body: body.into(),
        idempotency_key: String::new(),
    };
    let empty = c
        .gateway
        .c()
        .message(msg(&s.id, "  "))
        .await
        .expect_err("empty");
    assert_eq!(empty.code(), Code::InvalidArgument);
    assert!(empty.message().contains("body"), "{}", empty.message());
    let big = c
        .gateway
        .c()
        .message(msg(&s.id, &"x".repeat(65)))
        .await
        .expect_err("too big");
    assert_eq!(big.code(), Code::ResourceExhausted);
    assert!(big.message().contains("at most 64"), "{}", big.message());
    let malformed = c
        .gateway
        .c()
        .message(msg("not-a-uuid", "hi"))
        .await
        .expect_err("malformed");
    assert_eq!(malformed.code(), Code::InvalidArgument);
    assert!(
        malformed.message().contains("session_id"),
        "{}",
        malformed.message()
    );
    let unknown = c
        .gateway
        .c()
        .message(msg(&uuid::Uuid::new_v4().to_string(), "hi"))
        .await
        .expect_err("unknown");
    assert_eq!(unknown.code(), Code::NotFound);
    let key = c
        .gateway
        .c()
        .message(pb::MessageRequest {
            idempotency_key: "k".repeat(129),
            ..msg(&s.id, "hi")
        })
        .await
        .expect_err("long key");
    assert_eq!(key.code(), Code::InvalidArgument);
    let after = c.gateway.session(&s.id).await.unwrap();
    assert_eq!(after.last_seq, s.last_seq, "nothing was stored");
    c.srv.stop().await;
}

// C3, C4, C5, C7, C9, C10: the whole protocol. The holder offers the session with its context, the
// target accepts that offer, the holder disconnects, the caller's terminal is told who left and who
// continues and acknowledges, and the dialog goes on in the same session with nothing lost,
// duplicated or reordered.
async fn a_transfer_hands_the_live_session_and_its_context_to_the_target(backend: Backend) {
    let c = cast(backend).await;
    let mut bot_feed = c.bot.attach().await;
    let mut gw_feed = c.gateway.attach().await;
    let mut agent_feed = c.agent.attach().await;
    let s = open_session(&c.gateway, &c.bot, &mut bot_feed, "+15550104", Channel::Sms).await;
    c.gateway
        .say(&s.id, "hi, my card was charged twice")
        .await
        .unwrap();
    c.bot
        .say(&s.id, "sorry to hear that, let me get a person")
        .await
        .unwrap();

    // C4, C5: Transfer carries caller identity, facts, the dialog, the target and the session id.
    let t = c
        .bot
        .transfer_to(&s.id, &c.agent, "double charge, verified")
        .await
        .expect("transfer");
    assert_eq!(t.state(), TransferState::Offered);
    let (offered, _) = event_where(
        &mut agent_feed,
        is(|p| matches!(p, Payload::TransferOffered(_))),
    )
    .await;
    assert_eq!(offered.session_id, s.id);
    assert_eq!(offered.author_terminal_id, c.bot.id, "who is transferring");
    let Some(Payload::TransferOffered(offer)) = &offered.payload else {
        unreachable!()
    };
    let transfer = offer.transfer.as_ref().unwrap();
    assert_eq!(transfer.id, t.id);
    assert_eq!(transfer.note, "double charge, verified");
    assert_eq!(transfer.from_terminal_id, c.bot.id);
    let ctx = offer
        .context
        .as_ref()
        .expect("the target's copy carries the context");
    assert_eq!(ctx.caller.as_ref().unwrap().id, "+15550104");
    assert_eq!(ctx.channel(), Channel::Sms);
    assert_eq!(
        ctx.facts.get("language").map(String::as_str),
        Some("en"),
        "facts from Connect"
    );
    assert_eq!(
        ctx.facts.get("intent").map(String::as_str),
        Some("billing"),
        "facts from Transfer"
    );
    let dialog: Vec<&str> = ctx.dialog.iter().filter_map(body).collect();
    assert_eq!(
        dialog,
        vec![
            "hi, my card was charged twice",
            "sorry to hear that, let me get a person"
        ]
    );
    assert!(!ctx.dialog_truncated);
    let (bot_copy, _) = event_where(
        &mut bot_feed,
        is(|p| matches!(p, Payload::TransferOffered(_))),
    )
    .await;
    let Some(Payload::TransferOffered(bot_offer)) = &bot_copy.payload else {
        unreachable!()
    };
    assert!(
        bot_offer.context.is_none(),
        "only the target's copy is enriched"
    );

    // The caller keeps talking while the offer is pending; the target sees it live.
    c.gateway.say(&s.id, "are you still there?").await.unwrap();
    let (live, _) = event_where(&mut agent_feed, |e| body(e).is_some()).await;
    assert_eq!(body(&live), Some("are you still there?"));
    assert_eq!(
        code(c.agent.say(&s.id, "hello").await),
        Code::FailedPrecondition,
        "not the holder yet"
    );

    // C7, C9: AcceptTransfer answers this one offer; the holder is told.
    let accepted = c.agent.accept(&s.id, &t.id).await.expect("accept");
    assert_eq!(accepted.transfer.unwrap().state(), TransferState::Accepted);
    let (acc, _) = event_where(
        &mut bot_feed,
        is(|p| matches!(p, Payload::TransferAccepted(_))),
    )
    .await;
    let Some(Payload::TransferAccepted(a)) = &acc.payload else {
        unreachable!()
    };
    assert_eq!(a.transfer_id, t.id);
    assert_eq!(a.accepted_by_terminal_id, c.agent.id);

    // C4, C8: the holder disconnects; the session continues with the target.
    let d = c.bot.disconnect(&s.id).await.expect("disconnect");
    let after = d.session.unwrap();
    assert_eq!(after.state(), SessionState::Open);
    assert_eq!(after.holder_terminal_id, c.agent.id);

    // C10: the caller's terminal is told who left and who continues, and acknowledges.
    let (gone, skipped) = event_where(
        &mut gw_feed,
        is(|p| matches!(p, Payload::HolderDisconnected(_))),
    )
    .await;
    assert!(
        skipped.iter().all(|e| !matches!(
            e.payload,
            Some(Payload::TransferOffered(_) | Payload::TransferAccepted(_))
        )),
        "the caller's side does not see the negotiation"
    );
    assert_eq!(gone.seq, d.seq);
    let Some(Payload::HolderDisconnected(h)) = &gone.payload else {
        unreachable!()
    };
    assert_eq!(
        (
            h.left_terminal_id.as_str(),
            h.continued_by_terminal_id.as_str()
        ),
        (c.bot.id.as_str(), c.agent.id.as_str())
    );
    assert!(!h.forced);
    let acked = c
        .gateway
        .c()
        .acknowledge_disconnect(pb::AcknowledgeDisconnectRequest {
            session_id: s.id.clone(),
            seq: gone.seq,
        })
        .await
        .expect("ack")
        .into_inner()
        .session
        .unwrap();
    assert_eq!(acked.acknowledged_disconnect_seq, gone.seq);

    // C3, C9, C10: the dialog continues in the same session, both ways, without reconnecting.
    let agent_seq = c
        .agent
        .say(&s.id, "Hi, I'm Alice; I see the double charge")
        .await
        .expect("new holder writes");
    let caller_seq = c
        .gateway
        .say(&s.id, "thank you!")
        .await
        .expect("caller keeps writing");
    assert!(caller_seq > agent_seq);
    let (to_caller, _) = event_where(&mut gw_feed, |e| {
        body(e) == Some("Hi, I'm Alice; I see the double charge")
    })
    .await;
    assert_eq!(to_caller.author_terminal_id, c.agent.id);
    let (to_agent, _) = event_where(&mut agent_feed, |e| body(e) == Some("thank you!")).await;
    let Some(Payload::MessagePosted(m)) = &to_agent.payload else {
        unreachable!()
    };
    assert_eq!(m.destination_terminal_id, c.agent.id);

    // The old holder is fenced: it neither writes nor reads, and its feed went quiet after its exit.
    assert_eq!(
        code(c.bot.say(&s.id, "one more thing").await),
        Code::NotFound
    );
    assert_eq!(code(c.bot.session(&s.id).await), Code::NotFound);
    let (last_for_bot, _) = event_where(
        &mut bot_feed,
        is(|p| matches!(p, Payload::HolderDisconnected(_))),
    )
    .await;
    assert_eq!(last_for_bot.seq, d.seq);
    assert_quiet(&mut bot_feed, Duration::from_millis(300)).await;

    // C3: the target sees the whole dialog, gap-free, in one order.
    let log = c.agent.all_events(&s.id).await;
    assert_eq!(
        log.iter().map(|e| e.seq).collect::<Vec<_>>(),
        (1..=log.len() as u64).collect::<Vec<_>>()
    );
    let bodies: Vec<&str> = log.iter().filter_map(body).collect();
    assert_eq!(
        bodies,
        vec![
            "hi, my card was charged twice",
            "sorry to hear that, let me get a person",
            "are you still there?",
            "Hi, I'm Alice; I see the double charge",
            "thank you!",
        ]
    );
    let final_state = c.agent.session(&s.id).await.unwrap();
    assert_eq!(final_state.holders.len(), 2);
    assert_eq!(
        final_state.past_transfers[0].state(),
        TransferState::Completed
    );
    c.srv.stop().await;
}

// C4 (where the claims are silent): a declined offer leaves the session with the holder, who is
// told why; a cancelled offer tells the target; an unanswered one expires.
async fn declined_cancelled_and_expired_offers_leave_the_session_with_the_holder(backend: Backend) {
    let c = cast_with(backend, |a| a.offer_timeout = Duration::from_millis(400)).await;
    let mut bot_feed = c.bot.attach().await;
    let mut agent_feed = c.agent.attach().await;
    let s = open_session(&c.gateway, &c.bot, &mut bot_feed, "+15550105", Channel::Web).await;

    let t1 = c
        .bot
        .transfer_to(&s.id, &c.agent, "first try")
        .await
        .unwrap();
    let declined = c
        .agent
        .c()
        .decline_transfer(pb::DeclineTransferRequest {
            session_id: s.id.clone(),
            transfer_id: t1.id.clone(),
            reason: "on a break".into(),
        })
        .await
        .expect("decline")
        .into_inner();
    assert_eq!(declined.transfer.unwrap().state(), TransferState::Declined);
    let (d, _) = event_where(
        &mut bot_feed,
        is(|p| matches!(p, Payload::TransferDeclined(_))),
    )
    .await;
    let Some(Payload::TransferDeclined(d)) = d.payload else {
        unreachable!()
    };
    assert_eq!(d.reason, "on a break");
    assert_eq!(
        code(c.agent.accept(&s.id, &t1.id).await),
        Code::NotFound,
        "a declined offer cannot be accepted: the terminal no longer takes part"
    );
    assert_eq!(
        code(c.agent.session(&s.id).await),
        Code::NotFound,
        "no longer a participant"
    );

    let t2 = c
        .bot
        .transfer_to(&s.id, &c.agent, "second try")
        .await
        .unwrap();
    c.bot
        .c()
        .cancel_transfer(pb::CancelTransferRequest {
            session_id: s.id.clone(),
            transfer_id: t2.id.clone(),
            reason: "customer calmed down".into(),
        })
        .await
        .expect("cancel");
    let (x, _) = event_where(
        &mut agent_feed,
        is(|p| matches!(p, Payload::TransferCancelled(_))),
    )
    .await;
    let Some(Payload::TransferCancelled(x)) = x.payload else {
        unreachable!()
    };
    assert_eq!(
        (x.transfer_id.as_str(), x.reason.as_str()),
        (t2.id.as_str(), "customer calmed down")
    );
    assert_eq!(
        code(c.agent.accept(&s.id, &t2.id).await),
        Code::NotFound,
        "a cancelled offer's target no longer takes part"
    );

    let t3 = c
        .bot
        .transfer_to(&s.id, &c.agent, "third try")
        .await
        .unwrap();
    let (e, _) = event_where(
        &mut bot_feed,
        is(|p| matches!(p, Payload::TransferExpired(_))),
    )
    .await;
    assert_eq!(e.author_terminal_id, "", "the server expired it");
    let status = c.agent.accept(&s.id, &t3.id).await.expect_err("expired");
    assert_eq!(status.code(), Code::NotFound, "{}", status.message());

    let still = c.bot.session(&s.id).await.unwrap();
    assert_eq!(still.holder_terminal_id, c.bot.id);
    assert!(still.active_transfer.is_none());
    assert_eq!(
        still
            .past_transfers
            .iter()
            .map(|t| t.state())
            .collect::<Vec<_>>(),
        vec![
            TransferState::Declined,
            TransferState::Cancelled,
            TransferState::Expired
        ]
    );
    c.bot
        .say(&s.id, "I'm still here to help")
        .await
        .expect("the holder carries on");
    c.srv.stop().await;
}

// C4, C8: a holder that does not disconnect after acceptance is disconnected by the server.
async fn a_holder_that_lingers_after_acceptance_is_disconnected_by_the_server(backend: Backend) {
    let c = cast_with(backend, |a| a.handoff_grace = Duration::from_millis(300)).await;
    let mut bot_feed = c.bot.attach().await;
    let mut gw_feed = c.gateway.attach().await;
    let s = open_session(&c.gateway, &c.bot, &mut bot_feed, "+15550106", Channel::Im).await;
    let t = c.bot.transfer_to(&s.id, &c.agent, "").await.unwrap();
    c.agent.accept(&s.id, &t.id).await.unwrap();
    let (gone, _) = event_where(
        &mut gw_feed,
        is(|p| matches!(p, Payload::HolderDisconnected(_))),
    )
    .await;
    let Some(Payload::HolderDisconnected(h)) = gone.payload else {
        unreachable!()
    };
    assert!(h.forced);
    assert_eq!(h.continued_by_terminal_id, c.agent.id);
    assert_eq!(code(c.bot.say(&s.id, "wait").await), Code::NotFound);
    c.agent
        .say(&s.id, "hello, Alice here")
        .await
        .expect("the target holds it");
    c.srv.stop().await;
}

// C8: Disconnect with no accepted transfer ends the session; a pending offer is withdrawn.
async fn disconnect_without_an_accepted_transfer_ends_the_session(backend: Backend) {
    let c = cast(backend).await;
    let mut bot_feed = c.bot.attach().await;
    let mut gw_feed = c.gateway.attach().await;
    let mut agent_feed = c.agent.attach().await;
    let s = open_session(&c.gateway, &c.bot, &mut bot_feed, "+15550107", Channel::Sms).await;
    let t = c.bot.transfer_to(&s.id, &c.agent, "").await.unwrap();
    let d = c.bot.disconnect(&s.id).await.expect("disconnect");
    let ended = d.session.unwrap();
    assert_eq!(ended.state(), SessionState::Ended);
    assert_eq!(ended.end_reason(), pb::SessionEndReason::HolderDisconnected);
    assert_eq!(ended.past_transfers[0].state(), TransferState::Aborted);
    let (end, _) = event_where(&mut gw_feed, is(|p| matches!(p, Payload::SessionEnded(_)))).await;
    assert_eq!(end.seq, d.seq);
    let (withdrawn, _) = event_where(
        &mut agent_feed,
        is(|p| matches!(p, Payload::TransferCancelled(_))),
    )
    .await;
    let Some(Payload::TransferCancelled(w)) = withdrawn.payload else {
        unreachable!()
    };
    assert_eq!(w.transfer_id, t.id);
    assert_eq!(
        code(c.gateway.say(&s.id, "hello?").await),
        Code::FailedPrecondition
    );
    assert_eq!(
        code(c.bot.disconnect(&s.id).await),
        Code::FailedPrecondition
    );
    c.srv.stop().await;
}

// C12: whoever holds the session can transfer it again; the chain keeps the whole dialog and the
// history of holders.
async fn a_chain_of_transfers_keeps_the_dialog_and_the_holder_history(backend: Backend) {
    let c = cast(backend).await;
    let bob = c.srv.terminal("bob", TerminalKind::Agent).await;
    let mut bot_feed = c.bot.attach().await;
    let mut alice_feed = c.agent.attach().await;
    let mut bob_feed = bob.attach().await;
    let s = open_session(&c.gateway, &c.bot, &mut bot_feed, "+15550108", Channel::Web).await;
    c.gateway.say(&s.id, "1 to bot").await.unwrap();

    let t1 = c.bot.transfer_to(&s.id, &c.agent, "").await.unwrap();
    c.agent.accept(&s.id, &t1.id).await.unwrap();
    c.bot.disconnect(&s.id).await.unwrap();
    c.gateway.say(&s.id, "2 to alice").await.unwrap();
    c.agent.say(&s.id, "3 from alice").await.unwrap();

    let t2 = c
        .agent
        .transfer_to(&s.id, &bob, "needs a supervisor")
        .await
        .expect("the new holder transfers again");
    let (offered, _) = event_where(
        &mut bob_feed,
        is(|p| matches!(p, Payload::TransferOffered(_))),
    )
    .await;
    let Some(Payload::TransferOffered(o)) = offered.payload else {
        unreachable!()
    };
    let ctx = o.context.unwrap();
    assert_eq!(
        ctx.dialog.iter().filter_map(body).collect::<Vec<_>>(),
        vec!["1 to bot", "2 to alice", "3 from alice"]
    );
    assert_eq!(
        ctx.holders
            .iter()
            .map(|h| h.terminal_id.as_str())
            .collect::<Vec<_>>(),
        vec![c.bot.id.as_str(), c.agent.id.as_str()]
    );
    bob.accept(&s.id, &t2.id).await.unwrap();
    c.agent.disconnect(&s.id).await.unwrap();
    bob.say(&s.id, "4 from bob").await.unwrap();
    event_where(
        &mut alice_feed,
        is(|p| matches!(p, Payload::HolderDisconnected(_))),
    )
    .await;

    let session = bob.session(&s.id).await.unwrap();
    let holders: Vec<(&str, bool)> = session
        .holders
        .iter()
        .map(|h| (h.terminal_id.as_str(), h.until_seq == 0))
        .collect();
    assert_eq!(
        holders,
        vec![
            (c.bot.id.as_str(), false),
            (c.agent.id.as_str(), false),
            (bob.id.as_str(), true)
        ]
    );
    for w in session.holders.windows(2) {
        assert_eq!(
            w[0].until_seq, w[1].from_seq,
            "tenures meet at the handoff event"
        );
    }
    let bodies: Vec<String> = bob
        .all_events(&s.id)
        .await
        .iter()
        .filter_map(body)
        .map(str::to_owned)
        .collect();
    assert_eq!(
        bodies,
        vec!["1 to bot", "2 to alice", "3 from alice", "4 from bob"]
    );
    assert_eq!(
        session
            .participants
            .iter()
            .map(|p| (p.terminal_id.as_str(), p.role()))
            .collect::<Vec<_>>(),
        vec![
            (c.gateway.id.as_str(), Role::Caller),
            (bob.id.as_str(), Role::Holder)
        ]
    );
    c.srv.stop().await;
}

// C11: the session is an IM, SMS or web session, and the same transfer works on each.
async fn the_same_transfer_works_on_every_channel(backend: Backend) {
    let c = cast(backend).await;
    let mut bot_feed = c.bot.attach().await;
    for channel in [Channel::Im, Channel::Sms, Channel::Web] {
        let s = open_session(&c.gateway, &c.bot, &mut bot_feed, "caller-x", channel).await;
        assert_eq!(s.channel(), channel);
        c.gateway.say(&s.id, "hello").await.unwrap();
        let t = c.bot.transfer_to(&s.id, &c.agent, "").await.unwrap();
        c.agent.accept(&s.id, &t.id).await.unwrap();
        c.bot.disconnect(&s.id).await.unwrap();
        c.agent.say(&s.id, "agent here").await.unwrap();
        let seen = c.gateway.session(&s.id).await.unwrap();
        assert_eq!(
            (seen.channel(), seen.holder_terminal_id.as_str()),
            (channel, c.agent.id.as_str())
        );
        // The agent ends it so the next round starts clean.
        c.agent.disconnect(&s.id).await.unwrap();
    }
    c.srv.stop().await;
}

// Identity and authorization: no or a wrong token is UNAUTHENTICATED; a foreign session and a
// missing one are indistinguishable (OWASP API1).
async fn credentials_are_required_and_foreign_sessions_look_missing(backend: Backend) {
    let c = cast(backend).await;
    let mut bot_feed = c.bot.attach().await;
    let s = open_session(&c.gateway, &c.bot, &mut bot_feed, "+15550109", Channel::Sms).await;

    let raw = handoff::client::terminal(&c.srv.url, "hnd_wrong")
        .await
        .unwrap();
    let wrong = raw
        .clone()
        .get_session(pb::GetSessionRequest {
            session_id: s.id.clone(),
        })
        .await
        .expect_err("wrong token");
    assert_eq!(wrong.code(), Code::Unauthenticated);
    let channel = tonic::transport::Endpoint::from_shared(c.srv.url.clone())
        .unwrap()
        .connect()
        .await
        .unwrap();
    let mut anonymous = pb::terminal_service_client::TerminalServiceClient::new(channel);
    let none = anonymous
        .get_session(pb::GetSessionRequest {
            session_id: s.id.clone(),
        })
        .await
        .expect_err("no token");
    assert_eq!(none.code(), Code::Unauthenticated);

    let foreign = c.agent.session(&s.id).await.expect_err("foreign");
    let missing = c
        .agent
        .session(&uuid::Uuid::new_v4().to_string())
        .await
        .expect_err("missing");
    assert_eq!(
        (foreign.code(), foreign.message()),
        (missing.code(), missing.message())
    );
    assert_eq!(foreign.code(), Code::NotFound);
    let foreign_write = c
        .agent
        .say(&s.id, "let me in")
        .await
        .expect_err("foreign write");
    assert_eq!(
        (foreign_write.code(), foreign_write.message()),
        (missing.code(), missing.message())
    );
    let foreign_transfer = c
        .agent
        .transfer_to(&s.id, &c.agent, "")
        .await
        .expect_err("foreign transfer");
    assert_eq!(foreign_transfer.code(), Code::NotFound);
    let foreign_list = c
        .agent
        .c()
        .list_events(pb::ListEventsRequest {
            session_id: s.id.clone(),
            page_size: 0,
            page_token: String::new(),
        })
        .await
        .expect_err("foreign list");
    assert_eq!(
        (foreign_list.code(), foreign_list.message()),
        (missing.code(), missing.message())
    );
    let foreign_resume = handoff::client::Feed::open(
        &mut c.agent.c(),
        vec![pb::SessionCursor {
            session_id: s.id.clone(),
            seq: 0,
        }],
    )
    .await
    .err()
    .expect("foreign resume");
    assert_eq!(foreign_resume.code(), Code::NotFound);
    c.srv.stop().await;
}

// Delivery: a terminal that reconnects with its cursor gets exactly what it missed; without a
// cursor it resumes after what it acknowledged; a cursor ahead of the log is refused.
// Found by the fault suite: a terminal that left a session and was offered it again while it was
// detached resumes from a cursor inside its earlier part. It gets the rest of that part (its own
// decline) and every whole part since (an offer it declined), not what happened between its
// parts, then its current part. (Its membership row only knows the latest part; the log the rest.)
async fn a_resumed_terminal_gets_its_earlier_parts_before_its_current_one(backend: Backend) {
    let c = cast(backend).await;
    let mut bot_feed = c.bot.attach().await;
    let s = open_session(&c.gateway, &c.bot, &mut bot_feed, "+15550114", Channel::Im).await;
    let mut agent_feed = c.agent.attach().await;
    let t1 = c.bot.transfer_to(&s.id, &c.agent, "first").await.unwrap();
    let (offer, _) = event_where(
        &mut agent_feed,
        is(|p| matches!(p, Payload::TransferOffered(_))),
    )
    .await;
    drop(agent_feed);
    // While detached: it declines from another client, the dialog goes on without it, a second
    // offer comes and is declined, more dialog, and a third offer comes.
    let decline = |t: String| {
        let agent = c.agent.c();
        let session_id = s.id.clone();
        async move {
            agent
                .clone()
                .decline_transfer(pb::DeclineTransferRequest {
                    session_id,
                    transfer_id: t,
                    reason: "busy".into(),
                })
                .await
                .expect("decline")
        }
    };
    decline(t1.id.clone()).await;
    c.bot.say(&s.id, "not for alice").await.unwrap();
    let t2 = c.bot.transfer_to(&s.id, &c.agent, "second").await.unwrap();
    decline(t2.id.clone()).await;
    c.bot.say(&s.id, "not for alice either").await.unwrap();
    let t3 = c.bot.transfer_to(&s.id, &c.agent, "third").await.unwrap();

    let mut resumed = c
        .agent
        .attach_from(vec![pb::SessionCursor {
            session_id: s.id.clone(),
            seq: offer.seq,
        }])
        .await;
    let mut got = Vec::new();
    while got.len() < 4 {
        got.push(next_event(&mut resumed).await);
    }
    let kinds: Vec<String> = got
        .iter()
        .map(|e| match &e.payload {
            Some(Payload::TransferDeclined(d)) => format!("declined {}", d.transfer_id),
            Some(Payload::TransferOffered(o)) => {
                format!(
                    "offered {}",
                    o.transfer.as_ref().map_or("", |t| t.id.as_str())
                )
            }
            other => format!("{other:?}"),
        })
        .collect();
    assert_eq!(
        kinds,
        vec![
            format!("declined {}", t1.id),
            format!("offered {}", t2.id),
            format!("declined {}", t2.id),
            format!("offered {}", t3.id),
        ]
    );
    assert_eq!(got[0].seq, offer.seq + 1);
    assert_quiet(&mut resumed, Duration::from_millis(200)).await;
    c.srv.stop().await;
}

async fn a_reattached_terminal_receives_exactly_what_it_missed(backend: Backend) {
    let c = cast(backend).await;
    let mut bot_feed = c.bot.attach().await;
    let s = open_session(&c.gateway, &c.bot, &mut bot_feed, "+15550110", Channel::Sms).await;
    let mut gw_feed = c.gateway.attach().await;
    c.gateway.say(&s.id, "one").await.unwrap();
    let (one, _) = event_where(&mut gw_feed, |e| body(e) == Some("one")).await;
    gw_feed.ack(&s.id, one.seq).await.unwrap();
    // Wait for the ack to be recorded before detaching (acks are fire-and-forget).
    tokio::time::sleep(Duration::from_millis(200)).await;
    drop(gw_feed);
    for b in ["two", "three"] {
        c.bot.say(&s.id, b).await.unwrap();
    }

    let mut by_ack = c.gateway.attach().await;
    let first = next_event(&mut by_ack).await;
    let second = next_event(&mut by_ack).await;
    assert_eq!((body(&first), body(&second)), (Some("two"), Some("three")));
    assert_eq!(first.seq, one.seq + 1);
    assert_quiet(&mut by_ack, Duration::from_millis(200)).await;
    drop(by_ack);

    let mut by_cursor = c
        .gateway
        .attach_from(vec![pb::SessionCursor {
            session_id: s.id.clone(),
            seq: 1,
        }])
        .await;
    let replay: Vec<u64> = {
        let mut v = Vec::new();
        while v.len() < 4 {
            v.push(next_event(&mut by_cursor).await.seq);
        }
        v
    };
    assert_eq!(
        replay,
        vec![2, 3, 4, 5],
        "everything after the cursor, in order"
    );
    c.bot.say(&s.id, "four").await.unwrap();
    assert_eq!(
        body(&next_event(&mut by_cursor).await),
        Some("four"),
        "then live"
    );

    let ahead = handoff::client::Feed::open(
        &mut c.gateway.c(),
        vec![pb::SessionCursor {
            session_id: s.id.clone(),
            seq: 99,
        }],
    )
    .await
    .err()
    .expect("cursor ahead of the log");
    assert_eq!(ahead.code(), Code::OutOfRange);
    c.srv.stop().await;
}

// C2 over the stream: messages and acknowledgements sent on Attach get receipts.
async fn commands_on_the_stream_get_receipts(backend: Backend) {
    let c = cast(backend).await;
    let mut bot_feed = c.bot.attach().await;
    let mut gw_feed = c.gateway.attach().await;
    let connect = {
        let (gw, bot) = (c.gateway.clone(), c.bot.clone());
        tokio::spawn(async move { gw.connect(&bot, "+15550111", Channel::Im).await })
    };
    let (req, _) = event_where(
        &mut bot_feed,
        is(|p| matches!(p, Payload::SessionRequested(_))),
    )
    .await;
    bot_feed
        .command(
            "ack-1",
            pb::command::Kind::AcknowledgeConnect(pb::AcknowledgeConnectRequest {
                session_id: req.session_id.clone(),
            }),
        )
        .await
        .unwrap();
    connect
        .await
        .unwrap()
        .expect("connect acknowledged over the stream");
    gw_feed
        .command(
            "m-1",
            pb::command::Kind::Message(pb::MessageRequest {
                session_id: req.session_id.clone(),
                body: "via stream".into(),
                idempotency_key: String::new(),
            }),
        )
        .await
        .unwrap();
    gw_feed
        .command(
            "m-2",
            pb::command::Kind::Message(pb::MessageRequest {
                session_id: req.session_id.clone(),
                body: String::new(),
                idempotency_key: String::new(),
            }),
        )
        .await
        .unwrap();
    let mut receipts = Vec::new();
    while receipts.len() < 2 {
        match tokio::time::timeout(WAIT, gw_feed.next())
            .await
            .expect("in time")
            .expect("ok")
        {
            Some(pb::attach_response::Kind::Receipt(r)) => receipts.push(r),
            Some(_) => {}
            None => panic!("stream ended"),
        }
    }
    assert_eq!(
        (receipts[0].request_id.as_str(), receipts[0].code),
        ("m-1", 0)
    );
    assert_eq!(
        (receipts[1].request_id.as_str(), receipts[1].code),
        ("m-2", Code::InvalidArgument as i32)
    );
    let (m, _) = event_where(&mut bot_feed, |e| body(e) == Some("via stream")).await;
    assert_eq!(m.seq, receipts[0].seq);

    // Pipelined: a burst sent without waiting is stored in the order sent and answered in that
    // order; a bad command in the middle is refused alone; an oversized request id is refused.
    let n = 300;
    for i in 0..n {
        let body = if i == 150 {
            String::new()
        } else {
            format!("burst {i}")
        };
        gw_feed
            .command(
                &format!("b-{i}"),
                pb::command::Kind::Message(pb::MessageRequest {
                    session_id: req.session_id.clone(),
                    body,
                    idempotency_key: format!("k-{i}"),
                }),
            )
            .await
            .unwrap();
    }
    gw_feed
        .command(
            &"x".repeat(129),
            pb::command::Kind::Message(pb::MessageRequest {
                session_id: req.session_id.clone(),
                body: "too long an id".into(),
                idempotency_key: String::new(),
            }),
        )
        .await
        .unwrap();
    let mut burst = Vec::new();
    while burst.len() < n + 1 {
        match tokio::time::timeout(WAIT, gw_feed.next())
            .await
            .expect("in time")
            .expect("ok")
        {
            Some(pb::attach_response::Kind::Receipt(r)) => burst.push(r),
            Some(_) => {}
            None => panic!("stream ended"),
        }
    }
    let oversized = burst.pop().unwrap();
    assert_eq!(
        (oversized.request_id.as_str(), oversized.code),
        ("", Code::InvalidArgument as i32)
    );
    let ids: Vec<String> = burst.iter().map(|r| r.request_id.clone()).collect();
    assert_eq!(ids, (0..n).map(|i| format!("b-{i}")).collect::<Vec<_>>());
    assert_eq!(burst[150].code, Code::InvalidArgument as i32);
    let stored: Vec<u64> = burst
        .iter()
        .filter(|r| r.request_id != "b-150")
        .map(|r| {
            assert_eq!(r.code, 0, "{r:?}");
            r.seq
        })
        .collect();
    assert!(
        stored.windows(2).all(|w| w[1] == w[0] + 1),
        "consecutive, in the order sent"
    );
    for (i, seq) in (0..n).filter(|i| *i != 150).zip(&stored) {
        let (m, _) = event_where(&mut bot_feed, |e| body(e).is_some()).await;
        assert_eq!(
            (m.seq, body(&m)),
            (*seq, Some(format!("burst {i}").as_str()))
        );
    }
    c.srv.stop().await;
}

// ListEvents pages with AIP-158 tokens bound to their session; the caller's terminal does not see
// the transfer negotiation.
async fn list_events_pages_and_filters_for_the_caller(backend: Backend) {
    let c = cast(backend).await;
    let mut bot_feed = c.bot.attach().await;
    let s = open_session(&c.gateway, &c.bot, &mut bot_feed, "+15550112", Channel::Sms).await;
    let other = open_session(&c.gateway, &c.bot, &mut bot_feed, "+15550113", Channel::Sms).await;
    for i in 0..5 {
        c.gateway.say(&s.id, &format!("m{i}")).await.unwrap();
    }
    let t = c.bot.transfer_to(&s.id, &c.agent, "").await.unwrap();
    c.agent.accept(&s.id, &t.id).await.unwrap();
    c.bot.disconnect(&s.id).await.unwrap();

    let full = c.agent.all_events(&s.id).await;
    assert_eq!(full.len(), 10);
    let callers = c.gateway.all_events(&s.id).await;
    assert_eq!(
        callers.len(),
        8,
        "without TransferOffered and TransferAccepted"
    );
    assert!(callers.iter().all(|e| !matches!(
        e.payload,
        Some(Payload::TransferOffered(_) | Payload::TransferAccepted(_))
    )));

    let page = c
        .gateway
        .c()
        .list_events(pb::ListEventsRequest {
            session_id: s.id.clone(),
            page_size: 2,
            page_token: String::new(),
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(page.events.len(), 2);
    let misused = c
        .gateway
        .c()
        .list_events(pb::ListEventsRequest {
            session_id: other.id.clone(),
            page_size: 2,
            page_token: page.next_page_token.clone(),
        })
        .await
        .expect_err("token from another session");
    assert_eq!(misused.code(), Code::InvalidArgument);
    let garbage = c
        .gateway
        .c()
        .list_events(pb::ListEventsRequest {
            session_id: s.id.clone(),
            page_size: 2,
            page_token: "zz".into(),
        })
        .await
        .expect_err("garbage token");
    assert_eq!(garbage.code(), Code::InvalidArgument);
    // Not hex, with a character whose UTF-8 straddles a pair of hex digits.
    let straddling = c
        .gateway
        .c()
        .list_events(pb::ListEventsRequest {
            session_id: s.id.clone(),
            page_size: 2,
            page_token: "aéb".into(),
        })
        .await
        .expect_err("non-hex token");
    assert_eq!(straddling.code(), Code::InvalidArgument);
    c.gateway
        .session(&s.id)
        .await
        .expect("the server still answers");
    let negative = c
        .gateway
        .c()
        .list_events(pb::ListEventsRequest {
            session_id: s.id.clone(),
            page_size: -1,
            page_token: String::new(),
        })
        .await
        .expect_err("negative page size");
    assert_eq!(negative.code(), Code::InvalidArgument);
    c.srv.stop().await;
}

// Transfer input validation and preconditions.
async fn transfers_are_validated(backend: Backend) {
    let c = cast(backend).await;
    let mut bot_feed = c.bot.attach().await;
    let s = open_session(&c.gateway, &c.bot, &mut bot_feed, "+15550114", Channel::Sms).await;
    let req = |target: Option<String>| pb::TransferRequest {
        session_id: s.id.clone(),
        target: target.map(|t| pb::TransferTarget {
            kind: Some(pb::transfer_target::Kind::TerminalId(t)),
        }),
        facts: Default::default(),
        note: String::new(),
        ..Default::default()
    };
    assert_eq!(
        code(c.bot.c().transfer(req(None)).await),
        Code::InvalidArgument
    );
    assert_eq!(
        code(c.bot.c().transfer(req(Some("nope".into()))).await),
        Code::InvalidArgument
    );
    let unknown = c
        .bot
        .c()
        .transfer(req(Some(uuid::Uuid::new_v4().to_string())))
        .await
        .expect_err("unknown target");
    assert_eq!(unknown.code(), Code::NotFound);
    assert!(
        unknown.message().contains("target"),
        "{}",
        unknown.message()
    );
    assert_eq!(
        code(c.gateway.transfer_to(&s.id, &c.agent, "").await),
        Code::FailedPrecondition,
        "only the holder transfers"
    );
    assert_eq!(
        code(c.bot.c().transfer(req(Some(c.gateway.id.clone()))).await),
        Code::FailedPrecondition
    );
    let too_many = pb::TransferRequest {
        facts: (0..65).map(|i| (format!("k{i}"), "v".to_owned())).collect(),
        ..req(Some(c.agent.id.clone()))
    };
    assert_eq!(
        code(c.bot.c().transfer(too_many).await),
        Code::InvalidArgument
    );
    c.bot.transfer_to(&s.id, &c.agent, "").await.unwrap();
    let second = c.srv.terminal("carol", TerminalKind::Agent).await;
    assert_eq!(
        code(c.bot.transfer_to(&s.id, &second, "").await),
        Code::FailedPrecondition,
        "one transfer in flight"
    );
    assert_eq!(c.bot.session(&s.id).await.unwrap().past_transfers.len(), 0);
    c.srv.stop().await;
}

// The admin API: off without a token, guarded by it, names unique, tokens rotate.
async fn the_admin_api_guards_terminal_registration(backend: Backend) {
    let srv = TestServer::start(backend).await;
    let wrong = handoff::client::admin(&srv.url, "nope").await.unwrap();
    let req = |name: &str| pb::CreateTerminalRequest {
        name: name.into(),
        display_name: String::new(),
        kind: TerminalKind::Agent as i32,
        groups: Vec::new(),
    };
    assert_eq!(
        code(wrong.clone().create_terminal(req("x")).await),
        Code::Unauthenticated
    );
    let alice = srv.terminal("alice", TerminalKind::Agent).await;
    assert_eq!(
        code(srv.admin.clone().create_terminal(req("alice")).await),
        Code::AlreadyExists
    );
    assert_eq!(
        code(srv.admin.clone().create_terminal(req("bad name!")).await),
        Code::InvalidArgument
    );
    let unspecified = pb::CreateTerminalRequest {
        kind: 0,
        ..req("zed")
    };
    assert_eq!(
        code(srv.admin.clone().create_terminal(unspecified).await),
        Code::InvalidArgument
    );
    for i in 0..3 {
        srv.terminal(&format!("agent-{i}"), TerminalKind::Agent)
            .await;
    }
    let mut names = Vec::new();
    let mut token = String::new();
    loop {
        let page = srv
            .admin
            .clone()
            .list_terminals(pb::ListTerminalsRequest {
                page_size: 2,
                page_token: token,
            })
            .await
            .unwrap()
            .into_inner();
        names.extend(page.terminals.into_iter().map(|t| t.name));
        if page.next_page_token.is_empty() {
            break;
        }
        token = page.next_page_token;
    }
    assert_eq!(names, vec!["agent-0", "agent-1", "agent-2", "alice"]);

    // Authenticated once, so the server has the token cached: the rotation must retire it.
    let before = alice
        .session(&uuid::Uuid::new_v4().to_string())
        .await
        .expect_err("no such session");
    assert_eq!(before.code(), Code::NotFound);
    let rotated = srv
        .admin
        .clone()
        .rotate_terminal_token(pb::RotateTerminalTokenRequest {
            terminal_id: alice.id.clone(),
        })
        .await
        .unwrap()
        .into_inner();
    let old = alice
        .session(&uuid::Uuid::new_v4().to_string())
        .await
        .expect_err("old token");
    assert_eq!(old.code(), Code::Unauthenticated);
    let fresh = handoff::client::terminal(&srv.url, &rotated.token)
        .await
        .unwrap();
    let ok = fresh
        .clone()
        .get_session(pb::GetSessionRequest {
            session_id: uuid::Uuid::new_v4().to_string(),
        })
        .await
        .expect_err("missing");
    assert_eq!(
        ok.code(),
        Code::NotFound,
        "authenticated with the new token"
    );
    srv.stop().await;

    let closed = TestServer::start_with(backend, |a| a.admin_token = None).await;
    assert_eq!(
        code(closed.admin.clone().create_terminal(req("x")).await),
        Code::PermissionDenied
    );
    closed.stop().await;
}

fn to_group(session: &str, group: &str) -> pb::TransferRequest {
    pb::TransferRequest {
        session_id: session.to_owned(),
        target: Some(pb::TransferTarget {
            kind: Some(pb::transfer_target::Kind::Group(group.to_owned())),
        }),
        facts: Default::default(),
        note: "for billing".into(),
        ..Default::default()
    }
}

// C6: a transfer to a group is offered to its members that are attached; exactly one accept
// wins, atomically; the others see the offer taken and lose access.
async fn a_group_offer_goes_to_available_members_and_the_first_accept_wins(backend: Backend) {
    let c = cast(backend).await;
    let alice = c
        .srv
        .terminal_in("alice-b", TerminalKind::Agent, &["billing"])
        .await;
    let bob = c
        .srv
        .terminal_in("bob", TerminalKind::Agent, &["billing", "tier2"])
        .await;
    let carol = c
        .srv
        .terminal_in("carol", TerminalKind::Agent, &["billing"])
        .await;
    let mut bot_feed = c.bot.attach().await;
    let mut alice_feed = alice.ready().await;
    let mut bob_feed = bob.ready().await;
    // Carol is available but not attached: routing skips her.
    carol.set_status(pb::TerminalStatus::Available).await;
    let s = open_session(&c.gateway, &c.bot, &mut bot_feed, "+15550120", Channel::Web).await;
    c.gateway.say(&s.id, "I need a refund").await.unwrap();

    let t = c
        .bot
        .c()
        .transfer(to_group(&s.id, "billing"))
        .await
        .expect("group transfer")
        .into_inner()
        .transfer
        .unwrap();
    let mut offered = t.offered_to_terminal_ids.clone();
    offered.sort();
    let mut expected = vec![alice.id.clone(), bob.id.clone()];
    expected.sort();
    assert_eq!(
        offered, expected,
        "carol is not attached, so she is not offered the session"
    );
    for feed in [&mut alice_feed, &mut bob_feed] {
        let (e, _) = event_where(feed, is(|p| matches!(p, Payload::TransferOffered(_)))).await;
        let Some(Payload::TransferOffered(o)) = e.payload else {
            unreachable!()
        };
        let ctx = o.context.expect("each member gets the context");
        assert_eq!(
            ctx.dialog.iter().filter_map(body).collect::<Vec<_>>(),
            vec!["I need a refund"]
        );
    }
    assert_eq!(code(carol.session(&s.id).await), Code::NotFound);

    // Both accept at once: exactly one wins.
    let (a, b) = tokio::join!(alice.accept(&s.id, &t.id), bob.accept(&s.id, &t.id));
    let (winner, loser, mut loser_feed, lost) = match (a, b) {
        (Ok(_), Err(e)) => (&alice, &bob, bob_feed, e),
        (Err(e), Ok(_)) => (&bob, &alice, alice_feed, e),
        other => panic!("exactly one accept must win: {other:?}"),
    };
    // The loser no longer takes part (its stream says the offer was taken): not found.
    assert_eq!(lost.code(), Code::NotFound, "{}", lost.message());
    let (taken, _) = event_where(
        &mut loser_feed,
        is(|p| matches!(p, Payload::TransferAccepted(_))),
    )
    .await;
    let Some(Payload::TransferAccepted(acc)) = taken.payload else {
        unreachable!()
    };
    assert_eq!(
        acc.accepted_by_terminal_id, winner.id,
        "the loser sees the offer taken"
    );
    assert_quiet(&mut loser_feed, Duration::from_millis(300)).await;
    assert_eq!(code(loser.session(&s.id).await), Code::NotFound);

    c.bot.disconnect(&s.id).await.unwrap();
    winner
        .say(&s.id, "refund on its way")
        .await
        .expect("the winner holds the session");
    let session = winner.session(&s.id).await.unwrap();
    assert_eq!(session.holder_terminal_id, winner.id);
    assert_eq!(session.past_transfers[0].accepted_by_terminal_id, winner.id);
    c.srv.stop().await;
}

// C6 where the claims are silent: members decline one by one (the offer stays open until all
// have), an empty or absent group is refused, and group membership is managed by the admin API.
async fn group_offers_handle_declines_and_absent_members(backend: Backend) {
    let c = cast(backend).await;
    let alice = c
        .srv
        .terminal_in("alice-g", TerminalKind::Agent, &["sales"])
        .await;
    let bob = c.srv.terminal("bob-g", TerminalKind::Agent).await;
    let mut bot_feed = c.bot.attach().await;
    let _alice_feed = alice.ready().await;
    let _bob_feed = bob.ready().await;
    let s = open_session(&c.gateway, &c.bot, &mut bot_feed, "+15550121", Channel::Sms).await;

    let unknown = c
        .bot
        .c()
        .transfer(to_group(&s.id, "nobody-here"))
        .await
        .expect_err("unknown group");
    assert_eq!(unknown.code(), Code::NotFound);
    let bad = c
        .bot
        .c()
        .transfer(to_group(&s.id, "bad group!"))
        .await
        .expect_err("malformed");
    assert_eq!(bad.code(), Code::InvalidArgument);

    let set = c
        .srv
        .admin
        .clone()
        .set_terminal_groups(pb::SetTerminalGroupsRequest {
            terminal_id: bob.id.clone(),
            groups: vec!["sales".into()],
        })
        .await
        .expect("set groups")
        .into_inner();
    assert_eq!(set.terminal.unwrap().groups, vec!["sales".to_owned()]);
    let t = c
        .bot
        .c()
        .transfer(to_group(&s.id, "sales"))
        .await
        .unwrap()
        .into_inner()
        .transfer
        .unwrap();
    assert_eq!(t.offered_to_terminal_ids.len(), 2);
    let decline = |who: &Term| {
        let mut client = who.c();
        let req = pb::DeclineTransferRequest {
            session_id: s.id.clone(),
            transfer_id: t.id.clone(),
            reason: "busy".into(),
        };
        async move { client.decline_transfer(req).await }
    };
    let first = decline(&alice)
        .await
        .expect("decline")
        .into_inner()
        .transfer
        .unwrap();
    assert_eq!(
        first.state(),
        TransferState::Offered,
        "bob may still take it"
    );
    // Alice declined: she no longer takes part, and is told what a stranger is.
    assert_eq!(code(alice.accept(&s.id, &t.id).await), Code::NotFound);
    let second = decline(&bob)
        .await
        .expect("decline")
        .into_inner()
        .transfer
        .unwrap();
    // Every member declined: a transfer to a group does not end there, it waits in the group's
    // queue (and is not offered to them again); the holder keeps the session.
    assert_eq!(second.state(), TransferState::Queued);
    let (d1, _) = event_where(
        &mut bot_feed,
        is(|p| matches!(p, Payload::TransferDeclined(_))),
    )
    .await;
    let (d2, _) = event_where(
        &mut bot_feed,
        is(|p| matches!(p, Payload::TransferDeclined(_))),
    )
    .await;
    assert!(d2.seq > d1.seq);
    let (Some(Payload::TransferDeclined(first_no)), Some(Payload::TransferDeclined(last_no))) =
        (d1.payload, d2.payload)
    else {
        unreachable!()
    };
    assert!(!first_no.requeued, "bob could still take it");
    assert!(
        last_no.requeued,
        "the last decline sends it back to the queue"
    );
    let (q, _) = event_where(
        &mut bot_feed,
        is(|p| matches!(p, Payload::TransferQueued(_))),
    )
    .await;
    let Some(Payload::TransferQueued(q)) = q.payload else {
        unreachable!()
    };
    assert_eq!((q.position, q.reason()), (1, pb::QueueReason::Declined));
    assert_eq!(
        c.bot.session(&s.id).await.unwrap().holder_terminal_id,
        c.bot.id
    );
    let cancelled = c
        .bot
        .c()
        .cancel_transfer(pb::CancelTransferRequest {
            session_id: s.id.clone(),
            transfer_id: t.id.clone(),
            reason: "nobody wants it".into(),
        })
        .await
        .expect("cancel while queued")
        .into_inner()
        .transfer
        .unwrap();
    assert_eq!(cancelled.state(), TransferState::Cancelled);

    // With every member detached, a group transfer waits in the queue and the session stays put.
    drop((_alice_feed, _bob_feed));
    tokio::time::sleep(Duration::from_millis(100)).await;
    let waiting = c
        .bot
        .c()
        .transfer(to_group(&s.id, "sales"))
        .await
        .expect("queued")
        .into_inner()
        .transfer
        .unwrap();
    assert_eq!(waiting.state(), TransferState::Queued);
    assert_eq!(waiting.queue_position, 1);
    let session = c.bot.session(&s.id).await.unwrap();
    assert_eq!(session.holder_terminal_id, c.bot.id);
    assert_eq!(
        session.active_transfer.map(|t| t.state()),
        Some(TransferState::Queued)
    );
    c.srv.stop().await;
}

// C4, C7, C8, C9, C10 over the Attach stream: every step of a transfer, and the refusals, sent as
// commands on the terminals' own feeds, with the same outcomes and status codes as the RPCs.
async fn a_transfer_can_be_made_with_stream_commands_alone(backend: Backend) {
    use pb::command::Kind as Cmd;
    let c = cast(backend).await;
    let mut bot_feed = c.bot.attach().await;
    let mut agent_feed = c.agent.attach().await;
    let mut gw_feed = c.gateway.attach().await;
    let s = open_session(&c.gateway, &c.bot, &mut bot_feed, "+15550123", Channel::Sms).await;
    let to_agent = |note: &str| {
        Cmd::Transfer(pb::TransferRequest {
            session_id: s.id.clone(),
            target: Some(pb::TransferTarget {
                kind: Some(pb::transfer_target::Kind::TerminalId(c.agent.id.clone())),
            }),
            facts: [("intent".to_owned(), "refund".to_owned())].into(),
            note: note.to_owned(),
            ..Default::default()
        })
    };

    // Refusals come back as receipts with the RPC's codes; the stream goes on.
    let (r, _) = command(
        &mut bot_feed,
        "no-target",
        Cmd::Transfer(pb::TransferRequest {
            session_id: s.id.clone(),
            ..Default::default()
        }),
    )
    .await;
    assert_eq!(r.code, Code::InvalidArgument as i32, "{}", r.message);
    let (r, _) = command(
        &mut agent_feed,
        "not-mine",
        Cmd::Disconnect(pb::DisconnectRequest {
            session_id: s.id.clone(),
        }),
    )
    .await;
    assert_eq!(
        (r.code, r.message.as_str()),
        (Code::NotFound as i32, "session not found"),
        "a foreign session looks missing"
    );

    // Offer, decline; offer, cancel: the holder keeps the session.
    let (offer, _) = command(&mut bot_feed, "offer-1", to_agent("first")).await;
    assert_eq!(offer.code, 0, "{}", offer.message);
    let (seen, _) = event_where(
        &mut agent_feed,
        is(|p| matches!(p, Payload::TransferOffered(_))),
    )
    .await;
    assert_eq!(seen.seq, offer.seq, "the receipt names the offer's event");
    let (declined, _) = command(
        &mut agent_feed,
        "decline-1",
        Cmd::DeclineTransfer(pb::DeclineTransferRequest {
            session_id: s.id.clone(),
            transfer_id: offer.transfer_id.clone(),
            reason: "busy".into(),
        }),
    )
    .await;
    assert_eq!(
        (declined.code, declined.transfer_id.as_str()),
        (0, offer.transfer_id.as_str())
    );
    let (offer2, _) = command(&mut bot_feed, "offer-2", to_agent("second")).await;
    assert_eq!(offer2.code, 0, "{}", offer2.message);
    assert_ne!(offer2.transfer_id, offer.transfer_id);
    let (cancelled, _) = command(
        &mut bot_feed,
        "cancel-2",
        Cmd::CancelTransfer(pb::CancelTransferRequest {
            session_id: s.id.clone(),
            transfer_id: offer2.transfer_id.clone(),
            reason: "solved".into(),
        }),
    )
    .await;
    assert_eq!(cancelled.code, 0, "{}", cancelled.message);
    let past: Vec<TransferState> = c
        .bot
        .session(&s.id)
        .await
        .unwrap()
        .past_transfers
        .iter()
        .map(|t| t.state())
        .collect();
    assert_eq!(
        past,
        vec![TransferState::Declined, TransferState::Cancelled]
    );

    // Offer, accept, disconnect, acknowledge, and the new holder carries on.
    let (offer3, _) = command(&mut bot_feed, "offer-3", to_agent("third")).await;
    assert_eq!(offer3.code, 0, "{}", offer3.message);
    let (o, _) = event_where(&mut agent_feed, |e| {
        matches!(&e.payload, Some(Payload::TransferOffered(o)) if o.transfer.as_ref().is_some_and(|t| t.id == offer3.transfer_id))
    })
    .await;
    let Some(Payload::TransferOffered(o)) = o.payload else {
        unreachable!()
    };
    let context = o.context.expect("the offer carries the context");
    assert_eq!(
        context.facts.get("intent").map(String::as_str),
        Some("refund")
    );
    let (accepted, _) = command(
        &mut agent_feed,
        "accept-3",
        Cmd::AcceptTransfer(pb::AcceptTransferRequest {
            session_id: s.id.clone(),
            transfer_id: offer3.transfer_id.clone(),
        }),
    )
    .await;
    assert_eq!(
        (accepted.code, accepted.transfer_id.as_str()),
        (0, offer3.transfer_id.as_str()),
        "{}",
        accepted.message
    );
    event_where(
        &mut bot_feed,
        is(|p| matches!(p, Payload::TransferAccepted(_))),
    )
    .await;
    let (left, _) = command(
        &mut bot_feed,
        "leave",
        Cmd::Disconnect(pb::DisconnectRequest {
            session_id: s.id.clone(),
        }),
    )
    .await;
    assert_eq!(left.code, 0, "{}", left.message);
    let (hd, _) = event_where(
        &mut gw_feed,
        is(|p| matches!(p, Payload::HolderDisconnected(_))),
    )
    .await;
    assert_eq!(
        hd.seq, left.seq,
        "the receipt names the HolderDisconnected event"
    );
    let (ack, _) = command(
        &mut gw_feed,
        "ack-hd",
        Cmd::AcknowledgeDisconnect(pb::AcknowledgeDisconnectRequest {
            session_id: s.id.clone(),
            seq: hd.seq,
        }),
    )
    .await;
    assert_eq!(ack.code, 0, "{}", ack.message);
    let (said, _) = command(
        &mut agent_feed,
        "hello",
        Cmd::Message(pb::MessageRequest {
            session_id: s.id.clone(),
            body: "Alice here, I have your refund request".into(),
            idempotency_key: String::new(),
        }),
    )
    .await;
    assert_eq!(said.code, 0, "{}", said.message);
    let (m, _) = event_where(&mut gw_feed, |e| {
        body(e) == Some("Alice here, I have your refund request")
    })
    .await;
    assert_eq!(m.seq, said.seq);
    let now = c.agent.session(&s.id).await.unwrap();
    assert_eq!(now.holder_terminal_id, c.agent.id);
    let (gone, _) = command(
        &mut bot_feed,
        "too-late",
        Cmd::Message(pb::MessageRequest {
            session_id: s.id.clone(),
            body: "still here?".into(),
            idempotency_key: String::new(),
        }),
    )
    .await;
    assert_eq!(
        gone.code,
        Code::NotFound as i32,
        "the former holder no longer takes part"
    );
    c.srv.stop().await;
}

// The slow-consumer policy: a terminal that stops reading its feed holds back only its own
// stream. Senders keep being answered, other sessions keep flowing, and once it reads again it gets
// every event, in order, from the log (nothing dropped for lack of buffer).
async fn a_terminal_that_stops_reading_holds_back_only_its_own_feed(backend: Backend) {
    let c = cast(backend).await;
    let mut bot_feed = c.bot.attach().await;
    let mut agent_feed = c.agent.attach().await;
    let s = open_session(&c.gateway, &c.bot, &mut bot_feed, "+15550140", Channel::Web).await;
    let other = open_session(
        &c.gateway,
        &c.agent,
        &mut agent_feed,
        "+15550141",
        Channel::Im,
    )
    .await;

    // The bot reads nothing from here on. 600 messages of 8 KiB are several times what HTTP/2's
    // windows and the stream's buffer hold, so its delivery must wait on the client.
    let n = 600;
    let pad = "x".repeat(8 * 1024);
    for i in 0..n {
        c.gateway
            .say(&s.id, &format!("{i:04} {pad}"))
            .await
            .expect("the sender is answered while the bot does not read");
    }
    // Another session is not held up.
    let seq = c
        .gateway
        .say(&other.id, "are you there?")
        .await
        .expect("another session's message");
    let (got, _) = event_where(&mut agent_feed, |e| body(e) == Some("are you there?")).await;
    assert_eq!(got.seq, seq);

    // The bot reads again: everything, in order, once.
    let mut bodies = Vec::new();
    let mut seqs = Vec::new();
    while bodies.len() < n {
        let e = next_event(&mut bot_feed).await;
        if e.session_id != s.id {
            continue;
        }
        if let Some(b) = body(&e) {
            bodies.push(b[..4].to_owned());
            seqs.push(e.seq);
        }
    }
    let expected: Vec<String> = (0..n).map(|i| format!("{i:04}")).collect();
    assert_eq!(bodies, expected, "every message, in the order sent");
    assert!(
        seqs.windows(2).all(|w| w[1] == w[0] + 1),
        "gap-free sequence numbers"
    );
    assert_quiet(&mut bot_feed, Duration::from_millis(300)).await;
    c.srv.stop().await;
}

on_every_backend!(
    connect_opens_a_session_once_the_destination_acknowledges,
    connect_fails_cleanly_when_the_destination_is_away,
    both_parties_send_at_any_time_and_everyone_sees_one_order,
    a_retried_message_is_stored_once,
    bad_messages_are_rejected_with_clear_statuses,
    a_transfer_hands_the_live_session_and_its_context_to_the_target,
    declined_cancelled_and_expired_offers_leave_the_session_with_the_holder,
    a_holder_that_lingers_after_acceptance_is_disconnected_by_the_server,
    disconnect_without_an_accepted_transfer_ends_the_session,
    a_chain_of_transfers_keeps_the_dialog_and_the_holder_history,
    the_same_transfer_works_on_every_channel,
    credentials_are_required_and_foreign_sessions_look_missing,
    a_reattached_terminal_receives_exactly_what_it_missed,
    a_resumed_terminal_gets_its_earlier_parts_before_its_current_one,
    commands_on_the_stream_get_receipts,
    a_transfer_can_be_made_with_stream_commands_alone,
    a_terminal_that_stops_reading_holds_back_only_its_own_feed,
    list_events_pages_and_filters_for_the_caller,
    transfers_are_validated,
    the_admin_api_guards_terminal_registration,
    a_group_offer_goes_to_available_members_and_the_first_accept_wins,
    group_offers_handle_declines_and_absent_members,
);
