//! The storage port. Use cases open one transaction each and run every read and write of
//! the operation inside it, so a failure half way leaves nothing behind.

use crate::events::{
    Attempt, AttemptOutcome, DeliveryInfo, EventFilter, LoggedEvent, OutboxStatus, OwedDelivery, WebhookEndpoint,
};
use async_trait::async_trait;
use orgs_core::{
    ApiTokenInfo, AuditEvent, Email, ExternalIdentity, Invitation, InvitationId, InvitationState, JoinCode, JoinCodeId,
    Member, Membership, NewApiToken, OrgId, OrgName, Organization, Page, Role, SecretDigest, StoredApiToken, Timestamp,
    TokenId, TokenOwner, User, UserId, WebhookId,
};

pub type BoxError = Box<dyn std::error::Error + Send + Sync + 'static>;

/// What went wrong below the port. Adapters translate their driver's errors into this at
/// the boundary, so nothing above knows which database answered.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database could not be reached or the pool timed out; worth retrying later.
    #[error("the database is unavailable")]
    Unavailable(#[source] BoxError),
    /// Anything else: a bug, a broken invariant, a corrupt row.
    #[error("the database failed")]
    Other(#[source] BoxError),
}

/// Whether a transaction will write. Adapters may take their write lock up front for
/// `Write` (SQLite's `BEGIN IMMEDIATE`), so a read-then-write never fails to upgrade.
/// `Read` promises only that each statement sees committed data, not one snapshot for
/// all of them (PostgreSQL runs reads without `BEGIN`, saving two round trips); use
/// cases decide nothing across a read's statements that a write could invalidate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TxMode {
    Read,
    Write,
}

/// The holders of one role, by what holds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RoleHolders {
    pub role: Role,
    pub memberships: u64,
    pub invitations: u64,
    pub join_codes: u64,
}

impl RoleHolders {
    pub fn total(&self) -> u64 {
        self.memberships + self.invitations + self.join_codes
    }
}

/// What one organization's reassignment moved: the members as they were, for their events.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reassigned {
    pub members: Vec<Member>,
    pub invitations: u64,
    pub join_codes: u64,
}

/// Whether to lock the organization row for the rest of the transaction.
///
/// Every change to an organization's memberships takes `ForUpdate` first, so two such
/// changes to one organization run one after the other and each sees the other's result:
/// this is what keeps the last-owner count honest under concurrency.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowLock {
    None,
    ForUpdate,
}

#[cfg_attr(feature = "mocks", mockall::automock)]
#[async_trait]
pub trait Store: Send + Sync + 'static {
    /// Opens a transaction. Dropping it without `commit` rolls it back.
    ///
    /// # Errors
    /// `Unavailable` when no connection can be had in time.
    async fn begin(&self, mode: TxMode) -> Result<Box<dyn Tx>, StoreError>;

    /// Looks a token up by its public key, revoked ones included. One indexed read.
    async fn find_api_token(&self, key: &str) -> Result<Option<StoredApiToken>, StoreError>;

    /// The user an external identity was linked to on first use, if any.
    async fn find_user_by_identity(&self, issuer: &str, subject: &str) -> Result<Option<UserId>, StoreError>;

    /// Answers only when the database does; backs `/readyz`.
    async fn ping(&self) -> Result<(), StoreError>;

    /// The connection pool's state right now, for metrics.
    fn pool_status(&self) -> PoolStatus;
}

/// How busy the connection pool is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PoolStatus {
    /// Connections open now, idle or in use.
    pub open: u32,
    pub idle: u32,
    pub max: u32,
}

#[cfg_attr(feature = "mocks", mockall::automock)]
#[async_trait]
pub trait Tx: Send {
    /// Makes every change of this transaction durable at once.
    async fn commit(&mut self) -> Result<(), StoreError>;

    async fn find_organization(&mut self, id: OrgId, lock: RowLock) -> Result<Option<Organization>, StoreError>;
    async fn insert_organization(&mut self, organization: &Organization) -> Result<(), StoreError>;
    async fn rename_organization(&mut self, id: OrgId, name: &OrgName, at: Timestamp) -> Result<(), StoreError>;
    /// Deletes the organization with everything it holds: memberships, invitations, join
    /// codes and tokens, in this transaction.
    async fn delete_organization(&mut self, id: OrgId) -> Result<(), StoreError>;

