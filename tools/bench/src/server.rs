//! The system under test: a database of the run's own on the machine's Postgres, and the
//! `handoff serve` child process on it (a separate process, so that its RSS and CPU are its own).

use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use sqlx::Connection;
use sqlx::postgres::PgConnection;

use handoff::client::{self, AdminClient, BoxError};
use handoff::pb;

/// Runs `measure` against a server of its own on a database of its own, both made for it: the
/// server stops once `measure` is done (whatever connections `measure` opened must be dropped by
/// then: a stopping server waits for them) and the database is dropped, also when `measure`
/// fails. While it runs, the CPU lines count that database's Postgres backends; the caller points
/// them back at its own database afterwards.
pub async fn on_fresh_server<T>(
    bin: &Path,
    admin_url: &str,
    server_args: &[String],
    measure: impl AsyncFnOnce(&ServerProc) -> Result<T, BoxError>,
) -> Result<T, BoxError> {
    let mut db = BenchDb::create(admin_url).await?;
    crate::stats::set_bench_database(&db.name);
    let log = std::env::temp_dir().join(format!("{}.server.log", db.name));
    let measured = async {
        let srv = ServerProc::start(bin, &db.url, server_args, log).await?;
        let out = measure(&srv).await;
        srv.stop(Duration::from_secs(30)).await?;
        out
    }
    .await;
    let dropped = db.drop_now().await;
    let out = measured?;
    dropped?;
    Ok(out)
}

/// A database created for this run and dropped at its end (also when the run fails).
pub struct BenchDb {
    pub admin_url: String,
    pub name: String,
    pub url: String,
    dropped: bool,
}

/// `postgres://u@h:p/db?x` with the database replaced.
fn with_database(admin_url: &str, name: &str) -> String {
    let (base, query) = match admin_url.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (admin_url, None),
    };
    let prefix = match base.find("://") {
        Some(scheme_end) => match base[scheme_end + 3..].find('/') {
            Some(slash) => &base[..scheme_end + 3 + slash],
            None => base,
        },
        None => base,
    };
    match query {
        Some(q) => format!("{prefix}/{name}?{q}"),
        None => format!("{prefix}/{name}"),
    }
}

impl BenchDb {
    pub async fn create(admin_url: &str) -> Result<BenchDb, BoxError> {
        let name = format!("handoff_bench_{}", uuid::Uuid::new_v4().simple());
        let mut conn = PgConnection::connect(admin_url)
            .await
            .map_err(|e| format!("Postgres at {admin_url} is required: {e}"))?;
        sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
            .execute(&mut conn)
            .await?;
        let _ = conn.close().await;
        Ok(BenchDb {
            admin_url: admin_url.to_owned(),
            url: with_database(admin_url, &name),
            name,
            dropped: false,
        })
    }

    pub async fn drop_now(&mut self) -> Result<(), BoxError> {
        let mut conn = PgConnection::connect(&self.admin_url).await?;
        let sql = format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name);
        sqlx::query(sqlx::AssertSqlSafe(sql))
            .execute(&mut conn)
            .await?;
        let _ = conn.close().await;
        self.dropped = true;
        Ok(())
    }
}

