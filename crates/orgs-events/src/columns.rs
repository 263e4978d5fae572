//! The values an event's row holds, worked out once for both stores, which bind them one
//! by one (orgs-sql `append_events`).

use orgs_core::{Actor, AuditEvent, Timestamp};

#[derive(Debug)]
pub struct EventColumns<'a> {
    pub id: uuid::Uuid,
    pub organization_id: uuid::Uuid,
    pub action: &'static str,
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
