//! The latest events this process committed, per session, so that a woken stream can usually
//! deliver without reading the log back from the database.
//!
//! Every committed change used to cost one log read per attached party (the bus carries signals,
//! not events); under load that was most of the database's reads. The tail keeps, per session, a
//! short *contiguous* run of committed events `[first, last]`, filled only after commit and only
//! in sequence order: an event whose seq is not `last + 1` starts the run afresh (someone else —
//! another replica — committed in between, or two local commits were recorded out of order).
//! So whatever the tail returns is exactly what the log holds.
//!
//! What it cannot know is whether the log holds *more* than `last`: a commit by another replica.
//! Those arrive as remote signals (NOTIFY, the catch-up poll, a listener reconnect), and every one
//! of them [`Tail::forget`]s the session (or everything) before waking the streams, which then read
//! the log. A local commit is recorded before its signal is published. Together: a stream woken
//! for any change finds it either in the tail or in the log, as before.
//!
//! Beside the run it keeps the snapshot the latest local change committed (read under the row
//! lock, so the newest at that commit). A stream that starts following a session, and an offer's
//! context, need it as of a sequence number they know; they take it from here when it is at
//! least that new, and otherwise read the row. A transfer used to read the row four times.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;

use uuid::Uuid;

use crate::pb;

/// Events kept per session: a stream that falls further behind reads the log.
const PER_SESSION: usize = 64;
/// Sessions kept: beyond this the least recently written one is dropped.
const SESSIONS: usize = 8192;

struct Run {
    events: VecDeque<pb::Event>,
    /// The session after the latest change committed here (its `last_seq` is that change's).
    snapshot: Option<pb::Session>,
    /// When this run was last written (a counter, for eviction).
    written: u64,
}

#[derive(Default)]
pub struct Tail {
    inner: Mutex<Inner>,
}

#[derive(Default)]
struct Inner {
    runs: HashMap<Uuid, Run>,
    clock: u64,
}

impl Inner {
    /// The run of `session` if it holds every event after `after` up to `until`.
    fn covering(&self, session: Uuid, after: u64, until: u64) -> Option<&VecDeque<pb::Event>> {
        let run = &self.runs.get(&session)?.events;
        let (first, last) = (run.front()?.seq, run.back()?.seq);
        (first <= after.saturating_add(1) && last >= until).then_some(run)
    }
}

impl Tail {
    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        // Every change is a single insert, append or removal: a panic cannot leave a run broken.
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Records events of `session` that have just been committed, in sequence order.
    pub fn record(&self, session: Uuid, events: &[pb::Event]) {
        if events.is_empty() {
            return;
        }
        let mut inner = self.lock();
        inner.clock += 1;
        let written = inner.clock;
        if !inner.runs.contains_key(&session) && inner.runs.len() >= SESSIONS {
            let oldest = inner
                .runs
                .iter()
                .min_by_key(|(_, r)| r.written)
                .map(|(id, _)| *id);
            if let Some(id) = oldest {
                inner.runs.remove(&id);
            }
        }
        let run = inner.runs.entry(session).or_insert_with(|| Run {
            events: VecDeque::new(),
            snapshot: None,
            written,
        });
        run.written = written;
        for e in events {
            match run.events.back().map(|last| last.seq) {
                Some(last) if e.seq <= last => continue, // recorded out of order: already past it
                Some(last) if e.seq != last + 1 => run.events.clear(), // a gap: start afresh
                _ => {}
            }
            if run.events.len() == PER_SESSION {
                run.events.pop_front();
            }
            run.events.push_back(e.clone());
        }
    }

    /// The events of `session` after `after` and up to `until` (at most `limit`), if the tail
    /// holds the run that follows `after`; None means: read the log.
    pub fn read(
        &self,
        session: Uuid,
        after: u64,
        until: u64,
        limit: usize,
    ) -> Option<Vec<pb::Event>> {
        let inner = self.lock();
        let run = &inner.runs.get(&session)?.events;
        let first = run.front()?.seq;
        let last = run.back()?.seq;
        if first > after.saturating_add(1) || after > last {
            return None;
        }
        let skip = usize::try_from(after + 1 - first).ok()?;
        Some(
            run.iter()
                .skip(skip)
                .take_while(|e| e.seq <= until)
                .take(limit)
                .cloned()
                .collect(),
        )
    }

    /// Every event of `session` after `after` up to and including `until`, if the tail holds
    /// that whole stretch of the log.
    pub fn range(&self, session: Uuid, after: u64, until: u64) -> Option<Vec<pb::Event>> {
        let inner = self.lock();
        let run = inner.covering(session, after, until)?;
        Some(
            run.iter()
                .filter(|e| e.seq > after && e.seq <= until)
                .cloned()
                .collect(),
        )
    }

    /// Whether every event of `session` after `after` up to `last` was recorded here, i.e.
    /// committed by this process and signalled by it already.
    pub fn holds(&self, session: Uuid, after: u64, last: u64) -> bool {
        self.lock().covering(session, after, last).is_some()
    }

