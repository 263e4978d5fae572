//! organizations.tokens.create, list and revoke: who may mint, what comes back, that a
//! token works at once, what owners see of it later, and that revoking stops it at once.

use crate::helpers::{Db, spawn};
use crate::on_both_stores;
use orgs_core::Role;
use serde_json::json;

on_both_stores!(
    an_owner_mints_a_working_token_shown_once,
    only_owners_who_are_users_may_mint,
    token_input_is_validated,
    owners_page_through_live_tokens_newest_first_without_secrets,
    a_revoked_token_is_refused_at_once,
    last_use_is_recorded_off_the_request_path_at_most_once_a_minute
);

async fn an_owner_mints_a_working_token_shown_once(db: Db) {
    let app = spawn(db).await;
    let owner = app.someone().await;
    let organization = app.organization(&owner).await;
    let answer = app
        .post(
            "/v1/organizations/tokens/create",
            Some(&owner.bearer),
            json!({"organizationId": organization, "name": "CI", "env": "test"}),
        )
        .await;
    assert_eq!(answer.status, 200);
    let token = &answer.body["apiToken"];
    let (key, secret) = (token["key"].as_str().unwrap(), token["secret"].as_str().unwrap());
    assert!(key.starts_with("orgs_test_"), "{key}");
    assert_eq!(token["bearer"], format!("{key}:{secret}"));
    assert_eq!(token["lastFour"], &secret[secret.len() - 4..]);
    assert!(secret.len() >= 43);

    let works = app
        .post(
            "/v1/organizations/get",
            Some(token["bearer"].as_str().unwrap()),
            json!({"organizationId": organization}),
        )
        .await;
    assert_eq!(works.status, 200);
    let live = app
        .post(
            "/v1/organizations/tokens/create",
            Some(&owner.bearer),
            json!({"organizationId": organization}),
        )
        .await;
    assert!(live.body["apiToken"]["key"].as_str().unwrap().starts_with("orgs_live_"));
    let wrong_secret = format!("{key}:{}", "x".repeat(43));
    let refused = app
        .post(
            "/v1/organizations/get",
            Some(&wrong_secret),
            json!({"organizationId": organization}),
        )
        .await;
    assert_eq!(refused.status, 401);
}

async fn only_owners_who_are_users_may_mint(db: Db) {
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
    let token = app.org_token(&organization, &owner).await;
    let body = json!({"organizationId": organization});
    let cases = [
        (&admin.bearer, 403, "forbidden"),
        (&member.bearer, 403, "forbidden"),
        (&token, 403, "user_required"),
        (&stranger.bearer, 404, "not_found"),
    ];
    let other = app.organization(&owner).await;
    let foreign = app
        .post(
            "/v1/organizations/tokens/create",
            Some(&token),
            json!({"organizationId": other}),
        )
        .await;
    assert_eq!(
        (foreign.status, foreign.code()),
        (404, "not_found"),
        "visibility comes before user_required"
    );
    for (bearer, status, code) in cases {
        let answer = app
            .post("/v1/organizations/tokens/create", Some(bearer), body.clone())
            .await;
        assert_eq!((answer.status, answer.code()), (status, code));
    }
}

async fn token_input_is_validated(db: Db) {
    let app = spawn(db).await;
    let owner = app.someone().await;
    let organization = app.organization(&owner).await;
    for (field, body) in [
        ("env", json!({"organizationId": organization, "env": "prod"})),
        ("name", json!({"organizationId": organization, "name": ""})),
        ("name", json!({"organizationId": organization, "name": 3})),
        ("organizationId", json!({"name": "x"})),
    ] {
        let answer = app
            .post("/v1/organizations/tokens/create", Some(&owner.bearer), body)
            .await;
        assert_eq!((answer.status, answer.code()), (400, "invalid_request"));
        assert!(
            answer.body["error"]["message"].as_str().unwrap().contains(field),
            "{answer:?}"
        );
    }
}

async fn list_page(app: &crate::helpers::TestApp, bearer: &str, body: serde_json::Value) -> crate::helpers::Answer {
    app.post("/v1/organizations/tokens/list", Some(bearer), body).await
}

