//! The scrape endpoint: a minimal HTTP/1.1 responder on a listener of its own (GET /metrics),
//! so that metrics never share a port, TLS or authentication with the gRPC API.

use std::sync::Arc;
use std::time::Duration;

use metrics_exporter_prometheus::PrometheusHandle;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;

/// Reads gauges that are sampled rather than counted (database pools) just before a scrape.
pub type Sampler = Arc<dyn Fn() + Send + Sync>;

/// The longest request head read; a scrape's is a few hundred bytes.
const MAX_HEAD: usize = 8 * 1024;
/// How long a client may take to send its request and read the answer.
const CLIENT_TIMEOUT: Duration = Duration::from_secs(10);

/// Answers scrapes until shutdown, and keeps histograms compacted between them.
pub async fn serve(
    listener: TcpListener,
    handle: PrometheusHandle,
    sample: Sampler,
    mut shutdown: watch::Receiver<bool>,
) {
    let mut upkeep = tokio::time::interval(super::UPKEEP_INTERVAL);
    upkeep.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => {
                    let (handle, sample) = (handle.clone(), sample.clone());
                    tokio::spawn(async move {
                        let answered = tokio::time::timeout(CLIENT_TIMEOUT, answer(stream, &handle, &sample)).await;
                        if let Ok(Err(e)) = answered {
                            tracing::debug!(error = %e, "metrics scrape failed");
                        }
                    });
                }
                Err(e) => {
                    // Out of file descriptors, say: pause rather than spin.
                    tracing::warn!(error = %e, "metrics listener cannot accept; pausing");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
            },
            _ = upkeep.tick() => handle.run_upkeep(),
            _ = crate::server::stopped(&mut shutdown) => return,
        }
    }
}

async fn answer(
    mut stream: TcpStream,
    handle: &PrometheusHandle,
    sample: &Sampler,
) -> std::io::Result<()> {
    let mut head = Vec::with_capacity(512);
    let mut buf = [0u8; 1024];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") {
        let n = stream.read(&mut buf).await?;
        if n == 0 {
            return Ok(());
        }
        head.extend_from_slice(&buf[..n]);
        if head.len() > MAX_HEAD {
            return respond(&mut stream, "431 Request Header Fields Too Large", "").await;
        }
    }
    let line = head.split(|&b| b == b'\r').next().unwrap_or_default();
    let line = String::from_utf8_lossy(line);
    let mut words = line.split(' ');
    let (method, target) = (words.next(), words.next());
    let path = target.map(|t| t.split('?').next().unwrap_or(t));
    match (method, path) {
        (Some("GET"), Some("/metrics")) => {
            sample();
            super::refresh();
            handle.run_upkeep();
            respond(&mut stream, "200 OK", &handle.render()).await
        }
        (Some("GET"), _) => respond(&mut stream, "404 Not Found", "try /metrics\n").await,
        _ => respond(&mut stream, "405 Method Not Allowed", "").await,
    }
}

async fn respond(stream: &mut TcpStream, status: &str, body: &str) -> std::io::Result<()> {
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: text/plain; version=0.0.4; charset=utf-8\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).await?;
    stream.write_all(body.as_bytes()).await?;
    stream.shutdown().await
}
