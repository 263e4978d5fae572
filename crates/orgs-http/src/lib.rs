//! The HTTP adapter: axum routes whose OpenAPI spec is generated from the same handler
//! annotations (utoipa-axum), so the router and the spec cannot drift apart.

mod dto;
mod dto_invites;
mod error;
mod extract;
mod guesses;
mod operational;
mod routes;
mod spec;

pub use error::{ApiError, ErrorCode, ErrorEnvelope};
pub use spec::openapi;

use axum::BoxError;
use axum::Router;
use axum::error_handling::HandleErrorLayer;
use axum::extract::{DefaultBodyLimit, Request};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use orgs_app::{App, Authenticator, FailureLimiter};
use std::sync::Arc;
use std::time::{Duration, Instant};
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
/// The limits cover `/v1` only, so health checks answer even under overload.
pub fn router(state: AppState, limits: Limits) -> Router {
    let (api, spec) = spec::api_router().split_for_parts();
    let spec_json: Arc<str> = spec::finish(spec).to_pretty_json().expect("the spec serialises").into();
    let guard = ServiceBuilder::new()
        .layer(HandleErrorLayer::new(|err: BoxError| async move { refusal(&err) }))
        .load_shed()
        .concurrency_limit(limits.max_concurrent_requests.max(1))
        .timeout(limits.request_timeout);
    api.layer(guard)
        .merge(operational::routes(spec_json))
        .fallback(|| async { ApiError::NotFound("Path") })
        .method_not_allowed_fallback(|| async { ApiError::MethodNotAllowed })
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(CatchPanicLayer::custom(|_| {
            tracing::error!("a handler panicked");
            ApiError::Internal.into_response()
        }))
        .layer(middleware::from_fn(log_request))
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

/// One line per request: method, path, status, latency. Never headers or bodies, which
/// carry credentials and secrets.
async fn log_request(request: Request, next: Next) -> Response {
    let (method, path) = (request.method().clone(), request.uri().path().to_owned());
    let started = Instant::now();
    let response = next.run(request).await;
    let status = response.status().as_u16();
    let micros = u64::try_from(started.elapsed().as_micros()).unwrap_or(u64::MAX);
    if status >= 500 {
        tracing::warn!(%method, path, status, micros, "request failed");
    } else {
        tracing::info!(%method, path, status, micros, "request");
    }
    response
}
