//! Turning a bearer credential into a `Caller`.
//!
//! API token secrets are argon2id hashes, slow on purpose. Verifying one on every request
//! would cap the service at a few dozen requests a second a core, so a bounded cache
//! remembers which (key, digest of secret) pairs verified against which stored hash. The
//! token row is still read on every request, so a revoked or deleted token fails at once,
//! and a replaced hash misses the cache.

use crate::FailureLimiter;
use crate::token_use::TokenUse;
use event_listener::Event;
use lru::LruCache;
use orgs_core::{Acting, ApiTokenSecretHash, ExternalIdentity, TokenOwner, User, UserId};
use orgs_ports::{IdentityError, IdentityVerifier, SecretHasher, Store, StoreError, TxMode};
use sha2::{Digest, Sha256};
use std::collections::HashSet;
use std::num::NonZeroUsize;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use subtle::ConstantTimeEq;

/// How many verified credentials are remembered; each entry is about 200 bytes.
pub const CREDENTIAL_CACHE_CAPACITY: usize = 10_000;

#[derive(Debug, thiserror::Error)]
pub enum AuthError {
    /// The reason is for logs only; clients always see the same answer.
    #[error("unauthenticated: {0}")]
    Unauthenticated(&'static str),
    /// Too many failures from this client address or against this token key.
    #[error("rate limited")]
    RateLimited { retry_after: Duration },
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
    failures: FailureLimiter,
    /// Credentials being verified right now, so a burst of first requests with one new
    /// token runs argon2 once and the rest find it cached.
    verifying: Mutex<HashSet<CacheKey>>,
    verified_now: Event,
    uses: TokenUse,
    cache_hits: AtomicU64,
    cache_misses: AtomicU64,
}

fn limited(retry_after: Duration) -> AuthError {
    AuthError::RateLimited { retry_after }
}

impl Authenticator {
    pub fn new(
        store: Arc<dyn Store>,
        hasher: Arc<dyn SecretHasher>,
        identities: Option<Arc<dyn IdentityVerifier>>,
        clock: Arc<dyn orgs_ports::Clock>,
        failures: FailureLimiter,
    ) -> Self {
        let capacity = NonZeroUsize::new(CREDENTIAL_CACHE_CAPACITY).expect("non-zero capacity");
        let verified = Mutex::new(LruCache::new(capacity));
        Self {
            uses: TokenUse::new(store.clone(), clock.clone()),
            store,
            hasher,
            identities,
            clock,
            verified,
            failures,
            verifying: Mutex::new(HashSet::new()),
            verified_now: Event::new(),
            cache_hits: AtomicU64::new(0),
            cache_misses: AtomicU64::new(0),
        }
    }

    /// Accepts `<key>:<secret>` API tokens and, when configured, JWTs (which never
    /// contain a colon). `client` names the caller's address for the rate limits.
    pub async fn authenticate(&self, bearer: &str, client: &str) -> Result<Acting, AuthError> {
        let client = format!("address:{client}");
        self.failures.check(&client).map_err(limited)?;
        match bearer.split_once(':') {
            Some((key, secret)) => self.api_token(key, secret, &client).await,
            None => self.jwt(bearer, &client).await,
        }
    }

    /// (hits, misses) of the verified-credential cache since the process started.
    pub fn cache_counts(&self) -> (u64, u64) {
        (
            self.cache_hits.load(Ordering::Relaxed),
            self.cache_misses.load(Ordering::Relaxed),
        )
    }

    /// Writes the tokens' last uses noted since the previous call; the server calls it
    /// every second, off the request path. Returns how many tokens it wrote.
    pub async fn flush_token_uses(&self) -> Result<usize, StoreError> {
        self.uses.flush().await
    }

    /// Authentications refused with `429` since the process started.
    pub fn refusals(&self) -> u64 {
        self.failures.refusals()
    }

    /// Counts a cheap failure (no argon2 was run) against the client address.
    fn fail(&self, client: &str, reason: &'static str) -> AuthError {
        self.failures.record_failure(client);
        AuthError::Unauthenticated(reason)
    }

