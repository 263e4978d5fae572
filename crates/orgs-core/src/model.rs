//! The records the use cases work with.

use crate::{Email, OrgId, OrgName, Role, Timestamp, TokenId, TokenName, UserId};
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Organization {
    pub id: OrgId,
    pub name: OrgName,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    pub id: UserId,
    pub email: Email,
    pub created_at: Timestamp,
}

/// One organization a user belongs to, with the role held there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Membership {
    pub organization: Organization,
    pub role: Role,
    /// When the user joined; what `organizations.list` is ordered and paged by.
    pub joined_at: Timestamp,
}

/// One member of an organization.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub user_id: UserId,
    pub email: Email,
    pub role: Role,
    pub joined_at: Timestamp,
}

/// Who is making a request, once the credential has been verified.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Caller {
    /// A person, through a personal API token or a JWT.
    User(UserId),
    /// An organization-owned API token: it acts only inside its organization, as an admin.
    OrganizationToken(OrgId),
}

impl Caller {
    /// The rank an organization token acts with inside its own organization.
    pub const TOKEN_ROLE: Role = Role::ADMIN;

    pub fn user(&self) -> Option<UserId> {
        match self {
            Caller::User(user) => Some(*user),
            Caller::OrganizationToken(_) => None,
        }
    }
}

/// Whether a token is for production or testing; shown in its key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TokenEnv {
    #[default]
    Live,
    Test,
}

impl TokenEnv {
    pub fn as_str(self) -> &'static str {
        match self {
            TokenEnv::Live => "live",
            TokenEnv::Test => "test",
        }
    }
}

/// Who a token speaks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenOwner {
    User(UserId),
    Organization(OrgId),
}

/// An argon2id hash in PHC string form. Never the secret itself.
#[derive(Clone, PartialEq, Eq)]
pub struct ApiTokenSecretHash(pub String);

impl fmt::Debug for ApiTokenSecretHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ApiTokenSecretHash(..)")
    }
}

/// A token about to be stored: everything but the secret, which is only ever hashed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewApiToken {
    pub id: TokenId,
    pub key: String,
    pub secret_hash: ApiTokenSecretHash,
    pub owner: TokenOwner,
    pub name: Option<TokenName>,
    pub env: TokenEnv,
    pub last_four: String,
    pub created_by: Option<UserId>,
    pub created_at: Timestamp,
}

/// A token as authentication reads it back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredApiToken {
    pub id: TokenId,
    pub key: String,
    pub secret_hash: ApiTokenSecretHash,
    pub owner: TokenOwner,
    /// The owning user's email, for a personal token: what the audit log records.
    pub owner_email: Option<Email>,
    pub revoked: bool,
    /// As last written, which may lag the true last use by up to a minute.
    pub last_used_at: Option<Timestamp>,
}

/// A person as an external identity provider vouches for them in a verified JWT.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExternalIdentity {
    pub issuer: String,
    pub subject: String,
    pub email: Email,
    /// Whether the provider says it verified the email (`email_verified` claim).
    pub email_verified: bool,
}

/// The SHA-256 of a high-entropy secret (an invitation token or a join code): enough to
/// find its row, useless for recovering the secret from a dump.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct SecretDigest(pub [u8; 32]);

impl fmt::Debug for SecretDigest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SecretDigest(..)")
    }
}

/// What operators and an organization's owners see of a token: never its secret or hash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiTokenInfo {
    pub id: TokenId,
    pub key: String,
    pub name: Option<TokenName>,
    pub env: TokenEnv,
    pub last_four: String,
    pub created_at: Timestamp,
    /// The user who minted it; `None` once that user is gone.
    pub created_by: Option<UserId>,
    pub last_used_at: Option<Timestamp>,
    pub revoked: bool,
}

/// Who a verified credential speaks for, as `me` tells it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Identity {
    User(User),
    OrganizationToken(OrgId),
}
