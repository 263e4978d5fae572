//! The authorization matrix: every endpoint, called by every kind of caller, with every
//! target role where the rank rule applies, over HTTP against the real server. Each
//! cell's expected answer comes from `expected`, which reads only the role table and
//! ranks copied from CONTRACT.md below, so a new endpoint, caller or role cannot be
//! forgotten without this test noticing.

use crate::helpers::{Db, TestApp, TestUser, spawn_with};
use crate::on_both_stores;
use orgs_core::{ApiTokenSecretHash, NewApiToken, OrgId, Role, TokenEnv, TokenId, TokenOwner, User, UserId};
use orgs_ports::{SecretHasher, TxMode};
use serde_json::{Value, json};

on_both_stores!(every_endpoint_answers_every_caller_as_the_role_table_says);

/// CONTRACT.md, "Roles and permissions", highest rank first.
const ROLE_TABLE: [(&str, &[&str]); 3] = [
    ("owner", &["org:view", "org:manage", "members:view", "members:manage"]),
    ("admin", &["org:view", "members:view", "members:manage"]),
    ("member", &["org:view", "members:view"]),
];

fn rank(role: &str) -> usize {
    ROLE_TABLE.len()
        - ROLE_TABLE
            .iter()
            .position(|(name, _)| *name == role)
            .expect("a role of the table")
}

fn holds(role: &str, permission: &str) -> bool {
    ROLE_TABLE
        .iter()
        .any(|(name, permissions)| *name == role && permissions.contains(&permission))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Who {
    Owner,
    Admin,
    Member,
    /// A member of another organization only.
    Outsider,
    OwnToken,
    ForeignToken,
    /// An admin who signs in with a JWT.
    JwtAdmin,
    Anonymous,
    Garbage,
}

const EVERYONE: [Who; 9] = [
    Who::Owner,
    Who::Admin,
    Who::Member,
    Who::Outsider,
    Who::OwnToken,
    Who::ForeignToken,
    Who::JwtAdmin,
    Who::Anonymous,
    Who::Garbage,
];

impl Who {
    fn authenticated(self) -> bool {
        !matches!(self, Who::Anonymous | Who::Garbage)
    }

    fn is_user(self) -> bool {
        matches!(
            self,
            Who::Owner | Who::Admin | Who::Member | Who::Outsider | Who::JwtAdmin
        )
    }

    /// The role held in the organization under test; an organization token acts as admin.
    fn role(self) -> Option<&'static str> {
        match self {
            Who::Owner => Some("owner"),
            Who::Admin | Who::JwtAdmin | Who::OwnToken => Some("admin"),
            Who::Member => Some("member"),
            _ => None,
        }
    }
}

/// What an endpoint needs, per the product page and CONTRACT.md's "Lifecycle".
enum Needs {
    AnyCredential,
    AUser,
    Permission {
        permission: &'static str,
        user_too: bool,
    },
    /// The owner role itself, not a permission (`organizations.transferOwnership`).
    AnOwner,
}

#[derive(Debug, Clone, Copy)]
enum Op {
    Create,
    Get,
    List,
    Update,
    Roles,
    MembersList,
    MembersRemove,
    MembersSetRole,
    InvitationsCreate,
    InvitationsList,
    InvitationsRevoke,
    InvitationsAccept,
    JoinCodesCreate,
    JoinCodesList,
    JoinCodesRevoke,
    JoinCodesJoin,
    TokensCreate,
    Me,
    Leave,
    Delete,
    TransferOwnership,
    TokensList,
    TokensRevoke,
    AuditLogList,
}

const ALL_OPS: [Op; 24] = [
    Op::Create,
    Op::Get,
    Op::List,
    Op::Update,
    Op::Roles,
    Op::MembersList,
    Op::MembersRemove,
    Op::MembersSetRole,
    Op::InvitationsCreate,
    Op::InvitationsList,
    Op::InvitationsRevoke,
    Op::InvitationsAccept,
    Op::JoinCodesCreate,
    Op::JoinCodesList,
    Op::JoinCodesRevoke,
    Op::JoinCodesJoin,
    Op::TokensCreate,
    Op::Me,
    Op::Leave,
    Op::Delete,
    Op::TransferOwnership,
    Op::TokensList,
    Op::TokensRevoke,
    Op::AuditLogList,
];