    async fn api_token(&self, key: &str, secret: &str, client: &str) -> Result<Acting, AuthError> {
        if key.is_empty() || secret.is_empty() || key.len() > 100 || secret.len() > 200 {
            return Err(self.fail(client, "malformed API token"));
        }
        let Some(stored) = self.store.find_api_token(key).await? else {
            return Err(self.fail(client, "unknown API token"));
        };
        if stored.revoked {
            return Err(self.fail(client, "revoked API token"));
        }
        let cache_key = (key.to_owned(), Sha256::digest(secret.as_bytes()).into());
        // A secret verified before is no guess, so it passes even while the key is under
        // attack: whoever hammers a known key cannot lock its owner out.
        loop {
            if self.seen_before(&cache_key, &stored.secret_hash) {
                self.cache_hits.fetch_add(1, Ordering::Relaxed);
                break;
            }
            let verified_now = self.verified_now.listen();
            if let Some(_verifying) = Verifying::claim(self, &cache_key) {
                // Another verification may have finished between the look and the claim.
                if self.seen_before(&cache_key, &stored.secret_hash) {
                    self.cache_hits.fetch_add(1, Ordering::Relaxed);
                    break;
                }
                self.verify_guarded(key, secret, &stored.secret_hash, client).await?;
                self.lock_cache().put(cache_key, stored.secret_hash.clone());
                break;
            }
            verified_now.await;
        }
        self.uses.note(&stored);
        match (stored.owner, stored.owner_email) {
            (TokenOwner::User(user), Some(email)) => Ok(Acting::of_user(user, email)),
            (TokenOwner::User(_), None) => Err(StoreError::Other("a personal token's user has no row".into()).into()),
            (TokenOwner::Organization(organization), _) => Ok(Acting::of_organization_token(organization, stored.key)),
        }
    }

