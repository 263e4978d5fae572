//! One unit of work behind the `Tx` port; the methods come from `orgs-sql`.

use orgs_ports::StoreError;
use sqlx::pool::PoolConnection;
use sqlx::{PgConnection, Postgres, Transaction};

pub(crate) enum PgTx {
    /// A write: one transaction; dropping it uncommitted rolls it back.
    Write(Transaction<'static, Postgres>),
    /// A read: statements on one pooled connection without `BEGIN` and `COMMIT`, each
    /// seeing the latest committed data. That saves two of the round trips a short read
    /// makes, and no read decides anything a later statement of it depends on for
    /// correctness: writes check their rules inside their own locked transaction.
    Read(PoolConnection<Postgres>),
    Done,
}

impl PgTx {
    pub(crate) async fn finish(&mut self) -> Result<(), StoreError> {
        match std::mem::replace(self, PgTx::Done) {
            PgTx::Write(tx) => tx.commit().await.map_err(crate::rows::map_error),
            PgTx::Read(_) => Ok(()),
            PgTx::Done => Err(already_finished()),
        }
    }

    /// Two round trips, three when a delivery is owed: PostgreSQL's extended protocol
    /// takes one statement a message.
    pub(crate) async fn finish_with_events(&mut self, events: &[orgs_core::AuditEvent]) -> Result<u64, StoreError> {
        let owed = crate::events::append_events(self.conn()?, events, "").await?;
        if owed > 0 {
            crate::events::owe_deliveries(self.conn()?, events).await?;
        }
        self.finish().await?;
        Ok(owed)
    }

    fn conn(&mut self) -> Result<&mut PgConnection, StoreError> {
        match self {
            PgTx::Write(tx) => Ok(tx),
            PgTx::Read(conn) => Ok(conn),
            PgTx::Done => Err(already_finished()),
        }
    }
}

fn already_finished() -> StoreError {
    StoreError::Other("transaction already committed".into())
}

orgs_sql::impl_tx!(PgTx);
