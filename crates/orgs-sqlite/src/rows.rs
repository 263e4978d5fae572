//! Translating rows and driver errors into domain types at the boundary.

use orgs_core::{
    ApiTokenSecretHash, Email, Invitation, InvitationId, InvitationState, JoinCode, JoinCodeId, MaxUses, Member, OrgId,
    OrgName, Organization, Role, StoredApiToken, Timestamp, TokenId, TokenOwner, User, UserId,
};
use orgs_ports::StoreError;
use sqlx::Row;
use sqlx::sqlite::SqliteRow;
use uuid::Uuid;

/// Connection-level failures are worth retrying; everything else is a bug or corruption.
pub fn map_error(err: sqlx::Error) -> StoreError {
    match err {
        sqlx::Error::Io(_) | sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed => StoreError::Unavailable(err.into()),
        // SQLITE_BUSY and its extended codes: another writer held the lock past the
        // busy timeout. Retrying later will work.
        sqlx::Error::Database(db)
            if db
                .code()
                .is_some_and(|code| code == "5" || code.parse::<u32>().is_ok_and(|c| c & 0xff == 5)) =>
        {
            StoreError::Unavailable(sqlx::Error::Database(db).into())
        }
        other => StoreError::Other(other.into()),
    }
}

fn corrupt(what: &'static str) -> StoreError {
    StoreError::Other(format!("corrupt row: {what}").into())
}

fn get<'r, T: sqlx::Decode<'r, sqlx::Sqlite> + sqlx::Type<sqlx::Sqlite>>(
    row: &'r SqliteRow,
    column: &str,
) -> Result<T, StoreError> {
    row.try_get(column).map_err(map_error)
}

pub(crate) fn role(text: &str) -> Result<Role, StoreError> {
    Role::parse(text).map_err(|_| corrupt("role"))
}

/// Times are stored as integer milliseconds since the Unix epoch.
pub(crate) fn time_column(row: &SqliteRow, column: &str) -> Result<Timestamp, StoreError> {
    let millis: i64 = get(row, column)?;
    chrono::DateTime::from_timestamp_millis(millis).ok_or_else(|| corrupt("timestamp"))
}

pub(crate) fn organization(row: &SqliteRow) -> Result<Organization, StoreError> {
    Ok(Organization {
        id: OrgId::from_uuid(get(row, "id")?),
        name: OrgName::parse(get(row, "name")?).map_err(|_| corrupt("organization name"))?,
        created_at: time_column(row, "created_at")?,
        updated_at: time_column(row, "updated_at")?,
    })
}

pub(crate) fn user(row: &SqliteRow) -> Result<User, StoreError> {
    Ok(User {
        id: UserId::from_uuid(get(row, "id")?),
        email: Email::parse(get(row, "email")?).map_err(|_| corrupt("email"))?,
        created_at: time_column(row, "created_at")?,
    })
}

pub(crate) fn member(row: &SqliteRow) -> Result<Member, StoreError> {
    Ok(Member {
        user_id: UserId::from_uuid(get(row, "user_id")?),
        email: Email::parse(get(row, "email")?).map_err(|_| corrupt("email"))?,
        role: role(get(row, "role")?)?,
        joined_at: time_column(row, "joined_at")?,
    })
}

pub(crate) fn api_token(row: &SqliteRow) -> Result<StoredApiToken, StoreError> {
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
        revoked: get::<i64>(row, "revoked")? != 0,
    })
}

/// SQLite keeps integer milliseconds since the Unix epoch.
pub(crate) fn time(at: Timestamp) -> i64 {
    at.timestamp_millis()
}

fn optional_time(row: &SqliteRow, column: &str) -> Result<Option<Timestamp>, StoreError> {
    get::<Option<i64>>(row, column)?
        .map(|millis| chrono::DateTime::from_timestamp_millis(millis).ok_or_else(|| corrupt("timestamp")))
        .transpose()
}

pub(crate) fn invitation(row: &SqliteRow) -> Result<Invitation, StoreError> {
    let accepted_at = optional_time(row, "accepted_at")?;
    let revoked_at = optional_time(row, "revoked_at")?;
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
        created_at: time_column(row, "created_at")?,
        expires_at: time_column(row, "expires_at")?,
        state,
    })
}

pub(crate) fn join_code(row: &SqliteRow) -> Result<JoinCode, StoreError> {
    let max_uses = get::<Option<i64>>(row, "max_uses")?
        .map(|max| MaxUses::parse(max).map_err(|_| corrupt("max_uses")))
        .transpose()?;
    Ok(JoinCode {
        id: JoinCodeId::from_uuid(get(row, "id")?),
        organization_id: OrgId::from_uuid(get(row, "organization_id")?),
        role: role(get(row, "role")?)?,
        max_uses,
        uses: u32::try_from(get::<i64>(row, "uses")?).map_err(|_| corrupt("uses"))?,
        created_by: get::<Option<Uuid>>(row, "created_by")?.map(UserId::from_uuid),
        created_at: time_column(row, "created_at")?,
        revoked: get::<i64>(row, "revoked")? != 0,
    })
}
