//! One error enum per use case, so each says exactly which refusals it can give.

use orgs_core::RuleViolation;
use orgs_ports::StoreError;

/// The refusals shared by every use case scoped to one organization.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Denied {
    /// The organization does not exist or the caller cannot see it; never says which.
    #[error("organization not found")]
    NotFound,
    #[error(transparent)]
    Forbidden(RuleViolation),
    /// An organization token called something only a person may do.
    #[error("this operation needs a user, not an organization token")]
    UserRequired,
}

impl From<RuleViolation> for Denied {
    fn from(violation: RuleViolation) -> Self {
        Denied::Forbidden(violation)
    }
}

macro_rules! use_case_error {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, thiserror::Error)]
        pub enum $name {
            #[error(transparent)]
            Denied(#[from] Denied),
            $($(#[$vmeta])* $variant,)*
            #[error(transparent)]
            Store(#[from] StoreError),
        }
    };
}

use_case_error!(
    /// `organizations.create`; `Denied` is only ever `UserRequired`.
    CreateOrganizationError {}
);
use_case_error!(GetOrganizationError {});
use_case_error!(ListOrganizationsError {});
use_case_error!(UpdateOrganizationError {});
use_case_error!(ListMembersError {});
use_case_error!(RemoveMemberError {
    #[error("the organization would be left without an owner")]
    LastOwner,
});
use_case_error!(SetRoleError {
    #[error("member not found")]
    MemberNotFound,
    #[error("the organization would be left without an owner")]
    LastOwner,
});
use_case_error!(CreateTokenError {});
use_case_error!(CreateInvitationError {
    #[error("the invited email belongs to a member already")]
    AlreadyMember,
});
use_case_error!(ListInvitationsError {});
use_case_error!(RevokeInvitationError {
    #[error("invitation not found")]
    InvitationNotFound,
});
use_case_error!(
    /// `Denied` is only ever `UserRequired`.
    AcceptInvitationError {
        #[error("the invitation token is unknown, revoked, expired or used")]
        InvalidInvitation,
        #[error("the invitation is for another email")]
        EmailMismatch,
    }
);
use_case_error!(CreateJoinCodeError {});
use_case_error!(ListJoinCodesError {});
use_case_error!(RevokeJoinCodeError {
    #[error("join code not found")]
    JoinCodeNotFound,
});
use_case_error!(
    /// `Denied` is only ever `UserRequired`.
    JoinError {
        #[error("the join code is unknown or revoked")]
        InvalidJoinCode,
        #[error("the join code has been used up")]
        Exhausted,
    }
);
use_case_error!(MeError {});
use_case_error!(
    /// `organizations.leave`; `Denied::UserRequired` for an organization token.
    LeaveOrganizationError {
        #[error("the organization would be left without an owner")]
        LastOwner,
    }
);
use_case_error!(DeleteOrganizationError {});
use_case_error!(TransferOwnershipError {
    #[error("the new owner must be someone other than the caller")]
    ToSelf,
    #[error("member not found")]
    MemberNotFound,
});
use_case_error!(ListTokensError {});
use_case_error!(ListAuditLogError {});
use_case_error!(RevokeTokenError {
    #[error("token not found")]
    TokenNotFound,
});
