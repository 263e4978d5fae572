//! The HTTP adapter: axum routes whose OpenAPI spec is generated from the same handler
//! annotations (utoipa-axum), so the router and the spec cannot drift apart.

mod dto;
mod dto_audit;
mod dto_invites;
mod dto_lifecycle;
mod edge;
mod error;
mod extract;
mod guesses;
mod list_body;
mod metrics;
mod observe;
mod operational;
mod quota;
mod routes;
mod spec;
mod spec_limits;
mod strict_json;

pub use dto::time as wire_time;
pub use edge::{ClientIp, Edge, client_ip};
pub use error::{ApiError, ErrorCode, ErrorEnvelope};
pub use metrics::{KeySetFigures, MeteredStore, Metrics};
pub use quota::Quotas;
pub use spec::openapi;

use axum::BoxError;
use axum::Router;
use axum::error_handling::HandleErrorLayer;
use axum::extract::DefaultBodyLimit;
use axum::middleware;
use axum::response::IntoResponse;
use orgs_app::{App, Authenticator, FailureLimiter};
use std::sync::Arc;
use std::time::Duration;
use tower::ServiceBuilder;
use tower_http::catch_panic::CatchPanicLayer;

/// Request bodies larger than this are refused with `413` before they are read whole.
pub const MAX_BODY_BYTES: usize = 64 * 1024;

/// What every handler needs: the use cases and the authenticator.
#[derive(Clone)]
pub struct AppState {
    pub app: Arc<App>,
    pub auth: Arc<Authenticator>,
    /// Failed invitation accepts and join-code joins, per caller and per client address.
    pub guesses: Arc<FailureLimiter>,
    pub metrics: Arc<Metrics>,
    /// The store, for the pool's figures at scrape time.
    pub store: Arc<dyn orgs_ports::Store>,
    /// Each credential's request budget, when `ORGS_REQUEST_RATE_LIMIT` is set.
    pub quotas: Option<Arc<Quotas>>,
}

/// Bounds on the work the API takes on at once.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Requests to `/v1` being served at once; more are refused with `503` at once
    /// rather than queued, so a burst cannot pile up latency for everyone.
    pub max_concurrent_requests: usize,
    /// A `/v1` request still running after this is abandoned with `503`; its
    /// transaction rolls back.
    pub request_timeout: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_concurrent_requests: 512,
            request_timeout: Duration::from_secs(30),
        }
    }
}

/// The whole HTTP surface: the `/v1` API, `/healthz`, `/readyz` and `/openapi.json`.
/// The limits cover `/v1` only, so health checks answer even under overload; the edge
/// (client addresses, CORS) covers everything.
pub fn router(state: AppState, limits: Limits, edge: Edge) -> Router {
    let (api, spec) = spec::api_router().split_for_parts();
    let spec = spec::finish(spec);
    let observer = Arc::new(observe::Observer {
        operations: observe::Operations::from_spec(&spec),
        metrics: state.metrics.clone(),
    });
    let spec_json: Arc<str> = spec.to_pretty_json().expect("the spec serialises").into();
    let guard = ServiceBuilder::new()
        .layer(HandleErrorLayer::new(|err: BoxError| async move { refusal(&err) }))
        .load_shed()
        .concurrency_limit(limits.max_concurrent_requests.max(1))
        .timeout(limits.request_timeout);
    let quotas_on = state.quotas.is_some();
    let api = api.layer(guard);
    let api = if quotas_on {
        api.layer(middleware::from_fn(quota::headers))
    } else {
        api
    };
    let router = api
        .merge(operational::routes(spec_json))
        .fallback(|| async { ApiError::NotFound("Path") })
        .method_not_allowed_fallback(|| async { ApiError::MethodNotAllowed })
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(CatchPanicLayer::custom(|_| {
            tracing::error!("a handler panicked");
            ApiError::Internal.into_response()
        }))
        .layer(middleware::from_fn_with_state(observer, observe::observe));
    let edge = Arc::new(edge);
    let router = match edge::cors(&edge.cors_origins) {
        Some(policy) => router.layer(middleware::from_fn_with_state(Arc::new(policy), edge::cross_origin)),
        None => router,
    };
    router
        .layer(middleware::from_fn_with_state(edge, edge::resolve_client))
        .with_state(state)
}

fn refusal(err: &BoxError) -> ApiError {
    if err.is::<tower::timeout::error::Elapsed>() {
        tracing::warn!("request timed out");
        ApiError::TimedOut
    } else if err.is::<tower::load_shed::error::Overloaded>() {
        tracing::warn!("request shed: too many in flight");
        ApiError::Overloaded
    } else {
        tracing::error!(error = %err, "request failed in a middleware");
        ApiError::Internal
    }
}
