//! Group commit of messages: appends from every session are gathered into one transaction, and
//! each sender is answered only after that transaction committed.
//!
//! One task per shard takes everything queued while its previous commit was in flight, so under
//! load a commit carries many messages and at low load a message waits for nothing but its own
//! commit. Sessions are assigned to shards by id, so a session's messages are ordered by one
//! queue, and shards never contend for the same session rows.

use std::collections::HashMap;
use std::sync::Arc;

use tokio::sync::{mpsc, oneshot};
use uuid::Uuid;

use crate::bus::{Bus, Signal};
use crate::error::{Error, Result};
use crate::pb;
use crate::store::{Appended, NewMessage, Store};
use crate::tail::Tail;

struct Job {
    message: NewMessage,
    reply: oneshot::Sender<Result<Appended>>,
}

pub struct MessageWriter {
    shards: Vec<mpsc::Sender<Job>>,
}

impl MessageWriter {
    /// Starts `shards` writer tasks, each committing at most `max_batch` messages at a time.
    pub fn start(
        store: Arc<dyn Store>,
        bus: Arc<Bus>,
        tail: Arc<Tail>,
        shards: usize,
        max_batch: usize,
    ) -> MessageWriter {
        let shards = (0..shards.max(1))
            .map(|_| {
                let (tx, rx) = mpsc::channel(max_batch * 4);
                tokio::spawn(run(
                    store.clone(),
                    bus.clone(),
                    tail.clone(),
                    rx,
                    max_batch.max(1),
                ));
                tx
            })
            .collect();
        MessageWriter { shards }
    }

    /// Appends one message; returns once it is committed (or refused).
    pub async fn append(&self, message: NewMessage) -> Result<Appended> {
        self.submit(message).await?.await
    }

    /// Queues one message and returns what will answer it once committed. Messages of one
    /// session submitted one after another are stored in that order, so a stream may keep many
    /// in flight and still have them sequenced as sent.
    pub async fn submit(&self, message: NewMessage) -> Result<Pending> {
        let shard = (message.session.as_u128() % self.shards.len() as u128) as usize;
        let (reply, answer) = oneshot::channel();
        self.shards[shard]
            .send(Job { message, reply })
            .await
            .map_err(|_| shutting_down())?;
        Ok(Pending(answer))
    }
}

fn shutting_down() -> Error {
    Error::Unavailable("the server is shutting down".into())
}

/// The answer to a submitted message: its sequence number once committed, or why it was not.
pub struct Pending(oneshot::Receiver<Result<Appended>>);

impl std::future::Future for Pending {
    type Output = Result<Appended>;

    fn poll(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Self::Output> {
        std::pin::Pin::new(&mut self.0)
            .poll(cx)
            .map(|r| r.unwrap_or_else(|_| Err(shutting_down())))
    }
}

async fn run(
    store: Arc<dyn Store>,
    bus: Arc<Bus>,
    tail: Arc<Tail>,
    mut rx: mpsc::Receiver<Job>,
    max_batch: usize,
) {
    let mut jobs = Vec::with_capacity(max_batch);
    while rx.recv_many(&mut jobs, max_batch).await > 0 {
        let (messages, replies): (Vec<NewMessage>, Vec<_>) =
            jobs.drain(..).map(|j| (j.message, j.reply)).unzip();
        let started = std::time::Instant::now();
        let outcome = store.append_messages(&messages).await;
        tracing::debug!(
            messages = messages.len(),
            commit_ms = started.elapsed().as_secs_f64() * 1e3,
            "group commit"
        );
        match outcome {
            Ok(batch) => {
                // Into the tail before the signal, so that woken streams find them there.
                let mut by_session: HashMap<Uuid, Vec<pb::Event>> = HashMap::new();
                for e in batch.events {
                    if let Ok(id) = e.session_id.parse() {
                        by_session.entry(id).or_default().push(e);
                    }
                }
                for (session, events) in &by_session {
                    tail.record(*session, events);
                }
                // Wake each session once. Duplicates too: the original's wake-up may have been
                // lost with a replica that died between its commit and its signal.
                let mut woken: Vec<Uuid> = messages
                    .iter()
                    .zip(&batch.results)
                    .filter(|(_, r)| r.is_ok())
                    .map(|(m, _)| m.session)
                    .collect();
                woken.sort_unstable();
                woken.dedup();
                for session in woken {
                    bus.publish(Signal::Session(session));
                }
                for (reply, result) in replies.into_iter().zip(batch.results) {
                    let _ = reply.send(result);
                }
            }
            Err(e) => {
                // Nothing of the batch was stored; every sender may retry (with its key).
                let (code, message) = (e.code(), e.public_message());
                for reply in replies {
                    let _ = reply.send(Err(match code {
                        tonic::Code::Unavailable => Error::Unavailable(message.clone()),
                        _ => Error::Internal(message.clone()),
                    }));
                }
            }
        }
    }
}
