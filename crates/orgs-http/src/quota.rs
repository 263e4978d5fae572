//! Request quotas: each credential's rate of requests (`ORGS_REQUEST_RATE_LIMIT`),
//! GCRA through `governor`, with the `RateLimit-*` headers on every answer while on.

use axum::extract::Request;
use axum::http::{HeaderName, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use governor::clock::{Clock, DefaultClock};
use governor::middleware::StateInformationMiddleware;
use governor::{Quota as GcraQuota, RateLimiter};
use orgs_core::Actor;
use std::num::NonZeroU32;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use crate::error::ApiError;

type Limiter = RateLimiter<
    String,
    governor::state::keyed::DefaultKeyedStateStore<String>,
    DefaultClock,
    StateInformationMiddleware,
>;

/// One budget per credential: `per_second` requests a second, in bursts of up to twice
/// that.
pub struct Quotas {
    limiter: Limiter,
    per_second: NonZeroU32,
    burst: NonZeroU32,
    checks: AtomicU64,
}

/// Checks between two sweeps of the budgets that are full again.
const FORGET_EVERY: u64 = 4096;

/// What a request's quota check found, for the answer's headers.
#[derive(Debug, Clone, Copy)]
struct Standing {
    limit: u32,
    remaining: u32,
    reset_secs: u64,
}

/// Filled by `Authenticated` once it knows the caller; read by `headers` on the way out.
#[derive(Clone, Default)]
pub struct StandingSlot(Arc<Mutex<Option<Standing>>>);

impl Quotas {
    pub fn new(per_second: NonZeroU32) -> Self {
        let burst = per_second.saturating_mul(NonZeroU32::MIN.saturating_add(1));
        let quota = GcraQuota::per_second(per_second).allow_burst(burst);
        Self {
            limiter: RateLimiter::keyed(quota).with_middleware::<StateInformationMiddleware>(),
            per_second,
            burst,
            checks: AtomicU64::new(0),
        }
    }

    /// Spends one request of the actor's budget, or says how long until one is back.
    pub fn spend(&self, actor: &Actor, slot: Option<&StandingSlot>) -> Result<(), ApiError> {
        let key = match actor {
            Actor::User { id, .. } => format!("user:{id}"),
            Actor::OrganizationToken { key } => format!("token:{key}"),
            // The operator has no HTTP credential.
            Actor::Operator => return Ok(()),
        };
        if self.checks.fetch_add(1, Ordering::Relaxed) % FORGET_EVERY == FORGET_EVERY - 1 {
            self.forget_idle();
        }
        let outcome = self.limiter.check_key(&key);
        let (remaining, result) = match outcome {
            Ok(snapshot) => (snapshot.remaining_burst_capacity(), Ok(())),
            Err(not_until) => {
                let wait = not_until.wait_time_from(self.limiter.clock().now());
                (0, Err(ApiError::over_quota(wait)))
            }
        };
        if let Some(slot) = slot {
            let used = self.burst.get().saturating_sub(remaining);
            // Back to a full burst after every used request has been earned again.
            let reset_secs = (f64::from(used) / f64::from(self.per_second.get())).ceil() as u64;
            *slot.0.lock().expect("the slot is never poisoned") = Some(Standing {
                // The burst, so that what remains is counted out of it.
                limit: self.burst.get(),
                remaining,
                reset_secs,
            });
        }
        result
    }

    /// Forgets budgets that are full again, so memory follows the credentials in use
    /// rather than every one ever seen.
    fn forget_idle(&self) {
        self.limiter.retain_recent();
        self.limiter.shrink_to_fit();
    }
}

/// Adds the `RateLimit-*` headers to an answer whose caller was checked.
pub async fn headers(request: Request, next: Next) -> Response {
    let slot = StandingSlot::default();
    let mut request = request;
    request.extensions_mut().insert(slot.clone());
    let mut response = next.run(request).await;
    let standing = *slot.0.lock().expect("the slot is never poisoned");
    if let Some(standing) = standing {
        let headers = response.headers_mut();
        for (name, value) in [
            ("ratelimit-limit", u64::from(standing.limit)),
            ("ratelimit-remaining", u64::from(standing.remaining)),
            ("ratelimit-reset", standing.reset_secs),
        ] {
            headers.insert(HeaderName::from_static(name), HeaderValue::from(value));
        }
    }
    response
}
