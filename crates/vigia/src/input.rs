//! Finding and loading inputs: files, folders, standard input, in-memory samples and URLs.

use std::{
    fs,
    io::{self, Read},
    path::{Path, PathBuf},
};

use model::{Diagnostic, DiagnosticCode};

/// One thing to read.
#[derive(Debug, Clone)]
pub(crate) enum Input {
    /// A local file.
    Path(PathBuf),
    /// Standard input, named `-` on the command line.
    Stdin,
    /// An http(s) URL.
    Url(String),
    /// Bytes already in memory, such as the bundled demo corpus.
    Memory { name: String, bytes: std::borrow::Cow<'static, [u8]> },
    /// A URL fetched already, as `watch` does to send conditional requests.
    Fetched { url: String, bytes: Vec<u8>, charset: Option<String> },
}

impl Input {
    /// The name used as the document source and in diagnostics.
    pub(crate) fn name(&self) -> String {
        match self {
            Input::Path(path) => path.display().to_string(),
            Input::Stdin => "<stdin>".to_string(),
            Input::Url(url) => url.clone(),
            Input::Memory { name, .. } => name.clone(),
            Input::Fetched { url, .. } => url.clone(),
        }
    }
}

/// Loaded bytes, with what the transport said about them.
#[derive(Debug)]
pub(crate) struct Loaded {
    pub(crate) bytes: Vec<u8>,
    /// The URL after redirects.
    pub(crate) url: Option<String>,
    /// The charset from `Content-Type`.
    pub(crate) charset: Option<String>,
}

/// Expands command-line arguments into inputs: folders are walked recursively in name order,
/// skipping hidden entries. Arguments that cannot be used become diagnostics.
pub(crate) fn collect(args: &[String]) -> (Vec<Input>, Vec<Diagnostic>) {
    let mut inputs = Vec::new();
    let mut diagnostics = Vec::new();
    for arg in args {
        if arg == "-" {
            inputs.push(Input::Stdin);
        } else if let Some(scheme) = url_scheme(arg) {
            if scheme == "http" || scheme == "https" {
                inputs.push(Input::Url(arg.clone()));
            } else {
                diagnostics.push(Diagnostic::error(
                    DiagnosticCode::Unreadable,
                    arg,
                    format!("{scheme}: URLs are not accepted; only http and https are"),
                ));
            }
        } else {
            walk(Path::new(arg), &mut inputs, &mut diagnostics);
        }
    }
    (inputs, diagnostics)
}

/// `Some("https")` for `https://…`; Windows drive letters and plain paths give `None`.
fn url_scheme(arg: &str) -> Option<String> {
    let (scheme, rest) = arg.split_once("://")?;
    let valid = scheme.len() > 1
        && scheme.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        && !rest.is_empty();
    valid.then(|| scheme.to_ascii_lowercase())
}

fn walk(path: &Path, inputs: &mut Vec<Input>, diagnostics: &mut Vec<Diagnostic>) {
    let metadata = match fs::metadata(path) {
        Ok(metadata) => metadata,
        Err(err) => {
            diagnostics.push(Diagnostic::error(
                DiagnosticCode::Unreadable,
                path.display().to_string(),
                format!("cannot read path: {err}"),
            ));
            return;
        }
    };
    if !metadata.is_dir() {
        inputs.push(Input::Path(path.to_path_buf()));
        return;
    }
    let entries = match fs::read_dir(path) {
        Ok(entries) => entries,
        Err(err) => {
            diagnostics.push(Diagnostic::error(
                DiagnosticCode::Unreadable,
                path.display().to_string(),
                format!("cannot list folder: {err}"),
            ));
            return;
        }
    };
    let mut children: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|child| {
            !child.file_name().is_some_and(|name| name.to_string_lossy().starts_with('.'))
        })
        .collect();
    children.sort();
    for child in children {
        walk(&child, inputs, diagnostics);
    }
}

/// Reads an input, refusing anything over `max_bytes` and unpacking gzip.
pub(crate) fn load(
    input: &Input,
    max_bytes: usize,
    fetcher: &crate::fetch::Fetcher,
) -> Result<Loaded, Diagnostic> {
    let name = input.name();
    let unreadable = |err: io::Error| {
        Diagnostic::error(DiagnosticCode::Unreadable, &name, format!("cannot read: {err}"))
    };
    let (bytes, url, charset) = match input {
        Input::Path(path) => (
            read_capped(fs::File::open(path).map_err(unreadable)?, max_bytes)
                .map_err(unreadable)?,
            None,
            None,
        ),
        Input::Stdin => {
            (read_capped(io::stdin().lock(), max_bytes).map_err(unreadable)?, None, None)
        }
        Input::Memory { bytes, .. } => {
            let capped =
                if bytes.len() > max_bytes { Capped::Over } else { Capped::Whole(bytes.to_vec()) };
            (capped, None, None)
        }
        Input::Url(url) => {
            let fetched = fetcher.get(url)?;
            (fetched.bytes, Some(fetched.url), fetched.charset)
        }
        Input::Fetched { url, bytes, charset } => {
            let capped =
                if bytes.len() > max_bytes { Capped::Over } else { Capped::Whole(bytes.clone()) };
            (capped, Some(url.clone()), charset.clone())
        }
    };
    let bytes = match bytes {
        Capped::Whole(bytes) => bytes,
        Capped::Over => return Err(too_large(&name, max_bytes)),
    };
    let bytes = if bytes.starts_with(&[0x1f, 0x8b]) {
        match read_capped(flate2::read::GzDecoder::new(bytes.as_slice()), max_bytes) {
            Ok(Capped::Whole(bytes)) => bytes,
            Ok(Capped::Over) => return Err(too_large(&name, max_bytes)),
            Err(err) => {
                return Err(Diagnostic::error(
                    DiagnosticCode::Truncated,
                    &name,
                    format!("gzip data is damaged or truncated: {err}"),
                ))
            }
        }
    } else {
        bytes
    };
    Ok(Loaded { bytes, url, charset })
}

fn too_large(name: &str, max_bytes: usize) -> Diagnostic {
    Diagnostic::error(
        DiagnosticCode::TooLarge,
        name,
        format!("input is over the cap of {max_bytes} bytes (raise it with --max-bytes)"),
    )
}

/// Bytes read up to a cap; reading stops one byte past it so huge inputs cost nothing.
#[derive(Debug)]
pub(crate) enum Capped {
    Whole(Vec<u8>),
    Over,
}

pub(crate) fn read_capped(reader: impl Read, max_bytes: usize) -> io::Result<Capped> {
    let mut bytes = Vec::new();
    reader.take(max_bytes as u64 + 1).read_to_end(&mut bytes)?;
    Ok(if bytes.len() > max_bytes { Capped::Over } else { Capped::Whole(bytes) })
}

#[cfg(test)]
mod tests {
    use super::url_scheme;

    #[test]
    fn schemes() {
        assert_eq!(url_scheme("https://a.example/x").as_deref(), Some("https"));
        assert_eq!(url_scheme("FTP://a.example/x").as_deref(), Some("ftp"));
        assert_eq!(url_scheme("file:///etc/passwd").as_deref(), Some("file"));
        assert_eq!(url_scheme("notes/a.txt"), None);
        assert_eq!(url_scheme("C:\\x"), None);
    }
}
