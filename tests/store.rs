//! The storage interface suite: written once against `Store`, run on SQLite and on Postgres.

mod common;

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use common::{Backend, TestDb};
use handoff::domain::{self, Limits, NewSession, Offer, Timeouts};
use handoff::error::Error;
use handoff::pb::{self, event::Payload};
use handoff::store::{Membership, SqlStore, Store};
use uuid::Uuid;

const T: Timeouts = Timeouts {
    connect: Duration::from_secs(10),
    offer: Duration::from_secs(30),
    handoff_grace: Duration::from_secs(5),
};

async fn store(db: &TestDb) -> SqlStore {
    SqlStore::connect(&db.url, 4)
        .await
        .expect("connect and migrate")
}

fn terminal(name: &str) -> pb::Terminal {
    pb::Terminal {
        id: Uuid::now_v7().to_string(),
        name: name.into(),
        display_name: String::new(),
        kind: pb::TerminalKind::Agent as i32,
        create_time: Some(domain::timestamp(1_700_000_000_000)),
    }
}

/// A session between a gateway and a bot, acknowledged (seq 1 requested, seq 2 opened).
async fn open_session(s: &SqlStore, gw: Uuid, bot: Uuid) -> Uuid {
    let id = Uuid::now_v7();
    let (session, events) = domain::open(
        NewSession {
            id,
            caller_terminal: gw,
            destination: bot,
            caller: pb::Caller {
                id: "+15550199".into(),
                display_name: String::new(),
            },
            channel: pb::Channel::Sms,
            facts: HashMap::new(),
        },
        1_000,
        &T,
    );
    let created = s.create_session(&session, &events).await.expect("create");
    assert_eq!(created.membership_changed.len(), 2);
    s.update_session(id, &mut |x| domain::acknowledge_connect(x, bot, 1_001))
        .await
        .expect("ack");
    id
}

async fn terminals_are_unique_by_name_and_found_by_token_hash(backend: Backend) {
    let db = TestDb::create(backend).await;
    let s = store(&db).await;
    let alice = terminal("alice");
    s.create_terminal(&alice, "hash-a").await.unwrap();
    let dup = s
        .create_terminal(&terminal("alice"), "hash-b")
        .await
        .expect_err("name taken");
    assert!(matches!(dup, Error::AlreadyExists(_)), "{dup:?}");
    let found = s
        .terminal_by_token_hash("hash-a")
        .await
        .unwrap()
        .expect("by hash");
    assert_eq!(found, alice);
    assert!(s.terminal_by_token_hash("hash-b").await.unwrap().is_none());
    let id: Uuid = alice.id.parse().unwrap();
    assert!(s.set_token_hash(id, "hash-c").await.unwrap());
    assert!(s.terminal_by_token_hash("hash-a").await.unwrap().is_none());
    assert!(!s.set_token_hash(Uuid::new_v4(), "x").await.unwrap());
    for n in ["bob", "carol"] {
        s.create_terminal(&terminal(n), &format!("hash-{n}"))
            .await
            .unwrap();
    }
    let page: Vec<String> = s
        .list_terminals("alice", 10)
        .await
        .unwrap()
        .into_iter()
        .map(|t| t.name)
        .collect();
    assert_eq!(page, vec!["bob", "carol"]);
    s.close().await;
}

