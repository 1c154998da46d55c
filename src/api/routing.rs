//! The routing RPCs: a terminal's status (TerminalService.SetStatus and its stream command) and
//! the administrators' side (capacity, group routing, terminal states, sessions, queues).
//! Validation and conversion only; [`crate::router`] and the store do the work.

use std::collections::HashMap;
use std::time::Duration;

use uuid::Uuid;

use super::audit::{self, Actor};
use super::{check_name, check_text, page_size, page_token, parse_id, parse_page_token};
use crate::app::App;
use crate::domain::queue::{Policy, Strategy};
use crate::domain::{self, Millis};
use crate::error::{Error, Result};
use crate::pb;
use crate::store::routing::{SessionFilter, StateFilter};

/// The most a capacity may be.
const MAX_CAPACITY: u32 = 10_000;
/// The longest a routing duration may be.
const MAX_DURATION: Duration = Duration::from_secs(24 * 3600);
/// How often a WatchTerminalStates stream looks for changes.
const WATCH_POLL: Duration = Duration::from_millis(200);
/// How far back each look reaches, for a change committed with an earlier time than one seen.
const WATCH_SLACK_MS: Millis = 2_000;

pub(super) fn validate_status(r: &pb::SetStatusRequest) -> Result<pb::TerminalStatus> {
    check_text("reason", &r.reason, 256)?;
    match pb::TerminalStatus::try_from(r.status) {
        Ok(pb::TerminalStatus::Unspecified) | Err(_) => Err(Error::invalid(
            "status",
            "must be TERMINAL_STATUS_AVAILABLE, TERMINAL_STATUS_AWAY or TERMINAL_STATUS_BUSY",
        )),
        Ok(s) => Ok(s),
    }
}

/// SetStatus, as the RPC and the stream command run it.
pub(super) async fn set_status(
    app: &App,
    terminal: Uuid,
    r: &pb::SetStatusRequest,
) -> Result<pb::TerminalState> {
    let status = validate_status(r)?;
    app.set_status(terminal, status, &r.reason).await
}

pub(super) async fn set_terminal_capacity(
    app: &App,
    by: &Actor,
    r: &pb::SetTerminalCapacityRequest,
) -> Result<pb::SetTerminalCapacityResponse> {
    let id = parse_id("terminal_id", &r.terminal_id)?;
    if r.capacity > MAX_CAPACITY {
        return Err(Error::invalid(
            "capacity",
            format!("must be at most {MAX_CAPACITY} (0: no limit)"),
        ));
    }
    let capacity = (r.capacity > 0).then_some(r.capacity);
    if !app.store.set_capacity(id, capacity).await? {
        return Err(Error::NotFound("terminal"));
    }
    audit::record(
        app,
        by,
        "SetTerminalCapacity",
        &id.to_string(),
        format!("capacity={}", r.capacity),
    )
    .await?;
    // A higher capacity may let the queues offer it more.
    app.routing_changed();
    let state = app
        .terminal_state(id)
        .await?
        .ok_or(Error::NotFound("terminal"))?;
    Ok(pb::SetTerminalCapacityResponse { state: Some(state) })
}

fn duration(field: &str, d: &Option<prost_types::Duration>) -> Result<Option<Duration>> {
    let Some(d) = d else {
        return Ok(None);
    };
    if d.seconds < 0 || d.nanos < 0 {
        return Err(Error::invalid(field, "must not be negative"));
    }
    let d = Duration::new(d.seconds as u64, d.nanos as u32);
    if d > MAX_DURATION {
        return Err(Error::invalid(field, "must be at most 24 h"));
    }
    Ok((!d.is_zero()).then_some(d))
}

fn duration_pb(d: Option<Duration>) -> Option<prost_types::Duration> {
    d.map(|d| prost_types::Duration {
        seconds: d.as_secs() as i64,
        nanos: d.subsec_nanos() as i32,
    })
}

fn routing_pb(group: &str, p: &Policy) -> pb::GroupRouting {
    pb::GroupRouting {
        group: group.to_owned(),
        strategy: p.strategy.to_pb() as i32,
        ring_timeout: duration_pb(p.ring_timeout),
        max_wait: duration_pb(p.max_wait),
        overflow_group: p.overflow.clone().unwrap_or_default(),
        away_grace: duration_pb(p.away_grace),
    }
}

