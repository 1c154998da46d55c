//! The web channel: browsers call the API with gRPC-Web on the gRPC port (HTTP/1.1 accepted, see
//! [`crate::server`]); pages on other origins need CORS, allowed only for the configured origins.

use std::time::Duration;

use http::{HeaderName, HeaderValue, Method};
use tower_http::cors::{AllowOrigin, CorsLayer};

use crate::server::BoxError;

/// Request headers a gRPC-Web client sends besides the CORS-safelisted ones.
const REQUEST_HEADERS: [&str; 6] = [
    "authorization",
    "content-type",
    "x-grpc-web",
    "x-user-agent",
    "grpc-timeout",
    "connect-protocol-version",
];

/// Response headers a browser script must be able to read: the status travels in them when a
/// call fails before any message (a trailers-only response).
const EXPOSED_HEADERS: [&str; 3] = ["grpc-status", "grpc-message", "grpc-status-details-bin"];

/// The CORS policy for `origins`; None when there are none (browsers then refuse cross-origin
/// calls, as without this layer). Origins are compared exactly, as browsers send them.
pub fn cors(origins: &[String]) -> Result<Option<CorsLayer>, BoxError> {
    if origins.is_empty() {
        return Ok(None);
    }
    let mut allowed = Vec::with_capacity(origins.len());
    for o in origins {
        let o = o.trim().trim_end_matches('/');
        if !(o.starts_with("http://") || o.starts_with("https://")) || o.contains('*') {
            return Err(format!(
                "--cors-origin {o:?}: expected an origin like https://example.com (no wildcards)"
            )
            .into());
        }
        allowed.push(HeaderValue::from_str(o).map_err(|e| format!("--cors-origin {o:?}: {e}"))?);
    }
    Ok(Some(
        CorsLayer::new()
            .allow_origin(AllowOrigin::list(allowed))
            .allow_methods([Method::POST, Method::GET, Method::OPTIONS])
            .allow_headers(REQUEST_HEADERS.map(HeaderName::from_static))
            .expose_headers(EXPOSED_HEADERS.map(HeaderName::from_static))
            .max_age(Duration::from_secs(600)),
    ))
}
