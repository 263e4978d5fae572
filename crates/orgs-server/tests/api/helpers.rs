//! Starting a server per test, seeding it through the store, and calling it over HTTP.

use axum::body::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::{Method, Request};
use hyper_util::client::legacy::{Client, connect::HttpConnector};
use hyper_util::rt::TokioExecutor;
use orgs_core::{OrgId, Role, UserId};
use orgs_http::AppState;
use orgs_ports::{Store, TxMode};
use orgs_postgres::test_database::TestDatabase;
use orgs_server::Settings;
use orgs_server::serve::app_state;
use orgs_server::storage::Backend;
use serde_json::Value;
use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

#[derive(Debug, Clone, Copy)]
pub enum Db {
    Sqlite,
    Postgres,
}

enum Cleanup {
    Dir(PathBuf),
    Database(Option<TestDatabase>),
}

pub struct TestApp {
    pub addr: SocketAddr,
    pub store: Arc<dyn Store>,
    pub state: AppState,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    cleanup: Cleanup,
}

/// One HTTP answer.
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    pub headers: hyper::HeaderMap,
    pub body: Value,
}

impl Answer {
    /// The error envelope's code, or "" when the answer is not an error envelope.
    pub fn code(&self) -> &str {
        self.body["error"]["code"].as_str().unwrap_or_default()
    }
}

#[derive(Debug, Clone)]
pub struct TestUser {
    pub id: UserId,
    pub bearer: String,
}

/// Sends a request to any server, in-process or a child process.
pub async fn send_to(
    addr: SocketAddr,
    method: Method,
    path: &str,
    headers: &[(&str, &str)],
    body: impl Into<Bytes>,
) -> Answer {
    send_from(None, addr, method, path, headers, body).await
}

/// Like `send_to`, from a chosen local address (any of 127.0.0.0/8 works on Linux), so
/// a test can act as several clients.
pub async fn send_from(
    local: Option<std::net::IpAddr>,
    addr: SocketAddr,
    method: Method,
    path: &str,
    headers: &[(&str, &str)],
    body: impl Into<Bytes>,
) -> Answer {
    let mut connector = HttpConnector::new();
    connector.set_local_address(local);
    let client: Client<HttpConnector, Full<Bytes>> = Client::builder(TokioExecutor::new()).build(connector);
    let mut request = Request::builder().method(method).uri(format!("http://{addr}{path}"));
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let response = client
        .request(request.body(Full::new(body.into())).unwrap())
        .await
        .unwrap();
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    let body = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
    Answer { status, headers, body }
}

/// A JSON POST with an optional bearer, to any server.
pub async fn post_to(addr: SocketAddr, path: &str, bearer: Option<&str>, body: Value) -> Answer {
    let authorization = bearer.map(|bearer| format!("Bearer {bearer}"));
    let mut headers = vec![("content-type", "application/json")];
    if let Some(authorization) = &authorization {
        headers.push(("authorization", authorization));
    }
    send_to(addr, Method::POST, path, &headers, body.to_string()).await
}

/// Settings from these `ORGS_*` pairs alone, not from the test process's environment;
/// a later pair wins over an earlier one.
pub fn settings_from(vars: &[(&str, &str)]) -> Settings {
    settings_from_file(None, vars)
}

/// Settings from a TOML file, then the variables.
pub fn settings_from_file(file: Option<&std::path::Path>, vars: &[(&str, &str)]) -> Settings {
    let vars: HashMap<String, String> = vars.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    Settings::load_from(file, config::Environment::with_prefix("ORGS").source(Some(vars))).unwrap()
}

/// `count` users with personal tokens, made in this process on the store `settings`
/// names, as `(email, bearer)`.
pub async fn users_on(settings: &Settings, count: usize) -> Vec<(String, String)> {
    let state = app_state(Backend::open(settings).await.unwrap().store(), settings).unwrap();
    let mut made = Vec::new();
    for _ in 0..count {
        let email = orgs_core::Email::parse(&format!("{}@example.com", uuid::Uuid::now_v7().simple())).unwrap();
        let user = state.app.create_user_token(email.clone()).await.unwrap();
        made.push((email.as_str().to_owned(), user.token.bearer()));
    }
    made
}

pub async fn spawn(db: Db) -> TestApp {
    spawn_with(db, &[]).await
}

/// Starts a server with the given `ORGS_*` variables on top of the test defaults.
pub async fn spawn_with(db: Db, extra: &[(&str, &str)]) -> TestApp {
    spawn_configured(db, None, extra).await
}

