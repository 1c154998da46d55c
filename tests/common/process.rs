//! Servers as separate processes (so a test can SIGTERM or kill -9 them and start them again on
//! the same port and database), terminals registered through the `handoff admin` command, and a
//! TCP relay in front of servers that a test can cut, like a load balancer losing its connections.

use std::net::SocketAddr;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::net::{TcpListener, TcpStream};
use tokio::task::AbortHandle;

/// The `handoff` binary cargo built for the integration tests.
pub fn handoff_bin() -> &'static str {
    env!("CARGO_BIN_EXE_handoff")
}

/// A free port on 127.0.0.1 (bound and released: a server started right after gets it).
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .unwrap_or_else(|e| panic!("no free port: {e}"))
}

/// A `handoff serve` process on a fixed port and database.
pub struct ServerProcess {
    pub addr: SocketAddr,
    pub database_url: String,
    extra: Vec<String>,
    child: Option<Child>,
}

impl ServerProcess {
    /// Starts a server on a free port and waits until it accepts connections.
    pub async fn start(database_url: &str, extra: &[&str]) -> ServerProcess {
        let addr: SocketAddr = format!("127.0.0.1:{}", free_port())
            .parse()
            .unwrap_or_else(|e| panic!("address: {e}"));
        let mut s = ServerProcess {
            addr,
            database_url: database_url.to_owned(),
            extra: extra.iter().map(|e| e.to_string()).collect(),
            child: None,
        };
        s.restart().await;
        s
    }

    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Starts the process again (same port, same database) and waits until it listens.
    pub async fn restart(&mut self) {
        assert!(self.child.is_none(), "the server is still running");
        let child = Command::new(handoff_bin())
            .args(["serve", "--listen", &self.addr.to_string()])
            .args(["--database-url", &self.database_url])
            .args(&self.extra)
            // HANDOFF_TEST_SERVER_LOG=debug shows what a server process did.
            .env(
                "RUST_LOG",
                std::env::var("HANDOFF_TEST_SERVER_LOG").unwrap_or_else(|_| "warn".into()),
            )
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap_or_else(|e| panic!("start {}: {e}", handoff_bin()));
        self.child = Some(child);
        let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
        while TcpStream::connect(self.addr).await.is_err() {
            assert!(
                tokio::time::Instant::now() < deadline,
                "the server did not listen on {} within 30 s",
                self.addr
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Sends `signal` ("TERM", "KILL") and waits for the process to exit. The wait polls rather
    /// than blocks: a blocked runtime thread can starve the test's own clients, whose connections
    /// a gracefully stopping server waits for.
    pub async fn signal(&mut self, signal: &str) {
        let Some(mut child) = self.child.take() else {
            return;
        };
        let status = Command::new("kill")
            .args([&format!("-{signal}"), &child.id().to_string()])
            .status()
            .unwrap_or_else(|e| panic!("kill: {e}"));
        assert!(status.success(), "kill -{signal} failed");
        let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
        while child.try_wait().ok().flatten().is_none() {
            assert!(
                tokio::time::Instant::now() < deadline,
                "the server did not exit within 30 s of SIGTERM/SIGKILL"
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// Registers a terminal through `handoff admin` on this server's database; returns its id
    /// and token.
    pub fn register(&self, name: &str, kind: &str, groups: &[&str]) -> (String, String) {
        register(&self.database_url, name, kind, groups)
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// Registers a terminal through `handoff admin` on `database_url`; returns its id and token.
pub fn register(database_url: &str, name: &str, kind: &str, groups: &[&str]) -> (String, String) {
    let mut cmd = Command::new(handoff_bin());
    cmd.args(["admin", "--database-url", database_url, "create-terminal"])
        .args(["--name", name, "--kind", kind, "--display-name", name])
        .args(["--export-as", "T"]);
    for g in groups {
        cmd.args(["--group", g]);
    }
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("handoff admin: {e}"));
    assert!(
        out.status.success(),
        "handoff admin create-terminal failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    let value = |key: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(&format!("export {key}=")))
            .map(str::to_owned)
            .unwrap_or_else(|| panic!("no {key} in {text:?}"))
    };
    (value("T_ID"), value("T_TOKEN"))
}

/// A TCP relay to the first of its upstreams that accepts a connection: what a load balancer
/// does for clients of several replicas. `cut` drops every relayed connection at once.
pub struct Relay {
    pub addr: SocketAddr,
    connections: Arc<Mutex<Vec<AbortHandle>>>,
    accept: AbortHandle,
}

impl Relay {
    pub async fn start(upstreams: Vec<SocketAddr>) -> Relay {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .unwrap_or_else(|e| panic!("relay bind: {e}"));
        let addr = listener
            .local_addr()
            .unwrap_or_else(|e| panic!("relay addr: {e}"));
        let connections: Arc<Mutex<Vec<AbortHandle>>> = Arc::default();
        let tracked = connections.clone();
        let accept = tokio::spawn(async move {
            while let Ok((mut inbound, _)) = listener.accept().await {
                let upstreams = upstreams.clone();
                let task = tokio::spawn(async move {
                    for up in &upstreams {
                        if let Ok(mut outbound) = TcpStream::connect(up).await {
                            let _ = outbound.set_nodelay(true);
                            let _ = inbound.set_nodelay(true);
                            let _ =
                                tokio::io::copy_bidirectional(&mut inbound, &mut outbound).await;
                            return;
                        }
                    }
                });
                let mut all = tracked.lock().unwrap_or_else(|p| p.into_inner());
                all.retain(|h| !h.is_finished());
                all.push(task.abort_handle());
            }
        })
        .abort_handle();
        Relay {
            addr,
            connections,
            accept,
        }
    }

    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Drops every connection relayed so far (clients see their streams and calls break).
    pub fn cut(&self) {
        for h in self
            .connections
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .drain(..)
        {
            h.abort();
        }
    }
}

impl Drop for Relay {
    fn drop(&mut self) {
        self.accept.abort();
        self.cut();
    }
}
