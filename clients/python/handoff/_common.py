"""What the synchronous ``Terminal`` and the asyncio ``AsyncTerminal`` share: the requests each step
sends, how replies are unpacked, which failures are retried, the backoff and the de-duplication of
the live feed. Keeping it here means the two flavours differ only in how they wait.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Generic, NamedTuple, TypeVar

import grpc

from handoff.v1 import terminal_service_pb2 as pb
from handoff.v1 import types_pb2

T = TypeVar("T")

#: Failures after which a unary call may be retried: the server (or the way to it) was down, or the
#: attempt's deadline passed. Either way the call may or may not have taken effect, so only calls
#: that are safe to repeat are retried (``message`` thanks to its idempotency key).
RETRY_CODES = frozenset({grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.DEADLINE_EXCEEDED})

#: Attach failures that reconnecting cannot cure: they are raised from ``events()``. Every other
#: ending of the stream (server shutdown, a dropped connection, a reset stream) is followed by a
#: reconnect that resumes from the cursors.
FATAL_ATTACH_CODES = frozenset(
    {
        grpc.StatusCode.UNAUTHENTICATED,
        grpc.StatusCode.PERMISSION_DENIED,
        grpc.StatusCode.INVALID_ARGUMENT,
        grpc.StatusCode.NOT_FOUND,
        grpc.StatusCode.OUT_OF_RANGE,
        grpc.StatusCode.FAILED_PRECONDITION,
        grpc.StatusCode.UNIMPLEMENTED,
    }
)


class Sent(NamedTuple):
    """The outcome of ``message``: the message's sequence number in its session, and whether an
    earlier attempt with the same idempotency key had already stored it."""

    seq: int
    duplicate: bool


class Accepted(NamedTuple):
    """The outcome of ``accept_transfer``: the accepted transfer and the session as it is now (the
    old holder stays the holder until it disconnects)."""

    transfer: types_pb2.Transfer
    session: types_pb2.Session


class Disconnected(NamedTuple):
    """The outcome of ``disconnect``: the session, and the sequence number of the
    HolderDisconnected (or SessionEnded) event it produced."""

    session: types_pb2.Session
    seq: int


@dataclass(frozen=True)
class Call(Generic[T]):
    """One unary RPC: the stub method's name, its request, how to unpack the reply, and whether it
    is safe to repeat after UNAVAILABLE / DEADLINE_EXCEEDED."""

    method: str
    request: Any
    unpack: Callable[[Any], T]
    retry: bool = False


def metadata(token: str) -> tuple[tuple[str, str], ...]:
    """The bearer token every call carries; the server knows the terminal by it."""
    return (("authorization", f"Bearer {token}"),)


def channel_options(
    backoff_initial: float, backoff_max: float, keepalive: float
) -> list[tuple[str, int]]:
    """The channel's settings.

    gRPC's own reconnect backoff (1 s growing to 120 s by default) is aligned with ours, so a
    channel whose server came back is ready when our next attempt is made instead of failing fast
    for up to two minutes. Keepalive pings go out while calls are open, without the default limit
    of two pings between data frames: an idle feed would otherwise stop pinging and never notice
    that its connection died silently.
    """
    return [
        ("grpc.initial_reconnect_backoff_ms", max(1, int(backoff_initial * 1000))),
        ("grpc.min_reconnect_backoff_ms", max(1, int(backoff_initial * 1000))),
        ("grpc.max_reconnect_backoff_ms", max(1, int(backoff_max * 1000))),
        ("grpc.keepalive_time_ms", max(1, int(keepalive * 1000))),
        ("grpc.keepalive_timeout_ms", max(1, int(keepalive * 1000))),
        ("grpc.http2.max_pings_without_data", 0),
        ("grpc.http2.ping_timeout_ms", max(1, int(keepalive * 1000))),
    ]


class Backoff:
    """Exponential backoff with full jitter: the n-th wait is uniform in [0, min(max, initial * 2^n)],
    so terminals cut off by the same outage do not all come back at the same instant."""

    def __init__(self, initial: float, maximum: float) -> None:
        self._initial = initial
        self._max = maximum
        self._attempt = 0

    def next(self) -> float:
        ceiling = min(self._max, self._initial * (2**self._attempt))
        self._attempt = min(self._attempt + 1, 62)
        return random.uniform(0, ceiling)

    def reset(self) -> None:
        self._attempt = 0


class Cursors:
    """The highest sequence number shown to the application per session.

    The server delivers at least once, in order per session; dropping every event at or below the
    cursor makes it exactly once for the application, across reconnects. The same numbers go into
    ``hello.resume`` so a reconnect starts where the application is rather than at the last recorded
    ack. Nothing here is needed for correctness after a restart: a new process starts empty and the
    server resumes from the acks.
    """

    def __init__(self) -> None:
        self._shown: dict[str, int] = {}

    def admit(self, event: types_pb2.Event) -> bool:
        """True (and the event now counts as shown) if it is new; False for a repeat."""
        if event.seq <= self._shown.get(event.session_id, 0):
            return False
        self._shown[event.session_id] = event.seq
        return True

    def hello(self) -> pb.AttachRequest:
        return pb.AttachRequest(
            hello=pb.Hello(
                resume=[pb.SessionCursor(session_id=s, seq=q) for s, q in self._shown.items()]
            )
        )


def ack_request(session_id: str, seq: int) -> pb.AttachRequest:
    return pb.AttachRequest(ack=pb.Ack(session_id=session_id, seq=seq))


def connect(
    destination_terminal_id: str,
    caller_id: str,
    channel: types_pb2.Channel,
    display_name: str,
    facts: Mapping[str, str] | None,
) -> Call[types_pb2.Session]:
    request = pb.ConnectRequest(
        destination_terminal_id=destination_terminal_id,
        caller=types_pb2.Caller(id=caller_id, display_name=display_name),
        channel=channel,
        facts=dict(facts or {}),
    )
    return Call("Connect", request, lambda r: r.session)


def acknowledge_connect(session_id: str) -> Call[types_pb2.Session]:
    request = pb.AcknowledgeConnectRequest(session_id=session_id)
    return Call("AcknowledgeConnect", request, lambda r: r.session)


def message(session_id: str, body: str, idempotency_key: str | None) -> Call[Sent]:
    # The key is fixed here, before the first attempt, so every retry of this call carries it.
    key = idempotency_key if idempotency_key is not None else str(uuid.uuid4())
    request = pb.MessageRequest(session_id=session_id, body=body, idempotency_key=key)
    return Call("Message", request, lambda r: Sent(r.seq, r.duplicate), retry=True)


def transfer(
    session_id: str,
    terminal_id: str | None,
    group: str | None,
    facts: Mapping[str, str] | None,
    note: str,
) -> Call[types_pb2.Transfer]:
    if (terminal_id is None) == (group is None):
        raise ValueError("transfer needs exactly one target: terminal_id or group")
    target = (
        types_pb2.TransferTarget(terminal_id=terminal_id)
        if terminal_id is not None
        else types_pb2.TransferTarget(group=group)
    )
    request = pb.TransferRequest(
        session_id=session_id, target=target, facts=dict(facts or {}), note=note
    )
    return Call("Transfer", request, lambda r: r.transfer)


def accept_transfer(session_id: str, transfer_id: str) -> Call[Accepted]:
    request = pb.AcceptTransferRequest(session_id=session_id, transfer_id=transfer_id)
    return Call("AcceptTransfer", request, lambda r: Accepted(r.transfer, r.session))


def decline_transfer(session_id: str, transfer_id: str, reason: str) -> Call[types_pb2.Transfer]:
    request = pb.DeclineTransferRequest(
        session_id=session_id, transfer_id=transfer_id, reason=reason
    )
    return Call("DeclineTransfer", request, lambda r: r.transfer)


def cancel_transfer(session_id: str, transfer_id: str, reason: str) -> Call[types_pb2.Transfer]:
    request = pb.CancelTransferRequest(session_id=session_id, transfer_id=transfer_id, reason=reason)
    return Call("CancelTransfer", request, lambda r: r.transfer)


def set_status(status: int, reason: str) -> Call[types_pb2.TerminalState]:
    # Setting the same status again changes nothing, so this one is safe to retry.
    request = pb.SetStatusRequest(status=status, reason=reason)
    return Call("SetStatus", request, lambda r: r.state, retry=True)


def disconnect(session_id: str) -> Call[Disconnected]:
    request = pb.DisconnectRequest(session_id=session_id)
    return Call("Disconnect", request, lambda r: Disconnected(r.session, r.seq))


def acknowledge_disconnect(session_id: str, seq: int) -> Call[types_pb2.Session]:
    # Acknowledging the same event again is a no-op on the server, so this one is safe to retry.
    request = pb.AcknowledgeDisconnectRequest(session_id=session_id, seq=seq)
    return Call("AcknowledgeDisconnect", request, lambda r: r.session, retry=True)


def get_session(session_id: str) -> Call[types_pb2.Session]:
    request = pb.GetSessionRequest(session_id=session_id)
    return Call("GetSession", request, lambda r: r.session, retry=True)


def list_events_page(
    session_id: str, page_token: str, page_size: int
) -> Call[pb.ListEventsResponse]:
    request = pb.ListEventsRequest(
        session_id=session_id, page_token=page_token, page_size=page_size
    )
    return Call("ListEvents", request, lambda r: r, retry=True)
