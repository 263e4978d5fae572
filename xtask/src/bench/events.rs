//! What events cost, measured as users meet it: with one webhook endpoint registered
//! (`orgs-server webhooks add`, against the bench database), `organizations.create` is
//! driven at the target concurrency while `orgs-bench-receiver` takes every delivery
//! and notes its lag from the event's commit; then the backlog drains. Reported: the
//! write rate with the endpoint, deliveries per second, and the lag's percentiles.

use super::Profile;
use super::measure::{self, Load, RunResult, Server};
use serde_json::{Value, json};
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command};
use std::time::{Duration, Instant};

/// The longest the backlog may take to drain before the run counts as failed.
const DRAIN_LIMIT: Duration = Duration::from_secs(120);

#[derive(Debug, Clone, Default)]
pub struct EventsResult {
    /// `organizations.create` while every event is also delivered.
    pub writes: RunResult,
    pub expected: u64,
    pub delivered: u64,
    pub deliveries_per_second: f64,
    pub lag_p50_ms: f64,
    pub lag_p99_ms: f64,
    pub lag_max_ms: f64,
    /// From the end of the load to the last delivery.
    pub drain_seconds: f64,
}

struct Receiver {
    child: Child,
    address: String,
}

impl Drop for Receiver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn get_json(address: &str, path: &str) -> Option<Value> {
    let mut stream = TcpStream::connect(address).ok()?;
    let request = format!("GET {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n");
    stream.write_all(request.as_bytes()).ok()?;
    let mut answer = String::new();
    stream.read_to_string(&mut answer).ok()?;
    let (_, body) = answer.split_once("\r\n\r\n")?;
    serde_json::from_str(body).ok()
}

fn start_receiver(binaries: &Path) -> Result<Receiver, String> {
    let port = TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map_err(|err| format!("no free port: {err}"))?
        .port();
    let child = Command::new(binaries.join("orgs-bench-receiver"))
        .arg(port.to_string())
        .spawn()
        .map_err(|err| format!("cannot start orgs-bench-receiver: {err}"))?;
    let receiver = Receiver {
        child,
        address: format!("127.0.0.1:{port}"),
    };
    let deadline = Instant::now() + Duration::from_secs(10);
    while get_json(&receiver.address, "/stats").is_none() {
        if Instant::now() > deadline {
            return Err("the webhook receiver did not start".into());
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    Ok(receiver)
}

fn webhooks(binaries: &Path, url: &str, args: &[&str]) -> Result<Value, String> {
    let mut command = Command::new(binaries.join("orgs-server"));
    command.arg("webhooks").args(args).env("ORGS_DATABASE_URL", url);
    measure::json_output(&mut command, &format!("orgs-server webhooks {args:?}"))
}

pub fn measure(
    binaries: &Path,
    server: &Server,
    url: &str,
    script: &Path,
    seed: &Value,
    profile: &Profile,
) -> Result<EventsResult, String> {
    let receiver = start_receiver(binaries)?;
    let hook = format!("http://{}/hook", receiver.address);
    let endpoint = webhooks(binaries, url, &["add", "--url", &hook])?;
    let load = Load {
        script,
        env: vec![
            ("BENCH_PATH", "/v1/organizations/create".into()),
            (
                "BENCH_BEARER",
                seed["writerToken"].as_str().unwrap_or_default().to_owned(),
            ),
            ("BENCH_BODY", json!({"name": "Bench org with a webhook"}).to_string()),
            ("BENCH_RUN", "0".into()),
        ],
        concurrency: super::report::TARGET_CONCURRENCY,
        seconds: profile.seconds * 2,
        settle: false,
    };
    let writes = measure::drive(server, &load)?;
    let load_ended = Instant::now();
    // Two events an organization: organization.created and member.added.
    let expected = 2 * writes.requests.saturating_sub(writes.errors);
    let stats = loop {
        let stats = get_json(&receiver.address, "/stats").ok_or("the receiver stopped answering")?;
        if stats["count"].as_u64().unwrap_or(0) >= expected {
            break stats;
        }
        if load_ended.elapsed() > DRAIN_LIMIT {
            return Err(format!(
                "only {} of {expected} deliveries arrived within {DRAIN_LIMIT:?} of the load",
                stats["count"]
            ));
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let drain_seconds = load_ended.elapsed().as_secs_f64();
    let id = endpoint["id"].as_str().unwrap_or_default().to_owned();
    webhooks(binaries, url, &["remove", &id])?;
    let number = |key: &str| stats[key].as_f64().unwrap_or(0.0);
    let delivered = stats["count"].as_u64().unwrap_or(0);
    let span = number("spanSeconds");
    Ok(EventsResult {
        writes,
        expected,
        delivered,
        deliveries_per_second: if span > 0.0 { delivered as f64 / span } else { 0.0 },
        lag_p50_ms: number("lagP50Ms"),
        lag_p99_ms: number("lagP99Ms"),
        lag_max_ms: number("lagMaxMs"),
        drain_seconds,
    })
}

impl EventsResult {
    pub fn json(&self) -> Value {
        json!({
            "writesPerSecond": self.writes.requests_per_second,
            "writesP99Ms": self.writes.p99_ms,
            "expected": self.expected,
            "delivered": self.delivered,
            "deliveriesPerSecond": self.deliveries_per_second,
            "lagP50Ms": self.lag_p50_ms,
            "lagP99Ms": self.lag_p99_ms,
            "lagMaxMs": self.lag_max_ms,
            "drainSeconds": self.drain_seconds,
            "peakRssMib": self.writes.peak_rss_mib,
        })
    }
}
