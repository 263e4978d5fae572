//! Credentials nobody has used yet, one list per run: the first request with each is the
//! expensive one (an argon2 verification for a personal token, a new user for a JWT), so
//! a benchmark that reuses warm credentials never sees it.

use anyhow::anyhow;
use chrono::TimeDelta;
use jsonwebtoken::{EncodingKey, Header, encode};
use orgs_app::App;
use orgs_core::Email;
use serde_json::json;
use std::sync::Arc;
use tokio::task::JoinSet;

/// `runs` lists of `users` personal tokens, each for a user of its own, never presented.
pub async fn fresh_personal_tokens(app: &Arc<App>, runs: usize, users: usize) -> anyhow::Result<Vec<Vec<String>>> {
    let mut lists = Vec::with_capacity(runs);
    for run in 0..runs {
        // Minting hashes each secret; the hasher runs one a core, so mint a core's worth
        // of tasks at a time rather than one after another.
        let mut minting = JoinSet::new();
        for index in 0..users {
            let app = Arc::clone(app);
            minting.spawn(async move {
                let email = Email::parse(&format!("burst-{run}-{index}@bench.test"))?;
                let minted = app.create_user_token(email).await.map_err(|e| anyhow!("{e:?}"))?;
                anyhow::Ok(minted.token.bearer())
            });
        }
        let mut tokens = Vec::with_capacity(users);
        while let Some(minted) = minting.join_next().await {
            tokens.push(minted??);
        }
        lists.push(tokens);
    }
    Ok(lists)
}

/// `runs` lists of `users` JWTs for subjects the store has never seen: each first request
/// creates a user and links the identity.
pub fn newcomer_jwts(issuer: &str, secret: &str, runs: usize, users: usize) -> anyhow::Result<Vec<Vec<String>>> {
    let key = EncodingKey::from_secret(secret.as_bytes())?;
    let expires = (chrono::Utc::now() + TimeDelta::days(1)).timestamp();
    (0..runs)
        .map(|run| {
            (0..users)
                .map(|index| {
                    let subject = format!("newcomer-{run}-{index}");
                    let claims = json!({
                        "iss": issuer,
                        "sub": subject,
                        "email": format!("{subject}@bench.test"),
                        "email_verified": true,
                        "exp": expires,
                    });
                    Ok(encode(&Header::default(), &claims, &key)?)
                })
                .collect()
        })
        .collect()
}
