//! Routes for operators, outside `/v1` and outside the spec's paths.

use crate::AppState;
use crate::error::ApiError;
use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::get;
use axum::{Json, Router};
use serde_json::json;
use std::sync::Arc;
use utoipa_swagger_ui::{Config, SwaggerUi};

pub(crate) fn routes(spec_json: Arc<str>) -> Router<AppState> {
    // The API reference: Swagger UI, its assets compiled into the binary (nothing is
    // fetched from a CDN), reading the spec this server serves.
    // No validator either: Swagger UI would otherwise send the spec's address to
    // validator.swagger.io.
    let docs = SwaggerUi::new("/docs").config(Config::from("/openapi.json").validator_url("none"));
    Router::new()
        .merge(docs)
        .route("/healthz", get(|| async { Json(json!({"status": "ok"})) }))
        .route("/readyz", get(readyz))
        .route("/metrics", get(metrics))
        .route(
            "/openapi.json",
            get(move || {
                let spec = spec_json.clone();
                async move { ([(header::CONTENT_TYPE, "application/json")], spec.to_string()) }
            }),
        )
}

/// Ready only while the database answers, so a load balancer stops sending traffic
/// during an outage and resumes by itself afterwards.
async fn readyz(State(state): State<AppState>) -> Result<impl IntoResponse, ApiError> {
    state.app.ready().await.map_err(|err| {
        tracing::warn!(error = %err, "not ready");
        ApiError::Unavailable
    })?;
    Ok(Json(json!({"status": "ready"})))
}

/// Prometheus scrapes this; OpenMetrics text.
async fn metrics(State(state): State<AppState>) -> impl IntoResponse {
    let text = state.metrics.render(&state, state.store.pool_status());
    (
        [(
            header::CONTENT_TYPE,
            "application/openmetrics-text; version=1.0.0; charset=utf-8",
        )],
        text,
    )
}
