//! `organizations.invitations.create`, `list`, `revoke` and `accept`.

use super::list_answer;
use crate::AppState;
use crate::dto::{OkResponse, OrganizationListRequest, page};
use crate::dto_invites::*;
use crate::error::ApiError;
use crate::extract::{Authenticated, ClientAddress, JsonBody, field};
use crate::guesses::Guess;
use crate::list_body::ListAnswer;
use axum::{Json, extract::State};
use orgs_app::AcceptInvitationError;
use orgs_core::{Email, Invitation, InvitationId, OrgId, Role};

/// Create an invitation for an email (requires members:manage). Returns the one-time
/// `token`; an earlier pending invitation for that email stops working.
#[utoipa::path(post, path = "/v1/organizations/invitations/create", operation_id = "organizations.invitations.create", tag = "invitations",
    request_body = CreateInvitationRequest,
    responses((status = 200, description = "The invitation and its one-time token.", body = CreateInvitationResponse)))]
pub async fn create(
    State(state): State<AppState>,
    Authenticated(caller): Authenticated,
    JsonBody(body): JsonBody<CreateInvitationRequest>,
) -> Result<Json<CreateInvitationResponse>, ApiError> {
    let email = field("email", Email::parse(&body.email))?;
    let role = match &body.role {
        Some(role) => role.declared(state.app.roles())?,
        None => Role::MEMBER,
    };
    let organization = OrgId::from_wire(&body.organization_id);
    let made = state.app.create_invitation(&caller, organization, email, role).await?;
    Ok(Json(made.into()))
}

/// List pending invitations (requires members:manage), oldest first.
#[utoipa::path(post, path = "/v1/organizations/invitations/list", operation_id = "organizations.invitations.list", tag = "invitations",
    request_body = OrganizationListRequest,
    responses((status = 200, description = "Pending invitations.", body = ListInvitationsResponse)))]
pub async fn list(
    State(state): State<AppState>,
    Authenticated(caller): Authenticated,
    JsonBody(body): JsonBody<OrganizationListRequest>,
) -> Result<ListAnswer<Invitation, InvitationDto>, ApiError> {
    let page = page(body.limit, body.cursor.as_deref())?;
    let invitations = state
        .app
        .list_invitations(&caller.caller, OrgId::from_wire(&body.organization_id), page)
        .await?;
    list_answer("invitations", invitations)
}

/// Revoke a pending invitation (requires members:manage); one no longer pending is left
/// as it is.
#[utoipa::path(post, path = "/v1/organizations/invitations/revoke", operation_id = "organizations.invitations.revoke", tag = "invitations",
    request_body = RevokeRequest,
    responses((status = 200, description = "Revoked, or no longer pending.", body = OkResponse)))]
pub async fn revoke(
    State(state): State<AppState>,
    Authenticated(caller): Authenticated,
    JsonBody(body): JsonBody<RevokeRequest>,
) -> Result<Json<OkResponse>, ApiError> {
    let (organization, id) = (
        OrgId::from_wire(&body.organization_id),
        InvitationId::from_wire(&body.id),
    );
    state.app.revoke_invitation(&caller, organization, id).await?;
    Ok(Json(OkResponse::OK))
}

/// Accept an invitation with its token: the acting user, whose email must be the invited
/// one, becomes a member. Safe to retry.
#[utoipa::path(post, path = "/v1/organizations/invitations/accept", operation_id = "organizations.invitations.accept", tag = "invitations",
    request_body = AcceptInvitationRequest,
    responses((status = 200, description = "The organization joined and the role held there.", body = AcceptInvitationResponse)))]
pub async fn accept(
    State(state): State<AppState>,
    Authenticated(caller): Authenticated,
    ClientAddress(client): ClientAddress,
    JsonBody(body): JsonBody<AcceptInvitationRequest>,
) -> Result<Json<AcceptInvitationResponse>, ApiError> {
    // An organization token is refused before any lookup, so it learns nothing and
    // spends no budget.
    let user = caller.caller.user().ok_or(ApiError::UserRequired)?;
    let guess = Guess::start(&state.guesses, user, &client).await?;
    let outcome = state.app.accept_invitation(&caller, &body.token).await;
    let wrong = matches!(
        outcome,
        Err(AcceptInvitationError::InvalidInvitation | AcceptInvitationError::EmailMismatch)
    );
    guess.finish(!wrong);
    Ok(Json(outcome?.into()))
}
