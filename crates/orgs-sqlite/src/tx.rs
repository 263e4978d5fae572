//! One SQLite transaction behind the `Tx` port; the methods come from `orgs-sql`.

use orgs_ports::StoreError;
use sqlx::{Sqlite, SqliteConnection, Transaction};
use tokio::sync::OwnedSemaphorePermit;

pub(crate) struct SqliteTx {
    /// `None` once committed; dropping a live transaction rolls it back.
    tx: Option<Transaction<'static, Sqlite>>,
    /// A write's turn as the process's one writer; declared after `tx`, so a dropped
    /// transaction queues its rollback before the next writer goes.
    turn: Option<OwnedSemaphorePermit>,
}

impl SqliteTx {
    pub(crate) fn new(tx: Transaction<'static, Sqlite>, turn: Option<OwnedSemaphorePermit>) -> Self {
        Self { tx: Some(tx), turn }
    }

    async fn finish(&mut self) -> Result<(), StoreError> {
        let tx = self
            .tx
            .take()
            .ok_or_else(|| StoreError::Other("transaction already committed".into()))?;
        let committed = tx.commit().await.map_err(crate::rows::map_error);
        self.turn = None;
        committed
    }

    fn conn(&mut self) -> Result<&mut SqliteConnection, StoreError> {
        self.tx
            .as_deref_mut()
            .ok_or_else(|| StoreError::Other("transaction already committed".into()))
    }
}

orgs_sql::impl_tx!(SqliteTx);
