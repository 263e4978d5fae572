//! The audit log's vocabulary: who acted, through which request, and what changed. Use
//! cases build one `AuditEvent` per committed change; adapters give it its wire form.

use crate::{
    Caller, Email, EventId, InvitationId, JoinCodeId, MaxUses, OrgId, OrgName, Role, Timestamp, TokenEnv, TokenName,
    UserId,
};

/// Every kind of event, with the name it has on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    OrganizationCreated,
    OrganizationUpdated,
    OrganizationDeleted,
    OrganizationOwnershipTransferred,
    MemberAdded,
    MemberRoleChanged,
    MemberRemoved,
    InvitationCreated,
    InvitationRevoked,
    InvitationAccepted,
    JoinCodeCreated,
    JoinCodeRevoked,
    ApiTokenCreated,
    ApiTokenRevoked,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("is not an action of the audit log")]
pub struct UnknownAction;

impl Action {
    pub const ALL: [Action; 14] = [
        Action::OrganizationCreated,
        Action::OrganizationUpdated,
        Action::OrganizationDeleted,
        Action::OrganizationOwnershipTransferred,
        Action::MemberAdded,
        Action::MemberRoleChanged,
        Action::MemberRemoved,
        Action::InvitationCreated,
        Action::InvitationRevoked,
        Action::InvitationAccepted,
        Action::JoinCodeCreated,
        Action::JoinCodeRevoked,
        Action::ApiTokenCreated,
        Action::ApiTokenRevoked,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Action::OrganizationCreated => "organization.created",
            Action::OrganizationUpdated => "organization.updated",
            Action::OrganizationDeleted => "organization.deleted",
            Action::OrganizationOwnershipTransferred => "organization.ownership_transferred",
            Action::MemberAdded => "member.added",
            Action::MemberRoleChanged => "member.role_changed",
            Action::MemberRemoved => "member.removed",
            Action::InvitationCreated => "invitation.created",
            Action::InvitationRevoked => "invitation.revoked",
            Action::InvitationAccepted => "invitation.accepted",
            Action::JoinCodeCreated => "join_code.created",
            Action::JoinCodeRevoked => "join_code.revoked",
            Action::ApiTokenCreated => "api_token.created",
            Action::ApiTokenRevoked => "api_token.revoked",
        }
    }

    pub fn parse(text: &str) -> Result<Self, UnknownAction> {
        Self::ALL
            .into_iter()
            .find(|action| action.as_str() == text)
            .ok_or(UnknownAction)
    }
}

/// Who made a change, as the log remembers it: the email is the one the user had then.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Actor {
    User {
        id: UserId,
        email: Email,
    },
    OrganizationToken {
        key: String,
    },
    /// Someone at the server's command line.
    Operator,
}

/// What the request looked like from outside, as far as the server could tell.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RequestInfo {
    pub request_id: Option<String>,
    pub ip_address: Option<String>,
    pub user_agent: Option<String>,
}

/// A verified caller making a change through one request: `caller` decides what it may
/// do, `actor` and `request` are what the audit log records of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Acting {
    pub caller: Caller,
    pub actor: Actor,
    pub request: RequestInfo,
}

impl Acting {
    pub fn of_user(id: UserId, email: Email) -> Self {
        Self {
            caller: Caller::User(id),
            actor: Actor::User { id, email },
            request: RequestInfo::default(),
        }
    }

    pub fn of_organization_token(organization: OrgId, key: impl Into<String>) -> Self {
        Self {
            caller: Caller::OrganizationToken(organization),
            actor: Actor::OrganizationToken { key: key.into() },
            request: RequestInfo::default(),
        }
    }

    /// The acting user and its email, when a person acts.
    pub fn user(&self) -> Option<(UserId, &Email)> {
        match &self.actor {
            Actor::User { id, email } => Some((*id, email)),
            _ => None,
        }
    }
}

/// How someone became a member.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JoinedVia {
    Created,
    Invitation,
    JoinCode,
}

/// How someone stopped being a member.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RemovedVia {
    Removed,
    Left,
}

