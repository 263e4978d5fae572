//! Rate limits on guessing invitation tokens and join codes, per caller and per client
//! address: each attempt is counted before it runs and handed back if it was right.

use crate::error::ApiError;
use orgs_app::FailureLimiter;
use orgs_core::UserId;

pub(crate) struct Guess<'a> {
    limiter: &'a FailureLimiter,
    keys: [String; 2],
    wrong: bool,
}

impl<'a> Guess<'a> {
    /// Refuses with `429` once either the user or the address has spent its budget.
    pub(crate) fn start(limiter: &'a FailureLimiter, user: UserId, client: &str) -> Result<Self, ApiError> {
        let keys = [format!("user:{user}"), format!("address:{client}")];
        limiter.reserve(&keys[0]).map_err(ApiError::rate_limited)?;
        if let Err(retry_after) = limiter.reserve(&keys[1]) {
            limiter.release(&keys[0]);
            return Err(ApiError::rate_limited(retry_after));
        }
        Ok(Self {
            limiter,
            keys,
            wrong: false,
        })
    }

    /// Marks the attempt as a wrong guess, which keeps it counted.
    pub(crate) fn finish(mut self, right: bool) {
        self.wrong = !right;
    }
}

/// Right guesses, and attempts cut short (a client hanging up mid-request), hand their
/// count back.
impl Drop for Guess<'_> {
    fn drop(&mut self) {
        if !self.wrong {
            for key in &self.keys {
                self.limiter.release(key);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn wrong(limiter: &FailureLimiter, user: UserId, client: &str) -> Result<(), ApiError> {
        Guess::start(limiter, user, client)?.finish(false);
        Ok(())
    }

    #[test]
    fn a_caller_is_limited_across_addresses() {
        let limiter = FailureLimiter::new(2, Duration::from_secs(60));
        let user = UserId::generate();
        wrong(&limiter, user, "10.0.0.1").unwrap();
        wrong(&limiter, user, "10.0.0.2").unwrap();
        assert!(matches!(
            wrong(&limiter, user, "10.0.0.3"),
            Err(ApiError::RateLimited { .. })
        ));
        assert!(
            wrong(&limiter, UserId::generate(), "10.0.0.3").is_ok(),
            "others from that address still may"
        );
    }

    #[test]
    fn an_address_is_limited_across_callers() {
        let limiter = FailureLimiter::new(2, Duration::from_secs(60));
        wrong(&limiter, UserId::generate(), "10.0.0.1").unwrap();
        wrong(&limiter, UserId::generate(), "10.0.0.1").unwrap();
        assert!(matches!(
            wrong(&limiter, UserId::generate(), "10.0.0.1"),
            Err(ApiError::RateLimited { .. })
        ));
    }

    #[test]
    fn right_and_abandoned_attempts_cost_nothing() {
        let limiter = FailureLimiter::new(1, Duration::from_secs(60));
        let user = UserId::generate();
        for _ in 0..3 {
            Guess::start(&limiter, user, "10.0.0.1").unwrap().finish(true);
            drop(Guess::start(&limiter, user, "10.0.0.1").unwrap());
        }
        assert!(wrong(&limiter, user, "10.0.0.1").is_ok());
        assert!(wrong(&limiter, user, "10.0.0.1").is_err());
    }
}