    /// The organization and the user's role in it (`None` when not a member), in one
    /// statement: the access check of every read, on the path of most requests. Writes
    /// lock the organization first and read the role after, so they use the two below.
    async fn find_organization_with_role(
        &mut self,
        id: OrgId,
        user: UserId,
    ) -> Result<Option<(Organization, Option<Role>)>, StoreError>;
    /// The member, with the email the audit log records, or `None` for a non-member.
    async fn find_member(&mut self, organization: OrgId, user: UserId) -> Result<Option<Member>, StoreError>;
    /// The user's role in the organization, or `None` when not a member.
    async fn find_role(&mut self, organization: OrgId, user: UserId) -> Result<Option<Role>, StoreError>;
    async fn insert_membership(
        &mut self,
        organization: OrgId,
        user: UserId,
        role: Role,
        at: Timestamp,
    ) -> Result<(), StoreError>;
    async fn update_role(&mut self, organization: OrgId, user: UserId, role: Role) -> Result<(), StoreError>;
    /// Returns whether a membership was there to delete.
    async fn delete_membership(&mut self, organization: OrgId, user: UserId) -> Result<bool, StoreError>;
    async fn count_owners(&mut self, organization: OrgId) -> Result<u64, StoreError>;

    /// How many memberships, pending invitations and unrevoked join codes hold each role,
    /// across every organization: what the start-up check compares with the role table.
    async fn count_role_holders(&mut self) -> Result<Vec<RoleHolders>, StoreError>;
    /// Locks, in id order, every organization where `role` is held by a membership, a
    /// pending invitation or an unrevoked join code, and returns them.
    async fn lock_organizations_holding(&mut self, role: Role) -> Result<Vec<OrgId>, StoreError>;
    /// Moves everything of `from` in one locked organization to `to`: its memberships,
    /// pending invitations and unrevoked join codes.
    async fn reassign_role(&mut self, organization: OrgId, from: Role, to: Role) -> Result<Reassigned, StoreError>;

    /// The user's memberships, oldest first (ties broken by organization id). With a
    /// page: at most `limit + 1` rows after its key, the extra one only saying that more
    /// exist. The other lists page the same way.
    async fn list_memberships(&mut self, user: UserId, page: Option<Page>) -> Result<Vec<Membership>, StoreError>;
    /// The organization's members, longest-standing first (ties broken by user id).
    async fn list_members(&mut self, organization: OrgId, page: Option<Page>) -> Result<Vec<Member>, StoreError>;

    async fn insert_api_token(&mut self, token: &NewApiToken) -> Result<(), StoreError>;

    /// Finds the user with this email, or stores `candidate` when there is none. Safe
    /// against a concurrent insert of the same email: both callers get the same user.
    async fn find_or_insert_user(&mut self, candidate: &User) -> Result<User, StoreError>;
    async fn find_user_by_email(&mut self, email: &Email) -> Result<Option<User>, StoreError>;
    /// Links an external identity to a user unless it is linked already; returns the user
    /// it ends up linked to.
    async fn link_identity(&mut self, identity: &ExternalIdentity, user: UserId) -> Result<UserId, StoreError>;

    async fn find_user(&mut self, id: UserId) -> Result<Option<User>, StoreError>;

    /// Stores an open invitation, findable by the digest of its token.
    async fn insert_invitation(&mut self, invitation: &Invitation, token: &SecretDigest) -> Result<(), StoreError>;
    /// The invitation with this id in this organization (an id of another organization's
    /// invitation finds nothing).
    async fn find_invitation(
        &mut self,
        organization: OrgId,
        id: InvitationId,
    ) -> Result<Option<Invitation>, StoreError>;
    async fn find_invitation_by_token(&mut self, token: &SecretDigest) -> Result<Option<Invitation>, StoreError>;
    /// The open (not accepted, not revoked) invitation for this email, expired or not. The
    /// schema allows at most one.
    async fn find_open_invitation(
        &mut self,
        organization: OrgId,
        email: &Email,
    ) -> Result<Option<Invitation>, StoreError>;
    /// Moves an invitation to `Accepted` or `Revoked`.
    async fn set_invitation_state(&mut self, id: InvitationId, state: InvitationState) -> Result<(), StoreError>;
    /// Open invitations expiring after `now`, oldest first (ties by id).
    async fn list_pending_invitations(
        &mut self,
        organization: OrgId,
        now: Timestamp,
        page: Option<Page>,
    ) -> Result<Vec<Invitation>, StoreError>;

    /// Stores a join code, findable by the digest of its code.
    async fn insert_join_code(&mut self, code: &JoinCode, secret: &SecretDigest) -> Result<(), StoreError>;
    async fn find_join_code(&mut self, organization: OrgId, id: JoinCodeId) -> Result<Option<JoinCode>, StoreError>;
    async fn find_join_code_by_secret(&mut self, secret: &SecretDigest) -> Result<Option<JoinCode>, StoreError>;
    async fn revoke_join_code(&mut self, id: JoinCodeId, at: Timestamp) -> Result<(), StoreError>;
    /// Counts one more use unless that would pass `max_uses`; returns whether it did.
    async fn use_join_code(&mut self, id: JoinCodeId) -> Result<bool, StoreError>;
    /// Every code not revoked, exhausted ones included, oldest first (ties by id).
    async fn list_join_codes(&mut self, organization: OrgId, page: Option<Page>) -> Result<Vec<JoinCode>, StoreError>;

