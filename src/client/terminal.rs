//! [`Terminal`]: one terminal's connection to a handoff server, doing once what every bot, agent
//! desktop and gateway would otherwise write again: a live feed that reconnects, resumes and shows
//! each event exactly once; sends that are retried with their idempotency key until committed; and
//! the protocol steps as typed calls with typed errors. The Python and TypeScript clients have the
//! same helper, with the same names where the languages allow.
//!
//! The only state kept is what the server could give back: per session, the highest seq shown
//! (sent as resume cursors, so a reconnect continues exactly where the feed stopped) and the one
//! acknowledgement not sent yet. A process that loses it (a restart) resumes from what it
//! acknowledged instead, and sees at most the unacknowledged events again.

use std::collections::HashMap;
use std::time::Duration;

use rand::RngExt;
use tonic::transport::Endpoint;
use tonic::{Code, Status};

use super::{Bearer, Feed, TerminalClient};
use crate::pb::{self, attach_response};

/// How a [`Terminal`] behaves; `Default` gives the values the other languages' helpers use.
#[derive(Debug, Clone)]
pub struct TerminalOptions {
    /// Acknowledge each event once the application asks for the next one (its handler returned).
    pub auto_ack: bool,
    /// Bound of the first reconnect or retry pause; it doubles per failure (full jitter).
    pub backoff_initial: Duration,
    /// Largest pause bound.
    pub backoff_max: Duration,
    /// Deadline of one attempt of a unary call (Connect has its own).
    pub call_timeout: Duration,
    /// Deadline of Connect, which waits for the destination's acknowledgement.
    pub connect_timeout: Duration,
    /// How long the calls that are safe to repeat (message, acknowledge_disconnect, get_session,
    /// list_events) keep retrying.
    pub retry_deadline: Duration,
}

impl Default for TerminalOptions {
    fn default() -> Self {
        TerminalOptions {
            auto_ack: true,
            backoff_initial: Duration::from_millis(100),
            backoff_max: Duration::from_secs(5),
            call_timeout: Duration::from_secs(10),
            connect_timeout: Duration::from_secs(60),
            retry_deadline: Duration::from_secs(60),
        }
    }
}

/// A call refused by the server, by its status code: match on the variant, not on the text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TerminalError {
    #[error("not found: {0}")]
    NotFound(String),
    #[error("invalid argument: {0}")]
    InvalidArgument(String),
    #[error("failed precondition: {0}")]
    FailedPrecondition(String),
    #[error("unavailable: {0}")]
    Unavailable(String),
    #[error("resource exhausted: {0}")]
    ResourceExhausted(String),
    #[error("out of range: {0}")]
    OutOfRange(String),
    #[error("permission denied: {0}")]
    PermissionDenied(String),
    #[error("unauthenticated: {0}")]
    Unauthenticated(String),
    #[error("already exists: {0}")]
    AlreadyExists(String),
    #[error("deadline exceeded: {0}")]
    DeadlineExceeded(String),
    #[error("aborted: {0}")]
    Aborted(String),
    #[error("internal: {0}")]
    Internal(String),
    #[error("{code:?}: {message}")]
    Other { code: Code, message: String },
}

impl From<Status> for TerminalError {
    fn from(s: Status) -> Self {
        let m = s.message().to_owned();
        match s.code() {
            Code::NotFound => TerminalError::NotFound(m),
            Code::InvalidArgument => TerminalError::InvalidArgument(m),
            Code::FailedPrecondition => TerminalError::FailedPrecondition(m),
            Code::Unavailable => TerminalError::Unavailable(m),
            Code::ResourceExhausted => TerminalError::ResourceExhausted(m),
            Code::OutOfRange => TerminalError::OutOfRange(m),
            Code::PermissionDenied => TerminalError::PermissionDenied(m),
            Code::Unauthenticated => TerminalError::Unauthenticated(m),
            Code::AlreadyExists => TerminalError::AlreadyExists(m),
            Code::DeadlineExceeded => TerminalError::DeadlineExceeded(m),
            Code::Aborted => TerminalError::Aborted(m),
            Code::Internal => TerminalError::Internal(m),
            code => TerminalError::Other { code, message: m },
        }
    }
}

