//! organizations.invitations.*: the invite link's whole life, over HTTP.

use crate::helpers::{Answer, Db, TestApp, TestUser, spawn, spawn_with};
use crate::on_both_stores;
use orgs_core::Role;
use serde_json::{Value, json};

on_both_stores!(
    an_invitee_accepts_and_becomes_a_member,
    accept_refusals_change_nothing,
    a_new_invitation_replaces_the_pending_one,
    invitation_permissions_follow_roles_and_ranks,
);

async fn invite(app: &TestApp, bearer: &str, organization: &str, email: &str, role: Option<&str>) -> Answer {
    let mut body = json!({"organizationId": organization, "email": email});
    if let Some(role) = role {
        body["role"] = json!(role);
    }
    app.post("/v1/organizations/invitations/create", Some(bearer), body)
        .await
}

async fn accept(app: &TestApp, who: &TestUser, token: &Value) -> Answer {
    app.post(
        "/v1/organizations/invitations/accept",
        Some(&who.bearer),
        json!({"token": token}),
    )
    .await
}

async fn pending(app: &TestApp, bearer: &str, organization: &str) -> Vec<Value> {
    let answer = app
        .post(
            "/v1/organizations/invitations/list",
            Some(bearer),
            json!({"organizationId": organization}),
        )
        .await;
    assert_eq!(answer.status, 200, "{answer:?}");
    answer.body["invitations"].as_array().unwrap().clone()
}

async fn an_invitee_accepts_and_becomes_a_member(db: Db) {
    let app = spawn(db).await;
    let owner = app.someone().await;
    let bob = app.user("bob@example.com").await;
    let organization = app.organization(&owner).await;

    let made = invite(&app, &owner.bearer, &organization, " Bob@Example.COM ", Some("admin")).await;
    assert_eq!(made.status, 200, "{made:?}");
    let invitation = &made.body["invitation"];
    assert_eq!(invitation["email"], "bob@example.com");
    assert_eq!(invitation["role"], "admin");
    assert_eq!(invitation["invitedBy"], owner.id.to_string());
    assert_eq!(invitation["organizationId"], organization.as_str());
    let token = made.body["token"].clone();
    assert!(token.as_str().unwrap().len() >= 40);

    let listed = pending(&app, &owner.bearer, &organization).await;
    assert_eq!(listed.len(), 1);
    assert_eq!(
        &listed[0], invitation,
        "the list shows the invitation but never its token"
    );

    let accepted = accept(&app, &bob, &token).await;
    assert_eq!(
        (accepted.status, &accepted.body),
        (200, &json!({"organizationId": organization, "role": "admin"}))
    );
    let members = app
        .post(
            "/v1/organizations/members/list",
            Some(&bob.bearer),
            json!({"organizationId": organization}),
        )
        .await;
    assert_eq!(members.body["members"][1]["userId"], bob.id.to_string());
    assert_eq!(members.body["members"][1]["role"], "admin");
    assert!(pending(&app, &owner.bearer, &organization).await.is_empty());

    let again = accept(&app, &bob, &token).await;
    assert_eq!(
        (again.status, &again.body),
        (200, &accepted.body),
        "retrying answers the same"
    );
    let bobs_twin = app.user("BOB@example.com").await;
    assert_eq!(bobs_twin.id, bob.id, "the same person by email");
    let carol = app.someone().await;
    let used = accept(&app, &carol, &token).await;
    assert_eq!((used.status, used.code()), (404, "invalid_invitation"));
}

async fn accept_refusals_change_nothing(db: Db) {
    let app = spawn(db).await;
    let owner = app.someone().await;
    let (bob, mallory) = (app.user("bob@example.com").await, app.someone().await);
    let organization = app.organization(&owner).await;
    let made = invite(&app, &owner.bearer, &organization, "bob@example.com", None).await;
    let token = made.body["token"].clone();

    let mismatch = accept(&app, &mallory, &token).await;
    assert_eq!((mismatch.status, mismatch.code()), (403, "email_mismatch"));
    assert_eq!(
        pending(&app, &owner.bearer, &organization).await.len(),
        1,
        "still pending"
    );
    let org_token = app.org_token(&organization, &owner).await;
    let by_token = app
        .post(
            "/v1/organizations/invitations/accept",
            Some(&org_token),
            json!({"token": token}),
        )
        .await;
    assert_eq!((by_token.status, by_token.code()), (403, "user_required"));
    for wrong in [json!("inv_unknown"), json!("")] {
        let answer = accept(&app, &bob, &wrong).await;
        assert_eq!((answer.status, answer.code()), (404, "invalid_invitation"));
    }
    let no_token = app
        .post("/v1/organizations/invitations/accept", Some(&bob.bearer), json!({}))
        .await;
    assert_eq!(no_token.status, 400);

    let id = made.body["invitation"]["id"].clone();
    let revoked = app
        .post(
            "/v1/organizations/invitations/revoke",
            Some(&owner.bearer),
            json!({"organizationId": organization, "id": id}),
        )
        .await;
    assert_eq!((revoked.status, &revoked.body), (200, &json!({"ok": true})));
    let after_revoke = accept(&app, &bob, &token).await;
    assert_eq!((after_revoke.status, after_revoke.code()), (404, "invalid_invitation"));
    let members = app
        .post(
            "/v1/organizations/members/list",
            Some(&owner.bearer),
            json!({"organizationId": organization}),
        )
        .await;
    assert_eq!(members.body["members"].as_array().unwrap().len(), 1);
}

