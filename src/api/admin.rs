//! `handoff.v1.AdminService`: registers terminals and issues their tokens, behind the admin token;
//! the read RPCs also take the supervisor token.

use std::sync::Arc;

use tonic::{Request, Response, Status};
use uuid::Uuid;

use super::audit::{self, Actor};
use super::{bearer, check_text, page_size, page_token, parse_id, parse_page_token};
use super::{routing, rules};
use crate::app::App;
use crate::auth::{new_token, token_hash};
use crate::bus::Signal;
use crate::domain;
use crate::error::{Error, Result, bounded};
use crate::limits::TerminalLimits;
use crate::pb::{self, admin_service_server::AdminService};

#[derive(Clone)]
pub struct AdminApi {
    app: Arc<App>,
    /// SHA-256 of the admin token; None turns the admin API's changes off.
    admin_token_hash: Option<String>,
    /// SHA-256 of the supervisor token, which may call the read RPCs only; None: no supervisors.
    supervisor_token_hash: Option<String>,
}

/// Whose token a call carries.
enum Holder {
    Admin(Actor),
    Supervisor(Actor),
}

impl AdminApi {
    pub fn new(app: Arc<App>, admin_token: Option<&str>, supervisor_token: Option<&str>) -> Self {
        let hash = |t: Option<&str>| t.filter(|t| !t.is_empty()).map(token_hash);
        AdminApi {
            app,
            admin_token_hash: hash(admin_token),
            supervisor_token_hash: hash(supervisor_token),
        }
    }

    /// Whose token the call carries: UNAUTHENTICATED for none or a wrong one, PERMISSION_DENIED
    /// when the server has neither token (the admin API is off).
    fn holder<T>(&self, request: &Request<T>) -> Result<Holder> {
        if self.admin_token_hash.is_none() && self.supervisor_token_hash.is_none() {
            return Err(Error::PermissionDenied(
                "the admin API is off: start the server with --admin-token (or --supervisor-token \
                 to read), or use `handoff admin`"
                    .into(),
            ));
        }
        let Some(token) = bearer(request.metadata()) else {
            return Err(Error::Unauthenticated);
        };
        // Comparing hashes keeps the comparison's timing independent of the token's content.
        let hash = token_hash(token);
        let peer = request.remote_addr();
        match (&self.admin_token_hash, &self.supervisor_token_hash) {
            (Some(admin), _) if &hash == admin => {
                Ok(Holder::Admin(Actor::admin_token(admin, peer)))
            }
            (_, Some(supervisor)) if &hash == supervisor => Ok(Holder::Supervisor(
                Actor::supervisor_token(supervisor, peer),
            )),
            _ => Err(Error::Unauthenticated),
        }
    }

    /// For the RPCs that change something: the admin token only. Returns who calls, for the
    /// audit log.
    fn authorize<T>(&self, request: &Request<T>) -> Result<Actor> {
        if self.admin_token_hash.is_none() {
            return Err(Error::PermissionDenied(
                "changes through the admin API are off: start the server with --admin-token, \
                 or use `handoff admin`"
                    .into(),
            ));
        }
        match self.holder(request)? {
            Holder::Admin(by) => Ok(by),
            Holder::Supervisor(_) => Err(Error::PermissionDenied(
                "the supervisor token may only read".into(),
            )),
        }
    }

    /// For the RPCs that only read: the admin token or the supervisor token.
    fn authorize_read<T>(&self, request: &Request<T>) -> Result<Actor> {
        match self.holder(request)? {
            Holder::Admin(by) | Holder::Supervisor(by) => Ok(by),
        }
    }
}

/// Terminal and group names: 1-64 of letters, digits, '-', '_', '.'.
pub fn check_name(field: &str, name: &str) -> Result<()> {
    let valid = !name.is_empty()
        && name.len() <= 64
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
    if valid {
        Ok(())
    } else {
        Err(Error::invalid(
            field,
            format!(
                "{:?} must be 1-64 characters: letters, digits, '-', '_' or '.'",
                bounded(name, 40)
            ),
        ))
    }
}

