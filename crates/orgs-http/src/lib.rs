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

use axum::Router;
use axum::extract::{DefaultBodyLimit, Request};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use orgs_app::{App, Authenticator, FailureLimiter};
use std::sync::Arc;
use std::time::Instant;
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

/// The whole HTTP surface: the `/v1` API, `/healthz`, `/readyz` and `/openapi.json`.
pub fn router(state: AppState) -> Router {
    let (api, spec) = spec::api_router().split_for_parts();
    let spec_json: Arc<str> = spec::finish(spec).to_pretty_json().expect("the spec serialises").into();
    api.merge(operational::routes(spec_json))
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
