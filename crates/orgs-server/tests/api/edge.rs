//! The network edge over real HTTP: CORS for listed origins only, client addresses
//! forwarded by trusted proxies only, and per-credential request quotas.

use crate::helpers::{Answer, Db, TestApp, spawn_with};
use hyper::Method;
use serde_json::json;

const APP_ORIGIN: &str = "https://app.example.com";

fn cors_headers(answer: &Answer) -> Vec<String> {
    answer
        .headers
        .keys()
        .map(|name| name.as_str().to_owned())
        .filter(|name| name.starts_with("access-control-"))
        .collect()
}

async fn preflight(app: &TestApp, origin: &str) -> Answer {
    let headers = [
        ("origin", origin),
        ("access-control-request-method", "POST"),
        (
            "access-control-request-headers",
            "authorization, content-type, x-request-id",
        ),
    ];
    app.send(Method::OPTIONS, "/v1/organizations/create", &headers, "")
        .await
}

async fn create_from(app: &TestApp, origin: &str, authorization: &str) -> Answer {
    let headers = [
        ("origin", origin),
        ("authorization", authorization),
        ("content-type", "application/json"),
    ];
    app.send(Method::POST, "/v1/organizations/create", &headers, r#"{"name":"Acme"}"#)
        .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_listed_origin_gets_cors_answers_and_any_other_gets_none() {
    let app = spawn_with(
        Db::Sqlite,
        &[("ORGS_CORS_ORIGINS", &format!("{APP_ORIGIN}, http://localhost:5173"))],
    )
    .await;
    let alice = app.someone().await;
    let allowed = preflight(&app, APP_ORIGIN).await;
    assert_eq!(allowed.status, 204, "{allowed:?}");
    assert_eq!(allowed.headers["access-control-allow-origin"], APP_ORIGIN);
    assert_eq!(allowed.headers["access-control-allow-methods"], "POST");
    let headers = allowed.headers["access-control-allow-headers"]
        .to_str()
        .unwrap()
        .to_ascii_lowercase();
    for name in ["authorization", "content-type", "x-request-id"] {
        assert!(headers.contains(name), "{headers}");
    }
    assert!(allowed.headers.contains_key("access-control-max-age"));

    let auth = format!("Bearer {}", alice.bearer);
    let created = create_from(&app, APP_ORIGIN, &auth).await;
    assert_eq!(created.status, 200);
    assert_eq!(created.headers["access-control-allow-origin"], APP_ORIGIN);
    let vary = created.headers["vary"].to_str().unwrap().to_ascii_lowercase();
    assert!(vary.contains("origin"), "{vary}");
    let exposed = created.headers["access-control-expose-headers"]
        .to_str()
        .unwrap()
        .to_ascii_lowercase();
    assert!(
        exposed.contains("x-request-id") && exposed.contains("retry-after"),
        "{exposed}"
    );
    let refused = create_from(&app, APP_ORIGIN, "Bearer nope:nope").await;
    assert_eq!(refused.status, 401);
    assert_eq!(
        refused.headers["access-control-allow-origin"], APP_ORIGIN,
        "errors carry it too"
    );

    let stranger = preflight(&app, "https://evil.example.net").await;
    assert_ne!(stranger.status, 204);
    assert_eq!(cors_headers(&stranger), Vec::<String>::new());
    let cross = create_from(&app, "https://evil.example.net", &auth).await;
    assert_eq!(cors_headers(&cross), Vec::<String>::new());
    assert!(!cross.headers.contains_key("vary"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_listed_origins_no_answer_has_cors_headers() {
    let app = spawn_with(Db::Sqlite, &[]).await;
    let preflight = app
        .send(
            Method::OPTIONS,
            "/v1/organizations/list",
            &[("origin", APP_ORIGIN), ("access-control-request-method", "POST")],
            "",
        )
        .await;
    assert_eq!(cors_headers(&preflight), Vec::<String>::new());
}

async fn ip_recorded_for(app: &TestApp, headers: &[(&str, &str)]) -> String {
    let alice = app.someone().await;
    let auth = format!("Bearer {}", alice.bearer);
    let mut all = vec![("authorization", auth.as_str()), ("content-type", "application/json")];
    all.extend_from_slice(headers);
    let created = app
        .send(Method::POST, "/v1/organizations/create", &all, r#"{"name":"Acme"}"#)
        .await;
    let org = created.body["organization"]["id"].as_str().unwrap().to_owned();
    let log = app
        .post(
            "/v1/organizations/audit-log/list",
            Some(&alice.bearer),
            json!({"organizationId": org}),
        )
        .await;
    log.body["events"][0]["ipAddress"].as_str().unwrap().to_owned()
}

/// Wrong credentials from one address until it is refused; `headers` say where from.
async fn refused_after(app: &TestApp, headers: &[(&str, &str)]) -> Option<usize> {
    for attempt in 1..=10 {
        let mut all = vec![
            ("authorization", "Bearer key:wrong"),
            ("content-type", "application/json"),
        ];
        all.extend_from_slice(headers);
        let answer = app.send(Method::POST, "/v1/organizations/list", &all, "{}").await;
        if answer.status == 429 {
            return Some(attempt);
        }
        assert_eq!(answer.status, 401);
    }
    None
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_trusted_proxy_forwards_the_client_address_and_nobody_else_can() {
    let limit = [("ORGS_AUTH_FAILURE_LIMIT", "3")];
    let trusting = spawn_with(
        Db::Sqlite,
        &[limit[0], ("ORGS_TRUSTED_PROXIES", "127.0.0.1/32, 10.0.0.0/8")],
    )
    .await;
    assert_eq!(
        ip_recorded_for(&trusting, &[("x-forwarded-for", "1.2.3.4, 203.0.113.9")]).await,
        "203.0.113.9"
    );
    assert_eq!(
        ip_recorded_for(&trusting, &[("x-forwarded-for", "203.0.113.7, 10.9.9.9")]).await,
        "203.0.113.7"
    );
    assert_eq!(ip_recorded_for(&trusting, &[]).await, "127.0.0.1");
    // Failures count per forwarded client: one client's wrong guesses lock out only it.
    assert_eq!(
        refused_after(&trusting, &[("x-forwarded-for", "198.51.100.1")]).await,
        Some(4)
    );
    assert_eq!(
        refused_after(&trusting, &[("x-forwarded-for", "198.51.100.2")]).await,
        Some(4)
    );

    let direct = spawn_with(Db::Sqlite, &limit).await;
    assert_eq!(
        ip_recorded_for(&direct, &[("x-forwarded-for", "203.0.113.9")]).await,
        "127.0.0.1"
    );
    // A client forging a new address each time is still one address.
    let mut answers = Vec::new();
    for forged in ["198.51.100.1", "198.51.100.2", "198.51.100.3", "198.51.100.4"] {
        let all = [
            ("authorization", "Bearer key:wrong"),
            ("content-type", "application/json"),
            ("x-forwarded-for", forged),
        ];
        answers.push(
            direct
                .send(Method::POST, "/v1/organizations/list", &all, "{}")
                .await
                .status,
        );
    }
    assert_eq!(answers, [401, 401, 401, 429]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_credential_over_its_quota_waits_while_another_is_untouched() {
    let app = spawn_with(Db::Sqlite, &[("ORGS_REQUEST_RATE_LIMIT", "2")]).await;
    let (alice, bob) = (app.someone().await, app.someone().await);
    let first = app.post("/v1/organizations/list", Some(&alice.bearer), json!({})).await;
    assert_eq!(first.status, 200);
    assert_eq!(first.headers["ratelimit-limit"], "4", "a burst of twice the rate");
    assert_eq!(first.headers["ratelimit-remaining"], "3");
    assert!(
        first.headers["ratelimit-reset"]
            .to_str()
            .unwrap()
            .parse::<u64>()
            .unwrap()
            >= 1
    );
    let mut statuses = Vec::new();
    let mut over = None;
    for _ in 0..6 {
        let answer = app.post("/v1/organizations/list", Some(&alice.bearer), json!({})).await;
        statuses.push(answer.status);
        if answer.status == 429 {
            over = Some(answer);
            break;
        }
    }
    let over = over.unwrap_or_else(|| panic!("never limited: {statuses:?}"));
    assert_eq!(over.code(), "rate_limited");
    assert_eq!(over.headers["ratelimit-remaining"], "0");
    let wait: u64 = over.headers["retry-after"].to_str().unwrap().parse().unwrap();
    assert_eq!(wait, 1, "a request's worth comes back within half a second");
    let untouched = app.post("/v1/organizations/list", Some(&bob.bearer), json!({})).await;
    assert_eq!(untouched.status, 200);
    assert_eq!(untouched.headers["ratelimit-remaining"], "3");
    tokio::time::sleep(std::time::Duration::from_millis(600)).await;
    let later = app.post("/v1/organizations/list", Some(&alice.bearer), json!({})).await;
    assert_eq!(later.status, 200, "a request's worth came back after half a second");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_a_quota_answers_carry_no_ratelimit_headers() {
    let app = spawn_with(Db::Sqlite, &[]).await;
    let alice = app.someone().await;
    let answer = app.post("/v1/organizations/list", Some(&alice.bearer), json!({})).await;
    assert!(!answer.headers.contains_key("ratelimit-limit"));
}
