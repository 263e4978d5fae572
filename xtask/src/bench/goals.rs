//! The targets of performance II (docs/benchmarks.md): memory in every scenario and after
//! bursts of new credentials, and write tails at the target concurrency.

use super::report::{Goal, Report, TARGET_CONCURRENCY, Target};
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