const ROLES: [&str; 3] = ["owner", "admin", "member"];

/// The roles a cell involves: the role granted, and the target's current role.
#[derive(Debug, Clone, Copy, Default)]
struct Ranks {
    granted: Option<&'static str>,
    target: Option<&'static str>,
}

impl Op {
    fn path(self) -> String {
        let organizations = match self {
            Op::Me => return "/v1/me".to_owned(),
            Op::Create => "create",
            Op::Get => "get",
            Op::List => "list",
            Op::Update => "update",
            Op::Roles => "roles",
            Op::MembersList => "members/list",
            Op::MembersRemove => "members/remove",
            Op::MembersSetRole => "members/set-role",
            Op::InvitationsCreate => "invitations/create",
            Op::InvitationsList => "invitations/list",
            Op::InvitationsRevoke => "invitations/revoke",
            Op::InvitationsAccept => "invitations/accept",
            Op::JoinCodesCreate => "join-codes/create",
            Op::JoinCodesList => "join-codes/list",
            Op::JoinCodesRevoke => "join-codes/revoke",
            Op::JoinCodesJoin => "join-codes/join",
            Op::TokensCreate => "tokens/create",
            Op::Leave => "leave",
            Op::Delete => "delete",
            Op::TransferOwnership => "transfer-ownership",
            Op::TokensList => "tokens/list",
            Op::TokensRevoke => "tokens/revoke",
            Op::AuditLogList => "audit-log/list",
        };
        format!("/v1/organizations/{organizations}")
    }

    fn needs(self) -> Needs {
        let permission = |permission, user_too| Needs::Permission { permission, user_too };
        match self {
            Op::List | Op::Roles | Op::Me => Needs::AnyCredential,
            Op::Create | Op::InvitationsAccept | Op::JoinCodesJoin => Needs::AUser,
            Op::Get => permission("org:view", false),
            // "A user who is a member": every role holds org:view.
            Op::Leave => permission("org:view", true),
            Op::Update | Op::TokensList | Op::TokensRevoke => permission("org:manage", false),
            Op::TokensCreate | Op::Delete => permission("org:manage", true),
            Op::TransferOwnership => Needs::AnOwner,
            Op::MembersList => permission("members:view", false),
            _ => permission("members:manage", false),
        }
    }

    /// Every combination of roles the rank rule looks at for this endpoint.
    fn variants(self) -> Vec<Ranks> {
        let granted = || {
            ROLES
                .iter()
                .map(|&r| Ranks {
                    granted: Some(r),
                    target: None,
                })
                .collect()
        };
        let target = || {
            ROLES
                .iter()
                .map(|&r| Ranks {
                    granted: None,
                    target: Some(r),
                })
                .collect()
        };
        match self {
            Op::MembersSetRole => ROLES
                .iter()
                .flat_map(|&g| {
                    ROLES.iter().map(move |&t| Ranks {
                        granted: Some(g),
                        target: Some(t),
                    })
                })
                .collect(),
            Op::InvitationsCreate | Op::JoinCodesCreate => granted(),
            // Revoking is judged by the role of what is revoked, like a target's.
            Op::MembersRemove | Op::InvitationsRevoke | Op::JoinCodesRevoke => target(),
            _ => vec![Ranks::default()],
        }
    }
}

/// The one place that says what each cell must answer.
fn expected(op: Op, who: Who, ranks: Ranks) -> (u16, &'static str) {
    if !who.authenticated() {
        return (401, "unauthenticated");
    }
    match op.needs() {
        Needs::AnyCredential => (200, ""),
        Needs::AUser if who.is_user() => (200, ""),
        Needs::AUser => (403, "user_required"),
        Needs::Permission { permission, user_too } => {
            let Some(role) = who.role() else {
                return (404, "not_found");
            };
            if user_too && !who.is_user() {
                return (403, "user_required");
            }
            let within = |other: Option<&str>| other.is_none_or(|other| rank(role) >= rank(other));
            if !holds(role, permission) || !within(ranks.granted) || !within(ranks.target) {
                return (403, "forbidden");
            }
            (200, "")
        }
        Needs::AnOwner => match who.role() {
            None => (404, "not_found"),
            Some(_) if !who.is_user() => (403, "user_required"),
            Some("owner") => (200, ""),
            Some(_) => (403, "forbidden"),
        },
    }
}

