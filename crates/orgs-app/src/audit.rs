//! The audit log from the use cases' side: each change appends its events inside its own
//! transaction, so they commit or vanish together, and a commit that owes deliveries
//! wakes the delivery worker.
//! Reading the log is `organizations.auditLog.list`, and the operator's `audit list`.

use crate::{App, Denied, ListAuditLogError};
use orgs_core::{
    Acting, Actor, AuditEvent, Caller, Change, EventId, OrgId, Page, PageKey, Paged, Permission, RequestInfo,
};
use orgs_ports::{EventFilter, LoggedEvent, RowLock, StoreError, Tx, TxMode};

impl App {
    /// Appends the events of one change made by `acting`, stamped now, and commits them
    /// with it.
    pub(crate) async fn commit_with_events(
        &self,
        tx: Box<dyn Tx>,
        acting: &Acting,
        organization: OrgId,
        changes: impl IntoIterator<Item = Change>,
    ) -> Result<(), StoreError> {
        self.commit_events_as(tx, &acting.actor, &acting.request, organization, changes)
            .await
    }

    /// `commit_with_events` for an actor without a request: the command line.
    pub(crate) async fn commit_events_as(
        &self,
        mut tx: Box<dyn Tx>,
        actor: &Actor,
        request: &RequestInfo,
        organization: OrgId,
        changes: impl IntoIterator<Item = Change>,
    ) -> Result<(), StoreError> {
        let occurred_at = self.clock.now();
        let events: Vec<AuditEvent> = changes
            .into_iter()
            .map(|change| AuditEvent {
                id: EventId::at(occurred_at),
                organization,
                occurred_at,
                actor: actor.clone(),
                change,
                request: request.clone(),
            })
            .collect();
        let owed = tx.commit_with_events(&events).await?;
        // Only a commit that owes deliveries wakes the worker: with no endpoint, events
        // cost the writes nothing more.
        if owed > 0 {
            self.wake_delivery();
        }
        Ok(())
    }

    /// Wakes this process's delivery worker (other processes find the work on their
    /// next poll).
    pub(crate) fn wake_delivery(&self) {
        self.events_committed.notify(usize::MAX);
    }

    /// Resolves when a change of this process commits events; the delivery worker waits
    /// on it between polls. Listen before looking for work, so no wake-up is missed.
    pub fn listen_for_events(&self) -> event_listener::EventListener {
        self.events_committed.listen()
    }

    /// `organizations.auditLog.list`: needs `members:manage`; newest first.
    pub async fn list_audit_log(
        &self,
        caller: &Caller,
        organization: OrgId,
        filter: &EventFilter,
        page: Page,
    ) -> Result<Paged<LoggedEvent>, ListAuditLogError> {
        let mut tx = self.store.begin(TxMode::Read).await?;
        let (_, access) = self
            .resolve_access::<ListAuditLogError>(&mut *tx, caller, organization, RowLock::None)
            .await?;
        access.require(Permission::MEMBERS_MANAGE).map_err(Denied::from)?;
        let events = tx.list_events(organization, filter, page).await?;
        tx.commit().await?;
        Ok(Self::page_of_events(events, page))
    }

    /// `orgs-server audit list --org`: any organization's log, deleted ones included.
    pub async fn operator_audit_log(
        &self,
        organization: OrgId,
        filter: &EventFilter,
        page: Page,
    ) -> Result<Paged<LoggedEvent>, StoreError> {
        let mut tx = self.store.begin(TxMode::Read).await?;
        let events = tx.list_events(organization, filter, page).await?;
        tx.commit().await?;
        Ok(Self::page_of_events(events, page))
    }

    fn page_of_events(events: Vec<LoggedEvent>, page: Page) -> Paged<LoggedEvent> {
        Paged::cut(events, Some(page), |event| PageKey {
            at: event.occurred_at,
            id: event.id.as_uuid(),
        })
    }

    /// Deletes events older than the retention, in batches of `batch`, each its own
    /// short transaction so no request waits long behind it. Returns how many went.
    pub async fn prune_audit_log(&self, retention: chrono::TimeDelta, batch: u32) -> Result<u64, StoreError> {
        let before = self.clock.now() - retention;
        let mut total = 0;
        loop {
            let mut tx = self.store.begin(TxMode::Write).await?;
            let deleted = tx.prune_events(before, batch).await?;
            tx.commit().await?;
            total += deleted;
            if deleted < u64::from(batch) {
                return Ok(total);
            }
        }
    }
}
