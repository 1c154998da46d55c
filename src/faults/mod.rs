//! Fault suite (work in progress).
