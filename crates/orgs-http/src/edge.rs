//! The network edge: which address a request comes from when proxies stand in front of
//! the server, and which browser origins may call it (CORS).

use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;
use ipnet::IpNet;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;
use tower::{Layer, ServiceExt};
use tower_http::cors::{AllowOrigin, CorsLayer};

/// What the operator says of the network in front of the server.
#[derive(Debug, Clone, Default)]
pub struct Edge {
    /// Browser origins that may call the API (`ORGS_CORS_ORIGINS`).
    pub cors_origins: Vec<HeaderValue>,
    /// Peers whose `X-Forwarded-For` is believed (`ORGS_TRUSTED_PROXIES`).
    pub trusted_proxies: Vec<IpNet>,
}

/// The address a request is counted and recorded under: the peer's, or the client's
/// as a trusted proxy forwarded it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientIp(pub IpAddr);

/// The client's address, given the TCP peer and the `X-Forwarded-For` values in order.
/// From a trusted peer it is the right-most forwarded address that is not itself a
/// trusted proxy: each proxy appends the address it saw, so everything left of that one
/// was written by the client and proves nothing, and is not even read (a client that
/// writes garbage there cannot make itself the proxy). If every entry is a trusted proxy
/// it is the left-most; if the header is missing, or an entry the proxies wrote is not
/// an address, the peer.
pub fn client_ip(peer: IpAddr, forwarded: &HeaderMap, trusted: &[IpNet]) -> IpAddr {
    let peer = peer.to_canonical();
    let is_trusted = |ip: IpAddr| trusted.iter().any(|net| net.contains(&ip));
    if !is_trusted(peer) {
        return peer;
    }
    let mut values = Vec::new();
    for value in forwarded.get_all(X_FORWARDED_FOR) {
        let Ok(text) = value.to_str() else { return peer };
        values.push(text);
    }
    let mut leftmost = None;
    for entry in values.iter().rev().flat_map(|text| text.rsplit(',')) {
        let Ok(ip) = entry.trim().parse::<IpAddr>() else {
            return peer;
        };
        let ip = ip.to_canonical();
        if !is_trusted(ip) {
            return ip;
        }
        leftmost = Some(ip);
    }
    leftmost.unwrap_or(peer)
}

const X_FORWARDED_FOR: HeaderName = HeaderName::from_static("x-forwarded-for");

/// Records each request's `ClientIp` for the extractors, rate limits and audit log.
pub async fn resolve_client(State(edge): State<Arc<Edge>>, mut request: Request, next: Next) -> Response {
    if let Some(ConnectInfo(peer)) = request.extensions().get::<ConnectInfo<SocketAddr>>().copied() {
        let ip = client_ip(peer.ip(), request.headers(), &edge.trusted_proxies);
        request.extensions_mut().insert(ClientIp(ip));
    }
    next.run(request).await
}

/// How long a browser may reuse a preflight's answer.
const PREFLIGHT_MAX_AGE: Duration = Duration::from_secs(600);

/// The CORS policy for the listed origins; `None` when no origin is listed.
pub fn cors(origins: &[HeaderValue]) -> Option<CorsPolicy> {
    if origins.is_empty() {
        return None;
    }
    let layer = CorsLayer::new()
        .allow_origin(AllowOrigin::list(origins.iter().cloned()))
        .allow_methods([Method::POST])
        // Named one by one: browsers do not let `*` cover `authorization`.
        .allow_headers([
            header::AUTHORIZATION,
            header::CONTENT_TYPE,
            HeaderName::from_static("x-request-id"),
        ])
        .expose_headers([
            HeaderName::from_static("x-request-id"),
            header::RETRY_AFTER,
            HeaderName::from_static("ratelimit-limit"),
            HeaderName::from_static("ratelimit-remaining"),
            HeaderName::from_static("ratelimit-reset"),
        ])
        .max_age(PREFLIGHT_MAX_AGE);
    Some(CorsPolicy {
        origins: origins.to_vec(),
        layer,
    })
}

/// Sends requests from a listed origin through the CORS layer and everything else past
/// it, so other origins (and requests with no `Origin`) get no CORS header at all; a
/// preflight it answers is `204`, as it has no body.
pub async fn cross_origin(State(policy): State<Arc<CorsPolicy>>, request: Request, next: Next) -> Response {
    let listed = request
        .headers()
        .get(header::ORIGIN)
        .is_some_and(|origin| policy.origins.contains(origin));
    if !listed {
        return next.run(request).await;
    }
    let preflight =
        request.method() == Method::OPTIONS && request.headers().contains_key(header::ACCESS_CONTROL_REQUEST_METHOD);
    let Ok(mut response) = policy.layer.layer(next).oneshot(request).await;
    if preflight && response.status() == StatusCode::OK {
        *response.status_mut() = StatusCode::NO_CONTENT;
    }
    response
}

/// The listed origins and the layer that answers them.
#[derive(Clone)]
pub struct CorsPolicy {
    pub origins: Vec<HeaderValue>,
    pub layer: CorsLayer,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forwarded(values: &[&str]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for value in values {
            headers.append(X_FORWARDED_FOR, HeaderValue::from_str(value).unwrap());
        }
        headers
    }

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    fn nets(list: &[&str]) -> Vec<IpNet> {
        list.iter().map(|net| net.parse().unwrap()).collect()
    }

    #[test]
    fn an_untrusted_peer_is_the_client_whatever_it_forwards() {
        let headers = forwarded(&["203.0.113.9"]);
        assert_eq!(client_ip(ip("198.51.100.1"), &headers, &[]), ip("198.51.100.1"));
        assert_eq!(
            client_ip(ip("198.51.100.1"), &headers, &nets(&["10.0.0.0/8"])),
            ip("198.51.100.1")
        );
    }

    #[test]
    fn a_trusted_peer_forwards_the_rightmost_untrusted_hop() {
        let trusted = nets(&["10.0.0.0/8", "192.0.2.5/32"]);
        let peer = ip("10.1.1.1");
        // The client forged the first entry; the proxies appended the last two.
        let headers = forwarded(&["1.1.1.1, 203.0.113.9", "192.0.2.5"]);
        assert_eq!(client_ip(peer, &headers, &trusted), ip("203.0.113.9"));
        assert_eq!(
            client_ip(peer, &forwarded(&["10.2.2.2, 10.3.3.3"]), &trusted),
            ip("10.2.2.2")
        );
        assert_eq!(client_ip(peer, &HeaderMap::new(), &trusted), peer);
        assert_eq!(client_ip(peer, &forwarded(&["203.0.113.9, not-an-ip"]), &trusted), peer);
        assert_eq!(client_ip(peer, &forwarded(&[""]), &trusted), peer);
        // Garbage the client wrote left of its own address cannot hide it behind the proxy.
        assert_eq!(
            client_ip(peer, &forwarded(&["not-an-ip, 203.0.113.9"]), &trusted),
            ip("203.0.113.9")
        );
        assert_eq!(
            client_ip(peer, &forwarded(&["x", "203.0.113.9, 192.0.2.5"]), &trusted),
            ip("203.0.113.9")
        );
    }

    #[test]
    fn mapped_ipv6_addresses_match_ipv4_proxies() {
        let trusted = nets(&["10.0.0.0/8"]);
        let peer = ip("::ffff:10.0.0.7");
        assert_eq!(
            client_ip(peer, &forwarded(&["::ffff:203.0.113.9"]), &trusted),
            ip("203.0.113.9")
        );
    }
}
