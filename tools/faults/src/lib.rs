//! The fault suite: a throwaway Postgres cluster ([`PgCluster`]), several `handoff serve`
//! processes on it ([`Replica`]), a load of terminals holding conversations with transfers, and
//! faults injected on a schedule: `kill -9` of a replica (then a restart), an immediate Postgres
//! restart, terminals dropping their feeds and resuming on a random replica.
//! When the load stops and every fault has healed, a checker compares what every sender had
//! acknowledged and what every participant received with the sessions' logs ([`Report`]).
//!
//! The load, per gateway conversation: Connect to a random bot through a random replica (the bot
//! acknowledges from its feed); both sides send messages with idempotency keys, retrying the same
//! key on UNAVAILABLE, INTERNAL, transport errors and timeouts, through any replica, until the
//! server acknowledges it or the run ends; the holder transfers to a random agent or to a group
//! of agents (first accept wins), whose feed accepts (or sometimes declines); the holder
//! disconnects from its feed once told of the acceptance; the new holder talks and may transfer
//! again (chains) or end the session. Every count and every wait is bounded; everything listens on
//! 127.0.0.1.
//!
//! Routing runs under the same load and faults: three groups route by each strategy (BROADCAST,
//! LONGEST_IDLE and LEAST_LOADED with a 2 s ring timeout; one maximum wait overflows into another
//! group, one expires; one group re-queues sessions of holders away past a grace), agents have
//! capacities of 1 to 3 and set their statuses (AVAILABLE, BUSY, AWAY) over time by the RPC and
//! the stream command. Transfers to groups carry priorities and queue when nobody can take them;
//! holders keep talking while their transfer waits, and now and then take it out of the queue;
//! members accept, decline or let ring what the queues offer them. The checker adds, from the
//! logs and the database: every queued transfer ends in a known way (and the sessions' routing
//! columns agree with their records), no terminal holds more than its capacity, and a
//! one-at-a-time group never offers a session to two members at once.
//!
//! Connect fails with UNAVAILABLE when the destination is momentarily detached (its feed is
//! re-attaching) or did not acknowledge in time: retried and counted, not a loss. A feed that
//! lags (a missed wake-up) shows up as delivery gaps after a bounded catch-up, with a count of how
//! many a fresh Attach then delivered, so a slow feed and a lost event can be told apart.
//!
//! Feeds acknowledge in steps of 8, or (a share of them) every event at once, up to the last seq
//! seen; a share of the re-attaches sends no resume cursors at all (`hello {}`), sometimes right
//! after acknowledging everything seen, so the server resumes from its recorded acks (a live
//! session acknowledged to its last event must stay followed). Every feed's attach and detach
//! times are kept: an entitled event that a terminal never received although one of its feeds
//! stayed attached [`Params::settle`] past the event's commit (a feed open at the end counts until
//! the feeds stop, after the catch-up) is counted as never delivered to an attached terminal, a
//! loss; one received only after such a wait is counted as late.
//!
//! Run it with `cargo run --bin handoff-faults -- --help`, or from a test with [`run`].

mod check;
mod db;
mod events;
mod load;
mod replica;
mod rng;
mod routing;

pub use check::{Report, SessionRecord, entitlement};
pub use handoff_pg_cluster::PgCluster;
pub use replica::{Replica, ReplicaConfig};

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::watch;
use tokio::task::JoinSet;
use tokio::time::Instant;

use handoff::client::{self, BoxError, Feed};
use handoff::pb::{self, attach_response};

use load::{FaultPlan, Kind, Term, Timing, World, get, lock};
use rng::Rng;

const ADMIN_TOKEN: &str = "fault-suite-admin-token";

/// How one group of agents routes in the run.
struct GroupSetup {
    name: &'static str,
    strategy: pb::RoutingStrategy,
    /// Zero: the server's offer timeout.
    ring_timeout: Duration,
    /// Zero: no limit.
    max_wait: Duration,
    /// Empty: a transfer that waited max_wait expires.
    overflow: &'static str,
    /// Zero: holders away are never re-queued.
    away_grace: Duration,
}

