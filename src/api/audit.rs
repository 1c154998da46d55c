//! The admin audit log: who changed what, when and from where, one append-only record per change
//! made through AdminService or `handoff admin`.

use std::net::SocketAddr;

use uuid::Uuid;

use crate::app::App;
use crate::domain;
use crate::error::Result;
use crate::pb;

/// Who makes a change, and from where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub who: String,
    pub peer: String,
}

impl Actor {
    /// `handoff admin` on this machine, as the user running it.
    pub fn cli() -> Actor {
        let user = ["USER", "LOGNAME"]
            .iter()
            .find_map(|v| std::env::var(v).ok().filter(|u| !u.is_empty()))
            .unwrap_or_else(|| "unknown".to_owned());
        Actor {
            who: format!("cli:{}", crate::error::bounded(&user, 64)),
            peer: "local".to_owned(),
        }
    }

    /// A caller holding the admin token (`token_hash` is its SHA-256, in hex): named by a prefix
    /// of the hash, which tells tokens apart across rotations and reveals nothing usable.
    pub fn admin_token(token_hash: &str, peer: Option<SocketAddr>) -> Actor {
        Actor {
            who: format!("admin-token:{}", &token_hash[..token_hash.len().min(12)]),
            peer: peer.map_or_else(|| "unknown".to_owned(), |p| p.to_string()),
        }
    }

    /// A caller holding the supervisor token, named like [`Actor::admin_token`] under its own
    /// prefix. The supervisor token may only read, so no change is ever recorded as its; the
    /// name keeps such a caller apart from an administrator all the same.
    pub fn supervisor_token(token_hash: &str, peer: Option<SocketAddr>) -> Actor {
        Actor {
            who: format!(
                "supervisor-token:{}",
                &token_hash[..token_hash.len().min(12)]
            ),
            peer: peer.map_or_else(|| "unknown".to_owned(), |p| p.to_string()),
        }
    }
}

/// Records a change that was just made. Its failure is the caller's: the change stands, but an
/// operator must learn that it went unrecorded.
pub async fn record(
    app: &App,
    by: &Actor,
    action: &str,
    terminal_id: &str,
    detail: String,
) -> Result<()> {
    let record = pb::AuditRecord {
        id: Uuid::now_v7().to_string(),
        time: Some(domain::timestamp(domain::now_millis())),
        actor: by.who.clone(),
        action: action.to_owned(),
        terminal_id: terminal_id.to_owned(),
        detail,
        peer: by.peer.clone(),
    };
    tracing::info!(
        actor = %record.actor, action, terminal = terminal_id, detail = %record.detail,
        peer = %record.peer, "admin change"
    );
    app.store.append_audit(&record).await.inspect_err(|e| {
        tracing::error!(error = %e, action, terminal = terminal_id, "admin change made but not recorded in the audit log");
    })
}
