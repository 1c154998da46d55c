//! The fault suite: a throwaway Postgres, several `handoff serve` replicas (the `handoff` binary
//! next to this one), a load of terminals with conversations and transfers, and faults (kill -9 of
//! replicas, immediate Postgres restarts, feed drops). Prints a table and a JSON line; exits 1 when
//! anything was lost. See the library of this package (`handoff_faults`).
//!
//! A long run: `handoff-faults --duration 10m --kill-every 20s --pg-restart-every 90s --terminals 30`.

use std::path::Path;
use std::process::{Command, ExitCode};
use std::time::Duration;

use clap::Parser;
use handoff_faults::Params;

#[derive(Debug, Parser)]
#[command(
    name = "handoff-faults",
    about = "Runs handoff replicas on a throwaway Postgres under load and faults, then checks that nothing was lost."
)]
struct Args {
    /// Number of `handoff serve` replicas.
    #[arg(long, default_value_t = 2)]
    replicas: usize,
    /// Total terminals, split into gateways (1/6), bots (1/4) and agents (the rest);
    /// overrides --gateways, --bots and --agents.
    #[arg(long)]
    terminals: Option<usize>,
    #[arg(long, default_value_t = 2)]
    gateways: usize,
    #[arg(long, default_value_t = 3)]
    bots: usize,
    #[arg(long, default_value_t = 5)]
    agents: usize,
    /// Conversations each gateway keeps going at once.
    #[arg(long, default_value_t = 4)]
    conversations: usize,
    /// How long the load and the faults run (e.g. 60s, 10m).
    #[arg(long, default_value = "60s", value_parser = duration_flag)]
    duration: Duration,
    /// Mean time between replica kills (kill -9, then restart); 0 disables them.
    #[arg(long, default_value = "8s", value_parser = duration_flag)]
    kill_every: Duration,
    /// Mean time a killed replica stays down.
    #[arg(long, default_value = "1s", value_parser = duration_flag)]
    kill_pause: Duration,
    /// Mean time between immediate Postgres restarts; 0 disables them.
    #[arg(long, default_value = "25s", value_parser = duration_flag)]
    pg_restart_every: Duration,
    /// Mean time a terminal's feed stays attached before dropping and resuming; 0 disables drops.
    #[arg(long, default_value = "6s", value_parser = duration_flag)]
    feed_drop_every: Duration,
    /// The replicas' --connect-timeout.
    #[arg(long, default_value = "3s", value_parser = duration_flag)]
    connect_timeout: Duration,
    /// The replicas' --offer-timeout.
    #[arg(long, default_value = "4s", value_parser = duration_flag)]
    offer_timeout: Duration,
    /// The replicas' --handoff-grace.
    #[arg(long, default_value = "2s", value_parser = duration_flag)]
    handoff_grace: Duration,
    /// The replicas' --catch-up-interval (0: the server's default).
    #[arg(long, default_value = "0s", value_parser = duration_flag)]
    catch_up_interval: Duration,
    /// At the end, how long feeds get to deliver everything before gaps are counted.
    #[arg(long, default_value = "10s", value_parser = duration_flag)]
    catchup: Duration,
    /// How long a feed must stay attached after an event's commit without delivering it for the
    /// event to count as missed by an attached terminal (a loss if it never arrives, else late).
    #[arg(long, default_value = "5s", value_parser = duration_flag)]
    settle: Duration,
    /// Seed of every random choice (default: from the clock; printed in the report).
    #[arg(long)]
    seed: Option<u64>,
    /// The `handoff` binary (default: next to this executable; under `cargo run`, built first).
    #[arg(long)]
    handoff_binary: Option<std::path::PathBuf>,
    /// Keep the replicas' logs even when nothing was lost.
    #[arg(long)]
    keep_logs: bool,
    /// Only print the report.
    #[arg(long, short)]
    quiet: bool,
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

fn nonzero(d: Duration) -> Option<Duration> {
    (!d.is_zero()).then_some(d)
}

/// Under `cargo run` (which builds only this binary), builds the `handoff` binary beside it with
/// the same profile first, so that the replicas run the current source, not a stale build. The
/// build goes through the workspace's manifest, as `cargo run --bin handoff-faults` at the root
/// selects its packages, without the variables cargo set for this process (build scripts that
/// read them would run again).
fn build_server_if_under_cargo(bin: &Path) -> Result<(), String> {
    let (Some(cargo), Some(manifest)) = (
        std::env::var_os("CARGO"),
        std::env::var_os("CARGO_MANIFEST_PATH"),
    ) else {
        return Ok(());
    };
    let release = match bin
        .parent()
        .and_then(|d| d.file_name())
        .and_then(|n| n.to_str())
    {
        Some("release") => true,
        Some("debug") => false,
        _ => return Ok(()),
    };
    let located = Command::new(&cargo)
        .args(["locate-project", "--workspace", "--message-format", "plain"])
        .arg("--manifest-path")
        .arg(&manifest)
        .output()
        .map_err(|e| format!("cargo locate-project: {e}"))?;
    if !located.status.success() {
        return Err(format!(
            "cargo locate-project failed ({}): {}",
            located.status,
            String::from_utf8_lossy(&located.stderr)
        ));
    }
    let workspace = String::from_utf8_lossy(&located.stdout).trim().to_owned();
    let mut cmd = Command::new(cargo);
    cmd.args(["build", "--manifest-path", &workspace, "--bin", "handoff"]);
    if release {
        cmd.arg("--release");
    }
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
    let status = cmd
        .status()
        .map_err(|e| format!("cargo build --bin handoff: {e}"))?;
    if !status.success() {
        return Err(format!("building the server failed ({status})"));
    }
    Ok(())
}

#[tokio::main]
async fn main() -> ExitCode {
    let a = Args::parse();
    let binary = match a.handoff_binary.clone() {
        Some(b) => b,
        None => match std::env::current_exe() {
            Ok(exe) => {
                let bin = exe.with_file_name("handoff");
                if let Err(e) = build_server_if_under_cargo(&bin) {
                    eprintln!("{e}");
                    return ExitCode::from(2);
                }
                bin
            }
            Err(e) => {
                eprintln!("cannot locate the handoff binary: {e}");
                return ExitCode::from(2);
            }
        },
    };
    let mut p = Params::new(binary);
    p.replicas = a.replicas.max(1);
    (p.gateways, p.bots, p.agents) = match a.terminals {
        Some(n) => {
            let gateways = (n / 6).max(1);
            let bots = (n / 4).max(1);
            (gateways, bots, n.saturating_sub(gateways + bots).max(2))
        }
        None => (a.gateways, a.bots, a.agents),
    };
    p.conversations_per_gateway = a.conversations;
    p.duration = a.duration;
    p.kill_every = nonzero(a.kill_every);
    p.kill_pause = a.kill_pause;
    p.pg_restart_every = nonzero(a.pg_restart_every);
    p.feed_drop_every = nonzero(a.feed_drop_every);
    p.connect_timeout = a.connect_timeout;
    p.offer_timeout = a.offer_timeout;
    p.handoff_grace = a.handoff_grace;
    p.catch_up_interval = nonzero(a.catch_up_interval);
    p.catchup = a.catchup;
    p.settle = a.settle;
    p.seed = a.seed.unwrap_or_else(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(1, |d| d.as_nanos() as u64)
    });
    p.verbose = !a.quiet;
    p.keep_logs = a.keep_logs;
    let report = tokio::select! {
        r = handoff_faults::run(p) => r,
        _ = tokio::signal::ctrl_c() => {
            // Returning drops the run: replicas are killed, Postgres stopped, its folder removed.
            eprintln!("interrupted");
            return ExitCode::from(130);
        }
    };
    match report {
        Ok(report) => {
            println!("{report}");
            println!("{}", report.to_json());
            if report.losses() > 0 {
                ExitCode::from(1)
            } else if report.messages_acknowledged == 0 {
                eprintln!("the load did nothing (no message was acknowledged): see the notes");
                ExitCode::from(3)
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(e) => {
            eprintln!("the fault suite could not run: {e}");
            ExitCode::from(2)
        }
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
