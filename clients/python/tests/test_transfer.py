"""A whole conversation through the blocking ``Terminal``: connect, talk, offers to a terminal and to
a group (cancelled, declined, accepted), the handoff, a restart of the server afterwards, and the
typed errors along the way."""

from __future__ import annotations

import pytest

from handoff import (
    FailedPrecondition,
    InvalidArgument,
    NotFound,
    ResourceExhausted,
    Terminal,
    Unauthenticated,
    Unavailable,
)
from handoff.v1 import types_pb2
from support import Feed, Server, kind


def test_full_transfer(server: Server) -> None:
    reg = {
        "gw": server.create_terminal("web-gateway", "gateway"),
        "bot": server.create_terminal("faq-bot", "bot"),
        "alice": server.create_terminal("alice", "agent", ("billing",)),
        "bob": server.create_terminal("bob", "agent", ("billing",)),
    }
    t = {name: Terminal(server.address, r.token) for name, r in reg.items()}

    def bot_handler(event: types_pb2.Event) -> None:
        """The bot acknowledges every requested session and echoes what the caller says."""
        if kind(event) == "session_requested":
            t["bot"].acknowledge_connect(event.session_id)
        elif kind(event) == "message_posted" and event.author_terminal_id == reg["gw"].id:
            t["bot"].message(event.session_id, f"echo: {event.message_posted.body}")

    feeds = {
        "bot": Feed(t["bot"], bot_handler),
        "gw": Feed(t["gw"]),
        "alice": Feed(t["alice"]),
        "bob": Feed(t["bob"]),
    }
    try:
        session = t["gw"].connect(
            reg["bot"].id, "+15551234567", types_pb2.CHANNEL_SMS,
            display_name="Dana", facts={"locale": "en-US"},
        )
        sid = session.id
        assert session.state == types_pb2.SESSION_STATE_OPEN
        assert session.holder_terminal_id == reg["bot"].id

        # Caller and bot talk.
        sent = t["gw"].message(sid, "I was charged twice")
        assert not sent.duplicate
        feeds["gw"].wait_for(lambda e: e.message_posted.body == "echo: I was charged twice")
        again = t["gw"].message(sid, "retry", idempotency_key="k1")
        assert t["gw"].message(sid, "retry", idempotency_key="k1") == (again.seq, True)

        # An offer to bob, withdrawn by the bot.
        offer = t["bot"].transfer(sid, terminal_id=reg["bob"].id, note="billing?")
        feeds["bob"].wait_for(lambda e: kind(e) == "transfer_offered")
        t["bot"].cancel_transfer(sid, offer.id, "found out it is for alice")
        feeds["bob"].wait_for(lambda e: kind(e) == "transfer_cancelled")

        # An offer to alice, declined.
        offer = t["bot"].transfer(sid, terminal_id=reg["alice"].id, facts={"intent": "refund"})
        shown = feeds["alice"].wait_for(lambda e: e.transfer_offered.transfer.id == offer.id)
        context = shown.transfer_offered.context
        assert context.caller.display_name == "Dana"
        assert context.facts["intent"] == "refund" and context.facts["locale"] == "en-US"
        assert [e.message_posted.body for e in context.dialog] == [
            "I was charged twice", "echo: I was charged twice", "retry", "echo: retry",
        ]
        t["alice"].decline_transfer(sid, offer.id, "on a break")
        declined = feeds["bot"].wait_for(lambda e: kind(e) == "transfer_declined")
        assert declined.transfer_declined.reason == "on a break"

        # An offer to the billing group: alice takes it, bob is too late. Agents say they are
        # available first (attaching alone does not make an agent available for routing).
        for name in ("alice", "bob"):
            state = t[name].set_status(types_pb2.TERMINAL_STATUS_AVAILABLE, "back from lunch")
            assert state.status == types_pb2.TERMINAL_STATUS_AVAILABLE
        offer = t["bot"].transfer(sid, group="billing", note="double charge; verified")
        for name in ("alice", "bob"):
            feeds[name].wait_for(lambda e: e.transfer_offered.transfer.id == offer.id)
        accepted = t["alice"].accept_transfer(sid, offer.id)
        assert accepted.transfer.state == types_pb2.TRANSFER_STATE_ACCEPTED
        assert accepted.session.holder_terminal_id == reg["bot"].id  # until the bot leaves
        feeds["bob"].wait_for(lambda e: e.transfer_accepted.transfer_id == offer.id)
        # The losers no longer take part: NOT_FOUND (servers before the one-visibility rule said
        # FAILED_PRECONDITION).
        with pytest.raises((NotFound, FailedPrecondition)):
            t["bob"].accept_transfer(sid, offer.id)
        feeds["bot"].wait_for(lambda e: e.transfer_accepted.accepted_by_terminal_id == reg["alice"].id)

        # The bot leaves; the gateway is told who continues and acknowledges it.
        left = t["bot"].disconnect(sid)
        assert left.session.holder_terminal_id == reg["alice"].id
        told = feeds["gw"].wait_for(lambda e: kind(e) == "holder_disconnected")
        assert told.seq == left.seq
        assert told.holder_disconnected.left_terminal_id == reg["bot"].id
        assert told.holder_disconnected.continued_by_terminal_id == reg["alice"].id
        assert t["gw"].acknowledge_disconnect(sid, told.seq).acknowledged_disconnect_seq == told.seq
        with pytest.raises(NotFound):
            t["bot"].message(sid, "still here?")

        # Alice and the caller go on.
        t["alice"].message(sid, "Alice here, refunded.")
        t["gw"].message(sid, "Thanks!")
        feeds["alice"].wait_for(lambda e: e.message_posted.body == "Thanks!")
        feeds["gw"].wait_for(lambda e: e.message_posted.body == "Alice here, refunded.")

        dialog = [
            "I was charged twice", "echo: I was charged twice", "retry", "echo: retry",
            "Alice here, refunded.", "Thanks!",
        ]
        log = t["alice"].list_events(sid, page_size=3)  # several pages
        assert [e.seq for e in log] == list(range(1, len(log) + 1))
        assert [e.message_posted.body for e in log if kind(e) == "message_posted"] == dialog
        assert {"transfer_cancelled", "transfer_declined", "transfer_accepted",
                "disconnect_acknowledged"} <= {kind(e) for e in log}
        # The caller's side sees the same dialog, without the negotiation.
        caller_log = t["gw"].list_events(sid)
        assert [e.message_posted.body for e in caller_log if kind(e) == "message_posted"] == dialog
        assert not {kind(e) for e in caller_log} & {"transfer_offered", "transfer_declined"}
        # Alice's feed showed the session from her first offer on, each event once.
        alice_seqs = [e.seq for e in feeds["alice"].events if e.session_id == sid]
        assert alice_seqs == sorted(set(alice_seqs))

        final = t["alice"].get_session(sid)
        assert final.holder_terminal_id == reg["alice"].id
        assert [h.terminal_id for h in final.holders] == [reg["bot"].id, reg["alice"].id]

        # Every feed resumes after a server restart, including those whose cursors name the
        # session they have left (the bot) or only saw offered (bob), and shows nothing twice.
        server.stop()
        server.start()
        t["gw"].message(sid, "still there?")
        for name in ("alice", "gw"):
            feeds[name].wait_for(lambda e: e.message_posted.body == "still there?")
        for name in ("bot", "bob"):
            assert t[name].wait_attached(10), f"{name} did not attach again"
        for feed in feeds.values():
            shown = [(e.session_id, e.seq) for e in feed.events]
            assert len(shown) == len(set(shown))
    finally:
        for feed in feeds.values():
            feed.stop()


