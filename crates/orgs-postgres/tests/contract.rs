//! The store contract suite on a real PostgreSQL server, one fresh database per test.

use orgs_postgres::test_database::TestDatabase;
use orgs_store_tests::TestStore;
use std::sync::Arc;

async fn postgres() -> TestStore {
    let database = TestDatabase::create().await;
    let store = Arc::new(database.store.clone());
    TestStore::new(store, move || database.drop_database())
}

orgs_store_tests::store_contract_tests!(postgres);
