//! Fuzzes the HTTP API's request parsing (paths, query parameters, cursors, search text) with
//! GET requests against a small store: every answer is JSON (or an export's own format), and never a 5xx.

#![no_main]

use std::sync::{Arc, OnceLock};

use axum::{body::Body, http::Request, Router};
use libfuzzer_sys::fuzz_target;
use tower::ServiceExt;

struct Fixture {
    runtime: tokio::runtime::Runtime,
    router: Router,
}

fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap().keep();
        let store = store::Store::open(dir.join("fuzz.db").to_str().unwrap()).unwrap();
        let runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();
        Fixture { runtime, router: vigia::fuzzing::router(Arc::new(store)) }
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let uri = format!("/api/{}", text.trim_start_matches('/'));
    let Ok(request) = Request::get(uri.as_str()).body(Body::empty()) else { return };
    let fixture = fixture();
    let response = fixture.runtime.block_on(fixture.router.clone().oneshot(request)).unwrap();
    let status = response.status();
    assert!(!status.is_server_error(), "{uri} answered {status}");
    let kind = response.headers().get("content-type").and_then(|v| v.to_str().ok());
    // Exports answer in their own formats; everything else in JSON.
    let known = ["application/json", "application/geo+json", "application/x-ndjson", "text/csv"];
    assert!(
        kind.is_some_and(|kind| known.iter().any(|k| kind.starts_with(k))),
        "{uri} answered {status} as {kind:?}"
    );
});
