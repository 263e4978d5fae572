//! Decoding audit events, webhook endpoints and deliveries from rows.

/// Expands, inside an adapter's `rows` module, to the decoders of events, endpoints and
/// deliveries, given the same column readers as `row_decoders!` plus `big_int_column`.
#[macro_export]
#[allow(clippy::crate_in_macro_def)]
macro_rules! event_row_decoders {
    ($row:ty) => {
        use orgs_core::{Action, Actor, EventId, RequestInfo, Target, TargetKind, WebhookId};
        use orgs_ports::{
            Attempt, DeliveryInfo, DeliveryState, LoggedEvent, OutboxStatus, OwedDelivery, WebhookEndpoint,
        };

        fn action(text: &str) -> Result<Action, StoreError> {
            Action::parse(text).map_err(|_| corrupt("action"))
        }

        pub(crate) fn logged_event(row: &$row) -> Result<LoggedEvent, StoreError> {
            event_of(EventColumnsRead {
                id: get(row, "id")?,
                organization_id: get(row, "organization_id")?,
                action: &get::<String>(row, "action")?,
                occurred_at: time_column(row, "occurred_at")?,
                actor_kind: &get::<String>(row, "actor_kind")?,
                actor_id: get(row, "actor_id")?,
                actor_email: get::<Option<String>>(row, "actor_email")?.as_deref(),
                target_kind: &get::<String>(row, "target_kind")?,
                target_id: get(row, "target_id")?,
                data: get(row, "data")?,
                request_id: get(row, "request_id")?,
                ip_address: get(row, "ip_address")?,
                user_agent: get(row, "user_agent")?,
            })
        }

        /// An event's columns as a store read them, by row or otherwise, not yet checked.
        pub(crate) struct EventColumnsRead<'a> {
            pub(crate) id: Uuid,
            pub(crate) organization_id: Uuid,
            pub(crate) action: &'a str,
            pub(crate) occurred_at: orgs_core::Timestamp,
            pub(crate) actor_kind: &'a str,
            pub(crate) actor_id: Option<String>,
            pub(crate) actor_email: Option<&'a str>,
            pub(crate) target_kind: &'a str,
            pub(crate) target_id: String,
            pub(crate) data: String,
            pub(crate) request_id: Option<String>,
            pub(crate) ip_address: Option<String>,
            pub(crate) user_agent: Option<String>,
        }

        pub(crate) fn event_of(columns: EventColumnsRead) -> Result<LoggedEvent, StoreError> {
            let actor = match (columns.actor_kind, columns.actor_id) {
                ("user", Some(id)) => Actor::User {
                    id: UserId::from_uuid(Uuid::try_parse(&id).map_err(|_| corrupt("actor id"))?),
                    email: Email::parse(columns.actor_email.unwrap_or_default()).map_err(|_| corrupt("actor email"))?,
                },
                ("organization_token", Some(key)) => Actor::OrganizationToken { key },
                ("operator", None) => Actor::Operator,
                _ => return Err(corrupt("actor")),
            };
            Ok(LoggedEvent {
                id: EventId::from_uuid(columns.id),
                organization: OrgId::from_uuid(columns.organization_id),
                action: action(columns.action)?,
                occurred_at: columns.occurred_at,
                actor,
                target: Target {
                    kind: TargetKind::parse(columns.target_kind).ok_or_else(|| corrupt("target kind"))?,
                    id: columns.target_id,
                },
                data: columns.data,
                request: RequestInfo {
                    request_id: columns.request_id,
                    ip_address: columns.ip_address,
                    user_agent: columns.user_agent,
                },
            })
        }

        /// `events` as the endpoints table keeps it: `,a,b,`, or empty for all.
        pub(crate) fn encode_actions(actions: &[Action]) -> String {
            if actions.is_empty() {
                return String::new();
            }
            let names: Vec<&str> = actions.iter().map(|action| action.as_str()).collect();
            format!(",{},", names.join(","))
        }

        pub(crate) fn webhook_endpoint(row: &$row) -> Result<WebhookEndpoint, StoreError> {
            let events: String = get(row, "events")?;
            Ok(WebhookEndpoint {
                id: WebhookId::from_uuid(get(row, "id")?),
                url: get(row, "url")?,
                events: events
                    .split(',')
                    .filter(|name| !name.is_empty())
                    .map(action)
                    .collect::<Result<_, _>>()?,
                created_at: time_column(row, "created_at")?,
            })
        }

        pub(crate) fn owed_delivery(row: &$row) -> Result<OwedDelivery, StoreError> {
            Ok(OwedDelivery {
                id: big_int_column(row, "delivery_id")?,
                attempts: u32::try_from(int_column(row, "attempts")?).map_err(|_| corrupt("attempts"))?,
                url: get(row, "url")?,
                secret: get(row, "secret")?,
                event: logged_event(row)?,
            })
        }

        pub(crate) fn delivery_info(row: &$row) -> Result<DeliveryInfo, StoreError> {
            let state = match get::<String>(row, "state")?.as_str() {
                "pending" => DeliveryState::Pending,
                "succeeded" => DeliveryState::Succeeded,
                "failed" => DeliveryState::Failed,
                _ => return Err(corrupt("delivery state")),
            };
            Ok(DeliveryInfo {
                id: big_int_column(row, "id")?,
                endpoint: WebhookId::from_uuid(get(row, "endpoint_id")?),
                event: EventId::from_uuid(get(row, "event_id")?),
                action: action(get(row, "action")?)?,
                state,
                next_attempt_at: time_column(row, "next_attempt_at")?,
                created_at: time_column(row, "created_at")?,
                attempts: Vec::new(),
            })
        }

        pub(crate) fn attempt(row: &$row) -> Result<Attempt, StoreError> {
            let status = optional_int_column(row, "status")?
                .map(|status| u16::try_from(status).map_err(|_| corrupt("status")))
                .transpose()?;
            Ok(Attempt {
                delivery: big_int_column(row, "delivery_id")?,
                number: u32::try_from(int_column(row, "number")?).map_err(|_| corrupt("attempt number"))?,
                started_at: time_column(row, "started_at")?,
                status,
                error: get(row, "error")?,
                duration_ms: u32::try_from(int_column(row, "duration_ms")?).map_err(|_| corrupt("duration"))?,
            })
        }

        pub(crate) fn outbox_status(row: &$row) -> Result<OutboxStatus, StoreError> {
            Ok(OutboxStatus {
                owed: u64::try_from(big_int_column(row, "owed")?).map_err(|_| corrupt("count"))?,
                oldest_owed_at: optional_time_column(row, "oldest")?,
            })
        }
    };
}
