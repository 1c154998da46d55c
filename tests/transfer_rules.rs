//! Transfer rules (AdminService SetTransferRules / GetTransferRules, enforced by Transfer) and the
//! read-only supervisor token, over real gRPC against a real server, on SQLite and on Postgres.

mod common;

use common::*;
use handoff::client::AdminClient;
use handoff::pb::{self, Channel, TerminalKind, transfer_rules::Subject};
use tonic::{Code, Status};
use tonic_types::StatusExt;

const SUPERVISOR_TOKEN: &str = "test-supervisor-token";

fn terminal_subject(t: &Term) -> Subject {
    Subject::TerminalId(t.id.clone())
}

fn group_subject(g: &str) -> Subject {
    Subject::Group(g.to_owned())
}

fn rules(subject: Subject, groups: &[&str], terminals: &[&str]) -> pb::TransferRules {
    pb::TransferRules {
        subject: Some(subject),
        allowed_groups: groups.iter().map(|g| g.to_string()).collect(),
        allowed_terminal_ids: terminals.iter().map(|t| t.to_string()).collect(),
    }
}

async fn set(
    admin: &AdminClient,
    r: pb::TransferRules,
) -> Result<pb::SetTransferRulesResponse, Status> {
    admin
        .clone()
        .set_transfer_rules(pb::SetTransferRulesRequest {
            rules: Some(r),
            clear: false,
        })
        .await
        .map(|r| r.into_inner())
}

async fn clear(admin: &AdminClient, subject: Subject) -> pb::SetTransferRulesResponse {
    admin
        .clone()
        .set_transfer_rules(pb::SetTransferRulesRequest {
            rules: Some(rules(subject, &[], &[])),
            clear: true,
        })
        .await
        .expect("clear rules")
        .into_inner()
}

async fn get(admin: &AdminClient, subject: Subject) -> pb::GetTransferRulesResponse {
    admin
        .clone()
        .get_transfer_rules(pb::GetTransferRulesRequest {
            subject: Some(rules(subject, &[], &[])),
        })
        .await
        .expect("get rules")
        .into_inner()
}

fn to_terminal(session: &str, id: &str) -> pb::TransferRequest {
    pb::TransferRequest {
        session_id: session.to_owned(),
        target: Some(pb::TransferTarget {
            kind: Some(pb::transfer_target::Kind::TerminalId(id.to_owned())),
        }),
        ..Default::default()
    }
}

fn to_group(session: &str, group: &str) -> pb::TransferRequest {
    pb::TransferRequest {
        session_id: session.to_owned(),
        target: Some(pb::TransferTarget {
            kind: Some(pb::transfer_target::Kind::Group(group.to_owned())),
        }),
        ..Default::default()
    }
}

/// Asserts a transfer was refused by the rules: PERMISSION_DENIED carrying an ErrorInfo with
/// reason TARGET_NOT_ALLOWED.
fn assert_not_allowed(r: Result<tonic::Response<pb::TransferResponse>, Status>, what: &str) {
    let status = match r {
        Ok(t) => panic!(
            "{what}: expected TARGET_NOT_ALLOWED, got {:?}",
            t.into_inner()
        ),
        Err(s) => s,
    };
    assert_eq!(status.code(), Code::PermissionDenied, "{what}: {status:?}");
    let details = status.get_error_details();
    let info = details
        .error_info()
        .unwrap_or_else(|| panic!("{what}: no ErrorInfo in {status:?}"));
    assert_eq!(info.reason, "TARGET_NOT_ALLOWED", "{what}");
    assert_eq!(info.domain, "handoff.v1", "{what}");
}

/// Makes the transfer, which must be allowed, then cancels it so the holder can make another.
async fn allowed(holder: &Term, request: pb::TransferRequest, what: &str) {
    let session_id = request.session_id.clone();
    let transfer = holder
        .c()
        .transfer(request)
        .await
        .unwrap_or_else(|s| panic!("{what}: expected the transfer to be allowed, got {s:?}"))
        .into_inner()
        .transfer
        .expect("transfer");
    holder
        .c()
        .cancel_transfer(pb::CancelTransferRequest {
            session_id,
            transfer_id: transfer.id,
            reason: String::new(),
        })
        .await
        .unwrap_or_else(|s| panic!("{what}: cancel: {s:?}"));
}

struct Cast {
    srv: TestServer,
    gateway: Term,
    bot: Term,
    alice: Term,
    bob: Term,
    session: String,
    _feeds: Vec<handoff::client::Feed>,
}

