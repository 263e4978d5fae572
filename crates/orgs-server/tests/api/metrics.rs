//! `GET /metrics`: what a Prometheus scrape shows after some traffic.

use crate::helpers::{Db, send_to, spawn_with};
use hyper::Method;
use serde_json::json;

/// The value of the one sample whose line starts with `series`.
fn sample(text: &str, series: &str) -> f64 {
    let line = text
        .lines()
        .find(|line| line.starts_with(series))
        .unwrap_or_else(|| panic!("no {series} in\n{text}"));
    line.rsplit(' ').next().unwrap().parse().unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_scrape_shows_requests_latency_pool_cache_and_refusals() {
    let app = spawn_with(
        Db::Sqlite,
        &[("ORGS_AUTH_FAILURE_LIMIT", "1"), ("ORGS_GUESS_FAILURE_LIMIT", "1")],
    )
    .await;
    let alice = app.someone().await;
    let status = |answer: crate::helpers::Answer| answer.status;
    for _ in 0..3 {
        assert_eq!(
            status(
                app.post("/v1/organizations/create", Some(&alice.bearer), json!({"name": "M"}))
                    .await
            ),
            200
        );
    }
    // Guesses before the failed authentications, which block this address for a while.
    let guess = json!({"token": "inv_wrong"});
    let accept = "/v1/organizations/invitations/accept";
    assert_eq!(status(app.post(accept, Some(&alice.bearer), guess.clone()).await), 404);
    assert_eq!(status(app.post(accept, Some(&alice.bearer), guess).await), 429);
    assert_eq!(
        status(app.post("/v1/organizations/nope", Some(&alice.bearer), json!({})).await),
        404
    );
    assert_eq!(
        status(
            app.post("/v1/organizations/list", Some("orgs_user_x:y"), json!({}))
                .await
        ),
        401
    );
    assert_eq!(
        status(
            app.post("/v1/organizations/list", Some("orgs_user_x:y"), json!({}))
                .await
        ),
        429
    );

    let scrape = send_to(app.addr, Method::GET, "/metrics", &[], "").await;
    assert_eq!(scrape.status, 200);
    assert!(
        scrape.headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/openmetrics-text")
    );
    // The body is OpenMetrics text, not JSON; fetch it raw.
    let text = metrics_text(&app).await;
    assert_eq!(
        sample(
            &text,
            r#"orgs_http_requests_total{operation="organizations.create",status="200"}"#
        ),
        3.0
    );
    assert_eq!(
        sample(&text, r#"orgs_http_requests_total{operation="unknown",status="404"}"#),
        1.0,
        "paths never become labels"
    );
    assert_eq!(
        sample(
            &text,
            r#"orgs_http_request_duration_seconds_count{operation="organizations.create"}"#
        ),
        3.0
    );
    let all_under_sixteen_seconds = text.lines().any(|line| {
        line.starts_with("orgs_http_request_duration_seconds_bucket{")
            && line.contains(r#"operation="organizations.create""#)
            && line.contains(r#"le="16.384""#)
            && line.ends_with(" 3")
    });
    assert!(all_under_sixteen_seconds, "{text}");
    assert_eq!(
        sample(&text, r#"orgs_db_pool_connections{state="max"}"#),
        8.0,
        "the test server's pool size"
    );
    assert!(sample(&text, "orgs_db_transaction_begin_seconds_count") >= 3.0);
    assert_eq!(
        sample(&text, r#"orgs_credential_cache_lookups_total{result="miss"}"#),
        1.0,
        "argon2 ran once for alice"
    );
    assert_eq!(
        sample(&text, r#"orgs_credential_cache_lookups_total{result="hit"}"#),
        4.0,
        "three creates and two accepts, after the first"
    );
    assert_eq!(
        sample(&text, r#"orgs_rate_limit_refusals_total{limit="authentication"}"#),
        1.0
    );
}

pub async fn metrics_text(app: &crate::helpers::TestApp) -> String {
    use http_body_util::BodyExt;
    let client = hyper_util::client::legacy::Client::builder(hyper_util::rt::TokioExecutor::new())
        .build_http::<http_body_util::Full<axum::body::Bytes>>();
    let request = hyper::Request::get(format!("http://{}/metrics", app.addr))
        .body(Default::default())
        .unwrap();
    let response = client.request(request).await.unwrap();
    String::from_utf8(response.into_body().collect().await.unwrap().to_bytes().to_vec()).unwrap()
}
