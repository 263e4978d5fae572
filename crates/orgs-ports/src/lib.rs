//! Ports: the traits the use cases drive and the adapters implement.
//!
//! Each trait is `Send + Sync + 'static` and shared through `Arc<dyn ...>`, so the server
//! picks adapters once at start and the use cases never name a concrete backend.

mod credentials;
mod events;
mod store;

pub use credentials::{Clock, IdentityError, IdentityVerifier, SecretGenerator, SecretHasher};
pub use events::{
    Attempt, AttemptOutcome, DeliveryInfo, DeliveryState, EventFilter, LoggedEvent, OutboxStatus, OwedDelivery,
    SendResult, WebhookEndpoint, WebhookSender,
};
pub use store::{PoolStatus, Reassigned, RoleHolders, RowLock, Store, StoreError, Tx, TxMode};

#[cfg(feature = "mocks")]
pub use credentials::{MockClock, MockIdentityVerifier, MockSecretGenerator, MockSecretHasher};
#[cfg(feature = "mocks")]
pub use events::MockWebhookSender;
#[cfg(feature = "mocks")]
pub use store::{MockStore, MockTx};
