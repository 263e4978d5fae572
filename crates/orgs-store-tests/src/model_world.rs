//! The real side of the model-based test: the same steps, run through the use cases
//! against a real store, their errors read back as the model's outcomes.

use crate::model::{Outcome, Step, TOKEN};
use orgs_app::App;
use orgs_core::{Acting, JoinCodeId, MaxUses, OrgId, TokenEnv, User};
use std::sync::Arc;

pub(crate) fn outcome_of<T, E: std::fmt::Debug>(result: Result<T, E>) -> Outcome {
    let Err(err) = result else { return Outcome::Ok };
    let text = format!("{err:?}");
    let known = [
        ("LastOwner", Outcome::LastOwner),
        ("AlreadyMember", Outcome::AlreadyMember),
        ("InvalidInvitation", Outcome::InvalidInvitation),
        ("EmailMismatch", Outcome::EmailMismatch),
        ("InvalidJoinCode", Outcome::InvalidJoinCode),
        ("Exhausted", Outcome::Exhausted),
        ("UserRequired", Outcome::UserRequired),
        ("ToSelf", Outcome::InvalidRequest),
        ("NotFound", Outcome::NotFound),
        ("Forbidden", Outcome::Forbidden),
    ];
    known
        .iter()
        .find(|(name, _)| text.contains(name))
        .map(|(_, outcome)| *outcome)
        .unwrap_or_else(|| panic!("an unexpected error: {text}"))
}

/// The store, the cast, and the secrets handed out so far.
pub(crate) struct World {
    pub app: Arc<App>,
    pub organization: OrgId,
    pub people: Vec<User>,
    pub tokens: Vec<String>,
    pub codes: Vec<(String, JoinCodeId)>,
    /// Keys of the organization tokens minted so far.
    pub api_tokens: Vec<String>,
}

impl World {
    fn caller(&self, actor: usize) -> Acting {
        if actor == TOKEN {
            Acting::of_organization_token(self.organization, "orgs_test_model")
        } else {
            crate::acting(&self.people[actor])
        }
    }

    /// A person's id; the token's "id" is no member's, for steps that name a person.
    fn person(&self, index: usize) -> orgs_core::UserId {
        self.people.get(index).map_or(orgs_core::UserId::generate(), |p| p.id)
    }

    pub(crate) async fn run(&mut self, step: &Step) -> Outcome {
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
            Step::Leave { who } => outcome_of(app.leave_organization(&self.caller(who), organization).await),
            Step::Transfer { actor, to } => outcome_of(
                app.transfer_ownership(&self.caller(actor), organization, self.person(to))
                    .await,
            ),
            Step::Delete { actor } => outcome_of(app.delete_organization(&self.caller(actor), organization).await),
            Step::MintToken { actor } => {
                match app
                    .create_organization_token(&self.caller(actor), organization, None, TokenEnv::Test)
                    .await
                {
                    Ok(minted) => {
                        self.api_tokens.push(minted.key);
                        Outcome::Ok
                    }
                    Err(err) => outcome_of(Err::<(), _>(err)),
                }
            }
            Step::RevokeToken { actor, token } => match self.api_tokens.get(token) {
                Some(key) => outcome_of(app.revoke_token_of(&self.caller(actor), organization, key).await),
                None => Outcome::Skipped,
            },
        }
    }
}
