//! Vigía's storage layer, the only crate that knows SQL: an embedded SQLite file by default,
//! PostgreSQL for shared deployments, both behind one API and one conformance suite.
//!
//! Rows carry the report's JSON objects as bodies beside the indexed columns that queries
//! filter on, so the store needs no analysis types and the API serves the report's shapes.
//!
//! ```
//! let dir = tempfile::tempdir().unwrap();
//! let store = store::Store::open(dir.path().join("vigia.db").to_str().unwrap()).unwrap();
//! assert_eq!(store.schema_version().unwrap(), store::SCHEMA_VERSION);
//! assert_eq!(store.counts().unwrap().documents, 0);
//! ```

#![deny(unsafe_code)]

mod checkpoint;
mod conn;
mod error;
mod feeds;
mod lock;
mod migrate;
mod postgres;
// FTS5 takes rank functions only through its C interface.
#[allow(unsafe_code)]
mod rank;
mod read;
mod rows;
mod search;
mod sqlite;
#[cfg(test)]
mod tests;
mod write;

use std::{
    path::Path,
    sync::{Arc, Mutex},
};

use conn::Conn;
pub use error::{Error, Result};
pub use feeds::FeedState;
pub use lock::IngestLock;
pub use migrate::SCHEMA_VERSION;
pub use read::Table;
pub use rows::*;
pub use search::{fold, SearchOrder, CANDIDATES};

type Opener = Arc<dyn Fn() -> Result<Box<dyn Conn>> + Send + Sync>;

/// An open store: a small pool of connections to one database.
pub struct Store {
    open: Opener,
    idle: Mutex<Vec<Box<dyn Conn>>>,
    location: String,
    /// For the embedded store only.
    checkpointer: Option<checkpoint::Checkpointer>,
    lock_at: lock::LockAt,
}

/// Connections kept open between calls; more are opened under load and then dropped.
const IDLE: usize = 8;

impl Store {
    /// Opens (creating if needed) and migrates the store at `location`: a `postgres://` or
    /// `postgresql://` URL, or a file path for the embedded store.
    pub fn open(location: &str) -> Result<Store> {
        Store::open_at(location, SCHEMA_VERSION)
    }

    /// Opens the store, migrating only up to `version`: tests use it to write old schemas.
    #[doc(hidden)]
    pub fn open_at(location: &str, version: i64) -> Result<Store> {
        let postgres = location.starts_with("postgres://") || location.starts_with("postgresql://");
        let (open, lock_at): (Opener, _) = if postgres {
            let url = location.to_string();
            let open = move || Ok(Box::new(postgres::Postgres::open(&url)?) as Box<dyn Conn>);
            (Arc::new(open), lock::LockAt::Postgres)
        } else {
            let path = Path::new(location).to_path_buf();
            if path.is_dir() {
                return Err(Error::Location {
                    location: location.to_string(),
                    reason: "is a folder; give a file such as vigia.db".into(),
                });
            }
            let lock_at = lock::LockAt::File(format!("{location}.lock").into());
            let open = move || Ok(Box::new(sqlite::Sqlite::open(&path)?) as Box<dyn Conn>);
            (Arc::new(open), lock_at)
        };
        let mut store = Store {
            open,
            idle: Mutex::new(Vec::new()),
            location: redact(location),
            checkpointer: None,
            lock_at,
        };
        store.with(|conn| migrate::migrate(conn, version, &now()))?;
        if !postgres {
            let open = Arc::clone(&store.open);
            // Without the thread, SQLite still copies the log itself, only on the writer's time.
            store.checkpointer = checkpoint::Checkpointer::start(move || open()).ok();
        }
        Ok(store)
    }

    /// Where the store is, with any password left out.
    pub fn location(&self) -> &str {
        &self.location
    }

