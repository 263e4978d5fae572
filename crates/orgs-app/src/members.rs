//! Use cases on an organization's members: list, remove, change role.

use crate::{App, Denied, ListMembersError, RemoveMemberError, SetRoleError};
use orgs_core::{
    Acting, Caller, Change, Member, OrgId, Page, PageKey, Paged, Permission, RemovedVia, Role, UserId,
    rules::keeps_an_owner,
};
use orgs_ports::{RowLock, TxMode};

impl App {
    /// `organizations.members.list`: needs `members:view`.
    pub async fn list_members(
        &self,
        caller: &Caller,
        organization: OrgId,
        page: Option<Page>,
    ) -> Result<Paged<Member>, ListMembersError> {
        let mut tx = self.store.begin(TxMode::Read).await?;
        let (_, access) = self
            .resolve_access::<ListMembersError>(&mut *tx, caller, organization, RowLock::None)
            .await?;
        access.require(Permission::MEMBERS_VIEW).map_err(Denied::from)?;
        let members = tx.list_members(organization, page).await?;
        tx.commit().await?;
        Ok(Paged::cut(members, page, |m| PageKey {
            at: m.joined_at,
            id: m.user_id.as_uuid(),
        }))
    }

    /// `organizations.members.remove`: idempotent for non-members; never removes the last
    /// owner. The organization row stays locked from the access check to the delete.
    pub async fn remove_member(
        &self,
        acting: &Acting,
        organization: OrgId,
        user: UserId,
    ) -> Result<(), RemoveMemberError> {
        let mut tx = self.store.begin(TxMode::Write).await?;
        let (_, access) = self
            .resolve_access::<RemoveMemberError>(&mut *tx, &acting.caller, organization, RowLock::ForUpdate)
            .await?;
        access.may_manage(None, None).map_err(Denied::from)?;
        let Some(member) = tx.find_member(organization, user).await? else {
            return Ok(());
        };
        let current = member.role;
        access.may_manage(None, Some(current)).map_err(Denied::from)?;
        if current == Role::OWNER {
            let owners = tx.count_owners(organization).await?;
            keeps_an_owner(owners, current, None).map_err(|_| RemoveMemberError::LastOwner)?;
        }
        tx.delete_membership(organization, user).await?;
        let change = Change::MemberRemoved {
            user,
            email: member.email,
            role: current,
            via: RemovedVia::Removed,
        };
        self.commit_with_events(tx, acting, organization, [change]).await?;
        Ok(())
    }

