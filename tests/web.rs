//! The web channel: gRPC-Web and CORS on the gRPC port, the Subscribe feed and the Acknowledge
//! call (what a browser uses instead of Attach), and session tokens (a visitor's browser on one
//! session as its caller's terminal).

mod common;

use std::time::Duration;

use common::*;
use handoff::client;
use handoff::pb::{self, event::Payload, subscribe_response};
use prost::Message as _;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tonic::{Code, Streaming};

// ---------------------------------------------------------------------------------------------
// gRPC-Web over HTTP/1.1, as a browser sends it.

/// One raw HTTP/1.1 exchange on a fresh connection; returns the status line and headers (lower
/// case) and the de-chunked body.
async fn http1(addr: std::net::SocketAddr, request: &[u8]) -> (String, Vec<u8>) {
    let mut conn = tokio::net::TcpStream::connect(addr).await.expect("connect");
    conn.write_all(request).await.expect("send");
    let mut raw = Vec::new();
    tokio::time::timeout(WAIT, conn.read_to_end(&mut raw))
        .await
        .expect("response in time")
        .expect("read");
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("end of headers");
    let head = String::from_utf8_lossy(&raw[..split]).to_lowercase();
    let mut body = raw[split + 4..].to_vec();
    if head.contains("transfer-encoding: chunked") {
        let mut out = Vec::new();
        let mut rest = &body[..];
        loop {
            let line_end = rest
                .windows(2)
                .position(|w| w == b"\r\n")
                .expect("chunk size");
            let size =
                usize::from_str_radix(std::str::from_utf8(&rest[..line_end]).expect("hex"), 16)
                    .expect("chunk size");
            if size == 0 {
                break;
            }
            out.extend_from_slice(&rest[line_end + 2..line_end + 2 + size]);
            rest = &rest[line_end + 2 + size + 2..];
        }
        body = out;
    }
    (head, body)
}

/// A gRPC-Web request for `path` (application/grpc-web+proto), as connect-web's transport sends it.
fn grpc_web_request(
    addr: std::net::SocketAddr,
    path: &str,
    token: &str,
    origin: &str,
    message: &impl prost::Message,
) -> Vec<u8> {
    let payload = message.encode_to_vec();
    let mut body = vec![0u8];
    body.extend_from_slice(&(payload.len() as u32).to_be_bytes());
    body.extend_from_slice(&payload);
    let mut req = format!(
        "POST {path} HTTP/1.1\r\nhost: {addr}\r\ncontent-type: application/grpc-web+proto\r\n\
         x-grpc-web: 1\r\naccept: application/grpc-web+proto\r\nauthorization: Bearer {token}\r\n\
         origin: {origin}\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
        body.len()
    )
    .into_bytes();
    req.extend_from_slice(&body);
    req
}

/// Splits a gRPC-Web response body into its messages and its trailers (lower case).
fn grpc_web_frames(body: &[u8]) -> (Vec<Vec<u8>>, String) {
    let (mut messages, mut trailers) = (Vec::new(), String::new());
    let mut rest = body;
    while rest.len() >= 5 {
        let len = u32::from_be_bytes([rest[1], rest[2], rest[3], rest[4]]) as usize;
        let frame = &rest[5..5 + len];
        if rest[0] & 0x80 != 0 {
            trailers.push_str(&String::from_utf8_lossy(frame).to_lowercase());
        } else {
            messages.push(frame.to_vec());
        }
        rest = &rest[5 + len..];
    }
    (messages, trailers)
}

const ORIGIN: &str = "https://shop.example";

