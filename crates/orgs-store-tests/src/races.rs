//! The last-owner invariant under concurrency, through the real use cases: however two
//! owners' changes interleave, the organization keeps exactly one owner.

use crate::{seed_organization, seed_user};
use orgs_app::App;
use orgs_auth::{Argon2Hasher, OsSecrets, SystemClock};
use orgs_core::{Acting, OrgId, Role, UserId};
use orgs_ports::{RowLock, Store, TxMode};
use std::future::Future;
use std::sync::Arc;

/// Each race is repeated so that both orders, and the truly simultaneous case, occur.
const ROUNDS: usize = 25;

pub(crate) fn app(store: &Arc<dyn Store>) -> Arc<App> {
    app_with_roles(store, orgs_core::Roles::built_in())
}

pub(crate) fn app_with_roles(store: &Arc<dyn Store>, roles: orgs_core::Roles) -> Arc<App> {
    Arc::new(
        App::new(
            store.clone(),
            Arc::new(SystemClock),
            Arc::new(OsSecrets),
            Arc::new(Argon2Hasher::default()),
            orgs_app::Policy::default(),
        )
        .with_roles(roles),
    )
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

pub(crate) type Outcome = Result<(), String>;

/// For two owners `a` and `b`, runs `first(a, b)` and `second(b, a)` at once, `ROUNDS`
/// times, and checks one owner remains and exactly one of the two actions succeeded.
async fn race<F, G, FutF, FutG>(store: Arc<dyn Store>, first: F, second: G, loser_must_hear: Option<&str>)
where
    F: Fn(Arc<App>, OrgId, Acting, UserId) -> FutF + Clone + Send + 'static,
    G: Fn(Arc<App>, OrgId, Acting, UserId) -> FutG + Clone + Send + 'static,
    FutF: Future<Output = Outcome> + Send + 'static,
    FutG: Future<Output = Outcome> + Send + 'static,
{
    race_expecting(store, first, second, 1, loser_must_hear).await;
}

/// `race`, where `successes` of the two actions must succeed in every round.
pub(crate) async fn race_expecting<F, G, FutF, FutG>(
    store: Arc<dyn Store>,
    first: F,
    second: G,
    successes: usize,
    loser_must_hear: Option<&str>,
) where
    F: Fn(Arc<App>, OrgId, Acting, UserId) -> FutF + Clone + Send + 'static,
    G: Fn(Arc<App>, OrgId, Acting, UserId) -> FutG + Clone + Send + 'static,
    FutF: Future<Output = Outcome> + Send + 'static,
    FutG: Future<Output = Outcome> + Send + 'static,
{
    let app = app(&store);
    for round in 0..ROUNDS {
        let (a, b) = (seed_user(&store).await, seed_user(&store).await);
        let organization = seed_organization(&store, &[(a.id, Role::OWNER), (b.id, Role::OWNER)])
            .await
            .id;
        let barrier = Arc::new(tokio::sync::Barrier::new(2));
        let one = {
            let (app, first, barrier) = (app.clone(), first.clone(), barrier.clone());
            let (me, them) = (crate::acting(&a), b.id);
            tokio::spawn(async move {
                barrier.wait().await;
                first(app, organization, me, them).await
            })
        };
        let two = {
            let (app, second, barrier) = (app.clone(), second.clone(), barrier.clone());
            let (me, them) = (crate::acting(&b), a.id);
            tokio::spawn(async move {
                barrier.wait().await;
                second(app, organization, me, them).await
            })
        };
        let outcomes = [one.await.unwrap(), two.await.unwrap()];
        let succeeded = outcomes.iter().filter(|outcome| outcome.is_ok()).count();
        assert_eq!(owners(&store, organization).await, 1, "round {round}: {outcomes:?}");
        assert_eq!(succeeded, successes, "round {round}: {outcomes:?}");
        if let Some(refusal) = loser_must_hear {
            let lost = outcomes
                .iter()
                .find_map(|outcome| outcome.as_ref().err())
                .expect("one lost");
            assert!(lost.contains(refusal), "round {round}: {outcomes:?}");
        }
    }
}

async fn demote(app: Arc<App>, organization: OrgId, me: Acting, them: UserId) -> Outcome {
    app.set_member_role(&me, organization, them, Role::MEMBER)
        .await
        .map_err(|err| format!("{err:?}"))
}

async fn remove(app: Arc<App>, organization: OrgId, me: Acting, them: UserId) -> Outcome {
    app.remove_member(&me, organization, them)
        .await
        .map_err(|err| format!("{err:?}"))
}

async fn step_down(app: Arc<App>, organization: OrgId, me: Acting, _them: UserId) -> Outcome {
    let id = me.caller.user().expect("a user");
    app.set_member_role(&me, organization, id, Role::ADMIN)
        .await
        .map_err(|err| format!("{err:?}"))
}

pub async fn racing_owners_demoting_each_other_leave_one_owner(store: Arc<dyn Store>) {
    race(store, demote, demote, None).await;
}

pub async fn racing_owners_removing_each_other_leave_one_owner(store: Arc<dyn Store>) {
    race(store, remove, remove, None).await;
}

pub async fn racing_owners_stepping_down_leave_one_owner(store: Arc<dyn Store>) {
    // Both see two owners before either commits, unless the count is read under the lock:
    // the loser must be told `LastOwner`, never allowed through.
    race(store, step_down, step_down, Some("LastOwner")).await;
}

pub async fn an_owner_demoting_while_the_other_removes_leaves_one_owner(store: Arc<dyn Store>) {
    race(store, demote, remove, None).await;
}