/// Starts a server with a TOML settings file under the variables.
pub async fn spawn_configured(db: Db, file: Option<&std::path::Path>, extra: &[(&str, &str)]) -> TestApp {
    if std::env::var_os("TEST_LOG").is_some() {
        // Kept for the whole test process: its servers log until it exits.
        std::mem::forget(orgs_server::telemetry::init(orgs_server::LogFormat::Pretty, "debug").unwrap());
    }
    let (url, cleanup) = match db {
        Db::Sqlite => {
            let dir = std::env::temp_dir().join(format!("orgs-api-{}", uuid::Uuid::now_v7().simple()));
            std::fs::create_dir_all(&dir).unwrap();
            (format!("sqlite://{}", dir.join("orgs.db").display()), Cleanup::Dir(dir))
        }
        Db::Postgres => {
            let database = TestDatabase::create().await;
            (database.url.clone(), Cleanup::Database(Some(database)))
        }
    };
    let base = [
        ("ORGS_LOG_LEVEL", "warn"),
        ("ORGS_LISTEN", "127.0.0.1:0"),
        ("ORGS_DATABASE_URL", url.as_str()),
        ("ORGS_DATABASE_MAX_CONNECTIONS", "8"),
    ];
    let vars: Vec<(&str, &str)> = base.iter().chain(extra).copied().collect();
    let settings = settings_from_file(file, &vars);
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let running = orgs_server::start(&settings, async move {
        let _ = rx.await;
    })
    .await
    .unwrap();
    let store = Backend::open(&settings).await.unwrap().store();
    let state = app_state(store.clone(), &settings).unwrap();
    TestApp {
        addr: running.addr,
        store,
        state,
        shutdown: Some(tx),
        cleanup,
    }
}

impl TestApp {
    /// Sends any request; the body is parsed as JSON (or `null` when it is not JSON).
    pub async fn send(&self, method: Method, path: &str, headers: &[(&str, &str)], body: impl Into<Bytes>) -> Answer {
        send_to(self.addr, method, path, headers, body).await
    }

    /// A JSON POST, as every `/v1` call is.
    pub async fn post(&self, path: &str, bearer: Option<&str>, body: Value) -> Answer {
        post_to(self.addr, path, bearer, body).await
    }

    /// What `orgs-server users create --email` does.
    pub async fn user(&self, email: &str) -> TestUser {
        let email = orgs_core::Email::parse(email).unwrap();
        let made = self.state.app.create_user_token(email).await.unwrap();
        TestUser {
            id: made.user.id,
            bearer: made.token.bearer(),
        }
    }

    /// A fresh user with a unique address.
    pub async fn someone(&self) -> TestUser {
        self.user(&format!("{}@example.com", uuid::Uuid::now_v7().simple()))
            .await
    }

    /// Creates an organization through the API and returns its id.
    pub async fn organization(&self, owner: &TestUser) -> String {
        let answer = self
            .post(
                "/v1/organizations/create",
                Some(&owner.bearer),
                serde_json::json!({"name": "Acme"}),
            )
            .await;
        assert_eq!(answer.status, 200, "{answer:?}");
        answer.body["organization"]["id"].as_str().unwrap().to_owned()
    }

    /// Adds a member straight through the store: invitations and join codes, the API's
    /// ways in, arrive with the next feature.
    pub async fn add_member(&self, organization: &str, user: &TestUser, role: Role) {
        let mut tx = self.store.begin(TxMode::Write).await.unwrap();
        let now = chrono::Utc::now();
        tx.insert_membership(OrgId::from_wire(organization), user.id, role, now)
            .await
            .unwrap();
        tx.commit().await.unwrap();
    }

    /// Each member's (user id, role), as `members.list` answers `viewer`.
    pub async fn member_roles(&self, organization: &str, viewer: &TestUser) -> Vec<(String, String)> {
        let listed = self
            .post(
                "/v1/organizations/members/list",
                Some(&viewer.bearer),
                serde_json::json!({"organizationId": organization}),
            )
            .await;
        assert_eq!(listed.status, 200, "{listed:?}");
        listed.body["members"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| {
                (
                    m["userId"].as_str().unwrap().to_owned(),
                    m["role"].as_str().unwrap().to_owned(),
                )
            })
            .collect()
    }

    /// Mints an organization token through the API.
    pub async fn org_token(&self, organization: &str, owner: &TestUser) -> String {
        let answer = self
            .post(
                "/v1/organizations/tokens/create",
                Some(&owner.bearer),
                serde_json::json!({"organizationId": organization}),
            )
            .await;
        assert_eq!(answer.status, 200, "{answer:?}");
        answer.body["apiToken"]["bearer"].as_str().unwrap().to_owned()
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
        match &mut self.cleanup {
            Cleanup::Dir(dir) => {
                let _ = std::fs::remove_dir_all(dir);
            }
            // Dropping a test database removes it from the server.
            Cleanup::Database(database) => drop(database.take()),
        }
    }
}

/// Expands each `async fn name(db: Db)` into a test on SQLite and one on PostgreSQL.
#[macro_export]
macro_rules! on_both_stores {
    ($($name:ident),* $(,)?) => {$(
        mod $name {
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                super::$name($crate::helpers::Db::Sqlite).await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                super::$name($crate::helpers::Db::Postgres).await;
            }
        }
    )*};
}

