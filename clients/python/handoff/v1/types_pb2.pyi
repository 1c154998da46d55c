import datetime

from google.protobuf import duration_pb2 as _duration_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Channel(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    CHANNEL_UNSPECIFIED: _ClassVar[Channel]
    CHANNEL_IM: _ClassVar[Channel]
    CHANNEL_SMS: _ClassVar[Channel]
    CHANNEL_WEB: _ClassVar[Channel]

class TerminalKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    TERMINAL_KIND_UNSPECIFIED: _ClassVar[TerminalKind]
    TERMINAL_KIND_BOT: _ClassVar[TerminalKind]
    TERMINAL_KIND_AGENT: _ClassVar[TerminalKind]
    TERMINAL_KIND_GATEWAY: _ClassVar[TerminalKind]

class SessionState(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    SESSION_STATE_UNSPECIFIED: _ClassVar[SessionState]
    SESSION_STATE_CONNECTING: _ClassVar[SessionState]
    SESSION_STATE_OPEN: _ClassVar[SessionState]
    SESSION_STATE_ENDED: _ClassVar[SessionState]

class Role(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    ROLE_UNSPECIFIED: _ClassVar[Role]
    ROLE_CALLER: _ClassVar[Role]
    ROLE_HOLDER: _ClassVar[Role]
    ROLE_TARGET: _ClassVar[Role]
    ROLE_INCOMING: _ClassVar[Role]

class TransferState(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    TRANSFER_STATE_UNSPECIFIED: _ClassVar[TransferState]
    TRANSFER_STATE_OFFERED: _ClassVar[TransferState]
    TRANSFER_STATE_ACCEPTED: _ClassVar[TransferState]
    TRANSFER_STATE_COMPLETED: _ClassVar[TransferState]
    TRANSFER_STATE_DECLINED: _ClassVar[TransferState]
    TRANSFER_STATE_CANCELLED: _ClassVar[TransferState]
    TRANSFER_STATE_EXPIRED: _ClassVar[TransferState]
    TRANSFER_STATE_ABORTED: _ClassVar[TransferState]
    TRANSFER_STATE_QUEUED: _ClassVar[TransferState]

class SessionEndReason(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    SESSION_END_REASON_UNSPECIFIED: _ClassVar[SessionEndReason]
    SESSION_END_REASON_HOLDER_DISCONNECTED: _ClassVar[SessionEndReason]
    SESSION_END_REASON_CALLER_DISCONNECTED: _ClassVar[SessionEndReason]
    SESSION_END_REASON_CONNECT_NOT_ACKNOWLEDGED: _ClassVar[SessionEndReason]

class QueueReason(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    QUEUE_REASON_UNSPECIFIED: _ClassVar[QueueReason]
    QUEUE_REASON_NOBODY_AVAILABLE: _ClassVar[QueueReason]
    QUEUE_REASON_DECLINED: _ClassVar[QueueReason]
    QUEUE_REASON_UNANSWERED: _ClassVar[QueueReason]
    QUEUE_REASON_OVERFLOW: _ClassVar[QueueReason]
    QUEUE_REASON_POSITION: _ClassVar[QueueReason]
    QUEUE_REASON_HOLDER_AWAY: _ClassVar[QueueReason]

class TerminalStatus(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    TERMINAL_STATUS_UNSPECIFIED: _ClassVar[TerminalStatus]
    TERMINAL_STATUS_AVAILABLE: _ClassVar[TerminalStatus]
    TERMINAL_STATUS_AWAY: _ClassVar[TerminalStatus]
    TERMINAL_STATUS_BUSY: _ClassVar[TerminalStatus]

class RoutingStrategy(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    ROUTING_STRATEGY_UNSPECIFIED: _ClassVar[RoutingStrategy]
    ROUTING_STRATEGY_BROADCAST: _ClassVar[RoutingStrategy]
    ROUTING_STRATEGY_LONGEST_IDLE: _ClassVar[RoutingStrategy]
    ROUTING_STRATEGY_LEAST_LOADED: _ClassVar[RoutingStrategy]
CHANNEL_UNSPECIFIED: Channel
CHANNEL_IM: Channel
CHANNEL_SMS: Channel
CHANNEL_WEB: Channel
TERMINAL_KIND_UNSPECIFIED: TerminalKind
TERMINAL_KIND_BOT: TerminalKind
TERMINAL_KIND_AGENT: TerminalKind
TERMINAL_KIND_GATEWAY: TerminalKind
SESSION_STATE_UNSPECIFIED: SessionState
SESSION_STATE_CONNECTING: SessionState
SESSION_STATE_OPEN: SessionState
SESSION_STATE_ENDED: SessionState
ROLE_UNSPECIFIED: Role
ROLE_CALLER: Role
ROLE_HOLDER: Role
ROLE_TARGET: Role
ROLE_INCOMING: Role
TRANSFER_STATE_UNSPECIFIED: TransferState
TRANSFER_STATE_OFFERED: TransferState
TRANSFER_STATE_ACCEPTED: TransferState
TRANSFER_STATE_COMPLETED: TransferState
TRANSFER_STATE_DECLINED: TransferState
TRANSFER_STATE_CANCELLED: TransferState
TRANSFER_STATE_EXPIRED: TransferState
TRANSFER_STATE_ABORTED: TransferState
TRANSFER_STATE_QUEUED: TransferState
SESSION_END_REASON_UNSPECIFIED: SessionEndReason
SESSION_END_REASON_HOLDER_DISCONNECTED: SessionEndReason
SESSION_END_REASON_CALLER_DISCONNECTED: SessionEndReason
SESSION_END_REASON_CONNECT_NOT_ACKNOWLEDGED: SessionEndReason
QUEUE_REASON_UNSPECIFIED: QueueReason
QUEUE_REASON_NOBODY_AVAILABLE: QueueReason
QUEUE_REASON_DECLINED: QueueReason
QUEUE_REASON_UNANSWERED: QueueReason
QUEUE_REASON_OVERFLOW: QueueReason
QUEUE_REASON_POSITION: QueueReason
QUEUE_REASON_HOLDER_AWAY: QueueReason
TERMINAL_STATUS_UNSPECIFIED: TerminalStatus
TERMINAL_STATUS_AVAILABLE: TerminalStatus
TERMINAL_STATUS_AWAY: TerminalStatus
TERMINAL_STATUS_BUSY: TerminalStatus
ROUTING_STRATEGY_UNSPECIFIED: RoutingStrategy
ROUTING_STRATEGY_BROADCAST: RoutingStrategy
ROUTING_STRATEGY_LONGEST_IDLE: RoutingStrategy
ROUTING_STRATEGY_LEAST_LOADED: RoutingStrategy

class Terminal(_message.Message):
    __slots__ = ("id", "name", "display_name", "kind", "create_time", "groups")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    GROUPS_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    display_name: str
    kind: TerminalKind
    create_time: _timestamp_pb2.Timestamp
    groups: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., display_name: _Optional[str] = ..., kind: _Optional[_Union[TerminalKind, str]] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., groups: _Optional[_Iterable[str]] = ...) -> None: ...

class Caller(_message.Message):
    __slots__ = ("id", "display_name")
    ID_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    id: str
    display_name: str
    def __init__(self, id: _Optional[str] = ..., display_name: _Optional[str] = ...) -> None: ...

class Participant(_message.Message):
    __slots__ = ("terminal_id", "role", "joined_seq")
    TERMINAL_ID_FIELD_NUMBER: _ClassVar[int]
    ROLE_FIELD_NUMBER: _ClassVar[int]
    JOINED_SEQ_FIELD_NUMBER: _ClassVar[int]
    terminal_id: str
    role: Role
    joined_seq: int
    def __init__(self, terminal_id: _Optional[str] = ..., role: _Optional[_Union[Role, str]] = ..., joined_seq: _Optional[int] = ...) -> None: ...

class Tenure(_message.Message):
    __slots__ = ("terminal_id", "from_seq", "until_seq", "start_time", "end_time")
    TERMINAL_ID_FIELD_NUMBER: _ClassVar[int]
    FROM_SEQ_FIELD_NUMBER: _ClassVar[int]
    UNTIL_SEQ_FIELD_NUMBER: _ClassVar[int]
    START_TIME_FIELD_NUMBER: _ClassVar[int]
    END_TIME_FIELD_NUMBER: _ClassVar[int]
    terminal_id: str
    from_seq: int
    until_seq: int
    start_time: _timestamp_pb2.Timestamp
    end_time: _timestamp_pb2.Timestamp
    def __init__(self, terminal_id: _Optional[str] = ..., from_seq: _Optional[int] = ..., until_seq: _Optional[int] = ..., start_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., end_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class TransferTarget(_message.Message):
    __slots__ = ("terminal_id", "group")
    TERMINAL_ID_FIELD_NUMBER: _ClassVar[int]
    GROUP_FIELD_NUMBER: _ClassVar[int]
    terminal_id: str
    group: str
    def __init__(self, terminal_id: _Optional[str] = ..., group: _Optional[str] = ...) -> None: ...

class Transfer(_message.Message):
    __slots__ = ("id", "session_id", "from_terminal_id", "target", "facts", "note", "state", "offered_seq", "offer_time", "expire_time", "accept_time", "handoff_deadline", "end_time", "reason", "offered_to_terminal_ids", "accepted_by_terminal_id", "declined_by_terminal_ids", "queue_group", "priority", "enqueue_time", "queue_deadline", "unanswered_by_terminal_ids", "queue_position", "server_initiated", "queue_reason")
    class FactsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ID_FIELD_NUMBER: _ClassVar[int]
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    FROM_TERMINAL_ID_FIELD_NUMBER: _ClassVar[int]
    TARGET_FIELD_NUMBER: _ClassVar[int]
    FACTS_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    OFFERED_SEQ_FIELD_NUMBER: _ClassVar[int]
    OFFER_TIME_FIELD_NUMBER: _ClassVar[int]
    EXPIRE_TIME_FIELD_NUMBER: _ClassVar[int]
    ACCEPT_TIME_FIELD_NUMBER: _ClassVar[int]
    HANDOFF_DEADLINE_FIELD_NUMBER: _ClassVar[int]
    END_TIME_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    OFFERED_TO_TERMINAL_IDS_FIELD_NUMBER: _ClassVar[int]
    ACCEPTED_BY_TERMINAL_ID_FIELD_NUMBER: _ClassVar[int]
    DECLINED_BY_TERMINAL_IDS_FIELD_NUMBER: _ClassVar[int]
    QUEUE_GROUP_FIELD_NUMBER: _ClassVar[int]
    PRIORITY_FIELD_NUMBER: _ClassVar[int]
    ENQUEUE_TIME_FIELD_NUMBER: _ClassVar[int]
    QUEUE_DEADLINE_FIELD_NUMBER: _ClassVar[int]
    UNANSWERED_BY_TERMINAL_IDS_FIELD_NUMBER: _ClassVar[int]
    QUEUE_POSITION_FIELD_NUMBER: _ClassVar[int]
    SERVER_INITIATED_FIELD_NUMBER: _ClassVar[int]
    QUEUE_REASON_FIELD_NUMBER: _ClassVar[int]
    id: str
    session_id: str
    from_terminal_id: str
    target: TransferTarget
    facts: _containers.ScalarMap[str, str]
    note: str
    state: TransferState
    offered_seq: int
    offer_time: _timestamp_pb2.Timestamp
    expire_time: _timestamp_pb2.Timestamp
    accept_time: _timestamp_pb2.Timestamp
    handoff_deadline: _timestamp_pb2.Timestamp
    end_time: _timestamp_pb2.Timestamp
    reason: str
    offered_to_terminal_ids: _containers.RepeatedScalarFieldContainer[str]
    accepted_by_terminal_id: str
    declined_by_terminal_ids: _containers.RepeatedScalarFieldContainer[str]
    queue_group: str
    priority: int
    enqueue_time: _timestamp_pb2.Timestamp
    queue_deadline: _timestamp_pb2.Timestamp
    unanswered_by_terminal_ids: _containers.RepeatedScalarFieldContainer[str]
    queue_position: int
    server_initiated: bool
    queue_reason: QueueReason
    def __init__(self, id: _Optional[str] = ..., session_id: _Optional[str] = ..., from_terminal_id: _Optional[str] = ..., target: _Optional[_Union[TransferTarget, _Mapping]] = ..., facts: _Optional[_Mapping[str, str]] = ..., note: _Optional[str] = ..., state: _Optional[_Union[TransferState, str]] = ..., offered_seq: _Optional[int] = ..., offer_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., expire_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., accept_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., handoff_deadline: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., end_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., reason: _Optional[str] = ..., offered_to_terminal_ids: _Optional[_Iterable[str]] = ..., accepted_by_terminal_id: _Optional[str] = ..., declined_by_terminal_ids: _Optional[_Iterable[str]] = ..., queue_group: _Optional[str] = ..., priority: _Optional[int] = ..., enqueue_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., queue_deadline: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., unanswered_by_terminal_ids: _Optional[_Iterable[str]] = ..., queue_position: _Optional[int] = ..., server_initiated: _Optional[bool] = ..., queue_reason: _Optional[_Union[QueueReason, str]] = ...) -> None: ...

class Session(_message.Message):
    __slots__ = ("id", "channel", "caller", "caller_terminal_id", "holder_terminal_id", "state", "facts", "last_seq", "create_time", "end_time", "end_reason", "participants", "active_transfer", "holders", "connect_deadline", "past_transfers", "acknowledged_disconnect_seq", "group", "hops")
    class FactsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ID_FIELD_NUMBER: _ClassVar[int]
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    CALLER_FIELD_NUMBER: _ClassVar[int]
    CALLER_TERMINAL_ID_FIELD_NUMBER: _ClassVar[int]
    HOLDER_TERMINAL_ID_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    FACTS_FIELD_NUMBER: _ClassVar[int]
    LAST_SEQ_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    END_TIME_FIELD_NUMBER: _ClassVar[int]
    END_REASON_FIELD_NUMBER: _ClassVar[int]
    PARTICIPANTS_FIELD_NUMBER: _ClassVar[int]
    ACTIVE_TRANSFER_FIELD_NUMBER: _ClassVar[int]
    HOLDERS_FIELD_NUMBER: _ClassVar[int]
    CONNECT_DEADLINE_FIELD_NUMBER: _ClassVar[int]
    PAST_TRANSFERS_FIELD_NUMBER: _ClassVar[int]
    ACKNOWLEDGED_DISCONNECT_SEQ_FIELD_NUMBER: _ClassVar[int]
    GROUP_FIELD_NUMBER: _ClassVar[int]
    HOPS_FIELD_NUMBER: _ClassVar[int]
    id: str
    channel: Channel
    caller: Caller
    caller_terminal_id: str
    holder_terminal_id: str
    state: SessionState
    facts: _containers.ScalarMap[str, str]
    last_seq: int
    create_time: _timestamp_pb2.Timestamp
    end_time: _timestamp_pb2.Timestamp
    end_reason: SessionEndReason
    participants: _containers.RepeatedCompositeFieldContainer[Participant]
    active_transfer: Transfer
    holders: _containers.RepeatedCompositeFieldContainer[Tenure]
    connect_deadline: _timestamp_pb2.Timestamp
    past_transfers: _containers.RepeatedCompositeFieldContainer[Transfer]
    acknowledged_disconnect_seq: int
    group: str
    hops: int
    def __init__(self, id: _Optional[str] = ..., channel: _Optional[_Union[Channel, str]] = ..., caller: _Optional[_Union[Caller, _Mapping]] = ..., caller_terminal_id: _Optional[str] = ..., holder_terminal_id: _Optional[str] = ..., state: _Optional[_Union[SessionState, str]] = ..., facts: _Optional[_Mapping[str, str]] = ..., last_seq: _Optional[int] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., end_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., end_reason: _Optional[_Union[SessionEndReason, str]] = ..., participants: _Optional[_Iterable[_Union[Participant, _Mapping]]] = ..., active_transfer: _Optional[_Union[Transfer, _Mapping]] = ..., holders: _Optional[_Iterable[_Union[Tenure, _Mapping]]] = ..., connect_deadline: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., past_transfers: _Optional[_Iterable[_Union[Transfer, _Mapping]]] = ..., acknowledged_disconnect_seq: _Optional[int] = ..., group: _Optional[str] = ..., hops: _Optional[int] = ...) -> None: ...

class Event(_message.Message):
    __slots__ = ("session_id", "seq", "time", "author_terminal_id", "session_requested", "session_opened", "message_posted", "transfer_offered", "transfer_accepted", "transfer_declined", "transfer_cancelled", "transfer_expired", "holder_disconnected", "disconnect_acknowledged", "session_ended", "transfer_queued")
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    SEQ_FIELD_NUMBER: _ClassVar[int]
    TIME_FIELD_NUMBER: _ClassVar[int]
    AUTHOR_TERMINAL_ID_FIELD_NUMBER: _ClassVar[int]
    SESSION_REQUESTED_FIELD_NUMBER: _ClassVar[int]
    SESSION_OPENED_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_POSTED_FIELD_NUMBER: _ClassVar[int]
    TRANSFER_OFFERED_FIELD_NUMBER: _ClassVar[int]
    TRANSFER_ACCEPTED_FIELD_NUMBER: _ClassVar[int]
    TRANSFER_DECLINED_FIELD_NUMBER: _ClassVar[int]
    TRANSFER_CANCELLED_FIELD_NUMBER: _ClassVar[int]
    TRANSFER_EXPIRED_FIELD_NUMBER: _ClassVar[int]
    HOLDER_DISCONNECTED_FIELD_NUMBER: _ClassVar[int]
    DISCONNECT_ACKNOWLEDGED_FIELD_NUMBER: _ClassVar[int]
    SESSION_ENDED_FIELD_NUMBER: _ClassVar[int]
    TRANSFER_QUEUED_FIELD_NUMBER: _ClassVar[int]
    session_id: str
    seq: int
    time: _timestamp_pb2.Timestamp
    author_terminal_id: str
    session_requested: SessionRequested
    session_opened: SessionOpened
    message_posted: MessagePosted
    transfer_offered: TransferOffered
    transfer_accepted: TransferAccepted
    transfer_declined: TransferDeclined
    transfer_cancelled: TransferCancelled
    transfer_expired: TransferExpired
    holder_disconnected: HolderDisconnected
    disconnect_acknowledged: DisconnectAcknowledged
    session_ended: SessionEnded
    transfer_queued: TransferQueued
    def __init__(self, session_id: _Optional[str] = ..., seq: _Optional[int] = ..., time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., author_terminal_id: _Optional[str] = ..., session_requested: _Optional[_Union[SessionRequested, _Mapping]] = ..., session_opened: _Optional[_Union[SessionOpened, _Mapping]] = ..., message_posted: _Optional[_Union[MessagePosted, _Mapping]] = ..., transfer_offered: _Optional[_Union[TransferOffered, _Mapping]] = ..., transfer_accepted: _Optional[_Union[TransferAccepted, _Mapping]] = ..., transfer_declined: _Optional[_Union[TransferDeclined, _Mapping]] = ..., transfer_cancelled: _Optional[_Union[TransferCancelled, _Mapping]] = ..., transfer_expired: _Optional[_Union[TransferExpired, _Mapping]] = ..., holder_disconnected: _Optional[_Union[HolderDisconnected, _Mapping]] = ..., disconnect_acknowledged: _Optional[_Union[DisconnectAcknowledged, _Mapping]] = ..., session_ended: _Optional[_Union[SessionEnded, _Mapping]] = ..., transfer_queued: _Optional[_Union[TransferQueued, _Mapping]] = ...) -> None: ...

class SessionRequested(_message.Message):
    __slots__ = ("channel", "caller", "facts", "destination_terminal_id", "connect_deadline", "destination_group")
    class FactsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    CALLER_FIELD_NUMBER: _ClassVar[int]
    FACTS_FIELD_NUMBER: _ClassVar[int]
    DESTINATION_TERMINAL_ID_FIELD_NUMBER: _ClassVar[int]
    CONNECT_DEADLINE_FIELD_NUMBER: _ClassVar[int]
    DESTINATION_GROUP_FIELD_NUMBER: _ClassVar[int]
    channel: Channel
    caller: Caller
    facts: _containers.ScalarMap[str, str]
    destination_terminal_id: str
    connect_deadline: _timestamp_pb2.Timestamp
    destination_group: str
    def __init__(self, channel: _Optional[_Union[Channel, str]] = ..., caller: _Optional[_Union[Caller, _Mapping]] = ..., facts: _Optional[_Mapping[str, str]] = ..., destination_terminal_id: _Optional[str] = ..., connect_deadline: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., destination_group: _Optional[str] = ...) -> None: ...

class SessionOpened(_message.Message):
    __slots__ = ("holder_terminal_id",)
    HOLDER_TERMINAL_ID_FIELD_NUMBER: _ClassVar[int]
    holder_terminal_id: str
    def __init__(self, holder_terminal_id: _Optional[str] = ...) -> None: ...

class MessagePosted(_message.Message):
    __slots__ = ("body", "destination_terminal_id")
    BODY_FIELD_NUMBER: _ClassVar[int]
    DESTINATION_TERMINAL_ID_FIELD_NUMBER: _ClassVar[int]
    body: str
    destination_terminal_id: str
    def __init__(self, body: _Optional[str] = ..., destination_terminal_id: _Optional[str] = ...) -> None: ...

class TransferOffered(_message.Message):
    __slots__ = ("transfer", "context")
    TRANSFER_FIELD_NUMBER: _ClassVar[int]
    CONTEXT_FIELD_NUMBER: _ClassVar[int]
    transfer: Transfer
    context: TransferContext
    def __init__(self, transfer: _Optional[_Union[Transfer, _Mapping]] = ..., context: _Optional[_Union[TransferContext, _Mapping]] = ...) -> None: ...

class TransferContext(_message.Message):
    __slots__ = ("caller", "channel", "facts", "dialog", "dialog_truncated", "holders")
    class FactsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    CALLER_FIELD_NUMBER: _ClassVar[int]
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    FACTS_FIELD_NUMBER: _ClassVar[int]
    DIALOG_FIELD_NUMBER: _ClassVar[int]
    DIALOG_TRUNCATED_FIELD_NUMBER: _ClassVar[int]
    HOLDERS_FIELD_NUMBER: _ClassVar[int]
    caller: Caller
    channel: Channel
    facts: _containers.ScalarMap[str, str]
    dialog: _containers.RepeatedCompositeFieldContainer[Event]
    dialog_truncated: bool
    holders: _containers.RepeatedCompositeFieldContainer[Tenure]
    def __init__(self, caller: _Optional[_Union[Caller, _Mapping]] = ..., channel: _Optional[_Union[Channel, str]] = ..., facts: _Optional[_Mapping[str, str]] = ..., dialog: _Optional[_Iterable[_Union[Event, _Mapping]]] = ..., dialog_truncated: _Optional[bool] = ..., holders: _Optional[_Iterable[_Union[Tenure, _Mapping]]] = ...) -> None: ...

class TransferAccepted(_message.Message):
    __slots__ = ("transfer_id", "accepted_by_terminal_id", "handoff_deadline")
    TRANSFER_ID_FIELD_NUMBER: _ClassVar[int]
    ACCEPTED_BY_TERMINAL_ID_FIELD_NUMBER: _ClassVar[int]
    HANDOFF_DEADLINE_FIELD_NUMBER: _ClassVar[int]
    transfer_id: str
    accepted_by_terminal_id: str
    handoff_deadline: _timestamp_pb2.Timestamp
    def __init__(self, transfer_id: _Optional[str] = ..., accepted_by_terminal_id: _Optional[str] = ..., handoff_deadline: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class TransferDeclined(_message.Message):
    __slots__ = ("transfer_id", "declined_by_terminal_id", "reason", "requeued")
    TRANSFER_ID_FIELD_NUMBER: _ClassVar[int]
    DECLINED_BY_TERMINAL_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    REQUEUED_FIELD_NUMBER: _ClassVar[int]
    transfer_id: str
    declined_by_terminal_id: str
    reason: str
    requeued: bool
    def __init__(self, transfer_id: _Optional[str] = ..., declined_by_terminal_id: _Optional[str] = ..., reason: _Optional[str] = ..., requeued: _Optional[bool] = ...) -> None: ...

class TransferCancelled(_message.Message):
    __slots__ = ("transfer_id", "reason")
    TRANSFER_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    transfer_id: str
    reason: str
    def __init__(self, transfer_id: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class TransferExpired(_message.Message):
    __slots__ = ("transfer_id", "unanswered_by_terminal_ids", "reason")
    TRANSFER_ID_FIELD_NUMBER: _ClassVar[int]
    UNANSWERED_BY_TERMINAL_IDS_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    transfer_id: str
    unanswered_by_terminal_ids: _containers.RepeatedScalarFieldContainer[str]
    reason: str
    def __init__(self, transfer_id: _Optional[str] = ..., unanswered_by_terminal_ids: _Optional[_Iterable[str]] = ..., reason: _Optional[str] = ...) -> None: ...

class HolderDisconnected(_message.Message):
    __slots__ = ("left_terminal_id", "continued_by_terminal_id", "transfer_id", "forced")
    LEFT_TERMINAL_ID_FIELD_NUMBER: _ClassVar[int]
    CONTINUED_BY_TERMINAL_ID_FIELD_NUMBER: _ClassVar[int]
    TRANSFER_ID_FIELD_NUMBER: _ClassVar[int]
    FORCED_FIELD_NUMBER: _ClassVar[int]
    left_terminal_id: str
    continued_by_terminal_id: str
    transfer_id: str
    forced: bool
    def __init__(self, left_terminal_id: _Optional[str] = ..., continued_by_terminal_id: _Optional[str] = ..., transfer_id: _Optional[str] = ..., forced: _Optional[bool] = ...) -> None: ...

class DisconnectAcknowledged(_message.Message):
    __slots__ = ("disconnect_seq",)
    DISCONNECT_SEQ_FIELD_NUMBER: _ClassVar[int]
    disconnect_seq: int
    def __init__(self, disconnect_seq: _Optional[int] = ...) -> None: ...

class SessionEnded(_message.Message):
    __slots__ = ("reason",)
    REASON_FIELD_NUMBER: _ClassVar[int]
    reason: SessionEndReason
    def __init__(self, reason: _Optional[_Union[SessionEndReason, str]] = ...) -> None: ...

class TransferQueued(_message.Message):
    __slots__ = ("transfer_id", "group", "position", "priority", "queue_deadline", "reason")
    TRANSFER_ID_FIELD_NUMBER: _ClassVar[int]
    GROUP_FIELD_NUMBER: _ClassVar[int]
    POSITION_FIELD_NUMBER: _ClassVar[int]
    PRIORITY_FIELD_NUMBER: _ClassVar[int]
    QUEUE_DEADLINE_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    transfer_id: str
    group: str
    position: int
    priority: int
    queue_deadline: _timestamp_pb2.Timestamp
    reason: QueueReason
    def __init__(self, transfer_id: _Optional[str] = ..., group: _Optional[str] = ..., position: _Optional[int] = ..., priority: _Optional[int] = ..., queue_deadline: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., reason: _Optional[_Union[QueueReason, str]] = ...) -> None: ...

class TerminalState(_message.Message):
    __slots__ = ("terminal_id", "name", "kind", "status", "reason", "status_time", "attached", "capacity", "load", "idle_since", "groups")
    TERMINAL_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    STATUS_TIME_FIELD_NUMBER: _ClassVar[int]
    ATTACHED_FIELD_NUMBER: _ClassVar[int]
    CAPACITY_FIELD_NUMBER: _ClassVar[int]
    LOAD_FIELD_NUMBER: _ClassVar[int]
    IDLE_SINCE_FIELD_NUMBER: _ClassVar[int]
    GROUPS_FIELD_NUMBER: _ClassVar[int]
    terminal_id: str
    name: str
    kind: TerminalKind
    status: TerminalStatus
    reason: str
    status_time: _timestamp_pb2.Timestamp
    attached: bool
    capacity: int
    load: int
    idle_since: _timestamp_pb2.Timestamp
    groups: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, terminal_id: _Optional[str] = ..., name: _Optional[str] = ..., kind: _Optional[_Union[TerminalKind, str]] = ..., status: _Optional[_Union[TerminalStatus, str]] = ..., reason: _Optional[str] = ..., status_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., attached: _Optional[bool] = ..., capacity: _Optional[int] = ..., load: _Optional[int] = ..., idle_since: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., groups: _Optional[_Iterable[str]] = ...) -> None: ...

class GroupRouting(_message.Message):
    __slots__ = ("group", "strategy", "ring_timeout", "max_wait", "overflow_group", "away_grace")
    GROUP_FIELD_NUMBER: _ClassVar[int]
    STRATEGY_FIELD_NUMBER: _ClassVar[int]
    RING_TIMEOUT_FIELD_NUMBER: _ClassVar[int]
    MAX_WAIT_FIELD_NUMBER: _ClassVar[int]
    OVERFLOW_GROUP_FIELD_NUMBER: _ClassVar[int]
    AWAY_GRACE_FIELD_NUMBER: _ClassVar[int]
    group: str
    strategy: RoutingStrategy
    ring_timeout: _duration_pb2.Duration
    max_wait: _duration_pb2.Duration
    overflow_group: str
    away_grace: _duration_pb2.Duration
    def __init__(self, group: _Optional[str] = ..., strategy: _Optional[_Union[RoutingStrategy, str]] = ..., ring_timeout: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ..., max_wait: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ..., overflow_group: _Optional[str] = ..., away_grace: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ...) -> None: ...

class TransferRules(_message.Message):
    __slots__ = ("terminal_id", "group", "allowed_groups", "allowed_terminal_ids")
    TERMINAL_ID_FIELD_NUMBER: _ClassVar[int]
    GROUP_FIELD_NUMBER: _ClassVar[int]
    ALLOWED_GROUPS_FIELD_NUMBER: _ClassVar[int]
    ALLOWED_TERMINAL_IDS_FIELD_NUMBER: _ClassVar[int]
    terminal_id: str
    group: str
    allowed_groups: _containers.RepeatedScalarFieldContainer[str]
    allowed_terminal_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, terminal_id: _Optional[str] = ..., group: _Optional[str] = ..., allowed_groups: _Optional[_Iterable[str]] = ..., allowed_terminal_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class QueueStats(_message.Message):
    __slots__ = ("group", "length", "oldest_wait", "available_members", "members", "offers_in_flight", "routing")
    GROUP_FIELD_NUMBER: _ClassVar[int]
    LENGTH_FIELD_NUMBER: _ClassVar[int]
    OLDEST_WAIT_FIELD_NUMBER: _ClassVar[int]
    AVAILABLE_MEMBERS_FIELD_NUMBER: _ClassVar[int]
    MEMBERS_FIELD_NUMBER: _ClassVar[int]
    OFFERS_IN_FLIGHT_FIELD_NUMBER: _ClassVar[int]
    ROUTING_FIELD_NUMBER: _ClassVar[int]
    group: str
    length: int
    oldest_wait: _duration_pb2.Duration
    available_members: int
    members: int
    offers_in_flight: int
    routing: GroupRouting
    def __init__(self, group: _Optional[str] = ..., length: _Optional[int] = ..., oldest_wait: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ..., available_members: _Optional[int] = ..., members: _Optional[int] = ..., offers_in_flight: _Optional[int] = ..., routing: _Optional[_Union[GroupRouting, _Mapping]] = ...) -> None: ...
