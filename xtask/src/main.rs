//! Developer tasks, run as `cargo xtask <task>`:
//!
//! - `openapi [--check]`: regenerate `openapi/openapi.json`, or fail when it is stale.
//! - `spectral`: Spectral's OWASP API Security ruleset (from npm) on the committed spec.
//! - `fuzz-api [--seed N|random] [--runs N] [--every-check]`: schemathesis (from PyPI)
//!   against the committed spec and a running server; CI's fixed seed by default.
//! - `bench [--quick] [--peer better-auth] [--only …] [--store …]`: the benchmarks of docs/benchmarks.md (see bench/mod.rs).
//! - `client-types [--check]`: regenerate the TypeScript client's types from the spec.
//! - `client-test`: the TypeScript client's tests against a freshly built server.
//! - `widgets-test`: the React widgets' component and browser tests.
//! - `screenshots`: the browser tests, saving their screenshots in docs/screenshots.
//! - `console`: the widgets' console and gallery, served for a running server.
//! - `ci`: everything CI checks: formatting, clippy, the spec and its OWASP lint, every
//!   test, the client's and the widgets' tests, the API fuzz.

mod bench;
mod client;
mod fuzz_api;
mod tidy;
mod widgets;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

const SPEC: &str = "openapi/openapi.json";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let result = match args.as_slice() {
        ["openapi"] => openapi(false),
        ["openapi", "--check"] => openapi(true),
        ["spectral"] => spectral(false),
        ["ci"] => ci(),
        ["fuzz-api", options @ ..] => {
            fuzz_api::Options::parse(options).and_then(|options| fuzz_api::fuzz(&root(), &options))
        }
        ["bench", options @ ..] => bench::Options::parse(options).and_then(|options| bench::bench(&root(), options)),
        ["client-types"] => client::types(&root(), false),
        ["client-types", "--check"] => client::types(&root(), true),
        ["client-test"] => client::test(&root(), false),
        ["widgets-test"] => widgets::test(&root(), false, &target_dir(&root()).join("screenshots")),
        ["screenshots"] => widgets::test(&root(), false, &root().join("docs/screenshots")),
        ["console"] => widgets::console(&root()),
        _ => Err(concat!(
            "usage: cargo xtask openapi [--check] | spectral | client-types [--check] | client-test | widgets-test | ",
            "screenshots | console | fuzz-api [--seed N|random] [--runs N] [--every-check] | ",
            "bench [--quick] [--peer better-auth] [--only key,...] [--store postgresql|sqlite] | ci"
        )
        .to_owned()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the workspace")
        .to_path_buf()
}

/// Where cargo puts builds: `CARGO_TARGET_DIR` when set (relative to the workspace, as
/// cargo reads it here), else `target/`.
pub(crate) fn target_dir(root: &Path) -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root.join("target"), |dir| root.join(dir))
}

pub(crate) fn cargo() -> Command {
    let mut command = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    command.current_dir(root());
    command
}

pub(crate) fn run(mut command: Command) -> Result<(), String> {
    eprintln!("xtask: running {command:?}");
    let status = command
        .status()
        .map_err(|err| format!("cannot start {command:?}: {err}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{command:?} failed with {status}"))
    }
}

fn openapi(check: bool) -> Result<(), String> {
    let mut command = cargo();
    command.args(["run", "--quiet", "--package", "orgs-server", "--", "openapi"]);
    let output = command
        .output()
        .map_err(|err| format!("cannot run orgs-server openapi: {err}"))?;
    if !output.status.success() {
        return Err(format!(
            "orgs-server openapi failed: {}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    let path = root().join(SPEC);
    let committed = std::fs::read(&path).unwrap_or_default();
    if committed == output.stdout {
        eprintln!("xtask: {SPEC} is up to date");
        return Ok(());
    }
    if check {
        return Err(format!(
            "{SPEC} is stale: run `cargo xtask openapi` and commit the result"
        ));
    }
    std::fs::write(&path, &output.stdout).map_err(|err| format!("cannot write {SPEC}: {err}"))?;
    eprintln!("xtask: rewrote {SPEC}");
    Ok(())
}

fn ci() -> Result<(), String> {
    let mut fmt = cargo();
    fmt.args(["fmt", "--all", "--check"]);
    run(fmt)?;
    let mut clippy = cargo();
    clippy.args([
        "clippy",
        "--workspace",
        "--all-targets",
        "--locked",
        "--",
        "-D",
        "warnings",
    ]);
    run(clippy)?;
    openapi(true)?;
    spectral(true)?;
    run(tests_command())?;
    client::test(&root(), true)?;
    widgets::test(&root(), true, &target_dir(&root()).join("screenshots"))?;
    fuzz_api::fuzz(&root(), &fuzz_api::Options::default())
}

/// Lints the committed spec with Spectral's OWASP API Security ruleset (pinned in
/// `xtask/spectral`, installed from npm); any error fails, warnings are shown.
fn spectral(clean_install: bool) -> Result<(), String> {
    let dir = root().join("xtask/spectral");
    client::npm_install(&dir, clean_install)?;
    let mut lint = Command::new("npx");
    lint.current_dir(&dir)
        .args([
            "--no-install",
            "spectral",
            "lint",
            "--fail-severity",
            "error",
            "--display-only-failures",
        ])
        .args(["-r", ".spectral.yaml"])
        .arg(root().join(SPEC));
    run(lint)
}

/// cargo-nextest runs the suite faster and isolates each test in its process; plain
/// `cargo test` runs the same tests where nextest is not installed.
fn tests_command() -> Command {
    let nextest = cargo()
        .args(["nextest", "--version"])
        .output()
        .is_ok_and(|out| out.status.success());
    let mut tests = cargo();
    if nextest {
        tests.args(["nextest", "run", "--workspace", "--locked", "--no-fail-fast"]);
    } else {
        eprintln!("xtask: cargo-nextest not found; running cargo test (install it with `cargo install cargo-nextest`)");
        tests.args(["test", "--workspace", "--locked", "--no-fail-fast"]);
    }
    tests
}
