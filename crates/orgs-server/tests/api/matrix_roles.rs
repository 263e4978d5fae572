//! The authorization matrix once more, under a role table with declared roles: every
//! role, and the organization's token, calling each endpoint a permission guards, with
//! every role of the table as the role granted and as the target's current role where
//! the rank rule applies. Expected answers come from the table below, copied from the
//! `[[roles]]` file the server reads, and CONTRACT.md's generalised rule written here
//! from scratch.

use crate::helpers::{Db, TestApp, TestUser, spawn_configured};
use crate::matrix::plain_user;
use crate::on_both_stores;
use orgs_core::{OrgId, Role, UserId};
use orgs_ports::TxMode;
use serde_json::{Value, json};

on_both_stores!(declared_roles_answer_as_the_generalised_rule_says);

/// The roles the server declares, in the file's words.
pub(crate) const ROLES_TOML: &str = r#"
[[roles]]
role = "billing"
rank = 150
permissions = ["org:view", "billing:manage"]
description = "Sees the organization and manages its billing"

[[roles]]
role = "viewer"
rank = 50
permissions = ["org:view"]

[[roles]]
role = "manager"
rank = 250
permissions = ["members:manage", "billing:manage"]

[[roles]]
role = "steward"
rank = 120
permissions = ["org:view", "org:manage", "members:view", "members:manage"]
"#;

/// Every role: rank and permissions, the built-ins as CONTRACT.md lists them.
const TABLE: [(&str, u16, &[&str]); 7] = [
    (
        "owner",
        300,
        &["org:view", "org:manage", "members:view", "members:manage"],
    ),
    ("manager", 250, &["members:manage", "billing:manage"]),
    ("admin", 200, &["org:view", "members:view", "members:manage"]),
    ("billing", 150, &["org:view", "billing:manage"]),
    (
        "steward",
        120,
        &["org:view", "org:manage", "members:view", "members:manage"],
    ),
    ("member", 100, &["org:view", "members:view"]),
    ("viewer", 50, &["org:view"]),
];

fn entry(role: &str) -> (u16, &'static [&'static str]) {
    let (_, rank, permissions) = TABLE.iter().find(|(name, ..)| *name == role).expect("a declared role");
    (*rank, permissions)
}

fn holds(role: &str, permission: &str) -> bool {
    role == "owner" || entry(role).1.contains(&permission)
}

/// Ranks at most `mine` and carries nothing `mine` lacks.
fn within(mine: &str, other: &str) -> bool {
    let (rank, permissions) = entry(other);
    rank <= entry(mine).0 && permissions.iter().all(|p| holds(mine, p))
}

#[derive(Debug, Clone, Copy)]
enum Op {
    Get,
    Update,
    MembersList,
    TokensCreate,
    SetRole {
        granted: &'static str,
        target: &'static str,
    },
    Remove {
        target: &'static str,
    },
    Invite {
        granted: &'static str,
    },
    RevokeInvitation {
        of: &'static str,
    },
    CreateCode {
        granted: &'static str,
    },
    RevokeCode {
        of: &'static str,
    },
}

fn ops() -> Vec<Op> {
    let mut ops = vec![Op::Get, Op::Update, Op::MembersList, Op::TokensCreate];
    for (role, ..) in TABLE {
        for (target, ..) in TABLE {
            ops.push(Op::SetRole { granted: role, target });
        }
        ops.extend([
            Op::Remove { target: role },
            Op::Invite { granted: role },
            Op::RevokeInvitation { of: role },
            Op::CreateCode { granted: role },
            Op::RevokeCode { of: role },
        ]);
    }
    ops
}

/// `None` for the organization's own token, which acts as an admin but is no user.
fn expected(op: Op, caller: Option<&str>) -> (u16, &'static str) {
    let role = caller.unwrap_or("admin");
    let managed = |roles: &[&str]| {
        if !holds(role, "members:manage") || !roles.iter().all(|other| within(role, other)) {
            (403, "forbidden")
        } else {
            (200, "")
        }
    };
    match op {
        Op::Get if holds(role, "org:view") => (200, ""),
        Op::Update if holds(role, "org:manage") => (200, ""),
        Op::MembersList if holds(role, "members:view") => (200, ""),
        Op::TokensCreate if caller.is_none() => (403, "user_required"),
        Op::TokensCreate if holds(role, "org:manage") => (200, ""),
        Op::Get | Op::Update | Op::MembersList | Op::TokensCreate => (403, "forbidden"),
        Op::SetRole { granted, target } => managed(&[granted, target]),
        Op::Remove { target } => managed(&[target]),
        Op::Invite { granted } | Op::CreateCode { granted } => managed(&[granted]),
        Op::RevokeInvitation { of } | Op::RevokeCode { of } => managed(&[of]),
    }
}

