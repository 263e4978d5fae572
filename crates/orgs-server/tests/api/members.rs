//! organizations.members.list, remove and setRole: permissions, the rank rule and the
//! last-owner rule over HTTP.

use crate::helpers::{Db, TestApp, TestUser, spawn};
use crate::on_both_stores;
use orgs_core::Role;
use serde_json::{Value, json};

on_both_stores!(
    members_are_listed_longest_standing_first,
    members_list_needs_membership,
    the_rank_rule_binds_admins,
    owners_may_do_everything_but_orphan_the_organization,
    set_role_edges,
    remove_is_idempotent_and_guarded,
    an_org_token_manages_members_as_an_admin,
);

struct Org {
    id: String,
    owner: TestUser,
    admin: TestUser,
    member: TestUser,
}

async fn org_with_three(app: &TestApp) -> Org {
    let (owner, admin, member) = (app.someone().await, app.someone().await, app.someone().await);
    let id = app.organization(&owner).await;
    app.add_member(&id, &admin, Role::ADMIN).await;
    app.add_member(&id, &member, Role::MEMBER).await;
    Org {
        id,
        owner,
        admin,
        member,
    }
}

async fn set_role(app: &TestApp, bearer: &str, org: &str, user: &TestUser, role: &str) -> (u16, String) {
    let answer = app
        .post(
            "/v1/organizations/members/set-role",
            Some(bearer),
            json!({"organizationId": org, "userId": user.id.to_string(), "role": role}),
        )
        .await;
    (answer.status, answer.code().to_owned())
}

async fn remove(app: &TestApp, bearer: &str, org: &str, user: &str) -> (u16, String) {
    let answer = app
        .post(
            "/v1/organizations/members/remove",
            Some(bearer),
            json!({"organizationId": org, "userId": user}),
        )
        .await;
    (answer.status, answer.code().to_owned())
}

async fn members_are_listed_longest_standing_first(db: Db) {
    let app = spawn(db).await;
    let org = org_with_three(&app).await;
    let listed = app.member_roles(&org.id, &org.owner).await;
    assert_eq!(
        listed,
        vec![
            (org.owner.id.to_string(), "owner".into()),
            (org.admin.id.to_string(), "admin".into()),
            (org.member.id.to_string(), "member".into()),
        ]
    );
    let answer = app
        .post(
            "/v1/organizations/members/list",
            Some(&org.member.bearer),
            json!({"organizationId": org.id}),
        )
        .await;
    let member = &answer.body["members"][2];
    assert!(member["email"].as_str().unwrap().ends_with("@example.com"));
    assert!(member["joinedAt"].as_str().unwrap().ends_with('Z'));
}

async fn members_list_needs_membership(db: Db) {
    let app = spawn(db).await;
    let org = org_with_three(&app).await;
    let stranger = app.someone().await;
    let answer = app
        .post(
            "/v1/organizations/members/list",
            Some(&stranger.bearer),
            json!({"organizationId": org.id}),
        )
        .await;
    assert_eq!((answer.status, answer.code()), (404, "not_found"));
}

async fn the_rank_rule_binds_admins(db: Db) {
    let app = spawn(db).await;
    let org = org_with_three(&app).await;
    let admin = org.admin.bearer.clone();
    assert_eq!(
        set_role(&app, &admin, &org.id, &org.member, "owner").await,
        (403, "forbidden".into())
    );
    assert_eq!(
        set_role(&app, &admin, &org.id, &org.owner, "member").await,
        (403, "forbidden".into())
    );
    assert_eq!(
        set_role(&app, &admin, &org.id, &org.owner, "owner").await,
        (403, "forbidden".into())
    );
    assert_eq!(
        remove(&app, &admin, &org.id, &org.owner.id.to_string()).await,
        (403, "forbidden".into())
    );
    assert_eq!(
        set_role(&app, &admin, &org.id, &org.member, "admin").await,
        (200, String::new())
    );
    assert_eq!(
        set_role(&app, &admin, &org.id, &org.member, "member").await,
        (200, String::new())
    );
    assert_eq!(
        remove(&app, &admin, &org.id, &org.member.id.to_string()).await,
        (200, String::new())
    );
    // The refused calls changed nothing.
    assert_eq!(
        app.member_roles(&org.id, &org.owner).await,
        vec![
            (org.owner.id.to_string(), "owner".into()),
            (org.admin.id.to_string(), "admin".into())
        ]
    );
    let third = app.someone().await;
    app.add_member(&org.id, &third, Role::MEMBER).await;
    let by_member = set_role(&app, &third.bearer, &org.id, &org.admin, "member").await;
    assert_eq!(
        by_member,
        (403, "forbidden".into()),
        "a current member lacks members:manage"
    );
    let member_calls = [
        set_role(&app, &org.member.bearer, &org.id, &org.admin, "member").await,
        remove(&app, &org.member.bearer, &org.id, &org.admin.id.to_string()).await,
    ];
    for answer in member_calls {
        assert_eq!(
            answer,
            (404, "not_found".into()),
            "the removed member no longer sees the organization"
        );
    }
}

