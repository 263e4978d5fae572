//! Counting failed attempts per key (a client address, a caller) in fixed windows, so
//! guessing credentials, invitation tokens or join codes gets slow long before it can
//! get lucky. Kept per process: see docs/architecture.md.

use std::collections::HashMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

struct Window {
    started: Instant,
    failures: u32,
}

pub struct FailureLimiter {
    max_failures: u32,
    window: Duration,
    windows: Mutex<HashMap<String, Window>>,
    refusals: AtomicU64,
}

/// Above this many tracked keys, expired windows are swept before adding another, so a
/// flood of distinct addresses cannot grow the map without bound.
const SWEEP_ABOVE: usize = 10_000;

impl FailureLimiter {
    pub fn new(max_failures: u32, window: Duration) -> Self {
        Self {
            max_failures,
            window,
            windows: Mutex::new(HashMap::new()),
            refusals: AtomicU64::new(0),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Window>> {
        self.windows.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// How many attempts this limiter has refused since the process started.
    pub fn refusals(&self) -> u64 {
        self.refusals.load(Ordering::Relaxed)
    }

    fn refused(&self, retry_after: Duration) -> Duration {
        self.refusals.fetch_add(1, Ordering::Relaxed);
        retry_after
    }

    /// `Err(retry_after)` while `key` has used up its failures in the current window.
    pub fn check(&self, key: &str) -> Result<(), Duration> {
        let now = Instant::now();
        match self.lock().get(key) {
            Some(window) if window.failures >= self.max_failures => {
                let elapsed = now.duration_since(window.started);
                if elapsed < self.window {
                    Err(self.refused(self.window - elapsed))
                } else {
                    Ok(())
                }
            }
            _ => Ok(()),
        }
    }

    /// Counts an attempt as a failure before it is made, refusing when the budget is
    /// spent; `release` hands it back if the attempt succeeds. Concurrent attempts thus
    /// never exceed the budget, however many start at once.
    pub fn reserve(&self, key: &str) -> Result<(), Duration> {
        let now = Instant::now();
        let mut windows = self.lock();
        self.sweep(&mut windows, now);
        let window = windows.entry(key.to_owned()).or_insert(Window {
            started: now,
            failures: 0,
        });
        if now.duration_since(window.started) >= self.window {
            *window = Window {
                started: now,
                failures: 0,
            };
        }
        if window.failures >= self.max_failures {
            return Err(self.refused(self.window.saturating_sub(now.duration_since(window.started))));
        }
        window.failures += 1;
        Ok(())
    }

    pub fn release(&self, key: &str) {
        if let Some(window) = self.lock().get_mut(key) {
            window.failures = window.failures.saturating_sub(1);
        }
    }

    pub fn record_failure(&self, key: &str) {
        let now = Instant::now();
        let mut windows = self.lock();
        self.sweep(&mut windows, now);
        let window = windows.entry(key.to_owned()).or_insert(Window {
            started: now,
            failures: 0,
        });
        if now.duration_since(window.started) >= self.window {
            *window = Window {
                started: now,
                failures: 0,
            };
        }
        window.failures = window.failures.saturating_add(1);
    }

    /// Every key that adds an entry passes here first, so expired and emptied windows
    /// go before the map can grow past `SWEEP_ABOVE` live ones.
    fn sweep(&self, windows: &mut HashMap<String, Window>, now: Instant) {
        if windows.len() > SWEEP_ABOVE {
            windows.retain(|_, window| window.failures > 0 && now.duration_since(window.started) < self.window);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_after_the_budget_until_the_window_ends() {
        let limiter = FailureLimiter::new(2, Duration::from_millis(200));
        limiter.record_failure("1.2.3.4");
        assert!(limiter.check("1.2.3.4").is_ok());
        limiter.record_failure("1.2.3.4");
        let retry = limiter.check("1.2.3.4").unwrap_err();
        assert!(retry <= Duration::from_millis(200) && retry > Duration::ZERO);
        assert!(limiter.check("5.6.7.8").is_ok(), "other keys are unaffected");
        std::thread::sleep(Duration::from_millis(220));
        assert!(limiter.check("1.2.3.4").is_ok());
        limiter.record_failure("1.2.3.4");
        assert!(limiter.check("1.2.3.4").is_ok(), "a new window starts from zero");
    }

    #[test]
    fn reservations_count_until_released() {
        let limiter = FailureLimiter::new(2, Duration::from_secs(60));
        limiter.reserve("k").unwrap();
        limiter.reserve("k").unwrap();
        assert!(
            limiter.reserve("k").is_err(),
            "two attempts in flight use the whole budget"
        );
        limiter.release("k");
        limiter.reserve("k").unwrap();
        assert!(limiter.check("k").is_err());
    }

    #[test]
    fn released_reservations_do_not_pile_up() {
        let limiter = FailureLimiter::new(5, Duration::from_secs(3600));
        for n in 0..=SWEEP_ABOVE * 2 {
            let key = n.to_string();
            limiter.reserve(&key).unwrap();
            limiter.release(&key);
        }
        assert!(limiter.lock().len() <= SWEEP_ABOVE + 1);
    }

    #[test]
    fn sweeps_expired_windows_when_large() {
        let limiter = FailureLimiter::new(1, Duration::ZERO);
        for n in 0..=SWEEP_ABOVE + 1 {
            limiter.record_failure(&n.to_string());
        }
        assert!(limiter.lock().len() <= 2);
    }
}
