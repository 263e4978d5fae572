//! Requests abandoned mid-transaction (a client hanging up) must not spoil the pool.
//! Found by `cargo xtask bench`: on SQLite, a future dropped just as `BEGIN` succeeded
//! left a pooled connection inside a transaction no one would end, and every later
//! write on it failed.

use crate::contract::new_organization;
use orgs_ports::{RowLock, Store, TxMode};
use std::sync::Arc;
use std::time::Duration;

const TASKS: usize = 32;
const ATTEMPTS: usize = 150;

/// One transaction cut off after `deadline`: wherever that lands (waiting for a
/// connection, in `BEGIN`, mid-statement, in `COMMIT`), the store must recover.
async fn cut_short(store: &Arc<dyn Store>, attempt: usize, deadline: Duration) -> Result<(), String> {
    let work = async {
        let mode = if attempt.is_multiple_of(3) {
            TxMode::Read
        } else {
            TxMode::Write
        };
        let mut tx = store.begin(mode).await.map_err(|err| format!("begin: {err}"))?;
        let organization = new_organization("Abandoned");
        tx.find_organization(organization.id, RowLock::ForUpdate)
            .await
            .map_err(|err| format!("find: {err}"))?;
        if mode == TxMode::Write && attempt.is_multiple_of(2) {
            tx.insert_organization(&organization)
                .await
                .map_err(|err| format!("insert: {err}"))?;
            tx.commit().await.map_err(|err| format!("commit: {err}"))?;
        }
        Ok(())
    };
    tokio::time::timeout(deadline, work).await.unwrap_or(Ok(()))
}

pub async fn abandoned_transactions_leave_every_connection_usable(store: Arc<dyn Store>) {
    let tasks: Vec<_> = (0..TASKS)
        .map(|task| {
            let store = store.clone();
            tokio::spawn(async move {
                let mut failures = Vec::new();
                for attempt in 0..ATTEMPTS {
                    // Spread the cuts over the first 400 µs, where BEGIN and the
                    // statements of a small transaction land on either store.
                    let deadline = Duration::from_micros(((attempt * 37 + task * 101) % 400) as u64);
                    if let Err(failure) = cut_short(&store, attempt, deadline).await {
                        failures.push(failure);
                    }
                }
                failures
            })
        })
        .collect();
    let mut failures = Vec::new();
    for task in tasks {
        failures.extend(task.await.unwrap());
    }
    assert!(
        failures.is_empty(),
        "{} failures, first: {:?}",
        failures.len(),
        failures.first()
    );

    // Afterwards every connection the pool hands out writes and sees the latest data.
    let checks: Vec<_> = (0..TASKS)
        .map(|_| {
            let store = store.clone();
            tokio::spawn(async move {
                let organization = new_organization("After");
                let mut tx = store.begin(TxMode::Write).await.unwrap();
                tx.insert_organization(&organization).await.unwrap();
                tx.commit().await.unwrap();
                organization
            })
        })
        .collect();
    for check in checks {
        let organization = check.await.unwrap();
        for _ in 0..4 {
            let mut tx = store.begin(TxMode::Read).await.unwrap();
            let found = tx.find_organization(organization.id, RowLock::None).await.unwrap();
            tx.commit().await.unwrap();
            assert_eq!(found.as_ref(), Some(&organization), "a stale or broken connection");
        }
    }
}
