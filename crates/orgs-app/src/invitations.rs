//! Invitations: create, list, revoke, accept.
//!
//! Every change locks the organization's row first, so a create, a revoke and an accept
//! touching one organization run one after the other and each sees the others' results;
//! that is what makes a token admit exactly one user and an accept racing a revoke end
//! in exactly one of the two outcomes.

use crate::secrets::{BASE62, SECRET_LEN, digest};
use crate::{AcceptInvitationError, App, CreateInvitationError, Denied, ListInvitationsError, RevokeInvitationError};
use orgs_core::{
    Acting, Caller, Change, Email, Invitation, InvitationId, InvitationState, JoinedVia, OrgId, Page, PageKey, Paged,
    Permission, Role,
};
use orgs_ports::{RowLock, TxMode};

/// A new invitation and its token, which exists only in this answer.
#[derive(Clone)]
pub struct NewInvitation {
    pub invitation: Invitation,
    pub token: String,
}

impl std::fmt::Debug for NewInvitation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NewInvitation")
            .field("invitation", &self.invitation)
            .finish_non_exhaustive()
    }
}

/// What accepting answers: where the user now belongs and with which role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AcceptedInvitation {
    pub organization: OrgId,
    pub role: Role,
}

/// Invitation tokens travel in links, so they are base62 and carry 256 bits.
const TOKEN_PREFIX: &str = "inv_";

impl App {
    /// `organizations.invitations.create`: replaces the email's earlier open invitation.
    pub async fn create_invitation(
        &self,
        acting: &Acting,
        organization: OrgId,
        email: Email,
        role: Role,
    ) -> Result<NewInvitation, CreateInvitationError> {
        let caller = &acting.caller;
        let mut tx = self.store.begin(TxMode::Write).await?;
        let (_, access) = self
            .resolve_access::<CreateInvitationError>(&mut *tx, caller, organization, RowLock::ForUpdate)
            .await?;
        access.may_manage(Some(role), None).map_err(Denied::from)?;
        let now = self.clock.now();
        let previous = tx.find_open_invitation(organization, &email).await?;
        if let Some(previous) = &previous
            && previous.is_pending(now)
        {
            // Replacing a pending invitation is revoking it, so the rank rule for revoking
            // applies; an expired one is no longer anyone's to guard.
            access.may_manage(None, Some(previous.role)).map_err(Denied::from)?;
        }
        if let Some(user) = tx.find_user_by_email(&email).await?
            && tx.find_role(organization, user.id).await?.is_some()
        {
            return Err(CreateInvitationError::AlreadyMember);
        }
        let mut changes = Vec::with_capacity(2);
        if let Some(previous) = previous {
            tx.set_invitation_state(previous.id, InvitationState::Revoked { at: now })
                .await?;
            changes.push(Change::InvitationRevoked {
                invitation: previous.id,
                email: previous.email,
                role: previous.role,
                replaced: true,
            });
        }
        let token = format!("{TOKEN_PREFIX}{}", self.secrets.random_string(BASE62, SECRET_LEN));
        let invitation = Invitation {
            id: InvitationId::generate(),
            organization_id: organization,
            email,
            role,
            invited_by: caller.user(),
            created_at: now,
            expires_at: now + self.policy.invitation_ttl,
            state: InvitationState::Open,
        };
        tx.insert_invitation(&invitation, &digest(&token)).await?;
        changes.push(Change::InvitationCreated {
            invitation: invitation.id,
            email: invitation.email.clone(),
            role,
            expires_at: invitation.expires_at,
        });
        self.commit_with_events(tx, acting, organization, changes).await?;
        Ok(NewInvitation { invitation, token })
    }

    /// `organizations.invitations.list`: pending ones only, oldest first.
    pub async fn list_invitations(
        &self,
        caller: &Caller,
        organization: OrgId,
        page: Option<Page>,
    ) -> Result<Paged<Invitation>, ListInvitationsError> {
        let mut tx = self.store.begin(TxMode::Read).await?;
        let (_, access) = self
            .resolve_access::<ListInvitationsError>(&mut *tx, caller, organization, RowLock::None)
            .await?;
        access.require(Permission::MEMBERS_MANAGE).map_err(Denied::from)?;
        let pending = tx
            .list_pending_invitations(organization, self.clock.now(), page)
            .await?;
        tx.commit().await?;
        Ok(Paged::cut(pending, page, |i| PageKey {
            at: i.created_at,
            id: i.id.as_uuid(),
        }))
    }

