//! Random bytes as the request body of every RPC the server offers (read from its own descriptor
//! set, so a new RPC is covered without touching this file): each answer must be a clean status
//! (never INTERNAL or UNKNOWN, with a bounded text), the server must stay healthy, and what was
//! stored before must be intact. Reproducible: `HANDOFF_FUZZ_SEED` picks the bytes (the seed in
//! use is printed).

mod common;

use std::time::Duration;

use common::raw::{Raw, authorized, raw_client};
use common::*;
use handoff::pb::{self, Channel, TerminalKind};
use prost::Message as _;
use rand::rngs::StdRng;
use rand::{Rng, RngExt, SeedableRng};
use tonic::Code;
use tonic::codegen::http::uri::PathAndQuery;

struct Method {
    path: String,
    admin: bool,
    client_streaming: bool,
    server_streaming: bool,
}

fn methods() -> Vec<Method> {
    let set = prost_types::FileDescriptorSet::decode(pb::FILE_DESCRIPTOR_SET)
        .expect("the server's descriptor set");
    let mut out = Vec::new();
    for file in set.file.iter().filter(|f| f.package() == "handoff.v1") {
        for service in &file.service {
            for m in &service.method {
                out.push(Method {
                    path: format!("/handoff.v1.{}/{}", service.name(), m.name()),
                    admin: service.name() == "AdminService",
                    client_streaming: m.client_streaming(),
                    server_streaming: m.server_streaming(),
                });
            }
        }
    }
    out
}

fn random_body(rng: &mut StdRng) -> Vec<u8> {
    let len = match rng.random_range(0..4) {
        0 => rng.random_range(0..8),
        1 => rng.random_range(0..64),
        _ => rng.random_range(0..2048),
    };
    let mut body = vec![0u8; len];
    rng.fill_bytes(&mut body);
    body
}

fn assert_clean(path: &str, status: &tonic::Status) {
    assert!(
        !matches!(
            status.code(),
            Code::Internal | Code::Unknown | Code::DataLoss
        ),
        "{path}: {status:?}"
    );
    assert!(
        status.message().len() + status.details().len() < 1024,
        "{path}: a status of {} bytes",
        status.message().len() + status.details().len()
    );
}

async fn every_rpc_answers_random_bytes_with_a_clean_status(backend: Backend) {
    let seed = std::env::var("HANDOFF_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20_261_130u64);
    println!("HANDOFF_FUZZ_SEED={seed}");
    let mut rng = StdRng::seed_from_u64(seed);
    let srv = TestServer::start(backend).await;
    let gateway = srv.terminal("gw", TerminalKind::Gateway).await;
    let bot = srv.terminal("bot", TerminalKind::Bot).await;
    let mut bot_feed = bot.attach().await;
    let s = open_session(&gateway, &bot, &mut bot_feed, "+15550701", Channel::Sms).await;
    gateway.say(&s.id, "before the noise").await.unwrap();
    let before = gateway.all_events(&s.id).await;

    let methods = methods();
    assert!(methods.len() >= 15, "every RPC of both services");
    let mut calls = 0;
    for m in &methods {
        let token = if m.admin {
            ADMIN_TOKEN
        } else {
            gateway.token.as_str()
        };
        let path = PathAndQuery::try_from(m.path.clone()).expect("path");
        for _ in 0..40 {
            let mut grpc = raw_client(&srv.url).await;
            grpc.ready().await.expect("ready");
            calls += 1;
            if m.client_streaming || m.server_streaming {
                let frames: Vec<Vec<u8>> = (0..if m.client_streaming {
                    rng.random_range(1..4)
                } else {
                    1
                })
                    .map(|_| random_body(&mut rng))
                    .collect();
                let outbound = tokio_stream::iter(frames);
                match grpc
                    .streaming(authorized(token, outbound), path.clone(), Raw)
                    .await
                {
                    Err(status) => assert_clean(&m.path, &status),
                    Ok(response) => {
                        let mut inbound = response.into_inner();
                        // Either the stream ends with a clean status, or the frames happened to
                        // be valid and it stays open.
                        while let Ok(next) =
                            tokio::time::timeout(Duration::from_millis(300), inbound.message())
                                .await
                        {
                            match next {
                                Ok(Some(_)) => continue,
                                Ok(None) => break,
                                Err(status) => {
                                    assert_clean(&m.path, &status);
                                    break;
                                }
                            }
                        }
                    }
                }
            } else {
                let body = random_body(&mut rng);
                if let Err(status) = grpc.unary(authorized(token, body), path.clone(), Raw).await {
                    assert_clean(&m.path, &status);
                }
            }
        }
    }
    println!("{calls} calls with random bodies to {} RPCs", methods.len());

    // Still healthy, and nothing stored before was touched.
    let mut health = tonic_health::pb::health_client::HealthClient::new(
        tonic::transport::Endpoint::from_shared(srv.url.clone())
            .expect("url")
            .connect()
            .await
            .expect("connect"),
    );
    let serving = health
        .check(tonic_health::pb::HealthCheckRequest {
            service: String::new(),
        })
        .await
        .expect("health")
        .into_inner();
    assert_eq!(
        serving.status(),
        tonic_health::pb::health_check_response::ServingStatus::Serving
    );
    assert_eq!(gateway.all_events(&s.id).await, before);
    let seq = gateway
        .say(&s.id, "after the noise")
        .await
        .expect("still takes messages");
    assert_eq!(seq, before.last().map_or(0, |e| e.seq) + 1);
    srv.stop().await;
}

on_every_backend!(every_rpc_answers_random_bytes_with_a_clean_status);
