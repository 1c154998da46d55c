//! One group commit: a batch of writes (messages, session changes, acknowledgements) from any
//! sessions, decided in memory and persisted together.
//!
//! The decision is [`fold`]: plain code, no I/O. It runs each write's domain operation on the
//! session records in batch order, exactly as if each had committed alone, and turns the result
//! into rows ([`CommitRows`]). [`Committer`] feeds it records, hands its rows to the store, and
//! keeps the records it wrote in memory with their versions, so the next commit of a busy
//! session reads nothing: in the common case a commit is the one `persist` call. When another
//! replica wrote a session meanwhile, `persist` skips that session and names it; the committer
//! reads it again and decides that session's writes anew (see the store's module docs).

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use prost::Message as _;
use uuid::Uuid;

use crate::domain::{self, Millis};
use crate::error::{Error, Result};
use crate::pb;
use crate::store::{
    AckRow, Appended, CommitRows, EventRow, MemberRow, MessageKey, RecordColumns, RoutingColumns,
    SessionRecord, SessionRow, Store, change_mark, record,
};

/// A message to append, as the writer hands it to the commit.
#[derive(Debug, Clone)]
pub struct NewMessage {
    pub session: Uuid,
    pub author: Uuid,
    pub body: String,
    pub idempotency_key: Option<String>,
    pub time: Millis,
}

/// A domain change: gets the session's current state, mutates it, returns the events to append
/// (numbered from its `last_seq`). It may run more than once (when another replica wrote the
/// session first, it runs again on the newer state); only its last run is committed.
pub type SessionChange<'a> = dyn FnMut(&mut pb::Session) -> Result<Vec<pb::Event>> + Send + 'a;

/// One write carried by a group commit.
pub enum Write<'a> {
    Message(NewMessage),
    /// A change to a session.
    Change {
        session: Uuid,
        change: Box<SessionChange<'a>>,
    },
    /// A terminal acknowledged everything of a session up to `seq`: riding along with the batch
    /// saves each acknowledgement a commit of its own.
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

/// The outcome of a committed session change.
#[derive(Debug, Clone)]
pub struct Committed {
    /// The session as the change left it: its record, with the history this change added (a
    /// transfer it ended, a tenure it closed); the older history is not read for a change.
    pub session: pb::Session,
    pub events: Vec<pb::Event>,
    /// Terminals whose membership of the session began, ended or changed role in this change.
    pub membership_changed: Vec<Uuid>,
    /// Terminals that held a seat in the session before this change and hold none after it
    /// ([`domain::queue::seated`]): their seats are to be given back.
    pub unseated: Vec<Uuid>,
}

/// What became of one [`Write`].
#[derive(Debug)]
pub enum Written {
    Message(Result<Appended>),
    /// Committed; with no events when the change had nothing to append (the current state).
    /// Boxed: a session is large beside a message's outcome.
    Change(Result<Box<Committed>>),
    Ack(Result<()>),
}

/// What one group commit did.
#[derive(Debug)]
pub struct WrittenBatch {
    /// One per write of the batch, in batch order.
    pub results: Vec<Written>,
    /// The events stored, in sequence order within each session.
    pub events: Vec<pb::Event>,
}

/// How often one commit decides a session anew after other replicas wrote it first, before its
/// writes are refused as UNAVAILABLE (the caller may retry).
const MAX_ROUNDS: usize = 64;

/// Records kept in memory per committer; beyond it, ended sessions go first, then all.
const CACHED_RECORDS: usize = 16_384;

/// Runs group commits against a store, keeping the records it wrote (see the module docs).
/// One per writer shard: a session's writes all go through the same committer.
pub struct Committer {
    store: Arc<dyn Store>,
    records: HashMap<Uuid, SessionRecord>,
}

impl Committer {
    pub fn new(store: Arc<dyn Store>) -> Committer {
        Committer {
            store,
            records: HashMap::new(),
        }
    }

