//! RSS 2.0, RSS 1.0 (RDF) and Atom feeds: one draft per item, with HTML bodies read by the HTML reader.
//!
//! Feeds are untrusted XML. A DOCTYPE that declares entities is refused outright, so neither
//! entity expansion (billion laughs) nor external entities can happen; references to any entity
//! other than the five predefined ones are errors for the item that holds them.
//! Each item is collected into a small element tree, bounded in depth, and read from there.

use std::borrow::Cow;

use model::{BlockKind, Diagnostic, DiagnosticCode, Format, Language};
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;
use quick_xml::NsReader;

use super::{clean, date::parse_published, Draft, DraftBlock, SourceMeta};

/// Elements nested deeper than this inside an item are flattened into their ancestor,
/// so hostile nesting can't blow the stack in the recursive tree walks below.
const MAX_DEPTH: usize = 64;

/// A summary under this many words (or of one paragraph) is a teaser, not the article.
const SUMMARY_WORDS: usize = 80;

/// Reads a feed into one draft per item.
///
/// Items read before a syntax error are kept; the error names the byte where parsing stopped.
pub fn parse(xml: &str, meta: &SourceMeta) -> (Vec<Draft>, Vec<Diagnostic>) {
    let mut parser = Parser {
        meta,
        kind: None,
        drafts: Vec::new(),
        diagnostics: Vec::new(),
        items: 0,
        channel_title: None,
        channel_language: None,
    };
    let completed = parser.run(xml);
    parser.finish(completed)
}

/// Which dialect the root element announced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Rss,
    Atom,
}

impl Kind {
    /// The namespaces the dialect's own elements may be in.
    fn own(self) -> &'static [Ns] {
        match self {
            Kind::Rss => &[Ns::None, Ns::Rss],
            Kind::Atom => &[Ns::Atom, Ns::None],
        }
    }
}

/// The namespaces feeds mix; anything else is `Other`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ns {
    None,
    Atom,
    Rss,
    Rdf,
    Content,
    Dc,
    Other,
}

fn namespace(resolved: &ResolveResult) -> Ns {
    match resolved {
        ResolveResult::Unbound => Ns::None,
        ResolveResult::Bound(ns) => match ns.as_ref() {
            b"http://www.w3.org/2005/Atom" | b"http://purl.org/atom/ns#" => Ns::Atom,
            b"http://purl.org/rss/1.0/" | b"http://backend.userland.com/rss2" => Ns::Rss,
            b"http://www.w3.org/1999/02/22-rdf-syntax-ns#" => Ns::Rdf,
            b"http://purl.org/rss/1.0/modules/content/" => Ns::Content,
            b"http://purl.org/dc/elements/1.1/" | b"http://purl.org/dc/terms/" => Ns::Dc,
            _ => Ns::Other,
        },
        // Feeds often use the usual prefixes without declaring them.
        ResolveResult::Unknown(prefix) => match prefix.as_slice() {
            b"atom" => Ns::Atom,
            b"content" => Ns::Content,
            b"dc" | b"dcterms" => Ns::Dc,
            b"rdf" => Ns::Rdf,
            _ => Ns::Other,
        },
    }
}

/// An element of an item, with its text already unescaped.
#[derive(Debug)]
struct Node {
    ns: Ns,
    name: String,
    attrs: Vec<(String, String)>,
    children: Vec<Child>,
}

#[derive(Debug)]
enum Child {
    Node(Node),
    Text(String),
}

impl Node {
    fn attr(&self, key: &str) -> Option<&str> {
        self.attrs.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
    }

    fn is(&self, ns: &[Ns], name: &str) -> bool {
        ns.contains(&self.ns) && self.name == name
    }