async fn grpc_web_over_http1(backend: Backend) {
    let srv = TestServer::start_with(backend, |a| a.cors_origins = vec![ORIGIN.to_owned()]).await;
    let gw = srv.terminal("gw", pb::TerminalKind::Gateway).await;
    let bot = srv.terminal("bot", pb::TerminalKind::Bot).await;
    let mut bot_feed = bot.attach().await;
    let s = open_session(&gw, &bot, &mut bot_feed, "visitor-1", pb::Channel::Web).await;
    gw.say(&s.id, "hello over h2").await.expect("say");
    let addr = srv.server.as_ref().expect("server").addr;

    // A unary call: the message, then the status in a trailer frame; CORS headers for the origin.
    let req = pb::ListEventsRequest {
        session_id: s.id.clone(),
        ..Default::default()
    };
    let (head, body) = http1(
        addr,
        &grpc_web_request(
            addr,
            "/handoff.v1.TerminalService/ListEvents",
            &gw.token,
            ORIGIN,
            &req,
        ),
    )
    .await;
    assert!(head.starts_with("http/1.1 200"), "{head}");
    assert!(
        head.contains("content-type: application/grpc-web+proto"),
        "{head}"
    );
    assert!(
        head.contains(&format!("access-control-allow-origin: {ORIGIN}")),
        "{head}"
    );
    assert!(head.contains("access-control-expose-headers"), "{head}");
    let (messages, trailers) = grpc_web_frames(&body);
    assert!(trailers.contains("grpc-status:0"), "{trailers}");
    let page = pb::ListEventsResponse::decode(&messages[0][..]).expect("decode");
    assert_eq!(
        page.events.iter().filter_map(body_of).collect::<Vec<_>>(),
        ["hello over h2"]
    );

    // A failing call keeps its code (trailers-only: in the headers).
    let (head, _) = http1(
        addr,
        &grpc_web_request(
            addr,
            "/handoff.v1.TerminalService/ListEvents",
            "nope",
            ORIGIN,
            &req,
        ),
    )
    .await;
    assert!(head.contains("grpc-status: 16"), "UNAUTHENTICATED: {head}");

    // A server-streaming call over HTTP/1.1: Subscribe to the one session from the start; the
    // feed ends once the session has (the gateway leaves first, so the stream can end).
    gw.disconnect(&s.id).await.expect("gateway leaves");
    let sub = pb::SubscribeRequest {
        session_id: s.id.clone(),
        resume: vec![pb::SessionCursor {
            session_id: s.id.clone(),
            seq: 0,
        }],
    };
    let (head, body) = http1(
        addr,
        &grpc_web_request(
            addr,
            "/handoff.v1.TerminalService/Subscribe",
            &gw.token,
            ORIGIN,
            &sub,
        ),
    )
    .await;
    assert!(head.starts_with("http/1.1 200"), "{head}");
    let (messages, trailers) = grpc_web_frames(&body);
    assert!(trailers.contains("grpc-status:0"), "{trailers}");
    let got: Vec<_> = messages
        .iter()
        .map(|m| pb::SubscribeResponse::decode(&m[..]).expect("decode").kind)
        .collect();
    assert!(matches!(
        got[0],
        Some(subscribe_response::Kind::Attached(_))
    ));
    let seqs: Vec<u64> = got
        .iter()
        .filter_map(|k| match k {
            Some(subscribe_response::Kind::Event(e)) => Some(e.seq),
            _ => None,
        })
        .collect();
    assert_eq!(seqs, (1..=4).collect::<Vec<_>>(), "the whole log, in order");

    // The browser's preflight: allowed for the configured origin only.
    let preflight = |origin: &str| {
        format!(
            "OPTIONS /handoff.v1.TerminalService/Message HTTP/1.1\r\nhost: {addr}\r\n\
             origin: {origin}\r\naccess-control-request-method: POST\r\n\
             access-control-request-headers: authorization,content-type,x-grpc-web,x-user-agent\r\n\
             connection: close\r\n\r\n"
        )
        .into_bytes()
    };
    let (head, _) = http1(addr, &preflight(ORIGIN)).await;
    assert!(head.starts_with("http/1.1 200"), "{head}");
    assert!(
        head.contains(&format!("access-control-allow-origin: {ORIGIN}")),
        "{head}"
    );
    assert!(head.contains("access-control-allow-methods"), "{head}");
    for h in [
        "authorization",
        "content-type",
        "x-grpc-web",
        "x-user-agent",
    ] {
        assert!(head.contains(h), "{h} allowed: {head}");
    }
    let (head, _) = http1(addr, &preflight("https://evil.example")).await;
    assert!(!head.contains("access-control-allow-origin"), "{head}");
    srv.stop().await;
}

