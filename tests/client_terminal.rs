//! The Rust `Terminal` helper (`handoff::client::Terminal`) against a real server: a whole
//! transfer through its typed calls, a feed whose connection is cut mid-conversation, and a server
//! restarted (SIGTERM, then kill -9) while messages are being sent. Every message must be
//! committed exactly once and shown exactly once.

mod common;

use std::collections::{BTreeMap, HashMap};
use std::time::Duration;

use common::process::{Relay, ServerProcess};
use common::*;
use handoff::client::{Terminal, TerminalError, TerminalOptions, TransferTo};
use handoff::pb::{self, Channel, TerminalKind, event::Payload};

fn options() -> TerminalOptions {
    TerminalOptions {
        backoff_initial: Duration::from_millis(50),
        backoff_max: Duration::from_millis(500),
        ..TerminalOptions::default()
    }
}

fn terminal(url: &str, token: &str) -> Terminal {
    Terminal::new(url, token, options()).expect("terminal")
}

/// The next event of `session` on `t` whose payload `pred` accepts; fails after WAIT.
async fn wait_for(t: &mut Terminal, session: &str, pred: impl Fn(&Payload) -> bool) -> pb::Event {
    loop {
        let e = tokio::time::timeout(WAIT, t.next_event())
            .await
            .expect("an event in time")
            .expect("the feed works");
        if (session.is_empty() || e.session_id == session) && e.payload.as_ref().is_some_and(&pred)
        {
            return e;
        }
    }
}

fn caller() -> pb::Caller {
    pb::Caller {
        id: "+15550401".into(),
        display_name: "Dana".into(),
    }
}

/// Connects through `gateway` to `bot`, the bot acknowledging from its feed.
async fn open(gateway: &Terminal, bot: &mut Terminal, bot_id: &str) -> String {
    bot.attach().await.expect("the bot attaches");
    let connect = gateway.connect(
        bot_id,
        caller(),
        Channel::Web,
        [("locale".to_owned(), "en".to_owned())].into(),
    );
    let requested = async {
        let e = wait_for(bot, "", |p| matches!(p, Payload::SessionRequested(_))).await;
        bot.acknowledge_connect(&e.session_id)
            .await
            .expect("acknowledge");
        e.session_id
    };
    let (session, id) = tokio::join!(connect, requested);
    let session = session.expect("connect");
    assert_eq!(session.id, id);
    id
}

// C4, C5, C7, C8, C10 through the helper: offer with context, accept, handoff, acknowledgement.
async fn a_whole_transfer_through_the_helper(backend: Backend) {
    let srv = TestServer::start(backend).await;
    let gw = srv.terminal("gw", TerminalKind::Gateway).await;
    let b = srv.terminal("bot", TerminalKind::Bot).await;
    let a = srv
        .terminal_in("alice", TerminalKind::Agent, &["billing"])
        .await;
    let mut gateway = terminal(&srv.url, &gw.token);
    let mut bot = terminal(&srv.url, &b.token);
    let mut agent = terminal(&srv.url, &a.token);
    // Attach the agent before the offer, and say it is available: a group offer goes to
    // attached, available members.
    agent
        .set_status(handoff::pb::TerminalStatus::Available, "")
        .await
        .unwrap();
    let agent_ready = tokio::spawn(async move {
        let e = wait_for(&mut agent, "", |p| matches!(p, Payload::TransferOffered(_))).await;
        (agent, e)
    });
    let gateway_feed = async {
        // Attaches the gateway's feed (its first event is the session it requested).
        wait_for(&mut gateway, "", |p| {
            matches!(p, Payload::SessionRequested(_))
        })
        .await
    };
    tokio::time::sleep(Duration::from_millis(300)).await;
    let gateway_clone = terminal(&srv.url, &gw.token);
    let (sid, _) = tokio::join!(open(&gateway_clone, &mut bot, &b.id), gateway_feed);

    gateway.message(&sid, "I was charged twice").await.unwrap();
    wait_for(&mut bot, &sid, |p| matches!(p, Payload::MessagePosted(_))).await;
    bot.message(&sid, "Let me get billing").await.unwrap();
    let offered = bot
        .transfer(
            &sid,
            TransferTo::Group("billing".into()),
            [("intent".to_owned(), "refund".to_owned())].into(),
            "double charge",
        )
        .await
        .unwrap();
    let (agent, offer) = agent_ready.await.unwrap();
    let Some(Payload::TransferOffered(o)) = offer.payload else {
        unreachable!()
    };
    let context = o.context.expect("context for the target");
    assert_eq!(
        context.facts.get("intent").map(String::as_str),
        Some("refund")
    );
    assert_eq!(context.dialog.len(), 2, "the dialog so far");
    agent.accept_transfer(&sid, &offered.id).await.unwrap();
    let (after, left_seq) = bot.disconnect(&sid).await.unwrap();
    assert_eq!(after.holder_terminal_id, a.id);
    // A former holder is told what a stranger is.
    assert!(matches!(
        bot.message(&sid, "still here?").await,
        Err(TerminalError::NotFound(_))
    ));
    let change = wait_for(&mut gateway, &sid, |p| {
        matches!(p, Payload::HolderDisconnected(_))
    })
    .await;
    assert_eq!(change.seq, left_seq);
    gateway
        .acknowledge_disconnect(&sid, left_seq)
        .await
        .unwrap();
    agent.message(&sid, "Refunded.").await.unwrap();
    gateway.message(&sid, "Thanks!").await.unwrap();
    let log = agent.list_events(&sid).await.unwrap();
    let bodies: Vec<&str> = log.iter().filter_map(body).collect();
    assert_eq!(
        bodies,
        [
            "I was charged twice",
            "Let me get billing",
            "Refunded.",
            "Thanks!"
        ]
    );
    srv.stop().await;
}

