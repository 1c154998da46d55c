//! The README's grpcurl walk-throughs, run as written against this build of the server:
//! docs/walkthrough.sh holds the commands of the first (C1, C2, C4, C5, C7, C8, C9, C10 from a
//! shell), docs/routing-walkthrough.sh those of "Routing: statuses, capacity, queues".

/// Runs a walk-through script with this build's server; panics with its output if it fails.
fn run(script: &str) -> String {
    let out = std::process::Command::new("bash")
        .arg(format!("{}/docs/{script}", env!("CARGO_MANIFEST_DIR")))
        .env("HANDOFF", env!("CARGO_BIN_EXE_handoff"))
        .output()
        .expect("bash runs");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "{script} failed\n--- stdout\n{stdout}\n--- stderr\n{stderr}"
    );
    stdout
}

#[test]
fn the_readme_grpcurl_walkthrough_completes_a_transfer() {
    let stdout = run("walkthrough.sh");
    assert!(
        stdout.contains("Alice"),
        "the final dialog is printed:\n{stdout}"
    );
}

#[test]
fn the_readme_routing_walkthrough_queues_and_routes_a_transfer() {
    let stdout = run("routing-walkthrough.sh");
    assert!(stdout.contains("routing walkthrough OK"), "{stdout}");
}

// The script must run the README's commands, not a copy that drifted: every line of the routing
// section's shell blocks is the start of a line of the script, once the README's address and
// `cargo run -q --` are replaced by the script's `$ADDR` and `"$HANDOFF"` (the script may add a
// redirect to keep an answer for its checks).
#[test]
fn the_routing_walkthrough_script_runs_the_readme_commands() {
    let root = env!("CARGO_MANIFEST_DIR");
    let readme = std::fs::read_to_string(format!("{root}/README.md")).expect("README");
    let script =
        std::fs::read_to_string(format!("{root}/docs/routing-walkthrough.sh")).expect("script");
    let start = readme
        .find("\n## Routing: statuses, capacity, queues\n")
        .expect("the README has the routing section");
    let section = &readme[start + 1..];
    let section = &section[..section[3..].find("\n## ").map_or(section.len(), |e| e + 3)];
    let mut in_sh = false;
    let mut commands = 0;
    for line in section.lines() {
        match line {
            "```sh" => in_sh = true,
            "```" => in_sh = false,
            _ if in_sh => {
                // The script starts its own server on a free port in a scratch directory.
                if line.starts_with("cargo run -- serve ") || line.starts_with("export DEMO=") {
                    continue;
                }
                let expected = line
                    .replace("127.0.0.1:50051", "$ADDR")
                    .replace("cargo run -q -- ", "\"$HANDOFF\" ");
                assert!(
                    script.lines().any(|l| l.starts_with(&expected)),
                    "docs/routing-walkthrough.sh does not run this README line:\n{line}"
                );
                commands += line.starts_with("grpcurl ") as usize;
            }
            _ => {}
        }
    }
    assert!(commands >= 20, "only {commands} grpcurl lines found");
}
