//! Operator use cases behind the command line: listing users and tokens, and revoking
//! tokens (the product page has no endpoint for either). A revocation takes effect at
//! once in every server process, because each request reads the token's row.

use crate::App;
use orgs_core::{Actor, ApiTokenInfo, Change, OrgId, RequestInfo, TokenOwner, User};
use orgs_ports::{RowLock, StoreError, TxMode};

/// Which kind of token an operator means to revoke, so that a key pasted into the wrong
/// command is refused rather than acted on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Personal,
    Organization,
}

#[derive(Debug, thiserror::Error)]
pub enum AdminError {
    #[error("no organization has that id")]
    OrganizationNotFound,
    #[error("no token has that key")]
    TokenNotFound,
    #[error("that key belongs to {0}")]
    WrongKind(&'static str),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl App {
    pub async fn list_users(&self) -> Result<Vec<User>, StoreError> {
        let mut tx = self.store.begin(TxMode::Read).await?;
        let users = tx.list_users().await?;
        tx.commit().await?;
        Ok(users)
    }

    pub async fn list_organization_tokens(&self, organization: OrgId) -> Result<Vec<ApiTokenInfo>, AdminError> {
        let mut tx = self.store.begin(TxMode::Read).await?;
        tx.find_organization(organization, RowLock::None)
            .await?
            .ok_or(AdminError::OrganizationNotFound)?;
        let tokens = tx.list_api_tokens(TokenOwner::Organization(organization)).await?;
        tx.commit().await?;
        Ok(tokens)
    }

    /// Revokes by key; revoking a revoked token again is fine and changes nothing. An
    /// organization's token revoked here is in its audit log, by the operator.
    pub async fn revoke_token(&self, key: &str, kind: TokenKind) -> Result<(), AdminError> {
        let token = self.store.find_api_token(key).await?.ok_or(AdminError::TokenNotFound)?;
        let organization = match (token.owner, kind) {
            (TokenOwner::User(_), TokenKind::Organization) => return Err(AdminError::WrongKind("a user")),
            (TokenOwner::Organization(_), TokenKind::Personal) => return Err(AdminError::WrongKind("an organization")),
            (TokenOwner::User(_), TokenKind::Personal) => None,
            (TokenOwner::Organization(organization), TokenKind::Organization) => Some(organization),
        };
        let mut tx = self.store.begin(TxMode::Write).await?;
        let info = match organization {
            Some(organization) => tx.find_organization_token(organization, key).await?,
            None => None,
        };
        if !tx.revoke_api_token(key, self.clock.now()).await? {
            return Ok(());
        }
        let changes = info.map(|info| Change::ApiTokenRevoked {
            key: info.key,
            name: info.name,
            env: info.env,
        });
        match organization {
            Some(organization) => {
                self.commit_events_as(tx, &Actor::Operator, &RequestInfo::default(), organization, changes)
                    .await?;
            }
            None => tx.commit().await?,
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::*;
    use orgs_core::{ApiTokenSecretHash, StoredApiToken, TokenId, UserId};
    use orgs_ports::{MockStore, MockTx};

    fn stored(owner: TokenOwner) -> StoredApiToken {
        StoredApiToken {
            id: TokenId::generate(),
            key: "k".into(),
            secret_hash: ApiTokenSecretHash("h".into()),
            owner,
            owner_email: None,
            revoked: false,
            last_used_at: None,
        }
    }

    #[tokio::test]
    async fn a_key_in_the_wrong_command_is_refused_untouched() {
        let mut store = MockStore::new();
        store
            .expect_find_api_token()
            .returning(|_| Ok(Some(stored(TokenOwner::User(UserId::generate())))));
        store.expect_begin().never();
        let err = app_with_store(store).revoke_token("k", TokenKind::Organization).await;
        assert!(matches!(err, Err(AdminError::WrongKind("a user"))));
    }

    #[tokio::test]
    async fn revoking_writes_once_and_commits() {
        let mut store = MockStore::new();
        store
            .expect_find_api_token()
            .returning(|_| Ok(Some(stored(TokenOwner::Organization(OrgId::generate())))));
        let mut tx = MockTx::new();
        tx.expect_find_organization_token().returning(|_, key| {
            Ok(Some(ApiTokenInfo {
                id: TokenId::generate(),
                key: key.to_owned(),
                name: None,
                env: orgs_core::TokenEnv::Live,
                last_four: "abcd".into(),
                created_at: fixed_now(),
                created_by: None,
                last_used_at: None,
                revoked: false,
            }))
        });
        tx.expect_revoke_api_token()
            .withf(|key, _| key == "k")
            .times(1)
            .returning(|_, _| Ok(true));
        expect_events(&mut tx, Actor::Operator, &[orgs_core::Action::ApiTokenRevoked]);
        let mut tx = Some(tx);
        store
            .expect_begin()
            .times(1)
            .returning(move |_| Ok(Box::new(tx.take().unwrap())));
        app_with_store(store)
            .revoke_token("k", TokenKind::Organization)
            .await
            .unwrap();
    }

    #[tokio::test]
    async fn an_unknown_key_or_organization_is_reported() {
        let mut store = MockStore::new();
        store.expect_find_api_token().returning(|_| Ok(None));
        let err = app_with_store(store).revoke_token("nope", TokenKind::Personal).await;
        assert!(matches!(err, Err(AdminError::TokenNotFound)));
        let mut tx = MockTx::new();
        tx.expect_find_organization().returning(|_, _| Ok(None));
        let err = app_with_tx(tx).list_organization_tokens(OrgId::generate()).await;
        assert!(matches!(err, Err(AdminError::OrganizationNotFound)));
    }
}
