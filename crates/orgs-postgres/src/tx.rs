//! One PostgreSQL transaction behind the `Tx` port.

use crate::invitations as inv;
use crate::rows::{self, map_error};
use async_trait::async_trait;
use orgs_core::{
    Email, ExternalIdentity, Invitation, InvitationId, InvitationState, JoinCode, JoinCodeId, Member, Membership,
    NewApiToken, OrgId, OrgName, Organization, Role, SecretDigest, Timestamp, TokenOwner, User, UserId,
};
use orgs_ports::{RowLock, StoreError, Tx};
use sqlx::{PgConnection, Postgres, Transaction};
use tracing::instrument;

pub(crate) struct PgTx {
    /// `None` once committed; dropping a live transaction rolls it back.
    tx: Option<Transaction<'static, Postgres>>,
}

impl PgTx {
    pub(crate) fn new(tx: Transaction<'static, Postgres>) -> Self {
        Self { tx: Some(tx) }
    }

    fn conn(&mut self) -> Result<&mut PgConnection, StoreError> {
        self.tx
            .as_deref_mut()
            .ok_or_else(|| StoreError::Other("transaction already committed".into()))
    }
}

#[async_trait]
impl Tx for PgTx {
    #[instrument(skip_all, level = "debug")]
    async fn commit(&mut self) -> Result<(), StoreError> {
        let tx = self
            .tx
            .take()
            .ok_or_else(|| StoreError::Other("transaction already committed".into()))?;
        tx.commit().await.map_err(map_error)
    }

    #[instrument(skip_all, level = "debug")]
    async fn find_organization(&mut self, id: OrgId, lock: RowLock) -> Result<Option<Organization>, StoreError> {
        let sql = match lock {
            RowLock::None => "SELECT id, name, created_at, updated_at FROM organizations WHERE id = $1",
            RowLock::ForUpdate => "SELECT id, name, created_at, updated_at FROM organizations WHERE id = $1 FOR UPDATE",
        };
        let row = sqlx::query(sql)
            .bind(id.as_uuid())
            .fetch_optional(self.conn()?)
            .await
            .map_err(map_error)?;
        row.map(|row| rows::organization(&row)).transpose()
    }

    #[instrument(skip_all, level = "debug")]
    async fn insert_organization(&mut self, organization: &Organization) -> Result<(), StoreError> {
        sqlx::query("INSERT INTO organizations (id, name, created_at, updated_at) VALUES ($1, $2, $3, $4)")
            .bind(organization.id.as_uuid())
            .bind(organization.name.as_str())
            .bind(organization.created_at)
            .bind(organization.updated_at)
            .execute(self.conn()?)
            .await
            .map_err(map_error)?;
        Ok(())
    }

    #[instrument(skip_all, level = "debug")]
    async fn rename_organization(&mut self, id: OrgId, name: &OrgName, at: Timestamp) -> Result<(), StoreError> {
        sqlx::query("UPDATE organizations SET name = $2, updated_at = $3 WHERE id = $1")
            .bind(id.as_uuid())
            .bind(name.as_str())
            .bind(at)
            .execute(self.conn()?)
            .await
            .map_err(map_error)?;
        Ok(())
    }

    #[instrument(skip_all, level = "debug")]
    async fn find_role(&mut self, organization: OrgId, user: UserId) -> Result<Option<Role>, StoreError> {
        let role: Option<String> =
            sqlx::query_scalar("SELECT role FROM memberships WHERE organization_id = $1 AND user_id = $2")
                .bind(organization.as_uuid())
                .bind(user.as_uuid())
                .fetch_optional(self.conn()?)
                .await
                .map_err(map_error)?;
        role.map(|role| rows::role(&role)).transpose()
    }

    #[instrument(skip_all, level = "debug")]
    async fn insert_membership(
        &mut self,
        organization: OrgId,
        user: UserId,
        role: Role,
        at: Timestamp,
    ) -> Result<(), StoreError> {
        sqlx::query("INSERT INTO memberships (organization_id, user_id, role, joined_at) VALUES ($1, $2, $3, $4)")
            .bind(organization.as_uuid())
            .bind(user.as_uuid())
            .bind(role.as_str())
            .bind(at)
            .execute(self.conn()?)
            .await
            .map_err(map_error)?;
        Ok(())
    }

