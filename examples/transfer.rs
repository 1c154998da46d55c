//! Plays a whole transfer — a web visitor talks to a bot, the bot hands the conversation to a live
//! agent, the agent carries on — and prints the dialog as the new holder sees it.
//!
//!     cargo run --example transfer
//!
//! By default it starts its own server on a temporary SQLite file. To play against a running
//! server instead, set HANDOFF_URL (e.g. http://127.0.0.1:50051) and HANDOFF_ADMIN_TOKEN (the
//! server's --admin-token).

use std::time::Duration;

use handoff::client::{self, BoxError, Feed, TerminalClient};
use handoff::config::ServeArgs;
use handoff::pb::{self, attach_response::Kind, event::Payload};
use handoff::server::Server;

struct Player {
    name: String,
    id: String,
    client: TerminalClient,
}

async fn register(
    url: &str,
    admin_token: &str,
    name: &str,
    kind: pb::TerminalKind,
) -> Result<Player, BoxError> {
    // Names are unique; a suffix lets the example run many times against one server.
    let name = format!("{name}-{}", &uuid::Uuid::new_v4().simple().to_string()[..6]);
    let created = client::admin(url, admin_token)
        .await?
        .create_terminal(pb::CreateTerminalRequest {
            name: name.clone(),
            display_name: name.clone(),
            kind: kind as i32,
            groups: Vec::new(),
        })
        .await?
        .into_inner();
    let id = created.terminal.ok_or("no terminal in reply")?.id;
    Ok(Player {
        name,
        id,
        client: client::terminal(url, &created.token).await?,
    })
}

/// The next event on a feed, within a few seconds.
async fn next_event(feed: &mut Feed) -> Result<pb::Event, BoxError> {
    loop {
        match tokio::time::timeout(Duration::from_secs(10), feed.next()).await?? {
            Some(Kind::Event(e)) => return Ok(e),
            Some(_) => continue,
            None => return Err("stream ended".into()),
        }
    }
}

async fn wait_for(feed: &mut Feed, what: impl Fn(&Payload) -> bool) -> Result<pb::Event, BoxError> {
    loop {
        let e = next_event(feed).await?;
        if e.payload.as_ref().is_some_and(&what) {
            return Ok(e);
        }
    }
}

async fn say(p: &Player, session: &str, body: &str) -> Result<(), BoxError> {
    p.client
        .clone()
        .message(pb::MessageRequest {
            session_id: session.to_owned(),
            body: body.to_owned(),
            idempotency_key: String::new(),
        })
        .await?;
    println!("  {:>22}: {body}", p.name);
    Ok(())
}

