//! JWK sets: the keys in one, and a provider's set fetched from its URL and kept fresh.
//!
//! A remote set is fetched at start, again every refresh interval (sooner if the
//! provider's `Cache-Control: max-age` says so, never more often than every 30 s), and
//! at once when a token names a key it does not hold, at most once every 30 s. A fetch
//! that fails keeps the last good set; until a first one succeeds there are no keys.

use http_body_util::{BodyExt, Empty, Limited};
use hyper::body::Bytes;
use hyper::{Request, StatusCode, Uri, header};
use hyper_rustls::HttpsConnector;
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;
use jsonwebtoken::jwk::{AlgorithmParameters, EllipticCurve, Jwk, JwkSet, KeyAlgorithm};
use jsonwebtoken::{Algorithm, DecodingKey};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant, SystemTime};

/// The RS256 and ES256 keys of one set, each with its `kid` and the one algorithm it is
/// used with.
#[derive(Default)]
pub struct KeySet(Vec<(Option<String>, Algorithm, DecodingKey)>);

impl KeySet {
    /// The usable keys of a JWK set; others (HS keys, unknown curves) are left out, so a
    /// key never serves an algorithm it was not published for.
    pub fn of(set: &JwkSet) -> Self {
        Self(
            set.keys
                .iter()
                .filter_map(|jwk| {
                    Some((
                        jwk.common.key_id.clone(),
                        algorithm_of(jwk)?,
                        DecodingKey::from_jwk(jwk).ok()?,
                    ))
                })
                .collect(),
        )
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The keys that may verify a token of this algorithm and `kid`: the one with that
    /// `kid`, or, for a token without one, every key of the algorithm (a provider that
    /// leaves `kid` out still rotates, and holds two keys meanwhile).
    pub fn candidates<'a>(
        &'a self,
        algorithm: Algorithm,
        kid: Option<&'a str>,
    ) -> impl Iterator<Item = &'a DecodingKey> {
        self.0
            .iter()
            .filter(move |(key_id, key_algorithm, _)| {
                *key_algorithm == algorithm && (kid.is_none() || key_id.as_deref() == kid)
            })
            .map(|(_, _, key)| key)
    }

    pub fn holds(&self, algorithm: Algorithm, kid: Option<&str>) -> bool {
        self.candidates(algorithm, kid).next().is_some()
    }
}

fn algorithm_of(jwk: &Jwk) -> Option<Algorithm> {
    match (jwk.common.key_algorithm, &jwk.algorithm) {
        (Some(KeyAlgorithm::RS256), AlgorithmParameters::RSA(_)) => Some(Algorithm::RS256),
        (Some(KeyAlgorithm::ES256), AlgorithmParameters::EllipticCurve(ec)) if ec.curve == EllipticCurve::P256 => {
            Some(Algorithm::ES256)
        }
        (Some(_), _) => None,
        (None, AlgorithmParameters::RSA(_)) => Some(Algorithm::RS256),
        (None, AlgorithmParameters::EllipticCurve(ec)) if ec.curve == EllipticCurve::P256 => Some(Algorithm::ES256),
        (None, _) => None,
    }
}

/// The fewest seconds between two fetches of one set, whatever asks for them.
pub const MIN_FETCH_GAP: Duration = Duration::from_secs(30);
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
const FETCH_TIMEOUT: Duration = Duration::from_secs(10);
/// Providers publish a few keys, a few KiB; a larger answer is not a key set.
const MAX_SET_BYTES: usize = 256 * 1024;
/// The first retry after a failed fetch; it doubles up to the refresh interval.
const FIRST_RETRY: Duration = Duration::from_secs(1);

/// What `/metrics` shows of a remote set.
#[derive(Debug, Clone, Copy, Default)]
pub struct JwksStatus {
    pub keys: usize,
    /// When a fetch last succeeded.
    pub last_refresh: Option<SystemTime>,
    pub failures: u64,
}

/// A provider's key set behind its URL.
pub struct RemoteKeySet {
    url: Uri,
    refresh: Duration,
    /// The set, with the number of the fetch that brought it: a slow fetch that ends
    /// after a later one must not put back the older set.
    keys: RwLock<(u64, Arc<KeySet>)>,
    fetch_numbers: AtomicU64,
    last_refresh: RwLock<Option<SystemTime>>,
    /// When a token last made the set be fetched out of turn. Held only to read and set
    /// it, never across the fetch, so no request waits on another's.
    on_demand: Mutex<Option<Instant>>,
    failures: AtomicU64,
    client: Client<HttpsConnector<HttpConnector>, Empty<Bytes>>,
}

impl RemoteKeySet {
    pub fn new(url: Uri, refresh: Duration) -> Arc<Self> {
        let mut http = HttpConnector::new();
        http.set_connect_timeout(Some(CONNECT_TIMEOUT));
        http.enforce_http(false);
        let https = hyper_rustls::HttpsConnectorBuilder::new()
            .with_webpki_roots()
            .https_or_http()
            .enable_http1()
            .wrap_connector(http);
        Arc::new(Self {
            url,
            refresh,
            keys: RwLock::new((0, Arc::new(KeySet::default()))),
            fetch_numbers: AtomicU64::new(0),
            last_refresh: RwLock::new(None),
            on_demand: Mutex::new(None),
            failures: AtomicU64::new(0),
            client: Client::builder(TokioExecutor::new()).build(https),
        })
    }

