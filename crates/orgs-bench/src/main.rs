//! `orgs-bench-seed`: fills the database named by `ORGS_DATABASE_URL` for `cargo xtask
//! bench`, through the same store the server uses (its transactions, its statements), so
//! a hundred thousand members take seconds instead of a hundred thousand HTTP calls.
//! Prints what the load needs (tokens, ids, join codes, cursors) as one JSON object.

use anyhow::{Context, anyhow};
use chrono::TimeDelta;
use jsonwebtoken::{EncodingKey, Header, encode};
use orgs_app::{App, Policy};
use orgs_auth::{Argon2Hasher, OsSecrets, SystemClock};
use orgs_core::{
    Acting, Email, ExternalIdentity, MaxUses, OrgId, OrgName, Organization, Page, PageKey, Role, Timestamp, User,
    UserId,
};
use orgs_ports::{Store, TxMode};
use orgs_server::{Settings, storage::Backend};
use serde_json::json;
use std::sync::Arc;

mod audit;
mod bursts;
mod spread;

/// Rows per transaction: large enough that commits do not dominate, small enough that
/// one transaction never holds the SQLite writer for long.
const BATCH: usize = 2_000;
/// The issuer the bench server is configured to require on its JWTs.
pub const JWT_ISSUER: &str = "orgs-bench";

struct Plan {
    small_members: usize,
    large_members: usize,
    user_orgs: usize,
    many_orgs: usize,
    write_members: usize,
    join_users: usize,
    join_codes: usize,
    spread_orgs: usize,
    burst_users: usize,
    bursts: usize,
    audit_events: usize,
    jwt_secret: String,
}