    #[instrument(skip_all, level = "debug")]
    async fn update_role(&mut self, organization: OrgId, user: UserId, role: Role) -> Result<(), StoreError> {
        sqlx::query("UPDATE memberships SET role = $3 WHERE organization_id = $1 AND user_id = $2")
            .bind(organization.as_uuid())
            .bind(user.as_uuid())
            .bind(role.as_str())
            .execute(self.conn()?)
            .await
            .map_err(map_error)?;
        Ok(())
    }

    #[instrument(skip_all, level = "debug")]
    async fn delete_membership(&mut self, organization: OrgId, user: UserId) -> Result<bool, StoreError> {
        let done = sqlx::query("DELETE FROM memberships WHERE organization_id = $1 AND user_id = $2")
            .bind(organization.as_uuid())
            .bind(user.as_uuid())
            .execute(self.conn()?)
            .await
            .map_err(map_error)?;
        Ok(done.rows_affected() > 0)
    }

    #[instrument(skip_all, level = "debug")]
    async fn count_owners(&mut self, organization: OrgId) -> Result<u64, StoreError> {
        let count: i64 =
            sqlx::query_scalar("SELECT count(*) FROM memberships WHERE organization_id = $1 AND role = 'owner'")
                .bind(organization.as_uuid())
                .fetch_one(self.conn()?)
                .await
                .map_err(map_error)?;
        Ok(count.unsigned_abs())
    }

    #[instrument(skip_all, level = "debug")]
    async fn list_memberships(&mut self, user: UserId) -> Result<Vec<Membership>, StoreError> {
        let rows = sqlx::query(
            "SELECT o.id, o.name, o.created_at, o.updated_at, m.role
             FROM memberships m JOIN organizations o ON o.id = m.organization_id
             WHERE m.user_id = $1
             ORDER BY m.joined_at, m.organization_id",
        )
        .bind(user.as_uuid())
        .fetch_all(self.conn()?)
        .await
        .map_err(map_error)?;
        rows.iter()
            .map(|row| {
                let role: String = sqlx::Row::try_get(row, "role").map_err(map_error)?;
                Ok(Membership {
                    organization: rows::organization(row)?,
                    role: rows::role(&role)?,
                })
            })
            .collect()
    }

    #[instrument(skip_all, level = "debug")]
    async fn list_members(&mut self, organization: OrgId) -> Result<Vec<Member>, StoreError> {
        let rows = sqlx::query(
            "SELECT m.user_id, u.email, m.role, m.joined_at
             FROM memberships m JOIN users u ON u.id = m.user_id
             WHERE m.organization_id = $1
             ORDER BY m.joined_at, m.user_id",
        )
        .bind(organization.as_uuid())
        .fetch_all(self.conn()?)
        .await
        .map_err(map_error)?;
        rows.iter().map(rows::member).collect()
    }

