//! What every store must do with invitations and join codes.

use crate::{seed_organization, seed_user};
use chrono::TimeDelta;
use orgs_auth::SystemClock;
use orgs_core::{
    Invitation, InvitationId, InvitationState, JoinCode, JoinCodeId, MaxUses, OrgId, Role, SecretDigest, UserId,
};
use orgs_ports::{Clock, Store, TxMode};
use std::sync::Arc;

pub fn digest(seed: u8) -> SecretDigest {
    let mut bytes = *UserId::generate().as_uuid().as_bytes();
    bytes[0] = seed;
    let mut digest = [0u8; 32];
    digest[..16].copy_from_slice(&bytes);
    digest[16..].copy_from_slice(&bytes);
    SecretDigest(digest)
}

pub fn open_invitation(organization: OrgId, email: &orgs_core::Email, role: Role) -> Invitation {
    let now = SystemClock.now();
    Invitation {
        id: InvitationId::generate(),
        organization_id: organization,
        email: email.clone(),
        role,
        invited_by: None,
        created_at: now,
        expires_at: now + TimeDelta::days(7),
        state: InvitationState::Open,
    }
}

pub fn join_code(organization: OrgId, max_uses: Option<u32>) -> JoinCode {
    JoinCode {
        id: JoinCodeId::generate(),
        organization_id: organization,
        role: Role::MEMBER,
        max_uses: max_uses.map(|max| MaxUses::parse(i64::from(max)).unwrap()),
        uses: 0,
        created_by: None,
        created_at: SystemClock.now(),
        revoked: false,
    }
}

pub async fn invitations_round_trip(store: Arc<dyn Store>) {
    let owner = seed_user(&store).await;
    let invitee = seed_user(&store).await;
    let organization = seed_organization(&store, &[(owner.id, Role::OWNER)]).await.id;
    let mut invitation = open_invitation(organization, &invitee.email, Role::ADMIN);
    invitation.invited_by = Some(owner.id);
    let token = digest(1);
    let mut tx = store.begin(TxMode::Write).await.unwrap();
    tx.insert_invitation(&invitation, &token).await.unwrap();
    tx.commit().await.unwrap();

    let mut tx = store.begin(TxMode::Write).await.unwrap();
    assert_eq!(
        tx.find_invitation(organization, invitation.id).await.unwrap(),
        Some(invitation.clone())
    );
    assert_eq!(
        tx.find_invitation(OrgId::generate(), invitation.id).await.unwrap(),
        None,
        "another org's id"
    );
    assert_eq!(
        tx.find_invitation_by_token(&token).await.unwrap(),
        Some(invitation.clone())
    );
    assert_eq!(tx.find_invitation_by_token(&digest(2)).await.unwrap(), None);
    assert_eq!(
        tx.find_open_invitation(organization, &invitee.email).await.unwrap(),
        Some(invitation.clone())
    );
    let now = invitation.created_at;
    assert_eq!(
        tx.list_pending_invitations(organization, now, None).await.unwrap(),
        vec![invitation.clone()]
    );
    assert_eq!(
        tx.list_pending_invitations(organization, invitation.expires_at, None)
            .await
            .unwrap(),
        vec![],
        "expired"
    );

    let accepted = InvitationState::Accepted {
        by: invitee.id,
        at: now + TimeDelta::seconds(1),
    };
    tx.set_invitation_state(invitation.id, accepted).await.unwrap();
    tx.commit().await.unwrap();

    let mut tx = store.begin(TxMode::Read).await.unwrap();
    assert_eq!(
        tx.find_invitation_by_token(&token).await.unwrap().unwrap().state,
        accepted
    );
    assert_eq!(
        tx.find_open_invitation(organization, &invitee.email).await.unwrap(),
        None
    );
    assert_eq!(
        tx.list_pending_invitations(organization, now, None).await.unwrap(),
        vec![]
    );
    assert_eq!(tx.find_user(invitee.id).await.unwrap(), Some(invitee));
    assert_eq!(tx.find_user(UserId::generate()).await.unwrap(), None);
}

