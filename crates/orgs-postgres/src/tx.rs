//! One PostgreSQL transaction behind the `Tx` port; the methods come from `orgs-sql`.

use orgs_ports::StoreError;
use sqlx::{PgConnection, Postgres, Transaction};

pub(crate) struct PgTx {
    /// `None` once committed; dropping a live transaction rolls it back.
    tx: Option<Transaction<'static, Postgres>>,
}

impl PgTx {
    pub(crate) fn new(tx: Transaction<'static, Postgres>) -> Self {
        Self { tx: Some(tx) }
    }

    fn conn(&mut self) -> Result<&mut PgConnection, StoreError> {
        self.tx
            .as_deref_mut()
            .ok_or_else(|| StoreError::Other("transaction already committed".into()))
    }
}

orgs_sql::impl_tx!(PgTx);