/// Runs the futures concurrently on this task and collects their outputs in order.
pub async fn futures_join_all<F: std::future::Future>(futures: impl Iterator<Item = F>) -> Vec<F::Output> {
    let mut pinned: Vec<_> = futures.map(Box::pin).collect();
    let mut outputs: Vec<Option<F::Output>> = pinned.iter().map(|_| None).collect();
    std::future::poll_fn(|cx| {
        let mut pending = false;
        for (future, output) in pinned.iter_mut().zip(outputs.iter_mut()) {
            if output.is_none() {
                match future.as_mut().poll(cx) {
                    std::task::Poll::Ready(value) => *output = Some(value),
                    std::task::Poll::Pending => pending = true,
                }
            }
        }
        if pending {
            std::task::Poll::Pending
        } else {
            std::task::Poll::Ready(())
        }
    })
    .await;
    outputs
        .into_iter()
        .map(|output| output.expect("every future finished"))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_oversized_body_is_refused_before_it_is_read_whole() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let app = spawn(Db::Sqlite).await;
    let alice = app.someone().await;
    let mut stream = tokio::net::TcpStream::connect(app.addr).await.unwrap();
    // Announce 50 MB, send 70 KB, and never send the rest: a server that waited for the
    // whole body would never answer.
    let head = format!(
        "POST /v1/organizations/create HTTP/1.1\r\nhost: x\r\nauthorization: Bearer {}\r\ncontent-type: application/json\r\ncontent-length: 52428800\r\n\r\n",
        alice.bearer
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    stream.write_all(&vec![b' '; 70 * 1024]).await.unwrap();
    let mut answer = vec![0u8; 1024];
    let read = tokio::time::timeout(std::time::Duration::from_secs(5), stream.read(&mut answer)).await;
    let read = read
        .expect("answered without waiting for the rest of the body")
        .unwrap();
    let text = String::from_utf8_lossy(&answer[..read]);
    assert!(text.starts_with("HTTP/1.1 413"), "{text}");
    assert!(text.contains("payload_too_large"), "{text}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_body_announced_past_64_kib_is_refused_before_any_of_it_arrives() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let app = spawn(Db::Sqlite).await;
    let alice = app.someone().await;
    let mut stream = tokio::net::TcpStream::connect(app.addr).await.unwrap();
    let head = format!(
        "POST /v1/organizations/create HTTP/1.1\r\nhost: x\r\nauthorization: Bearer {}\r\ncontent-type: application/json\r\ncontent-length: 65537\r\n\r\n",
        alice.bearer
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    let mut answer = vec![0u8; 1024];
    let read = tokio::time::timeout(std::time::Duration::from_secs(5), stream.read(&mut answer)).await;
    let read = read.expect("answered on the headers alone").unwrap();
    let text = String::from_utf8_lossy(&answer[..read]);
    assert!(
        text.starts_with("HTTP/1.1 413") && text.contains("payload_too_large"),
        "{text}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_api_reference_page_and_its_assets_come_from_the_binary() {
    use http_body_util::BodyExt;
    let app = spawn(Db::Sqlite).await;
    let client = hyper_util::client::legacy::Client::builder(hyper_util::rt::TokioExecutor::new())
        .build_http::<http_body_util::Full<axum::body::Bytes>>();
    let fetch = |path: &str| {
        let request = hyper::Request::get(format!("http://{}{path}", app.addr))
            .body(Default::default())
            .unwrap();
        let client = client.clone();
        async move {
            let response = client.request(request).await.unwrap();
            let status = response.status().as_u16();
            let kind = response
                .headers()
                .get("content-type")
                .map(|v| v.to_str().unwrap().to_owned())
                .unwrap_or_default();
            let body = response.into_body().collect().await.unwrap().to_bytes();
            (status, kind, String::from_utf8_lossy(&body).to_string())
        }
    };
    let (status, kind, page) = fetch("/docs/").await;
    assert_eq!(status, 200);
    assert!(kind.starts_with("text/html"), "{kind}");
    assert!(page.contains("swagger-ui"), "{page}");
    for asset in [
        "/docs/swagger-ui.css",
        "/docs/swagger-ui-bundle.js",
        "/docs/swagger-initializer.js",
    ] {
        let (status, _, body) = fetch(asset).await;
        assert_eq!(status, 200, "{asset}");
        assert!(!body.is_empty(), "{asset}");
        assert!(
            !body.contains("https://unpkg.com") && !body.contains("cdn.jsdelivr"),
            "{asset} reaches for a CDN"
        );
    }
    let (_, _, initializer) = fetch("/docs/swagger-initializer.js").await;
    assert!(
        initializer.contains("/openapi.json"),
        "the page reads the served spec: {initializer}"
    );
    let (_, _, spec) = fetch("/openapi.json").await;
    assert!(spec.contains("organizations.members.setRole"));
}