    fn all<'a>(&'a self, ns: &'a [Ns], name: &'a str) -> impl Iterator<Item = &'a Node> + 'a {
        self.children.iter().filter_map(move |child| match child {
            Child::Node(node) if node.is(ns, name) => Some(node),
            _ => None,
        })
    }

    fn first(&self, ns: &[Ns], name: &str) -> Option<&Node> {
        self.children.iter().find_map(|child| match child {
            Child::Node(node) if node.is(ns, name) => Some(node),
            _ => None,
        })
    }

    /// All text below this element, in document order.
    fn text(&self) -> String {
        let mut out = String::new();
        self.collect_text(&mut out);
        out
    }

    fn collect_text(&self, out: &mut String) {
        for child in &self.children {
            match child {
                Child::Text(text) => out.push_str(text),
                Child::Node(node) => node.collect_text(out),
            }
        }
    }

    /// The children written back as markup, for Atom's inline XHTML content.
    fn inner_markup(&self, out: &mut String) {
        for child in &self.children {
            match child {
                Child::Text(text) => escape_into(text, out),
                Child::Node(node) => {
                    out.push('<');
                    out.push_str(&node.name);
                    for (key, value) in &node.attrs {
                        out.push(' ');
                        out.push_str(key);
                        out.push_str("=\"");
                        escape_into(value, out);
                        out.push('"');
                    }
                    out.push('>');
                    node.inner_markup(out);
                    out.push_str("</");
                    out.push_str(&node.name);
                    out.push('>');
                }
            }
        }
    }

    fn push_text(&mut self, text: &str) {
        if let Some(Child::Text(last)) = self.children.last_mut() {
            last.push_str(text);
        } else {
            self.children.push(Child::Text(text.to_string()));
        }
    }
}

fn escape_into(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
}

/// What a collected subtree is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    Item,
    ChannelTitle,
    ChannelLanguage,
}

/// A subtree being collected, with the first entity error met inside it.
struct Capture {
    target: Target,
    stack: Vec<Node>,
    /// Elements below `MAX_DEPTH` whose end tags are still to come.
    flattened: usize,
    error: Option<String>,
}

struct Parser<'m> {
    meta: &'m SourceMeta,
    kind: Option<Kind>,
    drafts: Vec<Draft>,
    diagnostics: Vec<Diagnostic>,
    /// Items seen so far, skipped ones included, so `#item-n` numbers follow the document.
    items: usize,
    channel_title: Option<String>,
    channel_language: Option<Language>,
}

/// How reading the XML ended.
#[derive(Debug, PartialEq, Eq)]
enum Completed {
    /// The document was read to its end.
    Whole,
    /// A syntax error or an unknown root stopped reading.
    Stopped,
    /// A DOCTYPE declared entities; nothing from the document may be used.
    Refused,
}

