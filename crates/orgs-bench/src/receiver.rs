//! `orgs-bench-receiver PORT`: the benchmark's webhook receiver. Answers every POST with
//! 204 at once and notes, per delivery, how long after its event's commit it arrived
//! (the payload's `timestamp` is the event's `occurredAt`). `GET /stats` answers the
//! count, the times of the first and last arrival, and the lag's percentiles.

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::{Value, json};
use std::sync::{Arc, Mutex};

#[derive(Default)]
struct Seen {
    lags_ms: Vec<f64>,
    first: Option<chrono::DateTime<chrono::Utc>>,
    last: Option<chrono::DateTime<chrono::Utc>>,
}

type Shared = Arc<Mutex<Seen>>;

async fn receive(State(seen): State<Shared>, body: axum::body::Bytes) -> StatusCode {
    let now = chrono::Utc::now();
    let occurred = serde_json::from_slice::<Value>(&body)
        .ok()
        .and_then(|payload| payload["timestamp"].as_str().map(str::to_owned))
        .and_then(|at| chrono::DateTime::parse_from_rfc3339(&at).ok());
    let mut seen = seen.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some(occurred) = occurred {
        seen.lags_ms
            .push((now - occurred.with_timezone(&chrono::Utc)).as_seconds_f64() * 1e3);
    }
    seen.first.get_or_insert(now);
    seen.last = Some(now);
    StatusCode::NO_CONTENT
}

async fn stats(State(seen): State<Shared>) -> Json<Value> {
    let seen = seen.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    let mut lags = seen.lags_ms.clone();
    lags.sort_by(f64::total_cmp);
    let at = |q: f64| {
        if lags.is_empty() {
            0.0
        } else {
            lags[((lags.len() - 1) as f64 * q).round() as usize]
        }
    };
    let span = match (seen.first, seen.last) {
        (Some(first), Some(last)) => (last - first).as_seconds_f64(),
        _ => 0.0,
    };
    Json(json!({
        "count": lags.len(),
        "spanSeconds": span,
        "lagP50Ms": at(0.5),
        "lagP99Ms": at(0.99),
        "lagMaxMs": at(1.0),
    }))
}

#[tokio::main(flavor = "multi_thread", worker_threads = 1)]
async fn main() -> anyhow::Result<()> {
    let port: u16 = std::env::args().nth(1).unwrap_or_default().parse()?;
    let seen = Shared::default();
    let app = Router::new()
        .route("/stats", get(stats))
        .route("/hook", post(receive))
        .with_state(seen);
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await?;
    axum::serve(listener, app).await?;
    Ok(())
}
