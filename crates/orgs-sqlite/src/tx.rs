//! One SQLite transaction behind the `Tx` port; the methods come from `orgs-sql`.

use orgs_ports::StoreError;
use sqlx::{Sqlite, SqliteConnection, Transaction};

pub(crate) struct SqliteTx {
    /// `None` once committed; dropping a live transaction rolls it back.
    tx: Option<Transaction<'static, Sqlite>>,
}

impl SqliteTx {
    pub(crate) fn new(tx: Transaction<'static, Sqlite>) -> Self {
        Self { tx: Some(tx) }
    }

    async fn finish(&mut self) -> Result<(), StoreError> {
        let tx = self
            .tx
            .take()
            .ok_or_else(|| StoreError::Other("transaction already committed".into()))?;
        tx.commit().await.map_err(crate::rows::map_error)
    }

    fn conn(&mut self) -> Result<&mut SqliteConnection, StoreError> {
        self.tx
            .as_deref_mut()
            .ok_or_else(|| StoreError::Other("transaction already committed".into()))
    }
}

orgs_sql::impl_tx!(SqliteTx);