    fn with<T>(&self, work: impl FnOnce(&mut dyn Conn) -> Result<T>) -> Result<T> {
        let taken = self.idle.lock().unwrap_or_else(|p| p.into_inner()).pop();
        let mut conn = match taken {
            Some(conn) => conn,
            None => (self.open)()?,
        };
        let result = work(conn.as_mut());
        // A connection that failed may be broken; a fresh one is opened next time.
        if result.is_ok() {
            let mut idle = self.idle.lock().unwrap_or_else(|p| p.into_inner());
            if idle.len() < IDLE {
                idle.push(conn);
            }
        }
        result
    }

    /// The schema version of the database.
    pub fn schema_version(&self) -> Result<i64> {
        self.with(migrate::version)
    }

    /// Writes a batch in one transaction; returns what happened to each document.
    pub fn write(&self, batch: &Batch) -> Result<Vec<Outcome>> {
        let outcomes = self.with(|conn| write::write(conn, batch, &now()))?;
        if let Some(checkpointer) = &self.checkpointer {
            checkpointer.wake();
        }
        Ok(outcomes)
    }

    /// Which of these document ids are stored.
    pub fn known(&self, ids: &[String]) -> Result<std::collections::HashSet<String>> {
        self.with(|conn| read::known(conn, ids))
    }

    /// Takes the store's ingest lock, waiting while another process holds it.
    pub fn lock_ingest(&self) -> Result<IngestLock> {
        lock::lock(&self.lock_at, || (self.open)())
    }

    /// Takes the store's ingest lock if no other process holds it.
    pub fn try_lock_ingest(&self) -> Result<Option<IngestLock>> {
        lock::try_lock(&self.lock_at, || (self.open)())
    }

    /// The sequence number of the last document stored, 0 when there is none: it moves when
    /// anything, in any process, stores a document.
    pub fn last_document(&self) -> Result<i64> {
        self.with(read::last_document)
    }

    /// Documents stored after sequence number `after`, for replaying state; pass the last
    /// returned number to continue.
    pub fn replay(&self, after: i64, limit: usize) -> Result<Vec<(i64, Replay)>> {
        self.with(|conn| read::replay(conn, after, limit))
    }

    /// One document, any version, with its body.
    pub fn document(&self, id: &str) -> Result<Option<DocumentRecord>> {
        self.with(|conn| read::document(conn, id, true))
    }

    /// One document's metadata, without its body.
    pub fn document_summary(&self, id: &str) -> Result<Option<DocumentRecord>> {
        self.with(|conn| read::document(conn, id, false))
    }

    /// Current documents, oldest first, without bodies.
    pub fn documents(&self, outlet: Option<&str>, page: &Page) -> Result<Paged<DocumentRecord>> {
        self.with(|conn| read::documents(conn, outlet, page))
    }

    /// A document's rows of one table, as JSON bodies in order.
    pub fn bodies(&self, table: Table, document: &str) -> Result<Vec<String>> {
        self.with(|conn| read::bodies(conn, table, document))
    }

    /// A document's entity mentions.
    pub fn mentions_in(&self, document: &str) -> Result<Vec<MentionRecord>> {
        self.with(|conn| read::mentions_in(conn, document))
    }

    /// Events of current documents, as JSON bodies.
    pub fn events(&self, filter: &EventFilter, page: &Page) -> Result<Paged<String>> {
        self.with(|conn| read::events(conn, filter, page))
    }

    /// Quotes of current documents, as JSON bodies.
    pub fn quotes(&self, filter: &QuoteFilter, page: &Page) -> Result<Paged<String>> {
        self.with(|conn| read::quotes(conn, filter, page))
    }

    /// One entity.
    pub fn entity(&self, id: &str) -> Result<Option<EntityRecord>> {
        self.with(|conn| read::entity(conn, id))
    }

    /// Entities in order of first mention.
    pub fn entities(&self, filter: &EntityFilter, page: &Page) -> Result<Paged<EntityRecord>> {
        self.with(|conn| read::entities(conn, filter, page))
    }

