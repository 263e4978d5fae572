//! Wire shapes of `organizations.auditLog.list`. The events themselves are
//! `orgs_events::EventBody`, the same JSON the webhooks carry.

use orgs_events::{AuditAction, EventBody};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A page of the organization's audit log, newest first; every filter is optional and
/// they combine with AND.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct ListAuditLogRequest {
    pub organization_id: String,
    /// Rows per page, 1 to 1000; 100 when absent.
    #[serde(default)]
    #[schema(minimum = 1, maximum = 1000)]
    pub limit: Option<i64>,
    /// The `nextCursor` of the previous page.
    #[serde(default)]
    #[schema(pattern = "^[0-9a-f]{1,15}\\.[0-9a-f]{32}$")]
    pub cursor: Option<String>,
    /// Only these actions; absent or empty for all.
    #[serde(default)]
    #[schema(max_items = 14)]
    pub actions: Option<Vec<AuditAction>>,
    /// Only changes by this actor: a user's id or an organization token's key.
    #[serde(default)]
    #[schema(max_length = 200)]
    pub actor_id: Option<String>,
    /// Only events at or after this time (RFC 3339).
    #[serde(default)]
    #[schema(format = DateTime)]
    pub since: Option<String>,
    /// Only events before this time (RFC 3339).
    #[serde(default)]
    #[schema(format = DateTime)]
    pub until: Option<String>,
}

/// A page of events, newest first (ties by id, highest first).
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ListAuditLogResponse {
    pub events: Vec<EventBody>,
    /// Pass as `cursor` for the next page; null on the last.
    #[schema(required = true)]
    pub next_cursor: Option<String>,
}
