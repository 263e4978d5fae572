//! Secrets never reach the logs: a full scenario against the real binary, logging JSON at
//! the most verbose level, and not one bearer secret, invitation token, join code or JWT
//! in any line.

use crate::child::ChildServer;
use crate::helpers::{Answer, post_to};
use jsonwebtoken::{Algorithm, EncodingKey, Header, encode};
use serde_json::{Value, json};
use std::process::{Command, Stdio};
use std::time::Duration;

const JWT_SECRET: &str = "the-jwt-signing-secret-for-this-test";

fn binary(dir: &std::path::Path, log: &std::path::Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_orgs-server"));
    let log = std::fs::OpenOptions::new().create(true).append(true).open(log).unwrap();
    command
        .current_dir(dir)
        .env("ORGS_LOG_FORMAT", "json")
        .env("ORGS_LOG_LEVEL", "trace")
        .env("ORGS_JWT_HS256_SECRET", JWT_SECRET)
        .stderr(Stdio::from(log));
    command
}

fn bearer_of(dir: &std::path::Path, log: &std::path::Path, email: &str) -> String {
    let out = binary(dir, log)
        .args(["users", "create", "--email", email])
        .output()
        .unwrap();
    assert!(out.status.success());
    let made: Value = serde_json::from_slice(&out.stdout).unwrap();
    made["bearer"].as_str().unwrap().to_owned()
}

fn secret_of(bearer: &str) -> String {
    bearer.split_once(':').unwrap().1.to_owned()
}

async fn ok(answer: Answer) -> Value {
    assert_eq!(answer.status, 200, "{answer:?}");
    answer.body
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_secret_appears_in_the_most_verbose_json_logs() {
    let dir = std::env::temp_dir().join(format!("orgs-secrets-{}", uuid::Uuid::now_v7().simple()));
    std::fs::create_dir_all(&dir).unwrap();
    let log = dir.join("server.log");
    let alice = bearer_of(&dir, &log, "alice@example.com");
    let bob = bearer_of(&dir, &log, "bob@example.com");

    let envs = [("ORGS_LOG_LEVEL", "trace"), ("ORGS_JWT_HS256_SECRET", JWT_SECRET)];
    let server = ChildServer::start(&dir, &envs, Some(&log));
    let addr = server.addr;

    let created = ok(post_to(addr, "/v1/organizations/create", Some(&alice), json!({"name": "Acme"})).await).await;
    let organization = created["organization"]["id"].as_str().unwrap().to_owned();
    let minted = ok(post_to(
        addr,
        "/v1/organizations/tokens/create",
        Some(&alice),
        json!({"organizationId": organization}),
    )
    .await)
    .await;
    let org_token = minted["apiToken"]["bearer"].as_str().unwrap().to_owned();
    ok(post_to(
        addr,
        "/v1/organizations/members/list",
        Some(&org_token),
        json!({"organizationId": organization}),
    )
    .await)
    .await;
    let invited = ok(post_to(
        addr,
        "/v1/organizations/invitations/create",
        Some(&alice),
        json!({"organizationId": organization, "email": "bob@example.com"}),
    )
    .await)
    .await;
    let invitation_token = invited["token"].as_str().unwrap().to_owned();
    ok(post_to(
        addr,
        "/v1/organizations/invitations/accept",
        Some(&bob),
        json!({"token": invitation_token}),
    )
    .await)
    .await;
    let code = ok(post_to(
        addr,
        "/v1/organizations/join-codes/create",
        Some(&alice),
        json!({"organizationId": organization}),
    )
    .await)
    .await;
    let join_code = code["code"].as_str().unwrap().to_owned();
    let claims = json!({"sub": "carol", "email": "carol@example.com", "exp": chrono::Utc::now().timestamp() + 600});
    let jwt = encode(
        &Header::new(Algorithm::HS256),
        &claims,
        &EncodingKey::from_secret(JWT_SECRET.as_bytes()).unwrap(),
    )
    .unwrap();
    ok(post_to(
        addr,
        "/v1/organizations/join-codes/join",
        Some(&jwt),
        json!({"code": join_code}),
    )
    .await)
    .await;
    // Failures log too, and must not echo what was presented.
    let (alice_key, _) = alice.split_once(':').unwrap();
    let wrong = format!("{alice_key}:WrongSecretThatMustNotBeLogged0123456789abcd");
    assert_eq!(
        post_to(addr, "/v1/organizations/list", Some(&wrong), json!({}))
            .await
            .status,
        401
    );
    let bad_guess = post_to(
        addr,
        "/v1/organizations/invitations/accept",
        Some(&bob),
        json!({"token": "inv_GuessThatMustNotBeLogged"}),
    )
    .await;
    assert_eq!(bad_guess.status, 404);

    let wrong_code = post_to(
        addr,
        "/v1/organizations/join-codes/join",
        Some(&bob),
        json!({"code": "ZZZZ-YYYY-XXXX-WWWW"}),
    )
    .await;
    assert_eq!(wrong_code.status, 404);

    assert_eq!(server.terminate().code(), Some(0));
    // The log thread may still be writing the last lines.
    tokio::time::sleep(Duration::from_millis(200)).await;

    let logs = std::fs::read_to_string(&log).unwrap();
    let lines: Vec<&str> = logs.lines().filter(|line| !line.trim().is_empty()).collect();
    assert!(
        lines.len() > 20,
        "the trace level logged almost nothing: {} lines",
        lines.len()
    );
    for line in &lines {
        assert!(
            serde_json::from_str::<Value>(line).is_ok(),
            "not one JSON object per line: {line}"
        );
    }
    let normalized_code = join_code.replace('-', "");
    let secrets = [
        ("alice's secret", secret_of(&alice)),
        ("bob's secret", secret_of(&bob)),
        ("the organization token's secret", secret_of(&org_token)),
        ("the invitation token", invitation_token.clone()),
        ("the join code", join_code.clone()),
        ("the join code, normalized", normalized_code),
        ("the JWT", jwt.clone()),
        ("the JWT's signature", jwt.rsplit('.').next().unwrap().to_owned()),
        ("the JWT signing secret", JWT_SECRET.to_owned()),
        ("a wrong secret", "WrongSecretThatMustNotBeLogged".to_owned()),
        ("a wrong invitation guess", "GuessThatMustNotBeLogged".to_owned()),
        ("a wrong join-code guess", "ZZZZ-YYYY-XXXX-WWWW".to_owned()),
        ("a wrong join-code guess, normalized", "ZZZZYYYYXXXXWWWW".to_owned()),
    ];
    for (what, secret) in secrets {
        assert!(!logs.contains(&secret), "{what} appears in the logs");
    }
    std::fs::remove_dir_all(dir).ok();
}
