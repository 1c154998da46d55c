//! Compiles `proto/` with the pure-Rust `protox` (no system `protoc` needed) and generates the
//! tonic clients and servers. The encoded descriptor set is written to OUT_DIR for gRPC reflection.

use std::{env, fs, path::PathBuf};

use prost::Message as _;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let files = [
        "proto/handoff/v1/types.proto",
        "proto/handoff/v1/terminal_service.proto",
        "proto/handoff/v1/admin_service.proto",
    ];
    println!("cargo:rerun-if-changed=proto");
    // sqlx::migrate! embeds the migrations at compile time; a new file must trigger a rebuild.
    println!("cargo:rerun-if-changed=migrations");
    let fds = protox::compile(files, ["proto"])?;
    let out_dir = PathBuf::from(env::var("OUT_DIR")?);
    fs::write(out_dir.join("handoff_descriptor.bin"), fds.encode_to_vec())?;
    // google.rpc's error details (which reflection serves from tonic-types) refer to Duration,
    // which none of our files imports; protox carries the well-known types.
    let well_known = protox::compile(["google/protobuf/duration.proto"], ["proto"])?;
    fs::write(
        out_dir.join("well_known_descriptor.bin"),
        well_known.encode_to_vec(),
    )?;
    tonic_prost_build::configure()
        .build_client(true)
        .build_server(true)
        // The RPC named Connect would collide with the generated `connect` constructor; clients
        // are built from a Channel instead (see src/client.rs).
        .build_transport(false)
        .compile_fds(fds)?;
    Ok(())
}
