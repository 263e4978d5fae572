//! The background work of events in every `serve` process: the webhook delivery worker
//! and the audit log's retention.
//!
//! The worker keeps up to `CONCURRENCY` attempts in flight. It claims as many due
//! deliveries as it has free slots (waiting for `CLAIM_BATCH` free ones while attempts
//! are in flight), each claim a lease in the database that another process's worker
//! skips; when nothing is due it sleeps until a change of this process
//! commits events, or `POLL_INTERVAL` passes (which is how it learns of events written
//! by other processes and the command line, and of retries coming due). Finished
//! attempts go to one recorder task, which writes whatever has accumulated in one
//! transaction: under load, one write per batch instead of one per delivery.

use orgs_app::{App, MadeAttempt};
use orgs_core::Timestamp;
use orgs_http::Metrics;
use orgs_ports::{AttemptOutcome, WebhookSender};
use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::{Semaphore, mpsc, watch};
use tokio::task::JoinSet;

/// Attempts in flight at once, per process.
const CONCURRENCY: usize = 128;
/// The fewest free slots worth a claim while attempts are in flight.
const CLAIM_BATCH: usize = 32;
/// How often an idle worker looks for work it was not woken for.
pub const POLL_INTERVAL: Duration = Duration::from_millis(500);
/// How often the owed-deliveries gauges are refreshed.
const STATUS_INTERVAL: Duration = Duration::from_secs(1);
/// How long a stopping server lets attempts in flight finish; past it their leases
/// expire and another run delivers them.
const DRAIN_TIMEOUT: Duration = Duration::from_secs(11);
/// Events deleted per retention transaction, and how often retention runs.
const RETENTION_BATCH: u32 = 1000;
const RETENTION_INTERVAL: Duration = Duration::from_secs(3600);
/// The most attempts one recording transaction writes.
const RECORD_BATCH: usize = 256;

pub struct DeliveryWorker {
    pub app: Arc<App>,
    pub sender: Arc<dyn WebhookSender>,
    pub metrics: Arc<Metrics>,
}

impl DeliveryWorker {
    /// Runs until `stop` turns true, then drains.
    pub async fn run(self, mut stop: watch::Receiver<bool>) {
        let slots = Arc::new(Semaphore::new(CONCURRENCY));
        let mut in_flight = JoinSet::new();
        let (made, to_record) = mpsc::unbounded_channel();
        let recorder = tokio::spawn(record(self.app.clone(), self.metrics.clone(), to_record));
        // When this worker's own retries come due, so it wakes for them on time rather
        // than at the next poll.
        let retries: Arc<Mutex<BinaryHeap<Reverse<Timestamp>>>> = Arc::default();
        // An attempt ending frees a slot and may have scheduled a retry: look again.
        let attempt_ended = Arc::new(tokio::sync::Notify::new());
        let mut status_due = tokio::time::Instant::now();
        while !*stop.borrow() {
            if tokio::time::Instant::now() >= status_due {
                self.refresh_status().await;
                status_due = tokio::time::Instant::now() + STATUS_INTERVAL;
            }
            while in_flight.try_join_next().is_some() {}
            // Listen before looking, so a commit between the look and the wait wakes us.
            let woken = self.app.listen_for_events();
            let free = slots.available_permits();
            // Claim in batches: under load, a claim each time one attempt ended would
            // cost the database a write per delivery.
            let claimed = if free < CLAIM_BATCH && !in_flight.is_empty() {
                Vec::new()
            } else {
                let lease = uuid::Uuid::now_v7().to_string();
                match self.app.claim_deliveries(&lease, free as u32).await {
                    Ok(claimed) => claimed.into_iter().map(|owed| (owed, lease.clone())).collect(),
                    Err(err) => {
                        tracing::warn!(error = %err, "could not claim webhook deliveries");
                        Vec::new()
                    }
                }
            };
            if claimed.is_empty() {
                let nap = next_retry(&retries).map_or(POLL_INTERVAL, |due| due.min(POLL_INTERVAL));
                tokio::select! {
                    () = woken => {}
                    () = tokio::time::sleep(nap) => {}
                    () = attempt_ended.notified() => {}
                    _ = stop.changed() => {}
                }
                continue;
            }
            for (owed, lease) in claimed {
                // A claim takes at most the free slots, so this waits only if a store
                // returned more than it was asked for; dropping the extra would strand
                // them under their lease until it expires.
                let Ok(slot) = slots.clone().acquire_owned().await else {
                    break;
                };
                let (app, sender, made, retries, ended) = (
                    self.app.clone(),
                    self.sender.clone(),
                    made.clone(),
                    retries.clone(),
                    attempt_ended.clone(),
                );
                in_flight.spawn(async move {
                    let attempt = app.attempt_delivery(&*sender, &owed, &lease).await;
                    if let AttemptOutcome::RetryAt(at) = attempt.outcome {
                        retries.lock().unwrap_or_else(|p| p.into_inner()).push(Reverse(at));
                    }
                    drop(slot);
                    let _ = made.send(attempt);
                    ended.notify_one();
                });
            }
        }
        let drained = tokio::time::timeout(DRAIN_TIMEOUT, async { while in_flight.join_next().await.is_some() {} });
        if drained.await.is_err() {
            tracing::warn!("webhook attempts still running at shutdown; they will be retried");
        }
        // The recorder ends once every sender is gone and what they sent is written.
        drop(made);
        in_flight.abort_all();
        let _ = recorder.await;
    }

