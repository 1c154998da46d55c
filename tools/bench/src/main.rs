//! `handoff-bench`: measures a real `handoff serve` process on Postgres against Postgres's own
//! ceilings, measured in the same run on the same database, and prints a table (and one JSON line).
//! The server is a child process (the `handoff` binary beside this one); the bench talks to it
//! through `handoff::client` and the generated `handoff::pb`, as any terminal would.
//!
//! Sections: `baselines` (naive and batched INSERT rates), `messages` (S sessions, both parties
//! sending: persisted-and-delivered messages/s and send→deliver latency at peak and at half of
//! peak; lost and duplicated messages), `busy` (one session, both parties pipelining), `transfers`
//! (complete transfers/s and latency), `idle` (server RSS per idle attached terminal), `ops` (what
//! Prometheus metrics and per-terminal rate limits cost: the stream transport's messages/s with and
//! without them, alternately in the same run), `routing` (sessions routed through a group's waiting
//! queue per strategy, against transfers made straight to an agent in the same run). The ratios
//! and the targets close the report.
//!
//! Open files: the idle section holds one HTTP/2 connection per `--streams-per-connection`
//! attached terminals. When this process's soft RLIMIT_NOFILE is lower than it needs, it re-runs
//! itself once through `sh -c 'ulimit -n …; exec …'` (there is no libc dependency to call
//! setrlimit); the server child is started the same way with a limit of 200,000.

mod baseline;
mod commits;
mod fixtures;
mod idle;
mod json;
mod messages;
mod ops;
mod routing;
mod server;
mod stats;
mod transfers;

use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use clap::{Parser, ValueEnum};
use handoff::client::BoxError;
use handoff::pb;
use prost::Message as _;
use serde::Serialize;

use json::Keyed;
use server::{BenchDb, ServerProc};
use stats::{fmt_int, fmt_ms};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Section {
    Baselines,
    Messages,
    Busy,
    Transfers,
    Idle,
    Ops,
    Routing,
}

#[derive(Debug, Clone, Parser)]
#[command(
    name = "handoff-bench",
    about = "Benchmarks a handoff server on Postgres against Postgres's own INSERT ceilings, measured in the same run.",
    after_help = "Run it as `cargo run --release --bin handoff-bench`: it builds and starts \
                  target/release/handoff itself. Needs PostgreSQL (trust auth) at --postgres-url; \
                  creates and drops a database of its own. See BENCHMARKS.md."
)]
pub struct Args {
    /// Which sections to run, comma-separated.
    #[arg(
        long,
        value_enum,
        value_delimiter = ',',
        default_value = "baselines,messages,busy,transfers,idle,ops,routing"
    )]
    pub sections: Vec<Section>,
    /// Concurrent sessions in the messages section (each has a gateway and a bot, both sending),
    /// and parallel sessions in the transfers section.
    #[arg(long, default_value_t = 64)]
    pub sessions: usize,
    /// Measured time of each phase (each baseline, each load level, the busy session, transfers).
    #[arg(long, default_value = "10s", value_parser = duration_flag)]
    pub duration: Duration,
    /// Un-measured ramp-up before each service phase.
    #[arg(long, default_value = "1s", value_parser = duration_flag)]
    pub warmup: Duration,
    /// Idle attached terminals in the idle section.
    #[arg(long, default_value_t = 50_000)]
    pub idle_terminals: usize,
    /// Attach streams per HTTP/2 connection in the idle section.
    #[arg(long, default_value_t = 128)]
    pub streams_per_connection: usize,
    /// How long the idle terminals sit attached before the RSS is read.
    #[arg(long, default_value = "5s", value_parser = duration_flag)]
    pub idle_settle: Duration,
    /// Admin URL of the Postgres server; the run creates (and drops) a database of its own there.
    #[arg(long, default_value = "postgres://postgres@127.0.0.1:5432/postgres")]
    pub postgres_url: String,
    /// Also write the JSON report to this file.
    #[arg(long)]
    pub json_out: Option<PathBuf>,
    /// Closed-loop levels: Message calls in flight per sender; the peak is the best of them
    /// (levels stop after two in a row fall below 90 % of the best).
    #[arg(long, value_delimiter = ',', default_value = "1,2,4,8,16,32")]
    pub inflight: Vec<usize>,
    /// Open-loop loads after the closed-loop levels, in percent of the peak: each paced evenly
    /// over the senders. The target "p99 at half of peak" reads the 50 % one; lower loads show
    /// where latency stops being queueing.
    #[arg(long, value_delimiter = ',', default_value = "50,25,10")]
    pub open_loads: Vec<u32>,
    /// How the parties send in the messages, busy and transfers sections, each measured in turn:
    /// `unary` (one call per message or transfer step) and `stream` (commands on the party's own
    /// Attach stream, messages pipelined). Targets use the better.
    #[arg(
        long,
        value_enum,
        value_delimiter = ',',
        default_value = "unary,stream"
    )]
    pub transports: Vec<messages::Transport>,
    /// In-flight messages per party in the busy-session section.
    #[arg(long, default_value_t = 8)]
    pub busy_inflight: usize,
    /// Transfers per session before it is ended and a new one opened.
    #[arg(long, default_value_t = 16, value_parser = at_least_one)]
    pub chain: usize,
    /// Message body size in bytes.
    #[arg(long, default_value_t = 64)]
    pub body_bytes: usize,
    /// Baseline connections: default 2 × --sessions (the message section's senders), capped by
    /// what the Postgres server has free (max_connections - in use - 20).
    #[arg(long)]
    pub baseline_connections: Option<usize>,
    /// Rounds of the ops section: each measures the server as started by default (A) and with
    /// metrics and rate limits on (B), each on a fresh database and server.
    #[arg(long, default_value_t = 2)]
    pub ops_rounds: usize,
    /// Agents in the routing section: one group, each agent with --routing-capacity seats.
    #[arg(long, default_value_t = 8, value_parser = at_least_one)]
    pub routing_agents: usize,
    /// Sessions each agent of the routing section may hold at once (SetTerminalCapacity).
    #[arg(long, default_value_t = 2, value_parser = clap::value_parser!(u32).range(1..=10_000))]
    pub routing_capacity: u32,
    /// Sessions the routing section's bots keep transferred to the group at once; more than the
    /// seats (agents × capacity), so that transfers wait in the queue. Default: twice the seats.
    #[arg(long)]
    pub routing_sessions: Option<usize>,
    /// How long an agent of the routing section holds a session before it disconnects (0: as
    /// soon as it holds it, so that every step of a seat's turn is the server's work).
    #[arg(long, default_value = "0s", value_parser = duration_flag)]
    pub routing_hold: Duration,
    /// The group strategies the routing section measures, each against the same run's baseline.
    #[arg(
        long,
        value_enum,
        value_delimiter = ',',
        default_value = "broadcast,longest_idle,least_loaded"
    )]
    pub routing_strategies: Vec<routing::Strategy>,
    /// Message commands in flight per sender in the ops section (stream transport, closed loop);
    /// 16 is where the stream peak lies on the reference machine (BENCHMARKS.md).
    #[arg(long, default_value_t = 16)]
    pub ops_inflight: usize,
    /// The server binary (default: `handoff` next to this executable).
    #[arg(long)]
    pub server_bin: Option<PathBuf>,
    /// An extra argument for `handoff serve` (repeat for several), e.g.
    /// `--server-arg=--database-max-connections=32`.
    #[arg(long = "server-arg", allow_hyphen_values = true)]
    pub server_args: Vec<String>,
    /// Start the servers of the messages, busy, transfers and routing sections without
    /// `--metrics-listen` (by default each gets one on a free port, scraped before and after every
    /// measured phase for the group commits' round trips); the report then has no such figures.
    #[arg(long)]
    pub no_server_metrics: bool,
}

