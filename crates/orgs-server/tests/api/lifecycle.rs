//! `me`, `organizations.leave`, `delete` and `transferOwnership` over HTTP: what each
//! answers, what it changes, and that bad input or a refusal changes nothing.

use crate::helpers::{Db, TestUser, spawn};
use crate::on_both_stores;
use orgs_core::Role;
use serde_json::{Value, json};

on_both_stores!(
    me_names_the_person_or_the_tokens_organization,
    a_member_leaves_and_the_only_owner_cannot,
    a_deleted_organization_is_gone_with_all_it_held,
    an_owner_hands_over_in_one_step,
    lifecycle_input_is_validated_and_changes_nothing
);

async fn me_names_the_person_or_the_tokens_organization(db: Db) {
    let app = spawn(db).await;
    let alice = app.user("Alice@Example.com").await;
    let answer = app.post("/v1/me", Some(&alice.bearer), json!({})).await;
    assert_eq!(answer.status, 200);
    assert_eq!(
        answer.body,
        json!({"kind": "user", "user": {"id": alice.id.to_string(), "email": "alice@example.com"}})
    );
    let organization = app.organization(&alice).await;
    let bearer = app.org_token(&organization, &alice).await;
    let (key, secret) = bearer.split_once(':').unwrap();
    let answer = app.post("/v1/me", Some(&bearer), json!({})).await;
    assert_eq!(answer.status, 200);
    assert_eq!(
        answer.body,
        json!({"kind": "organization_token", "organizationId": organization, "key": key})
    );
    assert!(!answer.body.to_string().contains(secret));
    // No input: an empty body is as good as `{}`.
    let authorization = format!("Bearer {bearer}");
    let empty = app
        .send(hyper::Method::POST, "/v1/me", &[("authorization", &authorization)], "")
        .await;
    assert_eq!((empty.status, &empty.body), (200, &answer.body));
    let anonymous = app.post("/v1/me", None, json!({})).await;
    assert_eq!((anonymous.status, anonymous.code()), (401, "unauthenticated"));
}

async fn a_member_leaves_and_the_only_owner_cannot(db: Db) {
    let app = spawn(db).await;
    let (owner, member, outsider) = (app.someone().await, app.someone().await, app.someone().await);
    let organization = app.organization(&owner).await;
    app.add_member(&organization, &member, Role::ADMIN).await;
    let leave = |who: &TestUser| {
        let bearer = who.bearer.clone();
        let body = json!({"organizationId": organization});
        let app = &app;
        async move { app.post("/v1/organizations/leave", Some(&bearer), body).await }
    };

    let refused = leave(&owner).await;
    assert_eq!((refused.status, refused.code()), (409, "last_owner"));
    assert_eq!(
        app.member_roles(&organization, &owner).await.len(),
        2,
        "nothing changed"
    );
    let stranger = leave(&outsider).await;
    assert_eq!((stranger.status, stranger.code()), (404, "not_found"));
    let token = app.org_token(&organization, &owner).await;
    let by_token = app
        .post(
            "/v1/organizations/leave",
            Some(&token),
            json!({"organizationId": organization}),
        )
        .await;
    assert_eq!((by_token.status, by_token.code()), (403, "user_required"));

    let left = leave(&member).await;
    assert_eq!((left.status, &left.body), (200, &json!({"ok": true})));
    assert_eq!(
        app.member_roles(&organization, &owner).await,
        vec![(owner.id.to_string(), "owner".to_owned())]
    );
    let theirs = app
        .post("/v1/organizations/list", Some(&member.bearer), json!({}))
        .await;
    assert_eq!(theirs.body["organizations"], json!([]));
    let again = leave(&member).await;
    assert_eq!((again.status, again.code()), (404, "not_found"), "no longer a member");

    // With a second owner, an owner may leave.
    app.add_member(&organization, &member, Role::OWNER).await;
    assert_eq!(leave(&owner).await.status, 200);
    assert_eq!(
        app.member_roles(&organization, &member).await,
        vec![(member.id.to_string(), "owner".to_owned())]
    );
}

