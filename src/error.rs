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
    #[error("{0}")]
    OutOfRange(String),
    #[error("{0}")]
    Unavailable(String),
    #[error("missing or invalid credentials")]
    Unauthenticated,
    #[error("{0}")]
    PermissionDenied(String),
    #[error("storage error: {0}")]
    Storage(#[from] sqlx::Error),
    #[error("internal error: {0}")]
    Internal(String),
}

impl Error {
    pub fn invalid(field: impl Into<String>, description: impl Into<String>) -> Self {
        Error::InvalidArgument {
            field: field.into(),
            description: description.into(),
        }
    }

    pub fn precondition(msg: impl Into<String>) -> Self {
        Error::FailedPrecondition(msg.into())
    }

    /// The status code this error maps to (also used for stream receipts).
    pub fn code(&self) -> Code {
        match self {
            Error::InvalidArgument { .. } => Code::InvalidArgument,
            Error::NotFound(_) => Code::NotFound,
            Error::FailedPrecondition(_) => Code::FailedPrecondition,
            Error::AlreadyExists(_) => Code::AlreadyExists,
            Error::ResourceExhausted(_) => Code::ResourceExhausted,
            Error::OutOfRange(_) => Code::OutOfRange,
            Error::Unavailable(_) => Code::Unavailable,
            Error::Unauthenticated => Code::Unauthenticated,
            Error::PermissionDenied(_) => Code::PermissionDenied,
            Error::Storage(e) if is_transient(e) => Code::Unavailable,
            Error::Storage(_) | Error::Internal(_) => Code::Internal,
        }
    }

    /// The message a client may see: internal details stay in the log.
    pub fn public_message(&self) -> String {
        match self {
            Error::Storage(e) => {
                tracing::error!(error = %e, "storage failure");
                if is_transient(e) {
                    "storage temporarily unavailable; retry".to_owned()
                } else {
                    "internal error".to_owned()
                }
            }
            Error::Internal(detail) => {
                tracing::error!(%detail, "internal failure");
                "internal error".to_owned()
            }
            other => other.to_string(),
        }
    }
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
                ErrorDetails::with_bad_request_violation(field, description),
            ),
            _ => Status::new(code, message),
        }
    }
}
