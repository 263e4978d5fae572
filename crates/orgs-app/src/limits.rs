//! Counting failed attempts per key (a client address, a caller) in fixed windows, so
//! guessing credentials, invitation tokens or join codes gets slow long before it can
//! get lucky. Kept per process: see docs/architecture.md.

use event_listener::Event;
use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

struct Window {
    started: Instant,
    failures: u32,
    /// Attempts reserved and not yet settled: they may still turn out right.
    pending: u32,
    /// Tickets of the attempts waiting for room, oldest first: room goes to them in turn,
    /// so in a burst no attempt waits much longer than the others.
    queue: VecDeque<u64>,
}

impl Window {
    fn fresh(now: Instant) -> Self {
        Self {
            started: now,
            failures: 0,
            pending: 0,
            queue: VecDeque::new(),
        }
    }

    /// Starts a new window when the current one is over; running and waiting attempts
    /// carry over.
    fn roll(&mut self, now: Instant, length: Duration) {
        if now.duration_since(self.started) >= length {
            self.started = now;
            self.failures = 0;
        }
    }
}

/// What `try_reserve` found.
enum Slot {
    Granted,
    /// The budget is held by attempts still running (one may free it by succeeding), or
    /// others are waiting first; the ticket holds this attempt's place in the queue.
    Busy(u64),
    Refused(Duration),
}

pub struct FailureLimiter {
    max_failures: u32,
    window: Duration,
    windows: Mutex<HashMap<String, Window>>,
    refusals: AtomicU64,
    settled: Event,
    next_ticket: AtomicU64,
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
            settled: Event::new(),
            next_ticket: AtomicU64::new(0),
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

    /// Reserves room for one attempt in `key`'s budget before it is made; the returned
    /// reservation settles it when dropped. Concurrent attempts thus never exceed the
    /// budget, however many start at once. While the budget is held only by attempts
    /// still running (which may yet turn out right), this waits for them instead of
    /// refusing, so a burst of right attempts queues rather than failing with `429`.
    pub async fn reserve(&self, key: &str) -> Result<Reservation<'_>, Duration> {
        let mut queued: Option<Queued<'_>> = None;
        loop {
            // Listening before looking, so a settlement in between is not missed. No
            // deadline of its own: every reservation settles when dropped, and the
            // request timeout bounds the wait.
            let settled = self.settled.listen();
            match self.try_reserve(key, queued.as_ref().map(|q| q.ticket)) {
                Slot::Granted => {
                    if let Some(mut queued) = queued {
                        queued.served = true;
                    }
                    return Ok(Reservation {
                        limiter: self,
                        key: key.to_owned(),
                        failed: false,
                    });
                }
                Slot::Refused(retry_after) => return Err(self.refused(retry_after)),
                Slot::Busy(ticket) => {
                    // Built only the first time: a spare one would give up the place
                    // when dropped.
                    queued.get_or_insert_with(|| Queued {
                        limiter: self,
                        key: key.to_owned(),
                        ticket,
                        served: false,
                    });
                    settled.await;
                }
            }
        }
    }

    fn try_reserve(&self, key: &str, ticket: Option<u64>) -> Slot {
        let now = Instant::now();
        let mut windows = self.lock();
        self.sweep(&mut windows, now);
        let window = windows.entry(key.to_owned()).or_insert_with(|| Window::fresh(now));
        window.roll(now, self.window);
        if window.failures >= self.max_failures {
            return Slot::Refused(self.window.saturating_sub(now.duration_since(window.started)));
        }
        let my_turn = match ticket {
            Some(ticket) => window.queue.front() == Some(&ticket),
            None => window.queue.is_empty(),
        };
        if my_turn && window.failures + window.pending < self.max_failures {
            window.pending += 1;
            let mut next_may_go = false;
            if ticket.is_some() {
                window.queue.pop_front();
                // The next in line may have looked before this one and gone back to
                // sleep; when there is room for it too, it must look again.
                next_may_go = !window.queue.is_empty() && window.failures + window.pending < self.max_failures;
            }
            drop(windows);
            if next_may_go {
                self.wake();
            }
            return Slot::Granted;
        }
        Slot::Busy(ticket.unwrap_or_else(|| {
            let ticket = self.next_ticket.fetch_add(1, Ordering::Relaxed);
            window.queue.push_back(ticket);
            ticket
        }))
    }

    /// Wakes the waiters to look again: room may have freed, or the queue moved.
    fn wake(&self) {
        self.settled.notify(usize::MAX);
    }

    fn settle(&self, key: &str, failed: bool) {
        if let Some(window) = self.lock().get_mut(key) {
            window.pending = window.pending.saturating_sub(1);
            if failed {
                window.failures = window.failures.saturating_add(1);
            }
        }
        self.wake();
    }

    pub fn record_failure(&self, key: &str) {
        let now = Instant::now();
        let mut windows = self.lock();
        self.sweep(&mut windows, now);
        let window = windows.entry(key.to_owned()).or_insert_with(|| Window::fresh(now));
        window.roll(now, self.window);
        window.failures = window.failures.saturating_add(1);
    }

    /// Every key that adds an entry passes here first, so expired and emptied windows
    /// go before the map can grow past `SWEEP_ABOVE` live ones.
    fn sweep(&self, windows: &mut HashMap<String, Window>, now: Instant) {
        if windows.len() > SWEEP_ABOVE {
            windows.retain(|_, window| {
                window.pending > 0
                    || !window.queue.is_empty()
                    || (window.failures > 0 && now.duration_since(window.started) < self.window)
            });
        }
    }
}

