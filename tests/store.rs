//! The storage interface suite: written once against `Store`, run on SQLite and on Postgres.

mod common;

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use common::{Backend, TestDb};
use handoff::bus::Bus;
use handoff::commit::{self, Committed, Committer, NewMessage, Write, Written};
use handoff::domain::{self, Limits, NewSession, Offer, Timeouts};
use handoff::error::Error;
use handoff::limits::TerminalLimits;
use handoff::pb::{self, event::Payload};
use handoff::store::rules::{Rules, Subject};
use handoff::store::{CHANGE_MARK_MS, Membership, Store, change_mark};
use handoff::tail::Tail;
use handoff::writer::Writer;
use sqlx::Connection as _;
use uuid::Uuid;

const T: Timeouts = Timeouts {
    connect: Duration::from_secs(10),
    offer: Duration::from_secs(30),
    handoff_grace: Duration::from_secs(5),
};

/// The store under test, with group commits made on it as a replica makes them. Each commit
/// starts with nothing in memory, so concurrent ones meet as two replicas would.
#[derive(Clone)]
struct S(Arc<dyn Store>);

impl std::ops::Deref for S {
    type Target = dyn Store;
    fn deref(&self) -> &(dyn Store + 'static) {
        self.0.as_ref()
    }
}

/// What a batch of messages did.
struct AppendedBatch {
    results: Vec<handoff::error::Result<handoff::store::Appended>>,
    events: Vec<pb::Event>,
}

