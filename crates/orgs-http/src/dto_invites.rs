//! Wire shapes of invitations and join codes.

use crate::dto::{RoleDto, RoleInput, time};
use orgs_app::{AcceptedInvitation, Joined, NewInvitation, NewJoinCode};
use orgs_core::{Invitation, JoinCode};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct CreateInvitationRequest {
    pub organization_id: String,
    /// Compared case-insensitively; stored trimmed and lower-cased.
    #[schema(example = "bob@example.com")]
    pub email: String,
    /// Defaults to `member`.
    #[serde(default)]
    #[schema(value_type = Option<RoleDto>)]
    pub role: Option<RoleInput>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct RevokeRequest {
    pub organization_id: String,
    pub id: String,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct AcceptInvitationRequest {
    /// The token from `invitations.create`.
    pub token: String,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct CreateJoinCodeRequest {
    pub organization_id: String,
    /// Defaults to `member`.
    #[serde(default)]
    #[schema(value_type = Option<RoleDto>)]
    pub role: Option<RoleInput>,
    /// 1 to 1,000,000; absent or null for unlimited.
    #[serde(default)]
    #[schema(minimum = 1, maximum = 1_000_000)]
    pub max_uses: Option<i64>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct JoinRequest {
    /// As shown (`XXXX-XXXX-XXXX-XXXX`); case, dashes and spaces do not matter.
    pub code: String,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(as = OrgInvitation)]
pub struct InvitationDto {
    pub id: String,
    pub organization_id: String,
    pub email: String,
    pub role: RoleDto,
    /// The inviting user, or null when an organization token invited.
    #[schema(required = true)]
    pub invited_by: Option<String>,
    #[schema(format = DateTime)]
    pub created_at: String,
    #[schema(format = DateTime)]
    pub expires_at: String,
}

impl From<Invitation> for InvitationDto {
    fn from(invitation: Invitation) -> Self {
        Self {
            id: invitation.id.to_string(),
            organization_id: invitation.organization_id.to_string(),
            email: invitation.email.as_str().to_owned(),
            role: invitation.role.into(),
            invited_by: invitation.invited_by.map(|user| user.to_string()),
            created_at: time(invitation.created_at),
            expires_at: time(invitation.expires_at),
        }
    }
}

/// Shown once: the token is stored only as a digest.
#[derive(Serialize, ToSchema)]
#[schema(as = OrgInvitationCreated)]
pub struct CreateInvitationResponse {
    pub invitation: InvitationDto,
    /// The one-time secret for the invite link.
    pub token: String,
}

impl From<NewInvitation> for CreateInvitationResponse {
    fn from(made: NewInvitation) -> Self {
        Self {
            invitation: made.invitation.into(),
            token: made.token,
        }
    }
}

/// Pending invitations (not accepted, revoked or expired), oldest first.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ListInvitationsResponse {
    pub invitations: Vec<InvitationDto>,
    /// Pass as `cursor` for the next page; null when there is none.
    #[schema(required = true)]
    pub next_cursor: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct AcceptInvitationResponse {
    pub organization_id: String,
    pub role: RoleDto,
}

impl From<AcceptedInvitation> for AcceptInvitationResponse {
    fn from(accepted: AcceptedInvitation) -> Self {
        Self {
            organization_id: accepted.organization.to_string(),
            role: accepted.role.into(),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(as = OrgJoinCode)]
pub struct JoinCodeDto {
    pub id: String,
    pub organization_id: String,
    pub role: RoleDto,
    /// Null for unlimited.
    #[schema(required = true)]
    pub max_uses: Option<u32>,
    /// Real joins so far; members joining again do not count.
    pub uses: u32,
    /// The creating user, or null when an organization token created it.
    #[schema(required = true)]
    pub created_by: Option<String>,
    #[schema(format = DateTime)]
    pub created_at: String,
}

impl From<JoinCode> for JoinCodeDto {
    fn from(code: JoinCode) -> Self {
        Self {
            id: code.id.to_string(),
            organization_id: code.organization_id.to_string(),
            role: code.role.into(),
            max_uses: code.max_uses.map(|max| max.get()),
            uses: code.uses,
            created_by: code.created_by.map(|user| user.to_string()),
            created_at: time(code.created_at),
        }
    }
}

/// Shown once: the code is stored only as a digest.
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(as = OrgJoinCodeCreated)]
pub struct CreateJoinCodeResponse {
    pub join_code: JoinCodeDto,
    /// `XXXX-XXXX-XXXX-XXXX`, 80 bits, no look-alike characters.
    #[schema(example = "7KQ2-M9XD-4HTP-W3NB")]
    pub code: String,
}

impl From<NewJoinCode> for CreateJoinCodeResponse {
    fn from(made: NewJoinCode) -> Self {
        Self {
            join_code: made.join_code.into(),
            code: made.code,
        }
    }
}

/// Every code not revoked, exhausted ones included, oldest first.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ListJoinCodesResponse {
    pub join_codes: Vec<JoinCodeDto>,
    /// Pass as `cursor` for the next page; null when there is none.
    #[schema(required = true)]
    pub next_cursor: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct JoinResponse {
    pub organization_id: String,
    pub role: RoleDto,
    /// True when the caller was a member already; nothing was used up.
    pub already_member: bool,
}

impl From<Joined> for JoinResponse {
    fn from(joined: Joined) -> Self {
        Self {
            organization_id: joined.organization.to_string(),
            role: joined.role.into(),
            already_member: joined.already_member,
        }
    }
}
