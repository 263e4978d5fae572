//! Turning a bearer credential into a `Caller`.
//!
//! API token secrets are argon2id hashes, slow on purpose. Verifying one on every request
//! would cap the service at a few dozen requests a second a core, so a bounded cache
//! remembers which (key, digest of secret) pairs verified against which stored hash. The
//! token row is still read on every request, so a revoked or deleted token fails at once,
//! and a replaced hash misses the cache.

use lru::LruCache;
use orgs_core::{ApiTokenSecretHash, Caller, TokenOwner, User, UserId};
use orgs_ports::{IdentityError, IdentityVerifier, SecretHasher, Store, StoreError, TxMode};
use sha2::{Digest, Sha256};
use std::num::NonZeroUsize;
use std::sync::{Arc, Mutex};
use subtle::ConstantTimeEq;

/// How many verified credentials are remembered; each entry is about 200 bytes.
pub const CREDENTIAL_CACHE_CAPACITY: usize = 10_000;

#[derive(Debug, thiserror::Error)]
pub enum AuthError {
    /// The reason is for logs only; clients always see the same answer.
    #[error("unauthenticated: {0}")]
    Unauthenticated(&'static str),
    #[error(transparent)]
    Store(#[from] StoreError),
}

type CacheKey = (String, [u8; 32]);

pub struct Authenticator {
    store: Arc<dyn Store>,
    hasher: Arc<dyn SecretHasher>,
    identities: Option<Arc<dyn IdentityVerifier>>,
    clock: Arc<dyn orgs_ports::Clock>,
    verified: Mutex<LruCache<CacheKey, ApiTokenSecretHash>>,
}

impl Authenticator {
    pub fn new(
        store: Arc<dyn Store>,
        hasher: Arc<dyn SecretHasher>,
        identities: Option<Arc<dyn IdentityVerifier>>,
        clock: Arc<dyn orgs_ports::Clock>,
    ) -> Self {
        let capacity = NonZeroUsize::new(CREDENTIAL_CACHE_CAPACITY).expect("non-zero capacity");
        Self {
            store,
            hasher,
            identities,
            clock,
            verified: Mutex::new(LruCache::new(capacity)),
        }
    }

    /// Accepts `<key>:<secret>` API tokens and, when configured, JWTs (which never
    /// contain a colon).
    pub async fn authenticate(&self, bearer: &str) -> Result<Caller, AuthError> {
        match bearer.split_once(':') {
            Some((key, secret)) => self.api_token(key, secret).await,
            None => self.jwt(bearer).await,
        }
    }

    async fn api_token(&self, key: &str, secret: &str) -> Result<Caller, AuthError> {
        if key.is_empty() || secret.is_empty() || key.len() > 100 || secret.len() > 200 {
            return Err(AuthError::Unauthenticated("malformed API token"));
        }
        let stored = self
            .store
            .find_api_token(key)
            .await?
            .ok_or(AuthError::Unauthenticated("unknown API token"))?;
        if stored.revoked {
            return Err(AuthError::Unauthenticated("revoked API token"));
        }
        let cache_key = (key.to_owned(), Sha256::digest(secret.as_bytes()).into());
        if !self.seen_before(&cache_key, &stored.secret_hash) {
            if !self.hasher.verify(secret, &stored.secret_hash).await {
                return Err(AuthError::Unauthenticated("wrong API token secret"));
            }
            self.lock_cache().put(cache_key, stored.secret_hash);
        }
        Ok(match stored.owner {
            TokenOwner::User(user) => Caller::User(user),
            TokenOwner::Organization(organization) => Caller::OrganizationToken(organization),
        })
    }

    fn seen_before(&self, cache_key: &CacheKey, stored: &ApiTokenSecretHash) -> bool {
        self.lock_cache()
            .get(cache_key)
            .is_some_and(|remembered| bool::from(remembered.0.as_bytes().ct_eq(stored.0.as_bytes())))
    }

    fn lock_cache(&self) -> std::sync::MutexGuard<'_, LruCache<CacheKey, ApiTokenSecretHash>> {
        // A panic while holding the lock cannot leave the cache inconsistent in a way that
        // matters: at worst an entry is missing and argon2 runs again.
        self.verified.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    async fn jwt(&self, jwt: &str) -> Result<Caller, AuthError> {
        let verifier = self
            .identities
            .as_ref()
            .ok_or(AuthError::Unauthenticated("JWTs are not configured"))?;
        let identity = verifier.verify(jwt).map_err(|err| match err {
            IdentityError::NotConfigured => AuthError::Unauthenticated("JWTs are not configured"),
            IdentityError::Refused(_) => AuthError::Unauthenticated("JWT refused"),
        })?;
        if let Some(user) = self
            .store
            .find_user_by_identity(&identity.issuer, &identity.subject)
            .await?
        {
            return Ok(Caller::User(user));
        }
        // First use: find the user by email (made by the CLI, or by another issuer) or make
        // one, then link this identity. Both steps tolerate a concurrent first use.
        let candidate = User {
            id: UserId::generate(),
            email: identity.email.clone(),
            created_at: self.clock.now(),
        };
        let mut tx = self.store.begin(TxMode::Write).await?;
        let user = tx.find_or_insert_user(&candidate).await?;
        let linked = tx.link_identity(&identity, user.id).await?;
        tx.commit().await?;
        Ok(Caller::User(linked))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use orgs_core::{Email, ExternalIdentity, OrgId, StoredApiToken, TokenId};
    use orgs_ports::{MockClock, MockIdentityVerifier, MockSecretHasher, MockStore, MockTx};
    use std::sync::atomic::{AtomicUsize, Ordering};

    fn stored(owner: TokenOwner, revoked: bool) -> StoredApiToken {
        StoredApiToken {
            id: TokenId::generate(),
            key: "orgs_live_k".into(),
            secret_hash: ApiTokenSecretHash("hash-of-s3cret".into()),
            owner,
            revoked,
        }
    }

    fn counting_hasher(calls: Arc<AtomicUsize>) -> MockSecretHasher {
        let mut hasher = MockSecretHasher::new();
        hasher.expect_verify().returning(move |secret, hash| {
            calls.fetch_add(1, Ordering::SeqCst);
            hash.0 == format!("hash-of-{secret}")
        });
        hasher
    }

    fn authenticator(
        store: MockStore,
        hasher: MockSecretHasher,
        identities: Option<MockIdentityVerifier>,
    ) -> Authenticator {
        let mut clock = MockClock::new();
        clock.expect_now().returning(crate::testing::fixed_now);
        Authenticator::new(
            Arc::new(store),
            Arc::new(hasher),
            identities.map(|v| Arc::new(v) as Arc<dyn IdentityVerifier>),
            Arc::new(clock),
        )
    }

    #[tokio::test]
    async fn a_repeated_bearer_runs_argon2_once_but_reads_the_row_every_time() {
        let org = OrgId::generate();
        let lookups = Arc::new(AtomicUsize::new(0));
        let mut store = MockStore::new();
        let seen = lookups.clone();
        store.expect_find_api_token().returning(move |_| {
            seen.fetch_add(1, Ordering::SeqCst);
            Ok(Some(stored(TokenOwner::Organization(org), false)))
        });
        let verifications = Arc::new(AtomicUsize::new(0));
        let auth = authenticator(store, counting_hasher(verifications.clone()), None);
        for _ in 0..3 {
            assert_eq!(
                auth.authenticate("orgs_live_k:s3cret").await.unwrap(),
                Caller::OrganizationToken(org)
            );
        }
        assert_eq!(verifications.load(Ordering::SeqCst), 1);
        assert_eq!(lookups.load(Ordering::SeqCst), 3);
    }

    #[tokio::test]
    async fn a_wrong_secret_is_refused_even_after_the_right_one_was_cached() {
        let mut store = MockStore::new();
        store
            .expect_find_api_token()
            .returning(|_| Ok(Some(stored(TokenOwner::User(UserId::generate()), false))));
        let auth = authenticator(store, counting_hasher(Arc::default()), None);
        auth.authenticate("orgs_live_k:s3cret").await.unwrap();
        assert!(matches!(
            auth.authenticate("orgs_live_k:guess").await,
            Err(AuthError::Unauthenticated(_))
        ));
    }

    #[tokio::test]
    async fn a_revoked_token_fails_at_once_even_when_cached() {
        let revoked = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let flag = revoked.clone();
        let mut store = MockStore::new();
        store.expect_find_api_token().returning(move |_| {
            Ok(Some(stored(
                TokenOwner::User(UserId::generate()),
                flag.load(Ordering::SeqCst),
            )))
        });
        let auth = authenticator(store, counting_hasher(Arc::default()), None);
        auth.authenticate("orgs_live_k:s3cret").await.unwrap();
        revoked.store(true, Ordering::SeqCst);
        assert!(matches!(
            auth.authenticate("orgs_live_k:s3cret").await,
            Err(AuthError::Unauthenticated(_))
        ));
    }

    #[tokio::test]
    async fn an_unknown_key_is_refused_without_hashing() {
        let mut store = MockStore::new();
        store.expect_find_api_token().returning(|_| Ok(None));
        let calls = Arc::new(AtomicUsize::new(0));
        let auth = authenticator(store, counting_hasher(calls.clone()), None);
        assert!(matches!(
            auth.authenticate("nope:nope").await,
            Err(AuthError::Unauthenticated(_))
        ));
        assert_eq!(calls.load(Ordering::SeqCst), 0);
    }

    #[tokio::test]
    async fn a_jwt_is_refused_when_none_are_configured() {
        let auth = authenticator(MockStore::new(), MockSecretHasher::new(), None);
        assert!(matches!(
            auth.authenticate("a.b.c").await,
            Err(AuthError::Unauthenticated(_))
        ));
    }

    #[tokio::test]
    async fn a_jwt_first_use_creates_and_links_the_user() {
        let mut verifier = MockIdentityVerifier::new();
        verifier.expect_verify().returning(|_| {
            Ok(ExternalIdentity {
                issuer: "idp".into(),
                subject: "u1".into(),
                email: Email::parse("a@example.com").unwrap(),
            })
        });
        let mut store = MockStore::new();
        store.expect_find_user_by_identity().returning(|_, _| Ok(None));
        let mut tx = MockTx::new();
        tx.expect_find_or_insert_user()
            .returning(|candidate| Ok(candidate.clone()));
        tx.expect_link_identity()
            .withf(|identity, _| identity.subject == "u1")
            .times(1)
            .returning(|_, user| Ok(user));
        tx.expect_commit().times(1).returning(|| Ok(()));
        let mut tx = Some(tx);
        store
            .expect_begin()
            .returning(move |_| Ok(Box::new(tx.take().unwrap())));
        let auth = authenticator(store, MockSecretHasher::new(), Some(verifier));
        assert!(matches!(auth.authenticate("a.b.c").await, Ok(Caller::User(_))));
    }

    #[tokio::test]
    async fn a_refused_jwt_is_unauthenticated() {
        let mut verifier = MockIdentityVerifier::new();
        verifier
            .expect_verify()
            .returning(|_| Err(IdentityError::Refused("expired".into())));
        let auth = authenticator(MockStore::new(), MockSecretHasher::new(), Some(verifier));
        assert!(matches!(
            auth.authenticate("a.b.c").await,
            Err(AuthError::Unauthenticated(_))
        ));
    }
}
