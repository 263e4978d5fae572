//! A model-based property test: random sequences of operations by random callers (four
//! people and the organization's own token) run against a real store through the use
//! cases. After every step the outcome, the membership table, every join code's uses,
//! the pending invitations and the live organization tokens must equal what a small,
//! independent model of CONTRACT.md's rules predicts, leaving, handing over and deleting
//! the organization included. The organization's token is a caller here, not a bearer
//! that authentication checks, so after a delete it meets `NotFound` where HTTP answers
//! `401`; the API tests check that answer.

use crate::model_roles::RoleSetup;
use crate::model_world::World;
use crate::races::app_with_roles;
use crate::{seed_organization, seed_user};
use orgs_core::{Page, Role, UserId};
use orgs_ports::{Clock, Store, TxMode};
use proptest::prelude::*;
use std::collections::BTreeMap;
use std::sync::Arc;

const PEOPLE: usize = 4;
/// The actor index that stands for the organization's own API token.
pub(crate) const TOKEN: usize = PEOPLE;

#[derive(Debug, Clone)]
pub(crate) enum Step {
    SetRole { actor: usize, target: usize, role: Role },
    Remove { actor: usize, target: usize },
    Invite { actor: usize, invitee: usize, role: Role },
    Accept { who: usize, invitation: usize },
    CreateCode { actor: usize, role: Role, max_uses: u32 },
    Join { who: usize, code: usize },
    RevokeCode { actor: usize, code: usize },
    Leave { who: usize },
    Transfer { actor: usize, to: usize },
    Delete { actor: usize },
    MintToken { actor: usize },
    RevokeToken { actor: usize, token: usize },
}

