"""The caller's side of the cross-language test (tests/cross_language.rs): a web-chat gateway that
connects a visitor to a bot, then types what it is told on stdin and shows what its feed delivers.

stdin, one command a line: ``say <text>`` sends a message as the visitor; ``quit`` leaves.
stdout, one JSON object a line: ``{"connected": session}``, ``{"shown": {...}}`` for every event
the feed delivers (the helper drops repeats; this counts what would have been shown twice), and
``{"done": {...}}`` when the session ended.

Environment: HANDOFF_ADDRESS (host:port), GATEWAY_TOKEN, BOT_ID.
"""

import json
import os
import sys
import threading
import time

from handoff import Terminal, Unavailable
from handoff.v1 import types_pb2


# Two threads emit (the feed and the commands). print() writes the text and its newline as two
# writes, so two lines could interleave into one the reader cannot parse; one locked write cannot.
_emit_lock = threading.Lock()


def emit(obj: dict) -> None:
    line = json.dumps(obj) + "\n"
    with _emit_lock:
        sys.stdout.write(line)
        sys.stdout.flush()


def main() -> None:
    address = os.environ["HANDOFF_ADDRESS"]
    token = os.environ["GATEWAY_TOKEN"]
    bot_id = os.environ["BOT_ID"]
    feed = Terminal(address, token, backoff_max=1.0)
    calls = Terminal(address, token, backoff_max=1.0)

    # The bot may attach after we start: Connect answers UNAVAILABLE until it has.
    deadline = time.monotonic() + 60
    while True:
        try:
            session = calls.connect(bot_id, "+15550501", types_pb2.CHANNEL_WEB, display_name="Dana",
                                    facts={"locale": "en-US"})
            break
        except Unavailable:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)
    emit({"connected": session.id})

    def commands() -> None:
        for line in sys.stdin:
            line = line.rstrip("\n")
            if line.startswith("say "):
                sent = calls.message(session.id, line[4:])
                emit({"sent": {"body": line[4:], "seq": sent.seq, "duplicate": sent.duplicate}})
            elif line == "quit":
                break

    threading.Thread(target=commands, daemon=True).start()

    shown: dict[int, str] = {}
    twice = 0
    for event in feed.events():
        if event.session_id != session.id:
            continue
        kind = event.WhichOneof("payload")
        if event.seq in shown:
            twice += 1
        shown[event.seq] = kind
        body = event.message_posted.body if kind == "message_posted" else ""
        emit({"shown": {"seq": event.seq, "kind": kind, "body": body, "author": event.author_terminal_id}})
        if kind == "holder_disconnected":
            calls.acknowledge_disconnect(session.id, event.seq)
        if kind == "session_ended":
            break
    emit({"done": {"seqs": sorted(shown), "twice": twice}})
    feed.close()
    calls.close()


if __name__ == "__main__":
    main()
