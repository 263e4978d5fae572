//! The report: targets checked against the references of the same run, a table per
//! store, the whole lists against psql, and the plans, as markdown and as JSON.

use super::scenarios::Kind;
use super::{Cell, Profile, References, StoreResults};
use serde_json::{Value, json};
use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;

const START: &str = "<!-- bench:start -->";
const END: &str = "<!-- bench:end -->";
/// The concurrency the targets are set at.
pub const TARGET_CONCURRENCY: u32 = 32;

pub struct Report<'a> {
    pub profile: &'a Profile,
    pub references: References,
    pub stores: Vec<StoreResults>,
    pub peers: Vec<super::peer::PeerResults>,
}

/// Median, min and max.
fn spread(values: &[f64]) -> (f64, f64, f64) {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let n = sorted.len();
    if n == 0 {
        return (0.0, 0.0, 0.0);
    }
    let median = if n % 2 == 1 {
        sorted[n / 2]
    } else {
        (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0
    };
    (median, sorted[0], sorted[n - 1])
}

fn median(values: &[f64]) -> f64 {
    spread(values).0
}

impl Cell {
    pub fn figure(&self, of: impl Fn(&super::RunResult) -> f64) -> (f64, f64, f64) {
        spread(&self.runs.iter().map(of).collect::<Vec<_>>())
    }
    pub fn rate(&self) -> f64 {
        self.figure(|r| r.requests_per_second).0
    }
    pub fn p50(&self) -> f64 {
        self.figure(|r| r.p50_ms).0
    }
    pub fn p99(&self) -> f64 {
        self.figure(|r| r.p99_ms).0
    }
    pub fn peak_rss(&self) -> f64 {
        self.figure(|r| r.peak_rss_mib).2
    }
}

pub enum Goal {
    AtLeast(f64),
    Below(f64),
}

pub struct Target {
    pub name: String,
    pub measured: String,
    pub reference: String,
    pub ratio: f64,
    pub goal: Goal,
}

impl Target {
    fn met(&self) -> bool {
        match self.goal {
            Goal::AtLeast(least) => self.ratio >= least,
            Goal::Below(most) => self.ratio < most,
        }
    }
    fn goal_text(&self) -> String {
        match self.goal {
            Goal::AtLeast(least) => format!(">= {least}"),
            Goal::Below(most) => format!("< {most}"),
        }
    }
}

impl Report<'_> {
    fn store(&self, name: &str) -> Option<&StoreResults> {
        self.stores.iter().find(|s| s.store == name)
    }

    pub fn cell(&self, store: &str, key: &str, concurrency: u32) -> Option<&Cell> {
        self.store(store)?
            .cells
            .iter()
            .find(|c| c.key == key && c.concurrency == concurrency)
    }

    fn pgbench(&self, mode: &str, clients: u32) -> f64 {
        self.references
            .pgbench
            .iter()
            .find(|(m, c, _)| *m == mode && *c == clients)
            .map(|(_, _, runs)| median(runs))
            .unwrap_or(0.0)
    }

    pub fn error_count(&self) -> u64 {
        let ours = self.stores.iter().flat_map(|s| &s.cells);
        let peers = self.peers.iter().flat_map(|p| &p.cells);
        ours.chain(peers).flat_map(|c| &c.runs).map(|r| r.errors).sum()
    }

    fn targets(&self) -> Vec<Target> {
        let mut targets = Vec::new();
        let c = TARGET_CONCURRENCY;
        let rate = |key: &str| self.cell("PostgreSQL", key, c).map(Cell::rate).unwrap_or(0.0);
        let against = |name: &str, key: &str, mode: &str, least: f64| {
            let (ours, theirs) = (rate(key), self.pgbench(mode, c));
            Target {
                name: format!("{name}, c={c}"),
                measured: format!("{ours:.0} req/s"),
                reference: format!("pgbench {mode}: {theirs:.0} tps"),
                ratio: ours / theirs,
                goal: Goal::AtLeast(least),
            }
        };
        targets.push(against("organizations.get", "org_get", "-S", 0.5));
        targets.push(against("organizations.list (50)", "org_list_50", "-S", 0.15));
        targets.push(against(
            "members.list (all, small org)",
            "members_small_all",
            "-S",
            0.04,
        ));
        targets.push(against("organizations.create", "org_create", "-N", 0.5));
        let (large, small) = (rate("members_large_page"), rate("members_small_page"));
        targets.push(Target {
            name: format!("a page of 100, large org against small org, c={c}"),
            measured: format!("{large:.0} req/s"),
            reference: format!("{small:.0} req/s"),
            ratio: large / small,
            goal: Goal::AtLeast(0.8),
        });
        if let Some(postgres) = self.store("PostgreSQL") {
            for (key, runs) in &postgres.psql {
                let http = self.cell("PostgreSQL", key, 1).map(Cell::p50).unwrap_or(0.0);
                let psql = median(runs);
                targets.push(Target {
                    name: format!("{}, c=1, against psql", label_of(postgres, key)),
                    measured: format!("{http:.1} ms"),
                    reference: format!("psql: {psql:.1} ms"),
                    ratio: http / psql,
                    goal: Goal::Below(10.0),
                });
            }
        }
        for store in self.stores.iter().filter(|store| store.events.writes.requests > 0) {
            let events = &store.events;
            let without = self.cell(store.store, "org_create", c).map(Cell::rate).unwrap_or(0.0);
            targets.push(Target {
                name: format!(
                    "{}: webhook deliveries a second, creates at c={c} with one endpoint",
                    store.store
                ),
                measured: format!("{:.0} /s", events.deliveries_per_second),
                reference: "1,000 /s".into(),
                ratio: events.deliveries_per_second / 1000.0,
                goal: Goal::AtLeast(1.0),
            });
            targets.push(Target {
                name: format!("{}: delivery lag p99, from commit to receiver", store.store),
                measured: format!("{:.0} ms (p50 {:.0} ms)", events.lag_p99_ms, events.lag_p50_ms),
                reference: "1,000 ms".into(),
                ratio: events.lag_p99_ms / 1000.0,
                goal: Goal::Below(1.0),
            });
            targets.push(Target {
                name: format!(
                    "{}: organizations.create while delivering, against without an endpoint",
                    store.store
                ),
                measured: format!("{:.0} req/s", events.writes.requests_per_second),
                reference: format!("{without:.0} req/s"),
                ratio: events.writes.requests_per_second / without,
                goal: Goal::AtLeast(0.9),
            });
        }
        super::goals::memory(self, &mut targets);
        super::goals::tails(self, &mut targets);
        super::goals::audit_log(self, &mut targets);
        super::goals::peer(self, &mut targets);
        if let Some(postgres) = self.store("PostgreSQL") {
            for cell in postgres.cells.iter().filter(|cell| cell.kind == Kind::Read) {
                let runs_at_one_concurrency = postgres.cells.iter().filter(|o| o.key == cell.key).count() == 1;
                if cell.concurrency != c && !runs_at_one_concurrency {
                    continue;
                }
                let Some(sqlite) = self.cell("SQLite", cell.key, cell.concurrency) else {
                    continue;
                };
                targets.push(Target {
                    name: format!("SQLite against PostgreSQL: {}, c={}", cell.label, cell.concurrency),
                    measured: format!("{:.0} req/s", sqlite.rate()),
                    reference: format!("{:.0} req/s", cell.rate()),
                    ratio: sqlite.rate() / cell.rate(),
                    goal: Goal::AtLeast(0.8),
                });
            }
        }
        targets
    }

    pub fn write(&self, markdown: &Path, json_path: &Path) -> Result<(), String> {
        let targets = self.targets();
        let machine = machine();
        let body = self.markdown(&targets, &machine);
        let existing = std::fs::read_to_string(markdown).unwrap_or_default();
        let text = match (existing.find(START), existing.find(END)) {
            (Some(start), Some(end)) if start < end => {
                format!("{}{START}\n{body}{}", &existing[..start], &existing[end..])
            }
            _ => format!("# Benchmarks\n\n{START}\n{body}{END}\n"),
        };
        std::fs::write(markdown, text).map_err(|err| format!("{}: {err}", markdown.display()))?;
        let json = serde_json::to_string_pretty(&self.json(&targets, &machine)).expect("plain values serialize");
        std::fs::write(json_path, json + "\n").map_err(|err| format!("{}: {err}", json_path.display()))
    }

    fn markdown(&self, targets: &[Target], machine: &str) -> String {
        let p = self.profile;
        let mut md = String::new();
        let _ = writeln!(
            md,
            "Generated by `cargo xtask bench{}` on {} (commit {}), {}. Every figure is the median of {} runs of {} s, \
             with [min-max] where it varies.\n",
            if p.quick { " --quick" } else { "" },
            command_text("date", &["-u", "+%Y-%m-%d %H:%M UTC"]),
            command_text("git", &["rev-parse", "--short", "HEAD"]),
            machine,
            p.runs,
            p.seconds
        );
        md.push_str(
            "### Targets\n\n| Target | Measured | Reference | Ratio | Goal | Met |\n|---|---|---|---|---|---|\n",
        );
        for t in targets {
            let met = if t.met() { "yes" } else { "**no**" };
            let _ = writeln!(
                md,
                "| {} | {} | {} | {:.2} | {} | {met} |",
                t.name,
                t.measured,
                t.reference,
                t.ratio,
                t.goal_text()
            );
        }
        md.push_str("\n### References\n\n| Reference | Clients | tps |\n|---|---|---|\n");
        for (mode, clients, runs) in &self.references.pgbench {
            let _ = writeln!(
                md,
                "| `pgbench {mode} -M prepared` | {clients} | {} |",
                range(spread(runs), 0)
            );
        }
        if let Some(postgres) = self.store("PostgreSQL") {
            md.push_str(
                "\n### PostgreSQL alone, the same statements\n\npgbench running exactly the statements one request makes \
                 (token lookup, access check, list), as many clients as the target's connections: the ceiling for any \
                 server in front of this database on this machine.\n\n| Work | pgbench tps | orgs req/s | Share |\n|---|---|---|---|\n",
            );
            for (key, runs) in &postgres.same_statements {
                let ours = self
                    .cell("PostgreSQL", key, TARGET_CONCURRENCY)
                    .map(Cell::rate)
                    .unwrap_or(0.0);
                let theirs = median(runs);
                let _ = writeln!(
                    md,
                    "| {}, c={TARGET_CONCURRENCY} | {} | {ours:.0} | {:.2} |",
                    label_of(postgres, key),
                    range(spread(runs), 0),
                    ours / theirs
                );
            }
        }
        super::goals::peer_table(self, &mut md);
        for store in &self.stores {
            let _ = writeln!(
                md,
                "\n### {} (seeded in {:.1} s)\n\n| Work | Conc. | req/s | p50 ms | p99 ms | Errors | Peak RSS MiB | Settled MiB | CPU s / 1k req |\n|---|---|---|---|---|---|---|---|---|",
                store.store, store.seed_seconds
            );
            for cell in &store.cells {
                let errors: u64 = cell.runs.iter().map(|r| r.errors).sum();
                let already: u64 = cell.runs.iter().map(|r| r.already_member).sum();
                let note = if already > 0 {
                    format!(" ({already} already members)")
                } else {
                    String::new()
                };
                let _ = writeln!(
                    md,
                    "| {}{note} | {} | {} | {} | {} | {errors} | {:.1} | {} | {:.3} |",
                    cell.label,
                    cell.concurrency,
                    range(cell.figure(|r| r.requests_per_second), 0),
                    range(cell.figure(|r| r.p50_ms), 2),
                    range(cell.figure(|r| r.p99_ms), 2),
                    cell.peak_rss(),
                    settled_text(cell),
                    cell.figure(|r| r.cpu_seconds_per_1k).0,
                );
            }
            for (title, plan) in &store.plans {
                let _ = writeln!(md, "\n#### Plan: {title}\n\n```\n{}```", plan);
            }
        }
        md
    }

    fn json(&self, targets: &[Target], machine: &str) -> Value {
        let p = self.profile;
        let stores: Vec<Value> = self
            .stores
            .iter()
            .map(|store| {
                let cells: Vec<Value> = store
                    .cells
                    .iter()
                    .map(|cell| {
                        let runs: Vec<Value> = cell
                            .runs
                            .iter()
                            .map(|r| {
                                json!({"requests": r.requests, "requestsPerSecond": r.requests_per_second,
                                    "p50Ms": r.p50_ms, "p99Ms": r.p99_ms, "errors": r.errors,
                                    "alreadyMember": r.already_member, "peakRssMib": r.peak_rss_mib,
                                    "settledRssMib": r.settled_rss_mib,
                                    "cpuSecondsPer1k": r.cpu_seconds_per_1k})
                            })
                            .collect();
                        json!({"key": cell.key, "label": cell.label, "concurrency": cell.concurrency, "runs": runs})
                    })
                    .collect();
                let psql: Vec<Value> = store
                    .psql
                    .iter()
                    .map(|(key, runs)| json!({"key": key, "millis": runs}))
                    .collect();
                json!({"store": store.store, "seedSeconds": store.seed_seconds, "cells": cells, "psql": psql,
                    "events": store.events.json()})
            })
            .collect();
        let pgbench: Vec<Value> = self
            .references
            .pgbench
            .iter()
            .map(|(mode, clients, runs)| json!({"mode": mode, "clients": clients, "tps": runs}))
            .collect();
        let targets: Vec<Value> = targets
            .iter()
            .map(|t| {
                json!({"name": t.name, "measured": t.measured, "reference": t.reference,
                    "ratio": t.ratio, "goal": t.goal_text(), "met": t.met()})
            })
            .collect();
        json!({
            "quick": p.quick, "runs": p.runs, "seconds": p.seconds, "concurrencies": p.concurrencies,
            "machine": machine, "pgbench": pgbench, "stores": stores, "targets": targets,
        })
    }
}

