//! Cross-replica wake-ups over Postgres LISTEN/NOTIFY.
//!
//! Signals only: the events themselves are always read from the log by sequence number, so a
//! coalesced, late or lost notification costs latency, never data. Three mechanisms:
//! - the sender gathers this replica's signals and sends them as a few NOTIFYs, outside the
//!   transactions that committed the changes (one NOTIFY per message transaction would serialize
//!   every commit on Postgres's notification-queue lock);
//! - the listener turns other replicas' notifications into local wake-ups; after its connection
//!   is re-established it wakes every local stream, since notifications may have been missed;
//! - the catch-up poll re-signals sessions changed in the last few intervals (and retires cached
//!   tokens if a token was rotated then), covering a replica killed between its commit and its
//!   NOTIFY.
//!
//! Each of them first makes the local [`Tail`] forget what it signals, so that woken streams read
//! the log, which holds the other replica's commit (see `crate::tail`).

use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::time::Duration;

use sqlx::postgres::{PgListener, PgPoolOptions};
use tokio::sync::{mpsc, watch};
use tokio::task::JoinHandle;
use uuid::Uuid;

use super::{Bus, Signal};
use crate::domain;
use crate::store::Store;
use crate::tail::Tail;

const CHANNEL: &str = "handoff_signals";
/// Postgres refuses NOTIFY payloads of 8000 bytes or more.
const MAX_PAYLOAD: usize = 7000;

/// Starts the relay's tasks; they stop when `shutdown` turns true.
pub fn start(
    bus: Arc<Bus>,
    tail: Arc<Tail>,
    store: Arc<dyn Store>,
    database_url: &str,
    replica: Uuid,
    catch_up_interval: Duration,
    shutdown: watch::Receiver<bool>,
) -> Vec<JoinHandle<()>> {
    let (tx, rx) = mpsc::unbounded_channel();
    bus.relay_to(tx);
    vec![
        tokio::spawn(send(database_url.to_owned(), replica, rx, shutdown.clone())),
        tokio::spawn(listen(
            bus.clone(),
            tail.clone(),
            database_url.to_owned(),
            replica,
            shutdown.clone(),
        )),
        tokio::spawn(catch_up(bus, tail, store, catch_up_interval, shutdown)),
    ]
}

fn encode(replica: Uuid, signals: &HashSet<Signal>) -> Vec<String> {
    let mut payloads = Vec::new();
    let mut current = replica.to_string();
    for signal in signals {
        let item = match signal {
            Signal::Session(s) => format!("s{s}"),
            Signal::Memberships(t) => format!("t{t}"),
            Signal::Credentials(t) => format!("c{t}"),
            Signal::Limits(t) => format!("l{t}"),
            Signal::Routing(t) => format!("r{t}"),
            Signal::GroupRouting(t) => format!("g{t}"),
        };
        if current.len() + 1 + item.len() > MAX_PAYLOAD {
            payloads.push(std::mem::replace(&mut current, replica.to_string()));
        }
        current.push(',');
        current.push_str(&item);
    }
    payloads.push(current);
    payloads
}

fn decode(payload: &str) -> Option<(Uuid, Vec<Signal>)> {
    let mut parts = payload.split(',');
    let replica = parts.next()?.parse().ok()?;
    let signals = parts
        .filter_map(|p| {
            let (kind, id) = p.split_at_checked(1)?;
            let id = id.parse().ok()?;
            match kind {
                "s" => Some(Signal::Session(id)),
                "t" => Some(Signal::Memberships(id)),
                "c" => Some(Signal::Credentials(id)),
                "l" => Some(Signal::Limits(id)),
                "r" => Some(Signal::Routing(id)),
                "g" => Some(Signal::GroupRouting(id)),
                _ => None,
            }
        })
        .collect();
    Some((replica, signals))
}

async fn stopped(shutdown: &mut watch::Receiver<bool>) {
    let _ = shutdown.wait_for(|stop| *stop).await;
}

/// Gathers signals and NOTIFYs them; while a NOTIFY is in flight new signals accumulate, so a
/// burst becomes a few notifications. A failed NOTIFY is retried: nothing is dropped.
async fn send(
    url: String,
    replica: Uuid,
    mut rx: mpsc::UnboundedReceiver<Signal>,
    mut shutdown: watch::Receiver<bool>,
) {
    let pool = PgPoolOptions::new()
        .max_connections(1)
        .acquire_timeout(Duration::from_secs(5))
        .connect_lazy(&url);
    let pool = match pool {
        Ok(p) => p,
        Err(e) => {
            tracing::error!(error = %e, "cannot create the NOTIFY pool; other replicas rely on catch-up polling");
            return;
        }
    };
    let mut pending = HashSet::new();
    loop {
        if pending.is_empty() {
            tokio::select! {
                got = rx.recv() => match got {
                    Some(s) => { pending.insert(s); }
                    None => return,
                },
                _ = stopped(&mut shutdown) => return,
            }
        }
        while let Ok(s) = rx.try_recv() {
            pending.insert(s);
        }
        let mut ok = true;
        for payload in encode(replica, &pending) {
            if let Err(e) = sqlx::query("SELECT pg_notify($1, $2)")
                .bind(CHANNEL)
                .bind(&payload)
                .execute(&pool)
                .await
            {
                tracing::warn!(error = %e, "NOTIFY failed; retrying");
                ok = false;
                break;
            }
            crate::metrics::notify_sent();
        }
        if ok {
            pending.clear();
        } else {
            tokio::select! {
                _ = tokio::time::sleep(Duration::from_millis(250)) => {}
                _ = stopped(&mut shutdown) => return,
            }
        }
    }
}

