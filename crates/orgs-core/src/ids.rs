//! Identifiers. They are UUIDv7 inside, opaque strings outside.

use std::fmt;
use uuid::Uuid;

macro_rules! id_type {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(Uuid);

        impl $name {
            /// A fresh, time-ordered identifier.
            pub fn generate() -> Self {
                Self(Uuid::now_v7())
            }

            pub fn from_uuid(uuid: Uuid) -> Self {
                Self(uuid)
            }

            pub fn as_uuid(&self) -> Uuid {
                self.0
            }

            /// Reads an id a client sent. Ids are opaque to clients, so a string we never
            /// issued is not a malformed request but an unknown id: it maps to the nil
            /// UUID, which no row ever carries, and the lookup then fails like any other.
            pub fn from_wire(text: &str) -> Self {
                Self(Uuid::try_parse(text).unwrap_or(Uuid::nil()))
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Display::fmt(&self.0.hyphenated(), f)
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}({})", stringify!($name), self.0)
            }
        }
    };
}

id_type!(
    /// Identifies an organization.
    OrgId
);
id_type!(
    /// Identifies a user, whether made by the command line or by a JWT's first use.
    UserId
);
id_type!(
    /// Identifies an API token row (not its public key).
    TokenId
);
id_type!(
    /// Identifies an invitation (not its secret token).
    InvitationId
);
id_type!(
    /// Identifies a join code (not the code itself).
    JoinCodeId
);
id_type!(
    /// Identifies an audit event; also the `webhook-id` of each of its deliveries.
    EventId
);
id_type!(
    /// Identifies a webhook endpoint the operator registered.
    WebhookId
);
id_type!(
    /// Identifies one event owed to one webhook endpoint.
    DeliveryId
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issued_ids_round_trip_through_the_wire() {
        let id = OrgId::generate();
        assert_eq!(OrgId::from_wire(&id.to_string()), id);
    }

    #[test]
    fn strings_we_never_issued_match_no_row() {
        for text in ["", "42", "not-a-uuid", "00000000-0000-0000-0000-00000000000g"] {
            assert_eq!(OrgId::from_wire(text).as_uuid(), Uuid::nil(), "{text:?}");
        }
    }

    #[test]
    fn generated_ids_are_never_nil() {
        assert_ne!(UserId::generate().as_uuid(), Uuid::nil());
    }
}