/// Without --cors-origin nothing is allowed cross-origin, while gRPC-Web itself still works.
async fn no_cors_by_default(backend: Backend) {
    let srv = TestServer::start(backend).await;
    let gw = srv.terminal("gw", pb::TerminalKind::Gateway).await;
    let addr = srv.server.as_ref().expect("server").addr;
    let req = pb::GetSessionRequest {
        session_id: uuid::Uuid::new_v4().to_string(),
    };
    let (head, _) = http1(
        addr,
        &grpc_web_request(
            addr,
            "/handoff.v1.TerminalService/GetSession",
            &gw.token,
            ORIGIN,
            &req,
        ),
    )
    .await;
    assert!(head.contains("grpc-status: 5"), "NOT_FOUND: {head}");
    assert!(!head.contains("access-control-allow-origin"), "{head}");
    let preflight = format!(
        "OPTIONS /handoff.v1.TerminalService/Message HTTP/1.1\r\nhost: {addr}\r\norigin: {ORIGIN}\r\n\
         access-control-request-method: POST\r\nconnection: close\r\n\r\n"
    );
    let (head, _) = http1(addr, preflight.as_bytes()).await;
    assert!(!head.contains("access-control-allow-origin"), "{head}");
    srv.stop().await;
}

/// With --web the same port serves the pages (built into the binary); without it, it does not.
async fn pages_on_the_grpc_port(backend: Backend) {
    let srv = TestServer::start_with(backend, |a| a.web = true).await;
    let addr = srv.server.as_ref().expect("server").addr;
    let get =
        |path: &str| format!("GET {path} HTTP/1.1\r\nhost: {addr}\r\nconnection: close\r\n\r\n");
    for (path, marker) in [
        ("/widget.html", "widget.js"),
        ("/console.html", "console.js"),
    ] {
        let (head, body) = http1(addr, get(path).as_bytes()).await;
        assert!(head.starts_with("http/1.1 200"), "{path}: {head}");
        assert!(head.contains("content-type: text/html"), "{head}");
        assert!(String::from_utf8_lossy(&body).contains(marker), "{path}");
    }
    let (head, body) = http1(addr, get("/widget.js").as_bytes()).await;
    assert!(head.contains("content-type: text/javascript"), "{head}");
    assert!(body.len() > 1000, "the bundle is built in");
    let (head, _) = http1(addr, get("/../Cargo.toml").as_bytes()).await;
    assert!(!head.starts_with("http/1.1 200"), "{head}");
    srv.stop().await;

    let srv = TestServer::start(backend).await;
    let addr = srv.server.as_ref().expect("server").addr;
    let (head, _) = http1(addr, get("/widget.html").as_bytes()).await;
    assert!(
        !head.starts_with("http/1.1 200"),
        "no pages without --web: {head}"
    );
    srv.stop().await;
}

// ---------------------------------------------------------------------------------------------
// Subscribe and Acknowledge.

fn body_of(e: &pb::Event) -> Option<String> {
    body(e).map(str::to_owned)
}

async fn subscribe(
    t: &Term,
    session_id: &str,
    resume: Vec<pb::SessionCursor>,
) -> Result<Streaming<pb::SubscribeResponse>, tonic::Status> {
    let mut stream = t
        .c()
        .subscribe(pb::SubscribeRequest {
            resume,
            session_id: session_id.to_owned(),
        })
        .await?
        .into_inner();
    match next_sub(&mut stream).await {
        Some(subscribe_response::Kind::Attached(a)) => assert_eq!(a.terminal_id, t.id),
        other => panic!("expected attached first, got {other:?}"),
    }
    Ok(stream)
}

async fn next_sub(
    stream: &mut Streaming<pb::SubscribeResponse>,
) -> Option<subscribe_response::Kind> {
    match tokio::time::timeout(WAIT, stream.message()).await {
        Err(_) => panic!("nothing on the Subscribe stream within {WAIT:?}"),
        Ok(Err(status)) => panic!("Subscribe failed: {status:?}"),
        Ok(Ok(None)) => None,
        Ok(Ok(Some(r))) => Some(r.kind.expect("kind")),
    }
}

async fn next_sub_event(stream: &mut Streaming<pb::SubscribeResponse>) -> pb::Event {
    match next_sub(stream).await {
        Some(subscribe_response::Kind::Event(e)) => e,
        other => panic!("expected an event, got {other:?}"),
    }
}

/// Reads events until one matches; returns all read, the match last.
async fn sub_until(
    stream: &mut Streaming<pb::SubscribeResponse>,
    pred: impl Fn(&pb::Event) -> bool,
) -> Vec<pb::Event> {
    let mut out = Vec::new();
    loop {
        let e = next_sub_event(stream).await;
        let done = pred(&e);
        out.push(e);
        if done {
            return out;
        }
    }
}

fn key(e: &pb::Event) -> (String, u64) {
    (e.session_id.clone(), e.seq)
}

