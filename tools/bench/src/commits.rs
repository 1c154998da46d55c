//! What a group commit cost the database, read from the server's Prometheus endpoint: the bench
//! starts the servers of the messages, busy and transfers sections with `--metrics-listen` on a
//! port of its own and scrapes `GET /metrics` just before and just after each measured phase.
//! Round trips per commit = Δ `handoff_group_commit_round_trips_total` (all steps) / Δ
//! `handoff_group_commit_writes_count`. A server that exports no round-trip counter (an older
//! build) gets "n/a" for those figures, not a failed run.
//!
//! Also the size of the session records the transfers section left behind (`sessions.snapshot`,
//! a column of that name in every schema so far).

use std::net::SocketAddr;
use std::time::Duration;

use serde::Serialize;
use sqlx::Connection;
use sqlx::postgres::PgConnection;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use handoff::client::BoxError;

use crate::stats::fmt_int;

const WRITES_COUNT: &str = "handoff_group_commit_writes_count";
const WRITES_SUM: &str = "handoff_group_commit_writes_sum";
const ROUND_TRIPS: &str = "handoff_group_commit_round_trips_total";
const DURATION_SUM: &str = "handoff_group_commit_duration_seconds_sum";
const WAIT_SUM: &str = "handoff_group_commit_wait_seconds_sum";
/// The steps the round-trip counter is labelled with, in the order they are shown.
const STEPS: [&str; 3] = ["read", "keys", "write"];
const SCRAPE_TIMEOUT: Duration = Duration::from_secs(5);

/// The server flag that serves the metrics.
const FLAG: &str = "--metrics-listen";

/// Where a server's metrics are scraped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scraper {
    pub addr: SocketAddr,
}

/// `server_args` for a server whose metrics the bench scrapes, and where to scrape them: a free
/// port on 127.0.0.1, unless the arguments already name an address (`--metrics-listen ADDR` or
/// `--metrics-listen=ADDR`; none to scrape if that is port 0 or not an address).
pub fn server_args(server_args: &[String]) -> Result<(Vec<String>, Option<Scraper>), BoxError> {
    let given = server_args.iter().enumerate().find_map(|(i, a)| {
        if a == FLAG {
            Some(server_args.get(i + 1).cloned().unwrap_or_default())
        } else {
            a.strip_prefix(FLAG)
                .and_then(|rest| rest.strip_prefix('='))
                .map(str::to_owned)
        }
    });
    if let Some(addr) = given {
        let scraper = addr
            .parse::<SocketAddr>()
            .ok()
            .filter(|a| a.port() != 0)
            .map(|addr| Scraper { addr });
        return Ok((server_args.to_vec(), scraper));
    }
    let port = std::net::TcpListener::bind("127.0.0.1:0")?
        .local_addr()?
        .port();
    let addr = SocketAddr::from(([127, 0, 0, 1], port));
    let mut args = server_args.to_vec();
    args.extend([FLAG.to_owned(), addr.to_string()]);
    Ok((args, Some(Scraper { addr })))
}

/// The counters read in one scrape.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sample {
    /// Group commits so far (the writes histogram's count); None when not exported yet.
    commits: Option<f64>,
    writes: Option<f64>,
    /// Statements by step ([`STEPS`]); None when the server exports no round-trip counter.
    round_trips: Option<[f64; 3]>,
    /// Seconds spent in group commits, and waited by the oldest write of each before it began.
    commit_seconds: Option<f64>,
    wait_seconds: Option<f64>,
}

/// The sample in a Prometheus text exposition (only the lines it needs).
pub fn parse(text: &str) -> Sample {
    let mut s = Sample::default();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        // `name{labels} value [timestamp]`; label values here hold no spaces.
        let (series, rest) = match line.find('}') {
            Some(close) => (&line[..=close], &line[close + 1..]),
            None => match line.split_once(char::is_whitespace) {
                Some((name, rest)) => (name, rest),
                None => continue,
            },
        };
        let Some(value) = rest
            .split_whitespace()
            .next()
            .and_then(|v| v.parse::<f64>().ok())
        else {
            continue;
        };
        let (name, labels) = match series.split_once('{') {
            Some((n, l)) => (n, l.trim_end_matches('}')),
            None => (series, ""),
        };
        match name {
            WRITES_COUNT => *s.commits.get_or_insert(0.0) += value,
            WRITES_SUM => *s.writes.get_or_insert(0.0) += value,
            DURATION_SUM => *s.commit_seconds.get_or_insert(0.0) += value,
            WAIT_SUM => *s.wait_seconds.get_or_insert(0.0) += value,
            ROUND_TRIPS => {
                let trips = s.round_trips.get_or_insert([0.0; 3]);
                let step = labels.split(',').find_map(|kv| {
                    let (k, v) = kv.split_once('=')?;
                    (k.trim() == "step").then(|| v.trim().trim_matches('"'))
                });
                if let Some(i) = step.and_then(|st| STEPS.iter().position(|x| *x == st)) {
                    trips[i] += value;
                }
            }
            _ => {}
        }
    }
    s
}

