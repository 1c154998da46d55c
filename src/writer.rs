//! Group commit: messages and session changes (offers, accepts, disconnects, deadlines, …) from
//! every session are gathered into one transaction, and each caller is answered only after that
//! transaction committed.
//!
//! One task per shard takes everything queued while its previous commit was in flight, so under
//! load a commit carries many writes and at low load a write waits for nothing but its own
//! commit. Sessions are assigned to shards by id, so a session's writes are ordered by one queue
//! (submission order is storage order), and shards never contend for the same session rows.
//! After a commit the shard puts the events into the [`Tail`] and then signals the bus, so that
//! woken streams find them in memory.

use std::collections::HashMap;
use std::sync::Arc;

use tokio::sync::{mpsc, oneshot};
use uuid::Uuid;

use crate::bus::{Bus, Move, Signal};
use crate::commit::{
    Committed, Committer, NewMessage, SessionChange, Write, Written, WrittenBatch, refused,
};
use crate::error::{Error, Result};
use crate::pb;
use crate::store::{Appended, Store};
use crate::tail::Tail;

struct Job {
    write: Write<'static>,
    reply: oneshot::Sender<Written>,
    queued: std::time::Instant,
}

pub struct Writer {
    shards: Vec<mpsc::Sender<Job>>,
}

impl Writer {
    /// Starts `shards` writer tasks, each committing at most `max_batch` writes at a time.
    pub fn start(
        store: Arc<dyn Store>,
        bus: Arc<Bus>,
        tail: Arc<Tail>,
        shards: usize,
        max_batch: usize,
    ) -> Writer {
        let shards = (0..shards.max(1))
            .map(|_| {
                let (tx, rx) = mpsc::channel(max_batch * 4);
                tokio::spawn(run(
                    Committer::new(store.clone()),
                    bus.clone(),
                    tail.clone(),
                    rx,
                    max_batch.max(1),
                ));
                tx
            })
            .collect();
        Writer { shards }
    }

    /// Appends one message; returns once it is committed (or refused).
    pub async fn append(&self, message: NewMessage) -> Result<Appended> {
        self.submit(message).await?.await
    }

    /// Queues one message and returns what will answer it once committed. Messages of one
    /// session submitted one after another are stored in that order, so a stream may keep many
    /// in flight and still have them sequenced as sent.
    pub async fn submit(&self, message: NewMessage) -> Result<Pending> {
        Ok(Pending(self.queue(Write::Message(message)).await?))
    }

    /// Applies `change` to the session's current state in the next group commit; returns once
    /// committed. Its events are in the tail and signalled by then.
    pub async fn change(
        &self,
        session: Uuid,
        change: Box<SessionChange<'static>>,
    ) -> Result<Committed> {
        let answer = self.queue(Write::Change { session, change }).await?;
        answered(answer.await, "a change", |w| match w {
            Written::Change(r) => Some(r.map(|c| *c)),
            _ => None,
        })
    }

    /// Queues an acknowledgement for the next group commit and returns at once: acknowledgements
    /// are fire-and-forget (a failure is logged; the terminal then resumes from an earlier one).
    pub async fn acknowledge(&self, terminal: Uuid, session: Uuid, seq: u64) -> Result<()> {
        self.queue(Write::Ack {
            terminal,
            session,
            seq,
        })
        .await
        .map(drop)
    }

    /// As [`Writer::acknowledge`], but returns once the acknowledgement is committed (the
    /// Acknowledge RPC answers only then).
    pub async fn acknowledge_committed(
        &self,
        terminal: Uuid,
        session: Uuid,
        seq: u64,
    ) -> Result<()> {
        let answer = self
            .queue(Write::Ack {
                terminal,
                session,
                seq,
            })
            .await?;
        answered(answer.await, "an acknowledgement", |w| match w {
            Written::Ack(r) => Some(r),
            _ => None,
        })
    }

