//! The invitation and join-code statements.

/// Expands, inside an adapter crate, to the invitation and join-code statements as
/// functions taking `&mut $conn`. The crate must provide `crate::rows` with `map_error`,
/// `time`, `user`, `invitation` and `join_code`.
#[macro_export]
#[allow(clippy::crate_in_macro_def)]
macro_rules! invitation_statements {
    ($conn:ty, $db:ty) => {
        use crate::rows::{self, map_error, time};
        use orgs_core::{
            Email, Invitation, InvitationId, InvitationState, JoinCode, JoinCodeId, OrgId, Page, SecretDigest, Timestamp, User,
            UserId,
        };
        use orgs_ports::StoreError;
        type Conn = $conn;

        const INVITATION: &str = "SELECT id, organization_id, email, role, invited_by, created_at, expires_at,
                accepted_by, accepted_at, revoked_at FROM invitations";
        const JOIN_CODE: &str = "SELECT id, organization_id, role, max_uses, uses, created_by, created_at,
                revoked_at IS NOT NULL AS revoked FROM join_codes";

        pub(crate) async fn find_user(conn: &mut Conn, id: UserId) -> Result<Option<User>, StoreError> {
            let row = sqlx::query("SELECT id, email, created_at FROM users WHERE id = $1")
                .bind(id.as_uuid())
                .fetch_optional(conn)
                .await
                .map_err(map_error)?;
            row.map(|row| rows::user(&row)).transpose()
        }

        pub(crate) async fn insert_invitation(
            conn: &mut Conn,
            invitation: &Invitation,
            token: &SecretDigest,
        ) -> Result<(), StoreError> {
            sqlx::query(
                "INSERT INTO invitations (id, organization_id, email, role, token_digest, invited_by, created_at, expires_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            )
            .bind(invitation.id.as_uuid())
            .bind(invitation.organization_id.as_uuid())
            .bind(invitation.email.as_str())
            .bind(invitation.role.as_str())
            .bind(&token.0[..])
            .bind(invitation.invited_by.map(|user| user.as_uuid()))
            .bind(time(invitation.created_at))
            .bind(time(invitation.expires_at))
            .execute(conn)
            .await
            .map_err(map_error)?;
            Ok(())
        }

        async fn one_invitation<'q>(
            conn: &mut Conn,
            query: sqlx::query::Query<'q, $db, <$db as sqlx::Database>::Arguments<'q>>,
        ) -> Result<Option<Invitation>, StoreError> {
            let row = query.fetch_optional(conn).await.map_err(map_error)?;
            row.map(|row| rows::invitation(&row)).transpose()
        }

        pub(crate) async fn find_invitation(
            conn: &mut Conn,
            organization: OrgId,
            id: InvitationId,
        ) -> Result<Option<Invitation>, StoreError> {
            let sql = format!("{INVITATION} WHERE organization_id = $1 AND id = $2");
            one_invitation(conn, sqlx::query(&sql).bind(organization.as_uuid()).bind(id.as_uuid())).await
        }

        pub(crate) async fn find_invitation_by_token(
            conn: &mut Conn,
            token: &SecretDigest,
        ) -> Result<Option<Invitation>, StoreError> {
            let sql = format!("{INVITATION} WHERE token_digest = $1");
            one_invitation(conn, sqlx::query(&sql).bind(&token.0[..])).await
        }

        pub(crate) async fn find_open_invitation(
            conn: &mut Conn,
            organization: OrgId,
            email: &Email,
        ) -> Result<Option<Invitation>, StoreError> {
            let sql = format!("{INVITATION} WHERE {}", $crate::OPEN_INVITATION_FILTER);
            one_invitation(
                conn,
                sqlx::query(&sql).bind(organization.as_uuid()).bind(email.as_str()),
            )
            .await
        }

        pub(crate) async fn set_invitation_state(
            conn: &mut Conn,
            id: InvitationId,
            state: InvitationState,
        ) -> Result<(), StoreError> {
            let query = match state {
                InvitationState::Accepted { by, at } => {
                    sqlx::query("UPDATE invitations SET accepted_by = $2, accepted_at = $3 WHERE id = $1")
                        .bind(id.as_uuid())
                        .bind(by.as_uuid())
                        .bind(time(at))
                }
                InvitationState::Revoked { at } => sqlx::query("UPDATE invitations SET revoked_at = $2 WHERE id = $1")
                    .bind(id.as_uuid())
                    .bind(time(at)),
                InvitationState::Open => return Err(StoreError::Other("an invitation never reopens".into())),
            };
            query.execute(conn).await.map_err(map_error)?;
            Ok(())
        }

        pub(crate) async fn list_pending_invitations(
            conn: &mut Conn,
            organization: OrgId,
            now: Timestamp,
            page: Option<Page>,
        ) -> Result<Vec<Invitation>, StoreError> {
            let base = format!(
                "{INVITATION} WHERE organization_id = $1 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > $2"
            );
            let sql = crate::statements::paged_sql(&base, "created_at", "id", 3, page);
            let mut query = sqlx::query(&sql).bind(organization.as_uuid()).bind(time(now));
            if let Some(after) = page.and_then(|page| page.after) {
                query = query.bind(time(after.at)).bind(after.id);
            }
            let found = query.fetch_all(conn).await.map_err(map_error)?;
            found.iter().map(rows::invitation).collect()
        }

        pub(crate) async fn insert_join_code(
            conn: &mut Conn,
            code: &JoinCode,
            secret: &SecretDigest,
        ) -> Result<(), StoreError> {
            sqlx::query(
                "INSERT INTO join_codes (id, organization_id, role, code_digest, max_uses, uses, created_by, created_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            )
            .bind(code.id.as_uuid())
            .bind(code.organization_id.as_uuid())
            .bind(code.role.as_str())
            .bind(&secret.0[..])
            .bind(code.max_uses.map(|max| i64::from(max.get())))
            .bind(i64::from(code.uses))
            .bind(code.created_by.map(|user| user.as_uuid()))
            .bind(time(code.created_at))
            .execute(conn)
            .await
            .map_err(map_error)?;
            Ok(())
        }

        async fn one_join_code<'q>(
            conn: &mut Conn,
            query: sqlx::query::Query<'q, $db, <$db as sqlx::Database>::Arguments<'q>>,
        ) -> Result<Option<JoinCode>, StoreError> {
            let row = query.fetch_optional(conn).await.map_err(map_error)?;
            row.map(|row| rows::join_code(&row)).transpose()
        }

        pub(crate) async fn find_join_code(
            conn: &mut Conn,
            organization: OrgId,
            id: JoinCodeId,
        ) -> Result<Option<JoinCode>, StoreError> {
            let sql = format!("{JOIN_CODE} WHERE organization_id = $1 AND id = $2");
            one_join_code(conn, sqlx::query(&sql).bind(organization.as_uuid()).bind(id.as_uuid())).await
        }

        pub(crate) async fn find_join_code_by_secret(
            conn: &mut Conn,
            secret: &SecretDigest,
        ) -> Result<Option<JoinCode>, StoreError> {
            let sql = format!("{JOIN_CODE} WHERE code_digest = $1");
            one_join_code(conn, sqlx::query(&sql).bind(&secret.0[..])).await
        }

        pub(crate) async fn revoke_join_code(conn: &mut Conn, id: JoinCodeId, at: Timestamp) -> Result<(), StoreError> {
            sqlx::query("UPDATE join_codes SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL")
                .bind(id.as_uuid())
                .bind(time(at))
                .execute(conn)
                .await
                .map_err(map_error)?;
            Ok(())
        }

        pub(crate) async fn use_join_code(conn: &mut Conn, id: JoinCodeId) -> Result<bool, StoreError> {
            // The condition and the increment are one statement, so even without the caller's
            // organization lock two joins could not both take the last use.
            let done = sqlx::query(
                "UPDATE join_codes SET uses = uses + 1
                 WHERE id = $1 AND revoked_at IS NULL AND (max_uses IS NULL OR uses < max_uses)",
            )
            .bind(id.as_uuid())
            .execute(conn)
            .await
            .map_err(map_error)?;
            Ok(done.rows_affected() == 1)
        }

        pub(crate) async fn list_join_codes(
            conn: &mut Conn,
            organization: OrgId,
            page: Option<Page>,
        ) -> Result<Vec<JoinCode>, StoreError> {
            let base = format!("{JOIN_CODE} WHERE organization_id = $1 AND revoked_at IS NULL");
            let sql = crate::statements::paged_sql(&base, "created_at", "id", 2, page);
            let mut query = sqlx::query(&sql).bind(organization.as_uuid());
            if let Some(after) = page.and_then(|page| page.after) {
                query = query.bind(time(after.at)).bind(after.id);
            }
            let found = query.fetch_all(conn).await.map_err(map_error)?;
            found.iter().map(rows::join_code).collect()
        }
    };
}
