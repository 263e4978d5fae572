//! Argon2id hashing of API token secrets, off the async runtime's worker threads.

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use async_trait::async_trait;
use orgs_core::ApiTokenSecretHash;
use orgs_ports::SecretHasher;
use std::sync::Arc;
use tokio::sync::Semaphore;

/// Argon2id with the crate's defaults (19 MiB, 2 passes), about 25 ms a hash.
///
/// At most one hash per core runs at once; the rest wait their turn, so a burst of
/// token mints or first verifications queues instead of piling threads and memory on the
/// blocking pool.
#[derive(Debug, Clone)]
pub struct Argon2Hasher {
    permits: Arc<Semaphore>,
}

impl Default for Argon2Hasher {
    fn default() -> Self {
        let cores = std::thread::available_parallelism().map_or(2, std::num::NonZeroUsize::get);
        Self {
            permits: Arc::new(Semaphore::new(cores)),
        }
    }
}

impl Argon2Hasher {
    async fn blocking<T: Send + 'static>(&self, work: impl FnOnce() -> T + Send + 'static) -> Option<T> {
        let _permit = self.permits.acquire().await.ok()?;
        tokio::task::spawn_blocking(work).await.ok()
    }
}

fn hash_blocking(secret: &str) -> ApiTokenSecretHash {
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt).expect("the OS CSPRNG is available");
    let salt = SaltString::encode_b64(&salt).expect("16 bytes is a valid salt");
    let hash = Argon2::default()
        .hash_password(secret.as_bytes(), &salt)
        .expect("argon2 accepts any secret");
    ApiTokenSecretHash(hash.to_string())
}

fn verify_blocking(secret: &str, hash: &ApiTokenSecretHash) -> bool {
    PasswordHash::new(&hash.0).is_ok_and(|parsed| Argon2::default().verify_password(secret.as_bytes(), &parsed).is_ok())
}

#[async_trait]
impl SecretHasher for Argon2Hasher {
    async fn hash(&self, secret: &str) -> ApiTokenSecretHash {
        let secret = secret.to_owned();
        self.blocking(move || hash_blocking(&secret))
            .await
            .expect("hashing neither panics nor loses its semaphore")
    }

    async fn verify(&self, secret: &str, hash: &ApiTokenSecretHash) -> bool {
        let (secret, hash) = (secret.to_owned(), hash.clone());
        self.blocking(move || verify_blocking(&secret, &hash))
            .await
            .unwrap_or(false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn verifies_only_the_hashed_secret() {
        let hash = Argon2Hasher::default().hash("s3cret").await;
        assert!(hash.0.starts_with("$argon2id$"));
        assert!(!hash.0.contains("s3cret"));
        assert!(Argon2Hasher::default().verify("s3cret", &hash).await);
        assert!(!Argon2Hasher::default().verify("s3creT", &hash).await);
    }

    #[tokio::test]
    async fn salts_every_hash() {
        assert_ne!(
            Argon2Hasher::default().hash("same").await,
            Argon2Hasher::default().hash("same").await
        );
    }

    #[tokio::test]
    async fn a_corrupt_hash_never_verifies() {
        assert!(
            !Argon2Hasher::default()
                .verify("x", &ApiTokenSecretHash("not a phc string".into()))
                .await
        );
    }
}