fn step(setup: RoleSetup) -> impl Strategy<Value = Step> {
    let role = move || proptest::sample::select(setup.names());
    let (actor, person, index) = (0..=TOKEN, 0..PEOPLE, 0..4usize);
    prop_oneof![
        3 => (actor.clone(), person.clone(), role()).prop_map(|(actor, target, role)| Step::SetRole { actor, target, role }),
        3 => (actor.clone(), person.clone()).prop_map(|(actor, target)| Step::Remove { actor, target }),
        3 => (actor.clone(), person.clone(), role()).prop_map(|(actor, invitee, role)| Step::Invite {
            actor,
            invitee,
            role
        }),
        3 => (person.clone(), index.clone()).prop_map(|(who, invitation)| Step::Accept { who, invitation }),
        3 => (actor.clone(), role(), 1..=2u32).prop_map(|(actor, role, max_uses)| Step::CreateCode {
            actor,
            role,
            max_uses
        }),
        3 => (person.clone(), index.clone()).prop_map(|(who, code)| Step::Join { who, code }),
        3 => (actor.clone(), index.clone()).prop_map(|(actor, code)| Step::RevokeCode { actor, code }),
        3 => actor.clone().prop_map(|who| Step::Leave { who }),
        3 => (actor.clone(), person).prop_map(|(actor, to)| Step::Transfer { actor, to }),
        // Rarer than the rest: after a delete every step is refused.
        1 => actor.clone().prop_map(|actor| Step::Delete { actor }),
        3 => actor.clone().prop_map(|actor| Step::MintToken { actor }),
        3 => (actor, index).prop_map(|(actor, token)| Step::RevokeToken { actor, token }),
    ]
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Outcome {
    Ok,
    NotFound,
    Forbidden,
    UserRequired,
    InvalidRequest,
    LastOwner,
    AlreadyMember,
    InvalidInvitation,
    EmailMismatch,
    InvalidJoinCode,
    Exhausted,
    /// The step names an invitation or code that was never made: nothing to do.
    Skipped,
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
struct Model {
    setup: RoleSetup,
    members: BTreeMap<usize, Role>,
    invitations: Vec<ModelInvitation>,
    codes: Vec<ModelCode>,
    /// Whether each organization token minted is revoked.
    tokens_revoked: Vec<bool>,
    deleted: bool,
}

impl Model {
    fn new(setup: RoleSetup) -> Self {
        Self {
            setup,
            members: BTreeMap::new(),
            invitations: Vec::new(),
            codes: Vec::new(),
            tokens_revoked: Vec::new(),
            deleted: false,
        }
    }

    fn owners(&self) -> usize {
        self.members.values().filter(|role| **role == Role::OWNER).count()
    }

    /// The role an actor holds, or `NotFound` when it cannot see the organization.
    fn role_of(&self, actor: usize) -> Result<Role, Outcome> {
        if actor == TOKEN {
            Ok(Role::ADMIN)
        } else {
            self.members.get(&actor).copied().ok_or(Outcome::NotFound)
        }
    }

    /// For the steps a person must take: the role, or the refusal met first.
    fn person_role(&self, actor: usize) -> Result<Role, Outcome> {
        let role = self.role_of(actor)?;
        if actor == TOKEN {
            Err(Outcome::UserRequired)
        } else {
            Ok(role)
        }
    }

    /// The role an actor acts with, or the refusal it meets first.
    fn manager(&self, actor: usize) -> Result<Role, Outcome> {
        let role = if actor == TOKEN {
            Role::ADMIN
        } else {
            *self.members.get(&actor).ok_or(Outcome::NotFound)?
        };
        if self.setup.holds(role, "members:manage") {
            Ok(role)
        } else {
            Err(Outcome::Forbidden)
        }
    }

    fn apply(&mut self, step: &Step) -> Outcome {
        match self.apply_or_refuse(step) {
            Ok(outcome) | Err(outcome) => outcome,
        }
    }

    fn apply_or_refuse(&mut self, step: &Step) -> Result<Outcome, Outcome> {
        if self.deleted {
            return Err(self.after_delete(step));
        }
        let setup = self.setup;
        let within = |mine: Role, other: Role| {
            if setup.within(mine, other) {
                Ok(())
            } else {
                Err(Outcome::Forbidden)
            }
        };
        match *step {
            Step::SetRole { actor, target, role } => {
                let mine = self.manager(actor)?;
                within(mine, role)?;
                let current = *self.members.get(&target).ok_or(Outcome::NotFound)?;
                within(mine, current)?;
                if current != role {
                    if current == Role::OWNER && self.owners() == 1 {
                        return Err(Outcome::LastOwner);
                    }
                    self.members.insert(target, role);
                }
            }
            Step::Remove { actor, target } => {
                let mine = self.manager(actor)?;
                if let Some(current) = self.members.get(&target).copied() {
                    within(mine, current)?;
                    if current == Role::OWNER && self.owners() == 1 {
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
            Step::Leave { who } => {
                let role = self.person_role(who)?;
                if role == Role::OWNER && self.owners() == 1 {
                    return Err(Outcome::LastOwner);
                }
                self.members.remove(&who);
            }
            Step::Transfer { actor, to } => {
                if actor == to {
                    return Err(Outcome::InvalidRequest);
                }
                if self.person_role(actor)? != Role::OWNER {
                    return Err(Outcome::Forbidden);
                }
                if !self.members.contains_key(&to) {
                    return Err(Outcome::NotFound);
                }
                self.members.insert(to, Role::OWNER);
                self.members.insert(actor, Role::ADMIN);
            }
            Step::Delete { actor } => {
                if !setup.holds(self.person_role(actor)?, "org:manage") {
                    return Err(Outcome::Forbidden);
                }
                self.deleted = true;
                self.members.clear();
            }
            Step::MintToken { actor } => {
                if !setup.holds(self.person_role(actor)?, "org:manage") {
                    return Err(Outcome::Forbidden);
                }
                self.tokens_revoked.push(false);
            }
            Step::RevokeToken { actor, token } => {
                if token >= self.tokens_revoked.len() {
                    return Err(Outcome::Skipped);
                }
                // The token acts as an admin, which lacks org:manage.
                if !setup.holds(self.role_of(actor)?, "org:manage") {
                    return Err(Outcome::Forbidden);
                }
                self.tokens_revoked[token] = true;
            }
        }
        Ok(Outcome::Ok)
    }

    /// Once the organization is gone, every step meets the refusal of a missing one,
    /// after the checks that come before looking it up.
    fn after_delete(&self, step: &Step) -> Outcome {
        match *step {
            Step::Accept { invitation, .. } if invitation < self.invitations.len() => Outcome::InvalidInvitation,
            Step::Join { code, .. } if code < self.codes.len() => Outcome::InvalidJoinCode,
            Step::Accept { .. } | Step::Join { .. } => Outcome::Skipped,
            Step::RevokeCode { code, .. } if code >= self.codes.len() => Outcome::Skipped,
            Step::RevokeToken { token, .. } if token >= self.tokens_revoked.len() => Outcome::Skipped,
            Step::Transfer { actor, to } if actor == to => Outcome::InvalidRequest,
            _ => Outcome::NotFound,
        }
    }
}

/// Members, uses of every code not revoked, how many invitations are pending, and how
/// many organization tokens are live.
type Snapshot = (BTreeMap<usize, Role>, Vec<u32>, usize, usize);

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
    let live_tokens = tx
        .list_live_organization_tokens(
            world.organization,
            Page {
                limit: 1000,
                after: None,
            },
        )
        .await
        .unwrap()
        .len();
    (members, uses, pending, live_tokens)
}

fn expected_snapshot(model: &Model) -> Snapshot {
    if model.deleted {
        return (BTreeMap::new(), Vec::new(), 0, 0);
    }
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
    let live_tokens = model.tokens_revoked.iter().filter(|revoked| !**revoked).count();
    (model.members.clone(), uses, pending, live_tokens)
}

/// Runs on a blocking thread of the test's runtime, so the store's pool stays on the
/// runtime that made it.
pub async fn random_operations_agree_with_the_model(store: Arc<dyn Store>) {
    agree_with_the_model(store, RoleSetup::BuiltIn).await;
}

/// The same under a role table with declared roles: `billing`, `viewer`, `manager` and
/// `steward`, ranked between and below the built-ins, some with permissions an admin
/// lacks.
pub async fn random_operations_agree_with_the_model_under_custom_roles(store: Arc<dyn Store>) {
    agree_with_the_model(store, RoleSetup::Custom).await;
}

async fn agree_with_the_model(store: Arc<dyn Store>, setup: RoleSetup) {
    let handle = tokio::runtime::Handle::current();
    let operations = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let counted = operations.clone();
    tokio::task::spawn_blocking(move || {
        let app = app_with_roles(&store, setup.roles());
        let config = ProptestConfig {
            cases: 64,
            failure_persistence: None,
            ..ProptestConfig::default()
        };
        proptest!(config, |(steps in proptest::collection::vec(step(setup), 1..24))| {
            handle.block_on(async {
                let mut people = Vec::new();
                for _ in 0..PEOPLE {
                    people.push(seed_user(&store).await);
                }
                let organization = seed_organization(&store, &[(people[0].id, Role::OWNER)]).await.id;
                let mut world = World {
                    app: app.clone(),
                    organization,
                    people,
                    tokens: Vec::new(),
                    codes: Vec::new(),
                    api_tokens: Vec::new(),
                };
                let mut model = Model::new(setup);
                model.members.insert(0, Role::OWNER);
                for (n, step) in steps.iter().enumerate() {
                    let predicted = model.apply(step);
                    let actual = world.run(step).await;
                    counted.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    assert_eq!(actual, predicted, "step {n}: {step:?}");
                    assert_eq!(snapshot(&store, &world).await, expected_snapshot(&model), "after step {n}: {step:?}");
                    assert!(model.deleted || model.owners() >= 1);
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
