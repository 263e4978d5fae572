//! Decoding rows into domain types, given each database's column readers.

/// Expands, inside an adapter's `rows` module, to the decoders from a `$row` to domain
/// types. The module must provide the column readers that differ between databases:
/// `get`, `time_column`, `optional_time_column`, `int_column`, `optional_int_column`,
/// `bool_column` and `corrupt`.
#[macro_export]
#[allow(clippy::crate_in_macro_def)]
macro_rules! row_decoders {
    ($row:ty) => {
        use orgs_core::{
            ApiTokenInfo, ApiTokenSecretHash, Email, Invitation, InvitationId, InvitationState, JoinCode, JoinCodeId,
            MaxUses, Member, OrgId, OrgName, Organization, Role, StoredApiToken, TokenEnv, TokenId, TokenName,
            TokenOwner, User, UserId,
        };
        use uuid::Uuid;

        pub(crate) fn role(text: &str) -> Result<Role, StoreError> {
            Role::parse(text).map_err(|_| corrupt("role"))
        }

        pub(crate) fn organization(row: &$row) -> Result<Organization, StoreError> {
            Ok(Organization {
                id: OrgId::from_uuid(get(row, "id")?),
                name: OrgName::parse(get(row, "name")?).map_err(|_| corrupt("organization name"))?,
                created_at: time_column(row, "created_at")?,
                updated_at: time_column(row, "updated_at")?,
            })
        }

        pub(crate) fn user(row: &$row) -> Result<User, StoreError> {
            Ok(User {
                id: UserId::from_uuid(get(row, "id")?),
                email: Email::parse(get(row, "email")?).map_err(|_| corrupt("email"))?,
                created_at: time_column(row, "created_at")?,
            })
        }

        pub(crate) fn member(row: &$row) -> Result<Member, StoreError> {
            Ok(Member {
                user_id: UserId::from_uuid(get(row, "user_id")?),
                email: Email::parse(get(row, "email")?).map_err(|_| corrupt("email"))?,
                role: role(get(row, "role")?)?,
                joined_at: time_column(row, "joined_at")?,
            })
        }

        pub(crate) fn api_token(row: &$row) -> Result<StoredApiToken, StoreError> {
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
                owner_email: get::<Option<String>>(row, "owner_email")?
                    .map(|email| Email::parse(&email).map_err(|_| corrupt("email")))
                    .transpose()?,
                revoked: bool_column(row, "revoked")?,
                last_used_at: optional_time_column(row, "last_used_at")?,
            })
        }

        pub(crate) fn invitation(row: &$row) -> Result<Invitation, StoreError> {
            let accepted_at = optional_time_column(row, "accepted_at")?;
            let revoked_at = optional_time_column(row, "revoked_at")?;
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

        pub(crate) fn join_code(row: &$row) -> Result<JoinCode, StoreError> {
            let max_uses = optional_int_column(row, "max_uses")?
                .map(|max| MaxUses::parse(max).map_err(|_| corrupt("max_uses")))
                .transpose()?;
            Ok(JoinCode {
                id: JoinCodeId::from_uuid(get(row, "id")?),
                organization_id: OrgId::from_uuid(get(row, "organization_id")?),
                role: role(get(row, "role")?)?,
                max_uses,
                uses: u32::try_from(int_column(row, "uses")?).map_err(|_| corrupt("uses"))?,
                created_by: get::<Option<Uuid>>(row, "created_by")?.map(UserId::from_uuid),
                created_at: time_column(row, "created_at")?,
                revoked: bool_column(row, "revoked")?,
            })
        }

        pub(crate) fn api_token_info(row: &$row) -> Result<ApiTokenInfo, StoreError> {
            let env = match get::<String>(row, "env")?.as_str() {
                "live" => TokenEnv::Live,
                "test" => TokenEnv::Test,
                _ => return Err(corrupt("token env")),
            };
            let name = get::<Option<String>>(row, "name")?
                .map(|name| TokenName::parse(&name).map_err(|_| corrupt("token name")))
                .transpose()?;
            Ok(ApiTokenInfo {
                id: TokenId::from_uuid(get(row, "id")?),
                key: get(row, "key")?,
                name,
                env,
                last_four: get(row, "last_four")?,
                created_at: time_column(row, "created_at")?,
                created_by: get::<Option<Uuid>>(row, "created_by")?.map(UserId::from_uuid),
                last_used_at: optional_time_column(row, "last_used_at")?,
                revoked: bool_column(row, "revoked")?,
            })
        }

        pub(crate) fn joined_at(row: &$row) -> Result<orgs_core::Timestamp, StoreError> {
            time_column(row, "joined_at")
        }
    };
}
