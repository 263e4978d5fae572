//! A model-based property test: random sequences of operations by random callers run
//! against a real store through the use cases, and after every step the organization's
//! members must equal what a small, independent model of CONTRACT.md's rules predicts.

use crate::races::app;
use crate::{seed_organization, seed_user};
use orgs_app::App;
use orgs_core::{Caller, MaxUses, OrgId, Role, User, UserId};
use orgs_ports::{Store, TxMode};
use proptest::prelude::*;
use std::collections::BTreeMap;
use std::sync::Arc;

const PEOPLE: usize = 4;

#[derive(Debug, Clone)]
enum Step {
    SetRole { actor: usize, target: usize, role: Role },
    Remove { actor: usize, target: usize },
    InviteAndAccept { actor: usize, invitee: usize, role: Role },
    CodeAndJoin { actor: usize, joiner: usize, role: Role },
}

fn role() -> impl Strategy<Value = Role> {
    prop_oneof![Just(Role::Owner), Just(Role::Admin), Just(Role::Member)]
}

fn step() -> impl Strategy<Value = Step> {
    let who = 0..PEOPLE;
    prop_oneof![
        (who.clone(), who.clone(), role()).prop_map(|(actor, target, role)| Step::SetRole { actor, target, role }),
        (who.clone(), who.clone()).prop_map(|(actor, target)| Step::Remove { actor, target }),
        (who.clone(), who.clone(), role()).prop_map(|(actor, invitee, role)| Step::InviteAndAccept {
            actor,
            invitee,
            role
        }),
        (who.clone(), who, role()).prop_map(|(actor, joiner, role)| Step::CodeAndJoin { actor, joiner, role }),
    ]
}

/// What the contract says happens, written from CONTRACT.md without the domain crate's
/// rules, so that a mistake in one is caught by the other.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Ok,
    NotFound,
    Forbidden,
    LastOwner,
    AlreadyMember,
}

fn rank(role: Role) -> u8 {
    match role {
        Role::Owner => 3,
        Role::Admin => 2,
        Role::Member => 1,
    }
}

fn manages(role: Role) -> bool {
    role != Role::Member
}

struct Model(BTreeMap<usize, Role>);

impl Model {
    fn owners(&self) -> usize {
        self.0.values().filter(|role| **role == Role::Owner).count()
    }

    /// Applies `step` and returns the outcome the contract prescribes.
    fn apply(&mut self, step: &Step) -> Outcome {
        let actor = match step {
            Step::SetRole { actor, .. }
            | Step::Remove { actor, .. }
            | Step::InviteAndAccept { actor, .. }
            | Step::CodeAndJoin { actor, .. } => *actor,
        };
        let Some(mine) = self.0.get(&actor).copied() else {
            return Outcome::NotFound;
        };
        if !manages(mine) {
            return Outcome::Forbidden;
        }
        match *step {
            Step::SetRole { target, role, .. } => {
                if rank(role) > rank(mine) {
                    return Outcome::Forbidden;
                }
                let Some(current) = self.0.get(&target).copied() else {
                    return Outcome::NotFound;
                };
                if rank(current) > rank(mine) {
                    return Outcome::Forbidden;
                }
                if current == role {
                    return Outcome::Ok;
                }
                if current == Role::Owner && self.owners() == 1 {
                    return Outcome::LastOwner;
                }
                self.0.insert(target, role);
                Outcome::Ok
            }
            Step::Remove { target, .. } => {
                let Some(current) = self.0.get(&target).copied() else {
                    return Outcome::Ok;
                };
                if rank(current) > rank(mine) {
                    return Outcome::Forbidden;
                }
                if current == Role::Owner && self.owners() == 1 {
                    return Outcome::LastOwner;
                }
                self.0.remove(&target);
                Outcome::Ok
            }
            Step::InviteAndAccept { invitee, role, .. } => {
                if rank(role) > rank(mine) {
                    return Outcome::Forbidden;
                }
                if self.0.contains_key(&invitee) {
                    return Outcome::AlreadyMember;
                }
                self.0.insert(invitee, role);
                Outcome::Ok
            }
            Step::CodeAndJoin { joiner, role, .. } => {
                if rank(role) > rank(mine) {
                    return Outcome::Forbidden;
                }
                self.0.entry(joiner).or_insert(role);
                Outcome::Ok
            }
        }
    }
}