/// The matrix covers exactly the operations the spec (and so the router) serves: a new
/// endpoint fails here until it has a row.
#[test]
fn the_matrix_covers_every_path_of_the_spec() {
    let spec = serde_json::to_value(orgs_http::openapi()).unwrap();
    let mut served: Vec<String> = spec["paths"].as_object().unwrap().keys().cloned().collect();
    let mut covered: Vec<String> = ALL_OPS.iter().map(|op| op.path()).collect();
    served.sort();
    covered.sort();
    assert_eq!(covered, served);
}

/// Long-lived callers, shared by every cell.
struct Cast {
    owner: TestUser,
    admin: TestUser,
    member: TestUser,
    outsider: TestUser,
    jwt_admin: (UserId, String),
    foreign_token: String,
    /// A secret whose argon2 hash is stored under a fresh key for each cell's own token.
    token_secret: &'static str,
    token_hash: ApiTokenSecretHash,
}

const JWT_SECRET: &str = "a-secret-for-the-matrix-only";

async fn cast(app: &TestApp) -> Cast {
    let (owner, admin, member, outsider) = (
        app.someone().await,
        app.someone().await,
        app.someone().await,
        app.someone().await,
    );
    let claims =
        json!({"sub": "jwt-admin", "email": "jwt-admin@example.com", "exp": chrono::Utc::now().timestamp() + 3600});
    let jwt = jsonwebtoken::encode(
        &jsonwebtoken::Header::new(jsonwebtoken::Algorithm::HS256),
        &claims,
        &jsonwebtoken::EncodingKey::from_secret(JWT_SECRET.as_bytes()).unwrap(),
    )
    .unwrap();
    assert_eq!(
        app.post("/v1/organizations/list", Some(&jwt), json!({})).await.status,
        200
    );
    let mut tx = app.store.begin(TxMode::Read).await.unwrap();
    let jwt_user = tx
        .find_user_by_email(&orgs_core::Email::parse("jwt-admin@example.com").unwrap())
        .await
        .unwrap()
        .unwrap();
    drop(tx);
    let elsewhere = app.organization(&outsider).await;
    let foreign_token = app.org_token(&elsewhere, &outsider).await;
    let token_secret = "matrix-token-secret-0123456789abcdefghijklmno";
    let token_hash = orgs_auth::Argon2Hasher::default().hash(token_secret).await;
    Cast {
        owner,
        admin,
        member,
        outsider,
        jwt_admin: (jwt_user.id, jwt),
        foreign_token,
        token_secret,
        token_hash,
    }
}

/// One fresh organization for one cell, with everything the cell's request refers to.
struct Cell {
    organization: String,
    target: UserId,
    invitation_id: Value,
    join_code_id: Value,
    own_token: String,
    own_token_key: String,
    accept_token: Value,
    join_code: Value,
}

