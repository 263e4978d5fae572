//! The audit log over HTTP: every action of the contract's table from a real call, what
//! each event records, and that refusals and no-ops record nothing.

use crate::helpers::{Answer, Db, TestApp, TestUser, spawn};
use crate::on_both_stores;
use hyper::Method;
use orgs_core::{Action, OrgId, Role};
use serde_json::{Value, json};

on_both_stores!(every_action_is_logged_from_a_real_call, refusals_and_no_ops_log_nothing);

pub(crate) async fn ok(answer: Answer) -> Value {
    assert_eq!(answer.status, 200, "{answer:?}");
    answer.body
}

async fn call(app: &TestApp, who: &str, path: &str, body: Value) -> Value {
    ok(app.post(&format!("/v1/organizations/{path}"), Some(who), body).await).await
}

/// Every event of the organization, newest first, through the operator's reader (which
/// still answers once the organization is deleted).
async fn log_of(app: &TestApp, organization: &str) -> Vec<Value> {
    let page = orgs_core::Page {
        limit: 1000,
        after: None,
    };
    let events = app
        .state
        .app
        .operator_audit_log(OrgId::from_wire(organization), &Default::default(), page)
        .await
        .unwrap();
    events
        .items
        .iter()
        .map(|event| serde_json::to_value(orgs_events::EventBody::from(event)).unwrap())
        .collect()
}

