//! Delivery across process lifetimes: deliveries owed when a server is killed with
//! SIGKILL are made after it starts again, and two servers on one PostgreSQL database
//! deliver every event once between them.

use crate::child::ChildServer;
use crate::helpers::{post_to, settings_from};
use crate::receiver::{Receiver, secret};
use orgs_postgres::test_database::TestDatabase;
use orgs_server::serve::app_state;
use orgs_server::storage::Backend;
use serde_json::json;
use std::collections::HashMap;
use std::net::SocketAddr;
use std::time::Duration;

/// Registers an endpoint and makes a user, on the store the URL names, as the operator
/// would with `webhooks add` and `users create`; returns the user's bearer.
async fn prepare(database_url: &str, webhook: &str, secret: &str) -> String {
    let settings = settings_from(&[("ORGS_DATABASE_URL", database_url), ("ORGS_LOG_LEVEL", "warn")]);
    let backend = Backend::open(&settings).await.unwrap();
    backend.migrate().await.unwrap();
    let state = app_state(backend.store(), &settings).unwrap();
    state.app.add_webhook(webhook.to_owned(), vec![], secret).await.unwrap();
    let email = orgs_core::Email::parse(&format!("{}@example.com", uuid::Uuid::now_v7().simple())).unwrap();
    state.app.create_user_token(email).await.unwrap().token.bearer()
}

async fn create_organizations(servers: &[SocketAddr], bearer: &str, count: usize) {
    for n in 0..count {
        let answer = post_to(
            servers[n % servers.len()],
            "/v1/organizations/create",
            Some(bearer),
            json!({"name": format!("Org {n}")}),
        )
        .await;
        assert_eq!(answer.status, 200, "{answer:?}");
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

async fn a_killed_server_delivers_what_it_owed_after_restarting(database_url: &str, dir: &std::path::Path) {
    const ORGANIZATIONS: usize = 20;
    let (secret, port) = (secret(), free_port());
    let bearer = prepare(database_url, &format!("http://127.0.0.1:{port}/ok"), &secret).await;
    // Nobody listens yet: every attempt fails and the deliveries stay owed.
    let envs = [
        ("ORGS_DATABASE_URL", database_url),
        ("ORGS_WEBHOOK_RETRY_DELAY", "200ms"),
        ("ORGS_WEBHOOK_TIMEOUT", "1s"),
    ];
    let server = ChildServer::start(dir, &envs, None);
    create_organizations(&[server.addr], &bearer, ORGANIZATIONS).await;
    server.kill();
    let receiver = Receiver::start(&secret, Some(port));
    let _restarted = ChildServer::start(dir, &envs, None);
    // An attempt cut short by the kill keeps its lease (2 x timeout + 10 s) before it is
    // anyone's again.
    let received = receiver
        .wait_for(Duration::from_secs(30), |got| {
            got.iter()
                .map(|d| d.id.as_str())
                .collect::<std::collections::HashSet<_>>()
                .len()
                == 2 * ORGANIZATIONS
        })
        .await;
    assert!(received.iter().all(|delivery| delivery.verified));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_killed_server_delivers_what_it_owed_after_restarting_on_sqlite() {
    let dir = std::env::temp_dir().join(format!("orgs-kill-{}", uuid::Uuid::now_v7().simple()));
    std::fs::create_dir_all(&dir).unwrap();
    let url = format!("sqlite://{}", dir.join("orgs.db").display());
    a_killed_server_delivers_what_it_owed_after_restarting(&url, &dir).await;
    std::fs::remove_dir_all(dir).ok();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_killed_server_delivers_what_it_owed_after_restarting_on_postgres() {
    let database = TestDatabase::create().await;
    a_killed_server_delivers_what_it_owed_after_restarting(&database.url, &std::env::temp_dir()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_servers_on_one_database_deliver_every_event_once() {
    const ORGANIZATIONS: usize = 150;
    let database = TestDatabase::create().await;
    let secret = secret();
    let receiver = Receiver::start(&secret, None);
    let bearer = prepare(&database.url, &receiver.url("/ok"), &secret).await;
    let dir = std::env::temp_dir();
    let envs = [("ORGS_DATABASE_URL", database.url.as_str())];
    let (one, two) = (
        ChildServer::start(&dir, &envs, None),
        ChildServer::start(&dir, &envs, None),
    );
    // Both write and both deliver, at the same time.
    let (forwards, backwards) = ([one.addr, two.addr], [two.addr, one.addr]);
    tokio::join!(
        create_organizations(&forwards, &bearer, ORGANIZATIONS / 2),
        create_organizations(&backwards, &bearer, ORGANIZATIONS / 2),
    );
    let expected = 2 * ORGANIZATIONS;
    receiver
        .wait_for(Duration::from_secs(20), |got| got.len() >= expected)
        .await;
    // Anything sent twice would arrive within a moment of the first.
    tokio::time::sleep(Duration::from_millis(700)).await;
    let received = receiver.received();
    let mut times: HashMap<&str, usize> = HashMap::new();
    for delivery in &received {
        assert!(delivery.verified);
        *times.entry(delivery.id.as_str()).or_default() += 1;
    }
    assert_eq!(times.len(), expected, "every event arrived");
    let twice: Vec<_> = times.iter().filter(|(_, n)| **n > 1).collect();
    assert!(twice.is_empty(), "delivered more than once while both lived: {twice:?}");
}
