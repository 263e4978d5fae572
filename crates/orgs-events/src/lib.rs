//! The audit log's wire form, written once for everyone who speaks it: the stores encode
//! an event's `data` with [`encode_data`] when the change commits, the API and the
//! webhooks send [`EventBody`], and [`sign`] makes the Standard Webhooks signature.
//! Nothing here performs I/O.

mod data;
mod signature;
mod wire;

pub use data::encode_data;
pub use signature::{InvalidSecret, SECRET_PREFIX, Signer, secret_from_bytes};
pub use wire::{ActorBody, AuditAction, EventBody, TargetBody, WebhookPayload, time};