/// Failures after which a call that is safe to repeat is tried again: the server (or the way to
/// it) was down, or the attempt ran out of time. tonic reports a connection that broke under a
/// call as UNKNOWN, CANCELLED or INTERNAL ("transport error", "h2 protocol error").
fn retriable(code: Code) -> bool {
    matches!(
        code,
        Code::Unavailable
            | Code::DeadlineExceeded
            | Code::Unknown
            | Code::Cancelled
            | Code::Aborted
            | Code::Internal
    )
}

/// Attach failures another attempt cannot fix: a bad token, or cursors the server refuses.
fn fatal_on_attach(code: Code) -> bool {
    matches!(
        code,
        Code::Unauthenticated
            | Code::PermissionDenied
            | Code::InvalidArgument
            | Code::NotFound
            | Code::OutOfRange
            | Code::FailedPrecondition
            | Code::Unimplemented
    )
}

/// A message's outcome: its seq, and whether an earlier attempt had already committed it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sent {
    pub seq: u64,
    pub duplicate: bool,
}

/// Where a transfer goes: one terminal, or every attached member of a group.
#[derive(Debug, Clone)]
pub enum TransferTo {
    Terminal(String),
    Group(String),
}

/// Pauses with exponential growth and full jitter, so that many clients cut off at once do not
/// come back in step.
struct Backoff {
    initial: Duration,
    max: Duration,
    failures: u32,
}

impl Backoff {
    fn new(o: &TerminalOptions) -> Backoff {
        Backoff {
            initial: o.backoff_initial,
            max: o.backoff_max,
            failures: 0,
        }
    }

    async fn pause(&mut self) {
        let bound = self
            .initial
            .saturating_mul(1u32 << self.failures.min(16))
            .min(self.max);
        self.failures += 1;
        let jittered = rand::rng().random_range(0..=bound.as_millis() as u64);
        tokio::time::sleep(Duration::from_millis(jittered)).await;
    }
}

/// One terminal's connection. Cheap calls go through a shared HTTP/2 channel that reconnects by
/// itself; [`Terminal::next_event`] owns the feed.
pub struct Terminal {
    client: TerminalClient,
    options: TerminalOptions,
    feed: Option<Feed>,
    /// Per session, the highest seq shown: the de-duplication line and the resume cursor.
    shown: HashMap<String, u64>,
    /// The event last handed out, acknowledged when the next one is asked for (auto_ack).
    unacked: Option<(String, u64)>,
    /// The acknowledgement to send once the feed is back.
    pending_ack: Option<(String, u64)>,
    terminal_id: Option<String>,
}

impl Terminal {
    /// A terminal at `url` ("http://127.0.0.1:50051") holding `token`. Nothing is dialled until
    /// the first call; the channel reconnects by itself after the server comes back.
    pub fn new(
        url: &str,
        token: &str,
        options: TerminalOptions,
    ) -> Result<Terminal, super::BoxError> {
        let channel = Endpoint::from_shared(url.to_owned())?
            .connect_timeout(Duration::from_secs(5))
            // Notices a connection that died without a reset (a crashed host, a dropped route).
            .http2_keep_alive_interval(Duration::from_secs(15))
            .keep_alive_timeout(Duration::from_secs(5))
            .keep_alive_while_idle(true)
            .connect_lazy();
        let client = pb::terminal_service_client::TerminalServiceClient::with_interceptor(
            channel,
            Bearer::new(token)?,
        );
        Ok(Terminal {
            client,
            options,
            feed: None,
            shown: HashMap::new(),
            unacked: None,
            pending_ack: None,
            terminal_id: None,
        })
    }

    /// This terminal's id, once the feed has been attached.
    pub fn terminal_id(&self) -> Option<&str> {
        self.terminal_id.as_deref()
    }