impl Drop for BenchDb {
    fn drop(&mut self) {
        if self.dropped {
            return;
        }
        let (admin, name) = (self.admin_url.clone(), self.name.clone());
        // Possibly inside the runtime: a thread with a runtime of its own can block.
        let _ = std::thread::spawn(move || {
            if let Ok(rt) = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
            {
                rt.block_on(async {
                    if let Ok(mut conn) = PgConnection::connect(&admin).await {
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

/// Facts about the Postgres the run uses, for the report.
pub async fn postgres_facts(url: &str) -> Result<Vec<(String, String)>, BoxError> {
    let mut conn = PgConnection::connect(url).await?;
    let mut out = Vec::new();
    let version: (String,) = sqlx::query_as("SELECT version()")
        .fetch_one(&mut conn)
        .await?;
    out.push(("version".to_owned(), version.0));
    for setting in [
        "max_connections",
        "synchronous_commit",
        "fsync",
        "shared_buffers",
        "wal_level",
        "commit_delay",
    ] {
        let v: (String,) = sqlx::query_as(sqlx::AssertSqlSafe(format!("SHOW {setting}")))
            .fetch_one(&mut conn)
            .await?;
        out.push((setting.to_owned(), v.0));
    }
    let _ = conn.close().await;
    Ok(out)
}

/// Connections open on the Postgres server right now.
pub async fn connections_in_use(url: &str) -> Result<(u32, u32), BoxError> {
    let mut conn = PgConnection::connect(url).await?;
    let used: (i64,) = sqlx::query_as("SELECT count(*) FROM pg_stat_activity")
        .fetch_one(&mut conn)
        .await?;
    let max: (String,) = sqlx::query_as("SHOW max_connections")
        .fetch_one(&mut conn)
        .await?;
    let _ = conn.close().await;
    Ok((used.0 as u32, max.0.parse().unwrap_or(100)))
}

pub const ADMIN_TOKEN: &str = "bench-admin-token";

/// A `handoff serve` child process.
pub struct ServerProc {
    child: Child,
    pub pid: u32,
    pub url: String,
    pub log: PathBuf,
}

/// `handoff` next to this executable (target/release/handoff beside target/release/handoff-bench).
pub fn default_server_bin() -> Result<PathBuf, BoxError> {
    Ok(std::env::current_exe()?.with_file_name("handoff"))
}

fn free_port() -> Result<u16, BoxError> {
    let l = std::net::TcpListener::bind("127.0.0.1:0")?;
    Ok(l.local_addr()?.port())
}

fn log_tail(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(20)..].join("\n")
}

impl ServerProc {
    /// Starts `bin serve` on `database_url` with a high open-files limit, and waits until its
    /// admin API answers.
    pub async fn start(
        bin: &Path,
        database_url: &str,
        extra_args: &[String],
        log: PathBuf,
    ) -> Result<ServerProc, BoxError> {
        if !bin.exists() {
            return Err(format!(
                "server binary {} not found: build it first (cargo build --release)",
                bin.display()
            )
            .into());
        }
        let port = free_port()?;
        let listen = format!("127.0.0.1:{port}");
        let out = File::options().create(true).append(true).open(&log)?;
        let err = out.try_clone()?;
        let mut cmd = Command::new("sh");
        cmd.arg("-c")
            .arg(r#"ulimit -n 200000 2>/dev/null || ulimit -n "$(ulimit -Hn)"; exec "$0" "$@""#)
            .arg(bin)
            .args(["serve", "--database-url", database_url, "--listen", &listen])
            .args(["--admin-token", ADMIN_TOKEN])
            .args(extra_args)
            .stdin(Stdio::null())
            .stdout(Stdio::from(out))
            .stderr(Stdio::from(err));
        if std::env::var_os("RUST_LOG").is_none() {
            cmd.env("RUST_LOG", "warn");
        }
        let child = cmd.spawn()?;
        let pid = child.id();
        let mut server = ServerProc {
            child,
            pid,
            url: format!("http://{listen}"),
            log,
        };
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            if let Some(status) = server.child.try_wait()? {
                return Err(format!(
                    "the server exited during start-up ({status}); its log {}:\n{}",
                    server.log.display(),
                    log_tail(&server.log)
                )
                .into());
            }
            if let Ok(mut admin) = client::admin(&server.url, ADMIN_TOKEN).await
                && admin
                    .list_terminals(pb::ListTerminalsRequest {
                        page_size: 1,
                        page_token: String::new(),
                    })
                    .await
                    .is_ok()
            {
                return Ok(server);
            }
            if Instant::now() > deadline {
                server.kill();
                return Err(format!(
                    "the server did not answer within 60 s; its log {}:\n{}",
                    server.log.display(),
                    log_tail(&server.log)
                )
                .into());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    pub async fn admin(&self) -> Result<AdminClient, BoxError> {
        client::admin(&self.url, ADMIN_TOKEN).await
    }

    pub fn rss_kib(&self) -> Option<u64> {
        crate::stats::status_kib(self.pid, "VmRSS")
    }

    pub fn hwm_kib(&self) -> Option<u64> {
        crate::stats::status_kib(self.pid, "VmHWM")
    }

    /// Whether the process is still running (a crash mid-run is a finding).
    pub fn alive(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }

    /// (warnings, errors, the first of them) in the server's log so far.
    pub fn log_problems(&self) -> (usize, usize, Option<String>) {
        let text = std::fs::read_to_string(&self.log).unwrap_or_default();
        let (mut warns, mut errors, mut first) = (0, 0, None);
        for line in text.lines() {
            let is_warn = line.contains(" WARN ");
            let is_error = line.contains(" ERROR ");
            warns += usize::from(is_warn);
            errors += usize::from(is_error);
            if (is_warn || is_error) && first.is_none() {
                first = Some(line.chars().take(300).collect());
            }
        }
        (warns, errors, first)
    }

    pub fn log_tail(&self) -> String {
        log_tail(&self.log)
    }

    /// SIGTERM (graceful shutdown), then SIGKILL after `grace`.
    pub async fn stop(mut self, grace: Duration) -> Result<(), BoxError> {
        let _ = Command::new("kill")
            .args(["-TERM", &self.pid.to_string()])
            .status();
        let deadline = Instant::now() + grace;
        while Instant::now() < deadline {
            if self.child.try_wait()?.is_some() {
                return Ok(());
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        self.kill();
        Err(format!("the server did not stop within {grace:?} of SIGTERM; killed").into())
    }

    fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for ServerProc {
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            self.kill();
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn database_urls() {
        assert_eq!(
            super::with_database("postgres://postgres@127.0.0.1:5432/postgres", "x"),
            "postgres://postgres@127.0.0.1:5432/x"
        );
        assert_eq!(
            super::with_database("postgres://u@h/postgres?sslmode=disable", "x"),
            "postgres://u@h/x?sslmode=disable"
        );
        assert_eq!(
            super::with_database("postgres://u@h", "x"),
            "postgres://u@h/x"
        );
    }
}
