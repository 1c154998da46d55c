//! What the fault suite reads off the wire: event kinds, times, transfer targets, and which events
//! the caller's terminal is shown. Written here from the protocol as the README states it, not
//! taken from the server's own code, so that the checker does not share the server's mistakes.

use handoff::pb::{self, event::Payload};

/// Wall-clock milliseconds since the Unix epoch, as the log's event times.
pub type Millis = i64;

pub fn now_millis() -> Millis {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

/// A protobuf timestamp in [`Millis`].
pub fn millis(ts: &Option<prost_types::Timestamp>) -> Option<Millis> {
    ts.as_ref()
        .map(|t| t.seconds * 1000 + i64::from(t.nanos) / 1_000_000)
}

/// The terminal a transfer was addressed to by id ("" for a group).
pub fn transfer_target(t: &pb::Transfer) -> &str {
    match t.target.as_ref().and_then(|t| t.kind.as_ref()) {
        Some(pb::transfer_target::Kind::TerminalId(id)) => id,
        _ => "",
    }
}

/// Whether the caller's terminal is shown the event: everything but the transfer negotiation.
pub fn seen_by_caller(e: &pb::Event) -> bool {
    !matches!(
        e.payload,
        Some(
            Payload::TransferOffered(_)
                | Payload::TransferAccepted(_)
                | Payload::TransferDeclined(_)
                | Payload::TransferCancelled(_)
                | Payload::TransferExpired(_)
                | Payload::TransferQueued(_)
        )
    )
}

/// A short name of the event's kind, for comparing deliveries with the log and for notes.
pub fn kind_name(e: &pb::Event) -> &'static str {
    match e.payload {
        Some(Payload::SessionRequested(_)) => "session_requested",
        Some(Payload::SessionOpened(_)) => "session_opened",
        Some(Payload::MessagePosted(_)) => "message",
        Some(Payload::TransferOffered(_)) => "transfer_offered",
        Some(Payload::TransferAccepted(_)) => "transfer_accepted",
        Some(Payload::TransferDeclined(_)) => "transfer_declined",
        Some(Payload::TransferCancelled(_)) => "transfer_cancelled",
        Some(Payload::TransferExpired(_)) => "transfer_expired",
        Some(Payload::TransferQueued(_)) => "transfer_queued",
        Some(Payload::HolderDisconnected(_)) => "holder_disconnected",
        Some(Payload::DisconnectAcknowledged(_)) => "disconnect_acknowledged",
        Some(Payload::SessionEnded(_)) => "session_ended",
        None => "unknown",
    }
}
