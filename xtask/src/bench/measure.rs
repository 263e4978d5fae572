//! Running the server (release, or debug for the quick run), driving it with wrk, and
//! reading what the kernel knows of the server process: CPU time and peak resident memory.

use serde_json::Value;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The secret the bench server checks JWTs with; it guards nothing but the bench data.
pub const JWT_SECRET: &str = "orgs-bench-secret-not-for-production";
pub const JWT_ISSUER: &str = "orgs-bench";

pub struct Server {
    child: Child,
    pub address: String,
}

impl Server {
    /// Starts the binary with its defaults but for the database, a free port and
    /// the JWT settings, logging to a file the way an operator's collector would read it.
    pub fn start(binary: &Path, database_url: &str, log: &Path) -> Result<Self, String> {
        let port = free_port()?;
        let address = format!("127.0.0.1:{port}");
        let mut command = Command::new(binary);
        command
            .arg("serve")
            .env("ORGS_DATABASE_URL", database_url)
            .env("ORGS_LISTEN", &address)
            .env("ORGS_JWT_HS256_SECRET", JWT_SECRET)
            .env("ORGS_JWT_ISSUER", JWT_ISSUER)
            .env("ORGS_LOG_FORMAT", "json");
        Self::spawn(command, address, log)
    }

    /// Starts any server that answers `GET /healthz` at `address` once it is ready: ours,
    /// or a peer measured beside it.
    pub fn spawn(mut command: Command, address: String, log: &Path) -> Result<Self, String> {
        let log_file = std::fs::File::create(log).map_err(|err| format!("{}: {err}", log.display()))?;
        let child = command
            .stdout(log_file.try_clone().map_err(|err| err.to_string())?)
            .stderr(log_file)
            .spawn()
            .map_err(|err| format!("cannot start {command:?}: {err}"))?;
        let mut server = Self { child, address };
        let deadline = Instant::now() + Duration::from_secs(60);
        while !server.healthy() {
            if Instant::now() > deadline {
                return Err(format!("the server did not answer /healthz; see {}", log.display()));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        Ok(server)
    }

    fn healthy(&mut self) -> bool {
        if let Ok(Some(_)) = self.child.try_wait() {
            return false;
        }
        let Ok(mut stream) = TcpStream::connect(&self.address) else {
            return false;
        };
        let request = format!(
            "GET /healthz HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
            self.address
        );
        let mut answer = String::new();
        stream.write_all(request.as_bytes()).is_ok()
            && stream.read_to_string(&mut answer).is_ok()
            && answer.starts_with("HTTP/1.1 200")
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }
}

pub fn free_port() -> Result<u16, String> {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map(|address| address.port())
        .map_err(|err| format!("no free port: {err}"))
}

/// Stopped however the bench ends, so a failed run leaves no server holding its port
/// and its database connections.
impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// What the load tool and the kernel report for one run.
#[derive(Debug, Clone, Default)]
pub struct RunResult {
    pub requests: u64,
    pub requests_per_second: f64,
    pub p50_ms: f64,
    pub p99_ms: f64,
    pub errors: u64,
    pub already_member: u64,
    pub peak_rss_mib: f64,
    /// Resident memory a few seconds after the load stopped, where the run asked for it.
    pub settled_rss_mib: Option<f64>,
    pub cpu_seconds_per_1k: f64,
}

/// How one wrk run is shaped: the script's BENCH_* variables and the connections.
pub struct Load<'a> {
    pub script: &'a Path,
    pub env: Vec<(&'static str, String)>,
    pub concurrency: u32,
    pub seconds: u32,
    /// Whether to read what the server still holds once the load is over.
    pub settle: bool,
}

/// How long the server has to give memory back before `settled_rss_mib` is read: an
/// allocator that returns freed memory does so within it, one that keeps it never does.
const SETTLE: Duration = Duration::from_secs(3);

/// What a load tool reports of one run, before the server's own figures join it.
#[derive(Debug, Default)]
pub struct Summary {
    pub requests: u64,
    pub seconds: f64,
    pub p50_ms: f64,
    pub p99_ms: f64,
    pub errors: u64,
    pub already_member: u64,
}

pub fn drive(server: &Server, load: &Load) -> Result<RunResult, String> {
    measured(server, load.settle, || wrk(server, load))
}

/// Runs `load` and adds what the kernel saw of the server meanwhile: its CPU time, its
/// peak resident memory and, with `settle`, what it still holds a moment after.
pub fn measured(
    server: &Server,
    settle: bool,
    load: impl FnOnce() -> Result<Summary, String>,
) -> Result<RunResult, String> {
    let pid = server.pid();
    // Writing 5 resets the peak the kernel keeps, so each run reports its own.
    std::fs::write(format!("/proc/{pid}/clear_refs"), "5")
        .map_err(|err| format!("cannot reset the server's peak memory (run as the server's owner): {err}"))?;
    let cpu_before = cpu_seconds(pid)?;
    let summary = load()?;
    let cpu = cpu_seconds(pid)? - cpu_before;
    let peak_rss_mib = status_kib(pid, "VmHWM:")? as f64 / 1024.0;
    let settled_rss_mib = if settle {
        std::thread::sleep(SETTLE);
        Some(status_kib(pid, "VmRSS:")? as f64 / 1024.0)
    } else {
        None
    };
    let requests = summary.requests;
    Ok(RunResult {
        requests,
        requests_per_second: requests as f64 / summary.seconds,
        p50_ms: summary.p50_ms,
        p99_ms: summary.p99_ms,
        errors: summary.errors,
        already_member: summary.already_member,
        peak_rss_mib,
        settled_rss_mib,
        cpu_seconds_per_1k: if requests == 0 {
            0.0
        } else {
            cpu / (requests as f64 / 1e3)
        },
    })
}

fn wrk(server: &Server, load: &Load) -> Result<Summary, String> {
    let threads = load.concurrency.min(2);
    let output = Command::new("wrk")
        .args(["-t", &threads.to_string(), "-c", &load.concurrency.to_string()])
        .args(["-d", &format!("{}s", load.seconds), "--timeout", "30s", "-s"])
        .arg(load.script)
        .arg(format!("http://{}", server.address))
        .env("BENCH_THREADS", threads.to_string())
        .envs(load.env.iter().map(|(key, value)| (*key, value.as_str())))
        .stderr(Stdio::inherit())
        .output()
        .map_err(|err| format!("cannot run wrk (apt-get install wrk): {err}"))?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    let line = stdout
        .lines()
        .find_map(|line| line.strip_prefix("BENCH "))
        .ok_or_else(|| format!("wrk printed no summary:\n{stdout}"))?;
    let summary: Value = serde_json::from_str(line).map_err(|err| format!("{err}: {line}"))?;
    let number = |key: &str| summary[key].as_u64().unwrap_or(0);
    Ok(Summary {
        requests: number("requests"),
        seconds: number("durationUs") as f64 / 1e6,
        p50_ms: number("p50Us") as f64 / 1e3,
        p99_ms: number("p99Us") as f64 / 1e3,
        errors: number("socketErrors") + number("httpErrors"),
        already_member: number("alreadyMember"),
    })
}

/// User plus system time of the process, from /proc (in clock ticks of 1/100 s, the
/// value Linux reports for USER_HZ on every architecture we run on).
fn cpu_seconds(pid: u32) -> Result<f64, String> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).map_err(|err| format!("server gone? {err}"))?;
    let after_name = stat.rsplit_once(')').map(|(_, rest)| rest).unwrap_or_default();
    let fields: Vec<&str> = after_name.split_whitespace().collect();
    let ticks = |index: usize| {
        fields
            .get(index)
            .and_then(|field| field.parse::<u64>().ok())
            .unwrap_or(0)
    };
    // Fields 14 and 15 of stat(5); the slice starts at field 3.
    Ok((ticks(11) + ticks(12)) as f64 / 100.0)
}