impl Args {
    fn has(&self, s: Section) -> bool {
        self.sections.contains(&s)
    }

    /// Seats of the routing section (agents × capacity).
    pub fn routing_seats(&self) -> usize {
        self.routing_agents * self.routing_capacity as usize
    }

    /// Sessions the routing section's bots keep in flight.
    pub fn routing_sessions(&self) -> usize {
        self.routing_sessions
            .unwrap_or(2 * self.routing_seats())
            .max(1)
    }

    /// Open files the bench needs: one per HTTP/2 connection, plus slack.
    pub fn files_needed(&self) -> u64 {
        let idle = if self.has(Section::Idle) {
            self.idle_terminals
                .div_ceil(self.streams_per_connection.max(1))
        } else {
            0
        };
        // A gateway and two bots per session in flight, and the agents.
        let routing = if self.has(Section::Routing) {
            3 * self.routing_sessions().max(self.routing_seats()) + self.routing_agents
        } else {
            0
        };
        (idle + routing + 6 * self.sessions + 1024) as u64
    }
}

/// A duration flag: humantime's forms (`500ms`, `5s`, `2m`, `1h 30m`) or a bare number of seconds.
fn duration_flag(s: &str) -> Result<Duration, String> {
    let s = s.trim();
    humantime::parse_duration(s).or_else(|e| {
        s.parse::<f64>()
            .ok()
            .and_then(|seconds| Duration::try_from_secs_f64(seconds).ok())
            .ok_or_else(|| format!("{s:?} is not a duration like 500ms, 10s or 2m: {e}"))
    })
}

/// A count of 1 or more.
fn at_least_one(s: &str) -> Result<usize, String> {
    match s.trim().parse::<usize>() {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err(format!("{s:?} is not a whole number of at least 1")),
    }
}

/// Prints a finished message phase's rate and latency; returns its lost messages.
fn reported(p: &messages::Phase) -> u64 {
    progress(format!(
        "  -> {} msg/s, {}",
        fmt_int(p.rate),
        p.latency.summary()
    ));
    p.lost
}

/// The messages section's best transport: its peak and its open-loop latencies.
struct BestTransport {
    rate: f64,
    inflight: usize,
    half_p99: Option<f64>,
    p99_by_load: String,
    transport: messages::Transport,
}

/// One printed block.
struct Block {
    title: String,
    how: Vec<String>,
    rows: Vec<String>,
}

impl Block {
    fn new(title: impl Into<String>) -> Block {
        Block {
            title: title.into(),
            how: Vec::new(),
            rows: Vec::new(),
        }
    }

    fn print(&self) {
        println!();
        println!("== {}", self.title);
        for h in &self.how {
            println!("   how: {h}");
        }
        for r in &self.rows {
            for line in r.lines() {
                println!("   {line}");
            }
        }
    }
}

fn progress(msg: impl AsRef<str>) {
    eprintln!(
        "[handoff-bench {:>6.1}s] {}",
        stats::now_us() as f64 / 1e6,
        msg.as_ref()
    );
}

/// The machine, for the report's header and its JSON.
#[derive(Serialize)]
struct Machine {
    nproc: usize,
    cpu_model: String,
    memory: String,
    kernel: String,
}

fn machine() -> (Vec<String>, Machine) {
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let model = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|t| {
            t.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split_once(':'))
                .map(|(_, v)| v.trim().to_owned())
        })
        .unwrap_or_else(|| "?".into());
    let free = std::process::Command::new("free")
        .arg("-h")
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .unwrap_or_default();
    let mem = free
        .lines()
        .find(|l| l.starts_with("Mem:"))
        .map(|l| l.split_whitespace().collect::<Vec<_>>())
        .map(|f| {
            format!(
                "{} total, {} available",
                f.get(1).unwrap_or(&"?"),
                f.get(6).unwrap_or(&"?")
            )
        })
        .unwrap_or_else(|| "?".into());
    let kernel = std::fs::read_to_string("/proc/sys/kernel/osrelease")
        .map(|s| s.trim().to_owned())
        .unwrap_or_default();
    (
        vec![
            format!("cpu: {cores} cores (nproc), {model}"),
            format!("memory (free -h): {mem}"),
            format!("kernel: Linux {kernel}"),
        ],
        Machine {
            nproc: cores,
            cpu_model: model,
            memory: mem,
            kernel,
        },
    )
}

/// The encoded size of a MessagePosted event as the service stores it (payload column).
fn service_payload_bytes(body_bytes: usize) -> usize {
    let id = uuid::Uuid::now_v7().to_string();
    pb::Event {
        session_id: id.clone(),
        seq: 1234,
        time: Some(prost_types::Timestamp {
            seconds: 1_700_000_000,
            nanos: 123_456_789,
        }),
        author_terminal_id: id.clone(),
        payload: Some(pb::event::Payload::MessagePosted(pb::MessagePosted {
            body: "x".repeat(body_bytes),
            destination_terminal_id: id,
        })),
    }
    .encoded_len()
}

/// Under `cargo run` (which builds only this binary), builds the `handoff` binary beside it with
/// the same profile first, so that the server measured is the current source, not a stale build.
/// The server is a package of its own in the workspace: the build goes through the workspace's
/// manifest (its default members, as `cargo run --bin handoff-bench` at the root selects them, so
/// both builds resolve the same features and share their artifacts).
fn build_server_if_under_cargo(bin: &std::path::Path) -> Result<(), BoxError> {
    let (Some(cargo), Some(manifest)) = (
        std::env::var_os("CARGO"),
        std::env::var_os("CARGO_MANIFEST_PATH"),
    ) else {
        return Ok(());
    };
    let profile = bin
        .parent()
        .and_then(|d| d.file_name())
        .and_then(|n| n.to_str())
        .unwrap_or("");
    let located = std::process::Command::new(&cargo)
        .args(["locate-project", "--workspace", "--message-format", "plain"])
        .arg("--manifest-path")
        .arg(&manifest)
        .output()?;
    if !located.status.success() {
        return Err(format!(
            "cargo locate-project failed ({}): {}",
            located.status,
            String::from_utf8_lossy(&located.stderr)
        )
        .into());
    }
    let workspace = String::from_utf8(located.stdout)?.trim().to_owned();
    let mut cmd = std::process::Command::new(cargo);
    cmd.arg("build").arg("--manifest-path").arg(workspace);
    // Without what `cargo run` set for this process (CARGO_PKG_NAME, CARGO_MANIFEST_DIR, …):
    // build scripts that read those (ring's) would otherwise see them change and run again, here
    // and in the next ordinary build.
    for (name, _) in std::env::vars_os() {
        if name.to_str().is_some_and(|n| {
            n.starts_with("CARGO_PKG_")
                || n.starts_with("CARGO_MANIFEST_")
                || [
                    "CARGO_CRATE_NAME",
                    "CARGO_BIN_NAME",
                    "CARGO_PRIMARY_PACKAGE",
                ]
                .contains(&n)
        }) {
            cmd.env_remove(name);
        }
    }
    match profile {
        "release" => {
            cmd.arg("--release");
        }
        "debug" => {}
        _ => return Ok(()),
    }
    cmd.args(["--bin", "handoff"]);
    let args: Vec<_> = cmd.get_args().map(|a| a.to_string_lossy()).collect();
    progress(format!("building the server: cargo {}", args.join(" ")));
    let status = cmd.status()?;
    if !status.success() {
        return Err(format!("building the server failed ({status})").into());
    }
    Ok(())
}

