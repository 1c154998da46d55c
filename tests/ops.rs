//! Running in production: TLS and mutual TLS, the Prometheus endpoint, per-terminal rate limits,
//! reflection of the error details. Real servers on SQLite and on Postgres.

mod common;

use std::path::{Path, PathBuf};
use std::time::Duration;

use common::*;
use handoff::client::{Bearer, Feed};
use handoff::config::ServeArgs;
use handoff::pb::{
    self, Channel, TerminalKind, admin_service_client::AdminServiceClient, event::Payload,
    terminal_service_client::TerminalServiceClient,
};
use handoff::server::Server;
use rcgen::{BasicConstraints, CertificateParams, DnType, IsCa, Issuer, KeyPair, KeyUsagePurpose};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tonic::Code;
use tonic::transport::{Certificate, Channel as GrpcChannel, ClientTlsConfig, Endpoint, Identity};
use tonic_types::StatusExt;

// ---------------------------------------------------------------------------------------------
// TLS

/// A certificate authority made for one test.
struct Ca {
    pem: String,
    issuer: Issuer<'static, KeyPair>,
}

impl Ca {
    fn new(name: &str) -> Ca {
        let mut params = CertificateParams::new(Vec::<String>::new()).expect("ca params");
        params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        params.distinguished_name.push(DnType::CommonName, name);
        params.key_usages = vec![
            KeyUsagePurpose::KeyCertSign,
            KeyUsagePurpose::CrlSign,
            KeyUsagePurpose::DigitalSignature,
        ];
        let key = KeyPair::generate().expect("ca key");
        let cert = params.self_signed(&key).expect("ca cert");
        Ca {
            pem: cert.pem(),
            issuer: Issuer::new(params, key),
        }
    }

    /// A leaf certificate for `names` (DNS names or IP addresses): (certificate, key) in PEM.
    fn leaf(&self, common_name: &str, names: &[&str]) -> (String, String) {
        let names: Vec<String> = names.iter().map(|n| n.to_string()).collect();
        let mut params = CertificateParams::new(names).expect("leaf params");
        params
            .distinguished_name
            .push(DnType::CommonName, common_name);
        params.use_authority_key_identifier_extension = true;
        let key = KeyPair::generate().expect("leaf key");
        let cert = params.signed_by(&key, &self.issuer).expect("leaf cert");
        (cert.pem(), key.serialize_pem())
    }
}

/// A folder of PEM files for one test, removed on drop.
struct Pems(PathBuf);

impl Pems {
    fn new() -> Pems {
        let dir = std::env::temp_dir().join(format!("handoff-tls-{}", uuid::Uuid::new_v4()));
        std::fs::create_dir_all(&dir).expect("pem dir");
        Pems(dir)
    }

    fn write(&self, name: &str, pem: &str) -> PathBuf {
        let path = self.0.join(name);
        std::fs::write(&path, pem).expect("write pem");
        path
    }
}

