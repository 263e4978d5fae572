//! organizations.joinCodes.*: shareable codes, their limits and their edges, over HTTP.

use crate::helpers::{Answer, Db, TestApp, TestUser, futures_join_all, send_from, spawn, spawn_with};
use crate::on_both_stores;
use orgs_core::Role;
use serde_json::{Value, json};

on_both_stores!(
    a_code_admits_up_to_max_uses_and_members_again_for_free,
    codes_are_forgiving_to_type_and_die_when_revoked,
    join_code_permissions_follow_roles_and_ranks,
    bursts_of_right_attempts_from_one_address_all_pass,
);

async fn create(app: &TestApp, bearer: &str, body: Value) -> Answer {
    app.post("/v1/organizations/join-codes/create", Some(bearer), body)
        .await
}

async fn join(app: &TestApp, who: &TestUser, code: &str) -> Answer {
    app.post(
        "/v1/organizations/join-codes/join",
        Some(&who.bearer),
        json!({"code": code}),
    )
    .await
}

async fn listed(app: &TestApp, bearer: &str, organization: &str) -> Vec<Value> {
    let answer = app
        .post(
            "/v1/organizations/join-codes/list",
            Some(bearer),
            json!({"organizationId": organization}),
        )
        .await;
    assert_eq!(answer.status, 200, "{answer:?}");
    answer.body["joinCodes"].as_array().unwrap().clone()
}

fn looks_like_a_code(code: &str) -> bool {
    let groups: Vec<&str> = code.split('-').collect();
    groups.len() == 4
        && groups
            .iter()
            .all(|g| g.len() == 4 && g.bytes().all(|b| orgs_core::JOIN_CODE_ALPHABET.contains(&b)))
}

async fn a_code_admits_up_to_max_uses_and_members_again_for_free(db: Db) {
    let app = spawn(db).await;
    let owner = app.someone().await;
    let organization = app.organization(&owner).await;
    let made = create(
        &app,
        &owner.bearer,
        json!({"organizationId": organization, "role": "admin", "maxUses": 2}),
    )
    .await;
    assert_eq!(made.status, 200, "{made:?}");
    let code = made.body["code"].as_str().unwrap().to_owned();
    assert!(looks_like_a_code(&code), "{code}");
    let join_code = &made.body["joinCode"];
    assert_eq!(
        (
            join_code["role"].clone(),
            join_code["maxUses"].clone(),
            join_code["uses"].clone()
        ),
        (json!("admin"), json!(2), json!(0))
    );
    assert_eq!(join_code["createdBy"], owner.id.to_string());

    let (ann, ben, cat) = (app.someone().await, app.someone().await, app.someone().await);
    for who in [&ann, &ben] {
        let joined = join(&app, who, &code).await;
        assert_eq!(
            (joined.status, &joined.body),
            (
                200,
                &json!({"organizationId": organization, "role": "admin", "alreadyMember": false})
            )
        );
    }
    let full = join(&app, &cat, &code).await;
    assert_eq!((full.status, full.code()), (409, "join_code_exhausted"));
    let again = join(&app, &ann, &code).await;
    assert_eq!(
        (again.status, &again.body),
        (
            200,
            &json!({"organizationId": organization, "role": "admin", "alreadyMember": true})
        )
    );
    let owner_again = join(&app, &owner, &code).await;
    assert_eq!(owner_again.body["role"], "owner", "a member keeps their role");

    let codes = listed(&app, &owner.bearer, &organization).await;
    assert_eq!(codes.len(), 1, "exhausted codes stay listed");
    assert_eq!(codes[0]["uses"], 2, "members joining again use nothing up");
    assert!(codes[0].get("code").is_none(), "the list never shows the code");
    let members = app
        .post(
            "/v1/organizations/members/list",
            Some(&owner.bearer),
            json!({"organizationId": organization}),
        )
        .await;
    assert_eq!(members.body["members"].as_array().unwrap().len(), 3);

    let unlimited = create(
        &app,
        &owner.bearer,
        json!({"organizationId": organization, "maxUses": null}),
    )
    .await;
    assert_eq!(unlimited.body["joinCode"]["maxUses"], Value::Null);
    assert_eq!(unlimited.body["joinCode"]["role"], "member");
    let joined = join(&app, &cat, unlimited.body["code"].as_str().unwrap()).await;
    assert_eq!(joined.body["role"], "member");
}

