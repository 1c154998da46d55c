//! A throwaway PostgreSQL cluster of its own, for fault tests: the fault suite (`handoff-faults`)
//! and the server's replica tests restart it under load.
//!
//! ```no_run
//! # fn main() -> std::io::Result<()> {
//! use handoff_pg_cluster::PgCluster;
//! let pg = PgCluster::start()?; // initdb in a new temporary folder, then start
//! pg.create_database("handoff")?;
//! let url = pg.url("handoff"); // postgres://postgres@127.0.0.1:PORT/handoff
//! pg.restart_immediate()?; // crash-stop (no checkpoint) and start again: recovery from WAL
//! drop(pg); // stops it (immediate) and removes the folder
//! # Ok(()) }
//! ```
//!
//! Every method blocks (it runs `initdb`, `pg_ctl` or `psql` and waits); from async code call it
//! through `tokio::task::spawn_blocking`, or accept a blocked worker for the second it takes.
//!
//! The binaries come from `$HANDOFF_PG_BIN`, else `/usr/lib/postgresql/15/bin`. When the process
//! runs as root they run as the `postgres` user (`runuser -u postgres --`), since Postgres refuses
//! to run as root; the folder is then owned by `postgres`. Authentication is `trust`; the server
//! listens on 127.0.0.1 only, on a free port, with its unix socket inside the folder.

use std::io;
use std::net::TcpListener;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A running PostgreSQL cluster in a temporary folder; stopped and removed on drop.
pub struct PgCluster {
    dir: PathBuf,
    bin: PathBuf,
    port: u16,
    as_postgres: bool,
}

impl PgCluster {
    /// Creates a cluster (`initdb`, trust authentication) in a new temporary folder and starts it.
    pub fn start() -> io::Result<PgCluster> {
        let bin = std::env::var_os("HANDOFF_PG_BIN")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from("/usr/lib/postgresql/15/bin"));
        if !bin.join("initdb").exists() {
            return Err(io::Error::new(
                io::ErrorKind::NotFound,
                format!(
                    "no initdb in {} (set HANDOFF_PG_BIN to PostgreSQL's bin folder)",
                    bin.display()
                ),
            ));
        }
        let as_postgres = std::fs::metadata("/proc/self")?.uid() == 0;
        let dir =
            std::env::temp_dir().join(format!("handoff-pg-{}", uuid::Uuid::new_v4().simple()));
        std::fs::create_dir_all(dir.join("sock"))?;
        let pg = PgCluster {
            dir,
            bin,
            port: free_port()?,
            as_postgres,
        };
        if as_postgres {
            run(Command::new("chown")
                .arg("-R")
                .arg("postgres:postgres")
                .arg(&pg.dir))?;
        }
        run(pg.pg_command("initdb").arg("-D").arg(pg.data()).args([
            "-U",
            "postgres",
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--locale=C",
            "--no-sync",
        ]))?;
        pg.start_server()?;
        Ok(pg)
    }

    /// `postgres://postgres@127.0.0.1:PORT/db`.
    pub fn url(&self, db: &str) -> String {
        format!("postgres://postgres@127.0.0.1:{}/{db}", self.port)
    }

    /// The TCP port it listens on (the same across restarts).
    pub fn port(&self) -> u16 {
        self.port
    }

    /// The temporary folder (data in `data/`, the server log in `postgres.log`).
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// `CREATE DATABASE name`; the name must be letters, digits and `_`.
    pub fn create_database(&self, name: &str) -> io::Result<()> {
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("database name {name:?}: use letters, digits and _"),
            ));
        }
        run(Command::new(self.bin.join("psql"))
            .current_dir(&self.dir)
            .args(["-h", "127.0.0.1", "-U", "postgres", "-d", "postgres"])
            .args(["-p", &self.port.to_string()])
            .args(["-v", "ON_ERROR_STOP=1", "-q", "-c"])
            .arg(format!("CREATE DATABASE {name}")))?;
        Ok(())
    }

    /// Stops the server with `-m immediate` (every backend is killed, no checkpoint: what a crash
    /// leaves) and starts it again; returns once it accepts connections (after crash recovery).
    pub fn restart_immediate(&self) -> io::Result<()> {
        self.stop_immediate()?;
        self.start_server()
    }

    /// Stops the server with `-m immediate`; `start_server` brings it back.
    pub fn stop_immediate(&self) -> io::Result<()> {
        run(self.pg_command("pg_ctl").arg("-D").arg(self.data()).args([
            "-m",
            "immediate",
            "-w",
            "-s",
            "stop",
        ]))
        .map(|_| ())
    }

    /// Starts the server (after `stop_immediate`); waits until it accepts connections.
    pub fn start_server(&self) -> io::Result<()> {
        let options = format!(
            "-p {} -k {} -c listen_addresses=127.0.0.1 -c max_connections=200",
            self.port,
            self.dir.join("sock").display()
        );
        run(self
            .pg_command("pg_ctl")
            .arg("-D")
            .arg(self.data())
            .arg("-l")
            .arg(self.dir.join("postgres.log"))
            .args(["-w", "-t", "60", "-s", "-o", &options, "start"]))
        .map(|_| ())
    }

    fn data(&self) -> PathBuf {
        self.dir.join("data")
    }

    /// A command for one of PostgreSQL's binaries, as `postgres` when we are root.
    fn pg_command(&self, name: &str) -> Command {
        let program = self.bin.join(name);
        let mut c = if self.as_postgres {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(program);
            c
        } else {
            Command::new(program)
        };
        // The postgres user may not be allowed into the caller's working directory.
        c.current_dir(&self.dir);
        c
    }
}

impl Drop for PgCluster {
    fn drop(&mut self) {
        let _ = self.stop_immediate();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// A port that was free a moment ago on 127.0.0.1.
pub fn free_port() -> io::Result<u16> {
    Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

fn run(c: &mut Command) -> io::Result<Output> {
    let out = c.output()?;
    if out.status.success() {
        Ok(out)
    } else {
        Err(io::Error::other(format!(
            "{:?} failed ({}): {}{}",
            c,
            out.status,
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )))
    }
}
