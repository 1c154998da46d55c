//! Logs and traces of the real binary: `handoff serve --log-format json` writes one JSON object
//! per line, with the RPC's span; `--otlp-endpoint` exports spans (per RPC with its session id,
//! per group commit) to an OTLP collector, here a fake one in the test.

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Child, ChildStderr, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use common::*;
use handoff::client;
use handoff::pb::{self, Channel, TerminalKind};
use opentelemetry_proto::tonic::collector::trace::v1::{
    ExportTraceServiceRequest, ExportTraceServiceResponse,
    trace_service_server::{TraceService, TraceServiceServer},
};
use opentelemetry_proto::tonic::common::v1::any_value;
use opentelemetry_proto::tonic::trace::v1::Span;
use tokio::sync::mpsc;

/// `handoff serve` on `database_url` with `extra` flags, on a free port.
fn spawn_server(database_url: &str, extra: &[&str]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_handoff"))
        .args([
            "serve",
            "--listen",
            "127.0.0.1:0",
            "--database-url",
            database_url,
        ])
        .args(["--admin-token", ADMIN_TOKEN])
        .args(extra)
        .env("RUST_LOG", "info")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start handoff serve")
}

/// Hands every stderr line of the child to a channel, from a thread of its own.
fn lines(stderr: ChildStderr) -> mpsc::UnboundedReceiver<String> {
    let (tx, rx) = mpsc::unbounded_channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines() {
            let Ok(line) = line else { return };
            if tx.send(line).is_err() {
                return;
            }
        }
    });
    rx
}

/// The next line satisfying `pred`, failing after WAIT.
async fn line_where(
    rx: &mut mpsc::UnboundedReceiver<String>,
    pred: impl Fn(&str) -> bool,
) -> String {
    let deadline = tokio::time::Instant::now() + WAIT;
    loop {
        let line = tokio::time::timeout_at(deadline, rx.recv())
            .await
            .expect("the expected log line within the wait")
            .expect("the server's stderr ended");
        if pred(&line) {
            return line;
        }
    }
}

/// Where the child listens, from its "handoff listening" line (text or JSON).
async fn listening_url(rx: &mut mpsc::UnboundedReceiver<String>) -> String {
    let line = line_where(rx, |l| l.contains("handoff listening")).await;
    let start = line.find("127.0.0.1:").expect("an address in the line");
    let addr: String = line[start..]
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ':')
        .collect();
    format!("http://{addr}")
}

