//! The TypeScript client in `clients/typescript`: its types regenerated from the committed
//! spec, and its tests run against a freshly built `orgs-server`. Both need Node.js and
//! the packages its lockfile pins, installed from the npm registry with `npm ci`.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::{cargo, run, target_dir};

pub const CLIENT_DIR: &str = "clients/typescript";

/// Rewrites `src/generated/openapi.ts`, or with `check` fails when it is stale.
pub fn types(root: &Path, check: bool) -> Result<(), String> {
    npm_install(&root.join(CLIENT_DIR), false)?;
    let mut generate = Command::new("node");
    generate
        .current_dir(root.join(CLIENT_DIR))
        .arg("scripts/generate-types.mjs");
    if check {
        generate.arg("--check");
    }
    run(generate)
}

/// `npm test` (build, type tests, Vitest) with the server binary built from this checkout.
/// `clean_install` reinstalls the packages from the lockfile, as CI must.
pub fn test(root: &Path, clean_install: bool) -> Result<(), String> {
    npm_install(&root.join(CLIENT_DIR), clean_install)?;
    let server = build_server(root)?;
    let mut tests = npm(&root.join(CLIENT_DIR), &["test", "--silent"]);
    tests.env("ORGS_SERVER_BIN", server);
    run(tests)
}

/// Installs the client and builds its `dist/`, which the widgets import.
pub fn build(root: &Path, clean_install: bool) -> Result<(), String> {
    npm_install(&root.join(CLIENT_DIR), clean_install)?;
    run(npm(&root.join(CLIENT_DIR), &["run", "build", "--silent"]))
}

/// The debug `orgs-server` the Node.js tests start, built from this checkout.
pub fn build_server(root: &Path) -> Result<PathBuf, String> {
    let mut build = cargo();
    build.args(["build", "--quiet", "--locked", "--package", "orgs-server"]);
    run(build)?;
    Ok(target_dir(root).join("debug").join("orgs-server"))
}

pub fn npm(dir: &Path, args: &[&str]) -> Command {
    let mut npm = Command::new("npm");
    npm.current_dir(dir).args(args);
    npm
}

/// `npm ci` from the lockfile when `clean` or when nothing is installed yet.
pub fn npm_install(dir: &Path, clean: bool) -> Result<(), String> {
    if !clean && dir.join("node_modules/.package-lock.json").exists() {
        return Ok(());
    }
    run(npm(dir, &["ci", "--no-audit", "--no-fund"]))
}
