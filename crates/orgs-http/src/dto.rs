//! Wire shapes: camelCase JSON as the product page spells it, with their OpenAPI schemas.
//! Only this crate knows them; handlers convert to and from domain types.

use orgs_app::MintedToken;
use orgs_core::{Member, Membership, Organization, Permission, Role, RoleDefinition, TokenEnv};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use utoipa::openapi::{ObjectBuilder, RefOr, Schema, Type};
use utoipa::{PartialSchema, ToSchema};

/// Times on the wire: RFC 3339, UTC, milliseconds; one definition for the API, the
/// audit log and the webhooks.
pub use orgs_events::time;

/// `orgs-core`'s role name, exactly.
const ROLE_PATTERN: &str = "^[a-z][a-z0-9_-]{0,31}$";
/// `orgs-core`'s permission name, exactly.
const PERMISSION_PATTERN: &str = "^[a-z0-9_]+:[a-z0-9_]+$";

fn name_schema(description: &str, pattern: &str, max_length: usize, example: &str) -> RefOr<Schema> {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .description(Some(description))
        .pattern(Some(pattern))
        .max_length(Some(max_length))
        .examples([serde_json::json!(example)])
        .into()
}

/// A role in an answer.
#[derive(Debug, Clone, Copy)]
pub struct RoleDto(pub Role);

impl Serialize for RoleDto {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.0.as_str())
    }
}

impl From<Role> for RoleDto {
    fn from(role: Role) -> Self {
        Self(role)
    }
}

impl PartialSchema for RoleDto {
    fn schema() -> RefOr<Schema> {
        name_schema(
            "A role: `owner`, `admin` and `member` are built in, and the deployment may declare more; \
             `organizations.roles` lists every role with its rank and permissions.",
            ROLE_PATTERN,
            orgs_core::role::ROLE_NAME_MAX,
            "admin",
        )
    }
}

impl ToSchema for RoleDto {
    fn name() -> Cow<'static, str> {
        Cow::Borrowed("OrgRole")
    }
}

/// A role a request names, as written: whether the deployment declares it is the
/// handler's question, so the error can list the roles that are. The spec gives it
/// `RoleDto`'s schema (`value_type`), as both are one `OrgRole`.
#[derive(Debug, Clone, Deserialize)]
#[serde(transparent)]
pub struct RoleInput(pub String);

impl RoleInput {
    /// The declared role, or `400 invalid_request` naming the field.
    pub(crate) fn declared(&self, roles: &orgs_core::Roles) -> Result<Role, crate::ApiError> {
        crate::extract::field("role", roles.declared(&self.0))
    }
}

/// A permission in an answer.
#[derive(Debug, Clone, Copy)]
pub struct PermissionDto(pub Permission);

impl Serialize for PermissionDto {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.0.as_str())
    }
}

impl PartialSchema for PermissionDto {
    fn schema() -> RefOr<Schema> {
        name_schema(
            "`resource:action`. orgs itself checks `org:view`, `org:manage`, `members:view` and \
             `members:manage`; a deployment's roles may carry others, which are for the app to read.",
            PERMISSION_PATTERN,
            orgs_core::role::PERMISSION_NAME_MAX,
            "members:manage",
        )
    }
}

impl ToSchema for PermissionDto {
    fn name() -> Cow<'static, str> {
        Cow::Borrowed("OrgPermission")
    }
}

#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
#[schema(as = TokenEnv)]
pub enum TokenEnvDto {
    #[default]
    Live,
    Test,
}

impl From<TokenEnv> for TokenEnvDto {
    fn from(env: TokenEnv) -> Self {
        match env {
            TokenEnv::Live => TokenEnvDto::Live,
            TokenEnv::Test => TokenEnvDto::Test,
        }
    }
}

impl From<TokenEnvDto> for TokenEnv {
    fn from(env: TokenEnvDto) -> Self {
        match env {
            TokenEnvDto::Live => TokenEnv::Live,
            TokenEnvDto::Test => TokenEnv::Test,
        }
    }
}

// ---- requests ----

/// No input: send `{}` or nothing at all.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EmptyRequest {}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct CreateOrganizationRequest {
    /// Trimmed; 1 to 100 characters, no control characters.
    #[schema(example = "Acme", min_length = 1)]
    pub name: String,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct OrganizationIdRequest {
    pub organization_id: String,
}

/// A list of one organization's rows: all of them, or a page when `limit` or `cursor`
/// is given.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct OrganizationListRequest {
    pub organization_id: String,
    /// Rows per page, 1 to 1000 (100 when only `cursor` is given). Absent with `cursor`
    /// absent: the whole list.
    #[serde(default)]
    #[schema(minimum = 1, maximum = 1000)]
    pub limit: Option<i64>,
    /// The `nextCursor` of the previous page.
    #[serde(default)]
    #[schema(pattern = "^[0-9a-f]{1,15}\\.[0-9a-f]{32}$")]
    pub cursor: Option<String>,
}

/// The caller's memberships: all of them, or a page when `limit` or `cursor` is given.
/// An empty object, or no body at all, is the whole list.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct ListOrganizationsRequest {
    /// Rows per page, 1 to 1000 (100 when only `cursor` is given).
    #[serde(default)]
    #[schema(minimum = 1, maximum = 1000)]
    pub limit: Option<i64>,
    /// The `nextCursor` of the previous page.
    #[serde(default)]
    #[schema(pattern = "^[0-9a-f]{1,15}\\.[0-9a-f]{32}$")]
    pub cursor: Option<String>,
}

