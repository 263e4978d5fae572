//! The access rules: permission checks, the rank rule and the last-owner rule.
//!
//! They take plain facts (roles, counts) and answer yes or no, so every use case applies
//! the same decision and the decision is unit-tested once, here.

use crate::role::{Permission, Role};
use crate::role_table::Roles;

/// Why the domain refuses a change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum RuleViolation {
    #[error("the caller lacks the permission {}", .0.as_str())]
    MissingPermission(Permission),
    #[error("the caller's role does not rank high enough or lacks a permission of the role")]
    Outranked,
    #[error("the organization would be left without an owner")]
    LastOwner,
    #[error("only an owner may do this")]
    OwnerRequired,
}

/// The role a caller holds in one organization, as resolved for this request, read
/// against the deployment's role table.
#[derive(Debug, Clone, Copy)]
pub struct Access<'r> {
    pub role: Role,
    roles: &'r Roles,
}

impl<'r> Access<'r> {
    pub fn new(role: Role, roles: &'r Roles) -> Self {
        Self { role, roles }
    }

    pub fn require(self, permission: Permission) -> Result<(), RuleViolation> {
        if self.roles.holds(self.role, permission) {
            Ok(())
        } else {
            Err(RuleViolation::MissingPermission(permission))
        }
    }

    /// Handing an organization over is an owner's own act: a permission alone is not
    /// enough, since what it hands over is the owner role itself.
    pub fn require_owner(self) -> Result<(), RuleViolation> {
        if self.role == Role::OWNER {
            Ok(())
        } else {
            Err(RuleViolation::OwnerRequired)
        }
    }

    /// The rank rule, generalised: managing members is allowed only where the role
    /// granted and the target's current role both rank at most the caller's own and carry
    /// no permission the caller lacks. Rank alone would let an admin hand out a custom
    /// role below it that holds `billing:manage`, a permission the admin never had.
    pub fn may_manage(self, granted: Option<Role>, target_current: Option<Role>) -> Result<(), RuleViolation> {
        self.require(Permission::MEMBERS_MANAGE)?;
        let within_reach = |role: Option<Role>| role.is_none_or(|role| self.roles.within_reach(self.role, role));
        // Nobody grants a role the table does not declare, the owner included; one
        // already held (taken out of the file too early) only the owner may change.
        let declared = granted.is_none_or(|role| self.roles.get(role).is_some());
        if declared && within_reach(granted) && within_reach(target_current) {
            Ok(())
        } else {
            Err(RuleViolation::Outranked)
        }
    }
}