def test_errors_are_typed(server: Server) -> None:
    gw_reg = server.create_terminal("gw", "gateway")
    bot_reg = server.create_terminal("bot", "bot")
    with Terminal(server.address, gw_reg.token) as gw, \
            Terminal(server.address, "hnd_not-a-token") as stranger:
        with pytest.raises(Unauthenticated):
            stranger.get_session("01a21808-ec9b-716f-8c6c-4ba92555c143")
        with pytest.raises(Unauthenticated):
            next(iter(stranger.events()))
        with pytest.raises(NotFound) as missing:
            gw.get_session("01a21808-ec9b-716f-8c6c-4ba92555c143")
        assert missing.value.message == "session not found"
        with pytest.raises(InvalidArgument):
            gw.get_session("not-a-uuid")
        with pytest.raises(Unavailable):  # the bot is not attached
            gw.connect(bot_reg.id, "+1555", types_pb2.CHANNEL_SMS)
        with pytest.raises(ValueError):
            gw.transfer("x", terminal_id="a", group="b")

        with Terminal(server.address, bot_reg.token) as bot:

            def acknowledge(event: types_pb2.Event) -> None:
                if kind(event) == "session_requested":
                    bot.acknowledge_connect(event.session_id)

            feed = Feed(bot, acknowledge)
            session = gw.connect(bot_reg.id, "+1555", types_pb2.CHANNEL_SMS)
            with pytest.raises(InvalidArgument):
                gw.message(session.id, "")
            with pytest.raises(ResourceExhausted):
                gw.message(session.id, "x" * 20000)
            with pytest.raises(FailedPrecondition):
                gw.transfer(session.id, terminal_id=bot_reg.id)  # only the holder may
            feed.stop()