impl Scraper {
    /// One `GET /metrics` (HTTP/1.1, `Connection: close`), parsed.
    pub async fn scrape(&self) -> Result<Sample, BoxError> {
        let exchange = async {
            let mut stream = tokio::net::TcpStream::connect(self.addr).await?;
            stream
                .write_all(
                    format!(
                        "GET /metrics HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
                        self.addr
                    )
                    .as_bytes(),
                )
                .await?;
            let mut raw = Vec::new();
            stream.read_to_end(&mut raw).await?;
            Ok::<_, BoxError>(raw)
        };
        let raw = tokio::time::timeout(SCRAPE_TIMEOUT, exchange)
            .await
            .map_err(|_| format!("no answer from {} within {SCRAPE_TIMEOUT:?}", self.addr))??;
        let text = String::from_utf8_lossy(&raw);
        let (head, body) = text
            .split_once("\r\n\r\n")
            .ok_or_else(|| format!("no HTTP response from {}", self.addr))?;
        let status = head.lines().next().unwrap_or_default();
        if status.split_whitespace().nth(1) != Some("200") {
            return Err(format!("{} answered {status:?}", self.addr).into());
        }
        Ok(parse(body))
    }

    /// A scrape that reports failure in its result rather than as an error.
    pub async fn sample(scraper: Option<&Scraper>) -> Option<Result<Sample, String>> {
        match scraper {
            Some(s) => Some(s.scrape().await.map_err(|e| e.to_string())),
            None => None,
        }
    }
}

/// Statements per step.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Steps {
    pub read: f64,
    pub keys: f64,
    pub write: f64,
}

impl Steps {
    fn from(v: [f64; 3]) -> Steps {
        Steps {
            read: v[0],
            keys: v[1],
            write: v[2],
        }
    }

    fn total(&self) -> f64 {
        self.read + self.keys + self.write
    }

    fn per(&self, n: f64) -> Steps {
        Steps {
            read: self.read / n,
            keys: self.keys / n,
            write: self.write / n,
        }
    }
}

/// The group commits of one measured phase (the difference of the scrapes around it).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct CommitFigures {
    /// Group commits in the phase; None when the server exported no writes histogram.
    pub commits: Option<u64>,
    /// Writes they carried.
    pub writes: Option<u64>,
    pub writes_per_commit: Option<f64>,
    /// Statements sent to the database, by step; None ("n/a") when the server exports no
    /// round-trip counter.
    pub round_trips: Option<Steps>,
    pub round_trips_per_commit: Option<f64>,
    pub round_trips_per_commit_by_step: Option<Steps>,
    /// Mean time of one group commit in the database, ms.
    pub mean_commit_ms: Option<f64>,
    /// Mean time the oldest write of a group commit waited in its queue before it began, ms:
    /// with the commit time, how much of a write's latency is queueing.
    pub mean_oldest_wait_ms: Option<f64>,
    /// Why there are no figures (a scrape failed).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unavailable: Option<String>,
}