    /// `organizations.invitations.revoke`: a no-op for one no longer pending.
    pub async fn revoke_invitation(
        &self,
        acting: &Acting,
        organization: OrgId,
        id: InvitationId,
    ) -> Result<(), RevokeInvitationError> {
        let mut tx = self.store.begin(TxMode::Write).await?;
        let (_, access) = self
            .resolve_access::<RevokeInvitationError>(&mut *tx, &acting.caller, organization, RowLock::ForUpdate)
            .await?;
        access.may_manage(None, None).map_err(Denied::from)?;
        let invitation = tx
            .find_invitation(organization, id)
            .await?
            .ok_or(RevokeInvitationError::InvitationNotFound)?;
        access.may_manage(None, Some(invitation.role)).map_err(Denied::from)?;
        let now = self.clock.now();
        if invitation.is_pending(now) {
            tx.set_invitation_state(id, InvitationState::Revoked { at: now })
                .await?;
            let change = Change::InvitationRevoked {
                invitation: id,
                email: invitation.email,
                role: invitation.role,
                replaced: false,
            };
            self.commit_with_events(tx, acting, organization, [change]).await?;
        }
        Ok(())
    }

    /// `organizations.invitations.accept`: the calling user, whose email must be the
    /// invited one, becomes a member. Safe to retry: the same user accepting again gets
    /// the role they hold now.
    pub async fn accept_invitation(
        &self,
        acting: &Acting,
        token: &str,
    ) -> Result<AcceptedInvitation, AcceptInvitationError> {
        use AcceptInvitationError::{EmailMismatch, InvalidInvitation};
        let user = acting.caller.user().ok_or(Denied::UserRequired)?;
        let token = digest(token);
        let mut tx = self.store.begin(TxMode::Write).await?;
        let found = tx.find_invitation_by_token(&token).await?.ok_or(InvalidInvitation)?;
        let organization = found.organization_id;
        tx.find_organization(organization, RowLock::ForUpdate)
            .await?
            .ok_or(InvalidInvitation)?;
        // Read again under the lock: a concurrent accept or revoke has settled by now.
        let invitation = tx.find_invitation_by_token(&token).await?.ok_or(InvalidInvitation)?;
        let now = self.clock.now();
        match invitation.state {
            InvitationState::Accepted { by, .. } if by == user => {
                let role = tx.find_role(organization, user).await?.ok_or(InvalidInvitation)?;
                return Ok(AcceptedInvitation { organization, role });
            }
            InvitationState::Accepted { .. } | InvitationState::Revoked { .. } => return Err(InvalidInvitation),
            InvitationState::Open if !invitation.is_pending(now) => return Err(InvalidInvitation),
            InvitationState::Open => {}
        }
        let email = tx.find_user(user).await?.ok_or(InvalidInvitation)?.email;
        if email != invitation.email {
            return Err(EmailMismatch);
        }
        let mut changes = Vec::with_capacity(2);
        let role = match tx.find_role(organization, user).await? {
            Some(current) => current,
            None => {
                tx.insert_membership(organization, user, invitation.role, now).await?;
                changes.push(Change::MemberAdded {
                    user,
                    email: email.clone(),
                    role: invitation.role,
                    via: JoinedVia::Invitation,
                });
                invitation.role
            }
        };
        tx.set_invitation_state(invitation.id, InvitationState::Accepted { by: user, at: now })
            .await?;
        changes.push(Change::InvitationAccepted {
            invitation: invitation.id,
            email,
            role: invitation.role,
            user,
        });
        self.commit_with_events(tx, acting, organization, changes).await?;
        Ok(AcceptedInvitation { organization, role })
    }
}

#[cfg(test)]
#[path = "invitations_tests.rs"]
mod tests;