fn check_groups(groups: &[String]) -> Result<Vec<String>> {
    if groups.len() > 64 {
        return Err(Error::invalid("groups", "at most 64 groups per terminal"));
    }
    for (i, g) in groups.iter().enumerate() {
        check_name(&format!("groups[{i}]"), g)?;
    }
    let mut groups = groups.to_vec();
    groups.sort();
    groups.dedup();
    Ok(groups)
}

/// Validates and registers a terminal, and records it in the audit log as done `by`; shared by
/// the RPC and the `handoff admin` command.
pub async fn create_terminal(
    app: &App,
    by: &Actor,
    name: &str,
    display_name: &str,
    kind: pb::TerminalKind,
    groups: &[String],
) -> Result<(pb::Terminal, String)> {
    check_name("name", name)?;
    let groups = check_groups(groups)?;
    check_text("display_name", display_name, 256)?;
    if kind == pb::TerminalKind::Unspecified {
        return Err(Error::invalid(
            "kind",
            "must be TERMINAL_KIND_BOT, TERMINAL_KIND_AGENT or TERMINAL_KIND_GATEWAY",
        ));
    }
    let terminal = pb::Terminal {
        id: Uuid::now_v7().to_string(),
        name: name.to_owned(),
        display_name: display_name.to_owned(),
        kind: kind as i32,
        create_time: Some(domain::timestamp(domain::now_millis())),
        groups: groups.clone(),
    };
    let token = new_token();
    app.store
        .create_terminal(&terminal, &token_hash(&token))
        .await?;
    if !groups.is_empty() {
        let id = terminal
            .id
            .parse()
            .map_err(|_| Error::Internal("new id is not a UUID".into()))?;
        app.store.set_groups(id, &groups).await?;
    }
    let detail = format!(
        "name={} kind={} groups={}",
        terminal.name,
        kind.as_str_name(),
        groups.join(",")
    );
    audit::record(app, by, "CreateTerminal", &terminal.id, detail).await?;
    Ok((terminal, token))
}

#[tonic::async_trait]
impl AdminService for AdminApi {
    async fn create_terminal(
        &self,
        request: Request<pb::CreateTerminalRequest>,
    ) -> Result<Response<pb::CreateTerminalResponse>, Status> {
        let by = self.authorize(&request)?;
        let r = request.into_inner();
        let kind = pb::TerminalKind::try_from(r.kind).unwrap_or(pb::TerminalKind::Unspecified);
        let (terminal, token) =
            create_terminal(&self.app, &by, &r.name, &r.display_name, kind, &r.groups).await?;
        Ok(Response::new(pb::CreateTerminalResponse {
            terminal: Some(terminal),
            token,
        }))
    }

    async fn list_terminals(
        &self,
        request: Request<pb::ListTerminalsRequest>,
    ) -> Result<Response<pb::ListTerminalsResponse>, Status> {
        self.authorize_read(&request)?;
        let r = request.into_inner();
        let limit = page_size("page_size", r.page_size)?;
        let after = parse_page_token("page_token", "terminals", &r.page_token)?.unwrap_or_default();
        let mut terminals = self.app.store.list_terminals(&after, limit).await?;
        let ids = terminals
            .iter()
            .map(|t| t.id.parse::<Uuid>())
            .collect::<std::result::Result<Vec<_>, _>>()
            .map_err(|e| Error::Internal(format!("a stored terminal id: {e}")))?;
        let mut groups = self.app.store.groups_of(&ids).await?;
        for (t, id) in terminals.iter_mut().zip(&ids) {
            t.groups = groups.remove(id).unwrap_or_default();
        }
        let next_page_token = match terminals.last() {
            Some(last) if terminals.len() == limit => page_token("terminals", &last.name),
            _ => String::new(),
        };
        Ok(Response::new(pb::ListTerminalsResponse {
            terminals,
            next_page_token,
        }))
    }

