#!/usr/bin/env bash
# Regenerates the handoff.v1 clients from proto/:
#   clients/typescript/src/gen/   protoc-gen-es (buf generate, see buf.gen.yaml at the repo root)
#   clients/python/handoff/v1/    grpcio-tools (its bundled protoc; no system protoc needed)
# after `buf lint` (buf.yaml at the repo root). Every tool is pinned: npm packages in
# clients/package.json + package-lock.json, Python packages in clients/python/requirements-dev.txt.
# Needs only Node >= 20, npm, Python >= 3.10 and access to the npm registry and PyPI the first time
# (to fill clients/node_modules, clients/typescript/node_modules and clients/.venv); after that it
# runs offline. Safe to run repeatedly: the output depends only on proto/ and the pinned versions.
#
# Environment: PYTHON (default python3) creates the venv; HANDOFF_VENV (default clients/.venv).
set -euo pipefail

clients="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$clients")"
cd "$root"

log() { printf '==> %s\n' "$*" >&2; }

# npm ci when node_modules is missing or older than the lockfile.
npm_ci() {
  local dir=$1
  if [[ ! -d $dir/node_modules || $dir/package-lock.json -nt $dir/node_modules/.package-lock.json ]]; then
    log "npm ci in ${dir#"$root"/}"
    (cd "$dir" && npm ci --no-audit --no-fund)
  fi
}
npm_ci "$clients"
npm_ci "$clients/typescript"

venv="${HANDOFF_VENV:-$clients/.venv}"
requirements="$clients/python/requirements-dev.txt"
stamp="$venv/.handoff-requirements"
if [[ ! -x $venv/bin/python ]]; then
  log "creating Python venv ${venv#"$root"/}"
  "${PYTHON:-python3}" -m venv "$venv"
fi
if ! cmp -s "$requirements" "$stamp" 2>/dev/null; then
  log "pip install -r ${requirements#"$root"/}"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$requirements"
  cp "$requirements" "$stamp"
fi

buf="$clients/node_modules/.bin/buf"
log "buf $("$buf" --version) lint"
"$buf" lint

log "buf generate (TypeScript -> clients/typescript/src/gen)"
"$buf" generate  # buf.gen.yaml has clean: true, so stale files are removed

log "grpc_tools.protoc (Python -> clients/python/handoff/v1)"
py_out="$clients/python"
find "$py_out/handoff" \( -name '*_pb2.py' -o -name '*_pb2.pyi' -o -name '*_pb2_grpc.py' \) -delete
mapfile -t protos < <(cd proto && find . -name '*.proto' | sed 's|^\./||' | LC_ALL=C sort)
"$venv/bin/python" -m grpc_tools.protoc -Iproto \
  --python_out="$py_out" --pyi_out="$py_out" --grpc_python_out="$py_out" "${protos[@]}"
# Every generated directory must be a regular package (import handoff.v1.…).
for f in "${protos[@]}"; do
  d="$py_out/$(dirname "$f")"
  while [[ $d != "$py_out" ]]; do
    [[ -f $d/__init__.py ]] || { log "adding ${d#"$root"/}/__init__.py"; : >"$d/__init__.py"; }
    d=$(dirname "$d")
  done
done

log "checking the generated code"
(cd "$clients/typescript" && node_modules/.bin/tsc --noEmit)
(cd "$py_out" && "$venv/bin/python" -c 'import handoff.v1.terminal_service_pb2_grpc, handoff.v1.admin_service_pb2_grpc')

log "done"
