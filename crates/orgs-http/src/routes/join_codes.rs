//! `organizations.joinCodes.create`, `list`, `revoke` and `join`.

use super::list_answer;
use crate::AppState;
use crate::dto::{OkResponse, OrganizationListRequest, page};
use crate::dto_invites::*;
use crate::error::ApiError;
use crate::extract::{Authenticated, ClientAddress, JsonBody, field};
use crate::guesses::Guess;
use crate::list_body::ListAnswer;
use axum::{Json, extract::State};
use orgs_app::JoinError;
use orgs_core::{JoinCode, JoinCodeId, MaxUses, OrgId, Role};

/// Create a shareable join code (requires members:manage). `maxUses` null = unlimited.
#[utoipa::path(post, path = "/v1/organizations/join-codes/create", operation_id = "organizations.joinCodes.create", tag = "join codes",
    request_body = CreateJoinCodeRequest,
    responses((status = 200, description = "The join code and the code itself, shown once.", body = CreateJoinCodeResponse)))]
pub async fn create(
    State(state): State<AppState>,
    Authenticated(caller): Authenticated,
    JsonBody(body): JsonBody<CreateJoinCodeRequest>,
) -> Result<Json<CreateJoinCodeResponse>, ApiError> {
    let max_uses = body
        .max_uses
        .map(|max| field("maxUses", MaxUses::parse(max)))
        .transpose()?;
    let role = match &body.role {
        Some(role) => role.declared(state.app.roles())?,
        None => Role::MEMBER,
    };
    let organization = OrgId::from_wire(&body.organization_id);
    let made = state
        .app
        .create_join_code(&caller, organization, role, max_uses)
        .await?;
    Ok(Json(made.into()))
}

/// List join codes (requires members:manage): every code not revoked, with its uses.
#[utoipa::path(post, path = "/v1/organizations/join-codes/list", operation_id = "organizations.joinCodes.list", tag = "join codes",
    request_body = OrganizationListRequest,
    responses((status = 200, description = "The join codes.", body = ListJoinCodesResponse)))]
pub async fn list(
    State(state): State<AppState>,
    Authenticated(caller): Authenticated,
    JsonBody(body): JsonBody<OrganizationListRequest>,
) -> Result<ListAnswer<JoinCode, JoinCodeDto>, ApiError> {
    let page = page(body.limit, body.cursor.as_deref())?;
    let codes = state
        .app
        .list_join_codes(&caller.caller, OrgId::from_wire(&body.organization_id), page)
        .await?;
    list_answer("joinCodes", codes)
}

/// Revoke a join code (requires members:manage); revoking it again changes nothing.
#[utoipa::path(post, path = "/v1/organizations/join-codes/revoke", operation_id = "organizations.joinCodes.revoke", tag = "join codes",
    request_body = RevokeRequest,
    responses((status = 200, description = "Revoked.", body = OkResponse)))]
pub async fn revoke(
    State(state): State<AppState>,
    Authenticated(caller): Authenticated,
    JsonBody(body): JsonBody<RevokeRequest>,
) -> Result<Json<OkResponse>, ApiError> {
    let (organization, id) = (OrgId::from_wire(&body.organization_id), JoinCodeId::from_wire(&body.id));
    state.app.revoke_join_code(&caller, organization, id).await?;
    Ok(Json(OkResponse::OK))
}

/// Join an organization with a code: the acting user becomes a member. `alreadyMember`
/// is true if they were one already (and nothing is used up).
#[utoipa::path(post, path = "/v1/organizations/join-codes/join", operation_id = "organizations.joinCodes.join", tag = "join codes",
    request_body = JoinRequest,
    responses((status = 200, description = "The organization joined and the role held there.", body = JoinResponse)))]
pub async fn join(
    State(state): State<AppState>,
    Authenticated(caller): Authenticated,
    ClientAddress(client): ClientAddress,
    JsonBody(body): JsonBody<JoinRequest>,
) -> Result<Json<JoinResponse>, ApiError> {
    // An organization token is refused before any lookup, so it learns nothing and
    // spends no budget.
    let user = caller.caller.user().ok_or(ApiError::UserRequired)?;
    let guess = Guess::start(&state.guesses, user, &client).await?;
    let outcome = state.app.join_with_code(&caller, &body.code).await;
    guess.finish(!matches!(outcome, Err(JoinError::InvalidJoinCode)));
    Ok(Json(outcome?.into()))
}
