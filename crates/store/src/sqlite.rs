//! The embedded backend: one SQLite file in write-ahead-log mode.

use std::{path::Path, time::Duration};

use rusqlite::{types::ValueRef, Connection, OpenFlags};

use crate::{
    conn::{Conn, Dialect, Row, Value},
    Result,
};

pub(crate) struct Sqlite(Connection);

/// Prepared statements kept by each connection.
const STATEMENTS: usize = 256;

/// Pages the write-ahead log may hold before a writer copies it into the database itself
/// (1 GiB); the checkpointing thread copies it well before that.
const WAL_PAGES: i64 = 262_144;

/// Page cache of each connection, in KiB.
const CACHE_KIB: i64 = 128 << 10;

/// Bytes of the file read through a memory map; SQLite caps it at its own limit.
const MMAP_BYTES: i64 = 1 << 32;

impl Sqlite {
    pub(crate) fn open(path: &Path) -> Result<Sqlite> {
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.busy_timeout(Duration::from_secs(30))?;
        // A batch's write and the API's pages use more distinct statements than the default
        // sixteen, which a least-recently-used cache would prepare again on every use.
        conn.set_prepared_statement_cache_capacity(STATEMENTS);
        // WAL keeps readers going while a batch is written, and a killed writer leaves the
        // last committed state; NORMAL sync is safe against process crashes.
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        // The default 2 MiB page cache misses on every index insert once a store holds tens of
        // thousands of articles; mapped reads skip a copy of each page read.
        conn.pragma_update(None, "cache_size", -CACHE_KIB)?;
        conn.pragma_update(None, "mmap_size", MMAP_BYTES)?;
        // The checkpointing thread copies the log every few seconds while batches are written;
        // the writer copies it only past this bound, if that thread falls behind.
        conn.pragma_update(None, "wal_autocheckpoint", WAL_PAGES)?;
        // Statement journals of multi-row inserts stay in memory instead of a temporary file.
        conn.pragma_update(None, "temp_store", "MEMORY")?;
        crate::rank::register(&conn)?;
        Ok(Sqlite(conn))
    }
}

fn bind(params: &[Value]) -> Vec<rusqlite::types::Value> {
    params
        .iter()
        .map(|value| match value {
            Value::Null => rusqlite::types::Value::Null,
            Value::Int(int) => rusqlite::types::Value::Integer(*int),
            Value::Real(real) => rusqlite::types::Value::Real(*real),
            Value::Text(text) => rusqlite::types::Value::Text(text.clone()),
        })
        .collect()
}

impl Conn for Sqlite {
    fn dialect(&self) -> Dialect {
        Dialect::Sqlite
    }

    fn batch(&mut self, sql: &str) -> Result<()> {
        Ok(self.0.execute_batch(sql)?)
    }

    fn exec(&mut self, sql: &str, params: &[Value]) -> Result<u64> {
        let mut statement = self.0.prepare_cached(sql)?;
        Ok(statement.execute(rusqlite::params_from_iter(bind(params)))? as u64)
    }

    fn query(&mut self, sql: &str, params: &[Value]) -> Result<Vec<Row>> {
        let mut statement = self.0.prepare_cached(sql)?;
        let width = statement.column_count();
        let mut rows = statement.query(rusqlite::params_from_iter(bind(params)))?;
        let mut out = Vec::new();
        while let Some(row) = rows.next()? {
            let mut values = Vec::with_capacity(width);
            for at in 0..width {
                values.push(match row.get_ref(at)? {
                    ValueRef::Null => Value::Null,
                    ValueRef::Integer(int) => Value::Int(int),
                    ValueRef::Real(real) => Value::Real(real),
                    // Checking valid UTF-8 is several times faster than the lossy scan that
                    // only invalid text needs; story bodies run to hundreds of KiB.
                    ValueRef::Text(text) | ValueRef::Blob(text) => {
                        Value::Text(match std::str::from_utf8(text) {
                            Ok(text) => text.to_owned(),
                            Err(_) => String::from_utf8_lossy(text).into_owned(),
                        })
                    }
                });
            }
            out.push(values);
        }
        Ok(out)
    }
}
