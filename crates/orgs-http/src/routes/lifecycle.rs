//! `me`, `organizations.leave`, `delete` and `transferOwnership`.

use crate::AppState;
use crate::dto::{EmptyRequest, OkResponse, OrganizationIdRequest};
use crate::dto_lifecycle::{MeResponse, TransferOwnershipRequest};
use crate::error::ApiError;
use crate::extract::{Authenticated, JsonBody, token_key};
use axum::http::HeaderMap;
use axum::{Json, extract::State};
use orgs_core::{Caller, OrgId, UserId};

/// Who is calling: the user behind the credential, or the organization whose token it is.
#[utoipa::path(post, path = "/v1/me", operation_id = "me", tag = "me",
    request_body(content = EmptyRequest, description = "An empty object, or no body at all."),
    responses((status = 200, description = "The caller.", body = MeResponse)))]
pub async fn me(
    State(state): State<AppState>,
    Authenticated(caller): Authenticated,
    headers: HeaderMap,
    JsonBody(_): JsonBody<EmptyRequest>,
) -> Result<Json<MeResponse>, ApiError> {
    let identity = state.app.me(&caller.caller).await?;
    let key = matches!(caller.caller, Caller::OrganizationToken(_))
        .then(|| token_key(&headers))
        .flatten();
    Ok(Json(MeResponse::new(identity, key)))
}

/// Leave an organization (a user who is a member). 409 `last_owner` for its only owner.
#[utoipa::path(post, path = "/v1/organizations/leave", operation_id = "organizations.leave", tag = "organizations",
    request_body = OrganizationIdRequest,
    responses((status = 200, description = "No longer a member.", body = OkResponse)))]
pub async fn leave(
    State(state): State<AppState>,
    Authenticated(caller): Authenticated,
    JsonBody(body): JsonBody<OrganizationIdRequest>,
) -> Result<Json<OkResponse>, ApiError> {
    state
        .app
        .leave_organization(&caller, OrgId::from_wire(&body.organization_id))
        .await?;
    Ok(Json(OkResponse::OK))
}

/// Delete an organization with its memberships, invitations, join codes and tokens
/// (requires org:manage and a user). Its tokens stop working at once.
#[utoipa::path(post, path = "/v1/organizations/delete", operation_id = "organizations.delete", tag = "organizations",
    request_body = OrganizationIdRequest,
    responses((status = 200, description = "Deleted.", body = OkResponse)))]
pub async fn delete(
    State(state): State<AppState>,
    Authenticated(caller): Authenticated,
    JsonBody(body): JsonBody<OrganizationIdRequest>,
) -> Result<Json<OkResponse>, ApiError> {
    state
        .app
        .delete_organization(&caller, OrgId::from_wire(&body.organization_id))
        .await?;
    Ok(Json(OkResponse::OK))
}

/// Hand the organization over (an owner, a user): in one transaction the member becomes
/// an owner and the caller an admin.
#[utoipa::path(post, path = "/v1/organizations/transfer-ownership", operation_id = "organizations.transferOwnership", tag = "organizations",
    request_body = TransferOwnershipRequest,
    responses((status = 200, description = "Handed over.", body = OkResponse)))]
pub async fn transfer_ownership(
    State(state): State<AppState>,
    Authenticated(caller): Authenticated,
    JsonBody(body): JsonBody<TransferOwnershipRequest>,
) -> Result<Json<OkResponse>, ApiError> {
    let (organization, to) = (
        OrgId::from_wire(&body.organization_id),
        UserId::from_wire(&body.user_id),
    );
    state.app.transfer_ownership(&caller, organization, to).await?;
    Ok(Json(OkResponse::OK))
}
