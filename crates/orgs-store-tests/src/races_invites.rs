//! The invitation and join-code invariants under concurrency, through the real use
//! cases: a code is never used past `maxUses`; a token admits one user; an accept
//! racing a revoke, or a re-invite, ends in exactly one outcome.

use crate::races::app;
use crate::{seed_organization, seed_user};
use orgs_app::{AcceptInvitationError, App, CreateInvitationError, JoinError};
use orgs_core::{Acting, Email, InvitationState, MaxUses, OrgId, Role, User};
use orgs_ports::{RowLock, Store, TxMode};
use std::sync::Arc;
use tokio::sync::Barrier;

/// Rounds per race; each round is a fresh organization and fresh contenders.
const ROUNDS: usize = 20;

/// Left alone, one contender tends to win every round (it has less to do before it takes
/// the lock). Holding one side back a little, alternately and by varying amounts, makes
/// both orders and the near-simultaneous case all occur.
async fn stagger(round: usize, side: usize) {
    if round % 2 == side {
        tokio::time::sleep(std::time::Duration::from_micros(250 * (round as u64 % 5))).await;
    }
}

struct Scene {
    app: Arc<App>,
    owner: Acting,
    organization: OrgId,
    invitee: User,
}

async fn scene(store: &Arc<dyn Store>) -> Scene {
    let owner = seed_user(store).await;
    let invitee = seed_user(store).await;
    let organization = seed_organization(store, &[(owner.id, Role::OWNER)]).await.id;
    Scene {
        app: app(store),
        owner: crate::acting(&owner),
        organization,
        invitee,
    }
}

async fn role_of(store: &Arc<dyn Store>, organization: OrgId, user: &User) -> Option<Role> {
    let mut tx = store.begin(TxMode::Read).await.unwrap();
    tx.find_role(organization, user.id).await.unwrap()
}

async fn open_invitations(store: &Arc<dyn Store>, organization: OrgId, email: &Email) -> usize {
    let mut tx = store.begin(TxMode::Read).await.unwrap();
    usize::from(tx.find_open_invitation(organization, email).await.unwrap().is_some())
}

/// The invitee accepting `token` once the barrier opens, held back on even rounds.
fn spawn_accept(
    scene: &Scene,
    barrier: &Arc<Barrier>,
    token: String,
    round: usize,
) -> tokio::task::JoinHandle<Result<orgs_app::AcceptedInvitation, AcceptInvitationError>> {
    let (app, barrier, caller) = (scene.app.clone(), barrier.clone(), crate::acting(&scene.invitee));
    tokio::spawn(async move {
        barrier.wait().await;
        stagger(round, 0).await;
        app.accept_invitation(&caller, &token).await
    })
}

pub async fn racing_joins_never_pass_max_uses(store: Arc<dyn Store>) {
    const JOINERS: usize = 50;
    for round in 0..5 {
        let scene = scene(&store).await;
        let made = scene
            .app
            .create_join_code(
                &scene.owner,
                scene.organization,
                Role::MEMBER,
                Some(MaxUses::parse(5).unwrap()),
            )
            .await
            .unwrap();
        let mut joiners = Vec::new();
        for _ in 0..JOINERS {
            joiners.push(seed_user(&store).await);
        }
        let barrier = Arc::new(Barrier::new(JOINERS));
        let tasks: Vec<_> = joiners
            .iter()
            .map(|user| {
                let (app, barrier, code, caller) = (
                    scene.app.clone(),
                    barrier.clone(),
                    made.code.clone(),
                    crate::acting(user),
                );
                tokio::spawn(async move {
                    barrier.wait().await;
                    app.join_with_code(&caller, &code).await
                })
            })
            .collect();
        let mut joined = 0;
        for task in tasks {
            match task.await.unwrap() {
                Ok(outcome) => {
                    assert!(!outcome.already_member);
                    joined += 1;
                }
                Err(JoinError::Exhausted) => {}
                Err(other) => panic!("round {round}: unexpected {other:?}"),
            }
        }
        assert_eq!(joined, 5, "round {round}");
        let mut tx = store.begin(TxMode::Read).await.unwrap();
        assert_eq!(tx.list_members(scene.organization, None).await.unwrap().len(), 1 + 5);
        assert_eq!(
            tx.find_join_code(scene.organization, made.join_code.id)
                .await
                .unwrap()
                .unwrap()
                .uses,
            5
        );
    }
}

pub async fn racing_accepts_of_one_token_admit_one_user(store: Arc<dyn Store>) {
    const ACCEPTS: usize = 20;
    for round in 0..5 {
        let scene = scene(&store).await;
        let email = scene.invitee.email.clone();
        let made = scene
            .app
            .create_invitation(&scene.owner, scene.organization, email, Role::ADMIN)
            .await
            .unwrap();
        let barrier = Arc::new(Barrier::new(ACCEPTS));
        let tasks: Vec<_> = (0..ACCEPTS)
            .map(|_| {
                let (app, barrier, token) = (scene.app.clone(), barrier.clone(), made.token.clone());
                let caller = crate::acting(&scene.invitee);
                tokio::spawn(async move {
                    barrier.wait().await;
                    app.accept_invitation(&caller, &token).await
                })
            })
            .collect();
        let mut answers = Vec::new();
        for task in tasks {
            answers.push(task.await.unwrap().map_err(|err| format!("{err:?}")));
        }
        let first = answers[0].clone().unwrap();
        assert!(
            answers.iter().all(|answer| answer.as_ref() == Ok(&first)),
            "round {round}: {answers:?}"
        );
        assert_eq!(
            role_of(&store, scene.organization, &scene.invitee).await,
            Some(Role::ADMIN)
        );
        let mut tx = store.begin(TxMode::Read).await.unwrap();
        assert_eq!(
            tx.list_members(scene.organization, None).await.unwrap().len(),
            2,
            "one membership, not twenty"
        );
    }
}

