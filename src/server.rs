//! Assembles and runs the gRPC server: the two handoff services, health, reflection (v1 and
//! v1alpha, since grpcurl 1.8 speaks only v1alpha), and the deadline sweeper.

use std::net::SocketAddr;
use std::sync::Arc;

use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinHandle;

use crate::api::{AdminApi, TerminalApi};
use crate::app::App;
use crate::bus::{self, Bus};
use crate::config::ServeArgs;
use crate::domain;
use crate::pb::{
    self, admin_service_server::AdminServiceServer, terminal_service_server::TerminalServiceServer,
};
use crate::store::{Backend, Store};

pub type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// A running server.
pub struct Server {
    /// The address it listens on (the real port when started on port 0).
    pub addr: SocketAddr,
    /// Where Prometheus scrapes, with `--metrics-listen`.
    pub metrics_addr: Option<SocketAddr>,
    /// Whether the listener speaks TLS.
    tls: bool,
    pub app: Arc<App>,
    shutdown: watch::Sender<bool>,
    serve: JoinHandle<Result<(), tonic::transport::Error>>,
    /// Deadline sweeper, presence heartbeat, cross-replica relay.
    background: Vec<JoinHandle<()>>,
}

impl Server {
    /// Connects to the configured database (migrating it) and starts serving.
    pub async fn start(args: ServeArgs) -> Result<Server, BoxError> {
        let store = crate::store::connect(
            &args.database.database_url,
            args.database.database_max_connections,
        )
        .await?;
        Self::start_with_store(args, store).await
    }

