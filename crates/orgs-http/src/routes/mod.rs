//! Handlers: body to domain request, one use case call, domain result to response.

pub mod audit;
pub mod invitations;
pub mod join_codes;
pub mod lifecycle;
pub mod members;
pub mod organizations;
pub mod tokens;

use crate::list_body::ListAnswer;
use orgs_core::Paged;

/// The most rows a list answers at once, as the spec's `maxItems` states; a longer
/// list is paged with `limit` and `cursor`.
pub(crate) const MAX_LIST_ITEMS: usize = 1_000_000;

/// A list or a page as its answer, `field` naming the rows as the response's schema
/// does; a whole list longer than the spec lets an answer be is refused.
pub(crate) fn list_answer<T, D>(field: &'static str, paged: Paged<T>) -> Result<ListAnswer<T, D>, crate::ApiError>
where
    D: From<T> + serde::Serialize,
{
    if paged.items.len() > MAX_LIST_ITEMS {
        return Err(crate::ApiError::InvalidRequest(format!(
            "This list has more than {MAX_LIST_ITEMS} rows; page it with `limit` and `cursor`."
        )));
    }
    Ok(ListAnswer::new(field, paged.items, crate::dto::cursor(paged.next)))
}
