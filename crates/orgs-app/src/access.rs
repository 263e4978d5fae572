//! Resolving what a caller may do in one organization, inside the use case's transaction.

use crate::errors::Denied;
use orgs_core::{Access, Caller, OrgId, Organization, Role};
use orgs_ports::{RowLock, StoreError, Tx};

/// Finds the organization and the caller's role in it. A non-member, and an organization
/// token of another organization, get `NotFound` exactly as for a missing organization.
pub(crate) async fn resolve_access<E>(
    tx: &mut dyn Tx,
    caller: &Caller,
    organization: OrgId,
    lock: RowLock,
) -> Result<(Organization, Access), E>
where
    E: From<Denied> + From<StoreError>,
{
    if let Caller::OrganizationToken(own) = caller
        && *own != organization
    {
        return Err(Denied::NotFound.into());
    }
    let found = tx
        .find_organization(organization, lock)
        .await?
        .ok_or(Denied::NotFound)?;
    let role: Role = match caller {
        Caller::User(user) => tx.find_role(organization, *user).await?.ok_or(Denied::NotFound)?,
        Caller::OrganizationToken(_) => Caller::TOKEN_ROLE,
    };
    Ok((found, Access { role }))
}
