//! An event as the API lists it and as a webhook carries it: the same JSON both ways.

use chrono::SecondsFormat;
use orgs_core::{Actor, Timestamp};
use orgs_ports::LoggedEvent;
use serde::Serialize;
use serde_json::value::RawValue;
use utoipa::ToSchema;

/// Times as everywhere on the wire: RFC 3339 in UTC, to the millisecond.
pub fn time(at: Timestamp) -> String {
    at.to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// Who made the change: a user (with the email it had then), an organization token by
/// its public key, or the operator at the server's command line.
#[derive(Debug, Serialize, ToSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[schema(as = AuditActor)]
pub enum ActorBody {
    User { id: String, email: String },
    OrganizationToken { key: String },
    Operator,
}

/// What the change is about. A member is named by its user id, a token by its key.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = AuditTarget)]
pub struct TargetBody {
    pub kind: AuditTargetKind,
    pub id: String,
}

/// One entry of the audit log.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(as = AuditEvent)]
pub struct EventBody {
    pub id: String,
    pub organization_id: String,
    #[schema(value_type = AuditAction)]
    pub action: &'static str,
    #[schema(format = DateTime)]
    pub occurred_at: String,
    pub actor: ActorBody,
    pub target: TargetBody,
    /// The change itself (old and new role, invited email and role, ...); never a secret.
    #[schema(value_type = Object)]
    pub data: Box<RawValue>,
    /// The `x-request-id` of the request that made the change; null from the command line.
    #[schema(required = true)]
    pub request_id: Option<String>,
    /// The client's address as the server saw it; null from the command line.
    #[schema(required = true)]
    pub ip_address: Option<String>,
    /// At most 512 bytes of the request's `User-Agent`.
    #[schema(required = true)]
    pub user_agent: Option<String>,
}

/// What kind of thing an event is about.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum AuditTargetKind {
    Organization,
    Member,
    Invitation,
    JoinCode,
    ApiToken,
}

impl From<orgs_core::TargetKind> for AuditTargetKind {
    fn from(kind: orgs_core::TargetKind) -> Self {
        use orgs_core::TargetKind as K;
        match kind {
            K::Organization => Self::Organization,
            K::Member => Self::Member,
            K::Invitation => Self::Invitation,
            K::JoinCode => Self::JoinCode,
            K::ApiToken => Self::ApiToken,
        }
    }
}

impl From<&LoggedEvent> for EventBody {
    fn from(event: &LoggedEvent) -> Self {
        let actor = match &event.actor {
            Actor::User { id, email } => ActorBody::User {
                id: id.to_string(),
                email: email.as_str().to_owned(),
            },
            Actor::OrganizationToken { key } => ActorBody::OrganizationToken { key: key.clone() },
            Actor::Operator => ActorBody::Operator,
        };
        // The stores only ever hold what `encode_data` wrote; an unreadable value is
        // shown as an empty object rather than failing the whole page.
        let data = RawValue::from_string(event.data.clone())
            .unwrap_or_else(|_| RawValue::from_string("{}".to_owned()).expect("{} is JSON"));
        Self {
            id: event.id.to_string(),
            organization_id: event.organization.to_string(),
            action: event.action.as_str(),
            occurred_at: time(event.occurred_at),
            actor,
            target: TargetBody {
                kind: event.target.kind.into(),
                id: event.target.id.clone(),
            },
            data,
            request_id: event.request.request_id.clone(),
            ip_address: event.request.ip_address.clone(),
            user_agent: event.request.user_agent.clone(),
        }
    }
}

/// A webhook's body: `{"type", "timestamp", "data"}` as Standard Webhooks lays it out.
#[derive(Debug, Serialize)]
pub struct WebhookPayload {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub timestamp: String,
    pub data: EventBody,
}

impl WebhookPayload {
    pub fn of(event: &LoggedEvent) -> Self {
        Self {
            kind: event.action.as_str(),
            timestamp: time(event.occurred_at),
            data: EventBody::from(event),
        }
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        serde_json::to_vec(self).expect("an event always serialises")
    }
}

/// An action's name on the wire, as a closed set, so the spec lists every one and a
/// filter naming an unknown action is refused with the field it came in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize, ToSchema)]
pub enum AuditAction {
    #[serde(rename = "organization.created")]
    OrganizationCreated,
    #[serde(rename = "organization.updated")]
    OrganizationUpdated,
    #[serde(rename = "organization.deleted")]
    OrganizationDeleted,
    #[serde(rename = "organization.ownership_transferred")]
    OrganizationOwnershipTransferred,
    #[serde(rename = "member.added")]
    MemberAdded,
    #[serde(rename = "member.role_changed")]
    MemberRoleChanged,
    #[serde(rename = "member.removed")]
    MemberRemoved,
    #[serde(rename = "invitation.created")]
    InvitationCreated,
    #[serde(rename = "invitation.revoked")]
    InvitationRevoked,
    #[serde(rename = "invitation.accepted")]
    InvitationAccepted,
    #[serde(rename = "join_code.created")]
    JoinCodeCreated,
    #[serde(rename = "join_code.revoked")]
    JoinCodeRevoked,
    #[serde(rename = "api_token.created")]
    ApiTokenCreated,
    #[serde(rename = "api_token.revoked")]
    ApiTokenRevoked,
}

impl From<AuditAction> for orgs_core::Action {
    fn from(name: AuditAction) -> Self {
        use orgs_core::Action as A;
        match name {
            AuditAction::OrganizationCreated => A::OrganizationCreated,
            AuditAction::OrganizationUpdated => A::OrganizationUpdated,
            AuditAction::OrganizationDeleted => A::OrganizationDeleted,
            AuditAction::OrganizationOwnershipTransferred => A::OrganizationOwnershipTransferred,
            AuditAction::MemberAdded => A::MemberAdded,
            AuditAction::MemberRoleChanged => A::MemberRoleChanged,
            AuditAction::MemberRemoved => A::MemberRemoved,
            AuditAction::InvitationCreated => A::InvitationCreated,
            AuditAction::InvitationRevoked => A::InvitationRevoked,
            AuditAction::InvitationAccepted => A::InvitationAccepted,
            AuditAction::JoinCodeCreated => A::JoinCodeCreated,
            AuditAction::JoinCodeRevoked => A::JoinCodeRevoked,
            AuditAction::ApiTokenCreated => A::ApiTokenCreated,
            AuditAction::ApiTokenRevoked => A::ApiTokenRevoked,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_wire_name_is_the_domain_name() {
        for action in orgs_core::Action::ALL {
            let name: AuditAction = serde_json::from_value(serde_json::Value::from(action.as_str())).unwrap();
            assert_eq!(orgs_core::Action::from(name), action);
        }
    }
}