fn plan_from_args() -> anyhow::Result<Plan> {
    let mut plan = Plan {
        small_members: 1_000,
        large_members: 100_000,
        user_orgs: 50,
        many_orgs: 10_000,
        write_members: 200,
        join_users: 20_000,
        join_codes: 9,
        spread_orgs: 1_000,
        burst_users: 1_000,
        bursts: 3,
        audit_events: 1_000_000,
        jwt_secret: String::new(),
    };
    let args: Vec<String> = std::env::args().skip(1).collect();
    for pair in args.chunks(2) {
        let [flag, value] = pair else {
            return Err(anyhow!("flags come in pairs: --name value"));
        };
        let count = || value.parse::<usize>().with_context(|| format!("{flag} {value}"));
        match flag.as_str() {
            "--small-members" => plan.small_members = count()?,
            "--large-members" => plan.large_members = count()?,
            "--many-orgs" => plan.many_orgs = count()?,
            "--join-users" => plan.join_users = count()?,
            "--join-codes" => plan.join_codes = count()?,
            "--spread-orgs" => plan.spread_orgs = count()?,
            "--burst-users" => plan.burst_users = count()?,
            "--bursts" => plan.bursts = count()?,
            "--audit-events" => plan.audit_events = count()?,
            "--jwt-secret" => plan.jwt_secret = value.clone(),
            other => return Err(anyhow!("unknown flag {other}")),
        }
    }
    if plan.jwt_secret.is_empty() {
        return Err(anyhow!("--jwt-secret is required: the join users sign in with JWTs"));
    }
    Ok(plan)
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let plan = plan_from_args()?;
    let settings = Settings::load(None)?;
    let backend = Backend::open(&settings).await?;
    backend.migrate().await?;
    let store = backend.store();
    let app = Arc::new(App::new(
        store.clone(),
        Arc::new(SystemClock),
        Arc::new(OsSecrets),
        Arc::new(Argon2Hasher::default()),
        Policy::default(),
    ));
    let token = |name: &str| {
        let email = Email::parse(&format!("{name}@bench.test")).expect("a valid address");
        let app = &app;
        async move { app.create_user_token(email).await }
    };
    let reader = token("reader").await?;
    let many = token("many").await?;
    let writer = token("writer").await?;
    let owner = Acting::of_user(reader.user.id, reader.user.email.clone());

    let mut reader_orgs = Vec::new();
    for index in 0..plan.user_orgs {
        reader_orgs.push(create_organization(&app, &owner, &format!("Reader org {index}")).await?);
    }
    let [small, large, writes] = [reader_orgs[0], reader_orgs[1], reader_orgs[2]];
    add_members(&*store, small, "small", plan.small_members).await?;
    add_members(&*store, large, "large", plan.large_members).await?;
    let write_members = add_members(&*store, writes, "writes", plan.write_members).await?;
    add_organizations(&*store, many.user.id, plan.many_orgs).await?;

    // One organization per join run: the same users join each, so every run makes real
    // joins instead of answering `alreadyMember`.
    let join_owner = Acting::of_user(writer.user.id, writer.user.email.clone());
    let mut join_codes = Vec::new();
    for index in 0..plan.join_codes {
        let org = create_organization(&app, &join_owner, &format!("Join org {index}")).await?;
        let unlimited_enough = MaxUses::parse(MaxUses::LIMIT.into())?;
        let code = app
            .create_join_code(&join_owner, org, Role::MEMBER, Some(unlimited_enough))
            .await
            .map_err(|e| anyhow!("{e:?}"))?;
        join_codes.push(code.code);
    }
    let join_tokens = add_jwt_users(&*store, plan.join_users, &plan.jwt_secret).await?;
    let spread = spread::seed(&app, &*store, plan.spread_orgs).await?;
    let fresh_tokens = bursts::fresh_personal_tokens(&app, plan.bursts, plan.burst_users).await?;
    let newcomers = bursts::newcomer_jwts(JWT_ISSUER, &plan.jwt_secret, plan.bursts, plan.burst_users)?;
    let audit_logs = audit::seed(&app, &*store, plan.audit_events).await?;

    let report = json!({
        "readerToken": reader.token.bearer(),
        "manyToken": many.token.bearer(),
        "writerToken": writer.token.bearer(),
        "smallOrg": small.to_string(),
        "largeOrg": large.to_string(),
        "writesOrg": writes.to_string(),
        "readerUserId": reader.user.id.to_string(),
        "manyUserId": many.user.id.to_string(),
        "smallMembers": plan.small_members,
        "largeMembers": plan.large_members,
        "manyOrgs": plan.many_orgs,
        "smallMidCursor": member_cursor(&*store, small, plan.small_members / 2).await?,
        "largeMidCursor": member_cursor(&*store, large, plan.large_members / 2).await?,
        "manyMidCursor": membership_cursor(&*store, many.user.id, plan.many_orgs / 2).await?,
        "writeMembers": write_members.iter().map(ToString::to_string).collect::<Vec<_>>(),
        "joinCodes": join_codes,
        "joinTokens": join_tokens,
        "spreadToken": spread.owner_token,
        "spreadOrgs": spread.organizations.iter().map(ToString::to_string).collect::<Vec<_>>(),
        "spreadMembers": spread.members,
        "spreadJoinCodes": spread.join_codes,
        "freshTokens": fresh_tokens,
        "newcomerJwts": newcomers,
        "auditorToken": audit_logs.auditor_token,
        "shortAuditOrg": audit_logs.short.to_string(),
        "longAuditOrg": audit_logs.long.to_string(),
        "longAuditEvents": plan.audit_events,
        "longAuditMidCursor": audit_logs.long_mid_cursor,
    });
    println!("{report}");
    Ok(())
}

/// Through the use case, as a client's `organizations.create` would.
async fn create_organization(app: &App, owner: &Acting, name: &str) -> anyhow::Result<OrgId> {
    let name = OrgName::parse(name).map_err(|e| anyhow!("{name}: {e}"))?;
    let organization = app.create_organization(owner, name).await;
    Ok(organization.map_err(|e| anyhow!("{e:?}"))?.id)
}

/// Rows a batch writes get times a microsecond apart, so lists have one exact order.
fn tick(start: Timestamp, index: usize) -> Timestamp {
    start + TimeDelta::microseconds(index as i64)
}

async fn add_members(store: &dyn Store, org: OrgId, label: &str, count: usize) -> anyhow::Result<Vec<UserId>> {
    let start = chrono::Utc::now();
    let mut ids = Vec::with_capacity(count);
    for first in (0..count).step_by(BATCH) {
        let mut tx = store.begin(TxMode::Write).await?;
        for index in first..(first + BATCH).min(count) {
            let user = User {
                id: UserId::generate(),
                email: Email::parse(&format!("{label}-{index}@bench.test"))?,
                created_at: tick(start, index),
            };
            let user = tx.find_or_insert_user(&user).await?;
            tx.insert_membership(org, user.id, Role::MEMBER, tick(start, index))
                .await?;
            ids.push(user.id);
        }
        tx.commit().await?;
    }
    Ok(ids)
}

