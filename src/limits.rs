//! Per-terminal rate limits: messages per second (unary calls and Attach stream commands draw
//! from one budget), Connect attempts per second, and concurrent Attach streams. A refused call
//! gets RESOURCE_EXHAUSTED with a RetryInfo saying when to try again.
//!
//! The limits are per replica: with several replicas behind a balancer a terminal's budget is
//! this many per replica it reaches. Every limit is off unless configured.

use std::collections::HashMap;
use std::num::NonZeroU32;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use clap::Args;
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota};
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

/// How long a terminal refused a stream because it holds too many is told to wait.
const STREAM_RETRY: Duration = Duration::from_secs(1);

/// The limits in force, shared by every handler.
pub struct RateLimits {
    messages: Option<DefaultKeyedRateLimiter<Uuid>>,
    connects: Option<DefaultKeyedRateLimiter<Uuid>>,
    max_streams: Option<NonZeroU32>,
    /// Attach streams open per terminal (only terminals with one open have an entry).
    streams: Mutex<HashMap<Uuid, u32>>,
    clock: DefaultClock,
}

fn quota(per_second: u32, burst: Option<u32>) -> Option<Quota> {
    let rate = NonZeroU32::new(per_second)?;
    let burst = burst.and_then(NonZeroU32::new).unwrap_or(rate);
    Some(Quota::per_second(rate).allow_burst(burst))
}

impl RateLimits {
    pub fn new(args: &RateArgs) -> RateLimits {
        let keyed = |q: Option<Quota>| q.map(DefaultKeyedRateLimiter::keyed);
        RateLimits {
            messages: keyed(quota(
                args.rate_messages_per_second,
                args.rate_messages_burst,
            )),
            connects: keyed(quota(
                args.rate_connects_per_second,
                args.rate_connects_burst,
            )),
            max_streams: NonZeroU32::new(args.max_attach_streams),
            streams: Mutex::new(HashMap::new()),
            clock: DefaultClock::default(),
        }
    }

    /// Takes one message from `terminal`'s budget.
    pub fn message(&self, terminal: Uuid) -> Result<()> {
        self.take(self.messages.as_ref(), terminal, "messages")
    }

    /// Takes one Connect attempt from `terminal`'s budget.
    pub fn connect(&self, terminal: Uuid) -> Result<()> {
        self.take(self.connects.as_ref(), terminal, "connects")
    }

    fn take(
        &self,
        limiter: Option<&DefaultKeyedRateLimiter<Uuid>>,
        terminal: Uuid,
        what: &'static str,
    ) -> Result<()> {
        let Some(limiter) = limiter else {
            return Ok(());
        };
        limiter.check_key(&terminal).map_err(|not_until| {
            crate::metrics::rate_limited(what);
            Error::RateLimited {
                what,
                retry_after: not_until.wait_time_from(self.clock.now()),
            }
        })
    }

    /// Counts one more Attach stream of `terminal` until the permit is dropped.
    pub fn attach(self: &Arc<Self>, terminal: Uuid) -> Result<StreamPermit> {
        let mut streams = self.streams.lock().unwrap_or_else(|p| p.into_inner());
        let open = streams.entry(terminal).or_insert(0);
        if self.max_streams.is_some_and(|max| *open >= max.get()) {
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

    /// Forgets rate state that has refilled completely (terminals idle for a while), so that
    /// memory follows the active terminals.
    pub fn shrink(&self) {
        for l in [&self.messages, &self.connects].into_iter().flatten() {
            l.retain_recent();
            l.shrink_to_fit();
        }
    }
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
}
