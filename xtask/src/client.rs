//! The TypeScript client in `clients/typescript`: its types regenerated from the committed
//! spec, and its tests run against a freshly built `orgs-server`. Both need Node.js and
//! the packages its lockfile pins, installed from the npm registry with `npm ci`.

use std::path::Path;
use std::process::Command;

use crate::{cargo, run, target_dir};

const CLIENT_DIR: &str = "clients/typescript";

/// Rewrites `src/generated/openapi.ts`, or with `check` fails when it is stale.
pub fn types(root: &Path, check: bool) -> Result<(), String> {
    install(root, false)?;
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
    install(root, clean_install)?;
    let mut build = cargo();
    build.args(["build", "--quiet", "--locked", "--package", "orgs-server"]);
    run(build)?;
    let mut npm = Command::new("npm");
    npm.current_dir(root.join(CLIENT_DIR))
        .args(["test", "--silent"])
        .env("ORGS_SERVER_BIN", target_dir(root).join("debug").join("orgs-server"));
    run(npm)
}

fn install(root: &Path, clean: bool) -> Result<(), String> {
    let dir = root.join(CLIENT_DIR);
    if !clean && dir.join("node_modules/.package-lock.json").exists() {
        return Ok(());
    }
    let mut npm = Command::new("npm");
    npm.current_dir(&dir).args(["ci", "--no-audit", "--no-fund"]);
    run(npm)
}