    /// Every user, oldest first (ties by id). For operators.
    async fn list_users(&mut self) -> Result<Vec<User>, StoreError>;
    /// One owner's tokens, revoked ones included, oldest first.
    async fn list_api_tokens(&mut self, owner: TokenOwner) -> Result<Vec<ApiTokenInfo>, StoreError>;
    /// Revokes the token with this key unless it is revoked already; returns whether it
    /// changed.
    async fn revoke_api_token(&mut self, key: &str, at: Timestamp) -> Result<bool, StoreError>;

    /// The organization's tokens that are not revoked, newest first (ties by id, highest
    /// first); a page's key is the last row of the page before.
    async fn list_live_organization_tokens(
        &mut self,
        organization: OrgId,
        page: Page,
    ) -> Result<Vec<ApiTokenInfo>, StoreError>;
    /// The organization's token with this key, revoked or not.
    async fn find_organization_token(
        &mut self,
        organization: OrgId,
        key: &str,
    ) -> Result<Option<ApiTokenInfo>, StoreError>;
    /// Revokes the organization's token with this key, keeping the first revocation's
    /// time; returns whether the organization has a token with that key at all.
    async fn revoke_organization_token(
        &mut self,
        organization: OrgId,
        key: &str,
        at: Timestamp,
    ) -> Result<bool, StoreError>;
    /// Records that the token was used at `at`, unless a use at or after `unless_since`
    /// is recorded already (so every process together writes at most once per interval).
    async fn record_token_use(&mut self, id: TokenId, at: Timestamp, unless_since: Timestamp)
    -> Result<(), StoreError>;

    /// Writes the events, and one delivery of each owed to every webhook endpoint that
    /// wants it, and commits them with the change they describe: both or neither. It is
    /// one call, not an append and a commit, so a store may send the events and the
    /// commit together (SQLite does: one round trip to its connection's thread fewer
    /// for every change). Returns how many deliveries they owe.
    async fn commit_with_events(&mut self, events: &[AuditEvent]) -> Result<u64, StoreError>;
    /// The organization's events newest first (ties by id, highest first).
    async fn list_events(
        &mut self,
        organization: OrgId,
        filter: &EventFilter,
        page: Page,
    ) -> Result<Vec<LoggedEvent>, StoreError>;
    /// Deletes up to `limit` events that occurred before `before`, oldest first, with
    /// their deliveries; returns how many.
    async fn prune_events(&mut self, before: Timestamp, limit: u32) -> Result<u64, StoreError>;

    async fn insert_webhook(&mut self, endpoint: &WebhookEndpoint, secret: &str) -> Result<(), StoreError>;
    async fn list_webhooks(&mut self) -> Result<Vec<WebhookEndpoint>, StoreError>;
    /// Returns whether there was one; its owed deliveries go with it.
    async fn delete_webhook(&mut self, id: WebhookId) -> Result<bool, StoreError>;
    /// Claims up to `limit` (never more) pending deliveries due at `now`, oldest due
    /// first, leasing them to `lease` until `leased_until`: that is also when they are
    /// due again if no attempt is recorded. On PostgreSQL rows another transaction is
    /// claiming are skipped, not waited for.
    async fn claim_deliveries(
        &mut self,
        now: Timestamp,
        lease: &str,
        leased_until: Timestamp,
        limit: u32,
    ) -> Result<Vec<OwedDelivery>, StoreError>;
    /// Records an attempt and moves the delivery on, if `lease` still holds it; returns
    /// whether it did (a lease that expired meanwhile may have gone to someone else).
    async fn finish_attempt(
        &mut self,
        attempt: &Attempt,
        lease: &str,
        outcome: AttemptOutcome,
    ) -> Result<bool, StoreError>;
    /// Deliveries newest first, only the failed ones when asked, each with its attempts.
    async fn list_deliveries(&mut self, failed_only: bool, limit: u32) -> Result<Vec<DeliveryInfo>, StoreError>;
    /// Makes a failed delivery pending again, due at `now`; returns whether it was failed.
    async fn retry_delivery(&mut self, id: i64, now: Timestamp) -> Result<bool, StoreError>;
    async fn outbox_status(&mut self) -> Result<OutboxStatus, StoreError>;
}