async fn a_deleted_organization_is_gone_with_all_it_held(db: Db) {
    let app = spawn(db).await;
    let (owner, admin, invitee, joiner) = (
        app.someone().await,
        app.someone().await,
        app.user("invitee@example.com").await,
        app.someone().await,
    );
    let organization = app.organization(&owner).await;
    let kept = app.organization(&owner).await;
    app.add_member(&organization, &admin, Role::ADMIN).await;
    let post = |path: &'static str, bearer: &str, body: Value| {
        let bearer = bearer.to_owned();
        let app = &app;
        async move { app.post(path, Some(&bearer), body).await }
    };
    let org = json!({"organizationId": organization});
    let invited = post(
        "/v1/organizations/invitations/create",
        &owner.bearer,
        json!({"organizationId": organization, "email": "invitee@example.com"}),
    )
    .await;
    let code = post("/v1/organizations/join-codes/create", &owner.bearer, org.clone()).await;
    let token = app.org_token(&organization, &owner).await;
    let kept_token = app.org_token(&kept, &owner).await;
    assert_eq!(post("/v1/organizations/get", &token, org.clone()).await.status, 200);

    let by_admin = post("/v1/organizations/delete", &admin.bearer, org.clone()).await;
    assert_eq!((by_admin.status, by_admin.code()), (403, "forbidden"));
    let by_token = post("/v1/organizations/delete", &token, org.clone()).await;
    assert_eq!((by_token.status, by_token.code()), (403, "user_required"));
    assert_eq!(
        post("/v1/organizations/get", &admin.bearer, org.clone()).await.status,
        200
    );

    let deleted = post("/v1/organizations/delete", &owner.bearer, org.clone()).await;
    assert_eq!((deleted.status, &deleted.body), (200, &json!({"ok": true})));
    for path in [
        "/v1/organizations/get",
        "/v1/organizations/members/list",
        "/v1/organizations/delete",
    ] {
        let answer = post(path, &owner.bearer, org.clone()).await;
        assert_eq!((answer.status, answer.code()), (404, "not_found"), "{path}");
    }
    let accept = post(
        "/v1/organizations/invitations/accept",
        &invitee.bearer,
        json!({"token": invited.body["token"]}),
    )
    .await;
    assert_eq!((accept.status, accept.code()), (404, "invalid_invitation"));
    let join = post(
        "/v1/organizations/join-codes/join",
        &joiner.bearer,
        json!({"code": code.body["code"]}),
    )
    .await;
    assert_eq!((join.status, join.code()), (404, "invalid_join_code"));
    let refused = post("/v1/me", &token, json!({})).await;
    assert_eq!((refused.status, refused.code()), (401, "unauthenticated"));
    for who in [&owner, &admin] {
        let listed = post("/v1/organizations/list", &who.bearer, json!({})).await;
        let ids: Vec<&Value> = listed.body["organizations"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| &m["organization"]["id"])
            .collect();
        assert!(!ids.contains(&&json!(organization)), "{ids:?}");
    }
    // The other organization, and its token, are untouched.
    let other = post("/v1/organizations/get", &kept_token, json!({"organizationId": kept})).await;
    assert_eq!(other.status, 200);
}

