"""Typed exceptions for the gRPC status codes the handoff server returns.

Applications branch on what went wrong (``except NotFound``) rather than on ``grpc.RpcError.code()``;
each RPC's comment in ``proto/handoff/v1/terminal_service.proto`` says which codes it returns.
"""

from __future__ import annotations

import grpc


class HandoffError(Exception):
    """A call failed with a gRPC status other than OK.

    ``code`` is the ``grpc.StatusCode`` and ``message`` the server's status message (for example
    ``NOT_FOUND`` / ``"session not found"``). Codes without a subclass below raise this class itself.
    """

    def __init__(self, code: grpc.StatusCode, message: str) -> None:
        super().__init__(f"{code.name}: {message}")
        self.code = code
        self.message = message


class NotFound(HandoffError):
    """No such session, terminal or transfer, or none this terminal takes part in (the server does
    not tell the two apart, so ids cannot be probed)."""


class InvalidArgument(HandoffError):
    """The request is malformed: a missing or malformed field, an empty body, an oversized note."""


class FailedPrecondition(HandoffError):
    """The session is not in a state that allows the step (not the holder, already ended, another
    transfer in flight, an offer no longer open)."""


class Unavailable(HandoffError):
    """The server or its database cannot be reached, or the other terminal is not attached; retrying
    may succeed (``Terminal.message`` retries by itself, with the same idempotency key)."""


class ResourceExhausted(HandoffError):
    """A message body over the server's ``--max-message-bytes``."""


class OutOfRange(HandoffError):
    """An Attach resume cursor is ahead of the session's log: the server's log is older than what this
    terminal has seen (a restored database, for example)."""


class PermissionDenied(HandoffError):
    """The credentials are valid but not allowed to make this call."""


class Unauthenticated(HandoffError):
    """The bearer token is missing, malformed or unknown."""


class AlreadyExists(HandoffError):
    """The thing being created exists already (for example a terminal name, on the admin API)."""


class DeadlineExceeded(HandoffError):
    """The call's deadline passed before the server answered; the outcome is unknown."""


class Aborted(HandoffError):
    """The server gave up on the call because of a concurrent change; it may be retried."""


class Internal(HandoffError):
    """An unexpected failure on the server; the details are in the server's log, not in the reply."""


_BY_CODE: dict[grpc.StatusCode, type[HandoffError]] = {
    grpc.StatusCode.NOT_FOUND: NotFound,
    grpc.StatusCode.INVALID_ARGUMENT: InvalidArgument,
    grpc.StatusCode.FAILED_PRECONDITION: FailedPrecondition,
    grpc.StatusCode.UNAVAILABLE: Unavailable,
    grpc.StatusCode.RESOURCE_EXHAUSTED: ResourceExhausted,
    grpc.StatusCode.OUT_OF_RANGE: OutOfRange,
    grpc.StatusCode.PERMISSION_DENIED: PermissionDenied,
    grpc.StatusCode.UNAUTHENTICATED: Unauthenticated,
    grpc.StatusCode.ALREADY_EXISTS: AlreadyExists,
    grpc.StatusCode.DEADLINE_EXCEEDED: DeadlineExceeded,
    grpc.StatusCode.ABORTED: Aborted,
    grpc.StatusCode.INTERNAL: Internal,
}


def from_rpc_error(err: grpc.RpcError) -> HandoffError:
    """The typed exception for a failed call (sync ``grpc.RpcError`` or ``grpc.aio.AioRpcError``)."""
    code: grpc.StatusCode = err.code()
    details: str = err.details() or ""
    return _BY_CODE.get(code, HandoffError)(code, details)