    /// Runs argon2 only within both budgets (the address's and the key's). The attempt is
    /// counted before verifying, so concurrent guesses cannot all slip past the check; it
    /// counts as a failure unless the secret turns out right, even when the request is
    /// abandoned mid-hash.
    async fn verify_guarded(
        &self,
        key: &str,
        secret: &str,
        hash: &ApiTokenSecretHash,
        client: &str,
    ) -> Result<(), AuthError> {
        let mut by_address = self.failures.reserve(client).await.map_err(limited)?;
        let mut by_key = self.failures.reserve(&format!("key:{key}")).await.map_err(limited)?;
        by_address.fail();
        by_key.fail();
        self.cache_misses.fetch_add(1, Ordering::Relaxed);
        if !self.hasher.verify(secret, hash).await {
            return Err(AuthError::Unauthenticated("wrong API token secret"));
        }
        by_address.succeed();
        by_key.succeed();
        Ok(())
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

    /// The audit log records the email the provider vouches for now, which is the one
    /// the user had when it acted.
    async fn jwt(&self, jwt: &str, client: &str) -> Result<Acting, AuthError> {
        let Some(verifier) = self.identities.as_ref() else {
            return Err(self.fail(client, "JWTs are not configured"));
        };
        let identity = match verifier.verify(jwt).await {
            Ok(identity) => identity,
            Err(IdentityError::NotConfigured) => return Err(self.fail(client, "JWTs are not configured")),
            Err(IdentityError::Refused(_)) => return Err(self.fail(client, "JWT refused")),
        };
        if let Some(user) = self
            .store
            .find_user_by_identity(&identity.issuer, &identity.subject)
            .await?
        {
            return Ok(Acting::of_user(user, identity.email));
        }
        let user = self.first_use(&identity).await?;
        Ok(Acting::of_user(user, identity.email))
    }

    /// Links a new identity to a user: a new one, or the user who already has this email
    /// when the identity provider vouches that the email is verified. An unverified
    /// claim never takes over an existing user.
    async fn first_use(&self, identity: &ExternalIdentity) -> Result<UserId, AuthError> {
        let candidate = User {
            id: UserId::generate(),
            email: identity.email.clone(),
            created_at: self.clock.now(),
        };
        let mut tx = self.store.begin(TxMode::Write).await?;
        let user = tx.find_or_insert_user(&candidate).await?;
        if user.id != candidate.id && !identity.email_verified {
            // Either another person holds this email, or a concurrent first use of this
            // same identity made the user a moment ago; only the second may pass.
            let linked = self
                .store
                .find_user_by_identity(&identity.issuer, &identity.subject)
                .await?;
            if linked != Some(user.id) {
                return Err(AuthError::Unauthenticated(
                    "JWT email belongs to another user and is not verified",
                ));
            }
        }
        let linked = tx.link_identity(identity, user.id).await?;
        tx.commit().await?;
        Ok(linked)
    }
}

/// The one verification running for a credential; others with the same one wait for it
/// and then find the cache filled (or, if it was wrong, take their own turn).
struct Verifying<'a> {
    authenticator: &'a Authenticator,
    key: CacheKey,
}

impl<'a> Verifying<'a> {
    fn claim(authenticator: &'a Authenticator, key: &CacheKey) -> Option<Self> {
        let mut verifying = authenticator
            .verifying
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        verifying.insert(key.clone()).then(|| Self {
            authenticator,
            key: key.clone(),
        })
    }
}

impl Drop for Verifying<'_> {
    fn drop(&mut self) {
        let mut verifying = self
            .authenticator
            .verifying
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        verifying.remove(&self.key);
        drop(verifying);
        self.authenticator.verified_now.notify(usize::MAX);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use orgs_core::{Caller, Email, OrgId, StoredApiToken, TokenId};
    use orgs_ports::{MockClock, MockIdentityVerifier, MockSecretHasher, MockStore, MockTx};
    use std::sync::atomic::{AtomicUsize, Ordering};

    const CLIENT: &str = "192.0.2.1";

    fn identity(email_verified: bool) -> ExternalIdentity {
        ExternalIdentity {
            issuer: "idp".into(),
            subject: "u1".into(),
            email: Email::parse("a@example.com").unwrap(),
            email_verified,
        }
    }

    /// A store whose one write transaction finds `existing` by email (or inserts).
    fn first_use_store(existing: Option<User>, linked_already: Option<UserId>) -> (MockStore, Arc<AtomicUsize>) {
        let links = Arc::new(AtomicUsize::new(0));
        let mut store = MockStore::new();
        let mut lookups = 0;
        store.expect_find_user_by_identity().returning(move |_, _| {
            lookups += 1;
            Ok(if lookups == 1 { None } else { linked_already })
        });
        let mut tx = MockTx::new();
        tx.expect_find_or_insert_user()
            .returning(move |candidate| Ok(existing.clone().unwrap_or(candidate.clone())));
        let counted = links.clone();
        tx.expect_link_identity().returning(move |_, user| {
            counted.fetch_add(1, Ordering::SeqCst);
            Ok(user)
        });
        tx.expect_commit().returning(|| Ok(()));
        let mut tx = Some(tx);
        store
            .expect_begin()
            .returning(move |_| Ok(Box::new(tx.take().unwrap())));
        (store, links)
    }

    fn verifier(email_verified: bool) -> MockIdentityVerifier {
        let mut verifier = MockIdentityVerifier::new();
        verifier
            .expect_verify()
            .returning(move |_| Ok(identity(email_verified)));
        verifier
    }

    #[tokio::test]
    async fn an_unverified_email_never_takes_over_an_existing_user() {
        let existing = crate::testing::user(UserId::generate(), "a@example.com");
        let (store, links) = first_use_store(Some(existing.clone()), None);
        let auth = authenticator(store, MockSecretHasher::new(), Some(verifier(false)));
        assert!(matches!(
            auth.authenticate("a.b.c", CLIENT).await,
            Err(AuthError::Unauthenticated(_))
        ));
        assert_eq!(links.load(Ordering::SeqCst), 0);

        let (store, links) = first_use_store(Some(existing.clone()), None);
        let auth = authenticator(store, MockSecretHasher::new(), Some(verifier(true)));
        assert_eq!(
            auth.authenticate("a.b.c", CLIENT).await.unwrap().caller,
            Caller::User(existing.id)
        );
        assert_eq!(links.load(Ordering::SeqCst), 1);
    }

    #[tokio::test]
    async fn a_concurrent_first_use_of_the_same_identity_passes_unverified() {
        let existing = crate::testing::user(UserId::generate(), "a@example.com");
        let (store, _) = first_use_store(Some(existing.clone()), Some(existing.id));
        let auth = authenticator(store, MockSecretHasher::new(), Some(verifier(false)));
        assert_eq!(
            auth.authenticate("a.b.c", CLIENT).await.unwrap().caller,
            Caller::User(existing.id)
        );
    }

    #[tokio::test]
    async fn failures_from_one_address_are_limited() {
        let mut store = MockStore::new();
        store.expect_find_api_token().returning(|_| Ok(None));
        let auth = authenticator(store, MockSecretHasher::new(), None);
        for _ in 0..3 {
            assert!(matches!(
                auth.authenticate("nope:nope", CLIENT).await,
                Err(AuthError::Unauthenticated(_))
            ));
        }
        assert!(matches!(
            auth.authenticate("nope:nope", CLIENT).await,
            Err(AuthError::RateLimited { .. })
        ));
        assert!(matches!(
            auth.authenticate("nope:nope", "198.51.100.7").await,
            Err(AuthError::Unauthenticated(_))
        ));
    }

    #[tokio::test]
    async fn guesses_at_one_key_from_many_addresses_are_limited_but_its_owner_still_gets_in() {
        let mut store = MockStore::new();
        store
            .expect_find_api_token()
            .returning(|_| Ok(Some(stored(TokenOwner::User(UserId::generate()), false))));
        let verifications = Arc::new(AtomicUsize::new(0));
        let auth = authenticator(store, counting_hasher(verifications.clone()), None);
        auth.authenticate("orgs_live_k:s3cret", "10.0.0.1").await.unwrap();
        for n in 0..3 {
            let outcome = auth.authenticate("orgs_live_k:guess", &format!("10.0.1.{n}")).await;
            assert!(matches!(outcome, Err(AuthError::Unauthenticated(_))));
        }
        let limited = auth.authenticate("orgs_live_k:guess", "10.0.2.1").await;
        assert!(matches!(limited, Err(AuthError::RateLimited { .. })));
        assert_eq!(
            verifications.load(Ordering::SeqCst),
            4,
            "the limited guess cost no argon2"
        );
        auth.authenticate("orgs_live_k:s3cret", "10.0.0.1")
            .await
            .expect("a verified secret is no guess");
    }

    fn stored(owner: TokenOwner, revoked: bool) -> StoredApiToken {
        StoredApiToken {
            id: TokenId::generate(),
            key: "orgs_live_k".into(),
            secret_hash: ApiTokenSecretHash("hash-of-s3cret".into()),
            owner,
            owner_email: matches!(owner, TokenOwner::User(_)).then(|| Email::parse("owner@example.com").unwrap()),
            revoked,
            last_used_at: None,
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
            FailureLimiter::new(3, Duration::from_secs(60)),
        )
    }

    proptest::proptest! {
        #[test]
        fn any_credential_is_refused_cleanly(bearer in "\\PC{0,120}") {
            let runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();
            let mut store = MockStore::new();
            store.expect_find_api_token().returning(|_| Ok(None));
            let auth = authenticator(store, MockSecretHasher::new(), None);
            let outcome = runtime.block_on(auth.authenticate(&bearer, CLIENT));
            let refused = matches!(outcome, Err(AuthError::Unauthenticated(_) | AuthError::RateLimited { .. }));
            proptest::prop_assert!(refused, "{:?}", outcome);
        }
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
                auth.authenticate("orgs_live_k:s3cret", CLIENT).await.unwrap().caller,
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
        auth.authenticate("orgs_live_k:s3cret", CLIENT).await.unwrap();
        assert!(matches!(
            auth.authenticate("orgs_live_k:guess", CLIENT).await,
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
        auth.authenticate("orgs_live_k:s3cret", CLIENT).await.unwrap();
        revoked.store(true, Ordering::SeqCst);
        assert!(matches!(
            auth.authenticate("orgs_live_k:s3cret", CLIENT).await,
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
            auth.authenticate("nope:nope", CLIENT).await,
            Err(AuthError::Unauthenticated(_))
        ));
        assert_eq!(calls.load(Ordering::SeqCst), 0);
    }

    #[tokio::test]
    async fn a_jwt_is_refused_when_none_are_configured() {
        let auth = authenticator(MockStore::new(), MockSecretHasher::new(), None);
        assert!(matches!(
            auth.authenticate("a.b.c", CLIENT).await,
            Err(AuthError::Unauthenticated(_))
        ));
    }

    #[tokio::test]
    async fn a_jwt_first_use_creates_and_links_the_user() {
        let (store, links) = first_use_store(None, None);
        let auth = authenticator(store, MockSecretHasher::new(), Some(verifier(false)));
        assert!(matches!(
            auth.authenticate("a.b.c", CLIENT).await.map(|acting| acting.caller),
            Ok(Caller::User(_))
        ));
        assert_eq!(links.load(Ordering::SeqCst), 1);
    }

    #[tokio::test]
    async fn a_refused_jwt_is_unauthenticated() {
        let mut verifier = MockIdentityVerifier::new();
        verifier
            .expect_verify()
            .returning(|_| Err(IdentityError::Refused("expired".into())));
        let auth = authenticator(MockStore::new(), MockSecretHasher::new(), Some(verifier));
        assert!(matches!(
            auth.authenticate("a.b.c", CLIENT).await,
            Err(AuthError::Unauthenticated(_))
        ));
    }
}
