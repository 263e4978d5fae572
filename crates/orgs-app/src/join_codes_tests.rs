//! Unit tests of the join-code use cases over mocked ports.

use super::*;
use crate::testing::*;
use orgs_core::{RuleViolation, UserId};
use orgs_ports::{MockStore, MockTx};

/// The mocked secret generator repeats the alphabet's first character.
const TYPED: &str = "0000-0000-0000-0000";

fn code(max_uses: Option<u32>, uses: u32, revoked: bool) -> JoinCode {
    JoinCode {
        id: JoinCodeId::generate(),
        organization_id: OrgId::generate(),
        role: Role::MEMBER,
        max_uses: max_uses.map(|max| MaxUses::parse(i64::from(max)).unwrap()),
        uses,
        created_by: None,
        created_at: fixed_now(),
        revoked,
    }
}

fn joining(found: JoinCode, current: Option<Role>) -> MockTx {
    let mut tx = MockTx::new();
    tx.expect_find_join_code_by_secret()
        .returning(move |_| Ok(Some(found.clone())));
    expect_access(&mut tx, &organization(), move |_| current);
    tx
}

#[tokio::test]
async fn create_shows_the_formatted_code_and_stores_its_digest() {
    let owner = UserId::generate();
    let mut tx = MockTx::new();
    expect_access(&mut tx, &organization(), move |_| Some(Role::OWNER));
    tx.expect_insert_join_code()
        .withf(|code, secret| code.max_uses.map(MaxUses::get) == Some(5) && secret.0 != [0u8; 32])
        .times(1)
        .returning(|_, _| Ok(()));
    tx.expect_commit_with_events().times(1).returning(|_| Ok(0));
    let made = app_with_tx(tx)
        .create_join_code(
            &as_user(owner),
            OrgId::generate(),
            Role::ADMIN,
            Some(MaxUses::parse(5).unwrap()),
        )
        .await
        .unwrap();
    assert_eq!(made.code, TYPED);
    assert_eq!(made.join_code.created_by, Some(owner));
    assert!(!format!("{made:?}").contains(TYPED));
}

#[tokio::test]
async fn an_admin_cannot_create_an_owner_code() {
    let mut tx = MockTx::new();
    expect_access(&mut tx, &organization(), move |_| Some(Role::ADMIN));
    tx.expect_insert_join_code().never();
    let err = app_with_tx(tx)
        .create_join_code(&as_user(UserId::generate()), OrgId::generate(), Role::OWNER, None)
        .await;
    assert!(matches!(
        err,
        Err(CreateJoinCodeError::Denied(Denied::Forbidden(RuleViolation::Outranked)))
    ));
}

#[tokio::test]
async fn join_adds_the_member_and_counts_one_use() {
    let mut tx = joining(code(Some(2), 1, false), None);
    tx.expect_use_join_code().times(1).returning(|_| Ok(true));
    tx.expect_insert_membership()
        .withf(|_, _, role, _| *role == Role::MEMBER)
        .times(1)
        .returning(|_, _, _, _| Ok(()));
    tx.expect_commit_with_events().times(1).returning(|_| Ok(0));
    let joined = app_with_tx(tx)
        .join_with_code(&as_user(UserId::generate()), TYPED)
        .await
        .unwrap();
    assert!(!joined.already_member);
}

#[tokio::test]
async fn a_member_joining_again_uses_nothing_even_from_an_exhausted_code() {
    let mut tx = joining(code(Some(1), 1, false), Some(Role::ADMIN));
    tx.expect_use_join_code().never();
    tx.expect_insert_membership().never();
    let joined = app_with_tx(tx)
        .join_with_code(&as_user(UserId::generate()), TYPED)
        .await
        .unwrap();
    assert_eq!((joined.role, joined.already_member), (Role::ADMIN, true));
}

#[tokio::test]
async fn an_exhausted_code_admits_nobody_new() {
    let mut tx = joining(code(Some(1), 1, false), None);
    tx.expect_insert_membership().never();
    let err = app_with_tx(tx)
        .join_with_code(&as_user(UserId::generate()), TYPED)
        .await;
    assert!(matches!(err, Err(JoinError::Exhausted)));

    // The store's conditional update is the final word when a concurrent join won.
    let mut tx = joining(code(Some(2), 1, false), None);
    tx.expect_use_join_code().returning(|_| Ok(false));
    tx.expect_insert_membership().never();
    let err = app_with_tx(tx)
        .join_with_code(&as_user(UserId::generate()), TYPED)
        .await;
    assert!(matches!(err, Err(JoinError::Exhausted)));
}

#[tokio::test]
async fn unknown_revoked_and_impossible_codes_are_invalid() {
    let mut tx = MockTx::new();
    tx.expect_find_join_code_by_secret().returning(|_| Ok(None));
    let err = app_with_tx(tx)
        .join_with_code(&as_user(UserId::generate()), TYPED)
        .await;
    assert!(matches!(err, Err(JoinError::InvalidJoinCode)));

    let tx = joining(code(None, 0, true), None);
    let err = app_with_tx(tx)
        .join_with_code(&as_user(UserId::generate()), TYPED)
        .await;
    assert!(matches!(err, Err(JoinError::InvalidJoinCode)));

    let app = app_with_store(MockStore::new());
    let err = app.join_with_code(&as_user(UserId::generate()), "not a code").await;
    assert!(
        matches!(err, Err(JoinError::InvalidJoinCode)),
        "refused without touching the store"
    );
    let err = app.join_with_code(&as_token(OrgId::generate()), TYPED).await;
    assert!(matches!(err, Err(JoinError::Denied(Denied::UserRequired))));
}

#[tokio::test]
async fn revoke_follows_the_rank_rule() {
    let mut owner_code = code(None, 0, false);
    owner_code.role = Role::OWNER;
    let mut tx = MockTx::new();
    expect_access(&mut tx, &organization(), move |_| Some(Role::ADMIN));
    tx.expect_find_join_code()
        .returning(move |_, _| Ok(Some(owner_code.clone())));
    tx.expect_revoke_join_code().never();
    let err = app_with_tx(tx)
        .revoke_join_code(&as_user(UserId::generate()), OrgId::generate(), JoinCodeId::generate())
        .await;
    assert!(matches!(
        err,
        Err(RevokeJoinCodeError::Denied(Denied::Forbidden(RuleViolation::Outranked)))
    ));
}
