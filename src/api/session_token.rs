//! Session tokens: a short-lived bearer token a gateway mints for one session it is the caller's
//! terminal of, so that the visitor's browser talks to the server directly (gRPC-Web) instead of
//! through the gateway.
//!
//! A session token acts as the gateway, on its one session, for the few RPCs a visitor needs
//! ([`ALLOWED`]). Everything else is PERMISSION_DENIED, which tells nothing about any session;
//! another session is NOT_FOUND exactly as a missing one. Only the SHA-256 of the secret is
//! stored. Tokens are checked against the database on every call (no cache), so a revocation or
//! the end of the session takes effect at once on every replica; a visitor makes few calls.

use std::time::Duration;

use uuid::Uuid;

use super::parse_id;
use crate::app::App;
use crate::auth::token_hash;
use crate::domain;
use crate::error::{Error, Result};
use crate::pb;
use crate::store::SessionToken;

/// What every session token starts with, so a lookup goes to the right table (terminal tokens
/// start with `hnd_`).
pub const PREFIX: &str = "hst_";

/// What a session token may call, for the status text of everything else.
pub const ALLOWED: &str =
    "GetSession, ListEvents, ListSessionTerminals, Subscribe, Message and Disconnect";

const DEFAULT_TTL: Duration = Duration::from_secs(3600);
const MAX_TTL: Duration = Duration::from_secs(24 * 3600);

/// How often an open Subscribe feed re-checks its session token (revocation), besides ending
/// exactly at its expiry and with its session.
pub const RECHECK: Duration = Duration::from_secs(2);

/// A valid session token: the session it opens and the terminal it acts as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grant {
    pub token_id: Uuid,
    pub session: Uuid,
    pub terminal: Uuid,
    pub expire_ms: domain::Millis,
    /// The stored hash of the secret, to look the token up again.
    token_hash: String,
}

/// The grant of a session token; UNAUTHENTICATED if it is unknown, revoked, expired, or its
/// session has ended.
pub async fn verify(app: &App, token: &str) -> Result<Grant> {
    let hash = token_hash(token);
    let t = app
        .store
        .session_token_by_hash(&hash)
        .await?
        .ok_or(Error::Unauthenticated)?;
    let grant = Grant {
        token_id: t.id,
        session: t.session,
        terminal: t.terminal,
        expire_ms: t.expire_ms,
        token_hash: hash,
    };
    recheck(app, &grant, t.revoked_ms).await?;
    Ok(grant)
}

async fn recheck(app: &App, grant: &Grant, revoked_ms: Option<domain::Millis>) -> Result<()> {
    if revoked_ms.is_some() || domain::now_millis() >= grant.expire_ms {
        return Err(Error::Unauthenticated);
    }
    let live = app
        .store
        .session(grant.session)
        .await?
        .is_some_and(|s| s.state() != pb::SessionState::Ended);
    if live {
        Ok(())
    } else {
        Err(Error::Unauthenticated)
    }
}

/// Whether a grant is still good (for a feed opened with it): not revoked since, not expired,
/// its session not ended.
pub async fn still_valid(app: &App, grant: &Grant) -> Result<()> {
    let t = app
        .store
        .session_token_by_hash(&grant.token_hash)
        .await?
        .ok_or(Error::Unauthenticated)?;
    recheck(app, grant, t.revoked_ms).await
}

/// CreateSessionToken for `actor` (a terminal, never a session token).
pub async fn create(
    app: &App,
    actor: Uuid,
    r: &pb::CreateSessionTokenRequest,
) -> Result<pb::CreateSessionTokenResponse> {
    let session = parse_id("session_id", &r.session_id)?;
    let ttl = match &r.ttl {
        None => DEFAULT_TTL,
        Some(d) if d.seconds < 0 || d.nanos < 0 => {
            return Err(Error::invalid("ttl", "must not be negative"));
        }
        Some(d) if d.seconds == 0 && d.nanos == 0 => DEFAULT_TTL,
        Some(d) => {
            let ttl = Duration::new(d.seconds as u64, d.nanos.clamp(0, 999_999_999) as u32);
            if ttl > MAX_TTL {
                return Err(Error::invalid("ttl", "must be at most 24 hours"));
            }
            ttl
        }
    };
    // Permission before existence: a session the terminal takes no part in is not found.
    let (s, role) = app.session_for(actor, session).await?;
    if role != pb::Role::Caller {
        return Err(Error::precondition(
            "only the session's caller's terminal may mint a session token",
        ));
    }
    if s.state() != pb::SessionState::Open {
        return Err(Error::precondition(
            "a session token can only be minted for an open session",
        ));
    }
    let now = domain::now_millis();
    let token = format!(
        "{PREFIX}{}{}",
        Uuid::new_v4().simple(),
        Uuid::new_v4().simple()
    );
    let stored = SessionToken {
        id: Uuid::now_v7(),
        session,
        terminal: actor,
        create_ms: now,
        expire_ms: now.saturating_add(i64::try_from(ttl.as_millis()).unwrap_or(i64::MAX)),
        revoked_ms: None,
    };
    app.store
        .create_session_token(&stored, &token_hash(&token))
        .await?;
    Ok(pb::CreateSessionTokenResponse {
        token,
        token_id: stored.id.to_string(),
        session_id: session.to_string(),
        expire_time: Some(domain::timestamp(stored.expire_ms)),
    })
}

/// RevokeSessionToken for `actor`: only the terminal that minted the token may revoke it.
pub async fn revoke(app: &App, actor: Uuid, r: &pb::RevokeSessionTokenRequest) -> Result<()> {
    let id = parse_id("token_id", &r.token_id)?;
    if app
        .store
        .revoke_session_token(id, actor, domain::now_millis())
        .await?
    {
        Ok(())
    } else {
        Err(Error::NotFound("session token"))
    }
}