    /// The next event, in order per session and never one already shown: attaches on first use,
    /// and reconnects with backoff (resuming after what was shown) whenever the stream breaks.
    /// With `auto_ack`, the event handed out before is acknowledged first.
    pub async fn next_event(&mut self) -> Result<pb::Event, TerminalError> {
        if self.options.auto_ack
            && let Some((session, seq)) = self.unacked.take()
        {
            self.queue_ack(session, seq).await;
        }
        let mut backoff = Backoff::new(&self.options);
        loop {
            if self.feed.is_none() {
                match self.open_feed().await {
                    Ok(()) => backoff = Backoff::new(&self.options),
                    Err(s) if fatal_on_attach(s.code()) => return Err(s.into()),
                    Err(_) => {
                        backoff.pause().await;
                        continue;
                    }
                }
            }
            let Some(feed) = self.feed.as_mut() else {
                continue;
            };
            match feed.next().await {
                Ok(Some(attach_response::Kind::Event(e))) => {
                    let shown = self.shown.entry(e.session_id.clone()).or_default();
                    if e.seq <= *shown {
                        continue;
                    }
                    *shown = e.seq;
                    self.unacked = Some((e.session_id.clone(), e.seq));
                    return Ok(e);
                }
                Ok(Some(_)) => continue,
                // The server ended the stream (shutting down) or it broke: attach again.
                Ok(None) | Err(_) => {
                    self.feed = None;
                    backoff.pause().await;
                }
            }
        }
    }

    /// Tells the server everything up to `seq` in `session` was processed: a later attach (after
    /// a restart of this process) resumes after it. Sent on the feed; kept for the next feed when
    /// there is none.
    pub async fn ack(&mut self, session: &str, seq: u64) {
        if self
            .unacked
            .as_ref()
            .is_some_and(|(s, q)| s == session && *q <= seq)
        {
            self.unacked = None;
        }
        self.queue_ack(session.to_owned(), seq).await;
    }

    async fn queue_ack(&mut self, session: String, seq: u64) {
        match &self.feed {
            Some(feed) if feed.ack(&session, seq).await.is_ok() => {}
            _ => self.pending_ack = Some((session, seq)),
        }
    }

    /// Opens the feed now if it is not open (Connect needs its destination attached; this is
    /// how a bot makes sure it is before it is called).
    pub async fn attach(&mut self) -> Result<(), TerminalError> {
        let mut backoff = Backoff::new(&self.options);
        let give_up = tokio::time::Instant::now() + self.options.retry_deadline;
        while self.feed.is_none() {
            match self.open_feed().await {
                Ok(()) => {}
                Err(s) if fatal_on_attach(s.code()) || tokio::time::Instant::now() >= give_up => {
                    return Err(s.into());
                }
                Err(_) => backoff.pause().await,
            }
        }
        Ok(())
    }

    async fn open_feed(&mut self) -> Result<(), Status> {
        let resume = self
            .shown
            .iter()
            .map(|(session_id, seq)| pb::SessionCursor {
                session_id: session_id.clone(),
                seq: *seq,
            })
            .collect();
        let feed = Feed::open(&mut self.client.clone(), resume).await?;
        if let Some((session, seq)) = self.pending_ack.take() {
            // Lost with a broken stream at worst: the cursors above already cover it.
            let _ = feed.ack(&session, seq).await;
        }
        self.terminal_id = Some(feed.terminal_id.clone());
        self.feed = Some(feed);
        Ok(())
    }

    /// Stops the feed (the server keeps what was acknowledged).
    pub fn detach(&mut self) {
        self.feed = None;
    }

    /// Runs `call` until it succeeds, fails for good, or `retry_deadline` passes.
    async fn retried<T, F, Fut>(&self, mut call: F) -> Result<T, TerminalError>
    where
        F: FnMut(TerminalClient, Duration) -> Fut,
        Fut: std::future::Future<Output = Result<tonic::Response<T>, Status>>,
    {
        let give_up = tokio::time::Instant::now() + self.options.retry_deadline;
        let mut backoff = Backoff::new(&self.options);
        loop {
            let timeout = self.options.call_timeout;
            let outcome =
                match tokio::time::timeout(timeout, call(self.client.clone(), timeout)).await {
                    Ok(r) => r,
                    Err(_) => Err(Status::deadline_exceeded("the call timed out")),
                };
            match outcome {
                Ok(r) => return Ok(r.into_inner()),
                Err(s) if retriable(s.code()) && tokio::time::Instant::now() < give_up => {
                    backoff.pause().await;
                }
                Err(s) => return Err(s.into()),
            }
        }
    }

