//! The names of roles and permissions. What a role ranks and holds is the deployment's
//! role table (`role_table`); a name alone says only that it is well formed.

use std::fmt;

/// A short ASCII name kept inline, so that roles and permissions stay `Copy` and cost no
/// allocation wherever a row or an event carries one.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct InlineName<const N: usize> {
    len: u8,
    bytes: [u8; N],
}

impl<const N: usize> InlineName<N> {
    /// Only for names already checked; the built-ins are checked by the tests below.
    const fn new(text: &str) -> Self {
        let source = text.as_bytes();
        assert!(source.len() <= N && N <= u8::MAX as usize);
        let mut bytes = [0u8; N];
        let mut at = 0;
        while at < source.len() {
            bytes[at] = source[at];
            at += 1;
        }
        Self {
            len: source.len() as u8,
            bytes,
        }
    }

    fn as_str(&self) -> &str {
        // Built only from checked ASCII, so this never fails.
        std::str::from_utf8(&self.bytes[..self.len as usize]).unwrap_or_default()
    }
}

/// The longest role name.
pub const ROLE_NAME_MAX: usize = 32;
/// The longest permission name.
pub const PERMISSION_NAME_MAX: usize = 64;

/// A role's name: one of the built-ins or one the operator declared. A lower-case letter,
/// then lower-case letters, digits, `_` or `-`; at most 32 characters.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Role(InlineName<ROLE_NAME_MAX>);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("must be a lower-case letter, then lower-case letters, digits, `_` or `-`; at most 32 characters")]
pub struct InvalidRoleName;

impl Role {
    pub const OWNER: Role = Role(InlineName::new("owner"));
    pub const ADMIN: Role = Role(InlineName::new("admin"));
    pub const MEMBER: Role = Role(InlineName::new("member"));
    /// The built-in roles, highest rank first.
    pub const BUILT_IN: [Role; 3] = [Role::OWNER, Role::ADMIN, Role::MEMBER];

    /// Checks the form only: whether the deployment declares the role is the role
    /// table's question.
    pub fn parse(text: &str) -> Result<Self, InvalidRoleName> {
        let mut chars = text.bytes();
        let well_formed = text.len() <= ROLE_NAME_MAX
            && chars.next().is_some_and(|first| first.is_ascii_lowercase())
            && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'_' || c == b'-');
        if well_formed {
            Ok(Role(InlineName::new(text)))
        } else {
            Err(InvalidRoleName)
        }
    }

    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }

    pub fn is_built_in(self) -> bool {
        Role::BUILT_IN.contains(&self)
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Role({})", self.as_str())
    }
}

/// What a caller may do inside an organization: `resource:action`, lower-case letters,
/// digits and `_` on either side of one colon; at most 64 characters. The four built-in
/// permissions mean something to orgs; any other is there for the app that reads it.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Permission(InlineName<PERMISSION_NAME_MAX>);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("must be `resource:action` in lower-case letters, digits and `_`, with one colon; at most 64 characters")]
pub struct InvalidPermissionName;

impl Permission {
    pub const ORG_VIEW: Permission = Permission(InlineName::new("org:view"));
    pub const ORG_MANAGE: Permission = Permission(InlineName::new("org:manage"));
    pub const MEMBERS_VIEW: Permission = Permission(InlineName::new("members:view"));
    pub const MEMBERS_MANAGE: Permission = Permission(InlineName::new("members:manage"));
    /// The permissions orgs itself checks, in the order the role matrix lists them.
    pub const BUILT_IN: [Permission; 4] = [
        Permission::ORG_VIEW,
        Permission::ORG_MANAGE,
        Permission::MEMBERS_VIEW,
        Permission::MEMBERS_MANAGE,
    ];

    pub fn parse(text: &str) -> Result<Self, InvalidPermissionName> {
        let part = |side: &str| {
            !side.is_empty()
                && side
                    .bytes()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'_')
        };
        match text.split_once(':') {
            Some((resource, action)) if text.len() <= PERMISSION_NAME_MAX && part(resource) && part(action) => {
                Ok(Permission(InlineName::new(text)))
            }
            _ => Err(InvalidPermissionName),
        }
    }

    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }
}

impl fmt::Display for Permission {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for Permission {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Permission({})", self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_built_in_names_are_well_formed() {
        for role in Role::BUILT_IN {
            assert_eq!(Role::parse(role.as_str()), Ok(role));
        }
        for permission in Permission::BUILT_IN {
            assert_eq!(Permission::parse(permission.as_str()), Ok(permission));
        }
        assert_eq!(Role::OWNER.as_str(), "owner");
        assert_eq!(Permission::MEMBERS_MANAGE.as_str(), "members:manage");
    }

    #[test]
    fn malformed_role_names_are_refused() {
        for text in [
            "",
            "Owner",
            "OWNER",
            " admin",
            "9lives",
            "-x",
            "_x",
            "a b",
            "é",
            &"a".repeat(33),
        ] {
            assert_eq!(Role::parse(text), Err(InvalidRoleName), "{text:?}");
        }
        for text in ["billing", "a", "x-1_y", &"a".repeat(32)] {
            assert_eq!(Role::parse(text).unwrap().as_str(), text);
        }
    }

    #[test]
    fn malformed_permissions_are_refused() {
        for text in [
            "",
            "org",
            "org:",
            ":view",
            "a:b:c",
            "Org:view",
            "org:vi-ew",
            "org :view",
        ] {
            assert_eq!(Permission::parse(text), Err(InvalidPermissionName), "{text:?}");
        }
        let longest = format!("{}:{}", "a".repeat(31), "b".repeat(32));
        assert!(Permission::parse(&longest).is_ok());
        assert!(Permission::parse(&format!("{longest}b")).is_err());
    }

    proptest! {
        #[test]
        fn a_parsed_name_reads_back_as_written(text in "[a-z][a-z0-9_-]{0,31}") {
            let role = Role::parse(&text).unwrap();
            prop_assert_eq!(role.as_str(), text.as_str());
        }

        #[test]
        fn names_are_equal_exactly_when_their_text_is(a in "[a-c]{1,3}", b in "[a-c]{1,3}") {
            prop_assert_eq!(Role::parse(&a).unwrap() == Role::parse(&b).unwrap(), a == b);
        }
    }
}
