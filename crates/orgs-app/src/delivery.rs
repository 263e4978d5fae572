//! Webhook delivery: claiming what is owed, posting it, and deciding what comes next.
//! The worker loop itself (when to look, how many at once) is the server's; the rules
//! are here. Every attempt is recorded in its own short transaction.

use crate::App;
use orgs_core::{Action, Timestamp, WebhookId};
use orgs_ports::{
    Attempt, AttemptOutcome, DeliveryInfo, OutboxStatus, OwedDelivery, StoreError, TxMode, WebhookEndpoint,
    WebhookSender,
};
use std::time::Instant;

/// The retry schedule, set by the operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DeliveryPolicy {
    /// Wait after the first failure; it doubles after each further one.
    pub retry_delay: chrono::TimeDelta,
    /// Failed attempts after which a delivery is given up.
    pub max_attempts: u32,
    /// How long a claim holds before another worker may take the delivery. Longer than
    /// any attempt can run, so two live workers never send the same delivery.
    pub lease: chrono::TimeDelta,
}

impl Default for DeliveryPolicy {
    fn default() -> Self {
        Self {
            retry_delay: chrono::TimeDelta::seconds(5),
            max_attempts: 20,
            lease: chrono::TimeDelta::seconds(60),
        }
    }
}

/// The longest wait between two attempts.
const MAX_RETRY_DELAY: chrono::TimeDelta = chrono::TimeDelta::hours(1);

impl DeliveryPolicy {
    /// Where a delivery goes after the attempt numbered `attempt` (1 for the first).
    pub fn after(&self, attempt: u32, delivered: bool, now: Timestamp) -> AttemptOutcome {
        if delivered {
            return AttemptOutcome::Delivered;
        }
        if attempt >= self.max_attempts {
            return AttemptOutcome::GaveUp;
        }
        let doublings = attempt.saturating_sub(1).min(20);
        let delay = self
            .retry_delay
            .checked_mul(1 << doublings)
            .unwrap_or(MAX_RETRY_DELAY)
            .min(MAX_RETRY_DELAY);
        AttemptOutcome::RetryAt(now + delay)
    }
}

/// One attempt made and not yet recorded: the worker records many in one transaction,
/// so that recording costs the database a write per batch, not per delivery.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MadeAttempt {
    pub attempt: Attempt,
    pub outcome: AttemptOutcome,
    /// The lease it was claimed under; recording is conditional on still holding it.
    pub lease: String,
    /// From the event's commit to its delivery, when it was delivered.
    pub lag: Option<chrono::TimeDelta>,
}

impl App {
    /// Claims up to `limit` deliveries that are due, for `lease`.
    pub async fn claim_deliveries(&self, lease: &str, limit: u32) -> Result<Vec<OwedDelivery>, StoreError> {
        let now = self.clock.now();
        let mut tx = self.store.begin(TxMode::Write).await?;
        let claimed = tx
            .claim_deliveries(now, lease, now + self.delivery.lease, limit)
            .await?;
        tx.commit().await?;
        Ok(claimed)
    }

    /// Makes one attempt at a claimed delivery and decides where it goes next.
    pub async fn attempt_delivery(&self, sender: &dyn WebhookSender, owed: &OwedDelivery, lease: &str) -> MadeAttempt {
        let started_at = self.clock.now();
        let started = Instant::now();
        let result = sender.send(owed, started_at).await;
        let number = owed.attempts + 1;
        let finished_at = self.clock.now();
        let outcome = self.delivery.after(number, result.delivered(), finished_at);
        MadeAttempt {
            attempt: Attempt {
                delivery: owed.id,
                number,
                started_at,
                status: result.status,
                error: result.error,
                duration_ms: u32::try_from(started.elapsed().as_millis()).unwrap_or(u32::MAX),
            },
            outcome,
            lease: lease.to_owned(),
            lag: (outcome == AttemptOutcome::Delivered).then(|| finished_at - owed.event.occurred_at),
        }
    }

