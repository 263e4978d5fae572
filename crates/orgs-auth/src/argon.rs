//! Argon2id hashing of API token secrets, off the async runtime's worker threads.

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use async_trait::async_trait;
use orgs_core::ApiTokenSecretHash;
use orgs_ports::SecretHasher;

/// Argon2id with the crate's defaults (19 MiB, 2 passes), about 25 ms a hash.
#[derive(Debug, Default, Clone, Copy)]
pub struct Argon2Hasher;

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
        tokio::task::spawn_blocking(move || hash_blocking(&secret))
            .await
            .expect("hashing does not panic")
    }

    async fn verify(&self, secret: &str, hash: &ApiTokenSecretHash) -> bool {
        let (secret, hash) = (secret.to_owned(), hash.clone());
        tokio::task::spawn_blocking(move || verify_blocking(&secret, &hash))
            .await
            .unwrap_or(false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn verifies_only_the_hashed_secret() {
        let hash = Argon2Hasher.hash("s3cret").await;
        assert!(hash.0.starts_with("$argon2id$"));
        assert!(!hash.0.contains("s3cret"));
        assert!(Argon2Hasher.verify("s3cret", &hash).await);
        assert!(!Argon2Hasher.verify("s3creT", &hash).await);
    }

    #[tokio::test]
    async fn salts_every_hash() {
        assert_ne!(Argon2Hasher.hash("same").await, Argon2Hasher.hash("same").await);
    }

    #[tokio::test]
    async fn a_corrupt_hash_never_verifies() {
        assert!(
            !Argon2Hasher
                .verify("x", &ApiTokenSecretHash("not a phc string".into()))
                .await
        );
    }
}
