//! Test support: a fresh database per test (a SQLite file in a temporary folder, or a uniquely
//! named Postgres database that is dropped afterwards), a real server on 127.0.0.1:0, and
//! terminals talking to it through the generated client.

#![allow(dead_code)]

pub mod process;
pub mod raw;

use std::path::PathBuf;
use std::time::Duration;

use handoff::client::{self, AdminClient, Feed, TerminalClient};
use handoff::config::ServeArgs;
use handoff::pb::{self, attach_response, event::Payload};
use handoff::server::Server;
use sqlx::Connection;
use tonic::{Code, Status};

/// Where tests create their Postgres databases; CI's Postgres by default.
fn postgres_admin_url() -> String {
    std::env::var("HANDOFF_TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_owned())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// A database of its own for one test; removed on drop, even when the test fails.
pub struct TestDb {
    pub url: String,
    cleanup: Cleanup,
}

enum Cleanup {
    Dir(PathBuf),
    PgDatabase(String),
}

impl TestDb {
    pub async fn create(backend: Backend) -> TestDb {
        let unique = uuid::Uuid::new_v4().simple().to_string();
        match backend {
            Backend::Sqlite => {
                let dir = std::env::temp_dir().join(format!("handoff-test-{unique}"));
                std::fs::create_dir_all(&dir).expect("create temp dir");
                TestDb {
                    url: format!("sqlite://{}", dir.join("handoff.db").display()),
                    cleanup: Cleanup::Dir(dir),
                }
            }
            Backend::Postgres => {
                sqlx::any::install_default_drivers();
                let admin = postgres_admin_url();
                let name = format!("handoff_test_{unique}");
                let mut conn = sqlx::AnyConnection::connect(&admin)
                    .await
                    .unwrap_or_else(|e| {
                        panic!("Postgres at {admin} is required for the tests: {e}")
                    });
                sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
                    .execute(&mut conn)
                    .await
                    .expect("create test database");
                let base = admin.rsplit_once('/').map_or(admin.as_str(), |(b, _)| b);
                TestDb {
                    url: format!("{base}/{name}"),
                    cleanup: Cleanup::PgDatabase(name),
                }
            }
        }
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        match &self.cleanup {
            Cleanup::Dir(dir) => {
                let _ = std::fs::remove_dir_all(dir);
            }
            Cleanup::PgDatabase(name) => {
                let name = name.clone();
                // Drop runs inside the test's runtime; a separate thread with its own runtime can block.
                let _ = std::thread::spawn(move || {
                    let rt = tokio::runtime::Builder::new_current_thread()
                        .enable_all()
                        .build();
                    if let Ok(rt) = rt {
                        rt.block_on(async {
                            if let Ok(mut conn) =
                                sqlx::AnyConnection::connect(&postgres_admin_url()).await
                            {
                                let sql = format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)");
                                let _ = sqlx::query(sqlx::AssertSqlSafe(sql))
                                    .execute(&mut conn)
                                    .await;
                            }
                        });
                    }
                })
                .join();
            }
        }
    }
}

pub const ADMIN_TOKEN: &str = "test-admin-token";

/// A real server on its own database.
pub struct TestServer {
    pub server: Option<Server>,
    pub url: String,
    pub admin: AdminClient,
    /// None for a second replica on another server's database.
    pub db: Option<TestDb>,
    pub database_url: String,
}

/// A registered terminal with its own client.
#[derive(Clone)]
pub struct Term {
    pub id: String,
    pub token: String,
    pub client: TerminalClient,
}

impl TestServer {
    pub async fn start(backend: Backend) -> TestServer {
        Self::start_with(backend, |_| {}).await
    }

    /// Starts a server with settings adjusted by `tweak` (short timeouts, small limits).
    pub async fn start_with(backend: Backend, tweak: impl FnOnce(&mut ServeArgs)) -> TestServer {
        let db = TestDb::create(backend).await;
        let mut srv = Self::on_database(&db.url.clone(), tweak).await;
        srv.db = Some(db);
        srv
    }

    /// Another replica on this server's database.
    pub async fn replica(&self) -> TestServer {
        Self::on_database(&self.database_url, |_| {}).await
    }

    pub async fn on_database(database_url: &str, tweak: impl FnOnce(&mut ServeArgs)) -> TestServer {
        let mut args = ServeArgs::with_database(database_url);
        args.listen = "127.0.0.1:0".parse().expect("addr");
        args.admin_token = Some(ADMIN_TOKEN.to_owned());
        args.sweep_interval = Duration::from_millis(50);
        args.database.database_max_connections = 4;
        tweak(&mut args);
        let server = Server::start(args).await.expect("server starts");
        let url = server.url();
        let admin = client::admin(&url, ADMIN_TOKEN)
            .await
            .expect("admin client");
        TestServer {
            server: Some(server),
            url,
            admin,
            db: None,
            database_url: database_url.to_owned(),
        }
    }

    pub async fn terminal(&self, name: &str, kind: pb::TerminalKind) -> Term {
        self.terminal_in(name, kind, &[]).await
    }

    /// A terminal that belongs to `groups`.
    pub async fn terminal_in(&self, name: &str, kind: pb::TerminalKind, groups: &[&str]) -> Term {
        let created = self
            .admin
            .clone()
            .create_terminal(pb::CreateTerminalRequest {
                name: name.to_owned(),
                display_name: format!("{name} (test)"),
                kind: kind as i32,
                groups: groups.iter().map(|g| g.to_string()).collect(),
            })
            .await
            .expect("create terminal")
            .into_inner();
        let id = created.terminal.expect("terminal").id;
        let client = client::terminal(&self.url, &created.token)
            .await
            .expect("client");
        Term {
            id,
            token: created.token,
            client,
        }
    }

    pub async fn stop(mut self) {
        if let Some(server) = self.server.take() {
            server.shutdown().await.expect("clean shutdown");
        }
    }
}

pub const WAIT: Duration = Duration::from_secs(10);

impl Term {
    /// The same terminal talking to another server (replica).
    pub async fn via(&self, srv: &TestServer) -> Term {
        Term {
            id: self.id.clone(),
            token: self.token.clone(),
            client: client::terminal(&srv.url, &self.token)
                .await
                .expect("client"),
        }
    }

    pub fn c(&self) -> TerminalClient {
        self.client.clone()
    }

    /// Says the terminal's routing status (agents start AWAY).
    pub async fn set_status(&self, status: pb::TerminalStatus) -> pb::TerminalState {
        self.c()
            .set_status(pb::SetStatusRequest {
                status: status as i32,
                reason: String::new(),
            })
            .await
            .expect("set status")
            .into_inner()
            .state
            .expect("state")
    }

    /// Attaches and says it is available: an agent ready for routed sessions.
    pub async fn ready(&self) -> Feed {
        let feed = self.attach().await;
        self.set_status(pb::TerminalStatus::Available).await;
        feed
    }

    pub async fn attach(&self) -> Feed {
        self.attach_from(Vec::new()).await
    }

    pub async fn attach_from(&self, resume: Vec<pb::SessionCursor>) -> Feed {
        Feed::open(&mut self.c(), resume).await.expect("attach")
    }

    /// Connect on behalf of `caller_id`; the destination must acknowledge (see `open_session`).
    pub async fn connect(
        &self,
        destination: &Term,
        caller_id: &str,
        channel: pb::Channel,
    ) -> Result<pb::Session, Status> {
        self.c()
            .connect(pb::ConnectRequest {
                destination_terminal_id: destination.id.clone(),
                caller: Some(pb::Caller {
                    id: caller_id.to_owned(),
                    display_name: "Test Caller".to_owned(),
                }),
                channel: channel as i32,
                facts: [("language".to_owned(), "en".to_owned())].into(),
                ..Default::default()
            })
            .await
            .map(|r| r.into_inner().session.expect("session"))
    }

    pub async fn say(&self, session: &str, body: &str) -> Result<u64, Status> {
        self.c()
            .message(pb::MessageRequest {
                session_id: session.to_owned(),
                body: body.to_owned(),
                idempotency_key: String::new(),
            })
            .await
            .map(|r| r.into_inner().seq)
    }

    pub async fn session(&self, session: &str) -> Result<pb::Session, Status> {
        self.c()
            .get_session(pb::GetSessionRequest {
                session_id: session.to_owned(),
            })
            .await
            .map(|r| r.into_inner().session.expect("session"))
    }

    /// The whole log as this terminal may see it, through ListEvents paging.
    pub async fn all_events(&self, session: &str) -> Vec<pb::Event> {
        let mut out = Vec::new();
        let mut token = String::new();
        loop {
            let page = self
                .c()
                .list_events(pb::ListEventsRequest {
                    session_id: session.to_owned(),
                    page_size: 3,
                    page_token: token,
                })
                .await
                .expect("list events")
                .into_inner();
            out.extend(page.events);
            if page.next_page_token.is_empty() {
                return out;
            }
            token = page.next_page_token;
        }
    }

    pub async fn transfer_to(
        &self,
        session: &str,
        target: &Term,
        note: &str,
    ) -> Result<pb::Transfer, Status> {
        self.c()
            .transfer(pb::TransferRequest {
                session_id: session.to_owned(),
                target: Some(pb::TransferTarget {
                    kind: Some(pb::transfer_target::Kind::TerminalId(target.id.clone())),
                }),
                facts: [("intent".to_owned(), "billing".to_owned())].into(),
                note: note.to_owned(),
                ..Default::default()
            })
            .await
            .map(|r| r.into_inner().transfer.expect("transfer"))
    }

    pub async fn accept(
        &self,
        session: &str,
        transfer: &str,
    ) -> Result<pb::AcceptTransferResponse, Status> {
        self.c()
            .accept_transfer(pb::AcceptTransferRequest {
                session_id: session.to_owned(),
                transfer_id: transfer.to_owned(),
            })
            .await
            .map(|r| r.into_inner())
    }

    pub async fn disconnect(&self, session: &str) -> Result<pb::DisconnectResponse, Status> {
        self.c()
            .disconnect(pb::DisconnectRequest {
                session_id: session.to_owned(),
            })
            .await
            .map(|r| r.into_inner())
    }
}

/// Waits for the next event on the feed (skipping receipts), failing after WAIT.
pub async fn next_event(feed: &mut Feed) -> pb::Event {
    loop {
        match tokio::time::timeout(WAIT, feed.next()).await {
            Err(_) => panic!("no event within {WAIT:?}"),
            Ok(Err(status)) => panic!("stream failed: {status:?}"),
            Ok(Ok(None)) => panic!("stream ended"),
            Ok(Ok(Some(attach_response::Kind::Event(e)))) => return e,
            Ok(Ok(Some(_))) => continue,
        }
    }
}

/// Waits for the first event matching `pred`, returning it and everything skipped before it.
pub async fn event_where(
    feed: &mut Feed,
    pred: impl Fn(&pb::Event) -> bool,
) -> (pb::Event, Vec<pb::Event>) {
    let mut skipped = Vec::new();
    loop {
        let e = next_event(feed).await;
        if pred(&e) {
            return (e, skipped);
        }
        skipped.push(e);
    }
}

/// Sends a command on the feed's stream and waits for its receipt, failing after WAIT; returns
/// the receipt and the events that arrived before it.
pub async fn command(
    feed: &mut Feed,
    request_id: &str,
    kind: pb::command::Kind,
) -> (pb::Receipt, Vec<pb::Event>) {
    feed.command(request_id, kind).await.expect("command sent");
    let mut events = Vec::new();
    loop {
        match tokio::time::timeout(WAIT, feed.next()).await {
            Err(_) => panic!("no receipt for {request_id} within {WAIT:?}"),
            Ok(Err(status)) => panic!("stream failed: {status:?}"),
            Ok(Ok(None)) => panic!("stream ended"),
            Ok(Ok(Some(attach_response::Kind::Receipt(r)))) => {
                assert_eq!(r.request_id, request_id, "receipts come back in order");
                return (r, events);
            }
            Ok(Ok(Some(attach_response::Kind::Event(e)))) => events.push(e),
            Ok(Ok(Some(_))) => {}
        }
    }
}

/// Asserts nothing arrives on the feed for a short while.
pub async fn assert_quiet(feed: &mut Feed, for_: Duration) {
    if let Ok(got) = tokio::time::timeout(for_, feed.next()).await {
        panic!("expected no delivery, got {got:?}");
    }
}

/// Connects `gateway` to `destination` for `caller_id`, with the destination acknowledging from its
/// feed as a real bot would. Returns the open session.
pub async fn open_session(
    gateway: &Term,
    destination: &Term,
    dest_feed: &mut Feed,
    caller_id: &str,
    channel: pb::Channel,
) -> pb::Session {
    let connect = {
        let gateway = gateway.clone();
        let destination = destination.clone();
        let caller_id = caller_id.to_owned();
        tokio::spawn(async move { gateway.connect(&destination, &caller_id, channel).await })
    };
    let (requested, _) = event_where(dest_feed, |e| {
        matches!(e.payload, Some(Payload::SessionRequested(_)))
    })
    .await;
    destination
        .c()
        .acknowledge_connect(pb::AcknowledgeConnectRequest {
            session_id: requested.session_id.clone(),
        })
        .await
        .expect("acknowledge connect");
    let session = connect.await.expect("join").expect("connect");
    assert_eq!(session.id, requested.session_id);
    session
}

pub fn code(r: Result<impl std::fmt::Debug, Status>) -> Code {
    match r {
        Ok(v) => panic!("expected an error, got {v:?}"),
        Err(s) => s.code(),
    }
}

/// An event predicate from a payload predicate: `is(|p| matches!(p, Payload::SessionEnded(_)))`.
pub fn is<F: Fn(&Payload) -> bool>(f: F) -> impl Fn(&pb::Event) -> bool {
    move |e| e.payload.as_ref().is_some_and(&f)
}

pub fn body(e: &pb::Event) -> Option<&str> {
    match &e.payload {
        Some(Payload::MessagePosted(m)) => Some(&m.body),
        _ => None,
    }
}

/// Runs each listed test body against SQLite and against Postgres.
#[macro_export]
macro_rules! on_every_backend {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    super::$name($crate::common::Backend::Sqlite).await
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    super::$name($crate::common::Backend::Postgres).await
                }
            )*
        }
    };
}