async fn add_organizations(store: &dyn Store, user: UserId, count: usize) -> anyhow::Result<()> {
    let start = chrono::Utc::now();
    for first in (0..count).step_by(BATCH) {
        let mut tx = store.begin(TxMode::Write).await?;
        for index in first..(first + BATCH).min(count) {
            let at = tick(start, index);
            let organization = Organization {
                id: OrgId::generate(),
                name: OrgName::parse(&format!("Many org {index}"))?,
                created_at: at,
                updated_at: at,
            };
            tx.insert_organization(&organization).await?;
            tx.insert_membership(organization.id, user, Role::MEMBER, at).await?;
        }
        tx.commit().await?;
    }
    Ok(())
}

/// Users known to the store by an external identity, each with a signed JWT: the join
/// race needs a different caller for every request, and minting thousands of API tokens
/// would cost an argon2 hash each.
async fn add_jwt_users(store: &dyn Store, count: usize, secret: &str) -> anyhow::Result<Vec<String>> {
    let key = EncodingKey::from_secret(secret.as_bytes())?;
    let expires = (chrono::Utc::now() + TimeDelta::days(1)).timestamp();
    let mut tokens = Vec::with_capacity(count);
    for first in (0..count).step_by(BATCH) {
        let mut tx = store.begin(TxMode::Write).await?;
        for index in first..(first + BATCH).min(count) {
            let email = format!("joiner-{index}@bench.test");
            let user = User {
                id: UserId::generate(),
                email: Email::parse(&email)?,
                created_at: chrono::Utc::now(),
            };
            let user = tx.find_or_insert_user(&user).await?;
            let subject = format!("joiner-{index}");
            let identity = ExternalIdentity {
                issuer: JWT_ISSUER.into(),
                subject: subject.clone(),
                email: user.email.clone(),
                email_verified: true,
            };
            tx.link_identity(&identity, user.id).await?;
            let claims =
                json!({"iss": JWT_ISSUER, "sub": subject, "email": email, "email_verified": true, "exp": expires});
            tokens.push(encode(&Header::default(), &claims, &key)?);
        }
        tx.commit().await?;
    }
    Ok(tokens)
}

/// The cursor a client holds after reading the first `position` rows a page at a time,
/// `next` reading one page's keys.
async fn cursor_after(
    position: usize,
    mut next: impl AsyncFnMut(Page) -> anyhow::Result<Vec<PageKey>>,
) -> anyhow::Result<String> {
    let (mut after, mut remaining) = (None, position);
    while remaining > 0 {
        let take = remaining.min(1_000);
        let keys = next(Page {
            limit: take as u32,
            after,
        })
        .await?;
        after = Some(*keys.get(take - 1).context("fewer rows than planned")?);
        remaining -= take;
    }
    Ok(after.map(|key| key.encode()).unwrap_or_default())
}

async fn member_cursor(store: &dyn Store, org: OrgId, position: usize) -> anyhow::Result<String> {
    let mut tx = store.begin(TxMode::Read).await?;
    let cursor = cursor_after(position, async |page| {
        let rows = tx.list_members(org, Some(page)).await?;
        Ok(rows
            .iter()
            .map(|row| PageKey {
                at: row.joined_at,
                id: row.user_id.as_uuid(),
            })
            .collect())
    })
    .await?;
    tx.commit().await?;
    Ok(cursor)
}

async fn membership_cursor(store: &dyn Store, user: UserId, position: usize) -> anyhow::Result<String> {
    let mut tx = store.begin(TxMode::Read).await?;
    let cursor = cursor_after(position, async |page| {
        let rows = tx.list_memberships(user, Some(page)).await?;
        Ok(rows
            .iter()
            .map(|row| PageKey {
                at: row.joined_at,
                id: row.organization.id.as_uuid(),
            })
            .collect())
    })
    .await?;
    tx.commit().await?;
    Ok(cursor)
}