    async fn refresh_status(&self) {
        match self.app.outbox_status().await {
            Ok(status) => {
                let age = status
                    .oldest_owed_at
                    .map_or(0.0, |oldest| (chrono::Utc::now() - oldest).as_seconds_f64().max(0.0));
                self.metrics.set_outbox(status.owed, age);
            }
            Err(err) => tracing::warn!(error = %err, "could not read the webhook outbox"),
        }
    }
}

/// How long until the earliest retry this worker knows of, forgetting those past.
fn next_retry(retries: &Mutex<BinaryHeap<Reverse<Timestamp>>>) -> Option<Duration> {
    let mut retries = retries.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    let now = chrono::Utc::now();
    while retries.peek().is_some_and(|Reverse(at)| *at <= now) {
        retries.pop();
    }
    // A little after it is due, so the claim finds it due.
    retries
        .peek()
        .map(|Reverse(at)| (*at - now).to_std().unwrap_or_default() + Duration::from_millis(2))
}

/// Writes finished attempts in batches of what has accumulated since the last write.
async fn record(app: Arc<App>, metrics: Arc<Metrics>, mut made: mpsc::UnboundedReceiver<MadeAttempt>) {
    while let Some(first) = made.recv().await {
        let mut batch = vec![first];
        while batch.len() < RECORD_BATCH {
            match made.try_recv() {
                Ok(attempt) => batch.push(attempt),
                Err(_) => break,
            }
        }
        // Unrecorded attempts keep their lease until it expires; the delivery is then
        // claimed and sent again (at least once).
        if let Err(err) = app.record_attempts(&batch).await {
            tracing::warn!(error = %err, attempts = batch.len(), "could not record webhook attempts");
            continue;
        }
        for attempt in &batch {
            let outcome = match attempt.outcome {
                AttemptOutcome::Delivered => "delivered",
                AttemptOutcome::RetryAt(_) => "retrying",
                AttemptOutcome::GaveUp => "failed",
            };
            metrics.observe_delivery(outcome, attempt.lag.map(|lag| lag.as_seconds_f64()));
        }
    }
}

/// Deletes events past the retention, at start and then hourly.
pub async fn keep_retention(app: Arc<App>, retention: chrono::TimeDelta) {
    let mut every = tokio::time::interval(RETENTION_INTERVAL);
    every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        every.tick().await;
        match app.prune_audit_log(retention, RETENTION_BATCH).await {
            Ok(0) => {}
            Ok(deleted) => tracing::info!(deleted, "pruned audit events past their retention"),
            Err(err) => tracing::warn!(error = %err, "could not prune the audit log"),
        }
    }
}