/// What a receiving terminal showed: per session, seq → body (a repeat is a failure).
#[derive(Default)]
struct Shown {
    bodies: BTreeMap<u64, String>,
    twice: usize,
}

/// Shows events of `session` on `t` until `n` messages arrived.
async fn show_messages(t: &mut Terminal, session: &str, n: usize, budget: Duration) -> Shown {
    let mut shown = Shown::default();
    let mut count = 0;
    let deadline = tokio::time::Instant::now() + budget;
    while count < n {
        let e = tokio::time::timeout_at(deadline, t.next_event())
            .await
            .unwrap_or_else(|_| panic!("only {count} of {n} messages shown in {budget:?}"))
            .expect("the feed works");
        if e.session_id != session {
            continue;
        }
        if let Some(b) = body(&e) {
            if shown.bodies.insert(e.seq, b.to_owned()).is_some() {
                shown.twice += 1;
            }
            count += 1;
        }
    }
    shown
}

// A feed whose connection is cut three times mid-conversation resumes each time with nothing
// lost and nothing shown twice.
async fn a_cut_feed_resumes_with_nothing_lost_or_shown_twice(backend: Backend) {
    let srv = TestServer::start(backend).await;
    let gw = srv.terminal("gw", TerminalKind::Gateway).await;
    let b = srv.terminal("bot", TerminalKind::Bot).await;
    let upstream = srv.url.trim_start_matches("http://").parse().unwrap();
    let relay = Relay::start(vec![upstream]).await;
    let gateway = terminal(&srv.url, &gw.token);
    let mut bot = terminal(&relay.url(), &b.token);
    let sid = open(&gateway, &mut bot, &b.id).await;

    const N: usize = 90;
    let sending = {
        let sid = sid.clone();
        tokio::spawn(async move {
            for i in 0..N {
                gateway
                    .message(&sid, &format!("m{i}"))
                    .await
                    .expect("committed");
                tokio::time::sleep(Duration::from_millis(10)).await;
            }
        })
    };
    let cuts = {
        tokio::spawn(async move {
            for _ in 0..3 {
                tokio::time::sleep(Duration::from_millis(250)).await;
                relay.cut();
            }
            relay
        })
    };
    let shown = show_messages(&mut bot, &sid, N, Duration::from_secs(60)).await;
    sending.await.unwrap();
    let _relay = cuts.await.unwrap();
    let committed: Vec<String> = terminal(&srv.url, &b.token)
        .list_events(&sid)
        .await
        .unwrap()
        .iter()
        .filter_map(|e| body(e).map(str::to_owned))
        .collect();
    assert_eq!(committed.len(), N, "every message committed once");
    assert_eq!(shown.twice, 0, "nothing shown twice");
    assert_eq!(
        shown.bodies.values().cloned().collect::<Vec<_>>(),
        committed,
        "everything shown, in log order"
    );
    println!(
        "cut feed: sent={N} committed={} shown={} shown_twice={}",
        committed.len(),
        shown.bodies.len(),
        shown.twice
    );
    srv.stop().await;
}

