//! The role tables the model runs under, written as plain data from CONTRACT.md, and the
//! model's own reading of the rank rule: independent of `orgs-core`'s, so a mistake in
//! one is caught by the other.

use orgs_core::{DeclaredRole, Role, Roles};

/// A role as the model knows it: its name, rank and permissions.
pub(crate) struct ModelRole {
    pub(crate) name: &'static str,
    pub(crate) rank: u16,
    pub(crate) permissions: &'static [&'static str],
}

const BUILT_IN: [ModelRole; 3] = [
    ModelRole {
        name: "owner",
        rank: 300,
        permissions: &["org:view", "org:manage", "members:view", "members:manage"],
    },
    ModelRole {
        name: "admin",
        rank: 200,
        permissions: &["org:view", "members:view", "members:manage"],
    },
    ModelRole {
        name: "member",
        rank: 100,
        permissions: &["org:view", "members:view"],
    },
];

/// The example roles, and one more that holds `org:manage` without managing
/// members, so a declared role meets the token and delete rules too.
const DECLARED: [ModelRole; 4] = [
    ModelRole {
        name: "billing",
        rank: 150,
        permissions: &["org:view", "billing:manage"],
    },
    ModelRole {
        name: "viewer",
        rank: 50,
        permissions: &["org:view"],
    },
    ModelRole {
        name: "manager",
        rank: 250,
        permissions: &["members:manage", "billing:manage"],
    },
    ModelRole {
        name: "steward",
        rank: 120,
        permissions: &["org:view", "org:manage", "members:view"],
    },
];

/// Which roles a run declares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoleSetup {
    BuiltIn,
    Custom,
}

impl RoleSetup {
    fn declared(self) -> &'static [ModelRole] {
        match self {
            RoleSetup::BuiltIn => &[],
            RoleSetup::Custom => &DECLARED,
        }
    }

    /// The table the server under test gets, from the same data.
    pub fn roles(self) -> Roles {
        let declared: Vec<DeclaredRole> = self
            .declared()
            .iter()
            .map(|role| DeclaredRole {
                role: role.name.to_owned(),
                rank: i64::from(role.rank),
                permissions: role.permissions.iter().map(|p| (*p).to_owned()).collect(),
                description: None,
            })
            .collect();
        Roles::with_declared(&declared).expect("the model's roles are valid")
    }

    /// Every role a step may name.
    pub(crate) fn names(self) -> Vec<Role> {
        BUILT_IN
            .iter()
            .chain(self.declared())
            .map(|role| Role::parse(role.name).unwrap())
            .collect()
    }

    fn find(self, role: Role) -> &'static ModelRole {
        BUILT_IN
            .iter()
            .chain(self.declared())
            .find(|known| known.name == role.as_str())
            .expect("a role of the table")
    }

    pub(crate) fn holds(self, role: Role, permission: &str) -> bool {
        role == Role::OWNER || self.find(role).permissions.contains(&permission)
    }

    /// CONTRACT.md's generalised rank rule for one role: it ranks at most `mine` and
    /// carries no permission `mine` lacks.
    pub(crate) fn within(self, mine: Role, other: Role) -> bool {
        let (mine_entry, other_entry) = (self.find(mine), self.find(other));
        mine == Role::OWNER
            || (other_entry.rank <= mine_entry.rank && other_entry.permissions.iter().all(|p| self.holds(mine, p)))
    }
}
