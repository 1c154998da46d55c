//! A terminal's session operations once it is authenticated: validation, then the call into
//! [`App`]. The unary RPCs and the Attach stream's commands both run these, so a step behaves
//! (and fails) the same whichever way a terminal sends it.

use uuid::Uuid;

use super::{check_facts, check_name, check_text, no_nul, parse_id};
use crate::app::App;
use crate::error::{Error, Result};
use crate::pb;

/// The validated form of a Message request.
pub(super) fn validate_message(
    app: &App,
    r: &pb::MessageRequest,
) -> Result<(Uuid, Option<String>)> {
    let session = parse_id("session_id", &r.session_id)?;
    if r.body.trim().is_empty() {
        return Err(Error::invalid("body", "must not be empty"));
    }
    // The body's size has its own status (below); its text, the rule of every text field.
    no_nul("body", &r.body)?;
    let max = app.settings.limits.max_message_bytes;
    if r.body.len() > max {
        return Err(Error::ResourceExhausted(format!(
            "message body is {} bytes; this server accepts at most {max}",
            r.body.len()
        )));
    }
    check_text("idempotency_key", &r.idempotency_key, 128)?;
    let key = (!r.idempotency_key.is_empty()).then(|| r.idempotency_key.clone());
    Ok((session, key))
}

/// Checks the target's form; whether it exists is decided after the session's permission check.
fn validate_target(target: Option<pb::TransferTarget>) -> Result<pb::TransferTarget> {
    match target.as_ref().and_then(|t| t.kind.as_ref()) {
        Some(pb::transfer_target::Kind::TerminalId(id)) => {
            parse_id("target.terminal_id", id)?;
        }
        Some(pb::transfer_target::Kind::Group(group)) => check_name("target.group", group)?,
        None => {
            return Err(Error::invalid(
                "target",
                "is required: a terminal_id or a group",
            ));
        }
    }
    target.ok_or_else(|| Error::invalid("target", "is required"))
}

fn reason(field: &str, r: &str, app: &App) -> Result<String> {
    check_text(field, r, app.settings.limits.max_reason_bytes)?;
    Ok(r.to_owned())
}

pub(super) async fn transfer(
    app: &App,
    actor: Uuid,
    r: pb::TransferRequest,
) -> Result<pb::Transfer> {
    let session = parse_id("session_id", &r.session_id)?;
    let target = validate_target(r.target)?;
    check_facts("facts", &r.facts, &app.settings.limits)?;
    check_text("note", &r.note, app.settings.limits.max_note_bytes)?;
    if !(-1000..=1000).contains(&r.priority) {
        return Err(Error::invalid("priority", "must be between -1000 and 1000"));
    }
    app.transfer(actor, session, target, r.facts, r.note, r.priority)
        .await
}

pub(super) async fn accept_transfer(
    app: &App,
    actor: Uuid,
    r: &pb::AcceptTransferRequest,
) -> Result<(pb::Transfer, pb::Session)> {
    let session = parse_id("session_id", &r.session_id)?;
    let transfer = parse_id("transfer_id", &r.transfer_id)?;
    app.accept_transfer(actor, session, transfer).await
}

pub(super) async fn decline_transfer(
    app: &App,
    actor: Uuid,
    r: &pb::DeclineTransferRequest,
) -> Result<pb::Transfer> {
    let session = parse_id("session_id", &r.session_id)?;
    let transfer = parse_id("transfer_id", &r.transfer_id)?;
    let why = reason("reason", &r.reason, app)?;
    app.decline_transfer(actor, session, transfer, why).await
}

pub(super) async fn cancel_transfer(
    app: &App,
    actor: Uuid,
    r: &pb::CancelTransferRequest,
) -> Result<pb::Transfer> {
    let session = parse_id("session_id", &r.session_id)?;
    let transfer = parse_id("transfer_id", &r.transfer_id)?;
    let why = reason("reason", &r.reason, app)?;
    app.cancel_transfer(actor, session, transfer, why).await
}

/// The session as it is after the holder (or the caller's terminal) left, and the seq of the
/// HolderDisconnected or SessionEnded event.
pub(super) async fn disconnect(
    app: &App,
    actor: Uuid,
    r: &pb::DisconnectRequest,
) -> Result<(pb::Session, u64)> {
    let session = parse_id("session_id", &r.session_id)?;
    app.disconnect(actor, session).await
}

pub(super) async fn acknowledge_connect(
    app: &App,
    actor: Uuid,
    r: &pb::AcknowledgeConnectRequest,
) -> Result<pb::Session> {
    let session = parse_id("session_id", &r.session_id)?;
    app.acknowledge_connect(actor, session).await
}

pub(super) async fn acknowledge_disconnect(
    app: &App,
    actor: Uuid,
    r: &pb::AcknowledgeDisconnectRequest,
) -> Result<pb::Session> {
    let session = parse_id("session_id", &r.session_id)?;
    app.acknowledge_disconnect(actor, session, r.seq).await
}
