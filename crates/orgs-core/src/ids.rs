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

/// The last millisecond an event id was made for, and how many were made in it, so that
/// ids of one millisecond sort in the order they were made.
static EVENT_ORDER: std::sync::Mutex<(i64, u16)> = std::sync::Mutex::new((i64::MIN, 0));

impl EventId {
    /// An id whose time is the event's own, so the log's two orders (by time, by id)
    /// agree, and ids made in one millisecond in this process sort as they were made.
    /// Retention can then delete by id range, with no index on time.
    pub fn at(at: crate::Timestamp) -> Self {
        let millis = at.timestamp_millis();
        let sequence = {
            let mut order = EVENT_ORDER.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            let next = if order.0 == millis {
                order.1.saturating_add(1)
            } else {
                0
            };
            *order = (millis, next);
            next
        };
        // 12 bits of sequence, then 62 random bits (taken from a fresh v7 id's own).
        let mut bytes = [0u8; 10];
        bytes[..2].copy_from_slice(&sequence.min(0x0fff).to_be_bytes());
        bytes[2..].copy_from_slice(&Uuid::now_v7().as_bytes()[8..]);
        let millis = u64::try_from(millis).unwrap_or(0);
        Self(uuid::Builder::from_unix_timestamp_millis(millis, &bytes).into_uuid())
    }

    /// The lowest id of any event at or after `at`: ids below it are older.
    pub fn floor(at: crate::Timestamp) -> Self {
        let millis = u128::try_from(at.timestamp_millis()).unwrap_or(0);
        Self(Uuid::from_u128(millis << 80))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn event_ids_sort_by_their_time_then_as_made() {
        let at = chrono::DateTime::from_timestamp_millis(1_780_000_000_123).unwrap();
        let ids: Vec<EventId> = (0..100).map(|_| EventId::at(at)).collect();
        assert!(ids.windows(2).all(|pair| pair[0] < pair[1]));
        let later = EventId::at(at + chrono::TimeDelta::milliseconds(1));
        assert!(ids.iter().all(|id| *id < later));
        assert!(EventId::floor(at) <= ids[0] && ids[99] < EventId::floor(at + chrono::TimeDelta::milliseconds(1)));
    }

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
