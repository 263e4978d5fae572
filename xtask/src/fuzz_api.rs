//! Fuzzing the API from its spec: schemathesis, installed from PyPI into a virtualenv
//! under `target/`, drives a freshly started server with generated requests (valid and
//! invalid, one by one and in linked sequences) and checks that no answer is a 5xx and
//! that every answer matches the spec's statuses, content types, headers and schemas.

use crate::{cargo, run};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// Pinned so that CI explores the same way every time.
const SCHEMATHESIS: &str = "schemathesis==4.32.5";
/// A fixed seed and budget: the same cases every run, about 20 seconds here.
const SEED: &str = "20261129";
const MAX_EXAMPLES: &str = "40";

/// The server's own rules are richer than JSON Schema can say (a name is trimmed before
/// its length counts; control characters are refused), so schemathesis's guesses about
/// which inputs must be accepted or refused are not checked; everything else is.
const UNCHECKED: &str = "positive_data_acceptance,negative_data_rejection";

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn venv(root: &Path) -> Result<PathBuf, String> {
    let venv = root.join("target/schemathesis-venv");
    let st = venv.join("bin/schemathesis");
    if !st.exists() {
        let mut create = Command::new("python3");
        create.args(["-m", "venv"]).arg(&venv);
        run(create)?;
        let mut install = Command::new(venv.join("bin/pip"));
        install.args(["install", "--quiet", SCHEMATHESIS]);
        run(install)?;
    }
    Ok(st)
}

/// Reads the server's log until it says where it listens, then keeps draining it on a
/// thread so the pipe never fills.
fn listening_address(stderr: std::process::ChildStderr) -> Result<String, String> {
    let (found, address) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if line.contains("\"message\":\"listening\"")
                && let Some(addr) = line.split("\"addr\":\"").nth(1).and_then(|rest| rest.split('"').next())
            {
                let _ = found.send(addr.to_owned());
            }
        }
    });
    address
        .recv_timeout(Duration::from_secs(30))
        .map_err(|_| "the server never said where it listens".to_owned())
}

pub(crate) fn fuzz(root: &Path) -> Result<(), String> {
    let st = venv(root)?;
    let mut build = cargo();
    build.args(["build", "--quiet", "--package", "orgs-server"]);
    run(build)?;
    let binary = root.join("target/debug/orgs-server");
    let dir = root.join("target/fuzz-api");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).map_err(|err| err.to_string())?;
    let server = |args: &[&str]| {
        let mut command = Command::new(&binary);
        command
            .args(args)
            .current_dir(&dir)
            // The kernel picks the port; the server says which in its log.
            .env("ORGS_LISTEN", "127.0.0.1:0")
            .env("ORGS_LOG_FORMAT", "json")
            .env("ORGS_LOG_LEVEL", "error,orgs_server::serve=info")
            // The fuzzer sends many bad credentials and guesses on purpose.
            .env("ORGS_AUTH_FAILURE_LIMIT", "1000000")
            .env("ORGS_GUESS_FAILURE_LIMIT", "1000000");
        command
    };
    let made = server(&["users", "create", "--email", "fuzz@example.com"])
        .output()
        .map_err(|err| err.to_string())?;
    if !made.status.success() {
        return Err(format!(
            "users create failed: {}",
            String::from_utf8_lossy(&made.stderr)
        ));
    }
    let stdout = String::from_utf8_lossy(&made.stdout);
    let bearer = stdout
        .split("\"bearer\":\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .ok_or("users create printed no bearer")?
        .to_owned();
    let mut child = server(&["serve"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|err| err.to_string())?;
    let stderr = child.stderr.take().ok_or("no stderr")?;
    let _server = Server(child);
    let listen = listening_address(stderr)?;
    let mut fuzz = Command::new(st);
    // Its working directory keeps schemathesis's cache under target/ too.
    fuzz.current_dir(&dir)
        .arg("run")
        .arg(root.join("openapi/openapi.json"))
        .args(["--url", &format!("http://{listen}")])
        .args(["--header", &format!("Authorization: Bearer {bearer}")])
        .args(["--checks", "all", "--exclude-checks", UNCHECKED])
        .args(["--phases", "examples,coverage,fuzzing,stateful"])
        .args(["--max-examples", MAX_EXAMPLES, "--seed", SEED, "--workers", "2"])
        .args(["--report", "junit", "--report-dir"])
        .arg(dir.join("report"));
    run(fuzz)
}