/// A session held by `bot` (in `bot_groups`), and two attached agents: alice in billing, bob in
/// sales.
async fn cast(backend: Backend, bot_groups: &[&str]) -> Cast {
    let srv = TestServer::start(backend).await;
    let gateway = srv.terminal("web-gateway", TerminalKind::Gateway).await;
    let bot = srv.terminal_in("bot", TerminalKind::Bot, bot_groups).await;
    let alice = srv
        .terminal_in("alice", TerminalKind::Agent, &["billing"])
        .await;
    let bob = srv
        .terminal_in("bob", TerminalKind::Agent, &["sales"])
        .await;
    let mut bot_feed = bot.attach().await;
    let feeds = vec![alice.attach().await, bob.attach().await];
    let s = open_session(&gateway, &bot, &mut bot_feed, "+15550170", Channel::Sms).await;
    let mut feeds = feeds;
    feeds.push(bot_feed);
    Cast {
        srv,
        gateway,
        bot,
        alice,
        bob,
        session: s.id,
        _feeds: feeds,
    }
}

// A terminal's own rules: only the targets named; ids given in any form are stored normalised; a
// rule may name a terminal that does not exist yet; empty rules allow nothing; the stream command
// is refused the same way.
async fn a_terminals_rules_limit_where_it_may_transfer(backend: Backend) {
    let c = cast(backend, &[]).await;
    let admin = &c.srv.admin;
    let s = c.session.as_str();
    assert!(!get(admin, terminal_subject(&c.bot)).await.restricted);
    // Unrestricted to begin with.
    allowed(&c.bot, to_terminal(s, &c.bob.id), "no rules yet").await;

    let later = uuid::Uuid::now_v7();
    let set_to = set(
        admin,
        rules(
            terminal_subject(&c.bot),
            &["billing"],
            &[&c.alice.id.to_uppercase(), &later.simple().to_string()],
        ),
    )
    .await
    .expect("set rules");
    assert!(set_to.restricted);
    let mut ids = vec![c.alice.id.clone(), later.to_string()];
    ids.sort();
    let stored = get(admin, terminal_subject(&c.bot)).await;
    assert!(stored.restricted);
    let stored = stored.rules.expect("rules");
    assert_eq!(stored.subject, Some(terminal_subject(&c.bot)));
    assert_eq!(stored.allowed_groups, ["billing"]);
    assert_eq!(stored.allowed_terminal_ids, ids, "normalised and sorted");
    assert_eq!(set_to.rules, Some(stored));

    assert_not_allowed(
        c.bot.c().transfer(to_terminal(s, &c.bob.id)).await,
        "terminal not named",
    );
    assert_not_allowed(
        c.bot.c().transfer(to_group(s, "sales")).await,
        "group not named",
    );
    assert_not_allowed(
        c.bot.c().transfer(to_group(s, "nobody-here")).await,
        "a group that does not exist is refused by the rules, not looked up",
    );
    assert_not_allowed(
        c.bot
            .c()
            .transfer(to_terminal(s, &uuid::Uuid::now_v7().to_string()))
            .await,
        "a terminal that does not exist is refused by the rules, not looked up",
    );
    allowed(&c.bot, to_terminal(s, &c.alice.id), "terminal named").await;
    allowed(
        &c.bot,
        to_terminal(s, &c.alice.id.to_uppercase()),
        "named, in another form",
    )
    .await;
    allowed(&c.bot, to_group(s, "billing"), "group named").await;
    let missing = c
        .bot
        .c()
        .transfer(to_terminal(s, &later.to_string()))
        .await
        .expect_err("named but not created yet");
    assert_eq!(missing.code(), Code::NotFound, "{missing:?}");

    // As a stream command: the receipt carries the same code.
    let mut feed = c.bot.attach().await;
    let (receipt, _) = command(
        &mut feed,
        "to-bob",
        pb::command::Kind::Transfer(to_terminal(s, &c.bob.id)),
    )
    .await;
    assert_eq!(
        receipt.code,
        Code::PermissionDenied as i32,
        "{}",
        receipt.message
    );

    // Rules with no target: restricted to nowhere.
    let nowhere = set(admin, rules(terminal_subject(&c.bot), &[], &[]))
        .await
        .expect("set empty rules");
    assert!(nowhere.restricted);
    assert!(get(admin, terminal_subject(&c.bot)).await.restricted);
    assert_not_allowed(
        c.bot.c().transfer(to_terminal(s, &c.alice.id)).await,
        "empty rules",
    );
    assert_not_allowed(
        c.bot.c().transfer(to_group(s, "billing")).await,
        "empty rules",
    );

    // Cleared: unrestricted again.
    let cleared = clear(admin, terminal_subject(&c.bot)).await;
    assert!(!cleared.restricted);
    assert!(!get(admin, terminal_subject(&c.bot)).await.restricted);
    allowed(&c.bot, to_terminal(s, &c.bob.id), "cleared").await;
    c.srv.stop().await;
}

