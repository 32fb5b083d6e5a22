//! `vigia serve`: the HTTP JSON API, its OpenAPI document and the web UI.
//!
//! Read endpoints are open when the server listens on a loopback address; with `--public`
//! every endpoint needs a bearer token, and the server refuses to start without one. Write
//! endpoints always need a token. Tokens are stored as SHA-256 hashes.

mod api;
mod error;
mod jobs;
mod params;
mod routes;
mod ui;

use std::{net::SocketAddr, sync::Arc};

use anyhow::Context;
use axum::{
    extract::{Request, State},
    http::{header, HeaderMap, HeaderValue},
    middleware::{self, Next},
    response::Response,
    routing::{get, post},
    Json, Router,
};
use sha2::{Digest, Sha256};
use utoipa::{
    openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme},
    Modify, OpenApi,
};

use error::ApiError;

/// What every handler shares.
pub(crate) struct App {
    store: Arc<store::Store>,
    jobs: jobs::Jobs,
    /// Reads need no token (loopback without `--public`).
    open_reads: bool,
    /// Store calls running at once. Past the store's idle connections every call would open
    /// a connection of its own, and more threads than cores only take turns: requests wait
    /// here instead.
    calls: tokio::sync::Semaphore,
}

/// Store calls at once: the store keeps this many connections open.
const CALLS: usize = 8;

#[derive(OpenApi)]
#[openapi(
    info(title = "Vigía API", description = "Stories, events, entities, quotes and search over a Vigía store. Item bodies are the objects of the `vigia analyze` report (docs/report.md)."),
    paths(
        routes::health, routes::articles, routes::article, routes::stories, routes::story, routes::story_articles,
        routes::events, routes::map, routes::trends, routes::entities, routes::entity,
        routes::mentions, routes::quotes, routes::search, routes::export, routes::ingest, routes::job,
    ),
    components(schemas(error::ErrorBody, error::ErrorDetail)),
    modifiers(&Bearer)
)]
struct ApiDoc;

struct Bearer;

impl Modify for Bearer {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        if let Some(components) = openapi.components.as_mut() {
            components.add_security_scheme(
                "bearer",
                SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
            );
        }
    }
}

/// The OpenAPI document, as served at `/api/openapi.json`.
pub(crate) fn openapi() -> utoipa::openapi::OpenApi {
    ApiDoc::openapi()
}

/// The SHA-256 of a token, in hex: all the store keeps.
pub(crate) fn token_hash(token: &str) -> String {
    Sha256::digest(token.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

/// A new random token: 32 bytes as hex.
pub(crate) fn new_token() -> anyhow::Result<String> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|err| anyhow::anyhow!("no randomness: {err}"))?;
    Ok(format!("vigia_{}", bytes.iter().map(|b| format!("{b:02x}")).collect::<String>()))
}

/// Checks the bearer token of a request.
pub(crate) async fn authorize(app: &Arc<App>, headers: &HeaderMap) -> Result<(), ApiError> {
    let token = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .ok_or_else(ApiError::unauthorized)?;
    let hash = token_hash(token);
    let store = Arc::clone(&app.store);
    let name = tokio::task::spawn_blocking(move || store.token_name(&hash))
        .await
        .map_err(ApiError::internal)??;
    name.map(|_| ()).ok_or_else(ApiError::unauthorized)
}

/// Reads need a token on a public server.
async fn guard_reads(
    State(app): State<Arc<App>>,
    request: Request,
    next: Next,
) -> Result<Response, ApiError> {
    if !app.open_reads
        && request.uri().path().starts_with("/api/")
        && request.uri().path() != "/api/ingest"
    {
        authorize(&app, request.headers()).await?;
    }
    Ok(next.run(request).await)
}

/// Article text is untrusted: pages may only run the UI's own script and style.
async fn security_headers(request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"),
    );
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    response
}

/// The whole application.
pub(crate) fn router(store: Arc<store::Store>, open_reads: bool) -> Router {
    let app = Arc::new(App {
        jobs: jobs::Jobs::start(Arc::clone(&store)),
        store,
        open_reads,
        calls: tokio::sync::Semaphore::new(CALLS),
    });
    Router::new()
        .route("/", get(ui::index))
        .route("/ui/{file}", get(ui::asset))
        .route("/api/openapi.json", get(|| async { Json(openapi()) }))
        .route("/api/health", get(routes::health))
        .route("/api/articles", get(routes::articles))
        .route("/api/articles/{id}", get(routes::article))
        .route("/api/stories", get(routes::stories))
        .route("/api/stories/{id}", get(routes::story))
        .route("/api/stories/{id}/articles", get(routes::story_articles))
        .route("/api/events", get(routes::events))
        .route("/api/map", get(routes::map))
        .route("/api/trends", get(routes::trends))
        .route("/api/entities", get(routes::entities))
        .route("/api/entities/{id}", get(routes::entity))
        .route("/api/entities/{id}/mentions", get(routes::mentions))
        .route("/api/quotes", get(routes::quotes))
        .route("/api/search", get(routes::search))
        .route("/api/export/{file}", get(routes::export))
        .route("/api/ingest", post(routes::ingest))
        .route("/api/jobs/{id}", get(routes::job))
        .fallback(|| async { ApiError::route() })
        .layer(middleware::from_fn_with_state(Arc::clone(&app), guard_reads))
        .layer(middleware::from_fn(security_headers))
        .with_state(app)
}

/// Serves until interrupted.
pub(crate) fn serve(store: store::Store, addr: SocketAddr, public: bool) -> anyhow::Result<()> {
    if !public && !addr.ip().is_loopback() {
        anyhow::bail!("{addr} is not a loopback address; pass --public to serve beyond this machine (tokens are then required for every request)");
    }
    if public && !store.has_tokens()? {
        anyhow::bail!(
            "--public needs at least one API token: create one with `vigia token add NAME`"
        );
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the server's runtime")?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .with_context(|| format!("cannot listen on {addr}"))?;
        let bound = listener.local_addr()?;
        eprintln!(
            "vigia: serving {} at http://{bound}/ (API at http://{bound}/api/, Ctrl-C stops)",
            store.location()
        );
        let app = router(Arc::new(store), !public);
        axum::serve(listener, app)
            .with_graceful_shutdown(async {
                tokio::signal::ctrl_c().await.ok();
            })
            .await
            .context("the server stopped")
    })
}
