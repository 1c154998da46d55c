//! The web channel: browsers call the API with gRPC-Web on the gRPC port (HTTP/1.1 accepted, see
//! [`crate::server`]); pages on other origins need CORS, allowed only for the configured origins.
//! With `--web` the same port also serves the browser pages (a visitor's widget, an agent console).

use std::future::Future;
use std::path::PathBuf;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use bytes::Bytes;
use http_body_util::Full;

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

/// The browser pages, as built by `npm run build` in `web/` (committed in `web/dist/`).
const PAGES: [(&str, &str, &[u8]); 6] = [
    (
        "index.html",
        "text/html; charset=utf-8",
        include_bytes!("../web/dist/index.html"),
    ),
    (
        "widget.html",
        "text/html; charset=utf-8",
        include_bytes!("../web/dist/widget.html"),
    ),
    (
        "console.html",
        "text/html; charset=utf-8",
        include_bytes!("../web/dist/console.html"),
    ),
    (
        "widget.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../web/dist/widget.js"),
    ),
    (
        "console.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../web/dist/console.js"),
    ),
    (
        "style.css",
        "text/css; charset=utf-8",
        include_bytes!("../web/dist/style.css"),
    ),
];

/// Serves the browser pages on GET and HEAD, and passes everything else (gRPC, gRPC-Web, CORS
/// preflights) on. Only the files in [`PAGES`] exist, so no path can reach outside them.
#[derive(Debug, Clone)]
pub struct Pages {
    dir: Option<PathBuf>,
}

impl Pages {
    /// The built-in pages, or the same files read from `dir` on every request.
    pub fn new(dir: Option<PathBuf>) -> Pages {
        Pages { dir }
    }

    fn page(path: &str) -> Option<(&'static str, &'static str, &'static [u8])> {
        let name = match path.trim_start_matches('/') {
            "" => "index.html",
            name => name,
        };
        PAGES.iter().find(|(n, _, _)| *n == name).copied()
    }
}

impl<S> tower::Layer<S> for Pages {
    type Service = PagesService<S>;

    fn layer(&self, inner: S) -> Self::Service {
        PagesService {
            inner,
            pages: self.clone(),
        }
    }
}

#[derive(Debug, Clone)]
pub struct PagesService<S> {
    inner: S,
    pages: Pages,
}

type Page = http::Response<tonic::body::Body>;

impl<S, B> tower::Service<http::Request<B>> for PagesService<S>
where
    S: tower::Service<http::Request<B>, Response = Page>,
    S::Future: Send + 'static,
    S::Error: Send + 'static,
{
    type Response = Page;
    type Error = S::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Page, S::Error>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: http::Request<B>) -> Self::Future {
        let get = matches!(*request.method(), Method::GET | Method::HEAD);
        match Pages::page(request.uri().path()).filter(|_| get) {
            Some(page) => {
                let dir = self.pages.dir.clone();
                let head = request.method() == Method::HEAD;
                Box::pin(async move { Ok(respond(page, dir, head).await) })
            }
            None => Box::pin(self.inner.call(request)),
        }
    }
}

async fn respond(
    (name, content_type, built_in): (&str, &'static str, &'static [u8]),
    dir: Option<PathBuf>,
    head: bool,
) -> Page {
    let (status, bytes) = match dir {
        None => (http::StatusCode::OK, Bytes::from_static(built_in)),
        Some(dir) => match tokio::fs::read(dir.join(name)).await {
            Ok(b) => (http::StatusCode::OK, Bytes::from(b)),
            Err(e) => {
                tracing::warn!(file = %dir.join(name).display(), error = %e, "cannot read a web page");
                (
                    http::StatusCode::NOT_FOUND,
                    Bytes::from_static(b"not found\n"),
                )
            }
        },
    };
    let body = if head { Bytes::new() } else { bytes };
    let mut response = http::Response::new(tonic::body::Body::new(Full::new(body)));
    *response.status_mut() = status;
    let headers = response.headers_mut();
    headers.insert(
        http::header::CONTENT_TYPE,
        HeaderValue::from_static(content_type),
    );
    // The pages change with the server; a reload must not run an older bundle against it.
    headers.insert(
        http::header::CACHE_CONTROL,
        HeaderValue::from_static("no-cache"),
    );
    headers.insert(
        "x-content-type-options",
        HeaderValue::from_static("nosniff"),
    );
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_must_be_exact() {
        assert!(cors(&[]).expect("none").is_none());
        assert!(
            cors(&["https://shop.example".into()])
                .expect("ok")
                .is_some()
        );
        assert!(
            cors(&["http://127.0.0.1:8080/".into()])
                .expect("ok")
                .is_some()
        );
        for bad in ["*", "https://*.example", "shop.example", "ftp://x"] {
            assert!(cors(&[bad.into()]).is_err(), "{bad}");
        }
    }

    #[test]
    fn only_the_pages_are_served() {
        assert_eq!(Pages::page("/").map(|p| p.0), Some("index.html"));
        assert_eq!(
            Pages::page("/widget.html").map(|p| p.0),
            Some("widget.html")
        );
        for other in [
            "/../Cargo.toml",
            "/dist/widget.js",
            "/handoff.v1.TerminalService/Message",
        ] {
            assert!(Pages::page(other).is_none(), "{other}");
        }
    }
}
