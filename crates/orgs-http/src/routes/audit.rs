//! `organizations.auditLog.list`.

use crate::AppState;
use crate::dto::{cursor, page};
use crate::dto_audit::{ListAuditLogRequest, ListAuditLogResponse};
use crate::error::ApiError;
use crate::extract::{Authenticated, JsonBody};
use axum::{Json, extract::State};
use orgs_core::{DEFAULT_PAGE, OrgId, Page, Timestamp};
use orgs_events::EventBody;
use orgs_ports::EventFilter;

/// List the organization's audit log, newest first (requires members:manage). Each
/// event is the change itself, who made it and from which request; never a secret.
#[utoipa::path(post, path = "/v1/organizations/audit-log/list", operation_id = "organizations.auditLog.list", tag = "audit log",
    request_body = ListAuditLogRequest,
    responses((status = 200, description = "A page of events.", body = ListAuditLogResponse)))]
pub async fn list(
    State(state): State<AppState>,
    Authenticated(caller): Authenticated,
    JsonBody(body): JsonBody<ListAuditLogRequest>,
) -> Result<Json<ListAuditLogResponse>, ApiError> {
    let page = page(body.limit, body.cursor.as_deref())?.unwrap_or(Page {
        limit: DEFAULT_PAGE,
        after: None,
    });
    let actions = body.actions.unwrap_or_default();
    // The spec's `maxItems`: one of each action at most, repeats counted.
    if actions.len() > orgs_core::Action::ALL.len() {
        return Err(ApiError::InvalidRequest(format!(
            "Invalid field `actions`: at most {} actions.",
            orgs_core::Action::ALL.len()
        )));
    }
    let filter = EventFilter {
        actions: actions.into_iter().map(Into::into).collect(),
        actor: body.actor_id,
        since: body.since.as_deref().map(|at| instant("since", at)).transpose()?,
        until: body.until.as_deref().map(|at| instant("until", at)).transpose()?,
    };
    if filter.actor.as_ref().is_some_and(|actor| actor.len() > 200) {
        return Err(ApiError::InvalidRequest(
            "Invalid field `actorId`: at most 200 characters.".into(),
        ));
    }
    let events = state
        .app
        .list_audit_log(&caller.caller, OrgId::from_wire(&body.organization_id), &filter, page)
        .await?;
    Ok(Json(ListAuditLogResponse {
        events: events.items.iter().map(EventBody::from).collect(),
        next_cursor: cursor(events.next),
    }))
}

fn instant(field: &str, text: &str) -> Result<Timestamp, ApiError> {
    chrono::DateTime::parse_from_rfc3339(text)
        .map(|at| at.with_timezone(&chrono::Utc))
        .map_err(|_| ApiError::InvalidRequest(format!("Invalid field `{field}`: expected an RFC 3339 time.")))
}
