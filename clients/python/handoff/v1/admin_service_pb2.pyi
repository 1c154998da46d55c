import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from handoff.v1 import types_pb2 as _types_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class SetTerminalCapacityRequest(_message.Message):
    __slots__ = ("terminal_id", "capacity")
    TERMINAL_ID_FIELD_NUMBER: _ClassVar[int]
    CAPACITY_FIELD_NUMBER: _ClassVar[int]
    terminal_id: str
    capacity: int
    def __init__(self, terminal_id: _Optional[str] = ..., capacity: _Optional[int] = ...) -> None: ...

class SetTerminalCapacityResponse(_message.Message):
    __slots__ = ("state",)
    STATE_FIELD_NUMBER: _ClassVar[int]
    state: _types_pb2.TerminalState
    def __init__(self, state: _Optional[_Union[_types_pb2.TerminalState, _Mapping]] = ...) -> None: ...

class SetGroupRoutingRequest(_message.Message):
    __slots__ = ("routing",)
    ROUTING_FIELD_NUMBER: _ClassVar[int]
    routing: _types_pb2.GroupRouting
    def __init__(self, routing: _Optional[_Union[_types_pb2.GroupRouting, _Mapping]] = ...) -> None: ...

class SetGroupRoutingResponse(_message.Message):
    __slots__ = ("routing",)
    ROUTING_FIELD_NUMBER: _ClassVar[int]
    routing: _types_pb2.GroupRouting
    def __init__(self, routing: _Optional[_Union[_types_pb2.GroupRouting, _Mapping]] = ...) -> None: ...

class GetGroupRoutingRequest(_message.Message):
    __slots__ = ("group",)
    GROUP_FIELD_NUMBER: _ClassVar[int]
    group: str
    def __init__(self, group: _Optional[str] = ...) -> None: ...

class GetGroupRoutingResponse(_message.Message):
    __slots__ = ("routing",)
    ROUTING_FIELD_NUMBER: _ClassVar[int]
    routing: _types_pb2.GroupRouting
    def __init__(self, routing: _Optional[_Union[_types_pb2.GroupRouting, _Mapping]] = ...) -> None: ...

class SetTransferRulesRequest(_message.Message):
    __slots__ = ("rules", "clear")
    RULES_FIELD_NUMBER: _ClassVar[int]
    CLEAR_FIELD_NUMBER: _ClassVar[int]
    rules: _types_pb2.TransferRules
    clear: bool
    def __init__(self, rules: _Optional[_Union[_types_pb2.TransferRules, _Mapping]] = ..., clear: _Optional[bool] = ...) -> None: ...

class SetTransferRulesResponse(_message.Message):
    __slots__ = ("rules", "restricted")
    RULES_FIELD_NUMBER: _ClassVar[int]
    RESTRICTED_FIELD_NUMBER: _ClassVar[int]
    rules: _types_pb2.TransferRules
    restricted: bool
    def __init__(self, rules: _Optional[_Union[_types_pb2.TransferRules, _Mapping]] = ..., restricted: _Optional[bool] = ...) -> None: ...

class GetTransferRulesRequest(_message.Message):
    __slots__ = ("subject",)
    SUBJECT_FIELD_NUMBER: _ClassVar[int]
    subject: _types_pb2.TransferRules
    def __init__(self, subject: _Optional[_Union[_types_pb2.TransferRules, _Mapping]] = ...) -> None: ...

class GetTransferRulesResponse(_message.Message):
    __slots__ = ("rules", "restricted")
    RULES_FIELD_NUMBER: _ClassVar[int]
    RESTRICTED_FIELD_NUMBER: _ClassVar[int]
    rules: _types_pb2.TransferRules
    restricted: bool
    def __init__(self, rules: _Optional[_Union[_types_pb2.TransferRules, _Mapping]] = ..., restricted: _Optional[bool] = ...) -> None: ...

