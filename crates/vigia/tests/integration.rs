//! End-to-end tests of the `vigia` binary: one test executable, driven through `check` helpers.

mod analyze;
mod fetch;
mod ingest;
mod support;
