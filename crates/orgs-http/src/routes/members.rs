//! `organizations.members.list`, `remove` and `setRole`.

use super::list_answer;
use crate::AppState;
use crate::dto::*;
use crate::error::ApiError;
use crate::extract::{Authenticated, JsonBody};
use crate::list_body::ListAnswer;
use axum::{Json, extract::State};
use orgs_core::{Member, OrgId, UserId};

/// List an organization's members (requires members:view), longest-standing first.
#[utoipa::path(post, path = "/v1/organizations/members/list", operation_id = "organizations.members.list", tag = "members",
    request_body = OrganizationListRequest,
    responses((status = 200, description = "The members.", body = ListMembersResponse)))]
pub async fn list(
    State(state): State<AppState>,
    Authenticated(caller): Authenticated,
    JsonBody(body): JsonBody<OrganizationListRequest>,
) -> Result<ListAnswer<Member, MemberDto>, ApiError> {
    let page = page(body.limit, body.cursor.as_deref())?;
    let members = state
        .app
        .list_members(&caller.caller, OrgId::from_wire(&body.organization_id), page)
        .await?;
    list_answer("members", members)
}

/// Remove a member (idempotent; requires members:manage). 409 `last_owner` if it would
/// leave the organization with zero owners.
#[utoipa::path(post, path = "/v1/organizations/members/remove", operation_id = "organizations.members.remove", tag = "members",
    request_body = RemoveMemberRequest,
    responses((status = 200, description = "Removed, or was not a member.", body = OkResponse)))]
pub async fn remove(
    State(state): State<AppState>,
    Authenticated(caller): Authenticated,
    JsonBody(body): JsonBody<RemoveMemberRequest>,
) -> Result<Json<OkResponse>, ApiError> {
    let (organization, user) = (
        OrgId::from_wire(&body.organization_id),
        UserId::from_wire(&body.user_id),
    );
    state.app.remove_member(&caller, organization, user).await?;
    Ok(Json(OkResponse::OK))
}

/// Change a member's role (requires members:manage). 409 `last_owner` if it would leave
/// the organization with zero owners.
#[utoipa::path(post, path = "/v1/organizations/members/set-role", operation_id = "organizations.members.setRole", tag = "members",
    request_body = SetRoleRequest,
    responses((status = 200, description = "Changed, or already had that role.", body = OkResponse)))]
pub async fn set_role(
    State(state): State<AppState>,
    Authenticated(caller): Authenticated,
    JsonBody(body): JsonBody<SetRoleRequest>,
) -> Result<Json<OkResponse>, ApiError> {
    let (organization, user) = (
        OrgId::from_wire(&body.organization_id),
        UserId::from_wire(&body.user_id),
    );
    let role = body.role.declared(state.app.roles())?;
    state.app.set_member_role(&caller, organization, user, role).await?;
    Ok(Json(OkResponse::OK))
}