/// Reads `limit` and `cursor` into a page, or `None` for the whole list.
pub(crate) fn page(limit: Option<i64>, cursor: Option<&str>) -> Result<Option<orgs_core::Page>, crate::ApiError> {
    orgs_core::Page::parse(limit, cursor)
        .map_err(|err| crate::ApiError::InvalidRequest(format!("Invalid field {err}.")))
}

/// The cursor of the next page, or null on the last page and for whole lists.
pub(crate) fn cursor(next: Option<orgs_core::PageKey>) -> Option<String> {
    next.map(|key| key.encode())
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct UpdateOrganizationRequest {
    pub organization_id: String,
    /// Trimmed; 1 to 100 characters, no control characters.
    #[schema(min_length = 1)]
    pub name: String,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct RemoveMemberRequest {
    pub organization_id: String,
    pub user_id: String,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct SetRoleRequest {
    pub organization_id: String,
    pub user_id: String,
    #[schema(value_type = RoleDto)]
    pub role: RoleInput,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct CreateTokenRequest {
    pub organization_id: String,
    /// A label for people; trimmed, 1 to 100 characters.
    #[serde(default)]
    #[schema(min_length = 1)]
    pub name: Option<String>,
    /// `live` (the default) or `test`; shown in the key.
    #[serde(default)]
    pub env: Option<TokenEnvDto>,
}

// ---- responses ----

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(as = Organization)]
pub struct OrganizationDto {
    pub id: String,
    pub name: String,
    #[schema(format = DateTime)]
    pub created_at: String,
    #[schema(format = DateTime)]
    pub updated_at: String,
}

impl From<Organization> for OrganizationDto {
    fn from(organization: Organization) -> Self {
        Self {
            id: organization.id.to_string(),
            name: organization.name.as_str().to_owned(),
            created_at: time(organization.created_at),
            updated_at: time(organization.updated_at),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OrganizationResponse {
    pub organization: OrganizationDto,
}

#[derive(Debug, Serialize, ToSchema)]
#[schema(as = OrgMembership)]
pub struct MembershipDto {
    pub organization: OrganizationDto,
    pub role: RoleDto,
}

impl From<Membership> for MembershipDto {
    fn from(membership: Membership) -> Self {
        Self {
            organization: membership.organization.into(),
            role: membership.role.into(),
        }
    }
}

/// The caller's memberships, oldest first (ties by organization id).
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ListOrganizationsResponse {
    pub organizations: Vec<MembershipDto>,
    /// Pass as `cursor` for the next page; null when there is none.
    #[schema(required = true)]
    pub next_cursor: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
#[schema(as = OrgRoleMatrixEntry)]
pub struct RoleMatrixEntryDto {
    pub role: RoleDto,
    /// The owner holds every permission, so it lists every one any role carries.
    pub permissions: Vec<PermissionDto>,
    /// Owner 300, admin 200, member 100; a declared role 1 to 299. Ties are allowed.
    #[schema(minimum = 1, maximum = 300)]
    pub rank: u16,
    /// The operator's words for a declared role; null for the built-ins.
    #[schema(required = true)]
    pub description: Option<String>,
}

impl From<&RoleDefinition> for RoleMatrixEntryDto {
    fn from(entry: &RoleDefinition) -> Self {
        Self {
            role: RoleDto(entry.role),
            permissions: entry.permissions.iter().map(|&p| PermissionDto(p)).collect(),
            rank: entry.rank,
            description: entry.description.clone(),
        }
    }
}

/// Every role of the deployment with its permissions, highest rank first (ties by name).
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = OrgRoleMatrix)]
pub struct RoleMatrixDto {
    pub roles: Vec<RoleMatrixEntryDto>,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(as = OrgMember)]
pub struct MemberDto {
    pub user_id: String,
    pub email: String,
    pub role: RoleDto,
    #[schema(format = DateTime)]
    pub joined_at: String,
}

impl From<Member> for MemberDto {
    fn from(member: Member) -> Self {
        Self {
            user_id: member.user_id.to_string(),
            email: member.email.as_str().to_owned(),
            role: member.role.into(),
            joined_at: time(member.joined_at),
        }
    }
}

/// The organization's members, longest-standing first (ties by user id).
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ListMembersResponse {
    pub members: Vec<MemberDto>,
    /// Pass as `cursor` for the next page; null when there is none.
    #[schema(required = true)]
    pub next_cursor: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OkResponse {
    #[schema(schema_with = always_true)]
    pub ok: bool,
}

/// The product page types this answer as `{ ok: true }`, so the spec says `true` exactly
/// rather than any boolean; generated clients then get the literal type.
fn always_true() -> utoipa::openapi::Object {
    utoipa::openapi::ObjectBuilder::new()
        .schema_type(utoipa::openapi::Type::Boolean)
        .enum_values(Some([true]))
        .description(Some("Always `true`."))
        .build()
}

impl OkResponse {
    pub const OK: OkResponse = OkResponse { ok: true };
}

/// Shown once: the secret is stored only as an argon2id hash.
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(as = ApiToken)]
pub struct ApiTokenDto {
    pub key: String,
    pub secret: String,
    pub last_four: String,
    /// `<key>:<secret>`, ready for `Authorization: Bearer`.
    pub bearer: String,
}

impl From<MintedToken> for ApiTokenDto {
    fn from(token: MintedToken) -> Self {
        Self {
            bearer: token.bearer(),
            key: token.key,
            secret: token.secret,
            last_four: token.last_four,
        }
    }
}

#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CreateTokenResponse {
    pub api_token: ApiTokenDto,
}