/// An attempt's place in a queue; leaving it (refused, or the request abandoned) gives
/// the place up so the ones behind are not held back.
struct Queued<'a> {
    limiter: &'a FailureLimiter,
    key: String,
    ticket: u64,
    served: bool,
}

impl Drop for Queued<'_> {
    fn drop(&mut self) {
        if !self.served {
            if let Some(window) = self.limiter.lock().get_mut(&self.key) {
                window.queue.retain(|&ticket| ticket != self.ticket);
            }
            self.limiter.wake();
        }
    }
}

/// One attempt counted in a budget. Dropping it settles the attempt: as a failure when
/// `fail` was called last, as nothing otherwise.
pub struct Reservation<'a> {
    limiter: &'a FailureLimiter,
    key: String,
    failed: bool,
}

impl Reservation<'_> {
    pub fn fail(&mut self) {
        self.failed = true;
    }

    pub fn succeed(&mut self) {
        self.failed = false;
    }
}

impl Drop for Reservation<'_> {
    fn drop(&mut self) {
        self.limiter.settle(&self.key, self.failed);
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

    #[tokio::test]
    async fn failed_reservations_spend_the_budget_and_right_ones_do_not() {
        let limiter = FailureLimiter::new(2, Duration::from_secs(60));
        for _ in 0..5 {
            limiter.reserve("k").await.unwrap().succeed();
        }
        limiter.reserve("k").await.unwrap().fail();
        assert!(limiter.check("k").is_ok());
        limiter.reserve("k").await.unwrap().fail();
        assert!(limiter.check("k").is_err());
        assert!(limiter.reserve("k").await.is_err(), "spent: refused at once");
    }

    #[tokio::test]
    async fn a_burst_waits_for_running_attempts_instead_of_failing() {
        let limiter = std::sync::Arc::new(FailureLimiter::new(2, Duration::from_secs(60)));
        let first = limiter.reserve("k").await.unwrap();
        let second = limiter.reserve("k").await.unwrap();
        let waiting = tokio::spawn({
            let limiter = limiter.clone();
            async move { limiter.reserve("k").await.map(drop) }
        });
        tokio::time::sleep(Duration::from_millis(50)).await;
        assert!(!waiting.is_finished(), "two attempts in flight hold the whole budget");
        drop(first);
        assert!(waiting.await.unwrap().is_ok(), "a right attempt frees its room");
        drop(second);
        assert_eq!(limiter.refusals(), 0);
    }

    #[tokio::test]
    async fn a_waiting_attempt_is_refused_when_the_running_ones_fail() {
        let limiter = std::sync::Arc::new(FailureLimiter::new(1, Duration::from_secs(60)));
        let mut running = limiter.reserve("k").await.unwrap();
        let waiting = tokio::spawn({
            let limiter = limiter.clone();
            async move { limiter.reserve("k").await.map(drop) }
        });
        tokio::time::sleep(Duration::from_millis(50)).await;
        running.fail();
        drop(running);
        assert!(waiting.await.unwrap().is_err(), "never more failures than the budget");
    }

    /// Found by `cargo xtask bench`: when every waiter raced for each freed place, some
    /// lost again and again, and a burst's slowest join took 30 times its median.
    #[tokio::test]
    async fn waiting_attempts_get_room_in_the_order_they_came() {
        let limiter = std::sync::Arc::new(FailureLimiter::new(1, Duration::from_secs(60)));
        let running = limiter.reserve("k").await.unwrap();
        let served = std::sync::Arc::new(Mutex::new(Vec::new()));
        let mut waiters = Vec::new();
        for name in 0..5 {
            let (limiter, served) = (limiter.clone(), served.clone());
            waiters.push(tokio::spawn(async move {
                let reservation = limiter.reserve("k").await.unwrap();
                served.lock().unwrap().push(name);
                tokio::time::sleep(Duration::from_millis(2)).await;
                drop(reservation);
            }));
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        drop(running);
        for waiter in waiters {
            waiter.await.unwrap();
        }
        assert_eq!(*served.lock().unwrap(), vec![0, 1, 2, 3, 4]);
    }

    #[tokio::test]
    async fn an_abandoned_waiter_gives_up_its_place() {
        let limiter = std::sync::Arc::new(FailureLimiter::new(1, Duration::from_secs(60)));
        let running = limiter.reserve("k").await.unwrap();
        let first = tokio::spawn({
            let limiter = limiter.clone();
            async move { limiter.reserve("k").await.map(drop) }
        });
        tokio::time::sleep(Duration::from_millis(10)).await;
        let second = tokio::spawn({
            let limiter = limiter.clone();
            async move { limiter.reserve("k").await.map(drop) }
        });
        tokio::time::sleep(Duration::from_millis(10)).await;
        first.abort();
        let _ = first.await;
        drop(running);
        let waited = tokio::time::timeout(Duration::from_secs(5), second).await;
        assert!(
            matches!(waited, Ok(Ok(Ok(())))),
            "the second waiter is not stuck behind the first"
        );
    }

    #[tokio::test]
    async fn settled_reservations_do_not_pile_up() {
        let limiter = FailureLimiter::new(5, Duration::from_secs(3600));
        for n in 0..=SWEEP_ABOVE * 2 {
            drop(limiter.reserve(&n.to_string()).await.unwrap());
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