fn settled_text(cell: &Cell) -> String {
    let settled: Vec<f64> = cell.runs.iter().filter_map(|r| r.settled_rss_mib).collect();
    if settled.is_empty() {
        "-".into()
    } else {
        range(spread(&settled), 1)
    }
}

fn label_of<'a>(store: &'a StoreResults, key: &'a str) -> &'a str {
    store
        .cells
        .iter()
        .find(|c| c.key == key)
        .map(|c| c.label.as_str())
        .unwrap_or(key)
}

pub fn range((median, min, max): (f64, f64, f64), decimals: usize) -> String {
    let same = format!("{min:.decimals$}") == format!("{max:.decimals$}");
    if same {
        format!("{median:.decimals$}")
    } else {
        format!("{median:.decimals$} [{min:.decimals$}-{max:.decimals$}]")
    }
}

fn command_text(program: &str, args: &[&str]) -> String {
    Command::new(program)
        .args(args)
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
        .unwrap_or_default()
}

fn machine() -> String {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = cpuinfo
        .lines()
        .find_map(|line| line.strip_prefix("model name").and_then(|rest| rest.split_once(':')))
        .map(|(_, name)| name.trim().to_owned())
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism().map(usize::from).unwrap_or(0);
    // Autovacuum off (as on these CI machines) lets dead rows build up through a run,
    // which a user's server would clean: the figures need saying which it was.
    let autovacuum = super::references::setting("autovacuum").unwrap_or_else(|_| "unknown".into());
    format!(
        "{cores} cores of {model}, Linux {}, PostgreSQL autovacuum {autovacuum}",
        command_text("uname", &["-r"]),
    )
}