/// Turns other replicas' notifications into local wake-ups.
async fn listen(
    bus: Arc<Bus>,
    tail: Arc<Tail>,
    url: String,
    replica: Uuid,
    mut shutdown: watch::Receiver<bool>,
) {
    loop {
        let listener = async {
            let mut l = PgListener::connect(&url).await?;
            l.listen(CHANNEL).await?;
            Ok::<_, sqlx::Error>(l)
        };
        let mut listener = tokio::select! {
            l = listener => match l {
                Ok(l) => l,
                Err(e) => {
                    tracing::warn!(error = %e, "LISTEN failed; retrying");
                    tokio::select! {
                        _ = tokio::time::sleep(Duration::from_millis(500)) => continue,
                        _ = stopped(&mut shutdown) => return,
                    }
                }
            },
            _ = stopped(&mut shutdown) => return,
        };
        // Anything may have happened while we were not listening.
        tail.forget_all();
        bus.wake_all();
        loop {
            let next = tokio::select! {
                n = listener.try_recv() => n,
                _ = stopped(&mut shutdown) => return,
            };
            match next {
                Ok(Some(n)) => match decode(n.payload()) {
                    Some((from, _)) if from == replica => {}
                    Some((_, signals)) => {
                        crate::metrics::notify_received();
                        for s in signals {
                            match s {
                                Signal::Session(id) => {
                                    // Committed there: this replica's tail may end short of it.
                                    tail.forget(id);
                                    bus.session_changed(id);
                                }
                                Signal::Memberships(t) => bus.memberships_changed(t),
                                Signal::Credentials(_) => bus.credentials_changed(),
                                Signal::Limits(_) => bus.limits_changed(),
                                Signal::Routing(_) => bus.routing_changed(),
                                Signal::GroupRouting(_) => bus.group_routing_changed(),
                            }
                        }
                    }
                    None => tracing::warn!(payload = n.payload(), "unreadable notification"),
                },
                // The connection dropped (sqlx reconnects on the next call): notifications sent
                // meanwhile are gone, so everyone catches up from the log.
                Ok(None) => {
                    tracing::warn!("LISTEN connection lost; waking every stream to catch up");
                    tail.forget_all();
                    bus.wake_all();
                }
                Err(e) => {
                    tracing::warn!(error = %e, "LISTEN failed; reconnecting");
                    break;
                }
            }
        }
    }
}

/// Re-signals sessions changed recently, with a window wide enough for clock skew between
/// replicas and a missed poll.
async fn catch_up(
    bus: Arc<Bus>,
    tail: Arc<Tail>,
    store: Arc<dyn Store>,
    interval: Duration,
    mut shutdown: watch::Receiver<bool>,
) {
    let window = (interval * 3).as_millis() as i64 + 2_000 + crate::store::CHANGE_MARK_MS;
    // The end of each session's log at the previous poll, for the sessions it found.
    let mut seen: HashMap<Uuid, u64> = HashMap::new();
    let mut tick = tokio::time::interval(interval);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tokio::select! {
            _ = tick.tick() => {}
            _ = stopped(&mut shutdown) => return,
        }
        match store.changed_since(domain::now_millis() - window).await {
            Ok(changes) => {
                let mut resignalled = 0;
                let mut now_seen = HashMap::with_capacity(changes.sessions.len());
                for s in changes.sessions {
                    // Skipped when everything since the previous poll (or since the start of
                    // the log, for a session new to the window) was committed and signalled
                    // here: re-signalling it made every member reload and re-read, once a
                    // second, and emptied the tail of every busy session.
                    let before = seen.get(&s.id).copied().unwrap_or(0);
                    now_seen.insert(s.id, s.last_seq);
                    if before == s.last_seq || tail.holds(s.id, before, s.last_seq) {
                        continue;
                    }
                    tail.forget(s.id);
                    bus.session_changed(s.id);
                    resignalled += 1;
                    for t in s.members {
                        bus.memberships_changed(t);
                    }
                }
                seen = now_seen;
                crate::metrics::catch_up_poll(resignalled);
                if changes.credentials {
                    bus.credentials_changed();
                }
            }
            Err(e) => tracing::warn!(error = %e, "catch-up poll failed; retrying"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn payloads_round_trip_and_stay_under_the_limit() {
        let replica = Uuid::new_v4();
        let signals: HashSet<Signal> = (0..500)
            .map(|i| match i % 6 {
                0 => Signal::Session(Uuid::new_v4()),
                1 => Signal::Memberships(Uuid::new_v4()),
                2 => Signal::Credentials(Uuid::new_v4()),
                3 => Signal::Limits(Uuid::new_v4()),
                4 => Signal::Routing(Uuid::new_v4()),
                _ => Signal::GroupRouting(Uuid::new_v4()),
            })
            .collect();
        let payloads = encode(replica, &signals);
        assert!(payloads.len() > 1);
        let mut back = HashSet::new();
        for p in &payloads {
            assert!(p.len() < 8000);
            let (from, s) = decode(p).unwrap();
            assert_eq!(from, replica);
            back.extend(s);
        }
        assert_eq!(back, signals);
    }
}
