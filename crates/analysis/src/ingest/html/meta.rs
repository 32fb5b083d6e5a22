//! Page metadata: `<meta>` tags, JSON-LD and a few elements, merged in a fixed order of trust.

use std::collections::HashMap;

use model::{Language, Published};
use scraper::{ElementRef, Html, Selector};
use serde_json::Value;

use crate::ingest::{date::parse_published, SourceMeta};

/// What a page says about itself.
#[derive(Debug, Default)]
pub(super) struct PageMeta {
    pub(super) url: Option<String>,
    pub(super) title: Option<String>,
    pub(super) outlet: Option<String>,
    pub(super) published: Option<Published>,
    pub(super) authors: Vec<String>,
    pub(super) language: Option<Language>,
    /// The page's summary (`description`, `og:description`), used to spot a standfirst.
    pub(super) description: Option<String>,
    /// The first `<h1>`, used to spot the headline in the body.
    pub(super) h1: Option<String>,
}

/// Reads metadata from a parsed page; `source` fields from the caller win.
pub(super) fn read(doc: &Html, source: &SourceMeta) -> PageMeta {
    let tags = meta_tags(doc);
    let ld = article_ld(doc);
    let tag = |names: &[&str]| names.iter().find_map(|name| tags.get(*name).cloned());
    let ld_str = |key: &str| ld.as_ref().and_then(|ld| ld.get(key)).and_then(text_of);

    let url = source
        .url
        .clone()
        .or_else(|| tag(&["og:url"]))
        .or_else(|| first_attr(doc, "link[rel=canonical]", "href"))
        .filter(|url| url.starts_with("http"));
    let outlet = source
        .outlet
        .clone()
        .or_else(|| tag(&["og:site_name"]))
        .or_else(|| {
            ld.as_ref()
                .and_then(|ld| ld.get("publisher"))
                .and_then(|p| p.get("name"))
                .and_then(text_of)
        })
        .or_else(|| url.as_deref().and_then(host));
    let h1 = first_text(doc, "h1");
    let html_title = first_text(doc, "title").map(|title| strip_outlet(&title, outlet.as_deref()));
    let title = tag(&["og:title", "twitter:title"])
        .or_else(|| ld_str("headline"))
        .or(html_title)
        .or_else(|| h1.clone())
        .filter(|title| !title.is_empty());

    let published = ld_str("datePublished")
        .into_iter()
        .chain(tag(&[
            "article:published_time",
            "date",
            "pubdate",
            "publish-date",
            "publishdate",
            "dc.date",
            "dc.date.issued",
            "datepublished",
        ]))
        .chain(first_attr(doc, "time[datetime]", "datetime"))
        .find_map(|value| parse_published(&value));

    let mut authors = Vec::new();
    if let Some(author) = ld.as_ref().and_then(|ld| ld.get("author")) {
        ld_names(author, &mut authors);
    }
    if authors.is_empty() {
        authors.extend(tag(&["author"]).into_iter().flat_map(|value| split_names(&value)));
    }
    if authors.is_empty() {
        authors.extend(
            tag(&["article:author"])
                .filter(|value| !value.contains("://") && !value.starts_with("www."))
                .into_iter()
                .flat_map(|value| split_names(&value)),
        );
    }
    authors.dedup();

    let language = first_attr(doc, "html", "lang")
        .or_else(|| tag(&["og:locale"]))
        .or_else(|| ld.as_ref().and_then(|ld| ld.get("inLanguage")).and_then(language_of))
        .map(|tag| Language::from_tag(&tag))
        .filter(|language| *language != Language::Undetermined);

    PageMeta {
        url,
        title,
        outlet,
        published,
        authors,
        language,
        description: tag(&["og:description", "description", "twitter:description"]),
        h1,
    }
}

/// `<meta>` contents keyed by lowercased `property`, `name` or `itemprop`; the first one wins.
fn meta_tags(doc: &Html) -> HashMap<String, String> {
    let mut out = HashMap::new();
    for element in doc.select(&selector("meta[content]")) {
        let Some(content) = element.attr("content").map(|content| content.trim()) else { continue };
        if content.is_empty() {
            continue;
        }
        for key in ["property", "name", "itemprop"] {
            if let Some(name) = element.attr(key) {
                out.entry(name.trim().to_ascii_lowercase()).or_insert_with(|| content.to_string());
            }
        }
    }
    out
}

