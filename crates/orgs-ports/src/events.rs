//! What the stores keep of the audit log and its webhook deliveries, as the use cases
//! read it back. An event's `data` stays in the JSON form it was written in: the stores
//! encode it once, at the change, and every reader passes it on unchanged.

use orgs_core::{Action, Actor, EventId, OrgId, RequestInfo, Target, Timestamp, WebhookId};

/// An event as the log holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoggedEvent {
    pub id: EventId,
    pub organization: OrgId,
    pub action: Action,
    pub occurred_at: Timestamp,
    pub actor: Actor,
    pub target: Target,
    /// A JSON object.
    pub data: String,
    pub request: RequestInfo,
}

/// Which events a reader of the log wants; empty fields do not filter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EventFilter {
    pub actions: Vec<Action>,
    /// A user's id or an organization token's key.
    pub actor: Option<String>,
    /// At or after.
    pub since: Option<Timestamp>,
    /// Before.
    pub until: Option<Timestamp>,
}

/// An endpoint the operator registered for webhooks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebhookEndpoint {
    pub id: WebhookId,
    pub url: String,
    /// Empty means every action.
    pub events: Vec<Action>,
    pub created_at: Timestamp,
}

/// One event owed to one endpoint, claimed by a worker until `leased_until`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OwedDelivery {
    pub id: i64,
    /// Attempts made before this one.
    pub attempts: u32,
    pub url: String,
    /// `whsec_` and base64.
    pub secret: String,
    pub event: LoggedEvent,
}

/// What one attempt to deliver came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attempt {
    pub delivery: i64,
    /// 1 for the first attempt.
    pub number: u32,
    pub started_at: Timestamp,
    /// The receiver's status, when it answered at all.
    pub status: Option<u16>,
    /// Why it failed, in a few words; never the response body.
    pub error: Option<String>,
    pub duration_ms: u32,
}

/// Where a delivery goes after an attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttemptOutcome {
    Delivered,
    RetryAt(Timestamp),
    GaveUp,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeliveryState {
    Pending,
    Succeeded,
    Failed,
}

impl DeliveryState {
    pub fn as_str(self) -> &'static str {
        match self {
            DeliveryState::Pending => "pending",
            DeliveryState::Succeeded => "succeeded",
            DeliveryState::Failed => "failed",
        }
    }
}

/// A delivery as the operator sees it, with its attempts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeliveryInfo {
    pub id: i64,
    pub endpoint: WebhookId,
    pub event: EventId,
    pub action: Action,
    pub state: DeliveryState,
    pub next_attempt_at: Timestamp,
    pub created_at: Timestamp,
    pub attempts: Vec<Attempt>,
}

/// How far behind delivery is, for metrics.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct OutboxStatus {
    /// Deliveries still pending.
    pub owed: u64,
    pub oldest_owed_at: Option<Timestamp>,
}

/// What a receiver made of one attempt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SendResult {
    /// Its status, when it answered in time.
    pub status: Option<u16>,
    /// Why there is no 2xx, in a few words: a refused connection, a timeout, a redirect.
    pub error: Option<String>,
}

impl SendResult {
    pub fn delivered(&self) -> bool {
        self.error.is_none() && self.status.is_some_and(|status| (200..300).contains(&status))
    }
}

/// Posts events to webhook endpoints.
#[cfg_attr(feature = "mocks", mockall::automock)]
#[async_trait::async_trait]
pub trait WebhookSender: Send + Sync + 'static {
    /// Posts the delivery's event, signed with its endpoint's secret and stamped
    /// `attempt_at`, within the sender's timeouts, following no redirect.
    async fn send(&self, delivery: &OwedDelivery, attempt_at: Timestamp) -> SendResult;
}