/// The groups transfers may target: every strategy; a maximum wait that overflows into another
/// group, and one that expires; an away re-queue. Each agent belongs to one or two of them.
const GROUPS: &[GroupSetup] = &[
    GroupSetup {
        name: "billing",
        strategy: pb::RoutingStrategy::Broadcast,
        ring_timeout: Duration::ZERO,
        // Short: a transfer returning to the queue waits anew, and with many members one rarely
        // waits long without being offered.
        max_wait: Duration::from_secs(3),
        overflow: "tier2",
        away_grace: Duration::ZERO,
    },
    GroupSetup {
        name: "tier2",
        strategy: pb::RoutingStrategy::LongestIdle,
        ring_timeout: Duration::from_secs(2),
        max_wait: Duration::ZERO,
        overflow: "",
        away_grace: Duration::ZERO,
    },
    GroupSetup {
        name: "care",
        strategy: pb::RoutingStrategy::LeastLoaded,
        ring_timeout: Duration::from_secs(2),
        max_wait: Duration::from_secs(5),
        overflow: "",
        away_grace: Duration::from_secs(8),
    },
];

/// Agents' capacities are drawn from 1..=MAX_CAPACITY.
const MAX_CAPACITY: usize = 3;
/// How often the seats in the database are compared with the capacities during the load.
const SEAT_SAMPLE_EVERY: Duration = Duration::from_millis(500);

fn duration_pb(d: Duration) -> Option<prost_types::Duration> {
    (!d.is_zero()).then(|| prost_types::Duration {
        seconds: d.as_secs() as i64,
        nanos: d.subsec_nanos() as i32,
    })
}

/// What to run. [`Params::new`] gives a short run's settings.
#[derive(Debug, Clone)]
pub struct Params {
    /// The `handoff` binary the replicas run.
    pub handoff_binary: PathBuf,
    pub replicas: usize,
    pub gateways: usize,
    pub bots: usize,
    pub agents: usize,
    /// Conversations each gateway keeps going at once.
    pub conversations_per_gateway: usize,
    /// How long the load (and fault injection) runs.
    pub duration: Duration,
    /// Mean time between two replica kills; None: no kills.
    pub kill_every: Option<Duration>,
    /// Mean time a killed replica stays down.
    pub kill_pause: Duration,
    /// Mean time between two immediate Postgres restarts; None: none.
    pub pg_restart_every: Option<Duration>,
    /// Mean time a feed stays attached before it drops and resumes; None: no random drops.
    pub feed_drop_every: Option<Duration>,
    pub connect_timeout: Duration,
    pub offer_timeout: Duration,
    pub handoff_grace: Duration,
    /// The replicas' `--catch-up-interval` (the Postgres poll that re-signals recently changed
    /// sessions and makes their members' streams re-read their memberships); None: the
    /// server's default (1 s).
    pub catch_up_interval: Option<Duration>,
    /// After the load stops, how long senders keep retrying unacknowledged messages.
    pub drain: Duration,
    /// At the end, how long feeds get to deliver everything before gaps are counted.
    pub catchup: Duration,
    /// How long a feed must stay attached after an event's commit without delivering it for the
    /// event to count as missed by an attached terminal (never delivered: a loss; delivered
    /// later: late).
    pub settle: Duration,
    pub seed: u64,
    /// Progress and faults on stderr.
    pub verbose: bool,
    /// Keep the replicas' logs even when nothing was lost.
    pub keep_logs: bool,
}

impl Params {
    pub fn new(handoff_binary: impl Into<PathBuf>) -> Params {
        Params {
            handoff_binary: handoff_binary.into(),
            replicas: 2,
            gateways: 2,
            bots: 3,
            agents: 5,
            conversations_per_gateway: 4,
            duration: Duration::from_secs(30),
            kill_every: Some(Duration::from_secs(8)),
            kill_pause: Duration::from_secs(1),
            pg_restart_every: Some(Duration::from_secs(20)),
            feed_drop_every: Some(Duration::from_secs(6)),
            connect_timeout: Duration::from_secs(3),
            offer_timeout: Duration::from_secs(4),
            handoff_grace: Duration::from_secs(2),
            catch_up_interval: None,
            drain: Duration::from_secs(20),
            catchup: Duration::from_secs(10),
            settle: Duration::from_secs(5),
            seed: 1,
            verbose: false,
            keep_logs: false,
        }
    }
}

