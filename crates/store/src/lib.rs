//! Vigía's storage layer: the only crate that will know SQL.
//!
//! It is empty for now; `vigia analyze` works without a store.
//! The embedded store and PostgreSQL backend arrive with the store, search and API work.