impl Parser<'_> {
    fn run(&mut self, xml: &str) -> Completed {
        let mut reader = NsReader::from_str(xml);
        reader.config_mut().expand_empty_elements = true;
        // Open elements outside any capture, as (namespace, local name).
        let mut path: Vec<(Ns, String)> = Vec::new();
        let mut capture: Option<Capture> = None;
        loop {
            let (ns, event) = match reader.read_resolved_event() {
                Ok((resolved, event)) => (namespace(&resolved), event),
                Err(err) => {
                    self.malformed(format!(
                        "malformed XML at byte {}: {err}",
                        reader.error_position()
                    ));
                    return Completed::Stopped;
                }
            };
            match event {
                Event::DocType(doctype) => {
                    let upper = doctype.to_ascii_uppercase();
                    if upper.windows(8).any(|window| window == b"<!ENTITY") {
                        self.diagnostics.push(Diagnostic::error(
                            DiagnosticCode::EntityExpansion,
                            &self.meta.source,
                            "the DOCTYPE declares entities; the feed is refused to prevent entity expansion",
                        ));
                        return Completed::Refused;
                    }
                }
                Event::Start(start) => {
                    let name = String::from_utf8_lossy(start.local_name().as_ref()).into_owned();
                    if let Some(capture) = capture.as_mut() {
                        if capture.stack.len() >= MAX_DEPTH {
                            capture.flattened += 1;
                        } else {
                            let node = node(ns, name, &start, &mut capture.error);
                            capture.stack.push(node);
                        }
                        continue;
                    }
                    let Some(kind) = self.kind else {
                        if !self.root(ns, &name, &start) {
                            return Completed::Stopped;
                        }
                        path.push((ns, name));
                        continue;
                    };
                    let target = self.target(kind, ns, &name, &path);
                    match target {
                        Some(target) => {
                            let mut error = None;
                            let node = node(ns, name, &start, &mut error);
                            capture =
                                Some(Capture { target, stack: vec![node], flattened: 0, error });
                        }
                        None => path.push((ns, name)),
                    }
                }
                Event::End(_) => match capture.as_mut() {
                    Some(open) if open.flattened > 0 => open.flattened -= 1,
                    Some(open) => {
                        let node =
                            open.stack.pop().expect("a capture holds its root until it closes");
                        match open.stack.last_mut() {
                            Some(parent) => parent.children.push(Child::Node(node)),
                            None => {
                                let done = capture.take().expect("checked above");
                                self.complete(done.target, &node, done.error);
                            }
                        }
                    }
                    None => {
                        path.pop();
                    }
                },
                Event::Text(text) => {
                    if let Some(open) = capture.as_mut() {
                        let raw = String::from_utf8_lossy(&text);
                        match unescape(&raw) {
                            Ok(text) => open
                                .stack
                                .last_mut()
                                .expect("non-empty while open")
                                .push_text(&text),
                            Err(message) => {
                                open.error.get_or_insert(message);
                            }
                        }
                    }
                }
                Event::CData(cdata) => {
                    if let Some(open) = capture.as_mut() {
                        let text = String::from_utf8_lossy(&cdata);
                        open.stack.last_mut().expect("non-empty while open").push_text(&text);
                    }
                }
                Event::Eof => {
                    let open =
                        capture.as_ref().and_then(|open| open.stack.first()).map(|node| &node.name);
                    if let Some(name) = open.or(path.last().map(|(_, name)| name)) {
                        self.malformed(format!(
                            "malformed XML at byte {}: the input ends before </{name}>",
                            reader.buffer_position()
                        ));
                        return Completed::Stopped;
                    }
                    return Completed::Whole;
                }
                Event::Empty(_) | Event::Comment(_) | Event::Decl(_) | Event::PI(_) => {}
            }
        }
    }

    /// Recognises the root element; false when it is not a feed.
    fn root(&mut self, ns: Ns, name: &str, start: &BytesStart) -> bool {
        self.kind = match (ns, name) {
            (Ns::None | Ns::Rss, "rss" | "channel") | (_, "RDF") => Some(Kind::Rss),
            (Ns::Atom | Ns::None, "feed") => Some(Kind::Atom),
            _ => None,
        };
        if self.kind.is_none() {
            self.diagnostics.push(Diagnostic::error(
                DiagnosticCode::UnknownFormat,
                &self.meta.source,
                format!("XML root element <{name}> is neither RSS nor Atom"),
            ));
            return false;
        }
        let mut ignored = None;
        let root = node(ns, name.to_string(), start, &mut ignored);
        self.channel_language = root.attr("xml:lang").map(Language::from_tag);
        true
    }

    /// Whether an element opened at `path` starts a subtree worth collecting.
    fn target(&self, kind: Kind, ns: Ns, name: &str, path: &[(Ns, String)]) -> Option<Target> {
        let own = kind.own();
        let in_channel = match kind {
            Kind::Rss => {
                path.last().is_some_and(|(ns, name)| own.contains(ns) && name == "channel")
            }
            Kind::Atom => path.len() == 1,
        };
        match (kind, ns, name) {
            (Kind::Rss, _, "item") | (Kind::Atom, _, "entry") if own.contains(&ns) => {
                Some(Target::Item)
            }
            (_, _, "title") if in_channel && own.contains(&ns) => Some(Target::ChannelTitle),
            (Kind::Rss, _, "language") if in_channel && own.contains(&ns) => {
                Some(Target::ChannelLanguage)
            }
            (Kind::Rss, Ns::Dc, "language") if in_channel => Some(Target::ChannelLanguage),
            _ => None,
        }
    }

    fn complete(&mut self, target: Target, node: &Node, error: Option<String>) {
        match target {
            Target::Item => {
                self.items += 1;
                let source = format!("{}#item-{}", self.meta.source, self.items);
                match error {
                    Some(message) => self.diagnostics.push(Diagnostic::error(
                        DiagnosticCode::MalformedXml,
                        source,
                        format!("item skipped: {message}"),
                    )),
                    None => {
                        if let Some(draft) = self.item(node, source) {
                            self.drafts.push(draft);
                        }
                    }
                }
            }
            // A channel field with a bad entity is just left out; the items don't depend on it.
            _ if error.is_some() => {}
            Target::ChannelTitle => {
                let title = self.plain(node);
                if !title.is_empty() {
                    self.channel_title.get_or_insert(title);
                }
            }
            Target::ChannelLanguage => {
                let tag = node.text();
                if !tag.trim().is_empty() {
                    self.channel_language = Some(Language::from_tag(&tag));
                }
            }
        }
    }

    /// Turns one item or entry into a draft; `None` when it holds nothing at all.
    fn item(&mut self, item: &Node, source: String) -> Option<Draft> {
        let kind = self.kind.expect("items are only collected once the root is known");
        let own = kind.own();
        let mut draft = Draft::new(&source, Format::Feed);
        draft.outlet.clone_from(&self.meta.outlet);
        let title = item
            .first(own, "title")
            .or_else(|| item.first(&[Ns::Dc], "title"))
            .map(|node| self.plain(node));
        let title = title.filter(|title| !title.is_empty());
        draft.url = link(kind, item);
        draft.published =
            [(own, "pubDate"), (&[Ns::Dc][..], "date"), (own, "published"), (own, "updated")]
                .iter()
                .flat_map(|(ns, name)| item.all(ns, name))
                .find_map(|node| parse_published(&node.text()));
        draft.authors = authors(kind, item);
        draft.declared_language = item
            .attr("xml:lang")
            .or_else(|| item.first(own, "content").and_then(|content| content.attr("xml:lang")))
            .map(Language::from_tag)
            .or_else(|| {
                item.first(&[Ns::Dc], "language").map(|node| Language::from_tag(&node.text()))
            });

        if let Some(title) = &title {
            draft.push(title.clone(), Some(BlockKind::Headline));
        }
        draft.title = title;
        let content = match kind {
            Kind::Rss => item.first(&[Ns::Content], "encoded").map(|node| Body::Html(node.text())),
            Kind::Atom => item.first(own, "content").and_then(atom_body),
        };
        let summary = match kind {
            Kind::Rss => item
                .first(own, "description")
                .or_else(|| item.first(&[Ns::Dc], "description"))
                .map(|node| Body::guess(node.text())),
            Kind::Atom => item.first(own, "summary").and_then(atom_body),
        };
        let url = draft.url.clone();
        let content = content.map(|body| self.blocks(body, &source, url.as_deref()));
        match content.filter(|blocks| !blocks.is_empty()) {
            Some(blocks) => append(&mut draft, blocks),
            None => {
                let summary = summary.map(|body| self.blocks(body, &source, url.as_deref()));
                let summary = summary.unwrap_or_default();
                let words: usize =
                    summary.iter().map(|block| block.text.split_whitespace().count()).sum();
                let teaser = summary.len() <= 1 || words < SUMMARY_WORDS;
                let what = if summary.is_empty() { "no text" } else { "only a summary" };
                append(&mut draft, summary);
                if teaser && (url.is_some() || !draft.blocks.is_empty()) {
                    let message = match &url {
                        Some(url) => format!("item has {what}; use --follow-links to fetch {url}"),
                        None => format!("item has {what} and no link to the full article"),
                    };
                    self.diagnostics.push(Diagnostic::info(
                        DiagnosticCode::SummaryOnly,
                        &source,
                        message,
                    ));
                    draft.follow = url;
                }
            }
        }
        if draft.blocks.is_empty() && draft.follow.is_none() {
            self.diagnostics.push(Diagnostic::warning(
                DiagnosticCode::NoText,
                &source,
                "item has no title, text or link",
            ));
            return None;
        }
        Some(draft)
    }

    /// Text of a title-like element, with markup removed when its type (or its look) says HTML.
    fn plain(&self, node: &Node) -> String {
        let text = node.text();
        let html =
            matches!(node.attr("type"), Some("html" | "text/html")) || looks_like_html(&text);
        let text = if html { strip_tags(&text) } else { text };
        clean::inline(&text)
    }

    /// Block texts for a body; HTML goes through the HTML reader, whose metadata is ignored.
    fn blocks(&mut self, body: Body, source: &str, url: Option<&str>) -> Vec<DraftBlock> {
        match body {
            Body::Html(html) if html.trim().is_empty() => Vec::new(),
            Body::Html(html) => {
                let meta = SourceMeta {
                    source: source.to_string(),
                    url: url.map(str::to_string),
                    outlet: None,
                    charset: None,
                };
                let (page, diagnostics) = super::html::fragment(&html, &meta);
                self.diagnostics.extend(diagnostics);
                page.blocks
            }
            Body::Plain(text) => text
                .replace("\r\n", "\n")
                .split("\n\n")
                .filter(|paragraph| !paragraph.trim().is_empty())
                .map(|paragraph| DraftBlock { text: paragraph.trim().to_string(), hint: None })
                .collect(),
        }
    }

    fn malformed(&mut self, message: String) {
        let kept = self.drafts.len();
        let message = if kept > 0 {
            format!("{message}; {kept} item(s) read before it were kept")
        } else {
            message
        };
        self.diagnostics.push(Diagnostic::error(
            DiagnosticCode::MalformedXml,
            &self.meta.source,
            message,
        ));
    }

    fn finish(mut self, completed: Completed) -> (Vec<Draft>, Vec<Diagnostic>) {
        if completed == Completed::Refused {
            self.drafts.clear();
            return (self.drafts, self.diagnostics);
        }
        if completed == Completed::Whole {
            if self.kind.is_none() {
                self.diagnostics.push(Diagnostic::error(
                    DiagnosticCode::UnknownFormat,
                    &self.meta.source,
                    "the XML has no root element, so it is not an RSS or Atom feed",
                ));
            } else if self.items == 0 {
                self.diagnostics.push(Diagnostic::warning(
                    DiagnosticCode::Empty,
                    &self.meta.source,
                    "feed has no items",
                ));
            }
        }
        // Channel fields may come after the items, so they are filled in last.
        for draft in &mut self.drafts {
            if draft.outlet.is_none() {
                draft.outlet.clone_from(&self.channel_title);
            }
            if draft.declared_language.is_none() {
                draft.declared_language.clone_from(&self.channel_language);
            }
        }
        (self.drafts, self.diagnostics)
    }
}

