//! Command line and environment: every flag has an environment variable of the same meaning.

use std::net::SocketAddr;
use std::time::Duration;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::app::Settings;
use crate::domain::{Limits, Timeouts};

/// The embedded default: a SQLite file in the working directory, created on first run.
pub const DEFAULT_DATABASE_URL: &str = "sqlite://handoff.db";

#[derive(Debug, Parser)]
#[command(
    name = "handoff",
    version,
    about = "Live conversations and their context-preserving transfer between terminals, over gRPC."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Runs the gRPC server.
    Serve(Box<ServeArgs>),
    /// Registers terminals directly in the server's database and prints their tokens.
    Admin(AdminArgs),
}

#[derive(Debug, Clone, Args)]
pub struct DatabaseArgs {
    /// postgres://user@host/db for production, or sqlite://path for the embedded store.
    #[arg(long, env = "HANDOFF_DATABASE_URL", default_value = DEFAULT_DATABASE_URL)]
    pub database_url: String,
    /// Connection pool size (SQLite uses one writer plus up to 8 readers).
    #[arg(long, env = "HANDOFF_DATABASE_MAX_CONNECTIONS", default_value_t = 16)]
    pub database_max_connections: u32,
}

/// Derives `Parser` as well as `Args` so tests can build it alone, with every default.
#[derive(Debug, Clone, Parser)]
#[command(name = "serve")]
pub struct ServeArgs {
    /// Address to listen on; port 0 picks a free port.
    #[arg(long, env = "HANDOFF_LISTEN", default_value = "127.0.0.1:50051")]
    pub listen: SocketAddr,
    #[command(flatten)]
    pub database: DatabaseArgs,
    /// Enables the AdminService for callers presenting this bearer token.
    #[arg(long, env = "HANDOFF_ADMIN_TOKEN", hide_env_values = true)]
    pub admin_token: Option<String>,
    /// Lets callers presenting this bearer token use the AdminService's read RPCs (terminals,
    /// limits, audit log, routing, transfer rules, states, sessions, queues) and nothing else.
    #[arg(long, env = "HANDOFF_SUPERVISOR_TOKEN", hide_env_values = true)]
    pub supervisor_token: Option<String>,
    /// How long Connect waits for the destination to acknowledge.
    #[arg(long, env = "HANDOFF_CONNECT_TIMEOUT", default_value = "10s", value_parser = parse_duration)]
    pub connect_timeout: Duration,
    /// How long a transfer offer waits for an answer before it expires.
    #[arg(long, env = "HANDOFF_OFFER_TIMEOUT", default_value = "60s", value_parser = parse_duration)]
    pub offer_timeout: Duration,
    /// After acceptance, how long the holder has to disconnect before the server does it.
    #[arg(long, env = "HANDOFF_HANDOFF_GRACE", default_value = "10s", value_parser = parse_duration)]
    pub handoff_grace: Duration,
    /// How many times one session may be transferred (holder changes); a Transfer beyond gets
    /// FAILED_PRECONDITION with reason HOP_LIMIT, which stops transfer loops.
    #[arg(long, env = "HANDOFF_MAX_TRANSFER_HOPS", default_value_t = 256)]
    pub max_transfer_hops: u32,
    /// Largest message body accepted, in bytes.
    #[arg(long, env = "HANDOFF_MAX_MESSAGE_BYTES", default_value_t = 16 * 1024)]
    pub max_message_bytes: usize,
    /// How many messages a transfer offer carries inline to its target (older ones are paged).
    #[arg(long, env = "HANDOFF_OFFER_DIALOG_LIMIT", default_value_t = 500)]
    pub offer_dialog_limit: usize,
    /// How often deadlines (connect, offer expiry, handoff grace) are checked.
    #[arg(long, env = "HANDOFF_SWEEP_INTERVAL", default_value = "200ms", value_parser = parse_duration)]
    pub sweep_interval: Duration,
    /// How often this replica tells the others it is alive (its attached terminals count as
    /// present for their Connect and group transfers); a replica silent for three intervals is gone.
    #[arg(long, env = "HANDOFF_PRESENCE_INTERVAL", default_value = "2s", value_parser = parse_duration)]
    pub presence_interval: Duration,
    /// Postgres only: how often this replica re-checks recently changed sessions, in case a
    /// wake-up from another replica was lost (that replica died between commit and signal).
    #[arg(long, env = "HANDOFF_CATCH_UP_INTERVAL", default_value = "1s", value_parser = parse_duration)]
    pub catch_up_interval: Duration,
    /// Parallel group-commit writers for messages and session changes (sessions are spread over
    /// them by id).
    #[arg(long, env = "HANDOFF_MESSAGE_WRITERS", default_value_t = 2)]
    pub message_writers: usize,
    /// The most writes (messages, session changes) one group commit carries.
    #[arg(long, env = "HANDOFF_MAX_BATCH", default_value_t = 512)]
    pub max_batch: usize,
    /// How long a bearer-token lookup is kept in memory ("0s" looks every call up). A rotation
    /// retires cached lookups on every replica as soon as its signal arrives; this bounds how
    /// long a token changed behind the server's back (by hand in the database) keeps working.
    #[arg(long, env = "HANDOFF_TOKEN_CACHE_TTL", default_value = "60s", value_parser = parse_duration)]
    pub token_cache_ttl: Duration,
    /// How long ended sessions are kept; older ones are deleted with everything kept about them
    /// (log, memberships, session tokens). "0s", the default, keeps them forever.
    #[arg(long, env = "HANDOFF_RETENTION", default_value = "0s", value_parser = parse_duration)]
    pub retention: Duration,
    /// How often the retention purge runs (on one replica at a time).
    #[arg(long, env = "HANDOFF_RETENTION_INTERVAL", default_value = "60s", value_parser = parse_duration)]
    pub retention_interval: Duration,
    /// A web origin (scheme://host[:port]) whose pages may call the API from a browser
    /// (gRPC-Web with CORS); repeat for several. None by default: browsers on other origins are
    /// refused, same-origin pages and non-browser clients are unaffected.
    #[arg(
        long = "cors-origin",
        env = "HANDOFF_CORS_ORIGINS",
        value_delimiter = ','
    )]
    pub cors_origins: Vec<String>,
    /// Also serves the browser pages on the same port: /widget.html (a visitor's web chat) and
    /// /console.html (an agent console), built into the binary.
    #[arg(long, env = "HANDOFF_WEB")]
    pub web: bool,
    /// With --web, serves the pages from this folder instead of the built-in copy (for working
    /// on them: rebuild with `npm run build` in web/ and reload).
    #[arg(long, env = "HANDOFF_WEB_DIR")]
    pub web_dir: Option<std::path::PathBuf>,
    #[command(flatten)]
    pub tls: crate::tls::TlsArgs,
    #[command(flatten)]
    pub metrics: crate::metrics::MetricsArgs,
    #[command(flatten)]
    pub rate: crate::limits::RateArgs,
    #[command(flatten)]
    pub log: crate::logging::LogArgs,
}

