"""``Terminal``: a bot, agent desktop or gateway taking part in sessions, over blocking gRPC.

The raw API leaves every client to get the same things right: de-duplicate the at-least-once feed,
acknowledge what was processed, reconnect and resume after a dropped stream or a server restart,
and retry a message with the same idempotency key until it is stored. This class does them once.
See ``handoff.aio.AsyncTerminal`` for the asyncio flavour.
"""

from __future__ import annotations

import queue
import signal
import threading
import time
from collections.abc import Iterator, Mapping
from types import TracebackType
from typing import Any, TypeVar

import grpc

from handoff import _common
from handoff._common import Accepted, Backoff, Call, Cursors, Disconnected, Sent
from handoff.errors import from_rpc_error
from handoff.v1 import terminal_service_pb2 as pb
from handoff.v1 import terminal_service_pb2_grpc as pb_grpc
from handoff.v1 import types_pb2

T = TypeVar("T")


class Terminal:
    """One terminal's connection to a handoff server: its live feed and the protocol's steps.

    ``address`` is ``host:port``; ``token`` is the terminal's bearer token (``handoff admin
    create-terminal`` prints it). Options:

    - ``auto_ack``: acknowledge an event once the application asks ``events()`` for the next one
      (its handler returned). With ``False``, call ``ack(event)`` yourself.
    - ``backoff_initial`` / ``backoff_max`` (seconds): the exponential, fully jittered wait between
      reconnects and between retries.
    - ``call_timeout`` (seconds): the deadline of one attempt of a unary call.
    - ``connect_timeout`` (seconds): the deadline of ``connect``, which waits for the destination to
      acknowledge (the server gives up after its ``--connect-timeout``, 10 s by default).
    - ``retry_deadline`` (seconds): how long ``message`` (and the other retried calls) keep retrying
      before the last failure is raised.
    - ``keepalive`` (seconds): the interval of HTTP/2 pings while calls are open, so that a
      connection that died silently (no reset ever arrives) is noticed and the feed reconnects.
    - ``credentials``: ``grpc.ssl_channel_credentials()`` for TLS; plaintext when ``None``.

    Use it as a context manager, or call ``close()``. The only state it keeps is what the server can
    give back: after a restart of the process the feed resumes after the last acknowledged events.
    """

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
            grpc.secure_channel(address, credentials, options)
            if credentials is not None
            else grpc.insecure_channel(address, options)
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
        self._closed = threading.Event()
        self._attached = threading.Event()
        # Guards the current stream (its call and outbox) against close() and ack() from other
        # threads. Re-entrant: an abandoned events() generator may be finalized by the collector in
        # a thread that holds it (inside ack(), say), and its cleanup takes it again.
        self._lock = threading.RLock()
        self._call: Any = None
        self._outbox: queue.SimpleQueue[pb.AttachRequest | None] | None = None
        # Acks made while no stream is open; sent right after the next hello.
        self._pending_acks: dict[str, int] = {}
        self.terminal_id = ""
        """This terminal's id, known once the feed has attached (see ``wait_attached``)."""

    def __enter__(self) -> Terminal:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Detaches and closes the channel; an ``events()`` loop in another thread ends quietly, and a
        call in flight fails with ``CANCELLED``. Do not call it from a signal handler (see
        ``close_on``)."""
        with self._lock:
            self._closed.set()
            if self._call is not None:
                self._call.cancel()
            if self._outbox is not None:
                self._outbox.put(None)  # ends the request stream even if events() is never resumed
        self._channel.close()

    def close_on(self, *signals: signal.Signals) -> None:
        """Makes these signals (e.g. SIGTERM, SIGINT) close the terminal: the ``events()`` loop ends
        and the program can finish normally. Call it from the main thread.

        Why not ``sys.exit`` or ``KeyboardInterrupt`` in a handler: an exception raised by a signal
        handler can interrupt gRPC while it holds a lock, and the process then hangs on its way
        out. These handlers only start a thread that calls ``close()``."""
        for signum in signals:
            signal.signal(signum, lambda *_: threading.Thread(target=self.close).start())

    # The live feed.

    def events(self) -> Iterator[types_pb2.Event]:
        """The terminal's feed: every event of every session it takes part in, in order per session,
        each shown once.

        Attaches (with ``hello``), and whenever the stream ends for a reason a reconnect can cure
        (server shutdown or restart, dropped connection) waits with backoff and attaches again with
        ``hello.resume`` set to the highest sequence number shown per session, dropping any repeat.
        Raises a ``HandoffError`` for failures a reconnect cannot cure (``Unauthenticated``,
        ``OutOfRange``, ...). Ends when ``close()`` is called. Iterate it from one thread at a time.
        """
        backoff = Backoff(self._backoff_initial, self._backoff_max)
        while True:
            outbox: queue.SimpleQueue[pb.AttachRequest | None] = queue.SimpleQueue()
            outbox.put(self._cursors.hello())
            with self._lock:
                if self._closed.is_set():
                    return
                for session_id, seq in self._pending_acks.items():
                    outbox.put(_common.ack_request(session_id, seq))
                self._pending_acks.clear()
                self._outbox = outbox
                call = self._stub.Attach(_drain(outbox), metadata=self._metadata)
                self._call = call
            try:
                for response in call:
                    kind = response.WhichOneof("kind")
                    if kind == "attached":
                        self.terminal_id = response.attached.terminal_id
                        backoff.reset()
                        self._attached.set()
                    elif kind == "event" and self._cursors.admit(response.event):
                        yield response.event
                        if self._auto_ack:
                            self.ack(response.event)
            except grpc.RpcError as err:
                if self._closed.is_set():
                    return
                if err.code() in _common.FATAL_ATTACH_CODES:
                    raise from_rpc_error(err) from None
            finally:
                with self._lock:
                    self._outbox = None
                    self._call = None
                self._attached.clear()
                outbox.put(None)
                call.cancel()
                # grpc raised the call itself as the error, so its traceback holds this frame,
                # which holds the call: a cycle that the collector may break only as the
                # interpreter exits, when grpc's daemon threads are frozen and the call's __del__
                # can wait forever for a lock one of them holds.
                call.__traceback__ = None
            if self._closed.wait(backoff.next()):
                return

    def wait_attached(self, timeout: float | None = None) -> bool:
        """Waits until the feed is attached (a Connect to this terminal needs it attached); False on
        timeout."""
        return self._attached.wait(timeout)

    def ack(self, event: types_pb2.Event) -> None:
        """Marks ``event`` (and everything before it in its session) processed: a later attach
        without cursors, e.g. after this process restarts, starts after it. Needed only with
        ``auto_ack=False``. An ack still in flight when a stream breaks may be lost; the feed then
        resumes from an earlier ack and the repeats are dropped as usual."""
        request = _common.ack_request(event.session_id, event.seq)
        with self._lock:
            if self._outbox is not None:
                self._outbox.put(request)
            elif event.seq > self._pending_acks.get(event.session_id, 0):
                self._pending_acks[event.session_id] = event.seq

    # The protocol's steps, as unary calls.

    def connect(
        self,
        destination_terminal_id: str,
        caller_id: str,
        channel: types_pb2.Channel,
        *,
        display_name: str = "",
        facts: Mapping[str, str] | None = None,
    ) -> types_pb2.Session:
        """Opens a session for a caller with a destination terminal, which must be attached and must
        acknowledge within the server's ``--connect-timeout`` (hence ``connect_timeout``, longer
        than ``call_timeout``). Returns the open session. Not retried: a second attempt would
        request a second session."""
        call = _common.connect(destination_terminal_id, caller_id, channel, display_name, facts)
        return self._run(call, self._connect_timeout)

    def acknowledge_connect(self, session_id: str) -> types_pb2.Session:
        """The destination accepts a requested session (answer a ``session_requested`` event)."""
        return self._run(_common.acknowledge_connect(session_id))

    def message(self, session_id: str, body: str, idempotency_key: str | None = None) -> Sent:
        """Posts a message and returns its sequence number once it is committed.

        Without an ``idempotency_key`` a fresh one is made; on UNAVAILABLE, DEADLINE_EXCEEDED or a
        lost connection the call is repeated with the same key (with backoff, for up to
        ``retry_deadline``), so a message whose reply was lost is stored once: the retry returns the
        original seq with ``duplicate=True``."""
        return self._run(_common.message(session_id, body, idempotency_key))

    def transfer(
        self,
        session_id: str,
        *,
        terminal_id: str | None = None,
        group: str | None = None,
        facts: Mapping[str, str] | None = None,
        note: str = "",
    ) -> types_pb2.Transfer:
        """The holder offers the session to a terminal or to a group (exactly one of the two), with
        facts merged into the session's and a note for the target."""
        return self._run(_common.transfer(session_id, terminal_id, group, facts, note))

    def accept_transfer(self, session_id: str, transfer_id: str) -> Accepted:
        """The target takes the offer; it holds the session once the old holder disconnects."""
        return self._run(_common.accept_transfer(session_id, transfer_id))

    def decline_transfer(self, session_id: str, transfer_id: str, reason: str = "") -> types_pb2.Transfer:
        """The target turns the offer down; the holder keeps the session."""
        return self._run(_common.decline_transfer(session_id, transfer_id, reason))

    def cancel_transfer(self, session_id: str, transfer_id: str, reason: str = "") -> types_pb2.Transfer:
        """The holder withdraws an offer nobody has accepted yet."""
        return self._run(_common.cancel_transfer(session_id, transfer_id, reason))

    def set_status(self, status: int, reason: str = "") -> types_pb2.TerminalState:
        """Says whether this terminal takes new sessions from group queues
        (``types_pb2.TERMINAL_STATUS_AVAILABLE``, ``_AWAY`` or ``_BUSY``). An agent starts away:
        attaching alone does not make it available. The server keeps it across reconnects."""
        return self._run(_common.set_status(status, reason))

    def disconnect(self, session_id: str) -> Disconnected:
        """The holder leaves (after an accepted transfer the target continues; otherwise the session
        ends), or the caller's terminal ends the session."""
        return self._run(_common.disconnect(session_id))

    def acknowledge_disconnect(self, session_id: str, seq: int) -> types_pb2.Session:
        """The caller's terminal acknowledges a ``holder_disconnected`` event (its seq)."""
        return self._run(_common.acknowledge_disconnect(session_id, seq))

    def get_session(self, session_id: str) -> types_pb2.Session:
        """The session as it is now: participants, holder history, transfers, facts."""
        return self._run(_common.get_session(session_id))

    def list_events(self, session_id: str, *, page_size: int = 0) -> list[types_pb2.Event]:
        """The session's whole log as this terminal may see it, reading every page."""
        events: list[types_pb2.Event] = []
        page_token = ""
        while True:
            page = self._run(_common.list_events_page(session_id, page_token, page_size))
            events.extend(page.events)
            if not page.next_page_token:
                return events
            page_token = page.next_page_token

    def _run(self, call: Call[T], timeout: float | None = None) -> T:
        """Makes the call, retrying it while it is safe to (see ``Call.retry``) and the retry deadline
        has not passed; raises the typed error of the last failure."""
        method = getattr(self._stub, call.method)
        backoff = Backoff(self._backoff_initial, self._backoff_max)
        give_up = time.monotonic() + self._retry_deadline
        while True:
            try:
                reply = method(
                    call.request,
                    metadata=self._metadata,
                    timeout=timeout if timeout is not None else self._call_timeout,
                )
                return call.unpack(reply)
            except grpc.RpcError as err:
                pause = backoff.next()
                if (
                    not call.retry
                    or err.code() not in _common.RETRY_CODES
                    or time.monotonic() + pause > give_up
                    or self._closed.wait(pause)
                ):
                    raise from_rpc_error(err) from None


def _drain(outbox: queue.SimpleQueue[pb.AttachRequest | None]) -> Iterator[pb.AttachRequest]:
    """The Attach request stream: whatever is put in the outbox, until ``None``. gRPC consumes it in
    its own thread, so acks can be sent from any thread while the feed is being read."""
    while (request := outbox.get()) is not None:
        yield request
