//! The shapes of minted credentials.

/// Base62: URL- and shell-safe, so a bearer never needs quoting or escaping.
pub(crate) const BASE62: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/// 43 base62 characters carry 256 bits.
pub(crate) const SECRET_LEN: usize = 43;

/// The public half only has to be unique and unguessable enough not to leak counts.
pub(crate) const KEY_RANDOM_LEN: usize = 20;

/// Invitation tokens (256 bits) and join codes (80 bits) are random enough that a fast digest
/// stores them safely: nobody can search that space from a dump, and lookups stay indexed.
pub(crate) fn digest(secret: &str) -> orgs_core::SecretDigest {
    use sha2::{Digest, Sha256};
    orgs_core::SecretDigest(Sha256::digest(secret.as_bytes()).into())
}

pub(crate) fn last_four(secret: &str) -> String {
    secret
        .chars()
        .rev()
        .take(4)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_carry_at_least_128_bits() {
        let bits = SECRET_LEN as f64 * (BASE62.len() as f64).log2();
        assert!(bits >= 128.0, "{bits}");
    }

    #[test]
    fn last_four_is_the_tail() {
        assert_eq!(last_four("abcdefgh"), "efgh");
    }
}