/// The JSON-LD object that describes the article, looking inside arrays and `@graph`.
fn article_ld(doc: &Html) -> Option<Value> {
    let mut objects = Vec::new();
    for script in doc.select(&selector(r#"script[type="application/ld+json"]"#)) {
        let raw: String = script.text().collect();
        // Some CMSs leave trailing semicolons or HTML comments around the JSON.
        let raw = raw
            .trim()
            .trim_start_matches("<!--")
            .trim_end_matches("-->")
            .trim()
            .trim_end_matches(';');
        if let Ok(value) = serde_json::from_str::<Value>(raw) {
            flatten_ld(value, &mut objects);
        }
    }
    let is_article = |value: &Value| {
        let types: Vec<&str> = match value.get("@type") {
            Some(Value::String(kind)) => vec![kind.as_str()],
            Some(Value::Array(kinds)) => kinds.iter().filter_map(Value::as_str).collect(),
            _ => Vec::new(),
        };
        types
            .iter()
            .any(|kind| kind.ends_with("Article") || *kind == "BlogPosting" || *kind == "Report")
    };
    let index = objects
        .iter()
        .position(is_article)
        .or_else(|| objects.iter().position(|value| value.get("headline").is_some()))?;
    Some(objects.swap_remove(index))
}

fn flatten_ld(value: Value, out: &mut Vec<Value>) {
    match value {
        Value::Array(items) => items.into_iter().for_each(|item| flatten_ld(item, out)),
        Value::Object(mut map) => {
            if let Some(graph) = map.remove("@graph") {
                flatten_ld(graph, out);
            }
            if !map.is_empty() {
                out.push(Value::Object(map));
            }
        }
        _ => {}
    }
}

/// Author names from a JSON-LD `author`: a string, a `Person`, or a list of either.
fn ld_names(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::String(name) => out.extend(split_names(name)),
        Value::Array(items) => items.iter().for_each(|item| ld_names(item, out)),
        Value::Object(map) => {
            if let Some(name) = map.get("name") {
                ld_names(name, out);
            }
        }
        _ => {}
    }
}

/// "Ana Torres, Luis Vega and Jo Park" as three names; URLs are not names.
fn split_names(value: &str) -> Vec<String> {
    value
        .split([',', ';', '|'])
        .flat_map(|part| part.split(" and "))
        .map(|name| name.trim())
        .filter(|name| {
            !name.is_empty() && !name.contains("://") && name.split_whitespace().count() <= 6
        })
        .map(str::to_string)
        .collect()
}

fn text_of(value: &Value) -> Option<String> {
    match value {
        Value::String(text) => Some(text.trim().to_string()).filter(|text| !text.is_empty()),
        Value::Array(items) => items.iter().find_map(text_of),
        _ => None,
    }
}

fn language_of(value: &Value) -> Option<String> {
    text_of(value)
        .or_else(|| value.get("alternateName").or_else(|| value.get("name")).and_then(text_of))
}

/// The host of a URL without `www.`.
pub(super) fn host(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?.rsplit('@').next()?.split(':').next()?;
    let host = host.strip_prefix("www.").unwrap_or(host).to_ascii_lowercase();
    Some(host).filter(|host| !host.is_empty())
}

/// Drops a trailing " | Outlet" or " - Outlet" from a `<title>`.
///
/// Pipe-separated tails are section and site names when short; dash tails only when they
/// name the outlet, since dashes also occur inside headlines.
fn strip_outlet(title: &str, outlet: Option<&str>) -> String {
    let squash = |text: &str| {
        text.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect::<String>()
    };
    let outlet = outlet.map(squash).unwrap_or_default();
    let names_outlet = |tail: &str| {
        let tail = squash(tail);
        !tail.is_empty() && !outlet.is_empty() && (outlet.contains(&tail) || tail.contains(&outlet))
    };
    let mut title = title.trim();
    loop {
        let cut = [" | ", " - ", " – ", " — ", " :: "].iter().find_map(|sep| {
            let (head, tail) = title.rsplit_once(sep)?;
            let short =
                tail.split_whitespace().count() <= 3 && head.split_whitespace().count() >= 3;
            (names_outlet(tail) || (*sep == " | " && short)).then_some(head)
        });
        match cut {
            Some(head) => title = head.trim(),
            None => return title.to_string(),
        }
    }
}

fn selector(css: &str) -> Selector {
    Selector::parse(css).expect("selectors in this module are valid CSS")
}

fn first_attr(doc: &Html, css: &str, attr: &str) -> Option<String> {
    doc.select(&selector(css))
        .filter_map(|element| element.attr(attr))
        .map(str::trim)
        .find(|value| !value.is_empty())
        .map(str::to_string)
}

fn first_text(doc: &Html, css: &str) -> Option<String> {
    doc.select(&selector(css)).map(element_text).find(|text| !text.is_empty())
}

/// An element's text with whitespace folded.
pub(super) fn element_text(element: ElementRef<'_>) -> String {
    element.text().flat_map(str::split_whitespace).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_lose_outlet_suffixes() {
        assert_eq!(
            strip_outlet("Police arrest four | World | News | Express.co.uk", None),
            "Police arrest four"
        );
        assert_eq!(
            strip_outlet("Police arrest four in Lima - Andes Wire", Some("Andes Wire")),
            "Police arrest four in Lima"
        );
        assert_eq!(
            strip_outlet("Lima - the city that never sleeps", Some("Andes Wire")),
            "Lima - the city that never sleeps"
        );
    }

    #[test]
    fn hosts_drop_www() {
        assert_eq!(host("https://www.example.com/a/b").as_deref(), Some("example.com"));
        assert_eq!(host("not a url"), None);
    }
}
