//! Faults: the database going away and coming back, and a process killed mid-write.

use crate::child::ChildServer;
use crate::helpers::{Answer, post_to, send_to, settings_from, users_on};
use hyper::Method;
use orgs_postgres::test_database::TestDatabase;
use serde_json::json;
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;

/// A TCP proxy in front of PostgreSQL that the test can cut and restore, standing in
/// for a database that crashes, restarts or drops off the network.
struct Proxy {
    port: u16,
    up: Arc<AtomicBool>,
    cut: watch::Sender<u64>,
}

impl Proxy {
    async fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let up = Arc::new(AtomicBool::new(true));
        let (cut, _) = watch::channel(0u64);
        let (accepting, cuts) = (up.clone(), cut.clone());
        tokio::spawn(async move {
            while let Ok((mut client, _)) = listener.accept().await {
                if !accepting.load(Ordering::SeqCst) {
                    continue; // Dropping the socket refuses the connection.
                }
                let mut cut = cuts.subscribe();
                tokio::spawn(async move {
                    let Ok(mut server) = TcpStream::connect(postgres_address()).await else {
                        return;
                    };
                    tokio::select! {
                        _ = tokio::io::copy_bidirectional(&mut client, &mut server) => {}
                        _ = cut.changed() => {}
                    }
                });
            }
        });
        Self { port, up, cut }
    }

    fn cut(&self) {
        self.up.store(false, Ordering::SeqCst);
        self.cut.send_modify(|generation| *generation += 1);
    }

    fn restore(&self) {
        self.up.store(true, Ordering::SeqCst);
    }
}

/// `host:port` of the PostgreSQL server the tests use (`ORGS_TEST_DATABASE_URL`).
fn postgres_address() -> String {
    let url = orgs_postgres::test_database::admin_url();
    let after_scheme = url.split_once("://").map_or(url.as_str(), |(_, rest)| rest);
    let host_part = after_scheme.rsplit_once('@').map_or(after_scheme, |(_, host)| host);
    let host_port = host_part.split(['/', '?']).next().unwrap_or("127.0.0.1:5432");
    if host_port.contains(':') {
        host_port.to_owned()
    } else {
        format!("{host_port}:5432")
    }
}

/// The proxy's URL for a database: the tests' URL with the proxy as host.
fn through(port: u16, database: &str) -> String {
    let url = orgs_postgres::test_database::admin_url();
    let (scheme, rest) = url.split_once("://").unwrap_or(("postgres", url.as_str()));
    let credentials = rest
        .rsplit_once('@')
        .map_or(String::new(), |(user, _)| format!("{user}@"));
    format!("{scheme}://{credentials}127.0.0.1:{port}/{database}")
}

/// The test servers' settings: quiet, a short wait for connections, then `extra`.
fn settings(database_url: &str, extra: &[(&str, &str)]) -> orgs_server::Settings {
    let base = [
        ("ORGS_DATABASE_URL", database_url),
        ("ORGS_LISTEN", "127.0.0.1:0"),
        ("ORGS_LOG_LEVEL", "error"),
        ("ORGS_DATABASE_TIMEOUT", "500ms"),
    ];
    let vars: Vec<(&str, &str)> = base.iter().chain(extra).copied().collect();
    settings_from(&vars)
}

async fn bearer(settings: &orgs_server::Settings) -> String {
    users_on(settings, 1).await.remove(0).1
}

