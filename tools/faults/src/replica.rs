//! One `handoff serve` child process on a fixed loopback port, which can be killed and restarted.

use std::fs::OpenOptions;
use std::io;
use std::path::PathBuf;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::Duration;

use tonic::transport::Endpoint;
use tonic_health::pb::{
    HealthCheckRequest, health_check_response::ServingStatus, health_client::HealthClient,
};

use handoff_pg_cluster::free_port;

/// How to run a replica.
#[derive(Debug, Clone)]
pub struct ReplicaConfig {
    /// The `handoff` binary.
    pub binary: PathBuf,
    pub database_url: String,
    pub admin_token: String,
    pub connect_timeout: Duration,
    pub offer_timeout: Duration,
    pub handoff_grace: Duration,
    pub sweep_interval: Duration,
    pub database_max_connections: u32,
    /// The replicas' `--catch-up-interval`; None: the server's default.
    pub catch_up_interval: Option<Duration>,
    /// stdout and stderr of every run are appended here.
    pub log: PathBuf,
}

/// A `handoff serve` child process. Its port is chosen once and kept across restarts, so clients
/// reconnect to the same address. Killed on drop.
pub struct Replica {
    config: ReplicaConfig,
    port: u16,
    child: Option<Child>,
}

impl Replica {
    /// Starts the process (returns at once; see [`Replica::wait_ready`]).
    pub fn spawn(config: ReplicaConfig) -> io::Result<Replica> {
        let mut r = Replica {
            config,
            port: free_port()?,
            child: None,
        };
        r.restart()?;
        Ok(r)
    }

    /// `http://127.0.0.1:PORT`.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// SIGKILL (what `Child::kill` sends on Unix), and reaps the process.
    pub fn kill9(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    /// Kills the process if it runs, and starts it again on the same port.
    pub fn restart(&mut self) -> io::Result<()> {
        self.kill9();
        let log = OpenOptions::new()
            .create(true)
            .append(true)
            .open(&self.config.log)?;
        let c = &self.config;
        let ms = |d: Duration| format!("{}ms", d.as_millis());
        let child = Command::new(&c.binary)
            .arg("serve")
            .args(["--listen", &format!("127.0.0.1:{}", self.port)])
            .args(["--database-url", &c.database_url])
            .args(["--admin-token", &c.admin_token])
            .args(["--connect-timeout", &ms(c.connect_timeout)])
            .args(["--offer-timeout", &ms(c.offer_timeout)])
            .args(["--handoff-grace", &ms(c.handoff_grace)])
            .args(["--sweep-interval", &ms(c.sweep_interval)])
            .args([
                "--database-max-connections",
                &c.database_max_connections.to_string(),
            ])
            .args(
                c.catch_up_interval
                    .iter()
                    .flat_map(|d| ["--catch-up-interval".to_owned(), ms(*d)]),
            )
            .env(
                "RUST_LOG",
                std::env::var("HANDOFF_FAULTS_SERVER_LOG").unwrap_or_else(|_| "info".into()),
            )
            .stdin(Stdio::null())
            .stdout(log.try_clone()?)
            .stderr(log)
            .spawn()?;
        self.child = Some(child);
        Ok(())
    }

    /// Whether a process is meant to be running (not killed by us).
    pub fn is_running(&self) -> bool {
        self.child.is_some()
    }

    /// The exit status if the process ended without being killed by us (then it is forgotten).
    pub fn exited(&mut self) -> Option<ExitStatus> {
        let status = self.child.as_mut()?.try_wait().ok()??;
        self.child = None;
        Some(status)
    }

    /// Waits until the gRPC health check answers SERVING; fails when the process exits first or
    /// `timeout` passes.
    pub async fn wait_ready(&mut self, timeout: Duration) -> Result<(), String> {
        let until = tokio::time::Instant::now() + timeout;
        let endpoint = Endpoint::from_shared(self.url())
            .map_err(|e| e.to_string())?
            .connect_timeout(Duration::from_millis(500));
        loop {
            if let Some(status) = self.exited() {
                return Err(format!("replica {} exited: {status}", self.url()));
            }
            let check = async {
                let channel = endpoint.connect().await.ok()?;
                let reply = HealthClient::new(channel)
                    .check(HealthCheckRequest {
                        service: "handoff.v1.TerminalService".into(),
                    })
                    .await
                    .ok()?;
                Some(reply.into_inner().status() == ServingStatus::Serving)
            };
            if let Ok(Some(true)) = tokio::time::timeout(Duration::from_secs(1), check).await {
                return Ok(());
            }
            if tokio::time::Instant::now() >= until {
                return Err(format!(
                    "replica {} not ready within {timeout:?}",
                    self.url()
                ));
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
}

impl Drop for Replica {
    fn drop(&mut self) {
        self.kill9();
    }
}