/// Subscribe delivers what Attach delivers, in the same order, to every role: the caller's
/// terminal (no negotiation), the holder, and the target (with the offer's context).
async fn subscribe_delivers_what_attach_delivers(backend: Backend) {
    let srv = TestServer::start(backend).await;
    let gw = srv.terminal("gw", pb::TerminalKind::Gateway).await;
    let bot = srv.terminal("bot", pb::TerminalKind::Bot).await;
    let alice = srv.terminal("alice", pb::TerminalKind::Agent).await;
    let mut bot_feed = bot.attach().await;
    let mut alice_sub = subscribe(&alice, "", vec![]).await.expect("subscribe");
    let mut gw_sub = subscribe(&gw, "", vec![]).await.expect("subscribe");
    let s = open_session(&gw, &bot, &mut bot_feed, "v", pb::Channel::Web).await;
    gw.say(&s.id, "hi").await.expect("say");
    bot.say(&s.id, "hello").await.expect("say");
    let t = bot
        .transfer_to(&s.id, &alice, "over to you")
        .await
        .expect("transfer");

    // The target's feed: the offer with its context, as on Attach.
    let got = sub_until(
        &mut alice_sub,
        is(|p| matches!(p, Payload::TransferOffered(_))),
    )
    .await;
    let offer = got.last().expect("offer");
    let Some(Payload::TransferOffered(o)) = &offer.payload else {
        unreachable!()
    };
    let ctx = o.context.as_ref().expect("context for the target");
    assert_eq!(
        ctx.dialog.iter().filter_map(body_of).collect::<Vec<_>>(),
        ["hi", "hello"]
    );
    alice.accept(&s.id, &t.id).await.expect("accept");
    bot.disconnect(&s.id).await.expect("bot leaves");
    alice.say(&s.id, "Alice here").await.expect("say");

    // The caller's terminal: everything but the negotiation, in order, same as Attach from 0.
    let gw_got = sub_until(&mut gw_sub, |e| body(e) == Some("Alice here")).await;
    let mut gw_attach = gw.attach().await;
    let attach_got = {
        let mut out = Vec::new();
        loop {
            let e = next_event(&mut gw_attach).await;
            let done = body(&e) == Some("Alice here");
            out.push(e);
            if done {
                break out;
            }
        }
    };
    assert_eq!(gw_got, attach_got, "the same events in the same order");
    assert!(
        !gw_got.iter().any(|e| matches!(
            e.payload,
            Some(Payload::TransferOffered(_)) | Some(Payload::TransferAccepted(_))
        )),
        "no negotiation for the caller's terminal"
    );
    srv.stop().await;
}

/// Resume cursors and Acknowledge work as on Attach; foreign sessions are NOT_FOUND; a cursor
/// ahead of the log is OUT_OF_RANGE; a terminal with only a Subscribe feed counts as attached.
async fn subscribe_resumes_and_acknowledge_records(backend: Backend) {
    let srv = TestServer::start(backend).await;
    let gw = srv.terminal("gw", pb::TerminalKind::Gateway).await;
    let bot = srv.terminal("bot", pb::TerminalKind::Bot).await;
    let other = srv.terminal("other", pb::TerminalKind::Bot).await;

    // The bot has only a Subscribe feed: Connect reaches it, and it acknowledges by call.
    let mut bot_sub = subscribe(&bot, "", vec![]).await.expect("subscribe");
    let connect = {
        let (gw, bot) = (gw.clone(), bot.clone());
        tokio::spawn(async move { gw.connect(&bot, "v", pb::Channel::Web).await })
    };
    let requested = next_sub_event(&mut bot_sub).await;
    assert!(matches!(
        requested.payload,
        Some(Payload::SessionRequested(_))
    ));
    let sid = requested.session_id.clone();
    bot.c()
        .acknowledge_connect(pb::AcknowledgeConnectRequest {
            session_id: sid.clone(),
        })
        .await
        .expect("ack connect");
    connect.await.expect("join").expect("connect");
    for body in ["one", "two", "three"] {
        gw.say(&sid, body).await.expect("say");
    }
    let got = sub_until(&mut bot_sub, |e| body(e) == Some("three")).await;
    let two = got
        .iter()
        .find(|e| body(e) == Some("two"))
        .expect("two")
        .seq;
    drop(bot_sub);

    // Acknowledge up to "two": a new feed without cursors starts after it.
    bot.c()
        .acknowledge(pb::AcknowledgeRequest {
            session_id: sid.clone(),
            seq: two,
        })
        .await
        .expect("acknowledge");
    let mut again = subscribe(&bot, "", vec![]).await.expect("subscribe");
    assert_eq!(body(&next_sub_event(&mut again).await), Some("three"));
    drop(again);

    // An explicit cursor wins, on a feed limited to the session.
    let cursor = vec![pb::SessionCursor {
        session_id: sid.clone(),
        seq: 2,
    }];
    let mut from = subscribe(&bot, &sid, cursor).await.expect("subscribe");
    assert_eq!(body(&next_sub_event(&mut from).await), Some("one"));

    // Permission before existence: a session it never took part in is as missing as none.
    let missing = uuid::Uuid::new_v4().to_string();
    for id in [&sid, &missing] {
        let foreign = subscribe(&other, id, vec![]).await.map(|_| ());
        assert_eq!(code(foreign), Code::NotFound);
        let foreign = other
            .c()
            .acknowledge(pb::AcknowledgeRequest {
                session_id: id.clone(),
                seq: 1,
            })
            .await;
        assert_eq!(code(foreign), Code::NotFound);
        let foreign = other
            .c()
            .list_session_terminals(pb::ListSessionTerminalsRequest {
                session_id: id.clone(),
            })
            .await;
        assert_eq!(code(foreign), Code::NotFound);
    }
    let ahead = vec![pb::SessionCursor {
        session_id: sid.clone(),
        seq: 1000,
    }];
    assert_eq!(
        code(subscribe(&bot, "", ahead).await.map(|_| ())),
        Code::OutOfRange
    );
    srv.stop().await;
}

