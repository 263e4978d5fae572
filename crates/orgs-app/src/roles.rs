//! The operator's side of custom roles: finding roles the data holds that the role table
//! no longer declares, and moving a retired role's holders to another in one transaction.

use crate::App;
use orgs_core::{Actor, AuditEvent, Change, EventId, RequestInfo, Role, UnknownRole};
use orgs_ports::{RoleHolders, StoreError, TxMode};

/// What `roles reassign` moved.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReassignReport {
    pub organizations: u64,
    pub memberships: u64,
    pub invitations: u64,
    pub join_codes: u64,
}

#[derive(Debug, thiserror::Error)]
pub enum ReassignError {
    /// Owners are moved one at a time, through the API, where the last-owner rule holds.
    #[error("owners cannot be reassigned: the last-owner rule is checked one organization at a time")]
    FromOwner,
    #[error("--from and --to name the same role")]
    SameRole,
    #[error("--to {0}")]
    UnknownTarget(UnknownRole),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl App {
    /// Roles that memberships, pending invitations or unrevoked join codes hold but the
    /// role table does not declare: a role taken out of the file too early.
    pub async fn undeclared_roles_held(&self) -> Result<Vec<RoleHolders>, StoreError> {
        let mut tx = self.store.begin(TxMode::Read).await?;
        let held = tx.count_role_holders().await?;
        tx.commit().await?;
        Ok(held
            .into_iter()
            .filter(|holders| holders.total() > 0 && self.roles.get(holders.role).is_none())
            .collect())
    }

    /// Moves every holder of `from` to `to` in one transaction, each organization locked
    /// as a change through the API locks it, and records a `member.role_changed` event by
    /// the operator for each member moved. Invitations and join codes change silently:
    /// the audit log has no event for a changed invitation or code.
    pub async fn reassign_role(&self, from: Role, to: &str) -> Result<ReassignReport, ReassignError> {
        let to = self.roles.declared(to).map_err(ReassignError::UnknownTarget)?;
        if from == Role::OWNER {
            return Err(ReassignError::FromOwner);
        }
        if from == to {
            return Err(ReassignError::SameRole);
        }
        let mut tx = self.store.begin(TxMode::Write).await?;
        let occurred_at = self.clock.now();
        let mut report = ReassignReport::default();
        let mut events = Vec::new();
        // A server still declaring `from` may grant it while this runs, in an
        // organization not yet locked; another pass takes those too.
        loop {
            let organizations = tx.lock_organizations_holding(from).await?;
            if organizations.is_empty() {
                break;
            }
            for organization in organizations {
                let moved = tx.reassign_role(organization, from, to).await?;
                report.organizations += 1;
                report.memberships += moved.members.len() as u64;
                report.invitations += moved.invitations;
                report.join_codes += moved.join_codes;
                events.extend(moved.members.into_iter().map(|member| AuditEvent {
                    id: EventId::at(occurred_at),
                    organization,
                    occurred_at,
                    actor: Actor::Operator,
                    change: Change::MemberRoleChanged {
                        user: member.user_id,
                        email: member.email,
                        old_role: from,
                        new_role: to,
                    },
                    request: RequestInfo::default(),
                }));
            }
        }
        let owed = tx.commit_with_events(&events).await?;
        if owed > 0 {
            self.wake_delivery();
        }
        Ok(report)
    }
}
