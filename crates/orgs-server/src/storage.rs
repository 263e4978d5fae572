//! Picks the storage adapter from the database URL's scheme, once, at start.

use crate::settings::{Settings, redact_url};
use anyhow::{Context, bail};
use orgs_ports::Store;
use orgs_postgres::PgStore;
use orgs_sqlite::SqliteStore;
use std::sync::Arc;

pub enum Backend {
    Postgres(PgStore),
    Sqlite(SqliteStore),
}

impl Backend {
    pub async fn open(settings: &Settings) -> anyhow::Result<Self> {
        let url = settings.database_url.as_str();
        let shown = redact_url(url);
        let (max, timeout) = (settings.database_max_connections, settings.database_timeout);
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(Backend::Postgres(
                PgStore::connect_lazy(url, max, timeout, settings.database_statement_cache)
                    .with_context(|| format!("opening {shown}"))?,
            ))
        } else if url.starts_with("sqlite:") {
            Ok(Backend::Sqlite(
                SqliteStore::open(url, max, timeout)
                    .await
                    .with_context(|| format!("opening {shown}"))?,
            ))
        } else {
            bail!("unsupported database_url {shown}: use sqlite://FILE or postgres://...")
        }
    }

    pub async fn migrate(&self) -> anyhow::Result<()> {
        match self {
            Backend::Postgres(store) => store.migrate().await,
            Backend::Sqlite(store) => store.migrate().await,
        }
        .context("running migrations")
    }

    pub fn store(&self) -> Arc<dyn Store> {
        match self {
            Backend::Postgres(store) => Arc::new(store.clone()),
            Backend::Sqlite(store) => Arc::new(store.clone()),
        }
    }
}
