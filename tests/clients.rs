//! The Python and TypeScript clients' own suites (clients/python/tests, clients/typescript/test),
//! run against this build's server binary. Needs what `.ci/run` installs: the Python venv
//! `clients/.venv` with `clients/python/requirements-dev.txt`, and `npm ci` in
//! `clients/typescript/`.

use std::path::PathBuf;
use std::process::Command;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn suite(what: &str, cmd: &mut Command) {
    let out = cmd
        .env("HANDOFF_BIN", env!("CARGO_BIN_EXE_handoff"))
        .output()
        .unwrap_or_else(|e| {
            panic!("{what}: {e} (install the clients' toolchains as .ci/run does)")
        });
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    println!("{text}");
    assert!(out.status.success(), "{what} failed:\n{text}");
}

#[test]
fn the_python_client_suite_passes() {
    let root = repo();
    suite(
        "pytest clients/python",
        Command::new(root.join("clients/.venv/bin/pytest"))
            .args(["-q", "-p", "no:cacheprovider", "clients/python"])
            .current_dir(&root),
    );
}

#[test]
fn the_typescript_client_suite_passes() {
    suite(
        "npm test in clients/typescript",
        Command::new("npm")
            .args(["test", "--silent"])
            .current_dir(repo().join("clients/typescript")),
    );
}
