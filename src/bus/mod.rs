//! Wake-ups for streams: "session S has new events", "terminal T's memberships changed", and
//! "some terminal's credentials changed" (which retires the token cache of [`crate::auth`]).
//!
//! The bus carries signals only, never events: a woken stream reads the log from its cursor. So a
//! coalesced or missed wake-up delays delivery but cannot lose or reorder anything, and a signal
//! from another replica (a later Postgres LISTEN/NOTIFY relay) can call the same two methods.
//! It also tells who is attached to this process, for Connect's presence check.
//!
//! [`postgres`] relays the same signals between replicas sharing one Postgres.

pub mod postgres;

use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use tokio::sync::{Notify, mpsc};
use uuid::Uuid;

/// A change another replica must hear of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Signal {
    Session(Uuid),
    Memberships(Uuid),
    /// A terminal's token was rotated: every cached token lookup is retired.
    Credentials(Uuid),
    /// A terminal's rate limits were set: every replica reloads the limits set by administrators.
    Limits(Uuid),
    /// Something routing depends on changed (a status, a seat given up, a transfer waiting, a
    /// group's routing; the id is the replica that saw it): every replica runs its queue engine.
    Routing(Uuid),
    /// A group's routing was set (the id is the replica that set it): every replica reads the
    /// groups' routing again before its next decision.
    GroupRouting(Uuid),
}

/// A terminal's membership of one session as a commit on this replica left it. A stream applies
/// it as it comes instead of re-reading all of the terminal's memberships (a transfer moves three
/// terminals' memberships, four times); other replicas hear [`Signal::Memberships`] and re-read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Move {
    pub session: Uuid,
    /// Set while the terminal takes part: where its current part began.
    pub joined_seq: Option<u64>,
    /// Set when it left: the last sequence number it is shown.
    pub left_seq: Option<u64>,
}

impl Move {
    /// The sequence number at which the membership became what this says: later moves of one
    /// session carry larger ones, so a stream can drop a move older than what it knows.
    pub fn as_of(&self) -> u64 {
        self.left_seq.or(self.joined_seq).unwrap_or(0)
    }
}

/// One waiting stream (or Connect call): what changed since it last looked, and a wake-up.
#[derive(Default)]
pub struct Inbox {
    notify: Notify,
    dirty_sessions: Mutex<HashSet<Uuid>>,
    memberships_changed: AtomicBool,
    moves: Mutex<Vec<Move>>,
}

impl Inbox {
    /// Waits until something is signalled (returns at once if something already was).
    pub async fn wait(&self) {
        self.notify.notified().await;
    }

    /// Takes the set of sessions signalled since the last call.
    pub fn take_dirty(&self) -> HashSet<Uuid> {
        std::mem::take(&mut *lock(&self.dirty_sessions))
    }

    /// Whether the terminal's memberships changed since the last call.
    pub fn take_memberships_changed(&self) -> bool {
        self.memberships_changed.swap(false, Ordering::AcqRel)
    }

    /// The membership moves signalled since the last call, in commit order per session.
    pub fn take_moves(&self) -> Vec<Move> {
        std::mem::take(&mut *lock(&self.moves))
    }
}

#[derive(Default)]
struct Registry {
    by_session: HashMap<Uuid, HashMap<u64, Arc<Inbox>>>,
    by_terminal: HashMap<Uuid, HashMap<u64, Arc<Inbox>>>,
}

#[derive(Default)]
pub struct Bus {
    registry: Mutex<Registry>,
    next_id: AtomicU64,
    /// Where signals for other replicas go (set when a relay runs).
    remote: Mutex<Option<mpsc::UnboundedSender<Signal>>>,
    /// Moves whenever credentials may have changed; see [`crate::auth`].
    credentials_epoch: AtomicU64,
    /// Moves whenever a group's routing may have changed; see [`crate::router`].
    group_routing_epoch: AtomicU64,
    /// Wakes the task that reloads the rate limits set by administrators; see [`crate::limits`].
    limits_changed: tokio::sync::Notify,
    /// Wakes the queue engine; see [`crate::router`].
    routing_changed: tokio::sync::Notify,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panic while holding this lock cannot leave the maps inconsistent (single inserts and
    // removals), so a poisoned lock is safe to keep using.
    m.lock().unwrap_or_else(|p| p.into_inner())
}

impl Bus {
    pub fn new() -> Arc<Bus> {
        Arc::new(Bus::default())
    }