/// Appends body blocks, dropping a leading one that repeats the headline.
fn append(draft: &mut Draft, blocks: Vec<DraftBlock>) {
    let title = draft.title.as_deref().map(clean::inline);
    for (idx, block) in blocks.into_iter().enumerate() {
        if idx == 0 && title.is_some() && title == Some(clean::inline(&block.text)) {
            continue;
        }
        draft.push(block.text, block.hint);
    }
}

/// A body as the feed carries it.
enum Body {
    Html(String),
    Plain(String),
}

impl Body {
    /// RSS descriptions may be plain text or escaped HTML; the text itself tells which.
    fn guess(text: String) -> Body {
        if looks_like_html(&text) {
            Body::Html(text)
        } else {
            Body::Plain(text)
        }
    }
}

/// Atom `content`/`summary` by `type`; out-of-line (`src`) and binary content carry no text here.
fn atom_body(node: &Node) -> Option<Body> {
    if node.attr("src").is_some() {
        return None;
    }
    match node.attr("type").unwrap_or("text") {
        "html" | "text/html" => Some(Body::Html(node.text())),
        "xhtml" | "application/xhtml+xml" => {
            let mut markup = String::new();
            node.inner_markup(&mut markup);
            Some(Body::Html(markup))
        }
        "text" | "text/plain" => Some(Body::guess(node.text())),
        _ => None,
    }
}

