//! The `handoff` binary: `handoff serve` runs the server, `handoff admin` registers terminals.

use clap::Parser;
use handoff::app::App;
use handoff::bus::Bus;
use handoff::config::{AdminCommand, Cli, Command, KindArg, ServeArgs};
use handoff::pb::TerminalKind;
use handoff::server::{BoxError, Server};

/// jemalloc instead of glibc's malloc, for the memory of idle attached terminals: 15.7 KiB of
/// RSS each with jemalloc against 19.6 KiB with glibc (50,000 attached; mimalloc: 23.4 KiB), with
/// throughput unchanged within the benchmark's spread. Under glibc the memory is not free memory
/// it keeps: `malloc_trim(0)` with all attached gives back about 1 MB, and glibc counts more bytes
/// in use (1.16 GB) than are resident (0.99 GB), so part of what is allocated is never written.
/// The likely cause is placement: glibc puts those partly written buffers into memory that the
/// attach path's transient allocations had already touched, so their unwritten pages count too;
/// jemalloc keeps each size class in pages of its own.
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

#[tokio::main]
async fn main() -> Result<(), BoxError> {
    let cli = Cli::parse();
    let logs = match &cli.command {
        Command::Serve(args) => args.log.clone(),
        Command::Admin(_) => handoff::logging::LogArgs::default(),
    };
    let telemetry = handoff::logging::init(&logs)?;
    match cli.command {
        Command::Serve(args) => {
            let served = serve(*args).await;
            // Flushing waits for the exporter, which needs this runtime's other threads.
            let _ = tokio::task::spawn_blocking(move || telemetry.shutdown()).await;
            served
        }
        Command::Admin(admin) => {
            existing_database(&admin.database.database_url)?;
            let store = handoff::store::connect(&admin.database.database_url, 2).await?;
            let app = App::new(
                uuid::Uuid::new_v4(),
                store,
                Bus::new(),
                ServeArgs::with_database(&admin.database.database_url).settings(),
                tokio::sync::watch::channel(false).1,
            );
            run_admin(&app, admin.command).await
        }
    }
}

/// `handoff admin` works on the database a server already uses: run from another folder, the
/// default `sqlite://handoff.db` would otherwise create a new, empty database there, and the
/// terminals registered in it would be unknown to the server. Says which file it opened.
fn existing_database(url: &str) -> Result<(), BoxError> {
    let Some(path) = handoff::store::sqlite_path(url) else {
        return Ok(());
    };
    let shown = std::path::absolute(&path).unwrap_or(path.clone());
    if !path.exists() {
        return Err(format!(
            "no database at {} ({url}): run `handoff admin` where `handoff serve` runs, or pass \
             the server's --database-url",
            shown.display()
        )
        .into());
    }
    eprintln!("handoff admin: database {}", shown.display());
    Ok(())
}

async fn serve(args: ServeArgs) -> Result<(), BoxError> {
    let server = Server::start(args).await?;
    shutdown_signal().await;
    tracing::info!("shutting down");
    server.shutdown().await
}

async fn shutdown_signal() {
    let ctrl_c = tokio::signal::ctrl_c();
    #[cfg(unix)]
    {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = ctrl_c => {}
                    _ = term.recv() => {}
                }
            }
            Err(_) => {
                let _ = ctrl_c.await;
            }
        }
    }
    #[cfg(not(unix))]
    let _ = ctrl_c.await;
}

async fn run_admin(app: &App, command: AdminCommand) -> Result<(), BoxError> {
    match command {
        AdminCommand::CreateTerminal {
            name,
            kind,
            display_name,
            groups,
            export_as,
        } => {
            let kind = match kind {
                KindArg::Bot => TerminalKind::Bot,
                KindArg::Agent => TerminalKind::Agent,
                KindArg::Gateway => TerminalKind::Gateway,
            };
            let (terminal, token) = handoff::api::create_terminal(
                app,
                &handoff::api::audit::Actor::cli(),
                &name,
                &display_name,
                kind,
                &groups,
            )
            .await?;
            match export_as {
                Some(prefix) => {
                    println!("export {prefix}_ID={}", terminal.id);
                    println!("export {prefix}_TOKEN={token}");
                }
                None => {
                    println!("id:    {}", terminal.id);
                    println!("name:  {}", terminal.name);
                    println!("token: {token}");
                }
            }
        }
        AdminCommand::ListAudit => {
            let mut after = None;
            loop {
                let page = app.store.audit_records(after, 500).await?;
                for r in &page {
                    let time = r.time.unwrap_or_default();
                    println!(
                        "{time}  {}  {}  {}  {}  {}",
                        r.actor, r.peer, r.action, r.terminal_id, r.detail
                    );
                }
                match page.last() {
                    Some(last) if page.len() == 500 => after = Some(last.id.parse()?),
                    _ => break,
                }
            }
        }
        AdminCommand::ListTerminals => {
            let mut after = String::new();
            loop {
                let page = app.store.list_terminals(&after, 500).await?;
                for t in &page {
                    println!(
                        "{}  {:<8}  {}",
                        t.id,
                        t.kind().as_str_name().trim_start_matches("TERMINAL_KIND_"),
                        t.name
                    );
                }
                match page.last() {
                    Some(last) if page.len() == 500 => after = last.name.clone(),
                    _ => break,
                }
            }
        }
    }
    Ok(())
}
