//! Terminals, their connections and feeds, and opening sessions the way real terminals do
//! (Connect, with the destination acknowledging from its Attach feed).

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::{Semaphore, mpsc, oneshot};
use tonic::transport::{Channel, Endpoint};

use handoff::client::{AdminClient, Bearer, BoxError, Feed, FeedSender, TerminalClient};
use handoff::pb::{
    self, attach_response, event::Payload, terminal_service_client::TerminalServiceClient,
};

use crate::stats::now_us;

/// How long a step waits for an event on a feed before it counts as failed.
pub const WAIT: Duration = Duration::from_secs(20);
/// A deadline for every unary call, so that a stuck server shows as errors, not as a hang.
pub const CALL_TIMEOUT: Duration = Duration::from_secs(30);

/// A registered terminal.
#[derive(Clone)]
pub struct Term {
    pub id: String,
    pub client: TerminalClient,
}

impl Term {
    pub fn c(&self) -> TerminalClient {
        self.client.clone()
    }
}

/// One HTTP/2 connection to the server.
pub async fn channel(url: &str) -> Result<Channel, BoxError> {
    Ok(Endpoint::from_shared(url.to_owned())?
        .tcp_nodelay(true)
        .connect_timeout(Duration::from_secs(10))
        .connect()
        .await?)
}

pub fn terminal_client(channel: Channel, token: &str) -> Result<TerminalClient, BoxError> {
    Ok(TerminalServiceClient::with_interceptor(
        channel,
        Bearer::new(token)?,
    ))
}

pub fn request<T>(msg: T) -> tonic::Request<T> {
    let mut r = tonic::Request::new(msg);
    r.set_timeout(CALL_TIMEOUT);
    r
}

/// Registers `names` through the admin API, `concurrency` at a time; (id, token) per name.
pub async fn register(
    admins: &[AdminClient],
    names: Vec<(String, pb::TerminalKind)>,
    concurrency: usize,
) -> Result<Vec<(String, String)>, BoxError> {
    let sem = Arc::new(Semaphore::new(concurrency));
    let mut tasks = Vec::with_capacity(names.len());
    for (i, (name, kind)) in names.into_iter().enumerate() {
        let mut admin = admins[i % admins.len()].clone();
        let permit = sem.clone().acquire_owned().await?;
        tasks.push(tokio::spawn(async move {
            let _permit = permit;
            let r = admin
                .create_terminal(request(pb::CreateTerminalRequest {
                    name: name.clone(),
                    display_name: String::new(),
                    kind: kind as i32,
                    groups: Vec::new(),
                }))
                .await
                .map_err(|s| format!("create terminal {name}: {s}"))?
                .into_inner();
            let id = r.terminal.ok_or("no terminal in the reply")?.id;
            Ok::<_, String>((id, r.token))
        }));
    }
    let mut out = Vec::with_capacity(tasks.len());
    for t in tasks {
        out.push(t.await??);
    }
    Ok(out)
}

/// Registers terminals, each with a connection of its own (as separate terminal processes would).
pub async fn terminals(
    url: &str,
    admin: &AdminClient,
    names: Vec<(String, pb::TerminalKind)>,
) -> Result<Vec<Term>, BoxError> {
    let creds = register(std::slice::from_ref(admin), names, 32).await?;
    let mut out = Vec::with_capacity(creds.len());
    for (id, token) in creds {
        let client = terminal_client(channel(url).await?, &token)?;
        out.push(Term { id, client });
    }
    Ok(out)
}

/// An event as it arrived, with the arrival time (`now_us`).
#[derive(Debug)]
pub struct Arrived {
    pub at_us: u64,
    pub event: pb::Event,
}

/// A task that owns a terminal's Attach feed and hands its events over a channel, stamping each
/// with its arrival time; it acknowledges what it has seen about once a second, as a client would.
pub struct Pump {
    pub terminal_id: String,
    pub rx: mpsc::UnboundedReceiver<Arrived>,
    commander: Commander,
    task: tokio::task::JoinHandle<()>,
}

/// Receipts awaited on a feed, by request id.
type Awaited = Arc<std::sync::Mutex<HashMap<String, oneshot::Sender<pb::Receipt>>>>;

/// Sends commands on a [`Pump`]'s stream and waits for their receipts.
#[derive(Clone)]
pub struct Commander {
    sender: FeedSender,
    awaited: Awaited,
}

impl Commander {
    /// Sends a command and waits (at most [`WAIT`]) for its receipt.
    pub async fn call(
        &self,
        request_id: String,
        kind: pb::command::Kind,
    ) -> Result<pb::Receipt, tonic::Status> {
        let (tx, rx) = oneshot::channel();
        self.awaited
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(request_id.clone(), tx);
        self.sender.command(&request_id, kind).await?;
        match tokio::time::timeout(WAIT, rx).await {
            Ok(Ok(receipt)) => Ok(receipt),
            Ok(Err(_)) => Err(tonic::Status::unavailable("the feed ended")),
            Err(_) => {
                self.awaited
                    .lock()
                    .unwrap_or_else(|p| p.into_inner())
                    .remove(&request_id);
                Err(tonic::Status::deadline_exceeded("no receipt in time"))
            }
        }
    }
}