// A terminal without rules of its own follows the union of its groups' rules; rules of its own
// replace them; changes (rules, and the terminal's groups) apply to the next Transfer.
async fn group_rules_apply_as_a_union_and_a_terminals_own_rules_override_them(backend: Backend) {
    let c = cast(backend, &["bots", "night"]).await;
    let admin = &c.srv.admin;
    let s = c.session.as_str();
    set(admin, rules(group_subject("bots"), &["billing"], &[]))
        .await
        .expect("rules of bots");
    set(admin, rules(group_subject("night"), &[], &[&c.bob.id]))
        .await
        .expect("rules of night");
    set(admin, rules(group_subject("unrelated"), &["sales"], &[]))
        .await
        .expect("rules of a group the bot is not in");
    let night = get(admin, group_subject("night")).await;
    assert!(night.restricted);
    assert_eq!(
        night.rules.expect("rules").allowed_terminal_ids,
        vec![c.bob.id.clone()]
    );

    allowed(&c.bot, to_group(s, "billing"), "from bots").await;
    allowed(&c.bot, to_terminal(s, &c.bob.id), "from night").await;
    assert_not_allowed(
        c.bot.c().transfer(to_terminal(s, &c.alice.id)).await,
        "in neither group's rules",
    );
    assert_not_allowed(
        c.bot.c().transfer(to_group(s, "sales")).await,
        "only in the rules of a group the bot is not in",
    );

    // Its own rules win over its groups'.
    set(admin, rules(terminal_subject(&c.bot), &[], &[&c.alice.id]))
        .await
        .expect("the bot's own rules");
    allowed(&c.bot, to_terminal(s, &c.alice.id), "own rules").await;
    assert_not_allowed(
        c.bot.c().transfer(to_terminal(s, &c.bob.id)).await,
        "allowed by a group, not by its own rules",
    );
    assert_not_allowed(
        c.bot.c().transfer(to_group(s, "billing")).await,
        "allowed by a group, not by its own rules",
    );

    // Its own cleared: the groups' apply again.
    clear(admin, terminal_subject(&c.bot)).await;
    allowed(&c.bot, to_terminal(s, &c.bob.id), "night again").await;
    assert_not_allowed(
        c.bot.c().transfer(to_terminal(s, &c.alice.id)).await,
        "groups again",
    );

    // Leaving a group leaves its rules.
    admin
        .clone()
        .set_terminal_groups(pb::SetTerminalGroupsRequest {
            terminal_id: c.bot.id.clone(),
            groups: vec!["bots".into()],
        })
        .await
        .expect("set groups");
    assert_not_allowed(
        c.bot.c().transfer(to_terminal(s, &c.bob.id)).await,
        "no longer in night",
    );
    allowed(&c.bot, to_group(s, "billing"), "still in bots").await;

    // No group of its with rules: unrestricted.
    clear(admin, group_subject("bots")).await;
    assert!(!get(admin, group_subject("bots")).await.restricted);
    allowed(&c.bot, to_terminal(s, &c.alice.id), "unrestricted").await;
    allowed(&c.bot, to_group(s, "sales"), "unrestricted").await;
    c.srv.stop().await;
}

