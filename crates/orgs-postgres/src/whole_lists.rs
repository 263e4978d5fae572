//! Whole lists, without pages: PostgreSQL's rows cost little each, so they are read row
//! by row as every page is.

use orgs_core::{Member, Membership, OrgId, UserId};
use orgs_ports::StoreError;
use sqlx::PgConnection;

pub(crate) async fn members(conn: &mut PgConnection, organization: OrgId) -> Result<Vec<Member>, StoreError> {
    crate::statements::members_row_by_row(conn, organization, None).await
}

pub(crate) async fn memberships(conn: &mut PgConnection, user: UserId) -> Result<Vec<Membership>, StoreError> {
    crate::statements::memberships_row_by_row(conn, user, None).await
}
