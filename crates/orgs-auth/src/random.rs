//! Random strings from the OS CSPRNG.

use orgs_ports::SecretGenerator;

#[derive(Debug, Default, Clone, Copy)]
pub struct OsSecrets;

impl SecretGenerator for OsSecrets {
    fn random_string(&self, alphabet: &'static [u8], len: usize) -> String {
        assert!(!alphabet.is_empty() && alphabet.len() <= 256);
        // Rejection sampling keeps every character equally likely: bytes at or above the
        // largest multiple of the alphabet's size would favour its first characters.
        let limit = 256 - 256 % alphabet.len();
        let mut out = String::with_capacity(len);
        let mut buf = [0u8; 64];
        while out.len() < len {
            getrandom::fill(&mut buf).expect("the OS CSPRNG is available");
            for &byte in buf.iter().filter(|&&b| usize::from(b) < limit) {
                if out.len() == len {
                    break;
                }
                out.push(char::from(alphabet[usize::from(byte) % alphabet.len()]));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_only_from_the_alphabet_at_the_requested_length() {
        let text = OsSecrets.random_string(b"abc", 500);
        assert_eq!(text.len(), 500);
        assert!(text.chars().all(|c| "abc".contains(c)));
        for c in ['a', 'b', 'c'] {
            assert!(text.contains(c), "{c} never drawn in 500 tries");
        }
    }

    #[test]
    fn two_draws_differ() {
        assert_ne!(
            OsSecrets.random_string(b"0123456789", 40),
            OsSecrets.random_string(b"0123456789", 40)
        );
    }
}