impl CommitFigures {
    /// The figures between two scrapes; None when nothing was scraped (no metrics endpoint).
    pub fn between(
        before: Option<Result<Sample, String>>,
        after: Option<Result<Sample, String>>,
    ) -> Option<CommitFigures> {
        let (before, after) = match (before?, after?) {
            (Ok(b), Ok(a)) => (b, a),
            (Err(e), _) | (_, Err(e)) => {
                return Some(CommitFigures {
                    unavailable: Some(format!("metrics scrape failed: {e}")),
                    ..CommitFigures::default()
                });
            }
        };
        // A series not exported yet has counted nothing.
        let delta = |a: Option<f64>, b: Option<f64>| a.map(|a| (a - b.unwrap_or(0.0)).max(0.0));
        let commits = delta(after.commits, before.commits);
        let writes = delta(after.writes, before.writes);
        let round_trips = after.round_trips.map(|a| {
            let b = before.round_trips.unwrap_or_default();
            Steps::from([0, 1, 2].map(|i| (a[i] - b[i]).max(0.0)))
        });
        let per_commit = |x: f64| commits.filter(|&c| c > 0.0).map(|c| x / c);
        let mean_ms =
            |a: Option<f64>, b: Option<f64>| delta(a, b).and_then(per_commit).map(|s| s * 1e3);
        Some(CommitFigures {
            commits: commits.map(|c| c as u64),
            writes: writes.map(|w| w as u64),
            writes_per_commit: writes.and_then(per_commit),
            round_trips,
            round_trips_per_commit: round_trips.and_then(|r| per_commit(r.total())),
            round_trips_per_commit_by_step: round_trips
                .and_then(|r| commits.filter(|&c| c > 0.0).map(|c| r.per(c))),
            mean_commit_ms: mean_ms(after.commit_seconds, before.commit_seconds),
            mean_oldest_wait_ms: mean_ms(after.wait_seconds, before.wait_seconds),
            unavailable: None,
        })
    }

    /// One line for the table.
    pub fn text(&self) -> String {
        if let Some(why) = &self.unavailable {
            return format!("group commits: n/a ({why})");
        }
        let Some(commits) = self.commits else {
            return "group commits: n/a (the server exports no handoff_group_commit_writes)".into();
        };
        let mut s = format!("group commits: {}", fmt_int(commits as f64));
        if let Some(w) = self.writes_per_commit {
            s.push_str(&format!(" ({w:.2} writes each)"));
        }
        match (self.round_trips_per_commit, self.round_trips_per_commit_by_step) {
            (Some(total), Some(by)) => s.push_str(&format!(
                "; round trips per commit {total:.2} (read {:.2}, keys {:.2}, write {:.2})",
                by.read, by.keys, by.write
            )),
            _ if self.round_trips.is_none() => s.push_str(
                "; round trips per commit n/a (the server exports no handoff_group_commit_round_trips_total)",
            ),
            _ => s.push_str("; round trips per commit n/a (no commit in the phase)"),
        }
        if let Some(ms) = self.mean_commit_ms {
            s.push_str(&format!("; mean commit {ms:.2} ms"));
        }
        if let Some(ms) = self.mean_oldest_wait_ms {
            s.push_str(&format!(", its oldest write queued {ms:.2} ms before it"));
        }
        s
    }
}

/// The size of session records (`sessions.snapshot`, uncompressed bytes as `octet_length` counts
/// them; `stored` is `pg_column_size`, after TOAST compression).
#[derive(Debug, Clone, Default, Serialize)]
pub struct RecordSize {
    pub sessions: i64,
    pub avg_bytes: Option<f64>,
    pub max_bytes: Option<i64>,
    pub avg_stored_bytes: Option<f64>,
}

impl RecordSize {
    pub fn text(&self) -> String {
        if self.sessions == 0 {
            return "none".into();
        }
        format!(
            "{} sessions, avg {} bytes, max {} bytes (as stored: avg {} bytes)",
            fmt_int(self.sessions as f64),
            self.avg_bytes.map_or("-".into(), fmt_int),
            self.max_bytes.map_or("-".into(), |m| fmt_int(m as f64)),
            self.avg_stored_bytes.map_or("-".into(), fmt_int),
        )
    }
}

/// Session record sizes in the database at `url`: of the sessions created at or after
/// `since_ms` (Unix ms, as the server stamps `created_ms`), and of those among them whose ids are
/// in `ids` (when given).
pub async fn record_sizes(
    url: &str,
    since_ms: i64,
    ids: &[String],
) -> Result<(RecordSize, RecordSize), BoxError> {
    const SIZES: &str = "SELECT count(*), avg(octet_length(snapshot))::float8, \
                         max(octet_length(snapshot))::int8, avg(pg_column_size(snapshot))::float8 \
                         FROM sessions";
    let mut conn = PgConnection::connect(url).await?;
    let row = |r: (i64, Option<f64>, Option<i64>, Option<f64>)| RecordSize {
        sessions: r.0,
        avg_bytes: r.1,
        max_bytes: r.2,
        avg_stored_bytes: r.3,
    };
    let all = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SIZES} WHERE created_ms >= $1"
    )))
    .bind(since_ms)
    .fetch_one(&mut conn)
    .await?;
    let chosen = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SIZES} WHERE id::text = ANY($1)"
    )))
    .bind(ids)
    .fetch_one(&mut conn)
    .await?;
    let _ = conn.close().await;
    Ok((row(all), row(chosen)))
}

