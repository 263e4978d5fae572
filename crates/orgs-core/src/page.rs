//! Keyset paging for the lists that grow with users: a page is "the next `limit` rows
//! after this (time, id) key", so every page costs one index range scan, however deep.

use crate::Timestamp;
use uuid::Uuid;

/// The most rows one page may hold.
pub const MAX_PAGE: u32 = 1000;
/// The page size when a cursor comes without a limit.
pub const DEFAULT_PAGE: u32 = 100;
/// What every cursor looks like: the key's time in microseconds and its id, in hex.
pub const CURSOR_PATTERN: &str = "^[0-9a-f]{1,15}\\.[0-9a-f]{32}$";

/// Where a page ends: the ordering columns of its last row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageKey {
    pub at: Timestamp,
    pub id: Uuid,
}

impl PageKey {
    /// Opaque to clients; only this server reads it back. Microseconds, the finest any
    /// store keeps, so a key always sorts exactly where its row does.
    pub fn encode(&self) -> String {
        format!("{:x}.{}", self.at.timestamp_micros(), self.id.simple())
    }

    /// Reads back exactly what `encode` writes (the spec's `CURSOR_PATTERN`), nothing
    /// looser: a cursor the pattern refuses is refused here too, and one it allows is read.
    pub fn decode(text: &str) -> Option<Self> {
        let (micros, id) = text.split_once('.')?;
        let lower_hex = |part: &str| part.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
        if !(1..=15).contains(&micros.len()) || id.len() != 32 || !lower_hex(micros) || !lower_hex(id) {
            return None;
        }
        let at = chrono::DateTime::from_timestamp_micros(i64::from_str_radix(micros, 16).ok()?)?;
        Some(Self {
            at,
            id: Uuid::try_parse(id).ok()?,
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    pub limit: u32,
    pub after: Option<PageKey>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PageError {
    #[error("`limit` must be between 1 and 1000")]
    Limit,
    #[error("`cursor` is not one this server gave out")]
    Cursor,
}

impl Page {
    /// No limit and no cursor mean the whole list, as the product page's signatures
    /// promise; either one asks for a page.
    pub fn parse(limit: Option<i64>, cursor: Option<&str>) -> Result<Option<Self>, PageError> {
        if limit.is_none() && cursor.is_none() {
            return Ok(None);
        }
        let limit = match limit {
            None => DEFAULT_PAGE,
            Some(limit) => u32::try_from(limit)
                .ok()
                .filter(|l| (1..=MAX_PAGE).contains(l))
                .ok_or(PageError::Limit)?,
        };
        let after = cursor
            .map(|cursor| PageKey::decode(cursor).ok_or(PageError::Cursor))
            .transpose()?;
        Ok(Some(Self { limit, after }))
    }
}

/// One page of rows, and the key to ask for the next one when there is more.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paged<T> {
    pub items: Vec<T>,
    pub next: Option<PageKey>,
}

impl<T> Paged<T> {
    /// Stores return up to `limit + 1` rows for a page: the extra one only says that
    /// another page exists, and is dropped here.
    pub fn cut(mut items: Vec<T>, page: Option<Page>, key: impl Fn(&T) -> PageKey) -> Self {
        let Some(page) = page else {
            return Self { items, next: None };
        };
        let more = items.len() > page.limit as usize;
        items.truncate(page.limit as usize);
        let next = if more { items.last().map(key) } else { None };
        Self { items, next }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Utc;

    #[test]
    fn keys_round_trip_and_junk_is_refused() {
        let key = PageKey {
            at: chrono::DateTime::from_timestamp_millis(Utc::now().timestamp_millis()).unwrap(),
            id: Uuid::now_v7(),
        };
        assert_eq!(PageKey::decode(&key.encode()), Some(key));
        let id = key.id.simple().to_string();
        let junk = [
            String::new(),
            ".".into(),
            "zz.00000000000000000000000000000000".into(),
            "1f.nope".into(),
            "no-dot".into(),
            format!("1F.{id}"),
            format!("1f.{}", key.id.hyphenated()),
            format!("1f.{}", id.to_uppercase()),
            format!("{}.{id}", "f".repeat(16)),
            format!("+1f.{id}"),
        ];
        for junk in junk {
            assert_eq!(PageKey::decode(&junk), None, "{junk:?}");
        }
    }

    #[test]
    fn limits_and_cursors_are_checked() {
        assert_eq!(Page::parse(None, None), Ok(None));
        assert_eq!(Page::parse(Some(5), None), Ok(Some(Page { limit: 5, after: None })));
        assert_eq!(Page::parse(None, Some("junk")), Err(PageError::Cursor));
        for bad in [0, -1, 1001] {
            assert_eq!(Page::parse(Some(bad), None), Err(PageError::Limit), "{bad}");
        }
    }

    #[test]
    fn a_page_drops_the_lookahead_row_and_points_past_its_last() {
        let key = |n: &u8| PageKey {
            at: chrono::DateTime::from_timestamp_millis(i64::from(*n)).unwrap(),
            id: Uuid::nil(),
        };
        let page = Some(Page { limit: 2, after: None });
        let cut = Paged::cut(vec![1u8, 2, 3], page, key);
        assert_eq!((cut.items, cut.next), (vec![1, 2], Some(key(&2))));
        let last = Paged::cut(vec![1u8, 2], page, key);
        assert_eq!((last.items, last.next), (vec![1, 2], None));
        let whole = Paged::cut(vec![1u8, 2, 3], None, key);
        assert_eq!((whole.items.len(), whole.next), (3, None));
    }
}
