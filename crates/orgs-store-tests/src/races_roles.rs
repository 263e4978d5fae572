//! Custom roles under concurrency: a member's role changed by two owners at once, and by
//! the operator's `roles reassign` while an owner changes it through the API. Whatever
//! the interleaving, the member ends with one role and the audit log tells a history
//! that leads there, each change starting from the role the one before left.

use crate::model_roles::RoleSetup;
use crate::races::app_with_roles;
use crate::{seed_organization, seed_user};
use orgs_core::{Action, OrgId, Page, Role, UserId};
use orgs_ports::{EventFilter, RowLock, Store, TxMode};
use std::sync::Arc;

const ROUNDS: usize = 20;

fn role(name: &str) -> Role {
    Role::parse(name).unwrap()
}

/// The `member.role_changed` events about `user`, as (old role, new role).
async fn role_changes(store: &Arc<dyn Store>, organization: OrgId, user: UserId) -> Vec<(String, String)> {
    let mut tx = store.begin(TxMode::Read).await.unwrap();
    let filter = EventFilter {
        actions: vec![Action::MemberRoleChanged],
        ..EventFilter::default()
    };
    let events = tx
        .list_events(
            organization,
            &filter,
            Page {
                limit: 100,
                after: None,
            },
        )
        .await
        .unwrap();
    events
        .into_iter()
        .filter_map(|event| {
            let data: serde_json::Value = serde_json::from_str(&event.data).unwrap();
            (data["userId"] == user.to_string()).then(|| {
                (
                    data["oldRole"].as_str().unwrap().to_owned(),
                    data["newRole"].as_str().unwrap().to_owned(),
                )
            })
        })
        .collect()
}

/// True when the changes, in some order, lead from `start` to `end` one after another.
fn a_history_leads(changes: &[(String, String)], start: &str, end: &str) -> bool {
    if changes.is_empty() {
        return start == end;
    }
    changes.iter().enumerate().any(|(at, (old, new))| {
        let mut rest = changes.to_vec();
        rest.remove(at);
        old == start && a_history_leads(&rest, new, end)
    })
}

async fn role_of(store: &Arc<dyn Store>, organization: OrgId, user: UserId) -> Option<Role> {
    let mut tx = store.begin(TxMode::Read).await.unwrap();
    tx.find_organization(organization, RowLock::None).await.unwrap();
    tx.find_role(organization, user).await.unwrap()
}

pub async fn two_owners_changing_a_members_role_at_once_leave_one_history(store: Arc<dyn Store>) {
    let app = app_with_roles(&store, RoleSetup::Custom.roles());
    for round in 0..ROUNDS {
        let (a, b, target) = (
            seed_user(&store).await,
            seed_user(&store).await,
            seed_user(&store).await,
        );
        let organization = seed_organization(
            &store,
            &[(a.id, Role::OWNER), (b.id, Role::OWNER), (target.id, role("billing"))],
        )
        .await
        .id;
        let barrier = Arc::new(tokio::sync::Barrier::new(2));
        let change = |who: orgs_core::Acting, to: &'static str| {
            let (app, barrier) = (app.clone(), barrier.clone());
            tokio::spawn(async move {
                barrier.wait().await;
                app.set_member_role(&who, organization, target.id, role(to)).await
            })
        };
        let (one, two) = (
            change(crate::acting(&a), "viewer"),
            change(crate::acting(&b), "manager"),
        );
        let outcomes = [one.await.unwrap(), two.await.unwrap()];
        assert!(outcomes.iter().all(Result::is_ok), "round {round}: {outcomes:?}");
        let end = role_of(&store, organization, target.id).await.unwrap();
        assert!(["viewer", "manager"].contains(&end.as_str()), "round {round}: {end}");
        let changes = role_changes(&store, organization, target.id).await;
        assert_eq!(changes.len(), 2, "round {round}: {changes:?}");
        assert!(
            a_history_leads(&changes, "billing", end.as_str()),
            "round {round}: {changes:?} does not lead to {end}"
        );
    }
}

