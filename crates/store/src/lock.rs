//! One ingest at a time per store, across processes.
//!
//! Ingest keeps the duplicate and story indexes in memory, rebuilt from the store; a second
//! process writing meanwhile would add reports those indexes never saw, and the two would
//! write diverging stories. SQLite stores take an advisory lock on a file beside the database,
//! PostgreSQL stores an advisory lock in the database, keyed by schema; both go away with the
//! process that holds them, also when it is killed.

use std::{
    fs::File,
    path::{Path, PathBuf},
};

use crate::{
    conn::{Conn, Value},
    Error, Result,
};

/// Held while documents and stories are written; released when dropped.
pub struct IngestLock {
    _file: Option<File>,
    /// The connection that holds a PostgreSQL lock; closing it releases the lock.
    _session: Option<Box<dyn Conn>>,
}

/// Where an ingest lock is taken.
pub(crate) enum LockAt {
    File(PathBuf),
    Postgres,
}

const POSTGRES_KEY: &str = "hashtext('vigia ingest ' || current_schema())";

/// Takes the lock, waiting while another process holds it.
pub(crate) fn lock(at: &LockAt, open: impl Fn() -> Result<Box<dyn Conn>>) -> Result<IngestLock> {
    match at {
        LockAt::File(path) => {
            let file = lock_file(path)?;
            file.lock().map_err(|source| failed(path, source))?;
            Ok(IngestLock { _file: Some(file), _session: None })
        }
        LockAt::Postgres => {
            let mut conn = open()?;
            // The function returns nothing a query could read back.
            conn.batch(&format!("SELECT pg_advisory_lock({POSTGRES_KEY})"))?;
            Ok(IngestLock { _file: None, _session: Some(conn) })
        }
    }
}

/// Takes the lock; `None` when another process holds it.
pub(crate) fn try_lock(
    at: &LockAt,
    open: impl Fn() -> Result<Box<dyn Conn>>,
) -> Result<Option<IngestLock>> {
    match at {
        LockAt::File(path) => {
            let file = lock_file(path)?;
            match file.try_lock() {
                Ok(()) => Ok(Some(IngestLock { _file: Some(file), _session: None })),
                Err(std::fs::TryLockError::WouldBlock) => Ok(None),
                Err(std::fs::TryLockError::Error(source)) => Err(failed(path, source)),
            }
        }
        LockAt::Postgres => {
            let mut conn = open()?;
            let got = conn.query(
                &format!("SELECT CASE WHEN pg_try_advisory_lock({POSTGRES_KEY}) THEN 1 ELSE 0 END"),
                &[],
            )?;
            let held = got.first().and_then(|row| row.first()).and_then(Value::as_int);
            Ok((held == Some(1)).then(|| IngestLock { _file: None, _session: Some(conn) }))
        }
    }
}

fn lock_file(path: &Path) -> Result<File> {
    File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(path)
        .map_err(|source| failed(path, source))
}

fn failed(path: &Path, source: std::io::Error) -> Error {
    Error::Lock { path: path.display().to_string(), source }
}
