//! The operator's commands for events: `webhooks add | list | remove | deliveries |
//! retry` and `audit list`. Each prints JSON for scripts; lists of unbounded length
//! print one JSON object per line.

use anyhow::bail;
use clap::Subcommand;
use orgs_core::{Action, DEFAULT_PAGE, MAX_PAGE, OrgId, Page, WebhookId};
use orgs_events::EventBody;
use orgs_http::AppState;
use orgs_http::wire_time as time;
use orgs_ports::{EventFilter, WebhookEndpoint};
use serde_json::{Value, json};

#[derive(Debug, Subcommand)]
pub enum WebhooksCommand {
    /// Register an endpoint. Prints `{"id", "url", "events", "secret"}`; the secret is
    /// shown only here. `events` empty means every action, including later ones.
    Add {
        #[arg(long)]
        url: String,
        /// Comma-separated actions, such as `member.added,member.removed`.
        #[arg(long, value_delimiter = ',')]
        events: Vec<String>,
    },
    /// Print every endpoint as a JSON array (never a secret).
    List,
    /// Remove an endpoint; what it was still owed is dropped.
    Remove { id: String },
    /// Print deliveries newest first, one JSON object per line, with their attempts.
    Deliveries {
        /// Only the ones that gave up.
        #[arg(long)]
        failed: bool,
        #[arg(long, default_value_t = 100)]
        limit: u32,
    },
    /// Send a failed delivery again.
    Retry { id: i64 },
}

#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// Print an organization's events newest first, one JSON object per line; deleted
    /// organizations' events too, until retention removes them.
    List {
        #[arg(long = "org", value_name = "ORGANIZATION_ID")]
        organization: String,
        /// Only these actions (comma-separated).
        #[arg(long = "action", value_delimiter = ',')]
        actions: Vec<String>,
        /// Stop after this many events.
        #[arg(long)]
        limit: Option<u64>,
    },
}

fn actions(names: &[String]) -> anyhow::Result<Vec<Action>> {
    names
        .iter()
        .filter(|name| !name.trim().is_empty())
        .map(|name| {
            Action::parse(name.trim()).map_err(|_| anyhow::anyhow!("{name:?} is not an action of the audit log"))
        })
        .collect()
}

fn endpoint_json(endpoint: &WebhookEndpoint) -> Value {
    let events: Vec<&str> = endpoint.events.iter().map(|action| action.as_str()).collect();
    json!({
        "id": endpoint.id.to_string(),
        "url": endpoint.url,
        "events": events,
        "createdAt": time(endpoint.created_at),
    })
}

pub async fn webhooks(state: &AppState, command: WebhooksCommand) -> anyhow::Result<()> {
    match command {
        WebhooksCommand::Add { url, events } => {
            orgs_webhooks::check_url(&url).map_err(|reason| anyhow::anyhow!("--url: {reason}"))?;
            let events = actions(&events)?;
            let mut bytes = [0u8; 32];
            getrandom::fill(&mut bytes).map_err(|err| anyhow::anyhow!("drawing the webhook secret: {err}"))?;
            let secret = orgs_events::secret_from_bytes(&bytes);
            let endpoint = state.app.add_webhook(url, events, &secret).await?;
            let mut shown = endpoint_json(&endpoint);
            shown["secret"] = Value::from(secret);
            println!("{shown}");
        }
        WebhooksCommand::List => {
            let endpoints = state.app.list_webhooks().await?;
            println!("{}", Value::Array(endpoints.iter().map(endpoint_json).collect()));
        }
        WebhooksCommand::Remove { id } => {
            if !state.app.remove_webhook(WebhookId::from_wire(&id)).await? {
                bail!("no webhook endpoint has the id {id:?}");
            }
            println!("{}", json!({"id": id, "removed": true}));
        }
        WebhooksCommand::Deliveries { failed, limit } => {
            for delivery in state.app.list_deliveries(failed, limit.min(MAX_PAGE)).await? {
                let attempts: Vec<Value> = delivery
                    .attempts
                    .iter()
                    .map(|attempt| {
                        json!({
                            "number": attempt.number,
                            "startedAt": time(attempt.started_at),
                            "status": attempt.status,
                            "error": attempt.error,
                            "durationMs": attempt.duration_ms,
                        })
                    })
                    .collect();
                let line = json!({
                    "id": delivery.id,
                    "endpointId": delivery.endpoint.to_string(),
                    "eventId": delivery.event.to_string(),
                    "action": delivery.action.as_str(),
                    "state": delivery.state.as_str(),
                    "nextAttemptAt": time(delivery.next_attempt_at),
                    "createdAt": time(delivery.created_at),
                    "attempts": attempts,
                });
                println!("{line}");
            }
        }
        WebhooksCommand::Retry { id } => {
            if !state.app.retry_delivery(id).await? {
                bail!("delivery {id} is not a failed one");
            }
            println!("{}", json!({"id": id, "retried": true}));
        }
    }
    Ok(())
}

pub async fn audit(state: &AppState, command: AuditCommand) -> anyhow::Result<()> {
    let AuditCommand::List {
        organization,
        actions: names,
        limit,
    } = command;
    let organization = OrgId::from_wire(&organization);
    let filter = EventFilter {
        actions: actions(&names)?,
        ..EventFilter::default()
    };
    let mut left = limit.unwrap_or(u64::MAX);
    let mut page = Page {
        limit: MAX_PAGE.max(DEFAULT_PAGE),
        after: None,
    };
    while left > 0 {
        let events = state.app.operator_audit_log(organization, &filter, page).await?;
        for event in &events.items {
            if left == 0 {
                break;
            }
            println!("{}", serde_json::to_string(&EventBody::from(event))?);
            left -= 1;
        }
        match events.next {
            Some(next) => page.after = Some(next),
            None => break,
        }
    }
    Ok(())
}
