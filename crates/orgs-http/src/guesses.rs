//! Rate limits on guessing invitation tokens and join codes, per caller and per client
//! address: each attempt is counted before it runs and handed back if it was right.

use crate::error::ApiError;
use orgs_app::{FailureLimiter, Reservation};
use orgs_core::UserId;

pub(crate) struct Guess<'a> {
    reservations: [Reservation<'a>; 2],
}

impl<'a> Guess<'a> {
    /// Refuses with `429` once either the user or the address has spent its budget.
    /// Attempts still running hold budget too, so a burst from one address waits for
    /// them rather than exceeding it.
    pub(crate) async fn start(limiter: &'a FailureLimiter, user: UserId, client: &str) -> Result<Self, ApiError> {
        let by_user = limiter.reserve(&format!("user:{user}")).await;
        let by_user = by_user.map_err(ApiError::rate_limited)?;
        let by_address = limiter.reserve(&format!("address:{client}")).await;
        let by_address = by_address.map_err(ApiError::rate_limited)?;
        Ok(Self {
            reservations: [by_user, by_address],
        })
    }

    /// A wrong guess stays counted; right guesses, and attempts cut short (a client
    /// hanging up mid-request), hand their count back when the guess is dropped.
    pub(crate) fn finish(mut self, right: bool) {
        if !right {
            self.reservations.iter_mut().for_each(Reservation::fail);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    async fn wrong(limiter: &FailureLimiter, user: UserId, client: &str) -> Result<(), ApiError> {
        Guess::start(limiter, user, client).await?.finish(false);
        Ok(())
    }

    #[tokio::test]
    async fn a_caller_is_limited_across_addresses() {
        let limiter = FailureLimiter::new(2, Duration::from_secs(60));
        let user = UserId::generate();
        wrong(&limiter, user, "10.0.0.1").await.unwrap();
        wrong(&limiter, user, "10.0.0.2").await.unwrap();
        assert!(matches!(
            wrong(&limiter, user, "10.0.0.3").await,
            Err(ApiError::RateLimited { .. })
        ));
        assert!(
            wrong(&limiter, UserId::generate(), "10.0.0.3").await.is_ok(),
            "others from that address still may"
        );
    }

    #[tokio::test]
    async fn an_address_is_limited_across_callers() {
        let limiter = FailureLimiter::new(2, Duration::from_secs(60));
        wrong(&limiter, UserId::generate(), "10.0.0.1").await.unwrap();
        wrong(&limiter, UserId::generate(), "10.0.0.1").await.unwrap();
        assert!(matches!(
            wrong(&limiter, UserId::generate(), "10.0.0.1").await,
            Err(ApiError::RateLimited { .. })
        ));
    }

    #[tokio::test]
    async fn right_and_abandoned_attempts_cost_nothing() {
        let limiter = FailureLimiter::new(1, Duration::from_secs(60));
        let user = UserId::generate();
        for _ in 0..3 {
            Guess::start(&limiter, user, "10.0.0.1").await.unwrap().finish(true);
            drop(Guess::start(&limiter, user, "10.0.0.1").await.unwrap());
        }
        assert!(wrong(&limiter, user, "10.0.0.1").await.is_ok());
        assert!(wrong(&limiter, user, "10.0.0.1").await.is_err());
    }
}
