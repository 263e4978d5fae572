//! Invitations and join codes: the two ways into an organization, and their rules.

use crate::{Email, InvitationId, JoinCodeId, OrgId, Role, Timestamp, UserId};

/// Where an invitation stands, apart from expiry (which depends on the clock).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InvitationState {
    Open,
    Accepted { by: UserId, at: Timestamp },
    Revoked { at: Timestamp },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invitation {
    pub id: InvitationId,
    pub organization_id: OrgId,
    pub email: Email,
    pub role: Role,
    /// `None` when an organization token invited.
    pub invited_by: Option<UserId>,
    pub created_at: Timestamp,
    pub expires_at: Timestamp,
    pub state: InvitationState,
}

impl Invitation {
    /// Open and not yet expired: its token can still be accepted.
    pub fn is_pending(&self, now: Timestamp) -> bool {
        self.state == InvitationState::Open && now < self.expires_at
    }
}

/// How many times a join code may be used: 1 to 1,000,000.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct MaxUses(u32);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("must be between 1 and 1000000, or null for unlimited")]
pub struct InvalidMaxUses;

impl MaxUses {
    pub const LIMIT: u32 = 1_000_000;

    pub fn parse(value: i64) -> Result<Self, InvalidMaxUses> {
        u32::try_from(value)
            .ok()
            .filter(|value| (1..=Self::LIMIT).contains(value))
            .map(Self)
            .ok_or(InvalidMaxUses)
    }

