//! Storage: the narrow interface the service needs, and its two implementations on native
//! drivers, [`postgres`] and [`sqlite`]. The store persists what the application decided and
//! decides nothing itself: it imports no domain operation.
//!
//! A session is a bounded *record* (a `pb::Session` holding its current state only: participants,
//! the open transfer, the current holder's tenure), an append-only *history* beside it (ended
//! transfers and past tenures, one row each) and its append-only event log. What is read and
//! written on every change is the record alone, whose size does not grow with the session's age;
//! [`Store::session`] puts the history back in for readers ([`record`] does both, without I/O).
//!
//! **Concurrency.** Every record carries a version. The group commit ([`crate::commit`]) reads
//! records (or keeps them in memory from its previous commit), decides in memory, and hands
//! [`Store::persist`] the rows: each session row is written only where its version is still the
//! one read, and the session's events, membership and history rows only with it. A session whose
//! version moved was written by another replica meanwhile: its rows are skipped, the commit reads
//! it again and decides its writes anew. So one writer wins each version: sequence numbers stay
//! gap-free, one holder at a time and first accept wins hold across replicas, and no lock is held
//! between reading and writing. On Postgres the whole commit is one statement (one round trip,
//! atomic without BEGIN/COMMIT); on SQLite one `BEGIN IMMEDIATE` transaction.

pub mod postgres;
pub mod record;
pub mod routing;
pub mod rules;
mod shared;
pub mod sqlite;

pub use shared::{Backend, connect, sqlite_path};

use std::collections::HashMap;

use uuid::Uuid;

use crate::domain::Millis;
use crate::error::Result;
use crate::limits::TerminalLimits;
use crate::pb;

/// A registered terminal as storage sees it.
#[derive(Debug, Clone)]
pub struct TerminalRecord {
    pub terminal: pb::Terminal,
    pub id: Uuid,
}

/// The granularity of a session's change time (the `changed_ms` column, which the catch-up poll
/// reads through an index). Every commit that touches a session sets it; rounded down to this, it
/// stays the same across the many commits of a busy session, so Postgres can update the row in
/// place (a HOT update, no new index entries) instead of adding entries to every index of
/// `sessions` each time.
pub const CHANGE_MARK_MS: Millis = 500;

/// `now` rounded down to [`CHANGE_MARK_MS`].
pub fn change_mark(now: Millis) -> Millis {
    now - now.rem_euclid(CHANGE_MARK_MS)
}

/// What [`Store::changed_since`] found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changes {
    /// Sessions with new events, in id order.
    pub sessions: Vec<ChangedSession>,
    /// Whether any terminal's token was rotated.
    pub credentials: bool,
}

/// A session [`Store::changed_since`] found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ChangedSession {
    pub id: Uuid,
    /// The end of its log when read.
    pub last_seq: u64,
    /// The terminals taking part in it (their memberships may have changed).
    pub members: Vec<Uuid>,
}

/// One session a terminal follows on its stream.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Membership {
    pub session_id: Uuid,
    /// The first sequence number the terminal is to be shown.
    pub joined_seq: u64,
    /// Set once the terminal left the session: the last sequence number it is to be shown.
    pub left_seq: Option<u64>,
    /// Everything up to here was acknowledged by the terminal.
    pub acked_seq: u64,
}

/// The outcome of appending a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Appended {
    pub seq: u64,
    pub time: Millis,
    /// The idempotency key had been used already: nothing was stored, `seq` is the original.
    pub duplicate: bool,
}

/// A message's identity under its idempotency key: (session, author, key).
pub type MessageKey = (Uuid, Uuid, String);

/// A session's record and the version it was read at.
#[derive(Debug, Clone)]
pub struct SessionRecord {
    pub session: pb::Session,
    pub version: i64,
}