async fn declared_roles_answer_as_the_generalised_rule_says(db: Db) {
    let dir = std::env::temp_dir().join(format!("orgs-roles-{}", uuid::Uuid::now_v7().simple()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("orgs.toml");
    std::fs::write(&file, ROLES_TOML).unwrap();
    let app = spawn_configured(db, Some(&file), &[]).await;
    let listed = app
        .post("/v1/organizations/roles", Some(&app.someone().await.bearer), json!({}))
        .await;
    let names: Vec<&str> = listed.body["roles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|entry| entry["role"].as_str().unwrap())
        .collect();
    assert_eq!(names, TABLE.map(|(name, ..)| name), "the server reads the same table");

    let mut callers = Vec::new();
    for (role, ..) in TABLE {
        callers.push((Some(role), app.someone().await));
    }
    let mut cells = 0;
    let mut refused = 0;
    for (caller_role, caller) in &callers {
        for op in ops() {
            let (status, code) = run(&app, &callers, *caller_role, caller, op).await;
            let want = expected(op, *caller_role);
            assert_eq!((status, code.as_str()), want, "{caller_role:?} doing {op:?}");
            cells += 1;
            refused += usize::from(status == 403);
        }
    }
    // The organization's token, once per op, acts as an admin.
    for op in ops() {
        let (status, code) = run(&app, &callers, None, &callers[0].1, op).await;
        assert_eq!(
            (status, code.as_str()),
            expected(op, None),
            "the organization token doing {op:?}"
        );
        cells += 1;
    }
    assert!(refused > cells / 4 && refused < cells, "{refused} of {cells} refused");
    let _ = std::fs::remove_dir_all(dir);
}

/// One fresh organization where every caller holds its role, then the one request.
/// `caller_role` `None` sends the organization's own token instead of `caller`'s.
async fn run(
    app: &TestApp,
    callers: &[(Option<&'static str>, TestUser)],
    caller_role: Option<&str>,
    caller: &TestUser,
    op: Op,
) -> (u16, String) {
    let owner = &callers[0].1;
    let target = plain_user(app).await;
    let mut members: Vec<(UserId, Role)> = callers
        .iter()
        .map(|(role, user)| (user.id, Role::parse(role.unwrap()).unwrap()))
        .collect();
    let target_role = match op {
        Op::SetRole { target, .. } | Op::Remove { target } => target,
        _ => "member",
    };
    members.push((target, Role::parse(target_role).unwrap()));
    // A second owner, so the last-owner rule never answers before the rank rule.
    members.push((plain_user(app).await, Role::OWNER));
    let organization = orgs_store_tests::seed_organization(&app.store, &members).await.id;
    let org = organization.to_string();
    let bearer = match caller_role {
        Some(_) => caller.bearer.clone(),
        None => app.org_token(&org, owner).await,
    };
    let (path, body) = match op {
        Op::Get => ("get", json!({"organizationId": org})),
        Op::Update => ("update", json!({"organizationId": org, "name": "Renamed"})),
        Op::MembersList => ("members/list", json!({"organizationId": org})),
        Op::TokensCreate => ("tokens/create", json!({"organizationId": org})),
        Op::SetRole { granted, .. } => (
            "members/set-role",
            json!({"organizationId": org, "userId": target.to_string(), "role": granted}),
        ),
        Op::Remove { .. } => (
            "members/remove",
            json!({"organizationId": org, "userId": target.to_string()}),
        ),
        Op::Invite { granted } => (
            "invitations/create",
            json!({"organizationId": org, "email": format!("{}@example.com", UserId::generate()), "role": granted}),
        ),
        Op::CreateCode { granted } => ("join-codes/create", json!({"organizationId": org, "role": granted})),
        Op::RevokeInvitation { of } => {
            let made = made_by_owner(
                app,
                owner,
                "invitations/create",
                json!({"organizationId": org, "email": format!("{}@example.com", UserId::generate()), "role": of}),
            )
            .await;
            (
                "invitations/revoke",
                json!({"organizationId": org, "id": made["invitation"]["id"]}),
            )
        }
        Op::RevokeCode { of } => {
            let made = made_by_owner(
                app,
                owner,
                "join-codes/create",
                json!({"organizationId": org, "role": of}),
            )
            .await;
            (
                "join-codes/revoke",
                json!({"organizationId": org, "id": made["joinCode"]["id"]}),
            )
        }
    };
    let answer = app
        .post(&format!("/v1/organizations/{path}"), Some(&bearer), body)
        .await;
    if answer.status == 200 {
        changed_as_asked(app, organization, op, target).await;
    }
    (answer.status, answer.code().to_owned())
}

async fn made_by_owner(app: &TestApp, owner: &TestUser, path: &str, body: Value) -> Value {
    let made = app
        .post(&format!("/v1/organizations/{path}"), Some(&owner.bearer), body)
        .await;
    assert_eq!(made.status, 200, "{made:?}");
    made.body
}

/// An answered change really happened: the role granted is the one held.
async fn changed_as_asked(app: &TestApp, organization: OrgId, op: Op, target: UserId) {
    let mut tx = app.store.begin(TxMode::Read).await.unwrap();
    let held = tx.find_role(organization, target).await.unwrap();
    match op {
        Op::SetRole { granted, .. } => assert_eq!(held.map(|role| role.as_str().to_owned()), Some(granted.to_owned())),
        Op::Remove { .. } => assert_eq!(held, None),
        _ => {}
    }
}