/// The last-owner rule: an organization never drops to zero owners. `owners` is the count
/// read under the organization's lock, `current` the target's role and `next` its role after
/// the change (`None` when it is removed).
pub fn keeps_an_owner(owners: u64, current: Role, next: Option<Role>) -> Result<(), RuleViolation> {
    let loses_an_owner = current == Role::OWNER && next != Some(Role::OWNER);
    if loses_an_owner && owners <= 1 {
        Err(RuleViolation::LastOwner)
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::role_table::DeclaredRole;
    use proptest::prelude::*;

    const OWNER: Role = Role::OWNER;
    const ADMIN: Role = Role::ADMIN;
    const MEMBER: Role = Role::MEMBER;

    fn as_role(role: Role, roles: &Roles) -> Access<'_> {
        Access::new(role, roles)
    }

    fn custom() -> Roles {
        let declared = |role: &str, rank, permissions: &[&str]| DeclaredRole {
            role: role.into(),
            rank,
            permissions: permissions.iter().map(|p| (*p).to_owned()).collect(),
            description: None,
        };
        Roles::with_declared(&[
            declared("billing", 150, &["org:view", "billing:manage"]),
            declared("viewer", 50, &["org:view"]),
            declared("manager", 250, &["members:manage", "billing:manage"]),
        ])
        .unwrap()
    }

    fn role(name: &str) -> Role {
        Role::parse(name).unwrap()
    }

    /// Part 1's rule as it was written before custom roles: a rank of 3, 2 or 1 and a
    /// fixed permission list. The generalised rule must give its answers exactly.
    fn part_one_rule(caller: Role, granted: Option<Role>, target: Option<Role>) -> Result<(), RuleViolation> {
        let rank = |role: Role| match role.as_str() {
            "owner" => 3,
            "admin" => 2,
            _ => 1,
        };
        if caller == MEMBER {
            return Err(RuleViolation::MissingPermission(Permission::MEMBERS_MANAGE));
        }
        let within = |role: Option<Role>| role.is_none_or(|role| rank(caller) >= rank(role));
        if within(granted) && within(target) {
            Ok(())
        } else {
            Err(RuleViolation::Outranked)
        }
    }

    #[test]
    fn permissions_follow_the_role_table() {
        let roles = Roles::built_in();
        assert!(as_role(MEMBER, &roles).require(Permission::MEMBERS_VIEW).is_ok());
        assert_eq!(
            as_role(MEMBER, &roles).require(Permission::MEMBERS_MANAGE),
            Err(RuleViolation::MissingPermission(Permission::MEMBERS_MANAGE))
        );
        assert_eq!(
            as_role(ADMIN, &roles).require(Permission::ORG_MANAGE),
            Err(RuleViolation::MissingPermission(Permission::ORG_MANAGE))
        );
        assert!(as_role(OWNER, &roles).require(Permission::ORG_MANAGE).is_ok());
    }

    #[test]
    fn with_the_built_ins_alone_the_rule_is_part_ones() {
        let roles = Roles::built_in();
        let options = [None, Some(OWNER), Some(ADMIN), Some(MEMBER)];
        for caller in Role::BUILT_IN {
            for granted in options {
                for target in options {
                    assert_eq!(
                        as_role(caller, &roles).may_manage(granted, target),
                        part_one_rule(caller, granted, target),
                        "{caller} granting {granted:?} to {target:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn an_admin_cannot_grant_or_touch_owner() {
        let roles = Roles::built_in();
        let admin = as_role(ADMIN, &roles);
        assert_eq!(
            admin.may_manage(Some(OWNER), Some(MEMBER)),
            Err(RuleViolation::Outranked)
        );
        assert_eq!(
            admin.may_manage(Some(MEMBER), Some(OWNER)),
            Err(RuleViolation::Outranked)
        );
        assert_eq!(admin.may_manage(None, Some(OWNER)), Err(RuleViolation::Outranked));
        assert!(admin.may_manage(Some(ADMIN), Some(MEMBER)).is_ok());
        assert!(admin.may_manage(None, None).is_ok());
    }

    #[test]
    fn a_lower_role_with_a_permission_the_caller_lacks_is_out_of_reach() {
        let roles = custom();
        let admin = as_role(ADMIN, &roles);
        // billing ranks below admin but carries billing:manage, which admin lacks.
        assert_eq!(
            admin.may_manage(Some(role("billing")), None),
            Err(RuleViolation::Outranked)
        );
        assert_eq!(
            admin.may_manage(None, Some(role("billing"))),
            Err(RuleViolation::Outranked)
        );
        assert!(admin.may_manage(Some(role("viewer")), Some(MEMBER)).is_ok());
        // manager outranks admin yet lacks org:view, so it can grant neither admin nor member.
        let manager = as_role(role("manager"), &roles);
        assert_eq!(manager.may_manage(Some(MEMBER), None), Err(RuleViolation::Outranked));
        assert_eq!(
            manager.may_manage(Some(role("billing")), None),
            Err(RuleViolation::Outranked)
        );
        assert!(manager.may_manage(Some(role("manager")), None).is_ok());
        assert_eq!(
            as_role(role("billing"), &roles).may_manage(None, None),
            Err(RuleViolation::MissingPermission(Permission::MEMBERS_MANAGE))
        );
        for entry in roles.entries() {
            assert!(
                as_role(OWNER, &roles)
                    .may_manage(Some(entry.role), Some(entry.role))
                    .is_ok()
            );
        }
    }

    #[test]
    fn a_role_missing_from_the_table_is_the_owners_alone() {
        let roles = Roles::built_in();
        let retired = Some(role("billing"));
        assert!(as_role(OWNER, &roles).may_manage(Some(MEMBER), retired).is_ok());
        assert_eq!(
            as_role(OWNER, &roles).may_manage(retired, None),
            Err(RuleViolation::Outranked)
        );
        assert_eq!(
            as_role(ADMIN, &roles).may_manage(None, retired),
            Err(RuleViolation::Outranked)
        );
        assert_eq!(
            as_role(role("billing"), &roles).require(Permission::ORG_VIEW),
            Err(RuleViolation::MissingPermission(Permission::ORG_VIEW))
        );
    }

    #[test]
    fn only_an_owner_may_hand_over() {
        let roles = custom();
        assert!(as_role(OWNER, &roles).require_owner().is_ok());
        for entry in roles.entries().iter().filter(|entry| entry.role != OWNER) {
            assert_eq!(
                as_role(entry.role, &roles).require_owner(),
                Err(RuleViolation::OwnerRequired)
            );
        }
    }

    #[test]
    fn the_last_owner_cannot_leave_or_step_down() {
        assert_eq!(keeps_an_owner(1, OWNER, None), Err(RuleViolation::LastOwner));
        assert_eq!(keeps_an_owner(1, OWNER, Some(ADMIN)), Err(RuleViolation::LastOwner));
        assert_eq!(keeps_an_owner(0, OWNER, Some(MEMBER)), Err(RuleViolation::LastOwner));
        assert!(keeps_an_owner(1, OWNER, Some(OWNER)).is_ok());
        assert!(keeps_an_owner(2, OWNER, None).is_ok());
        assert!(keeps_an_owner(1, ADMIN, None).is_ok());
        assert!(keeps_an_owner(1, MEMBER, Some(OWNER)).is_ok());
    }

    const POOL: [&str; 7] = [
        "org:view",
        "org:manage",
        "members:view",
        "members:manage",
        "billing:manage",
        "reports:view",
        "audit:read",
    ];

    /// Up to six declared roles with random ranks (ties likely) and random permissions.
    fn tables() -> impl Strategy<Value = Roles> {
        let role = (1i64..300, proptest::sample::subsequence(POOL.to_vec(), 0..=POOL.len()));
        proptest::collection::vec(role, 0..6).prop_map(|declared| {
            let declared: Vec<DeclaredRole> = declared
                .into_iter()
                .enumerate()
                .map(|(at, (rank, permissions))| DeclaredRole {
                    role: format!("custom{at}"),
                    rank,
                    permissions: permissions.into_iter().map(str::to_owned).collect(),
                    description: None,
                })
                .collect();
            Roles::with_declared(&declared).unwrap()
        })
    }

    fn permissions(roles: &Roles, role: Role) -> Vec<Permission> {
        roles
            .get(role)
            .map(|entry| entry.permissions.clone())
            .unwrap_or_default()
    }

    fn rank(roles: &Roles, role: Role) -> u16 {
        roles.get(role).map_or(0, |entry| entry.rank)
    }

    proptest! {
        #[test]
        fn nothing_granted_or_touched_ranks_above_the_caller_or_holds_more(
            roles in tables(),
            picks in proptest::collection::vec(any::<proptest::sample::Index>(), 3),
            granted_absent in any::<bool>(),
            target_absent in any::<bool>(),
        ) {
            let pick = |at: usize| roles.entries()[picks[at].index(roles.entries().len())].role;
            let caller = pick(0);
            let granted = (!granted_absent).then(|| pick(1));
            let target = (!target_absent).then(|| pick(2));
            if as_role(caller, &roles).may_manage(granted, target).is_ok() {
                prop_assert!(roles.holds(caller, Permission::MEMBERS_MANAGE));
                for other in granted.into_iter().chain(target) {
                    prop_assert!(rank(&roles, other) <= rank(&roles, caller), "{} outranks {}", other, caller);
                    for permission in permissions(&roles, other) {
                        prop_assert!(roles.holds(caller, permission), "{} lacks {} of {}", caller, permission, other);
                    }
                }
            }
        }

        /// Whoever a caller promotes, and whoever they promote in turn, never ends up
        /// above the caller or holding a permission the caller lacks.
        #[test]
        fn no_chain_of_grants_escalates(roles in tables(), start in any::<proptest::sample::Index>()) {
            let caller = roles.entries()[start.index(roles.entries().len())].role;
            let mut reached = vec![caller];
            let mut at = 0;
            while at < reached.len() {
                let holder = reached[at];
                for entry in roles.entries() {
                    if as_role(holder, &roles).may_manage(Some(entry.role), None).is_ok() && !reached.contains(&entry.role) {
                        reached.push(entry.role);
                    }
                }
                at += 1;
            }
            for role in reached {
                prop_assert!(role == caller || rank(&roles, role) <= rank(&roles, caller));
                for permission in permissions(&roles, role) {
                    prop_assert!(roles.holds(caller, permission), "{} reached {} with {}", caller, role, permission);
                }
            }
        }

        #[test]
        fn declared_roles_never_change_the_built_ins_answers(
            roles in tables(),
            caller in 0usize..3,
            granted in proptest::option::of(0usize..3),
            target in proptest::option::of(0usize..3),
        ) {
            let caller = Role::BUILT_IN[caller];
            let granted = granted.map(|at| Role::BUILT_IN[at]);
            let target = target.map(|at| Role::BUILT_IN[at]);
            prop_assert_eq!(
                as_role(caller, &roles).may_manage(granted, target),
                part_one_rule(caller, granted, target)
            );
        }
    }
}