/// Everything one group commit writes, as plain rows (no I/O went into making them).
#[derive(Debug, Clone, Default)]
pub struct CommitRows {
    pub sessions: Vec<SessionRow>,
    pub events: Vec<EventRow>,
    pub members: Vec<MemberRow>,
    pub history: Vec<HistoryRow>,
    pub acks: Vec<AckRow>,
    /// The sessions' change time, [`change_mark`] of the commit's time.
    pub changed_at: Millis,
}

/// A session the commit wrote to.
#[derive(Debug, Clone)]
pub struct SessionRow {
    pub id: Uuid,
    /// The version read; the row is written only where it still is, and becomes one more.
    pub version: i64,
    pub last_seq: u64,
    /// The new record, when a change touched it (messages change nothing but `last_seq`).
    pub record: Option<RecordColumns>,
}

/// A record with the columns that readers select on.
#[derive(Debug, Clone)]
pub struct RecordColumns {
    pub bytes: Vec<u8>,
    pub state: i64,
    pub next_deadline: Option<Millis>,
    pub routing: RoutingColumns,
}

/// The columns routing selects sessions on (see [`routing`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RoutingColumns {
    /// While the session is connecting or open.
    pub holder: Option<Uuid>,
    /// The group it was last routed through.
    pub group: Option<String>,
    /// 1 while a transfer of it waits in `group`'s queue, 2 while one is offered from there.
    pub route_state: i64,
    pub queue_priority: Option<i64>,
    pub queue_since: Option<Millis>,
}

#[derive(Debug, Clone)]
pub struct EventRow {
    pub session: Uuid,
    pub seq: u64,
    pub kind: &'static str,
    pub author: Option<Uuid>,
    pub idempotency_key: Option<String>,
    pub time: Millis,
    pub payload: Vec<u8>,
}

/// A membership row as the commit leaves it: written whole when the terminal (re)joined
/// (`joined` set; a rejoin keeps the row's acknowledgement), else only its departure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberRow {
    pub terminal: Uuid,
    pub session: Uuid,
    pub joined: Option<u64>,
    pub left: Option<u64>,
}

/// One entry of a session's history: an ended transfer (keyed by its offer's seq) or an ended
/// tenure (keyed by its first seq), encoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryRow {
    pub session: Uuid,
    pub kind: HistoryKind,
    pub seq: u64,
    pub payload: Vec<u8>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HistoryKind {
    Transfer,
    Tenure,
}

impl HistoryKind {
    pub fn as_str(self) -> &'static str {
        match self {
            HistoryKind::Transfer => "transfer",
            HistoryKind::Tenure => "tenure",
        }
    }
}

/// A terminal acknowledged `session` up to `seq`: raised, never lowered, never past what it
/// may be shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AckRow {
    pub terminal: Uuid,
    pub session: Uuid,
    pub seq: u64,
}

/// What a deletion removed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Removed {
    pub sessions: u64,
    pub events: u64,
    pub memberships: u64,
    pub session_tokens: u64,
}

impl std::ops::AddAssign for Removed {
    fn add_assign(&mut self, o: Removed) {
        self.sessions += o.sessions;
        self.events += o.events;
        self.memberships += o.memberships;
        self.session_tokens += o.session_tokens;
    }
}

