//! `handoff.v1.TerminalService`: the RPCs a terminal calls.

use std::sync::Arc;

use tonic::{Request, Response, Status, Streaming};

use super::{
    Principal, attach, authenticate, check_facts, ops, page_size, page_token, parse_id,
    parse_page_token, principal, session_token, validate_caller,
};
use crate::app::App;
use crate::domain;
use crate::error::{Error, Result};
use crate::pb::{self, terminal_service_server::TerminalService};

#[derive(Clone)]
pub struct TerminalApi {
    app: Arc<App>,
}

impl TerminalApi {
    pub fn new(app: Arc<App>) -> Self {
        TerminalApi { app }
    }
}

#[tonic::async_trait]
impl TerminalService for TerminalApi {
    async fn connect(
        &self,
        request: Request<pb::ConnectRequest>,
    ) -> Result<Response<pb::ConnectResponse>, Status> {
        let actor = authenticate(&self.app, &request).await?;
        self.app.limits.connect(actor)?;
        let r = request.into_inner();
        let to_group = !r.destination_group.is_empty();
        if to_group && !r.destination_terminal_id.is_empty() {
            return Err(Error::invalid(
                "destination_group",
                "name a destination terminal or a group, not both",
            )
            .into());
        }
        let destination = match to_group {
            true => None,
            false => Some(parse_id(
                "destination_terminal_id",
                &r.destination_terminal_id,
            )?),
        };
        if to_group {
            super::check_name("destination_group", &r.destination_group)?;
        }
        if !(-1000..=1000).contains(&r.priority) {
            return Err(Error::invalid("priority", "must be between -1000 and 1000").into());
        }
        let caller = validate_caller(r.caller)?;
        let channel = match pb::Channel::try_from(r.channel) {
            Ok(pb::Channel::Unspecified) | Err(_) => {
                return Err(Error::invalid(
                    "channel",
                    "must be CHANNEL_IM, CHANNEL_SMS or CHANNEL_WEB",
                )
                .into());
            }
            Ok(c) => c,
        };
        check_facts("facts", &r.facts, &self.app.settings.limits)?;
        let session = match destination {
            Some(destination) => {
                self.app
                    .connect(actor, destination, caller, channel, r.facts)
                    .await?
            }
            None => {
                self.app
                    .connect_group(
                        actor,
                        &r.destination_group,
                        caller,
                        channel,
                        r.facts,
                        r.priority,
                    )
                    .await?
            }
        };
        Ok(Response::new(pb::ConnectResponse {
            session: Some(domain::view_for(session, actor)),
        }))
    }

    async fn acknowledge_connect(
        &self,
        request: Request<pb::AcknowledgeConnectRequest>,
    ) -> Result<Response<pb::AcknowledgeConnectResponse>, Status> {
        let actor = authenticate(&self.app, &request).await?;
        let session = ops::acknowledge_connect(&self.app, actor, request.get_ref()).await?;
        Ok(Response::new(pb::AcknowledgeConnectResponse {
            session: Some(domain::view_for(session, actor)),
        }))
    }

    async fn message(
        &self,
        request: Request<pb::MessageRequest>,
    ) -> Result<Response<pb::MessageResponse>, Status> {
        let who = principal(&self.app, &request).await?;
        let r = request.into_inner();
        let (session, key) = ops::validate_message(&self.app, &r)?;
        let actor = who.actor_on(session)?;
        self.app.limits.message(actor)?;
        let a = self.app.message(actor, session, r.body, key).await?;
        Ok(Response::new(pb::MessageResponse {
            seq: a.seq,
            time: Some(domain::timestamp(a.time)),
            duplicate: a.duplicate,
        }))
    }

    async fn transfer(
        &self,
        request: Request<pb::TransferRequest>,
    ) -> Result<Response<pb::TransferResponse>, Status> {
        let actor = authenticate(&self.app, &request).await?;
        let transfer = ops::transfer(&self.app, actor, request.into_inner()).await?;
        Ok(Response::new(pb::TransferResponse {
            transfer: Some(transfer),
        }))
    }

    async fn accept_transfer(
        &self,
        request: Request<pb::AcceptTransferRequest>,
    ) -> Result<Response<pb::AcceptTransferResponse>, Status> {
        let actor = authenticate(&self.app, &request).await?;
        let (transfer, session) = ops::accept_transfer(&self.app, actor, request.get_ref()).await?;
        Ok(Response::new(pb::AcceptTransferResponse {
            transfer: Some(transfer),
            session: Some(domain::view_for(session, actor)),
        }))
    }