class ListTerminalStatesRequest(_message.Message):
    __slots__ = ("page_size", "page_token", "group")
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    GROUP_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    page_token: str
    group: str
    def __init__(self, page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., group: _Optional[str] = ...) -> None: ...

class ListTerminalStatesResponse(_message.Message):
    __slots__ = ("states", "next_page_token")
    STATES_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    states: _containers.RepeatedCompositeFieldContainer[_types_pb2.TerminalState]
    next_page_token: str
    def __init__(self, states: _Optional[_Iterable[_Union[_types_pb2.TerminalState, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class WatchTerminalStatesRequest(_message.Message):
    __slots__ = ("group",)
    GROUP_FIELD_NUMBER: _ClassVar[int]
    group: str
    def __init__(self, group: _Optional[str] = ...) -> None: ...

class WatchTerminalStatesResponse(_message.Message):
    __slots__ = ("state",)
    STATE_FIELD_NUMBER: _ClassVar[int]
    state: _types_pb2.TerminalState
    def __init__(self, state: _Optional[_Union[_types_pb2.TerminalState, _Mapping]] = ...) -> None: ...

class ListSessionsRequest(_message.Message):
    __slots__ = ("page_size", "page_token", "holder_terminal_id", "group", "state", "queued")
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    HOLDER_TERMINAL_ID_FIELD_NUMBER: _ClassVar[int]
    GROUP_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    QUEUED_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    page_token: str
    holder_terminal_id: str
    group: str
    state: _types_pb2.SessionState
    queued: bool
    def __init__(self, page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., holder_terminal_id: _Optional[str] = ..., group: _Optional[str] = ..., state: _Optional[_Union[_types_pb2.SessionState, str]] = ..., queued: _Optional[bool] = ...) -> None: ...

class ListSessionsResponse(_message.Message):
    __slots__ = ("sessions", "next_page_token")
    SESSIONS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    sessions: _containers.RepeatedCompositeFieldContainer[_types_pb2.Session]
    next_page_token: str
    def __init__(self, sessions: _Optional[_Iterable[_Union[_types_pb2.Session, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class ListQueueStatsRequest(_message.Message):
    __slots__ = ("page_size", "page_token", "group")
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    GROUP_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    page_token: str
    group: str
    def __init__(self, page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., group: _Optional[str] = ...) -> None: ...

class ListQueueStatsResponse(_message.Message):
    __slots__ = ("queues", "next_page_token")
    QUEUES_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    queues: _containers.RepeatedCompositeFieldContainer[_types_pb2.QueueStats]
    next_page_token: str
    def __init__(self, queues: _Optional[_Iterable[_Union[_types_pb2.QueueStats, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class Removed(_message.Message):
    __slots__ = ("sessions", "events", "memberships", "session_tokens")
    SESSIONS_FIELD_NUMBER: _ClassVar[int]
    EVENTS_FIELD_NUMBER: _ClassVar[int]
    MEMBERSHIPS_FIELD_NUMBER: _ClassVar[int]
    SESSION_TOKENS_FIELD_NUMBER: _ClassVar[int]
    sessions: int
    events: int
    memberships: int
    session_tokens: int
    def __init__(self, sessions: _Optional[int] = ..., events: _Optional[int] = ..., memberships: _Optional[int] = ..., session_tokens: _Optional[int] = ...) -> None: ...

class DeleteSessionRequest(_message.Message):
    __slots__ = ("session_id",)
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    session_id: str
    def __init__(self, session_id: _Optional[str] = ...) -> None: ...

class DeleteSessionResponse(_message.Message):
    __slots__ = ("removed",)
    REMOVED_FIELD_NUMBER: _ClassVar[int]
    removed: Removed
    def __init__(self, removed: _Optional[_Union[Removed, _Mapping]] = ...) -> None: ...

class EraseCallerRequest(_message.Message):
    __slots__ = ("caller_id",)
    CALLER_ID_FIELD_NUMBER: _ClassVar[int]
    caller_id: str
    def __init__(self, caller_id: _Optional[str] = ...) -> None: ...

class EraseCallerResponse(_message.Message):
    __slots__ = ("removed", "session_ids")
    REMOVED_FIELD_NUMBER: _ClassVar[int]
    SESSION_IDS_FIELD_NUMBER: _ClassVar[int]
    removed: Removed
    session_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, removed: _Optional[_Union[Removed, _Mapping]] = ..., session_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class CreateTerminalRequest(_message.Message):
    __slots__ = ("name", "display_name", "kind", "groups")
    NAME_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    GROUPS_FIELD_NUMBER: _ClassVar[int]
    name: str
    display_name: str
    kind: _types_pb2.TerminalKind
    groups: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, name: _Optional[str] = ..., display_name: _Optional[str] = ..., kind: _Optional[_Union[_types_pb2.TerminalKind, str]] = ..., groups: _Optional[_Iterable[str]] = ...) -> None: ...

class CreateTerminalResponse(_message.Message):
    __slots__ = ("terminal", "token")
    TERMINAL_FIELD_NUMBER: _ClassVar[int]
    TOKEN_FIELD_NUMBER: _ClassVar[int]
    terminal: _types_pb2.Terminal
    token: str
    def __init__(self, terminal: _Optional[_Union[_types_pb2.Terminal, _Mapping]] = ..., token: _Optional[str] = ...) -> None: ...

class ListTerminalsRequest(_message.Message):
    __slots__ = ("page_size", "page_token")
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    page_token: str
    def __init__(self, page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListTerminalsResponse(_message.Message):
    __slots__ = ("terminals", "next_page_token")
    TERMINALS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    terminals: _containers.RepeatedCompositeFieldContainer[_types_pb2.Terminal]
    next_page_token: str
    def __init__(self, terminals: _Optional[_Iterable[_Union[_types_pb2.Terminal, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class SetTerminalGroupsRequest(_message.Message):
    __slots__ = ("terminal_id", "groups")
    TERMINAL_ID_FIELD_NUMBER: _ClassVar[int]
    GROUPS_FIELD_NUMBER: _ClassVar[int]
    terminal_id: str
    groups: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, terminal_id: _Optional[str] = ..., groups: _Optional[_Iterable[str]] = ...) -> None: ...

class SetTerminalGroupsResponse(_message.Message):
    __slots__ = ("terminal",)
    TERMINAL_FIELD_NUMBER: _ClassVar[int]
    terminal: _types_pb2.Terminal
    def __init__(self, terminal: _Optional[_Union[_types_pb2.Terminal, _Mapping]] = ...) -> None: ...

class TerminalLimits(_message.Message):
    __slots__ = ("messages_per_second", "messages_burst", "connects_per_second", "connects_burst", "max_attach_streams")
    MESSAGES_PER_SECOND_FIELD_NUMBER: _ClassVar[int]
    MESSAGES_BURST_FIELD_NUMBER: _ClassVar[int]
    CONNECTS_PER_SECOND_FIELD_NUMBER: _ClassVar[int]
    CONNECTS_BURST_FIELD_NUMBER: _ClassVar[int]
    MAX_ATTACH_STREAMS_FIELD_NUMBER: _ClassVar[int]
    messages_per_second: int
    messages_burst: int
    connects_per_second: int
    connects_burst: int
    max_attach_streams: int
    def __init__(self, messages_per_second: _Optional[int] = ..., messages_burst: _Optional[int] = ..., connects_per_second: _Optional[int] = ..., connects_burst: _Optional[int] = ..., max_attach_streams: _Optional[int] = ...) -> None: ...

class SetTerminalLimitsRequest(_message.Message):
    __slots__ = ("terminal_id", "limits")
    TERMINAL_ID_FIELD_NUMBER: _ClassVar[int]
    LIMITS_FIELD_NUMBER: _ClassVar[int]
    terminal_id: str
    limits: TerminalLimits
    def __init__(self, terminal_id: _Optional[str] = ..., limits: _Optional[_Union[TerminalLimits, _Mapping]] = ...) -> None: ...

class SetTerminalLimitsResponse(_message.Message):
    __slots__ = ("terminal_id", "limits", "effective")
    TERMINAL_ID_FIELD_NUMBER: _ClassVar[int]
    LIMITS_FIELD_NUMBER: _ClassVar[int]
    EFFECTIVE_FIELD_NUMBER: _ClassVar[int]
    terminal_id: str
    limits: TerminalLimits
    effective: TerminalLimits
    def __init__(self, terminal_id: _Optional[str] = ..., limits: _Optional[_Union[TerminalLimits, _Mapping]] = ..., effective: _Optional[_Union[TerminalLimits, _Mapping]] = ...) -> None: ...

class GetTerminalLimitsRequest(_message.Message):
    __slots__ = ("terminal_id",)
    TERMINAL_ID_FIELD_NUMBER: _ClassVar[int]
    terminal_id: str
    def __init__(self, terminal_id: _Optional[str] = ...) -> None: ...

class GetTerminalLimitsResponse(_message.Message):
    __slots__ = ("terminal_id", "limits", "effective")
    TERMINAL_ID_FIELD_NUMBER: _ClassVar[int]
    LIMITS_FIELD_NUMBER: _ClassVar[int]
    EFFECTIVE_FIELD_NUMBER: _ClassVar[int]
    terminal_id: str
    limits: TerminalLimits
    effective: TerminalLimits
    def __init__(self, terminal_id: _Optional[str] = ..., limits: _Optional[_Union[TerminalLimits, _Mapping]] = ..., effective: _Optional[_Union[TerminalLimits, _Mapping]] = ...) -> None: ...

class RotateTerminalTokenRequest(_message.Message):
    __slots__ = ("terminal_id",)
    TERMINAL_ID_FIELD_NUMBER: _ClassVar[int]
    terminal_id: str
    def __init__(self, terminal_id: _Optional[str] = ...) -> None: ...

class RotateTerminalTokenResponse(_message.Message):
    __slots__ = ("terminal", "token")
    TERMINAL_FIELD_NUMBER: _ClassVar[int]
    TOKEN_FIELD_NUMBER: _ClassVar[int]
    terminal: _types_pb2.Terminal
    token: str
    def __init__(self, terminal: _Optional[_Union[_types_pb2.Terminal, _Mapping]] = ..., token: _Optional[str] = ...) -> None: ...

class AuditRecord(_message.Message):
    __slots__ = ("id", "time", "actor", "action", "terminal_id", "detail", "peer")
    ID_FIELD_NUMBER: _ClassVar[int]
    TIME_FIELD_NUMBER: _ClassVar[int]
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    ACTION_FIELD_NUMBER: _ClassVar[int]
    TERMINAL_ID_FIELD_NUMBER: _ClassVar[int]
    DETAIL_FIELD_NUMBER: _ClassVar[int]
    PEER_FIELD_NUMBER: _ClassVar[int]
    id: str
    time: _timestamp_pb2.Timestamp
    actor: str
    action: str
    terminal_id: str
    detail: str
    peer: str
    def __init__(self, id: _Optional[str] = ..., time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., actor: _Optional[str] = ..., action: _Optional[str] = ..., terminal_id: _Optional[str] = ..., detail: _Optional[str] = ..., peer: _Optional[str] = ...) -> None: ...

class ListAuditRecordsRequest(_message.Message):
    __slots__ = ("page_size", "page_token")
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    page_token: str
    def __init__(self, page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListAuditRecordsResponse(_message.Message):
    __slots__ = ("records", "next_page_token")
    RECORDS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    records: _containers.RepeatedCompositeFieldContainer[AuditRecord]
    next_page_token: str
    def __init__(self, records: _Optional[_Iterable[_Union[AuditRecord, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...