    pub fn current(&self) -> Arc<KeySet> {
        self.keys.read().expect("never poisoned").1.clone()
    }

    pub fn status(&self) -> JwksStatus {
        JwksStatus {
            keys: self.current().len(),
            last_refresh: *self.last_refresh.read().expect("never poisoned"),
            failures: self.failures.load(Ordering::Relaxed),
        }
    }

    /// Keeps the set fresh until the set is dropped: fetches now, then on schedule.
    pub fn spawn_refresh(self: &Arc<Self>) {
        let set = Arc::downgrade(self);
        tokio::spawn(async move {
            let mut retry = FIRST_RETRY;
            loop {
                let Some(strong) = set.upgrade() else { return };
                let wait = match strong.fetch().await {
                    Ok(max_age) => {
                        retry = FIRST_RETRY;
                        max_age.map_or(strong.refresh, |age| {
                            age.clamp(MIN_FETCH_GAP.min(strong.refresh), strong.refresh)
                        })
                    }
                    Err(_) => {
                        let wait = retry.min(strong.refresh);
                        retry = (retry * 2).min(strong.refresh);
                        wait
                    }
                };
                drop(strong);
                tokio::time::sleep(wait).await;
            }
        });
    }

    /// The set after fetching it again for a token whose key it lacks, unless a token
    /// did so less than 30 s ago.
    pub async fn refreshed_for(&self, algorithm: Algorithm, kid: Option<&str>) -> Arc<KeySet> {
        {
            let mut last = self.on_demand.lock().expect("never poisoned");
            // Another token's fetch, or the schedule, may have brought the key meanwhile.
            if self.current().holds(algorithm, kid) || last.is_some_and(|at| at.elapsed() < MIN_FETCH_GAP) {
                return self.current();
            }
            *last = Some(Instant::now());
        }
        let _ = self.fetch().await;
        self.current()
    }

    /// One fetch; on success the set replaces the held one. Answers the provider's
    /// `max-age`, if it gave one.
    async fn fetch(&self) -> Result<Option<Duration>, String> {
        let number = self.fetch_numbers.fetch_add(1, Ordering::Relaxed) + 1;
        match tokio::time::timeout(FETCH_TIMEOUT, self.download()).await {
            Ok(Ok((set, max_age))) => {
                let mut keys = self.keys.write().expect("never poisoned");
                if keys.0 < number {
                    *keys = (number, Arc::new(set));
                }
                drop(keys);
                *self.last_refresh.write().expect("never poisoned") = Some(SystemTime::now());
                Ok(max_age)
            }
            Ok(Err(error)) => Err(self.failed(error)),
            Err(_) => Err(self.failed("timed out".into())),
        }
    }

    fn failed(&self, error: String) -> String {
        self.failures.fetch_add(1, Ordering::Relaxed);
        tracing::warn!(url = %self.url, %error, "could not fetch the JWKS; keeping the last good set");
        error
    }

    async fn download(&self) -> Result<(KeySet, Option<Duration>), String> {
        let request = Request::get(self.url.clone())
            .header(header::ACCEPT, "application/json")
            .body(Empty::new())
            .map_err(|err| err.to_string())?;
        let response = self.client.request(request).await.map_err(|err| err.to_string())?;
        if response.status() != StatusCode::OK {
            return Err(format!("answered {}", response.status()));
        }
        let max_age = response
            .headers()
            .get(header::CACHE_CONTROL)
            .and_then(|value| value.to_str().ok())
            .and_then(max_age);
        let body = Limited::new(response.into_body(), MAX_SET_BYTES)
            .collect()
            .await
            .map_err(|_| format!("no key set within {MAX_SET_BYTES} bytes"))?
            .to_bytes();
        let set: JwkSet = serde_json::from_slice(&body).map_err(|err| format!("not a JWK set: {err}"))?;
        let keys = KeySet::of(&set);
        if keys.is_empty() {
            return Err("the set holds no RS256 or ES256 key".into());
        }
        Ok((keys, max_age))
    }
}

/// `max-age=N` of a `Cache-Control` value.
fn max_age(cache_control: &str) -> Option<Duration> {
    cache_control.split(',').find_map(|directive| {
        let (name, value) = directive.trim().split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("max-age")
            .then(|| value.trim().trim_matches('"').parse().ok().map(Duration::from_secs))?
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn max_age_is_read_among_other_directives() {
        assert_eq!(
            max_age("public, max-age=300, must-revalidate"),
            Some(Duration::from_secs(300))
        );
        assert_eq!(max_age("Max-Age=\"60\""), Some(Duration::from_secs(60)));
        assert_eq!(max_age("no-store"), None);
        assert_eq!(max_age("max-age=soon"), None);
    }
}