    async fn set_terminal_groups(
        &self,
        request: Request<pb::SetTerminalGroupsRequest>,
    ) -> Result<Response<pb::SetTerminalGroupsResponse>, Status> {
        let by = self.authorize(&request)?;
        let r = request.into_inner();
        let id = parse_id("terminal_id", &r.terminal_id)?;
        let groups = check_groups(&r.groups)?;
        if !self.app.store.set_groups(id, &groups).await? {
            return Err(Error::NotFound("terminal").into());
        }
        let detail = format!("groups={}", groups.join(","));
        audit::record(&self.app, &by, "SetTerminalGroups", &id.to_string(), detail).await?;
        let mut terminal = self
            .app
            .store
            .terminal(id)
            .await?
            .ok_or(Error::NotFound("terminal"))?;
        terminal.groups = groups;
        Ok(Response::new(pb::SetTerminalGroupsResponse {
            terminal: Some(terminal),
        }))
    }

    async fn set_terminal_limits(
        &self,
        request: Request<pb::SetTerminalLimitsRequest>,
    ) -> Result<Response<pb::SetTerminalLimitsResponse>, Status> {
        let by = self.authorize(&request)?;
        let r = request.into_inner();
        let id = parse_id("terminal_id", &r.terminal_id)?;
        let limits = terminal_limits(r.limits.unwrap_or_default())?;
        let now = domain::now_millis();
        if !self.app.store.set_terminal_limits(id, &limits, now).await? {
            return Err(Error::NotFound("terminal").into());
        }
        // In force here at once; the other replicas reload when the bus brings the news.
        self.app.limits.set(id, limits);
        self.app.bus.publish(Signal::Limits(id));
        audit::record(
            &self.app,
            &by,
            "SetTerminalLimits",
            &id.to_string(),
            limits_detail(&limits),
        )
        .await?;
        let (in_force, set) = self.app.limits.of(id);
        Ok(Response::new(pb::SetTerminalLimitsResponse {
            terminal_id: id.to_string(),
            limits: Some(limits_pb(set)),
            effective: Some(limits_pb(in_force)),
        }))
    }

    async fn get_terminal_limits(
        &self,
        request: Request<pb::GetTerminalLimitsRequest>,
    ) -> Result<Response<pb::GetTerminalLimitsResponse>, Status> {
        self.authorize_read(&request)?;
        let id = parse_id("terminal_id", &request.get_ref().terminal_id)?;
        if self.app.store.terminal(id).await?.is_none() {
            return Err(Error::NotFound("terminal").into());
        }
        // Read from the database, not this replica's copy, which may be a moment behind.
        let set = self
            .app
            .store
            .terminal_limits_of(id)
            .await?
            .unwrap_or_default();
        let in_force = set.in_force(&self.app.settings.rate);
        Ok(Response::new(pb::GetTerminalLimitsResponse {
            terminal_id: id.to_string(),
            limits: Some(limits_pb(set)),
            effective: Some(limits_pb(in_force)),
        }))
    }

    async fn rotate_terminal_token(
        &self,
        request: Request<pb::RotateTerminalTokenRequest>,
    ) -> Result<Response<pb::RotateTerminalTokenResponse>, Status> {
        let by = self.authorize(&request)?;
        let id = parse_id("terminal_id", &request.get_ref().terminal_id)?;
        let token = new_token();
        if !self
            .app
            .store
            .set_token_hash(id, &token_hash(&token))
            .await?
        {
            return Err(Error::NotFound("terminal").into());
        }
        // Cached lookups of the old token stop being served, here and on the other replicas.
        self.app.bus.publish(Signal::Credentials(id));
        audit::record(
            &self.app,
            &by,
            "RotateTerminalToken",
            &id.to_string(),
            "token replaced".to_owned(),
        )
        .await?;
        let terminal = self
            .app
            .store
            .terminal(id)
            .await?
            .ok_or(Error::NotFound("terminal"))?;
        Ok(Response::new(pb::RotateTerminalTokenResponse {
            terminal: Some(terminal),
            token,
        }))
    }

