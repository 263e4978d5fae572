//! Wire rules that hold for every path: the JSON envelope on every error, body limits,
//! methods, unknown paths, and the operational endpoints.

use crate::helpers::{Answer, Db, futures_join_all, spawn, spawn_with};
use hyper::Method;
use serde_json::json;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_refusal_uses_the_json_envelope() {
    let app = spawn(Db::Sqlite).await;
    let alice = app.someone().await;
    let auth = format!("Bearer {}", alice.bearer);
    let json_headers = [("authorization", auth.as_str()), ("content-type", "application/json")];

    let unknown = app
        .send(Method::POST, "/v1/organizations/nope", &json_headers, "{}")
        .await;
    assert_eq!((unknown.status, unknown.code()), (404, "not_found"));
    let wrong_method = app.send(Method::GET, "/v1/organizations/list", &json_headers, "").await;
    assert_eq!((wrong_method.status, wrong_method.code()), (405, "method_not_allowed"));
    assert_eq!(wrong_method.headers["allow"], "POST");
    let malformed = app
        .send(Method::POST, "/v1/organizations/create", &json_headers, "{\"name\": ")
        .await;
    assert_eq!((malformed.status, malformed.code()), (400, "invalid_request"));
    let unknown_field = app
        .send(
            Method::POST,
            "/v1/organizations/create",
            &json_headers,
            r#"{"name":"a","colour":"red"}"#,
        )
        .await;
    assert_eq!(unknown_field.status, 400);
    assert!(
        unknown_field.body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("colour")
    );
    let not_an_object = app
        .send(Method::POST, "/v1/organizations/create", &json_headers, "[]")
        .await;
    assert_eq!(not_an_object.status, 400);
    let form = app
        .send(
            Method::POST,
            "/v1/organizations/create",
            &[
                ("authorization", &auth),
                ("content-type", "application/x-www-form-urlencoded"),
            ],
            "name=a",
        )
        .await;
    assert_eq!((form.status, form.code()), (400, "invalid_request"));
    for answer in [
        &unknown,
        &wrong_method,
        &malformed,
        &unknown_field,
        &not_an_object,
        &form,
    ] {
        assert_eq!(answer.headers["content-type"], "application/json");
        assert!(answer.body["error"]["message"].as_str().is_some_and(|m| !m.is_empty()));
    }
}

