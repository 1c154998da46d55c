//! Latency percentiles (HDR histograms), a process clock, and what /proc tells about processes (RSS, CPU time, fds).

use std::sync::{Mutex, OnceLock};
use std::time::Instant;

use hdrhistogram::Histogram;
use serde::{Serialize, Serializer};

static START: OnceLock<Instant> = OnceLock::new();

/// Microseconds since the benchmark started: one clock for every task, cheap to put in a body.
pub fn now_us() -> u64 {
    START.get_or_init(Instant::now).elapsed().as_micros() as u64
}

/// Latency samples in microseconds, in an HDR histogram with 3 significant digits: a quantile
/// is within 0.1 % of the sample it stands for, and the memory stays the same however many
/// samples a phase records.
#[derive(Debug, Clone)]
pub struct Latencies(Histogram<u64>);

impl Default for Latencies {
    fn default() -> Latencies {
        // Auto-resizing: any latency fits.
        Latencies(Histogram::new(3).expect("3 significant digits are supported"))
    }
}

impl Latencies {
    pub fn push(&mut self, us: u64) {
        // `record` grows the histogram to fit (`saturating_record` would not: it clamps to the
        // range so far); it fails only past what a histogram can ever hold.
        if self.0.record(us).is_err() {
            self.0.saturating_record(us);
        }
    }

    pub fn extend(&mut self, other: &Latencies) {
        self.0
            .add(&other.0)
            .expect("an auto-resizing histogram takes any other");
    }

    /// The `q`-quantile (0..=1) in milliseconds.
    pub fn ms(&self, q: f64) -> Option<f64> {
        (!self.0.is_empty()).then(|| self.0.value_at_quantile(q) as f64 / 1000.0)
    }

    pub fn mean_ms(&self) -> Option<f64> {
        (!self.0.is_empty()).then(|| self.0.mean() / 1000.0)
    }

    /// "p50 1.23 / p99 4.56 / p999 7.89 / max 9.10 ms (n=1234)".
    pub fn summary(&self) -> String {
        if self.0.is_empty() {
            return "no samples".into();
        }
        format!(
            "p50 {} / p99 {} / p999 {} / max {} ms (n={})",
            fmt_ms(self.ms(0.5)),
            fmt_ms(self.ms(0.99)),
            fmt_ms(self.ms(0.999)),
            fmt_ms(self.ms(1.0)),
            self.0.len()
        )
    }
}

/// In the JSON report: the count, the percentiles and the mean, in milliseconds.
impl Serialize for Latencies {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Summary {
            n: u64,
            p50_ms: Option<f64>,
            p90_ms: Option<f64>,
            p99_ms: Option<f64>,
            p999_ms: Option<f64>,
            max_ms: Option<f64>,
            mean_ms: Option<f64>,
        }
        Summary {
            n: self.0.len(),
            p50_ms: self.ms(0.5),
            p90_ms: self.ms(0.9),
            p99_ms: self.ms(0.99),
            p999_ms: self.ms(0.999),
            max_ms: self.ms(1.0),
            mean_ms: self.mean_ms(),
        }
        .serialize(s)
    }
}

pub fn fmt_ms(v: Option<f64>) -> String {
    match v {
        None => "-".into(),
        Some(v) if v < 10.0 => format!("{v:.2}"),
        Some(v) if v < 100.0 => format!("{v:.1}"),
        Some(v) => format!("{v:.0}"),
    }
}

/// 12345.6 -> "12,346".
pub fn fmt_int(v: f64) -> String {
    let n = v.round() as i64;
    let s = n.abs().to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0 { format!("-{out}") } else { out }
}

/// A field of /proc/PID/status in KiB (VmRSS, VmHWM).
pub fn status_kib(pid: u32, field: &str) -> Option<u64> {
    let text = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    text.lines()
        .find(|l| l.starts_with(field) && l[field.len()..].starts_with(':'))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
}

pub fn self_pid() -> u32 {
    std::process::id()
}

/// Open file descriptors of a process.
pub fn fd_count(pid: u32) -> Option<usize> {
    Some(std::fs::read_dir(format!("/proc/{pid}/fd")).ok()?.count())
}