/// A feed limited to one session carries only it, and ends with the terminal's part in it.
async fn subscribe_to_one_session_ends_with_it(backend: Backend) {
    let srv = TestServer::start(backend).await;
    let gw = srv.terminal("gw", pb::TerminalKind::Gateway).await;
    let bot = srv.terminal("bot", pb::TerminalKind::Bot).await;
    let mut bot_feed = bot.attach().await;
    let a = open_session(&gw, &bot, &mut bot_feed, "a", pb::Channel::Web).await;
    let b = open_session(&gw, &bot, &mut bot_feed, "b", pb::Channel::Web).await;
    let mut only_a = subscribe(&gw, &a.id, vec![]).await.expect("subscribe");
    gw.say(&b.id, "to b").await.expect("say");
    gw.say(&a.id, "to a").await.expect("say");
    let got = sub_until(&mut only_a, |e| body(e) == Some("to a")).await;
    assert!(got.iter().all(|e| e.session_id == a.id), "{got:?}");
    bot.disconnect(&a.id).await.expect("ends a");
    let rest = sub_until(&mut only_a, is(|p| matches!(p, Payload::SessionEnded(_)))).await;
    assert!(rest.iter().all(|e| e.session_id == a.id));
    assert!(
        next_sub(&mut only_a).await.is_none(),
        "the feed ends with the session"
    );
    srv.stop().await;
}

// ---------------------------------------------------------------------------------------------
// Session tokens.

async fn mint(
    t: &Term,
    session: &str,
    ttl: Duration,
) -> Result<pb::CreateSessionTokenResponse, tonic::Status> {
    t.c()
        .create_session_token(pb::CreateSessionTokenRequest {
            session_id: session.to_owned(),
            ttl: Some(prost_types::Duration {
                seconds: ttl.as_secs() as i64,
                nanos: ttl.subsec_nanos() as i32,
            }),
        })
        .await
        .map(|r| r.into_inner())
}

/// The visitor's side: a client holding only the session token.
async fn visitor(srv: &TestServer, token: &str) -> Term {
    Term {
        id: String::new(),
        token: token.to_owned(),
        client: client::terminal(&srv.url, token).await.expect("client"),
    }
}

struct Scene {
    srv: TestServer,
    gw: Term,
    bot: Term,
    bot_feed: client::Feed,
    session: pb::Session,
}

async fn scene(backend: Backend) -> Scene {
    let srv = TestServer::start(backend).await;
    let gw = srv.terminal("gw", pb::TerminalKind::Gateway).await;
    let bot = srv.terminal("bot", pb::TerminalKind::Bot).await;
    let mut bot_feed = bot.attach().await;
    let session = open_session(&gw, &bot, &mut bot_feed, "visitor", pb::Channel::Web).await;
    Scene {
        srv,
        gw,
        bot,
        bot_feed,
        session,
    }
}