async fn an_owner_hands_over_in_one_step(db: Db) {
    let app = spawn(db).await;
    let (owner, admin, member, outsider) = (
        app.someone().await,
        app.someone().await,
        app.someone().await,
        app.someone().await,
    );
    let organization = app.organization(&owner).await;
    app.add_member(&organization, &admin, Role::ADMIN).await;
    app.add_member(&organization, &member, Role::MEMBER).await;
    let transfer = |by: &TestUser, to: &TestUser| {
        let (bearer, body) = (
            by.bearer.clone(),
            json!({"organizationId": organization, "userId": to.id.to_string()}),
        );
        let app = &app;
        async move {
            app.post("/v1/organizations/transfer-ownership", Some(&bearer), body)
                .await
        }
    };
    let before = app.member_roles(&organization, &owner).await;

    let by_admin = transfer(&admin, &member).await;
    assert_eq!((by_admin.status, by_admin.code()), (403, "forbidden"));
    let to_stranger = transfer(&owner, &outsider).await;
    assert_eq!((to_stranger.status, to_stranger.code()), (404, "not_found"));
    let to_self = transfer(&owner, &owner).await;
    assert_eq!((to_self.status, to_self.code()), (400, "invalid_request"));
    assert!(to_self.body["error"]["message"].as_str().unwrap().contains("userId"));
    let token = app.org_token(&organization, &owner).await;
    let by_token = app
        .post(
            "/v1/organizations/transfer-ownership",
            Some(&token),
            json!({"organizationId": organization, "userId": member.id.to_string()}),
        )
        .await;
    assert_eq!((by_token.status, by_token.code()), (403, "user_required"));
    assert_eq!(
        app.member_roles(&organization, &owner).await,
        before,
        "refusals change nothing"
    );

    let handed = transfer(&owner, &member).await;
    assert_eq!((handed.status, &handed.body), (200, &json!({"ok": true})));
    let after = app.member_roles(&organization, &owner).await;
    let role_of = |user: &TestUser| {
        after
            .iter()
            .find(|(id, _)| *id == user.id.to_string())
            .map(|(_, role)| role.as_str())
    };
    assert_eq!(
        (role_of(&owner), role_of(&admin), role_of(&member)),
        (Some("admin"), Some("admin"), Some("owner"))
    );
    let again = transfer(&owner, &member).await;
    assert_eq!((again.status, again.code()), (403, "forbidden"), "no longer an owner");
}

async fn lifecycle_input_is_validated_and_changes_nothing(db: Db) {
    let app = spawn(db).await;
    let owner = app.someone().await;
    let organization = app.organization(&owner).await;
    let bad: [(&str, Value, &str); 8] = [
        ("/v1/me", json!({"extra": 1}), "extra"),
        ("/v1/organizations/leave", json!({}), "organizationId"),
        (
            "/v1/organizations/delete",
            json!({"organizationId": 7}),
            "organizationId",
        ),
        (
            "/v1/organizations/delete",
            json!({"organizationId": organization, "force": true}),
            "force",
        ),
        (
            "/v1/organizations/transfer-ownership",
            json!({"organizationId": organization}),
            "userId",
        ),
        (
            "/v1/organizations/tokens/list",
            json!({"organizationId": organization, "limit": 0}),
            "limit",
        ),
        (
            "/v1/organizations/tokens/list",
            json!({"organizationId": organization, "cursor": "nope"}),
            "cursor",
        ),
        (
            "/v1/organizations/tokens/revoke",
            json!({"organizationId": organization}),
            "key",
        ),
    ];
    for (path, body, field) in bad {
        let answer = app.post(path, Some(&owner.bearer), body.clone()).await;
        assert_eq!(
            (answer.status, answer.code()),
            (400, "invalid_request"),
            "{path} {body}"
        );
        let message = answer.body["error"]["message"].as_str().unwrap();
        assert!(message.contains(field), "{path} {body}: {message}");
    }
    let still = app
        .post(
            "/v1/organizations/get",
            Some(&owner.bearer),
            json!({"organizationId": organization}),
        )
        .await;
    assert_eq!(still.status, 200);
    let unknown = app
        .post(
            "/v1/organizations/delete",
            Some(&owner.bearer),
            json!({"organizationId": "not-an-id"}),
        )
        .await;
    assert_eq!((unknown.status, unknown.code()), (404, "not_found"));
}
