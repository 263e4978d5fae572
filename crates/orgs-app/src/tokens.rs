//! Minting API tokens: organization tokens through the API, personal ones for the CLI.

use crate::{
    App, CreateTokenError, Denied,
    secrets::{BASE62, KEY_RANDOM_LEN, SECRET_LEN, last_four},
};
use orgs_core::{
    Acting, Caller, Change, Email, NewApiToken, OrgId, Permission, TokenEnv, TokenId, TokenName, TokenOwner, User,
    UserId,
};
use orgs_ports::{RowLock, StoreError, Tx, TxMode};

/// A freshly minted token. The secret exists only here, in this one answer.
#[derive(Clone, PartialEq, Eq)]
pub struct MintedToken {
    pub key: String,
    pub secret: String,
    pub last_four: String,
}

impl MintedToken {
    /// What a client sends after `Bearer `.
    pub fn bearer(&self) -> String {
        format!("{}:{}", self.key, self.secret)
    }
}

impl std::fmt::Debug for MintedToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MintedToken")
            .field("key", &self.key)
            .finish_non_exhaustive()
    }
}

/// The answer of `users create`: the user and its new personal token.
#[derive(Debug, Clone)]
pub struct NewUserToken {
    pub user: User,
    pub token: MintedToken,
}

impl App {
    /// `tokens.create` needs a user holding `org:manage`; visibility comes first. The write
    /// locks the organization, so a mint racing `organizations.delete` either commits first
    /// (and its token goes with the organization) or finds no organization.
    async fn may_create_token(
        &self,
        tx: &mut dyn Tx,
        caller: &Caller,
        organization: OrgId,
        lock: RowLock,
    ) -> Result<(), CreateTokenError> {
        let (_, access) = self
            .resolve_access::<CreateTokenError>(tx, caller, organization, lock)
            .await?;
        if caller.user().is_none() {
            return Err(Denied::UserRequired.into());
        }
        access.require(Permission::ORG_MANAGE).map_err(Denied::from)?;
        Ok(())
    }

    /// Draws the key and secret and hashes the secret. Done before any transaction opens,
    /// because argon2 takes tens of milliseconds and no lock should wait on it.
    async fn mint(
        &self,
        key_prefix: &str,
        owner: TokenOwner,
        name: Option<TokenName>,
        env: TokenEnv,
        created_by: Option<UserId>,
    ) -> (MintedToken, NewApiToken) {
        let key = format!("{key_prefix}_{}", self.secrets.random_string(BASE62, KEY_RANDOM_LEN));
        let secret = self.secrets.random_string(BASE62, SECRET_LEN);
        let secret_hash = self.hasher.hash(&secret).await;
        let minted = MintedToken {
            last_four: last_four(&secret),
            key: key.clone(),
            secret,
        };
        let stored = NewApiToken {
            id: TokenId::generate(),
            key,
            secret_hash,
            owner,
            name,
            env,
            last_four: minted.last_four.clone(),
            created_by,
            created_at: self.clock.now(),
        };
        (minted, stored)
    }

    /// `organizations.tokens.create`: needs a user holding `org:manage`. The token acts at
    /// once, as an admin of this organization only.
    pub async fn create_organization_token(
        &self,
        acting: &Acting,
        organization: OrgId,
        name: Option<TokenName>,
        env: TokenEnv,
    ) -> Result<MintedToken, CreateTokenError> {
        let caller = &acting.caller;
        // Check before hashing, so that a caller without the right cannot make us spend
        // argon2's time; check again in the write, as the right may have gone meanwhile.
        let mut check = self.store.begin(TxMode::Read).await?;
        self.may_create_token(&mut *check, caller, organization, RowLock::None)
            .await?;
        drop(check);
        let prefix = format!("orgs_{}", env.as_str());
        let owner = TokenOwner::Organization(organization);
        let (minted, stored) = self.mint(&prefix, owner, name, env, caller.user()).await;
        let mut tx = self.store.begin(TxMode::Write).await?;
        self.may_create_token(&mut *tx, caller, organization, RowLock::ForUpdate)
            .await?;
        tx.insert_api_token(&stored).await?;
        let change = Change::ApiTokenCreated {
            key: stored.key.clone(),
            name: stored.name.clone(),
            env,
        };
        self.commit_with_events(tx, acting, organization, [change]).await?;
        Ok(minted)
    }