// The rules are applied after the session's permission check: a terminal that is not in the
// session, or a session that does not exist, is NOT_FOUND whatever the rules; a participant that
// is not the holder is FAILED_PRECONDITION.
async fn a_foreign_session_stays_not_found_whatever_the_rules(backend: Backend) {
    let c = cast(backend, &[]).await;
    let admin = &c.srv.admin;
    let s = c.session.as_str();
    let mallory = c.srv.terminal("mallory", TerminalKind::Agent).await;
    for t in [&mallory, &c.bot, &c.gateway] {
        set(admin, rules(terminal_subject(t), &[], &[]))
            .await
            .expect("restricted to nowhere");
    }
    let foreign = mallory
        .c()
        .transfer(to_terminal(s, &c.bob.id))
        .await
        .expect_err("not in the session");
    assert_eq!(foreign.code(), Code::NotFound, "{foreign:?}");
    let foreign = mallory
        .c()
        .transfer(to_group(s, "sales"))
        .await
        .expect_err("not in the session");
    assert_eq!(foreign.code(), Code::NotFound, "{foreign:?}");
    let missing = c
        .bot
        .c()
        .transfer(to_terminal(&uuid::Uuid::now_v7().to_string(), &c.bob.id))
        .await
        .expect_err("no such session");
    assert_eq!(missing.code(), Code::NotFound, "{missing:?}");
    let not_holder = c
        .gateway
        .c()
        .transfer(to_terminal(s, &c.bob.id))
        .await
        .expect_err("not the holder");
    assert_eq!(
        not_holder.code(),
        Code::FailedPrecondition,
        "{not_holder:?}"
    );
    assert_not_allowed(
        c.bot.c().transfer(to_terminal(s, &c.bob.id)).await,
        "the holder",
    );
    c.srv.stop().await;
}

async fn audit_count(admin: &AdminClient) -> usize {
    admin
        .clone()
        .list_audit_records(pb::ListAuditRecordsRequest {
            page_size: 1000,
            page_token: String::new(),
        })
        .await
        .expect("audit")
        .into_inner()
        .records
        .len()
}

// SetTransferRules refuses what it cannot store as asked, and changes (and records) nothing then.
async fn transfer_rules_are_validated(backend: Backend) {
    let srv = TestServer::start(backend).await;
    let admin = &srv.admin;
    let bot = srv.terminal("bot", TerminalKind::Bot).await;
    let before = audit_count(admin).await;
    let invalid =
        |r: Option<pb::TransferRules>, clear: bool| pb::SetTransferRulesRequest { rules: r, clear };
    let many_groups: Vec<String> = (0..200).map(|i| format!("g{i}")).collect();
    let many_groups: Vec<&str> = many_groups.iter().map(String::as_str).collect();
    let many_ids: Vec<String> = (0..57).map(|_| uuid::Uuid::now_v7().to_string()).collect();
    let many_ids: Vec<&str> = many_ids.iter().map(String::as_str).collect();
    let cases = [
        ("no rules", invalid(None, false)),
        (
            "no subject",
            invalid(
                Some(pb::TransferRules {
                    subject: None,
                    allowed_groups: vec!["billing".into()],
                    allowed_terminal_ids: Vec::new(),
                }),
                false,
            ),
        ),
        (
            "malformed subject id",
            invalid(
                Some(rules(Subject::TerminalId("nope".into()), &[], &[])),
                false,
            ),
        ),
        (
            "empty subject id",
            invalid(
                Some(rules(Subject::TerminalId(String::new()), &[], &[])),
                false,
            ),
        ),
        (
            "malformed subject group",
            invalid(Some(rules(group_subject("bad group!"), &[], &[])), false),
        ),
        (
            "empty subject group",
            invalid(Some(rules(group_subject(""), &[], &[])), false),
        ),
        (
            "malformed target group",
            invalid(
                Some(rules(terminal_subject(&bot), &["ok", "no/slash"], &[])),
                false,
            ),
        ),
        (
            "malformed target id",
            invalid(
                Some(rules(terminal_subject(&bot), &[], &[&bot.id, "123"])),
                false,
            ),
        ),
        (
            "257 targets",
            invalid(
                Some(rules(terminal_subject(&bot), &many_groups, &many_ids)),
                false,
            ),
        ),
        (
            "clear with targets",
            invalid(Some(rules(terminal_subject(&bot), &["billing"], &[])), true),
        ),
    ];
    for (what, request) in cases {
        let r = admin.clone().set_transfer_rules(request).await;
        assert_eq!(code(r), Code::InvalidArgument, "{what}");
    }
    let unknown = uuid::Uuid::now_v7().to_string();
    let r = set(admin, rules(Subject::TerminalId(unknown.clone()), &[], &[])).await;
    assert_eq!(code(r), Code::NotFound, "no such subject terminal");
    let r = admin
        .clone()
        .set_transfer_rules(invalid(
            Some(rules(Subject::TerminalId(unknown.clone()), &[], &[])),
            true,
        ))
        .await;
    assert_eq!(
        code(r),
        Code::NotFound,
        "clearing a terminal that does not exist"
    );
    assert_eq!(
        audit_count(admin).await,
        before,
        "refusals are not recorded"
    );
    assert!(!get(admin, terminal_subject(&bot)).await.restricted);

    // 256 targets are fine.
    let at_most = set(
        admin,
        rules(terminal_subject(&bot), &many_groups, &many_ids[..56]),
    )
    .await
    .expect("256 targets");
    assert_eq!(
        at_most
            .rules
            .map(|r| r.allowed_groups.len() + r.allowed_terminal_ids.len()),
        Some(256)
    );

    // GetTransferRules: a subject is required and must be well-formed; a terminal that does not
    // exist simply has no rules.
    for (what, subject) in [
        ("no subject", None),
        (
            "malformed id",
            Some(rules(Subject::TerminalId("nope".into()), &[], &[])),
        ),
        (
            "malformed group",
            Some(rules(group_subject("a b"), &[], &[])),
        ),
        (
            "a message without its subject",
            Some(pb::TransferRules::default()),
        ),
    ] {
        let r = admin
            .clone()
            .get_transfer_rules(pb::GetTransferRulesRequest { subject })
            .await;
        assert_eq!(code(r), Code::InvalidArgument, "{what}");
    }
    assert!(!get(admin, Subject::TerminalId(unknown)).await.restricted);
    srv.stop().await;
}

