//! The operator commands: `users list`, `users tokens revoke`, `tokens list`, `tokens
//! revoke`, and revocation taking effect at once on every server process.

use crate::child::ChildServer;
use crate::helpers::post_to;
use orgs_postgres::test_database::TestDatabase;
use serde_json::{Value, json};
use std::path::Path;
use std::process::Command;

fn orgs(dir: &Path, database_url: Option<&str>, args: &[&str]) -> (bool, Value, String) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_orgs-server"));
    command.args(args).current_dir(dir);
    if let Some(url) = database_url {
        command.env("ORGS_DATABASE_URL", url);
    }
    let out = command.output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).to_string();
    let value = serde_json::from_str(&stdout).unwrap_or(Value::Null);
    (
        out.status.success(),
        value,
        String::from_utf8_lossy(&out.stderr).to_string(),
    )
}

fn scratch() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("orgs-admin-{}", uuid::Uuid::now_v7().simple()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn operators_list_users_and_tokens_and_revoke_them_at_once() {
    let dir = scratch();
    let (_, alice, _) = orgs(&dir, None, &["users", "create", "--email", "alice@example.com"]);
    orgs(&dir, None, &["users", "create", "--email", "bob@example.com"]);
    let (ok, users, _) = orgs(&dir, None, &["users", "list"]);
    assert!(ok);
    let emails: Vec<&str> = users
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["email"].as_str().unwrap())
        .collect();
    assert_eq!(emails, vec!["alice@example.com", "bob@example.com"]);
    assert_eq!(users[0]["userId"], alice["userId"]);

    let server = ChildServer::start(&dir, &[], None);
    let alice_bearer = alice["bearer"].as_str().unwrap();
    let created = post_to(
        server.addr,
        "/v1/organizations/create",
        Some(alice_bearer),
        json!({"name": "Acme"}),
    )
    .await;
    let organization = created.body["organization"]["id"].as_str().unwrap().to_owned();
    let minted = post_to(
        server.addr,
        "/v1/organizations/tokens/create",
        Some(alice_bearer),
        json!({"organizationId": organization, "name": "CI", "env": "test"}),
    )
    .await;
    let token = minted.body["apiToken"].clone();
    let bearer = token["bearer"].as_str().unwrap();
    let key = token["key"].as_str().unwrap();
    let list = json!({});
    assert_eq!(
        post_to(server.addr, "/v1/organizations/list", Some(bearer), list.clone())
            .await
            .status,
        200
    );

    let (ok, tokens, _) = orgs(&dir, None, &["tokens", "list", "--org", &organization]);
    assert!(ok);
    assert_eq!(tokens.as_array().unwrap().len(), 1);
    assert_eq!(tokens[0]["key"], key);
    assert_eq!(
        (
            tokens[0]["name"].clone(),
            tokens[0]["env"].clone(),
            tokens[0]["revoked"].clone()
        ),
        (json!("CI"), json!("test"), json!(false))
    );
    assert_eq!(tokens[0]["lastFour"], token["lastFour"]);
    assert!(
        !tokens.to_string().contains(token["secret"].as_str().unwrap()),
        "the list never shows a secret"
    );

    let (wrong_kind, _, why) = orgs(&dir, None, &["users", "tokens", "revoke", key]);
    assert!(!wrong_kind && why.contains("organization"), "{why}");
    let (ok, revoked, _) = orgs(&dir, None, &["tokens", "revoke", key]);
    assert!(ok);
    assert_eq!(revoked, json!({"key": key, "revoked": true}));
    assert_eq!(
        post_to(server.addr, "/v1/organizations/list", Some(bearer), list.clone())
            .await
            .status,
        401,
        "at once"
    );
    let (_, tokens, _) = orgs(&dir, None, &["tokens", "list", "--org", &organization]);
    assert_eq!(tokens[0]["revoked"], true);
    let (again, _, _) = orgs(&dir, None, &["tokens", "revoke", key]);
    assert!(again, "revoking twice is fine");

    let alice_key = alice_bearer.split_once(':').unwrap().0;
    let (ok, _, _) = orgs(&dir, None, &["users", "tokens", "revoke", alice_key]);
    assert!(ok);
    assert_eq!(
        post_to(server.addr, "/v1/organizations/list", Some(alice_bearer), list)
            .await
            .status,
        401
    );
    let (unknown, out, why) = orgs(&dir, None, &["tokens", "revoke", "orgs_live_nope"]);
    assert!(!unknown && out.is_null() && why.contains("no token"), "{why}");
    let (missing, _, _) = orgs(&dir, None, &["tokens", "list", "--org", "nope"]);
    assert!(!missing);
    drop(server);
    std::fs::remove_dir_all(dir).ok();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_replicas_see_each_others_changes_and_revocations_at_once() {
    let database = TestDatabase::create().await;
    let dir = scratch();
    let url = Some(database.url.as_str());
    let (_, alice, _) = orgs(&dir, url, &["users", "create", "--email", "alice@example.com"]);
    let alice = alice["bearer"].as_str().unwrap().to_owned();
    let envs = [("ORGS_DATABASE_URL", database.url.as_str())];
    let (one, two) = (
        ChildServer::start(&dir, &envs, None),
        ChildServer::start(&dir, &envs, None),
    );

    let created = post_to(
        one.addr,
        "/v1/organizations/create",
        Some(&alice),
        json!({"name": "Acme"}),
    )
    .await;
    let organization = created.body["organization"]["id"].clone();
    let renamed = post_to(
        one.addr,
        "/v1/organizations/update",
        Some(&alice),
        json!({"organizationId": organization, "name": "Renamed"}),
    )
    .await;
    assert_eq!(renamed.status, 200);
    let seen = post_to(
        two.addr,
        "/v1/organizations/get",
        Some(&alice),
        json!({"organizationId": organization}),
    )
    .await;
    assert_eq!(
        seen.body["organization"]["name"], "Renamed",
        "the other replica sees it at once"
    );

    let minted = post_to(
        two.addr,
        "/v1/organizations/tokens/create",
        Some(&alice),
        json!({"organizationId": organization}),
    )
    .await;
    let token = minted.body["apiToken"]["bearer"].as_str().unwrap().to_owned();
    for replica in [&one, &two] {
        assert_eq!(
            post_to(replica.addr, "/v1/organizations/list", Some(&token), json!({}))
                .await
                .status,
            200
        );
    }
    let key = token.split_once(':').unwrap().0;
    let (ok, _, why) = orgs(&dir, url, &["tokens", "revoke", key]);
    assert!(ok, "{why}");
    for replica in [&one, &two] {
        let answer = post_to(replica.addr, "/v1/organizations/list", Some(&token), json!({})).await;
        assert_eq!(
            answer.status, 401,
            "a replica still honoured a revoked token (its cache)"
        );
    }
    drop((one, two));
    database.drop_database().await;
    std::fs::remove_dir_all(dir).ok();
}