async fn ready(addr: SocketAddr) -> Answer {
    send_to(addr, Method::GET, "/readyz", &[], "").await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_outage_answers_503_quickly_and_heals_without_a_restart() {
    let database = TestDatabase::create().await;
    let proxy = Proxy::start().await;
    let url = through(proxy.port, &database.name);
    let settings = settings(&url, &[]);
    let alice = bearer(&settings).await;
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let running = orgs_server::start(&settings, async move {
        let _ = stopped.await;
    })
    .await
    .unwrap();
    let addr = running.addr;
    let created = post_to(
        addr,
        "/v1/organizations/create",
        Some(&alice),
        json!({"name": "Steady"}),
    )
    .await;
    assert_eq!(created.status, 200);

    proxy.cut();
    let started = Instant::now();
    let during = post_to(addr, "/v1/organizations/list", Some(&alice), json!({})).await;
    assert_eq!((during.status, during.code()), (503, "unavailable"), "{during:?}");
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "took {:?}",
        started.elapsed()
    );
    assert_eq!(ready(addr).await.status, 503);
    assert_eq!(
        send_to(addr, Method::GET, "/healthz", &[], "").await.status,
        200,
        "the process itself is fine"
    );

    eprintln!("outage: 503 after {:?}", started.elapsed());
    proxy.restore();
    let restored = Instant::now();
    let deadline = Instant::now() + Duration::from_secs(15);
    while ready(addr).await.status != 200 {
        assert!(Instant::now() < deadline, "never became ready again");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    eprintln!("outage: ready again {:?} after the restore", restored.elapsed());
    let after = post_to(addr, "/v1/organizations/list", Some(&alice), json!({})).await;
    assert_eq!(after.status, 200);
    assert_eq!(
        after.body["organizations"][0]["organization"]["id"],
        created.body["organization"]["id"]
    );

    let _ = stop.send(());
    let _ = running.task.await;
    database.drop_database().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_process_killed_mid_write_loses_nothing_committed_and_leaves_nothing_half_done() {
    let database = TestDatabase::create().await;
    let settings = settings(&database.url, &[]);
    let alice = bearer(&settings).await;
    let server = ChildServer::start(&std::env::temp_dir(), &[("ORGS_DATABASE_URL", &database.url)], None);
    let addr = server.addr;

    // Eight writers create organizations (an organization row and its owner's
    // membership, in one transaction) as fast as they can until the process dies.
    let acknowledged = Arc::new(std::sync::Mutex::new(Vec::new()));
    let writers: Vec<_> = (0..8)
        .map(|_| {
            let (alice, acknowledged) = (alice.clone(), acknowledged.clone());
            tokio::spawn(async move {
                loop {
                    let answer = tokio::time::timeout(
                        Duration::from_secs(2),
                        post_to(addr, "/v1/organizations/create", Some(&alice), json!({"name": "Load"})),
                    )
                    .await;
                    match answer {
                        Ok(answer) if answer.status == 200 => {
                            let id = answer.body["organization"]["id"].as_str().unwrap().to_owned();
                            acknowledged.lock().unwrap().push(id);
                        }
                        _ => return,
                    }
                }
            })
        })
        .collect();
    // Kill once the load is well under way, whatever the machine's speed.
    let deadline = Instant::now() + Duration::from_secs(30);
    while acknowledged.lock().unwrap().len() < 50 {
        assert!(Instant::now() < deadline, "the writers made no progress");
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    server.kill();
    for writer in writers {
        let _ = writer.await;
    }

    let acknowledged = acknowledged.lock().unwrap().clone();
    eprintln!("SIGKILL after {} acknowledged writes", acknowledged.len());
    assert!(acknowledged.len() >= 50);
    let pool = database.store.pool();
    for id in &acknowledged {
        let owners: i64 =
            sqlx::query_scalar("SELECT count(*) FROM memberships WHERE organization_id = $1::uuid AND role = 'owner'")
                .bind(id)
                .fetch_one(pool)
                .await
                .unwrap();
        assert_eq!(owners, 1, "acknowledged organization {id} lost its owner or vanished");
    }
    let half_done: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM organizations o WHERE NOT EXISTS (SELECT 1 FROM memberships m WHERE m.organization_id = o.id)",
    )
    .fetch_one(pool)
    .await
    .unwrap();
    assert_eq!(half_done, 0, "an organization without its owner survived the kill");
    database.drop_database().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_process_killed_mid_join_leaves_uses_equal_to_joins() {
    let database = TestDatabase::create().await;
    let settings = settings(&database.url, &[]);
    let mut people = users_on(&settings, 121).await.into_iter().map(|(_, bearer)| bearer);
    let owner = people.next().unwrap();
    let joiners: Vec<String> = people.collect();
    let server = ChildServer::start(&std::env::temp_dir(), &[("ORGS_DATABASE_URL", &database.url)], None);
    let addr = server.addr;
    let created = post_to(addr, "/v1/organizations/create", Some(&owner), json!({"name": "Joins"})).await;
    let organization = created.body["organization"]["id"].as_str().unwrap().to_owned();
    let code = post_to(
        addr,
        "/v1/organizations/join-codes/create",
        Some(&owner),
        json!({"organizationId": organization}),
    )
    .await;
    let code = code.body["code"].as_str().unwrap().to_owned();

    // Each join writes two rows (the membership and the code's count) in one transaction.
    let joined = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let writers: Vec<_> = joiners
        .chunks(15)
        .map(|chunk| {
            let (chunk, code, joined) = (chunk.to_vec(), code.clone(), joined.clone());
            tokio::spawn(async move {
                for bearer in chunk {
                    let answer = tokio::time::timeout(
                        Duration::from_secs(2),
                        post_to(
                            addr,
                            "/v1/organizations/join-codes/join",
                            Some(&bearer),
                            json!({"code": code}),
                        ),
                    )
                    .await;
                    match answer {
                        Ok(answer) if answer.status == 200 => {
                            joined.fetch_add(1, Ordering::SeqCst);
                        }
                        _ => return,
                    }
                }
            })
        })
        .collect();
    let deadline = Instant::now() + Duration::from_secs(30);
    while joined.load(Ordering::SeqCst) < 20 {
        assert!(Instant::now() < deadline, "the joins made no progress");
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
    server.kill();
    for writer in writers {
        let _ = writer.await;
    }

    let pool = database.store.pool();
    let members: i64 =
        sqlx::query_scalar("SELECT count(*) FROM memberships WHERE organization_id = $1::uuid AND role = 'member'")
            .bind(&organization)
            .fetch_one(pool)
            .await
            .unwrap();
    let uses: i32 = sqlx::query_scalar("SELECT uses FROM join_codes WHERE organization_id = $1::uuid")
        .bind(&organization)
        .fetch_one(pool)
        .await
        .unwrap();
    let acknowledged = joined.load(Ordering::SeqCst) as i64;
    eprintln!("SIGKILL mid-join: {acknowledged} acknowledged, {members} members, {uses} uses");
    assert_eq!(i64::from(uses), members, "every join wrote both of its rows or neither");
    assert!(members >= acknowledged, "an acknowledged join was lost");
    database.drop_database().await;
}
