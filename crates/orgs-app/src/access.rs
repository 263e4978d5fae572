//! Resolving what a caller may do in one organization, inside the use case's transaction.

use crate::App;
use crate::errors::Denied;
use orgs_core::{Access, Caller, OrgId, Organization};
use orgs_ports::{RowLock, StoreError, Tx};

impl App {
    /// Finds the organization and the caller's role in it, read against the deployment's
    /// role table. A non-member, and an organization token of another organization, get
    /// `NotFound` exactly as for a missing organization.
    pub(crate) async fn resolve_access<E>(
        &self,
        tx: &mut dyn Tx,
        caller: &Caller,
        organization: OrgId,
        lock: RowLock,
    ) -> Result<(Organization, Access<'_>), E>
    where
        E: From<Denied> + From<StoreError>,
    {
        if let Caller::OrganizationToken(own) = caller
            && *own != organization
        {
            return Err(Denied::NotFound.into());
        }
        let (found, role) = match (caller, lock) {
            // A read: the organization and the role in one statement.
            (Caller::User(user), RowLock::None) => tx
                .find_organization_with_role(organization, *user)
                .await?
                .ok_or(Denied::NotFound)?,
            // A change locks the row before it reads anything it decides on.
            (Caller::User(user), RowLock::ForUpdate) => {
                let found = tx
                    .find_organization(organization, lock)
                    .await?
                    .ok_or(Denied::NotFound)?;
                (found, tx.find_role(organization, *user).await?)
            }
            (Caller::OrganizationToken(_), _) => {
                let found = tx
                    .find_organization(organization, lock)
                    .await?
                    .ok_or(Denied::NotFound)?;
                (found, Some(Caller::TOKEN_ROLE))
            }
        };
        Ok((found, Access::new(role.ok_or(Denied::NotFound)?, &self.roles)))
    }
}