    async fn decline_transfer(
        &self,
        request: Request<pb::DeclineTransferRequest>,
    ) -> Result<Response<pb::DeclineTransferResponse>, Status> {
        let actor = authenticate(&self.app, &request).await?;
        let transfer = ops::decline_transfer(&self.app, actor, request.get_ref()).await?;
        Ok(Response::new(pb::DeclineTransferResponse {
            transfer: Some(transfer),
        }))
    }

    async fn cancel_transfer(
        &self,
        request: Request<pb::CancelTransferRequest>,
    ) -> Result<Response<pb::CancelTransferResponse>, Status> {
        let actor = authenticate(&self.app, &request).await?;
        let transfer = ops::cancel_transfer(&self.app, actor, request.get_ref()).await?;
        Ok(Response::new(pb::CancelTransferResponse {
            transfer: Some(transfer),
        }))
    }

    async fn disconnect(
        &self,
        request: Request<pb::DisconnectRequest>,
    ) -> Result<Response<pb::DisconnectResponse>, Status> {
        let who = principal(&self.app, &request).await?;
        let actor = who.actor_on(parse_id("session_id", &request.get_ref().session_id)?)?;
        let (session, seq) = ops::disconnect(&self.app, actor, request.get_ref()).await?;
        Ok(Response::new(pb::DisconnectResponse {
            session: Some(domain::view_for(session, actor)),
            seq,
        }))
    }

    async fn acknowledge_disconnect(
        &self,
        request: Request<pb::AcknowledgeDisconnectRequest>,
    ) -> Result<Response<pb::AcknowledgeDisconnectResponse>, Status> {
        let actor = authenticate(&self.app, &request).await?;
        let session = ops::acknowledge_disconnect(&self.app, actor, request.get_ref()).await?;
        Ok(Response::new(pb::AcknowledgeDisconnectResponse {
            session: Some(domain::view_for(session, actor)),
        }))
    }

    async fn get_session(
        &self,
        request: Request<pb::GetSessionRequest>,
    ) -> Result<Response<pb::GetSessionResponse>, Status> {
        let who = principal(&self.app, &request).await?;
        let session = parse_id("session_id", &request.get_ref().session_id)?;
        let actor = who.actor_on(session)?;
        let (session, _) = self.app.session_for(actor, session).await?;
        Ok(Response::new(pb::GetSessionResponse {
            session: Some(domain::view_for(session, actor)),
        }))
    }

    async fn list_events(
        &self,
        request: Request<pb::ListEventsRequest>,
    ) -> Result<Response<pb::ListEventsResponse>, Status> {
        let who = principal(&self.app, &request).await?;
        let r = request.into_inner();
        let id = parse_id("session_id", &r.session_id)?;
        let actor = who.actor_on(id)?;
        let limit = page_size("page_size", r.page_size)?;
        // Permission before anything about the token: a foreign session is simply not found.
        let (session, role) = self.app.session_for(actor, id).await?;
        let after = match parse_page_token("page_token", &r.session_id, &r.page_token)? {
            Some(a) => a.parse::<u64>().map_err(|_| {
                Error::invalid("page_token", "is not a page token issued for this request")
            })?,
            None => 0,
        };
        let (events, cursor) = self
            .app
            .events_for(actor, id, role, after, u64::MAX, limit)
            .await?;
        let next_page_token = if cursor < session.last_seq && cursor > after {
            page_token(&r.session_id, &cursor.to_string())
        } else {
            String::new()
        };
        Ok(Response::new(pb::ListEventsResponse {
            events,
            next_page_token,
        }))
    }

    type AttachStream = attach::AttachStream;

    async fn attach(
        &self,
        request: Request<Streaming<pb::AttachRequest>>,
    ) -> Result<Response<Self::AttachStream>, Status> {
        let actor = authenticate(&self.app, &request).await?;
        let permit = self.app.limits.attach(actor)?;
        let stream = attach::start(self.app.clone(), actor, permit, request.into_inner()).await?;
        Ok(Response::new(stream))
    }

    type SubscribeStream = attach::SubscribeStream;

