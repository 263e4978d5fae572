//! The organization, membership, user and API-token statements.

/// Expands, inside an adapter crate, to the statements behind the `Tx` port's first
/// half as functions taking `&mut $conn`. `$for_update` is the clause that locks a row
/// for the rest of the transaction (`" FOR UPDATE"`, or `""` where write transactions
/// lock the whole database already). The crate must provide `crate::rows`, and
/// `crate::whole_lists` with `members` and `memberships`: how it reads a list without
/// pages (PostgreSQL row by row, SQLite in chunks built as JSON).
#[macro_export]
#[allow(clippy::crate_in_macro_def)]
macro_rules! organization_statements {
    ($conn:ty, $for_update:literal) => {
        use crate::rows::{self, map_error, time};
        use orgs_core::{
            ApiTokenInfo, Email, ExternalIdentity, Member, Membership, NewApiToken, OrgId, OrgName, Organization, Page, Role, StoredApiToken, Timestamp,
            TokenId, TokenOwner, User, UserId,
        };
        use orgs_ports::{RowLock, StoreError};
        type Conn = $conn;

        pub(crate) async fn find_organization(conn: &mut Conn, id: OrgId, lock: RowLock) -> Result<Option<Organization>, StoreError> {
            let sql = match lock {
                RowLock::None => "SELECT id, name, created_at, updated_at FROM organizations WHERE id = $1",
                RowLock::ForUpdate => concat!("SELECT id, name, created_at, updated_at FROM organizations WHERE id = $1", $for_update),
            };
            let row = sqlx::query(sql)
                .bind(id.as_uuid())
                .fetch_optional(&mut *conn)
                .await
                .map_err(map_error)?;
            row.map(|row| rows::organization(&row)).transpose()
        }

        pub(crate) async fn insert_organization(conn: &mut Conn, organization: &Organization) -> Result<(), StoreError> {
            sqlx::query("INSERT INTO organizations (id, name, created_at, updated_at) VALUES ($1, $2, $3, $4)")
                .bind(organization.id.as_uuid())
                .bind(organization.name.as_str())
                .bind(time(organization.created_at))
                .bind(time(organization.updated_at))
                .execute(&mut *conn)
                .await
                .map_err(map_error)?;
            Ok(())
        }

        pub(crate) async fn rename_organization(conn: &mut Conn, id: OrgId, name: &OrgName, at: Timestamp) -> Result<(), StoreError> {
            sqlx::query("UPDATE organizations SET name = $2, updated_at = $3 WHERE id = $1")
                .bind(id.as_uuid())
                .bind(name.as_str())
                .bind(time(at))
                .execute(&mut *conn)
                .await
                .map_err(map_error)?;
            Ok(())
        }

        pub(crate) async fn delete_organization(conn: &mut Conn, id: OrgId) -> Result<(), StoreError> {
            // Memberships, invitations, join codes and tokens go with it (ON DELETE CASCADE),
            // in this statement and so in this transaction.
            sqlx::query("DELETE FROM organizations WHERE id = $1")
                .bind(id.as_uuid())
                .execute(&mut *conn)
                .await
                .map_err(map_error)?;
            Ok(())
        }

        pub(crate) async fn find_member(conn: &mut Conn, organization: OrgId, user: UserId) -> Result<Option<Member>, StoreError> {
            let row = sqlx::query(
                "SELECT m.user_id, u.email, m.role, m.joined_at
                 FROM memberships m JOIN users u ON u.id = m.user_id
                 WHERE m.organization_id = $1 AND m.user_id = $2",
            )
            .bind(organization.as_uuid())
            .bind(user.as_uuid())
            .fetch_optional(&mut *conn)
            .await
            .map_err(map_error)?;
            row.map(|row| rows::member(&row)).transpose()
        }

        pub(crate) async fn find_organization_with_role(
            conn: &mut Conn,
            id: OrgId,
            user: UserId,
        ) -> Result<Option<(Organization, Option<Role>)>, StoreError> {
            let row = sqlx::query(
                "SELECT o.id, o.name, o.created_at, o.updated_at, m.role
                 FROM organizations o LEFT JOIN memberships m ON m.organization_id = o.id AND m.user_id = $2
                 WHERE o.id = $1",
            )
            .bind(id.as_uuid())
            .bind(user.as_uuid())
            .fetch_optional(&mut *conn)
            .await
            .map_err(map_error)?;
            let Some(row) = row else { return Ok(None) };
            let role: Option<String> = sqlx::Row::try_get(&row, "role").map_err(map_error)?;
            Ok(Some((rows::organization(&row)?, role.map(|role| rows::role(&role)).transpose()?)))
        }

        pub(crate) async fn find_role(conn: &mut Conn, organization: OrgId, user: UserId) -> Result<Option<Role>, StoreError> {
            let role: Option<String> =
                sqlx::query_scalar("SELECT role FROM memberships WHERE organization_id = $1 AND user_id = $2")
                    .bind(organization.as_uuid())
                    .bind(user.as_uuid())
                    .fetch_optional(&mut *conn)
                    .await
                    .map_err(map_error)?;
            role.map(|role| rows::role(&role)).transpose()
        }

        pub(crate) async fn insert_membership(
            conn: &mut Conn,
            organization: OrgId,
            user: UserId,
            role: Role,
            at: Timestamp,
        ) -> Result<(), StoreError> {
            sqlx::query("INSERT INTO memberships (organization_id, user_id, role, joined_at) VALUES ($1, $2, $3, $4)")
                .bind(organization.as_uuid())
                .bind(user.as_uuid())
                .bind(role.as_str())
                .bind(time(at))
                .execute(&mut *conn)
                .await
                .map_err(map_error)?;
            Ok(())
        }

        pub(crate) async fn update_role(conn: &mut Conn, organization: OrgId, user: UserId, role: Role) -> Result<(), StoreError> {
            sqlx::query("UPDATE memberships SET role = $3 WHERE organization_id = $1 AND user_id = $2")
                .bind(organization.as_uuid())
                .bind(user.as_uuid())
                .bind(role.as_str())
                .execute(&mut *conn)
                .await
                .map_err(map_error)?;
            Ok(())
        }

        pub(crate) async fn delete_membership(conn: &mut Conn, organization: OrgId, user: UserId) -> Result<bool, StoreError> {
            let done = sqlx::query("DELETE FROM memberships WHERE organization_id = $1 AND user_id = $2")
                .bind(organization.as_uuid())
                .bind(user.as_uuid())
                .execute(&mut *conn)
                .await
                .map_err(map_error)?;
            Ok(done.rows_affected() > 0)
        }

        pub(crate) async fn count_owners(conn: &mut Conn, organization: OrgId) -> Result<u64, StoreError> {
            let count: i64 =
                sqlx::query_scalar("SELECT count(*) FROM memberships WHERE organization_id = $1 AND role = 'owner'")
                    .bind(organization.as_uuid())
                    .fetch_one(&mut *conn)
                    .await
                    .map_err(map_error)?;
            Ok(count.unsigned_abs())
        }

        pub(crate) async fn list_memberships(
            conn: &mut Conn,
            user: UserId,
            page: Option<Page>,
        ) -> Result<Vec<Membership>, StoreError> {
            if page.is_none() {
                return crate::whole_lists::memberships(conn, user).await;
            }
            memberships_row_by_row(conn, user, page).await
        }

        /// Each row decoded as the driver hands it over, so the driver's rows of a whole
        /// list are never all held at once beside what they decode to: every page, and
        /// the whole list where the driver's rows are cheap.
        pub(crate) async fn memberships_row_by_row(
            conn: &mut Conn,
            user: UserId,
            page: Option<Page>,
        ) -> Result<Vec<Membership>, StoreError> {
            let sql = membership_list_sql(
                "user_id",
                "organization_id",
                "o.id, o.name, o.created_at, o.updated_at, m.role, m.joined_at",
                "JOIN organizations o ON o.id = m.organization_id",
                page,
            );
            let mut query = sqlx::query(&sql).bind(user.as_uuid());
            if let Some(after) = page.and_then(|page| page.after) {
                query = query.bind(time(after.at)).bind(after.id);
            }
            decode_each(query.fetch(&mut *conn), |row| {
                let role: String = sqlx::Row::try_get(row, "role").map_err(map_error)?;
                Ok(Membership {
                    organization: rows::organization(row)?,
                    role: rows::role(&role)?,
                    joined_at: rows::joined_at(row)?,
                })
            })
            .await
        }

        pub(crate) async fn list_members(
            conn: &mut Conn,
            organization: OrgId,
            page: Option<Page>,
        ) -> Result<Vec<Member>, StoreError> {
            if page.is_none() {
                return crate::whole_lists::members(conn, organization).await;
            }
            members_row_by_row(conn, organization, page).await
        }

        /// As `memberships_row_by_row`, for an organization's members.
        pub(crate) async fn members_row_by_row(
            conn: &mut Conn,
            organization: OrgId,
            page: Option<Page>,
        ) -> Result<Vec<Member>, StoreError> {
            let sql = membership_list_sql(
                "organization_id",
                "user_id",
                "m.user_id, u.email, m.role, m.joined_at",
                "JOIN users u ON u.id = m.user_id",
                page,
            );
            let mut query = sqlx::query(&sql).bind(organization.as_uuid());
            if let Some(after) = page.and_then(|page| page.after) {
                query = query.bind(time(after.at)).bind(after.id);
            }
            decode_each(query.fetch(&mut *conn), rows::member).await
        }

        pub(crate) async fn decode_each<Row, T>(
            mut rows: futures_util::stream::BoxStream<'_, Result<Row, sqlx::Error>>,
            decode: impl Fn(&Row) -> Result<T, StoreError>,
        ) -> Result<Vec<T>, StoreError> {
            use futures_util::TryStreamExt;
            let mut decoded = Vec::new();
            while let Some(row) = rows.try_next().await.map_err(map_error)? {
                decoded.push(decode(&row)?);
            }
            Ok(decoded)
        }

        /// A list of memberships (`filter` = $1) joined to one other table, ordered by join
        /// time then `id`. A page takes its rows from memberships alone first (an index
        /// range scan that stops at the limit) and joins only those: written as one join,
        /// PostgreSQL without fresh statistics joined every row after the cursor and then
        /// sorted them, a cost that grew with the organization.
        pub(crate) fn membership_list_sql(filter: &str, id: &str, select: &str, join: &str, page: Option<Page>) -> String {
            let order = format!("ORDER BY m.joined_at, m.{id}");
            if page.is_none() {
                return format!("SELECT {select} FROM memberships m {join} WHERE m.{filter} = $1 {order}");
            }
            let keys = format!("SELECT organization_id, user_id, role, joined_at FROM memberships WHERE {filter} = $1");
            let keys = paged_sql(&keys, "joined_at", id, 2, page);
            format!("SELECT {select} FROM ({keys}) m {join} {order}")
        }

        /// Which way a list runs through its (time, id) keys.
        #[derive(Clone, Copy)]
        pub(crate) enum Order {
            OldestFirst,
            NewestFirst,
        }

        /// Appends the keyset condition (its two parameters numbered from `next`), the
        /// order, and one row more than the page holds, which tells whether another
        /// page follows. The limit is a number checked to be at most 1000, so it is
        /// safe to write into the statement.
        pub(crate) fn paged_sql(base: &str, time: &str, id: &str, next: usize, page: Option<Page>) -> String {
            paged_sql_in(base, time, id, next, page, Order::OldestFirst)
        }

        /// `paged_sql`, in either order.
        pub(crate) fn paged_sql_in(base: &str, time: &str, id: &str, next: usize, page: Option<Page>, order: Order) -> String {
            let (after, direction) = match order {
                Order::OldestFirst => (">", ""),
                Order::NewestFirst => ("<", " DESC"),
            };
            let mut sql = base.to_owned();
            if page.is_some_and(|page| page.after.is_some()) {
                sql.push_str(&format!(" AND ({time}, {id}) {after} (${next}, ${})", next + 1));
            }
            sql.push_str(&format!(" ORDER BY {time}{direction}, {id}{direction}"));
            if let Some(page) = page {
                sql.push_str(&format!(" LIMIT {}", u64::from(page.limit) + 1));
            }
            sql
        }

        pub(crate) async fn insert_api_token(conn: &mut Conn, token: &NewApiToken) -> Result<(), StoreError> {
            let (user, organization) = match token.owner {
                TokenOwner::User(user) => (Some(user.as_uuid()), None),
                TokenOwner::Organization(organization) => (None, Some(organization.as_uuid())),
            };
            sqlx::query(
                "INSERT INTO api_tokens
                   (id, key, secret_hash, user_id, organization_id, name, env, last_four, created_by, created_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
            )
            .bind(token.id.as_uuid())
            .bind(&token.key)
            .bind(&token.secret_hash.0)
            .bind(user)
            .bind(organization)
            .bind(token.name.as_ref().map(|name| name.as_str()))
            .bind(token.env.as_str())
            .bind(&token.last_four)
            .bind(token.created_by.map(|user| user.as_uuid()))
            .bind(time(token.created_at))
            .execute(&mut *conn)
            .await
            .map_err(map_error)?;
            Ok(())
        }

        pub(crate) async fn find_or_insert_user(conn: &mut Conn, candidate: &User) -> Result<User, StoreError> {
            // On PostgreSQL, ON CONFLICT waits for a concurrent insert of the same email to
            // settle, and the SELECT after it (a new snapshot under read committed) sees its
            // row; on SQLite the write transaction holds the only write lock throughout.
            sqlx::query("INSERT INTO users (id, email, created_at) VALUES ($1, $2, $3) ON CONFLICT (email) DO NOTHING")
                .bind(candidate.id.as_uuid())
                .bind(candidate.email.as_str())
                .bind(time(candidate.created_at))
                .execute(&mut *conn)
                .await
                .map_err(map_error)?;
            find_user_by_email(conn, &candidate.email)
                .await?
                .ok_or_else(|| StoreError::Other("user vanished after insert".into()))
        }

        pub(crate) async fn find_user_by_email(conn: &mut Conn, email: &Email) -> Result<Option<User>, StoreError> {
            let row = sqlx::query("SELECT id, email, created_at FROM users WHERE email = $1")
                .bind(email.as_str())
                .fetch_optional(&mut *conn)
                .await
                .map_err(map_error)?;
            row.map(|row| rows::user(&row)).transpose()
        }

        pub(crate) async fn link_identity(conn: &mut Conn, identity: &ExternalIdentity, user: UserId) -> Result<UserId, StoreError> {
            sqlx::query(
                "INSERT INTO user_identities (issuer, subject, user_id, created_at) VALUES ($1, $2, $3, $4)
                 ON CONFLICT (issuer, subject) DO NOTHING",
            )
            .bind(&identity.issuer)
            .bind(&identity.subject)
            .bind(user.as_uuid())
            .bind(time(chrono::Utc::now()))
            .execute(&mut *conn)
            .await
            .map_err(map_error)?;
            find_user_by_identity(conn, &identity.issuer, &identity.subject)
                .await?
                .ok_or_else(|| StoreError::Other("identity vanished after insert".into()))
        }

        pub(crate) async fn find_user_by_identity(
            conn: &mut Conn,
            issuer: &str,
            subject: &str,
        ) -> Result<Option<UserId>, StoreError> {
            let id: Option<uuid::Uuid> =
                sqlx::query_scalar("SELECT user_id FROM user_identities WHERE issuer = $1 AND subject = $2")
                    .bind(issuer)
                    .bind(subject)
                    .fetch_optional(&mut *conn)
                    .await
                    .map_err(map_error)?;
            Ok(id.map(UserId::from_uuid))
        }

        pub(crate) async fn find_api_token(conn: &mut Conn, key: &str) -> Result<Option<StoredApiToken>, StoreError> {
            let row = sqlx::query(
                "SELECT t.id, t.key, t.secret_hash, t.user_id, t.organization_id, t.revoked_at IS NOT NULL AS revoked,
                        t.last_used_at, u.email AS owner_email
                 FROM api_tokens t LEFT JOIN users u ON u.id = t.user_id WHERE t.key = $1",
            )
            .bind(key)
            .fetch_optional(&mut *conn)
            .await
            .map_err(map_error)?;
            row.map(|row| rows::api_token(&row)).transpose()
        }

        pub(crate) async fn list_users(conn: &mut Conn) -> Result<Vec<User>, StoreError> {
            let found = sqlx::query("SELECT id, email, created_at FROM users ORDER BY created_at, id")
                .fetch_all(&mut *conn)
                .await
                .map_err(map_error)?;
            found.iter().map(rows::user).collect()
        }

        pub(crate) async fn list_api_tokens(conn: &mut Conn, owner: TokenOwner) -> Result<Vec<ApiTokenInfo>, StoreError> {
            let (column, id) = match owner {
                TokenOwner::User(user) => ("user_id", user.as_uuid()),
                TokenOwner::Organization(organization) => ("organization_id", organization.as_uuid()),
            };
            let sql = format!(
                "SELECT {TOKEN_INFO_COLUMNS} FROM api_tokens WHERE {column} = $1 ORDER BY created_at, id"
            );
            let found = sqlx::query(&sql).bind(id).fetch_all(&mut *conn).await.map_err(map_error)?;
            found.iter().map(rows::api_token_info).collect()
        }

        const TOKEN_INFO_COLUMNS: &str =
            "id, key, name, env, last_four, created_at, created_by, last_used_at, revoked_at IS NOT NULL AS revoked";

        pub(crate) async fn list_live_organization_tokens(
            conn: &mut Conn,
            organization: OrgId,
            page: Page,
        ) -> Result<Vec<ApiTokenInfo>, StoreError> {
            // Newest first, so the keyset runs downwards: the index is declared in this order.
            let base = format!("SELECT {TOKEN_INFO_COLUMNS} FROM api_tokens WHERE organization_id = $1 AND revoked_at IS NULL");
            let sql = paged_sql_in(&base, "created_at", "id", 2, Some(page), Order::NewestFirst);
            let mut query = sqlx::query(&sql).bind(organization.as_uuid());
            if let Some(after) = page.after {
                query = query.bind(time(after.at)).bind(after.id);
            }
            let found = query.fetch_all(&mut *conn).await.map_err(map_error)?;
            found.iter().map(rows::api_token_info).collect()
        }

        pub(crate) async fn find_organization_token(
            conn: &mut Conn,
            organization: OrgId,
            key: &str,
        ) -> Result<Option<ApiTokenInfo>, StoreError> {
            let sql = format!("SELECT {TOKEN_INFO_COLUMNS} FROM api_tokens WHERE organization_id = $1 AND key = $2");
            let row = sqlx::query(&sql)
                .bind(organization.as_uuid())
                .bind(key)
                .fetch_optional(&mut *conn)
                .await
                .map_err(map_error)?;
            row.map(|row| rows::api_token_info(&row)).transpose()
        }

        pub(crate) async fn revoke_organization_token(
            conn: &mut Conn,
            organization: OrgId,
            key: &str,
            at: Timestamp,
        ) -> Result<bool, StoreError> {
            let done = sqlx::query(
                "UPDATE api_tokens SET revoked_at = COALESCE(revoked_at, $3) WHERE organization_id = $1 AND key = $2",
            )
            .bind(organization.as_uuid())
            .bind(key)
            .bind(time(at))
            .execute(&mut *conn)
            .await
            .map_err(map_error)?;
            Ok(done.rows_affected() > 0)
        }

        pub(crate) async fn record_token_use(
            conn: &mut Conn,
            id: TokenId,
            at: Timestamp,
            unless_since: Timestamp,
        ) -> Result<(), StoreError> {
            sqlx::query(
                "UPDATE api_tokens SET last_used_at = $2 WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < $3)",
            )
            .bind(id.as_uuid())
            .bind(time(at))
            .bind(time(unless_since))
            .execute(&mut *conn)
            .await
            .map_err(map_error)?;
            Ok(())
        }

        pub(crate) async fn revoke_api_token(conn: &mut Conn, key: &str, at: Timestamp) -> Result<bool, StoreError> {
            let done = sqlx::query("UPDATE api_tokens SET revoked_at = $2 WHERE key = $1 AND revoked_at IS NULL")
                .bind(key)
                .bind(time(at))
                .execute(&mut *conn)
                .await
                .map_err(map_error)?;
            Ok(done.rows_affected() > 0)
        }
    };
}
