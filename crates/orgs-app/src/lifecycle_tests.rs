//! Unit tests of the lifecycle use cases over mocked ports.

use super::*;
use crate::testing::*;
use orgs_core::RuleViolation;
use orgs_ports::{MockStore, MockTx};

/// A write transaction in which `caller` holds `caller_role` and everyone else `others`.
fn roles(caller: UserId, caller_role: Role, others: Option<Role>) -> MockTx {
    let mut tx = MockTx::new();
    expect_access(&mut tx, &organization(), move |user| {
        if user == caller { Some(caller_role) } else { others }
    });
    tx
}

#[tokio::test]
async fn the_only_owner_cannot_leave() {
    let owner = UserId::generate();
    let mut tx = roles(owner, Role::OWNER, None);
    tx.expect_count_owners().returning(|_| Ok(1));
    tx.expect_delete_membership().never();
    tx.expect_commit().never();
    let err = app_with_tx(tx)
        .leave_organization(&as_user(owner), OrgId::generate())
        .await;
    assert!(matches!(err, Err(LeaveOrganizationError::LastOwner)));
}

#[tokio::test]
async fn a_member_leaves_without_counting_owners() {
    let member = UserId::generate();
    let mut tx = roles(member, Role::MEMBER, None);
    tx.expect_count_owners().never();
    tx.expect_delete_membership()
        .withf(move |_, user| *user == member)
        .times(1)
        .returning(|_, _| Ok(true));
    tx.expect_commit_with_events().times(1).returning(|_| Ok(0));
    app_with_tx(tx)
        .leave_organization(&as_user(member), OrgId::generate())
        .await
        .unwrap();
}

#[tokio::test]
async fn a_non_member_cannot_leave_and_a_token_is_not_a_person() {
    let outsider = UserId::generate();
    let err = app_with_tx(roles(UserId::generate(), Role::OWNER, None))
        .leave_organization(&as_user(outsider), OrgId::generate())
        .await;
    assert!(matches!(err, Err(LeaveOrganizationError::Denied(Denied::NotFound))));

    let org = organization();
    let mut tx = MockTx::new();
    expect_org(&mut tx, &org);
    tx.expect_delete_membership().never();
    let err = app_with_tx(tx).leave_organization(&as_token(org.id), org.id).await;
    assert!(matches!(err, Err(LeaveOrganizationError::Denied(Denied::UserRequired))));
}

#[tokio::test]
async fn delete_needs_a_user_holding_org_manage() {
    let admin = UserId::generate();
    let mut tx = roles(admin, Role::ADMIN, None);
    tx.expect_delete_organization().never();
    let err = app_with_tx(tx)
        .delete_organization(&as_user(admin), OrgId::generate())
        .await;
    assert!(matches!(
        err,
        Err(DeleteOrganizationError::Denied(Denied::Forbidden(
            RuleViolation::MissingPermission(Permission::ORG_MANAGE)
        )))
    ));

    let org = organization();
    let mut tx = MockTx::new();
    expect_org(&mut tx, &org);
    tx.expect_delete_organization().never();
    let err = app_with_tx(tx).delete_organization(&as_token(org.id), org.id).await;
    assert!(matches!(
        err,
        Err(DeleteOrganizationError::Denied(Denied::UserRequired))
    ));
}

#[tokio::test]
async fn an_owner_deletes_under_the_organizations_lock() {
    let owner = UserId::generate();
    let org = organization();
    let mut tx = MockTx::new();
    let found = org.clone();
    tx.expect_find_organization()
        .withf(|_, lock| *lock == RowLock::ForUpdate)
        .times(1)
        .returning(move |_, _| Ok(Some(found.clone())));
    tx.expect_find_role().returning(|_, _| Ok(Some(Role::OWNER)));
    tx.expect_delete_organization()
        .withf(move |id| *id == org.id)
        .times(1)
        .returning(|_| Ok(()));
    expect_events(&mut tx, as_user(owner).actor, &[orgs_core::Action::OrganizationDeleted]);
    app_with_tx(tx)
        .delete_organization(&as_user(owner), org.id)
        .await
        .unwrap();
}

#[tokio::test]
async fn a_transfer_to_oneself_is_refused_before_the_store() {
    let owner = UserId::generate();
    let err = app_with_store(MockStore::new())
        .transfer_ownership(&as_user(owner), OrgId::generate(), owner)
        .await;
    assert!(matches!(err, Err(TransferOwnershipError::ToSelf)));
}

#[tokio::test]
async fn only_an_owner_hands_over_and_only_to_a_member() {
    let admin = UserId::generate();
    let mut tx = roles(admin, Role::ADMIN, Some(Role::MEMBER));
    tx.expect_update_role().never();
    let err = app_with_tx(tx)
        .transfer_ownership(&as_user(admin), OrgId::generate(), UserId::generate())
        .await;
    assert!(matches!(
        err,
        Err(TransferOwnershipError::Denied(Denied::Forbidden(
            RuleViolation::OwnerRequired
        )))
    ));

    let owner = UserId::generate();
    let mut tx = roles(owner, Role::OWNER, None);
    tx.expect_update_role().never();
    let err = app_with_tx(tx)
        .transfer_ownership(&as_user(owner), OrgId::generate(), UserId::generate())
        .await;
    assert!(matches!(err, Err(TransferOwnershipError::MemberNotFound)));
}

#[tokio::test]
async fn a_transfer_promotes_the_member_and_demotes_the_caller_in_one_transaction() {
    let (owner, member) = (UserId::generate(), UserId::generate());
    let mut tx = roles(owner, Role::OWNER, Some(Role::MEMBER));
    let mut sequence = mockall::Sequence::new();
    tx.expect_update_role()
        .withf(move |_, user, role| *user == member && *role == Role::OWNER)
        .times(1)
        .in_sequence(&mut sequence)
        .returning(|_, _, _| Ok(()));
    tx.expect_update_role()
        .withf(move |_, user, role| *user == owner && *role == Role::ADMIN)
        .times(1)
        .in_sequence(&mut sequence)
        .returning(|_, _, _| Ok(()));
    tx.expect_commit_with_events().times(1).returning(|_| Ok(0));
    app_with_tx(tx)
        .transfer_ownership(&as_user(owner), OrgId::generate(), member)
        .await
        .unwrap();
}

#[tokio::test]
async fn me_names_the_user_or_the_tokens_organization() {
    let id = UserId::generate();
    let mut tx = MockTx::new();
    tx.expect_find_user()
        .returning(move |id| Ok(Some(user(id, "a@example.com"))));
    tx.expect_commit().returning(|| Ok(()));
    let found = app_with_tx(tx).me(&Caller::User(id)).await.unwrap();
    assert_eq!(found, Identity::User(user(id, "a@example.com")));

    let org = OrgId::generate();
    let found = app_with_store(MockStore::new())
        .me(&Caller::OrganizationToken(org))
        .await
        .unwrap();
    assert_eq!(found, Identity::OrganizationToken(org));
}
