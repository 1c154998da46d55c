//! `handoff-bench`: benchmarks a `handoff serve` child process on Postgres against Postgres's own
//! INSERT ceilings measured in the same run. See `handoff::bench` and BENCHMARKS.md.
//!
//! Open files: the idle section holds one HTTP/2 connection per `--streams-per-connection`
//! attached terminals. When this process's soft RLIMIT_NOFILE is lower than it needs, it re-runs
//! itself once through `sh -c 'ulimit -n …; exec …'` (there is no libc dependency to call
//! setrlimit); the server child is started the same way with a limit of 200,000.

use std::os::unix::process::CommandExt;

use clap::Parser;
use handoff::bench::{self, Args};

const REEXEC_GUARD: &str = "HANDOFF_BENCH_NOFILE_RAISED";

fn raise_open_files(needed: u64) {
    let current = bench::stats::nofile_limit().unwrap_or(0);
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
    if let Some(limit) = bench::stats::nofile_limit()
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
            r = bench::run(args) => r,
            _ = tokio::signal::ctrl_c() => Err("interrupted".into()),
        }
    });
    if let Err(e) = outcome {
        eprintln!("handoff-bench: {e}");
        std::process::exit(1);
    }
}
