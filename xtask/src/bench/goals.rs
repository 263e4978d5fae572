//! The targets of performance II (docs/benchmarks.md): memory in every scenario and after
//! bursts of new credentials, and write tails at the target concurrency.

use super::peer::{PEER, WORK};
use super::report::{Goal, Report, TARGET_CONCURRENCY, Target, range};
use super::scenarios::Kind;

/// Peak resident memory allowed in any scenario, and what the server may keep after one.
const PEAK_MIB: f64 = 100.0;
const SETTLED_MIB: f64 = 40.0;
/// The slowest write of a hundred may take at most this many times the median one.
const TAIL_RATIO: f64 = 4.0;

const TAIL_WRITES: [&str; 8] = [
    "org_create",
    "invite",
    "set_role",
    "join",
    "org_create_spread",
    "invite_spread",
    "set_role_spread",
    "join_spread",
];

pub fn memory(report: &Report, targets: &mut Vec<Target>) {
    for store in &report.stores {
        let cells = store.cells.iter();
        let worst = cells
            .map(|cell| (cell, cell.peak_rss()))
            .max_by(|a, b| a.1.total_cmp(&b.1));
        if let Some((cell, peak)) = worst {
            targets.push(Target {
                name: format!("{}: peak resident memory, every scenario", store.store),
                measured: format!("{peak:.1} MiB ({}, c={})", cell.label, cell.concurrency),
                reference: format!("{PEAK_MIB} MiB"),
                ratio: peak / PEAK_MIB,
                goal: Goal::Below(1.0),
            });
        }
        for cell in store.cells.iter().filter(|cell| cell.kind == Kind::Burst) {
            let settled = cell
                .runs
                .iter()
                .filter_map(|run| run.settled_rss_mib)
                .fold(0.0, f64::max);
            targets.push(Target {
                name: format!("{}: resident memory settled after {}", store.store, cell.label),
                measured: format!("{settled:.1} MiB (peak {:.1})", cell.peak_rss()),
                reference: format!("{SETTLED_MIB} MiB"),
                ratio: settled / SETTLED_MIB,
                goal: Goal::Below(1.0),
            });
        }
    }
}

/// A page of a long audit log against the first page of a short one, at every
/// concurrency of the sweep: the log's index, not its length, should decide the cost.
pub fn audit_log(report: &Report, targets: &mut Vec<Target>) {
    for store in &report.stores {
        for short in store.cells.iter().filter(|cell| cell.key == "audit_log_page") {
            for key in ["audit_log_long_first", "audit_log_long_mid"] {
                let Some(long) = report.cell(store.store, key, short.concurrency) else {
                    continue;
                };
                targets.push(Target {
                    name: format!(
                        "{}: {} against 1000 events, c={}",
                        store.store, long.label, short.concurrency
                    ),
                    measured: format!("{:.0} req/s", long.rate()),
                    reference: format!("{:.0} req/s", short.rate()),
                    ratio: long.rate() / short.rate(),
                    goal: Goal::AtLeast(0.8),
                });
            }
        }
    }
}

pub fn tails(report: &Report, targets: &mut Vec<Target>) {
    for store in &report.stores {
        for key in TAIL_WRITES {
            let Some(cell) = report.cell(store.store, key, TARGET_CONCURRENCY) else {
                continue;
            };
            let (p50, p99) = (cell.p50(), cell.p99());
            targets.push(Target {
                name: format!(
                    "{}: p99 against p50, {}, c={TARGET_CONCURRENCY}",
                    store.store, cell.label
                ),
                measured: format!("{p99:.1} ms"),
                reference: format!("p50 {p50:.1} ms"),
                ratio: p99 / p50,
                goal: Goal::Below(TAIL_RATIO + f64::EPSILON),
            });
        }
    }
}

pub fn peer(report: &Report, targets: &mut Vec<Target>) {
    let c = TARGET_CONCURRENCY;
    for peer in &report.peers {
        for work in &WORK {
            let (Some(ours), Some(theirs)) = (report.cell(peer.store, work.key, c), peer.cell(work.key)) else {
                continue;
            };
            let (rate, p99, peak) = (theirs.rate(), theirs.p99(), theirs.peak_rss());
            let name = |what: &str| format!("{}: {}, {what} against {PEER}, c={c}", peer.store, work.label);
            targets.push(Target {
                name: name("rate"),
                measured: format!("{:.0} req/s", ours.rate()),
                reference: format!("{rate:.0} req/s"),
                ratio: ours.rate() / rate,
                goal: Goal::AtLeast(work.times),
            });
            targets.push(Target {
                name: name("p99"),
                measured: format!("{:.1} ms", ours.p99()),
                reference: format!("{p99:.1} ms"),
                ratio: ours.p99() / p99,
                goal: Goal::Below(1.0),
            });
            targets.push(Target {
                name: name("peak memory"),
                measured: format!("{:.1} MiB", ours.peak_rss()),
                reference: format!("{peak:.1} MiB"),
                ratio: ours.peak_rss() / peak,
                goal: Goal::Below(1.0),
            });
        }
    }
}

/// Both servers side by side, each figure the median of the runs with [min-max].
pub fn peer_table(report: &Report, md: &mut String) {
    if report.peers.is_empty() {
        return;
    }
    md.push_str(&format!(
        "\n### {PEER} and orgs, the same load at c={TARGET_CONCURRENCY}\n\n\
         | Store | Work | {PEER} req/s | orgs req/s | Times | {PEER} p99 ms | orgs p99 ms | {PEER} peak MiB | orgs peak MiB |\n\
         |---|---|---|---|---|---|---|---|---|\n"
    ));
    for peer in &report.peers {
        for work in &WORK {
            let (Some(ours), Some(theirs)) = (
                report.cell(peer.store, work.key, TARGET_CONCURRENCY),
                peer.cell(work.key),
            ) else {
                continue;
            };
            md.push_str(&format!(
                "| {} (seeded in {:.0} s) | {} | {} | {} | {:.1} | {} | {} | {:.1} | {:.1} |\n",
                peer.store,
                peer.seed_seconds,
                work.label,
                range(theirs.figure(|r| r.requests_per_second), 0),
                range(ours.figure(|r| r.requests_per_second), 0),
                ours.rate() / theirs.rate(),
                range(theirs.figure(|r| r.p99_ms), 1),
                range(ours.figure(|r| r.p99_ms), 1),
                theirs.peak_rss(),
                ours.peak_rss(),
            ));
        }
    }
}