    #[instrument(skip_all, level = "debug")]
    async fn insert_api_token(&mut self, token: &NewApiToken) -> Result<(), StoreError> {
        let (user, organization) = match token.owner {
            TokenOwner::User(user) => (Some(user.as_uuid()), None),
            TokenOwner::Organization(organization) => (None, Some(organization.as_uuid())),
        };
        sqlx::query(
            "INSERT INTO api_tokens
               (id, key, secret_hash, user_id, organization_id, name, env, last_four, created_by, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        )
        .bind(token.id.as_uuid())
        .bind(&token.key)
        .bind(&token.secret_hash.0)
        .bind(user)
        .bind(organization)
        .bind(token.name.as_ref().map(|name| name.as_str()))
        .bind(token.env.as_str())
        .bind(&token.last_four)
        .bind(token.created_by.map(|user| user.as_uuid()))
        .bind(token.created_at)
        .execute(self.conn()?)
        .await
        .map_err(map_error)?;
        Ok(())
    }

    #[instrument(skip_all, level = "debug")]
    async fn find_or_insert_user(&mut self, candidate: &User) -> Result<User, StoreError> {
        // ON CONFLICT waits for a concurrent insert of the same email to settle, and the
        // SELECT that follows (a new snapshot under read committed) then sees its row.
        sqlx::query("INSERT INTO users (id, email, created_at) VALUES ($1, $2, $3) ON CONFLICT (email) DO NOTHING")
            .bind(candidate.id.as_uuid())
            .bind(candidate.email.as_str())
            .bind(candidate.created_at)
            .execute(self.conn()?)
            .await
            .map_err(map_error)?;
        self.find_user_by_email(&candidate.email)
            .await?
            .ok_or_else(|| StoreError::Other("user vanished after insert".into()))
    }

    #[instrument(skip_all, level = "debug")]
    async fn find_user_by_email(&mut self, email: &Email) -> Result<Option<User>, StoreError> {
        let row = sqlx::query("SELECT id, email, created_at FROM users WHERE email = $1")
            .bind(email.as_str())
            .fetch_optional(self.conn()?)
            .await
            .map_err(map_error)?;
        row.map(|row| rows::user(&row)).transpose()
    }

    #[instrument(skip_all, level = "debug")]
    async fn link_identity(&mut self, identity: &ExternalIdentity, user: UserId) -> Result<UserId, StoreError> {
        sqlx::query(
            "INSERT INTO user_identities (issuer, subject, user_id, created_at) VALUES ($1, $2, $3, now())
             ON CONFLICT (issuer, subject) DO NOTHING",
        )
        .bind(&identity.issuer)
        .bind(&identity.subject)
        .bind(user.as_uuid())
        .execute(self.conn()?)
        .await
        .map_err(map_error)?;
        let linked: uuid::Uuid =
            sqlx::query_scalar("SELECT user_id FROM user_identities WHERE issuer = $1 AND subject = $2")
                .bind(&identity.issuer)
                .bind(&identity.subject)
                .fetch_one(self.conn()?)
                .await
                .map_err(map_error)?;
        Ok(UserId::from_uuid(linked))
    }

    async fn find_user(&mut self, id: UserId) -> Result<Option<User>, StoreError> {
        inv::find_user(self.conn()?, id).await
    }

    #[instrument(skip_all, level = "debug")]
    async fn insert_invitation(&mut self, invitation: &Invitation, token: &SecretDigest) -> Result<(), StoreError> {
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
    async fn find_invitation_by_token(&mut self, token: &SecretDigest) -> Result<Option<Invitation>, StoreError> {
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
    async fn set_invitation_state(&mut self, id: InvitationId, state: InvitationState) -> Result<(), StoreError> {
        inv::set_invitation_state(self.conn()?, id, state).await
    }

    #[instrument(skip_all, level = "debug")]
    async fn list_pending_invitations(
        &mut self,
        organization: OrgId,
        now: Timestamp,
    ) -> Result<Vec<Invitation>, StoreError> {
        inv::list_pending_invitations(self.conn()?, organization, now).await
    }

    #[instrument(skip_all, level = "debug")]
    async fn insert_join_code(&mut self, code: &JoinCode, secret: &SecretDigest) -> Result<(), StoreError> {
        inv::insert_join_code(self.conn()?, code, secret).await
    }

    #[instrument(skip_all, level = "debug")]
    async fn find_join_code(&mut self, organization: OrgId, id: JoinCodeId) -> Result<Option<JoinCode>, StoreError> {
        inv::find_join_code(self.conn()?, organization, id).await
    }

    #[instrument(skip_all, level = "debug")]
    async fn find_join_code_by_secret(&mut self, secret: &SecretDigest) -> Result<Option<JoinCode>, StoreError> {
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
    async fn list_join_codes(&mut self, organization: OrgId) -> Result<Vec<JoinCode>, StoreError> {
        inv::list_join_codes(self.conn()?, organization).await
    }
}
