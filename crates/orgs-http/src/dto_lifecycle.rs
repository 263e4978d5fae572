//! Wire shapes of the lifecycle endpoints: `me`, leaving, deleting, handing over, and an
//! organization's own tokens.

use crate::dto::{TokenEnvDto, time};
use orgs_core::{ApiTokenInfo, Identity};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct TransferOwnershipRequest {
    pub organization_id: String,
    /// The member who becomes an owner; not the caller.
    pub user_id: String,
}

/// A page of the organization's tokens; unlike the product page's lists, always a page.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct ListTokensRequest {
    pub organization_id: String,
    /// Rows per page, 1 to 1000; 100 when absent.
    #[serde(default)]
    #[schema(minimum = 1, maximum = 1000)]
    pub limit: Option<i64>,
    /// The `nextCursor` of the previous page.
    #[serde(default)]
    #[schema(pattern = "^[0-9a-f]{1,15}\\.[0-9a-f]{32}$")]
    pub cursor: Option<String>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct RevokeTokenRequest {
    pub organization_id: String,
    /// The token's public key, as `tokens.list` shows it.
    pub key: String,
}

/// A user as `me` shows it.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = MeUser)]
pub struct MeUserDto {
    pub id: String,
    pub email: String,
}

/// Who the credential speaks for: a person, or an organization's own token.
#[derive(Debug, Serialize, ToSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[schema(as = Me)]
pub enum MeResponse {
    User {
        user: MeUserDto,
    },
    OrganizationToken {
        #[serde(rename = "organizationId")]
        organization_id: String,
        /// The token's public key (never its secret).
        key: String,
    },
}

impl MeResponse {
    /// `key` is the public half of the bearer the caller sent, for an organization token.
    pub fn new(identity: Identity, key: Option<&str>) -> Self {
        match identity {
            Identity::User(user) => MeResponse::User {
                user: MeUserDto {
                    id: user.id.to_string(),
                    email: user.email.as_str().to_owned(),
                },
            },
            Identity::OrganizationToken(organization) => MeResponse::OrganizationToken {
                organization_id: organization.to_string(),
                key: key.unwrap_or_default().to_owned(),
            },
        }
    }
}

/// An organization token as its owners see it: never the secret.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(as = OrgApiToken)]
pub struct OrgApiTokenDto {
    pub key: String,
    #[schema(required = true)]
    pub name: Option<String>,
    pub env: TokenEnvDto,
    pub last_four: String,
    #[schema(format = DateTime)]
    pub created_at: String,
    /// The user who minted it; null once that user is gone.
    #[schema(required = true)]
    pub created_by: Option<String>,
    /// May lag the true last use by up to a minute; null if never used.
    #[schema(required = true, format = DateTime)]
    pub last_used_at: Option<String>,
}

impl From<ApiTokenInfo> for OrgApiTokenDto {
    fn from(token: ApiTokenInfo) -> Self {
        Self {
            key: token.key,
            name: token.name.map(|name| name.as_str().to_owned()),
            env: token.env.into(),
            last_four: token.last_four,
            created_at: time(token.created_at),
            created_by: token.created_by.map(|user| user.to_string()),
            last_used_at: token.last_used_at.map(time),
        }
    }
}

/// The organization's live tokens, newest first (ties by id, highest first).
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ListTokensResponse {
    pub api_tokens: Vec<OrgApiTokenDto>,
    /// Pass as `cursor` for the next page; null when there is none.
    #[schema(required = true)]
    pub next_cursor: Option<String>,
}
