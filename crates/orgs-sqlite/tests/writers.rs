//! Write transactions in one process take their turns in arrival order. Found by
//! `cargo xtask bench`: left to SQLite's busy handler, waiting writers slept and retried,
//! and at 32 connections the slowest write took 20 times the median.

use orgs_ports::{Store, TxMode};
use orgs_sqlite::SqliteStore;
use std::sync::{Arc, Mutex};
use std::time::Duration;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn waiting_writers_go_in_the_order_they_came() {
    let dir = std::env::temp_dir().join(format!("orgs-writers-{}", uuid::Uuid::now_v7().simple()));
    std::fs::create_dir_all(&dir).unwrap();
    let url = format!("sqlite://{}", dir.join("orgs.db").display());
    let store = SqliteStore::open(&url, 8, Duration::from_secs(10)).await.unwrap();
    store.migrate().await.unwrap();
    let store: Arc<dyn Store> = Arc::new(store);

    let holder = store.begin(TxMode::Write).await.unwrap();
    let order = Arc::new(Mutex::new(Vec::new()));
    let mut writers = Vec::new();
    for writer in 0..6 {
        let (store, order) = (store.clone(), order.clone());
        writers.push(tokio::spawn(async move {
            let mut tx = store.begin(TxMode::Write).await.unwrap();
            order.lock().unwrap().push(writer);
            tx.commit().await.unwrap();
        }));
        tokio::time::sleep(Duration::from_millis(30)).await;
    }
    drop(holder);
    for writer in writers {
        writer.await.unwrap();
    }
    assert_eq!(*order.lock().unwrap(), vec![0, 1, 2, 3, 4, 5]);
    let _ = std::fs::remove_dir_all(dir);
}
