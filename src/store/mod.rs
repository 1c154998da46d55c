//! Storage: the narrow interface the service needs, and its SQL implementation for Postgres and
//! embedded SQLite.
//!
//! A session is a snapshot (`pb::Session`, encoded) plus its append-only event log. Every change
//! to a session goes through [`Store::update_session`], which runs a domain closure inside one
//! transaction holding the session's row lock: the closure sees the latest snapshot, and its
//! events are committed together with the new snapshot or not at all. Membership rows (which
//! terminal follows which session, and up to where) are derived from the snapshot's participants
//! inside the same transaction, so the Attach stream never disagrees with the session.

mod sql;

pub use sql::{Backend, SqlStore, sqlite_path};

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

/// The outcome of a committed session change.
#[derive(Debug, Clone)]
pub struct Committed {
    pub session: pb::Session,
    pub events: Vec<pb::Event>,
    /// Terminals whose membership of the session began, ended or changed role in this change.
    pub membership_changed: Vec<Uuid>,
}

/// What one group commit did.
#[derive(Debug)]
pub struct AppendedBatch {
    /// One per message of the batch, in batch order.
    pub results: Vec<Result<Appended>>,
    /// The events stored, in the order committed (sequence order within a session).
    pub events: Vec<pb::Event>,
}

/// The outcome of appending a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Appended {
    pub seq: u64,
    pub time: Millis,
    /// The idempotency key had been used already: nothing was stored, `seq` is the original.
    pub duplicate: bool,
}

/// A message to append, as the group-commit writer hands it to the store.
#[derive(Debug, Clone)]
pub struct NewMessage {
    pub session: Uuid,
    pub author: Uuid,
    pub body: String,
    pub idempotency_key: Option<String>,
    pub time: Millis,
}

/// The domain change applied by [`Store::update_session`]: gets the locked snapshot, mutates it,
/// returns the events to append (already numbered from the snapshot's `last_seq`).
pub type SessionChange<'a> = dyn FnMut(&mut pb::Session) -> Result<Vec<pb::Event>> + Send + 'a;

/// One write carried by a group commit ([`Store::write_batch`]).
pub enum Write<'a> {
    Message(NewMessage),
    /// A change to a session's snapshot, as [`Store::update_session`] applies it.
    Change {
        session: Uuid,
        change: Box<SessionChange<'a>>,
    },
    /// A terminal acknowledged everything of a session up to `seq` (as
    /// [`Store::acknowledge`]): riding along with the batch saves each acknowledgement a commit
    /// of its own.
    Ack {
        terminal: Uuid,
        session: Uuid,
        seq: u64,
    },
}

impl Write<'_> {
    /// The session written to.
    pub fn session(&self) -> Uuid {
        match self {
            Write::Message(m) => m.session,
            Write::Change { session, .. } | Write::Ack { session, .. } => *session,
        }
    }
}

/// What became of one [`Write`].
#[derive(Debug)]
pub enum Written {
    Message(Result<Appended>),
    /// Committed; with no events when the change had nothing to append (the current state).
    /// Boxed: a snapshot is large beside a message's outcome.
    Change(Result<Box<Committed>>),
    Ack(Result<()>),
}

/// What one group commit did.
#[derive(Debug)]
pub struct WrittenBatch {
    /// One per write of the batch, in batch order.
    pub results: Vec<Written>,
    /// The events stored, in the order committed (sequence order within a session).
    pub events: Vec<pb::Event>,
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
pub trait Store: Send + Sync + 'static {
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
    async fn groups_of(&self, ids: &[String]) -> Result<HashMap<String, Vec<String>>>;
    /// The members of a group.
    async fn group_members(&self, group: &str) -> Result<Vec<Uuid>>;

    /// Stores a new session with its first events.
    async fn create_session(
        &self,
        session: &pb::Session,
        events: &[pb::Event],
    ) -> Result<Committed>;
    async fn session(&self, id: Uuid) -> Result<Option<pb::Session>>;
    /// Runs `change` on the locked snapshot and commits its events with the new snapshot.
    /// NOT_FOUND "session" when there is no such session.
    async fn update_session(&self, id: Uuid, change: &mut SessionChange<'_>) -> Result<Committed>;
    /// Appends a batch of messages, from any sessions, in one transaction (group commit). Each
    /// message gets its own outcome: its sequence number; the original one when its
    /// `(session, author, idempotency_key)` was stored before (`duplicate`); or why it was refused
    /// (not a participant, session not open). Err only when the transaction itself failed, in which
    /// case nothing of the batch was stored.
    async fn append_messages(&self, batch: &[NewMessage]) -> Result<AppendedBatch>;
    /// Messages and session changes, from any sessions, in one transaction (group commit): each
    /// write in batch order, as [`Store::append_messages`] and [`Store::update_session`] would
    /// apply it alone, each with its own outcome (a refused write changes nothing). Err only when
    /// the transaction itself failed, in which case nothing of the batch was stored.
    async fn write_batch(&self, batch: &mut [Write<'_>]) -> Result<WrittenBatch>;

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
    /// Records that `terminal` has processed `session` up to `seq` (never moves backwards).
    async fn acknowledge(&self, terminal: Uuid, session: Uuid, seq: u64) -> Result<()>;

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
    /// Audit records in id (time) order, after `after_id`.
    async fn audit_records(&self, after_id: &str, limit: usize) -> Result<Vec<pb::AuditRecord>>;

    /// How many replicas (this one included) heart-beat at or after `since`.
    async fn live_replicas(&self, since: Millis) -> Result<u64>;

    /// How full the connection pools are, for the metrics; empty for a store without pools.
    fn pool_usage(&self) -> Vec<crate::metrics::PoolUsage> {
        Vec::new()
    }
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
