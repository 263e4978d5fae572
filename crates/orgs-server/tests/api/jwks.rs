//! Identity providers by URL, against a JWKS server inside the test: rotation, removal,
//! a provider down at start, a flood of unknown `kid`s, and several issuers at once.

use crate::helpers::{Db, TestApp, futures_join_all, spawn_configured, spawn_with};
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use jsonwebtoken::{Algorithm, EncodingKey, Header, encode};
use serde_json::{Value, json};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

fn fixtures() -> PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/api/fixtures")
}

/// The JWK of the first fixture key and of the rotated one.
fn first_jwk() -> Value {
    let set: Value = serde_json::from_str(&std::fs::read_to_string(fixtures().join("jwks.json")).unwrap()).unwrap();
    set["keys"][0].clone()
}

fn rotated_jwk() -> Value {
    json!({"kty": "EC", "crv": "P-256", "x": "91jWTFGuM5xyjhz7C0VHqzc2vP8yHCFW7d8yzbt-IAU",
           "y": "wcuxyhKBta3_kbjE9UbyeV6LdWcGxI4bU7c7dlaQwtk", "kid": "test-es256-rotated", "use": "sig", "alg": "ES256"})
}

/// A provider's key set endpoint: what it publishes (`None`: it is down) and how often
/// it was asked.
#[derive(Clone, Default)]
struct Provider {
    published: Arc<Mutex<Option<Value>>>,
    hits: Arc<AtomicUsize>,
}

impl Provider {
    async fn start(keys: Option<Vec<Value>>) -> (Self, String) {
        let provider = Self::default();
        provider.publish(keys);
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}/.well-known/jwks.json", listener.local_addr().unwrap());
        let app = axum::Router::new()
            .route("/.well-known/jwks.json", axum::routing::get(serve_keys))
            .with_state(provider.clone());
        tokio::spawn(async move { axum::serve(listener, app).await });
        (provider, url)
    }

    fn publish(&self, keys: Option<Vec<Value>>) {
        *self.published.lock().unwrap() = keys.map(|keys| json!({"keys": keys}));
    }

    fn hits(&self) -> usize {
        self.hits.load(Ordering::SeqCst)
    }
}

async fn serve_keys(State(provider): State<Provider>) -> Response {
    provider.hits.fetch_add(1, Ordering::SeqCst);
    match provider.published.lock().unwrap().clone() {
        Some(set) => axum::Json(set).into_response(),
        None => StatusCode::SERVICE_UNAVAILABLE.into_response(),
    }
}

fn es256(key_file: &str, kid: &str, claims: Value) -> String {
    let key = EncodingKey::from_ec_pem(&std::fs::read(fixtures().join(key_file)).unwrap()).unwrap();
    let mut header = Header::new(Algorithm::ES256);
    header.kid = Some(kid.into());
    encode(&header, &claims, &key).unwrap()
}

fn claims(subject: &str, issuer: Option<&str>) -> Value {
    let mut claims = json!({"sub": subject, "email": format!("{subject}@example.com"),
                            "exp": chrono::Utc::now().timestamp() + 3600});
    if let Some(issuer) = issuer {
        claims["iss"] = json!(issuer);
    }
    claims
}

fn first(subject: &str) -> String {
    es256("es256-private.pem", "test-es256", claims(subject, None))
}

fn rotated(subject: &str) -> String {
    es256("es256-rotated-private.pem", "test-es256-rotated", claims(subject, None))
}

async fn status(app: &TestApp, jwt: &str) -> u16 {
    app.post("/v1/me", Some(jwt), json!({})).await.status
}

