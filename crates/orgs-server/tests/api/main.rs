//! The API over real HTTP: the real server on port 0, on a fresh SQLite file or a fresh
//! PostgreSQL database per test, called as a client would.

mod child;
mod helpers;

mod admin;
mod audit;
mod audit_paging;
mod auth;
mod cli;
mod cli_events;
mod cli_roles;
mod config;
mod edge;
mod faults;
mod invitations;
mod join_codes;
mod jwks;
mod lifecycle;
mod matrix;
mod matrix_roles;
mod members;
mod metrics;
mod organizations;
mod processes;
mod processes_events;
mod processes_lifecycle;
mod receiver;
mod secrets;
mod tokens;
mod tracing;
mod webhooks;
mod wire;