pub async fn one_open_invitation_per_email(store: Arc<dyn Store>) {
    let invitee = seed_user(&store).await;
    let organization = seed_organization(&store, &[]).await.id;
    let first = open_invitation(organization, &invitee.email, Role::MEMBER);
    let mut tx = store.begin(TxMode::Write).await.unwrap();
    tx.insert_invitation(&first, &digest(1)).await.unwrap();
    tx.commit().await.unwrap();

    let second = open_invitation(organization, &invitee.email, Role::MEMBER);
    let mut tx = store.begin(TxMode::Write).await.unwrap();
    assert!(
        tx.insert_invitation(&second, &digest(2)).await.is_err(),
        "the schema allows one open invitation"
    );
    drop(tx);

    let mut tx = store.begin(TxMode::Write).await.unwrap();
    let revoked = InvitationState::Revoked { at: SystemClock.now() };
    tx.set_invitation_state(first.id, revoked).await.unwrap();
    tx.insert_invitation(&second, &digest(3)).await.unwrap();
    tx.commit().await.unwrap();
    let mut tx = store.begin(TxMode::Read).await.unwrap();
    assert_eq!(
        tx.find_invitation(organization, first.id).await.unwrap().unwrap().state,
        revoked
    );
    let pending = tx
        .list_pending_invitations(organization, second.created_at, None)
        .await
        .unwrap();
    assert_eq!(pending.iter().map(|i| i.id).collect::<Vec<_>>(), vec![second.id]);
}

pub async fn join_codes_count_uses_up_to_their_limit(store: Arc<dyn Store>) {
    let organization = seed_organization(&store, &[]).await.id;
    let limited = join_code(organization, Some(2));
    let unlimited = join_code(organization, None);
    let (limited_secret, unlimited_secret) = (digest(1), digest(2));
    let mut tx = store.begin(TxMode::Write).await.unwrap();
    tx.insert_join_code(&limited, &limited_secret).await.unwrap();
    tx.insert_join_code(&unlimited, &unlimited_secret).await.unwrap();
    assert_eq!(
        tx.find_join_code(organization, limited.id).await.unwrap(),
        Some(limited.clone())
    );
    assert_eq!(tx.find_join_code(OrgId::generate(), limited.id).await.unwrap(), None);
    assert_eq!(
        tx.find_join_code_by_secret(&unlimited_secret).await.unwrap(),
        Some(unlimited.clone())
    );
    assert_eq!(tx.find_join_code_by_secret(&digest(3)).await.unwrap(), None);
    assert!(tx.use_join_code(limited.id).await.unwrap());
    assert!(tx.use_join_code(limited.id).await.unwrap());
    assert!(
        !tx.use_join_code(limited.id).await.unwrap(),
        "the third use passes maxUses 2"
    );
    for _ in 0..3 {
        assert!(tx.use_join_code(unlimited.id).await.unwrap());
    }
    tx.commit().await.unwrap();

    let mut tx = store.begin(TxMode::Write).await.unwrap();
    let listed = tx.list_join_codes(organization, None).await.unwrap();
    let uses: Vec<(JoinCodeId, u32, bool)> = listed.iter().map(|c| (c.id, c.uses, c.is_exhausted())).collect();
    assert_eq!(uses, vec![(limited.id, 2, true), (unlimited.id, 3, false)]);
    tx.revoke_join_code(unlimited.id, SystemClock.now()).await.unwrap();
    assert!(
        !tx.use_join_code(unlimited.id).await.unwrap(),
        "a revoked code is never used"
    );
    assert!(
        tx.find_join_code(organization, unlimited.id)
            .await
            .unwrap()
            .unwrap()
            .revoked
    );
    let listed: Vec<JoinCodeId> = tx
        .list_join_codes(organization, None)
        .await
        .unwrap()
        .iter()
        .map(|c| c.id)
        .collect();
    assert_eq!(listed, vec![limited.id]);
    tx.commit().await.unwrap();
}
