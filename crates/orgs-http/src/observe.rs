//! Following requests: every request gets an id (the caller's `x-request-id` when it
//! sends a usable one), runs inside one span that carries the id, the operation id, the
//! kind of caller, the organization and the status, and is logged once when it ends.
//! Storage calls are child spans of it. Never headers or bodies, which carry secrets.

use axum::extract::{Request, State};
use axum::http::{HeaderName, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Instant;
use tracing::Instrument;
use tracing::field::Empty;

pub(crate) static REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// The request's id, for the handlers (the audit log records it).
#[derive(Clone)]
pub(crate) struct RequestId(pub(crate) String);

/// What the request middleware needs: operation ids and somewhere to count.
pub(crate) struct Observer {
    pub(crate) operations: Operations,
    pub(crate) metrics: Arc<crate::Metrics>,
}

/// Maps paths to operation ids, so logs (and metrics) say `organizations.members.setRole`
/// rather than a path, and unknown paths collapse into one label.
pub(crate) struct Operations(HashMap<String, String>);

impl Operations {
    pub(crate) fn from_spec(spec: &utoipa::openapi::OpenApi) -> Self {
        let operations = spec
            .paths
            .paths
            .iter()
            .filter_map(|(path, item)| Some((path.clone(), item.post.as_ref()?.operation_id.clone()?)))
            .collect();
        Self(operations)
    }

    pub(crate) fn of(&self, path: &str) -> &str {
        match path {
            "/healthz" | "/readyz" | "/openapi.json" | "/metrics" => "operational",
            docs if docs == "/docs" || docs.starts_with("/docs/") => "operational",
            _ => self.0.get(path).map_or("unknown", String::as_str),
        }
    }
}

/// A caller-supplied id is kept when it is short, printable ASCII; anything else is
/// replaced, so a request id can never smuggle a line break into a log.
fn usable(value: &HeaderValue) -> Option<String> {
    let text = value.to_str().ok()?;
    let fine = !text.is_empty() && text.len() <= 128 && text.bytes().all(|b| b.is_ascii_graphic());
    fine.then(|| text.to_owned())
}

pub(crate) async fn observe(State(observer): State<Arc<Observer>>, mut request: Request, next: Next) -> Response {
    let request_id = request
        .headers()
        .get(&REQUEST_ID)
        .and_then(usable)
        .unwrap_or_else(|| uuid::Uuid::now_v7().to_string());
    request.extensions_mut().insert(RequestId(request_id.clone()));
    let path = request.uri().path().to_owned();
    let operation = observer.operations.of(&path).to_owned();
    let span = tracing::info_span!(
        "request",
        request_id = %request_id,
        method = %request.method(),
        operation = %operation,
        caller = Empty,
        organization = Empty,
        status = Empty,
    );
    let started = Instant::now();
    let mut response = next.run(request).instrument(span.clone()).await;
    let status = response.status().as_u16();
    let elapsed = started.elapsed();
    let micros = u64::try_from(elapsed.as_micros()).unwrap_or(u64::MAX);
    observer
        .metrics
        .observe_request(&operation, status, elapsed.as_secs_f64());
    span.record("status", status);
    span.in_scope(|| {
        if status >= 500 {
            tracing::warn!(path, status, micros, "request failed");
        } else {
            tracing::info!(path, status, micros, "request");
        }
    });
    if let Ok(value) = HeaderValue::from_str(&request_id) {
        response.headers_mut().insert(REQUEST_ID.clone(), value);
    }
    response
}

/// Notes who is calling on the request's span.
pub(crate) fn record_caller(caller: &orgs_core::Caller) {
    let span = tracing::Span::current();
    match caller {
        orgs_core::Caller::User(_) => {
            span.record("caller", "user");
        }
        orgs_core::Caller::OrganizationToken(organization) => {
            span.record("caller", "organization_token");
            span.record("organization", tracing::field::display(organization));
        }
    }
}

/// Notes the organization a request body names, when it names one.
pub(crate) fn record_organization(body: &[u8]) {
    #[derive(serde::Deserialize)]
    struct Names {
        #[serde(rename = "organizationId")]
        organization_id: Option<String>,
    }
    if let Ok(Names {
        organization_id: Some(organization),
    }) = serde_json::from_slice::<Names>(body)
    {
        tracing::Span::current().record("organization", organization.as_str());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_tame_request_ids_are_kept() {
        assert_eq!(usable(&HeaderValue::from_static("abc-123")), Some("abc-123".into()));
        assert_eq!(usable(&HeaderValue::from_static("has space")), None);
        assert_eq!(usable(&HeaderValue::from_static("")), None);
        assert_eq!(usable(&HeaderValue::from_str(&"x".repeat(129)).unwrap()), None);
    }
}
