//! Roles, their permissions and their rank: the one table every access decision reads.

use std::fmt;

/// What a caller may do inside an organization.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Permission {
    OrgView,
    OrgManage,
    MembersView,
    MembersManage,
}

impl Permission {
    pub const ALL: [Permission; 4] = [
        Permission::OrgView,
        Permission::OrgManage,
        Permission::MembersView,
        Permission::MembersManage,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Permission::OrgView => "org:view",
            Permission::OrgManage => "org:manage",
            Permission::MembersView => "members:view",
            Permission::MembersManage => "members:manage",
        }
    }
}

/// A member's role. Declared highest rank first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    Owner,
    Admin,
    Member,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("must be one of owner, admin, member")]
pub struct UnknownRole;

impl Role {
    /// Every role, highest rank first.
    pub const ALL: [Role; 3] = [Role::Owner, Role::Admin, Role::Member];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Owner => "owner",
            Role::Admin => "admin",
            Role::Member => "member",
        }
    }

    pub fn parse(text: &str) -> Result<Self, UnknownRole> {
        Role::ALL
            .into_iter()
            .find(|role| role.as_str() == text)
            .ok_or(UnknownRole)
    }

    /// Higher outranks lower; only comparisons between ranks carry meaning.
    pub fn rank(self) -> u8 {
        match self {
            Role::Owner => 3,
            Role::Admin => 2,
            Role::Member => 1,
        }
    }

    pub fn permissions(self) -> &'static [Permission] {
        use Permission::*;
        match self {
            Role::Owner => &[OrgView, OrgManage, MembersView, MembersManage],
            Role::Admin => &[OrgView, MembersView, MembersManage],
            Role::Member => &[OrgView, MembersView],
        }
    }

    pub fn has(self, permission: Permission) -> bool {
        self.permissions().contains(&permission)
    }

    /// True when `self` may act on something of `other`'s rank (its own rank included).
    pub fn outranks_or_equals(self, other: Role) -> bool {
        self.rank() >= other.rank()
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_matches_the_contract() {
        let table: Vec<(&str, Vec<&str>)> = Role::ALL
            .iter()
            .map(|role| (role.as_str(), role.permissions().iter().map(|p| p.as_str()).collect()))
            .collect();
        assert_eq!(
            table,
            vec![
                (
                    "owner",
                    vec!["org:view", "org:manage", "members:view", "members:manage"]
                ),
                ("admin", vec!["org:view", "members:view", "members:manage"]),
                ("member", vec!["org:view", "members:view"]),
            ]
        );
    }

    #[test]
    fn all_is_ordered_highest_rank_first() {
        assert!(Role::ALL.windows(2).all(|pair| pair[0].rank() > pair[1].rank()));
    }

    #[test]
    fn a_higher_rank_never_holds_fewer_permissions() {
        for high in Role::ALL {
            for low in Role::ALL.into_iter().filter(|low| high.rank() > low.rank()) {
                for permission in low.permissions() {
                    assert!(high.has(*permission), "{high} lacks {}", permission.as_str());
                }
            }
        }
    }

    #[test]
    fn parses_only_the_three_names() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Ok(role));
        }
        for text in ["", "Owner", "OWNER", "superuser", " admin"] {
            assert_eq!(Role::parse(text), Err(UnknownRole), "{text:?}");
        }
    }
}
