//! The binary itself: `users create`, `migrate`, `openapi`, and `serve` stopping cleanly
//! on SIGTERM.

use serde_json::Value;
use std::process::{Command, Stdio};

fn binary() -> Command {
    Command::new(env!("CARGO_BIN_EXE_orgs-server"))
}

fn scratch() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("orgs-cli-{}", uuid::Uuid::now_v7().simple()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn users_create_prints_one_json_object_and_finds_existing_users() {
    let dir = scratch();
    let run = |email: &str| {
        let out = binary()
            .args(["users", "create", "--email", email])
            .current_dir(&dir)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let stdout = String::from_utf8(out.stdout).unwrap();
        assert_eq!(stdout.lines().count(), 1, "{stdout}");
        serde_json::from_str::<Value>(&stdout).unwrap()
    };
    let first = run("Ops@Example.com");
    let second = run("ops@example.com");
    assert_eq!(first["userId"], second["userId"]);
    assert_ne!(first["bearer"], second["bearer"]);
    assert!(first["bearer"].as_str().unwrap().contains(':'));
    assert!(
        dir.join("orgs.db").exists(),
        "the default store is orgs.db in the working directory"
    );
    let bad = binary()
        .args(["users", "create", "--email", "nope"])
        .current_dir(&dir)
        .output()
        .unwrap();
    assert!(!bad.status.success());
    assert!(bad.stdout.is_empty());
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn migrate_and_openapi_commands_work() {
    let dir = scratch();
    let migrate = binary().arg("migrate").current_dir(&dir).output().unwrap();
    assert!(migrate.status.success(), "{}", String::from_utf8_lossy(&migrate.stderr));
    let spec = binary().arg("openapi").output().unwrap();
    let spec: Value = serde_json::from_slice(&spec.stdout).unwrap();
    assert_eq!(spec, serde_json::to_value(orgs_http::openapi()).unwrap());
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn serve_stops_cleanly_on_sigterm() {
    let dir = scratch();
    let server = crate::child::ChildServer::start(&dir, &[], None);
    assert!(std::net::TcpStream::connect(server.addr).is_ok());
    assert_eq!(server.terminate().code(), Some(0));
    std::fs::remove_dir_all(dir).ok();
}

/// Starts `orgs-server migrate` twice at the same instant against one database.
fn migrate_twice_at_once(dir: &std::path::Path, database_url: &str) {
    let start = || {
        binary()
            .arg("migrate")
            .env("ORGS_DATABASE_URL", database_url)
            .current_dir(dir)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let (first, second) = (start(), start());
    for child in [first, second] {
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }
}

#[test]
fn two_processes_migrating_one_database_at_once_both_succeed() {
    let dir = scratch();
    for round in 0..3 {
        let url = format!("sqlite://{}", dir.join(format!("race-{round}.db")).display());
        migrate_twice_at_once(&dir, &url);
    }
    let runtime = tokio::runtime::Runtime::new().unwrap();
    for _ in 0..3 {
        let database = runtime.block_on(orgs_postgres::test_database::TestDatabase::create_unmigrated());
        migrate_twice_at_once(&dir, &database.url);
        let applied: i64 = runtime
            .block_on(sqlx_count(&database))
            .expect("the migrations table is readable");
        assert_eq!(applied, orgs_postgres::MIGRATOR.iter().count() as i64);
        runtime.block_on(database.drop_database());
    }
    std::fs::remove_dir_all(dir).ok();
}

async fn sqlx_count(database: &orgs_postgres::test_database::TestDatabase) -> Result<i64, String> {
    use orgs_ports::Store;
    database.store.ping().await.map_err(|err| err.to_string())?;
    database.store.applied_migrations().await.map_err(|err| err.to_string())
}