fn outcome_of<E: std::fmt::Debug>(result: Result<(), E>) -> Outcome {
    let Err(err) = result else { return Outcome::Ok };
    let text = format!("{err:?}");
    if text.contains("LastOwner") {
        Outcome::LastOwner
    } else if text.contains("AlreadyMember") {
        Outcome::AlreadyMember
    } else if text.contains("NotFound") {
        Outcome::NotFound
    } else if text.contains("Forbidden") {
        Outcome::Forbidden
    } else {
        panic!("an unexpected error: {text}")
    }
}

async fn run(app: &App, organization: OrgId, people: &[User], step: &Step) -> Outcome {
    let me = |n: usize| Caller::User(people[n].id);
    match *step {
        Step::SetRole { actor, target, role } => outcome_of(
            app.set_member_role(&me(actor), organization, people[target].id, role)
                .await,
        ),
        Step::Remove { actor, target } => {
            outcome_of(app.remove_member(&me(actor), organization, people[target].id).await)
        }
        Step::InviteAndAccept { actor, invitee, role } => {
            let made = app
                .create_invitation(&me(actor), organization, people[invitee].email.clone(), role)
                .await;
            match made {
                Ok(made) => outcome_of(app.accept_invitation(&me(invitee), &made.token).await.map(drop)),
                Err(err) => outcome_of(Err::<(), _>(err)),
            }
        }
        Step::CodeAndJoin { actor, joiner, role } => {
            let made = app
                .create_join_code(&me(actor), organization, role, Some(MaxUses::parse(1).unwrap()))
                .await;
            match made {
                Ok(made) => outcome_of(app.join_with_code(&me(joiner), &made.code).await.map(drop)),
                Err(err) => outcome_of(Err::<(), _>(err)),
            }
        }
    }
}

async fn members(store: &Arc<dyn Store>, organization: OrgId, people: &[User]) -> BTreeMap<usize, Role> {
    let mut tx = store.begin(TxMode::Read).await.unwrap();
    let index = |user: UserId| {
        people
            .iter()
            .position(|person| person.id == user)
            .expect("one of the cast")
    };
    tx.list_members(organization)
        .await
        .unwrap()
        .into_iter()
        .map(|m| (index(m.user_id), m.role))
        .collect()
}

/// Runs on a blocking thread of the test's runtime, so the store's pool stays on the
/// runtime that made it.
pub async fn random_operations_agree_with_the_model(store: Arc<dyn Store>) {
    let handle = tokio::runtime::Handle::current();
    let operations = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let counted = operations.clone();
    tokio::task::spawn_blocking(move || {
        let app = app(&store);
        let config = ProptestConfig {
            cases: 64,
            failure_persistence: None,
            ..ProptestConfig::default()
        };
        proptest!(config, |(steps in proptest::collection::vec(step(), 1..16))| {
            handle.block_on(async {
                let mut people = Vec::new();
                for _ in 0..PEOPLE {
                    people.push(seed_user(&store).await);
                }
                let organization = seed_organization(&store, &[(people[0].id, Role::Owner)]).await.id;
                let mut model = Model([(0, Role::Owner)].into_iter().collect());
                for (n, step) in steps.iter().enumerate() {
                    let predicted = model.apply(step);
                    let actual = run(&app, organization, &people, step).await;
                    counted.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    assert_eq!(actual, predicted, "step {n}: {step:?}");
                    assert_eq!(members(&store, organization, &people).await, model.0, "after step {n}: {step:?}");
                    assert!(model.owners() >= 1);
                }
            });
        });
    })
    .await
    .unwrap();
    eprintln!(
        "the model agreed on {} operations",
        operations.load(std::sync::atomic::Ordering::Relaxed)
    );
}