    /// Registers a new inbox for `terminal` (None for a Connect call waiting on one session).
    /// The registration ends when the returned handle is dropped.
    pub fn subscribe(self: &Arc<Self>, terminal: Option<Uuid>) -> Subscription {
        let id = self.next_id.fetch_add(1, Ordering::Relaxed);
        let inbox = Arc::new(Inbox::default());
        if let Some(t) = terminal {
            lock(&self.registry)
                .by_terminal
                .entry(t)
                .or_default()
                .insert(id, inbox.clone());
        }
        Subscription {
            bus: self.clone(),
            id,
            terminal,
            sessions: HashSet::new(),
            inbox,
        }
    }

    /// Sends every later `publish` to other replicas too.
    pub fn relay_to(&self, remote: mpsc::UnboundedSender<Signal>) {
        *lock(&self.remote) = Some(remote);
    }

    /// A change committed here: wakes local inboxes and, through the relay, other replicas'.
    pub fn publish(&self, signal: Signal) {
        match signal {
            Signal::Session(s) => self.session_changed(s),
            Signal::Memberships(t) => self.memberships_changed(t),
            Signal::Credentials(_) => self.credentials_changed(),
            Signal::Limits(_) => self.limits_changed(),
            Signal::Routing(_) => self.routing_changed(),
            Signal::GroupRouting(_) => self.group_routing_changed(),
        }
        if let Some(remote) = lock(&self.remote).as_ref() {
            let _ = remote.send(signal);
        }
    }

    /// Tells other replicas only (this one heard of the change in finer detail).
    pub fn relay(&self, signal: Signal) {
        if let Some(remote) = lock(&self.remote).as_ref() {
            let _ = remote.send(signal);
        }
    }

    /// Hands every stream of `terminal` a membership move committed here.
    pub fn membership_moved(&self, terminal: Uuid, m: Move) {
        let registry = lock(&self.registry);
        if let Some(inboxes) = registry.by_terminal.get(&terminal) {
            for inbox in inboxes.values() {
                lock(&inbox.moves).push(m);
                inbox.notify.notify_one();
            }
        }
    }

    /// Wakes every inbox as if everything had changed: after signals may have been lost.
    pub fn wake_all(&self) {
        self.credentials_changed();
        self.group_routing_changed();
        self.limits_changed();
        let registry = lock(&self.registry);
        for (session, inboxes) in &registry.by_session {
            for inbox in inboxes.values() {
                lock(&inbox.dirty_sessions).insert(*session);
                inbox.notify.notify_one();
            }
        }
        for inboxes in registry.by_terminal.values() {
            for inbox in inboxes.values() {
                inbox.memberships_changed.store(true, Ordering::Release);
                inbox.notify.notify_one();
            }
        }
    }

    /// The terminals with a stream attached to this process.
    pub fn attached_terminals(&self) -> Vec<Uuid> {
        lock(&self.registry).by_terminal.keys().copied().collect()
    }

    /// Signals every inbox following `session` (a change here or on another replica).
    pub fn session_changed(&self, session: Uuid) {
        let registry = lock(&self.registry);
        if let Some(inboxes) = registry.by_session.get(&session) {
            for inbox in inboxes.values() {
                lock(&inbox.dirty_sessions).insert(session);
                inbox.notify.notify_one();
            }
        }
    }

    /// Signals every stream of `terminal` that its memberships changed.
    pub fn memberships_changed(&self, terminal: Uuid) {
        let registry = lock(&self.registry);
        if let Some(inboxes) = registry.by_terminal.get(&terminal) {
            for inbox in inboxes.values() {
                inbox.memberships_changed.store(true, Ordering::Release);
                inbox.notify.notify_one();
            }
        }
    }