pub(super) async fn set_group_routing(
    app: &App,
    by: &Actor,
    r: &pb::SetGroupRoutingRequest,
) -> Result<pb::SetGroupRoutingResponse> {
    let g = r
        .routing
        .as_ref()
        .ok_or_else(|| Error::invalid("routing", "is required"))?;
    check_name("routing.group", &g.group)?;
    if !g.overflow_group.is_empty() {
        check_name("routing.overflow_group", &g.overflow_group)?;
        if g.overflow_group == g.group {
            return Err(Error::invalid(
                "routing.overflow_group",
                "must be another group than the one it is set for",
            ));
        }
    }
    let strategy = match pb::RoutingStrategy::try_from(g.strategy) {
        Ok(s) => Strategy::from_pb(s as i32),
        Err(_) => {
            return Err(Error::invalid(
                "routing.strategy",
                "is not a known strategy",
            ));
        }
    };
    let policy = Policy {
        strategy,
        ring_timeout: duration("routing.ring_timeout", &g.ring_timeout)?,
        max_wait: duration("routing.max_wait", &g.max_wait)?,
        overflow: (!g.overflow_group.is_empty()).then(|| g.overflow_group.clone()),
        away_grace: duration("routing.away_grace", &g.away_grace)?,
    };
    app.set_group_policy(&g.group, &policy).await?;
    let set = routing_pb(&g.group, &policy);
    let detail = format!(
        "group={} strategy={} ring_timeout_ms={} max_wait_ms={} overflow_group={} away_grace_ms={}",
        g.group,
        strategy.to_pb().as_str_name(),
        policy.ring_timeout.map_or(0, |d| d.as_millis()),
        policy.max_wait.map_or(0, |d| d.as_millis()),
        set.overflow_group,
        policy.away_grace.map_or(0, |d| d.as_millis()),
    );
    audit::record(app, by, "SetGroupRouting", "", detail).await?;
    Ok(pb::SetGroupRoutingResponse { routing: Some(set) })
}

pub(super) async fn get_group_routing(
    app: &App,
    r: &pb::GetGroupRoutingRequest,
) -> Result<pb::GetGroupRoutingResponse> {
    check_name("group", &r.group)?;
    let policy = app.policies().await?.of(&r.group);
    Ok(pb::GetGroupRoutingResponse {
        routing: Some(routing_pb(&r.group, &policy)),
    })
}

fn optional_group<'a>(field: &str, group: &'a str) -> Result<Option<&'a str>> {
    if group.is_empty() {
        return Ok(None);
    }
    check_name(field, group)?;
    Ok(Some(group))
}

pub(super) async fn list_terminal_states(
    app: &App,
    r: &pb::ListTerminalStatesRequest,
) -> Result<pb::ListTerminalStatesResponse> {
    let limit = page_size("page_size", r.page_size)?;
    let group = optional_group("group", &r.group)?;
    let scope = format!("terminal-states:{}", r.group);
    let after = parse_page_token("page_token", &scope, &r.page_token)?;
    let rows = app
        .store
        .terminal_states(
            &StateFilter {
                group,
                after_name: after.as_deref(),
                limit,
                ..StateFilter::default()
            },
            app.live_since(),
        )
        .await?;
    let next_page_token = match rows.last() {
        Some(last) if rows.len() == limit => page_token(&scope, &last.name),
        _ => String::new(),
    };
    Ok(pb::ListTerminalStatesResponse {
        states: app.states_pb(rows).await?,
        next_page_token,
    })
}

/// WatchTerminalStates: the states of terminals that set a status, then each change, by
/// looking for changes a few times a second (on any replica: the status is in the database).
pub(super) fn watch_terminal_states(
    app: std::sync::Arc<App>,
    r: &pb::WatchTerminalStatesRequest,
) -> Result<
    tokio::sync::mpsc::Receiver<
        std::result::Result<pb::WatchTerminalStatesResponse, tonic::Status>,
    >,
