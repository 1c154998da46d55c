import datetime

from google.protobuf import duration_pb2 as _duration_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from handoff.v1 import types_pb2 as _types_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class SetStatusRequest(_message.Message):
    __slots__ = ("status", "reason")
    STATUS_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    status: _types_pb2.TerminalStatus
    reason: str
    def __init__(self, status: _Optional[_Union[_types_pb2.TerminalStatus, str]] = ..., reason: _Optional[str] = ...) -> None: ...

class SetStatusResponse(_message.Message):
    __slots__ = ("state",)
    STATE_FIELD_NUMBER: _ClassVar[int]
    state: _types_pb2.TerminalState
    def __init__(self, state: _Optional[_Union[_types_pb2.TerminalState, _Mapping]] = ...) -> None: ...

class ConnectRequest(_message.Message):
    __slots__ = ("destination_terminal_id", "caller", "channel", "facts", "destination_group", "priority")
    class FactsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    DESTINATION_TERMINAL_ID_FIELD_NUMBER: _ClassVar[int]
    CALLER_FIELD_NUMBER: _ClassVar[int]
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    FACTS_FIELD_NUMBER: _ClassVar[int]
    DESTINATION_GROUP_FIELD_NUMBER: _ClassVar[int]
    PRIORITY_FIELD_NUMBER: _ClassVar[int]
    destination_terminal_id: str
    caller: _types_pb2.Caller
    channel: _types_pb2.Channel
    facts: _containers.ScalarMap[str, str]
    destination_group: str
    priority: int
    def __init__(self, destination_terminal_id: _Optional[str] = ..., caller: _Optional[_Union[_types_pb2.Caller, _Mapping]] = ..., channel: _Optional[_Union[_types_pb2.Channel, str]] = ..., facts: _Optional[_Mapping[str, str]] = ..., destination_group: _Optional[str] = ..., priority: _Optional[int] = ...) -> None: ...

class ConnectResponse(_message.Message):
    __slots__ = ("session",)
    SESSION_FIELD_NUMBER: _ClassVar[int]
    session: _types_pb2.Session
    def __init__(self, session: _Optional[_Union[_types_pb2.Session, _Mapping]] = ...) -> None: ...

class AcknowledgeConnectRequest(_message.Message):
    __slots__ = ("session_id",)
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    session_id: str
    def __init__(self, session_id: _Optional[str] = ...) -> None: ...

class AcknowledgeConnectResponse(_message.Message):
    __slots__ = ("session",)
    SESSION_FIELD_NUMBER: _ClassVar[int]
    session: _types_pb2.Session
    def __init__(self, session: _Optional[_Union[_types_pb2.Session, _Mapping]] = ...) -> None: ...

class MessageRequest(_message.Message):
    __slots__ = ("session_id", "body", "idempotency_key")
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    BODY_FIELD_NUMBER: _ClassVar[int]
    IDEMPOTENCY_KEY_FIELD_NUMBER: _ClassVar[int]
    session_id: str
    body: str
    idempotency_key: str
    def __init__(self, session_id: _Optional[str] = ..., body: _Optional[str] = ..., idempotency_key: _Optional[str] = ...) -> None: ...

class MessageResponse(_message.Message):
    __slots__ = ("seq", "time", "duplicate")
    SEQ_FIELD_NUMBER: _ClassVar[int]
    TIME_FIELD_NUMBER: _ClassVar[int]
    DUPLICATE_FIELD_NUMBER: _ClassVar[int]
    seq: int
    time: _timestamp_pb2.Timestamp
    duplicate: bool
    def __init__(self, seq: _Optional[int] = ..., time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., duplicate: _Optional[bool] = ...) -> None: ...

class TransferRequest(_message.Message):
    __slots__ = ("session_id", "target", "facts", "note", "priority")
    class FactsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    TARGET_FIELD_NUMBER: _ClassVar[int]
    FACTS_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    PRIORITY_FIELD_NUMBER: _ClassVar[int]
    session_id: str
    target: _types_pb2.TransferTarget
    facts: _containers.ScalarMap[str, str]
    note: str
    priority: int
    def __init__(self, session_id: _Optional[str] = ..., target: _Optional[_Union[_types_pb2.TransferTarget, _Mapping]] = ..., facts: _Optional[_Mapping[str, str]] = ..., note: _Optional[str] = ..., priority: _Optional[int] = ...) -> None: ...