async fn codes_are_forgiving_to_type_and_die_when_revoked(db: Db) {
    let app = spawn(db).await;
    let owner = app.someone().await;
    let organization = app.organization(&owner).await;
    let made = create(&app, &owner.bearer, json!({"organizationId": organization})).await;
    let code = made.body["code"].as_str().unwrap();
    let sloppy = code
        .replace('-', " ")
        .to_lowercase()
        .replace('0', "o")
        .replace('1', "l");
    let ann = app.someone().await;
    let joined = join(&app, &ann, &sloppy).await;
    assert_eq!(joined.status, 200, "{sloppy}: {joined:?}");

    let id = made.body["joinCode"]["id"].clone();
    for _ in 0..2 {
        let revoked = app
            .post(
                "/v1/organizations/join-codes/revoke",
                Some(&owner.bearer),
                json!({"organizationId": organization, "id": id}),
            )
            .await;
        assert_eq!((revoked.status, &revoked.body), (200, &json!({"ok": true})));
    }
    let ben = app.someone().await;
    for typed in [code, "AAAA-BBBB-CCCC-DDDD", "nonsense", ""] {
        let answer = join(&app, &ben, typed).await;
        assert_eq!((answer.status, answer.code()), (404, "invalid_join_code"), "{typed:?}");
    }
    assert!(
        listed(&app, &owner.bearer, &organization).await.is_empty(),
        "revoked codes are not listed"
    );
}

