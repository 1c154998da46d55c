//! Any language is a terminal: a Python gateway (clients/python) connects a caller to a TypeScript
//! bot (clients/typescript); the bot collects a fact and transfers the caller to a group, where a
//! Rust agent (`handoff::client::Terminal`) accepts; the bot leaves; caller and agent keep talking.
//! The service runs as two replicas on one Postgres behind a relay (a load balancer's part): one
//! replica is killed mid-conversation and every terminal carries on through the other, and later
//! every connection is cut once more. Every terminal shows every event it is entitled to exactly
//! once, and the agent has the whole dialog.
//!
//! Needs the clients' toolchains as `.ci/run` installs them: the Python venv `clients/.venv` with
//! `clients/python/requirements.txt`, and `npm ci` in `clients/typescript`.

mod common;

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

use common::process::{Relay, ServerProcess};
use common::{Backend, TestDb, body};
use handoff::client::{Terminal, TerminalOptions};
use handoff::pb::{self, event::Payload};
use serde_json::Value;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::process::{Child, ChildStdin, Command};
use tokio::sync::mpsc;

const STEP: Duration = Duration::from_secs(60);

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A program of another language playing a terminal: commands go to its stdin, and it reports
/// what it shows as JSON lines on stdout.
struct Script {
    name: &'static str,
    child: Child,
    stdin: Option<ChildStdin>,
    lines: mpsc::UnboundedReceiver<Value>,
    /// Everything it printed so far, for failure messages.
    seen: Vec<Value>,
}

impl Script {
    fn spawn(
        name: &'static str,
        program: &Path,
        args: &[&str],
        cwd: &Path,
        env: &[(&str, &str)],
    ) -> Script {
        assert!(
            program.exists(),
            "{} not found: install the clients' toolchains as .ci/run does \
             (python3 -m venv clients/.venv && clients/.venv/bin/pip install -r clients/python/requirements.txt; \
             npm ci --prefix clients/typescript)",
            program.display()
        );
        let mut child = Command::new(program)
            .args(args)
            .current_dir(cwd)
            .envs(env.iter().copied())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .kill_on_drop(true)
            .spawn()
            .unwrap_or_else(|e| panic!("start {name}: {e}"));
        let stdout = child.stdout.take().expect("piped stdout");
        let stdin = child.stdin.take();
        let (tx, lines) = mpsc::unbounded_channel();
        tokio::spawn(async move {
            let mut reader = BufReader::new(stdout).lines();
            while let Ok(Some(line)) = reader.next_line().await {
                match serde_json::from_str::<Value>(&line) {
                    Ok(v) => {
                        let _ = tx.send(v);
                    }
                    Err(_) => eprintln!("{name}: {line}"),
                }
            }
        });
        Script {
            name,
            child,
            stdin,
            lines,
            seen: Vec::new(),
        }
    }

    /// Says `text` and waits until the message is committed.
    async fn say_committed(&mut self, text: &str) {
        self.say(text).await;
        self.expect("the message committed", |v| v["sent"]["body"] == text)
            .await;
    }

    async fn say(&mut self, text: &str) {
        let stdin = self.stdin.as_mut().expect("stdin open");
        stdin
            .write_all(format!("say {text}\n").as_bytes())
            .await
            .unwrap_or_else(|e| panic!("{}: stdin: {e}", self.name));
        stdin.flush().await.expect("flush");
    }

    /// The next line that `pred` accepts; fails after STEP with what it printed.
    async fn expect(&mut self, what: &str, pred: impl Fn(&Value) -> bool) -> Value {
        let deadline = tokio::time::Instant::now() + STEP;
        loop {
            match tokio::time::timeout_at(deadline, self.lines.recv()).await {
                Ok(Some(v)) => {
                    self.seen.push(v.clone());
                    if let Some(e) = v.get("error") {
                        eprintln!("{}: {e}", self.name);
                    }
                    if pred(&v) {
                        return v;
                    }
                }
                Ok(None) => panic!(
                    "{} exited before {what}; it printed {:#?}",
                    self.name, self.seen
                ),
                Err(_) => panic!(
                    "{}: no {what} within {STEP:?}; it printed {:#?}",
                    self.name, self.seen
                ),
            }
        }
    }

