#!/usr/bin/env bash
# Tries the web pages against a running `cargo run -- serve --web` (same folder, same database):
# registers a gateway, a demo bot and an agent (alice, group billing), then runs the example
# gateway and the demo bot (Node >= 20; the bundles in web/dist need no npm install) until Ctrl-C.
# Environment: HANDOFF_URL (default http://127.0.0.1:50051), GATEWAY_PORT (8080), and
# HANDOFF_DATABASE_URL if the server uses another database than ./handoff.db.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
url="${HANDOFF_URL:-http://127.0.0.1:50051}"
port="${GATEWAY_PORT:-8080}"
suffix="$(date +%s)"  # terminal names are unique; a second run registers new ones
register() { cargo run -q -- admin create-terminal "$@"; }
eval "$(register --name "web-gateway-$suffix" --kind gateway --display-name "Web chat" --export-as GW)"
eval "$(register --name "demo-bot-$suffix" --kind bot --display-name "Demo bot" --export-as BOT)"
eval "$(register --name "alice-$suffix" --kind agent --display-name "Alice (billing)" --group billing --export-as AGENT)"
trap 'kill $(jobs -p) 2>/dev/null || true' EXIT
HANDOFF_URL="$url" GATEWAY_TOKEN="$GW_TOKEN" BOT_ID="$BOT_ID" PORT="$port" node web/dist/gateway.mjs &
HANDOFF_URL="$url" BOT_TOKEN="$BOT_TOKEN" GROUP=billing node web/dist/bot.mjs &
cat <<MSG

  Agent console: $url/console.html
                 sign in with alice's token: $AGENT_TOKEN
  Web chat:      $url/widget.html?gateway=http://127.0.0.1:$port

MSG
wait
