//! Rate limits on guessing invitation tokens and join codes, per caller and per client
//! address: each attempt is counted before it runs and handed back if it was right.

use crate::error::ApiError;
use orgs_app::FailureLimiter;
use orgs_core::Caller;

pub(crate) struct Guess<'a> {
    limiter: &'a FailureLimiter,
    keys: [String; 2],
}

impl<'a> Guess<'a> {
    /// Refuses with `429` once either the caller or the address has spent its budget.
    pub(crate) fn start(limiter: &'a FailureLimiter, caller: &Caller, client: &str) -> Result<Self, ApiError> {
        let who = match caller {
            Caller::User(user) => format!("user:{user}"),
            Caller::OrganizationToken(organization) => format!("token:{organization}"),
        };
        let keys = [who, format!("address:{client}")];
        limiter.reserve(&keys[0]).map_err(ApiError::rate_limited)?;
        if let Err(retry_after) = limiter.reserve(&keys[1]) {
            limiter.release(&keys[0]);
            return Err(ApiError::rate_limited(retry_after));
        }
        Ok(Self { limiter, keys })
    }

    /// Hands the attempt back unless it was a wrong guess.
    pub(crate) fn finish(self, right: bool) {
        if right {
            for key in &self.keys {
                self.limiter.release(key);
            }
        }
    }
}
