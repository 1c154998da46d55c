//! The server as an operator and grpcurl see it: health, reflection v1 and v1alpha, shutdown.

mod common;

use common::*;
use handoff::pb::TerminalKind;
use tokio_stream::StreamExt;
use tonic::Code;
use tonic::transport::Endpoint;
use tonic_health::pb::{
    HealthCheckRequest, health_check_response::ServingStatus, health_client::HealthClient,
};
use tonic_reflection::pb::{v1, v1alpha};

async fn health_and_both_reflection_versions_are_served(backend: Backend) {
    let srv = TestServer::start(backend).await;
    let channel = Endpoint::from_shared(srv.url.clone())
        .unwrap()
        .connect()
        .await
        .unwrap();
    let mut health = HealthClient::new(channel.clone());
    for service in ["", "handoff.v1.TerminalService", "handoff.v1.AdminService"] {
        let status = health
            .check(HealthCheckRequest {
                service: service.into(),
            })
            .await
            .unwrap()
            .into_inner()
            .status();
        assert_eq!(status, ServingStatus::Serving, "{service:?}");
    }

    // grpcurl 1.8 asks v1alpha; newer tools ask v1. Both must list the handoff services.
    let request = v1alpha::ServerReflectionRequest {
        host: String::new(),
        message_request: Some(
            v1alpha::server_reflection_request::MessageRequest::ListServices(String::new()),
        ),
    };
    let mut alpha = v1alpha::server_reflection_client::ServerReflectionClient::new(channel.clone());
    let mut replies = alpha
        .server_reflection_info(tokio_stream::once(request))
        .await
        .unwrap()
        .into_inner();
    let Some(v1alpha::server_reflection_response::MessageResponse::ListServicesResponse(list)) =
        replies.next().await.unwrap().unwrap().message_response
    else {
        panic!("no service list")
    };
    let names: Vec<String> = list.service.into_iter().map(|s| s.name).collect();
    for expected in [
        "handoff.v1.TerminalService",
        "handoff.v1.AdminService",
        "grpc.health.v1.Health",
    ] {
        assert!(
            names.iter().any(|n| n == expected),
            "{expected} missing from {names:?}"
        );
    }
    let request = v1::ServerReflectionRequest {
        host: String::new(),
        message_request: Some(
            v1::server_reflection_request::MessageRequest::FileContainingSymbol(
                "handoff.v1.TerminalService".into(),
            ),
        ),
    };
    let mut stable = v1::server_reflection_client::ServerReflectionClient::new(channel);
    let mut replies = stable
        .server_reflection_info(tokio_stream::once(request))
        .await
        .unwrap()
        .into_inner();
    let reply = replies.next().await.unwrap().unwrap().message_response;
    assert!(
        matches!(reply, Some(v1::server_reflection_response::MessageResponse::FileDescriptorResponse(ref f)) if !f.file_descriptor_proto.is_empty()),
        "{reply:?}"
    );
    srv.stop().await;
}

// Graceful shutdown ends attached streams with UNAVAILABLE so that terminals resume elsewhere,
// instead of holding the process open.
async fn shutdown_ends_attached_streams_so_terminals_can_resume(backend: Backend) {
    let srv = TestServer::start(backend).await;
    let bot = srv.terminal("bot", TerminalKind::Bot).await;
    let mut feed = bot.attach().await;
    let stopping = tokio::spawn(srv.stop());
    let ended = tokio::time::timeout(WAIT, feed.next())
        .await
        .expect("the stream ends promptly");
    match ended {
        Err(status) => assert_eq!(status.code(), Code::Unavailable),
        Ok(None) => {}
        Ok(Some(other)) => panic!("unexpected {other:?}"),
    }
    tokio::time::timeout(WAIT, stopping)
        .await
        .expect("shutdown completes")
        .unwrap();
}

on_every_backend!(
    health_and_both_reflection_versions_are_served,
    shutdown_ends_attached_streams_so_terminals_can_resume,
);