async fn changes_commit_atomically_with_gap_free_sequence_numbers(backend: Backend) {
    let db = TestDb::create(backend).await;
    let s = store(&db).await;
    let (gw, bot) = (Uuid::new_v4(), Uuid::new_v4());
    let id = open_session(&s, gw, bot).await;

    // A change that fails stores nothing, even if it mutated the snapshot first.
    let failed = s
        .update_session(id, &mut |x| {
            x.facts.insert("half".into(), "done".into());
            Err(Error::precondition("no"))
        })
        .await
        .expect_err("the closure's error is returned");
    assert!(matches!(failed, Error::FailedPrecondition(_)));
    let after = s.session(id).await.unwrap().unwrap();
    assert!(after.facts.is_empty());
    assert_eq!(after.last_seq, 2);

    // Concurrent writers are serialized: every append gets the next number, none is lost.
    let shared = Arc::new(s.clone());
    let mut tasks = Vec::new();
    for i in 0..20 {
        let st = shared.clone();
        tasks.push(tokio::spawn(async move {
            let author = if i % 2 == 0 { gw } else { bot };
            st.update_session(id, &mut |x| {
                domain::post_message(x, author, format!("m{i}"), 2_000)
            })
            .await
            .expect("append")
            .events[0]
                .seq
        }));
    }
    let mut seqs = Vec::new();
    for t in tasks {
        seqs.push(t.await.unwrap());
    }
    seqs.sort();
    assert_eq!(seqs, (3..23).collect::<Vec<u64>>());
    let log = s.events(id, 0, u64::MAX, 1000).await.unwrap();
    assert_eq!(
        log.iter().map(|e| e.seq).collect::<Vec<_>>(),
        (1..23).collect::<Vec<u64>>()
    );
    assert_eq!(
        s.events(id, 5, 7, 100)
            .await
            .unwrap()
            .iter()
            .map(|e| e.seq)
            .collect::<Vec<_>>(),
        vec![6, 7]
    );
    assert_eq!(s.events(id, 0, u64::MAX, 4).await.unwrap().len(), 4);
    let last3 = s.messages_before(id, 23, 3).await.unwrap();
    assert_eq!(
        last3.iter().map(|e| e.seq).collect::<Vec<_>>(),
        vec![20, 21, 22]
    );
    assert!(
        last3
            .iter()
            .all(|e| matches!(e.payload, Some(Payload::MessagePosted(_))))
    );
    assert!(matches!(
        s.update_session(Uuid::new_v4(), &mut |_| Ok(Vec::new()))
            .await,
        Err(Error::NotFound("session"))
    ));
    s.close().await;
}

async fn an_idempotency_key_stores_a_message_once(backend: Backend) {
    let db = TestDb::create(backend).await;
    let s = store(&db).await;
    let (gw, bot) = (Uuid::new_v4(), Uuid::new_v4());
    let id = open_session(&s, gw, bot).await;
    let mut post = |x: &mut pb::Session| domain::post_message(x, gw, "hello".into(), 3_000);
    let (first, committed) = s
        .append_message(id, gw, Some("k1"), &mut post)
        .await
        .unwrap();
    assert!(!first.duplicate && committed.is_some());
    let (again, committed) = s
        .append_message(id, gw, Some("k1"), &mut post)
        .await
        .unwrap();
    assert!(again.duplicate && committed.is_none());
    assert_eq!(first.seq, again.seq);
    // The key is scoped to its author: the other party may use the same one.
    let mut reply = |x: &mut pb::Session| domain::post_message(x, bot, "hi".into(), 3_001);
    let (other, _) = s
        .append_message(id, bot, Some("k1"), &mut reply)
        .await
        .unwrap();
    assert!(!other.duplicate);
    let (plain, _) = s.append_message(id, gw, None, &mut post).await.unwrap();
    assert_eq!((first.seq, other.seq, plain.seq), (3, 4, 5));
    assert_eq!(s.session(id).await.unwrap().unwrap().last_seq, 5);
    s.close().await;
}