impl Drop for Pems {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A server on `db` with TLS from `server_ca`'s certificate for localhost, requiring client
/// certificates from `client_ca` when given.
async fn tls_server(db: &TestDb, pems: &Pems, server_ca: &Ca, client_ca: Option<&Ca>) -> Server {
    let (cert, key) = server_ca.leaf("handoff test server", &["localhost", "127.0.0.1"]);
    let mut args = ServeArgs::with_database(&db.url);
    args.listen = "127.0.0.1:0".parse().expect("addr");
    args.admin_token = Some(ADMIN_TOKEN.to_owned());
    args.database.database_max_connections = 4;
    args.tls.cert = Some(pems.write("server.pem", &cert));
    args.tls.key = Some(pems.write("server.key", &key));
    args.tls.client_ca = client_ca.map(|ca| pems.write("client-ca.pem", &ca.pem));
    Server::start(args).await.expect("server starts")
}

/// A channel to `server` over TLS, trusting `trusted` and presenting `identity` if given.
async fn tls_channel(
    server: &Server,
    trusted: &Ca,
    identity: Option<(&str, &str)>,
) -> Result<GrpcChannel, tonic::transport::Error> {
    let mut tls = ClientTlsConfig::new()
        .ca_certificate(Certificate::from_pem(&trusted.pem))
        .domain_name("localhost");
    if let Some((cert, key)) = identity {
        tls = tls.identity(Identity::from_pem(cert, key));
    }
    Endpoint::from_shared(server.url())
        .expect("url")
        .tls_config(tls)?
        .connect_timeout(Duration::from_secs(5))
        .connect()
        .await
}

/// Registers a terminal and lists terminals: whether the API answers on this channel.
async fn admin_works(channel: GrpcChannel) -> Result<(), tonic::Status> {
    let mut admin =
        AdminServiceClient::with_interceptor(channel, Bearer::new(ADMIN_TOKEN).expect("bearer"));
    let name = format!("t-{}", uuid::Uuid::new_v4().simple());
    admin
        .create_terminal(pb::CreateTerminalRequest {
            name: name.clone(),
            display_name: String::new(),
            kind: TerminalKind::Bot as i32,
            groups: Vec::new(),
        })
        .await?;
    let listed = admin
        .list_terminals(pb::ListTerminalsRequest::default())
        .await?
        .into_inner();
    assert!(listed.terminals.iter().any(|t| t.name == name));
    Ok(())
}

async fn tls_serves_clients_that_trust_its_ca_and_no_others(backend: Backend) {
    let db = TestDb::create(backend).await;
    let pems = Pems::new();
    let ca = Ca::new("handoff test CA");
    let server = tls_server(&db, &pems, &ca, None).await;
    assert!(server.url().starts_with("https://"), "{}", server.url());

    let channel = tls_channel(&server, &ca, None).await.expect("TLS connects");
    admin_works(channel.clone())
        .await
        .expect("the API over TLS");
    // A terminal's stream too.
    let created = AdminServiceClient::with_interceptor(
        channel.clone(),
        Bearer::new(ADMIN_TOKEN).expect("bearer"),
    )
    .create_terminal(pb::CreateTerminalRequest {
        name: "streamer".into(),
        display_name: String::new(),
        kind: TerminalKind::Agent as i32,
        groups: Vec::new(),
    })
    .await
    .expect("create")
    .into_inner();
    let mut terminal = TerminalServiceClient::with_interceptor(
        channel,
        Bearer::new(&created.token).expect("bearer"),
    );
    let feed = Feed::open(&mut terminal, Vec::new())
        .await
        .expect("attach over TLS");
    assert_eq!(
        Some(feed.terminal_id.clone()),
        created.terminal.map(|t| t.id)
    );

    // A client that trusts another CA does not accept the server's certificate.
    let stranger = Ca::new("some other CA");
    match tls_channel(&server, &stranger, None).await {
        Err(_) => {}
        Ok(channel) => {
            let refused = admin_works(channel).await.expect_err("untrusted server");
            assert_eq!(refused.code(), Code::Unavailable, "{refused:?}");
        }
    }
    // Plaintext is not spoken on a TLS listener.
    let plain = format!("http://{}", server.addr);
    let refused = match handoff::client::admin(&plain, ADMIN_TOKEN).await {
        Err(_) => true,
        Ok(mut admin) => admin
            .list_terminals(pb::ListTerminalsRequest::default())
            .await
            .is_err(),
    };
    assert!(refused, "a plaintext client is refused");
    drop(feed);
    server.shutdown().await.expect("clean shutdown");
}

async fn mutual_tls_requires_a_certificate_from_the_client_ca(backend: Backend) {
    let db = TestDb::create(backend).await;
    let pems = Pems::new();
    let server_ca = Ca::new("handoff server CA");
    let client_ca = Ca::new("handoff client CA");
    let server = tls_server(&db, &pems, &server_ca, Some(&client_ca)).await;

    // No client certificate: the handshake (or the first call, with TLS 1.3) fails.
    let without = match tls_channel(&server, &server_ca, None).await {
        Err(_) => true,
        Ok(channel) => admin_works(channel).await.is_err(),
    };
    assert!(without, "a client without a certificate is refused");

    // A certificate from another CA is refused too.
    let other = Ca::new("not the client CA");
    let (cert, key) = other.leaf("intruder", &["intruder"]);
    let foreign = match tls_channel(&server, &server_ca, Some((&cert, &key))).await {
        Err(_) => true,
        Ok(channel) => admin_works(channel).await.is_err(),
    };
    assert!(foreign, "a certificate from another CA is refused");

    // One signed by the client CA is accepted.
    let (cert, key) = client_ca.leaf("web-gateway", &["web-gateway"]);
    let channel = tls_channel(&server, &server_ca, Some((&cert, &key)))
        .await
        .expect("mTLS connects");
    admin_works(channel).await.expect("the API over mutual TLS");
    server.shutdown().await.expect("clean shutdown");
}

/// The terminal a Attach stream says it attached, on `channel` with `token` if any.
async fn attached_as(channel: GrpcChannel, token: Option<&str>) -> Result<String, tonic::Status> {
    let mut client = TerminalServiceClient::new(channel);
    let hello = pb::AttachRequest {
        kind: Some(pb::attach_request::Kind::Hello(pb::Hello::default())),
    };
    let mut request = tonic::Request::new(tokio_stream::iter([hello]));
    if let Some(token) = token {
        let value = format!("Bearer {token}").parse().expect("header value");
        request.metadata_mut().insert("authorization", value);
    }
    let mut stream = client.attach(request).await?.into_inner();
    match stream.message().await? {
        Some(pb::AttachResponse {
            kind: Some(pb::attach_response::Kind::Attached(a)),
        }) => Ok(a.terminal_id),
        other => panic!("expected attached, got {other:?}"),
    }
}

async fn a_client_certificate_can_name_its_terminal(backend: Backend) {
    let db = TestDb::create(backend).await;
    let pems = Pems::new();
    let server_ca = Ca::new("handoff server CA");
    let client_ca = Ca::new("handoff client CA");
    let (cert, key) = server_ca.leaf("handoff test server", &["localhost", "127.0.0.1"]);
    let mut args = ServeArgs::with_database(&db.url);
    args.listen = "127.0.0.1:0".parse().expect("addr");
    args.admin_token = Some(ADMIN_TOKEN.to_owned());
    args.database.database_max_connections = 4;
    args.tls.cert = Some(pems.write("server.pem", &cert));
    args.tls.key = Some(pems.write("server.key", &key));
    let mut without_ca = args.clone();
    without_ca.tls.terminal_from_client_cert = true;
    assert!(
        Server::start(without_ca).await.is_err(),
        "certificate names need client certificates"
    );
    args.tls.client_ca = Some(pems.write("client-ca.pem", &client_ca.pem));
    args.tls.terminal_from_client_cert = true;
    let server = Server::start(args).await.expect("server starts");

    // The operator's console has a certificate that names no terminal: its token decides.
    let (cert, key) = client_ca.leaf("admin-console", &["admin-console"]);
    let console = tls_channel(&server, &server_ca, Some((&cert, &key)))
        .await
        .expect("console connects");
    let admin = AdminServiceClient::with_interceptor(
        console.clone(),
        Bearer::new(ADMIN_TOKEN).expect("bearer"),
    );
    let create = |name: &str| {
        let request = pb::CreateTerminalRequest {
            name: name.into(),
            display_name: String::new(),
            kind: TerminalKind::Gateway as i32,
            groups: Vec::new(),
        };
        let mut admin = admin.clone();
        async move {
            admin
                .create_terminal(request)
                .await
                .expect("create")
                .into_inner()
        }
    };
    let gateway = create("web-gateway").await;
    let other = create("sms-gateway").await;
    let gateway_id = gateway.terminal.expect("terminal").id;
    admin_works(console.clone()).await.expect("admin over mTLS");

    // web-gateway's certificate alone is enough to be web-gateway.
    let (cert, key) = client_ca.leaf("web-gateway", &["web-gateway"]);
    let gw = tls_channel(&server, &server_ca, Some((&cert, &key)))
        .await
        .expect("gateway connects");
    assert_eq!(
        attached_as(gw.clone(), None).await.expect("attach"),
        gateway_id
    );
    assert_eq!(
        attached_as(gw.clone(), Some(&gateway.token))
            .await
            .expect("attach with its own token too"),
        gateway_id
    );
    // Another terminal's token on web-gateway's connection is refused.
    let mixed = attached_as(gw.clone(), Some(&other.token)).await;
    assert_eq!(code(mixed), Code::Unauthenticated);
    // A certificate naming no terminal, without a token, is nobody.
    let anonymous = attached_as(console.clone(), None).await;
    assert_eq!(code(anonymous), Code::Unauthenticated);
    // Unary calls too: authenticated by the certificate, then the session is not found.
    let mut unary = TerminalServiceClient::new(gw);
    let missing = unary
        .get_session(pb::GetSessionRequest {
            session_id: uuid::Uuid::new_v4().to_string(),
        })
        .await;
    assert_eq!(code(missing), Code::NotFound);
    server.shutdown().await.expect("clean shutdown");
}

async fn half_a_tls_configuration_is_refused_at_start(backend: Backend) {
    let db = TestDb::create(backend).await;
    let pems = Pems::new();
    let ca = Ca::new("handoff test CA");
    let (cert, _) = ca.leaf("server", &["localhost"]);
    let mut args = ServeArgs::with_database(&db.url);
    args.listen = "127.0.0.1:0".parse().expect("addr");
    args.tls.cert = Some(pems.write("server.pem", &cert));
    assert!(
        Server::start(args.clone()).await.is_err(),
        "certificate without key"
    );
    args.tls.cert = None;
    args.tls.client_ca = Some(pems.write("ca.pem", &ca.pem));
    assert!(
        Server::start(args.clone()).await.is_err(),
        "client CA without TLS"
    );
    args.tls.client_ca = None;
    args.tls.cert = Some(pems.write("garbage.pem", "not a certificate"));
    args.tls.key = Some(pems.write("garbage.key", "not a key"));
    assert!(
        Server::start(args.clone()).await.is_err(),
        "files that are not PEM"
    );
    args.tls.cert = Some(Path::new("/nonexistent/cert.pem").to_owned());
    args.tls.key = Some(Path::new("/nonexistent/key.pem").to_owned());
    assert!(Server::start(args).await.is_err(), "unreadable files");
}

// ---------------------------------------------------------------------------------------------
// Metrics

/// The body of GET /metrics.
async fn scrape(addr: std::net::SocketAddr) -> String {
    let mut stream = tokio::net::TcpStream::connect(addr)
        .await
        .expect("connect to metrics");
    stream
        .write_all(b"GET /metrics HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        .await
        .expect("send scrape");
    let mut response = String::new();
    stream
        .read_to_string(&mut response)
        .await
        .expect("read scrape");
    let (head, body) = response.split_once("\r\n\r\n").expect("an HTTP response");
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    body.to_owned()
}

/// The sum of the samples of `name` whose labels include every one of `labels`.
fn sample(body: &str, name: &str, labels: &[(&str, &str)]) -> f64 {
    body.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.rsplit_once(' '))
        .filter(|(series, _)| {
            let (n, rest) = series.split_once('{').unwrap_or((series, ""));
            n == name
                && labels
                    .iter()
                    .all(|(k, v)| rest.contains(&format!("{k}=\"{v}\"")))
        })
        .filter_map(|(_, value)| value.parse::<f64>().ok())
        .sum()
}

async fn metrics_move_as_traffic_flows(backend: Backend) {
    let srv = TestServer::start_with(backend, |a| {
        a.metrics.metrics_listen = Some("127.0.0.1:0".parse().expect("addr"));
        a.catch_up_interval = Duration::from_millis(100);
        a.presence_interval = Duration::from_millis(100);
    })
    .await;
    let at = srv
        .server
        .as_ref()
        .and_then(|s| s.metrics_addr)
        .expect("metrics listener");
    let before = scrape(at).await;

    let gateway = srv.terminal("gateway", TerminalKind::Gateway).await;
    let bot = srv.terminal("bot", TerminalKind::Bot).await;
    let agent = srv.terminal("agent", TerminalKind::Agent).await;
    let mut bot_feed = bot.attach().await;
    let mut agent_feed = agent.attach().await;
    let session = open_session(&gateway, &bot, &mut bot_feed, "+15550101", Channel::Sms).await;
    for i in 0..5 {
        gateway
            .say(&session.id, &format!("hello {i}"))
            .await
            .expect("say");
    }
    let transfer = bot
        .transfer_to(&session.id, &agent, "over to you")
        .await
        .expect("transfer");
    event_where(
        &mut agent_feed,
        is(|p| matches!(p, Payload::TransferOffered(_))),
    )
    .await;
    agent
        .accept(&session.id, &transfer.id)
        .await
        .expect("accept");
    bot.disconnect(&session.id).await.expect("disconnect");
    let missing = gateway.session(&uuid::Uuid::new_v4().to_string()).await;
    assert_eq!(code(missing), Code::NotFound);
    // Let a heartbeat and (on Postgres) a catch-up poll and the NOTIFYs happen.
    tokio::time::sleep(Duration::from_millis(400)).await;

    let after = scrape(at).await;
    let grew = |name: &str, labels: &[(&str, &str)]| {
        sample(&after, name, labels) - sample(&before, name, labels)
    };
    let message = ("method", "/handoff.v1.TerminalService/Message");
    assert!(
        grew("handoff_rpc_requests_total", &[message, ("code", "OK")]) >= 5.0,
        "{after}"
    );
    assert!(
        grew(
            "handoff_rpc_requests_total",
            &[
                ("method", "/handoff.v1.TerminalService/GetSession"),
                ("code", "NOT_FOUND")
            ]
        ) >= 1.0
    );
    assert!(grew("handoff_rpc_duration_seconds_count", &[message]) >= 5.0);
    assert!(grew("handoff_messages_committed_total", &[]) >= 5.0);
    assert!(grew("handoff_sessions_requested_total", &[]) >= 1.0);
    assert!(grew("handoff_sessions_opened_total", &[]) >= 1.0);
    for outcome in ["offered", "accepted", "completed"] {
        assert!(
            grew("handoff_transfers_total", &[("outcome", outcome)]) >= 1.0,
            "{outcome}"
        );
    }
    assert!(grew("handoff_group_commit_writes_count", &[]) >= 1.0);
    assert!(grew("handoff_group_commit_duration_seconds_count", &[]) >= 1.0);
    assert!(grew("handoff_group_commit_wait_seconds_count", &[]) >= 1.0);
    assert!(sample(&after, "handoff_attached_streams", &[]) >= 2.0);
    assert!(sample(&after, "handoff_replicas_live", &[]) >= 1.0);
    assert!(sample(&after, "handoff_db_pool_connections", &[("pool", "write")]) >= 1.0);
    if backend == Backend::Postgres {
        assert!(grew("handoff_catch_up_polls_total", &[]) >= 1.0);
        assert!(grew("handoff_notify_sent_total", &[]) >= 1.0);
    }

    // Streams closing bring the gauge down (other tests in this process may hold streams).
    let open = sample(&after, "handoff_attached_streams", &[]);
    drop(bot_feed);
    drop(agent_feed);
    let deadline = tokio::time::Instant::now() + WAIT;
    while sample(&scrape(at).await, "handoff_attached_streams", &[]) > open - 2.0 {
        assert!(
            tokio::time::Instant::now() < deadline,
            "the gauge never fell"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    srv.stop().await;
}

// ---------------------------------------------------------------------------------------------
// Rate limits

fn retry_delay(status: &tonic::Status) -> Duration {
    let info = status
        .get_details_retry_info()
        .expect("RESOURCE_EXHAUSTED carries RetryInfo");
    info.retry_delay.expect("a retry delay")
}

async fn a_flooding_terminal_is_limited_and_the_others_are_not(backend: Backend) {
    let srv = TestServer::start_with(backend, |a| {
        a.rate.rate_messages_per_second = 5;
        a.rate.rate_connects_per_second = 1;
        a.rate.max_attach_streams = 1;
    })
    .await;
    let flood = srv.terminal("flood", TerminalKind::Gateway).await;
    let calm = srv.terminal("calm", TerminalKind::Gateway).await;
    let bot = srv.terminal("bot", TerminalKind::Bot).await;
    let mut bot_feed = bot.attach().await;
    let noisy = open_session(&flood, &bot, &mut bot_feed, "+15550102", Channel::Sms).await;
    let quiet = open_session(&calm, &bot, &mut bot_feed, "+15550103", Channel::Sms).await;

    // Connect: one a second; the second attempt at once is refused before anything is stored.
    let again = flood.connect(&bot, "+15550104", Channel::Sms).await;
    let status = again.expect_err("a second connect within the second");
    assert_eq!(status.code(), Code::ResourceExhausted, "{status:?}");
    assert!(retry_delay(&status) > Duration::ZERO);

    // Messages as unary calls: the burst passes, then the flood is refused with a delay.
    let mut refused = None;
    let mut sent = 0;
    for i in 0..30 {
        match flood.say(&noisy.id, &format!("spam {i}")).await {
            Ok(_) => sent += 1,
            Err(status) => {
                refused = Some(status);
                break;
            }
        }
    }
    let status = refused.expect("the flood is limited");
    assert!((1..=6).contains(&sent), "{sent} passed");
    assert_eq!(status.code(), Code::ResourceExhausted);
    let delay = retry_delay(&status);
    assert!(
        delay > Duration::ZERO && delay <= Duration::from_secs(1),
        "{delay:?}"
    );

    // Another terminal meanwhile sends all of its messages.
    for i in 0..5 {
        calm.say(&quiet.id, &format!("calm {i}"))
            .await
            .expect("the calm terminal is not limited");
    }

    // The same budget covers stream commands.
    let mut flood_feed = flood.attach().await;
    let message = |i: usize| {
        pb::command::Kind::Message(pb::MessageRequest {
            session_id: noisy.id.clone(),
            body: format!("streamed spam {i}"),
            idempotency_key: String::new(),
        })
    };
    let mut limited = false;
    for i in 0..30 {
        let (receipt, _) = command(&mut flood_feed, &format!("m{i}"), message(i)).await;
        if receipt.code == Code::ResourceExhausted as i32 {
            assert!(receipt.message.contains("retry in"), "{}", receipt.message);
            limited = true;
            break;
        }
    }
    assert!(limited, "stream commands draw on the same budget");

    // One Attach stream per terminal here: a second is refused until the first closes.
    let second = Feed::open(&mut flood.c(), Vec::new()).await;
    let status = second.err().expect("a second stream");
    assert_eq!(status.code(), Code::ResourceExhausted, "{status:?}");
    drop(flood_feed);
    let deadline = tokio::time::Instant::now() + WAIT;
    loop {
        match Feed::open(&mut flood.c(), Vec::new()).await {
            Ok(_) => break,
            Err(s) if s.code() == Code::ResourceExhausted => {
                assert!(
                    tokio::time::Instant::now() < deadline,
                    "the place was never freed"
                );
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
            Err(s) => panic!("{s:?}"),
        }
    }
    // After waiting as told, the flooding terminal may send again.
    tokio::time::sleep(Duration::from_secs(1)).await;
    flood
        .say(&noisy.id, "calmer now")
        .await
        .expect("budget refilled");
    srv.stop().await;
}

async fn set_limits(
    srv: &TestServer,
    terminal: &str,
    limits: pb::TerminalLimits,
) -> Result<pb::SetTerminalLimitsResponse, tonic::Status> {
    srv.admin
        .clone()
        .set_terminal_limits(pb::SetTerminalLimitsRequest {
            terminal_id: terminal.to_owned(),
            limits: Some(limits),
        })
        .await
        .map(|r| r.into_inner())
}

/// How many of `n` messages pass before the first refusal (which must be RESOURCE_EXHAUSTED).
async fn passed_of(term: &Term, session: &str, n: usize) -> usize {
    for i in 0..n {
        if let Err(status) = term.say(session, &format!("try {i}")).await {
            assert_eq!(status.code(), Code::ResourceExhausted, "{status:?}");
            assert!(retry_delay(&status) > Duration::ZERO);
            return i;
        }
    }
    n
}

async fn an_administrator_sets_one_terminals_limits(backend: Backend) {
    // No limits by default: only what the administrator sets holds anyone back.
    let srv = TestServer::start(backend).await;
    let flood = srv.terminal("flood", TerminalKind::Gateway).await;
    let calm = srv.terminal("calm", TerminalKind::Gateway).await;
    let bot = srv.terminal("bot", TerminalKind::Bot).await;
    let mut bot_feed = bot.attach().await;
    let noisy = open_session(&flood, &bot, &mut bot_feed, "+15550105", Channel::Sms).await;
    let quiet = open_session(&calm, &bot, &mut bot_feed, "+15550106", Channel::Sms).await;

    let got = srv
        .admin
        .clone()
        .get_terminal_limits(pb::GetTerminalLimitsRequest {
            terminal_id: flood.id.clone(),
        })
        .await
        .expect("get limits")
        .into_inner();
    assert_eq!(got.limits, Some(pb::TerminalLimits::default()));
    let unlimited = pb::TerminalLimits {
        messages_per_second: Some(0),
        messages_burst: Some(0),
        connects_per_second: Some(0),
        connects_burst: Some(0),
        max_attach_streams: Some(0),
    };
    assert_eq!(got.effective, Some(unlimited));

    // Bad requests change nothing.
    let zero_burst = pb::TerminalLimits {
        messages_burst: Some(0),
        ..Default::default()
    };
    let refused = set_limits(&srv, &flood.id, zero_burst)
        .await
        .expect_err("burst 0");
    assert_eq!(refused.code(), Code::InvalidArgument, "{refused:?}");
    let missing = set_limits(&srv, &uuid::Uuid::new_v4().to_string(), Default::default()).await;
    assert_eq!(code(missing), Code::NotFound);
    let malformed = set_limits(&srv, "not-an-id", Default::default()).await;
    assert_eq!(code(malformed), Code::InvalidArgument);
    assert_eq!(passed_of(&flood, &noisy.id, 20).await, 20);

    // Two messages a second and one stream for the flooding terminal only.
    let set = set_limits(
        &srv,
        &flood.id,
        pb::TerminalLimits {
            messages_per_second: Some(2),
            max_attach_streams: Some(1),
            ..Default::default()
        },
    )
    .await
    .expect("set limits");
    let effective = set.effective.expect("effective");
    assert_eq!(effective.messages_per_second, Some(2));
    assert_eq!(effective.messages_burst, Some(2), "one second's worth");
    assert_eq!(effective.connects_per_second, Some(0));
    assert_eq!(effective.max_attach_streams, Some(1));
    let passed = passed_of(&flood, &noisy.id, 30).await;
    assert!((1..=3).contains(&passed), "{passed} passed");
    assert_eq!(
        passed_of(&calm, &quiet.id, 20).await,
        20,
        "others unaffected"
    );
    let first_stream = flood.attach().await;
    let second = Feed::open(&mut flood.c(), Vec::new()).await;
    assert_eq!(
        second.err().expect("a second stream").code(),
        Code::ResourceExhausted
    );
    drop(first_stream);

    let records = audit_log(&srv).await;
    let record = records
        .iter()
        .find(|r| r.action == "SetTerminalLimits")
        .expect("an audit record");
    assert_eq!(record.terminal_id, flood.id);
    assert_eq!(record.detail, "messages_per_second=2 max_attach_streams=1");

    // A replica started now applies them from its first call; one already running (on
    // Postgres, where replicas share the database) hears of later changes.
    if backend == Backend::Postgres {
        let b = srv.replica().await;
        let flood_b = flood.via(&b).await;
        let passed = passed_of(&flood_b, &noisy.id, 30).await;
        assert!(
            (1..=3).contains(&passed),
            "{passed} passed on the new replica"
        );

        set_limits(&srv, &flood.id, Default::default())
            .await
            .expect("back to the defaults");
        let deadline = tokio::time::Instant::now() + WAIT;
        while passed_of(&flood_b, &noisy.id, 10).await < 10 {
            assert!(tokio::time::Instant::now() < deadline, "never lifted there");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        set_limits(
            &srv,
            &flood.id,
            pb::TerminalLimits {
                messages_per_second: Some(1),
                ..Default::default()
            },
        )
        .await
        .expect("set again");
        let deadline = tokio::time::Instant::now() + WAIT;
        while passed_of(&flood_b, &noisy.id, 10).await == 10 {
            assert!(
                tokio::time::Instant::now() < deadline,
                "never applied there"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        b.stop().await;
    }

    // Back to the defaults: no limit again, here at once.
    let reset = set_limits(&srv, &flood.id, Default::default())
        .await
        .expect("reset");
    assert_eq!(reset.limits, Some(pb::TerminalLimits::default()));
    assert_eq!(reset.effective, Some(unlimited));
    assert_eq!(passed_of(&flood, &noisy.id, 20).await, 20);
    let _one = flood.attach().await;
    let _two = flood.attach().await;
    srv.stop().await;
}

// ---------------------------------------------------------------------------------------------
// Audit log

/// Every audit record, through ListAuditRecords paging.
async fn audit_log(srv: &TestServer) -> Vec<pb::AuditRecord> {
    let mut out = Vec::new();
    let mut page_token = String::new();
    loop {
        let page = srv
            .admin
            .clone()
            .list_audit_records(pb::ListAuditRecordsRequest {
                page_size: 2,
                page_token,
            })
            .await
            .expect("list audit records")
            .into_inner();
        out.extend(page.records);
        if page.next_page_token.is_empty() {
            return out;
        }
        page_token = page.next_page_token;
    }
}

async fn every_admin_change_is_audited(backend: Backend) {
    let srv = TestServer::start(backend).await;
    let alice = srv
        .terminal_in("alice", TerminalKind::Agent, &["billing"])
        .await;
    let mut admin = srv.admin.clone();
    admin
        .set_terminal_groups(pb::SetTerminalGroupsRequest {
            terminal_id: alice.id.clone(),
            groups: vec!["billing".into(), "tier2".into()],
        })
        .await
        .expect("set groups");
    let rotated = admin
        .rotate_terminal_token(pb::RotateTerminalTokenRequest {
            terminal_id: alice.id.clone(),
        })
        .await
        .expect("rotate")
        .into_inner();
    // Refused calls change nothing and record nothing.
    let missing = admin
        .set_terminal_groups(pb::SetTerminalGroupsRequest {
            terminal_id: uuid::Uuid::new_v4().to_string(),
            groups: Vec::new(),
        })
        .await;
    assert_eq!(code(missing), Code::NotFound);
    let mut stranger = handoff::client::admin(&srv.url, "not the admin token")
        .await
        .expect("client");
    let denied = stranger
        .list_audit_records(pb::ListAuditRecordsRequest::default())
        .await;
    assert_eq!(code(denied), Code::Unauthenticated);

    // The CLI writes into the same database, and is recorded as itself.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_handoff"))
        .args(["admin", "--database-url", &srv.database_url])
        .args(["create-terminal", "--name", "bob", "--kind", "bot"])
        .env("USER", "operator")
        .output()
        .expect("run handoff admin");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let log = audit_log(&srv).await;
    let actions: Vec<&str> = log.iter().map(|r| r.action.as_str()).collect();
    assert_eq!(
        actions,
        [
            "CreateTerminal",
            "SetTerminalGroups",
            "RotateTerminalToken",
            "CreateTerminal"
        ]
    );
    for r in &log[..3] {
        assert!(r.actor.starts_with("admin-token:"), "{r:?}");
        assert!(r.peer.starts_with("127.0.0.1:"), "{r:?}");
        assert_eq!(r.terminal_id, alice.id);
        assert!(r.time.is_some());
    }
    assert_eq!(
        log[0].detail,
        "name=alice kind=TERMINAL_KIND_AGENT groups=billing"
    );
    assert_eq!(log[1].detail, "groups=billing,tier2");
    assert_eq!(
        (log[3].actor.as_str(), log[3].peer.as_str()),
        ("cli:operator", "local")
    );
    assert!(log[3].detail.starts_with("name=bob kind=TERMINAL_KIND_BOT"));
    for r in &log {
        assert!(!r.detail.contains(&alice.token) && !r.detail.contains(&rotated.token));
    }
    let ids: Vec<&str> = log.iter().map(|r| r.id.as_str()).collect();
    let mut sorted = ids.clone();
    sorted.sort_unstable();
    assert_eq!(ids, sorted, "oldest first, in id order");

    let listed = std::process::Command::new(env!("CARGO_BIN_EXE_handoff"))
        .args(["admin", "--database-url", &srv.database_url, "list-audit"])
        .output()
        .expect("run handoff admin list-audit");
    let listed = String::from_utf8_lossy(&listed.stdout);
    assert_eq!(listed.lines().count(), 4, "{listed}");
    assert!(listed.contains("RotateTerminalToken"), "{listed}");

    let bad = srv
        .admin
        .clone()
        .list_audit_records(pb::ListAuditRecordsRequest {
            page_size: 1,
            page_token: "not a token".into(),
        })
        .await;
    assert_eq!(code(bad), Code::InvalidArgument);
    srv.stop().await;
}

// ---------------------------------------------------------------------------------------------
// Reflection

async fn reflection_serves_the_error_details(backend: Backend) {
    use tonic_reflection::pb::v1::{
        ServerReflectionRequest, server_reflection_client::ServerReflectionClient,
        server_reflection_request::MessageRequest, server_reflection_response::MessageResponse,
    };
    let srv = TestServer::start(backend).await;
    let channel = Endpoint::from_shared(srv.url.clone())
        .expect("url")
        .connect()
        .await
        .expect("connect");
    let mut reflection = ServerReflectionClient::new(channel);
    for request in [
        MessageRequest::FileContainingSymbol("google.rpc.BadRequest".into()),
        MessageRequest::FileContainingSymbol("google.rpc.RetryInfo".into()),
        MessageRequest::FileByFilename("google/protobuf/duration.proto".into()),
    ] {
        let asked = format!("{request:?}");
        let mut answers = reflection
            .server_reflection_info(tokio_stream::once(ServerReflectionRequest {
                host: String::new(),
                message_request: Some(request),
            }))
            .await
            .expect("reflection")
            .into_inner();
        let answer = answers
            .message()
            .await
            .expect("answer")
            .expect("one answer");
        match answer.message_response {
            Some(MessageResponse::FileDescriptorResponse(files)) => {
                assert!(!files.file_descriptor_proto.is_empty(), "{asked}")
            }
            other => panic!("{asked}: {other:?}"),
        }
    }
    srv.stop().await;
}

on_every_backend!(
    tls_serves_clients_that_trust_its_ca_and_no_others,
    mutual_tls_requires_a_certificate_from_the_client_ca,
    a_client_certificate_can_name_its_terminal,
    half_a_tls_configuration_is_refused_at_start,
    metrics_move_as_traffic_flows,
    a_flooding_terminal_is_limited_and_the_others_are_not,
    an_administrator_sets_one_terminals_limits,
    reflection_serves_the_error_details,
    every_admin_change_is_audited,
);