async fn join_code_permissions_follow_roles_and_ranks(db: Db) {
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
    let body = json!({"organizationId": organization});

    assert_eq!(create(&app, &member.bearer, body.clone()).await.code(), "forbidden");
    assert_eq!(create(&app, &stranger.bearer, body.clone()).await.code(), "not_found");
    let owner_code = create(
        &app,
        &admin.bearer,
        json!({"organizationId": organization, "role": "owner"}),
    )
    .await;
    assert_eq!((owner_code.status, owner_code.code()), (403, "forbidden"));
    for max_uses in [json!(0), json!(-1), json!(1_000_001), json!(2.5), json!("3")] {
        let answer = create(
            &app,
            &owner.bearer,
            json!({"organizationId": organization, "maxUses": max_uses}),
        )
        .await;
        assert_eq!(answer.status, 400, "{max_uses}");
        assert!(answer.body["error"]["message"].as_str().unwrap().contains("maxUses"));
    }
    let most = create(
        &app,
        &owner.bearer,
        json!({"organizationId": organization, "maxUses": 1_000_000}),
    )
    .await;
    assert_eq!(most.status, 200);

    let owners = create(
        &app,
        &owner.bearer,
        json!({"organizationId": organization, "role": "owner"}),
    )
    .await;
    let revoke = app
        .post(
            "/v1/organizations/join-codes/revoke",
            Some(&admin.bearer),
            json!({"organizationId": organization, "id": owners.body["joinCode"]["id"]}),
        )
        .await;
    assert_eq!((revoke.status, revoke.code()), (403, "forbidden"));
    let unknown = app
        .post(
            "/v1/organizations/join-codes/revoke",
            Some(&owner.bearer),
            json!({"organizationId": organization, "id": "nope"}),
        )
        .await;
    assert_eq!((unknown.status, unknown.code()), (404, "not_found"));
    let member_list = app
        .post("/v1/organizations/join-codes/list", Some(&member.bearer), body.clone())
        .await;
    assert_eq!(member_list.code(), "forbidden");

    let token = app.org_token(&organization, &owner).await;
    let by_token = create(&app, &token, body.clone()).await;
    assert_eq!(by_token.body["joinCode"]["createdBy"], Value::Null);
    let token_join = app
        .post(
            "/v1/organizations/join-codes/join",
            Some(&token),
            json!({"code": by_token.body["code"]}),
        )
        .await;
    assert_eq!((token_join.status, token_join.code()), (403, "user_required"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wrong_guesses_are_rate_limited_per_caller_and_address() {
    let app = spawn_with(
        Db::Sqlite,
        &[("ORGS_GUESS_FAILURE_LIMIT", "2"), ("ORGS_GUESS_FAILURE_WINDOW", "1h")],
    )
    .await;
    let owner = app.someone().await;
    let organization = app.organization(&owner).await;
    let made = create(&app, &owner.bearer, json!({"organizationId": organization})).await;
    let code = made.body["code"].as_str().unwrap();
    let guesser = app.someone().await;
    for _ in 0..2 {
        assert_eq!(join(&app, &guesser, "AAAA-AAAA-AAAA-AAAA").await.status, 404);
    }
    let limited = join(&app, &guesser, code).await;
    assert_eq!(
        (limited.status, limited.code()),
        (429, "rate_limited"),
        "even a right guess, or guessing pays"
    );
    assert!(limited.headers["retry-after"].to_str().unwrap().parse::<u64>().unwrap() > 3000);
    let neighbour = app.someone().await;
    let same_address = join(&app, &neighbour, code).await;
    assert_eq!(same_address.status, 429, "the address is limited too");
    let invite = app
        .post(
            "/v1/organizations/invitations/accept",
            Some(&guesser.bearer),
            json!({"token": "inv_x"}),
        )
        .await;
    assert_eq!(invite.status, 429, "invitation guesses share the budget");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_guessing_caller_is_limited_from_any_address_and_an_address_for_any_caller() {
    let app = spawn_with(
        Db::Sqlite,
        &[("ORGS_GUESS_FAILURE_LIMIT", "2"), ("ORGS_GUESS_FAILURE_WINDOW", "1h")],
    )
    .await;
    let (guesser, neighbour, stranger) = (app.someone().await, app.someone().await, app.someone().await);
    let accept = |who: &TestUser, from: &str| {
        let bearer = format!("Bearer {}", who.bearer);
        let from: std::net::IpAddr = from.parse().unwrap();
        let addr = app.addr;
        async move {
            let headers = [("authorization", bearer.as_str()), ("content-type", "application/json")];
            let body = json!({"token": "inv_wrong"}).to_string();
            send_from(
                Some(from),
                addr,
                hyper::Method::POST,
                "/v1/organizations/invitations/accept",
                &headers,
                body,
            )
            .await
        }
    };
    // Two wrong accepts from one address use up the guesser's budget...
    assert_eq!(accept(&guesser, "127.0.0.1").await.code(), "invalid_invitation");
    assert_eq!(accept(&guesser, "127.0.0.1").await.code(), "invalid_invitation");
    // ...which follows them to another address,
    let moved = accept(&guesser, "127.0.0.2").await;
    assert_eq!((moved.status, moved.code()), (429, "rate_limited"));
    assert!(moved.headers.contains_key("retry-after"));
    // while someone else at that other address still gets an answer,
    assert_eq!(accept(&neighbour, "127.0.0.2").await.code(), "invalid_invitation");
    // and the first address is spent for everyone.
    assert_eq!(accept(&stranger, "127.0.0.1").await.status, 429);
}

/// Found by `cargo xtask bench`: budgets counted attempts still running, so 32
/// connections opening at once with a new token, or 32 users joining at once behind one
/// address, got `429` for right credentials and right codes.
async fn bursts_of_right_attempts_from_one_address_all_pass(db: Db) {
    let limits = [("ORGS_GUESS_FAILURE_LIMIT", "2"), ("ORGS_AUTH_FAILURE_LIMIT", "2")];
    let app = spawn_with(db, &limits).await;
    let owner = app.someone().await;
    let organization = app.organization(&owner).await;
    let made = create(&app, &owner.bearer, json!({"organizationId": organization})).await;
    let code = made.body["code"].as_str().unwrap().to_owned();
    let mut joiners = Vec::new();
    for _ in 0..16 {
        joiners.push(app.someone().await);
    }
    let fresh = app.someone().await;
    let first_uses = (0..16).map(|_| app.post("/v1/organizations/list", Some(&fresh.bearer), json!({})));
    let statuses: Vec<u16> = futures_join_all(first_uses).await.iter().map(|a| a.status).collect();
    assert_eq!(statuses, vec![200; 16], "one new token on 16 connections at once");

    let joins = joiners.iter().map(|joiner| join(&app, joiner, &code));
    let answers = futures_join_all(joins).await;
    assert!(
        answers
            .iter()
            .all(|a| a.status == 200 && a.body["alreadyMember"] == false),
        "{answers:?}"
    );
    let codes = listed(&app, &owner.bearer, &organization).await;
    assert_eq!(codes[0]["uses"], 16);
}