impl Drop for Pump {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl Pump {
    pub async fn attach(term: &Term) -> Result<Pump, BoxError> {
        let mut client = term.c();
        let mut feed = Feed::open(&mut client, Vec::new()).await?;
        let terminal_id = feed.terminal_id.clone();
        let (tx, rx) = mpsc::unbounded_channel();
        let commander = Commander {
            sender: feed.sender(),
            awaited: Awaited::default(),
        };
        let awaited = commander.awaited.clone();
        let task = tokio::spawn(async move {
            let mut highest: HashMap<String, u64> = HashMap::new();
            // Sessions that advanced since the last round of acks: only those are acked again
            // (each ack is a write on the server; a terminal that has seen thousands of short
            // sessions must not re-ack all of them every second).
            let mut advanced: HashMap<String, u64> = HashMap::new();
            let mut last_ack = now_us();
            loop {
                match feed.next().await {
                    Ok(Some(attach_response::Kind::Event(event))) => {
                        let at_us = now_us();
                        let h = highest.entry(event.session_id.clone()).or_default();
                        if event.seq > *h {
                            *h = event.seq;
                            advanced.insert(event.session_id.clone(), event.seq);
                        }
                        if tx.send(Arrived { at_us, event }).is_err() {
                            return;
                        }
                        if !advanced.is_empty() && at_us.saturating_sub(last_ack) > 1_000_000 {
                            for (s, seq) in advanced.drain() {
                                let _ = feed.ack(&s, seq).await;
                            }
                            last_ack = at_us;
                        }
                    }
                    Ok(Some(attach_response::Kind::Receipt(r))) => {
                        let waiting = awaited
                            .lock()
                            .unwrap_or_else(|p| p.into_inner())
                            .remove(&r.request_id);
                        if let Some(w) = waiting {
                            let _ = w.send(r);
                        }
                    }
                    Ok(Some(_)) => {}
                    Ok(None) => return,
                    Err(status) => {
                        eprintln!("  a feed failed: {status}");
                        return;
                    }
                }
            }
        });
        Ok(Pump {
            terminal_id,
            rx,
            commander,
            task,
        })
    }

    /// Sends commands on this feed's stream.
    pub fn commander(&self) -> Commander {
        self.commander.clone()
    }

    /// The first event matching `pred` within `WAIT`; earlier events are discarded.
    pub async fn wait_for(
        &mut self,
        what: &str,
        pred: impl Fn(&pb::Event) -> bool,
    ) -> Result<Arrived, BoxError> {
        let deadline = tokio::time::Instant::now() + WAIT;
        loop {
            match tokio::time::timeout_at(deadline, self.rx.recv()).await {
                Err(_) => return Err(format!("no {what} within {WAIT:?}").into()),
                Ok(None) => return Err(format!("the feed ended while waiting for {what}").into()),
                Ok(Some(a)) if pred(&a.event) => return Ok(a),
                Ok(Some(_)) => {}
            }
        }
    }
}

/// Connect from `gateway` to `dest` for `caller_id`; `dest` acknowledges once its feed shows the
/// request. Returns the open session's id.
pub async fn open_session(
    gateway: &Term,
    dest: &Term,
    dest_feed: &mut Pump,
    caller_id: &str,
) -> Result<String, BoxError> {
    let connect = {
        let mut c = gateway.c();
        let req = pb::ConnectRequest {
            destination_terminal_id: dest.id.clone(),
            caller: Some(pb::Caller {
                id: caller_id.to_owned(),
                display_name: "Bench Caller".to_owned(),
            }),
            channel: pb::Channel::Web as i32,
            facts: [("language".to_owned(), "en".to_owned())].into(),
            ..Default::default()
        };
        tokio::spawn(async move { c.connect(request(req)).await })
    };
    let caller = caller_id.to_owned();
    let requested = dest_feed
        .wait_for("SessionRequested", |e| match &e.payload {
            Some(Payload::SessionRequested(r)) => r.caller.as_ref().is_some_and(|c| c.id == caller),
            _ => false,
        })
        .await?;
    dest.c()
        .acknowledge_connect(request(pb::AcknowledgeConnectRequest {
            session_id: requested.event.session_id.clone(),
        }))
        .await?;
    let session = connect
        .await??
        .into_inner()
        .session
        .ok_or("Connect returned no session")?;
    if session.id != requested.event.session_id {
        return Err("Connect returned another session than the one requested".into());
    }
    Ok(session.id)
}

/// A message body of about `len` bytes that carries who sent it, a counter and the send time.
pub fn body(tag: &str, n: u64, sent_us: u64, len: usize) -> String {
    let mut b = format!("{tag} {n} {sent_us} ");
    let header = b.len();
    while b.len() < len {
        b.push_str("lorem ipsum ");
    }
    // Never cut into the header; the padding is ASCII, so any cut is a char boundary.
    b.truncate(len.max(header));
    b
}

/// (tag, n, sent_us) from a body written by [`body`].
pub fn parse_body(b: &str) -> Option<(&str, u64, u64)> {
    let mut it = b.split(' ');
    let tag = it.next()?;
    let n = it.next()?.parse().ok()?;
    let sent = it.next()?.parse().ok()?;
    Some((tag, n, sent))
}

#[cfg(test)]
mod tests {
    #[test]
    fn bodies_round_trip() {
        let b = super::body("s3g", 17, 123456, 80);
        assert_eq!(b.len(), 80);
        assert_eq!(super::parse_body(&b), Some(("s3g", 17, 123456)));
    }
}