/// The soft limit on open files of this process.
pub fn nofile_limit() -> Option<u64> {
    let text = std::fs::read_to_string("/proc/self/limits").ok()?;
    let line = text.lines().find(|l| l.starts_with("Max open files"))?;
    line.split_whitespace().nth(3)?.parse().ok()
}

/// utime + stime of a process, in clock ticks; and its command name.
fn proc_ticks(pid: u32) -> Option<(String, u64)> {
    let text = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let open = text.find('(')?;
    let close = text.rfind(')')?;
    let comm = text[open + 1..close].to_owned();
    let rest: Vec<&str> = text[close + 2..].split_whitespace().collect();
    // Fields after the command: state is index 0; utime and stime are stat fields 14 and 15.
    let utime: u64 = rest.get(11)?.parse().ok()?;
    let stime: u64 = rest.get(12)?.parse().ok()?;
    Some((comm, utime + stime))
}

/// Clock ticks per second (USER_HZ): 100 on every Linux this will meet; `getconf` confirms.
fn ticks_per_sec() -> f64 {
    static HZ: OnceLock<f64> = OnceLock::new();
    *HZ.get_or_init(|| {
        std::process::Command::new("getconf")
            .arg("CLK_TCK")
            .output()
            .ok()
            .and_then(|o| String::from_utf8(o.stdout).ok())
            .and_then(|s| s.trim().parse().ok())
            .unwrap_or(100.0)
    })
}

/// The database whose Postgres backends count as "postgres" in [`Cpu`]: the run's, or the fresh
/// one of an ops phase while it runs (empty: none yet).
static BENCH_DB: Mutex<String> = Mutex::new(String::new());

pub fn set_bench_database(name: &str) {
    *BENCH_DB.lock().unwrap_or_else(|p| p.into_inner()) = name.to_owned();
}

fn cmdline(pid: u32) -> String {
    std::fs::read(format!("/proc/{pid}/cmdline"))
        .map(|b| String::from_utf8_lossy(&b).replace('\0', " "))
        .unwrap_or_default()
}

fn ppid(pid: u32) -> Option<u32> {
    let text = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let close = text.rfind(')')?;
    text[close + 2..].split_whitespace().nth(1)?.parse().ok()
}

/// CPU time of the Postgres processes that work for this run: the backends connected to the
/// bench database, and the auxiliary processes (WAL writer, checkpointer, background writer,
/// autovacuum) of the same cluster. Client backends of other databases (other people's tests on
/// a shared machine) are left out. Backends that exited in between are not counted.
fn postgres_ticks() -> u64 {
    let db = BENCH_DB.lock().unwrap_or_else(|p| p.into_inner()).clone();
    if db.is_empty() {
        return 0;
    }
    let needle = format!(" {db} ");
    let mut procs = Vec::new();
    if let Ok(dir) = std::fs::read_dir("/proc") {
        for entry in dir.flatten() {
            let Some(pid) = entry
                .file_name()
                .to_str()
                .and_then(|s| s.parse::<u32>().ok())
            else {
                continue;
            };
            if let Some((comm, t)) = proc_ticks(pid)
                && comm.starts_with("postgres")
            {
                procs.push((pid, t, cmdline(pid)));
            }
        }
    }
    // The postmaster of the cluster serving the bench database: the parent of its backends.
    let Some(postmaster) = procs
        .iter()
        .find(|(_, _, c)| c.contains(&needle))
        .and_then(|(pid, _, _)| ppid(*pid))
    else {
        return 0;
    };
    procs
        .iter()
        .filter(|(pid, _, c)| {
            ppid(*pid) == Some(postmaster)
                && (c.contains(&needle) || !(c.contains('(') || c.contains("[local]")))
        })
        .map(|(_, t, _)| *t)
        .sum()
}

/// CPU seconds used so far by the bench itself, the server, and the Postgres processes working
/// for this run (see [`postgres_ticks`]; a lower bound).
#[derive(Debug, Clone, Copy)]
pub struct Cpu {
    at: Instant,
    bench: f64,
    server: f64,
    postgres: f64,
    machine: f64,
}

