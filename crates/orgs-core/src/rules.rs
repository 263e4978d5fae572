//! The access rules: permission checks, the rank rule and the last-owner rule.
//!
//! They take plain facts (roles, counts) and answer yes or no, so every use case applies
//! the same decision and the decision is unit-tested once, here.

use crate::role::{Permission, Role};

/// Why the domain refuses a change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum RuleViolation {
    #[error("the caller lacks the permission {}", .0.as_str())]
    MissingPermission(Permission),
    #[error("the caller's role does not rank high enough")]
    Outranked,
    #[error("the organization would be left without an owner")]
    LastOwner,
    #[error("only an owner may do this")]
    OwnerRequired,
}

/// The role a caller holds in one organization, as resolved for this request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Access {
    pub role: Role,
}

impl Access {
    pub fn require(self, permission: Permission) -> Result<(), RuleViolation> {
        if self.role.has(permission) {
            Ok(())
        } else {
            Err(RuleViolation::MissingPermission(permission))
        }
    }

    /// Handing an organization over is an owner's own act: a permission alone is not
    /// enough, since what it hands over is the owner role itself.
    pub fn require_owner(self) -> Result<(), RuleViolation> {
        if self.role == Role::Owner {
            Ok(())
        } else {
            Err(RuleViolation::OwnerRequired)
        }
    }

    /// The rank rule: managing members is allowed only where the role granted and the
    /// target's current role are both at most the caller's own rank.
    pub fn may_manage(self, granted: Option<Role>, target_current: Option<Role>) -> Result<(), RuleViolation> {
        self.require(Permission::MembersManage)?;
        let within_rank = |role: Option<Role>| role.is_none_or(|role| self.role.outranks_or_equals(role));
        if within_rank(granted) && within_rank(target_current) {
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
    let loses_an_owner = current == Role::Owner && next != Some(Role::Owner);
    if loses_an_owner && owners <= 1 {
        Err(RuleViolation::LastOwner)
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Role::*;

    fn as_role(role: Role) -> Access {
        Access { role }
    }

    #[test]
    fn permissions_follow_the_role_table() {
        assert!(as_role(Member).require(Permission::MembersView).is_ok());
        assert_eq!(
            as_role(Member).require(Permission::MembersManage),
            Err(RuleViolation::MissingPermission(Permission::MembersManage))
        );
        assert_eq!(
            as_role(Admin).require(Permission::OrgManage),
            Err(RuleViolation::MissingPermission(Permission::OrgManage))
        );
        assert!(as_role(Owner).require(Permission::OrgManage).is_ok());
    }

    #[test]
    fn an_admin_cannot_grant_or_touch_owner() {
        let admin = as_role(Admin);
        assert_eq!(
            admin.may_manage(Some(Owner), Some(Member)),
            Err(RuleViolation::Outranked)
        );
        assert_eq!(
            admin.may_manage(Some(Member), Some(Owner)),
            Err(RuleViolation::Outranked)
        );
        assert_eq!(admin.may_manage(None, Some(Owner)), Err(RuleViolation::Outranked));
        assert!(admin.may_manage(Some(Admin), Some(Member)).is_ok());
        assert!(admin.may_manage(Some(Member), Some(Admin)).is_ok());
        assert!(admin.may_manage(None, None).is_ok());
    }

    #[test]
    fn an_owner_may_do_anything_the_rank_rule_covers() {
        for granted in Role::ALL {
            for target in Role::ALL {
                assert!(as_role(Owner).may_manage(Some(granted), Some(target)).is_ok());
            }
        }
    }

    #[test]
    fn only_an_owner_may_hand_over() {
        assert!(as_role(Owner).require_owner().is_ok());
        for role in [Admin, Member] {
            assert_eq!(as_role(role).require_owner(), Err(RuleViolation::OwnerRequired));
        }
    }

    #[test]
    fn a_member_may_manage_nobody() {
        assert_eq!(
            as_role(Member).may_manage(Some(Member), Some(Member)),
            Err(RuleViolation::MissingPermission(Permission::MembersManage))
        );
    }

    #[test]
    fn the_last_owner_cannot_leave_or_step_down() {
        assert_eq!(keeps_an_owner(1, Owner, None), Err(RuleViolation::LastOwner));
        assert_eq!(keeps_an_owner(1, Owner, Some(Admin)), Err(RuleViolation::LastOwner));
        assert_eq!(keeps_an_owner(0, Owner, Some(Member)), Err(RuleViolation::LastOwner));
        assert!(keeps_an_owner(1, Owner, Some(Owner)).is_ok());
        assert!(keeps_an_owner(2, Owner, None).is_ok());
        assert!(keeps_an_owner(1, Admin, None).is_ok());
        assert!(keeps_an_owner(1, Member, Some(Owner)).is_ok());
    }
}
