//! What every store must do for an organization's lifecycle: delete it with everything
//! it holds, list and revoke its tokens, and record when a token was last used.

use crate::{digest, join_code, open_invitation, seed_organization, seed_user};
use chrono::TimeDelta;
use orgs_auth::SystemClock;
use orgs_core::{
    ApiTokenSecretHash, NewApiToken, OrgId, Page, PageKey, Role, Timestamp, TokenEnv, TokenId, TokenOwner, UserId,
};
use orgs_ports::{Clock, RowLock, Store, TxMode};
use std::sync::Arc;

/// An organization token stored as if minted at `created_at`.
pub fn organization_token(organization: OrgId, created_at: Timestamp) -> NewApiToken {
    NewApiToken {
        id: TokenId::generate(),
        key: format!("orgs_live_{}", TokenId::generate().as_uuid().simple()),
        secret_hash: ApiTokenSecretHash("$argon2id$stored".into()),
        owner: TokenOwner::Organization(organization),
        name: None,
        env: TokenEnv::Live,
        last_four: "wxyz".into(),
        created_by: None,
        created_at,
    }
}

/// Everything one organization holds, stored through the port.
async fn furnished(store: &Arc<dyn Store>, owner: UserId) -> (OrgId, NewApiToken) {
    let organization = seed_organization(store, &[(owner, Role::OWNER)]).await.id;
    let member = seed_user(store).await;
    let token = organization_token(organization, SystemClock.now());
    let mut tx = store.begin(TxMode::Write).await.unwrap();
    tx.insert_membership(organization, member.id, Role::MEMBER, SystemClock.now())
        .await
        .unwrap();
    let invitee = seed_email();
    tx.insert_invitation(&open_invitation(organization, &invitee, Role::ADMIN), &digest(1))
        .await
        .unwrap();
    tx.insert_join_code(&join_code(organization, None), &digest(2))
        .await
        .unwrap();
    tx.insert_api_token(&token).await.unwrap();
    tx.commit().await.unwrap();
    (organization, token)
}

fn seed_email() -> orgs_core::Email {
    orgs_core::Email::parse(&format!("invitee-{}@example.com", UserId::generate())).unwrap()
}

pub async fn deleting_an_organization_takes_everything_it_holds(store: Arc<dyn Store>) {
    let owner = seed_user(&store).await;
    let (doomed, doomed_token) = furnished(&store, owner.id).await;
    let (kept, kept_token) = furnished(&store, owner.id).await;

    let mut tx = store.begin(TxMode::Write).await.unwrap();
    tx.find_organization(doomed, RowLock::ForUpdate).await.unwrap().unwrap();
    tx.delete_organization(doomed).await.unwrap();
    tx.commit().await.unwrap();

    let now = SystemClock.now();
    let mut tx = store.begin(TxMode::Read).await.unwrap();
    for (organization, present) in [(doomed, false), (kept, true)] {
        let found = tx.find_organization(organization, RowLock::None).await.unwrap();
        assert_eq!(found.is_some(), present);
        let holdings = (
            tx.list_members(organization, None).await.unwrap().len(),
            tx.list_pending_invitations(organization, now, None)
                .await
                .unwrap()
                .len(),
            tx.list_join_codes(organization, None).await.unwrap().len(),
        );
        assert_eq!(holdings, if present { (2, 1, 1) } else { (0, 0, 0) });
    }
    drop(tx);
    assert!(store.find_api_token(&doomed_token.key).await.unwrap().is_none());
    assert!(store.find_api_token(&kept_token.key).await.unwrap().is_some());
    let memberships = store
        .begin(TxMode::Read)
        .await
        .unwrap()
        .list_memberships(owner.id, None)
        .await
        .unwrap();
    assert_eq!(
        memberships.iter().map(|m| m.organization.id).collect::<Vec<_>>(),
        vec![kept]
    );
}