    pub async fn start_with_store(
        args: ServeArgs,
        store: Arc<dyn Store>,
    ) -> Result<Server, BoxError> {
        // What the configuration can make fail comes first, before any task is started.
        let given = |t: &Option<String>| t.clone().filter(|t| !t.is_empty());
        if given(&args.supervisor_token).is_some()
            && given(&args.supervisor_token) == given(&args.admin_token)
        {
            // The admin token would win: a supervisor could change everything.
            return Err("--supervisor-token must differ from --admin-token".into());
        }
        let tls = args.tls.server_config()?;
        let mut builder = tonic::transport::Server::builder();
        if let Some(tls) = tls.clone() {
            builder = builder.tls_config(tls)?;
        }
        let metrics = match args.metrics.metrics_listen {
            // Installed before anything counts (the background tasks' first rounds included).
            Some(at) => Some((TcpListener::bind(at).await?, crate::metrics::install())),
            None => None,
        };
        let listener = TcpListener::bind(args.listen).await?;
        let addr = listener.local_addr()?;
        let (shutdown, shutdown_rx) = watch::channel(false);
        let replica = uuid::Uuid::new_v4();
        let app = Arc::new(App::new(
            replica,
            store.clone(),
            Bus::new(),
            args.settings(),
            shutdown_rx.clone(),
        ));

        let (health, health_service) = tonic_health::server::health_reporter();
        health
            .set_serving::<TerminalServiceServer<TerminalApi>>()
            .await;
        health.set_serving::<AdminServiceServer<AdminApi>>().await;
        let reflection = || {
            tonic_reflection::server::Builder::configure()
                .register_encoded_file_descriptor_set(pb::FILE_DESCRIPTOR_SET)
                .register_encoded_file_descriptor_set(tonic_health::pb::FILE_DESCRIPTOR_SET)
                // The error details (BadRequest, RetryInfo) the statuses carry, so that grpcurl
                // can print them, and the Duration that RetryInfo refers to.
                .register_encoded_file_descriptor_set(tonic_types::pb::FILE_DESCRIPTOR_SET)
                .register_encoded_file_descriptor_set(pb::WELL_KNOWN_DESCRIPTOR_SET)
        };
        let reflection_v1 = reflection().build_v1()?;
        let reflection_v1alpha = reflection().build_v1alpha()?;

        // Limits set by administrators apply from the first call on.
        app.limits.set_all(app.store.terminal_limits().await?);
        let mut background = vec![
            tokio::spawn(crate::limits::reload_on_change(
                app.clone(),
                crate::limits::RELOAD_INTERVAL,
                shutdown_rx.clone(),
            )),
            tokio::spawn(sweep(app.clone(), args.sweep_interval, shutdown_rx.clone())),
            tokio::spawn(crate::router::run(app.clone(), shutdown_rx.clone())),
            tokio::spawn(purge(
                app.clone(),
                args.retention,
                args.retention_interval,
                shutdown_rx.clone(),
            )),
            tokio::spawn(crate::limits::shrink_every(
                app.limits.clone(),
                std::time::Duration::from_secs(60),
                shutdown_rx.clone(),
            )),
            tokio::spawn(heartbeat(
                app.clone(),
                args.presence_interval,
                args.metrics.metrics_listen.is_some(),
                shutdown_rx.clone(),
            )),
        ];
        if Backend::from_url(&args.database.database_url)? == Backend::Postgres {
            background.extend(bus::postgres::start(
                app.bus.clone(),
                app.tail.clone(),
                store,
                &args.database.database_url,
                replica,
                args.catch_up_interval,
                shutdown_rx.clone(),
            ));
        }
        let metrics_addr = match metrics {
            Some((listener, handle)) => {
                let bound = listener.local_addr()?;
                let pools = app.store.clone();
                background.push(tokio::spawn(crate::metrics::serve(
                    listener,
                    handle,
                    Arc::new(move || crate::metrics::pool_usage(&pools.pool_usage())),
                    shutdown_rx.clone(),
                )));
                tracing::info!(addr = %bound, "metrics at /metrics");
                Some(bound)
            }
            None => None,
        };
        let mut until_shutdown = shutdown_rx;
        // Outside in: the browser pages (with --web) answer their GETs, CORS answers browsers'
        // preflights, gRPC-Web (HTTP/1.1 accepted) is turned into gRPC; then the RPC metrics see
        // plain gRPC statuses as clients get them (unreadable requests reclassified), and the
        // services see plain gRPC.
        let router = builder
            .accept_http1(true)
            .layer(tower::util::option_layer(
                args.web
                    .then(|| crate::web::Pages::new(args.web_dir.clone())),
            ))
            .layer(tower::util::option_layer(crate::web::cors(
                &args.cors_origins,
            )?))
            .layer(tonic_web::GrpcWebLayer::new())
            .layer(crate::metrics::RpcMetricsLayer)
            .layer(tower::util::MapResponseLayer::new(
                crate::api::unreadable::reclassify,
            ))
            .add_service(health_service)
            .add_service(reflection_v1)
            .add_service(reflection_v1alpha)
            .add_service(TerminalServiceServer::new(TerminalApi::new(app.clone())))
            .add_service(AdminServiceServer::new(AdminApi::new(
                app.clone(),
                args.admin_token.as_deref(),
                args.supervisor_token.as_deref(),
            )));
        // TCP_NODELAY: tonic does not set it on an incoming stream it is handed, and with Nagle on
        // a small reply waits for the client's delayed ACK (~40 ms per call at low load).
        let incoming =
            tonic::transport::server::TcpIncoming::from(listener).with_nodelay(Some(true));
        let serve = tokio::spawn(router.serve_with_incoming_shutdown(incoming, async move {
            let _ = until_shutdown.wait_for(|stop| *stop).await;
            health
                .set_not_serving::<TerminalServiceServer<TerminalApi>>()
                .await;
        }));
        tracing::info!(%addr, %replica, tls = tls.is_some(), "handoff listening");
        Ok(Server {
            addr,
            metrics_addr,
            tls: tls.is_some(),
            app,
            shutdown,
            serve,
            background,
        })
    }

    /// `http://addr` (`https://` with TLS), for clients.
    pub fn url(&self) -> String {
        let scheme = if self.tls { "https" } else { "http" };
        format!("{scheme}://{}", self.addr)
    }

