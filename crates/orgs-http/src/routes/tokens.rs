//! `organizations.tokens.create`.

use crate::AppState;
use crate::dto::*;
use crate::error::ApiError;
use crate::extract::{Authenticated, JsonBody, field};
use axum::{Json, extract::State};
use orgs_core::{OrgId, TokenName};

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
