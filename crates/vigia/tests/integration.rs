//! End-to-end tests of the `vigia` binary: one test executable, driven through `check` helpers.

mod analyze;
mod export;
mod fetch;
mod http;
mod ingest;
mod support;
mod watch;