async fn a_new_invitation_replaces_the_pending_one(db: Db) {
    let app = spawn(db).await;
    let owner = app.someone().await;
    let bob = app.user("bob@example.com").await;
    let organization = app.organization(&owner).await;
    let first = invite(&app, &owner.bearer, &organization, "bob@example.com", Some("member")).await;
    let second = invite(&app, &owner.bearer, &organization, "BOB@example.com", Some("admin")).await;
    let listed = pending(&app, &owner.bearer, &organization).await;
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0]["id"], second.body["invitation"]["id"]);
    let old = accept(&app, &bob, &first.body["token"]).await;
    assert_eq!((old.status, old.code()), (404, "invalid_invitation"));
    let new = accept(&app, &bob, &second.body["token"]).await;
    assert_eq!(new.body["role"], "admin");
}

async fn invitation_permissions_follow_roles_and_ranks(db: Db) {
    let app = spawn(db).await;
    let (owner, admin, member, stranger) = (
        app.someone().await,
        app.someone().await,
        app.someone().await,
        app.someone().await,
    );
    let organization = app.organization(&owner).await;
    app.add_member(&organization, &admin, Role::ADMIN).await;
    app.add_member(&organization, &member, Role::MEMBER).await;

    let by_member = invite(&app, &member.bearer, &organization, "x@example.com", None).await;
    assert_eq!((by_member.status, by_member.code()), (403, "forbidden"));
    let by_stranger = invite(&app, &stranger.bearer, &organization, "x@example.com", None).await;
    assert_eq!((by_stranger.status, by_stranger.code()), (404, "not_found"));
    let owner_by_admin = invite(&app, &admin.bearer, &organization, "x@example.com", Some("owner")).await;
    assert_eq!((owner_by_admin.status, owner_by_admin.code()), (403, "forbidden"));
    let shouted = member_email(&app, &organization, &member).await;
    let existing = invite(&app, &admin.bearer, &organization, &shouted, None).await;
    assert_eq!((existing.status, existing.code()), (409, "already_member"));
    for (body, field) in [
        (
            json!({"organizationId": organization, "email": "not-an-email"}),
            "email",
        ),
        (
            json!({"organizationId": organization, "email": "x@example.com", "role": "boss"}),
            "role",
        ),
    ] {
        let answer = app
            .post("/v1/organizations/invitations/create", Some(&admin.bearer), body)
            .await;
        assert_eq!(answer.status, 400);
        assert!(answer.body["error"]["message"].as_str().unwrap().contains(field));
    }

    let token = app.org_token(&organization, &owner).await;
    let by_token = invite(&app, &token, &organization, "t@example.com", None).await;
    assert_eq!(by_token.status, 200);
    assert_eq!(by_token.body["invitation"]["invitedBy"], Value::Null);

    let owners_invitation = invite(&app, &owner.bearer, &organization, "o@example.com", Some("owner")).await;
    let revoke = |bearer: String, id: Value| {
        let app = &app;
        let organization = organization.clone();
        async move {
            app.post(
                "/v1/organizations/invitations/revoke",
                Some(&bearer),
                json!({"organizationId": organization, "id": id}),
            )
            .await
        }
    };
    let refused = revoke(admin.bearer.clone(), owners_invitation.body["invitation"]["id"].clone()).await;
    assert_eq!((refused.status, refused.code()), (403, "forbidden"));
    let unknown = revoke(owner.bearer.clone(), json!(uuid::Uuid::now_v7().to_string())).await;
    assert_eq!((unknown.status, unknown.code()), (404, "not_found"));
    let other = app.organization(&owner).await;
    let elsewhere = invite(&app, &owner.bearer, &other, "e@example.com", None).await;
    let cross = revoke(owner.bearer.clone(), elsewhere.body["invitation"]["id"].clone()).await;
    assert_eq!(
        (cross.status, cross.code()),
        (404, "not_found"),
        "another organization's invitation id"
    );
    for _ in 0..2 {
        let done = revoke(owner.bearer.clone(), owners_invitation.body["invitation"]["id"].clone()).await;
        assert_eq!(done.status, 200, "revoking twice is fine");
    }
    let member_list = app
        .post(
            "/v1/organizations/invitations/list",
            Some(&member.bearer),
            json!({"organizationId": organization}),
        )
        .await;
    assert_eq!((member_list.status, member_list.code()), (403, "forbidden"));
    let emails: Vec<Value> = pending(&app, &admin.bearer, &organization)
        .await
        .iter()
        .map(|i| i["email"].clone())
        .collect();
    assert_eq!(emails, vec![json!("t@example.com")]);
}

