//! The one domain error type and its one conversion to `tonic::Status`.
//!
//! Handlers return `Error`; only `From<Error> for Status` decides codes. Storage failures are logged
//! here with their detail and reach the client as a bare UNAVAILABLE or INTERNAL.

use tonic::{Code, Status};
use tonic_types::{ErrorDetails, StatusExt};

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A request field is malformed; `field` names it as in the proto (`caller.id`).
    #[error("{field}: {description}")]
    InvalidArgument { field: String, description: String },
    /// Also what a terminal sees for a session it does not take part in.
    #[error("{0} not found")]
    NotFound(&'static str),
    #[error("{0}")]
    FailedPrecondition(String),
    #[error("{0}")]
    AlreadyExists(String),
    #[error("{0}")]
    ResourceExhausted(String),
    /// A per-terminal limit: the client may try again after `retry_after` (RetryInfo).
    #[error("too many {what} from this terminal; retry in {} ms", retry_after.as_millis().max(1))]
    RateLimited {
        what: &'static str,
        retry_after: std::time::Duration,
    },
    #[error("{0}")]
    OutOfRange(String),
    #[error("{0}")]
    Unavailable(String),
    #[error("missing or invalid credentials")]
    Unauthenticated,
    #[error("{0}")]
    PermissionDenied(String),
    /// A rule of the service refused the call; the reason is stable (clients match on it, not on
    /// the text) and travels as a google.rpc.ErrorInfo.
    #[error("{message}")]
    Refused { reason: Reason, message: String },
    #[error("storage error: {0}")]
    Storage(#[from] sqlx::Error),
    #[error("internal error: {0}")]
    Internal(String),
}

/// Why a rule refused a call: the `reason` of its google.rpc.ErrorInfo (domain [`REASON_DOMAIN`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// The terminal holds as many sessions as its capacity allows (FAILED_PRECONDITION).
    AtCapacity,
    /// The session has been transferred as many times as the server allows (FAILED_PRECONDITION).
    HopLimit,
    /// The transfer rules do not allow this target (PERMISSION_DENIED).
    TargetNotAllowed,
}

pub const REASON_DOMAIN: &str = "handoff.v1";

impl Reason {
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::AtCapacity => "AT_CAPACITY",
            Reason::HopLimit => "HOP_LIMIT",
            Reason::TargetNotAllowed => "TARGET_NOT_ALLOWED",
        }
    }

    fn code(self) -> Code {
        match self {
            Reason::AtCapacity | Reason::HopLimit => Code::FailedPrecondition,
            Reason::TargetNotAllowed => Code::PermissionDenied,
        }
    }
}

impl Error {
    pub fn refused(reason: Reason, message: impl Into<String>) -> Self {
        Error::Refused {
            reason,
            message: message.into(),
        }
    }

    pub fn invalid(field: impl Into<String>, description: impl Into<String>) -> Self {
        Error::InvalidArgument {
            field: field.into(),
            description: description.into(),
        }
    }

    pub fn precondition(msg: impl Into<String>) -> Self {
        Error::FailedPrecondition(msg.into())
    }

    /// What to tell a client whose request the framework could not read (`code` and `message`
    /// as the framework reported them): a message over the size limit is RESOURCE_EXHAUSTED, as
    /// gRPC's own implementations answer, and anything else that is not a valid request message
    /// is INVALID_ARGUMENT. INTERNAL stays reserved for the server's own failures.
    pub fn unreadable_request(code: Code, message: &str) -> Error {
        match code {
            Code::OutOfRange | Code::ResourceExhausted => Error::ResourceExhausted(format!(
                "the request message is larger than this server accepts ({})",
                bounded(message, 120)
            )),
            _ => Error::invalid(
                "request",
                format!("is not a valid request message ({})", bounded(message, 120)),
            ),
        }
    }

