//! The generated clients and the proto are kept honest: `clients/generate.sh` (which runs
//! `buf lint` first) must leave the checked-in Python and TypeScript code unchanged, and
//! `buf breaking` must find no wire-incompatible change against the last released API
//! (`proto/released/handoff-v1.binpb`, a buf image). Needs what `.ci/run` installs: `npm ci` in
//! `clients/` and `clients/typescript/`, and the Python venv `clients/.venv`.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::Command;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn run(what: &str, cmd: &mut Command) -> String {
    let out = cmd.current_dir(repo()).output().unwrap_or_else(|e| {
        panic!("{what}: {e} (install the clients' toolchains as .ci/run does)")
    });
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "{what} failed:\n{text}");
    text
}

/// Every file under `dirs`, with its contents.
fn snapshot(dirs: &[&str]) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut pending: Vec<PathBuf> = dirs.iter().map(|d| repo().join(d)).collect();
    while let Some(dir) = pending.pop() {
        let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|x| x != "pyc") {
                let bytes =
                    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                files.insert(path, bytes);
            }
        }
    }
    files
}

#[test]
fn the_checked_in_clients_are_generated_from_the_protos_and_nothing_breaks_the_wire() {
    let generated = ["clients/python/handoff/v1", "clients/typescript/src/gen"];
    let before = snapshot(&generated);
    run(
        "clients/generate.sh",
        Command::new("bash").arg("clients/generate.sh"),
    );
    let after = snapshot(&generated);
    let stale: Vec<_> = before
        .keys()
        .chain(after.keys())
        .filter(|p| before.get(*p) != after.get(*p))
        .collect();
    assert!(
        stale.is_empty(),
        "the clients were stale; clients/generate.sh has now regenerated these (commit them): {stale:#?}"
    );
    run(
        "buf breaking",
        Command::new("clients/node_modules/.bin/buf").args([
            "breaking",
            "--against",
            "proto/released/handoff-v1.binpb",
        ]),
    );
}
