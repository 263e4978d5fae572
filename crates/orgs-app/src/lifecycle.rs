//! An organization's life beyond the product page: who is calling, leaving, handing the
//! organization over, and deleting it with everything it holds.

use crate::{
    App, DeleteOrganizationError, Denied, LeaveOrganizationError, MeError, TransferOwnershipError,
    access::resolve_access,
};
use orgs_core::{Caller, Identity, OrgId, Permission, Role, UserId, rules::keeps_an_owner};
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
    pub async fn leave_organization(&self, caller: &Caller, organization: OrgId) -> Result<(), LeaveOrganizationError> {
        let mut tx = self.store.begin(TxMode::Write).await?;
        let (_, access) =
            resolve_access::<LeaveOrganizationError>(&mut *tx, caller, organization, RowLock::ForUpdate).await?;
        let user = caller.user().ok_or(Denied::UserRequired)?;
        if access.role == Role::Owner {
            let owners = tx.count_owners(organization).await?;
            keeps_an_owner(owners, access.role, None).map_err(|_| LeaveOrganizationError::LastOwner)?;
        }
        tx.delete_membership(organization, user).await?;
        tx.commit().await?;
        Ok(())
    }

    /// `organizations.delete`: needs a user holding `org:manage`. One statement removes the
    /// organization and, by cascade, everything it holds; a join, accept or mint waiting
    /// on the organization's lock then finds no organization.
    pub async fn delete_organization(
        &self,
        caller: &Caller,
        organization: OrgId,
    ) -> Result<(), DeleteOrganizationError> {
        let mut tx = self.store.begin(TxMode::Write).await?;
        let (_, access) =
            resolve_access::<DeleteOrganizationError>(&mut *tx, caller, organization, RowLock::ForUpdate).await?;
        if caller.user().is_none() {
            return Err(Denied::UserRequired.into());
        }
        access.require(Permission::OrgManage).map_err(Denied::from)?;
        tx.delete_organization(organization).await?;
        tx.commit().await?;
        Ok(())
    }

    /// `organizations.transferOwnership`: in one transaction the member becomes an owner
    /// and the calling owner an admin, so the organization never lacks an owner.
    pub async fn transfer_ownership(
        &self,
        caller: &Caller,
        organization: OrgId,
        to: UserId,
    ) -> Result<(), TransferOwnershipError> {
        if caller.user() == Some(to) {
            return Err(TransferOwnershipError::ToSelf);
        }
        let mut tx = self.store.begin(TxMode::Write).await?;
        let (_, access) =
            resolve_access::<TransferOwnershipError>(&mut *tx, caller, organization, RowLock::ForUpdate).await?;
        let user = caller.user().ok_or(Denied::UserRequired)?;
        access.require_owner().map_err(Denied::from)?;
        let current = tx
            .find_role(organization, to)
            .await?
            .ok_or(TransferOwnershipError::MemberNotFound)?;
        if current != Role::Owner {
            tx.update_role(organization, to, Role::Owner).await?;
        }
        tx.update_role(organization, user, Role::Admin).await?;
        tx.commit().await?;
        Ok(())
    }
}

#[cfg(test)]
#[path = "lifecycle_tests.rs"]
mod tests;
