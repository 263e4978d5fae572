//! The last-owner invariant under concurrency, through the real use cases: however two
//! owners' changes interleave, the organization keeps exactly one owner.

use crate::{seed_organization, seed_user};
use orgs_app::App;
use orgs_auth::{Argon2Hasher, OsSecrets, SystemClock};
use orgs_core::{Caller, OrgId, Role, UserId};
use orgs_ports::{RowLock, Store, TxMode};
use std::future::Future;
use std::sync::Arc;

/// Each race is repeated so that both orders, and the truly simultaneous case, occur.
const ROUNDS: usize = 25;

fn app(store: &Arc<dyn Store>) -> Arc<App> {
    Arc::new(App::new(
        store.clone(),
        Arc::new(SystemClock),
        Arc::new(OsSecrets),
        Arc::new(Argon2Hasher::default()),
        orgs_app::Policy::default(),
    ))
}

async fn owners(store: &Arc<dyn Store>, organization: OrgId) -> u64 {
    let mut tx = store.begin(TxMode::Read).await.unwrap();
    assert!(
        tx.find_organization(organization, RowLock::None)
            .await
            .unwrap()
            .is_some()
    );
    tx.count_owners(organization).await.unwrap()
}

/// Runs `action(a, b)` and `action(b, a)` at once for two owners, `ROUNDS` times, and
/// checks one owner remains and exactly one of the two actions succeeded.
async fn race<F, Fut, E>(store: Arc<dyn Store>, action: F)
where
    F: Fn(Arc<App>, OrgId, UserId, UserId) -> Fut + Clone + Send + 'static,
    Fut: Future<Output = Result<(), E>> + Send + 'static,
    E: std::fmt::Debug + Send + 'static,
{
    let app = app(&store);
    for round in 0..ROUNDS {
        let (a, b) = (seed_user(&store).await.id, seed_user(&store).await.id);
        let organization = seed_organization(&store, &[(a, Role::Owner), (b, Role::Owner)])
            .await
            .id;
        let barrier = Arc::new(tokio::sync::Barrier::new(2));
        let spawn = |me: UserId, them: UserId| {
            let (app, action, barrier) = (app.clone(), action.clone(), barrier.clone());
            tokio::spawn(async move {
                barrier.wait().await;
                action(app, organization, me, them).await
            })
        };
        let (first, second) = (spawn(a, b), spawn(b, a));
        let outcomes = [first.await.unwrap(), second.await.unwrap()];
        let succeeded = outcomes.iter().filter(|outcome| outcome.is_ok()).count();
        assert_eq!(owners(&store, organization).await, 1, "round {round}: {outcomes:?}");
        assert_eq!(succeeded, 1, "round {round}: {outcomes:?}");
    }
}

pub async fn racing_owners_demoting_each_other_leave_one_owner(store: Arc<dyn Store>) {
    race(store, |app, organization, me, them| async move {
        app.set_member_role(&Caller::User(me), organization, them, Role::Member)
            .await
    })
    .await;
}

pub async fn racing_owners_removing_each_other_leave_one_owner(store: Arc<dyn Store>) {
    race(store, |app, organization, me, them| async move {
        app.remove_member(&Caller::User(me), organization, them).await
    })
    .await;
}

pub async fn racing_owners_stepping_down_leave_one_owner(store: Arc<dyn Store>) {
    race(store, |app, organization, me, _them| async move {
        app.set_member_role(&Caller::User(me), organization, me, Role::Admin)
            .await
    })
    .await;
}
