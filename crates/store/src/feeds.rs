//! What `watch` remembers of each feed: the validators of its last response, so that a poll
//! after a restart still sends a conditional request.

use crate::{
    conn::{Conn, Value},
    Result,
};

/// One polled feed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FeedState {
    /// The feed's URL as given to `watch`.
    pub url: String,
    /// The `ETag` of the last response with a body.
    pub etag: Option<String>,
    /// The `Last-Modified` of that response.
    pub last_modified: Option<String>,
    /// When it was last polled (RFC 3339, UTC).
    pub checked_at: String,
    /// When its items were last ingested.
    pub changed_at: Option<String>,
}

pub(crate) fn feed(conn: &mut dyn Conn, url: &str) -> Result<Option<FeedState>> {
    let rows = conn.query(
        "SELECT url, etag, last_modified, checked_at, changed_at FROM feeds WHERE url = $1",
        &[Value::text(url)],
    )?;
    Ok(rows.into_iter().next().map(|row| {
        let mut row = row.into_iter();
        let mut next = || row.next().and_then(Value::into_text);
        FeedState {
            url: next().unwrap_or_default(),
            etag: next(),
            last_modified: next(),
            checked_at: next().unwrap_or_default(),
            changed_at: next(),
        }
    }))
}

pub(crate) fn save_feed(conn: &mut dyn Conn, state: &FeedState) -> Result<()> {
    conn.exec(
        "INSERT INTO feeds (url, etag, last_modified, checked_at, changed_at) VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, \
         checked_at = excluded.checked_at, changed_at = excluded.changed_at",
        &[
            Value::text(&state.url),
            Value::opt_text(state.etag.as_deref()),
            Value::opt_text(state.last_modified.as_deref()),
            Value::text(&state.checked_at),
            Value::opt_text(state.changed_at.as_deref()),
        ],
    )?;
    Ok(())
}
