//! The RPC metrics as a tower layer around every service: calls by method and status code, and
//! their duration until the status is known (a unary call's answer, a stream's end). When spans
//! are read (JSON logs, OTLP) it also opens each call's span, which handlers fill in with the
//! session id.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Instant;

use http_body::{Body, Frame, SizeHint};
use metrics::{counter, histogram};
use tonic::Code;
use tower::{Layer, Service};
use tracing::Instrument as _;

use super::{RPC_DURATION, RPC_REQUESTS};

#[derive(Debug, Clone, Copy, Default)]
pub struct RpcMetricsLayer;

impl<S> Layer<S> for RpcMetricsLayer {
    type Service = RpcMetrics<S>;

    fn layer(&self, inner: S) -> RpcMetrics<S> {
        RpcMetrics { inner }
    }
}

#[derive(Debug, Clone)]
pub struct RpcMetrics<S> {
    inner: S,
}

impl<S, ReqBody, ResBody> Service<http::Request<ReqBody>> for RpcMetrics<S>
where
    S: Service<http::Request<ReqBody>, Response = http::Response<ResBody>>,
    S::Future: Send + 'static,
{
    type Response = http::Response<MeteredBody<ResBody>>;
    type Error = S::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Self::Response, S::Error>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), S::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: http::Request<ReqBody>) -> Self::Future {
        let path = request.uri().path().to_owned();
        let started = Instant::now();
        let span = if crate::logging::spans_enabled() {
            tracing::info_span!(
                "rpc",
                otel.name = %path,
                otel.kind = "server",
                rpc.system = "grpc",
                rpc.method = %path,
                session_id = tracing::field::Empty,
                rpc.grpc.status_code = tracing::field::Empty,
            )
        } else {
            tracing::Span::none()
        };
        let answer = span.in_scope(|| self.inner.call(request));
        let answered = async move {
            let response = answer.await?;
            let (parts, body) = response.into_parts();
            // A trailers-only answer (every error a handler returns) has its status here.
            let code = status(&parts.headers);
            if let Some(code) = code {
                tracing::Span::current().record("rpc.grpc.status_code", code as i32);
            }
            let call = Call {
                // Any path reaches the router; only served methods get a label of their own, so
                // a client cannot grow the label set.
                method: if code == Some(Code::Unimplemented) {
                    "unknown".to_owned()
                } else {
                    path
                },
                started,
                code,
            };
            Ok(http::Response::from_parts(
                parts,
                MeteredBody {
                    inner: body,
                    call: Some(call),
                },
            ))
        };
        Box::pin(answered.instrument(span))
    }
}

fn status(headers: &http::HeaderMap) -> Option<Code> {
    let value = headers.get("grpc-status")?.to_str().ok()?;
    Some(Code::from_i32(value.parse().ok()?))
}

struct Call {
    method: String,
    started: Instant,
    code: Option<Code>,
}

impl Call {
    fn record(self) {
        // A response that ended without any status: the client went away mid-call.
        let code = code_name(self.code.unwrap_or(Code::Cancelled));
        counter!(RPC_REQUESTS, "method" => self.method.clone(), "code" => code).increment(1);
        histogram!(RPC_DURATION, "method" => self.method, "code" => code)
            .record(self.started.elapsed().as_secs_f64());
    }
}

/// A response body that records its call once the status is known: at the trailers, at the end
/// of a trailers-only answer, or when the body is dropped unfinished.
pub struct MeteredBody<B> {
    inner: B,
    call: Option<Call>,
}

impl<B> MeteredBody<B> {
    fn finish(&mut self) {
        if let Some(call) = self.call.take() {
            call.record();
        }
    }
}

impl<B> Drop for MeteredBody<B> {
    fn drop(&mut self) {
        self.finish();
    }
}

impl<B: Body + Unpin> Body for MeteredBody<B> {
    type Data = B::Data;
    type Error = B::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Self::Data>, Self::Error>>> {
        let polled = Pin::new(&mut self.inner).poll_frame(cx);
        match &polled {
            Poll::Ready(Some(Ok(frame))) => {
                if let Some(trailers) = frame.trailers_ref() {
                    if let (Some(call), Some(code)) = (self.call.as_mut(), status(trailers)) {
                        call.code = Some(code);
                    }
                    self.finish();
                }
            }
            Poll::Ready(None) | Poll::Ready(Some(Err(_))) => self.finish(),
            Poll::Pending => {}
        }
        polled
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.inner.size_hint()
    }
}

/// The canonical upper-case name of a status code, as gRPC's documentation spells it.
pub fn code_name(code: Code) -> &'static str {
    match code {
        Code::Ok => "OK",
        Code::Cancelled => "CANCELLED",
        Code::Unknown => "UNKNOWN",
        Code::InvalidArgument => "INVALID_ARGUMENT",
        Code::DeadlineExceeded => "DEADLINE_EXCEEDED",
        Code::NotFound => "NOT_FOUND",
        Code::AlreadyExists => "ALREADY_EXISTS",
        Code::PermissionDenied => "PERMISSION_DENIED",
        Code::ResourceExhausted => "RESOURCE_EXHAUSTED",
        Code::FailedPrecondition => "FAILED_PRECONDITION",
        Code::Aborted => "ABORTED",
        Code::OutOfRange => "OUT_OF_RANGE",
        Code::Unimplemented => "UNIMPLEMENTED",
        Code::Internal => "INTERNAL",
        Code::Unavailable => "UNAVAILABLE",
        Code::DataLoss => "DATA_LOSS",
        Code::Unauthenticated => "UNAUTHENTICATED",
    }
}
