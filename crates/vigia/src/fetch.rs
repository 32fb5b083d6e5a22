//! Network fetching: the only place Vigía talks HTTP as a client.
//!
//! Limits are deliberate: a timeout, a size cap, a bounded number of redirects,
//! an honest User-Agent, and http/https only, including after redirects. Conditional requests
//! (`If-None-Match`, `If-Modified-Since`) let `watch` poll a feed without downloading it again.

use std::time::Duration;

use model::{Diagnostic, DiagnosticCode};
use ureq::ResponseExt;

/// What a successful fetch returns.
#[derive(Debug)]
pub(crate) struct Fetched {
    pub(crate) bytes: crate::input::Capped,
    pub(crate) url: String,
    pub(crate) charset: Option<String>,
}

/// An HTTP client configured with Vigía's limits.
pub(crate) struct Fetcher {
    agent: ureq::Agent,
    max_bytes: usize,
}

/// Settings for fetching.
#[derive(Debug, Clone)]
pub(crate) struct FetchConfig {
    pub(crate) timeout: Duration,
    pub(crate) max_bytes: usize,
    pub(crate) max_redirects: u32,
}

const USER_AGENT: &str =
    concat!("vigia/", env!("CARGO_PKG_VERSION"), " (news analysis; one request per article)");

impl Fetcher {
    pub(crate) fn new(config: &FetchConfig) -> Fetcher {
        let agent = ureq::Agent::config_builder()
            .timeout_global(Some(config.timeout))
            .max_redirects(config.max_redirects)
            .user_agent(USER_AGENT)
            .http_status_as_error(false)
            .build()
            .into();
        Fetcher { agent, max_bytes: config.max_bytes }
    }

    /// Fetches `url`; any failure becomes an `unreachable` diagnostic naming it.
    pub(crate) fn get(&self, url: &str) -> Result<Fetched, Diagnostic> {
        match self.request(url, &Validators::default())? {
            Some((fetched, _)) => Ok(fetched),
            None => Err(Diagnostic::error(
                DiagnosticCode::Unreachable,
                url,
                "server answered HTTP 304 to a plain request".to_string(),
            )),
        }
    }

    /// Fetches `url` unless it is unchanged since the response that gave `known`: `None` when
    /// the server answers 304 Not Modified, else the body and its new validators.
    pub(crate) fn get_if_changed(
        &self,
        url: &str,
        known: &Validators,
    ) -> Result<Option<(Fetched, Validators)>, Diagnostic> {
        self.request(url, known)
    }

    fn request(
        &self,
        url: &str,
        known: &Validators,
    ) -> Result<Option<(Fetched, Validators)>, Diagnostic> {
        let fail = |message: String| Diagnostic::error(DiagnosticCode::Unreachable, url, message);
        if !(url.starts_with("http://") || url.starts_with("https://")) {
            return Err(fail("only http and https URLs are fetched".into()));
        }
        let mut request = self.agent.get(url);
        if let Some(etag) = &known.etag {
            request = request.header("If-None-Match", etag);
        }
        if let Some(date) = &known.last_modified {
            request = request.header("If-Modified-Since", date);
        }
        let mut response = request.call().map_err(|err| fail(format!("cannot fetch: {err}")))?;
        let status = response.status();
        if status.as_u16() == 304 && !known.is_empty() {
            return Ok(None);
        }
        if !status.is_success() {
            return Err(fail(format!("server answered HTTP {}", status.as_u16())));
        }
        let final_url = response.get_uri().to_string();
        if !(final_url.starts_with("http://") || final_url.starts_with("https://")) {
            return Err(fail(format!("redirected to a non-http URL: {final_url}")));
        }
        let header = |name: &str| {
            response.headers().get(name).and_then(|value| value.to_str().ok()).map(str::to_string)
        };
        let charset = header("content-type").as_deref().and_then(charset_of);
        let validators =
            Validators { etag: header("etag"), last_modified: header("last-modified") };
        let body = response.body_mut().with_config().limit(self.max_bytes as u64 + 1).read_to_vec();
        let bytes = match body {
            Ok(bytes) if bytes.len() > self.max_bytes => crate::input::Capped::Over,
            Ok(bytes) => crate::input::Capped::Whole(bytes),
            Err(ureq::Error::BodyExceedsLimit(_)) => crate::input::Capped::Over,
            Err(err) => return Err(fail(format!("cannot read response: {err}"))),
        };
        Ok(Some((Fetched { bytes, url: final_url, charset }, validators)))
    }
}

/// What a server gave to recognise a response again: its `ETag` and `Last-Modified`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Validators {
    pub(crate) etag: Option<String>,
    pub(crate) last_modified: Option<String>,
}

impl Validators {
    fn is_empty(&self) -> bool {
        self.etag.is_none() && self.last_modified.is_none()
    }
}

/// `text/html; charset=ISO-8859-1` gives `ISO-8859-1`.
fn charset_of(content_type: &str) -> Option<String> {
    content_type.split(';').find_map(|part| {
        let (key, value) = part.split_once('=')?;
        key.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches('"').to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::charset_of;

    #[test]
    fn charset_from_content_type() {
        assert_eq!(charset_of("text/html; charset=ISO-8859-1").as_deref(), Some("ISO-8859-1"));
        assert_eq!(charset_of("text/html;Charset=\"utf-8\"").as_deref(), Some("utf-8"));
        assert_eq!(charset_of("text/html"), None);
    }
}