async fn cell(app: &TestApp, cast: &Cast, who: Who, ranks: Ranks) -> Cell {
    // Two owners, so that demoting or removing an owner target never meets the
    // last-owner rule: only the rank rule is under test here.
    let spare_owner = plain_user(app).await;
    let target = plain_user(app).await;
    let members = [
        (cast.owner.id, Role::OWNER),
        (spare_owner, Role::OWNER),
        (cast.admin.id, Role::ADMIN),
        (cast.member.id, Role::MEMBER),
        (cast.jwt_admin.0, Role::ADMIN),
    ];
    let organization = orgs_store_tests::seed_organization(&app.store, &members).await.id;
    let target_role = Role::parse(ranks.target.unwrap_or("member")).unwrap();
    let mut tx = app.store.begin(TxMode::Write).await.unwrap();
    tx.insert_membership(organization, target, target_role, chrono::Utc::now())
        .await
        .unwrap();
    let key = format!("orgs_live_matrix{}", TokenId::generate().as_uuid().simple());
    let own = NewApiToken {
        id: TokenId::generate(),
        key: key.clone(),
        secret_hash: cast.token_hash.clone(),
        owner: TokenOwner::Organization(organization),
        name: None,
        env: TokenEnv::Live,
        last_four: "mnop".into(),
        created_by: None,
        created_at: chrono::Utc::now(),
    };
    tx.insert_api_token(&own).await.unwrap();
    tx.commit().await.unwrap();

    let org = organization.to_string();
    let owner = cast.owner.bearer.as_str();
    let subject_role = ranks.target.unwrap_or("member");
    let invitation = app
        .post("/v1/organizations/invitations/create", Some(owner), json!({"organizationId": org, "email": format!("{}@example.com", UserId::generate()), "role": subject_role}))
        .await;
    let code = app
        .post(
            "/v1/organizations/join-codes/create",
            Some(owner),
            json!({"organizationId": org, "role": subject_role}),
        )
        .await;
    let accept_token = match who {
        Who::Outsider => {
            let email = email_of(app, cast.outsider.id).await;
            let made = app
                .post(
                    "/v1/organizations/invitations/create",
                    Some(owner),
                    json!({"organizationId": org, "email": email}),
                )
                .await;
            made.body["token"].clone()
        }
        // Members cannot be invited (409), so theirs was sent before they joined.
        Who::Owner | Who::Admin | Who::Member | Who::JwtAdmin => {
            let user = match who {
                Who::Owner => cast.owner.id,
                Who::Admin => cast.admin.id,
                Who::Member => cast.member.id,
                _ => cast.jwt_admin.0,
            };
            invitation_sent_before_joining(app, organization, &email_of(app, user).await).await
        }
        _ => json!("inv_for_nobody"),
    };
    Cell {
        organization: org,
        target,
        invitation_id: invitation.body["invitation"]["id"].clone(),
        join_code_id: code.body["joinCode"]["id"].clone(),
        own_token: format!("{key}:{}", cast.token_secret),
        own_token_key: key,
        accept_token,
        join_code: code.body["code"].clone(),
    }
}

/// A user without a token: cheap, since no argon2 hash is made.
pub(crate) async fn plain_user(app: &TestApp) -> UserId {
    let candidate = User {
        id: UserId::generate(),
        email: orgs_core::Email::parse(&format!("{}@example.com", UserId::generate())).unwrap(),
        created_at: chrono::Utc::now(),
    };
    let mut tx = app.store.begin(TxMode::Write).await.unwrap();
    let user = tx.find_or_insert_user(&candidate).await.unwrap();
    tx.commit().await.unwrap();
    user.id
}

async fn email_of(app: &TestApp, user: UserId) -> String {
    let mut tx = app.store.begin(TxMode::Read).await.unwrap();
    tx.find_user(user).await.unwrap().unwrap().email.as_str().to_owned()
}

/// Stores an open invitation for a member's email straight through the store, as if it
/// had been sent before they joined, and returns its token.
async fn invitation_sent_before_joining(app: &TestApp, organization: OrgId, email: &str) -> Value {
    let token = format!("inv_matrix{}", UserId::generate().as_uuid().simple());
    let digest = {
        use sha2::Digest;
        orgs_core::SecretDigest(sha2::Sha256::digest(token.as_bytes()).into())
    };
    let mut invitation =
        orgs_store_tests::open_invitation(organization, &orgs_core::Email::parse(email).unwrap(), Role::MEMBER);
    invitation.created_at = chrono::Utc::now();
    invitation.expires_at = invitation.created_at + chrono::TimeDelta::days(1);
    let mut tx = app.store.begin(TxMode::Write).await.unwrap();
    tx.insert_invitation(&invitation, &digest).await.unwrap();
    tx.commit().await.unwrap();
    json!(token)
}

