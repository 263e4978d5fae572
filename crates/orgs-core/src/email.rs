//! Email addresses, compared case-insensitively by storing them trimmed and lower-cased.

use std::fmt;

/// A syntactically plausible email address, trimmed and lower-cased.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Email(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct InvalidEmail(&'static str);

/// RFC 5321 caps a forward path at 256 octets including the angle brackets.
const MAX_LEN: usize = 254;

impl Email {
    pub fn parse(raw: &str) -> Result<Self, InvalidEmail> {
        let email = raw.trim().to_lowercase();
        if email.is_empty() {
            return Err(InvalidEmail("must not be empty"));
        }
        // Characters as sent count, spaces included, as the spec's `maxLength` counts.
        if raw.chars().count() > MAX_LEN {
            return Err(InvalidEmail("must be at most 254 characters"));
        }
        if email.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(InvalidEmail("must not contain spaces or control characters"));
        }
        let Some((local, domain)) = email.rsplit_once('@') else {
            return Err(InvalidEmail("must contain an @"));
        };
        if local.is_empty() || domain.is_empty() || local.contains('@') {
            return Err(InvalidEmail("must look like name@domain"));
        }
        if domain.starts_with('.') || domain.ends_with('.') || domain.contains("..") {
            return Err(InvalidEmail("has a malformed domain"));
        }
        Ok(Self(email))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Email({})", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn is_trimmed_and_lower_cased() {
        assert_eq!(
            Email::parse("  Alice@Example.COM ").unwrap().as_str(),
            "alice@example.com"
        );
    }

    #[test]
    fn what_is_sent_counts_against_the_limit() {
        let longest = format!("{}@example.com", "a".repeat(254 - 12));
        assert!(Email::parse(&longest).is_ok());
        assert!(
            Email::parse(&format!(" {longest}")).is_err(),
            "the spec's maxLength counts the spaces"
        );
    }

    #[test]
    fn rejects_what_cannot_be_an_address() {
        for raw in [
            "",
            "   ",
            "alice",
            "@example.com",
            "alice@",
            "a b@example.com",
            "a@b@c",
            "a@.com",
            "a@x..y",
        ] {
            assert!(Email::parse(raw).is_err(), "{raw:?} was accepted");
        }
        assert!(Email::parse(&format!("{}@example.com", "a".repeat(250))).is_err());
    }

    proptest! {
        #[test]
        fn parsing_is_idempotent(raw in "\\PC{0,40}") {
            if let Ok(email) = Email::parse(&raw) {
                prop_assert_eq!(Email::parse(email.as_str()).unwrap(), email.clone());
                prop_assert_eq!(email.as_str().to_lowercase(), email.as_str());
            }
        }

        #[test]
        fn case_never_distinguishes_two_addresses(local in "[a-zA-Z0-9.]{1,20}", domain in "[a-zA-Z0-9]{1,20}\\.[a-z]{2,5}") {
            let lower = Email::parse(&format!("{local}@{domain}").to_lowercase()).unwrap();
            let upper = Email::parse(&format!("{local}@{domain}").to_uppercase()).unwrap();
            prop_assert_eq!(lower, upper);
        }
    }
}