    /// An entity's mentions.
    pub fn mentions(&self, entity: &str, page: &Page) -> Result<Paged<MentionRecord>> {
        self.with(|conn| read::mentions(conn, entity, page))
    }

    /// Relations an entity takes part in, as JSON bodies.
    pub fn relations_of(&self, entity: &str) -> Result<Vec<String>> {
        self.with(|conn| read::relations_of(conn, entity))
    }

    /// One story with its body.
    pub fn story(&self, id: &str) -> Result<Option<StoryRecord>> {
        self.with(|conn| read::story(conn, id))
    }

    /// Stories in order of creation, without bodies.
    pub fn stories(&self, page: &Page) -> Result<Paged<StoryRecord>> {
        self.with(|conn| read::stories(conn, page))
    }

    /// A story's reports in story order, as summaries without bodies.
    pub fn story_documents(&self, story: &str, page: &Page) -> Result<Paged<DocumentRecord>> {
        self.with(|conn| read::story_documents(conn, story, page))
    }

    /// The stories a document belongs to.
    pub fn stories_of(&self, document: &str) -> Result<Vec<String>> {
        self.with(|conn| read::stories_of(conn, document))
    }

    /// Full-text search; an empty `kinds` searches everything.
    pub fn search(&self, query: &str, kinds: &[SearchKind], page: &Page) -> Result<Paged<Hit>> {
        self.search_by(query, kinds, SearchOrder::Relevance, page)
    }

    /// Full-text search in the given order.
    pub fn search_by(
        &self,
        query: &str,
        kinds: &[SearchKind],
        order: SearchOrder,
        page: &Page,
    ) -> Result<Paged<Hit>> {
        self.with(|conn| search::search(conn, query, kinds, order, page))
    }

    /// Events at geocoded places for a map, newest first.
    pub fn event_points(&self, filter: &EventFilter, limit: usize) -> Result<Vec<EventPoint>> {
        self.with(|conn| read::event_points(conn, filter, limit))
    }

    /// `(type, first day, place name)` of every dated event, for trends.
    pub fn trend_rows(
        &self,
        filter: &EventFilter,
    ) -> Result<Vec<(String, String, Option<String>)>> {
        self.with(|conn| read::trend_rows(conn, filter))
    }

    /// Adds an API token by name, given only its hash.
    pub fn add_token(&self, name: &str, hash: &str) -> Result<()> {
        self.with(|conn| read::add_token(conn, name, hash, &now()))
    }

    /// Removes a token; false when there was none by that name.
    pub fn remove_token(&self, name: &str) -> Result<bool> {
        self.with(|conn| read::remove_token(conn, name))
    }

    /// The name of the token with this hash.
    pub fn token_name(&self, hash: &str) -> Result<Option<String>> {
        self.with(|conn| read::token_name(conn, hash))
    }

    /// True once any token exists.
    pub fn has_tokens(&self) -> Result<bool> {
        self.with(read::has_tokens)
    }

    /// What `watch` remembers of a feed.
    pub fn feed(&self, url: &str) -> Result<Option<FeedState>> {
        self.with(|conn| feeds::feed(conn, url))
    }

    /// Records a poll of a feed, replacing what was known of it.
    pub fn save_feed(&self, state: &FeedState) -> Result<()> {
        self.with(|conn| feeds::save_feed(conn, state))
    }

    /// How many rows of each kind the store holds.
    pub fn counts(&self) -> Result<Counts> {
        self.with(read::counts)
    }
}

/// The current time, RFC 3339 in UTC, to the second.
fn now() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// The location without a password, for messages.
fn redact(location: &str) -> String {
    match (location.find("://"), location.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let user_info = &location[scheme + 3..at];
            match user_info.split_once(':') {
                Some((user, _)) => {
                    format!("{}{user}:***{}", &location[..scheme + 3], &location[at..])
                }
                None => location.to_string(),
            }
        }
        _ => location.to_string(),
    }
}
