//! The web UI: static files compiled into the binary, so `vigia serve` needs no build step.

use axum::{
    extract::Path,
    http::{header, StatusCode},
    response::{IntoResponse, Response},
};

const FILES: &[(&str, &str, &str)] = &[
    ("index.html", "text/html; charset=utf-8", include_str!("../../ui/index.html")),
    ("app.js", "text/javascript; charset=utf-8", include_str!("../../ui/app.js")),
    ("app.css", "text/css; charset=utf-8", include_str!("../../ui/app.css")),
];

fn file(name: &str) -> Response {
    match FILES.iter().find(|(file, _, _)| *file == name) {
        Some((_, kind, text)) => ([(header::CONTENT_TYPE, *kind)], *text).into_response(),
        None => (StatusCode::NOT_FOUND, "no such file").into_response(),
    }
}

/// The single page.
pub(crate) async fn index() -> Response {
    file("index.html")
}

/// A script or style sheet.
pub(crate) async fn asset(Path(name): Path<String>) -> Response {
    file(&name)
}
