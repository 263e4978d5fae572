//! Helpers for the use-case unit tests: an `App` over mocked ports.

use crate::App;
use chrono::{TimeZone, Utc};
use orgs_core::{Acting, Email, Member, OrgId, OrgName, Organization, Role, Timestamp, UserId};
use orgs_ports::{MockClock, MockSecretGenerator, MockSecretHasher, MockStore, MockTx, StoreError};
use std::sync::Arc;

pub(crate) fn fixed_now() -> Timestamp {
    Utc.with_ymd_and_hms(2026, 11, 29, 12, 0, 0).unwrap()
}

pub(crate) fn name(text: &str) -> OrgName {
    OrgName::parse(text).unwrap()
}

pub(crate) fn organization() -> Organization {
    Organization {
        id: OrgId::generate(),
        name: name("Acme"),
        created_at: fixed_now(),
        updated_at: fixed_now(),
    }
}

/// The email every mocked user acts with.
pub(crate) fn email_of(user: UserId) -> Email {
    Email::parse(&format!("u{}@example.com", &user.to_string()[..8])).unwrap()
}

/// A user acting through a write use case, as the HTTP extractor makes it.
pub(crate) fn as_user(user: UserId) -> Acting {
    Acting::of_user(user, email_of(user))
}

/// An organization token acting in its own organization.
pub(crate) fn as_token(organization: OrgId) -> Acting {
    Acting::of_organization_token(organization, "orgs_live_testkey")
}

/// Expects exactly these events, in this order, from `actor`, written together.
pub(crate) fn expect_events(tx: &mut MockTx, actor: orgs_core::Actor, actions: &[orgs_core::Action]) {
    let actions = actions.to_vec();
    tx.expect_commit_with_events()
        .withf(move |events| {
            events.iter().map(|event| event.change.action()).collect::<Vec<_>>() == actions
                && events.iter().all(|event| event.actor == actor)
        })
        .times(1)
        .returning(|_| Ok(0));
}

pub(crate) fn store_failure() -> StoreError {
    StoreError::Unavailable("connection refused".into())
}

pub(crate) fn expect_org(tx: &mut MockTx, org: &Organization) {
    let found = org.clone();
    tx.expect_find_organization()
        .returning(move |_, _| Ok(Some(found.clone())));
}

/// A read's access check: `organization` exists and `role_of` says each user's role.
/// Also answers the two-step check of changes, so one helper serves either kind.
pub(crate) fn expect_access(
    tx: &mut MockTx,
    organization: &Organization,
    role_of: impl Fn(UserId) -> Option<Role> + Clone + Send + 'static,
) {
    expect_org(tx, organization);
    let (found, roles) = (organization.clone(), role_of.clone());
    tx.expect_find_organization_with_role()
        .returning(move |_, user| Ok(Some((found.clone(), roles(user)))));
    let member_role = role_of.clone();
    tx.expect_find_role().returning(move |_, user| Ok(role_of(user)));
    tx.expect_find_member().returning(move |_, user| {
        Ok(member_role(user).map(|role| Member {
            user_id: user,
            email: email_of(user),
            role,
            joined_at: fixed_now(),
        }))
    });
}

pub(crate) fn app_with_store(store: MockStore) -> App {
    let mut clock = MockClock::new();
    clock.expect_now().returning(fixed_now);
    let mut secrets = MockSecretGenerator::new();
    secrets
        .expect_random_string()
        .returning(|alphabet, len| std::iter::repeat_n(alphabet[0] as char, len).collect());
    let mut hasher = MockSecretHasher::new();
    hasher
        .expect_hash()
        .returning(|secret| orgs_core::ApiTokenSecretHash(format!("hashed:{secret}")));
    hasher
        .expect_verify()
        .returning(|secret, hash| hash.0 == format!("hashed:{secret}"));
    App::new(
        Arc::new(store),
        Arc::new(clock),
        Arc::new(secrets),
        Arc::new(hasher),
        crate::Policy::default(),
    )
}

/// An app whose store hands out `tx` for the one transaction the use case opens.
pub(crate) fn app_with_tx(tx: MockTx) -> App {
    app_with_txs(vec![tx])
}

/// An app whose store hands out these transactions, in order, and no more.
pub(crate) fn app_with_txs(txs: Vec<MockTx>) -> App {
    let mut store = MockStore::new();
    let count = txs.len();
    let mut txs = txs.into_iter();
    store
        .expect_begin()
        .times(count)
        .returning(move |_| Ok(Box::new(txs.next().expect("no more transactions"))));
    app_with_store(store)
}

pub(crate) fn user(id: orgs_core::UserId, email: &str) -> orgs_core::User {
    orgs_core::User {
        id,
        email: orgs_core::Email::parse(email).unwrap(),
        created_at: fixed_now(),
    }
}
