//! A model-based property test: random sequences of operations by random callers (four
//! people and the organization's own token) run against a real store through the use
//! cases. After every step the outcome, the membership table, every join code's uses
//! and the pending invitations must equal what a small, independent model of
//! CONTRACT.md's rules predicts.

use crate::races::app;
use crate::{seed_organization, seed_user};
use orgs_app::App;
use orgs_core::{Caller, MaxUses, OrgId, Role, User, UserId};
use orgs_ports::{Clock, Store, TxMode};
use proptest::prelude::*;
use std::collections::BTreeMap;
use std::sync::Arc;

const PEOPLE: usize = 4;
/// The actor index that stands for the organization's own API token.
const TOKEN: usize = PEOPLE;

#[derive(Debug, Clone)]
enum Step {
    SetRole { actor: usize, target: usize, role: Role },
    Remove { actor: usize, target: usize },
    Invite { actor: usize, invitee: usize, role: Role },
    Accept { who: usize, invitation: usize },
    CreateCode { actor: usize, role: Role, max_uses: u32 },
    Join { who: usize, code: usize },
    RevokeCode { actor: usize, code: usize },
}

fn role() -> impl Strategy<Value = Role> {
    prop_oneof![Just(Role::Owner), Just(Role::Admin), Just(Role::Member)]
}

fn step() -> impl Strategy<Value = Step> {
    let (actor, person, index) = (0..=TOKEN, 0..PEOPLE, 0..4usize);
    prop_oneof![
        (actor.clone(), person.clone(), role()).prop_map(|(actor, target, role)| Step::SetRole { actor, target, role }),
        (actor.clone(), person.clone()).prop_map(|(actor, target)| Step::Remove { actor, target }),
        (actor.clone(), person.clone(), role()).prop_map(|(actor, invitee, role)| Step::Invite {
            actor,
            invitee,
            role
        }),
        (person.clone(), index.clone()).prop_map(|(who, invitation)| Step::Accept { who, invitation }),
        (actor.clone(), role(), 1..=2u32).prop_map(|(actor, role, max_uses)| Step::CreateCode {
            actor,
            role,
            max_uses
        }),
        (person, index.clone()).prop_map(|(who, code)| Step::Join { who, code }),
        (actor, index).prop_map(|(actor, code)| Step::RevokeCode { actor, code }),
    ]
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Ok,
    NotFound,
    Forbidden,
    LastOwner,
    AlreadyMember,
    InvalidInvitation,
    EmailMismatch,
    InvalidJoinCode,
    Exhausted,
    /// The step names an invitation or code that was never made: nothing to do.
    Skipped,
}