fn request(op: Op, cell: &Cell, ranks: Ranks) -> Value {
    let org = &cell.organization;
    let target = cell.target.to_string();
    match op {
        Op::Create => json!({"name": "Matrix"}),
        Op::List | Op::Roles | Op::Me => json!({}),
        Op::Get
        | Op::MembersList
        | Op::InvitationsList
        | Op::JoinCodesList
        | Op::TokensCreate
        | Op::TokensList
        | Op::AuditLogList
        | Op::Leave
        | Op::Delete => json!({"organizationId": org}),
        Op::TransferOwnership => json!({"organizationId": org, "userId": target}),
        Op::TokensRevoke => json!({"organizationId": org, "key": cell.own_token_key}),
        Op::Update => json!({"organizationId": org, "name": "Renamed"}),
        Op::MembersRemove => json!({"organizationId": org, "userId": target}),
        Op::MembersSetRole => json!({"organizationId": org, "userId": target, "role": ranks.granted}),
        Op::InvitationsCreate => {
            json!({"organizationId": org, "email": format!("{}@example.com", UserId::generate()), "role": ranks.granted})
        }
        Op::InvitationsRevoke => json!({"organizationId": org, "id": cell.invitation_id}),
        Op::InvitationsAccept => json!({"token": cell.accept_token}),
        Op::JoinCodesCreate => json!({"organizationId": org, "role": ranks.granted}),
        Op::JoinCodesRevoke => json!({"organizationId": org, "id": cell.join_code_id}),
        Op::JoinCodesJoin => json!({"code": cell.join_code}),
    }
}

fn bearer<'a>(who: Who, cast: &'a Cast, cell: &'a Cell) -> Option<&'a str> {
    match who {
        Who::Owner => Some(&cast.owner.bearer),
        Who::Admin => Some(&cast.admin.bearer),
        Who::Member => Some(&cast.member.bearer),
        Who::Outsider => Some(&cast.outsider.bearer),
        Who::OwnToken => Some(&cell.own_token),
        Who::ForeignToken => Some(&cast.foreign_token),
        Who::JwtAdmin => Some(&cast.jwt_admin.1),
        Who::Anonymous => None,
        Who::Garbage => Some("orgs_live_nobody:garbage"),
    }
}

async fn every_endpoint_answers_every_caller_as_the_role_table_says(db: Db) {
    let app = spawn_with(
        db,
        &[
            ("ORGS_JWT_HS256_SECRET", JWT_SECRET),
            ("ORGS_AUTH_FAILURE_LIMIT", "100000"),
        ],
    )
    .await;
    let cast = cast(&app).await;
    let mut cells = 0;
    let mut wrong = Vec::new();
    for op in ALL_OPS {
        for ranks in op.variants() {
            for who in EVERYONE {
                let cell = cell(&app, &cast, who, ranks).await;
                let answer = app
                    .post(&op.path(), bearer(who, &cast, &cell), request(op, &cell, ranks))
                    .await;
                let want = expected(op, who, ranks);
                if (answer.status, answer.code()) != want {
                    wrong.push(format!(
                        "{op:?} by {who:?} with {ranks:?}: want {want:?}, got {} {}",
                        answer.status, answer.body
                    ));
                }
                if let Op::Me = op
                    && answer.status == 200
                {
                    let kind = if who.is_user() { "user" } else { "organization_token" };
                    if answer.body["kind"] != kind {
                        wrong.push(format!("Me by {who:?}: {}", answer.body));
                    }
                }
                // A successful list must not show an organization the caller cannot see.
                if let Op::List = op
                    && answer.status == 200
                {
                    let organizations = answer.body["organizations"].as_array().unwrap();
                    let listed = organizations
                        .iter()
                        .any(|m| m["organization"]["id"] == cell.organization.as_str());
                    if listed != who.role().is_some() {
                        wrong.push(format!("List by {who:?}: this organization listed = {listed}"));
                    }
                }
                cells += 1;
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "{} of {cells} cells differ:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
    assert_eq!(cells, 9 * (17 + 10 + 3 * 5));
}
