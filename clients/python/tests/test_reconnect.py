"""Exactly-once for the application across faults: streams and calls cut mid-conversation, and the
server restarted (gracefully and with kill -9) while a sender keeps sending through ``message()``.

Each fault test reports one JSON line of counts, printed at the end of the run: messages sent,
committed (each body once in the log), shown at the receiving terminal, shown twice (must be 0),
how many sends came back as duplicates (stored by an attempt whose reply was lost), and the longest
single ``message()`` call (one that waited through the outage).
"""

from __future__ import annotations

import collections
import signal
import threading
import time

import pytest

from handoff import Sent, Terminal
from handoff._common import Backoff, Cursors
from handoff.v1 import types_pb2
from support import Feed, Proxy, Server, kind, report

N = 300


def test_cursors_drop_repeats() -> None:
    cursors = Cursors()
    event = types_pb2.Event
    shown = [cursors.admit(event(session_id=s, seq=q))
             for s, q in [("a", 1), ("a", 2), ("a", 2), ("b", 1), ("a", 1), ("a", 3), ("b", 1)]]
    assert shown == [True, True, False, True, False, True, False]
    resume = {c.session_id: c.seq for c in cursors.hello().hello.resume}
    assert resume == {"a": 3, "b": 1}


def test_backoff_is_jittered_and_bounded() -> None:
    backoff = Backoff(0.1, 1.0)
    waits = [backoff.next() for _ in range(50)]
    assert all(0 <= w <= 1.0 for w in waits)
    assert len(set(waits)) > 40  # full jitter: no two terminals wait alike
    backoff.reset()
    assert backoff.next() <= 0.1


def open_session(gateway: Terminal, bot: Terminal, bot_id: str) -> tuple[str, Feed]:
    """Connects a caller to the bot, whose feed acknowledges the request; returns the session id
    and the bot's feed."""

    def acknowledge(event: types_pb2.Event) -> None:
        if kind(event) == "session_requested":
            bot.acknowledge_connect(event.session_id)

    feed = Feed(bot, acknowledge)
    return gateway.connect(bot_id, "+15550000", types_pb2.CHANNEL_SMS).id, feed


def send_all(
    gateway: Terminal, session_id: str, fault_at: dict[int, threading.Event]
) -> tuple[list[Sent], float]:
    """Sends N numbered messages one after another, setting ``fault_at[i]`` once i are sent.
    Returns the replies and the longest a single ``message()`` took (it spans an outage when the
    call had to be retried until the server was back)."""
    results = []
    longest = 0.0
    for i in range(N):
        if i in fault_at:
            fault_at[i].set()
        start = time.monotonic()
        results.append(gateway.message(session_id, f"m{i}"))
        longest = max(longest, time.monotonic() - start)
    return results, longest


def check_exactly_once(
    label: str, gateway: Terminal, session_id: str, feed: Feed, results: list[Sent], longest: float
) -> None:
    """Every body committed once and shown once at the bot, in order; prints the counts."""
    expected = [f"m{i}" for i in range(N)]
    feed.wait_for(lambda e: e.message_posted.body == expected[-1], timeout=20)
    log = gateway.list_events(session_id)
    committed = [e.message_posted.body for e in log if kind(e) == "message_posted"]
    shown = feed.messages(session_id)
    shown_twice = sum(n - 1 for n in collections.Counter(shown).values() if n > 1)
    counts = {
        "test": label,
        "sent": N,
        "committed": len(committed),
        "committed_distinct": len(set(committed)),
        "shown": len(shown),
        "shown_twice": shown_twice,
        "duplicate_replies": sum(r.duplicate for r in results),
        "longest_send_ms": round(longest * 1000),
    }
    report(counts)
    assert committed == expected
    assert shown == expected
    assert shown_twice == 0
    # Each reply named the message's own place in the log.
    seq_of = {e.message_posted.body: e.seq for e in log if kind(e) == "message_posted"}
    assert [r.seq for r in results] == [seq_of[b] for b in expected]


def test_streams_cut_mid_conversation(server: Server) -> None:
    gw_reg = server.create_terminal("gw", "gateway")
    bot_reg = server.create_terminal("bot", "bot")
    proxy = Proxy(server.address)
    # Both terminals reach the server through the proxy: each cut breaks the bot's feed and any
    # message call in flight, and both must resume.
    with Terminal(proxy.address, gw_reg.token, backoff_max=0.5) as gw, \
            Terminal(proxy.address, bot_reg.token, backoff_max=0.5) as bot:
        session_id, feed = open_session(gw, bot, bot_reg.id)
        cuts = {i: threading.Event() for i in (N // 4, N // 2, 3 * N // 4)}

        def cutter() -> None:
            for event in cuts.values():
                event.wait(30)
                proxy.cut()

        thread = threading.Thread(target=cutter)
        thread.start()
        results, longest = send_all(gw, session_id, cuts)
        thread.join()
        assert proxy.cuts == 3
        check_exactly_once("streams-cut", gw, session_id, feed, results, longest)
        feed.stop()
    proxy.close()


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL], ids=["sigterm", "kill-9"])
def test_server_restarted_while_sending(server: Server, sig: signal.Signals) -> None:
    gw_reg = server.create_terminal("gw", "gateway")
    bot_reg = server.create_terminal("bot", "bot")
    with Terminal(server.address, gw_reg.token, backoff_max=0.5) as gw, \
            Terminal(server.address, bot_reg.token, backoff_max=0.5) as bot:
        session_id, feed = open_session(gw, bot, bot_reg.id)
        restart = {N // 3: threading.Event()}

        def restarter() -> None:
            restart[N // 3].wait(30)
            server.stop(sig)
            time.sleep(0.5)  # the sender and the feed meet a server that is down
            server.start()

        thread = threading.Thread(target=restarter)
        thread.start()
        results, longest = send_all(gw, session_id, restart)
        thread.join()
        assert server.starts == 2
        check_exactly_once(f"restart-{sig.name}", gw, session_id, feed, results, longest)
        assert longest > 0.3, "no message() call waited through the outage"
        feed.stop()


def test_silently_dead_connection_is_noticed(server: Server) -> None:
    """A connection that stops carrying anything, without a reset, is found dead by the keepalive
    pings; the feed reconnects and shows what was sent meanwhile."""
    gw_reg = server.create_terminal("gw", "gateway")
    bot_reg = server.create_terminal("bot", "bot")
    proxy = Proxy(server.address)
    with Terminal(server.address, gw_reg.token) as gw, \
            Terminal(proxy.address, bot_reg.token, keepalive=0.2, backoff_max=0.5) as bot:
        session_id, feed = open_session(gw, bot, bot_reg.id)
        gw.message(session_id, "before")
        feed.wait_for(lambda e: e.message_posted.body == "before")
        proxy.stall()
        gw.message(session_id, "while the old connection is dead")
        feed.wait_for(lambda e: e.message_posted.body == "while the old connection is dead", timeout=10)
        assert feed.messages(session_id) == ["before", "while the old connection is dead"]
        feed.stop()
    proxy.close()
