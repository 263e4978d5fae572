//! Who is calling: personal tokens, organization tokens, JWTs (HS256 and a JWKS file).

use crate::helpers::{Db, TestApp, spawn, spawn_with};
use crate::on_both_stores;
use jsonwebtoken::{Algorithm, EncodingKey, Header, encode};
use serde_json::{Value, json};

on_both_stores!(
    bad_credentials_are_refused_with_a_challenge,
    hs256_jwt_users_are_created_on_first_use,
    jwt_rules_are_enforced,
    a_jwt_user_is_a_full_user,
);

const SECRET: &str = "an-hs256-secret-for-the-tests-only";

fn hs256(claims: Value) -> String {
    encode(
        &Header::new(Algorithm::HS256),
        &claims,
        &EncodingKey::from_secret(SECRET.as_bytes()).unwrap(),
    )
    .unwrap()
}

fn in_an_hour() -> i64 {
    chrono::Utc::now().timestamp() + 3600
}

async fn list(app: &TestApp, bearer: Option<&str>) -> crate::helpers::Answer {
    app.post("/v1/organizations/list", bearer, json!({})).await
}

async fn bad_credentials_are_refused_with_a_challenge(db: Db) {
    let app = spawn(db).await;
    let alice = app.someone().await;
    let (key, _) = alice.bearer.split_once(':').unwrap();
    let wrong_secret = format!("{key}:not-the-secret");
    for bearer in [
        None,
        Some(""),
        Some("garbage"),
        Some("nokey:nosecret"),
        Some(wrong_secret.as_str()),
        Some("a.b.c"),
    ] {
        let answer = list(&app, bearer).await;
        assert_eq!((answer.status, answer.code()), (401, "unauthenticated"), "{bearer:?}");
        assert_eq!(answer.headers["www-authenticate"], "Bearer");
    }
    let basic = app
        .send(
            hyper::Method::POST,
            "/v1/organizations/list",
            &[("authorization", &format!("Basic {}", alice.bearer))],
            "{}",
        )
        .await;
    assert_eq!(basic.status, 401);
    assert_eq!(list(&app, Some(&alice.bearer)).await.status, 200);
    // Authentication comes before the body: a bad body from nobody is still a 401.
    let unauthenticated_bad_body = app
        .send(hyper::Method::POST, "/v1/organizations/create", &[], "{not json")
        .await;
    assert_eq!(unauthenticated_bad_body.status, 401);
}

async fn hs256_jwt_users_are_created_on_first_use(db: Db) {
    let app = spawn_with(
        db,
        &[
            ("ORGS_JWT_HS256_SECRET", SECRET),
            ("ORGS_JWT_ISSUER", "https://idp.test"),
        ],
    )
    .await;
    let claims = json!({"sub": "user-1", "email": "Jay@Example.com", "exp": in_an_hour(), "iss": "https://idp.test"});
    let jwt = hs256(claims);
    let created = app
        .post("/v1/organizations/create", Some(&jwt), json!({"name": "Jwt Co"}))
        .await;
    assert_eq!(created.status, 200, "{created:?}");
    let organization = created.body["organization"]["id"].as_str().unwrap();
    // The same identity again, in a fresh token, is the same user.
    let again =
        hs256(json!({"sub": "user-1", "email": "jay@example.com", "exp": in_an_hour() + 5, "iss": "https://idp.test"}));
    let listed = list(&app, Some(&again)).await;
    assert_eq!(listed.body["organizations"][0]["organization"]["id"], organization);
    let members = app
        .post(
            "/v1/organizations/members/list",
            Some(&jwt),
            json!({"organizationId": organization}),
        )
        .await;
    assert_eq!(members.body["members"][0]["email"], "jay@example.com");
    // A user made by the command line with that email is the same person.
    let cli_user = app.user("jay@example.com").await;
    assert_eq!(members.body["members"][0]["userId"], cli_user.id.to_string());
}

