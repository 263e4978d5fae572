//! The deployment's roles: the three built-ins and whatever the operator declared, each
//! with its rank and permissions. Every access decision reads this one table.

use crate::role::{Permission, Role};
use std::fmt;

/// The owner's rank; declared roles rank from 1 to one below it.
const OWNER_RANK: u16 = 300;
const ADMIN_RANK: u16 = 200;
const MEMBER_RANK: u16 = 100;
/// The longest description a declared role may carry.
pub const DESCRIPTION_MAX: usize = 200;
/// The most roles a deployment has, built-ins included: enough for any product, and a
/// bound the spec can state for `organizations.roles`.
pub const MAX_ROLES: usize = 64;
/// The most distinct permissions across every role.
pub const MAX_PERMISSIONS: usize = 128;

/// One role as the table holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleDefinition {
    pub role: Role,
    pub rank: u16,
    pub permissions: Vec<Permission>,
    pub description: Option<String>,
}

/// A role as the operator wrote it, not yet checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeclaredRole {
    pub role: String,
    pub rank: i64,
    pub permissions: Vec<String>,
    pub description: Option<String>,
}

/// Why a declaration is refused; the server stops with this reason.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RoleTableError {
    #[error("role {0:?}: {1}")]
    MalformedName(String, crate::role::InvalidRoleName),
    #[error("role {0:?} is built in and cannot be declared")]
    BuiltIn(String),
    #[error("role {0:?} is declared twice")]
    Duplicate(String),
    #[error("role {0:?}: rank {1} is outside 1 to 299")]
    RankOutOfRange(String, i64),
    #[error("role {0:?}: permission {1:?} {2}")]
    MalformedPermission(String, String, crate::role::InvalidPermissionName),
    #[error("role {0:?} lists the permission {1:?} twice")]
    DuplicatePermission(String, String),
    #[error("role {0:?}: the description must be 1 to 200 characters with no control characters")]
    BadDescription(String),
    #[error("more than 64 roles, the built-ins included")]
    TooManyRoles,
    #[error("more than 128 distinct permissions across the roles")]
    TooManyPermissions,
}

/// A role the table does not hold, named in the error so the caller can fix it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct UnknownRole {
    pub known: Vec<Role>,
}

impl fmt::Display for UnknownRole {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("must be one of ")?;
        for (at, role) in self.known.iter().enumerate() {
            if at > 0 {
                f.write_str(", ")?;
            }
            f.write_str(role.as_str())?;
        }
        Ok(())
    }
}

/// Every role of the deployment, highest rank first, ties by name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Roles {
    entries: Vec<RoleDefinition>,
}

impl Default for Roles {
    fn default() -> Self {
        Self::built_in()
    }
}

impl Roles {
    /// The three roles of Part 1, exactly.
    pub fn built_in() -> Self {
        use Permission as P;
        let entry = |role, rank, permissions: &[Permission]| RoleDefinition {
            role,
            rank,
            permissions: permissions.to_vec(),
            description: None,
        };
        Self {
            entries: vec![
                entry(Role::OWNER, OWNER_RANK, &P::BUILT_IN),
                entry(
                    Role::ADMIN,
                    ADMIN_RANK,
                    &[P::ORG_VIEW, P::MEMBERS_VIEW, P::MEMBERS_MANAGE],
                ),
                entry(Role::MEMBER, MEMBER_RANK, &[P::ORG_VIEW, P::MEMBERS_VIEW]),
            ],
        }
    }

    /// The built-ins and the operator's roles. The owner is listed with every permission
    /// any role carries, since it holds them all.
    pub fn with_declared(declared: &[DeclaredRole]) -> Result<Self, RoleTableError> {
        let mut table = Self::built_in();
        for declaration in declared {
            let definition = check(declaration)?;
            // `check` refused the built-in names, so a role already here came earlier.
            if table.get(definition.role).is_some() {
                return Err(RoleTableError::Duplicate(declaration.role.clone()));
            }
            for permission in &definition.permissions {
                if !table.entries[0].permissions.contains(permission) {
                    table.entries[0].permissions.push(*permission);
                }
            }
            table.entries.push(definition);
        }
        if table.entries.len() > MAX_ROLES {
            return Err(RoleTableError::TooManyRoles);
        }
        if table.entries[0].permissions.len() > MAX_PERMISSIONS {
            return Err(RoleTableError::TooManyPermissions);
        }
        table
            .entries
            .sort_by(|a, b| b.rank.cmp(&a.rank).then_with(|| a.role.as_str().cmp(b.role.as_str())));
        Ok(table)
    }

