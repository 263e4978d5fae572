//! List answers written to the body a few hundred rows at a time. Built whole, a list of
//! 100,000 members held its rows, their DTOs and 13.7 MB of JSON (in a buffer grown by
//! doubling) at once, 134 to 157 MiB at the peak, and the C allocator kept most of it
//! on the thread afterwards (docs/benchmarks.md). Here each chunk turns its rows into
//! DTOs and JSON as the connection takes it, and a row's strings are freed as soon as
//! its chunk is written. A list that fits in one chunk is answered at once, with its
//! length, as `Json` would.

use axum::body::{Body, Bytes, HttpBody};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use http_body::Frame;
use serde::Serialize;
use std::convert::Infallible;
use std::marker::PhantomData;
use std::pin::Pin;
use std::task::{Context, Poll};

/// Rows a chunk holds: a few tens of kilobytes of JSON.
const ROWS_PER_CHUNK: usize = 256;

/// `{"<field>":[rows…],"nextCursor":…}`, the shape of every list response in the spec,
/// each row answered as its DTO `D`.
pub(crate) struct ListAnswer<T, D> {
    field: &'static str,
    rows: std::vec::IntoIter<T>,
    next_cursor: Option<String>,
    written: usize,
    finished: bool,
    dto: PhantomData<fn(T) -> D>,
}

impl<T, D: From<T> + Serialize> ListAnswer<T, D> {
    /// `field` is the list's JSON name, as the response's schema spells it.
    pub(crate) fn new(field: &'static str, rows: Vec<T>, next_cursor: Option<String>) -> Self {
        Self {
            field,
            rows: rows.into_iter(),
            next_cursor,
            written: 0,
            finished: false,
            dto: PhantomData,
        }
    }

    fn next_chunk(&mut self) -> Option<Bytes> {
        if self.finished {
            return None;
        }
        let mut out = Vec::with_capacity(8 * 1024);
        if self.written == 0 {
            out.extend_from_slice(b"{");
            write_json(&mut out, self.field);
            out.extend_from_slice(b":[");
        }
        for row in self.rows.by_ref().take(ROWS_PER_CHUNK) {
            if self.written > 0 {
                out.push(b',');
            }
            write_json(&mut out, &D::from(row));
            self.written += 1;
        }
        if self.rows.len() == 0 {
            out.extend_from_slice(b"],\"nextCursor\":");
            write_json(&mut out, &self.next_cursor);
            out.push(b'}');
            self.finished = true;
        }
        Some(Bytes::from(out))
    }
}

fn write_json(out: &mut Vec<u8>, value: &(impl Serialize + ?Sized)) {
    // The DTOs are strings, numbers and enums, which serialize into memory without fail.
    serde_json::to_writer(out, value).expect("a DTO serializes to JSON");
}

impl<T: Unpin, D: From<T> + Serialize> HttpBody for ListAnswer<T, D> {
    type Data = Bytes;
    type Error = Infallible;

    fn poll_frame(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Option<Result<Frame<Bytes>, Infallible>>> {
        Poll::Ready(self.get_mut().next_chunk().map(|chunk| Ok(Frame::data(chunk))))
    }

    fn is_end_stream(&self) -> bool {
        self.finished
    }
}

impl<T, D> IntoResponse for ListAnswer<T, D>
where
    T: Send + Unpin + 'static,
    D: From<T> + Serialize + 'static,
{
    fn into_response(mut self) -> Response {
        let body = if self.rows.len() <= ROWS_PER_CHUNK {
            Body::from(self.next_chunk().unwrap_or_default())
        } else {
            Body::new(self)
        };
        let mut response = Response::new(body);
        response
            .headers_mut()
            .insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use http_body_util::BodyExt;

    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Built {
        things: Vec<Thing>,
        next_cursor: Option<String>,
    }

    #[derive(Serialize)]
    struct Thing {
        name: String,
        rank: usize,
    }

    impl From<usize> for Thing {
        fn from(rank: usize) -> Self {
            Self {
                name: format!("\"thing\" {rank} \u{e9}\n"),
                rank,
            }
        }
    }

    async fn streamed(rows: usize, cursor: Option<&str>) -> (Option<u64>, String) {
        let answer = ListAnswer::<usize, Thing>::new("things", (0..rows).collect(), cursor.map(str::to_owned));
        let response = answer.into_response();
        assert_eq!(response.headers()[header::CONTENT_TYPE], "application/json");
        let length = response.body().size_hint().exact();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        (length, String::from_utf8(bytes.to_vec()).unwrap())
    }

    fn built(rows: usize, cursor: Option<&str>) -> String {
        serde_json::to_string(&Built {
            things: (0..rows).map(Thing::from).collect(),
            next_cursor: cursor.map(str::to_owned),
        })
        .unwrap()
    }

    #[tokio::test]
    async fn every_length_writes_what_the_whole_response_would() {
        for rows in [
            0,
            1,
            ROWS_PER_CHUNK - 1,
            ROWS_PER_CHUNK,
            ROWS_PER_CHUNK + 1,
            3 * ROWS_PER_CHUNK,
            1_000,
        ] {
            for cursor in [None, Some("next-\"page\"")] {
                let (_, body) = streamed(rows, cursor).await;
                assert_eq!(body, built(rows, cursor), "{rows} rows, cursor {cursor:?}");
            }
        }
    }

    #[tokio::test]
    async fn a_list_of_one_chunk_states_its_length() {
        let (length, body) = streamed(ROWS_PER_CHUNK, None).await;
        assert_eq!(length, Some(body.len() as u64));
        let (length, _) = streamed(ROWS_PER_CHUNK + 1, None).await;
        assert_eq!(length, None, "a longer list is sent in chunks");
    }
}