    /// Runs `call` once, within the call timeout.
    async fn once<T, Fut>(&self, timeout: Duration, call: Fut) -> Result<T, TerminalError>
    where
        Fut: std::future::Future<Output = Result<tonic::Response<T>, Status>>,
    {
        match tokio::time::timeout(timeout, call).await {
            Ok(r) => r.map(tonic::Response::into_inner).map_err(Into::into),
            Err(_) => Err(TerminalError::DeadlineExceeded("the call timed out".into())),
        }
    }

    /// Sends a message with a generated idempotency key, retried with that key until committed.
    pub async fn message(&self, session: &str, body: &str) -> Result<Sent, TerminalError> {
        let key = uuid::Uuid::new_v4().to_string();
        self.message_with_key(session, body, &key).await
    }

    /// Sends a message with the caller's idempotency key (a retry after a restart of this
    /// process, say): stored once, however often it is sent.
    pub async fn message_with_key(
        &self,
        session: &str,
        body: &str,
        key: &str,
    ) -> Result<Sent, TerminalError> {
        let request = pb::MessageRequest {
            session_id: session.to_owned(),
            body: body.to_owned(),
            idempotency_key: key.to_owned(),
        };
        let r = self
            .retried(|mut c, _| {
                let request = request.clone();
                async move { c.message(request).await }
            })
            .await?;
        Ok(Sent {
            seq: r.seq,
            duplicate: r.duplicate,
        })
    }

    /// Opens a session for `caller` with `destination`, which must acknowledge it.
    pub async fn connect(
        &self,
        destination: &str,
        caller: pb::Caller,
        channel: pb::Channel,
        facts: HashMap<String, String>,
    ) -> Result<pb::Session, TerminalError> {
        let request = pb::ConnectRequest {
            destination_terminal_id: destination.to_owned(),
            caller: Some(caller),
            channel: channel as i32,
            facts,
            ..Default::default()
        };
        let r = self
            .once(
                self.options.connect_timeout,
                self.client.clone().connect(request),
            )
            .await?;
        session_of(r.session)
    }

    pub async fn acknowledge_connect(&self, session: &str) -> Result<pb::Session, TerminalError> {
        let request = pb::AcknowledgeConnectRequest {
            session_id: session.to_owned(),
        };
        let r = self
            .once(
                self.options.call_timeout,
                self.client.clone().acknowledge_connect(request),
            )
            .await?;
        session_of(r.session)
    }

    /// Offers the session to `to` with facts and a note for the target.
    pub async fn transfer(
        &self,
        session: &str,
        to: TransferTo,
        facts: HashMap<String, String>,
        note: &str,
    ) -> Result<pb::Transfer, TerminalError> {
        let kind = match to {
            TransferTo::Terminal(id) => pb::transfer_target::Kind::TerminalId(id),
            TransferTo::Group(g) => pb::transfer_target::Kind::Group(g),
        };
        let request = pb::TransferRequest {
            session_id: session.to_owned(),
            target: Some(pb::TransferTarget { kind: Some(kind) }),
            facts,
            note: note.to_owned(),
            ..Default::default()
        };
        let r = self
            .once(
                self.options.call_timeout,
                self.client.clone().transfer(request),
            )
            .await?;
        transfer_of(r.transfer)
    }

    /// Says whether this terminal takes new sessions from group queues (an agent starts AWAY:
    /// attaching alone does not make it available). Kept by the server across reconnects.
    pub async fn set_status(
        &self,
        status: pb::TerminalStatus,
        reason: &str,
    ) -> Result<pb::TerminalState, TerminalError> {
        let request = pb::SetStatusRequest {
            status: status as i32,
            reason: reason.to_owned(),
        };
        let r = self
            .once(
                self.options.call_timeout,
                self.client.clone().set_status(request),
            )
            .await?;
        r.state
            .ok_or_else(|| TerminalError::Internal("the reply carried no state".into()))
    }

