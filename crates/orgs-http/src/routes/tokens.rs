//! `organizations.tokens.create`, `list` and `revoke`.

use crate::AppState;
use crate::dto::*;
use crate::dto_lifecycle::{ListTokensRequest, ListTokensResponse, RevokeTokenRequest};
use crate::error::ApiError;
use crate::extract::{Authenticated, JsonBody, field};
use axum::{Json, extract::State};
use orgs_core::{DEFAULT_PAGE, OrgId, Page, TokenName};

/// Mint an organization-owned API token (requires org:manage and a user). The secret and
/// `bearer` are returned once.
#[utoipa::path(post, path = "/v1/organizations/tokens/create", operation_id = "organizations.tokens.create", tag = "tokens",
    request_body = CreateTokenRequest,
    responses((status = 200, description = "The new token; store the secret now.", body = CreateTokenResponse)))]
pub async fn create(
    State(state): State<AppState>,
    Authenticated(caller): Authenticated,
    JsonBody(body): JsonBody<CreateTokenRequest>,
) -> Result<Json<CreateTokenResponse>, ApiError> {
    let name = body
        .name
        .as_deref()
        .map(|name| field("name", TokenName::parse(name)))
        .transpose()?;
    let env = body.env.unwrap_or_default().into();
    let token = state
        .app
        .create_organization_token(&caller, OrgId::from_wire(&body.organization_id), name, env)
        .await?;
    Ok(Json(CreateTokenResponse {
        api_token: token.into(),
    }))
}

/// List the organization's tokens that are not revoked, newest first (requires
/// org:manage). Never a secret; `lastUsedAt` may lag by up to a minute.
#[utoipa::path(post, path = "/v1/organizations/tokens/list", operation_id = "organizations.tokens.list", tag = "tokens",
    request_body = ListTokensRequest,
    responses((status = 200, description = "A page of tokens.", body = ListTokensResponse)))]
pub async fn list(
    State(state): State<AppState>,
    Authenticated(caller): Authenticated,
    JsonBody(body): JsonBody<ListTokensRequest>,
) -> Result<Json<ListTokensResponse>, ApiError> {
    let page = page(body.limit, body.cursor.as_deref())?.unwrap_or(Page {
        limit: DEFAULT_PAGE,
        after: None,
    });
    let tokens = state
        .app
        .list_tokens(&caller.caller, OrgId::from_wire(&body.organization_id), page)
        .await?;
    Ok(Json(ListTokensResponse {
        api_tokens: tokens.items.into_iter().map(Into::into).collect(),
        next_cursor: cursor(tokens.next),
    }))
}

/// Revoke one of the organization's tokens (requires org:manage). Refused at once by
/// every server process; revoking again is fine.
#[utoipa::path(post, path = "/v1/organizations/tokens/revoke", operation_id = "organizations.tokens.revoke", tag = "tokens",
    request_body = RevokeTokenRequest,
    responses((status = 200, description = "Revoked.", body = OkResponse)))]
pub async fn revoke(
    State(state): State<AppState>,
    Authenticated(caller): Authenticated,
    JsonBody(body): JsonBody<RevokeTokenRequest>,
) -> Result<Json<OkResponse>, ApiError> {
    state
        .app
        .revoke_token_of(&caller, OrgId::from_wire(&body.organization_id), &body.key)
        .await?;
    Ok(Json(OkResponse::OK))
}