async fn every_action_is_logged_from_a_real_call(db: Db) {
    let app = spawn(db).await;
    let alice = app.user("alice@example.com").await;
    let bob = app.user("bob@example.com").await;
    let carol = app.user("carol@example.com").await;
    let org = app.organization(&alice).await;
    let body = |extra: Value| {
        let mut body = extra;
        body["organizationId"] = json!(org);
        body
    };
    let authorization = format!("Bearer {}", alice.bearer);
    let renamed = app
        .send(
            Method::POST,
            "/v1/organizations/update",
            &[
                ("authorization", &authorization),
                ("content-type", "application/json"),
                ("x-request-id", "audit-rename-1"),
                ("user-agent", "audit-test/1.0"),
            ],
            body(json!({"name": "Acme Inc"})).to_string(),
        )
        .await;
    assert_eq!(renamed.status, 200, "{renamed:?}");
    let first = call(
        &app,
        &alice.bearer,
        "invitations/create",
        body(json!({"email": "bob@example.com"})),
    )
    .await;
    let second = call(
        &app,
        &alice.bearer,
        "invitations/create",
        body(json!({"email": "bob@example.com", "role": "admin"})),
    )
    .await;
    let accepted = call(
        &app,
        &bob.bearer,
        "invitations/accept",
        json!({"token": second["token"]}),
    )
    .await;
    assert_eq!(accepted["role"], "admin");
    call(
        &app,
        &alice.bearer,
        "members/set-role",
        body(json!({"userId": bob.id.to_string(), "role": "member"})),
    )
    .await;
    let code = call(
        &app,
        &alice.bearer,
        "join-codes/create",
        body(json!({"role": "member", "maxUses": 5})),
    )
    .await;
    call(&app, &carol.bearer, "join-codes/join", json!({"code": code["code"]})).await;
    call(
        &app,
        &alice.bearer,
        "join-codes/revoke",
        body(json!({"id": code["joinCode"]["id"]})),
    )
    .await;
    let dave = call(
        &app,
        &alice.bearer,
        "invitations/create",
        body(json!({"email": "dave@example.com"})),
    )
    .await;
    call(
        &app,
        &alice.bearer,
        "invitations/revoke",
        body(json!({"id": dave["invitation"]["id"]})),
    )
    .await;
    let minted = call(
        &app,
        &alice.bearer,
        "tokens/create",
        body(json!({"name": "CI", "env": "test"})),
    )
    .await;
    let token = minted["apiToken"]["bearer"].as_str().unwrap().to_owned();
    let token_key = minted["apiToken"]["key"].as_str().unwrap().to_owned();
    // The organization's own token acts too, and is the actor of what it does.
    call(
        &app,
        &token,
        "members/remove",
        body(json!({"userId": carol.id.to_string()})),
    )
    .await;
    call(&app, &alice.bearer, "tokens/revoke", body(json!({"key": token_key}))).await;
    let by_operator = app.org_token(&org, &alice).await;
    let operator_key = by_operator.split_once(':').unwrap().0.to_owned();
    app.state
        .app
        .revoke_token(&operator_key, orgs_app::TokenKind::Organization)
        .await
        .unwrap();
    app.add_member(&org, &carol, Role::MEMBER).await;
    call(&app, &carol.bearer, "leave", body(json!({}))).await;
    call(
        &app,
        &alice.bearer,
        "transfer-ownership",
        body(json!({"userId": bob.id.to_string()})),
    )
    .await;
    call(&app, &bob.bearer, "delete", body(json!({}))).await;

    let log = log_of(&app, &org).await;
    let mut actions: Vec<&str> = log.iter().map(|event| event["action"].as_str().unwrap()).collect();
    actions.reverse();
    assert_eq!(
        actions,
        [
            "organization.created",
            "member.added",
            "organization.updated",
            "invitation.created",
            "invitation.revoked",
            "invitation.created",
            "member.added",
            "invitation.accepted",
            "member.role_changed",
            "join_code.created",
            "member.added",
            "join_code.revoked",
            "invitation.created",
            "invitation.revoked",
            "api_token.created",
            "member.removed",
            "api_token.revoked",
            "api_token.created",
            "api_token.revoked",
            "member.removed",
            "organization.ownership_transferred",
            "member.role_changed",
            "member.role_changed",
            "organization.deleted",
        ]
    );
    for action in Action::ALL {
        assert!(
            actions.contains(&action.as_str()),
            "{} was never logged",
            action.as_str()
        );
    }
    let event = |action: &str, nth: usize| {
        log.iter()
            .rev()
            .filter(|event| event["action"] == action)
            .nth(nth)
            .unwrap_or_else(|| panic!("no {action} #{nth}"))
            .clone()
    };
    let alice_actor = json!({"kind": "user", "id": alice.id.to_string(), "email": "alice@example.com"});
    let rename = event("organization.updated", 0);
    assert_eq!(rename["actor"], alice_actor);
    assert_eq!(rename["target"], json!({"kind": "organization", "id": org}));
    assert_eq!(rename["data"], json!({"oldName": "Acme", "newName": "Acme Inc"}));
    assert_eq!(rename["requestId"], "audit-rename-1");
    assert_eq!(rename["userAgent"], "audit-test/1.0");
    assert_eq!(rename["ipAddress"], "127.0.0.1");
    assert_eq!(rename["organizationId"], org);
    let created = event("member.added", 0);
    assert_eq!(created["data"]["via"], "created");
    assert_eq!(created["data"]["role"], "owner");
    let replaced = event("invitation.revoked", 0);
    assert_eq!(
        replaced["data"],
        json!({"email": "bob@example.com", "role": "member", "reason": "replaced"})
    );
    assert_eq!(replaced["target"]["id"], first["invitation"]["id"]);
    assert_eq!(event("invitation.revoked", 1)["data"]["reason"], "revoked");
    let joined = event("member.added", 1);
    assert_eq!(
        (joined["data"]["via"].as_str(), joined["actor"]["id"].as_str()),
        (Some("invitation"), Some(bob.id.to_string().as_str()))
    );
    assert_eq!(event("member.added", 2)["data"]["via"], "join_code");
    let demoted = event("member.role_changed", 0);
    assert_eq!(demoted["target"], json!({"kind": "member", "id": bob.id.to_string()}));
    assert_eq!(
        demoted["data"],
        json!({"userId": bob.id.to_string(), "email": "bob@example.com", "oldRole": "admin", "newRole": "member"})
    );
    assert_eq!(
        event("join_code.created", 0)["data"],
        json!({"role": "member", "maxUses": 5})
    );
    assert_eq!(event("join_code.revoked", 0)["data"]["uses"], 1);
    assert_eq!(
        event("api_token.created", 0)["data"],
        json!({"name": "CI", "env": "test"})
    );
    assert_eq!(
        event("api_token.created", 0)["target"],
        json!({"kind": "api_token", "id": token_key})
    );
    let removed = event("member.removed", 0);
    assert_eq!(
        removed["actor"],
        json!({"kind": "organization_token", "key": token_key})
    );
    assert_eq!(removed["data"]["via"], "removed");
    assert_eq!(event("api_token.revoked", 1)["actor"], json!({"kind": "operator"}));
    assert_eq!(event("api_token.revoked", 1)["requestId"], Value::Null);
    assert_eq!(event("member.removed", 1)["data"]["via"], "left");
    assert_eq!(
        event("organization.ownership_transferred", 0)["data"],
        json!({"fromUserId": alice.id.to_string(), "toUserId": bob.id.to_string()})
    );
    let sides: Vec<(Value, Value)> = (0..2)
        .map(|n| {
            let side = event("member.role_changed", 1 + n);
            (side["target"]["id"].clone(), side["data"]["newRole"].clone())
        })
        .collect();
    assert_eq!(
        sides,
        [
            (json!(bob.id.to_string()), json!("owner")),
            (json!(alice.id.to_string()), json!("admin"))
        ]
    );
    assert_eq!(event("organization.deleted", 0)["data"], json!({"name": "Acme Inc"}));
    // Secrets never reach the log: not an invitation token, a join code or a token secret.
    let text = serde_json::to_string(&log).unwrap();
    for secret in [
        first["token"].as_str().unwrap(),
        second["token"].as_str().unwrap(),
        code["code"].as_str().unwrap(),
        token.split_once(':').unwrap().1,
        by_operator.split_once(':').unwrap().1,
        alice.bearer.split_once(':').unwrap().1,
    ] {
        assert!(!text.contains(secret), "a secret reached the audit log");
    }
    // A deleted organization's log is the operator's alone.
    let gone = app
        .post("/v1/organizations/audit-log/list", Some(&bob.bearer), body(json!({})))
        .await;
    assert_eq!((gone.status, gone.code()), (404, "not_found"));
}

