//! organizations.create, get, list, update and roles, for every kind of caller.

use crate::helpers::{Db, spawn};
use crate::on_both_stores;
use orgs_core::Role;
use serde_json::json;

on_both_stores!(
    create_makes_the_caller_owner,
    create_validates_the_name,
    get_needs_membership,
    list_is_the_callers_memberships_oldest_first,
    a_list_longer_than_a_chunk_is_sent_in_chunks_and_equals_its_pages,
    update_needs_org_manage,
    an_org_token_acts_as_admin_of_its_own_organization_only,
    roles_is_the_ranked_matrix,
);

async fn create_makes_the_caller_owner(db: Db) {
    let app = spawn(db).await;
    let alice = app.user("Alice@Example.com").await;
    let created = app
        .post(
            "/v1/organizations/create",
            Some(&alice.bearer),
            json!({"name": "  Acme Inc  "}),
        )
        .await;
    assert_eq!(created.status, 200);
    let organization = &created.body["organization"];
    assert_eq!(organization["name"], "Acme Inc");
    assert_eq!(organization["createdAt"], organization["updatedAt"]);
    assert!(organization["createdAt"].as_str().unwrap().ends_with('Z'));

    let members = app
        .post(
            "/v1/organizations/members/list",
            Some(&alice.bearer),
            json!({"organizationId": organization["id"]}),
        )
        .await;
    assert_eq!(members.body["members"][0]["role"], "owner");
    assert_eq!(members.body["members"][0]["email"], "alice@example.com");
    assert_eq!(members.body["members"][0]["userId"], alice.id.to_string());
}

async fn create_validates_the_name(db: Db) {
    let app = spawn(db).await;
    let alice = app.someone().await;
    for name in [
        json!(""),
        json!("   "),
        json!("x".repeat(101)),
        json!("tab\there"),
        json!(7),
        json!(null),
    ] {
        let answer = app
            .post("/v1/organizations/create", Some(&alice.bearer), json!({"name": name}))
            .await;
        assert_eq!((answer.status, answer.code()), (400, "invalid_request"), "{name}");
        assert!(
            answer.body["error"]["message"].as_str().unwrap().contains("name"),
            "{answer:?}"
        );
    }
    let missing = app
        .post("/v1/organizations/create", Some(&alice.bearer), json!({}))
        .await;
    assert!(missing.body["error"]["message"].as_str().unwrap().contains("name"));
    let listed = app.post("/v1/organizations/list", Some(&alice.bearer), json!({})).await;
    assert_eq!(
        listed.body["organizations"],
        json!([]),
        "a refused create changes nothing"
    );
}

async fn get_needs_membership(db: Db) {
    let app = spawn(db).await;
    let (owner, member, stranger) = (app.someone().await, app.someone().await, app.someone().await);
    let organization = app.organization(&owner).await;
    app.add_member(&organization, &member, Role::MEMBER).await;
    for caller in [&owner, &member] {
        let answer = app
            .post(
                "/v1/organizations/get",
                Some(&caller.bearer),
                json!({"organizationId": organization}),
            )
            .await;
        assert_eq!(answer.status, 200);
        assert_eq!(answer.body["organization"]["id"], organization.as_str());
    }
    let hidden = app
        .post(
            "/v1/organizations/get",
            Some(&stranger.bearer),
            json!({"organizationId": organization}),
        )
        .await;
    let missing = app
        .post(
            "/v1/organizations/get",
            Some(&owner.bearer),
            json!({"organizationId": uuid::Uuid::now_v7().to_string()}),
        )
        .await;
    let malformed = app
        .post(
            "/v1/organizations/get",
            Some(&owner.bearer),
            json!({"organizationId": "nope"}),
        )
        .await;
    for answer in [&hidden, &missing, &malformed] {
        assert_eq!((answer.status, answer.code()), (404, "not_found"));
    }
    assert_eq!(
        hidden.body, missing.body,
        "a non-member cannot tell a hidden organization from a missing one"
    );
}

async fn list_is_the_callers_memberships_oldest_first(db: Db) {
    let app = spawn(db).await;
    let (alice, bob) = (app.someone().await, app.someone().await);
    let first = app.organization(&alice).await;
    let bobs = app.organization(&bob).await;
    app.add_member(&bobs, &alice, Role::ADMIN).await;
    let listed = app.post("/v1/organizations/list", Some(&alice.bearer), json!({})).await;
    let got: Vec<(String, String)> = listed.body["organizations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["organization"]["id"].as_str().unwrap().into(),
                m["role"].as_str().unwrap().into(),
            )
        })
        .collect();
    assert_eq!(got, vec![(first, "owner".into()), (bobs, "admin".into())]);
    let empty_body = app
        .send(
            hyper::Method::POST,
            "/v1/organizations/list",
            &[("authorization", &format!("Bearer {}", bob.bearer))],
            "",
        )
        .await;
    assert_eq!(empty_body.status, 200);
    assert_eq!(empty_body.body["organizations"].as_array().unwrap().len(), 1);
}

