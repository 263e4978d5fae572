//! The pool hands out connections without pinging each (a round trip per call); these
//! tests hold it to checking the ones that sat idle, which PostgreSQL may have ended.

use orgs_ports::Store;
use orgs_postgres::PING_WHEN_IDLE_FOR;
use orgs_postgres::test_database::{TestDatabase, admin_url};
use sqlx::{Connection, PgConnection};

/// Ends every session on `database` but the caller's, as a restart or an idle timeout
/// in a proxy would.
async fn end_sessions_on(database: &str) -> i64 {
    let mut admin = PgConnection::connect(&admin_url()).await.unwrap();
    let ended: Vec<bool> = sqlx::query_scalar(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity
         WHERE datname = $1 AND pid <> pg_backend_pid()",
    )
    .bind(database)
    .fetch_all(&mut admin)
    .await
    .unwrap();
    ended.iter().filter(|ended| **ended).count() as i64
}

#[tokio::test]
async fn a_connection_ended_while_idle_is_replaced_before_anyone_uses_it() {
    let database = TestDatabase::create().await;
    let store = database.store.clone();
    // Two connections at once, so the pool holds more than one to lose.
    let (first, second) = tokio::join!(store.ping(), store.ping());
    first.unwrap();
    second.unwrap();
    assert!(database.store.pool().num_idle() >= 1);

    assert!(end_sessions_on(&database.name).await >= 1, "no session was ended");
    tokio::time::sleep(PING_WHEN_IDLE_FOR + std::time::Duration::from_millis(200)).await;

    for _ in 0..4 {
        store
            .ping()
            .await
            .expect("an ended connection is never handed out after sitting idle");
    }
    database.drop_database().await;
}
