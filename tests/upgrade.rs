//! Databases written by an earlier schema upgrade in place and read correctly: each fixture holds
//! a database as the server left it with migrations up to the one it is named after applied
//! (terminals, an open session with a chain of two transfers and messages, an ended session),
//! one per backend. The test starts today's server on a copy, which applies the newer
//! migrations, and reads and continues everything through the API.
//!
//! The fixtures are written by `write_the_fixtures` below, which is ignored: it records the
//! schema of its day, so run it only to add fixtures for a new schema, beside the others:
//! `HANDOFF_FIXTURE_TAG=v0014 cargo test --test upgrade -- --ignored write_the_fixtures`.
//! (v0013 is v0014 with what migration 0014 did undone: it only added an empty table.)

mod common;

use std::path::{Path, PathBuf};

use common::*;
use handoff::pb::{self, Channel, TerminalKind, event::Payload};
use sqlx::Connection as _;

/// The fixtures this test reads, by the last migration their schema had.
const FIXTURES: &[&str] = &["v0013", "v0014"];

fn fixture(tag: &str, backend: Backend) -> PathBuf {
    let name = match backend {
        Backend::Sqlite => format!("{tag}.sqlite"),
        Backend::Postgres => format!("{tag}.postgres.sql"),
    };
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

const S1_CALLER: &str = "+15550001";
const S2_CALLER: &str = "+15550002";
const S1_MESSAGES: [&str; 5] = [
    "I was double charged",
    "Let me find someone from billing",
    "Alice from billing here",
    "Refund approved",
    "Thanks!",
];

/// What the fixtures hold: one session through a chain of two transfers, one ended.
async fn write_scenario(srv: &TestServer) {
    let gw = srv.terminal("gw", TerminalKind::Gateway).await;
    let bot = srv.terminal("bot", TerminalKind::Bot).await;
    let alice = srv
        .terminal_in("alice", TerminalKind::Agent, &["billing"])
        .await;
    let bob = srv
        .terminal_in("bob", TerminalKind::Agent, &["billing"])
        .await;
    let mut bot_feed = bot.attach().await;
    let _alice_feed = alice.attach().await;
    let _bob_feed = bob.attach().await;

    let s1 = open_session(&gw, &bot, &mut bot_feed, S1_CALLER, Channel::Sms).await;
    let s1 = s1.id.as_str();
    gw.say(s1, S1_MESSAGES[0]).await.expect("say");
    bot.say(s1, S1_MESSAGES[1]).await.expect("say");
    let t1 = bot
        .transfer_to(s1, &alice, "double charge, card ending 4242")
        .await
        .expect("transfer to alice");
    alice.accept(s1, &t1.id).await.expect("alice accepts");
    bot.disconnect(s1).await.expect("bot leaves");
    alice.say(s1, S1_MESSAGES[2]).await.expect("say");
    let t2 = alice
        .transfer_to(s1, &bob, "needs a refund approval")
        .await
        .expect("transfer to bob");
    bob.accept(s1, &t2.id).await.expect("bob accepts");
    alice.disconnect(s1).await.expect("alice leaves");
    bob.say(s1, S1_MESSAGES[3]).await.expect("say");
    gw.say(s1, S1_MESSAGES[4]).await.expect("say");

    let s2 = open_session(&gw, &bot, &mut bot_feed, S2_CALLER, Channel::Web).await;
    gw.say(&s2.id, "never mind").await.expect("say");
    gw.disconnect(&s2.id).await.expect("the caller leaves");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "writes fixtures; run by hand for a new schema"]
async fn write_the_fixtures() {
    let tag = std::env::var("HANDOFF_FIXTURE_TAG").expect("HANDOFF_FIXTURE_TAG, e.g. v0014");
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let db = TestDb::create(backend).await;
        let srv = TestServer::on_database(&db.url, |_| {}).await;
        write_scenario(&srv).await;
        srv.stop().await;
        let out = fixture(&tag, backend);
        std::fs::create_dir_all(out.parent().expect("a parent")).expect("fixtures dir");
        match backend {
            Backend::Sqlite => {
                // One self-contained file, whatever the write-ahead log still held.
                let mut conn = sqlx::AnyConnection::connect(&db.url).await.expect("open");
                let _ = std::fs::remove_file(&out);
                sqlx::query(sqlx::AssertSqlSafe(format!(
                    "VACUUM INTO '{}'",
                    out.display()
                )))
                .execute(&mut conn)
                .await
                .expect("vacuum into the fixture");
            }
            Backend::Postgres => {
                let dump = std::process::Command::new("pg_dump")
                    .args(["--inserts", "--no-owner", "--no-privileges", "--dbname"])
                    .arg(&db.url)
                    .output()
                    .expect("run pg_dump");
                assert!(dump.status.success(), "{dump:?}");
                // psql meta-commands (\restrict) are not SQL: leave them out.
                let sql: String = String::from_utf8(dump.stdout)
                    .expect("UTF-8")
                    .lines()
                    .filter(|l| !l.starts_with('\\'))
                    .map(|l| format!("{l}\n"))
                    .collect();
                std::fs::write(&out, sql).expect("write the fixture");
            }
        }
    }
}

