//! The one place where refusals become HTTP statuses and the JSON error envelope.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use orgs_app::{
    AcceptInvitationError, AuthError, CreateInvitationError, CreateJoinCodeError, CreateOrganizationError,
    CreateTokenError, DeleteOrganizationError, Denied, GetOrganizationError, JoinError, LeaveOrganizationError,
    ListAuditLogError, ListInvitationsError, ListJoinCodesError, ListMembersError, ListOrganizationsError,
    ListTokensError, MeError, RemoveMemberError, RevokeInvitationError, RevokeJoinCodeError, RevokeTokenError,
    SetRoleError, TransferOwnershipError, UpdateOrganizationError,
};
use orgs_ports::StoreError;
use serde::Serialize;
use utoipa::ToSchema;

/// Every error answer, whatever produced it.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("{0}")]
    InvalidRequest(String),
    #[error("authentication failed")]
    Unauthenticated,
    #[error("forbidden")]
    Forbidden,
    #[error("user required")]
    UserRequired,
    #[error("not found")]
    NotFound(&'static str),
    #[error("last owner")]
    LastOwner,
    #[error("email mismatch")]
    EmailMismatch,
    #[error("invalid invitation")]
    InvalidInvitation,
    #[error("invalid join code")]
    InvalidJoinCode,
    #[error("already a member")]
    AlreadyMember,
    #[error("join code exhausted")]
    JoinCodeExhausted,
    #[error("payload too large")]
    PayloadTooLarge,
    #[error("method not allowed")]
    MethodNotAllowed,
    #[error("rate limited")]
    RateLimited { retry_after_secs: u64 },
    #[error("over the request quota")]
    OverQuota { retry_after_secs: u64 },
    #[error("the database is unavailable")]
    Unavailable,
    #[error("too many requests in flight")]
    Overloaded,
    #[error("the request took too long")]
    TimedOut,
    #[error("internal error")]
    Internal,
}

/// `{"error": {"code": "...", "message": "..."}}`
#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorEnvelope {
    pub error: ErrorBody,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorBody {
    /// A stable code; branch on this, not on the message.
    pub code: ErrorCode,
    /// One human-readable sentence.
    pub message: String,
}

/// Every error code the API answers with. Codes are part of the contract; messages are not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    InvalidRequest,
    Unauthenticated,
    Forbidden,
    UserRequired,
    EmailMismatch,
    NotFound,
    InvalidInvitation,
    InvalidJoinCode,
    MethodNotAllowed,
    LastOwner,
    AlreadyMember,
    JoinCodeExhausted,
    PayloadTooLarge,
    RateLimited,
    Internal,
    Unavailable,
}

