//! `cargo xtask bench [--quick]`: builds the server, seeds PostgreSQL and then
//! SQLite through the store, drives the server with wrk, measures the references
//! (pgbench, psql, /healthz) in the same run, and writes the report.
//!
//! The full run writes `docs/benchmarks.md` (between its markers) and
//! `docs/benchmarks.json`; `--quick` (CI) uses smaller data, one concurrency and short
//! runs, writes under `target/bench/quick/`, and fails on any error answer, not on targets.
//! It also uses the debug build the tests have just made: it proves every scenario runs
//! clean under load, which needs no optimiser, and a release build would add minutes
//! to every CI run.

mod burst;
mod events;
mod goals;
mod measure;
mod peer;
mod references;
mod report;
mod scenarios;

use measure::{Load, RunResult, Server};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

/// What `cargo xtask bench` was asked for.
#[derive(Default)]
pub struct Options {
    pub quick: bool,
    /// Scenario keys to run, for profiling by hand; the webhook run is the key `events`.
    pub only: Option<Vec<String>>,
    /// One store instead of both, for profiling by hand.
    pub store: Option<String>,
    pub peer: bool,
}

impl Options {
    pub fn parse(args: &[&str]) -> Result<Self, String> {
        let mut options = Self::default();
        let mut args = args.iter();
        while let Some(&arg) = args.next() {
            let mut value = || args.next().copied().ok_or_else(|| format!("{arg} needs a value"));
            match arg {
                "--quick" => options.quick = true,
                "--only" => options.only = Some(value()?.split(',').map(str::to_owned).collect()),
                "--store" => options.store = Some(value()?.to_lowercase()),
                "--peer" => match value()? {
                    "better-auth" => options.peer = true,
                    other => return Err(format!("unknown peer {other}: the one peer is better-auth")),
                },
                other => return Err(format!("unknown bench option {other}")),
            }
        }
        if options.quick && options.peer {
            // Quick runs last a second; Better Auth answers some of these in about one.
            return Err("--peer needs the full runs: leave out --quick".into());
        }
        Ok(options)
    }

    /// A run by hand of part of the benchmark: it writes under `target/bench/only/`
    /// and skips the references, which only a whole run compares against.
    fn partial(&self) -> bool {
        self.only.is_some() || self.store.is_some()
    }

    fn runs(&self, key: &str) -> bool {
        self.only.as_ref().is_none_or(|only| only.iter().any(|k| k == key))
    }
}

pub struct Profile {
    pub quick: bool,
    pub options: Options,
    /// Apart for the two modes, so a CI run's quick bench leaves the full run's data
    /// (and the seed files that match it) for profiling by hand.
    database: &'static str,
    pgbench_database: &'static str,
    out: &'static str,
    pub runs: usize,
    pub seconds: u32,
    pub concurrencies: Vec<u32>,
    seed_args: Vec<String>,
    pgbench_scale: u32,
}

impl Profile {
    fn new(options: Options) -> Self {
        let quick = options.quick;
        let partial = options.partial();
        let (concurrencies, seconds) = if quick { (vec![32], 1) } else { (vec![1, 32, 256], 5) };
        let runs = 3;
        let sizes: &[(&str, usize)] = if quick {
            &[
                ("--large-members", 10_000),
                ("--many-orgs", 2_000),
                ("--join-users", 5_000),
                ("--burst-users", 200),
                ("--audit-events", 20_000),
            ]
        } else {
            &[
                ("--large-members", 100_000),
                ("--many-orgs", 10_000),
                ("--join-users", 20_000),
                ("--burst-users", 1_000),
                ("--audit-events", 1_000_000),
            ]
        };
        let mut seed_args: Vec<String> = sizes
            .iter()
            .flat_map(|(flag, value)| [flag.to_string(), value.to_string()])
            .collect();
        seed_args.extend(["--join-codes".into(), (concurrencies.len() * runs).to_string()]);
        // A burst of 1,000 first uses takes about a minute of argon2: once a store.
        seed_args.extend(["--bursts".into(), "1".into()]);
        seed_args.extend(["--jwt-secret".into(), measure::JWT_SECRET.into()]);
        Self {
            quick,
            options,
            database: if quick { "orgs_bench_quick" } else { "orgs_bench" },
            pgbench_database: if quick {
                "orgs_bench_pgbench_quick"
            } else {
                "orgs_bench_pgbench"
            },
            out: match (partial, quick) {
                (true, _) => "target/bench/only",
                (false, true) => "target/bench/quick",
                (false, false) => "target/bench",
            },
            runs,
            seconds,
            concurrencies,
            seed_args,
            pgbench_scale: if quick { 1 } else { 10 },
        }
    }
}