/// Unix time in ms now.
pub fn unix_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    const NEW: &str = "# HELP handoff_group_commit_writes writes carried by one group commit\n\
        # TYPE handoff_group_commit_writes histogram\n\
        handoff_group_commit_writes_bucket{le=\"1\"} 3\n\
        handoff_group_commit_writes_bucket{le=\"+Inf\"} 10\n\
        handoff_group_commit_writes_sum 42\n\
        handoff_group_commit_writes_count 10\n\
        # TYPE handoff_group_commit_round_trips_total counter\n\
        handoff_group_commit_round_trips_total{step=\"write\"} 11\n\
        handoff_group_commit_round_trips_total{step=\"read\"} 2\n\
        handoff_group_commit_duration_seconds_sum 0.05\n\
        handoff_group_commit_wait_seconds_sum 0.02\n\
        handoff_messages_committed_total 40\n";

    #[test]
    fn parses_the_lines_it_needs() {
        assert_eq!(
            parse(NEW),
            Sample {
                commits: Some(10.0),
                writes: Some(42.0),
                round_trips: Some([2.0, 0.0, 11.0]),
                commit_seconds: Some(0.05),
                wait_seconds: Some(0.02),
            }
        );
        assert_eq!(parse("# nothing yet\n"), Sample::default());
    }

    #[test]
    fn figures_between_scrapes() {
        let after = parse(
            &NEW.replace(" 10\n", " 30\n")
                .replace(" 11\n", " 40\n")
                .replace(" 0.05\n", " 0.25\n")
                .replace(" 0.02\n", " 0.12\n"),
        );
        let f = CommitFigures::between(Some(Ok(parse(NEW))), Some(Ok(after))).unwrap();
        assert_eq!(f.commits, Some(20));
        assert_eq!(f.round_trips_per_commit, Some(29.0 / 20.0));
        // 0.2 s over 20 commits, 0.1 s of waiting over 20 commits.
        assert!((f.mean_commit_ms.unwrap() - 10.0).abs() < 1e-9, "{f:?}");
        assert!((f.mean_oldest_wait_ms.unwrap() - 5.0).abs() < 1e-9, "{f:?}");
        assert!(
            f.text()
                .ends_with("; mean commit 10.00 ms, its oldest write queued 5.00 ms before it"),
            "{}",
            f.text()
        );
        assert!(
            f.text()
                .contains("round trips per commit 1.45 (read 0.00, keys 0.00, write 1.45)")
        );
        // An older server: commits, but no round-trip counter.
        let old = |n: u32| {
            format!("handoff_group_commit_writes_sum {n}\nhandoff_group_commit_writes_count {n}\n")
        };
        let f = CommitFigures::between(Some(Ok(parse(&old(5)))), Some(Ok(parse(&old(9))))).unwrap();
        assert_eq!((f.commits, f.round_trips_per_commit), (Some(4), None));
        assert!(f.text().ends_with("round trips per commit n/a (the server exports no handoff_group_commit_round_trips_total)"));
        // Before the first commit nothing is exported: counted from zero.
        let f = CommitFigures::between(Some(Ok(Sample::default())), Some(Ok(parse(NEW)))).unwrap();
        assert_eq!(f.round_trips_per_commit, Some(1.3));
        assert_eq!(CommitFigures::between(None, None), None);
        let failed = CommitFigures::between(Some(Err("refused".into())), Some(Ok(parse(NEW))));
        assert!(
            failed
                .unwrap()
                .text()
                .contains("n/a (metrics scrape failed: refused)")
        );
    }

    #[test]
    fn metrics_flag() {
        let (args, s) = server_args(&["--x".into()]).unwrap();
        let s = s.unwrap();
        assert_eq!(args[1..], [FLAG.to_owned(), s.addr.to_string()]);
        assert!(s.addr.ip().is_loopback() && s.addr.port() != 0);
        let given = vec!["--metrics-listen=127.0.0.1:9999".to_owned()];
        let (args, s) = server_args(&given).unwrap();
        assert_eq!(args, given);
        assert_eq!(s.unwrap().addr.port(), 9999);
        let (_, s) = server_args(&[FLAG.into(), "127.0.0.1:0".into()]).unwrap();
        assert_eq!(s, None);
    }
}
