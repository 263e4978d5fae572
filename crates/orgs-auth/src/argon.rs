//! Argon2id hashing of API token secrets on threads of its own, off the async runtime.

use argon2::password_hash::{Output, ParamsString, PasswordHash, SaltString};
use argon2::{Algorithm, Argon2, Block, Params, Version};
use async_trait::async_trait;
use orgs_core::ApiTokenSecretHash;
use orgs_ports::SecretHasher;
use std::time::Duration;
use tokio::sync::oneshot;

/// How long a hashing thread keeps its working memory without work before giving it
/// back: long enough that a burst of first uses allocates it once, short enough that an
/// idle server holds none of it.
const KEEP_MEMORY_IDLE: Duration = Duration::from_secs(1);

type Job = Box<dyn FnOnce(&mut Vec<Block>) + Send>;

/// Argon2id with the crate's defaults (19 MiB, 2 passes), about 25 ms a hash.
///
/// One hashing thread a core, each with its own working memory reused from hash to hash:
/// a burst of token mints or first verifications queues for them, so the memory argon2
/// needs is 19 MiB a core, allocated once, instead of 19 MiB a request on whatever
/// thread of the blocking pool ran it, where the allocator kept each block afterwards.
#[derive(Debug, Clone)]
pub struct Argon2Hasher {
    jobs: flume::Sender<Job>,
}

impl Default for Argon2Hasher {
    fn default() -> Self {
        let cores = std::thread::available_parallelism().map_or(2, std::num::NonZeroUsize::get);
        let (jobs, queue) = flume::unbounded::<Job>();
        for index in 0..cores {
            let queue = queue.clone();
            std::thread::Builder::new()
                .name(format!("argon2-{index}"))
                .spawn(move || hashing_thread(&queue))
                .expect("the OS starts a hashing thread");
        }
        Self { jobs }
    }
}

/// Runs jobs until every hasher is dropped, keeping the memory while they keep coming.
fn hashing_thread(queue: &flume::Receiver<Job>) {
    let mut memory = Vec::new();
    loop {
        let next = if memory.is_empty() {
            queue.recv().map_err(|_| flume::RecvTimeoutError::Disconnected)
        } else {
            queue.recv_timeout(KEEP_MEMORY_IDLE)
        };
        match next {
            Ok(job) => job(&mut memory),
            Err(flume::RecvTimeoutError::Timeout) => memory = Vec::new(),
            Err(flume::RecvTimeoutError::Disconnected) => return,
        }
    }
}

impl Argon2Hasher {
    async fn on_hashing_thread<T: Send + 'static>(
        &self,
        work: impl FnOnce(&mut Vec<Block>) -> T + Send + 'static,
    ) -> Option<T> {
        let (answer, answered) = oneshot::channel();
        let job: Job = Box::new(move |memory| {
            // The caller may have gone (an abandoned request); the work is simply lost.
            let _ = answer.send(work(memory));
        });
        self.jobs.send(job).ok()?;
        answered.await.ok()
    }
}

/// The `len`-byte hash of `secret` and `salt` by `argon2` (made with `params`), in the
/// first blocks of `memory` those parameters need, grown to that if need be.
fn derive(
    argon2: &Argon2,
    params: &Params,
    secret: &str,
    salt: &[u8],
    len: usize,
    memory: &mut Vec<Block>,
) -> argon2::password_hash::Result<Output> {
    let count = params.block_count();
    if memory.len() < count {
        memory.resize(count, Block::default());
    }
    Output::init_with(len, |out| {
        argon2
            .hash_password_into_with_memory(secret.as_bytes(), salt, out, &mut memory[..count])
            .map_err(Into::into)
    })
}

