//! Unit tests of the invitation use cases over mocked ports.

use super::*;
use crate::testing::*;
use chrono::TimeDelta;
use orgs_core::Action;
use orgs_core::{RuleViolation, UserId};
use orgs_ports::MockTx;

fn email(text: &str) -> Email {
    Email::parse(text).unwrap()
}

fn open(role: Role, email_text: &str) -> Invitation {
    Invitation {
        id: InvitationId::generate(),
        organization_id: OrgId::generate(),
        email: email(email_text),
        role,
        invited_by: None,
        created_at: fixed_now(),
        expires_at: fixed_now() + TimeDelta::days(1),
        state: InvitationState::Open,
    }
}

/// A transaction where the caller holds `role` in the organization.
fn as_role(caller: UserId, role: Role) -> MockTx {
    let mut tx = MockTx::new();
    expect_access(&mut tx, &organization(), move |user| (user == caller).then_some(role));
    tx
}

#[tokio::test]
async fn create_stores_a_digest_and_returns_the_token_once() {
    let owner = UserId::generate();
    let mut tx = as_role(owner, Role::OWNER);
    tx.expect_find_user_by_email().returning(|_| Ok(None));
    tx.expect_find_open_invitation().returning(|_, _| Ok(None));
    tx.expect_insert_invitation()
        .withf(|invitation, _| {
            invitation.role == Role::ADMIN && invitation.expires_at - invitation.created_at == TimeDelta::days(7)
        })
        .times(1)
        .returning(|_, _| Ok(()));
    tx.expect_commit_with_events().times(1).returning(|_| Ok(0));
    let made = app_with_tx(tx)
        .create_invitation(&as_user(owner), OrgId::generate(), email("b@example.com"), Role::ADMIN)
        .await
        .unwrap();
    assert!(made.token.starts_with("inv_") && made.token.len() == 4 + 43);
    assert_eq!(made.invitation.invited_by, Some(owner));
    assert!(
        !format!("{made:?}").contains(&made.token),
        "Debug never shows the token"
    );
}

#[tokio::test]
async fn create_replaces_the_open_invitation() {
    let owner = UserId::generate();
    let previous = open(Role::MEMBER, "b@example.com");
    let previous_id = previous.id;
    let mut tx = as_role(owner, Role::OWNER);
    tx.expect_find_user_by_email().returning(|_| Ok(None));
    tx.expect_find_open_invitation()
        .returning(move |_, _| Ok(Some(previous.clone())));
    tx.expect_set_invitation_state()
        .withf(move |id, state| *id == previous_id && matches!(state, InvitationState::Revoked { .. }))
        .times(1)
        .returning(|_, _| Ok(()));
    tx.expect_insert_invitation().times(1).returning(|_, _| Ok(()));
    tx.expect_commit_with_events().times(1).returning(|_| Ok(0));
    app_with_tx(tx)
        .create_invitation(&as_user(owner), OrgId::generate(), email("b@example.com"), Role::MEMBER)
        .await
        .unwrap();
}

#[tokio::test]
async fn create_refuses_an_existing_member() {
    let owner = UserId::generate();
    let mut tx = MockTx::new();
    expect_access(&mut tx, &organization(), move |_| Some(Role::OWNER));
    tx.expect_find_open_invitation().returning(|_, _| Ok(None));
    tx.expect_find_user_by_email()
        .returning(|_| Ok(Some(user(UserId::generate(), "b@example.com"))));
    tx.expect_insert_invitation().never();
    let err = app_with_tx(tx)
        .create_invitation(&as_user(owner), OrgId::generate(), email("b@example.com"), Role::MEMBER)
        .await;
    assert!(matches!(err, Err(CreateInvitationError::AlreadyMember)));
}

#[tokio::test]
async fn an_admin_can_neither_invite_an_owner_nor_replace_an_owners_invitation() {
    let admin = UserId::generate();
    let mut tx = as_role(admin, Role::ADMIN);
    tx.expect_insert_invitation().never();
    let err = app_with_tx(tx)
        .create_invitation(&as_user(admin), OrgId::generate(), email("b@example.com"), Role::OWNER)
        .await;
    assert!(matches!(
        err,
        Err(CreateInvitationError::Denied(Denied::Forbidden(
            RuleViolation::Outranked
        )))
    ));

    let mut tx = as_role(admin, Role::ADMIN);
    tx.expect_find_user_by_email().returning(|_| Ok(None));
    let previous = open(Role::OWNER, "b@example.com");
    tx.expect_find_open_invitation()
        .returning(move |_, _| Ok(Some(previous.clone())));
    tx.expect_set_invitation_state().never();
    let err = app_with_tx(tx)
        .create_invitation(&as_user(admin), OrgId::generate(), email("b@example.com"), Role::MEMBER)
        .await;
    assert!(matches!(
        err,
        Err(CreateInvitationError::Denied(Denied::Forbidden(
            RuleViolation::Outranked
        )))
    ));
}

