//! Handlers: body to domain request, one use case call, domain result to response.

pub mod audit;
pub mod invitations;
pub mod join_codes;
pub mod lifecycle;
pub mod members;
pub mod organizations;
pub mod tokens;