async fn owners_may_do_everything_but_orphan_the_organization(db: Db) {
    let app = spawn(db).await;
    let org = org_with_three(&app).await;
    let owner = org.owner.bearer.clone();
    assert_eq!(
        set_role(&app, &owner, &org.id, &org.owner, "admin").await,
        (409, "last_owner".into())
    );
    assert_eq!(
        remove(&app, &owner, &org.id, &org.owner.id.to_string()).await,
        (409, "last_owner".into())
    );
    assert_eq!(
        set_role(&app, &owner, &org.id, &org.admin, "owner").await,
        (200, String::new())
    );
    // Two owners now: either may step down, but not both.
    assert_eq!(
        set_role(&app, &owner, &org.id, &org.owner, "member").await,
        (200, String::new())
    );
    assert_eq!(
        set_role(&app, &org.admin.bearer, &org.id, &org.admin, "admin").await,
        (409, "last_owner".into())
    );
    assert_eq!(
        remove(&app, &org.admin.bearer, &org.id, &org.admin.id.to_string()).await,
        (409, "last_owner".into())
    );
}

async fn set_role_edges(db: Db) {
    let app = spawn(db).await;
    let org = org_with_three(&app).await;
    let owner = org.owner.bearer.clone();
    let stranger = app.someone().await;
    assert_eq!(
        set_role(&app, &owner, &org.id, &stranger, "admin").await,
        (404, "not_found".into())
    );
    assert_eq!(
        set_role(&app, &owner, &org.id, &org.member, "member").await,
        (200, String::new()),
        "same role is a no-op"
    );
    let bad_role = app
        .post(
            "/v1/organizations/members/set-role",
            Some(&owner),
            json!({"organizationId": org.id, "userId": org.member.id.to_string(), "role": "boss"}),
        )
        .await;
    assert_eq!((bad_role.status, bad_role.code()), (400, "invalid_request"));
    assert!(bad_role.body["error"]["message"].as_str().unwrap().contains("role"));
    let no_role = app
        .post(
            "/v1/organizations/members/set-role",
            Some(&owner),
            json!({"organizationId": org.id, "userId": org.member.id.to_string()}),
        )
        .await;
    assert_eq!(no_role.status, 400);
    assert_eq!(
        set_role(&app, &stranger.bearer, &org.id, &org.member, "admin").await,
        (404, "not_found".into())
    );
}

async fn remove_is_idempotent_and_guarded(db: Db) {
    let app = spawn(db).await;
    let org = org_with_three(&app).await;
    let owner = org.owner.bearer.clone();
    let member = org.member.id.to_string();
    assert_eq!(remove(&app, &owner, &org.id, &member).await, (200, String::new()));
    assert_eq!(remove(&app, &owner, &org.id, &member).await, (200, String::new()));
    assert_eq!(
        remove(&app, &owner, &org.id, "never-issued").await,
        (200, String::new())
    );
    assert_eq!(
        remove(&app, &org.admin.bearer, &org.id, "never-issued").await,
        (200, String::new())
    );
    let third = app.someone().await;
    app.add_member(&org.id, &third, Role::MEMBER).await;
    assert_eq!(
        remove(&app, &third.bearer, &org.id, &org.admin.id.to_string()).await,
        (403, "forbidden".into())
    );
    assert_eq!(
        remove(&app, &third.bearer, &org.id, "never-issued").await,
        (403, "forbidden".into())
    );
}