#[tokio::test]
async fn an_admin_may_replace_an_expired_owner_invitation() {
    let admin = UserId::generate();
    let mut expired = open(Role::OWNER, "b@example.com");
    expired.expires_at = fixed_now() - TimeDelta::seconds(1);
    let mut tx = as_role(admin, Role::ADMIN);
    tx.expect_find_user_by_email().returning(|_| Ok(None));
    tx.expect_find_open_invitation()
        .returning(move |_, _| Ok(Some(expired.clone())));
    tx.expect_set_invitation_state().times(1).returning(|_, _| Ok(()));
    tx.expect_insert_invitation().times(1).returning(|_, _| Ok(()));
    tx.expect_commit_with_events().times(1).returning(|_| Ok(0));
    app_with_tx(tx)
        .create_invitation(&as_user(admin), OrgId::generate(), email("b@example.com"), Role::MEMBER)
        .await
        .unwrap();
}

#[tokio::test]
async fn rank_refusals_come_before_already_member() {
    let admin = UserId::generate();
    let mut tx = as_role(admin, Role::ADMIN);
    let owners = open(Role::OWNER, "b@example.com");
    tx.expect_find_open_invitation()
        .returning(move |_, _| Ok(Some(owners.clone())));
    tx.expect_find_user_by_email().never();
    let err = app_with_tx(tx)
        .create_invitation(&as_user(admin), OrgId::generate(), email("b@example.com"), Role::MEMBER)
        .await;
    assert!(matches!(err, Err(CreateInvitationError::Denied(Denied::Forbidden(_)))));
}

/// A transaction for accepting `invitation` as `caller`, whose email is `caller_email`.
fn accepting(invitation: &Invitation, caller: UserId, caller_email: &'static str, current: Option<Role>) -> MockTx {
    let mut tx = MockTx::new();
    let found = invitation.clone();
    tx.expect_find_invitation_by_token()
        .returning(move |_| Ok(Some(found.clone())));
    expect_org(&mut tx, &organization());
    tx.expect_find_user()
        .returning(move |id| Ok(Some(user(id, caller_email))));
    tx.expect_find_role()
        .returning(move |_, user| Ok(if user == caller { current } else { None }));
    tx
}

#[tokio::test]
async fn accept_makes_the_invitee_a_member_and_uses_the_invitation_up() {
    let invitee = UserId::generate();
    let invitation = open(Role::ADMIN, "b@example.com");
    let mut tx = accepting(&invitation, invitee, "b@example.com", None);
    tx.expect_insert_membership()
        .withf(move |_, user, role, _| *user == invitee && *role == Role::ADMIN)
        .times(1)
        .returning(|_, _, _, _| Ok(()));
    tx.expect_set_invitation_state()
        .withf(move |_, state| matches!(state, InvitationState::Accepted { by, .. } if *by == invitee))
        .times(1)
        .returning(|_, _| Ok(()));
    expect_events(
        &mut tx,
        as_user(invitee).actor,
        &[Action::MemberAdded, Action::InvitationAccepted],
    );
    let accepted = app_with_tx(tx)
        .accept_invitation(&as_user(invitee), "inv_x")
        .await
        .unwrap();
    assert_eq!(accepted.role, Role::ADMIN);
    assert_eq!(accepted.organization, invitation.organization_id);
}

#[tokio::test]
async fn accept_by_another_email_changes_nothing() {
    let invitation = open(Role::MEMBER, "b@example.com");
    let mut tx = accepting(&invitation, UserId::generate(), "c@example.com", None);
    tx.expect_set_invitation_state().never();
    tx.expect_insert_membership().never();
    tx.expect_commit().never();
    let err = app_with_tx(tx)
        .accept_invitation(&as_user(UserId::generate()), "inv_x")
        .await;
    assert!(matches!(err, Err(AcceptInvitationError::EmailMismatch)));
}