    pub fn entries(&self) -> &[RoleDefinition] {
        &self.entries
    }

    pub fn get(&self, role: Role) -> Option<&RoleDefinition> {
        self.entries.iter().find(|entry| entry.role == role)
    }

    /// A role a request names: well formed and in the table.
    pub fn declared(&self, text: &str) -> Result<Role, UnknownRole> {
        Role::parse(text)
            .ok()
            .filter(|role| self.get(*role).is_some())
            .ok_or_else(|| UnknownRole {
                known: self.entries.iter().map(|entry| entry.role).collect(),
            })
    }

    /// Whether `role` holds `permission`. The owner holds every permission; a role the
    /// table does not know holds none.
    pub fn holds(&self, role: Role, permission: Permission) -> bool {
        role == Role::OWNER
            || self
                .get(role)
                .is_some_and(|entry| entry.permissions.contains(&permission))
    }

    /// The generalised rank rule's test: `other` ranks at most `holder`'s rank and carries
    /// no permission `holder` lacks. A role the table does not know is within only the
    /// owner's reach, since nothing can rank above the owner or hold more.
    pub fn within_reach(&self, holder: Role, other: Role) -> bool {
        if holder == Role::OWNER {
            return true;
        }
        match (self.get(holder), self.get(other)) {
            (Some(holder), Some(other)) => {
                other.rank <= holder.rank
                    && other
                        .permissions
                        .iter()
                        .all(|permission| holder.permissions.contains(permission))
            }
            _ => false,
        }
    }
}