    async fn subscribe(
        &self,
        request: Request<pb::SubscribeRequest>,
    ) -> Result<Response<Self::SubscribeStream>, Status> {
        let who = principal(&self.app, &request).await?;
        let r = request.into_inner();
        let only = match r.session_id.as_str() {
            "" => None,
            id => Some(parse_id("session_id", id)?),
        };
        let stream = match who {
            Principal::Terminal(t) => {
                let permit = self.app.limits.attach(t)?;
                let scope = only.map_or(attach::Scope::All, attach::Scope::Session);
                attach::subscribe(self.app.clone(), t, &r.resume, scope, None, permit).await?
            }
            Principal::Session(ref grant) => {
                who.actor_on(only.unwrap_or(grant.session))?;
                let mut resume = r.resume;
                // Without a cursor a browser reads its session from the start: what the gateway
                // acknowledged on its own feed says nothing of what the browser has shown.
                if resume
                    .iter()
                    .all(|c| parse_id("resume", &c.session_id).ok() != Some(grant.session))
                {
                    resume.push(pb::SessionCursor {
                        session_id: grant.session.to_string(),
                        seq: 0,
                    });
                }
                let scope = attach::Scope::Session(grant.session);
                // A visitor's feed counts among its gateway's streams.
                let permit = self.app.limits.attach(grant.terminal)?;
                attach::subscribe(
                    self.app.clone(),
                    grant.terminal,
                    &resume,
                    scope,
                    Some(grant.clone()),
                    permit,
                )
                .await?
            }
        };
        Ok(Response::new(stream))
    }

    async fn acknowledge(
        &self,
        request: Request<pb::AcknowledgeRequest>,
    ) -> Result<Response<pb::AcknowledgeResponse>, Status> {
        let actor = authenticate(&self.app, &request).await?;
        let r = request.into_inner();
        let session = parse_id("session_id", &r.session_id)?;
        // Permission before anything else: a session it never took part in is not found.
        self.app
            .store
            .membership(actor, session)
            .await
            .map_err(Status::from)?
            .ok_or(Error::NotFound("session"))?;
        self.app
            .writer
            .acknowledge_committed(actor, session, r.seq)
            .await?;
        Ok(Response::new(pb::AcknowledgeResponse {}))
    }

    async fn create_session_token(
        &self,
        request: Request<pb::CreateSessionTokenRequest>,
    ) -> Result<Response<pb::CreateSessionTokenResponse>, Status> {
        let actor = authenticate(&self.app, &request).await?;
        let minted = session_token::create(&self.app, actor, request.get_ref()).await?;
        Ok(Response::new(minted))
    }

    async fn revoke_session_token(
        &self,
        request: Request<pb::RevokeSessionTokenRequest>,
    ) -> Result<Response<pb::RevokeSessionTokenResponse>, Status> {
        let actor = authenticate(&self.app, &request).await?;
        session_token::revoke(&self.app, actor, request.get_ref()).await?;
        Ok(Response::new(pb::RevokeSessionTokenResponse {}))
    }

    async fn list_session_terminals(
        &self,
        request: Request<pb::ListSessionTerminalsRequest>,
    ) -> Result<Response<pb::ListSessionTerminalsResponse>, Status> {
        let who = principal(&self.app, &request).await?;
        let session = parse_id("session_id", &request.get_ref().session_id)?;
        let actor = who.actor_on(session)?;
        let (s, _) = self.app.session_for(actor, session).await?;
        let mut ids = vec![s.caller_terminal_id.clone()];
        for h in &s.holders {
            if !ids.contains(&h.terminal_id) {
                ids.push(h.terminal_id.clone());
            }
        }
        let mut terminals = Vec::with_capacity(ids.len());
        for id in ids {
            let Ok(uuid) = id.parse() else { continue };
            if let Some(t) = self.app.store.terminal(uuid).await.map_err(Status::from)? {
                let display_name = if t.display_name.is_empty() {
                    t.name.clone()
                } else {
                    t.display_name.clone()
                };
                terminals.push(pb::SessionTerminal {
                    id: t.id,
                    display_name,
                    kind: t.kind,
                });
            }
        }
        Ok(Response::new(pb::ListSessionTerminalsResponse {
            terminals,
        }))
    }

    async fn set_status(
        &self,
        request: Request<pb::SetStatusRequest>,
    ) -> Result<Response<pb::SetStatusResponse>, Status> {
        let actor = authenticate(&self.app, &request).await?;
        let state = super::routing::set_status(&self.app, actor, request.get_ref()).await?;
        Ok(Response::new(pb::SetStatusResponse { state: Some(state) }))
    }
}
