//! Human-chosen names: organization names and API token names.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct InvalidName(&'static str);

const MAX_CHARS: usize = 100;

fn parse_name(raw: &str) -> Result<String, InvalidName> {
    let name = raw.trim();
    if name.is_empty() {
        return Err(InvalidName("must not be empty"));
    }
    // Counted before trimming too, as the spec's `maxLength` counts what is sent.
    if raw.chars().count() > MAX_CHARS {
        return Err(InvalidName("must be at most 100 characters"));
    }
    if name.chars().any(char::is_control) {
        return Err(InvalidName("must not contain control characters"));
    }
    Ok(name.to_owned())
}

/// An organization's name: trimmed, 1 to 100 characters, no control characters.
#[derive(Clone, PartialEq, Eq)]
pub struct OrgName(String);

impl OrgName {
    pub fn parse(raw: &str) -> Result<Self, InvalidName> {
        parse_name(raw).map(Self)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// An API token's label, with the same rules as an organization's name.
#[derive(Clone, PartialEq, Eq)]
pub struct TokenName(String);

impl TokenName {
    pub fn parse(raw: &str) -> Result<Self, InvalidName> {
        parse_name(raw).map(Self)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for OrgName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "OrgName({:?})", self.0)
    }
}

impl fmt::Debug for TokenName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "TokenName({:?})", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn trims_and_bounds_the_length() {
        assert_eq!(OrgName::parse("  Acme  ").unwrap().as_str(), "Acme");
        assert!(OrgName::parse(&"x".repeat(100)).is_ok());
        assert!(OrgName::parse(&"x".repeat(101)).is_err());
        assert!(
            OrgName::parse(&"é".repeat(100)).is_ok(),
            "the limit counts characters, not bytes"
        );
        let padded = format!("  {}  ", "x".repeat(98));
        assert!(
            OrgName::parse(&padded).is_err(),
            "what is sent counts, as the spec's maxLength does"
        );
    }

    #[test]
    fn rejects_blank_and_control_characters() {
        for raw in ["", "   ", "a\u{0}b", "line\nbreak", "tab\tbed", "\u{7f}"] {
            assert!(OrgName::parse(raw).is_err(), "{raw:?} was accepted");
        }
    }

    proptest! {
        #[test]
        fn accepted_names_obey_every_rule(raw in "\\PC{0,120}|[ a-z\\t\\n]{0,10}") {
            if let Ok(name) = OrgName::parse(&raw) {
                let text = name.as_str();
                prop_assert_eq!(text.trim(), text);
                prop_assert!(!text.is_empty() && text.chars().count() <= 100);
                prop_assert!(!text.chars().any(char::is_control));
                prop_assert_eq!(OrgName::parse(text).unwrap(), name.clone());
            }
        }
    }
}