    /// `organizations.members.setRole`: the rank rule on both the granted and the current
    /// role, a no-op for the same role, never demotes the last owner.
    pub async fn set_member_role(
        &self,
        acting: &Acting,
        organization: OrgId,
        user: UserId,
        role: Role,
    ) -> Result<(), SetRoleError> {
        let mut tx = self.store.begin(TxMode::Write).await?;
        let (_, access) = self
            .resolve_access::<SetRoleError>(&mut *tx, &acting.caller, organization, RowLock::ForUpdate)
            .await?;
        access.may_manage(Some(role), None).map_err(Denied::from)?;
        let member = tx
            .find_member(organization, user)
            .await?
            .ok_or(SetRoleError::MemberNotFound)?;
        let current = member.role;
        access.may_manage(Some(role), Some(current)).map_err(Denied::from)?;
        if current == role {
            return Ok(());
        }
        if current == Role::OWNER {
            let owners = tx.count_owners(organization).await?;
            keeps_an_owner(owners, current, Some(role)).map_err(|_| SetRoleError::LastOwner)?;
        }
        tx.update_role(organization, user, role).await?;
        let change = Change::MemberRoleChanged {
            user,
            email: member.email,
            old_role: current,
            new_role: role,
        };
        self.commit_with_events(tx, acting, organization, [change]).await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::*;
    use orgs_core::RuleViolation;
    use orgs_ports::MockTx;

    /// A transaction where the caller holds `caller_role` and the target `target_role`.
    fn tx_with_roles(caller: UserId, caller_role: Role, target_role: Option<Role>) -> MockTx {
        let mut tx = MockTx::new();
        expect_access(&mut tx, &organization(), move |user| {
            if user == caller { Some(caller_role) } else { target_role }
        });
        tx
    }

    #[tokio::test]
    async fn the_last_owner_cannot_be_removed() {
        let owner = UserId::generate();
        let mut tx = tx_with_roles(owner, Role::OWNER, Some(Role::OWNER));
        tx.expect_count_owners().returning(|_| Ok(1));
        tx.expect_delete_membership().never();
        tx.expect_commit().never();
        let err = app_with_tx(tx)
            .remove_member(&as_user(owner), OrgId::generate(), owner)
            .await;
        assert!(matches!(err, Err(RemoveMemberError::LastOwner)));
    }

    #[tokio::test]
    async fn an_owner_leaves_when_another_owner_remains() {
        let owner = UserId::generate();
        let mut tx = tx_with_roles(owner, Role::OWNER, Some(Role::OWNER));
        tx.expect_count_owners().returning(|_| Ok(2));
        tx.expect_delete_membership().times(1).returning(|_, _| Ok(true));
        tx.expect_commit_with_events().times(1).returning(|_| Ok(0));
        app_with_tx(tx)
            .remove_member(&as_user(owner), OrgId::generate(), owner)
            .await
            .unwrap();
    }

    #[tokio::test]
    async fn removing_a_non_member_succeeds_without_writing() {
        let owner = UserId::generate();
        let mut tx = tx_with_roles(owner, Role::OWNER, None);
        tx.expect_delete_membership().never();
        app_with_tx(tx)
            .remove_member(&as_user(owner), OrgId::generate(), UserId::generate())
            .await
            .unwrap();
    }

    #[tokio::test]
    async fn a_member_cannot_remove_even_a_non_member() {
        let member = UserId::generate();
        let tx = tx_with_roles(member, Role::MEMBER, None);
        let err = app_with_tx(tx)
            .remove_member(&as_user(member), OrgId::generate(), UserId::generate())
            .await;
        assert!(matches!(
            err,
            Err(RemoveMemberError::Denied(Denied::Forbidden(
                RuleViolation::MissingPermission(_)
            )))
        ));
    }

    #[tokio::test]
    async fn an_organization_token_cannot_remove_an_owner() {
        let org = organization();
        let mut tx = MockTx::new();
        expect_access(&mut tx, &org, move |_| Some(Role::OWNER));
        tx.expect_delete_membership().never();
        let err = app_with_tx(tx)
            .remove_member(&as_token(org.id), org.id, UserId::generate())
            .await;
        assert!(matches!(
            err,
            Err(RemoveMemberError::Denied(Denied::Forbidden(RuleViolation::Outranked)))
        ));
    }

    #[tokio::test]
    async fn an_admin_cannot_promote_to_owner() {
        let admin = UserId::generate();
        let mut tx = tx_with_roles(admin, Role::ADMIN, Some(Role::MEMBER));
        tx.expect_update_role().never();
        let err = app_with_tx(tx)
            .set_member_role(&as_user(admin), OrgId::generate(), UserId::generate(), Role::OWNER)
            .await;
        assert!(matches!(
            err,
            Err(SetRoleError::Denied(Denied::Forbidden(RuleViolation::Outranked)))
        ));
    }

    #[tokio::test]
    async fn an_admin_cannot_demote_an_owner() {
        let admin = UserId::generate();
        let tx = tx_with_roles(admin, Role::ADMIN, Some(Role::OWNER));
        let err = app_with_tx(tx)
            .set_member_role(&as_user(admin), OrgId::generate(), UserId::generate(), Role::MEMBER)
            .await;
        assert!(matches!(
            err,
            Err(SetRoleError::Denied(Denied::Forbidden(RuleViolation::Outranked)))
        ));
    }

    #[tokio::test]
    async fn an_unknown_member_is_not_found() {
        let owner = UserId::generate();
        let tx = tx_with_roles(owner, Role::OWNER, None);
        let err = app_with_tx(tx)
            .set_member_role(&as_user(owner), OrgId::generate(), UserId::generate(), Role::ADMIN)
            .await;
        assert!(matches!(err, Err(SetRoleError::MemberNotFound)));
    }

    #[tokio::test]
    async fn the_same_role_is_a_no_op() {
        let owner = UserId::generate();
        let mut tx = tx_with_roles(owner, Role::OWNER, Some(Role::ADMIN));
        tx.expect_update_role().never();
        tx.expect_count_owners().never();
        app_with_tx(tx)
            .set_member_role(&as_user(owner), OrgId::generate(), UserId::generate(), Role::ADMIN)
            .await
            .unwrap();
    }

    #[tokio::test]
    async fn the_last_owner_cannot_step_down() {
        let owner = UserId::generate();
        let mut tx = tx_with_roles(owner, Role::OWNER, Some(Role::OWNER));
        tx.expect_count_owners().returning(|_| Ok(1));
        tx.expect_update_role().never();
        let err = app_with_tx(tx)
            .set_member_role(&as_user(owner), OrgId::generate(), owner, Role::ADMIN)
            .await;
        assert!(matches!(err, Err(SetRoleError::LastOwner)));
    }

    #[tokio::test]
    async fn a_role_change_commits_once() {
        let owner = UserId::generate();
        let target = UserId::generate();
        let mut tx = tx_with_roles(owner, Role::OWNER, Some(Role::MEMBER));
        tx.expect_update_role()
            .withf(move |_, user, role| *user == target && *role == Role::ADMIN)
            .times(1)
            .returning(|_, _, _| Ok(()));
        tx.expect_commit_with_events().times(1).returning(|_| Ok(0));
        app_with_tx(tx)
            .set_member_role(&as_user(owner), OrgId::generate(), target, Role::ADMIN)
            .await
            .unwrap();
    }

    #[tokio::test]
    async fn a_failed_commit_is_reported() {
        let owner = UserId::generate();
        let mut tx = MockTx::new();
        // Set first: mockall answers with the first expectation that matches.
        tx.expect_commit_with_events().returning(|_| Err(store_failure()));
        expect_access(&mut tx, &organization(), move |user| {
            Some(if user == owner { Role::OWNER } else { Role::MEMBER })
        });
        tx.expect_update_role().returning(|_, _, _| Ok(()));
        let err = app_with_tx(tx)
            .set_member_role(&as_user(owner), OrgId::generate(), UserId::generate(), Role::ADMIN)
            .await;
        assert!(matches!(err, Err(SetRoleError::Store(_))));
    }

    #[tokio::test]
    async fn members_list_needs_membership() {
        let mut tx = MockTx::new();
        expect_access(&mut tx, &organization(), move |_| None);
        tx.expect_list_members().never();
        let err = app_with_tx(tx)
            .list_members(&Caller::User(UserId::generate()), OrgId::generate(), None)
            .await;
        assert!(matches!(err, Err(ListMembersError::Denied(Denied::NotFound))));
    }
}
