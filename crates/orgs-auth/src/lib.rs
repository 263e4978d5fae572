//! Credential adapters: argon2id hashing, OS-CSPRNG secrets, the system clock, and JWT
//! verification against HS256 secrets, JWKS files and JWKS URLs.

mod argon;
mod clock;
mod jwks;
mod jwt;
mod random;

pub use argon::Argon2Hasher;
pub use clock::SystemClock;
pub use jwks::{JwksStatus, RemoteKeySet};
pub use jwt::{IssuerSettings, JwtSettings, JwtSetupError, JwtVerifier, KeySource};
pub use random::OsSecrets;