fn rank(role: Role) -> u8 {
    match role {
        Role::Owner => 3,
        Role::Admin => 2,
        Role::Member => 1,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum InvitationState {
    Pending,
    AcceptedBy(usize),
    Revoked,
}

struct ModelInvitation {
    invitee: usize,
    role: Role,
    state: InvitationState,
}

struct ModelCode {
    role: Role,
    max_uses: u32,
    uses: u32,
    revoked: bool,
}

/// What the contract says happens, written from CONTRACT.md without the domain crate's
/// rules, so that a mistake in one is caught by the other.
#[derive(Default)]
struct Model {
    members: BTreeMap<usize, Role>,
    invitations: Vec<ModelInvitation>,
    codes: Vec<ModelCode>,
}

impl Model {
    fn owners(&self) -> usize {
        self.members.values().filter(|role| **role == Role::Owner).count()
    }

    /// The role an actor acts with, or the refusal it meets first.
    fn manager(&self, actor: usize) -> Result<Role, Outcome> {
        let role = if actor == TOKEN {
            Role::Admin
        } else {
            *self.members.get(&actor).ok_or(Outcome::NotFound)?
        };
        if role == Role::Member {
            Err(Outcome::Forbidden)
        } else {
            Ok(role)
        }
    }

    fn apply(&mut self, step: &Step) -> Outcome {
        match self.apply_or_refuse(step) {
            Ok(outcome) | Err(outcome) => outcome,
        }
    }

    fn apply_or_refuse(&mut self, step: &Step) -> Result<Outcome, Outcome> {
        let within = |mine: Role, other: Role| {
            if rank(other) > rank(mine) {
                Err(Outcome::Forbidden)
            } else {
                Ok(())
            }
        };
        match *step {
            Step::SetRole { actor, target, role } => {
                let mine = self.manager(actor)?;
                within(mine, role)?;
                let current = *self.members.get(&target).ok_or(Outcome::NotFound)?;
                within(mine, current)?;
                if current != role {
                    if current == Role::Owner && self.owners() == 1 {
                        return Err(Outcome::LastOwner);
                    }
                    self.members.insert(target, role);
                }
            }
            Step::Remove { actor, target } => {
                let mine = self.manager(actor)?;
                if let Some(current) = self.members.get(&target).copied() {
                    within(mine, current)?;
                    if current == Role::Owner && self.owners() == 1 {
                        return Err(Outcome::LastOwner);
                    }
                    self.members.remove(&target);
                }
            }
            Step::Invite { actor, invitee, role } => {
                let mine = self.manager(actor)?;
                within(mine, role)?;
                let previous = self
                    .invitations
                    .iter()
                    .position(|i| i.invitee == invitee && i.state == InvitationState::Pending);
                if let Some(previous) = previous {
                    within(mine, self.invitations[previous].role)?;
                }
                if self.members.contains_key(&invitee) {
                    return Err(Outcome::AlreadyMember);
                }
                if let Some(previous) = previous {
                    self.invitations[previous].state = InvitationState::Revoked;
                }
                self.invitations.push(ModelInvitation {
                    invitee,
                    role,
                    state: InvitationState::Pending,
                });
            }
            Step::Accept { who, invitation } => {
                let invitation = self.invitations.get_mut(invitation).ok_or(Outcome::Skipped)?;
                match invitation.state {
                    InvitationState::AcceptedBy(by) if by == who => {
                        if !self.members.contains_key(&who) {
                            return Err(Outcome::InvalidInvitation);
                        }
                    }
                    InvitationState::AcceptedBy(_) | InvitationState::Revoked => {
                        return Err(Outcome::InvalidInvitation);
                    }
                    InvitationState::Pending if invitation.invitee != who => return Err(Outcome::EmailMismatch),
                    InvitationState::Pending => {
                        invitation.state = InvitationState::AcceptedBy(who);
                        self.members.entry(who).or_insert(invitation.role);
                    }
                }
            }
            Step::CreateCode { actor, role, max_uses } => {
                within(self.manager(actor)?, role)?;
                self.codes.push(ModelCode {
                    role,
                    max_uses,
                    uses: 0,
                    revoked: false,
                });
            }
            Step::Join { who, code } => {
                let code = self.codes.get_mut(code).ok_or(Outcome::Skipped)?;
                if code.revoked {
                    return Err(Outcome::InvalidJoinCode);
                }
                if let std::collections::btree_map::Entry::Vacant(slot) = self.members.entry(who) {
                    if code.uses >= code.max_uses {
                        return Err(Outcome::Exhausted);
                    }
                    code.uses += 1;
                    slot.insert(code.role);
                }
            }
            Step::RevokeCode { actor, code } => {
                if code >= self.codes.len() {
                    return Err(Outcome::Skipped);
                }
                let mine = self.manager(actor)?;
                let code = &mut self.codes[code];
                within(mine, code.role)?;
                code.revoked = true;
            }
        }
        Ok(Outcome::Ok)
    }
}

fn outcome_of<T, E: std::fmt::Debug>(result: Result<T, E>) -> Outcome {
    let Err(err) = result else { return Outcome::Ok };
    let text = format!("{err:?}");
    let known = [
        ("LastOwner", Outcome::LastOwner),
        ("AlreadyMember", Outcome::AlreadyMember),
        ("InvalidInvitation", Outcome::InvalidInvitation),
        ("EmailMismatch", Outcome::EmailMismatch),
        ("InvalidJoinCode", Outcome::InvalidJoinCode),
        ("Exhausted", Outcome::Exhausted),
        ("NotFound", Outcome::NotFound),
        ("Forbidden", Outcome::Forbidden),
    ];
    known
        .iter()
        .find(|(name, _)| text.contains(name))
        .map(|(_, outcome)| *outcome)
        .unwrap_or_else(|| panic!("an unexpected error: {text}"))
}

/// The real side of the run: the store, the cast, and the secrets handed out so far.
struct World {
    app: Arc<App>,
    organization: OrgId,
    people: Vec<User>,
    tokens: Vec<String>,
    codes: Vec<(String, orgs_core::JoinCodeId)>,
}

impl World {
    fn caller(&self, actor: usize) -> Caller {
        if actor == TOKEN {
            Caller::OrganizationToken(self.organization)
        } else {
            Caller::User(self.people[actor].id)
        }
    }

    async fn run(&mut self, step: &Step) -> Outcome {
        let (app, organization) = (self.app.clone(), self.organization);
        match *step {
            Step::SetRole { actor, target, role } => outcome_of(
                app.set_member_role(&self.caller(actor), organization, self.people[target].id, role)
                    .await,
            ),
            Step::Remove { actor, target } => outcome_of(
                app.remove_member(&self.caller(actor), organization, self.people[target].id)
                    .await,
            ),
            Step::Invite { actor, invitee, role } => {
                let email = self.people[invitee].email.clone();
                match app
                    .create_invitation(&self.caller(actor), organization, email, role)
                    .await
                {
                    Ok(made) => {
                        self.tokens.push(made.token);
                        Outcome::Ok
                    }
                    Err(err) => outcome_of(Err::<(), _>(err)),
                }
            }
            Step::Accept { who, invitation } => match self.tokens.get(invitation) {
                Some(token) => outcome_of(app.accept_invitation(&self.caller(who), token).await),
                None => Outcome::Skipped,
            },
            Step::CreateCode { actor, role, max_uses } => {
                let max = Some(MaxUses::parse(i64::from(max_uses)).unwrap());
                match app.create_join_code(&self.caller(actor), organization, role, max).await {
                    Ok(made) => {
                        self.codes.push((made.code, made.join_code.id));
                        Outcome::Ok
                    }
                    Err(err) => outcome_of(Err::<(), _>(err)),
                }
            }
            Step::Join { who, code } => match self.codes.get(code) {
                Some((code, _)) => outcome_of(app.join_with_code(&self.caller(who), code).await),
                None => Outcome::Skipped,
            },
            Step::RevokeCode { actor, code } => match self.codes.get(code) {
                Some((_, id)) => outcome_of(app.revoke_join_code(&self.caller(actor), organization, *id).await),
                None => Outcome::Skipped,
            },
        }
    }
}

/// Members, uses of every code not revoked, and how many invitations are pending.
type Snapshot = (BTreeMap<usize, Role>, Vec<u32>, usize);

async fn snapshot(store: &Arc<dyn Store>, world: &World) -> Snapshot {
    let mut tx = store.begin(TxMode::Read).await.unwrap();
    let index = |user: UserId| {
        world
            .people
            .iter()
            .position(|person| person.id == user)
            .expect("one of the cast")
    };
    let members = tx
        .list_members(world.organization, None)
        .await
        .unwrap()
        .into_iter()
        .map(|m| (index(m.user_id), m.role))
        .collect();
    let uses = tx
        .list_join_codes(world.organization, None)
        .await
        .unwrap()
        .iter()
        .map(|code| code.uses)
        .collect();
    let now = orgs_auth::SystemClock.now();
    let pending = tx
        .list_pending_invitations(world.organization, now, None)
        .await
        .unwrap()
        .len();
    (members, uses, pending)
}

fn expected_snapshot(model: &Model) -> Snapshot {
    let uses = model
        .codes
        .iter()
        .filter(|code| !code.revoked)
        .map(|code| code.uses)
        .collect();
    let pending = model
        .invitations
        .iter()
        .filter(|i| i.state == InvitationState::Pending)
        .count();
    (model.members.clone(), uses, pending)
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
        proptest!(config, |(steps in proptest::collection::vec(step(), 1..24))| {
            handle.block_on(async {
                let mut people = Vec::new();
                for _ in 0..PEOPLE {
                    people.push(seed_user(&store).await);
                }
                let organization = seed_organization(&store, &[(people[0].id, Role::Owner)]).await.id;
                let mut world = World { app: app.clone(), organization, people, tokens: Vec::new(), codes: Vec::new() };
                let mut model = Model::default();
                model.members.insert(0, Role::Owner);
                for (n, step) in steps.iter().enumerate() {
                    let predicted = model.apply(step);
                    let actual = world.run(step).await;
                    counted.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    assert_eq!(actual, predicted, "step {n}: {step:?}");
                    assert_eq!(snapshot(&store, &world).await, expected_snapshot(&model), "after step {n}: {step:?}");
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
