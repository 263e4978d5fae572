//! `organizations.create`, `get`, `list`, `update` and `roles`.

use super::list_answer;
use crate::AppState;
use crate::dto::*;
use crate::error::ApiError;
use crate::extract::{Authenticated, JsonBody, field};
use crate::list_body::ListAnswer;
use axum::{Json, extract::State};
use orgs_core::{Membership, OrgId, OrgName};

/// Create an organization. The acting user becomes its first owner.
#[utoipa::path(post, path = "/v1/organizations/create", operation_id = "organizations.create", tag = "organizations",
    request_body = CreateOrganizationRequest,
    responses((status = 200, description = "The new organization.", body = OrganizationResponse)))]
pub async fn create(
    State(state): State<AppState>,
    Authenticated(caller): Authenticated,
    JsonBody(body): JsonBody<CreateOrganizationRequest>,
) -> Result<Json<OrganizationResponse>, ApiError> {
    let name = field("name", OrgName::parse(&body.name))?;
    let organization = state.app.create_organization(&caller, name).await?;
    Ok(Json(OrganizationResponse {
        organization: organization.into(),
    }))
}

/// Get one organization (requires org:view).
#[utoipa::path(post, path = "/v1/organizations/get", operation_id = "organizations.get", tag = "organizations",
    request_body = OrganizationIdRequest,
    responses((status = 200, description = "The organization.", body = OrganizationResponse)))]
pub async fn get(
    State(state): State<AppState>,
    Authenticated(caller): Authenticated,
    JsonBody(body): JsonBody<OrganizationIdRequest>,
) -> Result<Json<OrganizationResponse>, ApiError> {
    let organization = state
        .app
        .get_organization(&caller.caller, OrgId::from_wire(&body.organization_id))
        .await?;
    Ok(Json(OrganizationResponse {
        organization: organization.into(),
    }))
}

/// List the organizations the acting user belongs to, with their role, oldest membership first.
#[utoipa::path(post, path = "/v1/organizations/list", operation_id = "organizations.list", tag = "organizations",
    request_body(content = ListOrganizationsRequest, description = "An empty object, or no body at all, for the whole list; `limit` and `cursor` for a page."),
    responses((status = 200, description = "The caller's memberships.", body = ListOrganizationsResponse)))]
pub async fn list(
    State(state): State<AppState>,
    Authenticated(caller): Authenticated,
    JsonBody(body): JsonBody<ListOrganizationsRequest>,
) -> Result<ListAnswer<Membership, MembershipDto>, ApiError> {
    let page = page(body.limit, body.cursor.as_deref())?;
    let memberships = state.app.list_organizations(&caller.caller, page).await?;
    list_answer("organizations", memberships)
}

/// Rename an organization (requires org:manage).
#[utoipa::path(post, path = "/v1/organizations/update", operation_id = "organizations.update", tag = "organizations",
    request_body = UpdateOrganizationRequest,
    responses((status = 200, description = "Renamed.", body = OkResponse)))]
pub async fn update(
    State(state): State<AppState>,
    Authenticated(caller): Authenticated,
    JsonBody(body): JsonBody<UpdateOrganizationRequest>,
) -> Result<Json<OkResponse>, ApiError> {
    let name = field("name", OrgName::parse(&body.name))?;
    state
        .app
        .update_organization(&caller, OrgId::from_wire(&body.organization_id), name)
        .await?;
    Ok(Json(OkResponse::OK))
}

/// The role to permission matrix, highest rank first (no organization scope needed).
#[utoipa::path(post, path = "/v1/organizations/roles", operation_id = "organizations.roles", tag = "organizations",
    request_body(content = EmptyRequest, description = "An empty object, or no body at all."),
    responses((status = 200, description = "Every role and its permissions.", body = RoleMatrixDto)))]
pub async fn roles(
    State(state): State<AppState>,
    Authenticated(_): Authenticated,
    JsonBody(_): JsonBody<EmptyRequest>,
) -> Result<Json<RoleMatrixDto>, ApiError> {
    Ok(Json(RoleMatrixDto {
        roles: state.app.role_matrix().iter().map(Into::into).collect(),
    }))
}
