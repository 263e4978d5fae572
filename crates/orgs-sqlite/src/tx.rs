//! One SQLite transaction behind the `Tx` port; the methods come from `orgs-sql`.
//!
//! A read is sqlx's transaction. A write sends its own `BEGIN IMMEDIATE` and `COMMIT`,
//! so that a change's events and its commit go to the connection's thread as one
//! message: with sqlx's transaction the commit is a message of its own, and on this
//! machine each message is a pair of thread switches that cost a change more than
//! writing its events does.

use orgs_core::AuditEvent;
use orgs_ports::StoreError;
use sqlx::pool::PoolConnection;
use sqlx::{Sqlite, SqliteConnection, Transaction};
use tokio::sync::OwnedSemaphorePermit;

pub(crate) enum SqliteTx {
    Read(Transaction<'static, Sqlite>),
    Write(Writer),
    Done,
}

/// A write transaction: the connection and the process's one writer's turn, until it
/// commits or is dropped.
pub(crate) struct Writer {
    /// `None` once handed back.
    conn: Option<PoolConnection<Sqlite>>,
    /// Held while a transaction may be open on `conn`: from just before `BEGIN` is sent
    /// (a request abandoned while it runs must still roll it back) until `COMMIT`
    /// succeeds or the rollback has run, so the next writer never finds the database's
    /// write lock still held.
    turn: Option<OwnedSemaphorePermit>,
}

impl Writer {
    /// Begins the write on `conn`; `turn` is this process's writer's turn.
    pub(crate) async fn begin(conn: PoolConnection<Sqlite>, turn: OwnedSemaphorePermit) -> Result<Self, StoreError> {
        let mut writer = Self {
            conn: Some(conn),
            turn: Some(turn),
        };
        if let Err(err) = sqlx::query("BEGIN IMMEDIATE").execute(writer.conn()).await {
            // Nothing began, so there is nothing to roll back.
            writer.turn = None;
            return Err(crate::rows::map_error(err));
        }
        Ok(writer)
    }

    fn conn(&mut self) -> &mut SqliteConnection {
        self.conn
            .as_deref_mut()
            .expect("a writer holds its connection until dropped")
    }

    async fn commit(&mut self, events: &[AuditEvent]) -> Result<u64, StoreError> {
        // `append_events` sends nothing for no events, its `"; COMMIT"` included.
        let owed = if events.is_empty() {
            sqlx::query("COMMIT")
                .execute(self.conn())
                .await
                .map_err(crate::rows::map_error)?;
            0
        } else {
            crate::events::append_events(self.conn(), events, "; COMMIT").await?
        };
        self.turn = None;
        Ok(owed)
    }
}

/// An uncommitted write is rolled back before its connection and its turn go back: on
/// a task of its own, since rolling back is a message to the connection's thread and
/// `drop` cannot wait for the answer.
impl Drop for Writer {
    fn drop(&mut self) {
        let (Some(turn), Some(mut conn)) = (self.turn.take(), self.conn.take()) else {
            return;
        };
        match tokio::runtime::Handle::try_current() {
            Ok(runtime) => {
                runtime.spawn(async move {
                    if sqlx::query("ROLLBACK").execute(&mut *conn).await.is_err() {
                        // Closing the connection ends whatever it had open; wait for
                        // it, so the next writer never meets this one's lock.
                        let _ = sqlx::Connection::close(conn.detach()).await;
                    }
                    drop(turn);
                });
            }
            // No runtime to roll back on: closing the connection rolls back.
            Err(_) => {
                drop(conn.detach());
                drop(turn);
            }
        }
    }
}

impl SqliteTx {
    async fn finish(&mut self) -> Result<(), StoreError> {
        self.finish_with_events(&[]).await.map(drop)
    }

    async fn finish_with_events(&mut self, events: &[AuditEvent]) -> Result<u64, StoreError> {
        match std::mem::replace(self, SqliteTx::Done) {
            SqliteTx::Read(tx) => {
                debug_assert!(events.is_empty(), "a read has no events to commit");
                tx.commit().await.map_err(crate::rows::map_error)?;
                Ok(0)
            }
            SqliteTx::Write(mut writer) => writer.commit(events).await,
            SqliteTx::Done => Err(already_finished()),
        }
    }

    fn conn(&mut self) -> Result<&mut SqliteConnection, StoreError> {
        match self {
            SqliteTx::Read(tx) => Ok(tx),
            SqliteTx::Write(writer) => Ok(writer.conn()),
            SqliteTx::Done => Err(already_finished()),
        }
    }
}

fn already_finished() -> StoreError {
    StoreError::Other("transaction already committed".into())
}

orgs_sql::impl_tx!(SqliteTx);