/// Waits for the server's first fetch of the set, so that no token spends the window of
/// fetches a token may make out of turn before the test means it to.
async fn keys_loaded(app: &TestApp) {
    let started = Instant::now();
    while !crate::metrics::metrics_text(app)
        .await
        .contains(r#"orgs_jwks_keys{issuer=""} 1"#)
    {
        assert!(started.elapsed() < Duration::from_secs(5), "the keys never loaded");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Polls until `want`, for at most `within`.
async fn eventually(app: &TestApp, jwt: &str, want: u16, within: Duration) -> Duration {
    let started = Instant::now();
    loop {
        let got = status(app, jwt).await;
        if got == want {
            return started.elapsed();
        }
        assert!(started.elapsed() < within, "still {got} after {within:?}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rotated_key_works_at_once_and_a_dropped_key_is_refused_after_the_refresh() {
    let (provider, url) = Provider::start(Some(vec![first_jwk()])).await;
    let app = spawn_with(
        Db::Sqlite,
        &[
            ("ORGS_JWT_JWKS_URL", &url),
            ("ORGS_JWT_JWKS_REFRESH", "2s"),
            ("ORGS_AUTH_FAILURE_LIMIT", "1000"),
        ],
    )
    .await;
    keys_loaded(&app).await;
    assert_eq!(status(&app, &first("ann")).await, 200);

    provider.publish(Some(vec![first_jwk(), rotated_jwk()]));
    let started = Instant::now();
    assert_eq!(
        status(&app, &rotated("bob")).await,
        200,
        "a new kid fetches the set at once"
    );
    eprintln!("rotation: the new key worked after {:?}", started.elapsed());

    provider.publish(Some(vec![rotated_jwk()]));
    let dropped = eventually(&app, &first("ann"), 401, Duration::from_secs(6)).await;
    eprintln!("removal: the dropped key was refused {dropped:?} later");
    assert_eq!(status(&app, &rotated("bob")).await, 200);

    // A failing provider leaves the last good set in place.
    provider.publish(None);
    let failures_before = provider.hits();
    while provider.hits() < failures_before + 1 {
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(status(&app, &rotated("bob")).await, 200);
    let text = crate::metrics::metrics_text(&app).await;
    assert!(text.contains(r#"orgs_jwks_keys{issuer=""} 1"#), "{text}");
    assert!(text.contains("orgs_jwks_last_refresh_timestamp_seconds"), "{text}");
    let failures_line = text
        .lines()
        .find(|line| line.starts_with("orgs_jwks_fetch_failures_total"))
        .unwrap();
    assert_ne!(failures_line.rsplit(' ').next(), Some("0"), "{failures_line}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_provider_down_at_start_is_used_once_it_is_up() {
    let (provider, url) = Provider::start(None).await;
    let app = spawn_with(
        Db::Sqlite,
        &[("ORGS_JWT_JWKS_URL", &url), ("ORGS_AUTH_FAILURE_LIMIT", "1000")],
    )
    .await;
    assert_eq!(status(&app, &first("ann")).await, 401, "no keys yet");
    assert_eq!(app.send(hyper::Method::GET, "/healthz", &[], "").await.status, 200);
    provider.publish(Some(vec![first_jwk()]));
    let took = eventually(&app, &first("ann"), 200, Duration::from_secs(10)).await;
    eprintln!("provider up: JWTs accepted {took:?} later");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_flood_of_unknown_kids_fetches_at_most_once_per_30_seconds() {
    let (provider, url) = Provider::start(Some(vec![first_jwk()])).await;
    let app = spawn_with(
        Db::Sqlite,
        &[("ORGS_JWT_JWKS_URL", &url), ("ORGS_AUTH_FAILURE_LIMIT", "1000")],
    )
    .await;
    eventually(&app, &first("ann"), 200, Duration::from_secs(5)).await;
    let before = provider.hits();
    let flood: Vec<_> = (0..60)
        .map(|n| es256("es256-private.pem", &format!("kid-{n}"), claims("mallory", None)))
        .collect();
    // All at once, so they race for the one fetch a flood may make.
    let answers = futures_join_all(flood.iter().map(|jwt| status(&app, jwt))).await;
    assert!(answers.iter().all(|&answer| answer == 401), "{answers:?}");
    let fetched = provider.hits() - before;
    eprintln!("unknown kids: 60 tokens made {fetched} fetches");
    assert!(fetched <= 1, "{fetched} fetches for one flood");
    assert_eq!(status(&app, &first("ann")).await, 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_issuers_each_refuse_the_others_tokens() {
    let (_provider, url) = Provider::start(Some(vec![first_jwk()])).await;
    let dir = std::env::temp_dir().join(format!("orgs-issuers-{}", uuid::Uuid::now_v7().simple()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("orgs.toml");
    let hs_secret = "a-shared-secret-for-the-first-issuer";
    std::fs::write(
        &file,
        format!(
            "[[jwt_issuers]]\nissuer = \"https://hs.example\"\nhs256_secret = \"{hs_secret}\"\n\n\
             [[jwt_issuers]]\nissuer = \"https://es.example\"\naudience = \"orgs\"\njwks_url = \"{url}\"\n"
        ),
    )
    .unwrap();
    let app = spawn_configured(Db::Sqlite, Some(&file), &[("ORGS_AUTH_FAILURE_LIMIT", "1000")]).await;
    let hs256 = |issuer: Option<&str>| {
        encode(
            &Header::new(Algorithm::HS256),
            &claims("hana", issuer),
            &EncodingKey::from_secret(hs_secret.as_bytes()).unwrap(),
        )
        .unwrap()
    };
    let mut es_claims = claims("esme", Some("https://es.example"));
    es_claims["aud"] = json!("orgs");
    let es = es256("es256-private.pem", "test-es256", es_claims.clone());
    assert_eq!(status(&app, &hs256(Some("https://hs.example"))).await, 200);
    eventually(&app, &es, 200, Duration::from_secs(5)).await;
    // Each issuer's tokens, claiming the other issuer, are refused.
    assert_eq!(status(&app, &hs256(Some("https://es.example"))).await, 401);
    let mut swapped = es_claims.clone();
    swapped["iss"] = json!("https://hs.example");
    assert_eq!(
        status(&app, &es256("es256-private.pem", "test-es256", swapped)).await,
        401
    );
    // No issuer, or one nobody configured.
    assert_eq!(status(&app, &hs256(None)).await, 401);
    assert_eq!(status(&app, &hs256(Some("https://other.example"))).await, 401);
    // The HS256-with-a-public-key confusion: the ES issuer's public key as an HMAC secret.
    let public_pem = std::fs::read(fixtures().join("es256-public.pem")).unwrap();
    assert!(public_pem.starts_with(b"-----BEGIN PUBLIC KEY-----"));
    let mut confused = Header::new(Algorithm::HS256);
    confused.kid = Some("test-es256".into());
    for secret in [public_pem.as_slice(), first_jwk().to_string().as_bytes()] {
        let forged = encode(&confused, &es_claims, &EncodingKey::from_secret(secret).unwrap()).unwrap();
        assert_eq!(status(&app, &forged).await, 401);
    }
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn the_issuer_list_and_the_single_issuer_settings_are_not_both_taken() {
    let dir = std::env::temp_dir().join(format!("orgs-issuers-{}", uuid::Uuid::now_v7().simple()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("orgs.toml");
    std::fs::write(
        &file,
        "[[jwt_issuers]]\nissuer = \"https://hs.example\"\nhs256_secret = \"s\"\n",
    )
    .unwrap();
    let vars: std::collections::HashMap<String, String> = [("ORGS_JWT_HS256_SECRET".to_owned(), "x".to_owned())]
        .into_iter()
        .collect();
    let refused =
        orgs_server::Settings::load_from(Some(&file), config::Environment::with_prefix("ORGS").source(Some(vars)))
            .err()
            .map(|err| format!("{err:#}"))
            .unwrap();
    assert!(refused.contains("not both"), "{refused}");
    std::fs::write(
        &file,
        "[[jwt_issuers]]\nissuer = \"a\"\nhs256_secret = \"s\"\njwks_url = \"http://x/\"\n",
    )
    .unwrap();
    let two_sources = orgs_server::Settings::load_from(
        Some(&file),
        config::Environment::with_prefix("ORGS").source(Some(Default::default())),
    );
    assert!(two_sources.is_err());
    let _ = std::fs::remove_dir_all(dir);
}
