//! Use cases, one per endpoint. Each opens one transaction, resolves the caller's access
//! inside it, applies the domain rules to what it read there, and commits once.

mod access;
mod authenticate;
mod errors;
mod limits;
mod members;
mod organizations;
mod secrets;
mod tokens;

#[cfg(test)]
mod testing;

pub use authenticate::{AuthError, Authenticator, CREDENTIAL_CACHE_CAPACITY};
pub use errors::{
    CreateOrganizationError, CreateTokenError, Denied, GetOrganizationError, ListMembersError, ListOrganizationsError,
    RemoveMemberError, SetRoleError, UpdateOrganizationError,
};
pub use limits::FailureLimiter;
pub use organizations::RoleMatrixEntry;
pub use tokens::{MintedToken, NewUserToken};

use orgs_ports::{Clock, SecretGenerator, SecretHasher, Store, StoreError};
use std::sync::Arc;

/// The use cases, holding the ports they drive.
pub struct App {
    store: Arc<dyn Store>,
    clock: Arc<dyn Clock>,
    secrets: Arc<dyn SecretGenerator>,
    hasher: Arc<dyn SecretHasher>,
}

impl App {
    pub fn new(
        store: Arc<dyn Store>,
        clock: Arc<dyn Clock>,
        secrets: Arc<dyn SecretGenerator>,
        hasher: Arc<dyn SecretHasher>,
    ) -> Self {
        Self {
            store,
            clock,
            secrets,
            hasher,
        }
    }

    /// Succeeds only while the database answers.
    pub async fn ready(&self) -> Result<(), StoreError> {
        self.store.ping().await
    }
}
