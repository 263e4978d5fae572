//! organizations.tokens.create: who may mint, what comes back, and that it works at once.

use crate::helpers::{Db, spawn};
use crate::on_both_stores;
use orgs_core::Role;
use serde_json::json;

on_both_stores!(
    an_owner_mints_a_working_token_shown_once,
    only_owners_who_are_users_may_mint,
    token_input_is_validated
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
    app.add_member(&organization, &admin, Role::Admin).await;
    app.add_member(&organization, &member, Role::Member).await;
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