// Every change is recorded: who, which action, the terminal (or none for a group), the subject
// and its targets.
async fn rule_changes_are_recorded_in_the_audit_log(backend: Backend) {
    let srv = TestServer::start(backend).await;
    let admin = &srv.admin;
    let bot = srv.terminal("bot", TerminalKind::Bot).await;
    let alice = srv.terminal("alice", TerminalKind::Agent).await;
    set(
        admin,
        rules(terminal_subject(&bot), &["tier2", "billing"], &[&alice.id]),
    )
    .await
    .expect("set");
    set(admin, rules(group_subject("night"), &["billing"], &[]))
        .await
        .expect("set");
    clear(admin, terminal_subject(&bot)).await;
    let records: Vec<pb::AuditRecord> = admin
        .clone()
        .list_audit_records(pb::ListAuditRecordsRequest::default())
        .await
        .expect("audit")
        .into_inner()
        .records
        .into_iter()
        .filter(|r| r.action == "SetTransferRules")
        .collect();
    assert_eq!(records.len(), 3, "{records:?}");
    for r in &records {
        assert!(r.actor.starts_with("admin-token:"), "{r:?}");
        assert!(!r.peer.is_empty(), "{r:?}");
    }
    assert_eq!(records[0].terminal_id, bot.id);
    assert_eq!(
        records[0].detail,
        format!(
            "terminal={} allowed_groups=billing,tier2 allowed_terminal_ids={}",
            bot.id, alice.id
        )
    );
    assert_eq!(records[1].terminal_id, "");
    assert_eq!(
        records[1].detail,
        "group=night allowed_groups=billing allowed_terminal_ids="
    );
    assert_eq!(records[2].terminal_id, bot.id);
    assert_eq!(records[2].detail, format!("terminal={} cleared", bot.id));
    srv.stop().await;
}

/// Calls every read RPC of the admin API with `admin`; returns each one's outcome.
async fn every_read(
    admin: &AdminClient,
    terminal: &str,
) -> Vec<(&'static str, Result<(), Status>)> {
    let a = || admin.clone();
    vec![
        (
            "ListTerminals",
            a().list_terminals(pb::ListTerminalsRequest::default())
                .await
                .map(drop),
        ),
        (
            "GetTerminalLimits",
            a().get_terminal_limits(pb::GetTerminalLimitsRequest {
                terminal_id: terminal.to_owned(),
            })
            .await
            .map(drop),
        ),
        (
            "ListAuditRecords",
            a().list_audit_records(pb::ListAuditRecordsRequest::default())
                .await
                .map(drop),
        ),
        (
            "GetGroupRouting",
            a().get_group_routing(pb::GetGroupRoutingRequest {
                group: "billing".into(),
            })
            .await
            .map(drop),
        ),
        (
            "GetTransferRules",
            a().get_transfer_rules(pb::GetTransferRulesRequest {
                subject: Some(rules(group_subject("billing"), &[], &[])),
            })
            .await
            .map(drop),
        ),
        (
            "ListTerminalStates",
            a().list_terminal_states(pb::ListTerminalStatesRequest::default())
                .await
                .map(drop),
        ),
        (
            "WatchTerminalStates",
            a().watch_terminal_states(pb::WatchTerminalStatesRequest::default())
                .await
                .map(drop),
        ),
        (
            "ListSessions",
            a().list_sessions(pb::ListSessionsRequest::default())
                .await
                .map(drop),
        ),
        (
            "ListQueueStats",
            a().list_queue_stats(pb::ListQueueStatsRequest::default())
                .await
                .map(drop),
        ),
    ]
}

