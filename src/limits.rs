//! Per-terminal rate limits: messages per second (unary calls and Attach stream commands draw
//! from one budget), Connect attempts per second, and concurrent Attach streams. A refused call
//! gets RESOURCE_EXHAUSTED with a RetryInfo saying when to try again.
//!
//! The flags set the defaults; an administrator can set any of them for one terminal
//! (`SetTerminalLimits`), stored in the database. Every replica keeps those in memory: it loads
//! them at start, reloads them when one is set (here, or on another replica: the bus relays the
//! news), after the bus may have lost signals, and once a minute in any case.
//!
//! The limits are per replica: with several replicas behind a balancer a terminal's budget is
//! this many per replica it reaches. Every limit is off unless configured.

use std::collections::HashMap;
use std::num::NonZeroU32;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;

use clap::Args;
use governor::clock::{Clock, DefaultClock, QuantaInstant};
use governor::{DefaultDirectRateLimiter, DefaultKeyedRateLimiter, NotUntil, Quota};
use uuid::Uuid;

use crate::error::{Error, Result};

#[derive(Debug, Clone, Copy, Default, Args)]
pub struct RateArgs {
    /// Messages one terminal may send per second, as calls and stream commands together
    /// (0: no limit).
    #[arg(long, env = "HANDOFF_RATE_MESSAGES_PER_SECOND", default_value_t = 0)]
    pub rate_messages_per_second: u32,
    /// Messages a terminal may send at once beyond its rate (default: one second's worth).
    #[arg(long, env = "HANDOFF_RATE_MESSAGES_BURST")]
    pub rate_messages_burst: Option<u32>,
    /// Connect attempts one terminal may make per second (0: no limit).
    #[arg(long, env = "HANDOFF_RATE_CONNECTS_PER_SECOND", default_value_t = 0)]
    pub rate_connects_per_second: u32,
    /// Connect attempts a terminal may make at once beyond its rate (default: one second's worth).
    #[arg(long, env = "HANDOFF_RATE_CONNECTS_BURST")]
    pub rate_connects_burst: Option<u32>,
    /// Attach streams one terminal may hold open on this replica at once (0: no limit).
    #[arg(long, env = "HANDOFF_MAX_ATTACH_STREAMS", default_value_t = 0)]
    pub max_attach_streams: u32,
}

/// Limits an administrator set for one terminal. `None` takes the server's default; for a rate
/// or the stream count, `Some(0)` means no limit. A burst is at least 1.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TerminalLimits {
    pub messages_per_second: Option<u32>,
    pub messages_burst: Option<u32>,
    pub connects_per_second: Option<u32>,
    pub connects_burst: Option<u32>,
    pub max_attach_streams: Option<u32>,
}

impl TerminalLimits {
    /// Nothing set: the terminal has the defaults.
    pub fn is_empty(&self) -> bool {
        *self == TerminalLimits::default()
    }

    /// The limits in force for a terminal with these set, given the defaults: every field set,
    /// 0 meaning no limit (and a burst of 0 going with a rate of 0).
    pub fn in_force(&self, defaults: &RateArgs) -> TerminalLimits {
        let (messages, messages_burst) = rate(
            self.messages_per_second,
            self.messages_burst,
            defaults.rate_messages_per_second,
            defaults.rate_messages_burst,
        );
        let (connects, connects_burst) = rate(
            self.connects_per_second,
            self.connects_burst,
            defaults.rate_connects_per_second,
            defaults.rate_connects_burst,
        );
        TerminalLimits {
            messages_per_second: Some(messages),
            messages_burst: Some(messages_burst),
            connects_per_second: Some(connects),
            connects_burst: Some(connects_burst),
            max_attach_streams: Some(
                self.max_attach_streams
                    .unwrap_or(defaults.max_attach_streams),
            ),
        }
    }
}

/// One rate and its burst in force: a rate set here brings its own default burst (one second's
/// worth), so that a terminal given a higher rate is not held to the server's smaller burst.
fn rate(
    own: Option<u32>,
    own_burst: Option<u32>,
    default: u32,
    default_burst: Option<u32>,
) -> (u32, u32) {
    let per_second = own.unwrap_or(default);
    if per_second == 0 {
        return (0, 0);
    }
    let burst = match (own_burst, own) {
        (Some(b), _) => b,
        (None, Some(_)) => per_second,
        (None, None) => default_burst.unwrap_or(per_second),
    };
    (per_second, burst.max(1))
}

/// How long a terminal refused a stream because it holds too many is told to wait.
const STREAM_RETRY: Duration = Duration::from_secs(1);