/// Only the caller's terminal of an open session mints; a session token cannot mint.
async fn only_the_callers_terminal_mints(backend: Backend) {
    let Scene {
        srv,
        gw,
        bot,
        session,
        ..
    } = scene(backend).await;
    let stranger = srv.terminal("stranger", pb::TerminalKind::Gateway).await;
    let minted = mint(&gw, &session.id, Duration::from_secs(60))
        .await
        .expect("mint");
    assert!(minted.token.starts_with("hst_"));
    assert_eq!(minted.session_id, session.id);
    assert_eq!(
        code(mint(&bot, &session.id, Duration::from_secs(60)).await),
        Code::FailedPrecondition
    );
    let missing = uuid::Uuid::new_v4().to_string();
    let foreign = mint(&stranger, &session.id, Duration::from_secs(60))
        .await
        .unwrap_err();
    let none = mint(&stranger, &missing, Duration::from_secs(60))
        .await
        .unwrap_err();
    assert_eq!(
        (foreign.code(), foreign.message()),
        (none.code(), none.message())
    );
    assert_eq!(foreign.code(), Code::NotFound);
    assert_eq!(
        code(mint(&gw, &session.id, Duration::from_secs(25 * 3600)).await),
        Code::InvalidArgument
    );
    let v = visitor(&srv, &minted.token).await;
    assert_eq!(
        code(mint(&v, &session.id, Duration::from_secs(60)).await),
        Code::PermissionDenied
    );

    // Only the hash is stored.
    sqlx::any::install_default_drivers();
    let pool = sqlx::AnyPool::connect(&srv.database_url)
        .await
        .expect("pool");
    let rows: Vec<(String,)> = sqlx::query_as("SELECT token_hash FROM session_tokens")
        .fetch_all(&pool)
        .await
        .expect("rows");
    assert_eq!(rows.len(), 1);
    assert_ne!(rows[0].0, minted.token);
    assert_eq!(rows[0].0, handoff::auth::token_hash(&minted.token));
    srv.stop().await;
}