fn check(declaration: &DeclaredRole) -> Result<RoleDefinition, RoleTableError> {
    let name = &declaration.role;
    let role = Role::parse(name).map_err(|err| RoleTableError::MalformedName(name.clone(), err))?;
    if role.is_built_in() {
        return Err(RoleTableError::BuiltIn(name.clone()));
    }
    let rank = u16::try_from(declaration.rank)
        .ok()
        .filter(|rank| (1..OWNER_RANK).contains(rank))
        .ok_or(RoleTableError::RankOutOfRange(name.clone(), declaration.rank))?;
    let mut permissions = Vec::with_capacity(declaration.permissions.len());
    for text in &declaration.permissions {
        let permission = Permission::parse(text)
            .map_err(|err| RoleTableError::MalformedPermission(name.clone(), text.clone(), err))?;
        if permissions.contains(&permission) {
            return Err(RoleTableError::DuplicatePermission(name.clone(), text.clone()));
        }
        permissions.push(permission);
    }
    let description = match &declaration.description {
        None => None,
        Some(text) => {
            let chars = text.chars().count();
            if chars == 0 || chars > DESCRIPTION_MAX || text.chars().any(char::is_control) {
                return Err(RoleTableError::BadDescription(name.clone()));
            }
            Some(text.clone())
        }
    };
    Ok(RoleDefinition {
        role,
        rank,
        permissions,
        description,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn declared(role: &str, rank: i64, permissions: &[&str]) -> DeclaredRole {
        DeclaredRole {
            role: role.into(),
            rank,
            permissions: permissions.iter().map(|p| (*p).to_owned()).collect(),
            description: None,
        }
    }

    fn names(table: &Roles) -> Vec<&str> {
        table.entries().iter().map(|entry| entry.role.as_str()).collect()
    }

    #[test]
    fn the_built_in_table_matches_the_contract() {
        let built_in = Roles::built_in();
        let table: Vec<(&str, u16, Vec<&str>)> = built_in
            .entries()
            .iter()
            .map(|entry| {
                (
                    entry.role.as_str(),
                    entry.rank,
                    entry.permissions.iter().map(|p| p.as_str()).collect(),
                )
            })
            .collect();
        assert_eq!(
            table,
            vec![
                (
                    "owner",
                    300,
                    vec!["org:view", "org:manage", "members:view", "members:manage"]
                ),
                ("admin", 200, vec!["org:view", "members:view", "members:manage"]),
                ("member", 100, vec!["org:view", "members:view"]),
            ]
        );
        assert_eq!(Roles::with_declared(&[]), Ok(Roles::built_in()));
    }

    #[test]
    fn declared_roles_sort_by_rank_then_name_and_the_owner_gains_their_permissions() {
        let table = Roles::with_declared(&[
            declared("viewer", 50, &["org:view"]),
            declared("billing", 150, &["org:view", "billing:manage"]),
            declared("auditor", 150, &["audit:read"]),
        ])
        .unwrap();
        assert_eq!(
            names(&table),
            ["owner", "admin", "auditor", "billing", "member", "viewer"]
        );
        let owner: Vec<&str> = table.entries()[0].permissions.iter().map(|p| p.as_str()).collect();
        assert_eq!(
            owner,
            [
                "org:view",
                "org:manage",
                "members:view",
                "members:manage",
                "billing:manage",
                "audit:read"
            ]
        );
    }

    #[test]
    fn bad_declarations_stop_with_their_reason() {
        let refuse = |declarations: &[DeclaredRole]| Roles::with_declared(declarations).unwrap_err().to_string();
        assert_eq!(
            refuse(&[declared("admin", 10, &[])]),
            "role \"admin\" is built in and cannot be declared"
        );
        assert_eq!(
            refuse(&[declared("x", 10, &[]), declared("x", 20, &[])]),
            "role \"x\" is declared twice"
        );
        assert_eq!(
            refuse(&[declared("x", 0, &[])]),
            "role \"x\": rank 0 is outside 1 to 299"
        );
        assert_eq!(
            refuse(&[declared("x", 300, &[])]),
            "role \"x\": rank 300 is outside 1 to 299"
        );
        assert_eq!(
            refuse(&[declared("x", -1, &[])]),
            "role \"x\": rank -1 is outside 1 to 299"
        );
        assert!(refuse(&[declared("Billing", 10, &[])]).starts_with("role \"Billing\": must be"));
        assert!(refuse(&[declared("x", 10, &["billing"])]).starts_with("role \"x\": permission \"billing\" must be"));
        assert_eq!(
            refuse(&[declared("x", 10, &["a:b", "a:b"])]),
            "role \"x\" lists the permission \"a:b\" twice"
        );
        let mut described = declared("x", 10, &[]);
        described.description = Some("line\nbreak".into());
        assert!(refuse(&[described]).contains("description"));
        assert!(Roles::with_declared(&[declared("x", 1, &[]), declared("y", 299, &[])]).is_ok());
        let many: Vec<DeclaredRole> = (0..62).map(|at| declared(&format!("r{at}"), 10, &[])).collect();
        assert_eq!(refuse(&many), "more than 64 roles, the built-ins included");
        assert!(Roles::with_declared(&many[..61]).is_ok());
        let permissions: Vec<String> = (0..125).map(|at| format!("p:{at}")).collect();
        let mut wide = declared("wide", 10, &[]);
        wide.permissions = permissions;
        assert_eq!(refuse(&[wide]), "more than 128 distinct permissions across the roles");
    }

    #[test]
    fn only_declared_roles_are_accepted_by_name() {
        let table = Roles::with_declared(&[declared("billing", 150, &["billing:manage"])]).unwrap();
        assert_eq!(table.declared("billing"), Ok(Role::parse("billing").unwrap()));
        assert_eq!(table.declared("owner"), Ok(Role::OWNER));
        let err = table.declared("viewer").unwrap_err();
        assert_eq!(err.to_string(), "must be one of owner, admin, billing, member");
        assert!(Roles::built_in().declared("billing").is_err());
        assert!(table.declared("Billing").is_err());
    }
}