/// The limits in force, shared by every handler.
pub struct RateLimits {
    defaults: RateArgs,
    messages: Option<DefaultKeyedRateLimiter<Uuid>>,
    connects: Option<DefaultKeyedRateLimiter<Uuid>>,
    max_streams: Option<NonZeroU32>,
    /// Terminals with limits of their own, and their limiters.
    own: RwLock<HashMap<Uuid, Arc<Own>>>,
    /// Whether `own` has any entry: most servers have none, and then a check takes no lock.
    any_own: AtomicBool,
    /// Attach streams open per terminal (only terminals with one open have an entry).
    streams: Mutex<HashMap<Uuid, u32>>,
    clock: DefaultClock,
}

/// The limiters of a terminal with limits of its own.
struct Own {
    set: TerminalLimits,
    messages: Budget,
    connects: Budget,
    max_streams: Option<NonZeroU32>,
}

/// Where a terminal's calls of one kind draw from.
enum Budget {
    /// The budget every terminal without limits of its own has (keyed by terminal).
    Default,
    /// Its own rate, or none at all.
    Own(Option<DefaultDirectRateLimiter>),
}

impl Budget {
    fn new(
        own: Option<u32>,
        own_burst: Option<u32>,
        default: u32,
        default_burst: Option<u32>,
    ) -> Budget {
        if own.is_none() && own_burst.is_none() {
            return Budget::Default;
        }
        let (per_second, burst) = rate(own, own_burst, default, default_burst);
        Budget::Own(quota(per_second, Some(burst)).map(DefaultDirectRateLimiter::direct))
    }
}

impl Own {
    fn new(set: TerminalLimits, defaults: &RateArgs) -> Own {
        Own {
            set,
            messages: Budget::new(
                set.messages_per_second,
                set.messages_burst,
                defaults.rate_messages_per_second,
                defaults.rate_messages_burst,
            ),
            connects: Budget::new(
                set.connects_per_second,
                set.connects_burst,
                defaults.rate_connects_per_second,
                defaults.rate_connects_burst,
            ),
            max_streams: NonZeroU32::new(
                set.max_attach_streams
                    .unwrap_or(defaults.max_attach_streams),
            ),
        }
    }
}

fn quota(per_second: u32, burst: Option<u32>) -> Option<Quota> {
    let rate = NonZeroU32::new(per_second)?;
    let burst = burst.and_then(NonZeroU32::new).unwrap_or(rate);
    Some(Quota::per_second(rate).allow_burst(burst))
}

#[derive(Clone, Copy)]
enum Kind {
    Messages,
    Connects,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Messages => "messages",
            Kind::Connects => "connects",
        }
    }
}

impl RateLimits {
    pub fn new(args: &RateArgs) -> RateLimits {
        let keyed = |q: Option<Quota>| q.map(DefaultKeyedRateLimiter::keyed);
        RateLimits {
            defaults: *args,
            messages: keyed(quota(
                args.rate_messages_per_second,
                args.rate_messages_burst,
            )),
            connects: keyed(quota(
                args.rate_connects_per_second,
                args.rate_connects_burst,
            )),
            max_streams: NonZeroU32::new(args.max_attach_streams),
            own: RwLock::new(HashMap::new()),
            any_own: AtomicBool::new(false),
            streams: Mutex::new(HashMap::new()),
            clock: DefaultClock::default(),
        }
    }

    /// Takes one message from `terminal`'s budget.
    pub fn message(&self, terminal: Uuid) -> Result<()> {
        self.take(Kind::Messages, terminal)
    }

    /// Takes one Connect attempt from `terminal`'s budget.
    pub fn connect(&self, terminal: Uuid) -> Result<()> {
        self.take(Kind::Connects, terminal)
    }

    fn take(&self, kind: Kind, terminal: Uuid) -> Result<()> {
        let checked = if self.any_own.load(Ordering::Acquire) {
            let own = read(&self.own);
            match own.get(&terminal).map(|o| match kind {
                Kind::Messages => &o.messages,
                Kind::Connects => &o.connects,
            }) {
                Some(Budget::Own(None)) => Ok(()),
                Some(Budget::Own(Some(limiter))) => limiter.check(),
                Some(Budget::Default) | None => self.take_default(kind, terminal),
            }
        } else {
            self.take_default(kind, terminal)
        };
        checked.map_err(|not_until| {
            crate::metrics::rate_limited(kind.name());
            Error::RateLimited {
                what: kind.name(),
                retry_after: not_until.wait_time_from(self.clock.now()),
            }
        })
    }

    fn take_default(
        &self,
        kind: Kind,
        terminal: Uuid,
    ) -> std::result::Result<(), NotUntil<QuantaInstant>> {
        let limiter = match kind {
            Kind::Messages => self.messages.as_ref(),
            Kind::Connects => self.connects.as_ref(),
        };
        match limiter {
            Some(limiter) => limiter.check_key(&terminal),
            None => Ok(()),
        }
    }

