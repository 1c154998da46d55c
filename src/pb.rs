//! The generated `handoff.v1` protobuf types, clients and servers.
//!
//! The log's events and the session snapshot are stored in this same encoding: what a terminal
//! receives is byte-for-byte what was committed, and protobuf's evolution rules cover storage too.

#![allow(clippy::all, missing_docs)]

tonic::include_proto!("handoff.v1");

/// The encoded `FileDescriptorSet` of `proto/`, served by gRPC reflection.
pub const FILE_DESCRIPTOR_SET: &[u8] = tonic::include_file_descriptor_set!("handoff_descriptor");

/// `google/protobuf/duration.proto`, which google.rpc.RetryInfo needs and `proto/` does not
/// import: served by reflection beside tonic-types' error details.
pub const WELL_KNOWN_DESCRIPTOR_SET: &[u8] =
    tonic::include_file_descriptor_set!("well_known_descriptor");