async fn owners_page_through_live_tokens_newest_first_without_secrets(db: Db) {
    let app = spawn(db).await;
    let (owner, admin) = (app.someone().await, app.someone().await);
    let organization = app.organization(&owner).await;
    app.add_member(&organization, &admin, Role::ADMIN).await;
    let mut bearers = Vec::new();
    for name in ["first", "second", "third"] {
        let made = app
            .post(
                "/v1/organizations/tokens/create",
                Some(&owner.bearer),
                json!({"organizationId": organization, "name": name}),
            )
            .await;
        bearers.push(made.body["apiToken"]["bearer"].as_str().unwrap().to_owned());
    }
    let elsewhere = app.organization(&owner).await;
    app.org_token(&elsewhere, &owner).await;
    let revoked_key = bearers[1].split_once(':').unwrap().0;
    let revoke = json!({"organizationId": organization, "key": revoked_key});
    assert_eq!(
        app.post("/v1/organizations/tokens/revoke", Some(&owner.bearer), revoke)
            .await
            .status,
        200
    );

    let mut names = Vec::new();
    let mut cursor = serde_json::Value::Null;
    loop {
        let mut body = json!({"organizationId": organization, "limit": 1});
        if !cursor.is_null() {
            body["cursor"] = cursor.clone();
        }
        let page = list_page(&app, &owner.bearer, body).await;
        assert_eq!(page.status, 200, "{page:?}");
        for bearer in &bearers {
            let secret = bearer.split_once(':').unwrap().1;
            assert!(!page.body.to_string().contains(secret), "a secret in a list answer");
        }
        for token in page.body["apiTokens"].as_array().unwrap() {
            let fields: Vec<&String> = token.as_object().unwrap().keys().collect();
            assert_eq!(
                fields,
                ["createdAt", "createdBy", "env", "key", "lastFour", "lastUsedAt", "name"]
            );
            assert_eq!(token["createdBy"], owner.id.to_string());
            names.push(token["name"].as_str().unwrap().to_owned());
        }
        cursor = page.body["nextCursor"].clone();
        if cursor.is_null() {
            break;
        }
    }
    assert_eq!(names, ["third", "first"], "newest first, the revoked one left out");
    let whole = list_page(&app, &owner.bearer, json!({"organizationId": organization})).await;
    assert_eq!(whole.body["apiTokens"].as_array().unwrap().len(), 2);

    let by_admin = list_page(&app, &admin.bearer, json!({"organizationId": organization})).await;
    assert_eq!((by_admin.status, by_admin.code()), (403, "forbidden"));
    let by_token = list_page(&app, &bearers[0], json!({"organizationId": organization})).await;
    assert_eq!((by_token.status, by_token.code()), (403, "forbidden"));
}

async fn a_revoked_token_is_refused_at_once(db: Db) {
    let app = spawn(db).await;
    let owner = app.someone().await;
    let organization = app.organization(&owner).await;
    let other = app.organization(&owner).await;
    let bearer = app.org_token(&organization, &owner).await;
    let key = bearer.split_once(':').unwrap().0;
    // Used first, so the credential cache holds it.
    assert_eq!(app.post("/v1/me", Some(&bearer), json!({})).await.status, 200);
    let revoke = |organization: &str| {
        let body = json!({"organizationId": organization, "key": key});
        let app = &app;
        let bearer = owner.bearer.clone();
        async move { app.post("/v1/organizations/tokens/revoke", Some(&bearer), body).await }
    };
    let wrong_organization = revoke(&other).await;
    assert_eq!(
        (wrong_organization.status, wrong_organization.code()),
        (404, "not_found")
    );
    assert_eq!(
        app.post("/v1/me", Some(&bearer), json!({})).await.status,
        200,
        "still works"
    );

    let revoked = revoke(&organization).await;
    assert_eq!((revoked.status, &revoked.body), (200, &json!({"ok": true})));
    let refused = app.post("/v1/me", Some(&bearer), json!({})).await;
    assert_eq!((refused.status, refused.code()), (401, "unauthenticated"));
    assert_eq!(revoke(&organization).await.status, 200, "revoking again is fine");
    let unknown = app
        .post(
            "/v1/organizations/tokens/revoke",
            Some(&owner.bearer),
            json!({"organizationId": organization, "key": "orgs_live_nosuchkey"}),
        )
        .await;
    assert_eq!((unknown.status, unknown.code()), (404, "not_found"));
}

async fn last_use_is_recorded_off_the_request_path_at_most_once_a_minute(db: Db) {
    let app = spawn(db).await;
    let owner = app.someone().await;
    let organization = app.organization(&owner).await;
    let bearer = app.org_token(&organization, &owner).await;
    let last_used = || async {
        let listed = list_page(&app, &owner.bearer, json!({"organizationId": organization})).await;
        listed.body["apiTokens"][0]["lastUsedAt"].clone()
    };
    assert_eq!(last_used().await, serde_json::Value::Null, "never used yet");
    let used = app.post("/v1/me", Some(&bearer), json!({})).await;
    assert_eq!(used.status, 200);
    // Written by the background task, which runs every second.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    let first = loop {
        let seen = last_used().await;
        if !seen.is_null() {
            break seen;
        }
        assert!(std::time::Instant::now() < deadline, "lastUsedAt never written");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    };
    for _ in 0..5 {
        assert_eq!(app.post("/v1/me", Some(&bearer), json!({})).await.status, 200);
    }
    tokio::time::sleep(std::time::Duration::from_millis(2500)).await;
    assert_eq!(last_used().await, first, "a use within the minute is not written again");
}