impl ApiError {
    fn parts(&self) -> (StatusCode, ErrorCode, String) {
        use ApiError::*;
        match self {
            InvalidRequest(message) => (StatusCode::BAD_REQUEST, ErrorCode::InvalidRequest, message.clone()),
            Unauthenticated => (
                StatusCode::UNAUTHORIZED,
                ErrorCode::Unauthenticated,
                "A valid bearer credential is required.".into(),
            ),
            Forbidden => (
                StatusCode::FORBIDDEN,
                ErrorCode::Forbidden,
                "Your role does not allow this.".into(),
            ),
            UserRequired => (
                StatusCode::FORBIDDEN,
                ErrorCode::UserRequired,
                "Only a user, not an organization token, may do this.".into(),
            ),
            NotFound(what) => (StatusCode::NOT_FOUND, ErrorCode::NotFound, format!("{what} not found.")),
            LastOwner => (
                StatusCode::CONFLICT,
                ErrorCode::LastOwner,
                "The organization must keep at least one owner.".into(),
            ),
            EmailMismatch => (
                StatusCode::FORBIDDEN,
                ErrorCode::EmailMismatch,
                "This invitation was sent to another email address.".into(),
            ),
            InvalidInvitation => (
                StatusCode::NOT_FOUND,
                ErrorCode::InvalidInvitation,
                "The invitation is unknown, revoked, expired or already used.".into(),
            ),
            InvalidJoinCode => (
                StatusCode::NOT_FOUND,
                ErrorCode::InvalidJoinCode,
                "The join code is unknown or revoked.".into(),
            ),
            AlreadyMember => (
                StatusCode::CONFLICT,
                ErrorCode::AlreadyMember,
                "That email belongs to a member already.".into(),
            ),
            JoinCodeExhausted => (
                StatusCode::CONFLICT,
                ErrorCode::JoinCodeExhausted,
                "The join code has been used up.".into(),
            ),
            PayloadTooLarge => (
                StatusCode::PAYLOAD_TOO_LARGE,
                ErrorCode::PayloadTooLarge,
                "The request body exceeds 64 KiB.".into(),
            ),
            MethodNotAllowed => (
                StatusCode::METHOD_NOT_ALLOWED,
                ErrorCode::MethodNotAllowed,
                "This path does not accept that method.".into(),
            ),
            RateLimited { retry_after_secs } => (
                StatusCode::TOO_MANY_REQUESTS,
                ErrorCode::RateLimited,
                format!("Too many failed attempts; retry in {retry_after_secs} seconds."),
            ),
            OverQuota { retry_after_secs } => (
                StatusCode::TOO_MANY_REQUESTS,
                ErrorCode::RateLimited,
                format!("Too many requests with this credential; retry in {retry_after_secs} seconds."),
            ),
            Unavailable => (
                StatusCode::SERVICE_UNAVAILABLE,
                ErrorCode::Unavailable,
                "The service is temporarily unavailable; retry shortly.".into(),
            ),
            Overloaded => (
                StatusCode::SERVICE_UNAVAILABLE,
                ErrorCode::Unavailable,
                "The service is at capacity; retry shortly.".into(),
            ),
            TimedOut => (
                StatusCode::SERVICE_UNAVAILABLE,
                ErrorCode::Unavailable,
                "The request took too long and was abandoned; retry shortly.".into(),
            ),
            Internal => (
                StatusCode::INTERNAL_SERVER_ERROR,
                ErrorCode::Internal,
                "Something went wrong on our side.".into(),
            ),
        }
    }
}

impl ApiError {
    pub fn rate_limited(retry_after: std::time::Duration) -> Self {
        ApiError::RateLimited {
            retry_after_secs: whole_seconds(retry_after),
        }
    }

    pub fn over_quota(retry_after: std::time::Duration) -> Self {
        ApiError::OverQuota {
            retry_after_secs: whole_seconds(retry_after),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, code, message) = self.parts();
        let mut response = (
            status,
            axum::Json(ErrorEnvelope {
                error: ErrorBody { code, message },
            }),
        )
            .into_response();
        if status == StatusCode::UNAUTHORIZED {
            response
                .headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        if let ApiError::RateLimited { retry_after_secs } | ApiError::OverQuota { retry_after_secs } = self {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(retry_after_secs));
        }
        if status == StatusCode::SERVICE_UNAVAILABLE {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
        }
        response
    }
}

impl From<StoreError> for ApiError {
    fn from(err: StoreError) -> Self {
        match err {
            StoreError::Unavailable(source) => {
                tracing::warn!(error = %source, "database unavailable");
                ApiError::Unavailable
            }
            StoreError::Other(source) => {
                tracing::error!(error = %source, "database failure");
                ApiError::Internal
            }
        }
    }
}

impl From<Denied> for ApiError {
    fn from(denied: Denied) -> Self {
        match denied {
            Denied::NotFound => ApiError::NotFound("Organization"),
            Denied::Forbidden(_) => ApiError::Forbidden,
            Denied::UserRequired => ApiError::UserRequired,
        }
    }
}

impl From<AuthError> for ApiError {
    fn from(err: AuthError) -> Self {
        match err {
            AuthError::Unauthenticated(reason) => {
                tracing::debug!(reason, "authentication refused");
                ApiError::Unauthenticated
            }
            AuthError::RateLimited { retry_after } => ApiError::rate_limited(retry_after),
            AuthError::Store(err) => err.into(),
        }
    }
}

/// Use-case errors made only of `Denied` and `Store` map through those two.
macro_rules! plain_use_case_error {
    ($($name:ident),*) => {$(
        impl From<$name> for ApiError {
            fn from(err: $name) -> Self {
                match err {
                    $name::Denied(denied) => denied.into(),
                    $name::Store(err) => err.into(),
                }
            }
        }
    )*};
}