async fn memberships_follow_participants_and_acknowledgements(backend: Backend) {
    let db = TestDb::create(backend).await;
    let s = store(&db).await;
    let (gw, bot, agent) = (Uuid::new_v4(), Uuid::new_v4(), Uuid::new_v4());
    let id = open_session(&s, gw, bot).await;
    assert_eq!(
        s.memberships(bot).await.unwrap(),
        vec![Membership {
            session_id: id,
            joined_seq: 1,
            left_seq: None,
            acked_seq: 0
        }]
    );
    let tid = Uuid::new_v4();
    let offered = s
        .update_session(id, &mut |x| {
            domain::offer_transfer(
                x,
                bot,
                Offer {
                    transfer_id: tid,
                    target: agent,
                    target_exists: true,
                    facts: HashMap::new(),
                    note: String::new(),
                },
                4_000,
                &T,
                &Limits::default(),
            )
        })
        .await
        .unwrap();
    assert_eq!(offered.membership_changed, vec![agent]);
    assert_eq!(
        s.membership(agent, id).await.unwrap().unwrap().joined_seq,
        3
    );
    let accepted = s
        .update_session(id, &mut |x| {
            domain::accept_transfer(x, agent, tid, 4_100, &T)
        })
        .await
        .unwrap();
    assert_eq!(accepted.membership_changed, vec![agent], "role changed");
    let handed = s
        .update_session(id, &mut |x| {
            domain::disconnect(x, bot, 4_200).map(|(e, _)| e)
        })
        .await
        .unwrap();
    assert!(handed.membership_changed.contains(&bot) && handed.membership_changed.contains(&agent));
    let left = s.membership(bot, id).await.unwrap().unwrap();
    assert_eq!(
        left.left_seq,
        Some(5),
        "the bot is shown up to its HolderDisconnected"
    );

    s.acknowledge(bot, id, 5).await.unwrap();
    assert!(
        s.memberships(bot).await.unwrap().is_empty(),
        "nothing left to show the bot"
    );
    s.acknowledge(gw, id, 4).await.unwrap();
    s.acknowledge(gw, id, 2).await.unwrap();
    assert_eq!(
        s.membership(gw, id).await.unwrap().unwrap().acked_seq,
        4,
        "acknowledgements never move back"
    );
    assert_eq!(s.memberships(gw).await.unwrap().len(), 1);
    s.close().await;
}

async fn due_sessions_are_found_by_their_next_deadline(backend: Backend) {
    let db = TestDb::create(backend).await;
    let s = store(&db).await;
    let (gw, bot, agent) = (Uuid::new_v4(), Uuid::new_v4(), Uuid::new_v4());
    let id = open_session(&s, gw, bot).await;
    assert!(
        s.due_sessions(i64::MAX, 10).await.unwrap().is_empty(),
        "an open session has no deadline"
    );
    s.update_session(id, &mut |x| {
        domain::offer_transfer(
            x,
            bot,
            Offer {
                transfer_id: Uuid::new_v4(),
                target: agent,
                target_exists: true,
                facts: HashMap::new(),
                note: String::new(),
            },
            10_000,
            &T,
            &Limits::default(),
        )
    })
    .await
    .unwrap();
    assert!(s.due_sessions(39_999, 10).await.unwrap().is_empty());
    assert_eq!(s.due_sessions(40_000, 10).await.unwrap(), vec![id]);
    s.update_session(id, &mut |x| Ok(domain::on_deadline(x, 40_000)))
        .await
        .unwrap();
    assert!(
        s.due_sessions(i64::MAX, 10).await.unwrap().is_empty(),
        "expired: nothing is due"
    );
    s.close().await;
}

async fn data_survives_a_reconnect(backend: Backend) {
    let db = TestDb::create(backend).await;
    let s = store(&db).await;
    let (gw, bot) = (Uuid::new_v4(), Uuid::new_v4());
    let id = open_session(&s, gw, bot).await;
    s.close().await;
    // Migrations are idempotent and the committed log is all there.
    let again = store(&db).await;
    assert_eq!(again.events(id, 0, u64::MAX, 10).await.unwrap().len(), 2);
    assert_eq!(
        again.session(id).await.unwrap().unwrap().state(),
        pb::SessionState::Open
    );
    again.close().await;
}

on_every_backend!(
    terminals_are_unique_by_name_and_found_by_token_hash,
    changes_commit_atomically_with_gap_free_sequence_numbers,
    an_idempotency_key_stores_a_message_once,
    memberships_follow_participants_and_acknowledgements,
    due_sessions_are_found_by_their_next_deadline,
    data_survives_a_reconnect,
);