    /// Records attempts in one transaction; returns how many were still held by their
    /// lease (the others' leases expired and another claim owns them now).
    pub async fn record_attempts(&self, made: &[MadeAttempt]) -> Result<usize, StoreError> {
        // In the order of their rows, as every recorder writes them, so two processes'
        // batches never wait on each other in a cycle.
        let mut ordered: Vec<&MadeAttempt> = made.iter().collect();
        ordered.sort_by_key(|attempt| attempt.attempt.delivery);
        let mut tx = self.store.begin(TxMode::Write).await?;
        let mut recorded = 0;
        for attempt in ordered {
            if tx
                .finish_attempt(&attempt.attempt, &attempt.lease, attempt.outcome)
                .await?
            {
                recorded += 1;
            }
        }
        tx.commit().await?;
        Ok(recorded)
    }

    /// `orgs-server webhooks add`: the endpoint gets every later event it asks for.
    pub async fn add_webhook(
        &self,
        url: String,
        events: Vec<Action>,
        secret: &str,
    ) -> Result<WebhookEndpoint, StoreError> {
        let endpoint = WebhookEndpoint {
            id: WebhookId::generate(),
            url,
            events,
            created_at: self.clock.now(),
        };
        let mut tx = self.store.begin(TxMode::Write).await?;
        tx.insert_webhook(&endpoint, secret).await?;
        tx.commit().await?;
        Ok(endpoint)
    }

    pub async fn list_webhooks(&self) -> Result<Vec<WebhookEndpoint>, StoreError> {
        let mut tx = self.store.begin(TxMode::Read).await?;
        let endpoints = tx.list_webhooks().await?;
        tx.commit().await?;
        Ok(endpoints)
    }

    /// Returns whether there was such an endpoint; what it was owed is dropped with it.
    /// The cascade deletes its deliveries while a worker may be recording some of them,
    /// in another order: PostgreSQL then aborts one side as a deadlock, and this side
    /// tries again.
    pub async fn remove_webhook(&self, id: WebhookId) -> Result<bool, StoreError> {
        let mut tries = 0;
        loop {
            let attempt = async {
                let mut tx = self.store.begin(TxMode::Write).await?;
                let removed = tx.delete_webhook(id).await?;
                tx.commit().await?;
                Ok(removed)
            };
            match attempt.await {
                Err(StoreError::Unavailable(_)) if tries < 5 => tries += 1,
                done => return done,
            }
        }
    }

    pub async fn list_deliveries(&self, failed_only: bool, limit: u32) -> Result<Vec<DeliveryInfo>, StoreError> {
        let mut tx = self.store.begin(TxMode::Read).await?;
        let deliveries = tx.list_deliveries(failed_only, limit).await?;
        tx.commit().await?;
        Ok(deliveries)
    }

    /// `orgs-server webhooks retry`: a failed delivery is owed again, now. Returns
    /// whether it was a failed one.
    pub async fn retry_delivery(&self, id: i64) -> Result<bool, StoreError> {
        let mut tx = self.store.begin(TxMode::Write).await?;
        let retried = tx.retry_delivery(id, self.clock.now()).await?;
        tx.commit().await?;
        self.wake_delivery();
        Ok(retried)
    }

    pub async fn outbox_status(&self) -> Result<OutboxStatus, StoreError> {
        let mut tx = self.store.begin(TxMode::Read).await?;
        let status = tx.outbox_status().await?;
        tx.commit().await?;
        Ok(status)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::fixed_now;
    use chrono::TimeDelta;

    #[test]
    fn retries_back_off_doubling_up_to_an_hour_then_give_up() {
        let policy = DeliveryPolicy::default();
        let now = fixed_now();
        let wait = |attempt| match policy.after(attempt, false, now) {
            AttemptOutcome::RetryAt(at) => at - now,
            other => panic!("attempt {attempt}: {other:?}"),
        };
        assert_eq!(wait(1), TimeDelta::seconds(5));
        assert_eq!(wait(2), TimeDelta::seconds(10));
        assert_eq!(wait(3), TimeDelta::seconds(20));
        assert_eq!(wait(10), TimeDelta::seconds(2560));
        assert_eq!(wait(11), TimeDelta::hours(1));
        assert_eq!(wait(19), TimeDelta::hours(1));
        assert_eq!(policy.after(20, false, now), AttemptOutcome::GaveUp);
        assert_eq!(policy.after(20, true, now), AttemptOutcome::Delivered);
    }
}