/// Every run of one scenario at one concurrency.
pub struct Cell {
    pub key: &'static str,
    pub label: String,
    pub kind: scenarios::Kind,
    pub concurrency: u32,
    pub runs: Vec<RunResult>,
}

pub struct StoreResults {
    pub store: &'static str,
    pub cells: Vec<Cell>,
    /// (scenario key, psql milliseconds per run) for the whole lists; PostgreSQL only.
    pub psql: Vec<(&'static str, Vec<f64>)>,
    pub plans: Plans,
    /// (scenario key, pgbench tps per run) of the same statements a request makes, at
    /// the target concurrency; PostgreSQL only.
    pub same_statements: PsqlTimes,
    pub seed_seconds: f64,
    /// The writes and deliveries with one webhook endpoint (docs/events.md).
    pub events: events::EventsResult,
}

pub struct References {
    /// (mode, clients, transactions a second per run).
    pub pgbench: Vec<(&'static str, u32, Vec<f64>)>,
}

pub fn bench(root: &Path, options: Options) -> Result<(), String> {
    for tool in ["wrk", "pgbench", "psql"] {
        if Command::new("which")
            .arg(tool)
            .output()
            .map(|o| !o.status.success())
            .unwrap_or(true)
        {
            return Err(format!(
                "{tool} is not installed (apt-get install wrk postgresql-client)"
            ));
        }
    }
    let quick = options.quick;
    let profile = Profile::new(options);
    let partial = profile.options.partial();
    let mut build = crate::cargo();
    build.args(["build", "--locked", "-p", "orgs-server", "-p", "orgs-bench", "--bins"]);
    if !quick {
        build.arg("--release");
    }
    crate::run(build)?;
    let out = root.join(profile.out);
    std::fs::create_dir_all(&out).map_err(|err| format!("{}: {err}", out.display()))?;

    let references = if partial {
        References { pgbench: Vec::new() }
    } else {
        measure_references(&profile)?
    };
    let sqlite_file = out.join("orgs-bench.db");
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", sqlite_file.display()));
    }
    references::fresh_database(profile.database)?;
    let stores = [
        (
            "PostgreSQL",
            format!(
                "postgres://{}@{}:5432/{}",
                references::PG_USER,
                references::PG_HOST,
                profile.database
            ),
        ),
        ("SQLite", format!("sqlite://{}", sqlite_file.display())),
    ];
    let mut results = Vec::new();
    let mut peers = Vec::new();
    let chosen = |store: &str| {
        profile
            .options
            .store
            .as_ref()
            .is_none_or(|only| *only == store.to_lowercase())
    };
    for (store, url) in stores.into_iter().filter(|(store, _)| chosen(store)) {
        results.push(bench_store(root, &out, &profile, store, &url)?);
        if profile.options.peer {
            peers.push(peer::bench_store(root, &out, &profile, store)?);
        }
    }
    let report = report::Report {
        profile: &profile,
        references,
        stores: results,
        peers,
    };
    let (markdown, json) = if quick || partial {
        (out.join("benchmarks.md"), out.join("benchmarks.json"))
    } else {
        (root.join("docs/benchmarks.md"), root.join("docs/benchmarks.json"))
    };
    report.write(&markdown, &json)?;
    eprintln!("xtask: wrote {} and {}", markdown.display(), json.display());
    let errors = report.error_count();
    if errors > 0 {
        return Err(format!(
            "{errors} requests failed during the benchmark; see {}",
            out.display()
        ));
    }
    Ok(())
}

fn measure_references(profile: &Profile) -> Result<References, String> {
    references::pgbench_init(profile.pgbench_database, profile.pgbench_scale)?;
    let mut pgbench = Vec::new();
    for mode in ["-S", "-N"] {
        // PostgreSQL's default max_connections (100) leaves no room for 256 clients.
        for &clients in profile.concurrencies.iter().filter(|&&c| c <= 64) {
            let runs = (0..profile.runs)
                .map(|_| references::pgbench(profile.pgbench_database, &[mode], clients, profile.seconds))
                .collect::<Result<Vec<_>, _>>()?;
            eprintln!("xtask: pgbench {mode} -c {clients}: {runs:.0?} tps");
            pgbench.push((mode, clients, runs));
        }
    }
    Ok(References { pgbench })
}

fn bench_store(
    root: &Path,
    out: &Path,
    profile: &Profile,
    store: &'static str,
    url: &str,
) -> Result<StoreResults, String> {
    let binaries = crate::target_dir(root).join(if profile.quick { "debug" } else { "release" });
    let started = std::time::Instant::now();
    let seed = seed(&binaries.join("orgs-bench-seed"), url, profile)?;
    // Kept for profiling by hand against the same data (tokens and ids).
    let seed_file = out.join(format!("seed-{}.json", store.to_lowercase()));
    std::fs::write(&seed_file, seed.to_string()).map_err(|err| format!("{}: {err}", seed_file.display()))?;
    if store == "PostgreSQL" {
        references::vacuum(profile.database)?;
    }
    let seed_seconds = started.elapsed().as_secs_f64();
    eprintln!("xtask: {store} seeded in {seed_seconds:.1} s");
    let lists = list_files(out, &seed)?;
    let log = out.join(format!("server-{}.log", store.to_lowercase()));
    let server = Server::start(&binaries.join("orgs-server"), url, &log)?;
    let script = root.join("xtask/bench/load.lua");
    let mut cells = Vec::new();
    let chosen = scenarios::scenarios(&seed, &profile.concurrencies, &lists);
    for scenario in chosen.into_iter().filter(|s| profile.options.runs(s.key)) {
        for (step, &concurrency) in scenario.concurrencies.iter().enumerate() {
            let mut runs = Vec::new();
            if scenario.kind == scenarios::Kind::Burst {
                for run in 0..scenario.runs() {
                    runs.push(burst::drive(&server, &scenario.env(run), concurrency)?);
                }
            } else {
                for run in 0..profile.runs {
                    let load = Load {
                        script: &script,
                        env: scenario.env(step * profile.runs + run),
                        concurrency,
                        seconds: profile.seconds,
                        settle: false,
                    };
                    runs.push(measure::drive(&server, &load)?);
                }
            }
            let rates: Vec<String> = runs.iter().map(|r| format!("{:.0}", r.requests_per_second)).collect();
            let errors: u64 = runs.iter().map(|r| r.errors).sum();
            eprintln!(
                "xtask: {store} {} c={concurrency}: {rates:?} req/s, {errors} errors",
                scenario.key
            );
            cells.push(Cell {
                key: scenario.key,
                label: scenario.label.clone(),
                kind: scenario.kind,
                concurrency,
                runs,
            });
        }
        if store == "PostgreSQL" {
            references::vacuum(profile.database)?;
        }
    }
    let events = if profile.options.runs("events") {
        let events = events::measure(&binaries, &server, url, &script, &seed, profile)?;
        eprintln!(
            "xtask: {store} with a webhook: {:.0} creates/s, {:.0} deliveries/s, lag p50 {:.0} ms p99 {:.0} ms",
            events.writes.requests_per_second, events.deliveries_per_second, events.lag_p50_ms, events.lag_p99_ms
        );
        events
    } else {
        events::EventsResult::default()
    };
    drop(server);
    let (psql, plans, same_statements) = if store == "PostgreSQL" && !profile.options.partial() {
        postgres_references(out, &seed, profile)?
    } else {
        Default::default()
    };
    Ok(StoreResults {
        store,
        cells,
        psql,
        plans,
        same_statements,
        seed_seconds,
        events,
    })
}

/// Writes the seed's lists for the load script, one value a line.
fn list_files(out: &Path, seed: &Value) -> Result<scenarios::Lists, String> {
    let none = Vec::new();
    let list = |key: &str, name: &str| measure::list_file(out, name, seed[key].as_array().unwrap_or(&none));
    let per_run = |key: &str, name: &str| {
        let runs = seed[key].as_array().unwrap_or(&none);
        runs.iter()
            .enumerate()
            .map(|(run, values)| {
                measure::list_file(out, &format!("{name}-{run}.txt"), values.as_array().unwrap_or(&none))
            })
            .collect::<Result<Vec<_>, _>>()
    };
    Ok(scenarios::Lists {
        write_members: list("writeMembers", "write-members.txt")?,
        joiners: list("joinTokens", "joiners.txt")?,
        spread_orgs: list("spreadOrgs", "spread-orgs.txt")?,
        spread_members: list("spreadMembers", "spread-members.txt")?,
        spread_codes: list("spreadJoinCodes", "spread-codes.txt")?,
        fresh_tokens: per_run("freshTokens", "fresh-tokens")?,
        newcomers: per_run("newcomerJwts", "newcomers")?,
    })
}

type PsqlTimes = Vec<(&'static str, Vec<f64>)>;
type Plans = Vec<(&'static str, String)>;

fn postgres_references(out: &Path, seed: &Value, profile: &Profile) -> Result<(PsqlTimes, Plans, PsqlTimes), String> {
    let mut psql = Vec::new();
    for (key, sql) in references::whole_list_sql(seed) {
        let runs = (0..profile.runs.max(5))
            .map(|_| references::psql_millis(profile.database, &sql))
            .collect::<Result<Vec<_>, _>>()?;
        psql.push((key, runs));
    }
    let plans = references::hot_queries(seed)
        .into_iter()
        .map(|(title, sql)| references::explain(profile.database, &sql).map(|plan| (title, plan)))
        .collect::<Result<Vec<_>, _>>()?;
    let mut same_statements = Vec::new();
    for script in references::same_statements(seed) {
        let path = out.join(format!("{}.sql", script.key));
        std::fs::write(&path, &script.text).map_err(|err| format!("{}: {err}", path.display()))?;
        let mut workload = vec!["-f".to_owned(), path.display().to_string()];
        for variable in &script.variables {
            workload.extend(["-D".to_owned(), variable.clone()]);
        }
        let workload: Vec<&str> = workload.iter().map(String::as_str).collect();
        let runs = (0..profile.runs)
            .map(|_| references::pgbench(profile.database, &workload, report::TARGET_CONCURRENCY, profile.seconds))
            .collect::<Result<Vec<_>, _>>()?;
        eprintln!("xtask: pgbench with the statements of {}: {runs:.0?} tps", script.key);
        same_statements.push((script.key, runs));
    }
    Ok((psql, plans, same_statements))
}

fn seed(binary: &PathBuf, url: &str, profile: &Profile) -> Result<Value, String> {
    let mut seeder = Command::new(binary);
    seeder.args(&profile.seed_args).env("ORGS_DATABASE_URL", url);
    measure::json_output(&mut seeder, "the seeder")
}