/// Runs the whole suite: Postgres, replicas, load with faults, checks. Errors are setup failures
/// (Postgres or a replica would not start); everything else is in the report.
pub async fn run(p: Params) -> Result<Report, BoxError> {
    let started = Instant::now();
    let mut rng = Rng::new(p.seed);
    let say = |s: &str| {
        if p.verbose {
            eprintln!("[{:7.1}s] {s}", started.elapsed().as_secs_f64());
        }
    };

    say("starting Postgres");
    let pg = Arc::new(tokio::task::spawn_blocking(PgCluster::start).await??);
    {
        let pg = pg.clone();
        tokio::task::spawn_blocking(move || pg.create_database("handoff")).await??;
    }
    let work =
        std::env::temp_dir().join(format!("handoff-faults-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&work)?;
    let mut replicas = Vec::new();
    for i in 0..p.replicas.max(1) {
        let mut r = Replica::spawn(ReplicaConfig {
            binary: p.handoff_binary.clone(),
            database_url: pg.url("handoff"),
            admin_token: ADMIN_TOKEN.into(),
            connect_timeout: p.connect_timeout,
            offer_timeout: p.offer_timeout,
            handoff_grace: p.handoff_grace,
            sweep_interval: Duration::from_millis(100),
            database_max_connections: 8,
            catch_up_interval: p.catch_up_interval,
            log: work.join(format!("replica-{i}.log")),
        })?;
        r.wait_ready(Duration::from_secs(30)).await?;
        replicas.push(r);
    }
    let urls: Vec<String> = replicas.iter().map(Replica::url).collect();
    say(&format!(
        "replicas ready: {urls:?}; logs in {}",
        work.display()
    ));

    let mut admin = client::admin(&urls[0], ADMIN_TOKEN).await?;
    let mut setup = routing::Setup::default();
    for g in GROUPS {
        admin
            .set_group_routing(pb::SetGroupRoutingRequest {
                routing: Some(pb::GroupRouting {
                    group: g.name.to_owned(),
                    strategy: g.strategy as i32,
                    ring_timeout: duration_pb(g.ring_timeout),
                    max_wait: duration_pb(g.max_wait),
                    overflow_group: g.overflow.to_owned(),
                    away_grace: duration_pb(g.away_grace),
                }),
            })
            .await?;
        setup.strategies.insert(g.name.to_owned(), g.strategy);
    }
    let mut terms = Vec::new();
    for (kind, count, prefix, pb_kind) in [
        (
            Kind::Gateway,
            p.gateways.max(1),
            "gw",
            pb::TerminalKind::Gateway,
        ),
        (Kind::Bot, p.bots.max(1), "bot", pb::TerminalKind::Bot),
        (
            Kind::Agent,
            p.agents.max(2),
            "agent",
            pb::TerminalKind::Agent,
        ),
    ] {
        for i in 1..=count {
            let name = format!("{prefix}-{i}");
            // Agents split into groups, which transfers may target (row C6); every other one
            // belongs to a second group too.
            let groups = match kind {
                Kind::Agent if i % 2 == 0 => vec![
                    GROUPS[i % GROUPS.len()].name.to_owned(),
                    GROUPS[(i + 1) % GROUPS.len()].name.to_owned(),
                ],
                Kind::Agent => vec![GROUPS[i % GROUPS.len()].name.to_owned()],
                _ => Vec::new(),
            };
            let created = admin
                .create_terminal(pb::CreateTerminalRequest {
                    name: name.clone(),
                    display_name: format!("{name} (fault suite)"),
                    kind: pb_kind as i32,
                    groups,
                })
                .await?
                .into_inner();
            let id = created.terminal.map(|t| t.id).unwrap_or_default();
            if kind == Kind::Agent {
                let capacity = 1 + rng.below(MAX_CAPACITY) as u32;
                admin
                    .set_terminal_capacity(pb::SetTerminalCapacityRequest {
                        terminal_id: id.clone(),
                        capacity,
                    })
                    .await?;
                setup.capacity.insert(id.clone(), capacity);
            }
            terms.push(Arc::new(Term::new(id, name, kind, &created.token, &urls)?));
        }
    }
    let names: HashMap<String, String> = terms
        .iter()
        .map(|t| (t.id.clone(), t.name.clone()))
        .collect();

    let load_start = Instant::now() + Duration::from_secs(1);
    let stop_at = load_start + p.duration;
    let world = Arc::new(World::new(
        terms,
        GROUPS.iter().map(|g| g.name.to_owned()).collect(),
        stop_at,
        stop_at + p.drain,
        Timing {
            connect_timeout: p.connect_timeout,
            offer_timeout: p.offer_timeout,
            handoff_grace: p.handoff_grace,
        },
        p.feed_drop_every,
        urls.len(),
        started,
        p.verbose,
    ));

    let pool = db::connect(&pg.url("handoff")).await?;
    let (stop_sampling, sampling_rx) = watch::channel(false);
    let sampler = tokio::spawn(sample_seats(pool.clone(), names.clone(), sampling_rx));

    let (stop_feeds, stop_rx) = watch::channel(false);
    let (rejoin, rejoin_rx) = watch::channel(Arc::new(HashSet::new()));
    let mut feeds = JoinSet::new();
    for t in world.all_terms() {
        feeds.spawn(world.clone().feed_loop(
            t.clone(),
            rng.fork(),
            stop_rx.clone(),
            rejoin_rx.clone(),
        ));
    }
    while !world.serving_side_attached() && Instant::now() < load_start + Duration::from_secs(5) {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    tokio::time::sleep_until(load_start).await;
    say("load starts");

    let faults = tokio::spawn(load::inject_faults(
        world.clone(),
        pg.clone(),
        replicas,
        FaultPlan {
            kill_every: p.kill_every,
            kill_pause: p.kill_pause,
            pg_restart_every: p.pg_restart_every,
        },
        rng.fork(),
    ));
    let mut drivers = JoinSet::new();
    for agent in world.agents.clone() {
        drivers.spawn(world.clone().status_loop(agent, rng.fork()));
    }
    for gw in world.gateways.clone() {
        for k in 0..p.conversations_per_gateway.max(1) {
            let (w, gw, mut r) = (world.clone(), gw.clone(), rng.fork());
            drivers.spawn(async move {
                tokio::time::sleep(Duration::from_millis(150 * k as u64)).await;
                while Instant::now() < w.stop_at {
                    w.conversation(gw.clone(), r.fork()).await;
                }
            });
        }
    }
    let drivers_done = tokio::time::timeout_at(world.hard_stop + Duration::from_secs(30), async {
        while drivers.join_next().await.is_some() {}
    })
    .await;
    if drivers_done.is_err() {
        world.note("conversation drivers did not finish in time; aborted".into());
        drivers.abort_all();
    }
    let replicas = faults.await?;
    say("load stopped; faults healed");

    // Let reactions finish and every deadline (offer expiry, handoff grace) pass.
    let until = Instant::now() + Duration::from_secs(15);
    while world.reactions_in_flight() > 0 && Instant::now() < until {
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    tokio::time::sleep(p.offer_timeout + p.handoff_grace + Duration::from_secs(1)).await;

    // Every session is quiet now: a share of the feeds acknowledge everything they have seen and
    // attach again, mostly without cursors, before the callers end the sessions (those last
    // events must reach them: a live session acknowledged to its end stays followed). The other
    // feeds stay as they are, so that one that stalled earlier still shows.
    let chosen: HashSet<String> = world
        .all_terms()
        .filter(|_| rng.chance(load::FINAL_REATTACH_SHARE))
        .map(|t| t.id.clone())
        .collect();
    let before: HashMap<String, usize> = world
        .all_terms()
        .map(|t| (t.id.clone(), lock(&t.attachments).len()))
        .collect();
    let _ = rejoin.send(Arc::new(chosen.clone()));
    let rejoined = |t: &Term| {
        let a = lock(&t.attachments);
        a.len() > before.get(&t.id).copied().unwrap_or(0)
            && a.last().is_some_and(|l| l.closed.is_none())
    };
    let chosen_terms: Vec<Arc<Term>> = world
        .all_terms()
        .filter(|t| chosen.contains(&t.id))
        .cloned()
        .collect();
    let until = Instant::now() + Duration::from_secs(15);
    while !chosen_terms.iter().all(|t| rejoined(t)) && Instant::now() < until {
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    for t in chosen_terms.iter().filter(|t| !rejoined(t)) {
        world.note(format!(
            "{}: not attached again at the end within 15 s",
            t.name
        ));
    }

    // The queues as the database keeps them while sessions are still open (some waiting, some
    // being offered): each row's routing columns against its own record.
    let mut evidence = routing::Evidence {
        setup,
        ..routing::Evidence::default()
    };
    match db::route_rows(&pool).await {
        Ok(rows) => evidence.rows_before = rows,
        Err(e) => world.note(format!("reading the sessions' routing columns failed: {e}")),
    }

    let ids: Vec<(String, Option<String>)> = lock(&world.sessions)
        .iter()
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    // Each session is read as its caller's terminal (tried first) or any gateway that can.
    let mut callers: HashMap<String, Arc<Term>> = HashMap::new();
    let mut hanging = HashMap::new();
    let mut closed = 0;
    for (id, caller) in &ids {
        let mut candidates: Vec<Arc<Term>> = caller
            .iter()
            .filter_map(|c| world.by_id.get(c))
            .cloned()
            .collect();
        candidates.extend(world.gateways.iter().cloned());
        let mut found = None;
        for gw in candidates {
            let until = Instant::now() + Duration::from_secs(20);
            if let Ok(s) = world.get_session(&gw, &mut rng, id, until).await {
                found = Some((gw, s));
                break;
            }
        }
        let Some((gw, s)) = found else {
            world.note(format!("session {id}: GetSession failed after the run"));
            continue;
        };
        callers.insert(id.clone(), gw.clone());
        let until = Instant::now() + Duration::from_secs(20);
        let mut s = serving_view(&world, &mut rng, id, s, until).await;
        // Queues go on after the load (members still available are offered what waits), so a
        // transfer in flight now is left hanging only if it is past its deadline, and still is a
        // moment later.
        if overdue(&s).is_some() {
            tokio::time::sleep(Duration::from_secs(2)).await;
            let until = Instant::now() + Duration::from_secs(20);
            if let Ok(again) = world.get_session(&gw, &mut rng, id, until).await {
                s = serving_view(&world, &mut rng, id, again, until).await;
            }
        }
        if let Some(why) = overdue(&s) {
            hanging.insert(id.clone(), true);
            world.note(format!("session {id}: {why}"));
        }
        // The customers leave: every session ends, so every feed has a last event to reach.
        if s.state() == pb::SessionState::Open
            && world.disconnect(&gw, &mut rng, id, until).await.is_ok()
        {
            closed += 1;
        }
    }
    say(&format!(
        "{closed} sessions still open were ended by their callers"
    ));

    let mut records = HashMap::new();
    let settle_until = Instant::now() + p.connect_timeout + Duration::from_secs(10);
    for (id, _) in &ids {
        let Some(gw) = callers.get(id).cloned() else {
            continue;
        };
        let mut s = None;
        loop {
            let until = Instant::now() + Duration::from_secs(20);
            match world.get_session(&gw, &mut rng, id, until).await {
                Ok(got)
                    if got.state() != pb::SessionState::Ended && Instant::now() < settle_until =>
                {
                    tokio::time::sleep(Duration::from_millis(200)).await;
                }
                Ok(got) => {
                    s = Some(got);
                    break;
                }
                Err(_) => break,
            }
        }
        let Some(s) = s else { continue };
        let until = Instant::now() + Duration::from_secs(20);
        let s = serving_view(&world, &mut rng, id, s, until).await;
        let reader = world
            .by_id
            .get(&s.holder_terminal_id)
            .unwrap_or(&gw)
            .clone();
        let until = Instant::now() + Duration::from_secs(20);
        match world.list_events(&reader, &mut rng, id, until).await {
            Ok(log) => {
                records.insert(
                    id.clone(),
                    SessionRecord {
                        session: s,
                        log,
                        hanging_transfer: hanging.contains_key(id),
                        read_at: events::now_millis(),
                    },
                );
            }
            Err(e) => world.note(format!("session {id}: ListEvents failed: {e:?}")),
        }
    }

    // Give feeds a bounded time to deliver everything they are entitled to.
    let entitled: Vec<(String, String, Vec<u64>)> = records
        .iter()
        .flat_map(|(sid, r)| {
            entitlement(&r.log)
                .into_iter()
                .map(move |(t, seqs)| (t, sid.clone(), seqs.into_iter().collect()))
        })
        .collect();
    let missing = || -> Vec<(String, String, Vec<u64>)> {
        entitled
            .iter()
            .filter_map(|(t, sid, seqs)| {
                let term = world.by_id.get(t)?;
                let got = lock(&term.received);
                let have = got.get(sid);
                let gaps: Vec<u64> = seqs
                    .iter()
                    .filter(|s| !have.is_some_and(|h| h.events.contains_key(s)))
                    .copied()
                    .collect();
                (!gaps.is_empty()).then(|| (t.clone(), sid.clone(), gaps))
            })
            .collect()
    };
    // At least the settle time, so that a feed still attached then had it after the last commit.
    let catchup_until = Instant::now() + p.catchup.max(p.settle);
    while !missing().is_empty() && Instant::now() < catchup_until {
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    let stopped_at = events::now_millis();
    let _ = stop_feeds.send(true);
    let _ = tokio::time::timeout(Duration::from_secs(5), async {
        while feeds.join_next().await.is_some() {}
    })
    .await;
    feeds.abort_all();

    // Diagnostic: would a fresh Attach, resuming just before each gap, deliver what is missing?
    let gaps = missing();
    let mut filled = 0u64;
    let mut by_term: HashMap<String, Vec<(String, Vec<u64>)>> = HashMap::new();
    for (t, sid, seqs) in gaps {
        by_term.entry(t).or_default().push((sid, seqs));
    }
    for (t, wanted) in by_term {
        let Some(term) = world.by_id.get(&t) else {
            continue;
        };
        let cursors = wanted
            .iter()
            .map(|(sid, seqs)| pb::SessionCursor {
                session_id: sid.clone(),
                seq: seqs[0].saturating_sub(1),
            })
            .collect();
        let mut client = term.client(0);
        let Ok(Ok(mut feed)) =
            tokio::time::timeout(Duration::from_secs(5), Feed::open(&mut client, cursors)).await
        else {
            continue;
        };
        let mut want: std::collections::HashSet<(String, u64)> = wanted
            .iter()
            .flat_map(|(sid, seqs)| seqs.iter().map(move |s| (sid.clone(), *s)))
            .collect();
        let until = Instant::now() + Duration::from_secs(3);
        while !want.is_empty() {
            match tokio::time::timeout_at(until, feed.next()).await {
                Ok(Ok(Some(attach_response::Kind::Event(e)))) => {
                    if want.remove(&(e.session_id.clone(), e.seq)) {
                        filled += 1;
                    }
                }
                Ok(Ok(Some(_))) => {}
                _ => break,
            }
        }
    }

    // Every session has ended: no row may be in a queue now, and the seats left (from steps a
    // killed replica never finished, until the servers' seat check gives them up) must still
    // be within the capacities.
    let _ = stop_sampling.send(true);
    evidence.seat_samples = sampler.await.unwrap_or_default();
    match db::route_rows(&pool).await {
        Ok(rows) => evidence.rows_after = rows,
        Err(e) => world.note(format!("reading the sessions' routing columns failed: {e}")),
    }
    match db::seat_counts(&pool).await {
        Ok(seats) => evidence.seats_at_end = seats,
        Err(e) => world.note(format!("reading the seats failed: {e}")),
    }
    pool.close().await;

    let c = &world.c;
    let mut report = Report {
        seed: p.seed,
        replicas: urls.len() as u64,
        terminals: world.by_id.len() as u64,
        duration_s: p.duration.as_secs_f64(),
        sessions: ids.len() as u64,
        connect_attempts: get(&c.connect_attempts),
        connect_not_attached: get(&c.connect_not_attached),
        connect_not_acknowledged: get(&c.connect_not_acknowledged),
        messages_acknowledged: get(&c.messages_acknowledged),
        messages_unresolved: get(&c.messages_unresolved),
        messages_refused: get(&c.messages_refused),
        gaps_delivered_on_reattach: filled,
        replica_kills: get(&c.replica_kills),
        pg_restarts: get(&c.pg_restarts),
        feed_drops: get(&c.feed_drops),
        feed_breaks: get(&c.feed_breaks),
        acks_to_last_seq: get(&c.acks_to_last_seq),
        bare_reattaches: get(&c.bare_reattaches),
        bare_reattaches_after_full_ack: get(&c.bare_reattaches_after_full_ack),
        bare_reattach_sessions_acked_to_end: get(&c.bare_reattach_sessions_acked_to_end),
        final_reattaches: get(&c.final_reattaches),
        quiet_spells: get(&c.quiet_spells),
        resume_rejected: get(&c.resume_rejected),
        unexpected_replica_exits: get(&c.unexpected_replica_exits),
        retries_unavailable: get(&c.retries_unavailable),
        retries_internal: get(&c.retries_internal),
        retries_transport: get(&c.retries_transport),
        retries_timeout: get(&c.retries_timeout),
        group_accepts_lost: get(&c.group_accepts_lost),
        status_changes: get(&c.status_changes_rpc) + get(&c.status_changes_stream),
        status_changes_by_stream: get(&c.status_changes_stream),
        status_refused: get(&c.status_refused),
        transfers_queued_on_request: get(&c.transfers_queued_on_request),
        offers_let_ring: get(&c.offers_let_ring),
        accepts_at_capacity: get(&c.accepts_at_capacity),
        ..Report::default()
    };
    if records.len() < ids.len() {
        world.note(format!(
            "{} of {} sessions could not be read after the run",
            ids.len() - records.len(),
            ids.len()
        ));
    }
    let acked = lock(&world.acked).clone();
    let received: HashMap<String, HashMap<String, load::Received>> = world
        .all_terms()
        .map(|t| (t.id.clone(), std::mem::take(&mut *lock(&t.received))))
        .collect();
    let feeds = check::Feeds {
        attachments: world
            .all_terms()
            .map(|t| (t.id.clone(), lock(&t.attachments).clone()))
            .collect(),
        stopped_at,
        settle_ms: p.settle.as_millis() as i64,
    };
    report.notes = lock(&world.notes).clone();
    check::check(
        &mut report,
        &records,
        &acked,
        &received,
        &feeds,
        &names,
        &evidence,
    );

    drop(replicas);
    tokio::task::spawn_blocking(move || drop(pg)).await?;
    if report.losses() == 0 && !p.keep_logs {
        let _ = std::fs::remove_dir_all(&work);
    } else {
        // The sessions' logs as read, beside the replicas', to look into what was found.
        let path = work.join("sessions.txt");
        if let Err(e) = std::fs::write(&path, dump(&records, &names)) {
            report
                .notes
                .push(format!("writing {}: {e}", path.display()));
        }
        report.notes.push(format!(
            "replica logs and the sessions' logs (sessions.txt) kept in {}",
            work.display()
        ));
    }
    report.elapsed_s = started.elapsed().as_secs_f64();
    Ok(report)
}

/// Why the session's transfer in flight is left hanging, if it is. A transfer to a terminal was
/// made before the load stopped and every deadline of it has passed since: any still in flight
/// is. One through a group may be offered anew from its queue after the load: it is hanging only
/// past its current deadline (the offer's expiry, the handoff grace, or its queue's maximum
/// wait) by more than the servers take to act on one; waiting with no maximum wait, never.
fn overdue(s: &pb::Session) -> Option<String> {
    /// Deadlines are acted on within a sweep (100 ms) or an engine tick (1 s), or after a
    /// replica restart, all over by now: this is ample.
    const MARGIN_MS: i64 = 5_000;
    let t = s.active_transfer.as_ref()?;
    if t.queue_group.is_empty() {
        return Some(format!(
            "transfer {} still {:?} after the run and its deadlines",
            t.id,
            t.state()
        ));
    }
    let deadline = match t.state() {
        pb::TransferState::Offered => &t.expire_time,
        pb::TransferState::Accepted => &t.handoff_deadline,
        pb::TransferState::Queued => &t.queue_deadline,
        _ => return None,
    };
    let late = events::now_millis() - events::millis(deadline)?;
    (late > MARGIN_MS).then(|| {
        format!(
            "transfer {} still {:?} {} ms past its deadline, after the run",
            t.id,
            t.state(),
            late
        )
    })
}

/// Compares the seats in the database with the capacities every [`SEAT_SAMPLE_EVERY`] until
/// told to stop.
async fn sample_seats(
    pool: sqlx::PgPool,
    names: HashMap<String, String>,
    mut stop: watch::Receiver<bool>,
) -> routing::SeatSamples {
    let name = |id: &str| names.get(id).cloned().unwrap_or_else(|| id.to_owned());
    let mut out = routing::SeatSamples::default();
    loop {
        // Postgres restarts under the load: a sample that fails is skipped.
        if let Ok(Ok(counts)) =
            tokio::time::timeout(Duration::from_secs(5), db::seat_counts(&pool)).await
        {
            out.taken += 1;
            for n in routing::seats_over_capacity(&counts, &name) {
                out.over += 1;
                if out.notes.len() < 10 {
                    out.notes
                        .push(format!("at {} ms: {n}", events::now_millis()));
                }
            }
        }
        tokio::select! {
            _ = tokio::time::sleep(SEAT_SAMPLE_EVERY) => {}
            _ = stop.changed() => return out,
        }
    }
}

/// Every session's log, one event a line (seq, time in ms, author, payload), terminals by name.
fn dump(records: &HashMap<String, SessionRecord>, names: &HashMap<String, String>) -> String {
    let mut ids: Vec<&String> = records.keys().collect();
    ids.sort();
    let mut out = String::new();
    for id in ids {
        let r = &records[id];
        out += &format!("session {id} ({:?})\n", r.session.state());
        for e in &r.log {
            let mut payload = format!("{:?}", e.payload);
            // Names instead of ids, and no context (the dialog again).
            if let Some(at) = payload.find("context: Some(") {
                payload.truncate(at);
            }
            for (tid, name) in names {
                payload = payload.replace(tid.as_str(), name);
            }
            out += &format!(
                "  {:>4} {} {:<10} {payload}\n",
                e.seq,
                events::millis(&e.time).unwrap_or(0),
                names.get(&e.author_terminal_id).map_or("-", String::as_str),
            );
        }
    }
    out
}

/// The session as its holder reads it: the caller's terminal is not shown transfer negotiation
/// (the transfer in flight, past transfers), which the checker needs. `seen` (the caller's view)
/// when the holder cannot read it.
async fn serving_view(
    world: &World,
    rng: &mut Rng,
    id: &str,
    seen: pb::Session,
    until: Instant,
) -> pb::Session {
    match world.by_id.get(&seen.holder_terminal_id) {
        Some(holder) => world
            .get_session(holder, rng, id, until)
            .await
            .unwrap_or(seen),
        None => seen,
    }
}
