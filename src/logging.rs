//! Where logs and traces go: stderr, as text for people or JSON lines for collectors, filtered by
//! RUST_LOG (default `info`); and, with `--otlp-endpoint`, spans (one per RPC, one per group
//! commit, carrying the session id) exported over OTLP/gRPC. Without an endpoint no exporter
//! exists: nothing is collected, nothing is retried.

use std::sync::atomic::{AtomicBool, Ordering};

use clap::{Args, ValueEnum};
use opentelemetry::trace::TracerProvider as _;
use opentelemetry_otlp::WithExportConfig as _;
use opentelemetry_sdk::trace::SdkTracerProvider;
use tracing_subscriber::layer::SubscriberExt as _;
use tracing_subscriber::util::SubscriberInitExt as _;
use tracing_subscriber::{EnvFilter, Layer as _, Registry};

use crate::server::BoxError;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum LogFormat {
    /// Human-readable lines (coloured on a terminal).
    #[default]
    Text,
    /// One JSON object per line, with the current span's fields (an RPC's method and session,
    /// a group commit's size).
    Json,
}

#[derive(Debug, Clone, Default, Args)]
pub struct LogArgs {
    /// Log line format on stderr.
    #[arg(long, env = "HANDOFF_LOG_FORMAT", value_enum, default_value_t = LogFormat::Text)]
    pub log_format: LogFormat,
    /// Export trace spans over OTLP/gRPC to this collector, e.g. http://127.0.0.1:4317 (off when
    /// unset).
    #[arg(long, env = "HANDOFF_OTLP_ENDPOINT")]
    pub otlp_endpoint: Option<String>,
}

/// Whether RPCs and group commits open spans: only when something reads them (JSON lines carry
/// the current span; OTLP exports them). Text logs stay as they were, without the cost.
static SPANS: AtomicBool = AtomicBool::new(false);

pub fn spans_enabled() -> bool {
    SPANS.load(Ordering::Relaxed)
}

/// What has to be flushed before the process exits.
#[must_use]
pub struct Telemetry {
    provider: Option<SdkTracerProvider>,
}

impl Telemetry {
    /// Exports the spans still buffered (bounded by the exporter's timeout).
    pub fn shutdown(self) {
        if let Some(provider) = self.provider
            && let Err(e) = provider.shutdown()
        {
            eprintln!("could not flush trace spans: {e}");
        }
    }
}

/// Installs the process's subscriber. With an OTLP endpoint it must run inside a Tokio runtime
/// (the exporter's gRPC channel lives there). A second call (a test, an embedding program that
/// set its own) leaves the first subscriber in place.
pub fn init(args: &LogArgs) -> Result<Telemetry, BoxError> {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    let fmt = tracing_subscriber::fmt::layer().with_writer(std::io::stderr);
    let fmt = match args.log_format {
        LogFormat::Text => fmt
            .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
            .boxed(),
        LogFormat::Json => fmt
            .json()
            .flatten_event(true)
            .with_current_span(true)
            .with_span_list(false)
            .boxed(),
    };
    let provider = match &args.otlp_endpoint {
        Some(endpoint) => {
            let exporter = opentelemetry_otlp::SpanExporter::builder()
                .with_tonic()
                .with_endpoint(endpoint.clone())
                .build()?;
            let resource = opentelemetry_sdk::Resource::builder()
                .with_service_name("handoff")
                .build();
            Some(
                SdkTracerProvider::builder()
                    .with_batch_exporter(exporter)
                    .with_resource(resource)
                    .build(),
            )
        }
        None => None,
    };
    let otel = provider
        .as_ref()
        .map(|p| tracing_opentelemetry::layer().with_tracer(p.tracer("handoff")));
    let installed = Registry::default()
        .with(filter)
        .with(fmt)
        .with(otel)
        .try_init()
        .is_ok();
    if installed && (provider.is_some() || args.log_format == LogFormat::Json) {
        SPANS.store(true, Ordering::Relaxed);
    }
    Ok(Telemetry { provider })
}