/// One of the targets the report closes with.
#[derive(Serialize)]
struct Target {
    #[serde(rename = "target")]
    name: &'static str,
    goal: String,
    value: Option<f64>,
    #[serde(skip)]
    shown: String,
    met: Option<bool>,
    note: String,
}

/// The JSON report: one line at the end of the run (and in `--json-out`).
#[derive(Serialize)]
struct Report {
    #[serde(flatten)]
    sections: SectionsReport,
    machine: Machine,
    postgres: Keyed<String, String>,
    run_seconds: f64,
    loadavg_start: String,
    max_other_cores: f64,
}

/// What the sections measured; a section that did not run has no key.
#[derive(Serialize)]
struct SectionsReport {
    bench: &'static str,
    version: u64,
    config: ConfigReport,
    #[serde(skip_serializing_if = "Option::is_none")]
    baselines: Option<BaselinesReport>,
    #[serde(skip_serializing_if = "Option::is_none")]
    messages: Option<MessagesReport>,
    #[serde(skip_serializing_if = "Option::is_none")]
    busy: Option<BusyReport>,
    #[serde(skip_serializing_if = "Option::is_none")]
    transfers: Option<Keyed<&'static str, transfers::Transfers>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    idle: Option<idle::Idle>,
    server: ServerReport,
    #[serde(skip_serializing_if = "Option::is_none")]
    ops: Option<ops::Ops>,
    #[serde(skip_serializing_if = "Option::is_none")]
    routing: Option<routing::Routing>,
    ratios: Ratios,
    targets: Vec<Target>,
}

#[derive(Serialize)]
struct ConfigReport {
    sections: Vec<Section>,
    sessions: usize,
    duration_s: f64,
    warmup_s: f64,
    idle_terminals: usize,
    inflight_levels: Vec<usize>,
    open_loads_pct: Vec<u32>,
    busy_inflight: usize,
    chain: usize,
    body_bytes: usize,
    ops_rounds: usize,
    ops_inflight: usize,
    routing_agents: usize,
    routing_capacity: u32,
    routing_sessions: usize,
    routing_hold_ms: f64,
    routing_strategies: Vec<routing::Strategy>,
    server_args: Vec<String>,
    /// Whether the messages, busy, transfers and routing servers had their metrics scraped.
    server_metrics: bool,
}

#[derive(Serialize)]
struct BaselinesReport {
    naive_c1: baseline::Baseline,
    naive: baseline::Baseline,
    batched: baseline::Baseline,
}

#[derive(Serialize)]
struct MessagesReport {
    sessions: usize,
    senders: usize,
    setup_s: f64,
    transports: Vec<TransportReport>,
    peak_msgs_per_sec: f64,
    peak_transport: messages::Transport,
    lost: u64,
    feed_duplicates: u64,
    feed_reordered: u64,
    log: messages::LogCheck,
}

/// One transport of the messages section: every closed-loop level, the best of them, and the
/// open-loop loads.
#[derive(Serialize)]
struct TransportReport {
    transport: messages::Transport,
    levels: Vec<messages::Phase>,
    peak: messages::Phase,
    peak_msgs_per_sec: f64,
    open: Vec<OpenLoadReport>,
}

#[derive(Serialize)]
struct OpenLoadReport {
    load_pct: u32,
    phase: messages::Phase,
}

#[derive(Serialize)]
struct BusyReport {
    transports: Vec<messages::Phase>,
    feed_duplicates: u64,
    log: messages::LogCheck,
}

#[derive(Serialize)]
struct ServerReport {
    rss_start_kib: Option<u64>,
    rss_after_load_kib: Option<u64>,
    hwm_kib: Option<u64>,
    log_warnings: usize,
    log_errors: usize,
    log_first_problem: Option<String>,
}

#[derive(Serialize)]
struct Ratios {
    service_over_naive: Option<f64>,
    service_over_batched: Option<f64>,
    naive_connections: Option<usize>,
}

/// Runs the benchmark; prints the report on stdout, progress on stderr.
pub async fn run(args: Args) -> Result<(), BoxError> {
    let started = Instant::now();
    stats::now_us();
    let bin = match &args.server_bin {
        Some(b) => b.clone(),
        None => {
            let bin = server::default_server_bin()?;
            build_server_if_under_cargo(&bin)?;
            bin
        }
    };
    let (machine_lines, machine_json) = machine();
    let pg_facts = server::postgres_facts(&args.postgres_url).await?;
    let load_start = stats::loadavg();
    let mut db = BenchDb::create(&args.postgres_url).await?;
    stats::set_bench_database(&db.name);
    progress(format!("database {} created", db.name));
    let log = std::env::temp_dir().join(format!("{}.server.log", db.name));
    let result = run_sections(&args, &bin, &db, &log).await;
    let dropped = db.drop_now().await;
    progress(format!("database {} dropped", db.name));
    let (blocks, sections) = result?;
    dropped?;

    let elapsed = started.elapsed().as_secs_f64();
    let mut header = Block::new("handoff-bench");
    header.rows.extend(machine_lines.iter().cloned());
    for (k, v) in &pg_facts {
        header.rows.push(format!("postgres {k}: {v}"));
    }
    header.rows.push(format!(
        "server: {} serve {} (a child process; log {})",
        bin.display(),
        args.server_args.join(" "),
        log.display()
    ));
    if !args.no_server_metrics {
        header.rows.push(
            "the servers of the messages, busy, transfers and routing sections also get --metrics-listen on a free port \
             (unless --server-arg names one); their /metrics is scraped just before and just after every \
             measured phase: group commits = Δ handoff_group_commit_writes_count, round trips per commit = \
             Δ handoff_group_commit_round_trips_total (read + keys + write) / group commits"
                .into(),
        );
    }
    header.rows.push(format!(
        "load average (1 min) at start {load_start}, at end {}; \"cores busy\" lines split CPU between the \
         server, Postgres (backends of the bench database + the cluster's WAL writer, checkpointer, ...), this \
         client and everything else on the machine",
        stats::loadavg()
    ));
    header.rows.push(format!(
        "command: {}",
        std::env::args().collect::<Vec<_>>().join(" ")
    ));
    let other = stats::max_other_cores();
    if other > 0.25 {
        header.rows.push(format!(
            "WARNING: other processes on this machine used up to {other:.2} cores during a measured phase: \
             the numbers below are depressed and noisy; rerun on a quiet machine to compare runs"
        ));
    }
    header.print();
    for b in &blocks {
        b.print();
    }
    println!();
    println!("run time: {elapsed:.0} s");
    let report = Report {
        sections,
        machine: machine_json,
        postgres: Keyed(pg_facts),
        run_seconds: elapsed,
        loadavg_start: load_start,
        max_other_cores: stats::max_other_cores(),
    };
    let line = json::to_line(&report)?;
    println!("{line}");
    if let Some(path) = &args.json_out {
        std::fs::write(path, format!("{line}\n"))?;
    }
    Ok(())
}