async fn jwt_rules_are_enforced(db: Db) {
    let app = spawn_with(db, &[("ORGS_JWT_HS256_SECRET", SECRET), ("ORGS_JWT_AUDIENCE", "orgs")]).await;
    let good = json!({"sub": "s", "email": "s@example.com", "exp": in_an_hour(), "aud": "orgs"});
    assert_eq!(list(&app, Some(&hs256(good.clone()))).await.status, 200);
    let mut expired = good.clone();
    expired["exp"] = json!(chrono::Utc::now().timestamp() - 3600);
    let mut no_exp = good.clone();
    no_exp.as_object_mut().unwrap().remove("exp");
    let mut wrong_audience = good.clone();
    wrong_audience["aud"] = json!("someone-else");
    let mut no_audience = good.clone();
    no_audience.as_object_mut().unwrap().remove("aud");
    let mut no_email = good.clone();
    no_email.as_object_mut().unwrap().remove("email");
    let forged = encode(
        &Header::new(Algorithm::HS256),
        &good,
        &EncodingKey::from_secret(b"wrong").unwrap(),
    )
    .unwrap();
    for jwt in [
        hs256(expired),
        hs256(no_exp),
        hs256(wrong_audience),
        hs256(no_email),
        forged,
    ] {
        let answer = list(&app, Some(&jwt)).await;
        assert_eq!((answer.status, answer.code()), (401, "unauthenticated"));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn es256_jwts_verify_against_the_jwks_file() {
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/api/fixtures");
    let jwks = fixtures.join("jwks.json");
    let app = spawn_with(Db::Sqlite, &[("ORGS_JWT_JWKS_FILE", jwks.to_str().unwrap())]).await;
    let key = EncodingKey::from_ec_pem(&std::fs::read(fixtures.join("es256-private.pem")).unwrap()).unwrap();
    let mut header = Header::new(Algorithm::ES256);
    header.kid = Some("test-es256".into());
    let claims = json!({"sub": "es", "email": "es@example.com", "exp": in_an_hour()});
    let jwt = encode(&header, &claims, &key).unwrap();
    assert_eq!(list(&app, Some(&jwt)).await.status, 200);
    header.kid = Some("unknown-kid".into());
    let unknown_kid = encode(&header, &claims, &key).unwrap();
    assert_eq!(list(&app, Some(&unknown_kid)).await.status, 401);
    // An HS256 token is refused outright when only JWKS keys are configured.
    assert_eq!(list(&app, Some(&hs256(claims))).await.status, 401);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn failed_authentications_are_rate_limited_per_client_address() {
    let app = spawn_with(
        Db::Sqlite,
        &[("ORGS_AUTH_FAILURE_LIMIT", "3"), ("ORGS_AUTH_FAILURE_WINDOW", "1h")],
    )
    .await;
    let alice = app.someone().await;
    for _ in 0..3 {
        assert_eq!(list(&app, Some("guess:guess")).await.status, 401);
    }
    let limited = list(&app, Some("guess:guess")).await;
    assert_eq!((limited.status, limited.code()), (429, "rate_limited"));
    let retry_after: u64 = limited.headers["retry-after"].to_str().unwrap().parse().unwrap();
    assert!((3500..=3600).contains(&retry_after), "{retry_after}");
    // While limited, even a right guess gets no answer, or guessing would still pay off.
    assert_eq!(list(&app, Some(&alice.bearer)).await.status, 429);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn missing_credentials_cost_no_budget() {
    let app = spawn_with(Db::Sqlite, &[("ORGS_AUTH_FAILURE_LIMIT", "1")]).await;
    let alice = app.someone().await;
    for _ in 0..3 {
        assert_eq!(list(&app, None).await.status, 401);
    }
    assert_eq!(list(&app, Some(&alice.bearer)).await.status, 200);
}

async fn a_jwt_user_is_a_full_user(db: Db) {
    let app = spawn_with(db, &[("ORGS_JWT_HS256_SECRET", SECRET)]).await;
    let jwt = hs256(json!({"sub": "owner", "email": "owner@example.com", "exp": in_an_hour()}));
    let created = app
        .post("/v1/organizations/create", Some(&jwt), json!({"name": "Jwt Co"}))
        .await;
    let organization = created.body["organization"]["id"].as_str().unwrap().to_owned();
    let bob = app.user("bob@example.com").await;
    app.add_member(&organization, &bob, orgs_core::Role::MEMBER).await;
    let calls = [
        (
            "/v1/organizations/update",
            json!({"organizationId": organization, "name": "Renamed"}),
        ),
        (
            "/v1/organizations/members/set-role",
            json!({"organizationId": organization, "userId": bob.id.to_string(), "role": "admin"}),
        ),
        (
            "/v1/organizations/tokens/create",
            json!({"organizationId": organization}),
        ),
        (
            "/v1/organizations/invitations/create",
            json!({"organizationId": organization, "email": "c@example.com"}),
        ),
        (
            "/v1/organizations/join-codes/create",
            json!({"organizationId": organization}),
        ),
        (
            "/v1/organizations/members/remove",
            json!({"organizationId": organization, "userId": bob.id.to_string()}),
        ),
    ];
    for (path, body) in calls {
        let answer = app.post(path, Some(&jwt), body).await;
        assert_eq!(answer.status, 200, "{path}: {answer:?}");
    }
    // A JWT whose unverified email belongs to someone else does not become them.
    let impostor = hs256(json!({"sub": "impostor", "email": "bob@example.com", "exp": in_an_hour()}));
    assert_eq!(list(&app, Some(&impostor)).await.status, 401);
    let verified =
        hs256(json!({"sub": "bob-at-idp", "email": "bob@example.com", "email_verified": true, "exp": in_an_hour()}));
    let as_bob = list(&app, Some(&verified)).await;
    assert_eq!(as_bob.status, 200);
    assert_eq!(
        as_bob.body["organizations"],
        json!([]),
        "bob was removed above; the verified identity is bob"
    );
}
