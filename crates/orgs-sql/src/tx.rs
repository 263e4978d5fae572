//! The `Tx` port implemented once over the shared statements.

/// Expands, inside an adapter crate, to `impl Tx for $tx`. `$tx` must have
/// `fn conn(&mut self) -> Result<&mut Connection, StoreError>` and
/// `async fn finish(&mut self) -> Result<(), StoreError>` (the commit) and
/// `async fn finish_with_events(&mut self, &[AuditEvent]) -> Result<u64, StoreError>`
/// (the commit with the change's events, in as few round trips as the store allows);
/// the crate must contain the modules `statements` (from `organization_statements!`),
/// `invitations` (from `invitation_statements!`) and `rows`.
#[macro_export]
#[allow(clippy::crate_in_macro_def)]
macro_rules! impl_tx {
    ($tx:ty) => {
        // A block of its own, so these imports do not clash with the adapter's.
        const _: () = {
            use crate::events as ev;
            use crate::invitations as inv;
            use crate::roles as ro;
            use crate::rows::map_error;
            use crate::statements as st;
            use orgs_core::{
                ApiTokenInfo, Email, ExternalIdentity, Invitation, InvitationId, InvitationState, JoinCode, JoinCodeId,
                Member, Membership, NewApiToken, OrgId, OrgName, Organization, Page, Role, SecretDigest, Timestamp,
                TokenId, TokenOwner, User, UserId,
            };
            use orgs_core::{AuditEvent, WebhookId};
            use orgs_ports::{
                Attempt, AttemptOutcome, DeliveryInfo, EventFilter, LoggedEvent, OutboxStatus, OwedDelivery,
                Reassigned, RoleHolders, RowLock, StoreError, WebhookEndpoint,
            };
            use tracing::instrument;

            // Every method is one statement module call; `instrument` makes each a child span of
            // the request, without arguments, which may hold emails.
            #[async_trait::async_trait]
            impl orgs_ports::Tx for $tx {
                #[instrument(skip_all, level = "debug")]
                async fn commit(&mut self) -> Result<(), StoreError> {
                    self.finish().await
                }

                #[instrument(skip_all, level = "debug")]
                async fn find_organization(
                    &mut self,
                    id: OrgId,
                    lock: RowLock,
                ) -> Result<Option<Organization>, StoreError> {
                    st::find_organization(self.conn()?, id, lock).await
                }

                #[instrument(skip_all, level = "debug")]
                async fn insert_organization(&mut self, organization: &Organization) -> Result<(), StoreError> {
                    st::insert_organization(self.conn()?, organization).await
                }

                #[instrument(skip_all, level = "debug")]
                async fn rename_organization(
                    &mut self,
                    id: OrgId,
                    name: &OrgName,
                    at: Timestamp,
                ) -> Result<(), StoreError> {
                    st::rename_organization(self.conn()?, id, name, at).await
                }

                #[instrument(skip_all, level = "debug")]
                async fn delete_organization(&mut self, id: OrgId) -> Result<(), StoreError> {
                    st::delete_organization(self.conn()?, id).await
                }

                #[instrument(skip_all, level = "debug")]
                async fn find_organization_with_role(
                    &mut self,
                    id: OrgId,
                    user: UserId,
                ) -> Result<Option<(Organization, Option<Role>)>, StoreError> {
                    st::find_organization_with_role(self.conn()?, id, user).await
                }

                #[instrument(skip_all, level = "debug")]
                async fn find_member(
                    &mut self,
                    organization: OrgId,
                    user: UserId,
                ) -> Result<Option<Member>, StoreError> {
                    st::find_member(self.conn()?, organization, user).await
                }

                #[instrument(skip_all, level = "debug")]
                async fn find_role(&mut self, organization: OrgId, user: UserId) -> Result<Option<Role>, StoreError> {
                    st::find_role(self.conn()?, organization, user).await
                }

                #[instrument(skip_all, level = "debug")]
                async fn insert_membership(
                    &mut self,
                    organization: OrgId,
                    user: UserId,
                    role: Role,
                    at: Timestamp,
                ) -> Result<(), StoreError> {
                    st::insert_membership(self.conn()?, organization, user, role, at).await
                }

                #[instrument(skip_all, level = "debug")]
                async fn update_role(
                    &mut self,
                    organization: OrgId,
                    user: UserId,
                    role: Role,
                ) -> Result<(), StoreError> {
                    st::update_role(self.conn()?, organization, user, role).await
                }

                #[instrument(skip_all, level = "debug")]
                async fn delete_membership(&mut self, organization: OrgId, user: UserId) -> Result<bool, StoreError> {
                    st::delete_membership(self.conn()?, organization, user).await
                }

                #[instrument(skip_all, level = "debug")]
                async fn count_owners(&mut self, organization: OrgId) -> Result<u64, StoreError> {
                    st::count_owners(self.conn()?, organization).await
                }

                #[instrument(skip_all, level = "debug")]
                async fn count_role_holders(&mut self) -> Result<Vec<RoleHolders>, StoreError> {
                    ro::count_role_holders(self.conn()?).await
                }

                #[instrument(skip_all, level = "debug")]
                async fn lock_organizations_holding(&mut self, role: Role) -> Result<Vec<OrgId>, StoreError> {
                    ro::lock_organizations_holding(self.conn()?, role).await
                }

                #[instrument(skip_all, level = "debug")]
                async fn reassign_role(
                    &mut self,
                    organization: OrgId,
                    from: Role,
                    to: Role,
                ) -> Result<Reassigned, StoreError> {
                    ro::reassign_role(self.conn()?, organization, from, to).await
                }

                #[instrument(skip_all, level = "debug")]
                async fn list_memberships(
                    &mut self,
                    user: UserId,
                    page: Option<Page>,
                ) -> Result<Vec<Membership>, StoreError> {
                    st::list_memberships(self.conn()?, user, page).await
                }

                #[instrument(skip_all, level = "debug")]
                async fn list_members(
                    &mut self,
                    organization: OrgId,
                    page: Option<Page>,
                ) -> Result<Vec<Member>, StoreError> {
                    st::list_members(self.conn()?, organization, page).await
                }

                #[instrument(skip_all, level = "debug")]
                async fn insert_api_token(&mut self, token: &NewApiToken) -> Result<(), StoreError> {
                    st::insert_api_token(self.conn()?, token).await
                }

                #[instrument(skip_all, level = "debug")]
                async fn find_or_insert_user(&mut self, candidate: &User) -> Result<User, StoreError> {
                    st::find_or_insert_user(self.conn()?, candidate).await
                }

                #[instrument(skip_all, level = "debug")]
                async fn find_user_by_email(&mut self, email: &Email) -> Result<Option<User>, StoreError> {
                    st::find_user_by_email(self.conn()?, email).await
                }

                #[instrument(skip_all, level = "debug")]
                async fn link_identity(
                    &mut self,
                    identity: &ExternalIdentity,
                    user: UserId,
                ) -> Result<UserId, StoreError> {
                    st::link_identity(self.conn()?, identity, user).await
                }

                #[instrument(skip_all, level = "debug")]
                async fn find_user(&mut self, id: UserId) -> Result<Option<User>, StoreError> {
                    inv::find_user(self.conn()?, id).await
                }

                #[instrument(skip_all, level = "debug")]
                async fn insert_invitation(
                    &mut self,
                    invitation: &Invitation,
                    token: &SecretDigest,
                ) -> Result<(), StoreError> {
                    inv::insert_invitation(self.conn()?, invitation, token).await
                }

                #[instrument(skip_all, level = "debug")]
                async fn find_invitation(
                    &mut self,
                    organization: OrgId,
                    id: InvitationId,
                ) -> Result<Option<Invitation>, StoreError> {
                    inv::find_invitation(self.conn()?, organization, id).await
                }

                #[instrument(skip_all, level = "debug")]
                async fn find_invitation_by_token(
                    &mut self,
                    token: &SecretDigest,
                ) -> Result<Option<Invitation>, StoreError> {
                    inv::find_invitation_by_token(self.conn()?, token).await
                }

                #[instrument(skip_all, level = "debug")]
                async fn find_open_invitation(
                    &mut self,
                    organization: OrgId,
                    email: &Email,
                ) -> Result<Option<Invitation>, StoreError> {
                    inv::find_open_invitation(self.conn()?, organization, email).await
                }

                #[instrument(skip_all, level = "debug")]
                async fn set_invitation_state(
                    &mut self,
                    id: InvitationId,
                    state: InvitationState,
                ) -> Result<(), StoreError> {
                    inv::set_invitation_state(self.conn()?, id, state).await
                }

                #[instrument(skip_all, level = "debug")]
                async fn list_pending_invitations(
                    &mut self,
                    organization: OrgId,
                    now: Timestamp,
                    page: Option<Page>,
                ) -> Result<Vec<Invitation>, StoreError> {
                    inv::list_pending_invitations(self.conn()?, organization, now, page).await
                }

                #[instrument(skip_all, level = "debug")]
                async fn insert_join_code(&mut self, code: &JoinCode, secret: &SecretDigest) -> Result<(), StoreError> {
                    inv::insert_join_code(self.conn()?, code, secret).await
                }

                #[instrument(skip_all, level = "debug")]
                async fn find_join_code(
                    &mut self,
                    organization: OrgId,
                    id: JoinCodeId,
                ) -> Result<Option<JoinCode>, StoreError> {
                    inv::find_join_code(self.conn()?, organization, id).await
                }

                #[instrument(skip_all, level = "debug")]
                async fn find_join_code_by_secret(
                    &mut self,
                    secret: &SecretDigest,
                ) -> Result<Option<JoinCode>, StoreError> {
                    inv::find_join_code_by_secret(self.conn()?, secret).await
                }

                #[instrument(skip_all, level = "debug")]
                async fn revoke_join_code(&mut self, id: JoinCodeId, at: Timestamp) -> Result<(), StoreError> {
                    inv::revoke_join_code(self.conn()?, id, at).await
                }

                #[instrument(skip_all, level = "debug")]
                async fn use_join_code(&mut self, id: JoinCodeId) -> Result<bool, StoreError> {
                    inv::use_join_code(self.conn()?, id).await
                }

                #[instrument(skip_all, level = "debug")]
                async fn list_join_codes(
                    &mut self,
                    organization: OrgId,
                    page: Option<Page>,
                ) -> Result<Vec<JoinCode>, StoreError> {
                    inv::list_join_codes(self.conn()?, organization, page).await
                }

                #[instrument(skip_all, level = "debug")]
                async fn list_users(&mut self) -> Result<Vec<User>, StoreError> {
                    st::list_users(self.conn()?).await
                }

                #[instrument(skip_all, level = "debug")]
                async fn list_api_tokens(&mut self, owner: TokenOwner) -> Result<Vec<ApiTokenInfo>, StoreError> {
                    st::list_api_tokens(self.conn()?, owner).await
                }

                #[instrument(skip_all, level = "debug")]
                async fn revoke_api_token(&mut self, key: &str, at: Timestamp) -> Result<bool, StoreError> {
                    st::revoke_api_token(self.conn()?, key, at).await
                }

                #[instrument(skip_all, level = "debug")]
                async fn list_live_organization_tokens(
                    &mut self,
                    organization: OrgId,
                    page: Page,
                ) -> Result<Vec<ApiTokenInfo>, StoreError> {
                    st::list_live_organization_tokens(self.conn()?, organization, page).await
                }

                #[instrument(skip_all, level = "debug")]
                async fn find_organization_token(
                    &mut self,
                    organization: OrgId,
                    key: &str,
                ) -> Result<Option<ApiTokenInfo>, StoreError> {
                    st::find_organization_token(self.conn()?, organization, key).await
                }

                #[instrument(skip_all, level = "debug")]
                async fn revoke_organization_token(
                    &mut self,
                    organization: OrgId,
                    key: &str,
                    at: Timestamp,
                ) -> Result<bool, StoreError> {
                    st::revoke_organization_token(self.conn()?, organization, key, at).await
                }

                #[instrument(skip_all, level = "debug")]
                async fn record_token_use(
                    &mut self,
                    id: TokenId,
                    at: Timestamp,
                    unless_since: Timestamp,
                ) -> Result<(), StoreError> {
                    st::record_token_use(self.conn()?, id, at, unless_since).await
                }
                #[instrument(skip_all, level = "debug")]
                async fn commit_with_events(&mut self, events: &[AuditEvent]) -> Result<u64, StoreError> {
                    self.finish_with_events(events).await
                }

                #[instrument(skip_all, level = "debug")]
                async fn list_events(
                    &mut self,
                    organization: OrgId,
                    filter: &EventFilter,
                    page: Page,
                ) -> Result<Vec<LoggedEvent>, StoreError> {
                    ev::list_events(self.conn()?, organization, filter, page).await
                }

                #[instrument(skip_all, level = "debug")]
                async fn prune_events(&mut self, before: Timestamp, limit: u32) -> Result<u64, StoreError> {
                    ev::prune_events(self.conn()?, before, limit).await
                }

                #[instrument(skip_all, level = "debug")]
                async fn insert_webhook(&mut self, endpoint: &WebhookEndpoint, secret: &str) -> Result<(), StoreError> {
                    ev::insert_webhook(self.conn()?, endpoint, secret).await
                }

                #[instrument(skip_all, level = "debug")]
                async fn list_webhooks(&mut self) -> Result<Vec<WebhookEndpoint>, StoreError> {
                    ev::list_webhooks(self.conn()?).await
                }

                #[instrument(skip_all, level = "debug")]
                async fn delete_webhook(&mut self, id: WebhookId) -> Result<bool, StoreError> {
                    ev::delete_webhook(self.conn()?, id).await
                }

                #[instrument(skip_all, level = "debug")]
                async fn claim_deliveries(
                    &mut self,
                    now: Timestamp,
                    lease: &str,
                    leased_until: Timestamp,
                    limit: u32,
                ) -> Result<Vec<OwedDelivery>, StoreError> {
                    ev::claim_deliveries(self.conn()?, now, lease, leased_until, limit).await
                }

                #[instrument(skip_all, level = "debug")]
                async fn finish_attempt(
                    &mut self,
                    attempt: &Attempt,
                    lease: &str,
                    outcome: AttemptOutcome,
                ) -> Result<bool, StoreError> {
                    ev::finish_attempt(self.conn()?, attempt, lease, outcome).await
                }

                #[instrument(skip_all, level = "debug")]
                async fn list_deliveries(
                    &mut self,
                    failed_only: bool,
                    limit: u32,
                ) -> Result<Vec<DeliveryInfo>, StoreError> {
                    ev::list_deliveries(self.conn()?, failed_only, limit).await
                }

                #[instrument(skip_all, level = "debug")]
                async fn retry_delivery(&mut self, id: i64, now: Timestamp) -> Result<bool, StoreError> {
                    ev::retry_delivery(self.conn()?, id, now).await
                }

                #[instrument(skip_all, level = "debug")]
                async fn outbox_status(&mut self) -> Result<OutboxStatus, StoreError> {
                    ev::outbox_status(self.conn()?).await
                }
            }
        };
    };
}