async fn a_list_longer_than_a_chunk_is_sent_in_chunks_and_equals_its_pages(db: Db) {
    let app = spawn(db).await;
    let alice = app.someone().await;
    // More than the 256 rows the body writes at a time (orgs-http `list_body.rs`).
    crate::helpers::futures_join_all((0..300).map(|_| app.organization(&alice))).await;
    let whole = app.post("/v1/organizations/list", Some(&alice.bearer), json!({})).await;
    assert_eq!(whole.status, 200);
    assert_eq!(whole.headers["transfer-encoding"], "chunked");
    assert_eq!(whole.headers["content-type"], "application/json");
    assert_eq!(whole.body["nextCursor"], json!(null));
    let mut paged = Vec::new();
    let mut cursor = json!(null);
    loop {
        let mut body = json!({"limit": 100});
        if !cursor.is_null() {
            body["cursor"] = cursor.clone();
        }
        let page = app.post("/v1/organizations/list", Some(&alice.bearer), body).await;
        assert!(page.headers.contains_key("content-length"), "a page is one chunk");
        paged.extend(page.body["organizations"].as_array().unwrap().iter().cloned());
        cursor = page.body["nextCursor"].clone();
        if cursor.is_null() {
            break;
        }
    }
    assert_eq!(paged.len(), 300);
    assert_eq!(whole.body["organizations"], json!(paged));
}

async fn update_needs_org_manage(db: Db) {
    let app = spawn(db).await;
    let (owner, admin, member) = (app.someone().await, app.someone().await, app.someone().await);
    let organization = app.organization(&owner).await;
    app.add_member(&organization, &admin, Role::ADMIN).await;
    app.add_member(&organization, &member, Role::MEMBER).await;
    let token = app.org_token(&organization, &owner).await;
    for bearer in [&admin.bearer, &member.bearer, &token] {
        let answer = app
            .post(
                "/v1/organizations/update",
                Some(bearer),
                json!({"organizationId": organization, "name": "Nope"}),
            )
            .await;
        assert_eq!((answer.status, answer.code()), (403, "forbidden"));
    }
    let invalid = app
        .post(
            "/v1/organizations/update",
            Some(&owner.bearer),
            json!({"organizationId": organization, "name": ""}),
        )
        .await;
    assert_eq!(invalid.status, 400);
    let renamed = app
        .post(
            "/v1/organizations/update",
            Some(&owner.bearer),
            json!({"organizationId": organization, "name": "Renamed"}),
        )
        .await;
    assert_eq!((renamed.status, &renamed.body), (200, &json!({"ok": true})));
    let got = app
        .post(
            "/v1/organizations/get",
            Some(&member.bearer),
            json!({"organizationId": organization}),
        )
        .await;
    assert_eq!(got.body["organization"]["name"], "Renamed");
    assert_ne!(
        got.body["organization"]["updatedAt"],
        got.body["organization"]["createdAt"]
    );
}

async fn an_org_token_acts_as_admin_of_its_own_organization_only(db: Db) {
    let app = spawn(db).await;
    let owner = app.someone().await;
    let organization = app.organization(&owner).await;
    let other = app.organization(&owner).await;
    let token = app.org_token(&organization, &owner).await;

    let listed = app.post("/v1/organizations/list", Some(&token), json!({})).await;
    assert_eq!(listed.body["organizations"].as_array().unwrap().len(), 1);
    assert_eq!(
        listed.body["organizations"][0]["organization"]["id"],
        organization.as_str()
    );
    assert_eq!(listed.body["organizations"][0]["role"], "admin");

    let own = app
        .post(
            "/v1/organizations/get",
            Some(&token),
            json!({"organizationId": organization}),
        )
        .await;
    assert_eq!(own.status, 200);
    let foreign = app
        .post("/v1/organizations/get", Some(&token), json!({"organizationId": other}))
        .await;
    assert_eq!((foreign.status, foreign.code()), (404, "not_found"));
    let create = app
        .post("/v1/organizations/create", Some(&token), json!({"name": "Mine"}))
        .await;
    assert_eq!((create.status, create.code()), (403, "user_required"));
}

async fn roles_is_the_ranked_matrix(db: Db) {
    let app = spawn(db).await;
    let someone = app.someone().await;
    let answer = app
        .post("/v1/organizations/roles", Some(&someone.bearer), json!({}))
        .await;
    assert_eq!(answer.status, 200);
    assert_eq!(
        answer.body,
        json!({"roles": [
            {"role": "owner", "permissions": ["org:view", "org:manage", "members:view", "members:manage"],
             "rank": 300, "description": null},
            {"role": "admin", "permissions": ["org:view", "members:view", "members:manage"],
             "rank": 200, "description": null},
            {"role": "member", "permissions": ["org:view", "members:view"], "rank": 100, "description": null},
        ]})
    );
    let anonymous = app.post("/v1/organizations/roles", None, json!({})).await;
    assert_eq!(anonymous.status, 401);
}