pub async fn a_reassign_racing_a_role_change_leaves_one_history(store: Arc<dyn Store>) {
    let app = app_with_roles(&store, RoleSetup::Custom.roles());
    for round in 0..ROUNDS {
        let (owner, target) = (seed_user(&store).await, seed_user(&store).await);
        let organization = seed_organization(&store, &[(owner.id, Role::OWNER), (target.id, role("billing"))])
            .await
            .id;
        let barrier = Arc::new(tokio::sync::Barrier::new(2));
        let through_the_api = {
            let (app, barrier, me) = (app.clone(), barrier.clone(), crate::acting(&owner));
            tokio::spawn(async move {
                barrier.wait().await;
                app.set_member_role(&me, organization, target.id, Role::MEMBER).await
            })
        };
        let by_the_operator = {
            let (app, barrier) = (app.clone(), barrier.clone());
            tokio::spawn(async move {
                barrier.wait().await;
                app.reassign_role(role("billing"), "viewer").await
            })
        };
        through_the_api.await.unwrap().expect("the change through the API");
        by_the_operator.await.unwrap().expect("the reassignment");
        // Either the API's change came first and nothing was left to reassign, or the
        // reassignment came first and the API changed viewer to member: member both ways.
        assert_eq!(
            role_of(&store, organization, target.id).await,
            Some(Role::MEMBER),
            "round {round}"
        );
        let changes = role_changes(&store, organization, target.id).await;
        assert!(
            a_history_leads(&changes, "billing", "member"),
            "round {round}: {changes:?} does not lead to member"
        );
        assert!(changes.len() <= 2, "round {round}: {changes:?}");
    }
    let mut tx = store.begin(TxMode::Read).await.unwrap();
    let holders = tx.count_role_holders().await.unwrap();
    assert!(holders.iter().all(|held| held.role != role("billing")), "{holders:?}");
}

/// The start-up check's count and the reassignment, on one organization with every kind
/// of holder: memberships, a pending invitation, a live join code; an accepted
/// invitation and a revoked code keep the name they had.
pub async fn a_reassignment_moves_every_live_holder_in_one_go(store: Arc<dyn Store>) {
    let app = app_with_roles(&store, RoleSetup::Custom.roles());
    let (owner, first, second) = (
        seed_user(&store).await,
        seed_user(&store).await,
        seed_user(&store).await,
    );
    let organization = seed_organization(
        &store,
        &[
            (owner.id, Role::OWNER),
            (first.id, role("billing")),
            (second.id, role("billing")),
        ],
    )
    .await
    .id;
    let me = crate::acting(&owner);
    app.create_invitation(
        &me,
        organization,
        orgs_core::Email::parse(&format!("{}@example.com", UserId::generate())).unwrap(),
        role("billing"),
    )
    .await
    .unwrap();
    let live = app
        .create_join_code(&me, organization, role("billing"), None)
        .await
        .unwrap();
    let revoked = app
        .create_join_code(&me, organization, role("billing"), None)
        .await
        .unwrap();
    app.revoke_join_code(&me, organization, revoked.join_code.id)
        .await
        .unwrap();
    let mut tx = store.begin(TxMode::Read).await.unwrap();
    let held = tx.count_role_holders().await.unwrap();
    drop(tx);
    let billing = held
        .iter()
        .find(|held| held.role == role("billing"))
        .expect("billing is held");
    assert_eq!(
        (billing.memberships, billing.invitations, billing.join_codes),
        (2, 1, 1)
    );

    let retired = app_with_roles(&store, RoleSetup::BuiltIn.roles());
    let undeclared = retired.undeclared_roles_held().await.unwrap();
    assert_eq!(
        undeclared.iter().map(|held| held.role).collect::<Vec<_>>(),
        vec![role("billing")]
    );
    assert!(app.undeclared_roles_held().await.unwrap().is_empty());

    assert!(
        retired.reassign_role(role("billing"), "viewer").await.is_err(),
        "viewer is not declared there"
    );
    assert!(retired.reassign_role(Role::OWNER, "member").await.is_err());
    let moved = retired.reassign_role(role("billing"), "member").await.unwrap();
    assert_eq!(
        (
            moved.organizations,
            moved.memberships,
            moved.invitations,
            moved.join_codes
        ),
        (1, 2, 1, 1)
    );
    assert!(retired.undeclared_roles_held().await.unwrap().is_empty());
    assert_eq!(role_of(&store, organization, first.id).await, Some(Role::MEMBER));
    let mut tx = store.begin(TxMode::Read).await.unwrap();
    let code = tx
        .find_join_code(organization, live.join_code.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(code.role, Role::MEMBER);
    let old = tx
        .find_join_code(organization, revoked.join_code.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(old.role, role("billing"), "a revoked code keeps its role");
    drop(tx);
    for user in [first.id, second.id] {
        let changes = role_changes(&store, organization, user).await;
        assert_eq!(changes, vec![("billing".to_owned(), "member".to_owned())]);
    }
    let again = retired.reassign_role(role("billing"), "member").await.unwrap();
    assert_eq!(again.memberships + again.invitations + again.join_codes, 0);
}
