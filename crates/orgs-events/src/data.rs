//! An event's `data`: the change itself, in camelCase JSON, never a secret.

use orgs_core::{Change, JoinedVia, RemovedVia};
use serde_json::{Value, json};

/// The JSON object stored as the event's `data`.
pub(crate) fn encode_data(change: &Change) -> String {
    data(change).to_string()
}

fn data(change: &Change) -> Value {
    match change {
        Change::OrganizationCreated { name } | Change::OrganizationDeleted { name } => {
            json!({ "name": name.as_str() })
        }
        Change::OrganizationUpdated { old_name, new_name } => {
            json!({ "oldName": old_name.as_str(), "newName": new_name.as_str() })
        }
        Change::OwnershipTransferred { from, to } => {
            json!({ "fromUserId": from.to_string(), "toUserId": to.to_string() })
        }
        Change::MemberAdded { user, email, role, via } => json!({
            "userId": user.to_string(),
            "email": email.as_str(),
            "role": role.as_str(),
            "via": match via {
                JoinedVia::Created => "created",
                JoinedVia::Invitation => "invitation",
                JoinedVia::JoinCode => "join_code",
            },
        }),
        Change::MemberRoleChanged {
            user,
            email,
            old_role,
            new_role,
        } => json!({
            "userId": user.to_string(),
            "email": email.as_str(),
            "oldRole": old_role.as_str(),
            "newRole": new_role.as_str(),
        }),
        Change::MemberRemoved { user, email, role, via } => json!({
            "userId": user.to_string(),
            "email": email.as_str(),
            "role": role.as_str(),
            "via": match via {
                RemovedVia::Removed => "removed",
                RemovedVia::Left => "left",
            },
        }),
        Change::InvitationCreated {
            email,
            role,
            expires_at,
            ..
        } => json!({
            "email": email.as_str(),
            "role": role.as_str(),
            "expiresAt": crate::time(*expires_at),
        }),
        Change::InvitationRevoked {
            email, role, replaced, ..
        } => json!({
            "email": email.as_str(),
            "role": role.as_str(),
            "reason": if *replaced { "replaced" } else { "revoked" },
        }),
        Change::InvitationAccepted { email, role, user, .. } => json!({
            "email": email.as_str(),
            "role": role.as_str(),
            "userId": user.to_string(),
        }),
        Change::JoinCodeCreated { role, max_uses, .. } => json!({
            "role": role.as_str(),
            "maxUses": max_uses.map(|max| max.get()),
        }),
        Change::JoinCodeRevoked {
            role, max_uses, uses, ..
        } => json!({
            "role": role.as_str(),
            "maxUses": max_uses.map(|max| max.get()),
            "uses": uses,
        }),
        Change::ApiTokenCreated { name, env, .. } | Change::ApiTokenRevoked { name, env, .. } => json!({
            "name": name.as_ref().map(|name| name.as_str()),
            "env": env.as_str(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use orgs_core::{Email, Role, UserId};

    #[test]
    fn a_role_change_names_both_roles_and_the_member() {
        let user = UserId::generate();
        let encoded = encode_data(&Change::MemberRoleChanged {
            user,
            email: Email::parse("bob@example.com").unwrap(),
            old_role: Role::MEMBER,
            new_role: Role::ADMIN,
        });
        let value: Value = serde_json::from_str(&encoded).unwrap();
        assert_eq!(
            value,
            json!({"userId": user.to_string(), "email": "bob@example.com", "oldRole": "member", "newRole": "admin"})
        );
    }
}