    /// Counts one more Attach stream of `terminal` until the permit is dropped.
    pub fn attach(self: &Arc<Self>, terminal: Uuid) -> Result<StreamPermit> {
        let max = if self.any_own.load(Ordering::Acquire) {
            match read(&self.own).get(&terminal) {
                Some(own) => own.max_streams,
                None => self.max_streams,
            }
        } else {
            self.max_streams
        };
        let mut streams = self.streams.lock().unwrap_or_else(|p| p.into_inner());
        let open = streams.entry(terminal).or_insert(0);
        if max.is_some_and(|max| *open >= max.get()) {
            crate::metrics::rate_limited("attach_streams");
            return Err(Error::RateLimited {
                what: "attach streams",
                retry_after: STREAM_RETRY,
            });
        }
        *open += 1;
        Ok(StreamPermit {
            limits: self.clone(),
            terminal,
        })
    }

    /// The limits in force for `terminal` on this replica, and what was set for it.
    pub fn of(&self, terminal: Uuid) -> (TerminalLimits, TerminalLimits) {
        let set = read(&self.own)
            .get(&terminal)
            .map(|o| o.set)
            .unwrap_or_default();
        (set.in_force(&self.defaults), set)
    }

    /// Applies what was set for one terminal (nothing set: the defaults again). A terminal whose
    /// limits did not change keeps its limiters, and so what it has used of its budget.
    pub fn set(&self, terminal: Uuid, limits: TerminalLimits) {
        let mut own = write(&self.own);
        if limits.is_empty() {
            own.remove(&terminal);
        } else if own.get(&terminal).is_none_or(|o| o.set != limits) {
            own.insert(terminal, Arc::new(Own::new(limits, &self.defaults)));
        }
        self.any_own.store(!own.is_empty(), Ordering::Release);
    }

    /// Replaces everything set for terminals with `all` (as stored), keeping the limiters of
    /// terminals whose limits did not change.
    pub fn set_all(&self, all: HashMap<Uuid, TerminalLimits>) {
        let mut own = write(&self.own);
        let kept: HashMap<Uuid, Arc<Own>> = all
            .into_iter()
            .filter(|(_, limits)| !limits.is_empty())
            .map(|(terminal, limits)| {
                let limiters = match own.get(&terminal) {
                    Some(o) if o.set == limits => o.clone(),
                    _ => Arc::new(Own::new(limits, &self.defaults)),
                };
                (terminal, limiters)
            })
            .collect();
        *own = kept;
        self.any_own.store(!own.is_empty(), Ordering::Release);
    }

    /// Forgets rate state that has refilled completely (terminals idle for a while), so that
    /// memory follows the active terminals.
    pub fn shrink(&self) {
        for l in [&self.messages, &self.connects].into_iter().flatten() {
            l.retain_recent();
            l.shrink_to_fit();
        }
    }
}

// A panic while holding these locks cannot leave the map half-changed (whole-value inserts and
// swaps), so a poisoned lock is safe to keep using.
fn read<T>(l: &RwLock<T>) -> std::sync::RwLockReadGuard<'_, T> {
    l.read().unwrap_or_else(|p| p.into_inner())
}

fn write<T>(l: &RwLock<T>) -> std::sync::RwLockWriteGuard<'_, T> {
    l.write().unwrap_or_else(|p| p.into_inner())
}

/// Runs [`RateLimits::shrink`] every `interval` until shutdown.
pub async fn shrink_every(
    limits: Arc<RateLimits>,
    interval: Duration,
    mut shutdown: tokio::sync::watch::Receiver<bool>,
) {
    let mut tick = tokio::time::interval(interval);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tokio::select! {
            _ = tick.tick() => limits.shrink(),
            _ = crate::server::stopped(&mut shutdown) => return,
        }
    }
}

/// How often the limits set by administrators are reloaded even without news of a change.
pub const RELOAD_INTERVAL: Duration = Duration::from_secs(60);

/// Reloads the limits set by administrators whenever the bus says they changed, and every
/// `interval`, until shutdown. A failed load is logged and tried again at the next occasion.
pub async fn reload_on_change(
    app: Arc<crate::app::App>,
    interval: Duration,
    mut shutdown: tokio::sync::watch::Receiver<bool>,
) {
    // The server loaded them before serving: the first reload is one interval away.
    let mut tick = tokio::time::interval_at(tokio::time::Instant::now() + interval, interval);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tokio::select! {
            _ = tick.tick() => {}
            _ = app.bus.next_limits_change() => {}
            _ = crate::server::stopped(&mut shutdown) => return,
        }
        match app.store.terminal_limits().await {
            Ok(all) => app.limits.set_all(all),
            Err(e) => tracing::warn!(error = %e, "could not reload the terminals' rate limits"),
        }
    }
}

