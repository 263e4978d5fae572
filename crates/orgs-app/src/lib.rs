//! Use cases, one per endpoint. Each opens one transaction, resolves the caller's access
//! inside it, applies the domain rules to what it read there, and commits once.

mod access;
mod admin;
mod audit;
mod authenticate;
mod delivery;
mod errors;
mod invitations;
mod join_codes;
mod lifecycle;
mod limits;
mod members;
mod org_tokens;
mod organizations;
mod roles;
mod secrets;
mod token_use;
mod tokens;

#[cfg(test)]
mod testing;

pub use admin::{AdminError, TokenKind};
pub use authenticate::{AuthError, Authenticator, CREDENTIAL_CACHE_CAPACITY};
pub use delivery::{DeliveryPolicy, MadeAttempt};
pub use errors::{
    AcceptInvitationError, CreateInvitationError, CreateJoinCodeError, CreateOrganizationError, CreateTokenError,
    DeleteOrganizationError, Denied, GetOrganizationError, JoinError, LeaveOrganizationError, ListAuditLogError,
    ListInvitationsError, ListJoinCodesError, ListMembersError, ListOrganizationsError, ListTokensError, MeError,
    RemoveMemberError, RevokeInvitationError, RevokeJoinCodeError, RevokeTokenError, SetRoleError,
    TransferOwnershipError, UpdateOrganizationError,
};
pub use invitations::{AcceptedInvitation, NewInvitation};
pub use join_codes::{Joined, NewJoinCode};
pub use limits::{FailureLimiter, Reservation};
pub use roles::{ReassignError, ReassignReport};
pub use tokens::{MintedToken, NewUserToken};

use orgs_ports::{Clock, SecretGenerator, SecretHasher, Store, StoreError};
use std::sync::Arc;

/// Policy the use cases read, set by the operator.
#[derive(Debug, Clone, Copy)]
pub struct Policy {
    /// How long an invitation stays acceptable.
    pub invitation_ttl: chrono::TimeDelta,
}

impl Default for Policy {
    fn default() -> Self {
        Self {
            invitation_ttl: chrono::TimeDelta::days(7),
        }
    }
}

/// The use cases, holding the ports they drive.
pub struct App {
    store: Arc<dyn Store>,
    clock: Arc<dyn Clock>,
    secrets: Arc<dyn SecretGenerator>,
    hasher: Arc<dyn SecretHasher>,
    policy: Policy,
    delivery: DeliveryPolicy,
    /// The deployment's roles: the built-ins unless the operator declared more.
    roles: orgs_core::Roles,
    /// Notified after every commit that wrote events.
    events_committed: event_listener::Event,
}

impl App {
    pub fn new(
        store: Arc<dyn Store>,
        clock: Arc<dyn Clock>,
        secrets: Arc<dyn SecretGenerator>,
        hasher: Arc<dyn SecretHasher>,
        policy: Policy,
    ) -> Self {
        Self {
            store,
            clock,
            secrets,
            hasher,
            policy,
            delivery: DeliveryPolicy::default(),
            roles: orgs_core::Roles::built_in(),
            events_committed: event_listener::Event::new(),
        }
    }

    /// The webhook retry schedule, when the operator changed it.
    #[must_use]
    pub fn with_delivery_policy(mut self, delivery: DeliveryPolicy) -> Self {
        self.delivery = delivery;
        self
    }

    /// The operator's roles, when it declared any.
    #[must_use]
    pub fn with_roles(mut self, roles: orgs_core::Roles) -> Self {
        self.roles = roles;
        self
    }

    /// Every role of the deployment, for requests to name and for the role matrix.
    pub fn roles(&self) -> &orgs_core::Roles {
        &self.roles
    }

    /// Succeeds only while the database answers.
    pub async fn ready(&self) -> Result<(), StoreError> {
        self.store.ping().await
    }
}
