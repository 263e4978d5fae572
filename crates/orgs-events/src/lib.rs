//! The audit log's wire form, written once for everyone who speaks it: the stores write
//! an event's row from [`EventColumns`] when the change commits, the API and the
//! webhooks send [`EventBody`], and [`sign`] makes the Standard Webhooks signature.
//! Nothing here performs I/O.

mod columns;
mod data;
mod signature;
mod wire;

pub use columns::EventColumns;
pub use signature::{InvalidSecret, SECRET_PREFIX, Signer, secret_from_bytes};
pub use wire::{ActorBody, AuditAction, EventBody, TargetBody, WebhookPayload, time};
