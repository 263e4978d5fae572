//! Prometheus metrics at `GET /metrics`: requests by operation id and status, latency by
//! operation, the connection pool's use and the wait for a connection, the credential
//! cache's hits and misses, and rate-limit refusals. Labels are operation ids, never
//! raw paths, so an unknown path cannot grow the series without bound.

use crate::AppState;
use async_trait::async_trait;
use orgs_core::{StoredApiToken, UserId};
use orgs_ports::{PoolStatus, Store, StoreError, Tx, TxMode};
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::encoding::text::encode;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::Registry;
use std::sync::Arc;
use std::time::Instant;

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RequestLabels {
    operation: String,
    status: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct OperationLabels {
    operation: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct StateLabels {
    state: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct ResultLabels {
    result: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct LimitLabels {
    limit: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct IssuerLabels {
    issuer: String,
}

/// What a JWKS URL's key set looks like now, read at each scrape.
#[derive(Debug, Clone, Copy, Default)]
pub struct KeySetFigures {
    pub keys: usize,
    /// Seconds since the Unix epoch of the last successful fetch.
    pub last_refresh: Option<f64>,
    pub fetch_failures: u64,
}

type KeySetProbe = Box<dyn Fn() -> KeySetFigures + Send + Sync>;

/// The JWKS gauges, and where to read them.
#[derive(Default)]
struct KeySets {
    probes: std::sync::Mutex<Vec<(String, KeySetProbe)>>,
    keys: Family<IssuerLabels, Gauge>,
    last_refresh: Family<IssuerLabels, Gauge<f64, std::sync::atomic::AtomicU64>>,
    failures: Family<IssuerLabels, Counter>,
}

/// Half a millisecond to about 65 seconds, doubling: past the longest request timeout
/// anyone should set.
fn latency_buckets() -> Histogram {
    Histogram::new(exponential_buckets(0.0005, 2.0, 18))
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct OutcomeLabels {
    outcome: String,
}

pub struct Metrics {
    registry: Registry,
    deliveries: Family<OutcomeLabels, Counter>,
    deliveries_owed: Gauge,
    oldest_owed: Gauge<f64, std::sync::atomic::AtomicU64>,
    delivery_lag: Histogram,
    requests: Family<RequestLabels, Counter>,
    latency: Family<OperationLabels, Histogram, fn() -> Histogram>,
    pool: Family<StateLabels, Gauge>,
    acquire: Histogram,
    cache: Family<ResultLabels, Counter>,
    refusals: Family<LimitLabels, Counter>,
    key_sets: KeySets,
    /// Two scrapes at once must not both add the same increase to a copied counter.
    rendering: std::sync::Mutex<()>,
}

impl Default for Metrics {
    fn default() -> Self {
        let mut registry = Registry::with_prefix("orgs");
        let requests = Family::<RequestLabels, Counter>::default();
        registry.register(
            "http_requests",
            "Requests answered, by operation id and status",
            requests.clone(),
        );
        let latency = Family::<OperationLabels, Histogram, fn() -> Histogram>::new_with_constructor(
            latency_buckets as fn() -> Histogram,
        );
        registry.register(
            "http_request_duration_seconds",
            "Time to answer, by operation id",
            latency.clone(),
        );
        let pool = Family::<StateLabels, Gauge>::default();
        registry.register(
            "db_pool_connections",
            "Database connections by state (idle, in_use, max)",
            pool.clone(),
        );
        let acquire = latency_buckets();
        registry.register(
            "db_transaction_begin_seconds",
            "Wait for a connection and the start of a transaction",
            acquire.clone(),
        );
        let cache = Family::<ResultLabels, Counter>::default();
        registry.register(
            "credential_cache_lookups",
            "API token verifications answered by the cache (hit) or by argon2 (miss)",
            cache.clone(),
        );
        let refusals = Family::<LimitLabels, Counter>::default();
        registry.register(
            "rate_limit_refusals",
            "Requests refused with 429, by limit",
            refusals.clone(),
        );
        let key_sets = KeySets::default();
        registry.register(
            "jwks_keys",
            "Keys held from each issuer's JWKS URL",
            key_sets.keys.clone(),
        );
        registry.register(
            "jwks_last_refresh_timestamp_seconds",
            "When each issuer's JWKS URL last answered a usable key set",
            key_sets.last_refresh.clone(),
        );
        registry.register(
            "jwks_fetch_failures",
            "Fetches of each issuer's JWKS URL that failed (the last good set was kept)",
            key_sets.failures.clone(),
        );
        let deliveries = Family::<OutcomeLabels, Counter>::default();
        registry.register(
            "webhook_deliveries",
            "Webhook delivery attempts, by outcome (delivered, retrying, failed)",
            deliveries.clone(),
        );
        let deliveries_owed = Gauge::default();
        registry.register(
            "webhook_deliveries_owed",
            "Webhook deliveries waiting to be made, in every process",
            deliveries_owed.clone(),
        );
        let oldest_owed = Gauge::<f64, std::sync::atomic::AtomicU64>::default();
        registry.register(
            "webhook_oldest_owed_seconds",
            "Age of the oldest webhook delivery still owed",
            oldest_owed.clone(),
        );
        let delivery_lag = latency_buckets();
        registry.register(
            "webhook_delivery_lag_seconds",
            "From an event's commit to its delivery, for deliveries that succeeded",
            delivery_lag.clone(),
        );
        Self {
            registry,
            deliveries,
            deliveries_owed,
            oldest_owed,
            delivery_lag,
            requests,
            latency,
            pool,
            acquire,
            cache,
            refusals,
            key_sets,
            rendering: std::sync::Mutex::new(()),
        }
    }
}

impl Metrics {
    /// Shows a JWKS URL's key set in `/metrics`, read through `probe` at each scrape.
    pub fn watch_key_set(&self, issuer: String, probe: impl Fn() -> KeySetFigures + Send + Sync + 'static) {
        self.key_sets
            .probes
            .lock()
            .expect("never poisoned")
            .push((issuer, Box::new(probe)));
    }

    fn sample_key_sets(&self) {
        for (issuer, probe) in self.key_sets.probes.lock().expect("never poisoned").iter() {
            let figures = probe();
            let labels = IssuerLabels { issuer: issuer.clone() };
            self.key_sets
                .keys
                .get_or_create(&labels)
                .set(i64::try_from(figures.keys).unwrap_or(i64::MAX));
            if let Some(at) = figures.last_refresh {
                self.key_sets.last_refresh.get_or_create(&labels).set(at);
            }
            catch_up(&self.key_sets.failures.get_or_create(&labels), figures.fetch_failures);
        }
    }

    pub(crate) fn observe_request(&self, operation: &str, status: u16, seconds: f64) {
        let labels = RequestLabels {
            operation: operation.to_owned(),
            status: status.to_string(),
        };
        self.requests.get_or_create(&labels).inc();
        self.latency
            .get_or_create(&OperationLabels {
                operation: operation.to_owned(),
            })
            .observe(seconds);
    }

    /// Counts one webhook attempt, and how long its event waited when it was delivered.
    pub fn observe_delivery(&self, outcome: &str, lag_seconds: Option<f64>) {
        self.deliveries
            .get_or_create(&OutcomeLabels {
                outcome: outcome.to_owned(),
            })
            .inc();
        if let Some(lag) = lag_seconds {
            self.delivery_lag.observe(lag);
        }
    }

    /// What the delivery worker last read of the outbox.
    pub fn set_outbox(&self, owed: u64, oldest_age_seconds: f64) {
        self.deliveries_owed.set(i64::try_from(owed).unwrap_or(i64::MAX));
        self.oldest_owed.set(oldest_age_seconds);
    }

    /// Brings the sampled values up to date, then renders the OpenMetrics text.
    pub(crate) fn render(&self, state: &AppState, pool: PoolStatus) -> String {
        let _one_at_a_time = self.rendering.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let gauge = |state: &str, value: u32| {
            self.pool
                .get_or_create(&StateLabels {
                    state: state.to_owned(),
                })
                .set(i64::from(value));
        };
        self.sample_key_sets();
        gauge("idle", pool.idle);
        gauge("in_use", pool.open.saturating_sub(pool.idle));
        gauge("max", pool.max);
        let (hits, misses) = state.auth.cache_counts();
        catch_up(&self.cache.get_or_create(&ResultLabels { result: "hit".into() }), hits);
        catch_up(
            &self.cache.get_or_create(&ResultLabels { result: "miss".into() }),
            misses,
        );
        catch_up(
            &self.refusals.get_or_create(&LimitLabels {
                limit: "authentication".into(),
            }),
            state.auth.refusals(),
        );
        catch_up(
            &self.refusals.get_or_create(&LimitLabels {
                limit: "guesses".into(),
            }),
            state.guesses.refusals(),
        );
        let mut text = String::new();
        encode(&mut text, &self.registry).expect("writing to a String cannot fail");
        text
    }
}

/// Counters kept elsewhere as plain atomics are copied in by their increase, so the
/// exported series stay true counters.
fn catch_up(counter: &Counter, total: u64) {
    let seen = counter.get();
    if total > seen {
        counter.inc_by(total - seen);
    }
}

/// Wraps a store to time how long starting a transaction takes, which is mostly the
/// wait for a free connection.
pub struct MeteredStore {
    inner: Arc<dyn Store>,
    metrics: Arc<Metrics>,
}

impl MeteredStore {
    pub fn new(inner: Arc<dyn Store>, metrics: Arc<Metrics>) -> Self {
        Self { inner, metrics }
    }
}

#[async_trait]
impl Store for MeteredStore {
    async fn begin(&self, mode: TxMode) -> Result<Box<dyn Tx>, StoreError> {
        let started = Instant::now();
        let tx = self.inner.begin(mode).await;
        self.metrics.acquire.observe(started.elapsed().as_secs_f64());
        tx
    }

    async fn find_api_token(&self, key: &str) -> Result<Option<StoredApiToken>, StoreError> {
        self.inner.find_api_token(key).await
    }

    async fn find_user_by_identity(&self, issuer: &str, subject: &str) -> Result<Option<UserId>, StoreError> {
        self.inner.find_user_by_identity(issuer, subject).await
    }

    async fn ping(&self) -> Result<(), StoreError> {
        self.inner.ping().await
    }

    fn pool_status(&self) -> PoolStatus {
        self.inner.pool_status()
    }
}
