//! Join codes: create, list, revoke, join.
//!
//! A join locks the organization's row and then counts the use with a conditional
//! update, so however many joins race, a code is used at most `maxUses` times.

use crate::secrets::digest;
use crate::{App, CreateJoinCodeError, Denied, JoinError, ListJoinCodesError, RevokeJoinCodeError};
use orgs_core::{
    Acting, Caller, Change, JOIN_CODE_ALPHABET, JOIN_CODE_LEN, JoinCode, JoinCodeId, JoinedVia, MaxUses, OrgId, Page,
    PageKey, Paged, Permission, Role, format_join_code, normalize_join_code,
};
use orgs_ports::{RowLock, TxMode};

/// A new join code and the code itself, shown only in this answer.
#[derive(Clone)]
pub struct NewJoinCode {
    pub join_code: JoinCode,
    /// Formatted for people: `XXXX-XXXX-XXXX-XXXX`.
    pub code: String,
}

impl std::fmt::Debug for NewJoinCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NewJoinCode")
            .field("join_code", &self.join_code)
            .finish_non_exhaustive()
    }
}

/// What joining answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Joined {
    pub organization: OrgId,
    pub role: Role,
    pub already_member: bool,
}

impl App {
    /// `organizations.joinCodes.create`: `max_uses` `None` is unlimited.
    pub async fn create_join_code(
        &self,
        acting: &Acting,
        organization: OrgId,
        role: Role,
        max_uses: Option<MaxUses>,
    ) -> Result<NewJoinCode, CreateJoinCodeError> {
        let caller = &acting.caller;
        let mut tx = self.store.begin(TxMode::Write).await?;
        let (_, access) = self
            .resolve_access::<CreateJoinCodeError>(&mut *tx, caller, organization, RowLock::ForUpdate)
            .await?;
        access.may_manage(Some(role), None).map_err(Denied::from)?;
        let raw = self.secrets.random_string(JOIN_CODE_ALPHABET, JOIN_CODE_LEN);
        let join_code = JoinCode {
            id: JoinCodeId::generate(),
            organization_id: organization,
            role,
            max_uses,
            uses: 0,
            created_by: caller.user(),
            created_at: self.clock.now(),
            revoked: false,
        };
        tx.insert_join_code(&join_code, &digest(&raw)).await?;
        let change = Change::JoinCodeCreated {
            code: join_code.id,
            role,
            max_uses,
        };
        self.commit_with_events(tx, acting, organization, [change]).await?;
        Ok(NewJoinCode {
            join_code,
            code: format_join_code(&raw),
        })
    }

    /// `organizations.joinCodes.list`: every code not revoked, exhausted ones included.
    pub async fn list_join_codes(
        &self,
        caller: &Caller,
        organization: OrgId,
        page: Option<Page>,
    ) -> Result<Paged<JoinCode>, ListJoinCodesError> {
        let mut tx = self.store.begin(TxMode::Read).await?;
        let (_, access) = self
            .resolve_access::<ListJoinCodesError>(&mut *tx, caller, organization, RowLock::None)
            .await?;
        access.require(Permission::MEMBERS_MANAGE).map_err(Denied::from)?;
        let codes = tx.list_join_codes(organization, page).await?;
        tx.commit().await?;
        Ok(Paged::cut(codes, page, |c| PageKey {
            at: c.created_at,
            id: c.id.as_uuid(),
        }))
    }

    /// `organizations.joinCodes.revoke`: a no-op for a code already revoked.
    pub async fn revoke_join_code(
        &self,
        acting: &Acting,
        organization: OrgId,
        id: JoinCodeId,
    ) -> Result<(), RevokeJoinCodeError> {
        let mut tx = self.store.begin(TxMode::Write).await?;
        let (_, access) = self
            .resolve_access::<RevokeJoinCodeError>(&mut *tx, &acting.caller, organization, RowLock::ForUpdate)
            .await?;
        access.may_manage(None, None).map_err(Denied::from)?;
        let code = tx
            .find_join_code(organization, id)
            .await?
            .ok_or(RevokeJoinCodeError::JoinCodeNotFound)?;
        access.may_manage(None, Some(code.role)).map_err(Denied::from)?;
        if !code.revoked {
            tx.revoke_join_code(id, self.clock.now()).await?;
            let change = Change::JoinCodeRevoked {
                code: id,
                role: code.role,
                max_uses: code.max_uses,
                uses: code.uses,
            };
            self.commit_with_events(tx, acting, organization, [change]).await?;
        }
        Ok(())
    }

    /// `organizations.joinCodes.join`: a member joining again keeps the role, uses
    /// nothing up and is told `already_member`, even from an exhausted code.
    pub async fn join_with_code(&self, acting: &Acting, typed: &str) -> Result<Joined, JoinError> {
        let (user, email) = acting.user().ok_or(Denied::UserRequired)?;
        let code = normalize_join_code(typed).ok_or(JoinError::InvalidJoinCode)?;
        let secret = digest(&code);
        let mut tx = self.store.begin(TxMode::Write).await?;
        let found = tx
            .find_join_code_by_secret(&secret)
            .await?
            .ok_or(JoinError::InvalidJoinCode)?;
        let organization = found.organization_id;
        tx.find_organization(organization, RowLock::ForUpdate)
            .await?
            .ok_or(JoinError::InvalidJoinCode)?;
        let code = tx
            .find_join_code_by_secret(&secret)
            .await?
            .ok_or(JoinError::InvalidJoinCode)?;
        if code.revoked {
            return Err(JoinError::InvalidJoinCode);
        }
        if let Some(role) = tx.find_role(organization, user).await? {
            return Ok(Joined {
                organization,
                role,
                already_member: true,
            });
        }
        if code.is_exhausted() || !tx.use_join_code(code.id).await? {
            return Err(JoinError::Exhausted);
        }
        tx.insert_membership(organization, user, code.role, self.clock.now())
            .await?;
        let change = Change::MemberAdded {
            user,
            email: email.clone(),
            role: code.role,
            via: JoinedVia::JoinCode,
        };
        self.commit_with_events(tx, acting, organization, [change]).await?;
        Ok(Joined {
            organization,
            role: code.role,
            already_member: false,
        })
    }
}

#[cfg(test)]
#[path = "join_codes_tests.rs"]
mod tests;