    /// Keeps `snapshot` (just committed by a change here) unless a newer one is kept already.
    /// Call after [`Tail::record`] of its events.
    pub fn record_snapshot(&self, session: Uuid, snapshot: &pb::Session) {
        let mut inner = self.lock();
        if let Some(run) = inner.runs.get_mut(&session)
            && run
                .snapshot
                .as_ref()
                .is_none_or(|s| s.last_seq <= snapshot.last_seq)
        {
            run.snapshot = Some(snapshot.clone());
        }
    }

    /// The kept snapshot of `session`, if it is at least as new as `seq`.
    pub fn snapshot(&self, session: Uuid, seq: u64) -> Option<pb::Session> {
        let inner = self.lock();
        inner
            .runs
            .get(&session)?
            .snapshot
            .as_ref()
            .filter(|s| s.last_seq >= seq)
            .cloned()
    }

    /// Something was committed elsewhere: the session's run may no longer be the end of its log.
    pub fn forget(&self, session: Uuid) {
        self.lock().runs.remove(&session);
    }

    /// Signals may have been lost: no run can be trusted to be the end of its log.
    pub fn forget_all(&self) {
        self.lock().runs.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(seq: u64) -> pb::Event {
        pb::Event {
            seq,
            ..Default::default()
        }
    }

    fn seqs(v: Option<Vec<pb::Event>>) -> Option<Vec<u64>> {
        v.map(|v| v.iter().map(|e| e.seq).collect())
    }

    #[test]
    fn serves_only_contiguous_runs_it_holds() {
        let t = Tail::default();
        let s = Uuid::new_v4();
        assert_eq!(seqs(t.read(s, 0, u64::MAX, 10)), None, "nothing recorded");
        t.record(s, &[ev(5), ev(6)]);
        t.record(s, &[ev(7)]);
        assert_eq!(seqs(t.read(s, 4, u64::MAX, 10)), Some(vec![5, 6, 7]));
        assert_eq!(seqs(t.read(s, 5, 6, 10)), Some(vec![6]), "until");
        assert_eq!(seqs(t.read(s, 4, u64::MAX, 2)), Some(vec![5, 6]), "limit");
        assert_eq!(seqs(t.read(s, 7, u64::MAX, 10)), Some(vec![]), "up to date");
        assert_eq!(seqs(t.read(s, 3, u64::MAX, 10)), None, "4 is not held");
        assert_eq!(seqs(t.read(s, 8, u64::MAX, 10)), None, "ahead of the run");

        // Out of order: 9 recorded before 8 means 8 was committed meanwhile; the run restarts.
        t.record(s, &[ev(9)]);
        t.record(s, &[ev(8)]);
        assert_eq!(seqs(t.read(s, 7, u64::MAX, 10)), None);
        assert_eq!(seqs(t.read(s, 8, u64::MAX, 10)), Some(vec![9]));

        t.forget(s);
        assert_eq!(seqs(t.read(s, 8, u64::MAX, 10)), None);
        t.record(s, &[ev(10)]);
        t.forget_all();
        assert_eq!(seqs(t.read(s, 9, u64::MAX, 10)), None);
    }

    #[test]
    fn serves_whole_ranges_and_snapshots_at_least_as_new_as_asked() {
        let t = Tail::default();
        let s = Uuid::new_v4();
        t.record(s, &[ev(1), ev(2), ev(3)]);
        assert_eq!(seqs(t.range(s, 0, 3)), Some(vec![1, 2, 3]));
        assert_eq!(seqs(t.range(s, 1, 2)), Some(vec![2]));
        assert_eq!(seqs(t.range(s, 0, 4)), None, "4 is not held (yet)");
        let snapshot = |seq| pb::Session {
            last_seq: seq,
            ..Default::default()
        };
        t.record_snapshot(s, &snapshot(3));
        t.record_snapshot(s, &snapshot(2));
        assert_eq!(
            t.snapshot(s, 3).map(|x| x.last_seq),
            Some(3),
            "older one ignored"
        );
        assert!(t.snapshot(s, 4).is_none(), "not as new as asked");
        t.forget(s);
        assert!(t.snapshot(s, 1).is_none());
        assert!(t.range(s, 0, 1).is_none());
    }

    #[test]
    fn keeps_a_bounded_run() {
        let t = Tail::default();
        let s = Uuid::new_v4();
        let events: Vec<pb::Event> = (1..=PER_SESSION as u64 + 10).map(ev).collect();
        t.record(s, &events);
        // 74 recorded, the last 64 kept: 11..=74.
        assert_eq!(
            seqs(t.read(s, 9, u64::MAX, 1)),
            None,
            "10 dropped from the front"
        );
        assert_eq!(seqs(t.read(s, 10, u64::MAX, 1)), Some(vec![11]));
    }
}