/// Busy CPU seconds of the whole machine (every process), from /proc/stat.
fn machine_busy(hz: f64) -> f64 {
    let text = std::fs::read_to_string("/proc/stat").unwrap_or_default();
    let Some(line) = text.lines().next() else {
        return 0.0;
    };
    let v: Vec<u64> = line
        .split_whitespace()
        .skip(1)
        .filter_map(|x| x.parse().ok())
        .collect();
    // user nice system idle iowait irq softirq steal
    let busy: u64 = [0usize, 1, 2, 5, 6, 7]
        .iter()
        .filter_map(|i| v.get(*i))
        .sum();
    busy as f64 / hz
}

impl Cpu {
    pub fn snapshot(server_pid: Option<u32>) -> Cpu {
        let hz = ticks_per_sec();
        let bench = proc_ticks(self_pid()).map_or(0, |(_, t)| t) as f64 / hz;
        let server = server_pid.and_then(proc_ticks).map_or(0, |(_, t)| t) as f64 / hz;
        Cpu {
            at: Instant::now(),
            bench,
            server,
            postgres: postgres_ticks() as f64 / hz,
            machine: machine_busy(hz),
        }
    }

    /// Average cores used by each party between `self` (earlier) and `later`.
    pub fn usage(&self, later: &Cpu) -> CpuUsage {
        let wall = later.at.duration_since(self.at).as_secs_f64().max(1e-9);
        let u = CpuUsage {
            bench: (later.bench - self.bench) / wall,
            server: (later.server - self.server) / wall,
            postgres: (later.postgres - self.postgres).max(0.0) / wall,
            machine: (later.machine - self.machine) / wall,
        };
        let other_milli = (u.other() * 1000.0) as u64;
        OTHER_MAX_MILLI.fetch_max(other_milli, std::sync::atomic::Ordering::Relaxed);
        u
    }
}

/// The most CPU (in thousandths of a core) that other processes used during any measured phase.
static OTHER_MAX_MILLI: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// The most cores that processes other than the server, its Postgres and the bench used during a
/// measured phase: on a shared machine, the numbers are only as good as this is small.
pub fn max_other_cores() -> f64 {
    OTHER_MAX_MILLI.load(std::sync::atomic::Ordering::Relaxed) as f64 / 1000.0
}

/// The 1-minute load average and the machine-wide busy fraction since the previous call
/// (from /proc/stat), to show how much else ran on the machine.
pub fn loadavg() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|s| s.split_whitespace().next().map(str::to_owned))
        .unwrap_or_else(|| "?".into())
}

/// Average cores busy over an interval (1.0 = one core fully).
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct CpuUsage {
    #[serde(rename = "server_cores")]
    pub server: f64,
    #[serde(rename = "postgres_cores")]
    pub postgres: f64,
    #[serde(rename = "bench_cores")]
    pub bench: f64,
    /// Every process on the machine.
    #[serde(rename = "machine_cores")]
    pub machine: f64,
}

impl CpuUsage {
    /// Cores used by everything else on the machine.
    pub fn other(&self) -> f64 {
        (self.machine - self.server - self.postgres - self.bench).max(0.0)
    }

    pub fn text(&self) -> String {
        format!(
            "cores busy: server {:.2}, postgres {:.2}, bench client {:.2}, everything else {:.2} (of {})",
            self.server,
            self.postgres,
            self.bench,
            self.other(),
            std::thread::available_parallelism().map_or(0, |n| n.get())
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_are_within_a_tenth_of_a_percent() {
        let mut l = Latencies::default();
        assert_eq!(l.ms(0.5), None);
        assert_eq!(l.summary(), "no samples");
        for v in 1..=1000u64 {
            l.push(v * 1000);
        }
        let mut other = Latencies::default();
        other.push(5);
        l.extend(&other);
        let near = |got: Option<f64>, want: f64| {
            let got = got.expect("samples");
            assert!(
                (got - want).abs() <= want * 0.001,
                "{got} is not within 0.1 % of {want}"
            );
        };
        near(l.ms(0.5), 500.0);
        near(l.ms(0.99), 990.0);
        near(l.ms(0.999), 999.0);
        near(l.ms(1.0), 1000.0);
        near(l.ms(0.0), 0.005);
        near(l.mean_ms(), (500_500_000.0 + 5.0) / 1001.0 / 1000.0);
        assert!(l.summary().ends_with("(n=1001)"), "{}", l.summary());
        assert_eq!(fmt_int(1234567.4), "1,234,567");
        assert_eq!(fmt_int(999.0), "999");
    }
}
