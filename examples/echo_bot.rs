//! An echo bot on handoff::client::Terminal: it takes every caller connected to it and answers each
//! of their messages. `HANDOFF_URL=http://127.0.0.1:50051 BOT_TOKEN=… cargo run --example echo_bot`
use handoff::client::{Terminal, TerminalError, TerminalOptions};
use handoff::pb::event::Payload;

pub async fn run(url: &str, token: &str) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let mut bot = Terminal::new(url, token, TerminalOptions::default())?;
    loop {
        let event = bot.next_event().await?; // in order, each once; reconnects by itself
        let (session, mine) = (
            &event.session_id,
            bot.terminal_id() == Some(&event.author_terminal_id),
        );
        let answered: Result<_, TerminalError> = match &event.payload {
            Some(Payload::SessionRequested(_)) => match bot.acknowledge_connect(session).await {
                Ok(_) => {
                    bot.message_with_key(session, "Hi! I echo what you write.", "greeting")
                        .await
                }
                Err(e) => Err(e),
            },
            // A key derived from the event: delivered again after a restart, it is answered once.
            Some(Payload::MessagePosted(m)) if !mine => {
                let key = format!("echo-{}", event.seq);
                bot.message_with_key(session, &format!("You said: {}", m.body), &key)
                    .await
            }
            _ => continue,
        };
        if let Err(e) = answered {
            eprintln!("session {session}: {e}"); // e.g. the caller left meanwhile
        }
    }
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let url = std::env::var("HANDOFF_URL").unwrap_or_else(|_| "http://127.0.0.1:50051".into());
    run(&url, &std::env::var("BOT_TOKEN")?).await
}
