//! The real binary as a child process: started on a port the kernel picks (read back from
//! its own log line, so no other test can take the port in between), and killed and
//! reaped whenever the test ends, a failing one included.

use std::io::{BufRead, BufReader, Write};
use std::net::SocketAddr;
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::time::Duration;

pub struct ChildServer {
    child: Child,
    pub addr: SocketAddr,
}

impl ChildServer {
    /// Starts `orgs-server serve` in `dir` with `envs`; every log line is appended to
    /// `log` when given. `envs` may set `ORGS_LOG_LEVEL`; the `listening` line is always
    /// logged.
    pub fn start(dir: &Path, envs: &[(&str, &str)], log: Option<&Path>) -> Self {
        let level = envs
            .iter()
            .find(|(k, _)| *k == "ORGS_LOG_LEVEL")
            .map_or("warn", |(_, v)| v);
        let mut child = Command::new(env!("CARGO_BIN_EXE_orgs-server"))
            .arg("serve")
            .current_dir(dir)
            .envs(envs.iter().copied())
            .env("ORGS_LISTEN", "127.0.0.1:0")
            .env("ORGS_LOG_FORMAT", "json")
            .env("ORGS_LOG_LEVEL", format!("{level},orgs_server::serve=info"))
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stderr = child.stderr.take().unwrap();
        let mut sink = log.map(|path| {
            std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(path)
                .unwrap()
        });
        let (found, address) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if let Some(sink) = sink.as_mut() {
                    let _ = writeln!(sink, "{line}");
                }
                if let Ok(event) = serde_json::from_str::<serde_json::Value>(&line)
                    && event["message"] == "listening"
                    && let Some(addr) = event["addr"].as_str().and_then(|addr| addr.parse::<SocketAddr>().ok())
                {
                    let _ = found.send(addr);
                }
            }
        });
        // Owned from here on, so that a failure below still kills and reaps the child.
        let mut server = ChildServer {
            child,
            addr: "127.0.0.1:1".parse().unwrap(),
        };
        server.addr = address
            .recv_timeout(Duration::from_secs(20))
            .expect("the server never said where it listens");
        server
    }

    /// Sends SIGTERM and waits for the exit.
    pub fn terminate(mut self) -> ExitStatus {
        let pid = self.child.id().to_string();
        assert!(Command::new("kill").args(["-TERM", &pid]).status().unwrap().success());
        self.child.wait().unwrap()
    }

    /// SIGKILL: no graceful anything.
    pub fn kill(mut self) {
        self.child.kill().unwrap();
        self.child.wait().unwrap();
    }
}

impl Drop for ChildServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