/// The change itself, with what a reader needs to understand it and never a secret.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    OrganizationCreated {
        name: OrgName,
    },
    OrganizationUpdated {
        old_name: OrgName,
        new_name: OrgName,
    },
    OrganizationDeleted {
        name: OrgName,
    },
    OwnershipTransferred {
        from: UserId,
        to: UserId,
    },
    MemberAdded {
        user: UserId,
        email: Email,
        role: Role,
        via: JoinedVia,
    },
    MemberRoleChanged {
        user: UserId,
        email: Email,
        old_role: Role,
        new_role: Role,
    },
    MemberRemoved {
        user: UserId,
        email: Email,
        role: Role,
        via: RemovedVia,
    },
    InvitationCreated {
        invitation: InvitationId,
        email: Email,
        role: Role,
        expires_at: Timestamp,
    },
    InvitationRevoked {
        invitation: InvitationId,
        email: Email,
        role: Role,
        /// A new invitation to the same email took its place.
        replaced: bool,
    },
    InvitationAccepted {
        invitation: InvitationId,
        email: Email,
        role: Role,
        user: UserId,
    },
    JoinCodeCreated {
        code: JoinCodeId,
        role: Role,
        max_uses: Option<MaxUses>,
    },
    JoinCodeRevoked {
        code: JoinCodeId,
        role: Role,
        max_uses: Option<MaxUses>,
        uses: u32,
    },
    ApiTokenCreated {
        key: String,
        name: Option<TokenName>,
        env: TokenEnv,
    },
    ApiTokenRevoked {
        key: String,
        name: Option<TokenName>,
        env: TokenEnv,
    },
}

/// What kind of thing an event is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TargetKind {
    Organization,
    Member,
    Invitation,
    JoinCode,
    ApiToken,
}

impl TargetKind {
    pub fn as_str(self) -> &'static str {
        match self {
            TargetKind::Organization => "organization",
            TargetKind::Member => "member",
            TargetKind::Invitation => "invitation",
            TargetKind::JoinCode => "join_code",
            TargetKind::ApiToken => "api_token",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        [
            TargetKind::Organization,
            TargetKind::Member,
            TargetKind::Invitation,
            TargetKind::JoinCode,
            TargetKind::ApiToken,
        ]
        .into_iter()
        .find(|kind| kind.as_str() == text)
    }
}

/// The thing an event is about: a member by user id, a token by its public key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub kind: TargetKind,
    pub id: String,
}

impl Change {
    pub fn action(&self) -> Action {
        match self {
            Change::OrganizationCreated { .. } => Action::OrganizationCreated,
            Change::OrganizationUpdated { .. } => Action::OrganizationUpdated,
            Change::OrganizationDeleted { .. } => Action::OrganizationDeleted,
            Change::OwnershipTransferred { .. } => Action::OrganizationOwnershipTransferred,
            Change::MemberAdded { .. } => Action::MemberAdded,
            Change::MemberRoleChanged { .. } => Action::MemberRoleChanged,
            Change::MemberRemoved { .. } => Action::MemberRemoved,
            Change::InvitationCreated { .. } => Action::InvitationCreated,
            Change::InvitationRevoked { .. } => Action::InvitationRevoked,
            Change::InvitationAccepted { .. } => Action::InvitationAccepted,
            Change::JoinCodeCreated { .. } => Action::JoinCodeCreated,
            Change::JoinCodeRevoked { .. } => Action::JoinCodeRevoked,
            Change::ApiTokenCreated { .. } => Action::ApiTokenCreated,
            Change::ApiTokenRevoked { .. } => Action::ApiTokenRevoked,
        }
    }

    pub fn target(&self, organization: OrgId) -> Target {
        let (kind, id) = match self {
            Change::OrganizationCreated { .. }
            | Change::OrganizationUpdated { .. }
            | Change::OrganizationDeleted { .. }
            | Change::OwnershipTransferred { .. } => (TargetKind::Organization, organization.to_string()),
            Change::MemberAdded { user, .. }
            | Change::MemberRoleChanged { user, .. }
            | Change::MemberRemoved { user, .. } => (TargetKind::Member, user.to_string()),
            Change::InvitationCreated { invitation, .. }
            | Change::InvitationRevoked { invitation, .. }
            | Change::InvitationAccepted { invitation, .. } => (TargetKind::Invitation, invitation.to_string()),
            Change::JoinCodeCreated { code, .. } | Change::JoinCodeRevoked { code, .. } => {
                (TargetKind::JoinCode, code.to_string())
            }
            Change::ApiTokenCreated { key, .. } | Change::ApiTokenRevoked { key, .. } => {
                (TargetKind::ApiToken, key.clone())
            }
        };
        Target { kind, id }
    }
}

/// One committed change, as a use case hands it to the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEvent {
    pub id: EventId,
    pub organization: OrgId,
    pub occurred_at: Timestamp,
    pub actor: Actor,
    pub change: Change,
    pub request: RequestInfo,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_reads_back_from_its_name() {
        for action in Action::ALL {
            assert_eq!(Action::parse(action.as_str()), Ok(action));
        }
        assert_eq!(Action::parse("member.deleted"), Err(UnknownAction));
    }

    #[test]
    fn a_token_is_named_by_its_public_key() {
        let change = Change::ApiTokenRevoked {
            key: "org_live_abc".into(),
            name: None,
            env: TokenEnv::Live,
        };
        assert_eq!(change.action(), Action::ApiTokenRevoked);
        assert_eq!(
            change.target(OrgId::generate()),
            Target {
                kind: TargetKind::ApiToken,
                id: "org_live_abc".into()
            }
        );
    }
}