pub async fn organization_tokens_page_newest_first_without_revoked_ones(store: Arc<dyn Store>) {
    let organization = seed_organization(&store, &[]).await.id;
    let other = seed_organization(&store, &[]).await.id;
    let start = SystemClock.now();
    // Two share an instant, so the id breaks the tie.
    let offsets = [0, 1, 1, 2, 3, 4, 5];
    let tokens: Vec<NewApiToken> = offsets
        .iter()
        .map(|&seconds| organization_token(organization, start + TimeDelta::seconds(seconds)))
        .collect();
    let mut tx = store.begin(TxMode::Write).await.unwrap();
    for token in &tokens {
        tx.insert_api_token(token).await.unwrap();
    }
    tx.insert_api_token(&organization_token(other, start)).await.unwrap();
    let revoked = &tokens[3];
    assert!(
        tx.revoke_organization_token(organization, &revoked.key, start)
            .await
            .unwrap()
    );
    // Again: still found, the first revocation's time kept.
    assert!(
        tx.revoke_organization_token(organization, &revoked.key, start + TimeDelta::hours(1))
            .await
            .unwrap()
    );
    assert!(
        !tx.revoke_organization_token(other, &tokens[0].key, start)
            .await
            .unwrap(),
        "another organization's key is not found"
    );
    tx.commit().await.unwrap();
    assert!(store.find_api_token(&revoked.key).await.unwrap().unwrap().revoked);
    assert!(!store.find_api_token(&tokens[0].key).await.unwrap().unwrap().revoked);

    let mut expected: Vec<&NewApiToken> = tokens.iter().filter(|t| t.key != revoked.key).collect();
    expected.sort_by_key(|t| std::cmp::Reverse((t.created_at, t.id)));
    let mut seen = Vec::new();
    let mut after = None;
    let mut tx = store.begin(TxMode::Read).await.unwrap();
    loop {
        let page = Page { limit: 2, after };
        let rows = tx.list_live_organization_tokens(organization, page).await.unwrap();
        let cut = orgs_core::Paged::cut(rows, Some(page), |t| PageKey {
            at: t.created_at,
            id: t.id.as_uuid(),
        });
        seen.extend(cut.items.into_iter().map(|t| t.key));
        match cut.next {
            Some(next) => after = Some(next),
            None => break,
        }
    }
    assert_eq!(seen, expected.iter().map(|t| t.key.clone()).collect::<Vec<_>>());
}

pub async fn a_tokens_use_is_recorded_at_most_once_an_interval(store: Arc<dyn Store>) {
    let organization = seed_organization(&store, &[]).await.id;
    let token = organization_token(organization, SystemClock.now());
    let mut tx = store.begin(TxMode::Write).await.unwrap();
    tx.insert_api_token(&token).await.unwrap();
    tx.commit().await.unwrap();
    let last_used = |store: Arc<dyn Store>, key: String| async move {
        store.find_api_token(&key).await.unwrap().unwrap().last_used_at
    };
    assert_eq!(last_used(store.clone(), token.key.clone()).await, None);

    let interval = TimeDelta::seconds(60);
    let first = chrono::DateTime::from_timestamp_millis(SystemClock.now().timestamp_millis()).unwrap();
    let soon = first + TimeDelta::seconds(30);
    let later = first + TimeDelta::seconds(90);
    for (at, recorded) in [(first, first), (soon, first), (later, later)] {
        let mut tx = store.begin(TxMode::Write).await.unwrap();
        tx.record_token_use(token.id, at, at - interval).await.unwrap();
        tx.commit().await.unwrap();
        assert_eq!(last_used(store.clone(), token.key.clone()).await, Some(recorded));
    }
    let mut tx = store.begin(TxMode::Read).await.unwrap();
    let listed = tx
        .list_live_organization_tokens(organization, Page { limit: 10, after: None })
        .await
        .unwrap();
    assert_eq!(listed[0].last_used_at, Some(later));
}
