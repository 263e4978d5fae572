//! Credential adapters: argon2id hashing, OS-CSPRNG secrets, the system clock, and JWT
//! verification against an HS256 secret or a JWKS file.

mod argon;
mod clock;
mod jwt;
mod random;

pub use argon::Argon2Hasher;
pub use clock::SystemClock;
pub use jwt::{JwtKeys, JwtSettings, JwtSetupError, JwtVerifier};
pub use random::OsSecrets;
