//! gRPC handlers: authenticate, convert and validate requests, call [`App`], convert results.

mod admin;
mod attach;
pub mod audit;
mod cert;
mod ops;
mod routing;
mod rules;
mod session_token;
mod terminal;
pub mod unreadable;

pub use admin::{AdminApi, check_name, create_terminal};
pub use terminal::TerminalApi;

use std::collections::HashMap;
use std::str::FromStr;

use tonic::Request;
use tonic::metadata::MetadataMap;
use uuid::Uuid;

use crate::app::App;
use crate::domain::Limits;
use crate::error::{Error, Result, bounded};
use crate::pb;

/// The bearer token of a request, if it has a well-formed `authorization` header.
fn bearer(metadata: &MetadataMap) -> Option<&str> {
    let value = metadata.get("authorization")?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    (scheme.eq_ignore_ascii_case("bearer") && !token.trim().is_empty()).then(|| token.trim())
}

/// Who a request comes from.
#[derive(Debug, Clone)]
enum Principal {
    /// A terminal's own token (or, with `--terminal-from-client-cert`, its client certificate).
    Terminal(Uuid),
    /// A session token: the caller's terminal, on one session only.
    Session(session_token::Grant),
}

impl Principal {
    /// The terminal that acts for a request on `session`: a session token's other sessions are
    /// NOT_FOUND, exactly as a session that does not exist.
    fn actor_on(&self, session: Uuid) -> Result<Uuid> {
        match self {
            Principal::Terminal(t) => Ok(*t),
            Principal::Session(g) if g.session == session => Ok(g.terminal),
            Principal::Session(_) => Err(Error::NotFound("session")),
        }
    }
}

/// Who a request comes from; UNAUTHENTICATED for a missing or unknown token, or a session token
/// that is no longer valid. With `--terminal-from-client-cert`, a request without a token may be
/// made by the terminal its client certificate names, and one with a terminal's token and a
/// certificate must name the same terminal.
async fn principal<T>(app: &App, request: &Request<T>) -> Result<Principal> {
    let token = bearer(request.metadata());
    if let Some(token) = token.filter(|t| t.starts_with(session_token::PREFIX)) {
        return Ok(Principal::Session(session_token::verify(app, token).await?));
    }
    let by_cert = if app.settings.terminal_from_cert {
        cert::terminal(app, request).await?
    } else {
        None
    };
    match (token, by_cert) {
        (Some(token), by_cert) => {
            let terminal = app.auth.terminal(token).await?;
            match by_cert {
                Some(named) if named != terminal => Err(Error::Unauthenticated),
                _ => Ok(Principal::Terminal(terminal)),
            }
        }
        (None, Some(named)) => Ok(Principal::Terminal(named)),
        (None, None) => Err(Error::Unauthenticated),
    }
}

/// The terminal a request comes from, for the RPCs only a terminal's own token may call;
/// UNAUTHENTICATED for a missing or unknown token, PERMISSION_DENIED for a valid session token.
async fn authenticate<T>(app: &App, request: &Request<T>) -> Result<Uuid> {
    match principal(app, request).await? {
        Principal::Terminal(t) => Ok(t),
        Principal::Session(_) => Err(Error::PermissionDenied(format!(
            "a session token may only call {} on its session",
            session_token::ALLOWED
        ))),
    }
}

/// Parses a required id field.
fn parse_id(field: &str, value: &str) -> Result<Uuid> {
    if value.is_empty() {
        return Err(Error::invalid(field, "is required"));
    }
    let id = Uuid::from_str(value).map_err(|_| {
        Error::invalid(
            field,
            format!("{:?} is not a valid id (a UUID)", bounded(value, 40)),
        )
    })?;
    if field == "session_id" {
        // The call's span (see metrics::RpcMetrics), when spans are on.
        tracing::Span::current().record("session_id", tracing::field::display(&id));
    }
    Ok(id)
}

/// The one rule for text a client sends, on every backend: at most `max` bytes and no NUL
/// character (Postgres cannot store one in text; SQLite can, so the edge decides, not the
/// database). Protobuf decoding has already refused text that is not valid UTF-8.
fn check_text(field: &str, value: &str, max: usize) -> Result<()> {
    if value.len() > max {
        return Err(Error::invalid(
            field,
            format!("is {} bytes; at most {max} are allowed", value.len()),
        ));
    }
    no_nul(field, value)
}

/// Text the database could store: no NUL character (see [`check_text`]).
fn no_nul(field: &str, value: &str) -> Result<()> {
    if value.contains('\0') {
        return Err(Error::invalid(field, "must not contain a NUL character"));
    }
    Ok(())
}

fn check_facts(field: &str, facts: &HashMap<String, String>, limits: &Limits) -> Result<()> {
    if facts.len() > limits.max_facts_per_request {
        return Err(Error::invalid(
            field,
            format!(
                "has {} entries; at most {} are allowed",
                facts.len(),
                limits.max_facts_per_request
            ),
        ));
    }
    for (k, v) in facts {
        if k.is_empty() {
            return Err(Error::invalid(field, "keys must not be empty"));
        }
        let key = format!("{field}[{:?}]", bounded(k, 32));
        check_text(&key, k, limits.max_fact_key_bytes)?;
        check_text(&key, v, limits.max_fact_value_bytes)?;
    }
    Ok(())
}

/// Page tokens are opaque to clients (AIP-158) but bound to the session they page, so a token
/// from another session is rejected rather than silently misapplied.
fn page_token(scope: &str, after: &str) -> String {
    hex::encode(format!("v1|{scope}|{after}"))
}

fn parse_page_token(field: &str, scope: &str, token: &str) -> Result<Option<String>> {
    if token.is_empty() {
        return Ok(None);
    }
    let bad = || Error::invalid(field, "is not a page token issued for this request");
    if token.len() > 1024 {
        return Err(bad());
    }
    let bytes = hex::decode(token).map_err(|_| bad())?;
    let text = String::from_utf8(bytes)
        .ok()
        .filter(|t| !t.contains('\0'))
        .ok_or_else(bad)?;
    let mut parts = text.splitn(3, '|');
    match (parts.next(), parts.next(), parts.next()) {
        (Some("v1"), Some(s), Some(after)) if s == scope => Ok(Some(after.to_owned())),
        _ => Err(bad()),
    }
}

fn page_size(field: &str, requested: i32) -> Result<usize> {
    match requested {
        n if n < 0 => Err(Error::invalid(field, "must not be negative")),
        0 => Ok(100),
        n => Ok((n as usize).min(1000)),
    }
}

fn validate_caller(caller: Option<pb::Caller>) -> Result<pb::Caller> {
    let caller = caller.ok_or_else(|| Error::invalid("caller", "is required"))?;
    if caller.id.trim().is_empty() {
        return Err(Error::invalid(
            "caller.id",
            "is required (a phone number, visitor id or IM handle)",
        ));
    }
    check_text("caller.id", &caller.id, 256)?;
    check_text("caller.display_name", &caller.display_name, 256)?;
    Ok(caller)
}