async fn an_org_token_manages_members_as_an_admin(db: Db) {
    let app = spawn(db).await;
    let org = org_with_three(&app).await;
    let token = app.org_token(&org.id, &org.owner).await;
    assert_eq!(
        set_role(&app, &token, &org.id, &org.member, "admin").await,
        (200, String::new())
    );
    assert_eq!(
        set_role(&app, &token, &org.id, &org.member, "owner").await,
        (403, "forbidden".into())
    );
    assert_eq!(
        set_role(&app, &token, &org.id, &org.owner, "admin").await,
        (403, "forbidden".into())
    );
    assert_eq!(
        remove(&app, &token, &org.id, &org.member.id.to_string()).await,
        (200, String::new())
    );
    let other = app.organization(&org.owner).await;
    let foreign = app
        .post(
            "/v1/organizations/members/list",
            Some(&token),
            json!({"organizationId": other}),
        )
        .await;
    assert_eq!((foreign.status, foreign.code()), (404, "not_found"));
}

on_both_stores!(lists_page_with_limit_and_cursor);

/// Follows `nextCursor` from page to page and returns every row of `field`.
async fn walk(app: &TestApp, bearer: &str, path: &str, body: Value, field: &str, limit: u32) -> Vec<Value> {
    let mut rows = Vec::new();
    let mut cursor = Value::Null;
    for _ in 0..100 {
        let mut request = body.clone();
        request["limit"] = json!(limit);
        if !cursor.is_null() {
            request["cursor"] = cursor.clone();
        }
        let answer = app.post(path, Some(bearer), request).await;
        assert_eq!(answer.status, 200, "{answer:?}");
        let page = answer.body[field].as_array().unwrap().clone();
        assert!(page.len() <= limit as usize);
        rows.extend(page);
        cursor = answer.body["nextCursor"].clone();
        if cursor.is_null() {
            return rows;
        }
    }
    panic!("a hundred pages and still a next cursor: the pages repeat");
}

async fn lists_page_with_limit_and_cursor(db: Db) {
    let app = spawn(db).await;
    let owner = app.someone().await;
    let organization = app.organization(&owner).await;
    for _ in 0..4 {
        let member = app.someone().await;
        app.add_member(&organization, &member, Role::MEMBER).await;
    }
    let body = json!({"organizationId": organization});
    let whole = app
        .post("/v1/organizations/members/list", Some(&owner.bearer), body.clone())
        .await;
    assert_eq!(
        whole.body["nextCursor"],
        Value::Null,
        "no limit, no cursor: the whole list"
    );
    let all = whole.body["members"].as_array().unwrap().clone();
    assert_eq!(all.len(), 5);
    for limit in [1, 2, 5, 1000] {
        assert_eq!(
            walk(
                &app,
                &owner.bearer,
                "/v1/organizations/members/list",
                body.clone(),
                "members",
                limit
            )
            .await,
            all
        );
    }
    for _ in 0..2 {
        app.organization(&owner).await;
    }
    let memberships = walk(
        &app,
        &owner.bearer,
        "/v1/organizations/list",
        json!({}),
        "organizations",
        2,
    )
    .await;
    let listed = app.post("/v1/organizations/list", Some(&owner.bearer), json!({})).await;
    assert_eq!(memberships, listed.body["organizations"].as_array().unwrap().clone());
    for (extra, field) in [
        (json!({"limit": 0}), "limit"),
        (json!({"limit": 1001}), "limit"),
        (json!({"cursor": "junk"}), "cursor"),
    ] {
        let mut request = body.clone();
        request
            .as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        let refused = app
            .post("/v1/organizations/members/list", Some(&owner.bearer), request)
            .await;
        assert_eq!((refused.status, refused.code()), (400, "invalid_request"));
        assert!(
            refused.body["error"]["message"].as_str().unwrap().contains(field),
            "{refused:?}"
        );
    }
}
