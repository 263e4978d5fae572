//! The operator's event commands, run as the binary: `webhooks add | list | remove |
//! deliveries | retry` and `audit list`, against the same SQLite file a server uses.

use crate::child::ChildServer;
use crate::helpers::post_to;
use serde_json::{Value, json};
use std::path::Path;
use std::process::Command;

fn run(dir: &Path, args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_orgs-server"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn json_of(dir: &Path, args: &[&str]) -> Value {
    let (ok, stdout, stderr) = run(dir, args);
    assert!(ok, "{args:?}: {stderr}");
    serde_json::from_str(&stdout).unwrap()
}

fn lines_of(dir: &Path, args: &[&str]) -> Vec<Value> {
    let (ok, stdout, stderr) = run(dir, args);
    assert!(ok, "{args:?}: {stderr}");
    stdout.lines().map(|line| serde_json::from_str(line).unwrap()).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn webhooks_and_the_audit_log_from_the_command_line() {
    let dir = std::env::temp_dir().join(format!("orgs-cli-events-{}", uuid::Uuid::now_v7().simple()));
    std::fs::create_dir_all(&dir).unwrap();
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let url = format!("http://{closed}/hook");
    let added = json_of(
        &dir,
        &[
            "webhooks",
            "add",
            "--url",
            &url,
            "--events",
            "organization.created,member.added",
        ],
    );
    let secret = added["secret"].as_str().unwrap();
    assert!(
        secret.starts_with("whsec_") && secret.len() == "whsec_".len() + 44,
        "{added}"
    );
    assert_eq!(added["url"], url);
    assert_eq!(added["events"], json!(["organization.created", "member.added"]));
    for bad in [
        &["webhooks", "add", "--url", "ftp://example.com/"][..],
        &["webhooks", "add", "--url", &url, "--events", "member.deleted"][..],
    ] {
        let (ok, stdout, _) = run(&dir, bad);
        assert!(!ok && stdout.is_empty(), "{bad:?}");
    }
    let listed = json_of(&dir, &["webhooks", "list"]);
    assert_eq!(listed.as_array().unwrap().len(), 1, "the refused ones were not added");
    assert_eq!(listed[0]["id"], added["id"]);
    assert!(!listed.to_string().contains(secret), "list never shows the secret");

    // A server on the same file makes the events; the endpoint is down, so they stay owed.
    let user = json_of(&dir, &["users", "create", "--email", "ops@example.com"]);
    let server = ChildServer::start(&dir, &[("ORGS_WEBHOOK_RETRY_DELAY", "1h")], None);
    let created = post_to(
        server.addr,
        "/v1/organizations/create",
        user["bearer"].as_str(),
        json!({"name": "Ops"}),
    )
    .await;
    let organization = created.body["organization"]["id"].as_str().unwrap().to_owned();
    let events = lines_of(&dir, &["audit", "list", "--org", &organization]);
    let actions: Vec<&str> = events.iter().map(|event| event["action"].as_str().unwrap()).collect();
    assert_eq!(actions, ["member.added", "organization.created"], "newest first");
    assert_eq!(
        lines_of(&dir, &["audit", "list", "--org", &organization, "--limit", "1"]).len(),
        1
    );
    let only = lines_of(
        &dir,
        &[
            "audit",
            "list",
            "--org",
            &organization,
            "--action",
            "organization.created",
        ],
    );
    assert_eq!(only.len(), 1);

    let started = std::time::Instant::now();
    let deliveries = loop {
        let deliveries = lines_of(&dir, &["webhooks", "deliveries"]);
        if deliveries.iter().all(|d| !d["attempts"].as_array().unwrap().is_empty()) {
            break deliveries;
        }
        assert!(started.elapsed().as_secs() < 10, "no attempt was made: {deliveries:?}");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    };
    assert_eq!(deliveries.len(), 2);
    assert!(deliveries.iter().all(|d| d["state"] == "pending"), "{deliveries:?}");
    assert_eq!(deliveries[0]["attempts"][0]["error"], "could not connect");
    assert!(lines_of(&dir, &["webhooks", "deliveries", "--failed"]).is_empty());
    let (ok, _, stderr) = run(&dir, &["webhooks", "retry", &deliveries[0]["id"].to_string()]);
    assert!(!ok && stderr.contains("not a failed one"), "{stderr}");
    server.terminate();

    let id = added["id"].as_str().unwrap();
    assert_eq!(
        json_of(&dir, &["webhooks", "remove", id]),
        json!({"id": id, "removed": true})
    );
    assert_eq!(json_of(&dir, &["webhooks", "list"]), json!([]));
    assert!(
        lines_of(&dir, &["webhooks", "deliveries"]).is_empty(),
        "its deliveries went with it"
    );
    let (ok, _, _) = run(&dir, &["webhooks", "remove", id]);
    assert!(!ok, "removing twice");
    std::fs::remove_dir_all(dir).ok();
}
