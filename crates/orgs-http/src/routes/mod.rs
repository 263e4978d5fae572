//! Handlers: body to domain request, one use case call, domain result to response.

pub mod audit;
pub mod invitations;
pub mod join_codes;
pub mod lifecycle;
pub mod members;
pub mod organizations;
pub mod tokens;

/// The most rows a list answers at once, as the spec's `maxItems` states; a longer
/// list is paged with `limit` and `cursor`.
pub(crate) const MAX_LIST_ITEMS: usize = 1_000_000;

/// A whole list, unless it is longer than the spec lets an answer be.
pub(crate) fn whole_list<T>(items: Vec<T>) -> Result<Vec<T>, crate::ApiError> {
    if items.len() > MAX_LIST_ITEMS {
        return Err(crate::ApiError::InvalidRequest(format!(
            "This list has more than {MAX_LIST_ITEMS} rows; page it with `limit` and `cursor`."
        )));
    }
    Ok(items)
}
