//! A small Rust client for terminals: the generated clients with the bearer token attached;
//! [`Feed`], which opens the Attach stream and hands out what arrives on it; and [`Terminal`],
//! which adds reconnection, resumption, exactly-once display, retried sends and typed errors.

mod terminal;

pub use terminal::{Sent, Terminal, TerminalError, TerminalOptions, TransferTo};

use tokio::sync::mpsc;
use tokio_stream::wrappers::ReceiverStream;
use tonic::metadata::{Ascii, MetadataValue};
use tonic::service::Interceptor;
use tonic::service::interceptor::InterceptedService;
use tonic::transport::{Channel, Endpoint};
use tonic::{Request, Status, Streaming};

use crate::pb::{
    self, admin_service_client::AdminServiceClient, attach_request, attach_response,
    terminal_service_client::TerminalServiceClient,
};

pub type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// Adds `authorization: Bearer <token>` to every call.
#[derive(Clone)]
pub struct Bearer(MetadataValue<Ascii>);

impl Bearer {
    pub fn new(token: &str) -> Result<Bearer, BoxError> {
        Ok(Bearer(format!("Bearer {token}").parse()?))
    }
}

impl Interceptor for Bearer {
    fn call(&mut self, mut request: Request<()>) -> Result<Request<()>, Status> {
        request
            .metadata_mut()
            .insert("authorization", self.0.clone());
        Ok(request)
    }
}

pub type TerminalClient = TerminalServiceClient<InterceptedService<Channel, Bearer>>;
pub type AdminClient = AdminServiceClient<InterceptedService<Channel, Bearer>>;

async fn channel(url: &str) -> Result<Channel, BoxError> {
    Ok(Endpoint::from_shared(url.to_owned())?.connect().await?)
}

/// A client for a terminal holding `token`, e.g. `terminal("http://127.0.0.1:50051", token)`.
pub async fn terminal(url: &str, token: &str) -> Result<TerminalClient, BoxError> {
    Ok(TerminalServiceClient::with_interceptor(
        channel(url).await?,
        Bearer::new(token)?,
    ))
}

/// A client for the admin API with the server's admin token.
pub async fn admin(url: &str, admin_token: &str) -> Result<AdminClient, BoxError> {
    Ok(AdminServiceClient::with_interceptor(
        channel(url).await?,
        Bearer::new(admin_token)?,
    ))
}

/// An open Attach stream.
pub struct Feed {
    outbound: mpsc::Sender<pb::AttachRequest>,
    inbound: Streaming<pb::AttachResponse>,
    /// The terminal the server attached (from the `attached` message).
    pub terminal_id: String,
}

impl Feed {
    /// Attaches, resuming after `resume` where given, and waits for the server's `attached`.
    pub async fn open(
        client: &mut TerminalClient,
        resume: Vec<pb::SessionCursor>,
    ) -> Result<Feed, Status> {
        let (outbound, rx) = mpsc::channel(64);
        let hello = pb::AttachRequest {
            kind: Some(attach_request::Kind::Hello(pb::Hello { resume })),
        };
        outbound
            .send(hello)
            .await
            .map_err(|_| Status::internal("request channel closed"))?;
        let mut inbound = client.attach(ReceiverStream::new(rx)).await?.into_inner();
        match inbound.message().await? {
            Some(pb::AttachResponse {
                kind: Some(attach_response::Kind::Attached(a)),
            }) => Ok(Feed {
                outbound,
                inbound,
                terminal_id: a.terminal_id,
            }),
            other => Err(Status::internal(format!(
                "expected attached, got {other:?}"
            ))),
        }
    }

    /// The next thing the server sends; None when the stream ended.
    pub async fn next(&mut self) -> Result<Option<attach_response::Kind>, Status> {
        loop {
            match self.inbound.message().await? {
                None => return Ok(None),
                Some(pb::AttachResponse { kind: Some(kind) }) => return Ok(Some(kind)),
                Some(_) => continue,
            }
        }
    }

    /// Tells the server everything up to `seq` in `session` was processed.
    pub async fn ack(&self, session_id: &str, seq: u64) -> Result<(), Status> {
        self.send(attach_request::Kind::Ack(pb::Ack {
            session_id: session_id.to_owned(),
            seq,
        }))
        .await
    }

    /// Sends a command; its receipt arrives through [`Feed::next`].
    pub async fn command(&self, request_id: &str, kind: pb::command::Kind) -> Result<(), Status> {
        self.send(attach_request::Kind::Command(pb::Command {
            request_id: request_id.to_owned(),
            kind: Some(kind),
        }))
        .await
    }

    async fn send(&self, kind: attach_request::Kind) -> Result<(), Status> {
        self.sender().send(kind).await
    }

    /// A handle that sends on this stream from other tasks; replies still arrive through
    /// [`Feed::next`].
    pub fn sender(&self) -> FeedSender {
        FeedSender {
            outbound: self.outbound.clone(),
        }
    }
}

/// Sends acknowledgements and commands on a [`Feed`]'s stream.
#[derive(Clone)]
pub struct FeedSender {
    outbound: mpsc::Sender<pb::AttachRequest>,
}

impl FeedSender {
    /// Sends a command; its receipt arrives through the feed.
    pub async fn command(&self, request_id: &str, kind: pb::command::Kind) -> Result<(), Status> {
        self.send(attach_request::Kind::Command(pb::Command {
            request_id: request_id.to_owned(),
            kind: Some(kind),
        }))
        .await
    }

    async fn send(&self, kind: attach_request::Kind) -> Result<(), Status> {
        self.outbound
            .send(pb::AttachRequest { kind: Some(kind) })
            .await
            .map_err(|_| Status::unavailable("the stream has ended"))
    }
}