/// RSS `link` (then a permalink `guid`, then RDF `rdf:about`); Atom's alternate link, else the first href.
fn link(kind: Kind, item: &Node) -> Option<String> {
    let own = kind.own();
    let found = match kind {
        Kind::Rss => item
            .all(own, "link")
            .map(|node| node.text().trim().to_string())
            .find(|href| !href.is_empty())
            .or_else(|| {
                item.all(own, "guid")
                    .filter(|guid| guid.attr("isPermaLink") != Some("false"))
                    .map(|guid| guid.text().trim().to_string())
                    .find(|guid| guid.starts_with("http://") || guid.starts_with("https://"))
            })
            .or_else(|| item.attr("rdf:about").map(|about| about.trim().to_string())),
        Kind::Atom => {
            let hrefs =
                || item.all(own, "link").filter_map(|link| Some((link, link.attr("href")?.trim())));
            hrefs()
                .find(|(link, _)| link.attr("rel").unwrap_or("alternate") == "alternate")
                .or_else(|| hrefs().next())
                .map(|(_, href)| href.to_string())
        }
    };
    found.filter(|href| !href.is_empty())
}

/// RSS `author` ("email (Name)" keeps the name) and `dc:creator`; Atom `author/name`.
fn authors(kind: Kind, item: &Node) -> Vec<String> {
    let own = kind.own();
    let mut names: Vec<String> = Vec::new();
    let found = item.all(own, "author").map(|author| match kind {
        Kind::Rss => rss_author(&author.text()),
        Kind::Atom => author.first(own, "name").map_or_else(|| author.text(), Node::text),
    });
    for name in found.chain(item.all(&[Ns::Dc], "creator").map(Node::text)) {
        let name = clean::inline(&name);
        if !name.is_empty() && !names.contains(&name) {
            names.push(name);
        }
    }
    names
}