    async fn list_audit_records(
        &self,
        request: Request<pb::ListAuditRecordsRequest>,
    ) -> Result<Response<pb::ListAuditRecordsResponse>, Status> {
        self.authorize_read(&request)?;
        let r = request.into_inner();
        let limit = page_size("page_size", r.page_size)?;
        let after = parse_page_token("page_token", "audit", &r.page_token)?
            .map(|id| parse_id("page_token", &id))
            .transpose()?;
        let records = self.app.store.audit_records(after, limit).await?;
        let next_page_token = match records.last() {
            Some(last) if records.len() == limit => page_token("audit", &last.id),
            _ => String::new(),
        };
        Ok(Response::new(pb::ListAuditRecordsResponse {
            records,
            next_page_token,
        }))
    }
    async fn delete_session(
        &self,
        request: Request<pb::DeleteSessionRequest>,
    ) -> Result<Response<pb::DeleteSessionResponse>, Status> {
        let by = self.authorize(&request)?;
        let id = parse_id("session_id", &request.get_ref().session_id)?;
        let removed = self.app.delete_sessions(&[id]).await?;
        if removed.sessions == 0 {
            return Err(Error::NotFound("session").into());
        }
        let detail = format!("session={id} {}", removed_detail(removed));
        audit::record(&self.app, &by, "DeleteSession", "", detail).await?;
        Ok(Response::new(pb::DeleteSessionResponse {
            removed: Some(removed_pb(removed)),
        }))
    }

    async fn erase_caller(
        &self,
        request: Request<pb::EraseCallerRequest>,
    ) -> Result<Response<pb::EraseCallerResponse>, Status> {
        let by = self.authorize(&request)?;
        let caller = &request.get_ref().caller_id;
        if caller.trim().is_empty() {
            return Err(Error::invalid("caller_id", "is required").into());
        }
        check_text("caller_id", caller, 256)?;
        let ids = self.app.store.sessions_of_caller(caller).await?;
        let removed = self.app.delete_sessions(&ids).await?;
        // The audit log keeps no personal data: the caller is named by a hash prefix only.
        let detail = format!(
            "caller=sha256:{} {}",
            &token_hash(caller)[..12],
            removed_detail(removed)
        );
        audit::record(&self.app, &by, "EraseCaller", "", detail).await?;
        Ok(Response::new(pb::EraseCallerResponse {
            removed: Some(removed_pb(removed)),
            session_ids: ids.iter().map(Uuid::to_string).collect(),
        }))
    }

    async fn set_terminal_capacity(
        &self,
        request: Request<pb::SetTerminalCapacityRequest>,
    ) -> Result<Response<pb::SetTerminalCapacityResponse>, Status> {
        let by = self.authorize(&request)?;
        let r = routing::set_terminal_capacity(&self.app, &by, request.get_ref()).await?;
        Ok(Response::new(r))
    }

    async fn set_group_routing(
        &self,
        request: Request<pb::SetGroupRoutingRequest>,
    ) -> Result<Response<pb::SetGroupRoutingResponse>, Status> {
        let by = self.authorize(&request)?;
        let r = routing::set_group_routing(&self.app, &by, request.get_ref()).await?;
        Ok(Response::new(r))
    }

    async fn get_group_routing(
        &self,
        request: Request<pb::GetGroupRoutingRequest>,
    ) -> Result<Response<pb::GetGroupRoutingResponse>, Status> {
        self.authorize_read(&request)?;
        let r = routing::get_group_routing(&self.app, request.get_ref()).await?;
        Ok(Response::new(r))
    }

    async fn set_transfer_rules(
        &self,
        request: Request<pb::SetTransferRulesRequest>,
    ) -> Result<Response<pb::SetTransferRulesResponse>, Status> {
        let by = self.authorize(&request)?;
        let r = rules::set_transfer_rules(&self.app, &by, request.get_ref()).await?;
        Ok(Response::new(r))
    }

    async fn get_transfer_rules(
        &self,
        request: Request<pb::GetTransferRulesRequest>,
    ) -> Result<Response<pb::GetTransferRulesResponse>, Status> {
        self.authorize_read(&request)?;
        let r = rules::get_transfer_rules(&self.app, request.get_ref()).await?;
        Ok(Response::new(r))
    }

