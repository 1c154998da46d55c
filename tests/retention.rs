//! Deleting what is kept: an administrator deletes a session (log and all) or erases a caller
//! (every session of a caller id), and ended sessions are purged after a retention period. What
//! was deleted is gone from every RPC and every table; what was not is intact, also when the
//! deletion races live traffic.

mod common;

use std::time::Duration;

use common::*;
use handoff::pb::{self, Channel, TerminalKind};
use sqlx::Connection;
use tonic::Code;

/// Rows that keep something of `session`, per table, read straight from the database.
async fn rows_of(db_url: &str, session: &str) -> Vec<(&'static str, i64)> {
    sqlx::any::install_default_drivers();
    let mut conn = sqlx::AnyConnection::connect(db_url)
        .await
        .expect("connect to the test database");
    let mut out = Vec::new();
    for (table, column) in [
        ("sessions", "id"),
        ("events", "session_id"),
        ("members", "session_id"),
        ("session_tokens", "session_id"),
    ] {
        let sql = format!("SELECT COUNT(*) FROM {table} WHERE CAST({column} AS TEXT) = $1");
        let n: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
            .bind(session)
            .fetch_one(&mut conn)
            .await
            .expect("count");
        out.push((table, n));
    }
    out
}

fn nothing(rows: &[(&'static str, i64)]) -> bool {
    rows.iter().all(|(_, n)| *n == 0)
}

struct Cast {
    srv: TestServer,
    gateway: Term,
    bot: Term,
}

async fn cast(backend: Backend, tweak: impl FnOnce(&mut handoff::config::ServeArgs)) -> Cast {
    let srv = TestServer::start_with(backend, tweak).await;
    let gateway = srv.terminal("gw", TerminalKind::Gateway).await;
    let bot = srv.terminal("bot", TerminalKind::Bot).await;
    Cast { srv, gateway, bot }
}

async fn deleting_a_session_removes_it_everywhere_and_nothing_else(backend: Backend) {
    let c = cast(backend, |_| {}).await;
    let mut feed = c.bot.attach().await;
    let gone = open_session(&c.gateway, &c.bot, &mut feed, "+15550801", Channel::Web).await;
    let kept = open_session(&c.gateway, &c.bot, &mut feed, "+15550802", Channel::Web).await;
    for s in [&gone, &kept] {
        c.gateway.say(&s.id, "hello").await.unwrap();
        c.bot.say(&s.id, "hi").await.unwrap();
    }
    c.gateway
        .c()
        .create_session_token(pb::CreateSessionTokenRequest {
            session_id: gone.id.clone(),
            ..Default::default()
        })
        .await
        .expect("a session token for the visitor");
    let kept_before = c.gateway.all_events(&kept.id).await;
    let db = c.srv.database_url.clone();
    assert!(!nothing(&rows_of(&db, &gone.id).await));

    let removed = c
        .srv
        .admin
        .clone()
        .delete_session(pb::DeleteSessionRequest {
            session_id: gone.id.clone(),
        })
        .await
        .expect("delete")
        .into_inner()
        .removed
        .expect("counts");
    assert_eq!(
        (
            removed.sessions,
            removed.events,
            removed.memberships,
            removed.session_tokens
        ),
        (1, 4, 2, 1)
    );
    assert!(
        nothing(&rows_of(&db, &gone.id).await),
        "{:?}",
        rows_of(&db, &gone.id).await
    );

    let missing = c
        .gateway
        .session(&uuid::Uuid::new_v4().to_string())
        .await
        .expect_err("missing");
    for term in [&c.gateway, &c.bot] {
        let s = term.session(&gone.id).await.expect_err("deleted");
        assert_eq!((s.code(), s.message()), (missing.code(), missing.message()));
        let l = term
            .c()
            .list_events(pb::ListEventsRequest {
                session_id: gone.id.clone(),
                ..Default::default()
            })
            .await
            .expect_err("deleted");
        assert_eq!(l.code(), Code::NotFound);
        assert_eq!(code(term.say(&gone.id, "anyone?").await), Code::NotFound);
    }
    let again = c
        .srv
        .admin
        .clone()
        .delete_session(pb::DeleteSessionRequest {
            session_id: gone.id.clone(),
        })
        .await
        .expect_err("already deleted");
    assert_eq!(again.code(), Code::NotFound);
    // The other session is intact and goes on.
    assert_eq!(c.gateway.all_events(&kept.id).await, kept_before);
    c.gateway.say(&kept.id, "still here").await.unwrap();
    // The deletion is in the audit log.
    let audit = c
        .srv
        .admin
        .clone()
        .list_audit_records(pb::ListAuditRecordsRequest::default())
        .await
        .expect("audit")
        .into_inner();
    assert!(
        audit
            .records
            .iter()
            .any(|r| r.action == "DeleteSession" && r.detail.contains(&gone.id)),
        "{audit:?}"
    );
    c.srv.stop().await;
}

async fn erasing_a_caller_removes_every_session_of_theirs(backend: Backend) {
    let c = cast(backend, |_| {}).await;
    let mut feed = c.bot.attach().await;
    let mut theirs = Vec::new();
    for _ in 0..2 {
        let s = open_session(&c.gateway, &c.bot, &mut feed, "+15550901", Channel::Sms).await;
        c.gateway.say(&s.id, "my number is private").await.unwrap();
        theirs.push(s.id);
    }
    let other = open_session(&c.gateway, &c.bot, &mut feed, "+15550902", Channel::Sms).await;
    let other_before = c.gateway.all_events(&other.id).await;

    let erased = c
        .srv
        .admin
        .clone()
        .erase_caller(pb::EraseCallerRequest {
            caller_id: "+15550901".into(),
        })
        .await
        .expect("erase")
        .into_inner();
    let mut ids = erased.session_ids.clone();
    ids.sort();
    theirs.sort();
    assert_eq!(ids, theirs);
    assert_eq!(erased.removed.expect("counts").sessions, 2);
    for id in &theirs {
        assert!(nothing(&rows_of(&c.srv.database_url, id).await));
        assert_eq!(code(c.gateway.session(id).await), Code::NotFound);
    }
    assert_eq!(c.gateway.all_events(&other.id).await, other_before);
    let audit = c
        .srv
        .admin
        .clone()
        .list_audit_records(pb::ListAuditRecordsRequest::default())
        .await
        .expect("audit")
        .into_inner();
    let record = audit
        .records
        .iter()
        .find(|r| r.action == "EraseCaller")
        .expect("an audit record");
    assert!(
        !record.detail.contains("+15550901"),
        "no personal data in the audit log"
    );

    // Nobody left to erase: nothing removed, not an error; no caller id: refused.
    let none = c
        .srv
        .admin
        .clone()
        .erase_caller(pb::EraseCallerRequest {
            caller_id: "+15550901".into(),
        })
        .await
        .expect("erase again")
        .into_inner();
    assert_eq!(none.removed.expect("counts").sessions, 0);
    let empty = c
        .srv
        .admin
        .clone()
        .erase_caller(pb::EraseCallerRequest::default())
        .await
        .expect_err("no caller id");
    assert_eq!(empty.code(), Code::InvalidArgument);
    c.srv.stop().await;
}

async fn ended_sessions_are_purged_after_the_retention_period(backend: Backend) {
    let c = cast(backend, |a| {
        a.retention = Duration::from_secs(1);
        a.retention_interval = Duration::from_millis(200);
    })
    .await;
    let mut feed = c.bot.attach().await;
    let ended = open_session(&c.gateway, &c.bot, &mut feed, "+15551001", Channel::Im).await;
    let open = open_session(&c.gateway, &c.bot, &mut feed, "+15551002", Channel::Im).await;
    c.gateway.disconnect(&ended.id).await.unwrap();
    let open_before = c.gateway.all_events(&open.id).await;
    let deadline = tokio::time::Instant::now() + WAIT;
    while !nothing(&rows_of(&c.srv.database_url, &ended.id).await) {
        assert!(
            tokio::time::Instant::now() < deadline,
            "the ended session was not purged"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    assert_eq!(code(c.gateway.session(&ended.id).await), Code::NotFound);
    // An open session is kept however old.
    assert_eq!(c.gateway.all_events(&open.id).await, open_before);
    c.srv.stop().await;
}

async fn a_deletion_racing_live_traffic_loses_nothing_else(backend: Backend) {
    let c = cast(backend, |_| {}).await;
    let mut feed = c.bot.attach().await;
    let busy = open_session(&c.gateway, &c.bot, &mut feed, "+15551101", Channel::Web).await;
    let mut doomed = Vec::new();
    for i in 0..6 {
        let s = open_session(
            &c.gateway,
            &c.bot,
            &mut feed,
            &format!("+1555120{i}"),
            Channel::Web,
        )
        .await;
        c.bot.say(&s.id, "about to go").await.unwrap();
        doomed.push(s.id);
    }
    let sender = {
        let gateway = c.gateway.clone();
        let id = busy.id.clone();
        tokio::spawn(async move {
            let mut acked = Vec::new();
            for i in 0..150 {
                acked.push(gateway.say(&id, &format!("m{i}")).await.expect("committed"));
            }
            acked
        })
    };
    for (i, id) in doomed.iter().enumerate() {
        if i % 2 == 0 {
            c.srv
                .admin
                .clone()
                .delete_session(pb::DeleteSessionRequest {
                    session_id: id.clone(),
                })
                .await
                .expect("delete");
        } else {
            c.srv
                .admin
                .clone()
                .erase_caller(pb::EraseCallerRequest {
                    caller_id: format!("+1555120{i}"),
                })
                .await
                .expect("erase");
        }
    }
    let acked = sender.await.expect("sender");
    let log = c.gateway.all_events(&busy.id).await;
    let stored: Vec<u64> = log
        .iter()
        .filter(|e| body(e).is_some())
        .map(|e| e.seq)
        .collect();
    assert_eq!(stored, acked, "every acknowledged message stored, in order");
    assert!(log.windows(2).all(|w| w[1].seq == w[0].seq + 1), "gap-free");
    for id in &doomed {
        assert!(nothing(&rows_of(&c.srv.database_url, id).await));
    }
    c.srv.stop().await;
}

on_every_backend!(
    deleting_a_session_removes_it_everywhere_and_nothing_else,
    erasing_a_caller_removes_every_session_of_theirs,
    ended_sessions_are_purged_after_the_retention_period,
    a_deletion_racing_live_traffic_loses_nothing_else,
);