    /// The status code this error maps to (also used for stream receipts).
    pub fn code(&self) -> Code {
        match self {
            Error::InvalidArgument { .. } => Code::InvalidArgument,
            Error::NotFound(_) => Code::NotFound,
            Error::FailedPrecondition(_) => Code::FailedPrecondition,
            Error::AlreadyExists(_) => Code::AlreadyExists,
            Error::ResourceExhausted(_) | Error::RateLimited { .. } => Code::ResourceExhausted,
            Error::OutOfRange(_) => Code::OutOfRange,
            Error::Unavailable(_) => Code::Unavailable,
            Error::Unauthenticated => Code::Unauthenticated,
            Error::PermissionDenied(_) => Code::PermissionDenied,
            Error::Refused { reason, .. } => reason.code(),
            Error::Storage(e) if is_transient(e) => Code::Unavailable,
            Error::Storage(e) if is_data_exception(e) => Code::InvalidArgument,
            Error::Storage(_) | Error::Internal(_) => Code::Internal,
        }
    }

    /// The message a client may see: internal details stay in the log, and however long the
    /// input it quotes, it stays under [`MAX_MESSAGE_BYTES`].
    pub fn public_message(&self) -> String {
        bounded(&self.unbounded_message(), MAX_MESSAGE_BYTES)
    }

    fn unbounded_message(&self) -> String {
        match self {
            Error::Storage(e) => {
                tracing::error!(error = %e, "storage failure");
                if is_transient(e) {
                    "storage temporarily unavailable; retry".to_owned()
                } else if is_data_exception(e) {
                    "the request holds a value the database cannot store".to_owned()
                } else {
                    INTERNAL_MESSAGE.to_owned()
                }
            }
            Error::Internal(detail) => {
                tracing::error!(%detail, "internal failure");
                INTERNAL_MESSAGE.to_owned()
            }
            other => other.to_string(),
        }
    }
}

/// The text of every INTERNAL status the server gives: the detail is logged, never sent.
pub const INTERNAL_MESSAGE: &str = "internal error";

/// The most a status message may take: error texts quote client input, and a client with gRPC's
/// default metadata limits (16 KiB) must still read the status rather than a transport error.
pub const MAX_MESSAGE_BYTES: usize = 512;
/// The most a field violation's field name and description may take (the status details).
const MAX_FIELD_BYTES: usize = 96;
const MAX_DESCRIPTION_BYTES: usize = 256;

/// `text` cut to at most `max` bytes on a character boundary, with an ellipsis when cut.
pub fn bounded(text: &str, max: usize) -> String {
    if text.len() <= max {
        return text.to_owned();
    }
    let ellipsis = "…";
    let mut end = max.saturating_sub(ellipsis.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}{ellipsis}", &text[..end])
}

/// Whether the database refused a value itself (Postgres class 22, data exception: a NUL byte in
/// text, say), as opposed to failing: the write that carried it is at fault, not the server.
fn is_data_exception(e: &sqlx::Error) -> bool {
    matches!(e, sqlx::Error::Database(db) if db.code().is_some_and(|c| c.starts_with("22")))
}

fn is_transient(e: &sqlx::Error) -> bool {
    matches!(
        e,
        sqlx::Error::Io(_)
            | sqlx::Error::Tls(_)
            | sqlx::Error::Protocol(_)
            | sqlx::Error::PoolTimedOut
            | sqlx::Error::PoolClosed
            | sqlx::Error::WorkerCrashed
    ) || matches!(e, sqlx::Error::Database(db) if db.code().is_some_and(|c| {
        // Postgres: connection exceptions, serialization failures, shutting down;
        // SQLite: SQLITE_BUSY / SQLITE_LOCKED.
        c.starts_with("08") || c == "40001" || c == "40P01" || c.starts_with("57P") || c == "5" || c == "6"
    }))
}

impl From<Error> for Status {
    fn from(e: Error) -> Status {
        let code = e.code();
        let message = e.public_message();
        match e {
            Error::InvalidArgument { field, description } => Status::with_error_details(
                code,
                message,
                ErrorDetails::with_bad_request_violation(
                    bounded(&field, MAX_FIELD_BYTES),
                    bounded(&description, MAX_DESCRIPTION_BYTES),
                ),
            ),
            Error::RateLimited { retry_after, .. } => Status::with_error_details(
                code,
                message,
                ErrorDetails::with_retry_info(Some(retry_after)),
            ),
            Error::Refused { reason, .. } => Status::with_error_details(
                code,
                message,
                ErrorDetails::with_error_info(
                    reason.as_str(),
                    REASON_DOMAIN,
                    std::collections::HashMap::<String, String>::new(),
                ),
            ),
            _ => Status::new(code, message),
        }
    }
}