fn hash_with(memory: &mut Vec<Block>, secret: &str) -> ApiTokenSecretHash {
    let mut salt_bytes = [0u8; 16];
    getrandom::fill(&mut salt_bytes).expect("the OS CSPRNG is available");
    let salt = SaltString::encode_b64(&salt_bytes).expect("16 bytes is a valid salt");
    let params = Params::DEFAULT;
    let argon2 = Argon2::new(Algorithm::Argon2id, Version::V0x13, params.clone());
    let output = derive(
        &argon2,
        &params,
        secret,
        &salt_bytes,
        Params::DEFAULT_OUTPUT_LEN,
        memory,
    )
    .expect("argon2 accepts any secret");
    let hash = PasswordHash {
        algorithm: Algorithm::Argon2id.ident(),
        version: Some(Version::V0x13.into()),
        params: ParamsString::try_from(&params).expect("the default parameters encode"),
        salt: Some(salt.as_salt()),
        hash: Some(output),
    };
    ApiTokenSecretHash(hash.to_string())
}

/// With the parameters the hash itself names, so hashes made with other settings verify.
fn verify_with(memory: &mut Vec<Block>, secret: &str, hash: &ApiTokenSecretHash) -> bool {
    let Ok(parsed) = PasswordHash::new(&hash.0) else {
        return false;
    };
    let (Some(salt), Some(expected)) = (parsed.salt, parsed.hash) else {
        return false;
    };
    let (Ok(algorithm), Ok(params)) = (Algorithm::try_from(parsed.algorithm), Params::try_from(&parsed)) else {
        return false;
    };
    let version = match parsed.version.map(Version::try_from) {
        None => Version::default(),
        Some(Ok(version)) => version,
        Some(Err(_)) => return false,
    };
    let mut salt_bytes = [0u8; 64];
    let Ok(salt_bytes) = salt.decode_b64(&mut salt_bytes) else {
        return false;
    };
    let argon2 = Argon2::new(algorithm, version, params.clone());
    let computed = derive(&argon2, &params, secret, salt_bytes, expected.len(), memory);
    // Output's equality runs in constant time.
    computed.is_ok_and(|computed| computed == expected)
}

#[async_trait]
impl SecretHasher for Argon2Hasher {
    async fn hash(&self, secret: &str) -> ApiTokenSecretHash {
        let secret = secret.to_owned();
        self.on_hashing_thread(move |memory| hash_with(memory, &secret))
            .await
            .expect("hashing threads neither panic nor stop while a hasher exists")
    }

    async fn verify(&self, secret: &str, hash: &ApiTokenSecretHash) -> bool {
        let (secret, hash) = (secret.to_owned(), hash.clone());
        self.on_hashing_thread(move |memory| verify_with(memory, &secret, &hash))
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

    /// Our hashes are the crate's PHC strings, so either side verifies the other's: a
    /// hash stored before the hashing threads (or by another tool) still verifies.
    #[tokio::test]
    async fn hashes_match_the_crate_s_own_both_ways() {
        use argon2::password_hash::{PasswordHasher, PasswordVerifier};
        let ours = Argon2Hasher::default().hash("s3cret").await;
        let parsed = PasswordHash::new(&ours.0).expect("a PHC string");
        assert!(Argon2::default().verify_password(b"s3cret", &parsed).is_ok());
        assert!(Argon2::default().verify_password(b"s3creT", &parsed).is_err());
        let salt = SaltString::encode_b64(b"sixteen byte slt").expect("a salt");
        let theirs = Argon2::default()
            .hash_password(b"other", &salt)
            .expect("hashed")
            .to_string();
        let theirs = ApiTokenSecretHash(theirs);
        assert!(Argon2Hasher::default().verify("other", &theirs).await);
        assert!(!Argon2Hasher::default().verify("Other", &theirs).await);
    }

    /// A hash with other parameters than today's defaults verifies with its own.
    #[tokio::test]
    async fn verifies_with_the_parameters_the_hash_names() {
        use argon2::password_hash::PasswordHasher;
        let params = Params::new(8 * 1024, 1, 1, None).expect("valid parameters");
        let salt = SaltString::encode_b64(b"sixteen byte slt").expect("a salt");
        let hash = Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
            .hash_password(b"lighter", &salt)
            .expect("hashed")
            .to_string();
        let hasher = Argon2Hasher::default();
        // Once after a larger default hash, so a reused, longer memory must not matter.
        hasher.hash("warm the memory").await;
        assert!(hasher.verify("lighter", &ApiTokenSecretHash(hash.clone())).await);
        assert!(!hasher.verify("heavier", &ApiTokenSecretHash(hash)).await);
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