/// Calls every RPC of the admin API that changes something, with `admin`, each with a request
/// the admin token would get through; returns each one's outcome.
async fn every_write(
    admin: &AdminClient,
    terminal: &str,
    session: &str,
) -> Vec<(&'static str, Result<(), Status>)> {
    let a = || admin.clone();
    vec![
        (
            "CreateTerminal",
            a().create_terminal(pb::CreateTerminalRequest {
                name: "intruder".into(),
                display_name: String::new(),
                kind: TerminalKind::Agent as i32,
                groups: Vec::new(),
            })
            .await
            .map(drop),
        ),
        (
            "SetTerminalGroups",
            a().set_terminal_groups(pb::SetTerminalGroupsRequest {
                terminal_id: terminal.to_owned(),
                groups: vec!["billing".into()],
            })
            .await
            .map(drop),
        ),
        (
            "RotateTerminalToken",
            a().rotate_terminal_token(pb::RotateTerminalTokenRequest {
                terminal_id: terminal.to_owned(),
            })
            .await
            .map(drop),
        ),
        (
            "SetTerminalLimits",
            a().set_terminal_limits(pb::SetTerminalLimitsRequest {
                terminal_id: terminal.to_owned(),
                limits: Some(pb::TerminalLimits::default()),
            })
            .await
            .map(drop),
        ),
        (
            "DeleteSession",
            a().delete_session(pb::DeleteSessionRequest {
                session_id: session.to_owned(),
            })
            .await
            .map(drop),
        ),
        (
            "EraseCaller",
            a().erase_caller(pb::EraseCallerRequest {
                caller_id: "+15550170".into(),
            })
            .await
            .map(drop),
        ),
        (
            "SetTerminalCapacity",
            a().set_terminal_capacity(pb::SetTerminalCapacityRequest {
                terminal_id: terminal.to_owned(),
                capacity: 3,
            })
            .await
            .map(drop),
        ),
        (
            "SetGroupRouting",
            a().set_group_routing(pb::SetGroupRoutingRequest {
                routing: Some(pb::GroupRouting {
                    group: "billing".into(),
                    ..Default::default()
                }),
            })
            .await
            .map(drop),
        ),
        (
            "SetTransferRules",
            a().set_transfer_rules(pb::SetTransferRulesRequest {
                rules: Some(rules(group_subject("billing"), &[], &[])),
                clear: false,
            })
            .await
            .map(drop),
        ),
    ]
}

