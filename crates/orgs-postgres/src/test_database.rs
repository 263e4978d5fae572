//! Fresh, uniquely named PostgreSQL databases for tests, dropped afterwards.
//!
//! Tests point at a server with `ORGS_TEST_DATABASE_URL` (default: the local server's
//! `postgres` database); each test gets its own database so they can run in parallel.

use crate::PgStore;
use sqlx::postgres::PgConnectOptions;
use sqlx::{Connection, Executor, PgConnection};
use std::str::FromStr;

pub const DEFAULT_ADMIN_URL: &str = "postgres://postgres@127.0.0.1:5432/postgres";

pub fn admin_url() -> String {
    std::env::var("ORGS_TEST_DATABASE_URL").unwrap_or_else(|_| DEFAULT_ADMIN_URL.to_owned())
}

/// A database of its own. `drop_database` removes it; so does dropping the value, when a
/// failing test never gets that far.
pub struct TestDatabase {
    pub name: String,
    pub url: String,
    pub store: PgStore,
    dropped: bool,
}

impl TestDatabase {
    /// A fresh database with every migration applied.
    pub async fn create() -> Self {
        let database = Self::create_unmigrated().await;
        database.store.migrate().await.expect("migrations apply");
        database
    }

    /// A fresh, empty database, for tests of migrating itself.
    pub async fn create_unmigrated() -> Self {
        let admin = admin_url();
        let name = format!("orgs_test_{}", uuid::Uuid::now_v7().simple());
        let mut conn = PgConnection::connect(&admin)
            .await
            .expect("PostgreSQL is reachable (see README: Tests)");
        conn.execute(format!("CREATE DATABASE {name}").as_str())
            .await
            .expect("create the test database");
        conn.close().await.ok();
        let options = PgConnectOptions::from_str(&admin).expect("a valid URL").database(&name);
        let url = format!(
            "{}/{name}",
            admin.rsplit_once('/').map_or(admin.as_str(), |(base, _)| base)
        );
        let pool = crate::pool_options(8)
            .connect_with(options)
            .await
            .expect("connect to the test database");
        Self {
            name,
            url,
            store: PgStore::from_pool(pool),
            dropped: false,
        }
    }

    pub async fn drop_database(mut self) {
        self.store.pool().close().await;
        drop_named(&self.name).await;
        self.dropped = true;
    }
}

async fn drop_named(name: &str) {
    if let Ok(mut conn) = PgConnection::connect(&admin_url()).await {
        let _ = conn
            .execute(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)").as_str())
            .await;
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        if self.dropped {
            return;
        }
        // Drop cannot await, and may run inside a runtime; a short-lived runtime on a
        // thread of its own can. FORCE ends the connections the test left open.
        let name = self.name.clone();
        let _ = std::thread::spawn(move || {
            if let Ok(runtime) = tokio::runtime::Builder::new_current_thread().enable_all().build() {
                runtime.block_on(drop_named(&name));
            }
        })
        .join();
    }
}
