"""Python client for the handoff gRPC API.

``Terminal`` (blocking) and ``handoff.aio.AsyncTerminal`` (asyncio) take part in sessions as a bot,
an agent desktop or a gateway: a de-duplicated, self-resuming live feed and one method per protocol
step, with failures raised as the ``HandoffError`` subclasses of ``handoff.errors``. The generated
messages and stubs are in ``handoff.v1`` (regenerate with ``clients/generate.sh``; only the
``__init__.py`` files there are hand-written).
"""

from handoff._common import Accepted, Disconnected, Sent
from handoff.aio import AsyncTerminal
from handoff.errors import (
    Aborted,
    AlreadyExists,
    DeadlineExceeded,
    FailedPrecondition,
    HandoffError,
    Internal,
    InvalidArgument,
    NotFound,
    OutOfRange,
    PermissionDenied,
    ResourceExhausted,
    Unauthenticated,
    Unavailable,
)
from handoff.terminal import Terminal
from handoff.v1.types_pb2 import Event

__all__ = [
    "Aborted",
    "Accepted",
    "AlreadyExists",
    "AsyncTerminal",
    "DeadlineExceeded",
    "Disconnected",
    "Event",
    "FailedPrecondition",
    "HandoffError",
    "Internal",
    "InvalidArgument",
    "NotFound",
    "OutOfRange",
    "PermissionDenied",
    "ResourceExhausted",
    "Sent",
    "Terminal",
    "Unauthenticated",
    "Unavailable",
]
