//! The store contract suite on a real SQLite file, one fresh file per test.

use orgs_sqlite::SqliteStore;
use orgs_store_tests::TestStore;
use std::sync::Arc;
use std::time::Duration;

async fn sqlite() -> TestStore {
    let dir = std::env::temp_dir().join(format!("orgs-test-{}", uuid::Uuid::now_v7().simple()));
    std::fs::create_dir_all(&dir).unwrap();
    let url = format!("sqlite://{}", dir.join("orgs.db").display());
    let store = SqliteStore::open(&url, 8, Duration::from_secs(10)).await.unwrap();
    store.migrate().await.unwrap();
    TestStore::new(Arc::new(store.clone()), move || async move {
        store.close().await;
        let _ = std::fs::remove_dir_all(dir);
    })
}

orgs_store_tests::store_contract_tests!(sqlite);