    pub fn get(self) -> u32 {
        self.0
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JoinCode {
    pub id: JoinCodeId,
    pub organization_id: OrgId,
    pub role: Role,
    /// `None` means unlimited.
    pub max_uses: Option<MaxUses>,
    pub uses: u32,
    /// `None` when an organization token created it.
    pub created_by: Option<UserId>,
    pub created_at: Timestamp,
    pub revoked: bool,
}

impl JoinCode {
    pub fn is_exhausted(&self) -> bool {
        self.max_uses.is_some_and(|max| self.uses >= max.get())
    }
}

/// Join codes are typed and read aloud, so they use Crockford's base32 alphabet: no I, L,
/// O or U, which people confuse with 1, 1, 0 and V.
pub const JOIN_CODE_ALPHABET: &[u8] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// 16 characters of 5 bits: 80 bits, beyond reach of an offline search of a dump.
pub const JOIN_CODE_LEN: usize = 16;
// The contract asks for at least 60 bits; the build fails before a shorter code ships.
const _: () = assert!(JOIN_CODE_LEN * 5 >= 60);
const JOIN_CODE_GROUP: usize = 4;

/// `ABCDEFGH...` as `ABCD-EFGH-...`, the form shown to people.
pub fn format_join_code(raw: &str) -> String {
    let chars: Vec<char> = raw.chars().collect();
    chars
        .chunks(JOIN_CODE_GROUP)
        .map(|group| group.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("-")
}

/// What a person typed, reduced to the canonical code: case, dashes and spaces ignored,
/// and the look-alikes `O`, `I` and `L` read as `0`, `1` and `1`. `None` when it cannot
/// be a code at all, so no lookup is needed to refuse it.
pub fn normalize_join_code(typed: &str) -> Option<String> {
    let mut code = String::with_capacity(JOIN_CODE_LEN);
    for c in typed.chars().filter(|c| !matches!(c, '-' | ' ' | '\t')) {
        let c = match c.to_ascii_uppercase() {
            'O' => '0',
            'I' | 'L' => '1',
            other => other,
        };
        if !JOIN_CODE_ALPHABET.contains(&u8::try_from(c).ok()?) {
            return None;
        }
        code.push(c);
    }
    (code.len() == JOIN_CODE_LEN).then_some(code)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeDelta, Utc};
    use proptest::prelude::*;

    fn invitation(state: InvitationState) -> Invitation {
        let now = Utc::now();
        Invitation {
            id: InvitationId::generate(),
            organization_id: OrgId::generate(),
            email: Email::parse("a@example.com").unwrap(),
            role: Role::MEMBER,
            invited_by: None,
            created_at: now,
            expires_at: now + TimeDelta::days(7),
            state,
        }
    }

    #[test]
    fn pending_means_open_and_unexpired() {
        let open = invitation(InvitationState::Open);
        assert!(open.is_pending(open.created_at));
        assert!(!open.is_pending(open.expires_at), "expiry is exclusive");
        let revoked = invitation(InvitationState::Revoked { at: Utc::now() });
        assert!(!revoked.is_pending(revoked.created_at));
        let accepted = invitation(InvitationState::Accepted {
            by: UserId::generate(),
            at: Utc::now(),
        });
        assert!(!accepted.is_pending(accepted.created_at));
    }

    #[test]
    fn max_uses_is_bounded() {
        assert_eq!(MaxUses::parse(1).unwrap().get(), 1);
        assert_eq!(MaxUses::parse(1_000_000).unwrap().get(), 1_000_000);
        for bad in [0, -1, 1_000_001, i64::MAX] {
            assert_eq!(MaxUses::parse(bad), Err(InvalidMaxUses), "{bad}");
        }
    }

    #[test]
    fn exhaustion_counts_uses_against_the_limit() {
        let mut code = JoinCode {
            id: JoinCodeId::generate(),
            organization_id: OrgId::generate(),
            role: Role::MEMBER,
            max_uses: Some(MaxUses::parse(2).unwrap()),
            uses: 1,
            created_by: None,
            created_at: Utc::now(),
            revoked: false,
        };
        assert!(!code.is_exhausted());
        code.uses = 2;
        assert!(code.is_exhausted());
        code.max_uses = None;
        assert!(!code.is_exhausted());
    }

    #[test]
    fn codes_are_forgiving_to_type() {
        let canonical = "0123456789ABCDEF";
        assert_eq!(normalize_join_code("0123-4567-89ab-cdef").as_deref(), Some(canonical));
        assert_eq!(normalize_join_code(" 0123 4567 89AB CDEF ").as_deref(), Some(canonical));
        assert_eq!(
            normalize_join_code("O123-4567-89AB-CDEF").as_deref(),
            Some(canonical),
            "O reads as 0"
        );
        assert_eq!(
            normalize_join_code("0l23-4567-89AB-CDEF").as_deref(),
            Some("0123456789ABCDEF")
        );
        assert_eq!(format_join_code(canonical), "0123-4567-89AB-CDEF");
    }

    #[test]
    fn impossible_codes_are_refused_without_a_lookup() {
        for typed in [
            "",
            "0123-4567-89AB",
            "0123-4567-89AB-CDEF-0",
            "0123-4567-89AB-CDEU",
            "0123-4567-89AB-CDE!",
        ] {
            assert_eq!(normalize_join_code(typed), None, "{typed:?}");
        }
    }

    #[test]
    fn the_alphabet_carries_enough_entropy() {
        assert_eq!(JOIN_CODE_ALPHABET.len(), 32, "5 bits a character");
    }

    proptest! {
        #[test]
        fn every_formatted_code_normalizes_back(indices in proptest::collection::vec(0usize..32, JOIN_CODE_LEN)) {
            let raw: String = indices.iter().map(|&i| JOIN_CODE_ALPHABET[i] as char).collect();
            prop_assert_eq!(normalize_join_code(&format_join_code(&raw)), Some(raw.clone()));
            prop_assert_eq!(normalize_join_code(&format_join_code(&raw).to_lowercase()), Some(raw));
        }

        #[test]
        fn normalizing_never_panics_and_yields_only_the_alphabet(typed in "\\PC{0,40}") {
            if let Some(code) = normalize_join_code(&typed) {
                prop_assert!(code.bytes().all(|b| JOIN_CODE_ALPHABET.contains(&b)));
                prop_assert_eq!(code.len(), JOIN_CODE_LEN);
            }
        }
    }
}
