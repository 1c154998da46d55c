//! handoff: hosts live text conversations between a caller and a terminal (bot or agent) and
//! transfers them, with their whole context, from one terminal to another.
//!
//! Layers, outside in: [`server`] assembles [`api`] (gRPC handlers: authenticate through
//! [`auth`], validate, convert), which calls [`app`] (runs [`domain`] operations through the
//! group-commit [`writer`] into a [`store::Store`], keeps what it committed in the [`tail`] and
//! wakes streams through the [`bus`]). [`domain`] is the transfer state machine, with no I/O;
//! [`router`] is the queue engine that offers waiting transfers as members become available.

pub mod api;
pub mod app;
pub mod auth;
pub mod bus;
pub mod client;
pub mod commit;
pub mod config;
pub mod domain;
pub mod error;
pub mod limits;
pub mod logging;
pub mod metrics;
pub mod pb;
pub mod router;
pub mod server;
pub mod store;
pub mod tail;
pub mod tls;
pub mod web;
pub mod writer;