    /// `orgs-server users create`: finds or creates the user by email and mints a personal
    /// token for it.
    pub async fn create_user_token(&self, email: Email) -> Result<NewUserToken, StoreError> {
        let candidate = User {
            id: UserId::generate(),
            email,
            created_at: self.clock.now(),
        };
        let (minted, mut stored) = self
            .mint("orgs_user", TokenOwner::User(candidate.id), None, TokenEnv::Live, None)
            .await;
        let mut tx = self.store.begin(TxMode::Write).await?;
        let user = tx.find_or_insert_user(&candidate).await?;
        stored.owner = TokenOwner::User(user.id);
        stored.created_by = Some(user.id);
        tx.insert_api_token(&stored).await?;
        tx.commit().await?;
        Ok(NewUserToken { user, token: minted })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::*;
    use orgs_core::{Role, RuleViolation};
    use orgs_ports::MockTx;

    #[tokio::test]
    async fn an_owner_mints_a_token_stored_only_as_a_hash() {
        let org = organization();
        let mut check = MockTx::new();
        expect_access(&mut check, &org, move |_| Some(Role::OWNER));
        check.expect_insert_api_token().never();
        let mut tx = MockTx::new();
        expect_access(&mut tx, &org, move |_| Some(Role::OWNER));
        let org_id = org.id;
        tx.expect_insert_api_token()
            .withf(move |token| {
                token.owner == TokenOwner::Organization(org_id)
                    && token.key.starts_with("orgs_test_")
                    && token.secret_hash.0.starts_with("hashed:")
            })
            .times(1)
            .returning(|_| Ok(()));
        tx.expect_commit_with_events().times(1).returning(|_| Ok(0));
        let minted = app_with_txs(vec![check, tx])
            .create_organization_token(&as_user(UserId::generate()), org.id, None, TokenEnv::Test)
            .await
            .unwrap();
        assert_eq!(minted.secret.len(), SECRET_LEN);
        assert_eq!(minted.bearer(), format!("{}:{}", minted.key, minted.secret));
        assert!(minted.secret.ends_with(&minted.last_four));
    }

    #[tokio::test]
    async fn a_refused_caller_costs_no_hash() {
        let mut tx = MockTx::new();
        expect_access(&mut tx, &organization(), move |_| None);
        let mut store = orgs_ports::MockStore::new();
        let mut tx = Some(tx);
        store
            .expect_begin()
            .times(1)
            .returning(move |_| Ok(Box::new(tx.take().unwrap())));
        let mut hasher = orgs_ports::MockSecretHasher::new();
        hasher.expect_hash().never();
        let app = App::new(
            std::sync::Arc::new(store),
            std::sync::Arc::new(fixed_clock()),
            std::sync::Arc::new(orgs_ports::MockSecretGenerator::new()),
            std::sync::Arc::new(hasher),
            crate::Policy::default(),
        );
        let err = app
            .create_organization_token(&as_user(UserId::generate()), OrgId::generate(), None, TokenEnv::Live)
            .await;
        assert!(matches!(err, Err(CreateTokenError::Denied(Denied::NotFound))));
    }

    fn fixed_clock() -> orgs_ports::MockClock {
        let mut clock = orgs_ports::MockClock::new();
        clock.expect_now().returning(fixed_now);
        clock
    }

    #[tokio::test]
    async fn an_organization_token_cannot_mint_tokens() {
        let org = organization();
        let mut tx = MockTx::new();
        expect_org(&mut tx, &org);
        tx.expect_insert_api_token().never();
        let err = app_with_tx(tx)
            .create_organization_token(&as_token(org.id), org.id, None, TokenEnv::Live)
            .await;
        assert!(matches!(err, Err(CreateTokenError::Denied(Denied::UserRequired))));
    }

    #[tokio::test]
    async fn an_admin_lacks_org_manage() {
        let org = organization();
        let mut tx = MockTx::new();
        expect_access(&mut tx, &org, move |_| Some(Role::ADMIN));
        tx.expect_insert_api_token().never();
        let err = app_with_tx(tx)
            .create_organization_token(&as_user(UserId::generate()), org.id, None, TokenEnv::Live)
            .await;
        assert!(matches!(
            err,
            Err(CreateTokenError::Denied(Denied::Forbidden(
                RuleViolation::MissingPermission(_)
            )))
        ));
    }

    #[tokio::test]
    async fn users_create_reuses_an_existing_user() {
        let existing = User {
            id: UserId::generate(),
            email: Email::parse("a@example.com").unwrap(),
            created_at: fixed_now(),
        };
        let found = existing.clone();
        let mut tx = MockTx::new();
        tx.expect_find_or_insert_user().returning(move |_| Ok(found.clone()));
        let owner = existing.id;
        tx.expect_insert_api_token()
            .withf(move |token| token.owner == TokenOwner::User(owner))
            .times(1)
            .returning(|_| Ok(()));
        tx.expect_commit().times(1).returning(|| Ok(()));
        let made = app_with_tx(tx).create_user_token(existing.email.clone()).await.unwrap();
        assert_eq!(made.user, existing);
        assert!(made.token.key.starts_with("orgs_user_"));
    }
}
