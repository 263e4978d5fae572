//! The tenancy domain: organizations, members, roles, permissions and the rules that bind
//! them. Nothing here performs I/O or knows about HTTP, SQL or JSON; adapters translate
//! their own shapes into these types at the boundary.

pub mod audit;
pub mod email;
pub mod ids;
pub mod invitation;
pub mod model;
pub mod name;
pub mod page;
pub mod role;
pub mod role_table;
pub mod rules;

pub use audit::{
    Acting, Action, Actor, AuditEvent, Change, JoinedVia, RemovedVia, RequestInfo, Target, TargetKind, UnknownAction,
};
pub use email::{Email, InvalidEmail};
pub use ids::{DeliveryId, EventId, InvitationId, JoinCodeId, OrgId, TokenId, UserId, WebhookId};
pub use invitation::{
    InvalidMaxUses, Invitation, InvitationState, JOIN_CODE_ALPHABET, JOIN_CODE_LEN, JoinCode, MaxUses,
    format_join_code, normalize_join_code,
};
pub use model::{
    ApiTokenInfo, ApiTokenSecretHash, Caller, ExternalIdentity, Identity, Member, Membership, NewApiToken,
    Organization, SecretDigest, StoredApiToken, TokenEnv, TokenOwner, User,
};
pub use name::{InvalidName, OrgName, TokenName};
pub use page::{CURSOR_PATTERN, DEFAULT_PAGE, MAX_PAGE, Page, PageError, PageKey, Paged};
pub use role::{InvalidPermissionName, InvalidRoleName, Permission, Role};
pub use role_table::{DeclaredRole, RoleDefinition, RoleTableError, Roles, UnknownRole};
pub use rules::{Access, RuleViolation};

/// Every timestamp in the domain is UTC.
pub type Timestamp = chrono::DateTime<chrono::Utc>;
