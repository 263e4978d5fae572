//! The SQLite adapter of the `Store` port: the embedded default, one file on disk.
//!
//! SQLite allows one writer at a time. Write transactions start with `BEGIN IMMEDIATE`,
//! taking that lock before their first read, so a read-then-write never fails to upgrade
//! and concurrent membership changes run one after the other. Within a process they
//! also queue for their turn first, in arrival order: left to SQLite, waiting writers
//! sleep and retry in its busy handler, and an unlucky one waited 20 times the median.

mod event_pages;
mod events;
mod invitations;
mod roles;
mod rows;
mod statements;
mod tx;
mod whole_lists;

use async_trait::async_trait;
use orgs_core::{StoredApiToken, UserId};
use orgs_ports::{PoolStatus, Store, StoreError, Tx, TxMode};
use sqlx::SqlitePool;
use sqlx::migrate::Migrator;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Semaphore;
use tracing::instrument;

pub use rows::map_error;

/// The migrations of `migrations/sqlite`, embedded in the binary.
pub static MIGRATOR: Migrator = sqlx::migrate!("../../migrations/sqlite");

#[derive(Clone)]
pub struct SqliteStore {
    /// Reads, and the statements outside a transaction.
    pool: SqlitePool,
    /// The one connection that writes. In WAL mode a connection drops its whole page
    /// cache whenever another one has committed; a connection that makes every commit
    /// keeps its cache, so a write reads its B-trees' upper pages from memory instead of
    /// from the file each time.
    writes: SqlitePool,
    /// The one write transaction this process may have open; a fair queue.
    writer: Arc<Semaphore>,
    busy_timeout: Duration,
}

/// Each read connection's page cache, in SQLite's negative-means-KiB form: 512 KiB
/// holds the B-trees' upper pages, and a miss is a copy from the kernel's cache of the
/// file. SQLite's default of 2 MB on each of ten read connections kept 36 MiB resident
/// after large reads for no faster pages (docs/benchmarks.md). The writer keeps the
/// default: it alone makes every commit, so its cache stays valid.
const READ_CACHE_SIZE: &str = "-512";

impl SqliteStore {
    /// Opens (creating if missing) the database file named by a `sqlite://` URL.
    pub async fn open(url: &str, max_connections: u32, busy_timeout: Duration) -> Result<Self, StoreError> {
        let options = SqliteConnectOptions::from_str(url)
            .map_err(|err| StoreError::Other(err.into()))?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(busy_timeout);
        // Switching a new file to WAL takes a lock that the busy timeout does not cover, so
        // a second process opening the same new file at the same instant may be told the
        // database is locked. That settles within milliseconds; retry until the timeout.
        let deadline = tokio::time::Instant::now() + busy_timeout;
        loop {
            let opened = async {
                let reads = options.clone().pragma("cache_size", READ_CACHE_SIZE);
                let pool = SqlitePoolOptions::new()
                    .max_connections(max_connections)
                    .acquire_timeout(busy_timeout)
                    // A file does not hang up as a socket does, and each ping is a hop
                    // to the connection's thread and back.
                    .test_before_acquire(false)
                    .after_release(|conn, _| Box::pin(still_usable(conn)))
                    .connect_with(reads)
                    .await?;
                // Its writes roll back before the connection comes back (`tx::Writer`).
                let writes = SqlitePoolOptions::new()
                    .max_connections(1)
                    .acquire_timeout(busy_timeout)
                    .test_before_acquire(false)
                    .connect_with(options.clone())
                    .await?;
                Ok::<_, sqlx::Error>((pool, writes))
            }
            .await
            .map_err(map_error);
            match opened {
                Ok((pool, writes)) => {
                    return Ok(Self {
                        pool,
                        writes,
                        writer: Arc::new(Semaphore::new(1)),
                        busy_timeout,
                    });
                }
                Err(StoreError::Unavailable(_)) if tokio::time::Instant::now() < deadline => {
                    tokio::time::sleep(Duration::from_millis(20)).await;
                }
                Err(err) => return Err(err),
            }
        }
    }

    pub fn pool(&self) -> &SqlitePool {
        &self.pool
    }

    /// Closes every connection, waiting for those in use to come back.
    pub async fn close(&self) {
        self.writes.close().await;
        self.pool.close().await;
    }

    /// Applies pending migrations. SQLite has no advisory lock, so a second process
    /// racing the first may fail half way; it then retries and finds the work done.
    pub async fn migrate(&self) -> Result<(), StoreError> {
        let mut attempt = 0;
        loop {
            match MIGRATOR.run(&self.pool).await {
                Ok(()) => return Ok(()),
                Err(_) if attempt < 10 => {
                    attempt += 1;
                    tokio::time::sleep(Duration::from_millis(50 * attempt)).await;
                }
                Err(err) => return Err(StoreError::Other(err.into())),
            }
        }
    }
}

/// Whether a connection handed back to the pool may be handed out again. When a read is
/// abandoned (its client hung up) just as sqlx's `BEGIN` succeeded, sqlx never learns of
/// the transaction and no one ends it: the connection would go back to the pool still
/// inside it, refusing every later `BEGIN IMMEDIATE` and reading an old snapshot. The
/// ping lets the rollbacks queued by dropped transactions run first; whatever is open
/// after it is such an orphan, and closing the connection rolls it back. This runs on
/// release, not before the next acquire (where sqlx pings anyway), so an orphan never
/// sits idle in the pool. Writes manage their own transaction (`tx::Writer`), and roll
/// back before their connection comes back.
async fn still_usable(conn: &mut sqlx::SqliteConnection) -> Result<bool, sqlx::Error> {
    use sqlx::{Connection, TransactionManager};
    conn.ping().await?;
    Ok(sqlx::sqlite::SqliteTransactionManager::get_transaction_depth(conn) == 0)
}

#[async_trait]
impl Store for SqliteStore {
    #[instrument(skip_all, level = "debug")]
    async fn begin(&self, mode: TxMode) -> Result<Box<dyn Tx>, StoreError> {
        if mode == TxMode::Read {
            let tx = self.pool.begin().await.map_err(map_error)?;
            return Ok(Box::new(tx::SqliteTx::Read(tx)));
        }
        let turn = tokio::time::timeout(self.busy_timeout, self.writer.clone().acquire_owned())
            .await
            .map_err(|_| StoreError::Unavailable("waited too long for the database's one writer".into()))?
            .map_err(|closed| StoreError::Other(closed.into()))?;
        let conn = self.writes.acquire().await.map_err(map_error)?;
        Ok(Box::new(tx::SqliteTx::Write(tx::Writer::begin(conn, turn).await?)))
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