> {
    let group = optional_group("group", &r.group)?.map(str::to_owned);
    let (tx, rx) = tokio::sync::mpsc::channel(64);
    let mut shutdown = app.shutdown.clone();
    tokio::spawn(async move {
        // The change time each terminal was last sent with.
        let mut sent: HashMap<Uuid, Millis> = HashMap::new();
        let mut since: Millis = 0;
        loop {
            let rows = app
                .store
                .terminal_states(
                    &StateFilter {
                        group: group.as_deref(),
                        changed_since: Some(since),
                        limit: 10_000,
                        ..StateFilter::default()
                    },
                    app.live_since(),
                )
                .await;
            let rows = match rows {
                Ok(rows) => rows,
                Err(e) => {
                    let _ = tx.send(Err(e.into())).await;
                    return;
                }
            };
            let fresh: Vec<_> = rows
                .into_iter()
                .filter(|r| {
                    r.changed_ms
                        .is_some_and(|c| sent.get(&r.id).is_none_or(|s| *s != c))
                })
                .collect();
            for r in &fresh {
                if let Some(c) = r.changed_ms {
                    sent.insert(r.id, c);
                    since = since.max(c - WATCH_SLACK_MS);
                }
            }
            match app.states_pb(fresh).await {
                Ok(states) => {
                    for state in states {
                        let item = pb::WatchTerminalStatesResponse { state: Some(state) };
                        if tx.send(Ok(item)).await.is_err() {
                            return;
                        }
                    }
                }
                Err(e) => {
                    let _ = tx.send(Err(e.into())).await;
                    return;
                }
            }
            tokio::select! {
                _ = tokio::time::sleep(WATCH_POLL) => {}
                _ = tx.closed() => return,
                _ = shutdown.wait_for(|stop| *stop) => return,
            }
        }
    });
    Ok(rx)
}

pub(super) async fn list_sessions(
    app: &App,
    r: &pb::ListSessionsRequest,
) -> Result<pb::ListSessionsResponse> {
    let limit = page_size("page_size", r.page_size)?;
    let holder = match r.holder_terminal_id.as_str() {
        "" => None,
        id => Some(parse_id("holder_terminal_id", id)?),
    };
    let group = optional_group("group", &r.group)?.map(str::to_owned);
    let state = match pb::SessionState::try_from(r.state) {
        Ok(pb::SessionState::Unspecified) => None,
        Ok(s) => Some(s as i64),
        Err(_) => return Err(Error::invalid("state", "is not a known session state")),
    };
    // The filters are part of the token's scope: a token is valid for the query it came from.
    let scope = format!(
        "sessions:{}:{}:{}:{}",
        r.holder_terminal_id, r.group, r.state, r.queued
    );
    let before = match parse_page_token("page_token", &scope, &r.page_token)? {
        Some(id) => Some(parse_id("page_token", &id)?),
        None => None,
    };
    let sessions = app
        .store
        .list_sessions(&SessionFilter {
            holder,
            group,
            state,
            queued: r.queued,
            before,
            limit,
        })
        .await?;
    let next_page_token = match sessions.last() {
        Some(last) if sessions.len() == limit => page_token(&scope, &last.id),
        _ => String::new(),
    };
    Ok(pb::ListSessionsResponse {
        sessions,
        next_page_token,
    })
}

async fn queue_stats(app: &App, group: &str) -> Result<pb::QueueStats> {
    let figures = app.store.queue_figures(group).await?;
    let members = app.members_of(group).await?;
    let policy = app.policies().await?.of(group);
    let now = domain::now_millis();
    let oldest = figures
        .oldest_since_ms
        .map_or(0, |since| (now - since).max(0) as u64);
    Ok(pb::QueueStats {
        group: group.to_owned(),
        length: figures.length as u32,
        oldest_wait: duration_pb(Some(Duration::from_millis(oldest))),
        available_members: members
            .iter()
            .filter(|m| crate::router::can_take(m))
            .count() as u32,
        members: members.len() as u32,
        offers_in_flight: figures.offers_in_flight as u32,
        routing: Some(routing_pb(group, &policy)),
    })
}

pub(super) async fn list_queue_stats(
    app: &App,
    r: &pb::ListQueueStatsRequest,
) -> Result<pb::ListQueueStatsResponse> {
    let limit = page_size("page_size", r.page_size)?;
    if let Some(group) = optional_group("group", &r.group)? {
        return Ok(pb::ListQueueStatsResponse {
            queues: vec![queue_stats(app, group).await?],
            next_page_token: String::new(),
        });
    }
    let after = parse_page_token("page_token", "queues", &r.page_token)?.unwrap_or_default();
    let groups = app.store.group_names(&after, limit).await?;
    let mut queues = Vec::with_capacity(groups.len());
    for g in &groups {
        queues.push(queue_stats(app, g).await?);
    }
    let next_page_token = match groups.last() {
        Some(last) if groups.len() == limit => page_token("queues", last),
        _ => String::new(),
    };
    Ok(pb::ListQueueStatsResponse {
        queues,
        next_page_token,
    })
}