/// What a session token may do: read its session (GetSession, ListEvents, Subscribe), write as
/// the caller, disconnect; nothing on another session (NOT_FOUND as for a missing one), nothing
/// else (PERMISSION_DENIED), never the AdminService.
async fn a_session_token_opens_one_session_only(backend: Backend) {
    let Scene {
        srv,
        gw,
        bot,
        mut bot_feed,
        session,
    } = scene(backend).await;
    let other = open_session(&gw, &bot, &mut bot_feed, "someone else", pb::Channel::Web).await;
    let minted = mint(&gw, &session.id, Duration::from_secs(60))
        .await
        .expect("mint");
    let v = visitor(&srv, &minted.token).await;

    let seen = v.session(&session.id).await.expect("get session");
    assert_eq!(seen.caller_terminal_id, gw.id);
    let mut feed = subscribe_as(&v, &gw).await;
    let seq = v
        .say(&session.id, "hello from the browser")
        .await
        .expect("say");
    bot.say(&session.id, "hello visitor")
        .await
        .expect("bot says");
    let got = sub_until(&mut feed, |e| body(e) == Some("hello visitor")).await;
    assert_eq!(got[0].seq, 1, "from the start of the session");
    let mine = got.iter().find(|e| e.seq == seq).expect("own message");
    assert_eq!(
        mine.author_terminal_id, gw.id,
        "written as the caller's terminal"
    );
    assert!(got.iter().all(|e| e.session_id == session.id));
    let listed = v.all_events(&session.id).await;
    assert_eq!(listed.last().map(key), got.last().map(key));

    // Who is who, for showing names: the caller's terminal, then the holders.
    let who = v
        .c()
        .list_session_terminals(pb::ListSessionTerminalsRequest {
            session_id: session.id.clone(),
        })
        .await
        .expect("list session terminals")
        .into_inner()
        .terminals;
    let who: Vec<_> = who
        .iter()
        .map(|t| (t.id.as_str(), t.display_name.as_str()))
        .collect();
    assert_eq!(
        who,
        [
            (gw.id.as_str(), "gw (test)"),
            (bot.id.as_str(), "bot (test)")
        ]
    );

    // Another session, or none: the same NOT_FOUND everywhere.
    let missing = uuid::Uuid::new_v4().to_string();
    for id in [&other.id, &missing] {
        let names = v
            .c()
            .list_session_terminals(pb::ListSessionTerminalsRequest {
                session_id: id.clone(),
            })
            .await;
        assert_eq!(code(names), Code::NotFound);
        let a = v.session(id).await.unwrap_err();
        assert_eq!(a.code(), Code::NotFound, "{a:?}");
        assert_eq!(a.message(), "session not found");
        assert_eq!(code(v.say(id, "x").await), Code::NotFound);
        assert_eq!(code(v.disconnect(id).await), Code::NotFound);
        let listed = v
            .c()
            .list_events(pb::ListEventsRequest {
                session_id: id.clone(),
                ..Default::default()
            })
            .await;
        assert_eq!(code(listed), Code::NotFound);
        assert_eq!(
            code(subscribe(&v, id, vec![]).await.map(|_| ())),
            Code::NotFound
        );
        let cursor = vec![pb::SessionCursor {
            session_id: id.clone(),
            seq: 0,
        }];
        assert_eq!(
            code(subscribe(&v, "", cursor).await.map(|_| ())),
            Code::NotFound
        );
    }

    // Everything else: PERMISSION_DENIED, whatever the session.
    let c = v.c();
    let denied = [
        code(v.connect(&bot, "x", pb::Channel::Web).await),
        code(v.transfer_to(&session.id, &bot, "n").await),
        code(v.accept(&session.id, &missing).await),
        code(
            c.clone()
                .acknowledge(pb::AcknowledgeRequest {
                    session_id: session.id.clone(),
                    seq: 1,
                })
                .await,
        ),
        code(
            c.clone()
                .acknowledge_disconnect(pb::AcknowledgeDisconnectRequest {
                    session_id: session.id.clone(),
                    seq: 1,
                })
                .await,
        ),
        code(
            c.clone()
                .acknowledge_connect(pb::AcknowledgeConnectRequest {
                    session_id: session.id.clone(),
                })
                .await,
        ),
        code(
            c.clone()
                .revoke_session_token(pb::RevokeSessionTokenRequest {
                    token_id: minted.token_id.clone(),
                })
                .await,
        ),
        code(client::Feed::open(&mut c.clone(), vec![]).await.map(|_| ())),
    ];
    assert!(
        denied.iter().all(|c| *c == Code::PermissionDenied),
        "{denied:?}"
    );

    // Never valid on the AdminService.
    let admin = client::admin(&srv.url, &minted.token)
        .await
        .expect("client");
    let listed = admin
        .clone()
        .list_terminals(pb::ListTerminalsRequest::default())
        .await;
    assert_eq!(code(listed), Code::Unauthenticated);

    // The visitor leaves: the session ends, and with it the token (and the feed).
    v.disconnect(&session.id).await.expect("visitor leaves");
    sub_until(&mut feed, is(|p| matches!(p, Payload::SessionEnded(_)))).await;
    assert!(
        next_sub(&mut feed).await.is_none(),
        "the feed ends with the session"
    );
    assert_eq!(code(v.session(&session.id).await), Code::Unauthenticated);
    srv.stop().await;
}

async fn subscribe_as(v: &Term, gw: &Term) -> Streaming<pb::SubscribeResponse> {
    let mut stream = v
        .c()
        .subscribe(pb::SubscribeRequest::default())
        .await
        .expect("subscribe")
        .into_inner();
    match next_sub(&mut stream).await {
        Some(subscribe_response::Kind::Attached(a)) => assert_eq!(a.terminal_id, gw.id),
        other => panic!("expected attached, got {other:?}"),
    }
    stream
}