async fn run_sections(
    args: &Args,
    bin: &std::path::Path,
    db: &BenchDb,
    log: &std::path::Path,
) -> Result<(Vec<Block>, SectionsReport), BoxError> {
    let mut blocks = Vec::new();
    let config = ConfigReport {
        sections: args.sections.clone(),
        sessions: args.sessions,
        duration_s: args.duration.as_secs_f64(),
        warmup_s: args.warmup.as_secs_f64(),
        idle_terminals: args.idle_terminals,
        inflight_levels: args.inflight.clone(),
        open_loads_pct: args.open_loads.clone(),
        busy_inflight: args.busy_inflight,
        chain: args.chain,
        body_bytes: args.body_bytes,
        ops_rounds: args.ops_rounds,
        ops_inflight: args.ops_inflight,
        routing_agents: args.routing_agents,
        routing_capacity: args.routing_capacity,
        routing_sessions: args.routing_sessions(),
        routing_hold_ms: args.routing_hold.as_secs_f64() * 1000.0,
        routing_strategies: args.routing_strategies.clone(),
        server_args: args.server_args.clone(),
        server_metrics: !args.no_server_metrics,
    };

    // The server's metrics, scraped around the measured phases (not the ops section's A).
    let with_metrics = |server_args: &[String]| -> Result<_, BoxError> {
        if args.no_server_metrics {
            Ok((server_args.to_vec(), None))
        } else {
            commits::server_args(server_args)
        }
    };
    let (srv_args, srv_metrics) = with_metrics(&args.server_args)?;
    let mut srv = ServerProc::start(bin, &db.url, &srv_args, log.to_path_buf()).await?;
    progress(format!(
        "server pid {} at {}{}",
        srv.pid,
        srv.url,
        srv_metrics.map_or(String::new(), |m| format!(
            ", metrics at http://{}/metrics",
            m.addr
        ))
    ));
    let admin = srv.admin().await?;
    let rss_start = srv.rss_kib();

    // 1. Baselines.
    let senders = 2 * args.sessions;
    let mut naive_c: Option<baseline::Baseline> = None;
    let mut batched_c: Option<baseline::Baseline> = None;
    let mut baselines_report = None;
    if args.has(Section::Baselines) {
        let (used, max) = server::connections_in_use(&db.url).await?;
        let free = max.saturating_sub(used).saturating_sub(20) as usize;
        let wanted = args.baseline_connections.unwrap_or(senders);
        let c = wanted.min(free).max(1);
        let mut b = Block::new("1. Postgres baselines (same run, same Postgres, bench database)");
        b.how.push(format!(
            "C connections (sqlx, prepared statements) insert for {:.0} s each into a fresh table with the \
             columns and primary key of the service's `events` table (session_id TEXT, seq BIGINT, kind, author, \
             idempotency_key TEXT, created_ms BIGINT, payload BYTEA of {} bytes; PK (session_id, seq); no FK, no \
             secondary index); autocommit, synchronous_commit as configured",
            args.duration.as_secs_f64(),
            baseline::PAYLOAD_BYTES
        ));
        b.how.push(format!(
            "naive = one single-row INSERT per transaction; batched = one 10-row INSERT per transaction; \
             C = the message section's senders (2 × {} sessions = {senders}){}",
            args.sessions,
            if c < wanted {
                format!(", capped to {c} by Postgres max_connections {max} ({used} in use, 20 kept free)")
            } else {
                String::new()
            }
        ));
        b.how.push(format!(
            "for comparison, the service stores a {}-byte payload per message event (encoded Event with a {}-byte body)",
            service_payload_bytes(args.body_bytes),
            args.body_bytes
        ));
        progress("baseline: naive, C=1");
        let n1 = baseline::run(
            "naive (1 row/tx)",
            &db.url,
            1,
            1,
            args.duration,
            Some(srv.pid),
        )
        .await?;
        b.rows.push(n1.line());
        progress(format!("baseline: naive, C={c}"));
        let nc = baseline::run(
            "naive (1 row/tx)",
            &db.url,
            c,
            1,
            args.duration,
            Some(srv.pid),
        )
        .await?;
        b.rows.push(nc.line());
        progress(format!("baseline: batched, C={c}"));
        let bc = baseline::run(
            "batched (10 rows/tx)",
            &db.url,
            c,
            10,
            args.duration,
            Some(srv.pid),
        )
        .await?;
        b.rows.push(bc.line());
        for x in [&n1, &nc, &bc] {
            b.rows.push(format!(
                "   {:<22} C={:<3} {}",
                x.label,
                x.connections,
                x.cpu.text()
            ));
        }
        naive_c = Some(nc.clone());
        batched_c = Some(bc.clone());
        baselines_report = Some(BaselinesReport {
            naive_c1: n1,
            naive: nc,
            batched: bc,
        });
        blocks.push(b);
    }

    // 2. Messages.
    let mut peak: Option<(f64, usize, messages::Transport)> = None;
    let mut half_p99: Option<f64> = None;
    let mut p99_by_load = String::new();
    let mut msg_lost = 0u64;
    let mut msg_dups = 0u64;
    let mut messages_report = None;
    if args.has(Section::Messages) {
        let mut b = Block::new(format!(
            "2. Messages: {} sessions, gateway and bot both sending ({} senders)",
            args.sessions,
            2 * args.sessions
        ));
        b.how.push(format!(
            "each session has its own gateway and bot terminal, each with its own HTTP/2 connection and Attach feed \
             (acked about once a second); messages carry a {}-byte body and an idempotency key; each transport in turn: \
             unary = one Message call per message, stream = Message commands on the sender's own Attach stream, \
             answered by receipts (pipelined); the targets use the transport with the higher peak",
            args.body_bytes
        ));
        b.how.push(
            "each transport on a fresh database and a fresh server (with the same flags), so that neither inherits \
             the other's events table; the sessions are set up anew for each"
                .into(),
        );
        b.how.push(
            "a message counts when its call (or receipt) returned a seq AND the other party's feed delivered that seq; \
             msg/s = such messages acknowledged inside the window / window; latency = sent (open loop: \
             scheduled) → event handed over by the other party's feed; send→seq = sent → seq returned"
                .into(),
        );
        b.how.push(format!(
            "closed loop: every sender keeps k calls in flight, k in {:?} (stops after two levels in a row below 90 % of the best); {:.0} s \
             warm-up + {:.0} s measured each; then open loop at {:?} % of the peak rate, evenly paced per sender; \
             lost = acknowledged but not delivered 10 s after the phase; duplicated = a seq delivered twice to one \
             feed, or one body stored twice in the log (ListEvents of every session at the end)",
            args.inflight,
            args.warmup.as_secs_f64(),
            args.duration.as_secs_f64(),
            args.open_loads
        ));
        let mut per_transport = Vec::new();
        let mut best_of_all: Option<BestTransport> = None;
        let (mut setup_s, mut feed_duplicates, mut feed_reordered) = (0.0, 0u64, 0u64);
        let mut senders = 2 * args.sessions;
        let mut log = messages::LogCheck::default();
        for &transport in &args.transports {
            let (tsrv_args, tsrv_metrics) = with_metrics(&args.server_args)?;
            let measured = server::on_fresh_server(bin, &args.postgres_url, &tsrv_args, async |tsrv| {
                let tadmin = tsrv.admin().await?;
                progress(format!(
                    "messages ({}): a fresh database and server, setting up {} sessions",
                    transport.name(),
                    args.sessions
                ));
                let mut engine = messages::Engine::setup(
                    &tsrv.url,
                    &tadmin,
                    "msg",
                    args.sessions,
                    args.body_bytes,
                    Some(tsrv.pid),
                )
                .await?;
                engine.scrape_metrics(tsrv_metrics);
                b.rows.push(format!(
                    "{}: {} terminals registered, attached, {} sessions opened in {:.1} s",
                    transport.name(),
                    2 * args.sessions,
                    args.sessions,
                    engine.setup_seconds
                ));
                setup_s += engine.setup_seconds;
                senders = engine.senders();
                let mut phases = Vec::new();
                let mut best: Option<usize> = None;
                for &k in &args.inflight {
                    progress(format!(
                        "messages ({}): closed loop, {k} in flight per sender",
                        transport.name()
                    ));
                    let p = engine
                        .closed_loop(transport, k, args.warmup, args.duration)
                        .await;
                    msg_lost += reported(&p);
                    let rate = p.rate;
                    phases.push(p);
                    match best {
                        Some(i) if rate <= phases[i].rate => {
                            // Two levels in a row clearly below the best: past the peak (one
                            // alone may be noise from other work on the machine).
                            let n = phases.len();
                            if n >= 2
                                && n - 2 != i
                                && phases[n - 2].rate < 0.9 * phases[i].rate
                                && rate < 0.9 * phases[i].rate
                            {
                                break;
                            }
                        }
                        _ => best = Some(phases.len() - 1),
                    }
                }
                let bi = best.ok_or("no closed-loop level ran (--inflight is empty)")?;
                let peak_rate = phases[bi].rate;
                let mut open = Vec::new();
                for &pct in &args.open_loads {
                    let rate = peak_rate * f64::from(pct) / 100.0;
                    progress(format!(
                        "messages ({}): open loop at {pct} % of peak, {} msg/s",
                        transport.name(),
                        fmt_int(rate)
                    ));
                    let p = engine
                        .open_loop(transport, rate, pct, args.warmup, args.duration)
                        .await;
                    msg_lost += reported(&p);
                    open.push((pct, p));
                }
                let this_half_p99 = open
                    .iter()
                    .find(|(pct, _)| *pct == 50)
                    .and_then(|(_, p)| p.latency.ms(0.99));
                for p in &phases {
                    b.rows.push(p.line());
                }
                for (_, p) in &open {
                    b.rows.push(p.line());
                }
                if bi + 1 == phases.len() && phases.len() > 1 {
                    b.rows.push(format!(
                        "NOTE: the best level is the highest one tried ({} in flight per sender): the peak may lie \
                         higher; add levels with --inflight",
                        phases[bi].inflight_per_sender
                    ));
                }
                let peak_p99 = phases[bi].latency.ms(0.99);
                let peak_trips = phases[bi].group_commits.as_ref().map_or(String::new(), |g| {
                    match (g.round_trips_per_commit, g.writes_per_commit) {
                        (Some(r), Some(w)) => {
                            format!("; {r:.2} round trips per group commit ({w:.1} writes each)")
                        }
                        _ => "; round trips per group commit n/a".to_owned(),
                    }
                });
                let by_load: Vec<String> = open
                    .iter()
                    .map(|(pct, p)| format!("{pct} % {} ms", fmt_ms(p.latency.ms(0.99))))
                    .collect();
                b.rows.push(format!(
                    "PEAK ({}) {} msg/s at {} in flight per sender; p99 send→deliver at peak {} ms{peak_trips}; open loop: {}",
                    transport.name(),
                    fmt_int(peak_rate),
                    phases[bi].inflight_per_sender,
                    fmt_ms(peak_p99),
                    if by_load.is_empty() {
                        "not run".to_owned()
                    } else {
                        by_load.join(", ")
                    }
                ));
                if best_of_all.as_ref().is_none_or(|b| peak_rate > b.rate) {
                    best_of_all = Some(BestTransport {
                        rate: peak_rate,
                        inflight: phases[bi].inflight_per_sender,
                        half_p99: this_half_p99,
                        p99_by_load: by_load.join(", "),
                        transport,
                    });
                }
                per_transport.push(TransportReport {
                    transport,
                    peak: phases[bi].clone(),
                    levels: phases,
                    peak_msgs_per_sec: peak_rate,
                    open: open
                        .into_iter()
                        .map(|(load_pct, phase)| OpenLoadReport { load_pct, phase })
                        .collect(),
                });
                progress(format!(
                    "messages ({}): checking every session's log",
                    transport.name()
                ));
                let check = engine.check_log().await?;
                b.rows.push(format!(
                    "{}: lost so far {} | duplicated: seq delivered twice to a feed {}, body stored twice {} | \
                     out-of-order deliveries {} | log: {} messages in {} sessions, gaps {}, acknowledged seq not \
                     holding its message {}, stored without a returned seq {} (checked in {:.1} s) | server RSS {} KiB",
                    transport.name(),
                    msg_lost,
                    engine.feed_duplicates(),
                    check.stored_twice,
                    engine.feed_reordered(),
                    check.messages,
                    check.sessions,
                    check.gaps,
                    check.ack_mismatches,
                    check.stored_unacked,
                    check.seconds,
                    tsrv.rss_kib().map_or("?".into(), |r| fmt_int(r as f64))
                ));
                feed_duplicates += engine.feed_duplicates();
                feed_reordered += engine.feed_reordered();
                log.add(&check);
                // The feeds close before the server stops: a stopping server waits for them.
                drop(engine);
                let (warnings, errors, _) = tsrv.log_problems();
                if warnings + errors > 0 {
                    b.rows.push(format!(
                        "{}: server log: {warnings} warnings, {errors} errors",
                        transport.name()
                    ));
                }
                Ok(())
            })
            .await;
            stats::set_bench_database(&db.name);
            measured?;
        }
        let best = best_of_all.ok_or("no transport ran (--transports is empty)")?;
        peak = Some((best.rate, best.inflight, best.transport));
        half_p99 = best.half_p99;
        p99_by_load = best.p99_by_load;
        msg_dups = feed_duplicates + log.stored_twice;
        b.rows.push(format!(
            "all transports: lost {} | duplicated: seq delivered twice to a feed {}, body stored twice {} | \
             out-of-order deliveries {} | log: {} messages, gaps {}, acknowledged seq not holding its message {}, \
             stored without a returned seq {}",
            msg_lost,
            feed_duplicates,
            log.stored_twice,
            feed_reordered,
            log.messages,
            log.gaps,
            log.ack_mismatches,
            log.stored_unacked
        ));
        messages_report = Some(MessagesReport {
            sessions: args.sessions,
            senders,
            setup_s,
            transports: per_transport,
            peak_msgs_per_sec: best.rate,
            peak_transport: best.transport,
            lost: msg_lost,
            feed_duplicates,
            feed_reordered,
            log,
        });
        blocks.push(b);
    }

    // 3. One busy session.
    let mut busy_rate = None;
    let mut busy_report = None;
    if args.has(Section::Busy) {
        progress("busy session: setting up");
        let mut engine =
            messages::Engine::setup(&srv.url, &admin, "busy", 1, args.body_bytes, Some(srv.pid))
                .await?;
        engine.scrape_metrics(srv_metrics);
        let mut b =
            Block::new("3. One busy session: gateway and bot both sending as fast as they can");
        b.how.push(format!(
            "one session; each party keeps {} messages in flight (pipelined on its connection or stream); counted as in 2",
            args.busy_inflight
        ));
        let mut runs = Vec::new();
        for &transport in &args.transports {
            progress(format!(
                "busy session ({}): {} in flight per party",
                transport.name(),
                args.busy_inflight
            ));
            let p = engine
                .closed_loop(transport, args.busy_inflight, args.warmup, args.duration)
                .await;
            msg_lost += p.lost;
            b.rows.push(p.line());
            busy_rate = Some(busy_rate.map_or(p.rate, |r: f64| r.max(p.rate)));
            runs.push(p);
        }
        let check = engine.check_log().await?;
        let dups = engine.feed_duplicates() + check.stored_twice;
        msg_dups += dups;
        b.rows.push(format!(
            "lost {}, duplicated {} (feed {}, log {}), log gaps {}, ack mismatches {}",
            msg_lost,
            dups,
            engine.feed_duplicates(),
            check.stored_twice,
            check.gaps,
            check.ack_mismatches
        ));
        busy_report = Some(BusyReport {
            transports: runs,
            feed_duplicates: engine.feed_duplicates(),
            log: check,
        });
        blocks.push(b);
        drop(engine);
    }

    // 4. Transfers.
    let mut transfer_rate: Option<(f64, messages::Transport)> = None;
    let mut transfer_rates = Vec::new();
    let mut transfers_report = None;
    if args.has(Section::Transfers) {
        let mut b = Block::new(format!(
            "4. Transfers: {} sessions in parallel, each passed back and forth between two agents",
            args.sessions
        ));
        b.how.push(
            "one complete transfer = holder's Transfer → the target's feed shows the offer (with its context) → \
             AcceptTransfer → the holder's feed shows the acceptance → Disconnect → the new holder's first Message \
             returns a seq → the caller's (gateway's) feed delivers it; the gateway acknowledges the HolderDisconnected \
             in parallel; each transport in turn: unary = every step is its RPC, stream = every step is a command on \
             the terminal's own Attach stream, answered by a receipt (Connect is always a call)"
                .into(),
        );
        b.how.push(format!(
            "every terminal has its own connection and feed; after {} transfers a session is ended and a new one \
             opened (Connect + acknowledgement, inside the measured time); rate = transfers completed inside the {:.0} s \
             window / window",
            args.chain,
            args.duration.as_secs_f64()
        ));
        b.how.push(format!(
            "session record = octet_length(sessions.snapshot) (uncompressed bytes; \"as stored\" = pg_column_size, \
             after compression), read once the phase's sessions have ended: of every session it opened (created_ms \
             at or after its start) and of those ended after all {} transfers of their chain",
            args.chain
        ));
        let mut per_transport = Vec::new();
        for &transport in &args.transports {
            progress(format!(
                "transfers ({}): {} sessions in parallel",
                transport.name(),
                args.sessions
            ));
            let target = transfers::Target {
                url: &srv.url,
                admin: &admin,
                server_pid: Some(srv.pid),
                metrics: srv_metrics,
                database_url: Some(&db.url),
            };
            let t = transfers::run(
                &target,
                transport,
                args.sessions,
                args.chain,
                args.warmup,
                args.duration,
            )
            .await?;
            progress(format!(
                "  -> {} transfers/s{}",
                fmt_int(t.rate),
                t.group_commits
                    .as_ref()
                    .and_then(|g| g.round_trips_per_commit)
                    .map_or(String::new(), |r| format!(
                        ", {r:.2} round trips per group commit"
                    ))
            ));
            b.rows.extend(t.lines());
            b.rows.push(t.cpu.text());
            if transfer_rate.is_none_or(|(r, _)| t.rate > r) {
                transfer_rate = Some((t.rate, transport));
            }
            transfer_rates.push(format!("{} {}", transport.name(), fmt_int(t.rate)));
            per_transport.push((transport.name(), t));
        }
        transfers_report = Some(Keyed(per_transport));
        blocks.push(b);
    }

    if !srv.alive() {
        return Err(format!(
            "the server died during the run; its log:\n{}",
            srv.log_tail()
        )
        .into());
    }
    let rss_end = srv.rss_kib();
    let hwm = srv.hwm_kib();

    // 5. Idle terminals.
    let mut idle_kib = None;
    let mut idle_n = 0;
    let mut idle_report = None;
    if args.has(Section::Idle) {
        progress(format!(
            "idle: registering {} terminals",
            args.idle_terminals
        ));
        let (idle, srv2) = idle::run(
            srv,
            bin,
            &db.url,
            &args.server_args,
            args.idle_terminals,
            args.streams_per_connection,
            args.idle_settle,
        )
        .await?;
        srv = srv2;
        let mut b = Block::new(format!(
            "5. Idle terminals: {} attached to one server",
            fmt_int(args.idle_terminals as f64)
        ));
        b.how.push(format!(
            "terminals registered through AdminService (64 calls in flight); then a FRESH server process on the same \
             database (so earlier phases leave nothing in its allocator); VmRSS from /proc/PID/status 2 s after \
             start-up, and again after all have attached (Attach + hello, {} streams per HTTP/2 connection, 256 \
             attaches in flight) and sat idle {:.0} s; KiB per terminal = ΔRSS / attached",
            args.streams_per_connection,
            args.idle_settle.as_secs_f64()
        ));
        b.rows.extend(idle.lines());
        b.rows.push(format!(
            "bench process RSS {} KiB (its own open-files limit {})",
            idle.bench_rss_kib.map_or("?".into(), |r| fmt_int(r as f64)),
            stats::nofile_limit().map_or("?".into(), |n| n.to_string())
        ));
        idle_kib = Some(idle.kib_per_terminal);
        idle_n = idle.attached;
        idle_report = Some(idle);
        blocks.push(b);
    }

    let mut sb = Block::new("server process");
    sb.rows.push(format!(
        "RSS at start {} KiB, after the load sections {} KiB, peak (VmHWM) {} KiB",
        rss_start.map_or("?".into(), |r| fmt_int(r as f64)),
        rss_end.map_or("?".into(), |r| fmt_int(r as f64)),
        hwm.map_or("?".into(), |r| fmt_int(r as f64)),
    ));
    let (warns, errors, first) = srv.log_problems();
    sb.rows.push(format!(
        "server log ({}): {warns} warnings, {errors} errors{}",
        srv.log.display(),
        first
            .as_deref()
            .map_or(String::new(), |l| format!("; first: {l}"))
    ));
    let server_report = ServerReport {
        rss_start_kib: rss_start,
        rss_after_load_kib: rss_end,
        hwm_kib: hwm,
        log_warnings: warns,
        log_errors: errors,
        log_first_problem: first,
    };
    blocks.push(sb);
    // Stopped before the ops section, whose servers should have the machine to themselves.
    srv.stop(Duration::from_secs(30)).await?;

    // 6. Operations overhead.
    let mut ops_result = None;
    if args.has(Section::Ops) {
        let mut b = Block::new(format!(
            "6. Operations overhead: metrics and rate limits, same-run A/B, {} rounds of A and B",
            args.ops_rounds
        ));
        b.how.push(format!(
            "A = the server as started for the other sections; B = the same with {}; every phase on a fresh \
             database and a fresh server; {} sessions set up as in 2, then the stream transport's closed loop at {} \
             in flight per sender, {:.0} s warm-up + {:.0} s measured, counted as in 2",
            ops::B_SERVER_ARGS.join(" "),
            args.sessions,
            args.ops_inflight,
            args.warmup.as_secs_f64(),
            args.duration.as_secs_f64()
        ));
        b.how.push(
            "each round runs A and B once, every second round B first (a drift over the run falls on both); \
             cost = 1 - mean(B) / mean(A)"
                .into(),
        );
        b.how.push(format!(
            "then the flood: one more server with B's flags, the others' stream open loop at {} % of mean(A), \
             without and then with one more terminal sending {} Message calls/s against the limit of {}/s an \
             administrator set for it (SetTerminalLimits)",
            ops::FLOOD_LOAD_PCT,
            ops::FLOOD_CALLS_PER_SEC,
            ops::FLOOD_LIMIT_PER_SEC
        ));
        let setup = ops::Setup {
            bin,
            admin_url: &args.postgres_url,
            server_args: &args.server_args,
            sessions: args.sessions,
            body_bytes: args.body_bytes,
            inflight: args.ops_inflight,
            warmup: args.warmup,
            duration: args.duration,
        };
        let result = ops::run(&setup, args.ops_rounds, progress).await;
        stats::set_bench_database(&db.name);
        let o = result?;
        msg_lost += o.lost();
        b.rows.extend(o.lines());
        blocks.push(b);
        ops_result = Some(o);
    }

    // 7. Routing.
    let mut routing_report = None;
    if args.has(Section::Routing) {
        let sessions = args.routing_sessions();
        let mut b = Block::new(format!(
            "7. Routing: {} agents × {} seats in one group, {} sessions transferred to it at once; the same run's \
             direct transfers as the baseline",
            args.routing_agents, args.routing_capacity, sessions
        ));
        b.how.push(format!(
            "a fresh database and server; {} agents (AdminService: group {:?}, SetTerminalCapacity {}), each on its \
             own connection and Attach feed, say AVAILABLE; every caller's side has a gateway and two bots; agents \
             accept every offer with AcceptTransfer commands on their feed while they have a free seat by their own \
             count (an offer they have no seat for rings until one frees up or another member takes it); the bot \
             that holds the session disconnects once its feed shows the acceptance; the agent, once its feed shows \
             it holds the session, waits {} ms and disconnects (the session ends, its seat is free)",
            args.routing_agents,
            routing::GROUP,
            args.routing_capacity,
            args.routing_hold.as_millis()
        ));
        b.how.push(format!(
            "direct (the baseline, before and after the routed phases): one caller's side per seat ({} in flight), \
             its bot transferring straight to that seat's agent (Transfer to a terminal id) as soon as the gateway's \
             feed shows the seat's previous session ended, the next session opened meanwhile; between them, per \
             strategy (SetGroupRouting): {sessions} caller's sides, each opening a session and transferring it to \
             the group (Transfer commands), so that more transfers than seats wait in the queue and the server's \
             queue engine offers them as seats free up",
            args.routing_seats()
        ));
        b.how.push(format!(
            "{:.0} s warm-up + {:.0} s measured each; accepted/s = accepts whose receipt came back inside the \
             window / window; Transfer → accepted = the bot's Transfer receipt → the accepting agent's receipt \
             (queued → accepted: those whose holder's feed showed a TransferQueued); seat freed → filled again = an \
             agent sent the Disconnect that freed a seat → the receipt of the next accept that filled it; ratios = \
             routed ÷ the mean of the two direct runs; \
             never accepted = transfers made in a phase that no agent accepted by its end (the bots wait up to {} s); \
             accepted twice = sessions an accept succeeded for more than once",
            args.warmup.as_secs_f64(),
            args.duration.as_secs_f64(),
            fixtures::WAIT.as_secs()
        ));
        let (rsrv_args, rsrv_metrics) = with_metrics(&args.server_args)?;
        let measured = server::on_fresh_server(
            bin,
            &args.postgres_url,
            &rsrv_args,
            async |rsrv| {
                let radmin = rsrv.admin().await?;
                let setup = routing::Setup {
                    url: &rsrv.url,
                    admin: &radmin,
                    server_pid: Some(rsrv.pid),
                    metrics: rsrv_metrics,
                    agents: args.routing_agents,
                    capacity: args.routing_capacity,
                    sessions,
                    hold: args.routing_hold,
                    warmup: args.warmup,
                    duration: args.duration,
                };
                progress(format!(
                    "routing: a fresh database and server, {} agents × {} seats, {sessions} callers' sides",
                    args.routing_agents, args.routing_capacity
                ));
                let r = routing::run(&setup, &args.routing_strategies, progress).await?;
                let (warnings, errors, first) = rsrv.log_problems();
                Ok((r, warnings, errors, first))
            },
        )
        .await;
        stats::set_bench_database(&db.name);
        let (r, warnings, errors, first) = measured?;
        b.rows.push(format!(
            "{} terminals registered and attached in {:.1} s",
            3 * sessions.max(args.routing_seats()) + args.routing_agents,
            r.setup_seconds
        ));
        b.rows.extend(r.lines());
        if warnings + errors > 0 {
            b.rows.push(format!(
                "server log: {warnings} warnings, {errors} errors{}",
                first.map_or(String::new(), |l| format!("; first: {l}"))
            ));
        }
        blocks.push(b);
        routing_report = Some(r);
    }

    // 8. Ratios and targets.
    let mut b = Block::new("8. Ratios and the targets");
    let mut targets = Vec::new();
    let peak_rate = peak.map(|p| p.0);
    let ratio = |a: Option<f64>, b: Option<f64>| match (a, b) {
        (Some(a), Some(b)) if b > 0.0 => Some(a / b),
        _ => None,
    };
    let naive_rate = naive_c.as_ref().map(|n| n.rows_per_sec);
    let batched_rate = batched_c.as_ref().map(|n| n.rows_per_sec);
    let r_naive = ratio(peak_rate, naive_rate);
    let r_batched = ratio(peak_rate, batched_rate);
    let c_note = naive_c.as_ref().map_or(String::new(), |n| {
        format!("naive ceiling at C={}", n.connections)
    });
    let via = peak.map_or(String::new(), |(_, _, t)| {
        format!(", {} transport", t.name())
    });
    targets.push(Target {
        name: "messages vs naive ceiling",
        goal: "≥ 2.00×".into(),
        value: r_naive,
        shown: r_naive.map_or("-".into(), |r| format!("{r:.2}×")),
        met: r_naive.map(|r| r >= 2.0),
        note: format!(
            "{} msg/s ÷ {} rows/s ({c_note}{via})",
            peak_rate.map_or("-".into(), fmt_int),
            naive_rate.map_or("-".into(), fmt_int)
        ),
    });
    targets.push(Target {
        name: "messages vs batched ceiling",
        goal: "≥ 50 %".into(),
        value: r_batched,
        shown: r_batched.map_or("-".into(), |r| format!("{:.0} %", r * 100.0)),
        met: r_batched.map(|r| r >= 0.5),
        note: format!(
            "{} msg/s ÷ {} rows/s{via}",
            peak_rate.map_or("-".into(), fmt_int),
            batched_rate.map_or("-".into(), fmt_int)
        ),
    });
    targets.push(Target {
        name: "p99 send→deliver at half of peak",
        goal: "≤ 10 ms".into(),
        value: half_p99,
        shown: half_p99.map_or("-".into(), |v| format!("{} ms", fmt_ms(Some(v)))),
        met: half_p99.map(|v| v <= 10.0),
        note: peak.map_or(String::new(), |(r, _, t)| {
            format!(
                "open loop at {} msg/s, {} transport; p99 by load: {p99_by_load}",
                fmt_int(r / 2.0),
                t.name()
            )
        }),
    });
    targets.push(Target {
        name: "complete transfers/s",
        goal: "≥ 2,000".into(),
        value: transfer_rate.map(|(r, _)| r),
        shown: transfer_rate.map_or("-".into(), |(r, _)| fmt_int(r)),
        met: transfer_rate.map(|(r, _)| r >= 2000.0),
        note: match transfer_rate {
            Some((_, t)) => format!(
                "{} sessions in parallel, {} transport (by transport: {})",
                args.sessions,
                t.name(),
                transfer_rates.join(", ")
            ),
            None => format!("{} sessions in parallel", args.sessions),
        },
    });
    targets.push(Target {
        name: "RSS per idle attached terminal",
        goal: "≤ 16 KiB at 50,000".into(),
        value: idle_kib,
        shown: idle_kib.map_or("-".into(), |v| format!("{v:.1} KiB")),
        met: idle_kib.map(|v| v <= 16.0 && idle_n >= 50_000),
        note: if idle_kib.is_some() && idle_n < 50_000 {
            format!("only {idle_n} attached: not the 50,000 the target names")
        } else {
            format!("{} attached", fmt_int(idle_n as f64))
        },
    });
    targets.push(Target {
        name: "single busy session",
        goal: "≥ 1,000 msg/s".into(),
        value: busy_rate,
        shown: busy_rate.map_or("-".into(), fmt_int),
        met: busy_rate.map(|r| r >= 1000.0),
        note: String::new(),
    });
    let correctness_ran = args.has(Section::Messages) || args.has(Section::Busy);
    targets.push(Target {
        name: "lost / duplicated messages",
        goal: "0 / 0".into(),
        value: correctness_ran.then_some((msg_lost + msg_dups) as f64),
        shown: if correctness_ran {
            format!("{msg_lost} / {msg_dups}")
        } else {
            "-".into()
        },
        met: correctness_ran.then_some(msg_lost == 0 && msg_dups == 0),
        note: "over every message phase".into(),
    });
    let ops_cost = ops_result.as_ref().and_then(|o| o.cost_pct());
    targets.push(Target {
        name: "metrics + rate limits cost",
        goal: format!("≤ {:.0} % of msg/s", ops::TARGET_PCT),
        value: ops_cost,
        shown: ops_cost.map_or("-".into(), |c| format!("{c:.1} %")),
        met: ops_result.as_ref().and_then(|o| o.met()),
        note: ops_result.as_ref().map_or(String::new(), |o| {
            let (a, b) = o.means();
            format!(
                "stream transport, {} in flight per sender: B {} ÷ A {} msg/s (same run, fresh database each)",
                o.inflight,
                b.map_or("-".into(), fmt_int),
                a.map_or("-".into(), fmt_int)
            )
        }),
    });
    targets.push(Target {
        name: "routed never accepted / twice",
        goal: "0 / 0".into(),
        value: routing_report
            .as_ref()
            .map(|r| (r.never_accepted + r.accepted_twice) as f64),
        shown: routing_report.as_ref().map_or("-".into(), |r| {
            format!("{} / {}", r.never_accepted, r.accepted_twice)
        }),
        met: routing_report
            .as_ref()
            .map(|r| r.never_accepted == 0 && r.accepted_twice == 0),
        note: routing_report.as_ref().map_or(String::new(), |r| {
            let rates: Vec<String> = r
                .vs_direct
                .0
                .iter()
                .map(|(n, v)| format!("{n} {}", v.rate.map_or("-".into(), |x| format!("{x:.2}×"))))
                .collect();
            format!(
                "every routing phase; accepted/s routed ÷ direct: {}",
                rates.join(", ")
            )
        }),
    });
    b.rows.push(format!(
        "{:<36} {:>18} {:>12}  {:<8} note",
        "target", "goal", "measured", "status"
    ));
    for t in &targets {
        let status = match t.met {
            Some(true) => "met",
            Some(false) => "NOT MET",
            None => "not run",
        };
        b.rows.push(format!(
            "{:<36} {:>18} {:>12}  {:<8} {}",
            t.name, t.goal, t.shown, status, t.note
        ));
    }
    blocks.push(b);
    let report = SectionsReport {
        bench: "handoff",
        version: 1,
        config,
        baselines: baselines_report,
        messages: messages_report,
        busy: busy_report,
        transfers: transfers_report,
        idle: idle_report,
        server: server_report,
        ops: ops_result,
        routing: routing_report,
        ratios: Ratios {
            service_over_naive: r_naive,
            service_over_batched: r_batched,
            naive_connections: naive_c.as_ref().map(|n| n.connections),
        },
        targets,
    };
    Ok((blocks, report))
}