/// A fresh database holding the fixture.
async fn restore(tag: &str, backend: Backend) -> TestDb {
    let db = TestDb::create(backend).await;
    let from = fixture(tag, backend);
    match backend {
        Backend::Sqlite => {
            let path = db.url.strip_prefix("sqlite://").expect("a file URL");
            std::fs::copy(&from, path).expect("copy the fixture");
        }
        Backend::Postgres => {
            let sql = std::fs::read_to_string(&from).expect("read the fixture");
            let mut conn = sqlx::AnyConnection::connect(&db.url)
                .await
                .expect("connect");
            sqlx::raw_sql(sqlx::AssertSqlSafe(sql))
                .execute(&mut conn)
                .await
                .expect("load the fixture");
            conn.close().await.expect("close");
        }
    }
    db
}

/// The terminal called `name`, with a fresh token (the fixture keeps only hashes).
async fn term(srv: &TestServer, name: &str) -> Term {
    let mut admin = srv.admin.clone();
    let mut page_token = String::new();
    loop {
        let page = admin
            .list_terminals(pb::ListTerminalsRequest {
                page_size: 100,
                page_token,
            })
            .await
            .expect("list terminals")
            .into_inner();
        if let Some(t) = page.terminals.iter().find(|t| t.name == name) {
            let rotated = admin
                .rotate_terminal_token(pb::RotateTerminalTokenRequest {
                    terminal_id: t.id.clone(),
                })
                .await
                .expect("rotate")
                .into_inner();
            let client = handoff::client::terminal(&srv.url, &rotated.token)
                .await
                .expect("client");
            return Term {
                id: t.id.clone(),
                token: rotated.token,
                client,
            };
        }
        assert!(!page.next_page_token.is_empty(), "no terminal {name}");
        page_token = page.next_page_token;
    }
}

/// The gateway's sessions by caller id, from its feed (everything since it never acknowledged).
async fn sessions_by_caller(gw: &Term) -> (String, String) {
    let mut feed = gw.attach().await;
    let (mut s1, mut s2) = (None, None);
    while s1.is_none() || s2.is_none() {
        let e = next_event(&mut feed).await;
        if let Some(Payload::SessionRequested(r)) = &e.payload {
            match r.caller.as_ref() {
                Some(c) if c.id == S1_CALLER => s1 = Some(e.session_id.clone()),
                Some(c) if c.id == S2_CALLER => s2 = Some(e.session_id.clone()),
                other => panic!("an unexpected caller {other:?}"),
            }
        }
    }
    (s1.expect("s1"), s2.expect("s2"))
}

