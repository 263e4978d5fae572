//! An organization's life beyond the product page: who is calling, leaving, handing the
//! organization over, and deleting it with everything it holds.

use crate::{App, DeleteOrganizationError, Denied, LeaveOrganizationError, MeError, TransferOwnershipError};
use orgs_core::{Acting, Caller, Change, Identity, OrgId, Permission, RemovedVia, Role, UserId, rules::keeps_an_owner};
use orgs_ports::{RowLock, StoreError, TxMode};

impl App {
    /// `me`: the user behind the credential, or the organization a token belongs to.
    pub async fn me(&self, caller: &Caller) -> Result<Identity, MeError> {
        let id = match caller {
            Caller::OrganizationToken(organization) => return Ok(Identity::OrganizationToken(*organization)),
            Caller::User(id) => *id,
        };
        let mut tx = self.store.begin(TxMode::Read).await?;
        // Users are never deleted while their credentials work (a user's tokens and
        // identities go with it), so a missing row is a broken store, not a caller error.
        let user = tx
            .find_user(id)
            .await?
            .ok_or_else(|| StoreError::Other("the authenticated user has no row".into()))?;
        tx.commit().await?;
        Ok(Identity::User(user))
    }

    /// `organizations.leave`: the calling user gives up its membership; the only owner
    /// cannot. The organization stays locked from the role read to the delete, so two
    /// owners leaving at once cannot both see the other still there.
    pub async fn leave_organization(&self, acting: &Acting, organization: OrgId) -> Result<(), LeaveOrganizationError> {
        let mut tx = self.store.begin(TxMode::Write).await?;
        let (_, access) = self
            .resolve_access::<LeaveOrganizationError>(&mut *tx, &acting.caller, organization, RowLock::ForUpdate)
            .await?;
        let (user, email) = acting.user().ok_or(Denied::UserRequired)?;
        if access.role == Role::OWNER {
            let owners = tx.count_owners(organization).await?;
            keeps_an_owner(owners, access.role, None).map_err(|_| LeaveOrganizationError::LastOwner)?;
        }
        tx.delete_membership(organization, user).await?;
        let change = Change::MemberRemoved {
            user,
            email: email.clone(),
            role: access.role,
            via: RemovedVia::Left,
        };
        self.commit_with_events(tx, acting, organization, [change]).await?;
        Ok(())
    }

    /// `organizations.delete`: needs a user holding `org:manage`. One statement removes the
    /// organization and, by cascade, everything it holds; a join, accept or mint waiting
    /// on the organization's lock then finds no organization.
    pub async fn delete_organization(
        &self,
        acting: &Acting,
        organization: OrgId,
    ) -> Result<(), DeleteOrganizationError> {
        let mut tx = self.store.begin(TxMode::Write).await?;
        let (found, access) = self
            .resolve_access::<DeleteOrganizationError>(&mut *tx, &acting.caller, organization, RowLock::ForUpdate)
            .await?;
        if acting.caller.user().is_none() {
            return Err(Denied::UserRequired.into());
        }
        access.require(Permission::ORG_MANAGE).map_err(Denied::from)?;
        tx.delete_organization(organization).await?;
        // The log has no foreign key to the organization, so this event outlives it.
        let change = Change::OrganizationDeleted { name: found.name };
        self.commit_with_events(tx, acting, organization, [change]).await?;
        Ok(())
    }

    /// `organizations.transferOwnership`: in one transaction the member becomes an owner
    /// and the calling owner an admin, so the organization never lacks an owner.
    pub async fn transfer_ownership(
        &self,
        acting: &Acting,
        organization: OrgId,
        to: UserId,
    ) -> Result<(), TransferOwnershipError> {
        if acting.caller.user() == Some(to) {
            return Err(TransferOwnershipError::ToSelf);
        }
        let mut tx = self.store.begin(TxMode::Write).await?;
        let (_, access) = self
            .resolve_access::<TransferOwnershipError>(&mut *tx, &acting.caller, organization, RowLock::ForUpdate)
            .await?;
        let (user, email) = acting.user().ok_or(Denied::UserRequired)?;
        access.require_owner().map_err(Denied::from)?;
        let target = tx
            .find_member(organization, to)
            .await?
            .ok_or(TransferOwnershipError::MemberNotFound)?;
        let mut changes = vec![Change::OwnershipTransferred { from: user, to }];
        if target.role != Role::OWNER {
            tx.update_role(organization, to, Role::OWNER).await?;
            changes.push(Change::MemberRoleChanged {
                user: to,
                email: target.email,
                old_role: target.role,
                new_role: Role::OWNER,
            });
        }
        tx.update_role(organization, user, Role::ADMIN).await?;
        changes.push(Change::MemberRoleChanged {
            user,
            email: email.clone(),
            old_role: Role::OWNER,
            new_role: Role::ADMIN,
        });
        self.commit_with_events(tx, acting, organization, changes).await?;
        Ok(())
    }
}

#[cfg(test)]
#[path = "lifecycle_tests.rs"]
mod tests;