    async fn queue(&self, write: Write<'static>) -> Result<oneshot::Receiver<Written>> {
        let shard = (write.session().as_u128() % self.shards.len() as u128) as usize;
        let (reply, answer) = oneshot::channel();
        self.shards[shard]
            .send(Job {
                write,
                reply,
                queued: std::time::Instant::now(),
            })
            .await
            .map_err(|_| shutting_down())?;
        Ok(answer)
    }
}

fn shutting_down() -> Error {
    Error::Unavailable("the server is shutting down".into())
}

/// The answer to a submitted message: its sequence number once committed, or why it was not.
pub struct Pending(oneshot::Receiver<Written>);

impl std::future::Future for Pending {
    type Output = Result<Appended>;

    fn poll(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Self::Output> {
        std::pin::Pin::new(&mut self.0).poll(cx).map(|r| {
            answered(r, "a message", |w| match w {
                Written::Message(r) => Some(r),
                _ => None,
            })
        })
    }
}

/// The outcome of one queued write, as `pick` takes it from its answer: the writer answers each
/// write with the variant of its kind, or drops the answer when it stops (the server shuts down).
fn answered<T>(
    answer: std::result::Result<Written, oneshot::error::RecvError>,
    what: &str,
    pick: impl FnOnce(Written) -> Option<Result<T>>,
) -> Result<T> {
    match answer {
        Ok(w) => pick(w).unwrap_or_else(|| {
            Err(Error::Internal(format!(
                "{what} was answered as another write"
            )))
        }),
        Err(_) => Err(shutting_down()),
    }
}

async fn run(
    mut committer: Committer,
    bus: Arc<Bus>,
    tail: Arc<Tail>,
    mut rx: mpsc::Receiver<Job>,
    max_batch: usize,
) {
    let mut jobs = Vec::with_capacity(max_batch);
    while rx.recv_many(&mut jobs, max_batch).await > 0 {
        // One channel per shard hands jobs over in the order they were queued: the first is
        // the oldest.
        if let Some(oldest) = jobs.first() {
            crate::metrics::group_commit_wait(oldest.queued.elapsed());
        }
        let (writes, replies): (Vec<Write<'static>>, Vec<_>) =
            jobs.drain(..).map(|j| (j.write, j.reply)).unzip();
        commit_isolated(&mut committer, &bus, &tail, writes, replies).await;
    }
}

type Reply = oneshot::Sender<Written>;

/// Commits `writes` as one group. When the database refuses the group for any reason but being
/// unreachable, the group is split in halves and each half committed again, down to single
/// writes: a write the database refuses then fails alone, and every other write of the group is
/// committed and answered. Halves are committed in order, so a session's writes keep theirs.
async fn commit_isolated(
    committer: &mut Committer,
    bus: &Bus,
    tail: &Tail,
    writes: Vec<Write<'static>>,
    replies: Vec<Reply>,
) {
    // Last in, first out: the first half of a split group is committed before the second.
    let mut groups = vec![(writes, replies)];
    while let Some((mut writes, mut replies)) = groups.pop() {
        let started = std::time::Instant::now();
        let span = if crate::logging::spans_enabled() {
            commit_span(&writes)
        } else {
            tracing::Span::none()
        };
        let outcome =
            tracing::Instrument::instrument(committer.write_batch(&mut writes), span).await;
        let took = started.elapsed();
        tracing::debug!(
            writes = writes.len(),
            commit_ms = took.as_secs_f64() * 1e3,
            "group commit"
        );
        crate::metrics::group_commit(writes.len(), took, outcome.is_ok());
        match outcome {
            Ok(batch) => publish(bus, tail, &writes, batch, replies),
            Err(e) if writes.len() > 1 && e.code() != tonic::Code::Unavailable => {
                tracing::warn!(error = %e, writes = writes.len(), "group commit refused; committing its halves apart");
                let second = (
                    writes.split_off(writes.len() / 2),
                    replies.split_off(replies.len() / 2),
                );
                groups.push(second);
                groups.push((writes, replies));
            }
            Err(e) => refuse(e, &writes, replies),
        }
    }
}

/// The span of one group commit: how many writes, and the sessions they touch (the first few).
fn commit_span(writes: &[Write<'static>]) -> tracing::Span {
    const SHOWN: usize = 8;
    let mut sessions: Vec<Uuid> = writes.iter().map(Write::session).collect();
    sessions.sort_unstable();
    sessions.dedup();
    let mut shown: Vec<String> = sessions.iter().take(SHOWN).map(Uuid::to_string).collect();
    if sessions.len() > SHOWN {
        shown.push(format!("… {} more", sessions.len() - SHOWN));
    }
    tracing::info_span!(
        "group_commit",
        writes = writes.len(),
        sessions = sessions.len(),
        session_id = %shown.join(","),
    )
}

/// Puts a committed group's events into the tail, wakes the streams that must see them and
/// answers every write.
fn publish(
    bus: &Bus,
    tail: &Tail,
    writes: &[Write<'static>],
    batch: WrittenBatch,
    replies: Vec<Reply>,
) {
    // Into the tail before the signal, so that woken streams find them there.
    crate::metrics::events_committed(&batch.events);
    let mut by_session: HashMap<Uuid, Vec<pb::Event>> = HashMap::new();
    for e in batch.events {
        if let Ok(id) = e.session_id.parse() {
            by_session.entry(id).or_default().push(e);
        }
    }
    for (session, events) in &by_session {
        tail.record(*session, events);
    }
    let changes = || {
        writes
            .iter()
            .zip(&batch.results)
            .filter_map(|(w, r)| match r {
                Written::Change(Ok(c)) if !c.events.is_empty() => Some((w.session(), c)),
                _ => None,
            })
    };
    for (session, c) in changes() {
        tail.record_snapshot(session, &c.session);
    }
    // Wake each session once, and every session a write touched: a duplicate message's
    // original wake-up may have been lost with a replica that died between its commit and its
    // signal.
    let mut woken: Vec<Uuid> = writes
        .iter()
        .zip(&batch.results)
        .filter(|(_, r)| match r {
            Written::Message(r) => r.is_ok(),
            Written::Change(r) => r.as_ref().is_ok_and(|c| !c.events.is_empty()),
            Written::Ack(_) => false,
        })
        .map(|(w, _)| w.session())
        .collect();
    woken.sort_unstable();
    woken.dedup();
    for session in woken {
        bus.publish(Signal::Session(session));
    }
    for (session, c) in changes() {
        announce_memberships(bus, session, c);
    }
    for (reply, result) in replies.into_iter().zip(batch.results) {
        let _ = reply.send(result);
    }
}

/// Answers every write of a group that was not stored: each caller may retry (messages with
/// their keys).
fn refuse(e: Error, writes: &[Write<'static>], replies: Vec<Reply>) {
    if writes.iter().any(|w| matches!(w, Write::Ack { .. })) {
        tracing::warn!(error = %e, "could not record acknowledgements");
    }
    for (reply, write) in replies.into_iter().zip(writes) {
        let _ = reply.send(refused(write, &e));
    }
}

/// Hands the streams here each membership move `c` committed (the rows it wrote, as moves), and
/// tells the other replicas that those terminals' memberships changed (they re-read them).
pub(crate) fn announce_memberships(bus: &Bus, session: Uuid, c: &Committed) {
    for terminal in &c.membership_changed {
        bus.membership_moved(*terminal, moved(session, &c.session, *terminal));
        bus.relay(Signal::Memberships(*terminal));
    }
}

/// The membership row of `terminal` that the change leaving `session` wrote (see the store's
/// membership sync): its part's start while it takes part, else its departure at the change.
fn moved(id: Uuid, session: &pb::Session, terminal: Uuid) -> Move {
    let t = terminal.to_string();
    match session.participants.iter().find(|p| p.terminal_id == t) {
        Some(p) => Move {
            session: id,
            joined_seq: Some(p.joined_seq),
            left_seq: None,
        },
        None => Move {
            session: id,
            joined_seq: None,
            left_seq: Some(session.last_seq),
        },
    }
}