/// A memory figure of /proc/<pid>/status, such as the peak (`VmHWM:`) or now (`VmRSS:`).
fn status_kib(pid: u32, field: &str) -> Result<u64, String> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).map_err(|err| err.to_string())?;
    status
        .lines()
        .find_map(|line| line.strip_prefix(field))
        .and_then(|value| value.trim().trim_end_matches("kB").trim().parse().ok())
        .ok_or_else(|| format!("no {field} in /proc status"))
}

/// Runs `command` to its end and reads the one JSON value it prints; `what` names it in
/// errors, which carry the command's own message.
pub fn json_output(command: &mut Command, what: &str) -> Result<Value, String> {
    let output = command.output().map_err(|err| format!("cannot run {what}: {err}"))?;
    if !output.status.success() {
        return Err(format!("{what} failed: {}", String::from_utf8_lossy(&output.stderr)));
    }
    serde_json::from_slice(&output.stdout).map_err(|err| format!("{what}'s answer: {err}"))
}

/// Writes a list of values one per line, for the script's BENCH_LIST_FILE.
pub fn list_file(dir: &Path, name: &str, values: &[Value]) -> Result<PathBuf, String> {
    let path = dir.join(name);
    let text: Vec<&str> = values.iter().filter_map(Value::as_str).collect();
    std::fs::write(&path, text.join("\n") + "\n").map_err(|err| format!("{}: {err}", path.display()))?;
    Ok(path)
}
