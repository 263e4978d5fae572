//! A webhook receiver in a child process, verifying signatures with the Standard Webhooks
//! reference library from PyPI (`fixtures/webhook_receiver.py`). The library is installed
//! into `target/webhooks-venv` on first use with pip, the registry's own client.

use serde_json::Value;
use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const LIBRARY: &str = "standardwebhooks==1.1.0";

/// The virtualenv's python, made once; concurrent test processes race to rename their
/// finished venv into place, and the losers use the winner's.
fn python() -> PathBuf {
    let target = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target");
    let venv = target.join("webhooks-venv");
    let python = venv.join("bin/python");
    if python.exists() {
        return python;
    }
    let building = target.join(format!("webhooks-venv-{}", std::process::id()));
    let made = Command::new("python3")
        .args(["-m", "venv"])
        .arg(&building)
        .status()
        .unwrap();
    assert!(made.success(), "python3 -m venv failed");
    let installed = Command::new(building.join("bin/pip"))
        .args(["install", "--quiet", "--disable-pip-version-check", LIBRARY])
        .status()
        .unwrap();
    assert!(installed.success(), "pip install {LIBRARY} failed");
    if std::fs::rename(&building, &venv).is_err() {
        let _ = std::fs::remove_dir_all(&building);
    }
    python
}

/// One delivery as the receiver saw it.
#[derive(Debug, Clone)]
pub struct Received {
    pub path: String,
    pub id: String,
    pub verified: bool,
    pub attempt: u64,
    pub content_type: Option<String>,
    pub body: Value,
}

pub struct Receiver {
    child: Child,
    pub addr: SocketAddr,
    received: Arc<Mutex<Vec<Received>>>,
}

impl Receiver {
    /// Listens on `port`, or on one the kernel picks.
    pub fn start(secret: &str, port: Option<u16>) -> Self {
        let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/api/fixtures/webhook_receiver.py");
        let mut child = Command::new(python())
            .arg(script)
            .arg(secret)
            .arg(port.unwrap_or(0).to_string())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let stdout = BufReader::new(child.stdout.take().unwrap());
        let mut lines = stdout.lines();
        let first: Value = serde_json::from_str(&lines.next().unwrap().unwrap()).unwrap();
        let addr = SocketAddr::from(([127, 0, 0, 1], first["port"].as_u64().unwrap() as u16));
        let received = Arc::new(Mutex::new(Vec::new()));
        let sink = received.clone();
        std::thread::spawn(move || {
            for line in lines.map_while(Result::ok) {
                let line: Value = serde_json::from_str(&line).unwrap();
                sink.lock().unwrap().push(Received {
                    path: line["path"].as_str().unwrap_or_default().to_owned(),
                    id: line["id"].as_str().unwrap_or_default().to_owned(),
                    verified: line["verified"].as_bool().unwrap_or(false),
                    attempt: line["attempt"].as_u64().unwrap_or(0),
                    content_type: line["contentType"].as_str().map(str::to_owned),
                    body: line["body"].clone(),
                });
            }
        });
        Self { child, addr, received }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    pub fn received(&self) -> Vec<Received> {
        self.received.lock().unwrap().clone()
    }

    /// Waits until `done` holds for what has arrived, or fails after `within`.
    pub async fn wait_for(&self, within: Duration, done: impl Fn(&[Received]) -> bool) -> Vec<Received> {
        let started = Instant::now();
        loop {
            let received = self.received();
            if done(&received) {
                return received;
            }
            assert!(
                started.elapsed() < within,
                "gave up after {within:?}; received {} deliveries: {received:#?}",
                received.len()
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
}

impl Drop for Receiver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A fresh webhook secret.
pub fn secret() -> String {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).unwrap();
    orgs_events::secret_from_bytes(&bytes)
}