    /// Some terminal's credentials changed (here, on another replica, or perhaps while signals
    /// were lost): cached token lookups filled before now must not be served.
    pub fn credentials_changed(&self) {
        self.credentials_epoch.fetch_add(1, Ordering::AcqRel);
    }

    /// Some group's routing changed (here, elsewhere, or perhaps while signals were lost); the
    /// queue engine wakes to apply it.
    pub fn group_routing_changed(&self) {
        self.group_routing_epoch.fetch_add(1, Ordering::AcqRel);
        self.routing_changed();
    }

    /// The current group-routing epoch.
    pub fn group_routing_epoch(&self) -> u64 {
        self.group_routing_epoch.load(Ordering::Acquire)
    }

    /// Some terminal's rate limits changed (here, elsewhere, or perhaps while signals were lost).
    pub fn limits_changed(&self) {
        // One waiter, the reload task; a permit stored while it is busy makes it reload again.
        self.limits_changed.notify_one();
    }

    /// Wakes the queue engine (one waiter; a permit stored while it runs makes it run again).
    pub fn routing_changed(&self) {
        self.routing_changed.notify_one();
    }

    /// Resolves after the next [`Bus::routing_changed`] (at once if one came since the last wait).
    pub async fn next_routing_change(&self) {
        self.routing_changed.notified().await
    }

    /// Resolves after the next [`Bus::limits_changed`] (at once if one came since the last wait).
    pub async fn next_limits_change(&self) {
        self.limits_changed.notified().await
    }

    /// The current credentials epoch.
    pub fn credentials_epoch(&self) -> u64 {
        self.credentials_epoch.load(Ordering::Acquire)
    }

    /// Whether `terminal` has a stream attached to this process.
    pub fn is_attached(&self, terminal: Uuid) -> bool {
        lock(&self.registry)
            .by_terminal
            .get(&terminal)
            .is_some_and(|m| !m.is_empty())
    }
}

/// A registered inbox; unregisters itself when dropped.
pub struct Subscription {
    bus: Arc<Bus>,
    id: u64,
    terminal: Option<Uuid>,
    sessions: HashSet<Uuid>,
    inbox: Arc<Inbox>,
}

impl Subscription {
    pub fn inbox(&self) -> &Inbox {
        &self.inbox
    }

    /// Starts signalling this inbox for `session`. Follow before reading the log, so that nothing
    /// committed between the read and the registration goes unsignalled.
    pub fn follow(&mut self, session: Uuid) {
        if self.sessions.insert(session) {
            lock(&self.bus.registry)
                .by_session
                .entry(session)
                .or_default()
                .insert(self.id, self.inbox.clone());
        }
    }

    pub fn unfollow(&mut self, session: Uuid) {
        if self.sessions.remove(&session) {
            let mut registry = lock(&self.bus.registry);
            if let Some(m) = registry.by_session.get_mut(&session) {
                m.remove(&self.id);
                if m.is_empty() {
                    registry.by_session.remove(&session);
                }
            }
        }
    }
}

impl Drop for Subscription {
    fn drop(&mut self) {
        let mut registry = lock(&self.bus.registry);
        for s in self.sessions.drain() {
            if let Some(m) = registry.by_session.get_mut(&s) {
                m.remove(&self.id);
                if m.is_empty() {
                    registry.by_session.remove(&s);
                }
            }
        }
        if let Some(t) = self.terminal
            && let Some(m) = registry.by_terminal.get_mut(&t)
        {
            m.remove(&self.id);
            if m.is_empty() {
                registry.by_terminal.remove(&t);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn signals_reach_followers_and_stop_after_drop() {
        let bus = Bus::new();
        let t = Uuid::new_v4();
        let s = Uuid::new_v4();
        let mut sub = bus.subscribe(Some(t));
        assert!(bus.is_attached(t));
        sub.follow(s);
        bus.session_changed(s);
        sub.inbox().wait().await;
        assert_eq!(sub.inbox().take_dirty(), HashSet::from([s]));
        bus.memberships_changed(t);
        sub.inbox().wait().await;
        assert!(sub.inbox().take_memberships_changed());
        drop(sub);
        assert!(!bus.is_attached(t));
        assert!(lock(&bus.registry).by_session.is_empty());
    }
}
