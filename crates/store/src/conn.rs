//! One connection to either backend, seen through a handful of calls with dynamic values, so
//! that every query and write is written once for both.

use crate::Result;

/// A value bound to or read from a query.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    Null,
    Int(i64),
    Real(f64),
    Text(String),
}

impl Value {
    pub(crate) fn text(text: impl Into<String>) -> Value {
        Value::Text(text.into())
    }

    pub(crate) fn opt_text(text: Option<&str>) -> Value {
        text.map_or(Value::Null, Value::text)
    }

    pub(crate) fn opt_real(real: Option<f64>) -> Value {
        real.map_or(Value::Null, Value::Real)
    }

    pub(crate) fn as_int(&self) -> Option<i64> {
        match self {
            Value::Int(int) => Some(*int),
            Value::Real(real) => Some(*real as i64),
            _ => None,
        }
    }

    pub(crate) fn as_real(&self) -> Option<f64> {
        match self {
            Value::Real(real) => Some(*real),
            Value::Int(int) => Some(*int as f64),
            _ => None,
        }
    }

    pub(crate) fn into_text(self) -> Option<String> {
        match self {
            Value::Text(text) => Some(text),
            _ => None,
        }
    }
}

/// A result row.
pub(crate) type Row = Vec<Value>;

/// The SQL dialect, for the few statements that differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dialect {
    Sqlite,
    Postgres,
}

/// A connection. Placeholders are written `$1`, `$2`, … and must first appear in that order,
/// which both SQLite and PostgreSQL then bind by position.
pub(crate) trait Conn: Send {
    fn dialect(&self) -> Dialect;
    /// Runs statements that take no parameters, separated by `;`.
    fn batch(&mut self, sql: &str) -> Result<()>;
    /// Runs one statement; returns the rows it changed.
    fn exec(&mut self, sql: &str, params: &[Value]) -> Result<u64>;
    /// Runs one query and returns every row.
    fn query(&mut self, sql: &str, params: &[Value]) -> Result<Vec<Row>>;
}

/// Runs `work` in a transaction: committed when it returns `Ok`, rolled back otherwise.
pub(crate) fn transaction<T>(
    conn: &mut dyn Conn,
    work: impl FnOnce(&mut dyn Conn) -> Result<T>,
) -> Result<T> {
    let begin = match conn.dialect() {
        // Taking the write lock up front avoids a deadlock between two writers that both
        // started by reading.
        Dialect::Sqlite => "BEGIN IMMEDIATE",
        Dialect::Postgres => "BEGIN",
    };
    conn.batch(begin)?;
    match work(conn) {
        Ok(value) => {
            conn.batch("COMMIT")?;
            Ok(value)
        }
        Err(err) => {
            conn.batch("ROLLBACK").ok();
            Err(err)
        }
    }
}
