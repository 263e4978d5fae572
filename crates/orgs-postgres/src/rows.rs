//! Translating rows and driver errors into domain types at the boundary.

use orgs_core::{
    ApiTokenSecretHash, Email, Member, OrgId, OrgName, Organization, Role, StoredApiToken, TokenId, TokenOwner, User,
    UserId,
};
use orgs_ports::StoreError;
use sqlx::Row;
use sqlx::postgres::PgRow;
use uuid::Uuid;

/// Connection-level failures are worth retrying; everything else is a bug or corruption.
pub fn map_error(err: sqlx::Error) -> StoreError {
    match err {
        sqlx::Error::Io(_) | sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed | sqlx::Error::Tls(_) => {
            StoreError::Unavailable(err.into())
        }
        other => StoreError::Other(other.into()),
    }
}

fn corrupt(what: &'static str) -> StoreError {
    StoreError::Other(format!("corrupt row: {what}").into())
}

fn get<'r, T: sqlx::Decode<'r, sqlx::Postgres> + sqlx::Type<sqlx::Postgres>>(
    row: &'r PgRow,
    column: &str,
) -> Result<T, StoreError> {
    row.try_get(column).map_err(map_error)
}

pub(crate) fn role(text: &str) -> Result<Role, StoreError> {
    Role::parse(text).map_err(|_| corrupt("role"))
}

pub(crate) fn organization(row: &PgRow) -> Result<Organization, StoreError> {
    Ok(Organization {
        id: OrgId::from_uuid(get(row, "id")?),
        name: OrgName::parse(get(row, "name")?).map_err(|_| corrupt("organization name"))?,
        created_at: get(row, "created_at")?,
        updated_at: get(row, "updated_at")?,
    })
}

pub(crate) fn user(row: &PgRow) -> Result<User, StoreError> {
    Ok(User {
        id: UserId::from_uuid(get(row, "id")?),
        email: Email::parse(get(row, "email")?).map_err(|_| corrupt("email"))?,
        created_at: get(row, "created_at")?,
    })
}

pub(crate) fn member(row: &PgRow) -> Result<Member, StoreError> {
    Ok(Member {
        user_id: UserId::from_uuid(get(row, "user_id")?),
        email: Email::parse(get(row, "email")?).map_err(|_| corrupt("email"))?,
        role: role(get(row, "role")?)?,
        joined_at: get(row, "joined_at")?,
    })
}

pub(crate) fn api_token(row: &PgRow) -> Result<StoredApiToken, StoreError> {
    let owner = match (
        get::<Option<Uuid>>(row, "user_id")?,
        get::<Option<Uuid>>(row, "organization_id")?,
    ) {
        (Some(user), None) => TokenOwner::User(UserId::from_uuid(user)),
        (None, Some(organization)) => TokenOwner::Organization(OrgId::from_uuid(organization)),
        _ => return Err(corrupt("api token owner")),
    };
    Ok(StoredApiToken {
        id: TokenId::from_uuid(get(row, "id")?),
        key: get(row, "key")?,
        secret_hash: ApiTokenSecretHash(get(row, "secret_hash")?),
        owner,
        revoked: get(row, "revoked")?,
    })
}