    async fn exit(mut self) {
        drop(self.stdin.take());
        match tokio::time::timeout(STEP, self.child.wait()).await {
            Ok(Ok(status)) => assert!(status.success(), "{} exited with {status}", self.name),
            other => panic!("{} did not exit: {other:?}", self.name),
        }
    }
}

fn shows_message(body: &'static str) -> impl Fn(&Value) -> bool {
    move |v| v["shown"]["kind"] == "message_posted" && v["shown"]["body"] == body
}

fn seqs(done: &Value) -> Vec<u64> {
    done["done"]["seqs"]
        .as_array()
        .expect("seqs")
        .iter()
        .map(|s| s.as_u64().expect("a seq"))
        .collect()
}

/// The agent's feed of `session`: every event it shows, until `pred` accepts one.
async fn agent_until(
    agent: &mut Terminal,
    session: &str,
    shown: &mut Vec<pb::Event>,
    pred: impl Fn(&Payload) -> bool,
) -> pb::Event {
    loop {
        let e = tokio::time::timeout(STEP, agent.next_event())
            .await
            .expect("the agent's feed delivers in time")
            .expect("the agent's feed works");
        if e.session_id != session {
            continue;
        }
        shown.push(e.clone());
        if e.payload.as_ref().is_some_and(&pred) {
            return e;
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn three_languages_carry_a_conversation_through_a_replica_kill() {
    let db = TestDb::create(Backend::Postgres).await;
    let flags = [
        "--catch-up-interval",
        "200ms",
        "--presence-interval",
        "500ms",
    ];
    let mut first = ServerProcess::start(&db.url, &flags).await;
    let second = ServerProcess::start(&db.url, &flags).await;
    let relay = Relay::start(vec![first.addr, second.addr]).await;
    let address = relay.addr.to_string();
    let (_, gateway_token) = first.register("web-gateway", "gateway", &[]);
    let (bot_id, bot_token) = first.register("faq-bot", "bot", &[]);
    let (agent_id, agent_token) = first.register("alice", "agent", &["billing"]);

    let options = TerminalOptions {
        backoff_max: Duration::from_secs(1),
        ..TerminalOptions::default()
    };
    let mut agent = Terminal::new(&relay.url(), &agent_token, options).expect("agent");
    agent.attach().await.expect("the agent attaches");
    // Attaching alone does not make an agent available to its groups.
    agent
        .set_status(handoff::pb::TerminalStatus::Available, "")
        .await
        .expect("the agent says it is available");

    let ts = repo().join("clients/typescript");
    let mut bot = Script::spawn(
        "TypeScript bot",
        &ts.join("node_modules/.bin/tsx"),
        &["examples/cross-language-bot.ts"],
        &ts,
        &[("HANDOFF_ADDRESS", &address), ("BOT_TOKEN", &bot_token)],
    );
    let python = std::env::var_os("HANDOFF_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo().join("clients/.venv/bin/python"));
    let pythonpath = repo().join("clients/python");
    let mut gateway = Script::spawn(
        "Python gateway",
        &python,
        &["examples/cross_language_gateway.py"],
        &pythonpath,
        &[
            ("HANDOFF_ADDRESS", &address),
            ("GATEWAY_TOKEN", &gateway_token),
            ("BOT_ID", &bot_id),
            ("PYTHONPATH", pythonpath.to_str().expect("utf-8 path")),
        ],
    );

    let connected = gateway
        .expect("connected", |v| v.get("connected").is_some())
        .await;
    let sid = connected["connected"]
        .as_str()
        .expect("session id")
        .to_owned();
    gateway.say("caller: hi, I was charged twice").await;
    gateway
        .expect(
            "the bot's question",
            shows_message("bot: what is your account number?"),
        )
        .await;

    // Mid-conversation, the replica every terminal is connected through dies.
    first.signal("KILL").await;
    gateway.say("caller: it is 12345").await;

    let mut agent_shown = Vec::new();
    let offer = agent_until(&mut agent, &sid, &mut agent_shown, |p| {
        matches!(p, Payload::TransferOffered(_))
    })
    .await;
    let Some(Payload::TransferOffered(o)) = &offer.payload else {
        unreachable!()
    };
    let transfer = o.transfer.clone().expect("transfer");
    let context = o.context.clone().expect("the offer's context");
    assert_eq!(transfer.note, "charged twice");
    assert_eq!(
        context.facts.get("account").map(String::as_str),
        Some("12345")
    );
    assert_eq!(
        context.facts.get("locale").map(String::as_str),
        Some("en-US")
    );
    assert_eq!(
        context.caller.map(|c| c.display_name),
        Some("Dana".to_owned())
    );
    let dialog: Vec<&str> = context.dialog.iter().filter_map(body).collect();
    assert_eq!(
        dialog,
        [
            "caller: hi, I was charged twice",
            "bot: what is your account number?",
            "caller: it is 12345",
            "bot: connecting you to billing",
        ]
    );
    agent
        .accept_transfer(&sid, &transfer.id)
        .await
        .expect("the agent accepts");

    // The bot leaves by itself once the offer is accepted; its part ends there.
    let left = gateway
        .expect("the holder change", |v| {
            v["shown"]["kind"] == "holder_disconnected"
        })
        .await;
    let left_seq = left["shown"]["seq"].as_u64().expect("seq");
    let bot_done = bot
        .expect("the bot's end", |v| v.get("done").is_some())
        .await;
    assert_eq!(bot_done["done"]["twice"], 0, "the bot showed nothing twice");
    assert_eq!(
        seqs(&bot_done),
        (1..=left_seq).collect::<Vec<_>>(),
        "the bot's whole part"
    );
    bot.exit().await;
    agent_until(&mut agent, &sid, &mut agent_shown, |p| {
        matches!(p, Payload::HolderDisconnected(_))
    })
    .await;

    // Caller and agent talk, and every connection is cut once more in the middle.
    for i in 1..=3 {
        agent
            .message(&sid, &format!("agent: message {i}"))
            .await
            .expect("sent");
        gateway.say_committed(&format!("caller: reply {i}")).await;
        if i == 2 {
            relay.cut();
        }
    }
    gateway.say("caller: bye").await;
    agent_until(
        &mut agent,
        &sid,
        &mut agent_shown,
        |p| matches!(p, Payload::MessagePosted(m) if m.body == "caller: bye"),
    )
    .await;
    agent
        .disconnect(&sid)
        .await
        .expect("the agent ends the session");
    let gateway_done = gateway
        .expect("the gateway's end", |v| v.get("done").is_some())
        .await;
    gateway.exit().await;
    agent_until(&mut agent, &sid, &mut agent_shown, |p| {
        matches!(p, Payload::SessionEnded(_))
    })
    .await;

    // Exactly once, and everything each terminal is entitled to.
    let log = agent
        .list_events(&sid)
        .await
        .expect("the agent reads the log");
    let last = log.last().map(|e| e.seq).expect("a log");
    let agent_seqs: Vec<u64> = agent_shown.iter().map(|e| e.seq).collect();
    assert_eq!(
        agent_seqs,
        (offer.seq..=last).collect::<Vec<_>>(),
        "the agent's part, once each"
    );
    let caller_visible: Vec<u64> = log
        .iter()
        .filter(|e| handoff::domain::visible_to(pb::Role::Caller, e))
        .map(|e| e.seq)
        .collect();
    assert_eq!(
        gateway_done["done"]["twice"], 0,
        "the gateway showed nothing twice"
    );
    assert_eq!(
        seqs(&gateway_done),
        caller_visible,
        "the caller's whole session"
    );
    // The agent has the whole dialog, in order, each message once.
    let bodies: Vec<&str> = log.iter().filter_map(body).collect();
    assert_eq!(
        bodies,
        [
            "caller: hi, I was charged twice",
            "bot: what is your account number?",
            "caller: it is 12345",
            "bot: connecting you to billing",
            "agent: message 1",
            "caller: reply 1",
            "agent: message 2",
            "caller: reply 2",
            "agent: message 3",
            "caller: reply 3",
            "caller: bye",
        ]
    );
    let session = agent.get_session(&sid).await.expect("session");
    let holders: Vec<&str> = session
        .holders
        .iter()
        .map(|h| h.terminal_id.as_str())
        .collect();
    assert_eq!(holders, [bot_id.as_str(), agent_id.as_str()]);
    println!(
        "cross-language: {} events; shown once each by the bot ({}), the gateway ({}) and the agent ({}); \
         one replica killed, every connection cut once",
        log.len(),
        seqs(&bot_done).len(),
        seqs(&gateway_done).len(),
        agent_seqs.len()
    );
}