pub async fn an_accept_racing_a_revoke_ends_in_one_outcome(store: Arc<dyn Store>) {
    let (mut accepted_rounds, mut revoked_rounds) = (0, 0);
    for round in 0..ROUNDS {
        let scene = scene(&store).await;
        let email = scene.invitee.email.clone();
        let made = scene
            .app
            .create_invitation(&scene.owner, scene.organization, email, Role::MEMBER)
            .await
            .unwrap();
        let barrier = Arc::new(Barrier::new(2));
        let accept = spawn_accept(&scene, &barrier, made.token.clone(), round);
        let revoke = {
            let (app, barrier, owner, organization, id) = (
                scene.app.clone(),
                barrier.clone(),
                scene.owner,
                scene.organization,
                made.invitation.id,
            );
            tokio::spawn(async move {
                barrier.wait().await;
                stagger(round, 1).await;
                app.revoke_invitation(&owner, organization, id).await
            })
        };
        let (accepted, revoked) = (accept.await.unwrap(), revoke.await.unwrap());
        assert!(revoked.is_ok(), "round {round}: {revoked:?}");
        let mut tx = store.begin(TxMode::Read).await.unwrap();
        let state = tx
            .find_invitation(scene.organization, made.invitation.id)
            .await
            .unwrap()
            .unwrap()
            .state;
        drop(tx);
        let member = role_of(&store, scene.organization, &scene.invitee).await;
        match accepted {
            Ok(_) => {
                assert!(
                    matches!(state, InvitationState::Accepted { .. }),
                    "round {round}: {state:?}"
                );
                assert_eq!(member, Some(Role::MEMBER));
                accepted_rounds += 1;
            }
            Err(AcceptInvitationError::InvalidInvitation) => {
                assert!(
                    matches!(state, InvitationState::Revoked { .. }),
                    "round {round}: {state:?}"
                );
                assert_eq!(member, None);
                revoked_rounds += 1;
            }
            Err(other) => panic!("round {round}: unexpected {other:?}"),
        }
    }
    eprintln!("accept racing revoke: {accepted_rounds} accepted first, {revoked_rounds} revoked first");
    assert!(
        accepted_rounds > 0 && revoked_rounds > 0,
        "both orders must occur for the race to mean anything"
    );
}

pub async fn a_reinvite_racing_an_accept_never_leaves_two_usable_tokens(store: Arc<dyn Store>) {
    let mut accept_won = 0;
    for round in 0..ROUNDS {
        let scene = scene(&store).await;
        let email = scene.invitee.email.clone();
        let old = scene
            .app
            .create_invitation(&scene.owner, scene.organization, email.clone(), Role::MEMBER)
            .await
            .unwrap();
        let barrier = Arc::new(Barrier::new(2));
        let accept = spawn_accept(&scene, &barrier, old.token.clone(), round);
        let reinvite = {
            let (app, barrier, owner, organization, email) = (
                scene.app.clone(),
                barrier.clone(),
                scene.owner,
                scene.organization,
                email.clone(),
            );
            tokio::spawn(async move {
                barrier.wait().await;
                stagger(round, 1).await;
                app.create_invitation(&owner, organization, email, Role::ADMIN).await
            })
        };
        let (accepted, reinvited) = (accept.await.unwrap(), reinvite.await.unwrap());
        let open = open_invitations(&store, scene.organization, &email).await;
        let member = role_of(&store, scene.organization, &scene.invitee).await;
        match (&accepted, &reinvited) {
            (Ok(_), Err(CreateInvitationError::AlreadyMember)) => {
                accept_won += 1;
                assert_eq!((open, member), (0, Some(Role::MEMBER)), "round {round}");
            }
            (Err(AcceptInvitationError::InvalidInvitation), Ok(new)) => {
                assert_eq!((open, member), (1, None), "round {round}");
                let retry = scene
                    .app
                    .accept_invitation(&crate::acting(&scene.invitee), &old.token)
                    .await;
                assert!(
                    matches!(retry, Err(AcceptInvitationError::InvalidInvitation)),
                    "the old token stays dead"
                );
                let fresh = scene
                    .app
                    .accept_invitation(&crate::acting(&scene.invitee), &new.token)
                    .await
                    .unwrap();
                assert_eq!(fresh.role, Role::ADMIN);
            }
            other => panic!("round {round}: both or neither won: {other:?}"),
        }
        let mut tx = store.begin(TxMode::Read).await.unwrap();
        assert!(
            tx.find_organization(scene.organization, RowLock::None)
                .await
                .unwrap()
                .is_some()
        );
    }
    eprintln!("re-invite racing accept: the accept won {accept_won} of {ROUNDS} rounds");
    assert!(
        accept_won > 0 && accept_won < ROUNDS,
        "both orders must occur for the race to mean anything"
    );
}
