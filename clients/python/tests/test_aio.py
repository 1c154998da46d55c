"""The asyncio flavour: a conversation carried across a kill -9 restart of the server, then a handoff
from the bot to an agent, all through ``AsyncTerminal``."""

from __future__ import annotations

import asyncio
import collections
import signal
import time
from collections.abc import Awaitable, Callable

import pytest

from handoff import AsyncTerminal, NotFound
from handoff.v1 import types_pb2
from support import Server, kind, report

N = 100


class AsyncFeed:
    """Reads an ``AsyncTerminal``'s feed in a task: each event is recorded in ``events`` as shown
    (the test waits on those), then goes to the handler, if any."""

    def __init__(
        self,
        terminal: AsyncTerminal,
        handler: Callable[[types_pb2.Event], Awaitable[None]] | None = None,
    ) -> None:
        self.terminal = terminal
        self.events: list[types_pb2.Event] = []
        self._handler = handler
        self._changed = asyncio.Condition()
        self._task = asyncio.create_task(self._run())

    async def _run(self) -> None:
        async for event in self.terminal.events():
            async with self._changed:
                self.events.append(event)
                self._changed.notify_all()
            if self._handler is not None:
                await self._handler(event)

    async def wait_for(
        self, predicate: Callable[[types_pb2.Event], bool], timeout: float = 10
    ) -> types_pb2.Event:
        async def first() -> types_pb2.Event:
            async with self._changed:
                while True:
                    found = next((e for e in self.events if predicate(e)), None)
                    if found is not None:
                        return found
                    if self._task.done():
                        self._task.result()  # raises what ended the feed
                        raise AssertionError("the feed ended")
                    await self._changed.wait()

        return await asyncio.wait_for(first(), timeout)

    def messages(self, session_id: str) -> list[str]:
        return [e.message_posted.body for e in self.events
                if e.session_id == session_id and kind(e) == "message_posted"]

    async def stop(self) -> None:
        """Closes the terminal; its feed must then end by itself, without an error."""
        await self.terminal.close()
        await asyncio.wait_for(self._task, 10)


@pytest.mark.asyncio
async def test_async_conversation_across_a_restart_then_a_handoff(server: Server) -> None:
    gw_reg = server.create_terminal("gw", "gateway")
    bot_reg = server.create_terminal("bot", "bot")
    agent_reg = server.create_terminal("alice", "agent")
    gw = AsyncTerminal(server.address, gw_reg.token, backoff_max=0.5)
    bot = AsyncTerminal(server.address, bot_reg.token, backoff_max=0.5)
    agent = AsyncTerminal(server.address, agent_reg.token, backoff_max=0.5)

    async def bot_handler(event: types_pb2.Event) -> None:
        if kind(event) == "session_requested":
            await bot.acknowledge_connect(event.session_id)
        elif kind(event) == "message_posted" and event.author_terminal_id == gw_reg.id:
            # Keyed by the event, so a reply made again after a restart is stored once.
            await bot.message(event.session_id, f"echo: {event.message_posted.body}",
                              idempotency_key=f"echo-{event.seq}")

    bot_feed = AsyncFeed(bot, bot_handler)
    gw_feed = AsyncFeed(gw)
    agent_feed = AsyncFeed(agent)
    assert await bot.wait_attached(10) and await agent.wait_attached(10)
    session = await gw.connect(bot_reg.id, "visitor-7", types_pb2.CHANNEL_WEB)
    sid = session.id

    # The caller talks while the server is killed and restarted halfway.
    async def restart() -> None:
        await asyncio.to_thread(server.stop, signal.SIGKILL)
        await asyncio.sleep(0.5)
        await asyncio.to_thread(server.start)

    restarting = None
    longest = 0.0
    for i in range(N):
        if i == N // 2:
            restarting = asyncio.create_task(restart())
        start = time.monotonic()
        await gw.message(sid, f"m{i}")
        longest = max(longest, time.monotonic() - start)
    assert restarting is not None
    await restarting
    await gw_feed.wait_for(lambda e: e.message_posted.body == f"echo: m{N - 1}", timeout=20)

    expected = [f"m{i}" for i in range(N)]
    shown = bot_feed.messages(sid)
    echoes = [b for b in gw_feed.messages(sid) if b.startswith("echo: ")]
    log = [e.message_posted.body for e in await gw.list_events(sid) if kind(e) == "message_posted"]
    counts = {
        "test": "asyncio-restart-SIGKILL",
        "sent": N,
        "committed": sum(b in expected for b in log),
        "shown": len([b for b in shown if b in expected]),
        "shown_twice": sum(n - 1 for n in collections.Counter(shown).values() if n > 1),
        "echoes_committed": len(log) - N,
        "longest_send_ms": round(longest * 1000),
    }
    report(counts)
    assert [b for b in shown if not b.startswith("echo: ")] == expected
    assert counts["shown_twice"] == 0
    assert sorted(echoes) == sorted(f"echo: {b}" for b in expected)
    assert sorted(log) == sorted(expected + [f"echo: {b}" for b in expected])
    assert longest > 0.3, "no message() call waited through the outage"

    # The bot hands the caller to the agent.
    offer = await bot.transfer(sid, terminal_id=agent_reg.id, facts={"tier": "gold"}, note="vip")
    offered = await agent_feed.wait_for(lambda e: kind(e) == "transfer_offered")
    assert offered.transfer_offered.context.facts["tier"] == "gold"
    assert len(offered.transfer_offered.context.dialog) == 2 * N
    await agent.accept_transfer(sid, offer.id)
    await bot_feed.wait_for(lambda e: kind(e) == "transfer_accepted")
    left = await bot.disconnect(sid)
    told = await gw_feed.wait_for(lambda e: kind(e) == "holder_disconnected")
    assert told.seq == left.seq
    await gw.acknowledge_disconnect(sid, told.seq)
    await agent.message(sid, "Alice here.")
    await gw_feed.wait_for(lambda e: e.message_posted.body == "Alice here.")
    with pytest.raises(NotFound):
        await bot.get_session(sid)
    assert (await agent.get_session(sid)).holder_terminal_id == agent_reg.id

    for feed in (bot_feed, gw_feed, agent_feed):
        await feed.stop()