/// schemathesis found both accepted with `200` (ST201): a body that is not one JSON
/// object is refused even by endpoints that take no input.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_an_empty_body_or_one_object_is_accepted() {
    let app = spawn(Db::Sqlite).await;
    let alice = app.someone().await;
    let auth = format!("Bearer {}", alice.bearer);
    let headers = [("authorization", auth.as_str()), ("content-type", "application/json")];
    for (path, body) in [
        ("/v1/organizations/list", "[null, null]"),
        ("/v1/organizations/roles", " "),
        ("/v1/organizations/roles", "\r\n"),
        ("/v1/organizations/list", "null"),
        ("/v1/organizations/list", "\"x\""),
        ("/v1/organizations/create", "[\"Acme\"]"),
    ] {
        let refused = app.send(Method::POST, path, &headers, body).await;
        assert_eq!(
            (refused.status, refused.code()),
            (400, "invalid_request"),
            "{path} {body:?}"
        );
    }
    for (path, body) in [
        ("/v1/organizations/roles", ""),
        ("/v1/organizations/list", "{}"),
        ("/v1/organizations/list", " {} "),
    ] {
        let accepted = app.send(Method::POST, path, &headers, body).await;
        assert_eq!(accepted.status, 200, "{path} {body:?}: {accepted:?}");
    }
    let listed = app.post("/v1/organizations/list", Some(&alice.bearer), json!({})).await;
    assert_eq!(
        listed.body["organizations"].as_array().unwrap().len(),
        0,
        "the refused create made nothing"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bodies_over_64_kib_are_refused_and_change_nothing() {
    let app = spawn(Db::Sqlite).await;
    let alice = app.someone().await;
    let huge = json!({"name": "x".repeat(70 * 1024)});
    let answer = app.post("/v1/organizations/create", Some(&alice.bearer), huge).await;
    assert_eq!((answer.status, answer.code()), (413, "payload_too_large"));
    let just_under = format!("{{\"name\": \"Acme\"{}}}", " ".repeat(64 * 1024 - 20));
    let fits = app
        .send(
            Method::POST,
            "/v1/organizations/create",
            &[
                ("authorization", &format!("Bearer {}", alice.bearer)),
                ("content-type", "application/json"),
            ],
            just_under,
        )
        .await;
    assert_eq!(fits.status, 200);
    let listed = app.post("/v1/organizations/list", Some(&alice.bearer), json!({})).await;
    assert_eq!(listed.body["organizations"].as_array().unwrap().len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn operational_endpoints_answer() {
    let app = spawn(Db::Sqlite).await;
    let health = app.send(Method::GET, "/healthz", &[], "").await;
    assert_eq!(health.status, 200);
    let ready = app.send(Method::GET, "/readyz", &[], "").await;
    assert_eq!(ready.status, 200);
    let spec = app.send(Method::GET, "/openapi.json", &[], "").await;
    assert_eq!(spec.status, 200);
    assert_eq!(spec.body, serde_json::to_value(orgs_http::openapi()).unwrap());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn readyz_fails_while_the_database_is_unreachable() {
    // Nothing listens on port 1; the pool gives up after the configured timeout.
    let mut app = spawn(Db::Sqlite).await;
    let unreachable = [
        ("ORGS_DATABASE_URL", "postgres://postgres@127.0.0.1:1/none"),
        ("ORGS_DATABASE_TIMEOUT", "300ms"),
    ];
    let mut settings = crate::helpers::settings_from(&unreachable);
    settings.listen = "127.0.0.1:0".into();
    let backend = orgs_server::storage::Backend::open(&settings).await.unwrap();
    let state = orgs_server::serve::app_state(backend.store(), &settings).unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    app.addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        axum::serve(
            listener,
            orgs_http::router(state, orgs_http::Limits::default(), orgs_http::Edge::default()),
        )
        .await
    });
    let ready = app.send(Method::GET, "/readyz", &[], "").await;
    assert_eq!((ready.status, ready.code()), (503, "unavailable"));
    let health = app.send(Method::GET, "/healthz", &[], "").await;
    assert_eq!(health.status, 200);
    let call = app
        .post("/v1/organizations/list", Some("orgs_user_x:y"), json!({}))
        .await;
    assert_eq!((call.status, call.code()), (503, "unavailable"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn requests_past_the_concurrency_cap_are_shed_with_503() {
    let app = spawn_with(Db::Sqlite, &[("ORGS_MAX_CONCURRENT_REQUESTS", "1")]).await;
    let owner = app.someone().await;
    let organization = app.organization(&owner).await;
    // Minting hashes with argon2, so each call holds its slot for tens of milliseconds.
    let calls = (0..8).map(|_| {
        app.post(
            "/v1/organizations/tokens/create",
            Some(&owner.bearer),
            json!({"organizationId": organization}),
        )
    });
    let answers = futures_join_all(calls).await;
    let shed: Vec<&Answer> = answers.iter().filter(|a| a.status == 503).collect();
    assert!(
        !shed.is_empty(),
        "eight concurrent mints under a cap of one all got through"
    );
    assert!(answers.iter().any(|a| a.status == 200));
    assert!(shed.iter().all(|a| a.code() == "unavailable"));
    assert_eq!(
        app.send(Method::GET, "/healthz", &[], "").await.status,
        200,
        "health checks are not shed"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn requests_past_the_timeout_are_abandoned_with_503() {
    let app = spawn_with(Db::Sqlite, &[("ORGS_REQUEST_TIMEOUT", "1ms")]).await;
    let owner = app.someone().await;
    let organization = orgs_store_tests::seed_organization(&app.store, &[(owner.id, orgs_core::Role::OWNER)]).await;
    let slow = app
        .post(
            "/v1/organizations/tokens/create",
            Some(&owner.bearer),
            json!({"organizationId": organization.id.to_string()}),
        )
        .await;
    assert_eq!((slow.status, slow.code()), (503, "unavailable"));
}
