//! Writes spread over many organizations, as real traffic is: one owner of `count`
//! organizations, each with a few members whose roles the load switches, a join code and
//! a pending invitation. The invitations give PostgreSQL's statistics what a real
//! deployment's show, about one invitation per organization, instead of an empty table,
//! whose statistics make every cached plan that reads it a sequential scan
//! (docs/benchmarks.md).

use anyhow::anyhow;
use orgs_app::App;
use orgs_core::{Acting, Email, MaxUses, OrgId, OrgName, Organization, Role, User, UserId};
use orgs_ports::{Store, TxMode};

/// Members per organization whose roles the spread setRole load switches.
const MEMBERS_EACH: usize = 4;

pub struct Spread {
    pub owner_token: String,
    pub organizations: Vec<OrgId>,
    /// `organization user` pairs, one a line in the load's list file.
    pub members: Vec<String>,
    /// One join code per organization, in the order of `organizations`.
    pub join_codes: Vec<String>,
}

pub async fn seed(app: &App, store: &dyn Store, count: usize) -> anyhow::Result<Spread> {
    let owner = app
        .create_user_token(Email::parse("spreader@bench.test")?)
        .await
        .map_err(|e| anyhow!("{e:?}"))?;
    let acting = Acting::of_user(owner.user.id, owner.user.email.clone());
    let start = chrono::Utc::now();
    let mut organizations = Vec::with_capacity(count);
    let mut members = Vec::with_capacity(count * MEMBERS_EACH);
    let mut tx = store.begin(TxMode::Write).await?;
    for index in 0..count {
        let at = super::tick(start, index);
        let organization = Organization {
            id: OrgId::generate(),
            name: OrgName::parse(&format!("Spread org {index}"))?,
            created_at: at,
            updated_at: at,
        };
        tx.insert_organization(&organization).await?;
        tx.insert_membership(organization.id, owner.user.id, Role::OWNER, at)
            .await?;
        for member in 0..MEMBERS_EACH {
            let user = User {
                id: UserId::generate(),
                email: Email::parse(&format!("spread-{index}-{member}@bench.test"))?,
                created_at: at,
            };
            let user = tx.find_or_insert_user(&user).await?;
            tx.insert_membership(organization.id, user.id, Role::MEMBER, at).await?;
            members.push(format!("{} {}", organization.id, user.id));
        }
        organizations.push(organization.id);
    }
    tx.commit().await?;
    let mut join_codes = Vec::with_capacity(count);
    for (index, &organization) in organizations.iter().enumerate() {
        let enough = MaxUses::parse(MaxUses::LIMIT.into())?;
        let code = app
            .create_join_code(&acting, organization, Role::MEMBER, Some(enough))
            .await
            .map_err(|e| anyhow!("{e:?}"))?;
        join_codes.push(code.code);
        let invitee = Email::parse(&format!("invitee-{index}@bench.test"))?;
        app.create_invitation(&acting, organization, invitee, Role::MEMBER)
            .await
            .map_err(|e| anyhow!("{e:?}"))?;
    }
    Ok(Spread {
        owner_token: owner.token.bearer(),
        organizations,
        members,
        join_codes,
    })
}