const REEXEC_GUARD: &str = "HANDOFF_BENCH_NOFILE_RAISED";

fn raise_open_files(needed: u64) {
    let current = stats::nofile_limit().unwrap_or(0);
    if current >= needed || std::env::var_os(REEXEC_GUARD).is_some() {
        return;
    }
    let Ok(exe) = std::env::current_exe() else {
        return;
    };
    let want = needed.max(65_536);
    let script = format!(
        r#"ulimit -n {want} 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null; exec "$0" "$@""#
    );
    let err = std::process::Command::new("sh")
        .arg("-c")
        .arg(script)
        .arg(exe)
        .args(std::env::args_os().skip(1))
        .env(REEXEC_GUARD, "1")
        .exec();
    eprintln!(
        "handoff-bench: could not re-run with a higher open-files limit ({err}); going on with {current}"
    );
}

fn main() {
    let args = Args::parse();
    raise_open_files(args.files_needed());
    if let Some(limit) = stats::nofile_limit()
        && limit < args.files_needed()
    {
        eprintln!(
            "handoff-bench: open-files limit {limit} is below the {} this run may need; raise it (ulimit -n) or lower --idle-terminals",
            args.files_needed()
        );
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("tokio runtime");
    let outcome = runtime.block_on(async {
        tokio::select! {
            r = run(args) => r,
            _ = tokio::signal::ctrl_c() => Err("interrupted".into()),
        }
    });
    if let Err(e) = outcome {
        eprintln!("handoff-bench: {e}");
        std::process::exit(1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duration_flags_parse() {
        assert_eq!(duration_flag("250ms"), Ok(Duration::from_millis(250)));
        assert_eq!(duration_flag("5s"), Ok(Duration::from_secs(5)));
        assert_eq!(duration_flag("11m"), Ok(Duration::from_secs(660)));
        assert_eq!(duration_flag("1m 30s"), Ok(Duration::from_secs(90)));
        assert_eq!(duration_flag("0s"), Ok(Duration::ZERO));
        assert_eq!(duration_flag("3"), Ok(Duration::from_secs(3)));
        assert_eq!(duration_flag("0.5"), Ok(Duration::from_millis(500)));
        assert!(duration_flag("ten").is_err());
        assert!(duration_flag("-1").is_err());
    }
}
