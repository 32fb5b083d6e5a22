//! The `vigia` command line.
fn main() {}
