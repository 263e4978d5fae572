//! The values an event's row holds, worked out once for every store: SQLite binds them
//! one by one, PostgreSQL sends a change's rows as one JSON array (`Serialize` names
//! each field after its column).

use chrono::SecondsFormat;
use orgs_core::{Actor, AuditEvent, Timestamp};
use serde::{Serialize, Serializer};

#[derive(Debug, Serialize)]
pub struct EventColumns<'a> {
    pub id: uuid::Uuid,
    pub organization_id: uuid::Uuid,
    pub action: &'static str,
    #[serde(serialize_with = "microseconds")]
    pub occurred_at: Timestamp,
    pub actor_kind: &'static str,
    /// A user's id or a token's key; none for the operator.
    pub actor_id: Option<String>,
    pub actor_email: Option<&'a str>,
    pub target_kind: &'static str,
    pub target_id: String,
    /// The change's `data` object, already encoded.
    pub data: String,
    pub request_id: Option<&'a str>,
    pub ip_address: Option<&'a str>,
    pub user_agent: Option<&'a str>,
}

impl<'a> EventColumns<'a> {
    pub fn of(event: &'a AuditEvent) -> Self {
        let (actor_kind, actor_id, actor_email) = match &event.actor {
            Actor::User { id, email } => ("user", Some(id.to_string()), Some(email.as_str())),
            Actor::OrganizationToken { key } => ("organization_token", Some(key.clone()), None),
            Actor::Operator => ("operator", None, None),
        };
        let target = event.change.target(event.organization);
        Self {
            id: event.id.as_uuid(),
            organization_id: event.organization.as_uuid(),
            action: event.change.action().as_str(),
            occurred_at: event.occurred_at,
            actor_kind,
            actor_id,
            actor_email,
            target_kind: target.kind.as_str(),
            target_id: target.id,
            data: crate::data::encode_data(&event.change),
            request_id: event.request.request_id.as_deref(),
            ip_address: event.request.ip_address.as_deref(),
            user_agent: event.request.user_agent.as_deref(),
        }
    }
}

/// RFC 3339 to the microsecond, as much as PostgreSQL's `timestamptz` keeps.
fn microseconds<S: Serializer>(at: &Timestamp, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&at.to_rfc3339_opts(SecondsFormat::Micros, true))
}