fn rss_author(value: &str) -> String {
    let value = value.trim();
    match (value.find('('), value.ends_with(')')) {
        (Some(open), true) if value[..open].contains('@') => {
            value[open + 1..value.len() - 1].to_string()
        }
        _ => value.to_string(),
    }
}

/// Builds a node from a start tag; attribute values with unknown entities record an error.
fn node(ns: Ns, name: String, start: &BytesStart, error: &mut Option<String>) -> Node {
    let mut attrs = Vec::new();
    for attr in start.attributes().with_checks(false).flatten() {
        let key = String::from_utf8_lossy(attr.key.as_ref()).into_owned();
        let raw = String::from_utf8_lossy(&attr.value);
        match unescape(&raw) {
            Ok(value) => attrs.push((key, value.into_owned())),
            Err(message) => {
                error.get_or_insert(message);
            }
        }
    }
    Node { ns, name, attrs, children: Vec::new() }
}

/// Expands the five predefined entities and character references and nothing else.
///
/// Unknown entities are errors, never expanded; a bare `&` that starts no reference is kept.
fn unescape(raw: &str) -> Result<Cow<'_, str>, String> {
    if !raw.contains('&') {
        return Ok(Cow::Borrowed(raw));
    }
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let name_len = after.bytes().take(32).position(|b| {
            !(b.is_ascii_alphanumeric() || matches!(b, b'#' | b'_' | b'-' | b'.' | b':'))
        });
        let Some(len) = name_len.filter(|&len| len > 0 && after.as_bytes()[len] == b';') else {
            out.push('&');
            rest = after;
            continue;
        };
        let name = &after[..len];
        let c = match name {
            "lt" => Some('<'),
            "gt" => Some('>'),
            "amp" => Some('&'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => match name.strip_prefix('#') {
                Some(number) => {
                    let code = match number.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16),
                        None => number.parse(),
                    };
                    match code.ok().and_then(char::from_u32) {
                        Some(c) => Some(c),
                        None => return Err(format!("invalid character reference &{name};")),
                    }
                }
                None => None,
            },
        };
        match c {
            Some(c) => out.push(c),
            None => return Err(format!("unknown entity &{name}; (entities are never expanded)")),
        }
        rest = &after[len + 1..];
    }
    out.push_str(rest);
    Ok(Cow::Owned(out))
}

/// A `<` that opens a tag, or an HTML entity left after XML unescaping.
fn looks_like_html(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.windows(2).any(|pair| {
        pair[0] == b'<' && (pair[1].is_ascii_alphabetic() || matches!(pair[1], b'/' | b'!'))
    }) || ["&nbsp;", "&amp;", "&quot;", "&#"].iter().any(|entity| text.contains(entity))
}

/// Drops tags from a short HTML string such as an Atom `type="html"` title.
fn strip_tags(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    for (entity, c) in [
        ("&nbsp;", " "),
        ("&quot;", "\""),
        ("&#39;", "'"),
        ("&lt;", "<"),
        ("&gt;", ">"),
        ("&amp;", "&"),
    ] {
        if out.contains(entity) {
            out = out.replace(entity, c);
        }
    }
    out
}

#[cfg(test)]
mod tests;