// The server is stopped (SIGTERM, then kill -9) and started again while a sender sends: every
// message is committed once and shown once.
async fn a_server_restart_loses_and_repeats_nothing(backend: Backend) {
    let db = TestDb::create(backend).await;
    let mut server = ServerProcess::start(&db.url, &[]).await;
    let (_gw_id, gw_token) = server.register("gw", "gateway", &[]);
    let (bot_id, bot_token) = server.register("bot", "bot", &[]);
    let url = server.url();
    let gateway = terminal(&url, &gw_token);
    let mut bot = terminal(&url, &bot_token);
    let sid = open(&gateway, &mut bot, &bot_id).await;

    const N: usize = 150;
    let sending = {
        let sid = sid.clone();
        tokio::spawn(async move {
            let mut duplicates = 0;
            for i in 0..N {
                let sent = gateway
                    .message(&sid, &format!("m{i}"))
                    .await
                    .expect("committed despite the restarts");
                duplicates += usize::from(sent.duplicate);
                tokio::time::sleep(Duration::from_millis(5)).await;
            }
            duplicates
        })
    };
    let restarts = tokio::spawn(async move {
        for signal in ["TERM", "KILL"] {
            tokio::time::sleep(Duration::from_millis(300)).await;
            server.signal(signal).await;
            tokio::time::sleep(Duration::from_millis(300)).await;
            server.restart().await;
        }
        server
    });
    let shown = show_messages(&mut bot, &sid, N, Duration::from_secs(90)).await;
    let duplicates = sending.await.unwrap();
    let _server = restarts.await.unwrap();
    let log = terminal(&url, &bot_token).list_events(&sid).await.unwrap();
    let committed: Vec<String> = log
        .iter()
        .filter_map(|e| body(e).map(str::to_owned))
        .collect();
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for b in &committed {
        *counts.entry(b.as_str()).or_default() += 1;
    }
    assert_eq!(committed.len(), N, "every message committed exactly once");
    assert!(counts.values().all(|c| *c == 1));
    assert_eq!(shown.twice, 0);
    assert_eq!(
        shown.bodies.values().cloned().collect::<Vec<_>>(),
        committed
    );
    println!(
        "restart ({backend:?}): sent={N} committed={} shown={} shown_twice={} retries_answered_duplicate={duplicates}",
        committed.len(),
        shown.bodies.len(),
        shown.twice
    );
}

// The example's main is not called here: the test runs its `run`.
#[allow(dead_code)]
#[path = "../examples/echo_bot.rs"]
mod readme_bot;

// The README's Rust bot is examples/echo_bot.rs, verbatim, and it does what it says.
async fn the_readme_bot_echoes(backend: Backend) {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).expect("README");
    let example = include_str!("../examples/echo_bot.rs");
    let shown = readme
        .split_once("<!-- rust-bot:begin -->\n```rust\n")
        .and_then(|(_, rest)| rest.split_once("```\n<!-- rust-bot:end -->"))
        .map(|(code, _)| code)
        .expect("the README shows the Rust bot between its markers");
    assert_eq!(shown, example, "the README's bot is examples/echo_bot.rs");

    let srv = TestServer::start(backend).await;
    let gw = srv.terminal("gw", TerminalKind::Gateway).await;
    let b = srv.terminal("echo", TerminalKind::Bot).await;
    let (url, token) = (srv.url.clone(), b.token.clone());
    let bot = tokio::spawn(async move {
        readme_bot::run(&url, &token)
            .await
            .map_err(|e| e.to_string())
    });
    let mut gateway = terminal(&srv.url, &gw.token);
    gateway.attach().await.expect("attached");
    // Connect needs the bot attached: retry while it is not yet.
    let deadline = tokio::time::Instant::now() + WAIT;
    let session = loop {
        match gateway
            .connect(&b.id, caller(), Channel::Sms, HashMap::new())
            .await
        {
            Ok(s) => break s,
            Err(TerminalError::Unavailable(_)) if tokio::time::Instant::now() < deadline => {
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            Err(e) => panic!("connect: {e}"),
        }
    };
    // The bot greets once it has acknowledged; the caller answers the greeting.
    wait_for(
        &mut gateway,
        &session.id,
        |p| matches!(p, Payload::MessagePosted(m) if m.body.starts_with("Hi!")),
    )
    .await;
    gateway.message(&session.id, "ping").await.unwrap();
    let reply = wait_for(
        &mut gateway,
        &session.id,
        |p| matches!(p, Payload::MessagePosted(m) if m.body.starts_with("You said")),
    )
    .await;
    assert_eq!(body(&reply), Some("You said: ping"));
    let log = gateway.list_events(&session.id).await.unwrap();
    let bodies: Vec<&str> = log.iter().filter_map(body).collect();
    assert_eq!(
        bodies,
        ["Hi! I echo what you write.", "ping", "You said: ping"]
    );
    bot.abort();
    srv.stop().await;
}

on_every_backend!(
    a_whole_transfer_through_the_helper,
    a_cut_feed_resumes_with_nothing_lost_or_shown_twice,
    a_server_restart_loses_and_repeats_nothing,
    the_readme_bot_echoes,
);
