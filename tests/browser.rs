//! The web pages in a real browser: builds web/ (esbuild), serves it with `--web`, runs the example
//! gateway (Node) and a bot (the Rust client), and drives the widget and the console in Chromium
//! with playwright-core (web/test/browser.mjs). Saves screenshots into docs/screenshots/.
//!
//! Needs Chromium (`apt-get install -y chromium`, or HANDOFF_CHROMIUM=/path) and the npm packages
//! of web/ (`npm ci` in web/ and in clients/typescript is not needed: the pages bundle the
//! generated code with web/'s own runtime).

mod common;

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

use common::*;
use handoff::client::Feed;
use handoff::pb::{self, attach_response, event::Payload};
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::Command;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn chromium() -> PathBuf {
    let path = std::env::var_os("HANDOFF_CHROMIUM")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/bin/chromium"));
    if !path.exists() {
        panic!(
            "the browser test needs Chromium at {} (apt-get install -y chromium, or set \
             HANDOFF_CHROMIUM)",
            path.display()
        );
    }
    path
}

fn web_dir() -> PathBuf {
    let web = repo().join("web");
    for needed in ["node_modules/playwright-core", "node_modules/esbuild"] {
        if !web.join(needed).exists() {
            panic!(
                "the browser test needs web/{needed}: run `npm ci` in web/ (and Node >= 20 on PATH)"
            );
        }
    }
    web
}

/// Every file under `dir`, with its contents.
fn snapshot(dir: &Path) -> std::collections::BTreeMap<PathBuf, Vec<u8>> {
    let mut files = std::collections::BTreeMap::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(d) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for path in entries.flatten().map(|e| e.path()) {
            if path.is_dir() {
                pending.push(path);
            } else if let Ok(bytes) = std::fs::read(&path) {
                files.insert(path, bytes);
            }
        }
    }
    files
}

