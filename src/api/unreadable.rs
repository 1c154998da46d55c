//! Requests the framework could not read. tonic answers a request message over the size limit
//! with OUT_OF_RANGE and an undecodable one with INTERNAL, before any handler runs; clients
//! expect RESOURCE_EXHAUSTED and INVALID_ARGUMENT, and INTERNAL is reserved for the server's own
//! failures. This rewrites those answers as they leave, with bounded texts, for every service.
//! (The Attach stream reads its later requests itself and maps them the same way.)

use tonic::{Code, Status};

use crate::error::{Error, INTERNAL_MESSAGE};

/// The response with a status the framework gave an unreadable request replaced by ours.
pub fn reclassify<B>(mut response: http::Response<B>) -> http::Response<B> {
    let Some(status) = Status::from_header_map(response.headers()) else {
        return response;
    };
    let unreadable = match status.code() {
        Code::OutOfRange => status
            .message()
            .starts_with("Error, decoded message length too large"),
        // The handlers' own INTERNAL always carries the same bare text.
        Code::Internal => status.message() != INTERNAL_MESSAGE,
        _ => false,
    };
    if !unreadable {
        return response;
    }
    let ours: Status = Error::unreadable_request(status.code(), status.message()).into();
    let headers = response.headers_mut();
    for name in ["grpc-status", "grpc-message", "grpc-status-details-bin"] {
        headers.remove(name);
    }
    if ours.add_header(headers).is_err() {
        // Cannot happen for our own bounded texts; the client then sees a bare status.
        tracing::warn!("could not encode the status of an unreadable request");
        headers.insert("grpc-status", http::HeaderValue::from(ours.code() as i32));
    }
    response
}
