//! The README's grpcurl walk-through, run as written (docs/walkthrough.sh holds the same commands)
//! against this build of the server: C1, C2, C4, C5, C7, C8, C9, C10 from a shell.

#[test]
fn the_readme_grpcurl_walkthrough_completes_a_transfer() {
    let out = std::process::Command::new("bash")
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/walkthrough.sh"))
        .env("HANDOFF", env!("CARGO_BIN_EXE_handoff"))
        .output()
        .expect("bash runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "walkthrough failed\n--- stdout\n{stdout}\n--- stderr\n{stderr}"
    );
    assert!(
        stdout.contains("Alice"),
        "the final dialog is printed:\n{stdout}"
    );
}