async fn member_email(app: &TestApp, organization: &str, member: &TestUser) -> String {
    let members = app
        .post(
            "/v1/organizations/members/list",
            Some(&member.bearer),
            json!({"organizationId": organization}),
        )
        .await;
    let me = members.body["members"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["userId"] == member.id.to_string())
        .unwrap();
    me["email"].as_str().unwrap().to_uppercase()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn invitations_expire_after_the_configured_ttl() {
    let app = spawn_with(Db::Sqlite, &[("ORGS_INVITATION_TTL", "1s")]).await;
    let owner = app.someone().await;
    let bob = app.user("bob@example.com").await;
    let organization = app.organization(&owner).await;
    let made = invite(&app, &owner.bearer, &organization, "bob@example.com", None).await;
    let created = chrono::DateTime::parse_from_rfc3339(made.body["invitation"]["createdAt"].as_str().unwrap()).unwrap();
    let expires = chrono::DateTime::parse_from_rfc3339(made.body["invitation"]["expiresAt"].as_str().unwrap()).unwrap();
    assert_eq!(expires - created, chrono::TimeDelta::seconds(1));
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    assert!(
        pending(&app, &owner.bearer, &organization).await.is_empty(),
        "expired ones are not pending"
    );
    let late = accept(&app, &bob, &made.body["token"]).await;
    assert_eq!((late.status, late.code()), (404, "invalid_invitation"));
    let again = invite(&app, &owner.bearer, &organization, "bob@example.com", None).await;
    assert_eq!(again.status, 200, "an expired invitation can be replaced");

    // An expired owner-role invitation no longer binds the rank rule: an admin may
    // replace it, though not while it is pending.
    let admin = app.someone().await;
    app.add_member(&organization, &admin, Role::ADMIN).await;
    invite(&app, &owner.bearer, &organization, "olive@example.com", Some("owner")).await;
    let too_soon = invite(&app, &admin.bearer, &organization, "olive@example.com", None).await;
    assert_eq!((too_soon.status, too_soon.code()), (403, "forbidden"));
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    let replaced = invite(&app, &admin.bearer, &organization, "olive@example.com", None).await;
    assert_eq!(replaced.status, 200, "{replaced:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_kind_of_caller_gets_its_answer() {
    let app = spawn_with(Db::Sqlite, &[("ORGS_JWT_HS256_SECRET", JWT_SECRET)]).await;
    let (owner, admin, member, stranger) = (
        app.someone().await,
        app.someone().await,
        app.someone().await,
        app.someone().await,
    );
    let organization = app.organization(&owner).await;
    app.add_member(&organization, &admin, Role::ADMIN).await;
    app.add_member(&organization, &member, Role::MEMBER).await;
    let other = app.organization(&stranger).await;
    let foreign_token = app.org_token(&other, &stranger).await;
    let made = invite(&app, &owner.bearer, &organization, "dave@example.com", None).await;
    let id = made.body["invitation"]["id"].clone();

    let endpoints = [
        (
            "invitations/create",
            json!({"organizationId": organization, "email": "x@example.com"}),
        ),
        ("invitations/list", json!({"organizationId": organization})),
        ("invitations/revoke", json!({"organizationId": organization, "id": id})),
        ("join-codes/create", json!({"organizationId": organization})),
        ("join-codes/list", json!({"organizationId": organization})),
        (
            "join-codes/revoke",
            json!({"organizationId": organization, "id": uuid::Uuid::now_v7().to_string()}),
        ),
        ("invitations/accept", json!({"token": "inv_x"})),
        ("join-codes/join", json!({"code": "AAAA-AAAA-AAAA-AAAA"})),
    ];
    for (path, body) in &endpoints {
        let path = format!("/v1/organizations/{path}");
        let nobody = app.post(&path, None, body.clone()).await;
        assert_eq!((nobody.status, nobody.code()), (401, "unauthenticated"), "{path}");
        let garbage = app.post(&path, Some("garbage"), body.clone()).await;
        assert_eq!(garbage.status, 401, "{path}");
    }
    for (path, body) in &endpoints[..6] {
        let path = format!("/v1/organizations/{path}");
        let by_member = app.post(&path, Some(&member.bearer), body.clone()).await;
        assert_eq!((by_member.status, by_member.code()), (403, "forbidden"), "{path}");
        let by_stranger = app.post(&path, Some(&stranger.bearer), body.clone()).await;
        assert_eq!((by_stranger.status, by_stranger.code()), (404, "not_found"), "{path}");
        let by_foreign_token = app.post(&path, Some(&foreign_token), body.clone()).await;
        assert_eq!(
            (by_foreign_token.status, by_foreign_token.code()),
            (404, "not_found"),
            "{path}"
        );
    }

    // Inviting a member's email is refused, and a member accepting an invitation sent
    // before they joined keeps their role and uses the invitation up.
    let for_admin = invite(
        &app,
        &owner.bearer,
        &organization,
        &admin_email(&app, &organization, &admin).await,
        None,
    )
    .await;
    assert_eq!((for_admin.status, for_admin.code()), (409, "already_member"));
    let frank = app.user("frank@example.com").await;
    let for_frank = invite(&app, &owner.bearer, &organization, "frank@example.com", Some("admin")).await;
    app.add_member(&organization, &frank, Role::MEMBER).await;
    let frank_accepts = accept(&app, &frank, &for_frank.body["token"]).await;
    assert_eq!(frank_accepts.body["role"], "member");
    assert!(
        pending(&app, &owner.bearer, &organization)
            .await
            .iter()
            .all(|i| i["email"] != "frank@example.com")
    );

    // Accepting again answers the role as it is now.
    let dave = app.user("dave@example.com").await;
    let first = accept(&app, &dave, &made.body["token"]).await;
    assert_eq!(first.body["role"], "member");
    let promoted = app
        .post(
            "/v1/organizations/members/set-role",
            Some(&owner.bearer),
            json!({"organizationId": organization, "userId": dave.id.to_string(), "role": "admin"}),
        )
        .await;
    assert_eq!(promoted.status, 200);
    let again = accept(&app, &dave, &made.body["token"]).await;
    assert_eq!(again.body["role"], "admin");

    // A JWT user accepts and joins like any user.
    let jwt = jsonwebtoken::encode(
        &jsonwebtoken::Header::new(jsonwebtoken::Algorithm::HS256),
        &json!({"sub": "erin", "email": "erin@example.com", "exp": chrono::Utc::now().timestamp() + 3600}),
        &jsonwebtoken::EncodingKey::from_secret(JWT_SECRET.as_bytes()).unwrap(),
    )
    .unwrap();
    let for_erin = invite(&app, &owner.bearer, &organization, "erin@example.com", Some("admin")).await;
    let erin_accepts = app
        .post(
            "/v1/organizations/invitations/accept",
            Some(&jwt),
            json!({"token": for_erin.body["token"]}),
        )
        .await;
    assert_eq!(erin_accepts.body["role"], "admin", "{erin_accepts:?}");
    let code = app
        .post(
            "/v1/organizations/join-codes/create",
            Some(&admin.bearer),
            json!({"organizationId": organization}),
        )
        .await;
    let erin_joins = app
        .post(
            "/v1/organizations/join-codes/join",
            Some(&jwt),
            json!({"code": code.body["code"]}),
        )
        .await;
    assert_eq!(erin_joins.body["alreadyMember"], true);
}

const JWT_SECRET: &str = "a-secret-for-the-invitation-tests";

async fn admin_email(app: &TestApp, organization: &str, admin: &TestUser) -> String {
    let members = app
        .post(
            "/v1/organizations/members/list",
            Some(&admin.bearer),
            json!({"organizationId": organization}),
        )
        .await;
    let me = members.body["members"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["userId"] == admin.id.to_string())
        .unwrap();
    me["email"].as_str().unwrap().to_owned()
}