async fn refusals_and_no_ops_log_nothing(db: Db) {
    let app = spawn(db).await;
    let (owner, admin, member, outsider) = (
        app.someone().await,
        app.someone().await,
        app.someone().await,
        app.someone().await,
    );
    let org = app.organization(&owner).await;
    app.add_member(&org, &admin, Role::ADMIN).await;
    app.add_member(&org, &member, Role::MEMBER).await;
    let body = |extra: Value| {
        let mut body = extra;
        body["organizationId"] = json!(org);
        body
    };
    let invitation = call(
        &app,
        &owner.bearer,
        "invitations/create",
        body(json!({"email": "x@example.com"})),
    )
    .await;
    let code = call(
        &app,
        &owner.bearer,
        "join-codes/create",
        body(json!({"role": "member", "maxUses": 1})),
    )
    .await;
    let minted = call(&app, &owner.bearer, "tokens/create", body(json!({}))).await;
    let key = minted["apiToken"]["key"].clone();
    call(
        &app,
        &owner.bearer,
        "invitations/revoke",
        body(json!({"id": invitation["invitation"]["id"]})),
    )
    .await;
    call(
        &app,
        &owner.bearer,
        "join-codes/revoke",
        body(json!({"id": code["joinCode"]["id"]})),
    )
    .await;
    call(&app, &owner.bearer, "tokens/revoke", body(json!({"key": key}))).await;
    let before = log_of(&app, &org).await;

    // Refusals: each is checked for its answer, then for what it left behind.
    let refusals: [(&TestUser, &str, Value, u16); 11] = [
        (&owner, "leave", json!({}), 409),
        (
            &owner,
            "members/set-role",
            json!({"userId": owner.id.to_string(), "role": "admin"}),
            409,
        ),
        (&owner, "members/remove", json!({"userId": owner.id.to_string()}), 409),
        (
            &admin,
            "members/set-role",
            json!({"userId": owner.id.to_string(), "role": "member"}),
            403,
        ),
        (&member, "invitations/create", json!({"email": "y@example.com"}), 403),
        (&member, "update", json!({"name": "Nope"}), 403),
        (&outsider, "delete", json!({}), 404),
        (
            &admin,
            "transfer-ownership",
            json!({"userId": member.id.to_string()}),
            403,
        ),
        (&owner, "invitations/create", json!({"email": "not an email"}), 400),
        (
            &owner,
            "members/set-role",
            json!({"userId": member.id.to_string(), "role": "king"}),
            400,
        ),
        (&owner, "tokens/revoke", json!({"key": "orgs_live_nope"}), 404),
    ];
    for (who, path, extra, status) in refusals {
        let answer = app
            .post(&format!("/v1/organizations/{path}"), Some(&who.bearer), body(extra))
            .await;
        assert_eq!(answer.status, status, "{path}: {answer:?}");
    }
    let joined = app
        .post(
            "/v1/organizations/join-codes/join",
            Some(&outsider.bearer),
            json!({"code": code["code"]}),
        )
        .await;
    assert_eq!(joined.status, 404, "{joined:?}");
    let accepted = app
        .post(
            "/v1/organizations/invitations/accept",
            Some(&outsider.bearer),
            json!({"token": invitation["token"]}),
        )
        .await;
    assert_eq!(accepted.status, 404, "{accepted:?}");
    // No-ops: answered 200, and nothing changed, so nothing is logged.
    call(&app, &owner.bearer, "update", body(json!({"name": "Acme"}))).await;
    call(
        &app,
        &owner.bearer,
        "members/set-role",
        body(json!({"userId": member.id.to_string(), "role": "member"})),
    )
    .await;
    call(
        &app,
        &owner.bearer,
        "members/remove",
        body(json!({"userId": outsider.id.to_string()})),
    )
    .await;
    call(
        &app,
        &owner.bearer,
        "invitations/revoke",
        body(json!({"id": invitation["invitation"]["id"]})),
    )
    .await;
    call(
        &app,
        &owner.bearer,
        "join-codes/revoke",
        body(json!({"id": code["joinCode"]["id"]})),
    )
    .await;
    call(&app, &owner.bearer, "tokens/revoke", body(json!({"key": key}))).await;
    assert_eq!(log_of(&app, &org).await, before);
}