    /// Commits `batch`: each write in batch order, each with its own outcome (a refused write
    /// changes nothing). Err only when nothing of the batch was stored.
    pub async fn write_batch(&mut self, batch: &mut [Write<'_>]) -> Result<WrittenBatch> {
        let mut results: Vec<Option<Written>> = batch.iter().map(|_| None).collect();
        let mut events = Vec::new();
        let mut pending: Vec<usize> = (0..batch.len()).collect();
        // Nearly every message is new, so keys are not looked up first (a probe per message);
        // a retried key trips the unique index, nothing of that round is stored, and the round
        // runs again with the lookups.
        let mut originals: Option<HashMap<MessageKey, Appended>> = None;
        let mut stored_any = false;
        let mut rounds = 0;
        while !pending.is_empty() && rounds < MAX_ROUNDS {
            rounds += 1;
            let round = self
                .round(batch, &pending, originals.as_ref(), !stored_any)
                .await;
            match round {
                Ok((done, again)) => {
                    stored_any = true;
                    for (i, w) in done.results {
                        results[i] = Some(w);
                    }
                    events.extend(done.events);
                    pending = again;
                }
                Err(Error::Storage(sqlx::Error::Database(db)))
                    if db.is_unique_violation() && originals.is_none() =>
                {
                    let keys = Self::keys(batch, &pending);
                    crate::metrics::commit_round_trips("keys", 1);
                    originals = Some(self.store.originals(&keys).await?);
                }
                Err(e) if !stored_any => return Err(e),
                Err(e) => {
                    // Part of the batch is stored: that part is answered, the rest refused.
                    tracing::warn!(error = %e, "group commit failed after part of it was stored");
                    for &i in &pending {
                        results[i] = Some(refused(&batch[i], &e));
                    }
                    pending.clear();
                }
            }
        }
        // A write still unanswered when the rounds ran out was outpaced by other replicas each
        // time. (Its refusal is made only then: this is every write's path.)
        let contended =
            || Error::Unavailable("the session is being written by another replica".into());
        let results = results
            .into_iter()
            .zip(batch.iter())
            .map(|(r, w)| r.unwrap_or_else(|| refused(w, &contended())))
            .collect();
        Ok(WrittenBatch { results, events })
    }

    /// One decision and one persist of the `pending` writes; returns what committed and the
    /// writes whose sessions another replica wrote first.
    async fn round(
        &mut self,
        batch: &mut [Write<'_>],
        pending: &[usize],
        originals: Option<&HashMap<MessageKey, Appended>>,
        with_acks: bool,
    ) -> Result<(Folded, Vec<usize>)> {
        let missing: Vec<Uuid> = {
            let mut ids: Vec<Uuid> = pending
                .iter()
                .filter(|&&i| !matches!(batch[i], Write::Ack { .. }))
                .map(|&i| batch[i].session())
                .filter(|id| !self.records.contains_key(id))
                .collect();
            ids.sort_unstable();
            ids.dedup();
            ids
        };
        let loaded = if missing.is_empty() {
            HashMap::new()
        } else {
            crate::metrics::commit_round_trips("read", 1);
            self.store.records(&missing).await?
        };
        let empty = HashMap::new();
        let mut folded = fold(
            batch,
            pending,
            |id| self.records.get(&id).or_else(|| loaded.get(&id)),
            originals.unwrap_or(&empty),
            with_acks,
            domain::now_millis(),
        );
        crate::metrics::commit_round_trips("write", 1);
        let outcome = self.store.persist(&folded.rows).await;
        // A session this commit writes nothing to was decided without the version check: a
        // refusal or a no-op. Decided on a record kept from an earlier commit, that may have been
        // an older state than the database's (another replica wrote since), so it is decided
        // again on a fresh read; decided on a record just read, it stands.
        let mut unchecked: Vec<Uuid> = pending
            .iter()
            .filter(|&&i| !matches!(batch[i], Write::Ack { .. }))
            .map(|&i| batch[i].session())
            .filter(|id| {
                !loaded.contains_key(id)
                    && self.records.contains_key(id)
                    && folded.rows.sessions.iter().all(|r| r.id != *id)
            })
            .collect();
        unchecked.sort_unstable();
        unchecked.dedup();
        for (id, r) in loaded {
            self.records.insert(id, r);
        }
        let conflicts = match outcome {
            Ok(conflicts) => conflicts,
            Err(e) => {
                // Stored or not is unknown: read these sessions again next time.
                for row in &folded.rows.sessions {
                    self.records.remove(&row.id);
                }
                return Err(e);
            }
        };
        crate::metrics::commit_conflicts(conflicts.len());
        for id in &conflicts {
            self.records.remove(id);
            folded.records.remove(id);
        }
        for id in &unchecked {
            self.records.remove(id);
        }
        let again_for = |id: &Uuid| conflicts.contains(id) || unchecked.contains(id);
        self.keep(std::mem::take(&mut folded.records));
        let (again, done): (Vec<_>, Vec<_>) = std::mem::take(&mut folded.results)
            .into_iter()
            .partition(|(i, w)| !matches!(w, Written::Ack(_)) && again_for(&batch[*i].session()));
        folded.results = done;
        folded.events.retain(|e| {
            e.session_id
                .parse()
                .is_ok_and(|id: Uuid| !conflicts.contains(&id))
        });
        Ok((folded, again.into_iter().map(|(i, _)| i).collect()))
    }

    fn keep(&mut self, records: HashMap<Uuid, SessionRecord>) {
        if self.records.len() + records.len() > CACHED_RECORDS {
            self.records
                .retain(|_, r| r.session.state() != pb::SessionState::Ended);
            if self.records.len() + records.len() > CACHED_RECORDS {
                self.records.clear();
            }
        }
        self.records.extend(records);
    }

    /// The idempotency keys of the `pending` messages.
    fn keys(batch: &[Write<'_>], pending: &[usize]) -> Vec<MessageKey> {
        pending
            .iter()
            .filter_map(|&i| match &batch[i] {
                Write::Message(m) => m.idempotency_key.clone().map(|k| (m.session, m.author, k)),
                _ => None,
            })
            .collect()
    }
}

/// The answer to a write that was not stored.
pub fn refused(write: &Write<'_>, e: &Error) -> Written {
    let (code, message) = (e.code(), e.public_message());
    let error = || match code {
        tonic::Code::Unavailable => Error::Unavailable(message.clone()),
        tonic::Code::InvalidArgument => Error::invalid("request", message.clone()),
        _ => Error::Internal(message.clone()),
    };
    match write {
        Write::Message(_) => Written::Message(Err(error())),
        Write::Change { .. } => Written::Change(Err(error())),
        Write::Ack { .. } => Written::Ack(Err(error())),
    }
}

/// What [`fold`] decided.
#[derive(Default)]
pub struct Folded {
    /// (index in the batch, outcome), for the writes folded.
    pub results: Vec<(usize, Written)>,
    pub rows: CommitRows,
    /// The records as they are once the rows are stored (version one more).
    pub records: HashMap<Uuid, SessionRecord>,
    /// The events of the rows, in order.
    pub events: Vec<pb::Event>,
}

/// Decides the writes `pending` of `batch` (in order) on the records `record` finds, and the
/// rows that store the outcome. A session `record` does not find does not exist.
pub fn fold<'r>(
    batch: &mut [Write<'_>],
    pending: &[usize],
    record: impl Fn(Uuid) -> Option<&'r SessionRecord>,
    originals: &HashMap<MessageKey, Appended>,
    with_acks: bool,
    now: Millis,
) -> Folded {
    let mut out = Folded::default();
    let mut originals = originals.clone();
    let mut work: BTreeMap<Uuid, Working> = BTreeMap::new();
    let mut members = MemberRows::default();
    let mut acks: BTreeMap<(Uuid, Uuid), u64> = BTreeMap::new();
    let mut events: Vec<(pb::Event, Option<String>)> = Vec::new();
    for &i in pending {
        let written = match &mut batch[i] {
            Write::Ack {
                terminal,
                session,
                seq,
            } => {
                if with_acks {
                    let acked = acks.entry((*terminal, *session)).or_insert(*seq);
                    *acked = (*acked).max(*seq);
                }
                Written::Ack(Ok(()))
            }
            Write::Message(m) => {
                let identity = m
                    .idempotency_key
                    .as_ref()
                    .map(|k| (m.session, m.author, k.clone()));
                if let Some(original) = identity.as_ref().and_then(|k| originals.get(k)) {
                    out.results.push((i, Written::Message(Ok(*original))));
                    continue;
                }
                let Some(Working {
                    session, written, ..
                }) = working(&mut work, m.session, &record)
                else {
                    out.results
                        .push((i, Written::Message(Err(Error::NotFound("session")))));
                    continue;
                };
                match domain::post_message(session, m.author, m.body.clone(), m.time) {
                    Ok(mut new) => {
                        let event = new.remove(0);
                        let appended = Appended {
                            seq: event.seq,
                            time: m.time,
                            duplicate: false,
                        };
                        if let Some(k) = identity {
                            // A second send of the same key within this batch is a duplicate.
                            originals.insert(
                                k,
                                Appended {
                                    duplicate: true,
                                    ..appended
                                },
                            );
                        }
                        events.push((event, m.idempotency_key.clone()));
                        *written = true;
                        Written::Message(Ok(appended))
                    }
                    Err(e) => Written::Message(Err(e)),
                }
            }
            Write::Change {
                session: id,
                change,
            } => {
                let Some(Working {
                    session,
                    touched,
                    written,
                    ..
                }) = working(&mut work, *id, &record)
                else {
                    out.results
                        .push((i, Written::Change(Err(Error::NotFound("session")))));
                    continue;
                };
                let before = session.clone();
                match change(session) {
                    Ok(new) if new.is_empty() => {
                        // Nothing to append (an idempotent no-op): report the current state.
                        *session = before;
                        Written::Change(Ok(Box::new(Committed {
                            session: session.clone(),
                            events: Vec::new(),
                            membership_changed: Vec::new(),
                            unseated: Vec::new(),
                        })))
                    }
                    Ok(new) => {
                        *touched = true;
                        *written = true;
                        let changed = members.sync(*id, &before, session);
                        events.extend(new.iter().map(|e| (e.clone(), None)));
                        let after = domain::queue::seated(session);
                        let unseated = domain::queue::seated(&before)
                            .into_iter()
                            .filter(|t| !after.contains(t))
                            .collect();
                        Written::Change(Ok(Box::new(Committed {
                            session: session.clone(),
                            events: new,
                            membership_changed: changed,
                            unseated,
                        })))
                    }
                    Err(e) => {
                        // A refused change leaves the session as it was.
                        *session = before;
                        Written::Change(Err(e))
                    }
                }
            }
        };
        out.results.push((i, written));
    }

    out.rows.changed_at = change_mark(now);
    out.rows.acks = acks
        .into_iter()
        .map(|((terminal, session), seq)| AckRow {
            terminal,
            session,
            seq,
        })
        .collect();
    for (id, w) in work.into_iter().filter(|(_, w)| w.written) {
        let Working {
            mut session,
            version,
            touched,
            ..
        } = w;
        let record = touched.then(|| {
            out.rows
                .history
                .extend(record::split_history(id, &mut session));
            record_columns(&session)
        });
        out.rows.sessions.push(SessionRow {
            id,
            version,
            last_seq: session.last_seq,
            record,
        });
        out.records.insert(
            id,
            SessionRecord {
                session,
                version: version + 1,
            },
        );
    }
    out.rows.members = members.rows.into_values().collect();
    out.rows.events = events
        .iter()
        .filter_map(|(e, key)| event_row(e, key.clone()))
        .collect();
    out.events = events.into_iter().map(|(e, _)| e).collect();
    out
}

/// A record and the columns kept from it.
fn record_columns(s: &pb::Session) -> RecordColumns {
    RecordColumns {
        bytes: s.encode_to_vec(),
        state: i64::from(s.state),
        next_deadline: domain::next_deadline(s),
        routing: routing_columns(s),
    }
}

/// The row that stores `e`.
fn event_row(e: &pb::Event, idempotency_key: Option<String>) -> Option<EventRow> {
    Some(EventRow {
        session: e.session_id.parse().ok()?,
        seq: e.seq,
        kind: domain::kind_name(e),
        author: e.author_terminal_id.parse().ok(),
        idempotency_key,
        time: domain::millis(&e.time).unwrap_or_default(),
        payload: e.encode_to_vec(),
    })
}

/// What storing a new session writes ([`Store::create_session`]): its record, its first
/// events and its membership rows; and the outcome to publish.
pub fn new_session(
    id: Uuid,
    session: &pb::Session,
    events: &[pb::Event],
) -> (pb::Session, CommitRows, Committed) {
    let mut stored = session.clone();
    // A new session has no ended history; split anyway, so the record is what it always is.
    let history = record::split_history(id, &mut stored);
    let (members, membership_changed) = MemberRows::of_new(id, session);
    let rows = CommitRows {
        sessions: vec![SessionRow {
            id,
            version: 0,
            last_seq: stored.last_seq,
            record: Some(record_columns(&stored)),
        }],
        events: events.iter().filter_map(|e| event_row(e, None)).collect(),
        members,
        history,
        ..CommitRows::default()
    };
    let committed = Committed {
        session: session.clone(),
        events: events.to_vec(),
        membership_changed,
        unseated: Vec::new(),
    };
    (stored, rows, committed)
}

/// A session as a fold's writes leave it.
struct Working {
    session: pb::Session,
    /// The version its record was read at.
    version: i64,
    /// A change touched the record (else only messages were appended).
    touched: bool,
    /// Something of it is to be stored.
    written: bool,
}

/// The working copy of a session within a fold, made from its record on first use.
fn working<'w, 'r>(
    work: &'w mut BTreeMap<Uuid, Working>,
    id: Uuid,
    record: &impl Fn(Uuid) -> Option<&'r SessionRecord>,
) -> Option<&'w mut Working> {
    match work.entry(id) {
        std::collections::btree_map::Entry::Occupied(e) => Some(e.into_mut()),
        std::collections::btree_map::Entry::Vacant(e) => {
            let r = record(id)?;
            Some(e.insert(Working {
                session: r.session.clone(),
                version: r.version,
                touched: false,
                written: false,
            }))
        }
    }
}

/// The membership rows a batch's changes leave behind, per (terminal, session): what each change
/// did, folded in order, so that the batch writes each row once and ends where committing the
/// changes one by one would have.
#[derive(Default)]
pub struct MemberRows {
    rows: BTreeMap<(Uuid, Uuid), MemberRow>,
}

impl MemberRows {
    /// The rows of a new session.
    pub fn of_new(id: Uuid, session: &pb::Session) -> (Vec<MemberRow>, Vec<Uuid>) {
        let mut rows = MemberRows::default();
        let changed = rows.sync(id, &pb::Session::default(), session);
        (rows.rows.into_values().collect(), changed)
    }

    /// Notes how the participants changed from `before` to `after`; returns the terminals whose
    /// membership began, ended or changed role.
    fn sync(&mut self, id: Uuid, before: &pb::Session, after: &pb::Session) -> Vec<Uuid> {
        let mut changed = Vec::new();
        let role_before = |t: &str| {
            before
                .participants
                .iter()
                .find(|p| p.terminal_id == t)
                .map(|p| p.role())
        };
        for p in &after.participants {
            let Ok(terminal) = p.terminal_id.parse() else {
                continue;
            };
            match role_before(&p.terminal_id) {
                Some(role) if role == p.role() => continue,
                Some(_) => {}
                None => {
                    self.rows.insert(
                        (terminal, id),
                        MemberRow {
                            terminal,
                            session: id,
                            joined: Some(p.joined_seq),
                            left: None,
                        },
                    );
                }
            }
            changed.push(terminal);
        }
        for p in &before.participants {
            if after
                .participants
                .iter()
                .all(|q| q.terminal_id != p.terminal_id)
            {
                let Ok(terminal) = p.terminal_id.parse() else {
                    continue;
                };
                self.rows
                    .entry((terminal, id))
                    .or_insert(MemberRow {
                        terminal,
                        session: id,
                        joined: None,
                        left: None,
                    })
                    .left = Some(after.last_seq);
                changed.push(terminal);
            }
        }
        changed
    }
}

/// The columns routing selects a session on, as its record says.
fn routing_columns(s: &pb::Session) -> RoutingColumns {
    let live = matches!(
        s.state(),
        pb::SessionState::Open | pb::SessionState::Connecting
    );
    let routed = s
        .active_transfer
        .as_ref()
        .filter(|t| domain::queue::is_routed(t) && live)
        .and_then(|t| match t.state() {
            pb::TransferState::Queued => Some((1, t)),
            pb::TransferState::Offered => Some((2, t)),
            _ => None,
        });
    RoutingColumns {
        holder: live.then(|| s.holder_terminal_id.parse().ok()).flatten(),
        group: (!s.group.is_empty()).then(|| s.group.clone()),
        route_state: routed.map_or(0, |(state, _)| state),
        queue_priority: routed.map(|(_, t)| i64::from(t.priority)),
        queue_since: routed.and_then(|(_, t)| {
            domain::millis(&t.enqueue_time).or_else(|| domain::millis(&t.offer_time))
        }),
    }
}
