//! The lifecycle invariants under concurrency, through the real use cases: owners
//! leaving or handing over at the same instant keep an owner, and a join, an accept or
//! a token mint racing `organizations.delete` leaves nothing of the organization behind.

use crate::races::{Outcome, app, race_expecting};
use crate::{seed_organization, seed_user};
use orgs_core::{Acting, OrgId, Role, TokenEnv, UserId};
use orgs_ports::{RowLock, Store, TxMode};
use std::sync::Arc;
use tokio::sync::Barrier;

const DELETE_ROUNDS: usize = 20;

async fn leave(app: Arc<orgs_app::App>, organization: OrgId, me: Acting, _them: UserId) -> Outcome {
    app.leave_organization(&me, organization)
        .await
        .map_err(|err| format!("{err:?}"))
}

async fn hand_over(app: Arc<orgs_app::App>, organization: OrgId, me: Acting, them: UserId) -> Outcome {
    app.transfer_ownership(&me, organization, them)
        .await
        .map_err(|err| format!("{err:?}"))
}

pub async fn racing_owners_leaving_leave_one_owner(store: Arc<dyn Store>) {
    race_expecting(store, leave, leave, 1, Some("LastOwner")).await;
}

/// Whichever goes first, the other is refused: handing over to someone who has left
/// finds no member, and leaving once the other has stepped down finds the last owner.
pub async fn an_owner_handing_over_while_the_other_leaves_leaves_one_owner(store: Arc<dyn Store>) {
    race_expecting(store, hand_over, leave, 1, None).await;
}

/// Both succeed, one after the other, and exactly one owner is left.
pub async fn owners_handing_over_to_each_other_leave_one_owner(store: Arc<dyn Store>) {
    race_expecting(store, hand_over, hand_over, 2, None).await;
}

/// What raced the delete, and what it must be refused with if it came second.
#[derive(Debug, Clone, Copy)]
enum Contender {
    Join,
    Accept,
    Mint,
}

pub async fn a_delete_racing_joins_accepts_and_mints_leaves_nothing_behind(store: Arc<dyn Store>) {
    let app = app(&store);
    let mut lost = 0;
    for round in 0..DELETE_ROUNDS {
        for contender in [Contender::Join, Contender::Accept, Contender::Mint] {
            let owner = seed_user(&store).await;
            let newcomer = seed_user(&store).await;
            let organization = seed_organization(&store, &[(owner.id, Role::OWNER)]).await.id;
            let caller = crate::acting(&owner);
            let invitation = app
                .create_invitation(&caller, organization, newcomer.email.clone(), Role::MEMBER)
                .await
                .unwrap();
            let code = app
                .create_join_code(&caller, organization, Role::MEMBER, None)
                .await
                .unwrap();
            let barrier = Arc::new(Barrier::new(2));
            let racer = {
                let (app, barrier, caller) = (app.clone(), barrier.clone(), caller.clone());
                let (newcomer, token, code) = (crate::acting(&newcomer), invitation.token, code.code);
                tokio::spawn(async move {
                    barrier.wait().await;
                    if round % 2 == 0 {
                        tokio::time::sleep(std::time::Duration::from_micros(200 * (round as u64 % 5))).await;
                    }
                    match contender {
                        Contender::Join => app
                            .join_with_code(&newcomer, &code)
                            .await
                            .map(|_| None)
                            .map_err(|e| format!("{e:?}")),
                        Contender::Accept => app
                            .accept_invitation(&newcomer, &token)
                            .await
                            .map(|_| None)
                            .map_err(|e| format!("{e:?}")),
                        Contender::Mint => app
                            .create_organization_token(&caller, organization, None, TokenEnv::Live)
                            .await
                            .map(|minted| Some(minted.key))
                            .map_err(|e| format!("{e:?}")),
                    }
                })
            };
            barrier.wait().await;
            app.delete_organization(&caller, organization).await.unwrap();
            let raced = racer.await.unwrap();
            // Second to the delete, the contender meets a missing organization: a clean
            // refusal, never a database error from a row that lost its parent.
            if let Err(refusal) = &raced {
                let clean = ["InvalidJoinCode", "InvalidInvitation", "NotFound"];
                assert!(clean.iter().any(|c| refusal.contains(c)), "{contender:?}: {refusal}");
                lost += 1;
            }
            assert_nothing_left(&store, organization, &raced).await;
        }
    }
    eprintln!("{lost} of {} contenders came second to the delete", DELETE_ROUNDS * 3);
}

async fn assert_nothing_left(store: &Arc<dyn Store>, organization: OrgId, raced: &Result<Option<String>, String>) {
    let now = chrono::Utc::now();
    let mut tx = store.begin(TxMode::Read).await.unwrap();
    assert!(
        tx.find_organization(organization, RowLock::None)
            .await
            .unwrap()
            .is_none()
    );
    assert!(tx.list_members(organization, None).await.unwrap().is_empty());
    assert!(
        tx.list_pending_invitations(organization, now, None)
            .await
            .unwrap()
            .is_empty()
    );
    assert!(tx.list_join_codes(organization, None).await.unwrap().is_empty());
    drop(tx);
    if let Ok(Some(key)) = raced {
        assert!(
            store.find_api_token(key).await.unwrap().is_none(),
            "a minted token outlived its organization"
        );
    }
}

/// The writer of tokens' last uses and a delete of their organization both touch the
/// organization's token rows; neither may fail (a lock cycle would abort one of them).
pub async fn a_delete_racing_the_last_use_writer_fails_neither(store: Arc<dyn Store>) {
    const TOKENS: usize = 4;
    let app = app(&store);
    let auth = orgs_app::Authenticator::new(
        store.clone(),
        Arc::new(orgs_auth::Argon2Hasher::default()),
        None,
        Arc::new(orgs_auth::SystemClock),
        orgs_app::FailureLimiter::new(1000, std::time::Duration::from_secs(60)),
    );
    for round in 0..DELETE_ROUNDS / 2 {
        let owner = seed_user(&store).await;
        let organization = seed_organization(&store, &[(owner.id, Role::OWNER)]).await.id;
        let caller = crate::acting(&owner);
        for _ in 0..TOKENS {
            let minted = app
                .create_organization_token(&caller, organization, None, TokenEnv::Live)
                .await
                .unwrap();
            auth.authenticate(&minted.bearer(), "192.0.2.1").await.unwrap();
        }
        let (flushed, deleted) = tokio::join!(auth.flush_token_uses(), async {
            if round % 2 == 0 {
                tokio::task::yield_now().await;
            }
            app.delete_organization(&caller, organization).await
        });
        assert_eq!(flushed.unwrap(), TOKENS, "round {round}");
        deleted.unwrap();
        assert_nothing_left(&store, organization, &Ok(None)).await;
    }
}