#[tonic::async_trait]
pub trait Store: routing::RoutingStore + rules::RulesStore + Send + Sync + 'static {
    /// Registers a terminal. ALREADY_EXISTS when the name is taken.
    async fn create_terminal(&self, terminal: &pb::Terminal, token_hash: &str) -> Result<()>;
    async fn terminal(&self, id: Uuid) -> Result<Option<pb::Terminal>>;
    async fn terminal_by_token_hash(&self, token_hash: &str) -> Result<Option<pb::Terminal>>;
    /// The terminal with this name (names are unique and never change).
    async fn terminal_by_name(&self, name: &str) -> Result<Option<pb::Terminal>>;
    /// Terminals ordered by name, after `after_name`.
    async fn list_terminals(&self, after_name: &str, limit: usize) -> Result<Vec<pb::Terminal>>;
    /// Replaces a terminal's token hash; false when there is no such terminal.
    async fn set_token_hash(&self, id: Uuid, token_hash: &str) -> Result<bool>;
    /// Replaces the groups a terminal belongs to; false when there is no such terminal.
    async fn set_groups(&self, id: Uuid, groups: &[String]) -> Result<bool>;
    /// Replaces the rate limits set for a terminal (none set: its row goes); false when there
    /// is no such terminal.
    async fn set_terminal_limits(
        &self,
        id: Uuid,
        limits: &TerminalLimits,
        now: Millis,
    ) -> Result<bool>;
    /// Every terminal that has rate limits of its own, with them.
    async fn terminal_limits(&self) -> Result<HashMap<Uuid, TerminalLimits>>;
    /// The rate limits of its own one terminal has, if any.
    async fn terminal_limits_of(&self, id: Uuid) -> Result<Option<TerminalLimits>>;
    /// The groups of each of these terminals (terminal id → groups, sorted).
    async fn groups_of(&self, ids: &[Uuid]) -> Result<HashMap<Uuid, Vec<String>>>;
    /// The members of a group.
    async fn group_members(&self, group: &str) -> Result<Vec<Uuid>>;

    /// Stores a new session at version 0: its record (the one row of `rows.sessions`; `session`
    /// gives its id, caller and creation time), its first events and membership rows.
    async fn create_session(&self, session: &pb::Session, rows: &CommitRows) -> Result<()>;
    /// The whole session: its record with the history kept beside it (ended transfers, past
    /// tenures) put back in.
    async fn session(&self, id: Uuid) -> Result<Option<pb::Session>>;
    /// One kind of a session's history rows, as `(kind, seq, payload)` (see [`record::assemble`]).
    async fn history(
        &self,
        id: Uuid,
        kind: HistoryKind,
    ) -> Result<Vec<(HistoryKind, u64, Vec<u8>)>>;
    /// The records of these sessions, as the group commit works on them (missing ones are left
    /// out).
    async fn records(&self, ids: &[Uuid]) -> Result<HashMap<Uuid, SessionRecord>>;
    /// Earlier sends under these idempotency keys: (session, author, key) → original.
    async fn originals(&self, keys: &[MessageKey]) -> Result<HashMap<MessageKey, Appended>>;
    /// Persists what a group commit decided. Each session row is written only where the
    /// session's version is still the one the commit read; the rows of a session whose version
    /// moved (another replica wrote it) are not written, and it is returned, for the caller to
    /// read again and decide anew. Acknowledgements are written regardless. Err when nothing of
    /// the commit was stored (or, the connection lost, when that is unknown).
    async fn persist(&self, rows: &CommitRows) -> Result<Vec<Uuid>>;

    /// Events with `after < seq <= until`, in order, at most `limit`.
    async fn events(
        &self,
        session: Uuid,
        after: u64,
        until: u64,
        limit: usize,
    ) -> Result<Vec<pb::Event>>;
    /// Every event but messages with `after < seq <= until`, in order: what a stream replays to
    /// learn where a terminal stands in a session.
    async fn control_events(&self, session: Uuid, after: u64, until: u64)
    -> Result<Vec<pb::Event>>;
    /// The last `limit` message events before `before_seq`, oldest first.
    async fn messages_before(
        &self,
        session: Uuid,
        before_seq: u64,
        limit: usize,
    ) -> Result<Vec<pb::Event>>;

    /// The sessions a terminal has something to be shown in: it takes part in them and has not
    /// acknowledged their last event (or the event at which it left).
    async fn memberships(&self, terminal: Uuid) -> Result<Vec<Membership>>;
    /// The membership of one terminal in one session, current or past.
    async fn membership(&self, terminal: Uuid, session: Uuid) -> Result<Option<Membership>>;

    /// Sessions with a deadline at or before `now` (connect, offer expiry, handoff grace).
    async fn due_sessions(&self, now: Millis, limit: usize) -> Result<Vec<Uuid>>;

    /// What changed at or after `since`: what a replica re-checks in case a wake-up signal was
    /// lost. A session's change time is kept to [`CHANGE_MARK_MS`]: a change may be found as up
    /// to that much older than it is, so a caller's window must be wider by as much.
    async fn changed_since(&self, since: Millis) -> Result<Changes>;

    /// Records that `replica` is alive, and forgets the terminals of replicas silent since
    /// `forget_before`.
    async fn replica_heartbeat(
        &self,
        replica: Uuid,
        now: Millis,
        forget_before: Millis,
    ) -> Result<()>;
    /// Records that `terminal` attached to (or detached from) `replica`.
    async fn set_presence(&self, replica: Uuid, terminal: Uuid, attached: bool) -> Result<()>;
    /// Forgets a replica and its terminals (it is shutting down).
    async fn forget_replica(&self, replica: Uuid) -> Result<()>;
    /// Whether `terminal` is attached to a replica other than `replica` whose heartbeat is not
    /// older than `since`.
    async fn present_elsewhere(&self, terminal: Uuid, replica: Uuid, since: Millis)
    -> Result<bool>;
    /// Appends one record to the admin audit log (append-only: nothing changes or removes one).
    async fn append_audit(&self, record: &pb::AuditRecord) -> Result<()>;
    /// Audit records in id (time) order, after the record `after` (from the first when None).
    async fn audit_records(
        &self,
        after: Option<Uuid>,
        limit: usize,
    ) -> Result<Vec<pb::AuditRecord>>;

    /// How many replicas (this one included) heart-beat at or after `since`.
    async fn live_replicas(&self, since: Millis) -> Result<u64>;

    /// How full the connection pools are, for the metrics; empty for a store without pools.
    fn pool_usage(&self) -> Vec<crate::metrics::PoolUsage> {
        Vec::new()
    }
    /// Closes the pools (tests drop their database afterwards).
    async fn close(&self);
    /// Stores a new session token under the hash of its secret.
    /// Deletes sessions with everything kept about them (log, memberships, session tokens), in
    /// one transaction. Ids that do not exist are skipped.
    async fn delete_sessions(&self, ids: &[Uuid]) -> Result<Removed>;
    /// The sessions whose caller has this id (the caller's phone number, visitor id, handle).
    async fn sessions_of_caller(&self, caller_id: &str) -> Result<Vec<Uuid>>;
    /// Deletes up to `limit` sessions that ended before `before`; returns their ids and what
    /// went. On Postgres one replica at a time does it (the others get None at once, without
    /// waiting); SQLite has one writer anyway.
    async fn purge_ended(
        &self,
        before: Millis,
        limit: usize,
    ) -> Result<Option<(Vec<Uuid>, Removed)>>;
    async fn create_session_token(&self, token: &SessionToken, token_hash: &str) -> Result<()>;
    /// The session token whose secret hashes to `token_hash`, revoked or expired alike.
    async fn session_token_by_hash(&self, token_hash: &str) -> Result<Option<SessionToken>>;
    /// Marks a token `terminal` minted as revoked at `now` (kept if it already was); false when
    /// `terminal` minted no token with this id.
    async fn revoke_session_token(&self, id: Uuid, terminal: Uuid, now: Millis) -> Result<bool>;
    /// Deletes the session tokens that expired before `before`; returns how many.
    async fn forget_session_tokens(&self, before: Millis) -> Result<u64>;
}

/// A session token as stored (its secret is not: only its hash).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionToken {
    pub id: Uuid,
    pub session: Uuid,
    /// The caller's terminal that minted it, and as which the token acts.
    pub terminal: Uuid,
    pub create_ms: Millis,
    pub expire_ms: Millis,
    pub revoked_ms: Option<Millis>,
}
