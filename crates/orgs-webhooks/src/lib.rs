//! The `WebhookSender` port over HTTP. The client is bounded in every direction a
//! receiver could stretch it: a connect timeout, a total deadline of ten seconds for
//! the answer, no redirects followed (a 3xx is a failure, as the contract says), and at
//! most 64 KiB of a response read, only to keep the connection reusable.

use http_body_util::{BodyExt, Full, Limited};
use hyper::body::Bytes;
use hyper::header::{CONTENT_TYPE, HeaderValue, USER_AGENT};
use hyper::{Method, Request, Uri};
use hyper_rustls::HttpsConnector;
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;
use orgs_core::Timestamp;
use orgs_events::{Signer, WebhookPayload};
use orgs_ports::{OwedDelivery, SendResult, WebhookSender};
use std::time::Duration;

/// How long a receiver has to answer, from the first byte sent.
pub const DELIVERY_TIMEOUT: Duration = Duration::from_secs(10);
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
const MAX_RESPONSE_READ: usize = 64 * 1024;

/// Checks an endpoint URL as the operator gives it: `http` or `https` with a host.
///
/// # Errors
/// A sentence saying what is wrong.
pub fn check_url(url: &str) -> Result<(), String> {
    let uri: Uri = url.parse().map_err(|_| format!("{url:?} is not a URL"))?;
    match uri.scheme_str() {
        Some("http" | "https") => {}
        _ => return Err("a webhook URL starts with http:// or https://".into()),
    }
    if uri.host().is_none_or(str::is_empty) {
        return Err("a webhook URL names a host".into());
    }
    Ok(())
}

pub struct HttpSender {
    client: Client<HttpsConnector<HttpConnector>, Full<Bytes>>,
    timeout: Duration,
}

impl HttpSender {
    pub fn new(timeout: Duration) -> Self {
        let mut http = HttpConnector::new();
        http.set_connect_timeout(Some(CONNECT_TIMEOUT));
        http.set_nodelay(true);
        // The connector takes plain http too: the operator chose the URL.
        http.enforce_http(false);
        let https = hyper_rustls::HttpsConnectorBuilder::new()
            .with_webpki_roots()
            .https_or_http()
            .enable_http1()
            .wrap_connector(http);
        let client = Client::builder(TokioExecutor::new())
            .pool_idle_timeout(Duration::from_secs(30))
            // As many as the delivery worker has attempts in flight, so a burst to one
            // receiver keeps its connections instead of opening new ones.
            .pool_max_idle_per_host(128)
            .build(https);
        Self { client, timeout }
    }

    fn request(&self, delivery: &OwedDelivery, attempt_at: Timestamp) -> Result<Request<Full<Bytes>>, String> {
        let signer = Signer::new(&delivery.secret).map_err(|err| err.to_string())?;
        let body = WebhookPayload::of(&delivery.event).to_bytes();
        let id = delivery.event.id.to_string();
        let timestamp = attempt_at.timestamp();
        let signature = signer.sign(&id, timestamp, &body);
        Request::builder()
            .method(Method::POST)
            .uri(delivery.url.as_str())
            .header(CONTENT_TYPE, HeaderValue::from_static("application/json"))
            .header(USER_AGENT, HeaderValue::from_static("orgs-webhooks"))
            .header("webhook-id", id)
            .header("webhook-timestamp", timestamp.to_string())
            .header("webhook-signature", signature)
            .body(Full::new(Bytes::from(body)))
            .map_err(|_| "the endpoint URL cannot be requested".to_owned())
    }
}

impl Default for HttpSender {
    fn default() -> Self {
        Self::new(DELIVERY_TIMEOUT)
    }
}

#[async_trait::async_trait]
impl WebhookSender for HttpSender {
    async fn send(&self, delivery: &OwedDelivery, attempt_at: Timestamp) -> SendResult {
        let request = match self.request(delivery, attempt_at) {
            Ok(request) => request,
            Err(error) => {
                return SendResult {
                    status: None,
                    error: Some(error),
                };
            }
        };
        let deadline = tokio::time::Instant::now() + self.timeout;
        let response = match tokio::time::timeout_at(deadline, self.client.request(request)).await {
            Err(_) => return failure(None, "timed out"),
            Ok(Err(err)) if err.is_connect() => return failure(None, "could not connect"),
            Ok(Err(_)) => return failure(None, "the connection failed"),
            Ok(Ok(response)) => response,
        };
        let status = response.status();
        // Read a little of the answer so the connection can serve the next delivery; a
        // receiver that sends more, or dawdles, only loses the connection.
        let drained = Limited::new(response.into_body(), MAX_RESPONSE_READ).collect();
        let _ = tokio::time::timeout_at(deadline, drained).await;
        if status.is_redirection() {
            return failure(Some(status.as_u16()), "redirects are not followed");
        }
        if !status.is_success() {
            return failure(Some(status.as_u16()), "the receiver did not answer 2xx");
        }
        SendResult {
            status: Some(status.as_u16()),
            error: None,
        }
    }
}

fn failure(status: Option<u16>, error: &str) -> SendResult {
    SendResult {
        status,
        error: Some(error.to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_and_https_urls_with_a_host_are_taken() {
        assert!(check_url("http://127.0.0.1:8080/hook").is_ok());
        assert!(check_url("https://example.com/hooks/orgs").is_ok());
        assert!(check_url("ftp://example.com/").is_err());
        assert!(check_url("example.com/hook").is_err());
        assert!(check_url("not a url").is_err());
    }
}