/// One open Attach stream; dropping it frees the place.
pub struct StreamPermit {
    limits: Arc<RateLimits>,
    terminal: Uuid,
}

impl Drop for StreamPermit {
    fn drop(&mut self) {
        let mut streams = self
            .limits
            .streams
            .lock()
            .unwrap_or_else(|p| p.into_inner());
        if let Some(open) = streams.get_mut(&self.terminal) {
            *open = open.saturating_sub(1);
            if *open == 0 {
                streams.remove(&self.terminal);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_terminal_over_its_rate_waits_and_others_do_not() {
        let limits = RateLimits::new(&RateArgs {
            rate_messages_per_second: 2,
            ..RateArgs::default()
        });
        let (flood, calm) = (Uuid::new_v4(), Uuid::new_v4());
        assert!(limits.message(flood).is_ok());
        assert!(limits.message(flood).is_ok());
        match limits.message(flood) {
            Err(Error::RateLimited { retry_after, .. }) => {
                assert!(retry_after > Duration::ZERO && retry_after <= Duration::from_millis(500))
            }
            other => panic!("expected a rate limit, got {other:?}"),
        }
        assert!(limits.message(calm).is_ok());
        assert!(limits.connect(flood).is_ok(), "connects are not limited");
    }

    #[test]
    fn stream_permits_are_given_back() {
        let limits = Arc::new(RateLimits::new(&RateArgs {
            max_attach_streams: 1,
            ..RateArgs::default()
        }));
        let t = Uuid::new_v4();
        let first = limits.attach(t).expect("first stream");
        assert!(limits.attach(t).is_err(), "second stream");
        assert!(limits.attach(Uuid::new_v4()).is_ok(), "another terminal");
        drop(first);
        assert!(limits.attach(t).is_ok(), "after the first closed");
    }

    #[test]
    fn limits_of_its_own_replace_the_defaults_for_one_terminal() {
        let limits = RateLimits::new(&RateArgs {
            rate_messages_per_second: 2,
            max_attach_streams: 1,
            ..RateArgs::default()
        });
        let (own, other) = (Uuid::new_v4(), Uuid::new_v4());
        limits.set(
            own,
            TerminalLimits {
                messages_per_second: Some(5),
                max_attach_streams: Some(0),
                ..TerminalLimits::default()
            },
        );
        let passed = (0..10).filter(|_| limits.message(own).is_ok()).count();
        assert_eq!(passed, 5, "its own rate with one second's worth of burst");
        let passed = (0..10).filter(|_| limits.message(other).is_ok()).count();
        assert_eq!(passed, 2, "the default for everyone else");
        let limits = Arc::new(limits);
        let streams: Vec<_> = (0..3).map(|_| limits.attach(own)).collect();
        assert!(streams.iter().all(Result::is_ok), "0 streams: no limit");

        // Unchanged limits keep their limiter (and what was used of it); cleared ones go.
        limits.set_all(HashMap::from([(
            own,
            TerminalLimits {
                messages_per_second: Some(5),
                max_attach_streams: Some(0),
                ..TerminalLimits::default()
            },
        )]));
        assert!(limits.message(own).is_err(), "budget still spent");
        limits.set_all(HashMap::new());
        assert!(
            limits.attach(own).is_err(),
            "the default of one stream again"
        );
        assert_eq!(limits.of(own).1, TerminalLimits::default());
    }

    #[test]
    fn what_is_in_force_fills_in_the_defaults() {
        let defaults = RateArgs {
            rate_messages_per_second: 10,
            rate_messages_burst: Some(50),
            rate_connects_per_second: 1,
            ..RateArgs::default()
        };
        let none = TerminalLimits::default().in_force(&defaults);
        assert_eq!(none.messages_per_second, Some(10));
        assert_eq!(none.messages_burst, Some(50));
        assert_eq!(none.connects_burst, Some(1));
        assert_eq!(none.max_attach_streams, Some(0));
        let faster = TerminalLimits {
            messages_per_second: Some(100),
            connects_per_second: Some(0),
            ..TerminalLimits::default()
        }
        .in_force(&defaults);
        assert_eq!(
            faster.messages_burst,
            Some(100),
            "its own rate, its own burst"
        );
        assert_eq!(faster.connects_per_second, Some(0));
        assert_eq!(faster.connects_burst, Some(0));
        let burst_only = TerminalLimits {
            messages_burst: Some(3),
            ..TerminalLimits::default()
        }
        .in_force(&defaults);
        assert_eq!(burst_only.messages_per_second, Some(10));
        assert_eq!(burst_only.messages_burst, Some(3));
    }
}