class TransferResponse(_message.Message):
    __slots__ = ("transfer",)
    TRANSFER_FIELD_NUMBER: _ClassVar[int]
    transfer: _types_pb2.Transfer
    def __init__(self, transfer: _Optional[_Union[_types_pb2.Transfer, _Mapping]] = ...) -> None: ...

class AcceptTransferRequest(_message.Message):
    __slots__ = ("session_id", "transfer_id")
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    TRANSFER_ID_FIELD_NUMBER: _ClassVar[int]
    session_id: str
    transfer_id: str
    def __init__(self, session_id: _Optional[str] = ..., transfer_id: _Optional[str] = ...) -> None: ...

class AcceptTransferResponse(_message.Message):
    __slots__ = ("transfer", "session")
    TRANSFER_FIELD_NUMBER: _ClassVar[int]
    SESSION_FIELD_NUMBER: _ClassVar[int]
    transfer: _types_pb2.Transfer
    session: _types_pb2.Session
    def __init__(self, transfer: _Optional[_Union[_types_pb2.Transfer, _Mapping]] = ..., session: _Optional[_Union[_types_pb2.Session, _Mapping]] = ...) -> None: ...

class DeclineTransferRequest(_message.Message):
    __slots__ = ("session_id", "transfer_id", "reason")
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    TRANSFER_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    session_id: str
    transfer_id: str
    reason: str
    def __init__(self, session_id: _Optional[str] = ..., transfer_id: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class DeclineTransferResponse(_message.Message):
    __slots__ = ("transfer",)
    TRANSFER_FIELD_NUMBER: _ClassVar[int]
    transfer: _types_pb2.Transfer
    def __init__(self, transfer: _Optional[_Union[_types_pb2.Transfer, _Mapping]] = ...) -> None: ...

class CancelTransferRequest(_message.Message):
    __slots__ = ("session_id", "transfer_id", "reason")
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    TRANSFER_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    session_id: str
    transfer_id: str
    reason: str
    def __init__(self, session_id: _Optional[str] = ..., transfer_id: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class CancelTransferResponse(_message.Message):
    __slots__ = ("transfer",)
    TRANSFER_FIELD_NUMBER: _ClassVar[int]
    transfer: _types_pb2.Transfer
    def __init__(self, transfer: _Optional[_Union[_types_pb2.Transfer, _Mapping]] = ...) -> None: ...

class DisconnectRequest(_message.Message):
    __slots__ = ("session_id",)
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    session_id: str
    def __init__(self, session_id: _Optional[str] = ...) -> None: ...

class DisconnectResponse(_message.Message):
    __slots__ = ("session", "seq")
    SESSION_FIELD_NUMBER: _ClassVar[int]
    SEQ_FIELD_NUMBER: _ClassVar[int]
    session: _types_pb2.Session
    seq: int
    def __init__(self, session: _Optional[_Union[_types_pb2.Session, _Mapping]] = ..., seq: _Optional[int] = ...) -> None: ...

class AcknowledgeDisconnectRequest(_message.Message):
    __slots__ = ("session_id", "seq")
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    SEQ_FIELD_NUMBER: _ClassVar[int]
    session_id: str
    seq: int
    def __init__(self, session_id: _Optional[str] = ..., seq: _Optional[int] = ...) -> None: ...

class AcknowledgeDisconnectResponse(_message.Message):
    __slots__ = ("session",)
    SESSION_FIELD_NUMBER: _ClassVar[int]
    session: _types_pb2.Session
    def __init__(self, session: _Optional[_Union[_types_pb2.Session, _Mapping]] = ...) -> None: ...

class GetSessionRequest(_message.Message):
    __slots__ = ("session_id",)
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    session_id: str
    def __init__(self, session_id: _Optional[str] = ...) -> None: ...

class GetSessionResponse(_message.Message):
    __slots__ = ("session",)
    SESSION_FIELD_NUMBER: _ClassVar[int]
    session: _types_pb2.Session
    def __init__(self, session: _Optional[_Union[_types_pb2.Session, _Mapping]] = ...) -> None: ...

class ListEventsRequest(_message.Message):
    __slots__ = ("session_id", "page_size", "page_token")
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    session_id: str
    page_size: int
    page_token: str
    def __init__(self, session_id: _Optional[str] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListEventsResponse(_message.Message):
    __slots__ = ("events", "next_page_token")
    EVENTS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    events: _containers.RepeatedCompositeFieldContainer[_types_pb2.Event]
    next_page_token: str
    def __init__(self, events: _Optional[_Iterable[_Union[_types_pb2.Event, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class AttachRequest(_message.Message):
    __slots__ = ("hello", "ack", "command")
    HELLO_FIELD_NUMBER: _ClassVar[int]
    ACK_FIELD_NUMBER: _ClassVar[int]
    COMMAND_FIELD_NUMBER: _ClassVar[int]
    hello: Hello
    ack: Ack
    command: Command
    def __init__(self, hello: _Optional[_Union[Hello, _Mapping]] = ..., ack: _Optional[_Union[Ack, _Mapping]] = ..., command: _Optional[_Union[Command, _Mapping]] = ...) -> None: ...

class Hello(_message.Message):
    __slots__ = ("resume",)
    RESUME_FIELD_NUMBER: _ClassVar[int]
    resume: _containers.RepeatedCompositeFieldContainer[SessionCursor]
    def __init__(self, resume: _Optional[_Iterable[_Union[SessionCursor, _Mapping]]] = ...) -> None: ...

class SessionCursor(_message.Message):
    __slots__ = ("session_id", "seq")
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    SEQ_FIELD_NUMBER: _ClassVar[int]
    session_id: str
    seq: int
    def __init__(self, session_id: _Optional[str] = ..., seq: _Optional[int] = ...) -> None: ...

class Ack(_message.Message):
    __slots__ = ("session_id", "seq")
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    SEQ_FIELD_NUMBER: _ClassVar[int]
    session_id: str
    seq: int
    def __init__(self, session_id: _Optional[str] = ..., seq: _Optional[int] = ...) -> None: ...

class Command(_message.Message):
    __slots__ = ("request_id", "message", "acknowledge_connect", "acknowledge_disconnect", "transfer", "accept_transfer", "decline_transfer", "cancel_transfer", "disconnect", "set_status")
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    ACKNOWLEDGE_CONNECT_FIELD_NUMBER: _ClassVar[int]
    ACKNOWLEDGE_DISCONNECT_FIELD_NUMBER: _ClassVar[int]
    TRANSFER_FIELD_NUMBER: _ClassVar[int]
    ACCEPT_TRANSFER_FIELD_NUMBER: _ClassVar[int]
    DECLINE_TRANSFER_FIELD_NUMBER: _ClassVar[int]
    CANCEL_TRANSFER_FIELD_NUMBER: _ClassVar[int]
    DISCONNECT_FIELD_NUMBER: _ClassVar[int]
    SET_STATUS_FIELD_NUMBER: _ClassVar[int]
    request_id: str
    message: MessageRequest
    acknowledge_connect: AcknowledgeConnectRequest
    acknowledge_disconnect: AcknowledgeDisconnectRequest
    transfer: TransferRequest
    accept_transfer: AcceptTransferRequest
    decline_transfer: DeclineTransferRequest
    cancel_transfer: CancelTransferRequest
    disconnect: DisconnectRequest
    set_status: SetStatusRequest
    def __init__(self, request_id: _Optional[str] = ..., message: _Optional[_Union[MessageRequest, _Mapping]] = ..., acknowledge_connect: _Optional[_Union[AcknowledgeConnectRequest, _Mapping]] = ..., acknowledge_disconnect: _Optional[_Union[AcknowledgeDisconnectRequest, _Mapping]] = ..., transfer: _Optional[_Union[TransferRequest, _Mapping]] = ..., accept_transfer: _Optional[_Union[AcceptTransferRequest, _Mapping]] = ..., decline_transfer: _Optional[_Union[DeclineTransferRequest, _Mapping]] = ..., cancel_transfer: _Optional[_Union[CancelTransferRequest, _Mapping]] = ..., disconnect: _Optional[_Union[DisconnectRequest, _Mapping]] = ..., set_status: _Optional[_Union[SetStatusRequest, _Mapping]] = ...) -> None: ...

class AttachResponse(_message.Message):
    __slots__ = ("attached", "event", "receipt")
    ATTACHED_FIELD_NUMBER: _ClassVar[int]
    EVENT_FIELD_NUMBER: _ClassVar[int]
    RECEIPT_FIELD_NUMBER: _ClassVar[int]
    attached: Attached
    event: _types_pb2.Event
    receipt: Receipt
    def __init__(self, attached: _Optional[_Union[Attached, _Mapping]] = ..., event: _Optional[_Union[_types_pb2.Event, _Mapping]] = ..., receipt: _Optional[_Union[Receipt, _Mapping]] = ...) -> None: ...

class Attached(_message.Message):
    __slots__ = ("terminal_id", "server_time")
    TERMINAL_ID_FIELD_NUMBER: _ClassVar[int]
    SERVER_TIME_FIELD_NUMBER: _ClassVar[int]
    terminal_id: str
    server_time: _timestamp_pb2.Timestamp
    def __init__(self, terminal_id: _Optional[str] = ..., server_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class Receipt(_message.Message):
    __slots__ = ("request_id", "code", "message", "seq", "transfer_id")
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    CODE_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    SEQ_FIELD_NUMBER: _ClassVar[int]
    TRANSFER_ID_FIELD_NUMBER: _ClassVar[int]
    request_id: str
    code: int
    message: str
    seq: int
    transfer_id: str
    def __init__(self, request_id: _Optional[str] = ..., code: _Optional[int] = ..., message: _Optional[str] = ..., seq: _Optional[int] = ..., transfer_id: _Optional[str] = ...) -> None: ...

class SubscribeRequest(_message.Message):
    __slots__ = ("resume", "session_id")
    RESUME_FIELD_NUMBER: _ClassVar[int]
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    resume: _containers.RepeatedCompositeFieldContainer[SessionCursor]
    session_id: str
    def __init__(self, resume: _Optional[_Iterable[_Union[SessionCursor, _Mapping]]] = ..., session_id: _Optional[str] = ...) -> None: ...

class SubscribeResponse(_message.Message):
    __slots__ = ("attached", "event")
    ATTACHED_FIELD_NUMBER: _ClassVar[int]
    EVENT_FIELD_NUMBER: _ClassVar[int]
    attached: Attached
    event: _types_pb2.Event
    def __init__(self, attached: _Optional[_Union[Attached, _Mapping]] = ..., event: _Optional[_Union[_types_pb2.Event, _Mapping]] = ...) -> None: ...

class AcknowledgeRequest(_message.Message):
    __slots__ = ("session_id", "seq")
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    SEQ_FIELD_NUMBER: _ClassVar[int]
    session_id: str
    seq: int
    def __init__(self, session_id: _Optional[str] = ..., seq: _Optional[int] = ...) -> None: ...

class AcknowledgeResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class CreateSessionTokenRequest(_message.Message):
    __slots__ = ("session_id", "ttl")
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    TTL_FIELD_NUMBER: _ClassVar[int]
    session_id: str
    ttl: _duration_pb2.Duration
    def __init__(self, session_id: _Optional[str] = ..., ttl: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ...) -> None: ...

class CreateSessionTokenResponse(_message.Message):
    __slots__ = ("token", "token_id", "session_id", "expire_time")
    TOKEN_FIELD_NUMBER: _ClassVar[int]
    TOKEN_ID_FIELD_NUMBER: _ClassVar[int]
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    EXPIRE_TIME_FIELD_NUMBER: _ClassVar[int]
    token: str
    token_id: str
    session_id: str
    expire_time: _timestamp_pb2.Timestamp
    def __init__(self, token: _Optional[str] = ..., token_id: _Optional[str] = ..., session_id: _Optional[str] = ..., expire_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class RevokeSessionTokenRequest(_message.Message):
    __slots__ = ("token_id",)
    TOKEN_ID_FIELD_NUMBER: _ClassVar[int]
    token_id: str
    def __init__(self, token_id: _Optional[str] = ...) -> None: ...

class RevokeSessionTokenResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ListSessionTerminalsRequest(_message.Message):
    __slots__ = ("session_id",)
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    session_id: str
    def __init__(self, session_id: _Optional[str] = ...) -> None: ...

class ListSessionTerminalsResponse(_message.Message):
    __slots__ = ("terminals",)
    TERMINALS_FIELD_NUMBER: _ClassVar[int]
    terminals: _containers.RepeatedCompositeFieldContainer[SessionTerminal]
    def __init__(self, terminals: _Optional[_Iterable[_Union[SessionTerminal, _Mapping]]] = ...) -> None: ...

class SessionTerminal(_message.Message):
    __slots__ = ("id", "display_name", "kind")
    ID_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    id: str
    display_name: str
    kind: _types_pb2.TerminalKind
    def __init__(self, id: _Optional[str] = ..., display_name: _Optional[str] = ..., kind: _Optional[_Union[_types_pb2.TerminalKind, str]] = ...) -> None: ...
