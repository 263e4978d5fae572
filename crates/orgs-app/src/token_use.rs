//! When each API token was last used, recorded off the request path.
//!
//! Authentication reads the token's row on every request anyway, and that row says when
//! its last use was written. Only a use at least `TOKEN_USE_INTERVAL` after that is
//! noted, in memory; a background task writes the noted uses, one row a transaction. The
//! write itself is conditional on the stored time, so all processes together write a
//! token's use at most once per interval, and no request ever waits on that write.

use orgs_core::{StoredApiToken, Timestamp, TokenId};
use orgs_ports::{Clock, Store, StoreError, TxMode};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// How stale `lastUsedAt` may grow before a use is written again.
pub const TOKEN_USE_INTERVAL: chrono::TimeDelta = chrono::TimeDelta::seconds(60);

/// At most this many distinct tokens wait for a write; past it, uses are dropped until
/// the next flush (the time only lags a little more).
const MAX_PENDING: usize = 10_000;

pub struct TokenUse {
    store: Arc<dyn Store>,
    clock: Arc<dyn Clock>,
    pending: Mutex<HashMap<TokenId, Timestamp>>,
}

impl TokenUse {
    pub fn new(store: Arc<dyn Store>, clock: Arc<dyn Clock>) -> Self {
        Self {
            store,
            clock,
            pending: Mutex::new(HashMap::new()),
        }
    }

    /// Notes a successful use of `token`, as authentication just read it.
    pub fn note(&self, token: &StoredApiToken) {
        let now = self.clock.now();
        if token.last_used_at.is_some_and(|last| now - last < TOKEN_USE_INTERVAL) {
            return;
        }
        let mut pending = self.lock();
        if pending.len() < MAX_PENDING || pending.contains_key(&token.id) {
            pending.insert(token.id, now);
        }
    }

    /// Writes every noted use, each in a transaction of its own; returns how many were
    /// noted. One row lock at a time means no lock cycle with `organizations.delete`,
    /// whose cascade locks the organization's token rows in an order of its own, and
    /// SQLite's one writer is held for one row at a time. A failed write loses the uses
    /// not yet written, which later requests note again.
    pub async fn flush(&self) -> Result<usize, StoreError> {
        let noted = std::mem::take(&mut *self.lock());
        for (&token, &at) in &noted {
            let mut tx = self.store.begin(TxMode::Write).await?;
            tx.record_token_use(token, at, at - TOKEN_USE_INTERVAL).await?;
            tx.commit().await?;
        }
        Ok(noted.len())
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<TokenId, Timestamp>> {
        // The map holds plain values; a panic elsewhere cannot leave it half written.
        self.pending.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::fixed_now;
    use orgs_core::{ApiTokenSecretHash, TokenOwner, UserId};
    use orgs_ports::{MockClock, MockStore, MockTx};

    fn token(last_used_at: Option<Timestamp>) -> StoredApiToken {
        StoredApiToken {
            id: TokenId::generate(),
            key: "orgs_live_k".into(),
            secret_hash: ApiTokenSecretHash("h".into()),
            owner: TokenOwner::User(UserId::generate()),
            owner_email: None,
            revoked: false,
            last_used_at,
        }
    }

    fn recorder(store: MockStore) -> TokenUse {
        let mut clock = MockClock::new();
        clock.expect_now().returning(fixed_now);
        TokenUse::new(Arc::new(store), Arc::new(clock))
    }

    #[tokio::test]
    async fn a_recent_use_is_not_written_again_and_repeats_are_written_once() {
        let recent = token(Some(fixed_now() - chrono::TimeDelta::seconds(59)));
        let (stale, fresh) = (token(Some(fixed_now() - TOKEN_USE_INTERVAL)), token(None));
        let expected = [stale.id, fresh.id];
        let mut store = MockStore::new();
        store.expect_begin().times(2).returning(move |_| {
            let mut tx = MockTx::new();
            tx.expect_record_token_use()
                .withf(move |id, at, since| {
                    expected.contains(id) && *at == fixed_now() && *since == fixed_now() - TOKEN_USE_INTERVAL
                })
                .times(1)
                .returning(|_, _, _| Ok(()));
            tx.expect_commit().times(1).returning(|| Ok(()));
            Ok(Box::new(tx))
        });
        let uses = recorder(store);
        for _ in 0..3 {
            uses.note(&recent);
            uses.note(&stale);
            uses.note(&fresh);
        }
        assert_eq!(uses.flush().await.unwrap(), 2);
        assert_eq!(uses.flush().await.unwrap(), 0, "nothing noted since, nothing written");
    }
}
