//! `--peer better-auth`: Better Auth with its organization plugin (pinned in
//! `xtask/peer/better-auth/package-lock.json`), seeded through its own HTTP API with the
//! data of our seed, and driven by the same wrk script at the target concurrency, in the
//! same run as orgs, on each store.

use super::measure::{self, Load, Server};
use super::scenarios::Kind;
use super::{Cell, Profile, references};
use serde_json::Value;
use std::path::Path;
use std::process::Command;

pub const PEER: &str = "Better Auth";
const DIRECTORY: &str = "xtask/peer/better-auth";
/// Members of the peer's small organization and organizations of its reader, as ours.
const MEMBERS: usize = 1_000;
const ORGANIZATIONS: usize = 50;

/// One operation of the comparison: our scenario's key, and the peer's request for it.
pub struct Work {
    /// The key of our scenario this is compared with.
    pub key: &'static str,
    pub label: &'static str,
    pub kind: Kind,
    /// Ours must serve at least this many times the peer's rate.
    pub times: f64,
}

pub const WORK: [Work; 4] = [
    Work {
        key: "members_small_all",
        kind: Kind::Read,
        label: "members.list, 1,000 members",
        times: 30.0,
    },
    Work {
        key: "org_list_50",
        kind: Kind::Read,
        label: "organizations.list, a user in 50",
        times: 40.0,
    },
    Work {
        key: "org_create",
        kind: Kind::Write,
        label: "organizations.create",
        times: 15.0,
    },
    Work {
        key: "invite",
        kind: Kind::Write,
        label: "invitations.create",
        times: 10.0,
    },
];

/// The peer's runs of each `WORK` entry on one store.
pub struct PeerResults {
    pub store: &'static str,
    /// One cell per `WORK` entry, under our scenario's key, at the target concurrency.
    pub cells: Vec<Cell>,
    pub seed_seconds: f64,
}

pub fn bench_store(root: &Path, out: &Path, profile: &Profile, store: &'static str) -> Result<PeerResults, String> {
    let directory = root.join(DIRECTORY);
    // The pinned packages, installed once; `npm ci` refuses a lockfile that disagrees.
    crate::client::npm_install(&directory, false)?;
    let (kind, database) = if store == "PostgreSQL" {
        let name = "orgs_bench_peer";
        references::fresh_database(name)?;
        let url = format!("postgres://{}@{}:5432/{name}", references::PG_USER, references::PG_HOST);
        ("postgres", url)
    } else {
        let file = out.join("peer-better-auth.db");
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", file.display()));
        }
        ("sqlite", file.display().to_string())
    };
    let port = measure::free_port()?;
    let mut node = Command::new("node");
    node.arg("server.mjs")
        .current_dir(&directory)
        .env("PEER_STORE", kind)
        .env("PEER_DATABASE", &database)
        .env("PORT", port.to_string());
    let log = out.join(format!("peer-{}.log", store.to_lowercase()));
    let server = Server::spawn(node, format!("127.0.0.1:{port}"), &log)?;
    let started = std::time::Instant::now();
    let seed = seed(&directory, &server.address)?;
    let seed_seconds = started.elapsed().as_secs_f64();
    eprintln!("xtask: {PEER} on {store} seeded through its API in {seed_seconds:.0} s");
    let script = root.join("xtask/bench/load.lua");
    let text = |key: &str| seed[key].as_str().unwrap_or_default().to_owned();
    let mut cells = Vec::new();
    for work in &WORK {
        let env: Vec<(&'static str, String)> = match work.key {
            "members_small_all" => vec![
                ("BENCH_METHOD", "GET".into()),
                (
                    "BENCH_PATH",
                    format!(
                        "/api/auth/organization/list-members?organizationId={}&limit=200000",
                        text("smallOrg")
                    ),
                ),
                ("BENCH_BEARER", text("readerToken")),
            ],
            "org_list_50" => vec![
                ("BENCH_METHOD", "GET".into()),
                ("BENCH_PATH", "/api/auth/organization/list".into()),
                ("BENCH_BEARER", text("readerToken")),
            ],
            "org_create" => vec![
                ("BENCH_MODE", "create_slug".into()),
                ("BENCH_PATH", "/api/auth/organization/create".into()),
                ("BENCH_BEARER", text("writerToken")),
            ],
            "invite" => vec![
                ("BENCH_MODE", "invite".into()),
                ("BENCH_PATH", "/api/auth/organization/invite-member".into()),
                ("BENCH_BEARER", text("readerToken")),
                ("BENCH_ORG", text("writesOrg")),
            ],
            other => return Err(format!("no {PEER} request is written for {other}")),
        };
        let mut runs = Vec::new();
        for run in 0..profile.runs {
            let mut env = env.clone();
            env.push(("BENCH_RUN", run.to_string()));
            let load = Load {
                script: &script,
                env,
                concurrency: super::report::TARGET_CONCURRENCY,
                seconds: profile.seconds,
                settle: false,
            };
            runs.push(measure::drive(&server, &load)?);
        }
        let rates: Vec<String> = runs.iter().map(|r| format!("{:.0}", r.requests_per_second)).collect();
        eprintln!("xtask: {PEER} on {store} {}: {rates:?} req/s", work.key);
        cells.push(Cell {
            key: work.key,
            label: work.label.into(),
            kind: work.kind,
            concurrency: super::report::TARGET_CONCURRENCY,
            runs,
        });
    }
    Ok(PeerResults {
        store,
        cells,
        seed_seconds,
    })
}

fn seed(directory: &Path, address: &str) -> Result<Value, String> {
    let mut seeder = Command::new("node");
    seeder
        .arg("seed.mjs")
        .args(["--url", &format!("http://{address}")])
        .args(["--members", &MEMBERS.to_string(), "--orgs", &ORGANIZATIONS.to_string()])
        .current_dir(directory);
    measure::json_output(&mut seeder, &format!("{PEER}'s seed"))
}

impl PeerResults {
    pub fn cell(&self, key: &str) -> Option<&Cell> {
        self.cells.iter().find(|cell| cell.key == key)
    }
}