impl S {
    async fn write_batch(
        &self,
        batch: &mut [Write<'_>],
    ) -> handoff::error::Result<commit::WrittenBatch> {
        Committer::new(self.0.clone()).write_batch(batch).await
    }

    /// A batch of one change.
    async fn update_session(
        &self,
        id: Uuid,
        change: &mut handoff::commit::SessionChange<'_>,
    ) -> handoff::error::Result<Committed> {
        committed(&mut Committer::new(self.0.clone()), id, change).await
    }

    async fn append_messages(&self, batch: &[NewMessage]) -> handoff::error::Result<AppendedBatch> {
        appended(&mut Committer::new(self.0.clone()), batch).await
    }

    /// A batch of one acknowledgement.
    async fn acknowledge(
        &self,
        terminal: Uuid,
        session: Uuid,
        seq: u64,
    ) -> handoff::error::Result<()> {
        let mut batch = [Write::Ack {
            terminal,
            session,
            seq,
        }];
        self.write_batch(&mut batch).await.map(drop)
    }

    async fn create_session(
        &self,
        session: &pb::Session,
        events: &[pb::Event],
    ) -> handoff::error::Result<Committed> {
        let id = session.id.parse().expect("a session id");
        let (stored, rows, committed) = commit::new_session(id, session, events);
        self.0.create_session(&stored, &rows).await?;
        Ok(committed)
    }
}

/// One change committed alone by `c`.
async fn committed(
    c: &mut Committer,
    id: Uuid,
    change: &mut handoff::commit::SessionChange<'_>,
) -> handoff::error::Result<Committed> {
    let mut batch = [Write::Change {
        session: id,
        change: Box::new(|x: &mut pb::Session| change(x)),
    }];
    match c.write_batch(&mut batch).await?.results.pop() {
        Some(Written::Change(r)) => r.map(|c| *c),
        other => panic!("a change answered as {other:?}"),
    }
}

/// Messages committed together by `c`.
async fn appended(
    c: &mut Committer,
    batch: &[NewMessage],
) -> handoff::error::Result<AppendedBatch> {
    let mut writes: Vec<Write> = batch.iter().cloned().map(Write::Message).collect();
    let done = c.write_batch(&mut writes).await?;
    Ok(AppendedBatch {
        results: done
            .results
            .into_iter()
            .map(|w| match w {
                Written::Message(r) => r,
                other => panic!("a message answered as {other:?}"),
            })
            .collect(),
        events: done.events,
    })
}

async fn store(db: &TestDb) -> S {
    S(handoff::store::connect(&db.url, 4)
        .await
        .expect("connect and migrate"))
}

fn terminal(name: &str) -> pb::Terminal {
    pb::Terminal {
        id: Uuid::now_v7().to_string(),
        name: name.into(),
        display_name: String::new(),
        kind: pb::TerminalKind::Agent as i32,
        create_time: Some(domain::timestamp(1_700_000_000_000)),
        groups: Vec::new(),
    }
}

/// A session between a gateway and a bot, acknowledged (seq 1 requested, seq 2 opened).
async fn open_session(s: &S, gw: Uuid, bot: Uuid) -> Uuid {
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
    let before = domain::now_millis();
    assert!(!s.changed_since(before).await.unwrap().credentials);
    assert!(s.set_token_hash(id, "hash-c").await.unwrap());
    assert!(s.terminal_by_token_hash("hash-a").await.unwrap().is_none());
    // Replicas that missed the rotation's signal learn of it from the catch-up poll.
    assert!(s.changed_since(before).await.unwrap().credentials);
    assert!(
        !s.changed_since(domain::now_millis() + 1)
            .await
            .unwrap()
            .credentials
    );
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

// Transfer steps are group-committed with messages: each write of a batch applies in order as
// it would alone; a refused one changes nothing, a no-op reports the state, memberships follow.
async fn a_batch_mixes_messages_and_session_changes(backend: Backend) {
    let db = TestDb::create(backend).await;
    let s = store(&db).await;
    let (gw, bot, agent) = (Uuid::new_v4(), Uuid::new_v4(), Uuid::new_v4());
    let one = open_session(&s, gw, bot).await;
    let two = open_session(&s, gw, bot).await;
    let msg = |session, author, body: &str| {
        Write::Message(NewMessage {
            session,
            author,
            body: body.into(),
            idempotency_key: None,
            time: 3_000,
        })
    };
    let change = |session, f: Box<handoff::commit::SessionChange<'static>>| Write::Change {
        session,
        change: f,
    };
    let mut batch = vec![
        msg(one, gw, "before"),
        change(
            one,
            Box::new(|x: &mut pb::Session| {
                x.facts.insert("half".into(), "done".into());
                Err(Error::precondition("no"))
            }),
        ),
        change(
            one,
            Box::new(move |x: &mut pb::Session| {
                let offer = Offer::to_terminal(Uuid::new_v4(), agent);
                domain::offer_transfer(x, bot, offer, 3_001, &T, &Limits::default())
            }),
        ),
        change(
            one,
            Box::new(move |x: &mut pb::Session| Ok(domain::disconnect(x, gw, 3_002)?.0)),
        ),
        msg(one, gw, "after the end"),
        change(two, Box::new(|_: &mut pb::Session| Ok(Vec::new()))),
        msg(two, bot, "in two"),
        change(
            Uuid::new_v4(),
            Box::new(|_: &mut pb::Session| Ok(Vec::new())),
        ),
    ];
    let done = s.write_batch(&mut batch).await.expect("the batch commits");
    let r = &done.results;
    assert!(matches!(&r[0], Written::Message(Ok(a)) if a.seq == 3));
    assert!(matches!(
        &r[1],
        Written::Change(Err(Error::FailedPrecondition(_)))
    ));
    let Written::Change(Ok(offered)) = &r[2] else {
        panic!("offer: {:?}", r[2]);
    };
    assert!(
        offered.session.facts.is_empty(),
        "the refused change left nothing"
    );
    assert_eq!(offered.events.first().map(|e| e.seq), Some(4));
    assert!(offered.session.active_transfer.is_some());
    assert!(
        offered.membership_changed.contains(&agent),
        "the target joined: {:?}",
        offered.membership_changed
    );
    let Written::Change(Ok(ended)) = &r[3] else {
        panic!("disconnect: {:?}", r[3]);
    };
    assert_eq!(ended.session.state(), pb::SessionState::Ended);
    assert!(ended.events.first().is_some_and(|e| e.seq == 5));
    assert!(matches!(&r[4], Written::Message(Err(_))), "{:?}", r[4]);
    let Written::Change(Ok(noop)) = &r[5] else {
        panic!("no-op: {:?}", r[5]);
    };
    assert!(noop.events.is_empty());
    assert_eq!(noop.session.last_seq, 2);
    assert!(matches!(&r[6], Written::Message(Ok(a)) if a.seq == 3));
    assert!(matches!(
        &r[7],
        Written::Change(Err(Error::NotFound("session")))
    ));
    // What the writer relays to other replicas: every membership the batch's changes moved.
    let moved: Vec<Uuid> = r
        .iter()
        .filter_map(|w| match w {
            Written::Change(Ok(c)) => Some(c.membership_changed.iter().copied()),
            _ => None,
        })
        .flatten()
        .collect();
    assert!(moved.contains(&agent));

    // What was committed is what the batch said.
    let stored = s.session(one).await.unwrap().unwrap();
    assert_eq!(stored.state(), pb::SessionState::Ended);
    assert!(stored.facts.is_empty());
    assert_eq!(stored.last_seq, ended.session.last_seq);
    let log = s.events(one, 0, u64::MAX, 100).await.unwrap();
    assert_eq!(
        log.iter().map(|e| e.seq).collect::<Vec<_>>(),
        (1..=stored.last_seq).collect::<Vec<_>>()
    );
    assert_eq!(
        done.events.len() as u64,
        (stored.last_seq - 2) + 1,
        "one's new events and two's message"
    );
    let joined = s
        .membership(agent, one)
        .await
        .unwrap()
        .expect("the offer's target has a membership row");
    assert_eq!(joined.joined_seq, 4);
    // Joined and (with the end of the session) left within one batch: one row says both.
    let still_in = ended
        .session
        .participants
        .iter()
        .any(|p| p.terminal_id == agent.to_string());
    assert_eq!(joined.left_seq.is_some(), !still_in, "{joined:?}");
    assert_eq!(s.session(two).await.unwrap().unwrap().last_seq, 3);

    // Acknowledgements ride along: the highest per terminal and session wins, never going back,
    // and one for a row that does not exist changes nothing.
    let ack = |terminal, session, seq| Write::Ack {
        terminal,
        session,
        seq,
    };
    let mut acks = vec![
        ack(gw, two, 3),
        ack(gw, two, 2),
        ack(bot, two, 1),
        ack(agent, two, 3),
        msg(two, bot, "with acks"),
    ];
    let done = s.write_batch(&mut acks).await.expect("the acks commit");
    assert!(matches!(&done.results[0], Written::Ack(Ok(()))));
    assert!(matches!(&done.results[4], Written::Message(Ok(a)) if a.seq == 4));
    let acked = |t| {
        let s = &s;
        async move { s.membership(t, two).await.unwrap().map(|m| m.acked_seq) }
    };
    assert_eq!(acked(gw).await, Some(3));
    assert_eq!(acked(bot).await, Some(1));
    assert_eq!(acked(agent).await, None);
    let mut back = vec![ack(gw, two, 1)];
    s.write_batch(&mut back)
        .await
        .expect("an ack-only batch commits");
    assert_eq!(acked(gw).await, Some(3), "acknowledgements never go back");
    s.close().await;
}

async fn a_batch_of_messages_commits_together_and_keys_store_once(backend: Backend) {
    let db = TestDb::create(backend).await;
    let s = store(&db).await;
    let (gw, bot, stranger) = (Uuid::new_v4(), Uuid::new_v4(), Uuid::new_v4());
    let one = open_session(&s, gw, bot).await;
    let two = open_session(&s, gw, bot).await;
    let msg = |session, author, body: &str, key: Option<&str>| NewMessage {
        session,
        author,
        body: body.into(),
        idempotency_key: key.map(str::to_owned),
        time: 3_000,
    };
    let batch = vec![
        msg(one, gw, "hello", Some("k1")),
        msg(two, gw, "other session", None),
        msg(one, bot, "hi", Some("k1")), // same key, other author: stored
        msg(one, gw, "hello again", Some("k1")), // same key, same author, same batch: duplicate
        msg(one, stranger, "let me in", None), // not a participant
        msg(Uuid::new_v4(), gw, "nowhere", None), // no such session
        msg(one, gw, "last", None),
    ];
    let stored = s.append_messages(&batch).await.expect("the batch commits");
    assert_eq!(
        stored
            .events
            .iter()
            .map(|e| (e.session_id == one.to_string(), e.seq))
            .collect::<Vec<_>>(),
        vec![(true, 3), (false, 3), (true, 4), (true, 5)],
        "what was stored, in batch order"
    );
    let results = stored.results;
    let seqs: Vec<Option<(u64, bool)>> = results
        .iter()
        .map(|r| r.as_ref().ok().map(|a| (a.seq, a.duplicate)))
        .collect();
    assert_eq!(
        seqs,
        vec![
            Some((3, false)),
            Some((3, false)),
            Some((4, false)),
            Some((3, true)),
            None,
            None,
            Some((5, false))
        ]
    );
    assert!(matches!(results[4], Err(Error::NotFound("session"))));
    assert!(matches!(results[5], Err(Error::NotFound("session"))));

    // A retry in a later batch finds the original, and the new messages beside it are stored
    // once (the batch is written first without key lookups; the retry trips the unique index and
    // the whole batch is written again with them).
    let again = s
        .append_messages(&[
            msg(two, gw, "new in two", Some("k9")),
            msg(one, gw, "hello", Some("k1")),
        ])
        .await
        .unwrap();
    assert_eq!(
        again.events.iter().map(|e| e.seq).collect::<Vec<_>>(),
        vec![4],
        "only the new message is stored"
    );
    let again = again.results;
    assert_eq!(
        again
            .iter()
            .map(|r| r.as_ref().ok().map(|a| (a.seq, a.duplicate)))
            .collect::<Vec<_>>(),
        vec![Some((4, false)), Some((3, true))]
    );
    let bodies: Vec<String> = s
        .events(one, 0, u64::MAX, 100)
        .await
        .unwrap()
        .iter()
        .filter_map(|e| match &e.payload {
            Some(Payload::MessagePosted(m)) => Some(m.body.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(bodies, vec!["hello", "hi", "last"]);
    assert_eq!(s.session(one).await.unwrap().unwrap().last_seq, 5);
    assert_eq!(s.session(two).await.unwrap().unwrap().last_seq, 4);
    let control: Vec<u64> = s
        .control_events(one, 0, 100)
        .await
        .unwrap()
        .iter()
        .map(|e| e.seq)
        .collect();
    assert_eq!(control, vec![1, 2], "everything but the messages");
    // Later changes continue the sequence after the batch.
    let next = s
        .update_session(one, &mut |x| {
            domain::post_message(x, bot, "after".into(), 4_000)
        })
        .await
        .unwrap();
    assert_eq!(next.events[0].seq, 6);
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
                Offer::to_terminal(tid, agent),
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
            Offer::to_terminal(Uuid::new_v4(), agent),
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

async fn presence_counts_while_its_replica_heartbeats(backend: Backend) {
    let db = TestDb::create(backend).await;
    let s = store(&db).await;
    let (a, b) = (Uuid::new_v4(), Uuid::new_v4());
    let t = Uuid::new_v4();
    s.replica_heartbeat(a, 10_000, 0).await.unwrap();
    s.set_presence(a, t, true).await.unwrap();
    s.set_presence(a, t, true)
        .await
        .expect("attaching twice is fine");
    assert!(
        s.present_elsewhere(t, b, 9_000).await.unwrap(),
        "attached to replica a"
    );
    assert!(
        !s.present_elsewhere(t, a, 9_000).await.unwrap(),
        "a's own rows do not count for a"
    );
    assert!(
        !s.present_elsewhere(t, b, 10_001).await.unwrap(),
        "a's heartbeat is too old"
    );
    s.set_presence(a, t, false).await.unwrap();
    assert!(!s.present_elsewhere(t, b, 0).await.unwrap(), "detached");

    // A replica that stops heart-beating has its terminals forgotten by the others.
    s.set_presence(a, t, true).await.unwrap();
    s.replica_heartbeat(b, 50_000, 40_000).await.unwrap();
    assert!(
        !s.present_elsewhere(t, b, 0).await.unwrap(),
        "a was silent since 10 000"
    );
    s.set_presence(b, t, true).await.unwrap();
    s.forget_replica(b).await.unwrap();
    assert!(!s.present_elsewhere(t, a, 0).await.unwrap());
    assert!(s.changed_since(0).await.unwrap().sessions.is_empty());
    s.close().await;
}

async fn terminals_are_found_by_name(backend: Backend) {
    let db = TestDb::create(backend).await;
    let s = store(&db).await;
    let alice = terminal("alice");
    s.create_terminal(&alice, "hash-a").await.unwrap();
    let found = s.terminal_by_name("alice").await.unwrap().expect("alice");
    assert_eq!(found.id, alice.id);
    assert!(
        s.terminal_by_name("Alice").await.unwrap().is_none(),
        "exact"
    );
    assert!(s.terminal_by_name("bob").await.unwrap().is_none());
    s.close().await;
}

async fn terminal_limits_are_replaced_and_cleared(backend: Backend) {
    let db = TestDb::create(backend).await;
    let s = store(&db).await;
    let (alice, bob) = (terminal("alice"), terminal("bob"));
    s.create_terminal(&alice, "hash-a").await.unwrap();
    s.create_terminal(&bob, "hash-b").await.unwrap();
    let (a, b): (Uuid, Uuid) = (alice.id.parse().unwrap(), bob.id.parse().unwrap());
    assert!(s.terminal_limits().await.unwrap().is_empty());

    let fast = TerminalLimits {
        messages_per_second: Some(u32::MAX),
        messages_burst: Some(1),
        max_attach_streams: Some(0),
        ..TerminalLimits::default()
    };
    assert!(s.set_terminal_limits(a, &fast, 1).await.unwrap());
    let slow = TerminalLimits {
        connects_per_second: Some(2),
        connects_burst: Some(5),
        ..TerminalLimits::default()
    };
    assert!(s.set_terminal_limits(b, &slow, 2).await.unwrap());
    assert_eq!(
        s.terminal_limits().await.unwrap(),
        HashMap::from([(a, fast), (b, slow)])
    );
    assert_eq!(s.terminal_limits_of(b).await.unwrap(), Some(slow));

    // Setting replaces every field; setting nothing removes the terminal's limits.
    let replaced = TerminalLimits {
        messages_per_second: Some(7),
        ..TerminalLimits::default()
    };
    assert!(s.set_terminal_limits(a, &replaced, 3).await.unwrap());
    assert!(
        s.set_terminal_limits(b, &TerminalLimits::default(), 4)
            .await
            .unwrap()
    );
    assert_eq!(
        s.terminal_limits().await.unwrap(),
        HashMap::from([(a, replaced)])
    );
    assert!(
        !s.set_terminal_limits(Uuid::now_v7(), &fast, 5)
            .await
            .unwrap(),
        "no such terminal"
    );
    assert_eq!(s.terminal_limits().await.unwrap().len(), 1);
    assert_eq!(s.terminal_limits_of(b).await.unwrap(), None, "cleared");
    s.close().await;
}

async fn transfer_rules_are_replaced_cleared_and_resolved(backend: Backend) {
    let db = TestDb::create(backend).await;
    let s = store(&db).await;
    let (bot, alice, bob) = (Uuid::now_v7(), Uuid::now_v7(), Uuid::now_v7());
    let me = Subject::Terminal(bot);
    let tier1 = Subject::Group("tier1".into());
    let night = Subject::Group("night".into());
    let groups = ["night".to_owned(), "tier1".to_owned()];
    assert_eq!(s.transfer_rules(&me).await.unwrap(), None);
    assert_eq!(s.allowed_targets(bot, &groups).await.unwrap(), None);
    assert_eq!(s.allowed_targets(bot, &[]).await.unwrap(), None);

    // Groups' rules: their union, for members only.
    let billing = Rules::new(vec!["billing".into()], vec![alice]);
    s.set_transfer_rules(&tier1, &billing).await.unwrap();
    s.set_transfer_rules(&night, &Rules::new(vec!["sales".into()], vec![alice, bob]))
        .await
        .unwrap();
    assert_eq!(
        s.transfer_rules(&tier1).await.unwrap(),
        Some(billing.clone())
    );
    assert_eq!(
        s.allowed_targets(bot, &groups).await.unwrap(),
        Some(Rules::new(
            vec!["billing".into(), "sales".into()],
            vec![alice, bob]
        ))
    );
    assert_eq!(
        s.allowed_targets(bot, &groups[1..]).await.unwrap(),
        Some(billing.clone())
    );
    assert_eq!(
        s.allowed_targets(bot, &["other".to_owned()]).await.unwrap(),
        None
    );

    // A terminal's own rules win over its groups', even when they allow nothing.
    s.set_transfer_rules(&me, &Rules::default()).await.unwrap();
    assert_eq!(s.transfer_rules(&me).await.unwrap(), Some(Rules::default()));
    assert_eq!(
        s.allowed_targets(bot, &groups).await.unwrap(),
        Some(Rules::default())
    );
    assert_eq!(
        s.allowed_targets(alice, &groups).await.unwrap(),
        Some(Rules::new(
            vec!["billing".into(), "sales".into()],
            vec![alice, bob]
        )),
        "another member is not bound by them"
    );

    // Setting replaces; clearing removes (and says whether there was anything).
    let own = Rules::new(vec!["tier2".into(), "a".into()], vec![bob]);
    s.set_transfer_rules(&me, &own).await.unwrap();
    s.set_transfer_rules(&me, &own).await.unwrap();
    assert_eq!(s.transfer_rules(&me).await.unwrap(), Some(own.clone()));
    assert_eq!(s.allowed_targets(bot, &[]).await.unwrap(), Some(own));
    assert!(s.clear_transfer_rules(&me).await.unwrap());
    assert!(!s.clear_transfer_rules(&me).await.unwrap());
    assert_eq!(s.transfer_rules(&me).await.unwrap(), None);
    assert_eq!(s.allowed_targets(bot, &[]).await.unwrap(), None);
    assert!(s.clear_transfer_rules(&night).await.unwrap());
    assert_eq!(
        s.allowed_targets(bot, &groups).await.unwrap(),
        Some(billing)
    );

    // A group and a terminal are told apart even under the same text.
    let named_like_bot = Subject::Group(bot.to_string());
    s.set_transfer_rules(&named_like_bot, &Rules::new(vec!["x".into()], vec![]))
        .await
        .unwrap();
    assert_eq!(s.transfer_rules(&me).await.unwrap(), None);
    assert_eq!(s.allowed_targets(bot, &[]).await.unwrap(), None);
    s.close().await;
}

async fn live_replicas_are_those_with_a_fresh_heartbeat(backend: Backend) {
    let db = TestDb::create(backend).await;
    let s = store(&db).await;
    assert_eq!(s.live_replicas(0).await.unwrap(), 0);
    let (a, b) = (Uuid::new_v4(), Uuid::new_v4());
    s.replica_heartbeat(a, 10_000, 0).await.unwrap();
    s.replica_heartbeat(b, 20_000, 0).await.unwrap();
    assert_eq!(s.live_replicas(10_000).await.unwrap(), 2);
    assert_eq!(s.live_replicas(10_001).await.unwrap(), 1, "a is too old");
    s.forget_replica(b).await.unwrap();
    assert_eq!(s.live_replicas(0).await.unwrap(), 1);
    // The pools the metrics report: connections in use are never more than the pool holds.
    let usage = s.pool_usage();
    assert!(usage.iter().any(|u| u.pool == "write" && u.size >= 1));
    assert!(usage.iter().all(|u| u.idle <= u.size as usize));
    s.close().await;
}

async fn audit_records_are_append_only_and_paged_in_order(backend: Backend) {
    let db = TestDb::create(backend).await;
    let s = store(&db).await;
    let record = |i: i64| pb::AuditRecord {
        id: Uuid::now_v7().to_string(),
        time: Some(domain::timestamp(1_700_000_000_000 + i)),
        actor: "admin-token:0123456789ab".into(),
        action: "CreateTerminal".into(),
        terminal_id: Uuid::now_v7().to_string(),
        detail: format!("name=t{i}"),
        peer: "127.0.0.1:4242".into(),
    };
    let written: Vec<pb::AuditRecord> = (0..5).map(record).collect();
    for r in &written {
        s.append_audit(r).await.unwrap();
    }
    let first = s.audit_records(None, 3).await.unwrap();
    assert_eq!(first, written[..3]);
    let rest = s
        .audit_records(Some(first[2].id.parse().unwrap()), 3)
        .await
        .unwrap();
    assert_eq!(rest, written[3..]);
    let dup = s.append_audit(&written[0]).await;
    assert!(dup.is_err(), "an id is written once");

    // Nobody changes or removes a record, not even with SQL of their own.
    let mut conn = sqlx::AnyConnection::connect(&db.url).await.unwrap();
    for sql in [
        "UPDATE audit_records SET actor = 'someone else'",
        "DELETE FROM audit_records",
    ] {
        let refused = sqlx::query(sql).execute(&mut conn).await;
        assert!(refused.is_err(), "{sql}");
    }
    conn.close().await.unwrap();
    assert_eq!(s.audit_records(None, 10).await.unwrap(), written);
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

// Ids are stored in the backend's own form: Postgres' uuid type in every id column, SQLite's
// hyphenated text, the same text the API shows.
async fn ids_are_stored_natively(backend: Backend) {
    let db = TestDb::create(backend).await;
    let s = store(&db).await;
    let (gw, bot) = (Uuid::now_v7(), Uuid::now_v7());
    let id = open_session(&s, gw, bot).await;
    let mut conn = sqlx::AnyConnection::connect(&db.url).await.unwrap();
    match backend {
        Backend::Postgres => {
            let columns: Vec<(String, String)> = sqlx::query_as(
                "SELECT table_name::text, column_name::text FROM information_schema.columns \
                 WHERE table_schema = current_schema() AND data_type = 'uuid' \
                 ORDER BY table_name, column_name",
            )
            .fetch_all(&mut conn)
            .await
            .unwrap();
            let expected = [
                ("audit_records", "id"),
                ("events", "author"),
                ("events", "session_id"),
                ("members", "session_id"),
                ("members", "terminal_id"),
                ("presence", "replica_id"),
                ("presence", "terminal_id"),
                ("replicas", "replica_id"),
                ("seats", "session_id"),
                ("seats", "terminal_id"),
                ("session_history", "session_id"),
                ("session_tokens", "id"),
                ("session_tokens", "session_id"),
                ("session_tokens", "terminal_id"),
                ("sessions", "holder_id"),
                ("sessions", "id"),
                ("terminal_groups", "terminal_id"),
                ("terminal_limits", "terminal_id"),
                ("terminal_status", "terminal_id"),
                ("terminals", "id"),
            ];
            let got: Vec<(&str, &str)> = columns
                .iter()
                .map(|(t, c)| (t.as_str(), c.as_str()))
                .collect();
            assert_eq!(got, expected);
        }
        Backend::Sqlite => {
            let stored: Vec<(String, String)> = sqlx::query_as(
                "SELECT typeof(session_id), session_id FROM members ORDER BY terminal_id",
            )
            .fetch_all(&mut conn)
            .await
            .unwrap();
            assert_eq!(stored.len(), 2, "{stored:?}");
            for (kind, text) in stored {
                assert_eq!((kind.as_str(), text), ("text", id.to_string()));
            }
        }
    }
    conn.close().await.unwrap();
    // And they read back as the same ids.
    let memberships = s.memberships(bot).await.unwrap();
    assert_eq!(memberships.len(), 1);
    assert_eq!(memberships[0].session_id, id);
    s.close().await;
}

// The catch-up poll's query: a session a commit touched is found from a window that starts up to
// CHANGE_MARK_MS before the commit (its change time is kept to that granularity), with its new
// last seq and its current members; sessions untouched since are not.
async fn changed_sessions_are_found_within_the_change_mark(backend: Backend) {
    let db = TestDb::create(backend).await;
    let s = store(&db).await;
    let (gw, bot) = (Uuid::new_v4(), Uuid::new_v4());
    let quiet = open_session(&s, gw, bot).await;
    let busy = open_session(&s, gw, bot).await;
    tokio::time::sleep(Duration::from_millis(2 * CHANGE_MARK_MS as u64)).await;
    let before = domain::now_millis();
    s.append_messages(&[NewMessage {
        session: busy,
        author: gw,
        body: "still there?".into(),
        idempotency_key: None,
        time: before,
    }])
    .await
    .expect("commit");
    let found = s
        .changed_since(before - CHANGE_MARK_MS)
        .await
        .unwrap()
        .sessions;
    let ids: Vec<Uuid> = found.iter().map(|c| c.id).collect();
    assert_eq!(
        ids,
        vec![busy],
        "the touched session, not the quiet one {quiet}"
    );
    assert_eq!(found[0].last_seq, 3);
    let mut members = found[0].members.clone();
    members.sort();
    let mut expected = vec![gw, bot];
    expected.sort();
    assert_eq!(members, expected);
    assert!(
        s.changed_since(domain::now_millis() + CHANGE_MARK_MS)
            .await
            .unwrap()
            .sessions
            .is_empty()
    );
    assert_eq!(change_mark(1_234), 1_000);
    assert_eq!(change_mark(1_500), 1_500);
    s.close().await;
}

// Fault isolation of the group commit: a write the database refuses (Postgres stores no NUL byte
// in text; SQLite does) fails alone, and every other write queued with it is committed and
// answered, in order. The API refuses such text before it gets here; this is the backstop.
async fn a_write_the_database_refuses_fails_alone(backend: Backend) {
    let db = TestDb::create(backend).await;
    let s = store(&db).await;
    let (gw, bot) = (Uuid::new_v4(), Uuid::new_v4());
    let one = open_session(&s, gw, bot).await;
    let two = open_session(&s, gw, bot).await;
    let writer = Writer::start(s.0.clone(), Bus::new(), Arc::new(Tail::default()), 1, 512);
    let mut pending = Vec::new();
    for i in 0..40 {
        let bad = i % 10 == 7;
        let message = NewMessage {
            session: if i % 2 == 0 { one } else { two },
            author: gw,
            body: format!("m{i}"),
            idempotency_key: Some(if bad {
                format!("k{i}\0")
            } else {
                format!("k{i}")
            }),
            time: 3_000,
        };
        // Queued before any is awaited: they share group commits.
        pending.push((bad, writer.submit(message).await.expect("queued")));
    }
    let mut stored = 0;
    for (bad, p) in pending {
        match (p.await, bad, backend) {
            (Ok(_), false, _) | (Ok(_), true, Backend::Sqlite) => stored += 1,
            (Err(e), true, Backend::Postgres) => {
                assert!(matches!(e, Error::InvalidArgument { .. }), "{e:?}")
            }
            (outcome, bad, _) => panic!("unexpected {outcome:?} for a write that is bad: {bad}"),
        }
    }
    let expected = match backend {
        Backend::Sqlite => 40,
        Backend::Postgres => 36,
    };
    assert_eq!(stored, expected);
    for id in [one, two] {
        let events = s.events(id, 2, u64::MAX, 100).await.unwrap();
        let bodies: Vec<u64> = events
            .iter()
            .map(|e| match &e.payload {
                Some(Payload::MessagePosted(m)) => m.body[1..].parse().unwrap(),
                other => panic!("{other:?}"),
            })
            .collect();
        let mut sorted = bodies.clone();
        sorted.sort_unstable();
        assert_eq!(bodies, sorted, "each session's messages keep their order");
        assert_eq!(events.first().map(|e| e.seq), Some(3), "gap-free");
        assert!(
            events.windows(2).all(|w| w[1].seq == w[0].seq + 1),
            "gap-free"
        );
    }
}

// Two replicas' group commits on one session, each keeping the records it wrote in memory: a
// write decided on a record another replica has written since is decided again on the newer
// state, whether it would have been stored (a message: the next number, no gap, no overwrite),
// refused (an accept of an offer the kept record does not know) or a no-op (a deadline the kept
// record does not have).
async fn a_record_kept_in_memory_yields_to_another_replicas_write(backend: Backend) {
    let db = TestDb::create(backend).await;
    let s = store(&db).await;
    let (gw, bot, agent) = (Uuid::new_v4(), Uuid::new_v4(), Uuid::new_v4());
    let id = open_session(&s, gw, bot).await;
    let mut a = Committer::new(s.0.clone());
    let mut b = Committer::new(s.0.clone());
    let say = |who, body: &str| NewMessage {
        session: id,
        author: who,
        body: body.into(),
        idempotency_key: None,
        time: 3_000,
    };
    let seq = |r: &AppendedBatch| r.results[0].as_ref().expect("stored").seq;
    assert_eq!(seq(&appended(&mut a, &[say(gw, "a1")]).await.unwrap()), 3);
    assert_eq!(seq(&appended(&mut b, &[say(bot, "b1")]).await.unwrap()), 4);
    // A still keeps the record at 3.
    assert_eq!(seq(&appended(&mut a, &[say(gw, "a2")]).await.unwrap()), 5);

    let transfer = Uuid::now_v7();
    committed(&mut b, id, &mut |x| {
        domain::offer_transfer(
            x,
            bot,
            Offer::to_terminal(transfer, agent),
            3_001,
            &T,
            &Limits::default(),
        )
    })
    .await
    .expect("B offers");
    // A's kept record has no offer (nor the agent): the accept is decided again and stands.
    let accepted = committed(&mut a, id, &mut |x| {
        domain::accept_transfer(x, agent, transfer, 3_002, &T)
    })
    .await
    .expect("A accepts on the newer state");
    assert_eq!(accepted.events.len(), 1);

    // B completes the handoff. A's kept record (from its accept) still has the bot holding: it
    // refuses the agent's offer, which, decided again on the newer state, stands.
    committed(
        &mut b,
        id,
        &mut |x| Ok(domain::disconnect(x, bot, 3_003)?.0),
    )
    .await
    .expect("the handoff completes");
    let next = Uuid::now_v7();
    committed(&mut a, id, &mut |x| {
        domain::offer_transfer(
            x,
            agent,
            Offer::to_terminal(next, bot),
            3_004,
            &T,
            &Limits::default(),
        )
    })
    .await
    .expect("A offers on the newer state");
    // B's kept record has no offer, so no deadline: its sweep after the offer expired finds it
    // all the same.
    let swept = committed(&mut b, id, &mut |x| {
        Ok(domain::on_deadline(x, 3_004 + 31_000))
    })
    .await
    .expect("B sweeps");
    assert!(
        swept
            .events
            .iter()
            .any(|e| matches!(e.payload, Some(Payload::TransferExpired(_)))),
        "{swept:?}"
    );
    let log = s.events(id, 0, u64::MAX, 100).await.unwrap();
    assert!(log.windows(2).all(|w| w[1].seq == w[0].seq + 1), "gap-free");
    s.close().await;
}

on_every_backend!(
    terminals_are_unique_by_name_and_found_by_token_hash,
    changes_commit_atomically_with_gap_free_sequence_numbers,
    a_batch_of_messages_commits_together_and_keys_store_once,
    a_batch_mixes_messages_and_session_changes,
    memberships_follow_participants_and_acknowledgements,
    due_sessions_are_found_by_their_next_deadline,
    data_survives_a_reconnect,
    ids_are_stored_natively,
    changed_sessions_are_found_within_the_change_mark,
    presence_counts_while_its_replica_heartbeats,
    live_replicas_are_those_with_a_fresh_heartbeat,
    terminals_are_found_by_name,
    terminal_limits_are_replaced_and_cleared,
    transfer_rules_are_replaced_cleared_and_resolved,
    audit_records_are_append_only_and_paged_in_order,
    a_write_the_database_refuses_fails_alone,
    a_record_kept_in_memory_yields_to_another_replicas_write,
);