    /// Stops accepting calls, ends attached streams (clients resume elsewhere), waits for the
    /// in-flight calls to finish.
    pub async fn shutdown(self) -> Result<(), BoxError> {
        let _ = self.shutdown.send(true);
        let served = self.serve.await;
        for task in self.background {
            let _ = task.await;
        }
        served??;
        Ok(())
    }
}

/// Tells the other replicas this one is alive every `interval`, and forgets the terminals of
/// replicas silent for ten intervals; at shutdown withdraws this replica's terminals. With
/// `count_replicas` (metrics on) it also reads how many replicas are alive.
async fn heartbeat(
    app: Arc<App>,
    interval: std::time::Duration,
    count_replicas: bool,
    mut shutdown: watch::Receiver<bool>,
) {
    let mut tick = tokio::time::interval(interval);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tokio::select! {
            _ = tick.tick() => {
                let now = domain::now_millis();
                let forget_before = now - (interval * 10).as_millis() as i64;
                if let Err(e) = app.store.replica_heartbeat(app.replica, now, forget_before).await {
                    tracing::warn!(error = %e, "replica heartbeat failed; retrying on the next tick");
                }
                // Kept a day past expiry, so that a late call still finds the token (and fails
                // as expired) rather than a table that grows forever.
                if let Err(e) = app.store.forget_session_tokens(now - 24 * 3600 * 1000).await {
                    tracing::warn!(error = %e, "could not delete expired session tokens");
                }
                if count_replicas {
                    let since = now - app.settings.presence_ttl.as_millis() as i64;
                    match app.store.live_replicas(since).await {
                        Ok(n) => crate::metrics::replicas_live(n),
                        Err(e) => tracing::debug!(error = %e, "could not count live replicas"),
                    }
                }
            }
            changed = shutdown.changed() => {
                if changed.is_err() || *shutdown.borrow() {
                    if let Err(e) = app.store.forget_replica(app.replica).await {
                        tracing::warn!(error = %e, "could not withdraw this replica's presence");
                    }
                    return;
                }
            }
        }
    }
}

/// Deletes the sessions that ended more than `retention` ago, every `interval` until shutdown;
/// with no retention set, does nothing.
async fn purge(
    app: Arc<App>,
    retention: std::time::Duration,
    interval: std::time::Duration,
    mut shutdown: watch::Receiver<bool>,
) {
    if retention.is_zero() {
        return;
    }
    let mut tick = tokio::time::interval(interval);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tokio::select! {
            _ = tick.tick() => {
                let before = domain::now_millis() - retention.as_millis() as i64;
                match app.purge_ended(before).await {
                    Ok(Some(r)) if r.sessions > 0 => {
                        tracing::info!(sessions = r.sessions, events = r.events, "purged ended sessions past the retention period");
                    }
                    Ok(_) => {}
                    Err(e) => tracing::warn!(error = %e, "retention purge failed; retrying on the next tick"),
                }
            }
            changed = shutdown.changed() => {
                if changed.is_err() || *shutdown.borrow() {
                    return;
                }
            }
        }
    }
}

/// Applies due deadlines every `interval` until shutdown.
async fn sweep(app: Arc<App>, interval: std::time::Duration, mut shutdown: watch::Receiver<bool>) {
    let mut tick = tokio::time::interval(interval);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tokio::select! {
            _ = tick.tick() => {
                if let Err(e) = app.sweep(domain::now_millis()).await {
                    tracing::warn!(error = %e, "deadline sweep failed; retrying on the next tick");
                }
            }
            changed = shutdown.changed() => {
                if changed.is_err() || *shutdown.borrow() {
                    return;
                }
            }
        }
    }
}

/// Resolves once `shutdown` says stop (or its sender is gone).
pub async fn stopped(shutdown: &mut watch::Receiver<bool>) {
    let _ = shutdown.wait_for(|stop| *stop).await;
}
