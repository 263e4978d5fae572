//! Running the API until told to stop, then finishing requests in flight.

use crate::delivery::{DeliveryWorker, keep_retention};
use crate::settings::Settings;
use crate::storage::Backend;
use anyhow::Context;
use orgs_app::{App, Authenticator, DeliveryPolicy, FailureLimiter, Policy};
use orgs_auth::{Argon2Hasher, JwtVerifier, OsSecrets, SystemClock};
use orgs_http::AppState;
use orgs_ports::IdentityVerifier;
use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use tokio::net::TcpListener;
use tokio::task::JoinHandle;

/// The configured identity providers, not yet fetching their key sets.
pub fn identities(settings: &Settings) -> anyhow::Result<Option<Arc<JwtVerifier>>> {
    Ok(JwtVerifier::new(settings.jwt_issuers()?, settings.jwt_jwks_refresh)?.map(Arc::new))
}

/// Wires the use cases and the authenticator over one store.
pub fn app_state(store: Arc<dyn orgs_ports::Store>, settings: &Settings) -> anyhow::Result<AppState> {
    app_state_with(store, settings, identities(settings)?)
}

fn app_state_with(
    store: Arc<dyn orgs_ports::Store>,
    settings: &Settings,
    verifier: Option<Arc<JwtVerifier>>,
) -> anyhow::Result<AppState> {
    let metrics = Arc::new(orgs_http::Metrics::default());
    let store: Arc<dyn orgs_ports::Store> = Arc::new(orgs_http::MeteredStore::new(store, metrics.clone()));
    for (issuer, set) in verifier.iter().flat_map(|verifier| verifier.remote_sets()) {
        metrics.watch_key_set(issuer, move || {
            let status = set.status();
            orgs_http::KeySetFigures {
                keys: status.keys,
                last_refresh: status
                    .last_refresh
                    .and_then(|at| at.duration_since(std::time::UNIX_EPOCH).ok())
                    .map(|since| since.as_secs_f64()),
                fetch_failures: status.failures,
            }
        });
    }
    let identities = verifier.map(|verifier| verifier as Arc<dyn IdentityVerifier>);
    let clock = Arc::new(SystemClock);
    let hasher = Arc::new(Argon2Hasher::default());
    let invitation_ttl = chrono::TimeDelta::from_std(settings.invitation_ttl)?;
    let policy = Policy { invitation_ttl };
    let app = App::new(
        store.clone(),
        clock.clone(),
        Arc::new(OsSecrets),
        hasher.clone(),
        policy,
    )
    .with_roles(settings.roles()?)
    .with_delivery_policy(DeliveryPolicy {
        retry_delay: chrono::TimeDelta::from_std(settings.webhook_retry_delay)?,
        max_attempts: settings.webhook_max_attempts,
        // Longer than any attempt can take, so no live worker's claim is taken over.
        lease: chrono::TimeDelta::from_std(settings.webhook_timeout * 2 + std::time::Duration::from_secs(10))?,
    });
    let failures = FailureLimiter::new(settings.auth_failure_limit, settings.auth_failure_window);
    let auth = Authenticator::new(store.clone(), hasher, identities, clock, failures);
    let guesses = FailureLimiter::new(settings.guess_failure_limit, settings.guess_failure_window);
    Ok(AppState {
        app: Arc::new(app),
        auth: Arc::new(auth),
        guesses: Arc::new(guesses),
        metrics,
        store,
        quotas: settings
            .request_rate_limit
            .map(|per_second| Arc::new(orgs_http::Quotas::new(per_second))),
    })
}

/// A server accepting connections in the background.
pub struct Running {
    pub addr: SocketAddr,
    pub task: JoinHandle<std::io::Result<()>>,
}

/// Opens the store, migrates it, binds `settings.listen` and serves until `shutdown`
/// resolves; then stops accepting and lets requests in flight finish.
pub async fn start(
    settings: &Settings,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> anyhow::Result<Running> {
    let backend = Backend::open(settings).await?;
    if settings.migrate_on_start {
        backend.migrate().await?;
    }
    let verifier = identities(settings)?;
    if let Some(verifier) = &verifier {
        // A provider that is down does not stop the start; its JWTs wait for its keys.
        verifier.start();
    }
    let state = app_state_with(backend.store(), settings, verifier)?;
    crate::cli_roles::refuse_undeclared_roles_held(&state.app).await?;
    let listener = TcpListener::bind(&settings.listen)
        .await
        .with_context(|| format!("binding {}", settings.listen))?;
    let addr = listener.local_addr()?;
    let limits = orgs_http::Limits {
        max_concurrent_requests: settings.max_concurrent_requests,
        request_timeout: settings.request_timeout,
    };
    let auth = state.auth.clone();
    let (stop_delivery, delivery_stopped) = tokio::sync::watch::channel(false);
    let worker = DeliveryWorker {
        app: state.app.clone(),
        sender: Arc::new(orgs_webhooks::HttpSender::new(settings.webhook_timeout)),
        metrics: state.metrics.clone(),
    };
    let delivering = tokio::spawn(worker.run(delivery_stopped));
    let retention = tokio::spawn(keep_retention(
        state.app.clone(),
        chrono::TimeDelta::from_std(settings.audit_retention)?,
    ));
    let router = orgs_http::router(state, limits, settings.edge());
    // Connection info gives the rate limits each client's address.
    let service = router.into_make_service_with_connect_info::<SocketAddr>();
    let recorder = tokio::spawn(record_token_uses(auth.clone()));
    let task = tokio::spawn(async move {
        let served = axum::serve(listener, service).with_graceful_shutdown(shutdown).await;
        recorder.abort();
        retention.abort();
        flush_token_uses(&auth).await;
        let _ = stop_delivery.send(true);
        let _ = delivering.await;
        served
    });
    tracing::info!(%addr, "listening");
    Ok(Running { addr, task })
}

/// Writes the tokens' last uses every second, so no request waits on that write.
async fn record_token_uses(auth: Arc<Authenticator>) {
    let mut every_second = tokio::time::interval(std::time::Duration::from_secs(1));
    every_second.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        every_second.tick().await;
        flush_token_uses(&auth).await;
    }
}

async fn flush_token_uses(auth: &Authenticator) {
    if let Err(err) = auth.flush_token_uses().await {
        // Only `lastUsedAt` lags; the next use notes the token again.
        tracing::warn!(error = %err, "could not record API tokens' last use");
    }
}

/// Resolves on Ctrl-C or SIGTERM. The handlers are installed when this is called, not
/// when the future is first polled: a SIGTERM that arrives a moment after the server
/// says it listens must still mean a graceful stop, not the default of dying at once.
#[cfg(unix)]
pub fn shutdown_signal() -> impl Future<Output = ()> + Send + 'static {
    use tokio::signal::unix::{Signal, SignalKind, signal};
    async fn next(signal: &mut Option<Signal>) {
        match signal {
            Some(signal) => {
                signal.recv().await;
            }
            None => std::future::pending::<()>().await,
        }
    }
    let mut terminate = signal(SignalKind::terminate()).ok();
    let mut interrupt = signal(SignalKind::interrupt()).ok();
    async move {
        tokio::select! {
            () = next(&mut terminate) => {},
            () = next(&mut interrupt) => {},
        }
        tracing::info!("shutting down: finishing requests in flight");
    }
}

#[cfg(not(unix))]
pub fn shutdown_signal() -> impl Future<Output = ()> + Send + 'static {
    async {
        let _ = tokio::signal::ctrl_c().await;
        tracing::info!("shutting down: finishing requests in flight");
    }
}
