//! Following one request by its id through the JSON logs.

use crate::child::ChildServer;
use crate::helpers::{post_to, send_to};
use hyper::Method;
use serde_json::{Value, json};
use std::process::Command;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_request_id_follows_the_request_into_its_log_line() {
    let dir = std::env::temp_dir().join(format!("orgs-trace-{}", uuid::Uuid::now_v7().simple()));
    std::fs::create_dir_all(&dir).unwrap();
    let made = Command::new(env!("CARGO_BIN_EXE_orgs-server"))
        .args(["users", "create", "--email", "t@example.com"])
        .current_dir(&dir)
        .output()
        .unwrap();
    let bearer = serde_json::from_slice::<Value>(&made.stdout).unwrap()["bearer"]
        .as_str()
        .unwrap()
        .to_owned();
    let log = dir.join("server.log");
    let server = ChildServer::start(&dir, &[("ORGS_LOG_LEVEL", "info")], Some(&log));

    let created = post_to(
        server.addr,
        "/v1/organizations/create",
        Some(&bearer),
        json!({"name": "Traced"}),
    )
    .await;
    let organization = created.body["organization"]["id"].as_str().unwrap().to_owned();
    let auth = format!("Bearer {bearer}");
    let body = json!({"organizationId": organization}).to_string();
    let headers = [
        ("authorization", auth.as_str()),
        ("content-type", "application/json"),
        ("x-request-id", "trace-me-123"),
    ];
    let traced = send_to(server.addr, Method::POST, "/v1/organizations/get", &headers, body).await;
    assert_eq!(traced.status, 200);
    assert_eq!(traced.headers["x-request-id"], "trace-me-123", "the id comes back");
    let untraced = post_to(server.addr, "/v1/organizations/list", Some(&bearer), json!({})).await;
    let minted = untraced.headers["x-request-id"].to_str().unwrap();
    assert!(
        uuid::Uuid::parse_str(minted).is_ok(),
        "one is made when none is sent: {minted}"
    );
    let minted = post_to(
        server.addr,
        "/v1/organizations/tokens/create",
        Some(&bearer),
        json!({"organizationId": organization}),
    )
    .await;
    let token = format!("Bearer {}", minted.body["apiToken"]["bearer"].as_str().unwrap());
    let as_token = [("authorization", token.as_str()), ("x-request-id", "token-call")];
    assert_eq!(
        send_to(server.addr, Method::POST, "/v1/organizations/list", &as_token, "")
            .await
            .status,
        200
    );
    let hostile = [("x-request-id", "two words")];
    let replaced = send_to(server.addr, Method::GET, "/healthz", &hostile, "").await;
    assert_ne!(replaced.headers["x-request-id"], "two words");

    assert_eq!(server.terminate().code(), Some(0));
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    let logs = std::fs::read_to_string(&log).unwrap();
    let lines: Vec<Value> = logs
        .lines()
        .map(|line| serde_json::from_str(line).expect("one JSON object per line"))
        .collect();
    let line = lines
        .iter()
        .find(|line| line["message"] == "request" && line["span"]["request_id"] == "trace-me-123")
        .unwrap_or_else(|| panic!("no request line carries the id:\n{logs}"));
    assert_eq!(line["span"]["operation"], "organizations.get");
    assert_eq!(line["span"]["caller"], "user");
    assert_eq!(line["span"]["organization"], organization.as_str());
    assert_eq!(line["span"]["status"], 200);
    assert_eq!(line["status"], 200);
    let by_token = lines
        .iter()
        .find(|line| line["message"] == "request" && line["span"]["request_id"] == "token-call")
        .expect("the token's request is logged");
    assert_eq!(by_token["span"]["caller"], "organization_token");
    assert_eq!(
        by_token["span"]["organization"],
        organization.as_str(),
        "a token's organization is its own"
    );
    std::fs::remove_dir_all(dir).ok();
}