plain_use_case_error!(
    CreateOrganizationError,
    GetOrganizationError,
    ListOrganizationsError,
    UpdateOrganizationError,
    ListMembersError,
    CreateTokenError,
    MeError,
    DeleteOrganizationError,
    ListTokensError,
    ListAuditLogError
);

impl From<LeaveOrganizationError> for ApiError {
    fn from(err: LeaveOrganizationError) -> Self {
        match err {
            LeaveOrganizationError::Denied(denied) => denied.into(),
            LeaveOrganizationError::LastOwner => ApiError::LastOwner,
            LeaveOrganizationError::Store(err) => err.into(),
        }
    }
}

impl From<TransferOwnershipError> for ApiError {
    fn from(err: TransferOwnershipError) -> Self {
        match err {
            TransferOwnershipError::Denied(denied) => denied.into(),
            TransferOwnershipError::ToSelf => {
                ApiError::InvalidRequest("Invalid field `userId`: the new owner must be another member.".into())
            }
            TransferOwnershipError::MemberNotFound => ApiError::NotFound("Member"),
            TransferOwnershipError::Store(err) => err.into(),
        }
    }
}

impl From<RevokeTokenError> for ApiError {
    fn from(err: RevokeTokenError) -> Self {
        match err {
            RevokeTokenError::Denied(denied) => denied.into(),
            RevokeTokenError::TokenNotFound => ApiError::NotFound("Token"),
            RevokeTokenError::Store(err) => err.into(),
        }
    }
}

impl From<RemoveMemberError> for ApiError {
    fn from(err: RemoveMemberError) -> Self {
        match err {
            RemoveMemberError::Denied(denied) => denied.into(),
            RemoveMemberError::LastOwner => ApiError::LastOwner,
            RemoveMemberError::Store(err) => err.into(),
        }
    }
}

impl From<SetRoleError> for ApiError {
    fn from(err: SetRoleError) -> Self {
        match err {
            SetRoleError::Denied(denied) => denied.into(),
            SetRoleError::MemberNotFound => ApiError::NotFound("Member"),
            SetRoleError::LastOwner => ApiError::LastOwner,
            SetRoleError::Store(err) => err.into(),
        }
    }
}

plain_use_case_error!(ListInvitationsError, CreateJoinCodeError, ListJoinCodesError);

impl From<CreateInvitationError> for ApiError {
    fn from(err: CreateInvitationError) -> Self {
        match err {
            CreateInvitationError::Denied(denied) => denied.into(),
            CreateInvitationError::AlreadyMember => ApiError::AlreadyMember,
            CreateInvitationError::Store(err) => err.into(),
        }
    }
}

impl From<RevokeInvitationError> for ApiError {
    fn from(err: RevokeInvitationError) -> Self {
        match err {
            RevokeInvitationError::Denied(denied) => denied.into(),
            RevokeInvitationError::InvitationNotFound => ApiError::NotFound("Invitation"),
            RevokeInvitationError::Store(err) => err.into(),
        }
    }
}

impl From<AcceptInvitationError> for ApiError {
    fn from(err: AcceptInvitationError) -> Self {
        match err {
            AcceptInvitationError::Denied(denied) => denied.into(),
            AcceptInvitationError::InvalidInvitation => ApiError::InvalidInvitation,
            AcceptInvitationError::EmailMismatch => ApiError::EmailMismatch,
            AcceptInvitationError::Store(err) => err.into(),
        }
    }
}

impl From<RevokeJoinCodeError> for ApiError {
    fn from(err: RevokeJoinCodeError) -> Self {
        match err {
            RevokeJoinCodeError::Denied(denied) => denied.into(),
            RevokeJoinCodeError::JoinCodeNotFound => ApiError::NotFound("Join code"),
            RevokeJoinCodeError::Store(err) => err.into(),
        }
    }
}

impl From<JoinError> for ApiError {
    fn from(err: JoinError) -> Self {
        match err {
            JoinError::Denied(denied) => denied.into(),
            JoinError::InvalidJoinCode => ApiError::InvalidJoinCode,
            JoinError::Exhausted => ApiError::JoinCodeExhausted,
            JoinError::Store(err) => err.into(),
        }
    }
}

/// `Retry-After` in whole seconds, rounded up and at least one.
fn whole_seconds(wait: std::time::Duration) -> u64 {
    wait.as_secs_f64().ceil().max(1.0) as u64
}
