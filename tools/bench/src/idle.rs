//! Idle attached terminals: N terminals registered through the admin API, then a fresh server
//! process (so that the allocator holds nothing from earlier phases) whose RSS is read before and
//! after all N attach, many Attach streams multiplexed per HTTP/2 connection.

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use handoff::client::{BoxError, Feed};
use handoff::pb;
use serde::Serialize;
use tokio::sync::Semaphore;
use tonic::transport::Channel;

use crate::fixtures::{self, terminal_client};
use crate::server::ServerProc;
use crate::stats::{Cpu, CpuUsage, fd_count, fmt_int, now_us, status_kib};

#[derive(Serialize)]
pub struct Idle {
    pub terminals: usize,
    pub attached: usize,
    pub attach_errors: u64,
    pub first_error: Option<String>,
    pub streams_per_connection: usize,
    pub connections: usize,
    pub register_s: f64,
    pub attach_s: f64,
    pub rss_before_kib: u64,
    pub rss_after_kib: u64,
    pub kib_per_terminal: f64,
    pub server_fds: Option<usize>,
    pub bench_rss_kib: Option<u64>,
    /// The server and Postgres while all N sit attached and idle.
    pub idle_cpu: CpuUsage,
    pub settle_s: f64,
}

impl Idle {
    pub fn lines(&self) -> Vec<String> {
        let mut out = vec![
            format!(
                "{} KiB RSS per attached terminal  (server RSS {} KiB -> {} KiB with {} attached)",
                format_args!("{:.1}", self.kib_per_terminal),
                fmt_int(self.rss_before_kib as f64),
                fmt_int(self.rss_after_kib as f64),
                fmt_int(self.attached as f64)
            ),
            format!(
                "registration {:.1} s ({} terminals/s); attaching {:.1} s ({} streams/s) over {} HTTP/2 connections ({} streams each)",
                self.register_s,
                fmt_int(self.terminals as f64 / self.register_s.max(1e-9)),
                self.attach_s,
                fmt_int(self.attached as f64 / self.attach_s.max(1e-9)),
                self.connections,
                self.streams_per_connection
            ),
            format!(
                "idle for {:.0} s with all attached: {}; server fds {}",
                self.settle_s,
                self.idle_cpu.text(),
                self.server_fds.map_or("?".into(), |n| n.to_string())
            ),
        ];
        if self.attach_errors > 0 {
            out.push(format!(
                "attach errors: {} (first: {})",
                self.attach_errors,
                self.first_error.as_deref().unwrap_or("?")
            ));
        }
        out
    }
}

/// Registers `n` terminals on `server`, stops it, starts a fresh one on the same database and
/// attaches them all. Returns the measurements and the fresh server.
pub async fn run(
    server: ServerProc,
    bin: &Path,
    database_url: &str,
    extra_args: &[String],
    n: usize,
    per_connection: usize,
    settle: Duration,
) -> Result<(Idle, ServerProc), BoxError> {
    // 1. Registration, 64 calls in flight over 8 connections.
    let t0 = now_us();
    let mut admins = Vec::new();
    for _ in 0..8 {
        admins.push(server.admin().await?);
    }
    let names = (0..n)
        .map(|i| (format!("idle-{i}"), pb::TerminalKind::Agent))
        .collect();
    let creds = fixtures::register(&admins, names, 64).await?;
    let register_s = (now_us() - t0) as f64 / 1e6;
    drop(admins);
    eprintln!(
        "  registered {n} terminals in {register_s:.1} s; restarting the server for a clean RSS baseline"
    );

    // 2. A fresh server process on the same database.
    let log = server.log.clone();
    server.stop(Duration::from_secs(30)).await?;
    let server = ServerProc::start(bin, database_url, extra_args, log).await?;
    tokio::time::sleep(Duration::from_secs(2)).await;
    let rss_before_kib = server.rss_kib().ok_or("cannot read the server's VmRSS")?;

    // 3. Attach all, `per_connection` streams per HTTP/2 connection, 256 attaches in flight.
    let t1 = now_us();
    let connections = n.div_ceil(per_connection.max(1));
    let mut channels: Vec<Channel> = Vec::with_capacity(connections);
    for _ in 0..connections {
        channels.push(fixtures::channel(&server.url).await?);
    }
    let sem = Arc::new(Semaphore::new(256));
    let mut tasks = Vec::with_capacity(n);
    for (i, (_, token)) in creds.into_iter().enumerate() {
        let channel = channels[i / per_connection.max(1)].clone();
        let permit = sem.clone().acquire_owned().await?;
        tasks.push(tokio::spawn(async move {
            let _permit = permit;
            let mut client = terminal_client(channel, &token).map_err(|e| e.to_string())?;
            let mut last = String::new();
            for attempt in 0..3 {
                match Feed::open(&mut client, Vec::new()).await {
                    Ok(feed) => return Ok(feed),
                    Err(s) => {
                        last = format!("{:?}: {}", s.code(), s.message());
                        tokio::time::sleep(Duration::from_millis(100 << attempt)).await;
                    }
                }
            }
            Err(last)
        }));
    }
    let mut feeds = Vec::with_capacity(n);
    let mut attach_errors = 0u64;
    let mut first_error = None;
    for t in tasks {
        match t.await? {
            Ok(feed) => feeds.push(feed),
            Err(e) => {
                attach_errors += 1;
                first_error.get_or_insert(e);
            }
        }
    }
    let attach_s = (now_us() - t1) as f64 / 1e6;
    eprintln!(
        "  attached {} of {n} in {attach_s:.1} s; idling {settle:?}",
        feeds.len()
    );

    // 4. Let them sit (presence heartbeats run meanwhile), then read RSS.
    let cpu0 = Cpu::snapshot(Some(server.pid));
    tokio::time::sleep(settle).await;
    let idle_cpu = cpu0.usage(&Cpu::snapshot(Some(server.pid)));
    let rss_after_kib = server.rss_kib().ok_or("cannot read the server's VmRSS")?;
    let attached = feeds.len();
    let idle = Idle {
        terminals: n,
        attached,
        attach_errors,
        first_error,
        streams_per_connection: per_connection,
        connections,
        register_s,
        attach_s,
        rss_before_kib,
        rss_after_kib,
        kib_per_terminal: (rss_after_kib as f64 - rss_before_kib as f64) / attached.max(1) as f64,
        server_fds: fd_count(server.pid),
        bench_rss_kib: status_kib(crate::stats::self_pid(), "VmRSS"),
        idle_cpu,
        settle_s: settle.as_secs_f64(),
    };
    drop(feeds);
    drop(channels);
    Ok((idle, server))
}