#[tokio::test]
async fn accept_refuses_expired_revoked_and_foreign_uses() {
    let mut expired = open(Role::MEMBER, "b@example.com");
    expired.expires_at = fixed_now();
    let mut revoked = open(Role::MEMBER, "b@example.com");
    revoked.state = InvitationState::Revoked { at: fixed_now() };
    let mut used = open(Role::MEMBER, "b@example.com");
    used.state = InvitationState::Accepted {
        by: UserId::generate(),
        at: fixed_now(),
    };
    for invitation in [expired, revoked, used] {
        let caller = UserId::generate();
        let mut tx = accepting(&invitation, caller, "b@example.com", None);
        tx.expect_insert_membership().never();
        let err = app_with_tx(tx).accept_invitation(&as_user(caller), "inv_x").await;
        assert!(
            matches!(err, Err(AcceptInvitationError::InvalidInvitation)),
            "{:?}",
            invitation.state
        );
    }
}

#[tokio::test]
async fn accepting_again_answers_the_current_role_and_writes_nothing() {
    let invitee = UserId::generate();
    let mut invitation = open(Role::MEMBER, "b@example.com");
    invitation.state = InvitationState::Accepted {
        by: invitee,
        at: fixed_now(),
    };
    let mut tx = accepting(&invitation, invitee, "b@example.com", Some(Role::ADMIN));
    tx.expect_insert_membership().never();
    tx.expect_set_invitation_state().never();
    let again = app_with_tx(tx)
        .accept_invitation(&as_user(invitee), "inv_x")
        .await
        .unwrap();
    assert_eq!(again.role, Role::ADMIN, "the role as it is now, not the invited one");
}

#[tokio::test]
async fn a_member_accepting_keeps_their_role_and_uses_the_invitation_up() {
    let member = UserId::generate();
    let invitation = open(Role::ADMIN, "b@example.com");
    let mut tx = accepting(&invitation, member, "b@example.com", Some(Role::MEMBER));
    tx.expect_insert_membership().never();
    tx.expect_set_invitation_state().times(1).returning(|_, _| Ok(()));
    expect_events(&mut tx, as_user(member).actor, &[Action::InvitationAccepted]);
    let accepted = app_with_tx(tx)
        .accept_invitation(&as_user(member), "inv_x")
        .await
        .unwrap();
    assert_eq!(accepted.role, Role::MEMBER);
}

#[tokio::test]
async fn accept_needs_a_user_and_a_known_token() {
    let app = app_with_store(orgs_ports::MockStore::new());
    let err = app.accept_invitation(&as_token(OrgId::generate()), "inv_x").await;
    assert!(matches!(err, Err(AcceptInvitationError::Denied(Denied::UserRequired))));

    let mut tx = MockTx::new();
    tx.expect_find_invitation_by_token().returning(|_| Ok(None));
    let err = app_with_tx(tx)
        .accept_invitation(&as_user(UserId::generate()), "inv_x")
        .await;
    assert!(matches!(err, Err(AcceptInvitationError::InvalidInvitation)));
}

#[tokio::test]
async fn revoke_follows_the_rank_rule_and_ignores_settled_invitations() {
    let admin = UserId::generate();
    let owners = open(Role::OWNER, "b@example.com");
    let mut tx = as_role(admin, Role::ADMIN);
    tx.expect_find_invitation()
        .returning(move |_, _| Ok(Some(owners.clone())));
    tx.expect_set_invitation_state().never();
    let err = app_with_tx(tx)
        .revoke_invitation(&as_user(admin), OrgId::generate(), InvitationId::generate())
        .await;
    assert!(matches!(
        err,
        Err(RevokeInvitationError::Denied(Denied::Forbidden(
            RuleViolation::Outranked
        )))
    ));

    let mut settled = open(Role::MEMBER, "b@example.com");
    settled.state = InvitationState::Accepted {
        by: UserId::generate(),
        at: fixed_now(),
    };
    let mut tx = as_role(admin, Role::ADMIN);
    tx.expect_find_invitation()
        .returning(move |_, _| Ok(Some(settled.clone())));
    tx.expect_set_invitation_state().never();
    app_with_tx(tx)
        .revoke_invitation(&as_user(admin), OrgId::generate(), InvitationId::generate())
        .await
        .unwrap();

    let mut tx = as_role(admin, Role::ADMIN);
    tx.expect_find_invitation().returning(|_, _| Ok(None));
    let err = app_with_tx(tx)
        .revoke_invitation(&as_user(admin), OrgId::generate(), InvitationId::generate())
        .await;
    assert!(matches!(err, Err(RevokeInvitationError::InvitationNotFound)));
}
