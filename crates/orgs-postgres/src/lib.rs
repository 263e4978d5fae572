//! The PostgreSQL adapter of the `Store` port.
//!
//! Membership changes lock their organization's row (`SELECT ... FOR UPDATE`) before
//! reading anything they decide on, so concurrent changes to one organization queue up
//! and each reads the other's committed result. Read committed isolation is then enough.

mod event_pages;
mod events;
mod invitations;
mod roles;
mod rows;
mod statements;
mod tx;
mod whole_lists;

pub mod test_database;

use async_trait::async_trait;
use orgs_core::{StoredApiToken, UserId};
use orgs_ports::{PoolStatus, Store, StoreError, Tx, TxMode};
use sqlx::PgPool;
use sqlx::migrate::Migrator;
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use std::str::FromStr;
use std::time::Duration;
use tracing::instrument;

pub use rows::map_error;

/// The migrations of `migrations/postgres`, embedded in the binary.
pub static MIGRATOR: Migrator = sqlx::migrate!("../../migrations/postgres");

/// How long a pooled connection may sit unused before it is checked on the way out.
pub const PING_WHEN_IDLE_FOR: Duration = Duration::from_secs(1);

/// The pool the server runs with, and the tests too.
pub fn pool_options(max_connections: u32) -> PgPoolOptions {
    PgPoolOptions::new()
        .max_connections(max_connections)
        // sqlx pings every connection it hands out by default: one more round trip per
        // call, a sixth of a write's and a third of a read's, though the pool pings each
        // connection again as it comes back. A connection is pinged on the way out only
        // after sitting idle, when PostgreSQL may have restarted or dropped it.
        .test_before_acquire(false)
        .before_acquire(|conn, meta| {
            Box::pin(async move {
                if meta.idle_for >= PING_WHEN_IDLE_FOR {
                    sqlx::Connection::ping(conn).await?;
                }
                Ok(true)
            })
        })
}

#[derive(Clone)]
pub struct PgStore {
    pool: PgPool,
}

impl PgStore {
    /// Connects lazily, on first use. The server still migrates before it listens, so it
    /// refuses to start without a database; once running, an outage costs `503`s and a
    /// failing `/readyz`, not a crash, and the pool reconnects when PostgreSQL returns.
    pub fn connect_lazy(
        url: &str,
        max_connections: u32,
        acquire_timeout: Duration,
        statement_cache: usize,
    ) -> Result<Self, StoreError> {
        let options = PgConnectOptions::from_str(url)
            .map_err(|err| StoreError::Other(err.into()))?
            .statement_cache_capacity(statement_cache);
        let pool = pool_options(max_connections)
            .acquire_timeout(acquire_timeout)
            .connect_lazy_with(options);
        Ok(Self { pool })
    }

    pub fn from_pool(pool: PgPool) -> Self {
        Self { pool }
    }

    pub fn pool(&self) -> &PgPool {
        &self.pool
    }

    /// How many migrations the database records as applied.
    pub async fn applied_migrations(&self) -> Result<i64, StoreError> {
        sqlx::query_scalar("SELECT count(*) FROM _sqlx_migrations WHERE success")
            .fetch_one(&self.pool)
            .await
            .map_err(map_error)
    }

    /// Applies pending migrations. sqlx holds an advisory lock meanwhile, so two
    /// processes starting together apply each migration once.
    pub async fn migrate(&self) -> Result<(), StoreError> {
        MIGRATOR
            .run(&self.pool)
            .await
            .map_err(|err| StoreError::Other(err.into()))
    }
}

#[async_trait]
impl Store for PgStore {
    #[instrument(skip_all, level = "debug")]
    async fn begin(&self, mode: TxMode) -> Result<Box<dyn Tx>, StoreError> {
        let tx = match mode {
            TxMode::Write => tx::PgTx::Write(self.pool.begin().await.map_err(map_error)?),
            TxMode::Read => tx::PgTx::Read(self.pool.acquire().await.map_err(map_error)?),
        };
        Ok(Box::new(tx))
    }

    // The two lookups authentication makes on every request: one connection from the
    // pool, one indexed statement each, shared with the other store through orgs-sql.
    #[instrument(skip_all, level = "debug")]
    async fn find_api_token(&self, key: &str) -> Result<Option<StoredApiToken>, StoreError> {
        let mut conn = self.pool.acquire().await.map_err(map_error)?;
        statements::find_api_token(&mut conn, key).await
    }

    #[instrument(skip_all, level = "debug")]
    async fn find_user_by_identity(&self, issuer: &str, subject: &str) -> Result<Option<UserId>, StoreError> {
        let mut conn = self.pool.acquire().await.map_err(map_error)?;
        statements::find_user_by_identity(&mut conn, issuer, subject).await
    }

    async fn ping(&self) -> Result<(), StoreError> {
        sqlx::query("SELECT 1").execute(&self.pool).await.map_err(map_error)?;
        Ok(())
    }

    fn pool_status(&self) -> PoolStatus {
        let idle = u32::try_from(self.pool.num_idle()).unwrap_or(u32::MAX);
        PoolStatus {
            open: self.pool.size(),
            idle,
            max: self.pool.options().get_max_connections(),
        }
    }
}