    async fn list_terminal_states(
        &self,
        request: Request<pb::ListTerminalStatesRequest>,
    ) -> Result<Response<pb::ListTerminalStatesResponse>, Status> {
        self.authorize_read(&request)?;
        let r = routing::list_terminal_states(&self.app, request.get_ref()).await?;
        Ok(Response::new(r))
    }

    type WatchTerminalStatesStream = std::pin::Pin<
        Box<
            dyn futures_util::Stream<Item = Result<pb::WatchTerminalStatesResponse, Status>>
                + Send
                + 'static,
        >,
    >;

    async fn watch_terminal_states(
        &self,
        request: Request<pb::WatchTerminalStatesRequest>,
    ) -> Result<Response<Self::WatchTerminalStatesStream>, Status> {
        self.authorize_read(&request)?;
        let rx = routing::watch_terminal_states(self.app.clone(), request.get_ref())?;
        Ok(Response::new(Box::pin(
            tokio_stream::wrappers::ReceiverStream::new(rx),
        )))
    }

    async fn list_sessions(
        &self,
        request: Request<pb::ListSessionsRequest>,
    ) -> Result<Response<pb::ListSessionsResponse>, Status> {
        self.authorize_read(&request)?;
        let r = routing::list_sessions(&self.app, request.get_ref()).await?;
        Ok(Response::new(r))
    }

    async fn list_queue_stats(
        &self,
        request: Request<pb::ListQueueStatsRequest>,
    ) -> Result<Response<pb::ListQueueStatsResponse>, Status> {
        self.authorize_read(&request)?;
        let r = routing::list_queue_stats(&self.app, request.get_ref()).await?;
        Ok(Response::new(r))
    }
}

/// Validates limits as given to SetTerminalLimits.
fn terminal_limits(l: pb::TerminalLimits) -> Result<TerminalLimits> {
    for (field, burst) in [
        ("limits.messages_burst", l.messages_burst),
        ("limits.connects_burst", l.connects_burst),
    ] {
        if burst == Some(0) {
            return Err(Error::invalid(
                field,
                "a burst is at least 1 (leave it unset for the default)",
            ));
        }
    }
    Ok(TerminalLimits {
        messages_per_second: l.messages_per_second,
        messages_burst: l.messages_burst,
        connects_per_second: l.connects_per_second,
        connects_burst: l.connects_burst,
        max_attach_streams: l.max_attach_streams,
    })
}

fn limits_pb(l: TerminalLimits) -> pb::TerminalLimits {
    pb::TerminalLimits {
        messages_per_second: l.messages_per_second,
        messages_burst: l.messages_burst,
        connects_per_second: l.connects_per_second,
        connects_burst: l.connects_burst,
        max_attach_streams: l.max_attach_streams,
    }
}

/// The audit record's account of limits set: each field set, or `defaults`.
fn limits_detail(l: &TerminalLimits) -> String {
    let fields = [
        ("messages_per_second", l.messages_per_second),
        ("messages_burst", l.messages_burst),
        ("connects_per_second", l.connects_per_second),
        ("connects_burst", l.connects_burst),
        ("max_attach_streams", l.max_attach_streams),
    ];
    let set: Vec<String> = fields
        .iter()
        .filter_map(|(name, v)| v.map(|v| format!("{name}={v}")))
        .collect();
    if set.is_empty() {
        "defaults".to_owned()
    } else {
        set.join(" ")
    }
}

fn removed_pb(r: crate::store::Removed) -> pb::Removed {
    pb::Removed {
        sessions: r.sessions,
        events: r.events,
        memberships: r.memberships,
        session_tokens: r.session_tokens,
    }
}

fn removed_detail(r: crate::store::Removed) -> String {
    format!(
        "sessions={} events={} memberships={} session_tokens={}",
        r.sessions, r.events, r.memberships, r.session_tokens
    )
}
