//! Audit logs of two sizes, so a page read from a long log can be set beside one from a
//! short log: one user owns both organizations, each event a role change a millisecond
//! after the one before, written the way the use cases write them (`commit_with_events`).

use anyhow::anyhow;
use chrono::TimeDelta;
use orgs_app::App;
use orgs_core::{Acting, Actor, AuditEvent, Change, Email, EventId, OrgId, RequestInfo, Role, Timestamp, UserId};
use orgs_ports::{EventFilter, Store, TxMode};

/// Events a transaction writes: 13 values an event, inside SQLite's 32,766 a statement.
const EVENTS_PER_TX: usize = 1_000;

/// The events of the short log.
const SHORT_LOG: usize = 1_000;

pub struct AuditLogs {
    pub auditor_token: String,
    pub short: OrgId,
    pub long: OrgId,
    /// Where a reader stands after paging through half the long log.
    pub long_mid_cursor: String,
}

pub async fn seed(app: &App, store: &dyn Store, long_log: usize) -> anyhow::Result<AuditLogs> {
    let auditor = app
        .create_user_token(Email::parse("auditor@bench.test")?)
        .await
        .map_err(|e| anyhow!("{e:?}"))?;
    let acting = Acting::of_user(auditor.user.id, auditor.user.email.clone());
    let short = super::create_organization(app, &acting, "Short audit log").await?;
    let long = super::create_organization(app, &acting, "Long audit log").await?;
    write_events(store, short, &acting.actor, SHORT_LOG).await?;
    write_events(store, long, &acting.actor, long_log).await?;
    let mut tx = store.begin(TxMode::Read).await?;
    let long_mid_cursor = super::cursor_after(long_log / 2, async |page| {
        let events = tx.list_events(long, &EventFilter::default(), page).await?;
        Ok(events
            .iter()
            .map(|event| orgs_core::PageKey {
                at: event.occurred_at,
                id: event.id.as_uuid(),
            })
            .collect())
    })
    .await?;
    tx.commit().await?;
    Ok(AuditLogs {
        auditor_token: auditor.token.bearer(),
        short,
        long,
        long_mid_cursor,
    })
}

/// `count` events ending now, one a millisecond: the stores keep milliseconds.
async fn write_events(store: &dyn Store, organization: OrgId, actor: &Actor, count: usize) -> anyhow::Result<()> {
    let now = chrono::Utc::now();
    let first: Timestamp = now - TimeDelta::milliseconds(count as i64);
    let (user, email) = (UserId::generate(), Email::parse("changed@bench.test")?);
    for start in (0..count).step_by(EVENTS_PER_TX) {
        let events: Vec<AuditEvent> = (start..(start + EVENTS_PER_TX).min(count))
            .map(|index| {
                let at = first + TimeDelta::milliseconds(index as i64);
                let (old_role, new_role) = if index % 2 == 0 {
                    (Role::MEMBER, Role::ADMIN)
                } else {
                    (Role::ADMIN, Role::MEMBER)
                };
                AuditEvent {
                    id: EventId::at(at),
                    organization,
                    occurred_at: at,
                    actor: actor.clone(),
                    change: Change::MemberRoleChanged {
                        user,
                        email: email.clone(),
                        old_role,
                        new_role,
                    },
                    request: RequestInfo {
                        request_id: Some(format!("bench-{index}")),
                        ip_address: Some("127.0.0.1".into()),
                        user_agent: Some("orgs-bench".into()),
                    },
                }
            })
            .collect();
        let mut tx = store.begin(TxMode::Write).await?;
        tx.commit_with_events(&events).await?;
    }
    Ok(())
}