async fn a_database_from_an_earlier_schema_upgrades_and_reads(backend: Backend) {
    for tag in FIXTURES {
        let db = restore(tag, backend).await;
        let srv = TestServer::on_database(&db.url, |_| {}).await;
        let (gw, alice, bob) = (
            term(&srv, "gw").await,
            term(&srv, "alice").await,
            term(&srv, "bob").await,
        );
        let (s1, s2) = sessions_by_caller(&gw).await;

        // The open session: its holder, its chain of transfers and tenures, its facts.
        let session = bob.session(&s1).await.expect("bob reads s1");
        assert_eq!(session.state(), pb::SessionState::Open, "{tag}");
        assert_eq!(session.holder_terminal_id, bob.id);
        assert_eq!(session.past_transfers.len(), 2, "{session:?}");
        assert_eq!(session.holders.len(), 3, "bot, alice, bob: {session:?}");
        assert_eq!(
            session.facts.get("language").map(String::as_str),
            Some("en")
        );
        assert_eq!(
            session.facts.get("intent").map(String::as_str),
            Some("billing")
        );
        assert!(session.active_transfer.is_none());

        // Its log as the caller's gateway sees it (the transfers' negotiation is not shown to
        // the caller), in order to the end, the messages in order.
        let log = gw.all_events(&s1).await;
        let seqs: Vec<u64> = log.iter().map(|e| e.seq).collect();
        assert!(seqs.windows(2).all(|w| w[0] < w[1]), "{seqs:?}");
        assert_eq!(seqs.first(), Some(&1));
        assert_eq!(seqs.last(), Some(&session.last_seq));
        let said: Vec<&str> = log.iter().filter_map(body).collect();
        assert_eq!(said, S1_MESSAGES);

        // The ended session stays ended, its log readable.
        let ended = gw.session(&s2).await.expect("gw reads s2");
        assert_eq!(ended.state(), pb::SessionState::Ended);
        assert_eq!(ended.end_reason(), pb::SessionEndReason::CallerDisconnected);
        let said: Vec<String> = gw
            .all_events(&s2)
            .await
            .iter()
            .filter_map(body)
            .map(str::to_owned)
            .collect();
        assert_eq!(said, ["never mind"]);
        assert_eq!(
            code(gw.say(&s2, "hello?").await),
            tonic::Code::FailedPrecondition
        );

        // Writing goes on from where the log ended: a message, a feed resuming after the old
        // last event, and one more transfer on the upgraded record.
        let mut resumed = gw
            .attach_from(vec![pb::SessionCursor {
                session_id: s1.clone(),
                seq: session.last_seq,
            }])
            .await;
        let seq = bob.say(&s1, "after the upgrade").await.expect("say");
        assert_eq!(seq, session.last_seq + 1);
        let (e, _) = event_where(&mut resumed, |e| e.session_id == s1).await;
        assert_eq!((e.seq, body(&e)), (seq, Some("after the upgrade")));
        let mut alice_feed = alice.attach().await;
        let back = bob
            .transfer_to(&s1, &alice, "back to you")
            .await
            .expect("transfer");
        event_where(
            &mut alice_feed,
            is(|p| matches!(p, Payload::TransferOffered(_))),
        )
        .await;
        alice.accept(&s1, &back.id).await.expect("accept");
        bob.disconnect(&s1).await.expect("bob leaves");
        let session = alice.session(&s1).await.expect("alice reads s1");
        assert_eq!(session.holder_terminal_id, alice.id);
        assert_eq!(session.past_transfers.len(), 3);
        assert_eq!(
            session.holders.len(),
            4,
            "bot, alice, bob, alice: {session:?}"
        );
        // The change moved the history the old record carried into rows of its own: the record
        // keeps only the open tenure.
        sqlx::any::install_default_drivers();
        let mut conn = sqlx::AnyConnection::connect(&db.url).await.expect("open");
        let rows: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM session_history WHERE CAST(session_id AS TEXT) = $1",
        )
        .bind(&s1)
        .fetch_one(&mut conn)
        .await
        .expect("count history");
        assert_eq!(rows, 6, "3 ended transfers, 3 ended tenures");
        conn.close().await.expect("close");

        // What newer migrations added works on the upgraded database.
        srv.admin
            .clone()
            .set_terminal_limits(pb::SetTerminalLimitsRequest {
                terminal_id: gw.id.clone(),
                limits: Some(pb::TerminalLimits {
                    messages_per_second: Some(100),
                    ..Default::default()
                }),
            })
            .await
            .expect("set limits");
        srv.stop().await;
    }
}

on_every_backend!(a_database_from_an_earlier_schema_upgrades_and_reads);
