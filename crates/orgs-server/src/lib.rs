//! The `orgs-server` binary as a library: settings, telemetry, adapter selection and the
//! commands, so tests drive exactly what the binary runs.

pub mod cli;
mod cli_events;
mod cli_roles;
pub mod delivery;
pub mod serve;
pub mod settings;
pub mod storage;
pub mod telemetry;

pub use serve::{Running, start};
pub use settings::{LogFormat, Settings};
