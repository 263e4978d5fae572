//! Translating rows and driver errors into domain types at the boundary.

use orgs_core::{
    ApiTokenSecretHash, Email, Invitation, InvitationId, InvitationState, JoinCode, JoinCodeId, MaxUses, Member, OrgId,
    OrgName, Organization, Role, StoredApiToken, Timestamp, TokenId, TokenOwner, User, UserId,
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

/// PostgreSQL keeps `timestamptz`, which round-trips a `Timestamp` exactly.
pub(crate) fn time(at: Timestamp) -> Timestamp {
    at
}

pub(crate) fn invitation(row: &PgRow) -> Result<Invitation, StoreError> {
    let accepted_at: Option<Timestamp> = get(row, "accepted_at")?;
    let revoked_at: Option<Timestamp> = get(row, "revoked_at")?;
    let state = match (accepted_at, revoked_at) {
        (Some(at), None) => {
            // A deleted accepting user leaves the invitation accepted by nobody we know.
            let by = get::<Option<Uuid>>(row, "accepted_by")?.unwrap_or(Uuid::nil());
            InvitationState::Accepted {
                by: UserId::from_uuid(by),
                at,
            }
        }
        (None, Some(at)) => InvitationState::Revoked { at },
        (None, None) => InvitationState::Open,
        (Some(_), Some(_)) => return Err(corrupt("invitation both accepted and revoked")),
    };
    Ok(Invitation {
        id: InvitationId::from_uuid(get(row, "id")?),
        organization_id: OrgId::from_uuid(get(row, "organization_id")?),
        email: Email::parse(get(row, "email")?).map_err(|_| corrupt("email"))?,
        role: role(get(row, "role")?)?,
        invited_by: get::<Option<Uuid>>(row, "invited_by")?.map(UserId::from_uuid),
        created_at: get(row, "created_at")?,
        expires_at: get(row, "expires_at")?,
        state,
    })
}

pub(crate) fn join_code(row: &PgRow) -> Result<JoinCode, StoreError> {
    let max_uses = get::<Option<i32>>(row, "max_uses")?
        .map(|max| MaxUses::parse(i64::from(max)).map_err(|_| corrupt("max_uses")))
        .transpose()?;
    Ok(JoinCode {
        id: JoinCodeId::from_uuid(get(row, "id")?),
        organization_id: OrgId::from_uuid(get(row, "organization_id")?),
        role: role(get(row, "role")?)?,
        max_uses,
        uses: u32::try_from(get::<i32>(row, "uses")?).map_err(|_| corrupt("uses"))?,
        created_by: get::<Option<Uuid>>(row, "created_by")?.map(UserId::from_uuid),
        created_at: get(row, "created_at")?,
        revoked: get(row, "revoked")?,
    })
}