#[tokio::main]
async fn main() -> Result<(), BoxError> {
    let (url, admin_token, server, scratch) = match (
        std::env::var("HANDOFF_URL"),
        std::env::var("HANDOFF_ADMIN_TOKEN"),
    ) {
        (Ok(url), Ok(token)) => (url, token, None, None),
        _ => {
            let dir = std::env::temp_dir()
                .join(format!("handoff-example-{}", uuid::Uuid::new_v4().simple()));
            std::fs::create_dir_all(&dir)?;
            let mut args =
                ServeArgs::with_database(&format!("sqlite://{}", dir.join("handoff.db").display()));
            args.listen = "127.0.0.1:0".parse()?;
            args.admin_token = Some("example-admin-token".into());
            let server = Server::start(args).await?;
            (
                server.url(),
                "example-admin-token".to_owned(),
                Some(server),
                Some(dir),
            )
        }
    };
    println!("server: {url}\n");

    let gateway = register(&url, &admin_token, "web-gateway", pb::TerminalKind::Gateway).await?;
    let bot = register(&url, &admin_token, "helpbot", pb::TerminalKind::Bot).await?;
    let agent = register(&url, &admin_token, "alice", pb::TerminalKind::Agent).await?;
    let mut gateway_feed = Feed::open(&mut gateway.client.clone(), vec![]).await?;
    let mut bot_feed = Feed::open(&mut bot.client.clone(), vec![]).await?;
    let mut agent_feed = Feed::open(&mut agent.client.clone(), vec![]).await?;

    // Connect (C1): the gateway connects on behalf of a web visitor; the bot acknowledges.
    let connect = {
        let mut c = gateway.client.clone();
        let destination = bot.id.clone();
        tokio::spawn(async move {
            c.connect(pb::ConnectRequest {
                destination_terminal_id: destination,
                caller: Some(pb::Caller {
                    id: "visitor-4711".into(),
                    display_name: "Dana".into(),
                }),
                channel: pb::Channel::Web as i32,
                facts: [("page".to_owned(), "/billing".to_owned())].into(),
                ..Default::default()
            })
            .await
        })
    };
    let requested = wait_for(&mut bot_feed, |p| matches!(p, Payload::SessionRequested(_))).await?;
    bot.client
        .clone()
        .acknowledge_connect(pb::AcknowledgeConnectRequest {
            session_id: requested.session_id.clone(),
        })
        .await?;
    let session = connect.await??.into_inner().session.ok_or("no session")?;
    let sid = session.id.clone();
    println!("session {sid} opened; the bot holds it\n");

    // Dialog (C2): both sides talk.
    say(
        &gateway,
        &sid,
        "Hi, I was charged twice for my subscription",
    )
    .await?;
    say(
        &bot,
        &sid,
        "I'm sorry about that. Can you confirm the last 4 digits of the card?",
    )
    .await?;
    say(&gateway, &sid, "4242").await?;
    say(
        &bot,
        &sid,
        "Thanks. Let me get you a person who can refund it.",
    )
    .await?;

    // Transfer (C4, C5): the bot offers the session, with what it learned, to the agent.
    let transfer = bot
        .client
        .clone()
        .transfer(pb::TransferRequest {
            session_id: sid.clone(),
            target: Some(pb::TransferTarget {
                kind: Some(pb::transfer_target::Kind::TerminalId(agent.id.clone())),
            }),
            facts: [
                ("card_last4".to_owned(), "4242".to_owned()),
                ("intent".to_owned(), "refund_double_charge".to_owned()),
            ]
            .into(),
            note: "verified card; wants a refund".into(),
            ..Default::default()
        })
        .await?
        .into_inner()
        .transfer
        .ok_or("no transfer")?;

    // The agent sees the offer with its context (C9) and accepts it (C7).
    let offer = wait_for(&mut agent_feed, |p| {
        matches!(p, Payload::TransferOffered(_))
    })
    .await?;
    if let Some(Payload::TransferOffered(o)) = &offer.payload
        && let Some(ctx) = &o.context
    {
        let caller = ctx.caller.clone().unwrap_or_default();
        println!(
            "\n{} is offered the session: caller {} ({}), {} messages so far",
            agent.name,
            caller.id,
            caller.display_name,
            ctx.dialog.len()
        );
        let mut facts: Vec<_> = ctx.facts.iter().collect();
        facts.sort();
        println!("  facts: {facts:?}");
    }
    agent
        .client
        .clone()
        .accept_transfer(pb::AcceptTransferRequest {
            session_id: sid.clone(),
            transfer_id: transfer.id.clone(),
        })
        .await?;

    // The bot is told of the acceptance and disconnects (C4, C8).
    wait_for(&mut bot_feed, |p| matches!(p, Payload::TransferAccepted(_))).await?;
    bot.client
        .clone()
        .disconnect(pb::DisconnectRequest {
            session_id: sid.clone(),
        })
        .await?;

    // The caller's side is told who left and who continues, and acknowledges (C10).
    let gone = wait_for(&mut gateway_feed, |p| {
        matches!(p, Payload::HolderDisconnected(_))
    })
    .await?;
    if let Some(Payload::HolderDisconnected(h)) = &gone.payload {
        let name = |id: &str| {
            [&bot, &agent]
                .iter()
                .find(|p| p.id == id)
                .map_or(id.to_owned(), |p| p.name.clone())
        };
        println!(
            "caller's terminal told: {} left, {} continues\n",
            name(&h.left_terminal_id),
            name(&h.continued_by_terminal_id)
        );
    }
    gateway
        .client
        .clone()
        .acknowledge_disconnect(pb::AcknowledgeDisconnectRequest {
            session_id: sid.clone(),
            seq: gone.seq,
        })
        .await?;

    // The dialog continues in the same session (C3).
    say(
        &agent,
        &sid,
        "Hi Dana, Alice here. I can see the double charge on card 4242.",
    )
    .await?;
    say(&gateway, &sid, "Great, thank you!").await?;
    say(&agent, &sid, "Refund issued; you'll see it in 3-5 days.").await?;

    // The dialog as the new holder sees it: the whole log, in order.
    println!("\nThe dialog as {} (the new holder) sees it:", agent.name);
    let names = [
        (&gateway.id, "caller"),
        (&bot.id, &bot.name[..]),
        (&agent.id, &agent.name[..]),
    ];
    let who = |id: &str| {
        names
            .iter()
            .find(|(i, _)| *i == id)
            .map_or("server", |(_, n)| n)
            .to_owned()
    };
    let mut token = String::new();
    loop {
        let page = agent
            .client
            .clone()
            .list_events(pb::ListEventsRequest {
                session_id: sid.clone(),
                page_size: 50,
                page_token: token,
            })
            .await?
            .into_inner();
        for e in &page.events {
            let line = match &e.payload {
                Some(Payload::MessagePosted(m)) => {
                    format!("{:>22}: {}", who(&e.author_terminal_id), m.body)
                }
                Some(Payload::SessionRequested(_)) => "— caller connected —".into(),
                Some(Payload::SessionOpened(o)) => {
                    format!("— {} picked up —", who(&o.holder_terminal_id))
                }
                Some(Payload::TransferOffered(_)) => format!(
                    "— {} offered the session to {} —",
                    who(&e.author_terminal_id),
                    agent.name
                ),
                Some(Payload::TransferAccepted(a)) => {
                    format!("— {} accepted —", who(&a.accepted_by_terminal_id))
                }
                Some(Payload::HolderDisconnected(h)) => {
                    format!(
                        "— {} left; {} continues —",
                        who(&h.left_terminal_id),
                        who(&h.continued_by_terminal_id)
                    )
                }
                Some(Payload::DisconnectAcknowledged(_)) => {
                    "— caller's terminal acknowledged —".into()
                }
                other => format!("— {other:?} —"),
            };
            println!("  #{:<3} {line}", e.seq);
        }
        if page.next_page_token.is_empty() {
            break;
        }
        token = page.next_page_token;
    }

    if let Some(server) = server {
        drop((gateway_feed, bot_feed, agent_feed));
        server.shutdown().await?;
    }
    if let Some(dir) = scratch {
        let _ = std::fs::remove_dir_all(dir);
    }
    Ok(())
}
