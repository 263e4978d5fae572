//! The statements behind custom roles' operator side: counting each role's holders and
//! moving a retired role's holders to another.

/// Expands, inside an adapter crate, to the role statements as functions taking
/// `&mut $conn`. `$for_update` locks the rows a statement reads, as in
/// `organization_statements!`. The crate must provide `crate::rows`.
#[macro_export]
#[allow(clippy::crate_in_macro_def)]
macro_rules! role_statements {
    ($conn:ty, $for_update:literal) => {
        use crate::rows::{self, map_error};
        use orgs_core::{OrgId, Role};
        use orgs_ports::{Reassigned, RoleHolders, StoreError};
        use uuid::Uuid;
        type Conn = $conn;

        /// Pending invitations and unrevoked join codes: the rows whose role a request
        /// may still act on. Accepted, revoked and replaced ones keep the name they had.
        const LIVE_INVITATION: &str = "accepted_at IS NULL AND revoked_at IS NULL";
        const LIVE_JOIN_CODE: &str = "revoked_at IS NULL";

        pub(crate) async fn count_role_holders(conn: &mut Conn) -> Result<Vec<RoleHolders>, StoreError> {
            let sql = format!(
                "SELECT role, 'm' AS kind, count(*) AS holders FROM memberships GROUP BY role
                 UNION ALL SELECT role, 'i', count(*) FROM invitations WHERE {LIVE_INVITATION} GROUP BY role
                 UNION ALL SELECT role, 'j', count(*) FROM join_codes WHERE {LIVE_JOIN_CODE} GROUP BY role"
            );
            let counted: Vec<(String, String, i64)> = sqlx::query_as(&sql)
                .fetch_all(&mut *conn)
                .await
                .map_err(map_error)?;
            let mut holders: Vec<RoleHolders> = Vec::new();
            for (text, kind, count) in counted {
                let role = rows::role(&text)?;
                let at = match holders.iter().position(|held| held.role == role) {
                    Some(at) => at,
                    None => {
                        holders.push(RoleHolders {
                            role,
                            memberships: 0,
                            invitations: 0,
                            join_codes: 0,
                        });
                        holders.len() - 1
                    }
                };
                let count = count.unsigned_abs();
                match kind.as_str() {
                    "m" => holders[at].memberships = count,
                    "i" => holders[at].invitations = count,
                    _ => holders[at].join_codes = count,
                }
            }
            holders.sort_by(|a, b| a.role.as_str().cmp(b.role.as_str()));
            Ok(holders)
        }

        pub(crate) async fn lock_organizations_holding(conn: &mut Conn, role: Role) -> Result<Vec<OrgId>, StoreError> {
            let sql = format!(
                "SELECT id FROM organizations WHERE id IN (
                     SELECT organization_id FROM memberships WHERE role = $1
                     UNION SELECT organization_id FROM invitations WHERE role = $1 AND {LIVE_INVITATION}
                     UNION SELECT organization_id FROM join_codes WHERE role = $1 AND {LIVE_JOIN_CODE})
                 ORDER BY id{}",
                $for_update
            );
            let ids: Vec<Uuid> = sqlx::query_scalar(&sql)
                .bind(role.as_str())
                .fetch_all(&mut *conn)
                .await
                .map_err(map_error)?;
            Ok(ids.into_iter().map(OrgId::from_uuid).collect())
        }

        /// Moves the rows of `table` that hold `from` in one organization, and meet `live`,
        /// to `to`; returns how many.
        async fn move_rows(
            conn: &mut Conn,
            table: &str,
            live: &str,
            organization: OrgId,
            from: Role,
            to: Role,
        ) -> Result<u64, StoreError> {
            let sql = format!("UPDATE {table} SET role = $3 WHERE organization_id = $1 AND role = $2 AND {live}");
            let done = sqlx::query(&sql)
                .bind(organization.as_uuid())
                .bind(from.as_str())
                .bind(to.as_str())
                .execute(&mut *conn)
                .await
                .map_err(map_error)?;
            Ok(done.rows_affected())
        }

        pub(crate) async fn reassign_role(
            conn: &mut Conn,
            organization: OrgId,
            from: Role,
            to: Role,
        ) -> Result<Reassigned, StoreError> {
            // The organization is locked, so the members read here are the ones the
            // update moves.
            let members = sqlx::query(
                "SELECT m.user_id, u.email, m.role, m.joined_at FROM memberships m JOIN users u ON u.id = m.user_id
                 WHERE m.organization_id = $1 AND m.role = $2 ORDER BY m.user_id",
            )
            .bind(organization.as_uuid())
            .bind(from.as_str())
            .fetch_all(&mut *conn)
            .await
            .map_err(map_error)?
            .iter()
            .map(rows::member)
            .collect::<Result<Vec<_>, StoreError>>()?;
            move_rows(conn, "memberships", "TRUE", organization, from, to).await?;
            let invitations = move_rows(conn, "invitations", LIVE_INVITATION, organization, from, to).await?;
            let join_codes = move_rows(conn, "join_codes", LIVE_JOIN_CODE, organization, from, to).await?;
            Ok(Reassigned {
                members,
                invitations,
                join_codes,
            })
        }
    };
}