/// Ends the child as an operator would (SIGTERM) and waits for it.
fn terminate(mut child: Child) {
    let _ = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status();
    for _ in 0..200 {
        if let Ok(Some(_)) = child.try_wait() {
            return;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = child.kill();
    let _ = child.wait();
}

async fn json_logs_are_one_object_per_line_with_the_rpc_span(backend: Backend) {
    let db = TestDb::create(backend).await;
    let mut child = spawn_server(&db.url, &["--log-format", "json"]);
    let mut rx = lines(child.stderr.take().expect("stderr"));
    let first = line_where(&mut rx, |l| l.contains("handoff listening")).await;
    let started: serde_json::Value = serde_json::from_str(&first).expect("a JSON line");
    assert_eq!(started["level"], "INFO", "{first}");
    assert_eq!(started["message"], "handoff listening", "{first}");
    let addr = started["addr"].as_str().expect("addr field").to_owned();

    let mut admin = client::admin(&format!("http://{addr}"), ADMIN_TOKEN)
        .await
        .expect("admin client");
    admin
        .create_terminal(pb::CreateTerminalRequest {
            name: "json-bot".into(),
            display_name: String::new(),
            kind: TerminalKind::Bot as i32,
            groups: Vec::new(),
        })
        .await
        .expect("create terminal");
    let line = line_where(&mut rx, |l| l.contains("admin change")).await;
    let change: serde_json::Value = serde_json::from_str(&line).expect("a JSON line");
    assert_eq!(change["action"], "CreateTerminal", "{line}");
    assert_eq!(change["span"]["name"], "rpc", "{line}");
    assert_eq!(
        change["span"]["rpc.method"], "/handoff.v1.AdminService/CreateTerminal",
        "{line}"
    );
    terminate(child);
    // Every line the server wrote until it stopped was JSON.
    while let Ok(Some(line)) = tokio::time::timeout(WAIT, rx.recv()).await {
        serde_json::from_str::<serde_json::Value>(&line)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {line}"));
    }
}

/// A collector that keeps every span it is sent.
#[derive(Clone, Default)]
struct Collector(Arc<Mutex<Vec<Span>>>);

#[tonic::async_trait]
impl TraceService for Collector {
    async fn export(
        &self,
        request: tonic::Request<ExportTraceServiceRequest>,
    ) -> Result<tonic::Response<ExportTraceServiceResponse>, tonic::Status> {
        let mut spans = self.0.lock().unwrap_or_else(|p| p.into_inner());
        for resource in request.into_inner().resource_spans {
            for scope in resource.scope_spans {
                spans.extend(scope.spans);
            }
        }
        Ok(tonic::Response::new(ExportTraceServiceResponse::default()))
    }
}

fn attribute(span: &Span, key: &str) -> Option<String> {
    span.attributes
        .iter()
        .find(|a| a.key == key)
        .and_then(|a| a.value.as_ref()?.value.as_ref())
        .map(|v| match v {
            any_value::Value::StringValue(s) => s.clone(),
            other => format!("{other:?}"),
        })
}

async fn spans_are_exported_over_otlp(backend: Backend) {
    let collector = Collector::default();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let endpoint = format!("http://{}", listener.local_addr().expect("addr"));
    let serving = tokio::spawn(
        tonic::transport::Server::builder()
            .add_service(TraceServiceServer::new(collector.clone()))
            .serve_with_incoming(tokio_stream::wrappers::TcpListenerStream::new(listener)),
    );

    let db = TestDb::create(backend).await;
    let mut child = spawn_server(&db.url, &["--otlp-endpoint", &endpoint]);
    let mut rx = lines(child.stderr.take().expect("stderr"));
    let url = listening_url(&mut rx).await;
    let admin = client::admin(&url, ADMIN_TOKEN)
        .await
        .expect("admin client");
    let term = |name: &'static str, kind: TerminalKind| {
        let (mut admin, url) = (admin.clone(), url.clone());
        async move {
            let created = admin
                .create_terminal(pb::CreateTerminalRequest {
                    name: name.into(),
                    display_name: String::new(),
                    kind: kind as i32,
                    groups: Vec::new(),
                })
                .await
                .expect("create terminal")
                .into_inner();
            Term {
                id: created.terminal.expect("terminal").id,
                client: client::terminal(&url, &created.token)
                    .await
                    .expect("client"),
                token: created.token,
            }
        }
    };
    let gateway = term("gateway", TerminalKind::Gateway).await;
    let bot = term("bot", TerminalKind::Bot).await;
    let mut bot_feed = bot.attach().await;
    let session = open_session(&gateway, &bot, &mut bot_feed, "+15550109", Channel::Web).await;
    gateway.say(&session.id, "traced").await.expect("say");
    drop(bot_feed);
    // The exporter sends what is buffered when the server stops.
    terminate(child);

    let deadline = tokio::time::Instant::now() + WAIT;
    loop {
        let spans = collector
            .0
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone();
        let message = spans.iter().find(|s| {
            s.name == "/handoff.v1.TerminalService/Message"
                && attribute(s, "session_id").as_deref() == Some(session.id.as_str())
        });
        let commit = spans.iter().find(|s| {
            s.name == "group_commit"
                && attribute(s, "session_id").is_some_and(|ids| ids.contains(&session.id))
        });
        if message.is_some() && commit.is_some() {
            break;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "spans received: {:?}",
            spans.iter().map(|s| &s.name).collect::<Vec<_>>()
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    serving.abort();
}

on_every_backend!(
    json_logs_are_one_object_per_line_with_the_rpc_span,
    spans_are_exported_over_otlp,
);