async fn run(dir: &Path, program: &str, args: &[&str]) {
    let out = Command::new(program)
        .args(args)
        .current_dir(dir)
        .output()
        .await
        .unwrap_or_else(|e| panic!("cannot run {program} (Node >= 20 must be on PATH): {e}"));
    assert!(
        out.status.success(),
        "{program} {args:?} failed:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A terminal with a display name of our choosing.
async fn named(
    srv: &TestServer,
    name: &str,
    display: &str,
    kind: pb::TerminalKind,
    groups: &[&str],
) -> Term {
    let created = srv
        .admin
        .clone()
        .create_terminal(pb::CreateTerminalRequest {
            name: name.to_owned(),
            display_name: display.to_owned(),
            kind: kind as i32,
            groups: groups.iter().map(|g| g.to_string()).collect(),
        })
        .await
        .expect("create terminal")
        .into_inner();
    let id = created.terminal.expect("terminal").id;
    Term {
        id,
        client: handoff::client::terminal(&srv.url, &created.token)
            .await
            .expect("client"),
        token: created.token,
    }
}

/// The FAQ bot: answers the visitor's first message, transfers to the billing group with what
/// it learnt, and leaves once an agent accepts.
async fn bot(
    bot: Term,
    gateway_id: String,
    mut feed: Feed,
    sessions: std::sync::Arc<std::sync::Mutex<Vec<String>>>,
) {
    let mut transferred = std::collections::HashSet::new();
    loop {
        let e = match feed.next().await {
            Ok(Some(attach_response::Kind::Event(e))) => e,
            Ok(Some(_)) => continue,
            Ok(None) | Err(_) => return,
        };
        let session = e.session_id.clone();
        match e.payload {
            Some(Payload::SessionRequested(_)) => {
                sessions
                    .lock()
                    .unwrap_or_else(|p| p.into_inner())
                    .push(session.clone());
                bot.c()
                    .acknowledge_connect(pb::AcknowledgeConnectRequest {
                        session_id: session,
                    })
                    .await
                    .expect("acknowledge connect");
            }
            Some(Payload::MessagePosted(_))
                if e.author_terminal_id == gateway_id && transferred.insert(session.clone()) =>
            {
                bot.say(
                    &session,
                    "Sorry about that! Let me get you to a billing specialist.",
                )
                .await
                .expect("bot answers");
                bot.c()
                    .transfer(pb::TransferRequest {
                        session_id: session,
                        target: Some(pb::TransferTarget {
                            kind: Some(pb::transfer_target::Kind::Group("billing".into())),
                        }),
                        facts: [
                            ("intent".to_owned(), "billing_dispute".to_owned()),
                            ("verified".to_owned(), "true".to_owned()),
                        ]
                        .into(),
                        note: "Double charge in November; customer verified.".into(),
                        ..Default::default()
                    })
                    .await
                    .expect("transfer to billing");
            }
            Some(Payload::TransferAccepted(_)) => {
                bot.disconnect(&session).await.expect("bot leaves");
            }
            _ => {}
        }
    }
}

/// The pages are built once per run, whichever backend's test comes first.
static BUILT: tokio::sync::OnceCell<()> = tokio::sync::OnceCell::const_new();

/// Builds web/ and checks the build changed nothing committed: the server embeds web/dist, so a
/// build of web/src must not differ from it.
async fn build(web: &Path) {
    let committed = snapshot(&web.join("dist"));
    run(web, "node", &["build.mjs"]).await;
    let built = snapshot(&web.join("dist"));
    let stale: Vec<_> = committed
        .keys()
        .chain(built.keys())
        .filter(|p| committed.get(*p) != built.get(*p))
        .collect();
    assert!(
        stale.is_empty(),
        "web/dist was stale; the build has now rewritten these (commit them): {stale:#?}"
    );
}

async fn widget_and_console_in_a_browser(backend: Backend) {
    let chromium = chromium();
    let web = web_dir();
    BUILT.get_or_init(|| build(&web)).await;

    let srv = TestServer::start_with(backend, |a| {
        a.web = true;
        // The pages just built, not the copy compiled into the binary.
        a.web_dir = Some(web.join("dist"));
    })
    .await;
    let gw = named(
        &srv,
        "web-gateway",
        "Web chat",
        pb::TerminalKind::Gateway,
        &[],
    )
    .await;
    let helpbot = named(&srv, "helpbot", "HelpBot", pb::TerminalKind::Bot, &[]).await;
    let alice = named(
        &srv,
        "alice",
        "Alice (billing)",
        pb::TerminalKind::Agent,
        &["billing"],
    )
    .await;
    let feed = helpbot.attach().await;
    let sessions = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let bot_task = tokio::spawn(bot(helpbot.clone(), gw.id.clone(), feed, sessions.clone()));

    let mut gateway = Command::new("node")
        .arg(web.join("dist/gateway.mjs"))
        .env("HANDOFF_URL", &srv.url)
        .env("GATEWAY_TOKEN", &gw.token)
        .env("BOT_ID", &helpbot.id)
        .env("PORT", "0")
        .stdout(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .expect("start the example gateway");
    let mut lines = BufReader::new(gateway.stdout.take().expect("stdout")).lines();
    let first = tokio::time::timeout(WAIT, lines.next_line())
        .await
        .expect("gateway starts")
        .expect("read")
        .expect("a line");
    let gateway_url = first
        .strip_prefix("gateway listening on ")
        .unwrap_or_else(|| panic!("unexpected gateway output: {first}"))
        .to_owned();

    // The README's screenshots come from the SQLite run; the Postgres run keeps its own.
    let scratch = std::env::temp_dir().join(format!("handoff-shots-{}", uuid::Uuid::new_v4()));
    let shots = match backend {
        Backend::Sqlite => repo().join("docs/screenshots"),
        Backend::Postgres => scratch.clone(),
    };
    std::fs::create_dir_all(&shots).expect("screenshots folder");
    let out = tokio::time::timeout(
        Duration::from_secs(120),
        Command::new("node")
            .arg(web.join("test/browser.mjs"))
            .current_dir(&web)
            .env("HANDOFF_URL", &srv.url)
            .env("GATEWAY_URL", &gateway_url)
            .env("AGENT_TOKEN", &alice.token)
            .env("SCREENSHOTS", &shots)
            .env("CHROMIUM", &chromium)
            .output(),
    )
    .await
    .expect("the browser script finishes within 2 minutes")
    .expect("run node");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "browser script failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains(r#""ok":true"#), "{stdout}");

    // The log agrees with what the pages showed: one session, held by the bot and then by
    // alice, every message stored once.
    let _ = std::fs::remove_dir_all(&scratch);
    let ids = sessions.lock().unwrap_or_else(|p| p.into_inner()).clone();
    assert_eq!(ids.len(), 1, "one session: {ids:?}");
    let s = alice
        .session(&ids[0])
        .await
        .expect("alice reads the session");
    assert_eq!(s.holder_terminal_id, alice.id);
    let holders: Vec<_> = s.holders.iter().map(|h| h.terminal_id.as_str()).collect();
    assert_eq!(holders, [helpbot.id.as_str(), alice.id.as_str()]);
    let messages: Vec<_> = alice
        .all_events(&ids[0])
        .await
        .iter()
        .filter_map(|e| body(e).map(str::to_owned))
        .collect();
    assert_eq!(messages.len(), 7, "{messages:?}");
    assert_eq!(
        messages.last().map(String::as_str),
        Some("No, that's all. Bye!")
    );
    let _ = gateway.kill().await;
    bot_task.abort();
    srv.stop().await;
}

/// Chromium is heavy for a 2-core CI machine: one browser run at a time.
static ONE_BROWSER: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

async fn in_a_browser(backend: Backend) {
    let _turn = ONE_BROWSER.lock().await;
    widget_and_console_in_a_browser(backend).await
}

on_every_backend!(in_a_browser);
