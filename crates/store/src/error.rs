//! The store's errors.

/// What can go wrong when opening, migrating, writing or reading a store.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The database was written by a newer build.
    #[error("database is at schema v{found}, this build knows up to v{expected}")]
    SchemaTooNew {
        /// The version found in the database.
        found: i64,
        /// The newest version this build knows.
        expected: i64,
    },
    /// A location that names neither a file nor a PostgreSQL URL.
    #[error("cannot open {location}: {reason}")]
    Location {
        /// What was given.
        location: String,
        /// Why it is not usable.
        reason: String,
    },
    /// A stored value that is not what the schema promises.
    #[error("corrupt row in {table}: {reason}")]
    Corrupt {
        /// The table holding it.
        table: &'static str,
        /// What is wrong.
        reason: String,
    },
    /// A cursor that this store did not hand out.
    #[error("invalid cursor {0:?}")]
    Cursor(String),
    /// The lock file beside an embedded store could not be opened or locked.
    #[error("cannot lock {path}: {source}")]
    Lock {
        /// The lock file.
        path: String,
        /// Why.
        source: std::io::Error,
    },
    /// An error from SQLite.
    #[error("sqlite: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// An error from PostgreSQL.
    #[error("postgres: {0}")]
    Postgres(#[from] postgres::Error),
}

/// The store's result type.
pub type Result<T> = std::result::Result<T, Error>;