impl ServeArgs {
    /// The settings of a server on `database_url` with every other flag at its default.
    pub fn with_database(database_url: &str) -> ServeArgs {
        let mut args =
            ServeArgs::try_parse_from(["serve"]).unwrap_or_else(|e| panic!("defaults parse: {e}"));
        args.database.database_url = database_url.to_owned();
        args
    }

    pub fn settings(&self) -> Settings {
        Settings {
            timeouts: Timeouts {
                connect: self.connect_timeout,
                offer: self.offer_timeout,
                handoff_grace: self.handoff_grace,
            },
            limits: Limits {
                max_message_bytes: self.max_message_bytes,
                max_hops: self.max_transfer_hops,
                ..Limits::default()
            },
            offer_dialog_limit: self.offer_dialog_limit,
            presence_ttl: self.presence_interval * 3,
            message_writers: self.message_writers,
            max_batch: self.max_batch,
            token_cache_ttl: self.token_cache_ttl,
            rate: self.rate,
            terminal_from_cert: self.tls.terminal_from_client_cert,
        }
    }
}

#[derive(Debug, Args)]
pub struct AdminArgs {
    #[command(flatten)]
    pub database: DatabaseArgs,
    #[command(subcommand)]
    pub command: AdminCommand,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum KindArg {
    Bot,
    Agent,
    Gateway,
}

#[derive(Debug, Subcommand)]
pub enum AdminCommand {
    /// Registers a terminal and prints its id and token (the token is shown only once).
    CreateTerminal {
        #[arg(long)]
        name: String,
        #[arg(long, value_enum)]
        kind: KindArg,
        #[arg(long, default_value = "")]
        display_name: String,
        /// A group it belongs to (repeat for several); transfers can target a group.
        #[arg(long = "group")]
        groups: Vec<String>,
        /// Print `export PREFIX_ID=…` and `export PREFIX_TOKEN=…` lines for a shell to eval.
        #[arg(long)]
        export_as: Option<String>,
    },
    /// Lists registered terminals.
    ListTerminals,
    /// Prints the audit log of admin changes, oldest first.
    ListAudit,
}

/// Accepts `250ms`, `10s`, `2m`, `12h`, `30d` (humantime's forms, `1h 30m` too) or a bare
/// number of seconds.
pub fn parse_duration(s: &str) -> Result<Duration, String> {
    let s = s.trim();
    if let Ok(seconds) = s.parse::<f64>() {
        return Duration::try_from_secs_f64(seconds).map_err(|e| format!("{s:?}: {e}"));
    }
    humantime::parse_duration(s)
        .map_err(|e| format!("{s:?} is not a duration like 500ms, 10s, 2m, 12h or 30d: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_parse() {
        assert_eq!(parse_duration("250ms"), Ok(Duration::from_millis(250)));
        assert_eq!(parse_duration("10s"), Ok(Duration::from_secs(10)));
        assert_eq!(parse_duration("2m"), Ok(Duration::from_secs(120)));
        assert_eq!(parse_duration("3"), Ok(Duration::from_secs(3)));
        assert_eq!(parse_duration("30d"), Ok(Duration::from_secs(30 * 86_400)));
        assert_eq!(parse_duration("1h 30m"), Ok(Duration::from_secs(5_400)));
        assert!(parse_duration("ten").is_err());
    }

    #[test]
    fn serve_defaults_need_no_flags() {
        let args = ServeArgs::with_database("sqlite://x.db");
        assert_eq!(args.listen.port(), 50051);
        assert_eq!(args.connect_timeout, Duration::from_secs(10));
    }
}