    pub async fn accept_transfer(
        &self,
        session: &str,
        transfer: &str,
    ) -> Result<(pb::Transfer, pb::Session), TerminalError> {
        let request = pb::AcceptTransferRequest {
            session_id: session.to_owned(),
            transfer_id: transfer.to_owned(),
        };
        let r = self
            .once(
                self.options.call_timeout,
                self.client.clone().accept_transfer(request),
            )
            .await?;
        Ok((transfer_of(r.transfer)?, session_of(r.session)?))
    }

    pub async fn decline_transfer(
        &self,
        session: &str,
        transfer: &str,
        reason: &str,
    ) -> Result<pb::Transfer, TerminalError> {
        let request = pb::DeclineTransferRequest {
            session_id: session.to_owned(),
            transfer_id: transfer.to_owned(),
            reason: reason.to_owned(),
        };
        let r = self
            .once(
                self.options.call_timeout,
                self.client.clone().decline_transfer(request),
            )
            .await?;
        transfer_of(r.transfer)
    }

    pub async fn cancel_transfer(
        &self,
        session: &str,
        transfer: &str,
        reason: &str,
    ) -> Result<pb::Transfer, TerminalError> {
        let request = pb::CancelTransferRequest {
            session_id: session.to_owned(),
            transfer_id: transfer.to_owned(),
            reason: reason.to_owned(),
        };
        let r = self
            .once(
                self.options.call_timeout,
                self.client.clone().cancel_transfer(request),
            )
            .await?;
        transfer_of(r.transfer)
    }

    /// Leaves the session: hands it to an accepted target, or ends it. Returns the session and
    /// the seq of the HolderDisconnected or SessionEnded event.
    pub async fn disconnect(&self, session: &str) -> Result<(pb::Session, u64), TerminalError> {
        let request = pb::DisconnectRequest {
            session_id: session.to_owned(),
        };
        let r = self
            .once(
                self.options.call_timeout,
                self.client.clone().disconnect(request),
            )
            .await?;
        let seq = r.seq;
        Ok((session_of(r.session)?, seq))
    }

    /// The caller's terminal acknowledges a holder change (retried: a repeat is a no-op).
    pub async fn acknowledge_disconnect(
        &self,
        session: &str,
        seq: u64,
    ) -> Result<pb::Session, TerminalError> {
        let request = pb::AcknowledgeDisconnectRequest {
            session_id: session.to_owned(),
            seq,
        };
        let r = self
            .retried(|mut c, _| {
                let request = request.clone();
                async move { c.acknowledge_disconnect(request).await }
            })
            .await?;
        session_of(r.session)
    }

    pub async fn get_session(&self, session: &str) -> Result<pb::Session, TerminalError> {
        let request = pb::GetSessionRequest {
            session_id: session.to_owned(),
        };
        let r = self
            .retried(|mut c, _| {
                let request = request.clone();
                async move { c.get_session(request).await }
            })
            .await?;
        session_of(r.session)
    }

    /// The whole log as this terminal may see it, every page.
    pub async fn list_events(&self, session: &str) -> Result<Vec<pb::Event>, TerminalError> {
        let mut events = Vec::new();
        let mut page_token = String::new();
        loop {
            let request = pb::ListEventsRequest {
                session_id: session.to_owned(),
                page_size: 1000,
                page_token: page_token.clone(),
            };
            let page = self
                .retried(|mut c, _| {
                    let request = request.clone();
                    async move { c.list_events(request).await }
                })
                .await?;
            events.extend(page.events);
            if page.next_page_token.is_empty() {
                return Ok(events);
            }
            page_token = page.next_page_token;
        }
    }
}

fn session_of(s: Option<pb::Session>) -> Result<pb::Session, TerminalError> {
    s.ok_or_else(|| TerminalError::Internal("the reply carried no session".into()))
}

fn transfer_of(t: Option<pb::Transfer>) -> Result<pb::Transfer, TerminalError> {
    t.ok_or_else(|| TerminalError::Internal("the reply carried no transfer".into()))
}
