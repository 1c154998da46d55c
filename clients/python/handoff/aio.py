"""``AsyncTerminal``: ``handoff.Terminal`` for asyncio applications, over ``grpc.aio``.

Same options, methods and guarantees as the blocking ``Terminal`` (its docstrings say more); the
calls are coroutines and ``events()`` is an async iterator. Create it inside a running event loop.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Mapping
from types import TracebackType
from typing import Any, TypeVar

import grpc
import grpc.aio

from handoff import _common
from handoff._common import Accepted, Backoff, Call, Cursors, Disconnected, Sent
from handoff.errors import from_rpc_error
from handoff.v1 import terminal_service_pb2 as pb
from handoff.v1 import terminal_service_pb2_grpc as pb_grpc
from handoff.v1 import types_pb2

T = TypeVar("T")


class AsyncTerminal:
    """One terminal's connection to a handoff server, for asyncio. See ``handoff.Terminal``."""

    def __init__(
        self,
        address: str,
        token: str,
        *,
        auto_ack: bool = True,
        backoff_initial: float = 0.1,
        backoff_max: float = 5.0,
        call_timeout: float = 10.0,
        connect_timeout: float = 60.0,
        retry_deadline: float = 60.0,
        keepalive: float = 15.0,
        credentials: grpc.ChannelCredentials | None = None,
    ) -> None:
        options = _common.channel_options(backoff_initial, backoff_max, keepalive)
        self._channel = (
            grpc.aio.secure_channel(address, credentials, options)
            if credentials is not None
            else grpc.aio.insecure_channel(address, options)
        )
        self._stub = pb_grpc.TerminalServiceStub(self._channel)
        self._metadata = _common.metadata(token)
        self._auto_ack = auto_ack
        self._backoff_initial = backoff_initial
        self._backoff_max = backoff_max
        self._call_timeout = call_timeout
        self._connect_timeout = connect_timeout
        self._retry_deadline = retry_deadline
        self._cursors = Cursors()
        self._closed = asyncio.Event()
        self._attached = asyncio.Event()
        self._call: Any = None
        self._outbox: asyncio.Queue[pb.AttachRequest | None] | None = None
        # Acks made while no stream is open; sent right after the next hello.
        self._pending_acks: dict[str, int] = {}
        self.terminal_id = ""
        """This terminal's id, known once the feed has attached (see ``wait_attached``)."""

    async def __aenter__(self) -> AsyncTerminal:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    async def close(self) -> None:
        """Detaches and closes the channel; an ``events()`` loop in another task ends quietly."""
        self._closed.set()
        if self._call is not None:
            self._call.cancel()
        if self._outbox is not None:
            self._outbox.put_nowait(None)  # ends the request stream even if events() is never resumed
        await self._channel.close()

    # The live feed.

    async def events(self) -> AsyncIterator[types_pb2.Event]:
        """The terminal's feed, each event shown once, resumed across reconnects; see
        ``Terminal.events``. If you leave the loop early, close the iterator (``contextlib.aclosing``)
        or the terminal, so the stream is cancelled at once rather than when it is collected."""
        backoff = Backoff(self._backoff_initial, self._backoff_max)
        while not self._closed.is_set():
            outbox: asyncio.Queue[pb.AttachRequest | None] = asyncio.Queue()
            outbox.put_nowait(self._cursors.hello())
            for session_id, seq in self._pending_acks.items():
                outbox.put_nowait(_common.ack_request(session_id, seq))
            self._pending_acks.clear()
            self._outbox = outbox
            call = self._stub.Attach(_drain(outbox), metadata=self._metadata)
            self._call = call
            try:
                async for response in call:
                    kind = response.WhichOneof("kind")
                    if kind == "attached":
                        self.terminal_id = response.attached.terminal_id
                        backoff.reset()
                        self._attached.set()
                    elif kind == "event" and self._cursors.admit(response.event):
                        yield response.event
                        if self._auto_ack:
                            self.ack(response.event)
            except grpc.aio.AioRpcError as err:
                if self._closed.is_set():
                    return
                if err.code() in _common.FATAL_ATTACH_CODES:
                    raise from_rpc_error(err) from None
            except asyncio.CancelledError:
                # grpc.aio raises this when close() cancelled the call; a cancellation of the
                # task itself is the caller's and goes on (Python 3.10 cannot tell them apart).
                if not self._closed.is_set() or _task_cancelling():
                    raise
                return
            finally:
                self._outbox = None
                self._call = None
                self._attached.clear()
                outbox.put_nowait(None)
                call.cancel()
            if await self._sleep(backoff.next()):
                return

    async def wait_attached(self, timeout: float | None = None) -> bool:
        """Waits until the feed is attached; False on timeout."""
        try:
            await asyncio.wait_for(self._attached.wait(), timeout)
            return True
        except asyncio.TimeoutError:
            return False

    def ack(self, event: types_pb2.Event) -> None:
        """Marks ``event`` processed; see ``Terminal.ack``. Not a coroutine: it only queues the ack."""
        if self._outbox is not None:
            self._outbox.put_nowait(_common.ack_request(event.session_id, event.seq))
        elif event.seq > self._pending_acks.get(event.session_id, 0):
            self._pending_acks[event.session_id] = event.seq

    # The protocol's steps, as unary calls.

    async def connect(
        self,
        destination_terminal_id: str,
        caller_id: str,
        channel: types_pb2.Channel,
        *,
        display_name: str = "",
        facts: Mapping[str, str] | None = None,
    ) -> types_pb2.Session:
        """See ``Terminal.connect``."""
        call = _common.connect(destination_terminal_id, caller_id, channel, display_name, facts)
        return await self._run(call, self._connect_timeout)

    async def acknowledge_connect(self, session_id: str) -> types_pb2.Session:
        """See ``Terminal.acknowledge_connect``."""
        return await self._run(_common.acknowledge_connect(session_id))

    async def message(self, session_id: str, body: str, idempotency_key: str | None = None) -> Sent:
        """See ``Terminal.message``: retried with the same idempotency key until a seq comes back."""
        return await self._run(_common.message(session_id, body, idempotency_key))

    async def transfer(
        self,
        session_id: str,
        *,
        terminal_id: str | None = None,
        group: str | None = None,
        facts: Mapping[str, str] | None = None,
        note: str = "",
    ) -> types_pb2.Transfer:
        """See ``Terminal.transfer``."""
        return await self._run(_common.transfer(session_id, terminal_id, group, facts, note))

    async def set_status(self, status: int, reason: str = "") -> types_pb2.TerminalState:
        """See ``Terminal.set_status``."""
        return await self._run(_common.set_status(status, reason))

    async def accept_transfer(self, session_id: str, transfer_id: str) -> Accepted:
        """See ``Terminal.accept_transfer``."""
        return await self._run(_common.accept_transfer(session_id, transfer_id))

    async def decline_transfer(
        self, session_id: str, transfer_id: str, reason: str = ""
    ) -> types_pb2.Transfer:
        """See ``Terminal.decline_transfer``."""
        return await self._run(_common.decline_transfer(session_id, transfer_id, reason))

    async def cancel_transfer(
        self, session_id: str, transfer_id: str, reason: str = ""
    ) -> types_pb2.Transfer:
        """See ``Terminal.cancel_transfer``."""
        return await self._run(_common.cancel_transfer(session_id, transfer_id, reason))

    async def disconnect(self, session_id: str) -> Disconnected:
        """See ``Terminal.disconnect``."""
        return await self._run(_common.disconnect(session_id))

    async def acknowledge_disconnect(self, session_id: str, seq: int) -> types_pb2.Session:
        """See ``Terminal.acknowledge_disconnect``."""
        return await self._run(_common.acknowledge_disconnect(session_id, seq))

    async def get_session(self, session_id: str) -> types_pb2.Session:
        """See ``Terminal.get_session``."""
        return await self._run(_common.get_session(session_id))

    async def list_events(self, session_id: str, *, page_size: int = 0) -> list[types_pb2.Event]:
        """See ``Terminal.list_events``."""
        events: list[types_pb2.Event] = []
        page_token = ""
        while True:
            page = await self._run(_common.list_events_page(session_id, page_token, page_size))
            events.extend(page.events)
            if not page.next_page_token:
                return events
            page_token = page.next_page_token

    async def _run(self, call: Call[T], timeout: float | None = None) -> T:
        """See ``Terminal._run``."""
        method = getattr(self._stub, call.method)
        backoff = Backoff(self._backoff_initial, self._backoff_max)
        give_up = time.monotonic() + self._retry_deadline
        while True:
            try:
                reply = await method(
                    call.request,
                    metadata=self._metadata,
                    timeout=timeout if timeout is not None else self._call_timeout,
                )
                return call.unpack(reply)
            except grpc.aio.AioRpcError as err:
                pause = backoff.next()
                if (
                    not call.retry
                    or err.code() not in _common.RETRY_CODES
                    or time.monotonic() + pause > give_up
                    or await self._sleep(pause)
                ):
                    raise from_rpc_error(err) from None

    async def _sleep(self, seconds: float) -> bool:
        """Waits ``seconds``, or less if the terminal is closed meanwhile; True if it was."""
        try:
            await asyncio.wait_for(self._closed.wait(), seconds)
        except asyncio.TimeoutError:
            pass
        return self._closed.is_set()


async def _drain(outbox: asyncio.Queue[pb.AttachRequest | None]) -> AsyncIterator[pb.AttachRequest]:
    """The Attach request stream: whatever is put in the outbox, until ``None``."""
    while (request := await outbox.get()) is not None:
        yield request


def _task_cancelling() -> bool:
    """Whether the current task is being cancelled (``Task.cancelling``, Python 3.11+)."""
    cancelling = getattr(asyncio.current_task(), "cancelling", None)
    return cancelling is not None and cancelling() > 0
