//! A burst of first uses: every credential of a list presented once, `concurrency` at a
//! time over kept-alive connections, and the run is over when the list is. wrk cannot
//! stop at the end of a list, and a burst measured for a fixed time would fold cached
//! second uses into the figures.

use super::measure::{RunResult, Server, Summary, measured};
use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

pub struct Burst<'a> {
    pub address: &'a str,
    pub path: &'a str,
    pub body: &'a str,
    pub bearers: Vec<String>,
    pub concurrency: u32,
}

pub fn send_all(burst: &Burst) -> Result<Summary, String> {
    let next = AtomicUsize::new(0);
    let started = Instant::now();
    let per_connection: Vec<Result<(Vec<Duration>, u64), String>> = std::thread::scope(|scope| {
        let connections: Vec<_> = (0..burst.concurrency)
            .map(|_| scope.spawn(|| connection(burst, &next)))
            .collect();
        connections
            .into_iter()
            .map(|c| c.join().unwrap_or_else(|_| Err("a connection panicked".into())))
            .collect()
    });
    let seconds = started.elapsed().as_secs_f64();
    let mut latencies = Vec::with_capacity(burst.bearers.len());
    let mut errors = 0;
    for result in per_connection {
        let (times, failed) = result?;
        latencies.extend(times);
        errors += failed;
    }
    latencies.sort();
    let at = |share: f64| {
        let index = ((latencies.len() as f64 * share).ceil() as usize).saturating_sub(1);
        latencies.get(index).map_or(0.0, |d| d.as_secs_f64() * 1e3)
    };
    Ok(Summary {
        requests: latencies.len() as u64,
        seconds,
        p50_ms: at(0.5),
        p99_ms: at(0.99),
        errors,
        already_member: 0,
    })
}

/// One kept-alive connection taking the list's next credential until none is left.
fn connection(burst: &Burst, next: &AtomicUsize) -> Result<(Vec<Duration>, u64), String> {
    let stream = TcpStream::connect(burst.address).map_err(|err| format!("{}: {err}", burst.address))?;
    stream.set_nodelay(true).map_err(|err| err.to_string())?;
    let mut reader = BufReader::new(stream.try_clone().map_err(|err| err.to_string())?);
    let mut writer = stream;
    let (mut times, mut errors) = (Vec::new(), 0);
    loop {
        let index = next.fetch_add(1, Ordering::Relaxed);
        let Some(bearer) = burst.bearers.get(index) else {
            return Ok((times, errors));
        };
        let request = format!(
            "POST {} HTTP/1.1\r\nHost: {}\r\nAuthorization: Bearer {bearer}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{}",
            burst.path,
            burst.address,
            burst.body.len(),
            burst.body
        );
        let sent = Instant::now();
        writer.write_all(request.as_bytes()).map_err(|err| err.to_string())?;
        let status = read_response(&mut reader)?;
        times.push(sent.elapsed());
        if status != 200 {
            errors += 1;
        }
    }
}

/// The status of one response, whose body (sized by Content-Length) is read and dropped.
fn read_response(reader: &mut impl BufRead) -> Result<u16, String> {
    let mut line = String::new();
    reader.read_line(&mut line).map_err(|err| err.to_string())?;
    let status = line
        .split_whitespace()
        .nth(1)
        .and_then(|code| code.parse().ok())
        .ok_or_else(|| format!("not an HTTP status line: {line:?}"))?;
    let mut length = 0;
    loop {
        line.clear();
        reader.read_line(&mut line).map_err(|err| err.to_string())?;
        let header = line.trim_end();
        if header.is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':')
            && name.eq_ignore_ascii_case("content-length")
        {
            length = value
                .trim()
                .parse()
                .map_err(|_| format!("bad Content-Length: {value}"))?;
        }
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body).map_err(|err| err.to_string())?;
    Ok(status)
}

/// One run of a burst scenario, whose variables name the list, the path and the body.
pub fn drive(server: &Server, env: &[(&'static str, String)], concurrency: u32) -> Result<RunResult, String> {
    let var = |name: &str| {
        env.iter()
            .find(|(key, _)| *key == name)
            .map(|(_, value)| value.as_str())
            .ok_or_else(|| format!("a burst needs {name}"))
    };
    let list = var("BENCH_LIST_FILE")?;
    let bearers = std::fs::read_to_string(list).map_err(|err| format!("{list}: {err}"))?;
    let burst = Burst {
        address: &server.address,
        path: var("BENCH_PATH")?,
        body: var("BENCH_BODY")?,
        bearers: bearers.lines().map(str::to_owned).collect(),
        concurrency,
    };
    measured(server, true, || send_all(&burst))
}
