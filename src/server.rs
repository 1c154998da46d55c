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
use crate::store::{Backend, SqlStore, Store};

pub type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// A running server.
pub struct Server {
    /// The address it listens on (the real port when started on port 0).
    pub addr: SocketAddr,
    pub app: Arc<App>,
    shutdown: watch::Sender<bool>,
    serve: JoinHandle<Result<(), tonic::transport::Error>>,
    /// Deadline sweeper, presence heartbeat, cross-replica relay.
    background: Vec<JoinHandle<()>>,
}

impl Server {
    /// Connects to the configured database (migrating it) and starts serving.
    pub async fn start(args: ServeArgs) -> Result<Server, BoxError> {
        let store = SqlStore::connect(
            &args.database.database_url,
            args.database.database_max_connections,
        )
        .await?;
        Self::start_with_store(args, Arc::new(store)).await
    }

    pub async fn start_with_store(
        args: ServeArgs,
        store: Arc<dyn Store>,
    ) -> Result<Server, BoxError> {
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
        };
        let reflection_v1 = reflection().build_v1()?;
        let reflection_v1alpha = reflection().build_v1alpha()?;

        let mut background = vec![
            tokio::spawn(sweep(app.clone(), args.sweep_interval, shutdown_rx.clone())),
            tokio::spawn(heartbeat(
                app.clone(),
                args.presence_interval,
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
        let mut until_shutdown = shutdown_rx;
        // Outside in: the browser pages (with --web) answer their GETs, CORS answers browsers'
        // preflights, gRPC-Web (HTTP/1.1 accepted) is turned into gRPC, then the services see
        // plain gRPC.
        let router = tonic::transport::Server::builder()
            .accept_http1(true)
            .layer(tower::util::option_layer(
                args.web
                    .then(|| crate::web::Pages::new(args.web_dir.clone())),
            ))
            .layer(tower::util::option_layer(crate::web::cors(
                &args.cors_origins,
            )?))
            .layer(tonic_web::GrpcWebLayer::new())
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
        tracing::info!(%addr, %replica, "handoff listening");
        Ok(Server {
            addr,
            app,
            shutdown,
            serve,
            background,
        })
    }

    /// `http://addr`, for clients.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
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
/// replicas silent for ten intervals; at shutdown withdraws this replica's terminals.
async fn heartbeat(
    app: Arc<App>,
    interval: std::time::Duration,
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