/// A token stops working when it expires, when it is revoked (an open feed ends too), and only
/// the terminal that minted it may revoke it.
async fn session_tokens_expire_and_are_revoked(backend: Backend) {
    let Scene {
        srv, gw, session, ..
    } = scene(backend).await;
    let short = mint(&gw, &session.id, Duration::from_millis(700))
        .await
        .expect("mint");
    let v = visitor(&srv, &short.token).await;
    v.session(&session.id).await.expect("valid at first");
    let mut feed = subscribe_as(&v, &gw).await;
    tokio::time::sleep(Duration::from_millis(900)).await;
    assert_eq!(code(v.session(&session.id).await), Code::Unauthenticated);
    let ended = loop {
        match tokio::time::timeout(WAIT, feed.message())
            .await
            .expect("feed ends")
        {
            Ok(Some(_)) => continue,
            other => break other,
        }
    };
    assert_eq!(ended.map(|_| ()).unwrap_err().code(), Code::Unauthenticated);

    let long = mint(&gw, &session.id, Duration::from_secs(600))
        .await
        .expect("mint");
    let v = visitor(&srv, &long.token).await;
    let mut feed = subscribe_as(&v, &gw).await;
    let stranger = srv.terminal("stranger", pb::TerminalKind::Gateway).await;
    let revoke = |t: &Term, id: &str| {
        let mut c = t.c();
        let id = id.to_owned();
        async move {
            c.revoke_session_token(pb::RevokeSessionTokenRequest { token_id: id })
                .await
                .map(|r| r.into_inner())
        }
    };
    assert_eq!(
        code(revoke(&stranger, &long.token_id).await),
        Code::NotFound
    );
    v.session(&session.id).await.expect("still valid");
    revoke(&gw, &long.token_id).await.expect("revoke");
    revoke(&gw, &long.token_id).await.expect("again: no change");
    assert_eq!(code(v.session(&session.id).await), Code::Unauthenticated);
    assert_eq!(code(v.say(&session.id, "x").await), Code::Unauthenticated);
    let ended = loop {
        match tokio::time::timeout(WAIT, feed.message())
            .await
            .expect("feed ends")
        {
            Ok(Some(_)) => continue,
            other => break other,
        }
    };
    assert_eq!(ended.map(|_| ()).unwrap_err().code(), Code::Unauthenticated);
    // The gateway itself is unaffected.
    gw.session(&session.id).await.expect("gateway reads");
    srv.stop().await;
}

on_every_backend!(
    grpc_web_over_http1,
    no_cors_by_default,
    pages_on_the_grpc_port,
    subscribe_delivers_what_attach_delivers,
    subscribe_resumes_and_acknowledge_records,
    subscribe_to_one_session_ends_with_it,
    only_the_callers_terminal_mints,
    a_session_token_opens_one_session_only,
    session_tokens_expire_and_are_revoked,
    expired_session_tokens_are_deleted,
);

/// Replicas on one Postgres: a token minted on one works on another at once, a feed there follows
/// the session as written on the first, and a revocation on the first stops it on the other.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn session_tokens_across_replicas() {
    let Scene {
        srv: a,
        gw,
        bot,
        session,
        ..
    } = scene(Backend::Postgres).await;
    let b = a.replica().await;
    let minted = mint(&gw, &session.id, Duration::from_secs(600))
        .await
        .expect("mint on a");
    let on_b = visitor(&b, &minted.token).await;
    let mut feed = subscribe_as(&on_b, &gw).await;
    bot.say(&session.id, "written on a")
        .await
        .expect("say on a");
    sub_until(&mut feed, |e| body(e) == Some("written on a")).await;
    on_b.say(&session.id, "written on b")
        .await
        .expect("say on b");
    let mut c = gw.c();
    c.revoke_session_token(pb::RevokeSessionTokenRequest {
        token_id: minted.token_id.clone(),
    })
    .await
    .expect("revoke on a");
    assert_eq!(code(on_b.session(&session.id).await), Code::Unauthenticated);
    let ended = loop {
        match tokio::time::timeout(WAIT, feed.message())
            .await
            .expect("feed ends")
        {
            Ok(Some(_)) => continue,
            other => break other,
        }
    };
    assert_eq!(ended.map(|_| ()).unwrap_err().code(), Code::Unauthenticated);
    b.stop().await;
    a.stop().await;
}

/// Expired tokens are deleted (a day after expiry, by the heartbeat): a deleted token is simply
/// unknown.
async fn expired_session_tokens_are_deleted(backend: Backend) {
    let Scene {
        srv, gw, session, ..
    } = scene(backend).await;
    let minted = mint(&gw, &session.id, Duration::from_secs(60))
        .await
        .expect("mint");
    let v = visitor(&srv, &minted.token).await;
    v.session(&session.id).await.expect("valid");
    let store = &srv.server.as_ref().expect("server").app.store;
    let now = handoff::domain::now_millis();
    assert_eq!(store.forget_session_tokens(now).await.expect("forget"), 0);
    assert_eq!(
        store
            .forget_session_tokens(now + 61_000)
            .await
            .expect("forget"),
        1
    );
    assert_eq!(code(v.session(&session.id).await), Code::Unauthenticated);
    srv.stop().await;
}
