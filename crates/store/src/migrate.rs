//! Versioned migrations: each backend's schema is built by numbered SQL files, applied in
//! order, each in its own transaction with the version recorded beside it.

use crate::{
    conn::{transaction, Conn, Dialect, Value},
    search, Error, Result,
};

struct Migration {
    version: i64,
    sqlite: &'static str,
    postgres: &'static str,
    /// Work SQL cannot do, run after the SQL in the same transaction.
    backfill: Option<fn(&mut dyn Conn) -> Result<()>>,
}

const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        sqlite: include_str!("../migrations/sqlite/0001_core.sql"),
        postgres: include_str!("../migrations/postgres/0001_core.sql"),
        backfill: None,
    },
    Migration {
        version: 2,
        sqlite: include_str!("../migrations/sqlite/0002_search.sql"),
        postgres: include_str!("../migrations/postgres/0002_search.sql"),
        backfill: Some(search::backfill),
    },
    Migration {
        version: 3,
        sqlite: include_str!("../migrations/sqlite/0003_tokens.sql"),
        postgres: include_str!("../migrations/postgres/0003_tokens.sql"),
        backfill: None,
    },
    Migration {
        version: 4,
        sqlite: include_str!("../migrations/sqlite/0004_feeds.sql"),
        postgres: include_str!("../migrations/postgres/0004_feeds.sql"),
        backfill: None,
    },
    Migration {
        version: 5,
        sqlite: include_str!("../migrations/sqlite/0005_search_refs.sql"),
        postgres: include_str!("../migrations/postgres/0005_search_refs.sql"),
        backfill: None,
    },
    Migration {
        version: 6,
        sqlite: include_str!("../migrations/sqlite/0006_event_order.sql"),
        postgres: include_str!("../migrations/postgres/0006_event_order.sql"),
        backfill: None,
    },
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = 6;

/// The version the database is at; 0 for an empty one.
pub(crate) fn version(conn: &mut dyn Conn) -> Result<i64> {
    conn.batch(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, applied_at TEXT NOT NULL)",
    )?;
    let rows = conn.query("SELECT MAX(version) FROM schema_migrations", &[])?;
    Ok(rows.first().and_then(|row| row[0].as_int()).unwrap_or(0))
}

/// Brings the database up to `upto`, which tests set below the newest to write old schemas.
pub(crate) fn migrate(conn: &mut dyn Conn, upto: i64, now: &str) -> Result<i64> {
    let found = version(conn)?;
    if found > SCHEMA_VERSION {
        return Err(Error::SchemaTooNew { found, expected: SCHEMA_VERSION });
    }
    for migration in MIGRATIONS.iter().filter(|m| m.version > found && m.version <= upto) {
        transaction(conn, |conn| {
            // Two processes may open a new database at once: the loser sees the version taken.
            if version(conn)? >= migration.version {
                return Ok(());
            }
            let sql = match conn.dialect() {
                Dialect::Sqlite => migration.sqlite,
                Dialect::Postgres => migration.postgres,
            };
            conn.batch(sql)?;
            if let Some(backfill) = migration.backfill {
                backfill(conn)?;
            }
            conn.exec(
                "INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)",
                &[Value::Int(migration.version), Value::text(now)],
            )?;
            Ok(())
        })?;
    }
    version(conn)
}