// The supervisor token reads everything the admin token reads and changes nothing; a wrong token
// is UNAUTHENTICATED either way.
async fn the_supervisor_token_may_only_read(backend: Backend) {
    let c = {
        let srv = TestServer::start_with(backend, |a| {
            a.supervisor_token = Some(SUPERVISOR_TOKEN.to_owned())
        })
        .await;
        let gateway = srv.terminal("web-gateway", TerminalKind::Gateway).await;
        let bot = srv.terminal("bot", TerminalKind::Bot).await;
        let mut bot_feed = bot.attach().await;
        let s = open_session(&gateway, &bot, &mut bot_feed, "+15550170", Channel::Sms).await;
        (srv, bot, s.id, bot_feed)
    };
    let (srv, bot, session, _bot_feed) = c;
    let supervisor = handoff::client::admin(&srv.url, SUPERVISOR_TOKEN)
        .await
        .expect("supervisor client");
    let wrong = handoff::client::admin(&srv.url, "not-a-token")
        .await
        .expect("client");
    let audited = audit_count(&srv.admin).await;

    for (rpc, r) in every_read(&supervisor, &bot.id).await {
        assert!(r.is_ok(), "{rpc} with the supervisor token: {r:?}");
    }
    for (rpc, r) in every_read(&srv.admin, &bot.id).await {
        assert!(r.is_ok(), "{rpc} with the admin token: {r:?}");
    }
    // What the supervisor reads is what there is.
    let listed = supervisor
        .clone()
        .list_sessions(pb::ListSessionsRequest::default())
        .await
        .expect("list sessions")
        .into_inner();
    assert_eq!(listed.sessions.len(), 1);
    assert_eq!(listed.sessions[0].id, session);

    let writes = every_write(&supervisor, &bot.id, &session).await;
    assert_eq!(writes.len(), 9, "every RPC that changes something");
    for (rpc, r) in writes {
        let status = r.expect_err(rpc);
        assert_eq!(status.code(), Code::PermissionDenied, "{rpc}: {status:?}");
        assert!(
            status.message().contains("supervisor token may only read"),
            "{rpc}: {status:?}"
        );
    }
    for (rpc, r) in every_read(&wrong, &bot.id).await {
        assert_eq!(code(r), Code::Unauthenticated, "{rpc} with a wrong token");
    }
    for (rpc, r) in every_write(&wrong, &bot.id, &session).await {
        assert_eq!(code(r), Code::Unauthenticated, "{rpc} with a wrong token");
    }

    // Nothing changed: no record, the session and the bot's token are as they were.
    assert_eq!(audit_count(&srv.admin).await, audited);
    assert_eq!(
        bot.session(&session).await.expect("session").id,
        session,
        "the session is still there and the bot's token still works"
    );
    let terminals = srv
        .admin
        .clone()
        .list_terminals(pb::ListTerminalsRequest::default())
        .await
        .expect("list")
        .into_inner()
        .terminals;
    assert_eq!(terminals.len(), 2, "no terminal was created");
    assert!(terminals.iter().all(|t| t.groups.is_empty()));
    assert!(!get(&srv.admin, group_subject("billing")).await.restricted);
    srv.stop().await;
}

// With only a supervisor token, the admin API reads and changes nothing: the admin token's
// absence still turns changes off.
async fn a_supervisor_token_alone_turns_on_the_reads_only(backend: Backend) {
    let srv = TestServer::start_with(backend, |a| {
        a.admin_token = None;
        a.supervisor_token = Some(SUPERVISOR_TOKEN.to_owned());
    })
    .await;
    let supervisor = handoff::client::admin(&srv.url, SUPERVISOR_TOKEN)
        .await
        .expect("supervisor client");
    let nobody = uuid::Uuid::now_v7().to_string();
    for (rpc, r) in every_read(&supervisor, &nobody).await {
        match rpc {
            // The one read that names a terminal: there is none.
            "GetTerminalLimits" => assert_eq!(code(r), Code::NotFound),
            _ => assert!(r.is_ok(), "{rpc}: {r:?}"),
        }
    }
    for client in [&supervisor, &srv.admin] {
        for (rpc, r) in every_write(client, &nobody, &nobody).await {
            assert_eq!(code(r), Code::PermissionDenied, "{rpc}");
        }
    }
    let wrong = handoff::client::admin(&srv.url, "not-a-token")
        .await
        .expect("client");
    assert_eq!(
        code(
            wrong
                .clone()
                .list_terminals(pb::ListTerminalsRequest::default())
                .await
        ),
        Code::Unauthenticated
    );
    srv.stop().await;
}

// A supervisor token equal to the admin token would make supervisors administrators: the server
// does not start.
async fn the_supervisor_token_must_differ_from_the_admin_token(backend: Backend) {
    let db = TestDb::create(backend).await;
    let mut args = handoff::config::ServeArgs::with_database(&db.url);
    args.listen = "127.0.0.1:0".parse().expect("addr");
    args.admin_token = Some(ADMIN_TOKEN.to_owned());
    args.supervisor_token = Some(ADMIN_TOKEN.to_owned());
    let refused = handoff::server::Server::start(args).await;
    let Err(e) = refused else {
        panic!("the server started with equal tokens");
    };
    assert!(e.to_string().contains("--supervisor-token"), "{e}");
}

on_every_backend!(
    a_terminals_rules_limit_where_it_may_transfer,
    group_rules_apply_as_a_union_and_a_terminals_own_rules_override_them,
    a_foreign_session_stays_not_found_whatever_the_rules,
    transfer_rules_are_validated,
    rule_changes_are_recorded_in_the_audit_log,
    the_supervisor_token_may_only_read,
    a_supervisor_token_alone_turns_on_the_reads_only,
    the_supervisor_token_must_differ_from_the_admin_token,
);
