//! An organization's own API tokens, as its owners see and revoke them through the API.
//! A revocation takes effect at once in every process: each request reads the token's row.

use crate::{App, Denied, ListTokensError, RevokeTokenError};
use orgs_core::{Acting, ApiTokenInfo, Caller, Change, OrgId, Page, PageKey, Paged, Permission};
use orgs_ports::{RowLock, TxMode};

impl App {
    /// `organizations.tokens.list`: needs `org:manage`; live tokens, newest first.
    pub async fn list_tokens(
        &self,
        caller: &Caller,
        organization: OrgId,
        page: Page,
    ) -> Result<Paged<ApiTokenInfo>, ListTokensError> {
        let mut tx = self.store.begin(TxMode::Read).await?;
        let (_, access) = self
            .resolve_access::<ListTokensError>(&mut *tx, caller, organization, RowLock::None)
            .await?;
        access.require(Permission::ORG_MANAGE).map_err(Denied::from)?;
        let tokens = tx.list_live_organization_tokens(organization, page).await?;
        tx.commit().await?;
        Ok(Paged::cut(tokens, Some(page), |token| PageKey {
            at: token.created_at,
            id: token.id.as_uuid(),
        }))
    }

    /// `organizations.tokens.revoke`: needs `org:manage`; revoking again is fine, a key of
    /// no token of this organization is not found.
    pub async fn revoke_token_of(
        &self,
        acting: &Acting,
        organization: OrgId,
        key: &str,
    ) -> Result<(), RevokeTokenError> {
        let mut tx = self.store.begin(TxMode::Write).await?;
        let (_, access) = self
            .resolve_access::<RevokeTokenError>(&mut *tx, &acting.caller, organization, RowLock::ForUpdate)
            .await?;
        access.require(Permission::ORG_MANAGE).map_err(Denied::from)?;
        let token = tx
            .find_organization_token(organization, key)
            .await?
            .ok_or(RevokeTokenError::TokenNotFound)?;
        if token.revoked {
            return Ok(());
        }
        tx.revoke_organization_token(organization, key, self.clock.now())
            .await?;
        let change = Change::ApiTokenRevoked {
            key: token.key,
            name: token.name,
            env: token.env,
        };
        self.commit_with_events(tx, acting, organization, [change]).await?;
        Ok(())
    }
}
