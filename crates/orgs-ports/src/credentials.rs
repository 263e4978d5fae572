//! Ports for time, randomness, secret hashing and external identity.

use async_trait::async_trait;
use orgs_core::{ApiTokenSecretHash, ExternalIdentity, Timestamp};

#[cfg_attr(feature = "mocks", mockall::automock)]
pub trait Clock: Send + Sync + 'static {
    /// The current time, truncated to milliseconds so it survives every store unchanged.
    fn now(&self) -> Timestamp;
}

#[cfg_attr(feature = "mocks", mockall::automock)]
pub trait SecretGenerator: Send + Sync + 'static {
    /// `len` characters drawn uniformly from `alphabet` by the OS CSPRNG.
    fn random_string(&self, alphabet: &'static [u8], len: usize) -> String;
}

/// Slow, salted hashing for API token secrets (argon2id in production).
#[cfg_attr(feature = "mocks", mockall::automock)]
#[async_trait]
pub trait SecretHasher: Send + Sync + 'static {
    async fn hash(&self, secret: &str) -> ApiTokenSecretHash;
    /// Constant-time with respect to the secret.
    async fn verify(&self, secret: &str, hash: &ApiTokenSecretHash) -> bool;
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IdentityError {
    #[error("JWTs are not accepted by this server")]
    NotConfigured,
    #[error("the JWT was refused: {0}")]
    Refused(String),
}

/// Verifies a JWT from the configured identity providers. Async because a provider's
/// key set may have to be fetched again when a token names a key it does not hold.
#[cfg_attr(feature = "mocks", mockall::automock)]
#[async_trait]
pub trait IdentityVerifier: Send + Sync + 'static {
    async fn verify(&self, jwt: &str) -> Result<ExternalIdentity, IdentityError>;
}
